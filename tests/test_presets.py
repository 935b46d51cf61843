"""Presets: the default runs the high-precision rules; strict runs everything."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.cli import main
from healthlint.config.ruleset import RuleSet
from healthlint.config.settings import Config, load_config
from healthlint.core.errors import HealthlintError
from healthlint.rules.spec import RuleSpec


def _running(builtin_rules: dict[str, RuleSpec], config: Config, **kw: str) -> set[str]:
    return {r.name for r in RuleSet(builtin_rules, config, **kw).for_path("post.md")}


def test_recommended_is_the_default(builtin_rules: dict[str, RuleSpec]) -> None:
    running = _running(builtin_rules, Config())
    strict_only = {n for n, r in builtin_rules.items() if r.preset == "strict"}
    assert strict_only, "some rules should be strict-only"
    assert running == set(builtin_rules) - strict_only
    assert "stray-bullet" in running and "medical-jargon" not in running


@pytest.mark.parametrize("value", ["healthlint:strict", "strict"])
def test_strict_in_config_runs_every_rule(
    tmp_path: Path, builtin_rules: dict[str, RuleSpec], value: str
) -> None:
    path = tmp_path / ".healthlint.yaml"
    path.write_text(f"preset: {value}\n", "utf-8")
    # All but grammar, which waits for a LanguageTool server to be named.
    assert _running(builtin_rules, load_config(path)) == set(builtin_rules) - {"grammar"}


def test_command_line_preset_beats_config(
    tmp_path: Path, builtin_rules: dict[str, RuleSpec]
) -> None:
    path = tmp_path / ".healthlint.yaml"
    path.write_text("preset: healthlint:strict\n", "utf-8")
    running = _running(builtin_rules, load_config(path), preset="recommended")
    assert "medical-jargon" not in running


def test_a_rule_enabled_by_name_runs_under_any_preset(
    tmp_path: Path, builtin_rules: dict[str, RuleSpec]
) -> None:
    path = tmp_path / ".healthlint.yaml"
    path.write_text("rules:\n  reviewer-missing: {enabled: true}\n", "utf-8")
    running = _running(builtin_rules, load_config(path))
    assert "reviewer-missing" in running
    assert "medical-jargon" not in running


def test_unknown_preset_names_the_key(tmp_path: Path) -> None:
    path = tmp_path / ".healthlint.yaml"
    path.write_text("preset: lenient\n", "utf-8")
    with pytest.raises(HealthlintError, match=r"\.healthlint\.yaml:1: key 'preset'"):
        load_config(path)


def test_check_with_strict_preset(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(
        "---\nauthor: Ana Ruiz\ndate: 2016-01-01\n---\n\n# Walking\n\n"
        + "Walking every day is good for you and easy to start. " * 3
        + "\n",
        "utf-8",
    )
    default = CliRunner().invoke(main, ["check", "--no-cache", str(post)])
    strict = CliRunner().invoke(main, ["check", "--no-cache", "--preset", "strict", str(post)])
    assert (default.exit_code, strict.exit_code) == (0, 0)
    assert "stale-content" not in default.output
    assert f"{post}:6:3: info stale-content Last dated 2016-01-01" in strict.output


# The two exceptions, on purpose: catching "Hiking prevents liver cancer" and "Studies have
# shown…" with no source is what healthlint is for, and the first check a new user runs
# (the seed page, with the default preset) expects both. Their measured precision on news
# is in the rules table of the README, so a team that lints news can switch them off.
CLAIM_RULES = {"unsupported-causal-claim", "missing-citation"}


def test_rules_right_less_than_70_percent_of_the_time_are_strict_only(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    for name, rule in builtin_rules.items():
        m = rule.measured
        if m is not None and m.sample >= 5 and m.real / m.sample < 0.7:
            assert rule.preset == "strict" or name in CLAIM_RULES, f"{name}: {m.real}/{m.sample}"


def test_the_claim_rules_are_measured(builtin_rules: dict[str, RuleSpec]) -> None:
    """An exception to the precision rule must at least show its figures."""
    for name in CLAIM_RULES:
        measured = builtin_rules[name].measured
        assert measured is not None and measured.sample >= 40, name


def test_every_builtin_rule_names_its_sources(builtin_rules: dict[str, RuleSpec]) -> None:
    assert len(builtin_rules) >= 25
    assert [n for n, r in builtin_rules.items() if not r.references] == []
