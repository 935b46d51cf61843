"""Markdown posts: markdown-it-py finds the blocks; code, HTML, URLs and front matter are masked."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from healthlint.core.errors import HealthlintError
from healthlint.core.metadata import Metadata
from healthlint.core.model import Post, Span
from healthlint.files.limits import TooComplex
from healthlint.parse._mask import blank, line_bounds, mask
from healthlint.parse.frontmatter import find_front_matter
from healthlint.parse.metadata import from_mapping, with_byline
from healthlint.parse.titles import title_lines

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_LINE_START = re.compile(r"\r\n|\r|\n")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# Reference definitions and footnote definitions ("[^1]: Smith 2019") are metadata:
# markdown-it swallows them without a token, so they are found by line.
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.MULTILINE)
# The opening of a list item, a blockquote or both, before a paragraph's first word.
_BLOCK_PREFIX = re.compile(r"[ \t>]*(?:(?:[-*+•–—]|\d{1,9}[.)])[ \t]+)?")

# Characters of code, not of prose; and the runs of non-blank lines of an indented block,
# each from its first word.
_CODE_MARKS = re.compile(
    r"[{}`\\]|\w\s*=\s*\S|;\s*$|</?[a-z][a-z0-9]*[\s>/]|^\s*(?:#|//|\$ |>>>)", re.MULTILINE
)
_WORD = re.compile(r"[^\W\d_]{2,}")
_TEXT_RUN = re.compile(r"[^\S\n]*(\S[^\n]*(?:\n[^\S\n]*\S[^\n]*)*)")

# Inline markup, taken in this order; a span claimed by one is not matched again.
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_INLINE_LINK = re.compile(r"\[(?!\^)([^\]\n]*)\]\(([^)\n]*)\)")
_REFERENCE_LINK = re.compile(r"\[(?!\^)([^\]\n]+)\]\[[^\]\n]*\]")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]+>", re.IGNORECASE)
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]", re.IGNORECASE)
_INLINE_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# What every pattern above needs somewhere in the text: most paragraphs of prose have
# none, and one search rules all eight out.
# A reference number pasted from a CMS's superscript, glued to the word and its full stop:
# "… type 2 diabetes.2 Regular …", "… in adults.3,4".
_GLUED_FOOTNOTE = re.compile(r"(?<=[a-z)]\.)\d{1,3}(?:[,–-]\d{1,3})*(?=\s|$)")
_MARKUP_HINT = re.compile(r"[`\[<]|https?://|www\.|[a-z)]\.\d", re.IGNORECASE)


@functools.cache
def _block_parser() -> MarkdownIt:
    """CommonMark with tables, block structure only: inline markup is read by the patterns
    below, so markdown-it's own inline pass (most of its time) is switched off. Built once
    per process, like a compiled pattern; parsing does not change it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").disable("inline")


