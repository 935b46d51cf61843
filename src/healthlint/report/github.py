"""GitHub Actions workflow commands: findings appear as annotations on pull requests."""

from __future__ import annotations

from healthlint.core.model import Severity
from healthlint.report import Report, visible

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report) -> str:
    lines = []
    for result in report.results:
        for f in result.findings:
            # A record's lines are not the export file's: its annotation is on the line
            # where the record begins in the export (none when unknown), the record and
            # the line in its text named in the title.
            place: tuple[tuple[str, object], ...] = (
                (
                    *((("line", f.record_line),) if f.record_line >= 1 else ()),
                    ("title", f"{f.rule} (record {f.record}, line {f.line})"),
                )
                if f.record
                else (
                    ("line", f.line),
                    ("col", f.column),
                    ("endLine", f.end_line),
                    ("endColumn", f.end_column),
                    ("title", f.rule),
                )
            )
            properties = ",".join(
                f"{key}={_escape_property(str(value))}" for key, value in (("file", f.path), *place)
            )
            lines.append(f"::{_COMMANDS[f.severity]} {properties}::{_escape_data(f.message)}")
    return "".join(line + "\n" for line in lines)


def _escape_data(text: str) -> str:
    """The escapes of workflow commands (a line break can never end the command); every
    other control character, which the log viewer would act on, is written out."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
