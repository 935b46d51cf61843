"""Sentences and words over a post's masked text, computed once and shared by every rule."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar, cast

from healthlint.core.model import DEFAULT_GENRE, Post, Span
from healthlint.language.prefilter import lower_text
from healthlint.parse.titles import title_lines

# A sentence ends at . ! ? or an ellipsis, optionally followed by closing quotes or
# brackets, when whitespace and then something that can start a sentence follow.
_BOUNDARY = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9–—•*-])""")
_ABBREVIATIONS = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "st",
        "no",
        "fig",
        "vs",
        "etc",
        "al",
        "e.g",
        "i.e",
        "approx",
        "dept",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "ltd",
        "co",
        "u.s",
        "u.k",
    ]
)
_LAST_WORD = re.compile(r"([\w.]+)\.$")
_LETTER_NAMES = re.compile(
    r"\b(?:vitamins?|hepatitis|type|group|grade|stage|phase|class|plan|part|schedule)\s+$",
    re.IGNORECASE,
)
# A news lede: its first paragraphs of at least a short sentence's length.
_LEDE_PARAGRAPHS = 3
_LEDE_WORDS = 12
_CLOSES_SENTENCE = tuple(".!?…:;\"'”’)")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# A blank line always ends a sentence; so does a line that starts with a bullet Markdown
# does not know ("• item", "– item", "✔ item"), as a CMS leaves them at a line's start, or
# a table row: each is a unit of its own, never merged with the lines around it into one
# long "sentence".
PLAIN_BULLETS = "•◦▪▫●○■□◆◇❖➤➢►▶‣⁃→✔✓✅☑✗✘❌★·–—"
_LINE_BREAK = re.compile(rf"\n[ \t]*\n|\n(?=[ \t]*[{PLAIN_BULLETS}|])")
_QUOTE_MARK = re.compile(r'["“”]')
_CLOSING_MARKS = '"”'


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    text: str
    paragraph: Span
    in_heading: bool


def split_sentences(text: str, base: int = 0) -> Iterator[Span]:
    """Yield sentence spans (trimmed of surrounding whitespace) of ``text``, offset by base."""
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if text[match.start()] == "." and _is_abbreviation(text[start : match.start() + 1]):
            continue
        yield from _trimmed(text, start, end, base)
        start = end
    yield from _trimmed(text, start, len(text), base)


def _is_abbreviation(chunk: str) -> bool:
    found = _LAST_WORD.search(chunk)
    if not found:
        return False
    word = found.group(1).lower()
    # A single capital letter before the dot is an initial ("J. Smith"), not a full stop,
    # unless it names a vitamin or the like ("vitamin D.", "25(OH)D.", "hepatitis B.").
    if len(word) == 1 and word.isalpha():
        before = chunk[: found.start()]
        return not before.endswith(")") and _LETTER_NAMES.search(before) is None
    return word in _ABBREVIATIONS


def _trimmed(text: str, start: int, end: int, base: int) -> Iterator[Span]:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    yield Span(base + start + lead, base + start + lead + len(stripped))


def quoted_spans(text: str, paragraph: Span, continued: bool = False) -> Iterator[Span]:
    """Quotations in one paragraph. Straight quotes pair up in order. A quote left open
    runs to the end of the paragraph when it is a curly opening mark, or when the next
    paragraph opens with a quote mark (``continued``): that is how a quotation going on
    into the next paragraph is printed. A lone straight quote otherwise is a stray mark,
    often left by a copy and paste."""
    open_at: int | None = None
    opened_with = ""
    for match in _QUOTE_MARK.finditer(text, paragraph.start, paragraph.end):
        mark = match.group()
        if open_at is None:
            if mark != "”":
                open_at, opened_with = match.start(), mark
        elif mark != "“":
            yield Span(open_at, match.end())
            open_at = None
    if open_at is not None and (opened_with == "“" or continued):
        yield Span(open_at, paragraph.end)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


