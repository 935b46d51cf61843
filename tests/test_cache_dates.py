"""Results that depend on today's date (a post going stale, evidence getting old) change
with it, even when they come from the results cache."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.cli import main


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with one post and caches on (the suite turns them off)."""
    monkeypatch.delenv("HEALTHLINT_NO_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    root = tmp_path / "project"
    (root / "posts").mkdir(parents=True)
    monkeypatch.chdir(root)
    return root


def _entries(root: Path) -> list[Path]:
    return sorted((root / ".healthlint_cache").rglob("*.json"))


DATED = (
    "---\ntitle: Flu season\nupdated: 2026-01-01\n---\n\n"
    "Get your flu shot early. A new study from 2016 shows it works.\n"
)


def _on(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    monkeypatch.setattr("healthlint.core.metadata.today", lambda: day)


def _rules(*names: str) -> list[str]:
    result = CliRunner().invoke(
        main, ["check", "--format", "json", "--select", ",".join(names), "posts"]
    )
    return [f["rule"] for p in json.loads(result.stdout)["posts"] for f in p["findings"]]


def test_a_post_goes_stale_with_the_date_even_from_the_cache(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "posts" / "kale.md").write_text(DATED, "utf-8")
    _on(monkeypatch, dt.date(2026, 6, 1))
    assert _rules("stale-content") == []
    assert _entries(project)
    _on(monkeypatch, dt.date(2026, 6, 2))  # the next day: still fresh, entry kept
    assert _rules("stale-content") == []
    _on(monkeypatch, dt.date(2029, 6, 1))
    assert _rules("stale-content") == ["stale-content"]


def test_evidence_dates_with_the_year_even_from_the_cache(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``dated-evidence`` measures an undated post's years from today's year."""
    (project / "posts" / "kale.md").write_text(
        "# Flu\n\nA new study from 2020 shows the shot works.\n", "utf-8"
    )
    _on(monkeypatch, dt.date(2026, 6, 1))
    assert _rules("dated-evidence") == []
    _on(monkeypatch, dt.date(2031, 6, 1))
    assert _rules("dated-evidence") == ["dated-evidence"]


def test_only_rule_sets_that_read_the_date_are_keyed_by_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from healthlint.cache.results import rules_key
    from healthlint.rules.loader import load_rules

    rules = load_rules()
    undated = [rules["stray-bullet"], rules["hype-superlative"]]
    by_day = [*undated, rules["stale-content"]]
    by_year = [*undated, rules["dated-evidence"]]

    def keys(day: dt.date) -> tuple[str, str, str]:
        _on(monkeypatch, day)
        return rules_key(undated), rules_key(by_day), rules_key(by_year)

    first, next_day, next_year = (
        keys(dt.date(2026, 6, 1)),
        keys(dt.date(2026, 6, 2)),
        keys(dt.date(2027, 6, 2)),
    )
    assert first[0] == next_day[0] == next_year[0]
    assert first[1] != next_day[1] != next_year[1]
    assert first[2] == next_day[2] != next_year[2]
