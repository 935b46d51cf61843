"""Prefilter patterns rewritten for RE2, a linear-time engine that scans a post several
times faster than Python's.

The prefilter (``language.prefilter``) only chooses the scopes of a post worth the exact
search, which Python's engine still does. So RE2 need not match exactly what Python's
engine matches, only everywhere it does: ``superset`` rewrites a pattern into one that
RE2 reads and that matches, at the same start, wherever the pattern does, and maybe more.
RE2 lacks lookarounds and back references, and its ``\\w``, ``\\d``, ``\\s`` and ``\\b``
know only ASCII: assertions are dropped (matching more), each class is widened to every
non-ASCII character, and a pattern that cannot be rewritten that way stays with Python's
engine. Which engine scans a pattern is chosen when the rule set is loaded;
``tests/test_linear.py`` checks that RE2 finds every match Python's engine finds.
"""

from __future__ import annotations

import re
import sys
from types import ModuleType
from typing import Any

# Python's classes, widened for RE2: the ASCII members Python gives them, and every
# non-ASCII character (Python's Unicode classes hold some, and a wider class only makes
# the scan choose more). In a negated class ("[^\w-]") only the ASCII members are taken
# out, for the same reason.
_ANY_NON_ASCII = r"\x{80}-\x{10FFFF}"
_ASCII_MEMBERS = {
    "w": r"0-9A-Za-z_",
    "d": r"0-9",
    "s": r"\t-\r\x{1C}-\x{20}",
    "W": r"\x{0}-\x{2F}\x{3A}-\x{40}\x{5B}-\x{5E}\x{60}\x{7B}-\x{7F}",
    "D": r"\x{0}-\x{2F}\x{3A}-\x{7F}",
    "S": r"\x{0}-\x{8}\x{E}-\x{1B}\x{21}-\x{7F}",
}
_CHAR_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
# Groups that only assert ("(?=", "(?!", "(?<=", "(?<!"): dropped with what they hold.
_LOOKAROUND = re.compile(r"\(\?(?:=|!|<=|<!)")
_REPEAT = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")
# RE2 refuses counted repeats above this.
_RE2_MAX_REPEAT = 1000
_QUANTIFIERS = frozenset("*+?{")
# Flags RE2 can take as written ("(?s)"); the others (ignoring case, verbose, locale) it
# reads otherwise, and a pattern with them stays with Python's engine.
_KEPT_FLAGS = re.UNICODE | re.ASCII | re.MULTILINE | re.DOTALL


class _Unsupported(Exception):
    """A construct RE2 cannot read and that cannot be widened away."""


def superset(source: str, flags: int = 0) -> str | None:
    """An RE2 pattern matching, at the same start, wherever the Python pattern
    ``source`` (compiled with ``flags``) matches; None when none can be written here
    (anchors, back references, inline flags, ignoring case)."""
    if flags & ~_KEPT_FLAGS:
        return None
    try:
        rewritten = _Rewriter(source).rewrite()
    except _Unsupported:
        return None
    return f"(?s){rewritten}" if flags & re.DOTALL else rewritten


