"""The answers healthlint reads from Python's private regex parser (``core/regex.py``).

The parser is private API. These tests pin what each question answers, so a Python
release that parses differently fails here, not silently in a rule: CI runs them on the
Python it has, and each of 3.11, 3.12 and 3.13 must pass them unchanged.
"""

from __future__ import annotations

import re
import sys

import pytest

from healthlint.core import regex
from healthlint.core.regex import has_nested_quantifier, required_literals

CASE_BLIND = re.IGNORECASE


def test_the_private_parser_is_there_on_supported_pythons() -> None:
    assert sys.version_info >= (3, 11)
    if sys.version_info < (3, 14):
        assert regex.parser is not None
        assert regex.constants is not None


@pytest.mark.parametrize(
    ("pattern", "unsafe"),
    [
        (r"(a+)+$", True),
        (r"(x*y)*", True),
        (r"(?:(?:a|b+)c)*", True),
        (r"(?=(a+)+)", True),
        (r"x(?:y(?:z+)*)", True),
        (r"(?:\w+\s+){0,3}", False),  # a bounded outer repeat stays polynomial
        (r"a*b*", False),
        (r"(?:ab|cd)*", False),
        (r"\b(?:studies|research)\s+(?:have\s+)?shown\b", False),
        (r"(unclosed", False),  # a syntax error is the compiler's to report
    ],
)
def test_nested_quantifiers(pattern: str, unsafe: bool) -> None:
    assert has_nested_quantifier(pattern) is unsafe


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\bdetox(?:es|ing)?\b", {"detox"}),
        (r"\b(?:cures?|heals?)\b", {"cure", "heal"}),
        (r"(?<![\w-])(?:vitamin [a-e]|zinc)(?![\w-])", {"vitamin ", "zinc"}),
        (r"(?:foo)?bar", {"bar"}),
        (r"\bproven to (?:work|cure)", {"proven to "}),
        (r"\d+%", None),  # nothing literal long enough
        (r"\b(?:a|bb)\b", None),  # words too short to rule anything out
        (r"x(?i:abc)", None),  # case-blind inside: "ABC" would match too
        (r"(?:study|trial)?s", None),  # an optional group needs nothing
    ],
)
def test_words_a_match_needs(pattern: str, needs: set[str] | None) -> None:
    found = required_literals(re.compile(pattern))
    assert (set(found) if found is not None else None) == needs


def test_a_case_blind_pattern_needs_nothing_known() -> None:
    assert required_literals(re.compile("detox", CASE_BLIND)) is None


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"(?>detox)es", {"detox"}),  # an atomic group (3.11 and later)
        (r"(?:cure)++d", {"cure"}),  # a possessive repeat (3.11 and later)
        (r"(?P<w>heal)s?(?P=w)", {"heal"}),
    ],
)
def test_newer_syntax_is_read_too(pattern: str, needs: set[str]) -> None:
    found = required_literals(re.compile(pattern))
    assert (set(found) if found is not None else None) == needs


def test_without_the_parser_each_answer_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Python whose parser is gone or different: patterns are accepted as they are and
    every prefilter searches, so rules still run, only slower."""
    monkeypatch.setattr(regex, "parser", None)
    assert has_nested_quantifier(r"(a+)+$") is False
    assert required_literals(re.compile(r"\bdetox\b")) is None


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (r"\b(?P<drug>statins?)\s+(?:cure|prevent)s?\b", CASE_BLIND),
        (r"(?-i:[A-Z])\w+ (?:et al\.)?", CASE_BLIND),
        (r"^Related posts$", CASE_BLIND | re.MULTILINE),
        (r"(a+)+$", 0),
        (r"(?x) proven \s+ to", 0),
    ],
)
def test_checked_compile_gives_what_compile_and_the_check_give(source: str, flags: int) -> None:
    compiled, risk = regex.checked_compile(source, flags)
    expected = re.compile(source, flags)
    assert (compiled.pattern, compiled.flags) == (expected.pattern, expected.flags)
    assert (compiled.groups, compiled.groupindex) == (expected.groups, expected.groupindex)
    text = "Statins prevent strokes, Smith et al. say; Related posts\nproven  to aaaa"
    assert [m.span() for m in compiled.finditer(text)] == [
        m.span() for m in expected.finditer(text)
    ]
    assert risk == regex.backtracking_risk(source)


def test_checked_compile_raises_what_compile_raises() -> None:
    with pytest.raises(re.error, match="missing \\)"):
        regex.checked_compile("(unclosed", CASE_BLIND)


@pytest.mark.parametrize(
    "source", [r"\bproven to\b", r"(?:detox|cleanse) (?:tea|diet)s?", r"(?-i:FDA) approved"]
)
def test_required_literals_read_the_parse_parsed_compile_made(source: str) -> None:
    compiled, parsed = regex.parsed_compile(source)
    assert parsed is not None
    expected = required_literals(compiled)
    assert expected
    assert required_literals(compiled, parsed=parsed) == expected
