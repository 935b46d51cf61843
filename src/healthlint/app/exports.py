"""CMS exports named on the command line: which paths are exports, read how, and each
record linted as a post of its own.

A path is an export when it is named (a directory walk never picks one up: a ``.csv`` in
a content repository is not a post) and ``--input`` says so or ``export_kind`` knows it
(``.jsonl``, ``.ndjson``, ``.csv``, an ``.xml`` WordPress export). Its records are linted
under the rules and genre of the export's path, one at a time (or a bounded number at a
time in ``--jobs`` processes), so that nothing holds the export whole.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from itertools import chain, islice
from typing import TYPE_CHECKING

from healthlint.core.errors import HealthlintError
from healthlint.core.model import FileError, Record
from healthlint.files.exports import ExportFields, ExportKind, ExportSpec, RecordError

if TYPE_CHECKING:
    from concurrent.futures import Future

    from healthlint.app.run import FileOutcome
    from healthlint.config.ruleset import RuleSet

STDIN = "-"  # healthlint.files.discover.STDIN
_BATCH = 16
"""Records per task sent to a worker process: a round trip costs about a small post."""
_OPTIONS = {"post_types": "--post-type", "statuses": "--status"}


@dataclass(frozen=True, kw_only=True)
class ExportOptions(ExportFields):
    """How the exports named are read: ``check``'s ``--input``, ``--*-field``,
    ``--text-format``, ``--post-type`` and ``--status``, as ``ExportSpec`` names them."""

    input: ExportKind | None = None
    """The kind of every file named (not of a directory's): for names that do not say."""

    def given(self) -> list[str]:
        """The options given, as the command line spells them, ``--input`` first."""
        named = ["input", *(item.name for item in fields(ExportFields))]
        return [
            _OPTIONS.get(name, "--" + name.replace("_", "-"))
            for name in named
            if getattr(self, name) is not None
        ]

    def spec(self, kind: ExportKind) -> ExportSpec:
        """These options for an export of ``kind``; ``HealthlintError`` for one that does
        not go with it (a field named for a WordPress export, ``--status`` for CSV)."""
        values = {item.name: getattr(self, item.name) for item in fields(ExportFields)}
        return ExportSpec(kind, **values)


def find_exports(paths: Sequence[str], options: ExportOptions) -> dict[str, ExportSpec]:
    """The paths named that are exports, each with how it is read, in the order named.
    ``HealthlintError`` for options that cannot apply: export options with no export
    named, ``--input`` for standard input or a directory, an option the export's kind
    does not take."""
    found: dict[str, ExportSpec] = {}
    for path in paths:
        if path == STDIN or os.path.isdir(path):
            if options.input is not None:
                what = "standard input ('-')" if path == STDIN else f"{path} is a directory, and"
                raise HealthlintError(
                    f"--input says how a file named is read: {what} is never read as an "
                    "export (name the export file)"
                )
            continue
        if path in found:
            continue
        from healthlint.files.exports import export_kind

        kind = options.input or export_kind(path)
        if kind is None:
            continue
        try:
            found[path] = options.spec(kind)
        except HealthlintError as error:
            raise HealthlintError(f"{path}: {error}") from None
    given = options.given()
    if given and not found:
        raise HealthlintError(
            f"{given[0]} is for CMS exports, and none is named (a WordPress .xml export, "
            ".jsonl, .ndjson or .csv; --input jsonl|csv|wxr for another name)"
        )
    return found


def read_export(
    path: str | os.PathLike[str], options: ExportOptions | None = None
) -> Iterator[Record | RecordError]:
    """Each post of the export at ``path`` as a ``Record``, read as ``healthlint check``
    reads it (its kind by its name, or ``options.input``; its fields as ``options`` name
    them), or a ``RecordError`` for a record that cannot be read: the reading goes on.
    ``HealthlintError`` now for options that do not go with the export, and while reading
    for a file that is not the export it should be (after the records read before)."""
    from healthlint.files.exports import export_kind, iter_records

    name = os.fspath(path)
    options = options if options is not None else ExportOptions()
    kind = options.input or export_kind(name)
    if kind is None:
        raise HealthlintError(
            f"{name}: not a CMS export by its name (a WordPress .xml export, .jsonl, "
            ".ndjson or .csv): say its kind, ExportOptions(input='jsonl'), 'csv' or 'wxr'"
        )
    try:
        spec = options.spec(kind)
    except HealthlintError as error:
        raise HealthlintError(f"{name}: {error}") from None
    return iter_records(name, spec)


def export_outcomes(
    path: str, spec: ExportSpec, rules: RuleSet, jobs: int = 1
) -> Iterator[FileOutcome]:
    """The outcome of each record of the export at ``path``, in the export's order: its
    posts' results, or the error of a record that could not be read or linted. A file
    that is not the export it should be ends the reading with one error after what was
    read before it. The last outcome counts the export as one file linted."""
    from healthlint.app.run import FileOutcome
    from healthlint.files.exports import iter_records

    reading = _Reading(path)
    items = reading.guard(iter_records(path, spec))
    # Starting processes costs more than linting a few records: a short export (or the
    # rest of a long one's first batches) is linted here.
    head = list(islice(items, _BATCH * jobs)) if jobs > 1 else []
    read = False
    if jobs > 1 and len(head) == _BATCH * jobs:
        found = _in_parallel(path, chain(head, items), rules, jobs)
    else:
        found = (record_outcome(path, item, rules) for item in chain(head, items))
    for outcome in found:
        read = True
        yield outcome
    if reading.error is not None:
        yield FileOutcome(errors=[reading.error])
    yield FileOutcome(linted=read or reading.error is None)


def record_outcome(path: str, item: Record | RecordError, rules: RuleSet) -> FileOutcome:
    """One record of the export at ``path`` linted, or why it could not be."""
    from healthlint.app.run import FileOutcome, lint_record

    if isinstance(item, RecordError):
        named = f" ({item.id})" if item.id else ""
        message = f"line {item.line}: record {item.number}{named}: {item.message}"
        return FileOutcome(errors=[FileError(path, message)])
    errors: list[FileError] = []
    try:
        results = lint_record(path, item, rules, errors)
    except HealthlintError as error:
        errors.append(FileError(path, str(error).removeprefix(f"{path}: ")))
        results = []
    # A rule that failed on this record says so naming the record, not only the export.
    failed = [replace(e, message=f"record {item.id}: {e.message}") for e in errors]
    return FileOutcome(results=results, errors=failed)


@dataclass
class _Reading:
    """Records read until the export turns out not to be one: the error is kept, not
    raised, so that the records read before it are still linted and reported."""

    path: str
    error: FileError | None = None

    def guard(self, items: Iterable[Record | RecordError]) -> Iterator[Record | RecordError]:
        try:
            yield from items
        except HealthlintError as error:
            self.error = FileError(self.path, str(error).removeprefix(f"{self.path}: "))


def _in_parallel(
    path: str, items: Iterator[Record | RecordError], rules: RuleSet, jobs: int
) -> Iterator[FileOutcome]:
    """The records linted in ``jobs`` processes, in order. At most two batches per
    process are in flight, so memory holds a bounded number of records however long the
    export is."""
    from healthlint.app import _worker
    from healthlint.app.run import worker_pool

    # Exports skip the results cache (see run._outcomes): the workers get none.
    with worker_pool(rules, None, jobs) as pool:
        pending: deque[Future[list[FileOutcome]]] = deque()
        while batch := list(islice(items, _BATCH)):
            pending.append(pool.submit(_worker.lint_records, path, batch))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
