"""What healthlint reads from inside Python's regular expressions, in one place.

Two questions need a pattern's parse tree, which only CPython's private ``re._parser``
gives: whether a pattern can backtrack catastrophically (``backtracking_risk``) and
which words every match must contain (``required_literals``, for the prefilter). Private
API may change with any Python release, so nothing else touches it, each answer falls
back to "unknown" (a pattern is accepted, a prefilter searches) when the parser is
missing or different, and ``tests/test_regex_internals.py`` pins the answers.

Python's engine backtracks, so a pattern such as ``(a+)+$`` takes exponential time on a
line of a's that does not end the way it wants. Rule packs come from content teams and
the internet; a rule must not be able to hang a pre-commit hook. ``backtracking_risk``
refuses, at load time, the shapes that make backtracking explode (each is named in its
docstring); what it lets through costs at worst a small power of the text's length, and
the engine's time budget (``healthlint.engine.lint``) stops a rule that still runs away.

Parsing is much of the cost of checking and compiling a pattern, and a ``--no-cache`` run
checks and compiles several hundred: ``checked_compile`` and ``parsed_compile`` compile
from the parse the checks read (``re._compiler``'s own steps, on the Pythons whose
``_sre.compile`` is known; elsewhere they compile and parse apart).
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from healthlint.core.pattern import Pattern

parser: Any
constants: Any
try:  # the parser is private API; without it the check is skipped, not the rule
    parser = importlib.import_module("re._parser")
    constants = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - a Python without these modules
    parser = constants = None

# The compiler's own steps, to compile a pattern from the parse the check has made
# (``checked_compile``); the Pythons whose ``_sre.compile`` takes these arguments.
compiler: Any = None
sre: Any = None
if (3, 11) <= sys.version_info[:2] <= (3, 13):
    try:
        compiler = importlib.import_module("re._compiler")
        sre = importlib.import_module("_sre")
    except ImportError:  # pragma: no cover - a Python without these modules
        compiler = sre = None


MAX_PATTERN_LENGTH = 10_000
"""Longer patterns are refused: the longest built-in one has about 1,300 characters, and a
pattern of a hundred thousand alternatives took over a minute on a long post. A long
list of words belongs in a pattern rule's ``words``, matched as one trie."""

# A group repeated more times than this must not contain a choice (a repeat or
# alternatives): each repetition multiplies the ways a failing match is retried.
_MAX_COUNTED = 10
# Alternatives that can match alike, repeated more times than this, are refused.
_MAX_RETRIED = 16
# A repeat allowed more times than this counts as unbounded in a chain of repeats.
_LONG = 100
# Unbounded repeats in a row that can match the same characters: each one more multiplies
# the cost of a failing match by the text's length.
_MAX_CHAIN = 2


def checked_compile(source: str, flags: int = 0) -> tuple[re.Pattern[str], str | None]:
    """``source`` compiled, and its ``backtracking_risk``, from one parse: parsing is
    about half of checking a pattern and a large share of compiling it, and a rule set
    checks several hundred. Raises what ``re.compile`` raises for a bad pattern.

    Without the private compiler (another Python), it compiles and parses apart."""
    compiled, tree = parsed_compile(source, flags)
    return compiled, backtracking_risk(source) if tree is None else _risk_of(tree)


def parsed_compile(source: str, flags: int = 0) -> tuple[re.Pattern[str], Any]:
    """``source`` compiled, with the parse it was compiled from, for ``_risk_of`` and
    ``required_literals`` to read (None without the private compiler). Raises what
    ``re.compile`` raises."""
    if compiler is None or parser is None or constants is None:
        return re.compile(source, flags), None
    flags = int(flags)  # as ``re.compile`` does, for an ``re.RegexFlag``
    tree = parser.parse(source, flags)
    return _compiled_from(source, flags, tree), tree


