"""JSON Lines and CSV exports: one post per line or row, its parts in named fields.

Both are read a line at a time with ``readline(limit)``, so a line or row longer than a
post may be is skipped with a ``RecordError`` after reading at most ``limit`` bytes of it:
memory stays bounded by one post whatever the file holds.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import BinaryIO

from healthlint.core.errors import HealthlintError
from healthlint.core.metadata import Metadata
from healthlint.core.model import Record, Span
from healthlint.files.exports.spec import ExportSpec, RecordError, limit_text, unnamed_id
from healthlint.files.limits import load_json

_BOM = b"\xef\xbb\xbf"
_SKIP_CHUNK = 1024 * 1024
_META = ("author", "published", "updated")


def read_jsonl(
    path: str, file: BinaryIO, spec: ExportSpec, limit: int
) -> Iterator[Record | RecordError]:
    number = 0
    for line_number, raw in enumerate(_lines(file, limit), 1):
        if raw is not None:
            if line_number == 1:
                raw = raw.removeprefix(_BOM)
            if not raw.strip():
                continue
        number += 1
        if raw is None:
            yield RecordError(
                path,
                number,
                line_number,
                f"line longer than {limit_text(limit)}, the limit for a post; skipped",
            )
            continue
        value = _json_object(raw)
        if isinstance(value, _NotAnObject):
            if number == 1 and not value.maybe_record:
                # A file named like an export that is none (Markdown, a JSON document):
                # one line for the file, not one per line of it.
                raise HealthlintError(
                    f"{path}: not JSON Lines: line {line_number} is not a JSON object "
                    f"({value.message})"
                )
            yield RecordError(path, number, line_number, value.message)
            continue
        yield _record(path, value, spec, number, line_number, declared=_has_meta(value, spec))


@dataclass(frozen=True, slots=True)
class _NotAnObject:
    message: str
    maybe_record: bool
    """Whether the line is a JSON object all the same (one nested too deep), so that a
    file starting with it is JSON Lines."""


def _json_object(raw: bytes) -> dict[str, object] | _NotAnObject:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as problem:
        return _NotAnObject(
            f"not valid UTF-8 at byte {problem.start} of the line", maybe_record=False
        )
    try:
        value = load_json(text.rstrip("\r\n"))
    except json.JSONDecodeError as problem:
        return _NotAnObject(
            f"not valid JSON: {problem.msg} (column {problem.colno})", maybe_record=False
        )
    except ValueError as problem:  # TooComplex
        return _NotAnObject(f"JSON {problem}", maybe_record=True)
    if not isinstance(value, dict):
        return _NotAnObject(f"a JSON {type(value).__name__}, not an object", maybe_record=False)
    return value


def _lines(file: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The file's lines, None for one longer than ``limit`` (read past, never held)."""
    while line := file.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := file.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def read_csv(
    path: str, file: BinaryIO, spec: ExportSpec, limit: int
) -> Iterator[Record | RecordError]:
    lines = _RowLines(file, limit)
    # Strict: a quote where none may be (after a closing quote, at the end of the file) is
    # an error, rather than a row that silently runs on into the rows after it.
    rows = _Rows(csv.reader(lines, strict=True), lines, limit)
    header = _header(path, rows, spec)
    declared = any(spec.field(name) in header for name in _META)
    number = 0
    while True:
        try:
            start, row = rows.next()
        except StopIteration:
            return
        except _BadRow as problem:
            number += 1
            yield RecordError(path, number, problem.line, str(problem))
            continue
        if not row:
            continue  # a blank line
        number += 1
        if len(row) != len(header):
            yield RecordError(
                path, number, start, f"{len(row)} fields where the header has {len(header)}"
            )
            continue
        yield _record(path, dict(zip(header, row, strict=True)), spec, number, start, declared)


