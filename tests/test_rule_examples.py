"""Every rule's own examples: each `fail` text must fire the rule, each `pass` text must not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fake_languagetool import fake_languagetool
from healthlint.config.ruleset import RuleSet
from healthlint.config.settings import Config
from healthlint.engine.lint import lint_document
from healthlint.parse import parse_document
from healthlint.rules.kinds.grammar import SERVER_VARIABLE
from healthlint.rules.loader import example_path, load_rules

_RULES = load_rules()
_CASES = [
    pytest.param(rule, expect, text, id=f"{name}-{expect}-{index}")
    for name, rule in sorted(_RULES.items())
    for expect, texts in (("fail", rule.examples.fail), ("pass", rule.examples.pass_))
    for index, text in enumerate(texts)
]


@pytest.fixture(scope="module")
def languagetool() -> Iterator[str]:
    """The grammar rule's examples are checked by a fake LanguageTool server."""
    with fake_languagetool() as (url, _):
        yield url


@pytest.mark.parametrize(("rule", "expect", "text"), _CASES)
def test_rule_example(rule: object, expect: str, text: str, request: pytest.FixtureRequest) -> None:
    from healthlint.rules.spec import RuleSpec

    assert isinstance(rule, RuleSpec)
    if rule.kind == "grammar":
        monkeypatch = request.getfixturevalue("monkeypatch")
        monkeypatch.setenv(SERVER_VARIABLE, request.getfixturevalue("languagetool"))
    path = example_path(text)
    rules = RuleSet(_RULES, Config(), select=[rule.name]).for_path(path)
    document = parse_document(path, text)
    fired = [f for post in lint_document(document, rules) for f in post.findings]
    if expect == "fail":
        assert fired, f"{rule.name} should fire on: {text!r}"
        assert {f.rule for f in fired} == {rule.name}
    else:
        assert not fired, f"{rule.name} should stay quiet on: {text!r}, got {fired}"


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
