"""Suppression comments in a file's text, found when it is parsed.

``<!-- healthlint-disable-next-line RULE[,RULE] -->`` silences the next non-blank line;
``<!-- healthlint-disable RULE -->`` … ``<!-- healthlint-enable RULE -->`` silence a block
(to the end of the file when never re-enabled). Without rule names they apply to every rule.
``healthlint.engine.suppress`` decides which findings they silence.
"""

from __future__ import annotations

import re

from healthlint.core.model import Directive, DirectiveKind, Span

_DIRECTIVE = re.compile(
    r"<!--\s*healthlint-(disable-next-line|disable|enable)\b(.*?)-->", re.DOTALL
)


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