def parse_markdown(path: str, source: str) -> Post:
    """One Markdown file is one post."""
    line_starts = [0, *(m.end() for m in _LINE_START.finditer(source))]
    hidden: list[Span] = [Span(m.start(), m.end()) for m in _HTML_COMMENT.finditer(source)]
    hidden += [Span(m.start(), m.end()) for m in _REFERENCE_DEFINITION.finditer(source)]

    try:
        front = find_front_matter(source)
    except TooComplex as error:
        where = f"line {error.line}: " if error.line is not None else ""
        raise HealthlintError(f"{path}: {where}front matter not read: {error}") from None
    title = front.title if front else None
    title_span = front.title_span if front and front.title else None
    if front:
        hidden.append(front.span)
    # markdown-it must not see the front matter (a closing --- would make a setext heading);
    # blanking keeps its line numbers aligned with ours.
    parser_input = mask(source, [front.span]) if front else source

    paragraphs: list[Span] = []
    headings: list[Span] = []
    citations: list[Span] = []
    list_items: list[Span] = []
    in_list = in_quote = 0
    tokens = _block_parser().parse(parser_input)
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            in_list += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
        elif token.type == "blockquote_open":
            in_quote += 1
        elif token.type == "blockquote_close":
            in_quote -= 1
        if token.map is None:
            continue
        lines = line_bounds(source, line_starts, token.map[0], token.map[1])
        if token.type == "code_block":
            prose, code = _indented_prose(source, lines)
            hidden += code
            if in_list:
                # "1.     Prevents cancer": five spaces after the marker make it code.
                prose = [_skip_prefix(source, block) for block in prose]
                list_items += prose
            paragraphs += prose
        elif token.type in ("fence", "code_block", "html_block"):
            hidden.append(lines)
        elif token.type in ("paragraph_open", "heading_open", "tr_open"):
            if token.type == "tr_open":
                hidden += _table_pipes(source, lines)
            block = _skip_prefix(source, lines) if in_list or token.type != "tr_open" else lines
            inline_hidden, inline_citations = _inline_markup(source, block)
            hidden += inline_hidden
            citations += inline_citations
            if token.type == "heading_open":
                block = _heading_text(source, block)
                headings.append(block)
                if title is None and token.tag == "h1":
                    title = _inline_text(tokens[index + 1].content)
                    title_span = block
            if block.end > block.start:
                if token.type == "paragraph_open" and not in_list and not in_quote:
                    paragraphs += _line_paragraphs(source, block)
                else:
                    paragraphs.append(block)
                if in_list and token.type == "paragraph_open":
                    list_items.append(block)

    masked = mask(source, hidden)
    # A heading's "#" marks are syntax, not words; blank them so rules read the text only.
    masked = _blank_heading_marks(masked, headings)
    if title is None:
        title = _first_words(masked)
    declared = from_mapping(front.data, Span(0, 0)) if front else None
    meta = with_byline(declared or Metadata(Span(0, 0), declared=False), masked)
    return Post.whole_file(
        path,
        source,
        masked,
        title,
        title_span,
        paragraphs,
        headings,
        citations,
        list_items=list_items,
        format="markdown",
        meta=meta,
    )


# A CMS that drops the blank lines between paragraphs leaves one paragraph a line, each
# ending a sentence or being a title ("Sleep Hygiene Basics", see ``titles``), the next
# opening with a capital, and among them a title or a line of more than one sentence.
# Markdown joins such lines into one paragraph; read as one, a link on its last line would
# vouch for every claim above it. A paragraph wrapped at a fixed width (lines that end
# mid-sentence) or written a sentence a line stays whole, and so do list items and
# quotations, whose lines a writer joins on purpose.
_CLOSED_LINE = re.compile(r"""[.!?…"”’)\]][ \t]*\r?\n[ \t]*[A-Z0-9"“‘'(\[*_]""")
# "Dr.", "e.g.", "U.S." at a line's end go on to the next line.
_ABBREVIATION = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|St|Prof|Sr|Jr|vs|etc|No|Fig|approx|Inc|Ltd|Co)|\b[A-Za-z]\.[A-Za-z])\.$"
)
_TWO_SENTENCES = re.compile(r"""[.!?][)"”’]?[ \t]+[A-Z]""")


def _line_paragraphs(source: str, block: Span) -> list[Span]:
    """The paragraph's lines as paragraphs of their own, when it is a CMS's run of one-line
    paragraphs (see ``_CLOSED_LINE``); else the paragraph whole."""
    text = source[block.start : block.end]
    if "\n" not in text:
        return [block]
    titles = {m.end() for m in title_lines(text)}
    spans: list[Span] = []
    start = 0
    dump = bool(titles)
    for line in text.splitlines(keepends=True):
        end = start + len(line)
        content = line.rstrip()
        if end < len(text) and end not in titles:
            closed = _CLOSED_LINE.match(text, start + len(content) - 1) is not None
            if not closed or _ABBREVIATION.search(content):
                return [block]
        dump = dump or _TWO_SENTENCES.search(content) is not None
        lead = len(content) - len(content.lstrip())
        if content.strip():
            spans.append(Span(block.start + start + lead, block.start + start + len(content)))
        start = end
    return spans if dump else [block]


