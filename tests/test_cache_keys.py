"""The results cache's keys kept from one run for the next (``cache.keys``): a run with
the same rules, config and options keys its files without reading a rule, and a change
to any of them keys them anew."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import HOUSE_RULE, modules_after_check
from healthlint.app.session import Session
from healthlint.cache import keys, results
from healthlint.config.ruleset import RuleSet


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "site"
    (folder / "house").mkdir(parents=True)
    (folder / "house" / "hype.yaml").write_text(HOUSE_RULE.format(word="superfood"), "utf-8")
    (folder / ".healthlint.yaml").write_text("rule_dirs: [house]\n", "utf-8")
    monkeypatch.chdir(folder)
    return folder


def _ruleset(**options: Any) -> RuleSet:
    return Session.load(cache=True).ruleset(**options)


def _key(**options: Any) -> tuple[str, bool]:
    """The key of ``post.md`` and whether the rules were read to find it."""
    ruleset = _ruleset(**options)
    key = ruleset.key_for_path("post.md")
    return key, not _unread(ruleset)


def _unread(ruleset: RuleSet) -> bool:
    return ruleset._read is not None


def test_a_second_run_keys_its_files_without_reading_a_rule(project: Path) -> None:
    first = _ruleset()
    key = first.key_for_path("post.md")
    assert not _unread(first)
    again = _ruleset()
    assert again.key_for_path("post.md") == key
    assert _unread(again)
    assert again.unavailable() == {}
    # Read when a file must be linted: the same key, worked out from the rules.
    assert [r.name for r in again.for_path("post.md")] == [
        r.name for r in first.for_path("post.md")
    ]
    assert again.key_for_path("post.md") == key


def test_an_override_keys_its_files_apart(project: Path) -> None:
    (project / ".healthlint.yaml").write_text(
        "rule_dirs: [house]\noverrides:\n  - files: ['news/**']\n    genre: news\n", "utf-8"
    )
    post, story = _ruleset().key_for_path("post.md"), _ruleset().key_for_path("news/a.md")
    ruleset = _ruleset()
    assert (ruleset.key_for_path("post.md"), ruleset.key_for_path("news/a.md")) == (post, story)
    assert _unread(ruleset)
    assert post != story


def _changed(project: Path, change: Callable[[], None], **options: Any) -> None:
    """After ``change`` (or with ``options``), the post has another key."""
    before, _ = _key()
    assert _key() == (before, False)
    change()
    after, read = _key(**options)
    assert after != before
    assert read


def test_editing_a_rule_file_changes_the_key(project: Path) -> None:
    rule = project / "house" / "hype.yaml"
    _changed(project, lambda: rule.write_text(HOUSE_RULE.format(word="miracle"), "utf-8"))


def test_editing_the_config_changes_the_key(project: Path) -> None:
    config = project / ".healthlint.yaml"
    _changed(
        project,
        lambda: config.write_text("rule_dirs: [house]\nrules:\n  house-hype: {severity: error}\n"),
    )


def test_the_config_preset_changes_the_key(project: Path) -> None:
    config = project / ".healthlint.yaml"
    _changed(project, lambda: config.write_text("rule_dirs: [house]\npreset: strict\n"))


@pytest.mark.parametrize(
    "options",
    [
        {"preset": "strict"},
        {"select": ["house-hype"]},
        {"ignore": ["house-hype"]},
        {"genre": "news"},
    ],
)
def test_the_options_change_the_key(project: Path, options: dict[str, Any]) -> None:
    _changed(project, lambda: None, **options)


def test_a_new_healthlint_changes_the_key(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from healthlint.cache import identity, rules

    def edited() -> str:
        return "an edited checkout"

    def change() -> None:
        monkeypatch.setattr(rules, "code_fingerprint", edited)
        monkeypatch.setattr(results, "code_fingerprint", edited)

    assert identity.code_fingerprint() != edited()
    _changed(project, change)


def test_healthlints_environment_changes_the_key(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, _ = _key(preset="strict")
    monkeypatch.setenv("HEALTHLINT_LANGUAGETOOL_URL", "http://localhost:8081")
    ruleset = _ruleset(preset="strict")
    # The grammar rule can run now: it is one of the rules, and of the key.
    assert "grammar" in [r.name for r in ruleset.for_path("post.md")]
    assert ruleset.key_for_path("post.md") != before


def test_whether_the_grammar_rule_can_run_here_keys_the_book(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A book written while language-tool-python was installed must not answer once it is
    # gone: the rule then cannot run, and the run must say so.
    from healthlint.config import ruleset as ruleset_module

    monkeypatch.setenv("HEALTHLINT_LANGUAGETOOL_URL", "http://localhost:8081")
    _key(preset="strict")
    assert _unread(_ruleset(preset="strict"))  # the book answers while nothing changes
    ground = ruleset_module._grammar_ground()
    monkeypatch.setattr(ruleset_module, "_grammar_ground", lambda: (not ground[0], *ground[1:]))
    assert not _unread(_ruleset(preset="strict"))


def test_no_book_is_kept_for_rules_that_cannot_all_run(project: Path) -> None:
    ruleset = _ruleset(preset="strict")
    assert "grammar" in ruleset.unavailable()
    ruleset.key_for_path("post.md")
    again = _ruleset(preset="strict")
    again.key_for_path("post.md")
    assert not _unread(again)
    assert "grammar" in again.unavailable()


def test_a_damaged_book_is_a_miss(project: Path) -> None:
    key, _ = _key()
    [book] = (project.parent / "cache" / "healthlint").glob("keys-*.json")
    for damaged in ('{"": ["abc", "week"]}', "[1]", "{", '{"": "abc"}'):
        book.write_text(damaged, "utf-8")
        assert keys.read(book.name) is None
        assert _key() == (key, True)


def test_a_key_from_the_book_counts_the_date_as_the_rules_read_it(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime

    from healthlint.core import metadata

    config = project / ".healthlint.yaml"
    config.write_text("rule_dirs: [house]\nrules:\n  stale-content: {enabled: true}\n", "utf-8")
    ruleset = _ruleset(select=["stale-content"])
    assert ruleset.for_path("post.md")[0].reads_today() == "day"
    today = ruleset.key_for_path("post.md")
    monkeypatch.setattr(metadata, "today", lambda: datetime.date(2031, 1, 2))
    tomorrow, read = _key(select=["stale-content"])
    assert not read
    assert tomorrow != today


HEAVY = (
    "healthlint.rules.kinds",
    "healthlint.rules.spec",
    "healthlint.core.regex",
    "healthlint.engine.lint",
    "healthlint.parse",
    "healthlint.language",
    "healthlint.claims",
    "pydantic",
    "yaml",
    "markdown_it",
    "healthlint.app.exports",
    "healthlint.files.exports",
    "pickle",
    "secrets",
    "healthlint.core.posts",
)
"""What a run answered from both caches has no use for: the rules' code (and the claims
and language modules the kinds import), the engine, the parsers, validation, for a post
the CMS exports' readers and options, what only loading a stored rule set (pickle) or
writing to a cache (secrets) needs, and the posts, documents and hits that the parsers
and rules make (``core.posts``)."""


def test_a_run_answered_from_the_caches_imports_nothing_heavy(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("# Coffee\n\nCoffee prevents liver cancer.\n", "utf-8")
    first, printed = modules_after_check(post, HEAVY)
    assert "healthlint.rules.kinds" in first  # the first run reads and lints
    again, printed_again = modules_after_check(post, HEAVY)
    assert again == []
    # The same finding, linted or from the cache.
    assert "prevents" in printed and "prevents" in printed_again


def test_the_names_core_model_hands_out_lazily_are_those_of_core_posts() -> None:
    """``core.model`` and ``core.metadata`` give the classes moved to ``core.posts`` (so
    that a run from the caches never defines them) to every module that imports them from
    there, and nothing else."""
    from healthlint.core import metadata, model, posts

    for name in ("Directive", "DirectiveKind", "Document", "Hit", "Post", "Record"):
        assert getattr(model, name) is getattr(posts, name)
    assert metadata.Metadata is posts.Metadata
    with pytest.raises(AttributeError):
        _ = model.Metadata  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        _ = metadata.Post  # type: ignore[attr-defined]
