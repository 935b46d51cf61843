"""Finding the few places in a post where a rule's patterns can match, cheaply.

Rules search sentence by sentence, and almost every sentence matches nothing: a regex call
per sentence and pattern is most of a pattern rule's cost. One search of the whole post
names the sentences worth the real, exact search. Rule patterns ignore case, and Python's
engine is about three times slower that way, so the whole-post search runs a lower-cased
copy of each pattern over the lower-cased post instead.

Most patterns match nothing in most posts, and the cheapest search is the one not run: a
pattern that needs one of a few words ("detox", "proven to") is not searched in a post
that contains none of them (``FastPattern.may_match``), a test of a few microseconds.

A rule's whole-post scan (``Prefilter``) runs on RE2 where ``language.linear`` can rewrite
its patterns for it: one alternation per rule, several times faster than Python's engine
running each pattern, and linear in the post's length.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from healthlint.core.model import Span
from healthlint.core.pattern import Pattern
from healthlint.core.regex import parsed_compile, required_literals
from healthlint.language.linear import LinearScan, accepted, engine, superset

# Escapes that mean the same in a lower-cased pattern over lower-cased text. Others
# (\x41, \u00C9, \N{...}) name characters by code and would stop matching when lowered.
_KEPT_ESCAPES = frozenset("bBwWdDsSAZntrfv") | frozenset(r"""\.^$*+?{}[]()|-/'"#&~!%,:;<=>@`_ """)
# Inline flags that turn ignoring case off ("(?-i:FDA)") make case part of the pattern.
_CASE_SWITCH = re.compile(r"\(\?[aiLmsux]*-")


_ANCHORS = frozenset(("^", "$", "\\A", "\\Z", "\\z"))


def is_anchored(pattern: str) -> bool:
    """Whether a regex uses ``^``, ``$``, ``\\A`` or ``\\Z`` outside a character class:
    those match at a scope's edges but not inside a longer text."""
    return any(token in _ANCHORS for _, token in _syntax(pattern))


_EDGE_SPACE = re.compile(r"\\[Ws][*+]\??")
_EDGE_SPACE_BEFORE = re.compile(r"\\[Ws][*+]\??$")
_COMMITTING = re.compile(r"\(\?>|[*+?}]\+")


def unanchored(pattern: Pattern) -> Pattern | None:
    """``pattern`` without its ``^``, ``$``, ``\\A`` and ``\\Z``: it matches wherever the
    pattern does, and elsewhere too. None when an anchor is inside a negative lookaround
    ("(?!\\s*$)"), where taking it out would forbid more, not less, or when what is left
    can match an empty string."""
    source = pattern.pattern
    if _COMMITTING.search(source):
        return None  # an atomic group or a possessive repeat may match less when weakened
    negative: list[bool] = []  # for each open group: whether it is a negative lookaround
    cut: list[tuple[int, int]] = []
    for index, token in _syntax(source):
        if token == "(":
            negative.append(source.startswith(("(?!", "(?<!"), index))
        elif token == ")" and negative:
            negative.pop()
        elif token in _ANCHORS:
            if any(negative):
                return None
            start, end = index, index + len(token)
            # The spaces an anchor allows at the edge go too: what is left starts with
            # its words, which the engine finds much faster.
            if token in ("^", "\\A"):
                edge = _EDGE_SPACE.match(source, end)
                end = edge.end() if edge else end
            else:
                edge = _EDGE_SPACE_BEFORE.search(source, 0, start)
                start = edge.start() if edge else start
            cut.append((start, end))
    pieces, position = [], 0
    for start, end in cut:
        pieces.append(source[position:start])
        position = end
    pieces.append(source[position:])
    try:
        loose = Pattern.compile("".join(pieces), pattern.flags)
    except re.error:
        return None
    # One that matches nothing ("^\\s*$" less its anchors) would match at every position.
    return None if loose.match("") is not None else loose


