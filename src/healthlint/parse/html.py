"""HTML posts: only the article's text is prose; tags, scripts and page chrome are masked.

The standard library's tokenizer is used rather than selectolax or lxml because rules need
exact source offsets for every piece of text (line numbers are lines of the HTML file), and
only a streaming tokenizer reports those. It is also non-recursive, so deeply nested pages
cannot exhaust the stack.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from healthlint.core.model import Post, Span
from healthlint.parse._mask import blank
from healthlint.parse.metadata import from_html, meta_collector, with_byline

_CONTENT_ROOTS = ("article", "main", "body")
# Page chrome and non-prose elements: their text is never linted.
_SKIPPED = frozenset(
    [
        "nav",
        "header",
        "footer",
        "aside",
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "form",
        "button",
        "select",
        "textarea",
        "pre",
        "code",
        "iframe",
        "object",
        "canvas",
    ]
)
_BLOCKS = frozenset(
    [
        "p",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "td",
        "th",
        "dd",
        "dt",
        "figcaption",
        "caption",
        "summary",
        "div",
        "section",
        "article",
        "main",
        "body",
        "ul",
        "ol",
        "dl",
        "table",
        "tr",
        "figure",
        "details",
    ]
)
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_CLOSES_P = _BLOCKS | {"hr", "pre"}
_NEWLINE = re.compile(r"\n")
_ROOT = "#fragment"
"""The element a fragment's top-level text is in: an HTML fragment (a CMS post's body)
has no ``<body>`` to hold it."""
_BARE = frozenset([_ROOT, "body"])
"""Where text is bare: WordPress's classic editor stores paragraphs as text separated by
blank lines and adds ``<p>`` only when showing them (``wpautop``), so in these a blank
line ends a paragraph, as a browser showing the post would show it."""
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")


@dataclass
class _Element:
    tag: str
    start: int
    segments: list[Span] = field(default_factory=list)
    segment_start: int | None = None
    segment_end: int = 0


@dataclass(frozen=True, slots=True)
class _Event:
    kind: str  # "start", "end", "data", "entity", "other"
    tag: str
    start: int
    end: int
    href: bool = False


class _Tokenizer(HTMLParser):
    """Records each tag and text run with its offset; interpretation happens afterwards."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        # HTMLParser counts lines by "\n" alone; offsets are rebuilt the same way.
        self._line_starts = [0, *(m.end() for m in _NEWLINE.finditer(source))]
        self.events: list[_Event] = []
        self.meta = meta_collector()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        href = tag == "a" and any(name == "href" and value for name, value in attrs)
        self.events.append(_Event("start", tag, start, start + len(raw), href))
        self.meta.start(tag, attrs, start)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        self.events.append(_Event("other", tag, start, start + len(raw)))
        self.meta.start(tag, attrs, start)

    def handle_endtag(self, tag: str) -> None:
        self.events.append(_Event("end", tag, self._offset(), -1))
        self.meta.end(tag)

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self.events.append(_Event("data", "", start, start + len(data)))
        self.meta.data(data)

    def handle_entityref(self, name: str) -> None:
        self.events.append(_Event("entity", f"&{name};", self._offset(), -1))

    def handle_charref(self, name: str) -> None:
        self.events.append(_Event("entity", f"&#{name};", self._offset(), -1))