class _Rewriter:
    def __init__(self, source: str) -> None:
        self.source = source
        self.index = 0

    def rewrite(self, closing: bool = False) -> str:
        """The pattern up to the end (or, with ``closing``, up to its group's ")")."""
        source = self.source
        out: list[str] = []
        while self.index < len(source):
            char = source[self.index]
            if char == ")":
                if not closing:
                    raise _Unsupported
                self.index += 1
                return "".join(out) + ")"
            if char == "(":
                out.append(self._group())
            elif char == "[":
                out.append(self._class())
            elif char == "\\":
                out.append(self._escape())
            elif char == "{":
                out.append(self._repeat())
            elif char in "*+?":
                self.index += 1
                out.append(char)
                # A possessive repeat ("a*+") matches less than a greedy one.
                if self.index < len(source) and source[self.index] == "+":
                    self.index += 1
            elif char in "^$":
                raise _Unsupported
            else:
                self.index += 1
                out.append(char if char in ".|" else _literal(char))
        if closing:
            raise _Unsupported
        return "".join(out)

    def _group(self) -> str:
        source, start = self.source, self.index
        lookaround = _LOOKAROUND.match(source, start)
        if lookaround is not None:
            self.index = lookaround.end()
            self.rewrite(closing=True)
            return self._assertion()
        if source.startswith("(?#", start):
            end = source.find(")", start)
            if end < 0:
                raise _Unsupported
            self.index = end + 1
            return self._assertion()
        if source.startswith("(?P<", start):
            end = source.find(">", start)
            if end < 0:
                raise _Unsupported
            self.index = end + 1
        elif source.startswith(("(?:", "(?>"), start):  # an atomic group matches less
            self.index = start + 3
        elif source.startswith("(?", start):  # flags, back references, conditions
            raise _Unsupported
        else:
            self.index = start + 1
        return "(?:" + self.rewrite(closing=True)

    def _assertion(self) -> str:
        """What replaces a dropped assertion: nothing, unless a repeat follows it."""
        following = self.source[self.index : self.index + 1]
        if following and following in _QUANTIFIERS:
            raise _Unsupported
        return ""

    def _escape(self) -> str:
        source = self.source
        letter = source[self.index + 1 : self.index + 2]
        self.index += 2
        if letter in ("b", "B"):
            return self._assertion()
        if letter in _ASCII_MEMBERS:
            return _class_of(letter, negated=False)
        char = self._escaped_char(letter)
        return _literal(char)

    def _escaped_char(self, letter: str) -> str:
        """The one character an escape names (the escape's letter already read)."""
        if letter in _CHAR_ESCAPES:
            return _CHAR_ESCAPES[letter]
        if letter in _HEX_ESCAPES:
            digits = self.source[self.index : self.index + _HEX_ESCAPES[letter]]
            if len(digits) != _HEX_ESCAPES[letter] or not all(
                d in "0123456789abcdefABCDEF" for d in digits
            ):
                raise _Unsupported
            self.index += len(digits)
            return chr(int(digits, 16))
        if not letter or letter.isalnum():  # back references, \A, \Z, \N{…}, octal
            raise _Unsupported
        return letter

    def _class(self) -> str:
        source = self.source
        self.index += 1
        negated = source.startswith("^", self.index)
        if negated:
            self.index += 1
        members: list[str] = []
        first = True
        previous_char = False  # whether the last member was one character (a range start)
        while True:
            if self.index >= len(source):
                raise _Unsupported
            char = source[self.index]
            if char == "]" and not first:
                self.index += 1
                break
            first = False
            escaped = char == "\\"
            if escaped:
                letter = source[self.index + 1 : self.index + 2]
                self.index += 2
                if letter in _ASCII_MEMBERS:
                    members.append(_class_members(letter, negated))
                    previous_char = False
                    continue
                char = "\b" if letter == "b" else self._escaped_char(letter)
            else:
                self.index += 1
            if (
                char == "-"
                and not escaped
                and previous_char
                and self.index < len(source)
                and source[self.index] != "]"
            ):
                members.append("-")
                previous_char = False
                continue
            members.append(_literal(char))
            previous_char = True
        return ("[^" if negated else "[") + "".join(members) + "]"

    def _repeat(self) -> str:
        found = _REPEAT.match(self.source, self.index)
        if found is None:  # Python reads a "{" that opens no repeat as itself
            self.index += 1
            return _literal("{")
        self.index = found.end()
        low, comma, high = found.groups()
        if not low and not comma:  # "{}" is text too
            return _literal("{") + _literal("}")
        if int(low or 0) > _RE2_MAX_REPEAT or int(high or 0) > _RE2_MAX_REPEAT:
            raise _Unsupported
        if self.source[self.index : self.index + 1] == "+":
            self.index += 1  # possessive
        return "{" + (low or "0") + (comma or "") + (high or "") + "}"


def _literal(char: str) -> str:
    """``char`` as RE2 reads it: letters, digits and non-ASCII as they are, the rest by
    code (RE2 and Python disagree on which punctuation needs a backslash)."""
    if char.isalnum() or ord(char) > 0x7F:
        return char
    return f"\\x{{{ord(char):X}}}"


def _class_members(letter: str, negated: bool) -> str:
    ascii_members = _ASCII_MEMBERS[letter]
    return ascii_members if negated else ascii_members + _ANY_NON_ASCII


def _class_of(letter: str, *, negated: bool) -> str:
    return "[" + _class_members(letter, negated) + "]"


def engine() -> ModuleType | None:
    """The RE2 module, or None where it is not installed (Python's engine then scans)."""
    try:
        import re2  # google-re2; imported only for a rule set's prefilters
    except ImportError:
        return None
    module: ModuleType = re2
    return module


class LinearScan:
    """Several RE2 patterns searched as one alternation, compiled on first use and
    pickled as their source (a stored rule set holds no engine internals)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: Any = None

    @classmethod
    def of(cls, sources: list[str]) -> LinearScan | None:
        """One scan for ``sources``, or None when there is none or RE2 is missing."""
        if not sources or engine() is None:
            return None
        return cls("|".join(f"(?:{s})" for s in sources))

    def spans(self, text: str, start: int = 0, end: int = sys.maxsize) -> list[tuple[int, int]]:
        """Where the alternation matches in ``text[start:end]``, in text order. Raises
        ``UnicodeEncodeError`` for text UTF-8 cannot encode (a lone surrogate)."""
        if self._compiled is None:
            module = engine()
            assert module is not None  # ``of`` found it
            self._compiled = module.compile(self.source)
        # RE2 encodes what it is given and counts characters from its start on every
        # call: given the whole of a dump of many posts for each post, that is quadratic.
        # The scan has no anchors or lookarounds, so the post's own text gives the same
        # matches.
        return [
            (found.start() + start, found.end() + start)
            for found in self._compiled.finditer(text[start:end])
        ]

    def __reduce__(self) -> tuple[Any, ...]:
        return (LinearScan, (self.source,))


def accepted(source: str) -> bool:
    """Whether RE2 compiles ``source`` and it cannot match an empty string (which would
    make the scan choose every scope)."""
    module = engine()
    if module is None:
        return False
    try:
        compiled = module.compile(source)
    except module.error:
        return False
    return compiled.fullmatch("") is None