def _syntax(source: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """The characters of a regex that are syntax, with where they are: everything outside
    character classes, an escape as one two-character token ("\\b")."""
    class_body = -1  # where the current character class's members start; -1 outside one
    index = start
    while index < len(source):
        char = source[index]
        if char == "\\":
            if class_body < 0:
                yield index, source[index : index + 2]
            index += 2
            continue
        if class_body >= 0:
            # A "]" first in a class ("[]a]", "[^]a]") is a member, not its end.
            if char == "]" and index > class_body:
                class_body = -1
        elif char == "[":
            class_body = index + 2 if source[index + 1 : index + 2] == "^" else index + 1
        else:
            yield index, char
        index += 1


@dataclass(frozen=True, slots=True)
class FastPattern:
    """A rule pattern with its lower-cased twin, searched in a text's lower-cased copy.

    Positions are those of the original text (lower-casing keeps them, see
    ``lower_text``); match groups hold lower-cased text, so callers slice the original.
    """

    original: Pattern
    fast: Pattern
    needs: frozenset[str] | None = None
    """Words every match of ``fast`` contains one of (None: not known)."""
    loose: tuple[Pattern | None, Pattern | None] = (None, None)
    """Twins of (original, fast) without the assertions they open with. Searched first, a
    twin rules out a text with no match quickly (most texts have none), and the pattern's
    first match cannot start before the twin's. Only for a pattern that minds case: the
    engine's quick skip to a pattern's first letters does not work when it ignores case."""
    blind: Pattern | None = None
    """For a case-blind pattern with parts that mind case ("published in (?-i:[A-Z])"),
    which cannot be searched in the lower-cased text: a twin that ignores case throughout,
    searched there first, the same way as ``loose``."""

    @classmethod
    def of(cls, pattern: Pattern | re.Pattern[str]) -> FastPattern:
        pattern = _held(pattern)
        fast, parsed = _lowered_parsed(pattern)
        loose = (_twin(pattern), _twin(fast))
        needs = required_literals(fast, parsed=parsed)
        return cls(pattern, fast, needs, loose, _blind_twin(pattern, fast))

    @classmethod
    def for_sentences(cls, pattern: Pattern | re.Pattern[str]) -> FastPattern:
        """Without the words a match needs or a looser twin: in a sentence, neither saves
        time, and working them out at import would cost every start. The lower-cased twin
        is compiled when first searched, like a module's own patterns."""
        pattern = _held(pattern)
        return cls(pattern, lowered(pattern, checked=False))

    def may_match(
        self, text: str, lowered_text: str | None, start: int = 0, end: int = sys.maxsize
    ) -> bool:
        """False when ``text[start:end]`` lacks every word a match needs. (Only that part:
        the posts of a CMS dump share one text, and looking through all of it for each
        post would cost posts x text.)"""
        if self.needs is None:
            return True
        if self.fast is self.original:  # a case-sensitive pattern, searched in the text
            searched = text
        elif lowered_text is None:  # the case-blind original is searched: words may differ
            return True
        else:
            searched = lowered_text
        return any(searched.find(word, start, end) >= 0 for word in self.needs)

    def _searched(
        self, text: str, lowered_text: str | None, start: int, end: int
    ) -> tuple[re.Pattern[str], str, int] | None:
        """The pattern to run, the text to run it on and where its first match may start;
        None when it cannot match. (Python's engine looks behind the start it is given,
        so starting later changes no match.)"""
        if not self.may_match(text, lowered_text, start, end):
            return None
        if lowered_text is None or self.fast is self.original:
            pattern, searched, which = self.original, text, 0
        else:
            pattern, searched, which = self.fast, lowered_text, 1
        if (
            self.blind is not None
            and lowered_text is not None
            and which == 0
            and min(end, len(text)) - start >= _BLIND_MIN_LENGTH
        ):
            found = self.blind.search(lowered_text, start, end)
            if found is None:
                return None
            start = found.start()
        twin = self.loose[which]
        if twin is not None:
            found = twin.search(searched, start, end)
            if found is None:
                return None
            start = found.start()
        return pattern.compiled, searched, start

    def finditer(
        self, text: str, lowered_text: str | None, start: int = 0, end: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        chosen = self._searched(text, lowered_text, start, end)
        if chosen is None:
            return iter(())
        pattern, searched, start = chosen
        return pattern.finditer(searched, start, end)

    def first(
        self, text: str, lowered_text: str | None, start: int = 0, end: int = sys.maxsize
    ) -> re.Match[str] | None:
        chosen = self._searched(text, lowered_text, start, end)
        if chosen is None:
            return None
        pattern, searched, start = chosen
        return pattern.search(searched, start, end)

    def search(self, text: str, lowered_text: str | None) -> bool:
        return self.first(text, lowered_text) is not None

    def search_text(self, text: str, lowered_text: str | None) -> re.Match[str] | None:
        """The original pattern's first match in ``text``, its groups from ``text``; not
        searched, nor compiled, when ``text`` lacks every word a match needs (most
        sentences lack a rule's credits and back references)."""
        return self.original.search(text) if self.may_match(text, lowered_text) else None

    def loosened(self) -> FastPattern:
        """The same pattern without the assertions and optional groups it opens with (see
        ``loosen``): it matches wherever this one does, and more, and is found much
        faster."""
        original = loosen(self.original)
        fast = original if self.fast is self.original else loosen(self.fast)
        return FastPattern(original, fast, self.needs)


# A sentence is searched faster at once than twice: the blind twin pays on longer texts.
_BLIND_MIN_LENGTH = 1000


def _loose(pattern: Pattern, twin: tuple[Pattern, Any] | None = None) -> FastPattern:
    """``FastPattern.of(pattern).loosened()``, given ``_lowered_parsed(pattern)`` when
    it is made already. A looser pattern only adds scopes to search exactly (see
    ``Prefilter.scopes``). ``loosened`` keeps no twin but the lower-cased one: the
    others are not made."""
    fast, parsed = _lowered_parsed(pattern) if twin is None else twin
    return FastPattern(pattern, fast, required_literals(fast, parsed=parsed)).loosened()


def _held(pattern: Pattern | re.Pattern[str]) -> Pattern:
    return Pattern.of(pattern) if isinstance(pattern, re.Pattern) else pattern


def _blind_twin(pattern: Pattern, fast: Pattern) -> Pattern | None:
    """``pattern`` with its case-minding groups made case-blind, for the lower-cased text
    (see ``FastPattern.blind``); None when the pattern needs none or it cannot be made."""
    if fast is not pattern or not pattern.flags & re.IGNORECASE:
        return None
    source = pattern.pattern.replace("(?-i:", "(?:")
    if _CASE_SWITCH.search(source):
        return None  # some other switch: leave the pattern as it is
    try:
        relaxed = Pattern.compile(source, pattern.flags)
    except re.error:
        return None
    blind = lowered(relaxed)
    return None if blind is relaxed else loosen(blind, optional_groups=False)


def _twin(pattern: Pattern) -> Pattern | None:
    if pattern.flags & re.IGNORECASE:
        return None
    loose = loosen(pattern, optional_groups=False)
    return None if loose is pattern else loose


# What a pattern may open with that matches no text: "\b", a lookbehind.
_LEADING_ASSERTION = re.compile(r"\\b|\(\?<[!=](?:[^()[\\]|\\.|\[(?:[^\]\\]|\\.)*\])*\)")


def loosen(pattern: Pattern, optional_groups: bool = True) -> Pattern:
    """``pattern`` with the assertions (and, unless told not to, the optional groups) each
    of its alternatives opens with dropped. Python's engine skips quickly to where a
    pattern's first literal characters are, but not when an assertion or an optional group
    comes first: "\\b(?:detox|cleanse)" is about three times slower to search a post for
    than "(?:detox|cleanse)". What is left matches wherever the pattern does, at the same
    place (without its assertions) or just after it, inside the same match: enough to
    rule a text out, or to choose the scopes to search exactly."""
    source = pattern.pattern
    if pattern.flags & re.VERBOSE:
        return pattern  # spaces and comments would be read as text
    alternatives = _alternatives(source)
    loosened = "|".join(_loosen_start(a, optional_groups) for a in alternatives)
    if loosened == source:
        return pattern
    try:
        return Pattern.compile(loosened, pattern.flags)
    except re.error:
        return pattern


def _loosen_start(source: str, optional_groups: bool) -> str:
    end = 0
    while True:
        if (match := _LEADING_ASSERTION.match(source, end)) is not None:
            end = match.end()
            continue
        opens_group = optional_groups and source.startswith("(?:", end)
        after = _group_end(source, end) if opens_group else None
        if after is not None and _greedy_option(source, after):
            end = after + 1
            continue
        break
    if not end or source[end : end + 1] in ("", "*", "+", "?", "{"):
        return source
    try:
        re.compile(source[:end])  # whole parts, not a piece of one
    except re.error:
        return source
    return source[end:]


def _greedy_option(source: str, index: int) -> bool:
    """Whether a plain "?" is at ``index``: "??" and "?+" are other quantifiers."""
    return source[index : index + 1] == "?" and source[index + 1 : index + 2] not in ("?", "+")


def _alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern ("a|b(?:c|d)" -> "a", "b(?:c|d)")."""
    parts = []
    depth = start = 0
    for index, token in _syntax(source):
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif token == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
    parts.append(source[start:])
    return parts


def _group_end(source: str, start: int) -> int | None:
    """Where the group opening at ``start`` ends (just after its ")"), or None."""
    depth = 0
    for index, token in _syntax(source, start):
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
            if depth == 0:
                return index + 1
    return None


def _lowered_parsed(pattern: Pattern) -> tuple[Pattern, Any]:
    """``lowered(pattern)``, with the parse of a new twin (None for the pattern itself),
    so that working out the words it needs parses it no second time."""
    text = _lowered_source(pattern)
    if text is None:
        return pattern, None
    try:
        compiled, parsed = parsed_compile(text, pattern.flags & ~re.IGNORECASE)
    except re.error:
        return pattern, None
    return Pattern.of(compiled), parsed


def lowered(pattern: Pattern, *, checked: bool = True) -> Pattern:
    """A case-sensitive pattern that matches the lower-cased text where ``pattern`` (which
    ignores case) matches the original; ``pattern`` itself when its source does not show
    that. The two agree on all but exotic case folds (a long "ſ" matching "s").

    ``checked=False`` leaves the twin uncompiled, for healthlint's own patterns, whose
    twins the tests compile; a user's pattern is checked, so that a twin the engine
    rejects (a range like ``[Z-a]`` lower-cased) falls back to the pattern itself."""
    text = _lowered_source(pattern)
    if text is None:
        return pattern
    if not checked:
        return Pattern(text, pattern.flags & ~re.IGNORECASE)
    try:
        return Pattern.compile(text, pattern.flags & ~re.IGNORECASE)
    except re.error:
        return pattern


def _lowered_source(pattern: Pattern) -> str | None:
    """The source of ``lowered(pattern)``, None when it is the pattern itself."""
    if not pattern.flags & re.IGNORECASE or _CASE_SWITCH.search(pattern.pattern):
        return None
    source = pattern.pattern
    out: list[str] = []
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            escaped = source[index + 1 : index + 2]
            if escaped not in _KEPT_ESCAPES:
                return None
            out.append(source[index : index + 2])
            index += 2
            continue
        if char == "(" and source.startswith("(?", index):
            # Inline flags and group names are syntax, not text: copy them as written.
            end = _group_header_end(source, index)
            out.append(source[index:end])
            index = end
            continue
        out.append(char.lower())
        index += 1
    text = "".join(out)
    return text if len(text) == len(source) else None


def _group_header_end(source: str, start: int) -> int:
    """The end of ``(?…`` syntax that is not text: flags, ``P<name>``, ``P=name``."""
    index = start + 2
    if source.startswith("P<", index) or source.startswith("P=", index):
        closing = ">" if source[index + 1] == "<" else ")"
        found = source.find(closing, index)
        return len(source) if found == -1 else found + 1
    while index < len(source) and (source[index].isalpha() or source[index] == "-"):
        index += 1
    return index


def lower_text(text: str) -> str | None:
    """``text`` lower-cased, or None when that changes its length (a dotted capital I
    lowers to two characters), which would move every offset after it."""
    lowered_text = text.lower()
    return lowered_text if len(lowered_text) == len(text) else None


class Prefilter:
    """Chooses the scopes of a post that a rule's patterns may match.

    A match inside a scope is also found, at the same start, when the whole text is
    searched, so its scope is chosen; a whole-text match across a boundary only adds a
    scope to search again. A pattern anchored to a scope's edges is searched without its
    anchors (see ``unanchored``); when they cannot be taken out, ``usable`` is False.
    """

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        # A pattern anchored to its scope's edges ("^Tags:$" in a paragraph) is searched
        # in the whole text without its anchors: that matches wherever it does, and more.
        searched = [unanchored(p) if is_anchored(p.pattern) else p for p in patterns]
        self.usable = all(p is not None for p in searched)
        self._searched = tuple(p for p in searched if p is not None)
        # Where RE2 can scan a pattern (see ``language.linear``), the patterns searched in
        # the lower-cased text are scanned as one alternation, and so are those searched
        # in the text as it is; Python's engine scans the rest. RE2 needs none of the
        # twins that speed Python's engine up (``FastPattern``): they are made only for
        # the rest, and for all of them where RE2 cannot scan (``_all``).
        on_lowered: list[str] = []
        on_text: list[str] = []
        rest: list[FastPattern] = []
        for pattern in self._searched:
            twin = _lowered_parsed(pattern)
            fast = twin[0]
            source = superset(fast.pattern, fast.flags)
            if source is None or not accepted(source):
                rest.append(_loose(pattern, twin))
            elif fast is pattern:
                on_text.append(source)
            else:
                on_lowered.append(source)
        self._linear = (LinearScan.of(on_lowered), LinearScan.of(on_text))
        self._rest = tuple(rest)

    @cached_property
    def _all(self) -> tuple[FastPattern, ...]:
        return tuple(_loose(p) for p in self._searched)

    def scopes(
        self, text: str, lowered_text: str | None, within: Span, scopes: Sequence[Span]
    ) -> list[Span]:
        """The scopes (in text order, not overlapping) that overlap a match in
        ``text[within]``; ``lowered_text`` is ``lower_text(text)``."""
        starts = [s.start for s in scopes]
        chosen: set[int] = set()
        for first, end in self._matches(text, lowered_text, within):
            last = max(end, first + 1)
            index = max(bisect_right(starts, first) - 1, 0)
            while index < len(scopes) and scopes[index].start < last:
                if scopes[index].end > first:
                    chosen.add(index)
                index += 1
        return [scopes[i] for i in sorted(chosen)]

    def _matches(
        self, text: str, lowered_text: str | None, within: Span
    ) -> Iterator[tuple[int, int]]:
        """Where the patterns match in ``text[within]``: by RE2 where it can scan them."""
        # RE2's rewrites are of the twins for the lower-cased text; a rule set stored
        # where RE2 was installed may be loaded where it is not. ``_all`` (a compile or
        # two per pattern) is made only when RE2 cannot scan.
        patterns: Iterable[FastPattern] | None = None
        if lowered_text is not None and engine() is not None:
            try:
                found = [
                    span
                    for scan, searched in zip(self._linear, (lowered_text, text), strict=True)
                    if scan is not None
                    for span in scan.spans(searched, within.start, within.end)
                ]
            except UnicodeEncodeError:
                pass  # RE2 reads UTF-8, which has no lone surrogate: Python's engine scans
            else:
                yield from found
                patterns = self._rest
        for pattern in self._all if patterns is None else patterns:
            for match in pattern.finditer(text, lowered_text, within.start, within.end):
                yield match.span()
