"""What the parsers make and the rules read: posts and what they say about themselves
(``Metadata``), the documents they are in, the suppression comments, the records of CMS
exports and the hits of rule kinds.

Imported when a file is linted (``core.model`` hands these names out on first use): a run
answered from the results cache needs only ``core.model``'s findings.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from healthlint.core.metadata import parse_date
from healthlint.core.model import Span

_NON_BLANK = re.compile(r"\S")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a post says about itself; ``span`` is where a finding about it should point."""

    span: Span
    declared: bool = True
    """The post has a place for metadata (front matter, an HTML head). Rules about missing
    fields only judge posts that do: a bare Markdown draft's byline and date may live in
    the CMS."""
    author: str | None = None
    published: str | None = None
    updated: str | None = None
    reviewed: str | None = None
    reviewer: str | None = None

    def get(self, name: str) -> str | None:
        value: str | None = getattr(self, name)
        return value

    def newest_date(self, names: Iterable[str]) -> dt.date | None:
        dates = [d for d in (parse_date(self.get(n)) for n in names) if d is not None]
        return max(dates) if dates else None


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
