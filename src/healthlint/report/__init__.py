"""Report formats: each module turns post results into one string."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from healthlint.model import PostResult, Severity

FORMATS = ("text", "json")


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    posts: int
    errors: int
    warnings: int
    info: int

    @property
    def findings(self) -> int:
        return self.errors + self.warnings + self.info

    @classmethod
    def of(cls, results: Sequence[PostResult], files: int) -> Summary:
        severities = [f.severity for r in results for f in r.findings]
        return cls(
            files=files,
            posts=len(results),
            errors=severities.count(Severity.ERROR),
            warnings=severities.count(Severity.WARNING),
            info=severities.count(Severity.INFO),
        )
