"""``suppression``: suppression comments that name a rule no rule has.

A misspelt name (``healthlint-disable-next-line stray-bulet``) silences nothing, and the
finding it was meant for shows up as if the comment were not there, with nothing to say
why. The engine hands this kind the file's comments and every rule name known to the run
(``check_comments``): a rule that exists but does not run here is not unknown.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar, Literal

from healthlint.core.model import Directive, Hit, Post, Span
from healthlint.language.prose import Prose
from healthlint.rules.spec import RuleSpec


@dataclass(frozen=True, kw_only=True)
class SuppressionRule(RuleSpec):
    kind: Literal["suppression"]

    message_args: ClassVar[frozenset[str]] = frozenset({"rule", "suggestion"})

    def check(self, post: Post, prose: Prose) -> Iterator[Hit]:
        return iter(())  # comments are the engine's to hand over: see check_comments

    def check_comments(
        self, source: str, directives: Iterable[Directive], known: Collection[str]
    ) -> Iterator[Hit]:
        """A hit on each rule name in ``directives`` that is not in ``known``, with the
        closest known name as ``{suggestion}``."""
        for directive in directives:
            comment = source[directive.span.start : directive.span.end]
            for name in sorted(directive.rules - set(known)):
                found = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", comment)
                start = directive.span.start + (found.start() if found else 0)
                end = start + len(name) if found else directive.span.end
                yield Hit(Span(start, end), {"rule": name, "suggestion": _closest(name, known)})


def _closest(name: str, known: Collection[str]) -> str:
    import difflib  # only when a comment names an unknown rule: it is slow to import

    guess = difflib.get_close_matches(name, sorted(known), n=1)
    return f" Did you mean '{guess[0]}'?" if guess else ""
