"""Report formats: each module turns one run's results into the text of one report."""

from __future__ import annotations

import importlib
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import astuple, dataclass, field

from healthlint.core.model import PostResult, RuleInfo, Severity
from healthlint.core.pattern import Pattern

FORMATS = ("text", "json", "jsonl", "sarif", "github", "junit", "html")
SHOWS_RULES = ("sarif", "html")
"""The formats that show the rules themselves (``Report.rules``); the others show only
the findings, so a run answered from the results cache need not read the rules for them."""


_CONTROL = Pattern.lazy("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def visible(text: str) -> str:
    """``text`` with every control character but tab (escape sequences, bells, line
    breaks in a file name) and every byte of a file name that is not UTF-8 written out as
    an escape (``\\x1b``, ``\\n``): shown to people, never acted on by their terminal."""
    # Nearly always: no copy, and no search (whose pattern is then never compiled: that
    # took 1% of a run answered from the caches). A control character, a lone surrogate
    # or a tab is never printable.
    if text.isprintable() or _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(_escaped, text)


def _escaped(found: re.Match[str]) -> str:
    char = found.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible_lines(text: str) -> str:
    """``text`` shown as ``visible`` shows it, but for its line ends ("\\n", and "\\r\\n" in
    a diff of a CRLF post), which are kept: a message or a diff of several lines."""
    return "\n".join(
        visible(line[:-1]) + "\r" if line.endswith("\r") else visible(line)
        for line in text.split("\n")
    )


def where(path: str, record: str = "") -> str:
    """What a finding or post is in: its file, or for a record of a CMS export the
    export's path and the record's id, as ``export.xml#https://clinic.example/a``; the
    lines and columns of a record's findings are counted in the record's text."""
    return f"{path}#{record}" if record else path


def plural(count: int, word: str) -> str:
    """``count`` and ``word``, with an s when it is not one ("info" has no plural)."""
    if word == "info":
        return f"{count} info"
    return f"{count} {word}{'' if count == 1 else 's'}"


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    posts: int
    errors: int
    warnings: int
    info: int
    fixable: int = 0
    """Findings ``check --fix`` can fix."""
    unsafe_fixable: int = 0
    """Findings only ``check --fix --unsafe-fixes`` can fix: their fixes change wording."""

    @property
    def findings(self) -> int:
        return self.errors + self.warnings + self.info

    def __add__(self, other: Summary) -> Summary:
        """The counts of two parts of a run, for a report written as the run goes."""
        return Summary(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    @classmethod
    def of(
        cls, results: Sequence[PostResult], files: int, *, unfixable: Collection[str] = ()
    ) -> Summary:
        """The counts of ``results``; fixes of the paths in ``unfixable`` (standard input,
        which --fix cannot rewrite) are not counted."""
        severities = [f.severity for r in results for f in r.findings]
        fixes = [
            f.fix.safe
            for r in results
            if r.path not in unfixable
            for f in r.findings
            if f.fix is not None
        ]
        return cls(
            files=files,
            posts=len(results),
            errors=severities.count(Severity.ERROR),
            warnings=severities.count(Severity.WARNING),
            info=severities.count(Severity.INFO),
            fixable=fixes.count(True),
            unsafe_fixable=fixes.count(False),
        )


@dataclass(frozen=True)
class Report:
    """Everything a report format may show."""

    results: Sequence[PostResult]
    summary: Summary
    rules: Mapping[str, RuleInfo] = field(default_factory=dict)
    """Every rule of the run, for the formats in ``SHOWS_RULES``."""
    color: bool = False
    quiet: bool = False
    notes: Sequence[str] = ()
    """Lines for people about the run itself ("3 findings baselined")."""
    sources: Mapping[str, str] = field(default_factory=dict)
    """Each file's text, for formats that show posts (html); a file without one is listed
    with its findings only."""


def render(fmt: str, report: Report) -> str:
    """The report in one of FORMATS; each format's module is imported only when used."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}")
    module = importlib.import_module(f"healthlint.report.{fmt}")
    text: str = module.render(report)
    return text