def parse_html(path: str, source: str) -> Post:
    tokenizer = _Tokenizer(source)
    tokenizer.feed(source)
    tokenizer.close()
    events = tokenizer.events
    region = _content_region(events, len(source))

    # Text kept in the masked copy: (start, end, replacement or None for the source text).
    kept: list[tuple[int, int, str | None]] = []

    paragraphs: list[Span] = []
    headings: list[Span] = []
    citations: list[Span] = []
    list_items: list[Span] = []
    fragment = not any(e.kind == "start" and e.tag == "body" for e in events)
    stack: list[_Element] = [_Element(_ROOT, 0)] if fragment else []
    skip_depth = 0
    link_start: int | None = None
    h1_title: str | None = None
    title_text: str | None = None
    in_title = False
    in_h1 = False
    h1_text: list[str] = []

    def flush(element: _Element) -> None:
        if element.segment_start is not None and element.segment_end > element.segment_start:
            span = Span(element.segment_start, element.segment_end)
            paragraphs.append(span)
            if element.tag in _HEADINGS:
                headings.append(span)
            elif element.tag == "li":
                list_items.append(span)
        element.segment_start = None

    def close_to(index: int) -> None:
        nonlocal skip_depth, link_start
        while len(stack) > index:
            element = stack.pop()
            flush(element)
            if element.tag in _SKIPPED:
                skip_depth -= 1

    for position, event in enumerate(events):
        end = event.end if event.end >= 0 else _next_start(events, position, len(source))
        inside = region.start <= event.start < region.end
        if event.kind == "start":
            if event.tag == "title":
                in_title = True
            if event.tag in _VOID:
                continue
            if event.tag in _CLOSES_P and stack and stack[-1].tag == "p":
                close_to(len(stack) - 1)
            if event.tag == "li" and stack and stack[-1].tag == "li":
                close_to(len(stack) - 1)
            if event.tag in _BLOCKS and (holder := _holder(stack)) is not None:
                # The text before the block is a paragraph of the element holding it, which
                # an inline element around the block (a <span>, an <a name>) does not end.
                flush(holder)
            stack.append(_Element(event.tag, event.start))
            if event.tag in _SKIPPED:
                skip_depth += 1
            if event.tag == "a" and event.href and inside and not skip_depth:
                link_start = end
            if event.tag == "h1" and h1_title is None:
                in_h1 = True
        elif event.kind == "end":
            if event.tag == "title":
                in_title = False
            if event.tag == "a" and link_start is not None:
                citations.append(Span(link_start, max(link_start, event.start)))
                link_start = None
            if event.tag == "h1" and in_h1:
                in_h1 = False
                h1_title = " ".join("".join(h1_text).split()) or None
            for index in range(len(stack) - 1, -1, -1):
                if stack[index].tag == event.tag:
                    if event.tag in _BLOCKS and index + 1 < len(stack):
                        close_to(index + 1)
                    close_to(index)
                    break
        elif event.kind in ("data", "entity"):
            text = source[event.start : end]
            if event.kind == "entity":
                text = html.unescape(text)
            if in_title and title_text is None:
                title_text = " ".join(text.split())
            if in_h1:
                h1_text.append(text)
            if not inside or skip_depth or not stack:
                continue
            if event.kind == "entity":
                # The decoded character takes the entity's first cell; the rest stay blank.
                kept.append((event.start, event.start + 1, text[:1] if text.strip() else " "))
            else:
                kept.append((event.start, end, None))
            holder = _holder(stack)
            if holder is None:
                continue
            if event.kind == "data" and holder.tag in _BARE:
                # Each blank line ends the paragraph so far; the text after it starts one.
                position = 0
                for blank_line in _BLANK_LINE.finditer(text):
                    _extend(holder, text[position : blank_line.start()], event.start + position)
                    flush(holder)
                    position = blank_line.end()
                _extend(holder, text[position:], event.start + position)
            elif text.strip():
                # An entity's decoded text is shorter than its source: it ends where it ends.
                _extend(holder, text, event.start, None if event.kind == "data" else end)
    close_to(0)

    title = h1_title or title_text or ""
    masked_text = _masked(source, kept)
    title_span = _find_title_span(masked_text, headings, title)
    meta = with_byline(from_html(tokenizer.meta), masked_text[region.start : region.end])
    return Post.whole_file(
        path,
        source,
        masked_text,
        title,
        title_span,
        paragraphs,
        headings,
        citations,
        list_items=list_items,
        format="html",
        meta=meta,
    )


def _holder(stack: list[_Element]) -> _Element | None:
    """The element whose paragraph text read now belongs to: the innermost block, else
    the outermost element (a fragment's root holds its bare text)."""
    return next((e for e in reversed(stack) if e.tag in _BLOCKS or e is stack[0]), None)


def _extend(element: _Element, text: str, start: int, end: int | None = None) -> None:
    """Add ``text``, at ``start`` in the source (ending at ``end``, else where it ends
    there), without its surrounding blanks to the element's paragraph being read."""
    if not text.strip():
        return
    if element.segment_start is None:
        element.segment_start = start + (len(text) - len(text.lstrip()))
    element.segment_end = start + len(text.rstrip()) if end is None else end


def _masked(source: str, kept: list[tuple[int, int, str | None]]) -> str:
    """Everything blank (line breaks kept) except the kept text; built from slices so a
    large page costs a few copies of its text, not a list of characters."""
    pieces: list[str] = []
    position = 0
    for start, end, replacement in kept:  # in document order, never overlapping
        pieces.append(blank(source[position:start]))
        pieces.append(source[start:end] if replacement is None else replacement)
        position = end
    pieces.append(blank(source[position:]))
    return "".join(pieces)


def _next_start(events: list[_Event], position: int, length: int) -> int:
    return events[position + 1].start if position + 1 < len(events) else length


def _content_region(events: list[_Event], length: int) -> Span:
    """The first ``<article>``, else ``<main>``, else ``<body>``, else the whole file."""
    for root in _CONTENT_ROOTS:
        depth = 0
        start: int | None = None
        for event in events:
            if event.tag != root or event.kind not in ("start", "end"):
                continue
            if event.kind == "start":
                if start is None:
                    start = event.start
                depth += 1
            elif start is not None:
                depth -= 1
                if depth == 0:
                    return Span(start, event.start)
        if start is not None:
            return Span(start, length)
    return Span(0, length)


def _find_title_span(masked: str, headings: list[Span], title: str) -> Span | None:
    for heading in headings:
        if " ".join(masked[heading.start : heading.end].split()) == title:
            return heading
    return headings[0] if headings else None
