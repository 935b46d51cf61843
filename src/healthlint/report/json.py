"""The machine-readable report: the JSON contract of DESIGN.md."""

from __future__ import annotations

from healthlint import __version__
from healthlint.report import Report
from healthlint.report.jsontext import dumps, finding_fields


def render(report: Report) -> str:
    results, summary = report.results, report.summary
    document = {
        "version": __version__,
        "posts": [
            {
                "path": result.path,
                # A record of a CMS export: its lines are counted in the record's text.
                **({"record": result.record} if result.record else {}),
                "title": result.title,
                "line": result.line,
                "end_line": result.end_line,
                "findings": [finding_fields(f) for f in result.findings],
            }
            for result in results
        ],
        "summary": {
            "files": summary.files,
            "posts": summary.posts,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "info": summary.info,
        },
    }
    return dumps(document)
