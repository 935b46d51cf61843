"""CMS exports read as streams of posts: a WordPress export (WXR), JSON Lines, CSV.

Use::

    kind = export_kind(path)            # "wxr", "jsonl", "csv", or None for a post file
    spec = ExportSpec(kind, text_field="body", id_field="url")
    for item in iter_records(path, spec):
        if isinstance(item, RecordError):
            ...  # one record unreadable (str(item) says which and why); reading goes on
        else:
            ...  # a Record: id, text, format, title, meta

Reading is streamed: memory holds one record at a time, whatever the export's size. A
file that is not the export it claims to be raises ``HealthlintError`` (one line naming
the file) from the iteration, possibly after records read before the problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path, PurePath

from healthlint.core.errors import HealthlintError
from healthlint.core.model import Record
from healthlint.files.exports.spec import (
    KINDS,
    TEXT_FORMATS,
    ExportFields,
    ExportKind,
    ExportSpec,
    RecordError,
    TextFormat,
)
from healthlint.files.inputs import POST_LIMIT, open_regular

__all__ = [
    "KINDS",
    "TEXT_FORMATS",
    "ExportFields",
    "ExportKind",
    "ExportSpec",
    "RecordError",
    "TextFormat",
    "export_kind",
    "iter_records",
]

_NAMES: dict[ExportKind, str] = {
    "wxr": "WordPress export",
    "jsonl": "JSON Lines export",
    "csv": "CSV export",
}
_SUFFIXES: dict[str, ExportKind] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
SNIFF_BYTES = 8192
"""How much of an ``.xml`` file is read to tell a WordPress export: WordPress writes the
namespaces on ``<rss>``, after a comment of about 1 KB."""
# The <rss> start tag binding a WordPress export namespace (wxr.WP_NAMESPACES).
_WXR_ROOT = re.compile(
    r"<rss\b[^>]*\sxmlns:[\w.-]+\s*=\s*[\"']http://wordpress\.org/export/1\.[012]/[\"']"
)


def export_kind(path: str | Path) -> ExportKind | None:
    """Which export ``path`` is by its name (``.jsonl``, ``.ndjson``, ``.csv``) or, for an
    ``.xml`` file, by its first bytes (an ``<rss>`` with a WordPress export namespace);
    None for any other file, or an ``.xml`` file that cannot be read."""
    suffix = PurePath(path).suffix.lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if suffix != ".xml":
        return None
    try:
        with open_regular(Path(path), what="WordPress export") as file:
            start = file.read(SNIFF_BYTES)
    except (HealthlintError, OSError):  # no export; reading it says why
        return None
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if start.startswith(bom):
            text = start[2:].decode(encoding, errors="ignore")
            break
    else:
        text = start.decode("utf-8", errors="ignore")
    return "wxr" if _WXR_ROOT.search(text) else None


def iter_records(
    path: str | Path, spec: ExportSpec, *, limit: int = POST_LIMIT
) -> Iterator[Record | RecordError]:
    """Each post of the export at ``path``, read as ``spec`` says, in the file's order, or
    a ``RecordError`` for a record that cannot be read (no text, not JSON, a row of the
    wrong width, longer than ``limit`` bytes). Raises ``HealthlintError`` for a file that
    cannot be read or is not the export ``spec`` says (not XML, not a WordPress export,
    DTDs and entities, an XML token longer than ``limit``, JSON Lines whose first line is
    no JSON object, no header row, a named field not in it)."""
    name = str(path)
    with open_regular(Path(path), what=_NAMES[spec.kind]) as file:
        if spec.kind == "wxr":
            from healthlint.files.exports.wxr import read_wxr

            yield from read_wxr(name, file, spec, limit)
        elif spec.kind == "jsonl":
            from healthlint.files.exports.rows import read_jsonl

            yield from read_jsonl(name, file, spec, limit)
        else:
            from healthlint.files.exports.rows import read_csv

            yield from read_csv(name, file, spec, limit)
