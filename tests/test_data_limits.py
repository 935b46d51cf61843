"""Data files others can write are read within bounds: no YAML alias bomb expands, and no
nesting is deep enough to exhaust the stack (``healthlint.files.limits``, ``yamlio``).

The CLI runs in a subprocess with a timeout: before these bounds, a bomb ran for minutes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from healthlint.core.errors import HealthlintError
from healthlint.files.limits import MAX_DEPTH, MAX_VALUES, TooComplex, load_json, load_toml
from healthlint.files.yamlio import key_lines, load_yaml, read_yaml_file

POST = "# Coffee\n\nHiking prevents gout.\n"
TIMEOUT = 60


def bomb(key: str = "author", levels: int = 9) -> str:
    """A "billion laughs": nine levels of nine aliases, 9**9 values once expanded. The
    last level is the value of ``key`` (so that a reader of that key would walk it all)."""
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [{','.join([f'*l{level - 1}'] * 9)}]")
    lines.append(f"{key}: *l{levels - 1}")
    return "\n".join(lines) + "\n"


def deep(levels: int = 10_000) -> str:
    return "[" * levels + "]" * levels


def healthlint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "healthlint", "check", "--no-color", "--no-cache", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def test_the_bomb_is_small() -> None:
    assert len(bomb().encode()) < 600


# --- YAML itself -----------------------------------------------------------------------


def test_an_alias_bomb_is_refused_on_the_line_where_it_overflows() -> None:
    with pytest.raises(TooComplex, match=r"YAML aliases expand to more than 100,000 values") as e:
        load_yaml(bomb())
    assert e.value.line == 6  # l5: 9**6 values, the first level over the bound


@pytest.mark.parametrize(
    "text",
    [
        deep(),  # flow style, 10,000 levels (libyaml stops at 1,000)
        "x: " + deep(MAX_DEPTH + 2),  # deeper than healthlint reads, within libyaml's limit
        "".join(" " * i + "-\n" for i in range(2_000)),  # block style
    ],
)
def test_deep_nesting_is_refused_not_a_recursion_error(text: str) -> None:
    with pytest.raises(TooComplex, match=f"nested more than {MAX_DEPTH} levels deep"):
        load_yaml(text)


@pytest.mark.parametrize("text", ["&a [*a]", "a: &x {b: *x}"])
def test_a_value_that_contains_itself_is_refused(text: str) -> None:
    with pytest.raises(TooComplex, match="contains itself"):
        load_yaml(text)


def test_ordinary_nesting_and_aliases_still_load() -> None:
    text = "base: &b {severity: warning}\nrule: {<<: *b, name: x}\nlist: " + deep(10) + "\n"
    assert load_yaml(text)["rule"] == {"severity": "warning", "name": "x"}


def test_a_file_the_user_maintains_names_itself_and_the_line() -> None:
    with pytest.raises(HealthlintError) as e:
        read_yaml_file(bomb(), "claims/myths.yaml")
    assert str(e.value) == (
        "claims/myths.yaml: line 6: YAML aliases expand to more than 100,000 values "
        "(healthlint reads no such file: an alias bomb?)"
    )


def test_key_lines_of_a_bomb_give_nothing_and_return() -> None:
    assert key_lines(bomb()) == {}
    assert key_lines(deep()) == {}


# --- JSON and TOML ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [deep(), deep(MAX_DEPTH + 1), '{"a":' * 5_000 + "1" + "}" * 5_000])
def test_deep_json_is_a_value_error_not_a_recursion_error(text: str) -> None:
    with pytest.raises(TooComplex, match=f"nested more than {MAX_DEPTH} levels deep"):
        load_json(text)
    assert issubclass(TooComplex, ValueError)  # callers that ignore bad JSON ignore it too


def test_json_within_bounds_loads() -> None:
    assert load_json(deep(MAX_DEPTH)) == load_json(deep(MAX_DEPTH))


@pytest.mark.parametrize("value", [deep(), "{a=" * 5_000 + "1" + "}" * 5_000])
def test_deep_toml_is_refused(value: str) -> None:
    with pytest.raises(TooComplex):
        load_toml(f"x = {value}\n")


# --- every file healthlint reads, through the command line ------------------------------


def test_a_bomb_in_front_matter_is_an_input_error_and_other_posts_are_linted(
    tmp_path: Path,
) -> None:
    (tmp_path / "bomb.md").write_text("---\ntitle: Hi\n" + bomb() + "---\n" + POST, "utf-8")
    (tmp_path / "other.md").write_text(POST, "utf-8")
    done = healthlint(tmp_path, "bomb.md", "other.md")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "healthlint: error: bomb.md: line 8: front matter not read: YAML aliases expand to "
        "more than 100,000 values (healthlint reads no such file: an alias bomb?)"
    ]
    assert "other.md:3:8: warning unsupported-causal-claim" in done.stdout


def test_deep_front_matter_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "deep.md").write_text(f"---\nauthor: {deep()}\n---\n{POST}", "utf-8")
    done = healthlint(tmp_path, "deep.md")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"healthlint: error: deep.md: line 2: front matter not read: nested more than "
        f"{MAX_DEPTH} levels deep"
    ]


def test_a_bomb_on_standard_input_is_an_input_error(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "healthlint", "check", "--stdin-filename", "draft.md", "-"],
        cwd=tmp_path,
        input="---\n" + bomb() + "---\n" + POST,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("healthlint: error: draft.md: line 7: front matter not read")


def test_a_bomb_in_the_config_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / ".healthlint.yaml").write_text(bomb("exclude"), "utf-8")
    (tmp_path / "post.md").write_text(POST, "utf-8")
    done = healthlint(tmp_path, "post.md")
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert ".healthlint.yaml: line 6: YAML aliases expand" in done.stderr


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (".healthlint.yaml", f"exclude: {deep()}\n"),
        ("pyproject.toml", f"[tool.healthlint]\nexclude = {deep()}\n"),
        ("pyproject.toml", f"[tool.healthlint]\nexclude = {deep(MAX_DEPTH + 1)}\n"),
    ],
)
def test_deep_config_is_one_line_and_exit_2(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, "utf-8")
    (tmp_path / "post.md").write_text(POST, "utf-8")
    done = healthlint(tmp_path, "--config", name, "post.md")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"healthlint: error: {name}: "
        + ("line 1: " if name.endswith(".yaml") else "")
        + f"nested more than {MAX_DEPTH} levels deep"
    ]


@pytest.mark.parametrize("text", [bomb("examples"), f"examples: {deep()}\n", "&a [*a]\n"])
def test_a_rule_file_too_complex_to_read_is_one_line_and_exit_2(tmp_path: Path, text: str) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "team.yaml").write_text(text, "utf-8")
    (tmp_path / "post.md").write_text(POST, "utf-8")
    done = healthlint(tmp_path, "--rules", "rules", "post.md")
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith("healthlint: error: rules/team.yaml: line ")


def test_a_deep_baseline_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "baseline.json").write_text(
        '{"healthlint_baseline": 1, "findings": ' + deep() + "}", "utf-8"
    )
    (tmp_path / "post.md").write_text(POST, "utf-8")
    done = healthlint(tmp_path, "--baseline", "baseline.json", "post.md")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "healthlint: error: baseline.json: not a healthlint baseline: "
        f"nested more than {MAX_DEPTH} levels deep"
    ]


def test_deep_json_ld_is_ignored_as_broken_json_ld_is(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Coffee</title>"
        '<script type="application/ld+json">{"author": ' + deep() + "}</script>"
        "</head><body><p>Hiking prevents gout.</p></body></html>\n"
    )
    (tmp_path / "page.html").write_text(page, "utf-8")
    done = healthlint(tmp_path, "page.html")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "page.html:1:" in done.stdout and "unsupported-causal-claim" in done.stdout


def test_a_deep_cache_entry_is_a_miss(tmp_path: Path) -> None:
    from healthlint.cache.results import Cache, _sign
    from healthlint.files import usercache

    cache = Cache(tmp_path)
    key = cache.key("rules", "post.md", b"text")
    cache.put(key, [])
    assert cache.get(key, "post.md", "text") == []
    # Signed with the user's own key, so that only the bound on nesting stands in the way.
    secret = usercache.secret()
    assert secret is not None
    body = deep().encode()
    entry = next(tmp_path.rglob(f"{key}.json"))
    entry.write_bytes(_sign(secret, key, body) + b"\n" + body)
    assert cache.get(key, "post.md", "text") is None


def test_the_language_server_reads_front_matter_within_the_same_bounds(tmp_path: Path) -> None:
    pytest.importorskip("pygls")
    from healthlint.lsp import Linter

    path = str(tmp_path / "draft.md")
    with pytest.raises(HealthlintError, match=r"draft\.md: line 7: front matter not read"):
        Linter().findings(path, "---\n" + bomb() + "---\n" + POST)


def test_data_is_parsed_in_the_bounded_readers_only() -> None:
    """YAML, JSON and TOML are parsed only by ``files/yamlio.py`` and ``files/limits.py``,
    so that no reader of a file escapes the bounds."""
    import re

    import healthlint

    parsing = re.compile(r"^\s*(?:import yaml|from yaml)|json\.loads?\(|tomllib\.loads?\(", re.M)
    package = Path(healthlint.__file__).parent
    readers = {package / "files" / "yamlio.py", package / "files" / "limits.py"}
    found = [
        path.relative_to(package).as_posix()
        for path in sorted(package.rglob("*.py"))
        if path not in readers and parsing.search(path.read_text("utf-8"))
    ]
    assert found == []


def test_without_libyaml_deep_nesting_is_refused_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """PyYAML's own parser (used where libyaml is not installed) composes recursively."""
    import importlib

    import yaml

    from healthlint.files import yamlio

    monkeypatch.delattr(yaml, "CSafeLoader")
    try:
        pure = importlib.reload(yamlio)
        assert pure._SAFE_LOADER is yaml.SafeLoader
        with pytest.raises(TooComplex, match="nested more than"):
            pure.load_yaml(deep())
        with pytest.raises(TooComplex, match="YAML aliases expand"):
            pure.load_yaml(bomb())
    finally:
        monkeypatch.undo()
        importlib.reload(yamlio)


