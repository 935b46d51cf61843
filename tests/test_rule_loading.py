from __future__ import annotations

from pathlib import Path

import pytest

from healthlint.core.errors import HealthlintError
from healthlint.rules.kinds import KINDS
from healthlint.rules.loader import load_rules, parse_rule

GOOD = """\
name: house-hype
kind: pattern
severity: info
words: [superfood, miracle cure]
message: "Avoid '{match}'."
description: Hype words.
examples:
  fail: ["Kale is a superfood."]
  pass: ["Kale is a vegetable."]
"""


def _error(text: str) -> str:
    with pytest.raises(HealthlintError) as caught:
        parse_rule(text, "house/rule.yaml")
    return str(caught.value)


def test_a_valid_rule_loads() -> None:
    rule = parse_rule(GOOD, "r.yaml")
    assert rule.name == "house-hype"
    assert rule.kind == "pattern"


def test_unknown_key_names_file_line_and_key() -> None:
    message = _error(GOOD + "scop: sentence\n")
    assert message == "house/rule.yaml:10: unknown key 'scop' (did you mean 'scope'?)"


def test_missing_field_names_the_key() -> None:
    text = GOOD.replace("message: \"Avoid '{match}'.\"\n", "")
    assert _error(text) == "house/rule.yaml: missing required key 'message'"


def test_bad_regex_names_the_key_and_index() -> None:
    text = GOOD.replace("words: [superfood, miracle cure]", "patterns: ['ok', '(unclosed']")
    message = _error(text)
    assert message.startswith("house/rule.yaml:4: key 'patterns[1]': bad regular expression")
    assert "(unclosed" in message


def test_a_nested_error_names_the_line_of_the_value() -> None:
    block = "patterns:\n  - 'ok'\n  - '(unclosed'\n"
    text = GOOD.replace("words: [superfood, miracle cure]\n", block)
    assert _error(text).startswith("house/rule.yaml:6: key 'patterns[1]': bad regular expression")
    text = GOOD.replace(
        '  pass: ["Kale is a vegetable."]', '  pass: ["Kale is green."]\n  fial: [x]'
    )
    assert _error(text) == "house/rule.yaml:10: unknown key 'examples.fial' (did you mean 'fail'?)"
    # Keys of the rule itself are no suggestion for a key inside its examples.
    text = GOOD.replace(
        '  pass: ["Kale is a vegetable."]', '  pass: ["Kale is green."]\n  mesage: x'
    )
    assert _error(text) == "house/rule.yaml:10: unknown key 'examples.mesage'"


def test_unknown_kind_lists_valid_kinds() -> None:
    message = _error(GOOD.replace("kind: pattern", "kind: magic"))
    assert message == (
        f"house/rule.yaml:2: key 'kind': unknown kind 'magic' (one of: {', '.join(sorted(KINDS))})"
    )


def test_examples_need_both_fail_and_pass() -> None:
    text = GOOD.replace('  pass: ["Kale is a vegetable."]\n', "")
    assert _error(text) == "house/rule.yaml:7: missing required key 'examples.pass'"


def test_unknown_message_placeholder() -> None:
    message = _error(GOOD.replace("{match}", "{word}"))
    assert "unknown placeholder {word}" in message
    assert "{match}" in message


def test_invalid_yaml_names_the_line() -> None:
    message = _error("name: x\nkind: [unclosed\n")
    assert message.startswith("house/rule.yaml: line 3: invalid YAML")


def test_python_tags_are_refused() -> None:
    assert "invalid YAML" in _error("name: !!python/object/apply:os.system ['true']\n")


def test_not_a_mapping() -> None:
    assert "must be a YAML mapping" in _error("- just\n- a list\n")


def test_user_rule_replaces_builtin_of_same_name(tmp_path: Path) -> None:
    text = GOOD.replace("house-hype", "truncated-text")
    (tmp_path / "truncated-text.yaml").write_text(text, "utf-8")
    rules = load_rules([tmp_path])
    assert rules["truncated-text"].severity == "info"
    assert rules["truncated-text"].kind == "pattern"
    assert "missing-citation" in rules


def test_duplicate_names_in_one_directory(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD, "utf-8")
    (tmp_path / "b.yaml").write_text(GOOD, "utf-8")
    with pytest.raises(HealthlintError, match="already defined"):
        load_rules([tmp_path], builtin=False)


def test_missing_rule_directory(tmp_path: Path) -> None:
    with pytest.raises(HealthlintError, match="rule directory not found"):
        load_rules([tmp_path / "nope"])
