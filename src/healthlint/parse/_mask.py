"""Blanking non-prose ranges while keeping every offset and newline where it was."""

from __future__ import annotations

import re
from collections.abc import Iterable

from healthlint.core.model import Span

_NOT_NEWLINE = re.compile(r"[^\r\n]")


def blank(text: str) -> str:
    """``text`` with every character except line breaks replaced by a space."""
    return _NOT_NEWLINE.sub(" ", text)


def mask(source: str, spans: Iterable[Span]) -> str:
    """``source`` with each span blanked; spans may overlap and come in any order."""
    pieces: list[str] = []
    position = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.end <= position:
            continue
        start = max(span.start, position)
        pieces.append(source[position:start])
        pieces.append(blank(source[start : span.end]))
        position = span.end
    pieces.append(source[position:])
    return "".join(pieces)


def line_bounds(source: str, line_starts: list[int], first: int, last: int) -> Span:
    """The span of 0-based lines ``first`` to ``last`` (exclusive), without the final break."""
    start = line_starts[first] if first < len(line_starts) else len(source)
    end = line_starts[last] if last < len(line_starts) else len(source)
    while end > start and source[end - 1] in "\r\n":
        end -= 1
    return Span(start, end)
