"""Every rule's own examples: each `fail` text must fire the rule, each `pass` text must not."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import pytest

from fake_languagetool import fake_languagetool
from healthlint.engine.examples import example_texts, run_example
from healthlint.rules.kinds.grammar import SERVER_VARIABLE
from healthlint.rules.loader import load_rules

_RULES = load_rules()
_CASES = [
    pytest.param(rule, expect, number, text, id=f"{name}-{expect}-{number - 1}")
    for name, rule in sorted(_RULES.items())
    for expect, number, text in example_texts(rule)
]


@pytest.fixture(scope="module")
def languagetool() -> Iterator[str]:
    """The grammar rule's examples are checked by a fake LanguageTool server."""
    with fake_languagetool() as (url, _):
        yield url


@pytest.mark.parametrize(("rule", "expect", "number", "text"), _CASES)
def test_rule_example(
    rule: object,
    expect: Literal["fail", "pass"],
    number: int,
    text: str,
    request: pytest.FixtureRequest,
) -> None:
    from healthlint.rules.spec import RuleSpec

    assert isinstance(rule, RuleSpec)
    if rule.kind == "grammar":
        monkeypatch = request.getfixturevalue("monkeypatch")
        monkeypatch.setenv(SERVER_VARIABLE, request.getfixturevalue("languagetool"))
    result = run_example(rule, expect, number, text, _RULES.keys())
    assert result.ok, result.describe()


def test_every_builtin_rule_has_examples_both_ways() -> None:
    required = {
        "unsupported-causal-claim",
        "missing-citation",
        "missing-disclaimer",
        "reading-level",
        "stray-bullet",
        "truncated-text",
        "mixed-bullets",
    }
    assert required <= set(_RULES)
    for rule in _RULES.values():
        assert rule.examples.fail and rule.examples.pass_
        assert rule.description and rule.message
