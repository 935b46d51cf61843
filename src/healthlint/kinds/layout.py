"""``layout``: what the author typed, line by line (list glitches that parsers would hide)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import model_validator

from healthlint.model import Hit, Post, Span
from healthlint.prose import Prose
from healthlint.spec import Regex, RuleSpec

_LINE = re.compile(r"[^\r\n]*")


class LayoutRule(RuleSpec):
    kind: Literal["layout"]
    line: Regex
    """Searched in each line of the post (masked: code and markup are blank)."""
    next_line: Regex | None = None
    """When set, the next non-blank line must match too."""
    consistent: bool = False
    """Flag lines whose ``(?P<marker>…)`` differs from the post's usual one at that indent."""

    message_args: ClassVar[frozenset[str]] = frozenset({"match", "expected", "count"})

    @model_validator(mode="after")
    def _marker_group(self) -> LayoutRule:
        if self.consistent and "marker" not in self.line.groupindex:
            raise ValueError("'consistent: true' needs a (?P<marker>...) group in 'line'")
        return self

    def check(self, post: Post, prose: Prose) -> Iterator[Hit]:
        lines = [
            (m.start(), m.group())
            for m in _LINE.finditer(post.masked, post.span.start, post.span.end)
            if m.group().strip()
        ]
        if self.consistent:
            yield from self._inconsistent(lines)
            return
        for index, (start, text) in enumerate(lines):
            match = self.line.search(text)
            if not match:
                continue
            if self.next_line is not None and (
                index + 1 >= len(lines) or not self.next_line.search(lines[index + 1][1])
            ):
                continue
            first, last = _visible(text, match)
            yield Hit(Span(start + first, start + last), {"match": match.group().strip()})

    def _inconsistent(self, lines: list[tuple[int, str]]) -> Iterator[Hit]:
        found: list[tuple[int, int, str]] = []  # (offset of marker, indent, marker)
        for start, text in lines:
            match = self.line.search(text)
            if match:
                indent = len(text) - len(text.lstrip())
                found.append((start + match.start("marker"), indent, match.group("marker")))
        usual: dict[int, str] = {}
        for indent in {i for _, i, _ in found}:
            counts = Counter(m for _, i, m in found if i == indent)
            first_seen = [m for _, i, m in found if i == indent]
            # The most used marker wins; a tie goes to the one used first.
            usual[indent] = max(counts, key=lambda m: (counts[m], -first_seen.index(m)))
        for offset, indent, marker in found:
            expected = usual[indent]
            if marker != expected:
                yield Hit(
                    Span(offset, offset + len(marker)),
                    {"match": marker, "expected": expected, "count": str(len(found))},
                )


def _visible(text: str, match: re.Match[str]) -> tuple[int, int]:
    """The match without surrounding whitespace, so the column points at the character."""
    piece = match.group()
    first = match.start() + len(piece) - len(piece.lstrip())
    last = match.start() + len(piece.rstrip())
    return (first, last) if last > first else (match.start(), match.end())
