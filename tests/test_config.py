from __future__ import annotations

from pathlib import Path

import pytest

from healthlint.config.ruleset import RuleSet
from healthlint.config.settings import Config, find_config, load_config, matches
from healthlint.core.errors import HealthlintError
from healthlint.rules.spec import RuleSpec


def _write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def test_found_by_walking_up(tmp_path: Path) -> None:
    config = _write(tmp_path / ".healthlint.yaml", "ignore: [mixed-bullets]\n")
    nested = tmp_path / "posts" / "2026"
    nested.mkdir(parents=True)
    assert find_config(nested) == config


def test_pyproject_table(tmp_path: Path, builtin_rules: dict[str, RuleSpec]) -> None:
    _write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.healthlint]\nignore = ["mixed-bullets"]\n'
        "[tool.healthlint.rules.reading-level]\nmax = 12\n",
    )
    config = load_config(find_config(tmp_path))
    ruleset = RuleSet(builtin_rules, config)
    names = [r.name for r in ruleset.for_path(str(tmp_path / "a.md"))]
    assert "mixed-bullets" not in names
    assert ruleset.all_rules["reading-level"].max == 12  # type: ignore[attr-defined]


def test_pyproject_without_table_is_not_a_config(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(tmp_path) is None


def test_severity_and_parameters_per_rule(
    tmp_path: Path, builtin_rules: dict[str, RuleSpec]
) -> None:
    path = _write(
        tmp_path / ".healthlint.yaml",
        "rules:\n  reading-level: {max: 10, severity: info}\n  mixed-bullets: {enabled: false}\n",
    )
    ruleset = RuleSet(builtin_rules, load_config(path))
    rules = {r.name: r for r in ruleset.for_path(str(tmp_path / "a.md"))}
    assert rules["reading-level"].severity == "info"
    assert "mixed-bullets" not in rules


def test_overrides_by_glob(tmp_path: Path, builtin_rules: dict[str, RuleSpec]) -> None:
    path = _write(
        tmp_path / ".healthlint.yaml",
        "overrides:\n  - files: ['drafts/**']\n    ignore: [missing-disclaimer]\n"
        "  - files: ['*.txt']\n    rules: {stray-bullet: {severity: warning}}\n",
    )
    ruleset = RuleSet(builtin_rules, load_config(path))
    draft = {r.name: r for r in ruleset.for_path(str(tmp_path / "drafts" / "a" / "b.md"))}
    post = {r.name: r for r in ruleset.for_path(str(tmp_path / "posts" / "b.md"))}
    dump = {r.name: r for r in ruleset.for_path(str(tmp_path / "dump.txt"))}
    assert "missing-disclaimer" not in draft
    assert "missing-disclaimer" in post
    assert dump["stray-bullet"].severity == "warning"
    assert post["stray-bullet"].severity == "error"


@pytest.mark.parametrize(
    ("glob", "path", "matched"),
    [
        ("archive/**", "archive/2019/old.md", True),
        ("archive/**", "posts/archive.md", False),
        ("*.txt", "dumps/2024/cms.txt", True),  # a name without "/" matches at any depth
        ("posts/*.md", "posts/a.md", True),
        ("posts/*.md", "posts/2024/a.md", False),  # "*" stays within one folder
        ("posts/**/*.md", "posts/a.md", True),
        ("posts/**/*.md", "posts/2024/a.md", True),
        ("news/", "news/today.md", True),  # a folder and all it holds
        ("./drafts/**", "drafts/a.md", True),
    ],
)
def test_globs_read_as_in_a_gitignore(glob: str, path: str, matched: bool) -> None:
    assert matches(path, (glob,)) is matched


def test_a_negated_glob_takes_a_file_back() -> None:
    globs = ("drafts/**", "!drafts/ready.md")
    assert matches("drafts/wip.md", globs)
    assert not matches("drafts/ready.md", globs)


def test_select_on_the_command_line_beats_config(builtin_rules: dict[str, RuleSpec]) -> None:
    ruleset = RuleSet(builtin_rules, Config(), select=["stray-bullet"], ignore=[])
    assert [r.name for r in ruleset.for_path("a.md")] == ["stray-bullet"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ignore: [no-such-rule]\n", "unknown rule 'no-such-rule'"),
        ("rules:\n  reading-level: {maxx: 3}\n", "rules.reading-level: unknown key 'maxx'"),
        ("rules:\n  reading-level: {max: lots}\n", "rules.reading-level: key 'max'"),
        ("rules:\n  reading-level: {kind: pattern}\n", "'kind' cannot be changed"),
    ],
)
def test_bad_rule_settings(
    tmp_path: Path, builtin_rules: dict[str, RuleSpec], text: str, expected: str
) -> None:
    path = _write(tmp_path / ".healthlint.yaml", text)
    with pytest.raises(HealthlintError, match=expected):
        RuleSet(builtin_rules, load_config(path))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fail_on: sometimes\n", ".healthlint.yaml:1: key 'fail_on'"),
        ("rule_dir: [x]\n", ".healthlint.yaml:1: unknown key 'rule_dir'"),
        ("ignore: [a\n", "invalid YAML"),
        ("- a\n", "must be a mapping"),
    ],
)
def test_bad_config_file(tmp_path: Path, text: str, expected: str) -> None:
    path = _write(tmp_path / ".healthlint.yaml", text)
    with pytest.raises(HealthlintError, match=expected.replace(".", r"\.")):
        load_config(path)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("{root}/posts/a.md", "posts/a.md"),
        ("{root}", "."),
        # A sibling whose name starts with the root's is not inside it.
        ("{root}x/b.md", "{root}x/b.md"),
    ],
)
def test_paths_relative_to_the_config_root(tmp_path: Path, path: str, expected: str) -> None:
    root = tmp_path / "site"
    root.mkdir()
    config = Config(root=root)
    assert config.relative(path.format(root=root)) == expected.format(root=root)


