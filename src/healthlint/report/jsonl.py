"""JSON Lines: one finding per line, with its post's path and title, and no summary.

For runs too big for one JSON document: ``healthlint check --format jsonl`` writes each
file's lines as soon as the file is linted, so a consumer reads findings while the run
goes on and nothing holds them all. Each line is a JSON object of one line (the field
names of the JSON report's findings, plus ``path``, ``title`` and, for a record of a CMS
export, ``record``), written as ``jsontext`` writes JSON: safe to print.
"""

from __future__ import annotations

from typing import Any

from healthlint.core.model import PostResult
from healthlint.report import Report
from healthlint.report.jsontext import dumps, finding_fields


def render(report: Report) -> str:
    return "".join(lines(result) for result in report.results)


def lines(result: PostResult) -> str:
    """The lines of one post's findings (empty for a post without any)."""
    out = []
    for finding in result.findings:
        entry: dict[str, Any] = {"path": result.path}
        if result.record:
            entry["record"] = result.record
        entry["title"] = result.title
        entry.update(finding_fields(finding))
        out.append(dumps(entry))  # an object holding no other object: one line
    return "".join(out)
