"""Suppression comments naming a rule no rule has are reported (unknown-rule-in-suppression),
with the closest known name; rules that exist but do not run here are known."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from healthlint.app.run import lint_text
from healthlint.cache.results import rules_key
from healthlint.config.ruleset import RuleSet
from healthlint.config.settings import Config
from healthlint.rules.spec import RuleSpec

RULE = "unknown-rule-in-suppression"


def _check(tmp_path: Path, text: str, *args: str, name: str = "post.md") -> tuple[int, str]:
    from healthlint.cli import main

    post = tmp_path / name
    post.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", "--no-color", "-q", *args, str(post)])
    return result.exit_code, result.stdout.replace(f"{post}:", "")


def test_a_misspelt_rule_name_is_reported_with_the_closest_one(tmp_path: Path) -> None:
    text = "# Naps\n\nTips:\n\n<!-- healthlint-disable-next-line stray-bulet -->\n-\nNap early.\n"
    code, out = _check(tmp_path, text)
    assert code == 1  # the stray bullet it meant to silence is still an error
    assert out.splitlines() == [
        f"5:35: warning {RULE} This suppression comment names 'stray-bulet', which is no "
        "rule: it silences nothing. Did you mean 'stray-bullet'?",
        "6:1: error stray-bullet List marker '-' stands alone on its line; the item's "
        "text is on the next line. Join them: '- Item text'.",
    ]


def test_every_unknown_name_of_a_block_comment_is_reported(tmp_path: Path) -> None:
    text = (
        "# Naps\n\n<!-- healthlint-disable mixed-bullets, nap-words -->\n"
        "A nap helps.\n<!-- healthlint-enable nap-words -->\n"
    )
    code, out = _check(tmp_path, text)
    assert code == 0
    assert out.splitlines() == [
        f"3:40: warning {RULE} This suppression comment names 'nap-words', which is no "
        "rule: it silences nothing.",
        f"5:24: warning {RULE} This suppression comment names 'nap-words', which is no "
        "rule: it silences nothing.",
    ]


def test_rules_that_exist_but_do_not_run_here_are_known(tmp_path: Path) -> None:
    house = tmp_path / "house"
    house.mkdir()
    (house / "naps.yaml").write_text(
        "name: nap-words\nkind: pattern\nseverity: info\nwords: [power nap]\nenabled: false\n"
        "message: \"Avoid '{match}'.\"\ndescription: Nap words.\n"
        "examples: {fail: [A power nap.], pass: [A nap.]}\n",
        "utf-8",
    )
    text = (
        "# Naps\n\n"
        "<!-- healthlint-disable-next-line causal-from-observational -->\n"  # strict preset
        "A nap helps.\n"
        "<!-- healthlint-disable-next-line nap-words -->\n"  # a team's rule, switched off
        "A power nap helps.\n"
        "<!-- healthlint-disable-next-line stray-bullet -->\n"  # ignored in this run
        "-\nNap early.\n"
    )
    assert _check(tmp_path, text, "--rules", str(house), "--ignore", "stray-bullet") == (0, "")


def test_the_rule_can_be_ignored_like_any_other(tmp_path: Path) -> None:
    text = "# Naps\n\n<!-- healthlint-disable-next-line nap-words -->\nA nap helps.\n"
    assert _check(tmp_path, text, "--ignore", RULE) == (0, "")


def test_in_a_cms_dump_the_finding_belongs_to_the_post_holding_the_comment(
    tmp_path: Path,
) -> None:
    dump = (
        "Naps for Busy Parents: What Helps Most\n"
        "A short nap in the early afternoon helps many parents.\n"
        "Walking After Dinner Without the Fuss\n"
        "<!-- healthlint-disable-next-line nap-word -->\n"
        "A walk after dinner is an easy habit to start.\n"
    )
    _, out = _check(tmp_path, dump, "--format", "json", name="dump.txt")
    posts = json.loads(out)["posts"]
    assert [(p["title"], [f["rule"] for f in p["findings"]]) for p in posts] == [
        ("Naps for Busy Parents: What Helps Most", []),
        ("Walking After Dinner Without the Fuss", [RULE]),
    ]


def test_an_editor_buffer_gets_the_finding_too(builtin_rules: dict[str, RuleSpec]) -> None:
    ruleset = RuleSet(builtin_rules, Config())
    findings = lint_text("a.md", "<!-- healthlint-disable reading-levl -->\nNaps.\n", ruleset)
    assert [(f.rule, f.line, f.column) for f in findings] == [(RULE, 1, 25)]


def test_cached_results_are_keyed_by_the_rule_names_known(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    # A team adding the rule a comment names changes what the comment is.
    rules = list(builtin_rules.values())
    assert rules_key(rules, "blog", ["a", "b"]) != rules_key(rules, "blog", ["a"])
