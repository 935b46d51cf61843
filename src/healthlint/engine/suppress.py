"""Which findings a file's suppression comments silence (found by
``healthlint.parse.directives``)."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable

from healthlint.core.lines import LineIndex
from healthlint.core.model import Directive, DirectiveKind, Finding

_ALL = "*"


class Suppressions:
    """Which (line, rule) pairs of one file are silenced."""

    def __init__(self, directives: Iterable[Directive], source: str, lines: LineIndex) -> None:
        self._next_line: dict[int, frozenset[str]] = {}
        # rule name (or "*") -> list of [first_line, last_line] ranges
        self._ranges: dict[str, list[tuple[int, int]]] = {}
        open_at: dict[str, int] = {}
        for directive in directives:
            names = directive.rules or frozenset({_ALL})
            end_line = lines.line_of(max(directive.span.end - 1, directive.span.start))
            if directive.kind is DirectiveKind.DISABLE_NEXT_LINE:
                target = end_line + 1
                while (
                    target < lines.line_count
                    and not source[lines.line_start(target) : lines.line_end(target)].strip()
                ):
                    target += 1
                self._next_line[target] = self._next_line.get(target, frozenset()) | names
            elif directive.kind is DirectiveKind.DISABLE:
                for name in names:
                    open_at.setdefault(name, lines.line_of(directive.span.start))
            else:
                line = lines.line_of(directive.span.start)
                closing = list(open_at) if _ALL in names else [n for n in names if n in open_at]
                for name in closing:
                    self._ranges.setdefault(name, []).append((open_at.pop(name), line))
        for name, first in open_at.items():
            self._ranges.setdefault(name, []).append((first, lines.line_count + 1))
        # Each finding bisects its rule's ranges rather than trying each: a post with
        # thousands of disabled stretches and findings would cost their product.
        self._lines = {name: _LineRanges(ranges) for name, ranges in self._ranges.items()}

    def silences(self, finding: Finding) -> bool:
        names = self._next_line.get(finding.line)
        if names and (_ALL in names or finding.rule in names):
            return True
        for key in (finding.rule, _ALL):
            ranges = self._lines.get(key)
            if ranges is not None and ranges.cover(finding.line):
                return True
        return False


class _LineRanges:
    """Ranges of lines ``[first, last]``, asked whether any covers a line."""

    __slots__ = ("_firsts", "_reach")

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._firsts = [first for first, _ in ordered]
        # The furthest last line among the ranges up to each one (ranges may overlap).
        self._reach = list(itertools.accumulate((last for _, last in ordered), max))

    def cover(self, line: int) -> bool:
        before = bisect.bisect_right(self._firsts, line)
        return before > 0 and self._reach[before - 1] >= line
