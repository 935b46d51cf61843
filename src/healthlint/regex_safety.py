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
    for op, av in tree:
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            _, high, sub = av
            if (high == constants.MAXREPEAT and _repeats(sub)) or _unsafe(sub):
                return True
        elif _unsafe_in(av):
            return True
    return False


def _unsafe_in(value: Any) -> bool:
    if isinstance(value, parser.SubPattern):
        return _unsafe(value)
    if isinstance(value, (list, tuple)):
        return any(_unsafe_in(item) for item in value)
    return False


def _repeats(tree: Any) -> bool:
    """Whether ``tree`` contains a repeat that can match more than one time."""
    for op, av in tree:
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            if av[1] > 1:
                return True
            if _repeats(av[2]):
                return True
        elif _repeats_in(av):
            return True
    return False


def _repeats_in(value: Any) -> bool:
    if isinstance(value, parser.SubPattern):
        return _repeats(value)
    if isinstance(value, (list, tuple)):
        return any(_repeats_in(item) for item in value)
    return False