def test_genre_comes_from_the_command_line_an_override_or_the_config(
    tmp_path: Path, builtin_rules: dict[str, RuleSpec]
) -> None:
    path = _write(
        tmp_path / ".healthlint.yaml",
        "genre: blog\noverrides:\n  - files: ['news/**']\n    genre: news\n",
    )
    config = load_config(path)
    ruleset = RuleSet(builtin_rules, config)
    assert ruleset.genre_for(str(tmp_path / "posts" / "a.md")) == "blog"
    assert ruleset.genre_for(str(tmp_path / "news" / "a.md")) == "news"
    forced = RuleSet(builtin_rules, config, genre="news")
    assert forced.genre_for(str(tmp_path / "posts" / "a.md")) == "news"
    assert RuleSet(builtin_rules, Config()).genre_for("a.md") == "blog"


def test_a_rule_for_one_genre_runs_only_there(
    tmp_path: Path, builtin_rules: dict[str, RuleSpec]
) -> None:
    blog_only = builtin_rules["stray-bullet"].with_settings({"genres": ["blog"]})
    rules = {**builtin_rules, "stray-bullet": blog_only}
    blog = RuleSet(rules, Config(), select=["stray-bullet"])
    news = RuleSet(rules, Config(), select=["stray-bullet"], genre="news")
    assert [r.name for r in blog.for_path("a.md")] == ["stray-bullet"]
    assert news.for_path("a.md") == []
    assert blog.key_for_path("a.md") != news.key_for_path("a.md")


def test_an_unknown_genre_is_a_config_error(tmp_path: Path) -> None:
    path = _write(tmp_path / ".healthlint.yaml", "genre: magazine\n")
    with pytest.raises(HealthlintError, match=r"\.healthlint\.yaml:1: key 'genre'"):
        load_config(path)


