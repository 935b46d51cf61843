"""Offsets to 1-based line and column, computed once per file by bisecting line starts."""

from __future__ import annotations

import bisect
import re

_NEWLINE = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Maps character offsets of one text to ``(line, column)``, both 1-based.

    ``\\r\\n``, ``\\r`` and ``\\n`` each end a line, so positions match what an editor
    shows whatever the file's line endings.
    """

    __slots__ = ("_length", "_starts")

    def __init__(self, text: str) -> None:
        self._starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
        self._length = len(text)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self._length))
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_end(self, line: int) -> int:
        """Offset just past the line's break (or the end of the text for the last line)."""
        return self._starts[line] if line < len(self._starts) else self._length

    @property
    def line_count(self) -> int:
        return len(self._starts)


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` without their breaks, numbered as ``LineIndex`` numbers them."""
    return _NEWLINE.split(text)
