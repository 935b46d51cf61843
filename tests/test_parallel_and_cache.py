"""--jobs gives the same report as one process; the results cache never serves stale results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.cli import main


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    folder = tmp_path / "posts"
    folder.mkdir()
    for number in range(40):
        text = f"# Post {number}\n\nHiking prevents gout in {number} ways.\n\n-\nDrink water.\n"
        (folder / f"post-{number:02}.md").write_text(text, "utf-8")
    (folder / "clean.md").write_text("# Clean\n\nWater is a drink.\n", "utf-8")
    return folder


@pytest.fixture
def caching(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Caches on (the suite turns them off), kept in this test's directory; returns it."""
    monkeypatch.delenv("HEALTHLINT_NO_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _json(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.stderr
    loaded = json.loads(result.stdout)
    assert isinstance(loaded, dict)
    return loaded


def test_jobs_give_the_same_report_in_the_same_order(posts: Path) -> None:
    one = _json("--jobs", "1", str(posts))
    two = _json("--jobs", "2", str(posts))
    assert one == two
    assert one["summary"] == {"files": 41, "posts": 41, "errors": 40, "warnings": 40, "info": 0}


def test_cache_is_reused_and_invalidated(posts: Path, caching: Path) -> None:
    first = _json(str(posts))
    cache = caching / ".healthlint_cache"
    assert (cache / ".gitignore").read_text("utf-8").endswith("*\n")
    entries = list(cache.rglob("*.json"))
    assert len(entries) == 41

    assert _json(str(posts)) == first  # served from the cache

    (posts / "clean.md").write_text("# Clean\n\nSun cures gout.\n", "utf-8")
    changed = _json(str(posts))
    clean = next(p for p in changed["posts"] if p["path"].endswith("clean.md"))  # type: ignore[union-attr,index]
    assert [f["rule"] for f in clean["findings"]] == ["unsupported-causal-claim"]

    selected = _json("--select", "stray-bullet", str(posts))
    rules = {f["rule"] for p in selected["posts"] for f in p["findings"]}  # type: ignore[union-attr,index]
    assert rules == {"stray-bullet"}

    assert len(list(cache.rglob("*.json"))) > len(entries)
    assert _json("--no-cache", str(posts)) == changed


def test_a_corrupt_cache_entry_is_ignored(posts: Path, caching: Path) -> None:
    first = _json(str(posts))
    for entry in (caching / ".healthlint_cache").rglob("*.json"):
        entry.write_text("{not json", "utf-8")
    assert _json(str(posts)) == first


def test_a_warm_cache_starts_no_worker_processes(
    posts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from healthlint.app import run as linter
    from healthlint.cache.results import Cache
    from healthlint.config.ruleset import RuleSet
    from healthlint.config.settings import Config
    from healthlint.rules.loader import load_rules

    rules = RuleSet(load_rules(), Config())
    cache = Cache(tmp_path)
    first = linter.run([str(posts)], rules, jobs=2, cache=cache)
    (posts / "post-07.md").write_text("# Post 7\n\nSun cures gout.\n", "utf-8")

    started: list[int] = []

    def no_pool(tasks: list[tuple[str, bool]], *args: object) -> list[object]:
        started.append(len(tasks))
        return [linter._lint_file(path, walked, rules, cache) for path, walked in tasks]

    monkeypatch.setattr(linter, "_in_parallel", no_pool)
    second = linter.run([str(posts)], rules, jobs=2, cache=cache)
    assert started == []  # one changed file is linted here, not in a pool
    assert [r.path for r in second.results] == [r.path for r in first.results]
    changed = next(r for r in second.results if r.path.endswith("post-07.md"))
    assert [f.rule for f in changed.findings] == ["unsupported-causal-claim"]


def test_cached_results_are_keyed_by_healthlint_code_not_only_its_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from healthlint.cache import results as cache
    from healthlint.rules.loader import load_rules

    rules = list(load_rules().values())[:3]
    before = cache.rules_key(rules)
    # A checkout whose code changed but whose version did not.
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "edited checkout")
    assert cache.rules_key(rules) != before


def test_cached_results_keep_whether_a_fix_is_safe(posts: Path, caching: Path) -> None:
    def fixable() -> str:
        result = CliRunner().invoke(main, ["check", "--select", "stray-bullet", str(posts)])
        return result.stdout.splitlines()[-1]

    assert fixable() == "40 fixable with --fix."
    assert list((caching / ".healthlint_cache").rglob("*.json"))
    assert fixable() == "40 fixable with --fix."  # served from the cache