class _BadRow(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


class _RowLines:
    """A CSV file's lines, as text, for ``csv.reader``; a row that grows past ``limit``
    bytes or is not UTF-8 is read to its end and raised as ``_BadRow``.

    Where a row ends is the CSV reader's business, except after such a row: then a row
    goes on while it has an odd number of quote characters (a quoted field's own quotes
    are doubled), which is where a well-formed row ends.
    """

    def __init__(self, file: BinaryIO, limit: int) -> None:
        self.file = file
        self.limit = limit
        self.line = 0
        """Lines read so far."""
        self.row_bytes = 0
        self.quotes = 0

    def start_row(self) -> None:
        self.row_bytes = 0
        self.quotes = 0

    def __iter__(self) -> _RowLines:
        return self

    def __next__(self) -> str:
        raw = self.file.readline(self.limit + 1 - self.row_bytes)
        if not raw:
            raise StopIteration
        self.line += 1
        if self.line == 1:
            raw = raw.removeprefix(_BOM)
        self.row_bytes += len(raw)
        self.quotes += raw.count(b'"')
        if self.row_bytes > self.limit:
            self._skip_row(raw)
            raise _BadRow(
                f"row longer than {limit_text(self.limit)}, the limit for a post; skipped", 0
            )
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as problem:
            self._skip_row(raw)
            raise _BadRow(
                f"not valid UTF-8 at byte {problem.start} of line {self.line}", 0
            ) from None

    def _skip_row(self, raw: bytes) -> None:
        """Read past the rest of the row ``raw`` is the last line read of."""
        ended = raw.endswith(b"\n")
        while not ended and (raw := self.file.readline(_SKIP_CHUNK)):
            self.quotes += raw.count(b'"')
            ended = raw.endswith(b"\n")
        self.skip_open_quote()

    def skip_open_quote(self) -> None:
        """After whole lines of a row were read, read past the lines that a quoted field
        left open goes on into (read, never held)."""
        ended = True
        while self.quotes % 2 and (raw := self.file.readline(_SKIP_CHUNK)):
            if ended:
                self.line += 1
            self.quotes += raw.count(b'"')
            ended = raw.endswith(b"\n")


class _Rows:
    """Rows of a CSV file with the line each starts on.

    ``csv.field_size_limit`` is one setting for the whole process, and its default (128 KB)
    is below a long post. It is raised only while a row is read and put back before the
    row is handed on, so no other code sees it (``_RowLines`` bounds the row anyway).
    """

    def __init__(self, reader: Iterator[list[str]], lines: _RowLines, limit: int) -> None:
        self.reader = reader
        self.lines = lines
        self.limit = limit

    def next(self) -> tuple[int, list[str]]:
        start = self.lines.line + 1
        self.lines.start_row()
        previous = csv.field_size_limit()
        if self.limit > previous:
            csv.field_size_limit(self.limit)
        try:
            return start, next(self.reader)
        except _BadRow as problem:
            raise _BadRow(str(problem), start) from None
        except csv.Error as problem:
            # The reader stops at the end of a line; the row may go on past it.
            self.lines.skip_open_quote()
            last = self.lines.line
            skipped = f"; lines {start}-{last} skipped" if last > start else ""
            raise _BadRow(f"not valid CSV ({problem}){skipped}", start) from None
        finally:
            csv.field_size_limit(previous)


def _header(path: str, rows: _Rows, spec: ExportSpec) -> tuple[str, ...]:
    while True:
        try:
            _, row = rows.next()
        except StopIteration:
            raise HealthlintError(f"{path}: no header row (the file is empty)") from None
        except _BadRow as problem:
            raise HealthlintError(f"{path}: header row unreadable: {problem}") from None
        if row:
            break
    header = tuple(name.strip() for name in row)
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise HealthlintError(f"{path}: column {name!r} appears twice in the header row")
        seen.add(name)
    wanted = {"text": spec.field("text")}
    wanted.update((n, c) for n in ("id", "title", *_META) if (c := spec.named(n)))
    for name, column in wanted.items():
        if column not in seen:
            shown = ", ".join(header[:12]) + (", …" if len(header) > 12 else "")
            raise HealthlintError(
                f"{path}: no column {column!r} for the {name} (--{name}-field) "
                f"in the header row ({shown})"
            )
    return header


def _has_meta(value: Mapping[str, object], spec: ExportSpec) -> bool:
    """Whether a JSON record has a place for metadata: a field for it was named (so every
    record should have it), or the record has one by its default name."""
    return any(spec.named(name) or name in value for name in _META)


def _record(
    path: str,
    values: Mapping[str, object],
    spec: ExportSpec,
    number: int,
    line: int,
    declared: bool,
) -> Record | RecordError:
    named = _scalar(values.get(spec.field("id"))) or ""
    column = spec.field("text")
    text = values.get(column)
    if text is None:
        return RecordError(path, number, line, f"no {column!r} field", named)
    if not isinstance(text, str):
        return RecordError(path, number, line, f"field {column!r} is not text", named)
    meta = None
    if declared:
        author, published, updated = (_scalar(values.get(spec.field(n))) for n in _META)
        meta = Metadata(Span(0, 0), author=author, published=published, updated=updated)
    return Record(
        id=named or unnamed_id(number),
        text=text,
        format=spec.format,
        title=_scalar(values.get(spec.field("title"))) or "",
        meta=meta,
        line=line,
    )


def _scalar(value: object) -> str | None:
    """A field's value as one line of text: strings and numbers; None for the rest."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = " ".join(str(value).split())
    return text or None