@pytest.mark.parametrize(
    "text",
    [
        "a: [1, 2, {b: c}]\n",
        "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),  # one level too deep, no alias
        "[" * MAX_DEPTH + "]" * MAX_DEPTH,
        "x: &a [1, 2]\ny: *a\n",  # an alias: the full check decides
        "- " + "\n- ".join(["1"] * (MAX_VALUES - 1)) + "\n",  # as many values as allowed
        "- " + "\n- ".join(["1"] * MAX_VALUES) + "\n",  # one more
    ],
    ids=["small", "too deep", "deepest", "alias", "most values", "too many values"],
)
def test_a_document_without_aliases_is_judged_as_the_full_check_judges_it(text: str) -> None:
    """``_tree_fits``, the one walk that passes most documents, passes only what
    ``_check_nodes``'s walk of the expanded graph passes, and leaves the rest (and every
    document with an alias) to it, so that the errors are the same."""
    import re

    import yaml

    from healthlint.files import yamlio

    node = yaml.compose(text, Loader=yamlio._SAFE_LOADER)
    try:
        yamlio._check_nodes(node)
        full: str | None = None
    except TooComplex as error:
        full = str(error)
    fits = yamlio._tree_fits(node)
    assert fits == (full is None and "*" not in text)
    if full is not None:
        with pytest.raises(TooComplex, match=re.escape(full)):
            load_yaml(text)