def _compiled_from(source: str, flags: int, tree: Any) -> re.Pattern[str]:
    """What ``re.compile(source, flags)`` gives, from its parse (``re._compiler.compile``
    less its own parse)."""
    code = compiler._code(tree, flags)
    groupindex = tree.state.groupdict
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    made: re.Pattern[str] = sre.compile(
        source,
        flags | tree.state.flags,
        code,
        tree.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )
    return made


def backtracking_risk(pattern: str) -> str | None:
    """Why ``pattern`` can take exponential (or high polynomial) time in Python's engine,
    or None when it has none of these shapes:

    - an unbounded repeat of something that contains a repeat: ``(a+)+``;
    - a group repeated more than ten times that contains a repeat or alternatives, where
      one repetition can end with what the next starts with: ``(?:a+){1,1000}``,
      ``(.*a){25}``, ``^(?:\\w+\\s?){1,50}$`` (not ``(?:\\s+\\w+){3,12}``);
    - inside a repeat of more than sixteen, alternatives that can start alike or match
      nothing: ``(a|a)*``, ``(a|aa)+``, ``(.|\\s)*``;
    - a back-reference repeated more than sixteen times: ``(a*)\\1*``;
    - more than two unbounded repeats in a row that can match the same characters, with
      only such characters between them: ``\\w*\\w*\\w*``, ``.*a.*a.*a``.

    A pattern the private parser cannot read (a syntax error, a newer Python) gets None:
    compiling it reports the error, or the engine's time budget guards it."""
    if parser is None or constants is None:
        return None
    try:
        tree = parser.parse(pattern)
    except Exception:  # a syntax error: the compiler reports it better
        return None
    return _risk_of(tree)


def _risk_of(tree: Any) -> str | None:
    """``backtracking_risk`` of a parsed pattern."""
    try:
        if _unsafe(tree):
            return "a repeated group contains another repeat, as in (a+)+"
        return _risk(tree, repeated=False)
    except RecursionError:
        return "it is nested too deeply to check"


def _risk(items: Any, *, repeated: bool) -> str | None:
    """The first risky shape in a parsed sequence (``repeated``: inside a repeat that
    can run more than ``_MAX_RETRIED`` times)."""
    c = constants
    chain = _chain(items)
    if chain is not None:
        return chain
    for op, av in _items(items):
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            _, high, body = av
            # Unbounded ones with a repeat inside are ``_unsafe``; alternatives are below.
            if _MAX_COUNTED < high < c.MAXREPEAT and _has_choice(body) and _blurred(body):
                return (
                    f"a group repeated up to {high} times "
                    "contains a repeat or alternatives, as in (?:a+){1,50}; repeat it at "
                    f"most {_MAX_COUNTED} times or make its parts unambiguous"
                )
            # An ambiguous choice repeated n times can be retried 2**n ways: a few times
            # cost a constant factor, without end a power of the text's length.
            found = _risk(body, repeated=repeated or high > _MAX_RETRIED)
        elif op is c.BRANCH:
            if repeated and _ambiguous(av[1]):
                return (
                    "repeated alternatives can match the same text, as in (a|aa)+ or "
                    "(.|\\s)*: make each alternative start differently"
                )
            found = None
            for branch in av[1]:
                found = found or _risk(branch, repeated=repeated)
        elif op is c.GROUPREF and repeated:
            return "a back-reference is repeated, as in (a*)\\1*"
        else:
            found = None
            for sub in _subpatterns(av):
                found = found or _risk(sub, repeated=repeated)
        if found:
            return found
    return None


def _blurred(body: Any) -> bool:
    """Whether where one repetition of ``body`` ends and the next begins can be chosen in
    more than one way: it can match nothing, or end with a character it can start with
    ("\\w+\\s?" can; "\\s+\\w+" cannot)."""
    starts, empty = _first(body)
    ends, _ = _first(_reversed(body))
    return empty or _overlap(starts, ends)