def _indented_prose(source: str, block: Span) -> tuple[list[Span], list[Span]]:
    """The paragraphs of an indented block that hold prose, and the ones that may be code.

    A CMS that indents its paragraphs by four spaces turns them into a Markdown code block,
    but a health post never means one (code is fenced): its words are the writer's and
    the rules read them. Each paragraph is judged on its own; one with code's shapes
    (braces, an assignment, a line ending in ";", a tag, a prompt) stays code."""
    text = source[block.start : block.end]
    prose: list[Span] = []
    code: list[Span] = []
    for run in _TEXT_RUN.finditer(text):
        span = Span(block.start + run.start(1), block.start + run.end(1))
        words = run.group(1)
        if _CODE_MARKS.search(words) or len(_WORD.findall(words)) < 2:
            code.append(span)
        else:
            prose.append(span)
    return prose, code


def _skip_prefix(source: str, block: Span) -> Span:
    prefix = _BLOCK_PREFIX.match(source, block.start, block.end)
    start = prefix.end() if prefix else block.start
    return Span(start, max(start, block.end))


def _heading_text(source: str, block: Span) -> Span:
    """The words of an ATX heading without its ``#`` marks (setext headings pass through)."""
    match = re.match(r"[ \t]*#{1,6}[ \t]*", source[block.start : block.end])
    start = block.start + (match.end() if match else 0)
    end = block.end
    closing = re.search(r"[ \t]+#+[ \t]*$", source[start:end])
    if closing:
        end = start + closing.start()
    first_line_end = source.find("\n", start, end)
    if first_line_end != -1 and not match:
        end = first_line_end  # setext: the underline is not part of the heading's text
    return Span(start, max(start, end))


def _blank_heading_marks(masked: str, headings: list[Span]) -> str:
    pieces: list[str] = []
    position = 0
    for heading in sorted(headings, key=lambda s: s.start):
        line_start = masked.rfind("\n", 0, heading.start) + 1
        if line_start < position:
            continue
        pieces.append(masked[position:line_start])
        pieces.append(blank(masked[line_start : heading.start]))
        position = heading.start
    pieces.append(masked[position:])
    return "".join(pieces)


def _table_pipes(source: str, row: Span) -> list[Span]:
    return [Span(row.start + m.start(), row.start + m.end()) for m in _pipes(source, row)]


def _pipes(source: str, row: Span) -> list[re.Match[str]]:
    return list(re.finditer(r"\||^[ \t|:-]+$", source[row.start : row.end], re.MULTILINE))


def _inline_markup(source: str, block: Span) -> tuple[list[Span], list[Span]]:
    """Spans to blank and spans that cite a source, within one paragraph or heading."""
    text = source[block.start : block.end]
    base = block.start
    hidden: list[Span] = []
    citations: list[Span] = []
    if not _MARKUP_HINT.search(text):
        return hidden, citations
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def take(match: re.Match[str], cite: bool, keep: int | None = None) -> None:
        if not free(match.start(), match.end()):
            return
        taken.append((match.start(), match.end()))
        if keep is None:
            hidden.append(Span(base + match.start(), base + match.end()))
        else:
            # Keep the link text readable; blank the brackets and the destination.
            hidden.append(Span(base + match.start(), base + match.start(keep)))
            hidden.append(Span(base + match.end(keep), base + match.end()))
        if cite:
            citations.append(Span(base + match.start(), base + match.end()))

    for match in _CODE_SPAN.finditer(text):
        take(match, cite=False)
    for match in _IMAGE.finditer(text):
        take(match, cite=False)
    for match in _INLINE_LINK.finditer(text):
        take(match, cite=True, keep=1)
    for match in _REFERENCE_LINK.finditer(text):
        take(match, cite=True, keep=1)
    for pattern in (_FOOTNOTE_REF, _AUTOLINK, _BARE_URL, _GLUED_FOOTNOTE):
        for match in pattern.finditer(text):
            take(match, cite=True)
    for match in _INLINE_HTML.finditer(text):
        take(match, cite=False)
    return hidden, citations


def _inline_text(content: str) -> str:
    text = _INLINE_LINK.sub(r"\1", content)
    text = re.sub(r"[*_`]+", "", text)
    return " ".join(text.split())


def _first_words(masked: str) -> str:
    for line in masked.splitlines():
        if line.strip():
            return " ".join(line.split())[:80]
    return ""
