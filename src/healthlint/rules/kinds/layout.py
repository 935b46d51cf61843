"""``layout``: what the author typed, line by line (list glitches that parsers would hide)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, Literal

from healthlint.core.model import Hit, Post, Span
from healthlint.core.pattern import Pattern
from healthlint.language.prose import Prose
from healthlint.rules.spec import Regex, RuleSpec

_LINE = Pattern.lazy(r"[^\r\n]*")
# CommonMark's bullet list markers: any other bullet character starts a line of plain text.
_MARKDOWN_BULLETS = frozenset("-*+")


def _lines(post: Post) -> list[tuple[int, str]]:
    """The post's non-blank lines, with where each starts."""
    return [
        (m.start(), m.group())
        for m in _LINE.finditer(post.masked, post.span.start, post.span.end)
        if m.group().strip()
    ]


@dataclass(frozen=True, kw_only=True)
class LayoutRule(RuleSpec):
    kind: Literal["layout"]
    line: Regex
    """Searched in each line of the post (masked: code and markup are blank)."""
    next_line: Regex | None = None
    """When set, the next non-blank line must match too."""
    or_last: bool = False
    """With ``next_line``: the post's last line matches too (nothing follows it)."""
    consistent: bool = False
    """Flag lines whose ``(?P<marker>…)`` differs from the post's usual one at that indent."""
    prefer: Regex | None = None
    """With ``consistent``: markers matching this set the style when a level has any
    (Markdown's "-" over a pasted "•", however many there are)."""
    sequence: bool = False
    """Flag list items whose ``(?P<number>…)`` breaks the count (1, 2, 4) or restarts it;
    a list numbered 1, 1, 1 throughout is fine (Markdown renumbers it)."""

    message_args: ClassVar[frozenset[str]] = frozenset({"match", "marker", "expected", "count"})
    """``expected``: with ``consistent``, the post's usual marker; with ``sequence``, the
    number due; otherwise the marker the line's item needs in the post's format (Markdown's
    "-" for a pasted "•", the marker as typed elsewhere)."""

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.consistent and "marker" not in self.line.groupindex:
            raise ValueError("'consistent: true' needs a (?P<marker>...) group in 'line'")
        if self.sequence and "number" not in self.line.groupindex:
            raise ValueError("'sequence: true' needs a (?P<number>...) group in 'line'")

    def check(self, post: Post, prose: Prose) -> Iterator[Hit]:
        # Every layout rule reads the same lines: split the post once.
        lines = prose.memo("layout:lines", lambda: _lines(post))
        if self.consistent:
            yield from self._inconsistent(lines, markdown=post.format == "markdown")
            return
        if self.sequence:
            yield from self._out_of_sequence(lines)
            return
        for index, (start, text) in enumerate(lines):
            match = self.line.search(text)
            if not match:
                continue
            if self.next_line is not None:
                if index + 1 >= len(lines):
                    if not self.or_last:
                        continue
                elif not self.next_line.search(lines[index + 1][1]):
                    continue
            first, last = _visible(text, match)
            whole = match.group().strip()
            if "marker" in self.line.groupindex:
                # The finding is the bullet and the blanks after it: what a fix replaces.
                end = match.end("marker")
                while end < len(text) and text[end] in " \t":
                    end += 1
                span = Span(start + match.start("marker"), start + end)
                marker = match.group("marker")
            else:
                span = Span(start + first, start + last)
                marker = whole
            expected = marker
            if post.format == "markdown" and len(marker) == 1 and not marker.isalnum():
                usual = prose.memo("layout:usual-bullet", lambda: _usual_bullet(lines))
                expected = marker if marker in _MARKDOWN_BULLETS else usual
            yield Hit(span, {"match": whole, "marker": marker, "expected": expected})

    def _inconsistent(self, lines: list[tuple[int, str]], *, markdown: bool) -> Iterator[Hit]:
        found: list[tuple[int, int, str]] = []  # (offset of marker, indent, marker)
        own: set[int] = set()  # the markers this rule reports when they differ
        for start, text in lines:
            match = self.line.search(text)
            if match:
                indent = len(text) - len(text.lstrip())
                found.append((start + match.start("marker"), indent, match.group("marker")))
                if _styled(text, match, markdown=markdown):
                    own.add(start + match.start("marker"))
        usual: dict[int, str] = {}
        for indent in {i for _, i, _ in found}:
            first_seen = [m for _, i, m in found if i == indent]
            preferred = [m for m in first_seen if self.prefer and self.prefer.fullmatch(m)]
            usual[indent] = _most_used(preferred or first_seen)
        for offset, indent, marker in found:
            expected = usual[indent]
            if marker != expected and offset in own:
                yield Hit(
                    Span(offset, offset + len(marker)),
                    {"match": marker, "expected": expected, "count": str(len(found))},
                )

    def _out_of_sequence(self, lines: list[tuple[int, str]]) -> Iterator[Hit]:
        for run in _lists(lines, self.line):
            numbers = [int(m.group("number")) for _, m in run]
            if len(set(numbers)) == 1:
                continue
            for position, (start, match) in enumerate(run):
                expected = numbers[0] + position
                if numbers[position] != expected:
                    yield Hit(
                        Span(start + match.start("number"), start + match.end("number")),
                        {
                            "match": match.group("number"),
                            "expected": str(expected),
                            "count": str(len(run)),
                        },
                    )


def _styled(text: str, match: re.Match[str], *, markdown: bool) -> bool:
    """Whether a differing marker on this line is this rule's to report. A marker alone
    on its line is a broken item (stray-bullet or empty-list-item says so and mends it),
    and in Markdown a bullet other than -, * or + makes no list item at all
    (non-markdown-bullet's finding, whose fix writes "-"): one finding a problem. Both
    still count towards the post's usual marker, which they were typed in."""
    if not text[match.end("marker") :].strip():
        return False
    return not markdown or match.group("marker") in _MARKDOWN_BULLETS


def _lists(
    lines: list[tuple[int, str]], item: Pattern
) -> Iterator[list[tuple[int, re.Match[str]]]]:
    """Runs of items at one indent; more deeply indented lines (an item's continuation or
    a nested list) do not break a run, anything else does."""
    run: list[tuple[int, re.Match[str]]] = []
    indent = 0
    for start, text in lines:
        depth = len(text) - len(text.lstrip())
        match = item.search(text)
        if match and (not run or depth == indent):
            run.append((start, match))
            indent = depth
        elif run and depth > indent:
            continue
        else:
            if run:
                yield run
            run = [(start, match)] if match else []
            indent = depth
    if run:
        yield run


def _visible(text: str, match: re.Match[str]) -> tuple[int, int]:
    """The match without surrounding whitespace, so the column points at the character."""
    piece = match.group()
    first = match.start() + len(piece) - len(piece.lstrip())
    last = match.start() + len(piece.rstrip())
    return (first, last) if last > first else (match.start(), match.end())


_BULLET = Pattern.lazy(r"[ \t]*([-*+])[ \t]+\S")


def _usual_bullet(lines: list[tuple[int, str]]) -> str:
    """The Markdown bullet the post's lists use most ("-" when they use none): what a
    pasted or lone marker becomes, so that mixed-bullets has nothing to say after the fix."""
    found = [m.group(1) for _, text in lines if (m := _BULLET.match(text))]
    return _most_used(found) if found else "-"


def _most_used(markers: list[str]) -> str:
    """The marker used most; a tie goes to the one used first."""
    counts = Counter(markers)
    return max(counts, key=lambda m: (counts[m], -markers.index(m)))
