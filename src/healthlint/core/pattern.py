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
from collections.abc import Callable, Iterator, Mapping
from typing import Any


class Pattern:
    """A compiled-on-demand ``re.Pattern[str]`` with the same methods healthlint calls.

    ``flags`` are the compiled pattern's (``re.Pattern.flags``: inline flags such as
    ``(?i)`` included), so that asking whether a pattern ignores case needs no compiling;
    ``Pattern.compile``, ``Pattern.of`` and ``Pattern.lazy`` make one that way. Treat it as
    immutable: it is shared by the rules, and equal to another with the same source and
    flags.
    """

    # No __slots__: once compiled, the compiled pattern's own bound methods are stored in
    # the instance's __dict__, where they are found before the class's, so a search after
    # the first costs what it costs on an ``re.Pattern`` (a module searches some of its
    # patterns for every sentence).
    pattern: str
    flags: int

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags

    @classmethod
    def compile(cls, source: str, flags: int = 0) -> Pattern:
        """Compiled now (``re.error`` for a bad pattern), for a pattern being checked."""
        return cls.of(re.compile(source, flags))

    @classmethod
    def of(cls, compiled: re.Pattern[str]) -> Pattern:
        made = cls(compiled.pattern, compiled.flags)
        made._bind(compiled)
        return made

    @classmethod
    def lazy(cls, source: str, flags: int = 0) -> Pattern:
        """Compiled when first used, for a module's own pattern that many posts never need.

        ``flags`` as ``re.compile`` takes them; ``source`` must not open with inline global
        flags (``(?i)``), which only compiling would add to ``flags``.
        """
        return cls(source, flags if flags & re.ASCII else flags | re.UNICODE)

    @property
    def compiled(self) -> re.Pattern[str]:
        compiled: re.Pattern[str] | None = self.__dict__.get("_compiled")
        return compiled or self._compile()

    def _compile(self) -> re.Pattern[str]:
        compiled = re.compile(self.pattern, self.flags)
        self._bind(compiled)
        return compiled

    def _bind(self, compiled: re.Pattern[str]) -> None:
        self.__dict__.update(
            _compiled=compiled,
            search=compiled.search,
            match=compiled.match,
            fullmatch=compiled.fullmatch,
            finditer=compiled.finditer,
            findall=compiled.findall,
            sub=compiled.sub,
            split=compiled.split,
        )

    @property
    def is_compiled(self) -> bool:
        return "_compiled" in self.__dict__

    @property
    def groupindex(self) -> Mapping[str, int]:
        return self.compiled.groupindex

    @property
    def groups(self) -> int:
        return self.compiled.groups

    # Each method is called only before the first compiling: ``_bind`` shadows it.
    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._compile().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._compile().match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self._compile().fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self._compile().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self._compile().findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self._compile().sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self._compile().split(string, maxsplit)

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
