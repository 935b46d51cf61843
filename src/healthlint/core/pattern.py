"""A regular expression that is compiled the first time it is searched.

A rule set holds several hundred patterns (a rule's own and the twins its prefilter
derives from them), and one post needs few of them: most rules are ruled out by the words
a post lacks, its format or its genre. Compiling them all whenever a stored rule set is
loaded took most of a one-post run; a ``Pattern`` is kept as its source and flags (which
is also all that is pickled, never the engine's compiled form) and compiled on first use.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping
from typing import Any


class Pattern:
    """A compiled-on-demand ``re.Pattern[str]`` with the same methods healthlint calls.

    ``flags`` are the compiled pattern's (``re.Pattern.flags``: inline flags such as
    ``(?i)`` included), so that asking whether a pattern ignores case needs no compiling;
    ``Pattern.compile`` and ``Pattern.of`` make one that way. Treat it as immutable: it is
    shared by the rules, and equal to another with the same source and flags.
    """

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @classmethod
    def compile(cls, source: str, flags: int = 0) -> Pattern:
        """Compiled now (``re.error`` for a bad pattern), for a pattern being checked."""
        return cls.of(re.compile(source, flags))

    @classmethod
    def of(cls, compiled: re.Pattern[str]) -> Pattern:
        made = cls(compiled.pattern, compiled.flags)
        made._compiled = compiled
        return made

    @property
    def compiled(self) -> re.Pattern[str]:
        return self._compiled or self._compile()

    def _compile(self) -> re.Pattern[str]:
        self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    @property
    def is_compiled(self) -> bool:
        return self._compiled is not None

    @property
    def groupindex(self) -> Mapping[str, int]:
        return self.compiled.groupindex

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        # Searched many times a post: no property call in between.
        return (self._compiled or self._compile()).search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return (self._compiled or self._compile()).match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return (self._compiled or self._compile()).fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return (self._compiled or self._compile()).finditer(string, pos, endpos)

    def __reduce__(self) -> tuple[Any, ...]:
        # The source and flags only: a stored rule set holds no engine internals, and a
        # process that loads it compiles only what it searches with.
        return (Pattern, (self.pattern, self.flags))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"Pattern({self.pattern!r}, {self.flags})"
