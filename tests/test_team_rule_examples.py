"""A team's rule files' own examples: `healthlint test-rules` runs them, and `check`
refuses a team's rule whose examples fail, checked once per change of the rule files."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.app.session import Session
from healthlint.cli import main

GOOD = """\
name: nap-hype
kind: pattern
severity: info
words: [power nap]
message: "Say how long the nap is instead of '{match}'."
description: Vague nap words.
examples:
  fail: ["A power nap helps.", "Try a Power Nap today."]
  pass: ["A short nap helps.", "Naps of twenty minutes help."]
"""
# The second fail example does not fire, the second pass example does.
BAD = GOOD.replace("Try a Power Nap today.", "Try a quick nap today.").replace(
    "Naps of twenty minutes help.", "No power nap fixes a night."
)


def _house(tmp_path: Path, text: str, name: str = "naps.yaml") -> Path:
    folder = tmp_path / "house"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, "utf-8")
    return folder


def test_all_examples_pass(tmp_path: Path) -> None:
    house = _house(tmp_path, GOOD)
    result = CliRunner().invoke(main, ["test-rules", str(house)])
    assert result.exit_code == 0
    assert result.stdout == "All 4 examples passed (1 rule).\n"


def test_each_failing_example_is_reported(tmp_path: Path) -> None:
    house = _house(tmp_path, BAD)
    result = CliRunner().invoke(main, ["test-rules", str(house)])
    assert result.exit_code == 1
    path = house / "naps.yaml"
    assert result.stdout == (
        f"{path}: rule 'nap-hype': fail example 2 'Try a quick nap today.': "
        "expected a finding, got none\n"
        f"{path}: rule 'nap-hype': pass example 2 'No power nap fixes a night.': "
        "expected no finding, got 1:4 Say how long the nap is instead of 'power nap'.\n"
        "\n"
        "2 of 4 examples failed (1 rule).\n"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace("severity: info", "severity: loud"), "naps.yaml:3: key 'severity'"),
        ("name: [unclosed\n", "naps.yaml: line 2: invalid YAML"),
    ],
)
def test_an_invalid_rule_file_is_exit_2(tmp_path: Path, text: str, message: str) -> None:
    house = _house(tmp_path, text)
    result = CliRunner().invoke(main, ["test-rules", str(house)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"healthlint: error: {house}/{message}")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("make", [lambda p: p / "nowhere", lambda p: p])
def test_no_rules_to_test_is_exit_2(tmp_path: Path, make: object) -> None:
    folder = make(tmp_path)  # type: ignore[operator]
    result = CliRunner().invoke(main, ["test-rules", str(folder)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"healthlint: error: {folder}: ")


def test_check_refuses_a_team_rule_whose_examples_fail(tmp_path: Path) -> None:
    house = _house(tmp_path, BAD)
    post = tmp_path / "nap.md"
    post.write_text("# Naps\n\nA short nap helps.\n", "utf-8")
    result = CliRunner().invoke(main, ["check", "--rules", str(house), str(post)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"healthlint: error: {house / 'naps.yaml'}: rule 'nap-hype': fail example 2 "
        "'Try a quick nap today.': expected a finding, got none "
        f"(`healthlint test-rules {house}` runs them all)\n"
    )


def test_examples_are_run_when_the_rule_set_is_validated_not_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    house = _house(tmp_path, GOOD)
    runs: list[str] = []
    import healthlint.engine.examples as examples

    real = examples.run_examples
    monkeypatch.setattr(
        examples, "run_examples", lambda rule, known: runs.append(rule.name) or real(rule, known)
    )
    # A session reads its rules when they are first needed.
    _ = Session.load(None, [house], start=tmp_path, cache=True).rules
    assert runs == ["nap-hype"]  # the team's rule only: the built-in ones are tested here
    _ = Session.load(None, [house], start=tmp_path, cache=True).rules
    assert runs == ["nap-hype"]  # answered from the stored rule set
    _house(tmp_path, GOOD.replace("Naps of twenty", "Naps of ten"))
    _ = Session.load(None, [house], start=tmp_path, cache=True).rules
    assert runs == ["nap-hype", "nap-hype"]  # a changed file is validated again
