"""The validated rule set kept between runs: reused when nothing changed, never stale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import HOUSE_RULE, modules_after_check
from healthlint.cache.results import rules_key
from healthlint.cache.rules import cached_rules
from healthlint.cli import main
from healthlint.core.errors import HealthlintError
from healthlint.core.pattern import Pattern
from healthlint.rules.loader import load_rules, rule_dirs
from healthlint.rules.spec import RuleSpec


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "healthlint"


@pytest.fixture
def house(tmp_path: Path) -> Path:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "hype.yaml").write_text(HOUSE_RULE.format(word="superfood"), "utf-8")
    return folder


def _pickles(folder: Path) -> list[Path]:
    return sorted(folder.glob("rules-*.pickle"))


def test_a_second_load_reuses_the_stored_rule_set(
    cache_home: Path, house: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = load_rules([house])
    cached_rules(rule_dirs([house]))
    assert len(_pickles(cache_home)) == 1

    def no_reading(dirs: object) -> None:
        raise AssertionError("the rule files were read again")

    monkeypatch.setattr("healthlint.cache.rules.read_rules", no_reading)
    again = cached_rules(rule_dirs([house]))
    assert again == fresh  # every field of every rule, patterns included
    assert rules_key(list(again.values())) == rules_key(list(fresh.values()))


def test_editing_a_rule_file_is_seen_at_once(cache_home: Path, house: Path) -> None:
    cached_rules(rule_dirs([house]))
    (house / "hype.yaml").write_text(HOUSE_RULE.format(word="miracle"), "utf-8")
    rule = cached_rules(rule_dirs([house]))["house-hype"]
    assert rule.words == ("miracle",)  # type: ignore[attr-defined]
    assert len(_pickles(cache_home)) == 2


def test_a_broken_rule_file_is_an_error_even_after_a_good_run(
    cache_home: Path, house: Path
) -> None:
    cached_rules(rule_dirs([house]))
    (house / "hype.yaml").write_text(HOUSE_RULE.format(word="x") + "scop: 1\n", "utf-8")
    with pytest.raises(HealthlintError, match=r"hype\.yaml:10: unknown key 'scop'"):
        cached_rules(rule_dirs([house]))


def test_a_damaged_entry_is_ignored_and_replaced(cache_home: Path, house: Path) -> None:
    cached_rules(rule_dirs([house]))
    (entry,) = _pickles(cache_home)
    entry.write_bytes(b"not a pickle")
    assert "house-hype" in cached_rules(rule_dirs([house]))
    assert entry.read_bytes() != b"not a pickle"


def test_an_unwritable_cache_directory_is_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, house: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert "house-hype" in cached_rules(rule_dirs([house]))


def test_only_the_newest_rule_sets_are_kept(cache_home: Path, tmp_path: Path) -> None:
    for number in range(10):
        folder = tmp_path / f"pack{number}"
        folder.mkdir()
        (folder / "hype.yaml").write_text(HOUSE_RULE.format(word=f"word{number}"), "utf-8")
        cached_rules(rule_dirs([folder]))
    assert len(_pickles(cache_home)) == 8


def _patterns_in(value: object, seen: set[int] | None = None) -> list[object]:
    """Every compiled or compilable pattern reachable from ``value`` (rules, their
    prefilters, the curated lexicons they hold)."""
    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, (str, bytes, int, float, type)):
        return []
    seen.add(id(value))
    if isinstance(value, (Pattern, re.Pattern)):
        return [value]
    if isinstance(value, dict):
        children: list[object] = [*value.keys(), *value.values()]
    elif isinstance(value, (tuple, list, set, frozenset)):
        children = list(value)
    else:
        children = list(getattr(value, "__dict__", {}).values())
        children += [
            getattr(value, s) for s in getattr(type(value), "__slots__", ()) if hasattr(value, s)
        ]
    return [p for child in children for p in _patterns_in(child, seen)]


def test_the_stored_rule_set_is_data_not_engine_code(cache_home: Path) -> None:
    """Patterns are kept as their source and flags: nothing of the regex engine's private
    instructions is stored, and loading compiles none of them."""
    cached_rules(rule_dirs())
    (entry,) = _pickles(cache_home)
    data = entry.read_bytes()
    assert b"_sre" not in data
    assert b"_compiler" not in data
    again = cached_rules(rule_dirs())
    claim = again["unsupported-causal-claim"]
    assert claim == load_rules()["unsupported-causal-claim"]
    patterns = _patterns_in(again)
    assert len(patterns) > 400
    assert all(isinstance(p, Pattern) and not p.is_compiled for p in patterns)


def test_a_post_compiles_only_the_patterns_it_needs(cache_home: Path) -> None:
    """A rule ruled out by the words a post lacks, its format or its genre never compiles
    its patterns; the findings are those of a fresh rule set."""
    from healthlint.config.ruleset import RuleSet
    from healthlint.config.settings import Config
    from healthlint.engine.lint import lint_document
    from healthlint.parse import parse_document

    cached_rules(rule_dirs())
    stored = cached_rules(rule_dirs())
    document = parse_document("post.md", "# Kale\n\nKale is a superfood for tiredness.\n")
    ruleset = RuleSet(stored, Config(), preset="strict").for_path("post.md")
    results = lint_document(document, ruleset, genre="news")
    assert "hype-superlative" in [f.rule for r in results for f in r.findings]
    compiled = [p for p in _patterns_in(stored) if isinstance(p, Pattern) and p.is_compiled]
    assert 0 < len(compiled) < len(_patterns_in(stored)) / 4
    # A blog rule does not read a news story; a post without the words a rule's patterns
    # need is not searched with them.
    for rule in ("certainty-booster", "crisis-line-missing", "known-myth"):
        assert not any(isinstance(p, Pattern) and p.is_compiled for p in _patterns_in(stored[rule]))


def test_no_cache_stores_no_rule_set(
    cache_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HEALTHLINT_NO_CACHE")
    monkeypatch.chdir(tmp_path)
    post = tmp_path / "post.md"
    post.write_text("# Kale\n\nKale is green.\n", "utf-8")
    assert CliRunner().invoke(main, ["check", "--no-cache", str(post)]).exit_code == 0
    assert _pickles(cache_home) == []
    assert CliRunner().invoke(main, ["check", str(post)]).exit_code == 0
    assert len(_pickles(cache_home)) == 1


def test_a_stored_rule_set_finds_what_a_fresh_one_finds(cache_home: Path) -> None:
    from healthlint.config.ruleset import RuleSet
    from healthlint.config.settings import Config
    from healthlint.engine.lint import lint_document
    from healthlint.parse import parse_document

    post = (
        "# Coffee\n\nHiking prevents liver cancer. It is a miracle cure, "
        "studies show 50% fewer deaths.\n\n-\n* Drink water.\n"
    )

    def findings(rules: dict[str, RuleSpec]) -> list[tuple[str, int, int]]:
        ruleset = RuleSet(rules, Config(), preset="strict")
        document = parse_document("post.md", post)
        results = lint_document(document, ruleset.for_path("post.md"))
        return [(f.rule, f.line, f.column) for r in results for f in r.findings]

    cached_rules(rule_dirs())
    stored = cached_rules(rule_dirs())
    expected = findings(load_rules())
    assert len({rule for rule, _, _ in expected}) >= 5
    assert findings(stored) == expected


def test_without_a_home_nothing_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, house: Path
) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr("os.path.expanduser", lambda path: path)  # no HOME, no passwd entry
    monkeypatch.chdir(tmp_path)
    assert "house-hype" in cached_rules(rule_dirs([house]))
    assert not (tmp_path / "~").exists()


def test_a_run_with_a_stored_rule_set_imports_no_validator(tmp_path: Path) -> None:
    """The point of storing the rule set: linting a post starts without pydantic or YAML."""
    post = tmp_path / "post.md"
    post.write_text("# Kale\n\nKale is green.\n", "utf-8")
    validators = ("pydantic", "yaml")
    first, _ = modules_after_check(post, validators)
    assert {"pydantic", "pydantic_core", "yaml"} <= set(first)  # the first run validates
    # A changed post is linted again, with the rules from the stored rule set.
    post.write_text("# Kale\n\nKale is green and leafy.\n", "utf-8")
    assert modules_after_check(post, validators)[0] == []


def test_a_run_answered_from_the_caches_imports_no_claim_model(tmp_path: Path) -> None:
    """With both caches warm nothing reads a sentence, so the claim model and the
    wordings it reads (hundreds of patterns to compile) are not imported; a post that
    changed is read with them."""
    post = tmp_path / "post.md"
    post.write_text("# Coffee\n\nCoffee prevents liver cancer.\n", "utf-8")
    claims = ("healthlint.claims.",)
    assert "healthlint.claims.model" in modules_after_check(post, claims)[0]  # read
    # The rule set itself is not read (cache.keys): nor are the curated lists it holds.
    assert modules_after_check(post, claims)[0] == []
    post.write_text("# Coffee\n\nCoffee cures liver cancer.\n", "utf-8")
    assert "healthlint.claims.blog" in modules_after_check(post, claims)[0]


def test_editing_the_curated_knowledge_changes_the_key() -> None:
    """A stored rule set holds the myths and facts it read: editing them must be seen."""
    import os

    from healthlint.cache import identity

    facts = Path(identity.__file__).parents[1] / "claims" / "knowledge" / "facts.yaml"
    before = facts.stat()
    fingerprint = identity.code_fingerprint.__wrapped__
    key = fingerprint()
    try:
        os.utime(facts, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
        assert fingerprint() != key
    finally:
        os.utime(facts, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert fingerprint() == key


def test_the_code_fingerprint_sees_every_edit_of_an_editable_install(tmp_path: Path) -> None:
    """A checkout installed in place: editing, adding or removing a module or a data file
    anywhere under the package changes the key; bytecode does not."""
    import os

    from healthlint.cache.identity import package_fingerprint

    module = tmp_path / "claims" / "model.py"
    module.parent.mkdir()
    module.write_text("CAUSAL = 'prevents'\n", "utf-8")
    (tmp_path / "claims" / "knowledge.csv").write_text("myth,source\n", "utf-8")
    key = package_fingerprint(str(tmp_path))
    assert package_fingerprint(str(tmp_path)) == key

    bytecode = tmp_path / "claims" / "__pycache__" / "model.cpython-311.pyc"
    bytecode.parent.mkdir()
    bytecode.write_bytes(b"\0")
    (tmp_path / "notes.txt").write_text("not code\n", "utf-8")
    assert package_fingerprint(str(tmp_path)) == key

    # Edited in place, same size: only the file's own time tells (not its folder's).
    before, folder = module.stat(), module.parent.stat()
    module.write_text("CAUSAL = 'protects'\n", "utf-8")
    os.utime(module, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    os.utime(module.parent, ns=(folder.st_atime_ns, folder.st_mtime_ns))
    assert module.stat().st_size == before.st_size
    edited = package_fingerprint(str(tmp_path))
    assert edited != key

    (tmp_path / "claims" / "knowledge.yaml").write_text("facts: []\n", "utf-8")
    added = package_fingerprint(str(tmp_path))
    assert added not in (key, edited)

    (tmp_path / "claims" / "knowledge.csv").unlink()
    assert package_fingerprint(str(tmp_path)) not in (key, edited, added)