def _reversed(items: Any) -> list[Any]:
    """A parsed sequence read backwards, groups and alternatives too, for ``_first`` to
    find the atoms a match can end with."""
    c = constants
    out: list[Any] = []
    for op, av in reversed(_items(items)):
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            out.append((op, (av[0], av[1], _reversed(av[2]))))
        elif op is c.SUBPATTERN:
            out.append((op, (av[0], av[1], av[2], _reversed(av[3]))))
        elif op is getattr(c, "ATOMIC_GROUP", None):
            out.append((op, _reversed(av)))
        elif op is c.BRANCH:
            out.append((op, (av[0], [_reversed(branch) for branch in av[1]])))
        else:
            out.append((op, av))
    return out


def _items(sequence: Any) -> list[Any]:
    """A parsed sequence's items as a list: a ``SubPattern`` hands them out one Python call
    at a time, which made checking a rule pack's patterns several times slower."""
    data = getattr(sequence, "data", sequence)
    return data if isinstance(data, list) else list(data)


def _has_choice(items: Any) -> bool:
    """Whether a parsed sequence contains a repeat or alternatives anywhere."""
    c = constants
    for op, av in _items(items):
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.BRANCH):
            return True
        if any(_has_choice(sub) for sub in _subpatterns(av)):
            return True
    return False


def _ambiguous(branches: list[Any]) -> bool:
    """Whether two alternatives can begin with the same character, or one can match
    nothing while another is there (the parser has already factored out a shared
    beginning: "(a|aa)" reads as "a(?:|a)")."""
    starts = [_first(branch) for branch in branches]
    if len(starts) > 1 and any(empty for _, empty in starts):
        return True
    for index, (atoms, _) in enumerate(starts):
        if any(_overlap(atoms, other) for other, _ in starts[index + 1 :]):
            return True
    return False


def _chain(items: Any) -> str | None:
    """More than ``_MAX_CHAIN`` long repeats of single characters in a row that can match
    the same characters, with only such characters between them (see ``backtracking_risk``)."""
    c = constants
    count = 0
    last: Any = None  # the character set of the chain's last repeat
    for op, av in _items(items):
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # matches no character
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and len(av[2]) == 1 and av[1] > _LONG:
            atom = av[2][0]
            if _is_atom(atom):
                if last is not None and _overlap([last], [atom]):
                    count += 1
                else:
                    count = 1
                last = atom
                if count > _MAX_CHAIN:
                    return (
                        f"{count} unbounded repeats in a row can match the same characters, "
                        "as in \\w*\\w*\\w* or .*a.*a.*a: bound them or tell them apart"
                    )
                continue
        if last is not None and _is_atom((op, av)) and _overlap([last], [(op, av)]):
            continue  # a character the chain's repeats can also take
        count, last = 0, None
    return None


def _is_atom(item: Any) -> bool:
    return item[0] in (constants.LITERAL, constants.NOT_LITERAL, constants.ANY, constants.IN)


def _first(items: Any) -> tuple[list[Any], bool]:
    """The atoms a match of a parsed sequence can start with, and whether it can match
    nothing. Unknown items count as matching anything (a back-reference)."""
    c = constants
    atoms: list[Any] = []
    for op, av in _items(items):
        if _is_atom((op, av)):
            atoms.append((op, av))
            return atoms, False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            body, empty = _first(av[2])
            atoms += body
            if av[0] > 0 and not empty:
                return atoms, False
        elif op is c.SUBPATTERN:
            body, empty = _first(av[3])
            atoms += body
            if not empty:
                return atoms, False
        elif op is getattr(c, "ATOMIC_GROUP", None):
            body, empty = _first(av)
            atoms += body
            if not empty:
                return atoms, False
        elif op is c.BRANCH:
            firsts = [_first(branch) for branch in av[1]]
            for body, _ in firsts:
                atoms += body
            if not any(empty for _, empty in firsts):
                return atoms, False
        else:
            atoms.append((c.ANY, None))
    return atoms, True