class Prose:
    """Lazily computed views of one post that several rules need."""

    def __init__(
        self,
        post: Post,
        genre: str = DEFAULT_GENRE,
        shared: dict[Hashable, object] | None = None,
    ) -> None:
        self.post = post
        self.genre = genre
        """What kind of writing the post is (``healthlint.core.model.GENRES``)."""
        self._memo: dict[Hashable, object] = {}
        # Views of the whole text, kept for every post of one document: the posts of a
        # CMS dump all read the same text, and computing them per post costs posts x text.
        self._shared: dict[Hashable, object] = {} if shared is None else shared

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, once per post: for per-post facts a rule needs in every sentence."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        masked = self.post.masked
        headings = _SpanIndex(self.post.headings)
        out: list[Sentence] = []
        for paragraph in self.post.paragraphs:
            in_heading = headings.meets(paragraph)
            chunk = masked[paragraph.start : paragraph.end]
            # A blank line always ends a sentence, whatever the punctuation says.
            pieces = _split_on_blank_lines(chunk)
            for piece_start, piece_end in pieces:
                for span in split_sentences(
                    chunk[piece_start:piece_end], paragraph.start + piece_start
                ):
                    out.append(Sentence(span, masked[span.start : span.end], paragraph, in_heading))
        return tuple(out)

    @cached_property
    def body_paragraphs(self) -> tuple[Span, ...]:
        """Paragraphs of running text, without headings."""
        headings = set(self.post.headings)
        return tuple(p for p in self.post.paragraphs if p not in headings)

    @cached_property
    def lede(self) -> tuple[Span, ...]:
        """The post's opening paragraphs of running text, where a news story says what it
        is about and names its source. A line with no closing punctuation ("By Kathleen
        Doheny", "HealthDay Reporter", "En Español") is a byline or a link, not the lede."""
        masked = self.post.masked
        prose = (
            p
            for p in self.body_paragraphs
            if masked[p.start : p.end].rstrip().endswith(_CLOSES_SENTENCE)
            or len(masked[p.start : p.end].split()) >= _LEDE_WORDS
        )
        return tuple(itertools.islice(prose, _LEDE_PARAGRAPHS))

    @cached_property
    def body_sentences(self) -> tuple[Sentence, ...]:
        """Sentences of running text, without headings."""
        return tuple(s for s in self.sentences if not s.in_heading)

    @cached_property
    def lowered(self) -> str | None:
        """The masked text lower-cased at the same offsets, for fast case-blind searches;
        None when lower-casing would move offsets."""
        masked = self.post.masked
        key = ("lowered", masked)
        if key not in self._shared:
            self._shared[key] = lower_text(masked)
        return cast("str | None", self._shared[key])

    def lowered_of(self, span: Span) -> str | None:
        """``lowered`` of one span (a sentence's text, lower-cased), or None."""
        return None if self.lowered is None else self.lowered[span.start : span.end]

    @cached_property
    def body_word_counts(self) -> tuple[int, ...]:
        """How many words each of ``body_sentences`` has (the word count and the reading
        level both need them: each sentence is split once)."""
        return tuple(len(words(s.text)) for s in self.body_sentences)

    @cached_property
    def word_count(self) -> int:
        return sum(self.body_word_counts)

    @cached_property
    def quotations(self) -> tuple[Span, ...]:
        """The parts of the post inside quotation marks, in order."""
        masked = self.post.masked
        paragraphs = self.post.paragraphs
        found: list[Span] = []
        for at, paragraph in enumerate(paragraphs):
            following = paragraphs[at + 1] if at + 1 < len(paragraphs) else None
            continued = following is not None and masked[following.start] in '"“'
            found.extend(quoted_spans(masked, paragraph, continued))
        return tuple(found)

    def in_quotation(self, offset: int) -> bool:
        """Whether ``offset`` lies inside quotation marks: someone else's words, which a
        writer reports but does not edit."""
        quotes = self.quotations
        at = bisect.bisect_right(quotes, offset, key=lambda q: q.start) - 1
        return at >= 0 and quotes[at].start <= offset < quotes[at].end

    def quotation_runs_on(self, paragraph: Span) -> bool:
        """Whether a quotation is left open at the end of ``paragraph``: it goes on into
        the next paragraph, as a long stretch of speech is printed."""
        quotes = self.quotations
        at = bisect.bisect_left(quotes, paragraph.end, key=lambda q: q.start) - 1
        # A closed quotation ends on its closing mark; one left open ends with its
        # paragraph, on a character that cannot be one (it would have closed it).
        return (
            at >= 0
            and quotes[at].end == paragraph.end
            and self.post.masked[paragraph.end - 1] not in _CLOSING_MARKS
        )

    @cached_property
    def _citations(self) -> _SpanIndex:
        return _SpanIndex(self.post.citations)

    @cached_property
    def _list_items(self) -> _SpanIndex:
        return _SpanIndex(self.post.list_items)

    def citations_in(self, span: Span) -> bool:
        return self._citations.meets(span)

    def in_list_item(self, span: Span) -> bool:
        return self._list_items.meets(span)

    def paragraphs_around(self, paragraph: Span, before: int, after: int) -> tuple[Span, ...]:
        """``paragraph`` with up to ``before`` paragraphs before it and ``after`` after it,
        in order."""
        paragraphs = self.post.paragraphs
        at = bisect.bisect_left(paragraphs, paragraph.start, key=lambda p: p.start)
        return paragraphs[max(0, at - before) : at + after + 1]


class _SpanIndex:
    """Spans, asked whether any of them overlaps a given span in logarithmic time: asked
    once per sentence or paragraph, a scan of every heading or list item of a long post
    would cost sentences x spans."""

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self._starts = [s.start for s in ordered]
        # The furthest end among the spans up to each one: spans may nest or overlap.
        self._reach = list(itertools.accumulate((s.end for s in ordered), max))

    def meets(self, span: Span) -> bool:
        """Whether a span overlaps ``span`` (as ``Span.overlaps``)."""
        before = bisect.bisect_left(self._starts, span.end)
        return before > 0 and self._reach[before - 1] > span.start


def _split_on_blank_lines(chunk: str) -> list[tuple[int, int]]:
    breaks = [(m.start(), m.end()) for m in _LINE_BREAK.finditer(chunk)]
    if "\n" in chunk:
        for match in title_lines(chunk):
            breaks.append((match.end() - 1, match.end()))
        breaks.sort()
    pieces: list[tuple[int, int]] = []
    start = 0
    for begin, end in breaks:
        if begin < start:
            continue
        pieces.append((start, begin))
        start = end
    pieces.append((start, len(chunk)))
    return pieces
