"""The results the Python API hands out: plain, frozen and picklable, with the field names
of the JSON report. Unlike ``model.Finding`` they carry no fix and no fingerprint, and
their severity is a word (``"error"``, ``"warning"``, ``"info"``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from healthlint.core.model import Finding as _Finding
from healthlint.core.model import PostResult


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding: its rule, severity, message and 1-based position (in the record's
    text when ``record`` is set, else in the file at ``path``)."""

    path: str
    record: str
    rule: str
    severity: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def of(cls, finding: _Finding) -> Finding:
        return cls(
            path=finding.path,
            record=finding.record,
            rule=finding.rule,
            severity=finding.severity.label,
            message=finding.message,
            line=finding.line,
            column=finding.column,
            end_line=finding.end_line,
            end_column=finding.end_column,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "record": self.record,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


@dataclass(frozen=True, slots=True)
class PostReport:
    """One post and its findings, in the order of its text."""

    path: str
    record: str
    record_line: int
    """The 1-based line of the export at ``path`` where ``record`` begins; 0 for a file,
    or a record that does not say (``Record.line``)."""
    title: str
    line: int
    end_line: int
    findings: tuple[Finding, ...]

    @classmethod
    def of(cls, result: PostResult) -> PostReport:
        return cls(
            path=result.path,
            record=result.record,
            record_line=result.record_line,
            title=result.title,
            line=result.line,
            end_line=result.end_line,
            findings=tuple(Finding.of(f) for f in result.findings),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "record": self.record,
            "record_line": self.record_line,
            "title": self.title,
            "line": self.line,
            "end_line": self.end_line,
            "findings": [f.as_dict() for f in self.findings],
        }
