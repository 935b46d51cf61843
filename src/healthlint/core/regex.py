"""Refusing regular expressions that can backtrack catastrophically.

Python's engine backtracks, so a pattern such as ``(a+)+$`` takes exponential time on a
line of a's that does not end the way it wants. Rule packs come from content teams and
the internet; a rule must not be able to hang a pre-commit hook. We refuse the classic
shape at load time: an unbounded repeat (``*``, ``+``, ``{n,}``) of something that itself
contains a repeat. Bounded outer repeats (``(?:\\w+\\s+){0,3}``) stay allowed: their cost is
polynomial with a small exponent.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
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
