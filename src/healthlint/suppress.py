"""Suppression comments: finding them in a file and deciding which findings they silence.

``<!-- healthlint-disable-next-line RULE[,RULE] -->`` silences the next non-blank line;
``<!-- healthlint-disable RULE -->`` … ``<!-- healthlint-enable RULE -->`` silence a block
(to the end of the file when never re-enabled). Without rule names they apply to every rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from healthlint.lines import LineIndex
from healthlint.model import Directive, DirectiveKind, Finding, Span

_DIRECTIVE = re.compile(
    r"<!--\s*healthlint-(disable-next-line|disable|enable)\b(.*?)-->", re.DOTALL
)
_ALL = "*"


def find_directives(source: str) -> tuple[Directive, ...]:
    if "healthlint-" not in source:
        return ()
    found: list[Directive] = []
    for match in _DIRECTIVE.finditer(source):
        names = frozenset(n for n in re.split(r"[\s,]+", match.group(2).strip()) if n)
        found.append(
            Directive(DirectiveKind(match.group(1)), names, Span(match.start(), match.end()))
        )
    return tuple(found)


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

    def silences(self, finding: Finding) -> bool:
        names = self._next_line.get(finding.line)
        if names and (_ALL in names or finding.rule in names):
            return True
        for key in (finding.rule, _ALL):
            for first, last in self._ranges.get(key, ()):
                if first <= finding.line <= last:
                    return True
        return False