# Characters on which two character sets are compared: ASCII, and the letters, spaces and
# marks of prose that behave differently in classes ("é" is a word character).
_SAMPLE = "".join(map(chr, range(128))) + "éÉßİıſKµ’‘“”–—…•\u00a0\u2028\u3000中٣"


def _overlap(first: list[Any], second: list[Any]) -> bool:
    """Whether an atom of ``first`` and one of ``second`` match a common character (case
    ignored: a pattern may turn it off only in part)."""
    taken = frozenset[str]().union(*(_chars(_frozen(a)) for a in first))
    return any(not taken.isdisjoint(_chars(_frozen(b))) for b in second)


def _frozen(atom: Any) -> Any:
    op, av = atom
    return (op, tuple(av) if isinstance(av, list) else av)


@functools.lru_cache(maxsize=4096)
def _chars(atom: Any) -> frozenset[str]:
    """The characters of ``_SAMPLE`` an atom matches: the same few classes recur in every
    rule file, so each is worked out once."""
    return frozenset(char for char in _SAMPLE if _takes(atom, char))


def _takes(atom: Any, char: str) -> bool:
    c = constants
    op, av = atom
    if op is c.ANY:
        return True
    if op is c.LITERAL:
        return _same(av, char)
    if op is c.NOT_LITERAL:
        return not _same(av, char)
    if op is c.IN:
        negate = bool(av) and av[0][0] is c.NEGATE
        members = av[1:] if negate else av
        return negate != any(_member(member, char) for member in members)
    return True


def _member(member: Any, char: str) -> bool:
    c = constants
    op, av = member
    if op is c.LITERAL:
        return _same(av, char)
    if op is c.RANGE:
        forms = (char, char.lower(), char.upper())  # "ß".upper() is "SS": not one code
        return any(len(form) == 1 and av[0] <= ord(form) <= av[1] for form in forms)
    if op is c.CATEGORY:
        test = _CATEGORIES.get(str(av))
        return True if test is None else test.match(char) is not None
    return True


def _same(code: int, char: str) -> bool:
    other = chr(code)
    return char == other or char.casefold() == other.casefold()


_CATEGORIES = {
    "CATEGORY_DIGIT": re.compile(r"\d"),
    "CATEGORY_NOT_DIGIT": re.compile(r"\D"),
    "CATEGORY_SPACE": re.compile(r"\s"),
    "CATEGORY_NOT_SPACE": re.compile(r"\S"),
    "CATEGORY_WORD": re.compile(r"\w"),
    "CATEGORY_NOT_WORD": re.compile(r"\W"),
}


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
    for op, av in _items(tree):
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            yield av[1], av[2]


def _groups(tree: Any) -> Iterator[Any]:
    """The subpatterns inside groups, branches and lookarounds at this level."""
    for op, av in _items(tree):
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


def required_literals(
    pattern: Pattern | re.Pattern[str],
    *,
    most: int = _MAX_NEEDED,
    shortest: int = _MIN_NEEDED_LENGTH,
    parsed: Any = None,
) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains, or None when that cannot
    be shown cheaply (a case-blind pattern, a pattern made of classes and repeats), or
    when there are more than ``most`` of them or one is shorter than ``shortest``.

    Worked out on the parsed pattern: a run of literal characters must appear as written;
    a group, or a repeat that runs at least once, needs what its body needs; alternatives
    need the union of what each needs. Of the candidates the most telling is kept.
    ``parsed``: the pattern's parse, when ``parsed_compile`` has made it.
    """
    if pattern.flags & re.IGNORECASE:
        return None
    if parser is None or constants is None:
        return None
    try:
        tree = parser.parse(pattern.pattern, pattern.flags) if parsed is None else parsed
        needed = _needed(tree, constants)
    except Exception:  # the parser is private API: without it, nothing is known
        return None
    if not needed or len(needed) > most or min(len(word) for word in needed) < shortest:
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

    for op, av in _items(items):
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