_NESTED = (
    "fail_on: warning\n"  # 1
    "overrides:\n"  # 2
    "  - files: [drafts/**]\n"  # 3
    "    genre: news\n"  # 4
    "  - files: [news/**]\n"  # 5
    "    ignore: [mixed-bullets, stray-bulet]\n"  # 6
    "    rules:\n"  # 7
    "      reading-level:\n"  # 8
    "        severity: loud\n"  # 9
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # In a per-glob override: the line of the offending value, not of `overrides:`.
        (
            _NESTED,
            "{path}:6: overrides[1].ignore: unknown rule 'stray-bulet' "
            "(did you mean 'stray-bullet'?)",
        ),
        (
            _NESTED.replace("stray-bulet", "stray-bullet"),
            "{path}:9: overrides[1].rules.reading-level: key 'severity': "
            "Input should be 'error', 'warning' or 'info'",
        ),
        (
            _NESTED.replace("stray-bulet", "stray-bullet").replace("severity", "severty"),
            "{path}:9: overrides[1].rules.reading-level: unknown key 'severty' "
            "(did you mean 'severity'?)",
        ),
        (
            _NESTED.replace("reading-level", "reading-levels").replace(
                "stray-bulet", "stray-bullet"
            ),
            "{path}:8: overrides[1].rules: unknown rule 'reading-levels' "
            "(did you mean 'reading-level'?)",
        ),
        (
            "rules:\n  reading-level:\n    max: 8\n    kind: pattern\n",
            "{path}:4: rules.reading-level: 'kind' cannot be changed here",
        ),
        (
            "select:\n  - reading-level\n  - missing-citations\n",
            "{path}:3: select: unknown rule 'missing-citations' (did you mean 'missing-citation'?)",
        ),
        (
            "ignore: [no-such-thing]\n",
            "{path}:1: ignore: unknown rule 'no-such-thing' (see `healthlint rules`)",
        ),
    ],
)
def test_errors_in_rule_settings_name_the_line_of_the_value(
    tmp_path: Path, builtin_rules: dict[str, RuleSpec], text: str, expected: str
) -> None:
    path = _write(tmp_path / ".healthlint.yaml", text)
    config = load_config(path)
    with pytest.raises(HealthlintError) as raised:
        RuleSet(builtin_rules, config).for_path(str(tmp_path / "news" / "a.md"))
    assert str(raised.value) == expected.format(path=path)


def test_a_nested_schema_error_names_the_line_of_the_value(tmp_path: Path) -> None:
    text = "fail_on: warning\noverrides:\n  - files: [a.md]\n  - files: [b.md]\n    genre: poem\n"
    path = _write(tmp_path / ".healthlint.yaml", text)
    with pytest.raises(HealthlintError) as raised:
        load_config(path)
    assert (
        str(raised.value) == f"{path}:5: key 'overrides[1].genre': Input should be 'blog' or 'news'"
    )


@pytest.mark.parametrize("option", ["select", "ignore"])
def test_a_misspelt_rule_on_the_command_line_gets_the_closest_name(
    builtin_rules: dict[str, RuleSpec], option: str
) -> None:
    with pytest.raises(HealthlintError) as raised:
        RuleSet(builtin_rules, Config(), **{option: ["stray-bullets"]})  # type: ignore[arg-type]
    assert str(raised.value) == (
        f"--{option}: unknown rule 'stray-bullets' (did you mean 'stray-bullet'?)"
    )


def test_a_misspelt_key_in_an_override_gets_the_closest_override_key(tmp_path: Path) -> None:
    text = "overrides:\n  - files: [drafts/**]\n    ignroe: [mixed-bullets]\n"
    path = _write(tmp_path / ".healthlint.yaml", text)
    with pytest.raises(HealthlintError) as raised:
        load_config(path)
    assert str(raised.value) == (
        f"{path}:3: unknown key 'overrides[0].ignroe' (did you mean 'ignore'?)"
    )
