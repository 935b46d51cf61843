"""Plain data passed between the stages: parse -> Post -> kinds -> Hit -> engine -> Finding."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from healthlint.core.metadata import Metadata


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

_NON_BLANK = re.compile(r"\S")


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
class Post:
    """One article inside a document.

    ``source`` and ``masked`` are the whole document's text (shared, not copied, between
    the posts of one file); ``masked`` has the same length and newlines as ``source`` with
    everything that is not prose blanked out, so every offset a rule finds in it is an
    offset into the original file.
    """

    path: str
    source: str
    masked: str
    span: Span
    title: str
    title_span: Span | None
    paragraphs: tuple[Span, ...]
    headings: tuple[Span, ...] = ()
    citations: tuple[Span, ...] = ()
    """Links, footnote references and similar markup that point at a source."""
    list_items: tuple[Span, ...] = ()
    """Paragraphs that are list items: not running prose (readability leaves them out)."""
    format: str = "text"
    meta: Metadata | None = None
    """Author, dates and reviewer, for formats that carry them (front matter, HTML meta)."""

    @property
    def text(self) -> str:
        return self.masked[self.span.start : self.span.end]

    @property
    def body_start(self) -> int:
        """Where the post's content begins: its first character of prose, past front
        matter, markup and blank lines (the start of its span when it has none)."""
        found = _NON_BLANK.search(self.masked, self.span.start, self.span.end)
        return found.start() if found else self.span.start

    @classmethod
    def whole_file(
        cls,
        path: str,
        source: str,
        masked: str,
        title: str,
        title_span: Span | None,
        paragraphs: Iterable[Span],
        headings: Iterable[Span] = (),
        citations: Iterable[Span] = (),
        *,
        list_items: Iterable[Span] = (),
        format: str,
        meta: Metadata | None = None,
    ) -> Post:
        """A post that is the whole file (Markdown, HTML), its spans in document order."""
        return cls(
            path=path,
            source=source,
            masked=masked,
            span=Span(0, len(source)),
            title=title,
            title_span=title_span,
            paragraphs=tuple(sorted(paragraphs, key=lambda s: s.start)),
            headings=tuple(sorted(headings, key=lambda s: s.start)),
            citations=tuple(sorted(citations, key=lambda s: s.start)),
            list_items=tuple(sorted(list_items, key=lambda s: s.start)),
            format=format,
            meta=meta,
        )


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed input file: its text, the posts in it and the suppression comments."""

    path: str
    source: str
    posts: tuple[Post, ...]
    directives: tuple[Directive, ...] = ()
    record: str = ""
    """The record of a CMS export this document is (its id or URL); empty for a file."""
    record_line: int = 0
    """The 1-based line of the export file where the record begins; 0 for a file, or
    when the export does not say."""


class DirectiveKind(enum.Enum):
    DISABLE_NEXT_LINE = "disable-next-line"
    DISABLE = "disable"
    ENABLE = "enable"


@dataclass(frozen=True, slots=True)
class Directive:
    """A ``<!-- healthlint-… -->`` comment; empty ``rules`` means every rule."""

    kind: DirectiveKind
    rules: frozenset[str]
    span: Span


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule kind reports: where, and the values its message template may use."""

    span: Span
    args: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    post_level: bool = False
    """The hit is about the post as a whole (a missing disclaimer, its reading grade), not
    about the words at ``span``. Its finding is placed at the start of the post's body;
    ``span`` still names what the finding is about (the post's title, its metadata) and
    gives the finding its fingerprint."""


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
class Record:
    """One post of a CMS export (a WordPress item, a JSON Lines or CSV row), as read."""

    id: str
    """What names the record in reports: its id or URL, as the export gives it."""
    text: str
    format: str
    """How ``text`` is written: ``markdown``, ``html`` or ``text``."""
    title: str = ""
    meta: Metadata | None = None
    """Author, dates and reviewer, where the export carries them."""
    line: int = 0
    """The 1-based line of the export file where the record begins (a WordPress item's
    ``<item>`` tag, a JSON line, a CSV row's first line); 0 when unknown."""


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
