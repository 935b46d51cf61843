"""What healthlint reads from inside Python's regular expressions, in one place.

Two questions need a pattern's parse tree, which only CPython's private ``re._parser``
gives: whether a pattern can backtrack catastrophically (``has_nested_quantifier``) and
which words every match must contain (``required_literals``, for the prefilter). Private
API may change with any Python release, so nothing else touches it, each answer falls
back to "unknown" (a pattern is accepted, a prefilter searches) when the parser is
missing or different, and ``tests/test_regex_internals.py`` pins the answers.

Python's engine backtracks, so a pattern such as ``(a+)+$`` takes exponential time on a
line of a's that does not end the way it wants. Rule packs come from content teams and
the internet; a rule must not be able to hang a pre-commit hook. We refuse the classic
shape at load time: an unbounded repeat (``*``, ``+``, ``{n,}``) of something that itself
contains a repeat. Bounded outer repeats (``(?:\\w+\\s+){0,3}``) stay allowed: their cost is
polynomial with a small exponent.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from typing import Any

parser: Any
constants: Any
try:  # the parser is private API; without it the check is skipped, not the rule
    parser = importlib.import_module("re._parser")
    constants = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - a Python without these modules
    parser = constants = None


def has_nested_quantifier(pattern: str) -> bool:
    """Whether an unbounded repeat in ``pattern`` contains another repeat."""
    if parser is None or constants is None:
        return False
    try:
        tree = parser.parse(pattern)
    except Exception:  # a syntax error: the compiler reports it better
        return False
    return _unsafe(tree)


def _unsafe(tree: Any) -> bool:
    for high, sub in _repeats_directly_in(tree):
        if high == constants.MAXREPEAT and _repeats(sub):
            return True
    return any(_unsafe(sub) for _, sub in _repeats_directly_in(tree)) or any(
        _unsafe(child) for child in _groups(tree)
    )


def _repeats(tree: Any) -> bool:
    """Whether ``tree`` contains a repeat that can match more than one time."""
    return any(high > 1 or _repeats(sub) for high, sub in _repeats_directly_in(tree)) or any(
        _repeats(child) for child in _groups(tree)
    )


def _repeats_directly_in(tree: Any) -> Iterator[tuple[int, Any]]:
    """(upper bound, repeated subpattern) of each repeat at this level of the tree."""
    for op, av in tree:
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            yield av[1], av[2]


def _groups(tree: Any) -> Iterator[Any]:
    """The subpatterns inside groups, branches and lookarounds at this level."""
    for op, av in tree:
        if op not in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            yield from _subpatterns(av)


def _subpatterns(value: Any) -> Iterator[Any]:
    if isinstance(value, parser.SubPattern):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _subpatterns(item)


# A pattern needing one of more words than this is cheaper to search than to test.
_MAX_NEEDED = 8
# Shorter words are in nearly every post: testing for them rules out nothing.
_MIN_NEEDED_LENGTH = 3


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains, or None when that cannot
    be shown cheaply (a case-blind pattern, a pattern made of classes and repeats).

    Worked out on the parsed pattern: a run of literal characters must appear as written;
    a group, or a repeat that runs at least once, needs what its body needs; alternatives
    need the union of what each needs. Of the candidates the most telling is kept.
    """
    if pattern.flags & re.IGNORECASE:
        return None
    if parser is None or constants is None:
        return None
    try:
        tree = parser.parse(pattern.pattern, pattern.flags)
        needed = _needed(tree, constants)
    except Exception:  # the parser is private API: without it, nothing is known
        return None
    if (
        not needed
        or len(needed) > _MAX_NEEDED
        or min(len(word) for word in needed) < _MIN_NEEDED_LENGTH
    ):
        return None
    return needed


def _needed(items: Any, c: Any) -> frozenset[str] | None:
    """What a sequence of parsed items needs (see ``required_literals``)."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if candidate and (best is None or _telling(candidate) > _telling(best)):
            best = candidate

    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider(frozenset(["".join(run)]))
            run = []
        if op is c.SUBPATTERN:
            _, add_flags, del_flags, body = av
            if not add_flags and not del_flags:  # "(?i:...)" matches other letters
                consider(_needed(body, c))
        elif op is c.BRANCH:
            options = [_needed(branch, c) for branch in av[1]]
            if all(options):
                consider(frozenset().union(*options))  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            low, _, body = av
            if low >= 1:
                consider(_needed(body, c))
        elif op is getattr(c, "ATOMIC_GROUP", None):
            consider(_needed(av, c))
        # Classes, anchors, lookarounds and back-references need no particular word.
    if run:
        consider(frozenset(["".join(run)]))
    return best


def _telling(words: frozenset[str]) -> tuple[int, int]:
    """Longer words (up to four letters) rule out more posts; then fewer words to test."""
    return min(min(len(w) for w in words), 4), -len(words)


def trie(words: Iterable[str]) -> str:
    """The words as a regex trie: shared beginnings written once ("hyper(?:tension|
    lipidemia)"). Python's engine tries a flat alternation's words one by one at every
    place in a post; a trie rules most places out at the first letter, about twice as
    fast for a long list. A longer word is tried before the word it extends."""
    root: dict[str, dict[str, Any]] = {}
    for word in set(words):
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(root)


def phrase_trie(phrases: Iterable[str]) -> str:
    """``trie`` of lower-cased phrases, the spaces between their words matching any run of
    white space ("fish  oil" across a line break) and an apostrophe either kind ("St.
    John’s wort" as typeset)."""
    pattern = trie(" ".join(p.lower().split()) for p in phrases if p.strip())
    return pattern.replace(r"\ ", r"\s+").replace("'", "['’]")


def _branches(node: dict[str, dict[str, Any]]) -> str:
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"(?:{body})?"
