"""Plain data passed between the stages: parse -> Post -> kinds -> Hit -> engine -> Finding.

What a run reports (findings, their posts' results, files that failed) is defined here;
what the parsers make and the rules read (``Post``, ``Document``, ``Directive``, ``Hit``,
``Record``) is in ``core.posts``, imported the first time one of them is asked for from
here: a run the results cache answers whole makes none, and defining their dataclasses
(Python compiles each generated method) took 7% of it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from healthlint.core.posts import Directive as Directive
    from healthlint.core.posts import DirectiveKind as DirectiveKind
    from healthlint.core.posts import Document as Document
    from healthlint.core.posts import Hit as Hit
    from healthlint.core.posts import Post as Post
    from healthlint.core.posts import Record as Record

_IN_POSTS = frozenset({"Directive", "DirectiveKind", "Document", "Hit", "Post", "Record"})


def __getattr__(name: str) -> object:
    # Module attributes looked up lazily (PEP 562): ``from healthlint.core.model import
    # Post`` goes on working everywhere, and costs nothing until it runs.
    if name in _IN_POSTS:
        from healthlint.core import posts

        return getattr(posts, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


Genre = Literal["blog", "news"]
GENRES: tuple[Genre, ...] = ("blog", "news")
"""Kinds of health writing, read differently. ``blog``: a health blog or health-site
article, whose claims are the writer's own. ``news``: a story about a study, whose causal
sentences are mostly that study's results."""
DEFAULT_GENRE: Genre = "blog"

Applicability = Literal["safe", "unsafe"]
"""Whether ``check --fix`` makes a fix (``safe``: it changes only layout, list markers or
furniture, never what a sentence says) or only ``check --fix --unsafe-fixes`` does
(``unsafe``: it changes the wording, which a writer should review)."""


class Severity(enum.IntEnum):
    """Ordered so that ``finding.severity >= threshold`` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        return cls[value.upper()]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into the document's source."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``span`` of a file's text with ``text`` (empty: delete; empty span: insert)."""

    span: Span
    text: str
    applicability: Applicability = "unsafe"

    @property
    def safe(self) -> bool:
        return self.applicability == "safe"


@dataclass(frozen=True, slots=True)
class Finding:
    """A Hit stamped with its rule, severity, message and 1-based position in the file."""

    path: str
    rule: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    fingerprint: str = ""
    """Identifies the finding by its rule and the text it is about, not by its position,
    so that it survives edits elsewhere in the file (baselines, SARIF)."""
    fix: Edit | None = None
    """The edit that resolves it, in the offsets of the file's text."""
    post_level: bool = False
    """About the post as a whole rather than a place in it: positioned on the post's first
    line of content, from where its text begins (see ``Hit.post_level``)."""
    record: str = ""
    """The export record the finding is in (its id or URL), its line and column counted
    in that record's text; empty for a finding in a file."""
    record_line: int = 0
    """The 1-based line of the export file where ``record`` begins (the place a viewer of
    the export file can point at); 0 for a file, or when the export does not say."""


@dataclass(frozen=True, slots=True)
class PostResult:
    """The findings of one post, in file order."""

    path: str
    title: str
    line: int
    end_line: int
    findings: tuple[Finding, ...]
    record: str = ""
    """The export record this post is (its id or URL); empty for a post in a file."""
    record_line: int = 0
    """The 1-based line of the export file where ``record`` begins; 0 for a post in a
    file, or when the export does not say."""


@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be linted; reported on stderr, exits 2 at the end (3 when
    ``internal``: a bug in healthlint, not something in the file)."""

    path: str
    message: str
    internal: bool = False


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a report shows of a rule, without the rule itself."""

    name: str
    kind: str
    severity: str
    summary: str
    description: str
    help: str = ""
    """The rule's full explanation (``healthlint explain``), where a report carries it."""
