"""Plain text, including CMS dumps that hold several posts one after another.

Plain text has no markup, so structure is inferred from the shape of lines:

* a *title* is a line in headline style (most longer words capitalised, at most 20 words,
  no closing period, colon or comma) followed by body text; the first one opens the first
  post, and a later one opens a new post when it has at least five words or follows a
  truncated teaser ("...", "Read more");
* a *sub-heading* is a short line ending in a colon, or a shorter headline-style line;
* a paragraph is a run of lines that continue each other: a line ending in sentence
  punctuation, a heading or a list marker breaks it, so both one-line-per-paragraph dumps
  and hard-wrapped text read correctly.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import pairwise

from healthlint.core.model import Post, Span

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_MARKER = re.compile(r"^\s*(?:[-*+•–—]|\d{1,3}[.)])(?:\s|$)")
_ENDS_SENTENCE = re.compile(r"""[.!?:;…"”’)\]]\s*$""")
_TRUNCATED = re.compile(r"(?:\.\.\.|…|\[(?:\.\.\.|…)\]|\bread more\W*)\s*$", re.IGNORECASE)
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "via",
        "with",
    ]
)
_MIN_WORDS_FOR_NEW_POST = 5


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int  # without the line break
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(source: str) -> list[_Line]:
    out: list[_Line] = []
    for match in _LINE.finditer(source):
        if match.start() == len(source) and match.start() == match.end():
            break
        raw = match.group()
        text = raw.rstrip("\r\n")
        out.append(_Line(match.start(), match.start() + len(text), text))
    return out


def _is_headline(text: str) -> bool:
    stripped = text.strip()
    if not 3 <= len(stripped) <= 150 or _MARKER.match(stripped):
        return False
    if stripped[-1] in ".,;:" or not any(c.isalpha() for c in stripped):
        return False
    words = stripped.split()
    if len(words) > 20:
        return False
    significant = [w for w in words if w.lower().strip("()'\"‘’“”") not in _SMALL_WORDS]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w.lstrip("(\"'‘“")[:1].isupper() or w[0].isdigit())
    return capitalised / len(significant) >= 0.6


def _is_subheading(text: str) -> bool:
    stripped = text.strip()
    return (
        0 < len(stripped) <= 100
        and stripped.endswith(":")
        and len(stripped.split()) <= 12
        and not _MARKER.match(stripped)
    )


def _is_body(line: _Line | None) -> bool:
    """Running text: a line of several words that is neither a headline nor a list marker."""
    if line is None or line.blank:
        return False
    text = line.text.strip()
    return (
        len(text.split()) >= 4
        and not _MARKER.match(text)
        and not _is_subheading(text)
        and (len(text) >= 60 or not _is_headline(text))
    )


def parse_text(path: str, source: str) -> list[Post]:
    lines = _lines(source)
    non_blank = [line for line in lines if not line.blank]
    following = {id(a): b for a, b in pairwise(non_blank)}

    titles: list[_Line] = []
    headings: list[_Line] = []
    previous: _Line | None = None
    for line in non_blank:
        nxt = following.get(id(line))
        if _is_headline(line.text) and _is_body(nxt):
            starts_post = (
                previous is None
                or len(line.text.split()) >= _MIN_WORDS_FOR_NEW_POST
                or bool(_TRUNCATED.search(previous.text))
            )
            (titles if starts_post else headings).append(line)
        elif _is_subheading(line.text):
            headings.append(line)
        previous = line

    paragraphs = _paragraphs(lines, {id(line) for line in titles + headings})
    if not non_blank:
        return [_post(path, source, Span(0, len(source)), None, [], [])]
    starts = [line.start for line in titles]
    if not starts or starts[0] > non_blank[0].start:
        starts.insert(0, non_blank[0].start)
    starts = [*starts, len(source)]
    title_by_start = {line.start: line for line in titles}
    # Each post takes its paragraphs and headings by bisection: a dump of thousands of
    # posts would otherwise look through all of them for each post.
    paragraph_starts = [p.start for p in paragraphs]
    heads_in_order = sorted((Span(h.start, h.end) for h in titles + headings), key=_start)
    head_starts = [h.start for h in heads_in_order]
    posts: list[Post] = []
    for begin, finish in pairwise(starts):
        span = Span(begin, _rstrip_end(source, begin, finish))
        title_line = title_by_start.get(begin)
        inside = paragraphs[
            bisect_left(paragraph_starts, span.start) : bisect_left(paragraph_starts, span.end)
        ]
        heads = heads_in_order[
            bisect_left(head_starts, span.start) : bisect_left(head_starts, span.end)
        ]
        posts.append(_post(path, source, span, title_line, inside, heads))
    return posts


def _start(span: Span) -> int:
    return span.start


def _post(
    path: str,
    source: str,
    span: Span,
    title_line: _Line | None,
    paragraphs: list[Span],
    headings: list[Span],
) -> Post:
    if title_line is not None:
        title = " ".join(title_line.text.split())
        title_span: Span | None = Span(
            title_line.start + len(title_line.text) - len(title_line.text.lstrip()),
            title_line.start + len(title_line.text.rstrip()),
        )
    else:
        first = source[span.start : span.end].strip().splitlines()
        title = " ".join(first[0].split())[:80] if first else ""
        title_span = None
    ordered = tuple(sorted(paragraphs, key=lambda s: s.start))
    return Post(
        path=path,
        source=source,
        masked=source,
        span=span,
        title=title,
        title_span=title_span,
        paragraphs=ordered,
        headings=tuple(sorted(headings, key=lambda s: s.start)),
        list_items=tuple(p for p in ordered if _MARKER.match(source[p.start : p.start + 8])),
        format="text",
    )


def _paragraphs(lines: list[_Line], heading_ids: set[int]) -> list[Span]:
    spans: list[Span] = []
    current: list[_Line] = []

    def close() -> None:
        if current:
            first, last = current[0], current[-1]
            lead = len(first.text) - len(first.text.lstrip())
            spans.append(Span(first.start + lead, last.start + len(last.text.rstrip())))
            current.clear()

    for line in lines:
        if line.blank:
            close()
            continue
        breaks = (
            not current
            or id(line) in heading_ids
            or id(current[-1]) in heading_ids
            or _MARKER.match(line.text) is not None
            or _MARKER.fullmatch(current[-1].text.strip() + " ") is not None
            or _ENDS_SENTENCE.search(current[-1].text) is not None
        )
        if breaks:
            close()
        current.append(line)
    close()
    return spans


def _rstrip_end(source: str, start: int, end: int) -> int:
    while end > start and source[end - 1].isspace():
        end -= 1
    return end
