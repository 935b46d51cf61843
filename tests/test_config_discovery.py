"""Config from the repository only: discovery stops at the top of the git checkout, and
outside one at folders others may write to; --show-config says what was found; the
results cache does not follow a config from elsewhere; an `append` fix that its own rule
would not accept is refused when the rule loads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from healthlint.config.settings import search_config

NEVER_FAIL = "fail_on: never\nexclude: ['**']\n"
STRAY = "# Tips\n\nTry:\n\n-\nDrink water\n"


def _healthlint(cwd: Path, *args: str, cache: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    if cache:
        env.pop("HEALTHLINT_NO_CACHE", None)
    else:
        env["HEALTHLINT_NO_CACHE"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "healthlint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def _repository(under: Path) -> Path:
    repo = under / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "posts").mkdir()
    (repo / "posts" / "bad.md").write_text(STRAY, "utf-8")
    return repo


@pytest.mark.parametrize("name", [".healthlint.yaml", "pyproject.toml"])
def test_a_config_above_the_repository_is_not_used(tmp_path: Path, name: str) -> None:
    text = NEVER_FAIL if name.endswith("yaml") else '[tool.healthlint]\nfail_on = "never"\n'
    (tmp_path / name).write_text(text, "utf-8")
    repo = _repository(tmp_path)
    assert search_config(repo / "posts").path is None
    assert search_config(repo / "posts").boundary == repo.resolve()
    done = _healthlint(repo / "posts", "check", "--select", "stray-bullet", ".")
    assert done.returncode == 1
    assert "bad.md:5:1: error stray-bullet" in done.stdout


def test_a_config_at_the_top_of_the_repository_is_used(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    (repo / ".healthlint.yaml").write_text("fail_on: never\n", "utf-8")
    assert search_config(repo / "posts").path == repo.resolve() / ".healthlint.yaml"
    done = _healthlint(repo / "posts", "check", "--select", "stray-bullet", ".")
    assert done.returncode == 0


def test_a_worktree_s_git_file_marks_the_top_too(tmp_path: Path) -> None:
    (tmp_path / ".healthlint.yaml").write_text(NEVER_FAIL, "utf-8")
    worktree = tmp_path / "worktree"
    worktree.mkdir()
    (worktree / ".git").write_text("gitdir: /elsewhere\n", "utf-8")
    assert search_config(worktree).path is None


def test_outside_a_repository_a_world_writable_folder_ends_the_search(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)  # a /tmp: anyone may add a file
    (shared / ".healthlint.yaml").write_text(NEVER_FAIL, "utf-8")
    project = shared / "project"
    project.mkdir()
    assert search_config(project).path is None
    assert search_config(project).boundary == project.resolve()
    # The folder the user runs in counts, and a config of their own there is used.
    assert search_config(shared).path == shared.resolve() / ".healthlint.yaml"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs a file of another user"
)
def test_outside_a_repository_a_config_of_someone_else_s_is_not_used(tmp_path: Path) -> None:
    config = tmp_path / ".healthlint.yaml"
    config.write_text(NEVER_FAIL, "utf-8")
    os.chown(config, 4321, 4321)
    assert search_config(tmp_path).path is None


def test_outside_a_repository_the_home_folder_ends_the_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".healthlint.yaml").write_text(NEVER_FAIL, "utf-8")
    home = tmp_path / "home"
    (home / "blog").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    assert search_config(home / "blog").path is None
    assert search_config(home / "blog").boundary == home.resolve()


def test_show_config_names_the_file_and_the_settings(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    (repo / ".healthlint.yaml").write_text(
        "fail_on: warning\nexclude: [drafts/**]\nrules:\n  reading-level: {max: 9}\n", "utf-8"
    )
    done = _healthlint(repo / "posts", "check", "--show-config", "--preset", "strict")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:9] == [
        f"config file: {repo.resolve() / '.healthlint.yaml'}",
        f"searched from the working directory up to the top of the git checkout {repo.resolve()}",
        "preset: strict",
        "genre: blog",
        "fail_on: warning",
        "rule_dirs: -",
        "select: (the preset's)",
        "ignore: -",
        "exclude: drafts/**",
    ]
    assert 'rules.reading-level: {"max": 9}' in lines
    assert "results cache: off" in lines
    assert lines[-1].startswith("rules that run on a post: ")


def test_show_config_without_a_config(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    done = _healthlint(repo, "check", "--show-config")
    assert done.returncode == 0
    assert done.stdout.startswith("config file: none\n")


def test_the_results_cache_does_not_follow_a_config_from_elsewhere(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / ".healthlint.yaml").write_text("fail_on: error\n", "utf-8")
    repo = _repository(tmp_path)
    config = str(elsewhere / ".healthlint.yaml")
    done = _healthlint(repo, "check", "--config", config, "posts", cache=True)
    assert done.returncode == 1
    assert (repo / ".healthlint_cache").is_dir()
    assert not (elsewhere / ".healthlint_cache").exists()
    shown = _healthlint(repo, "check", "--config", config, "--show-config", cache=True)
    assert f"results cache: {repo / '.healthlint_cache'}\n" in shown.stdout


# An append fix must satisfy its own rule.

_RULE = """name: signed
kind: required
severity: warning
message: Sign the post.
description: A post ends with the writer's signature.
patterns: ['\\bWritten by\\b']
fix:
  append: '{append}'
examples:
  fail: ["# Tips\\n\\nDrink water.\\n"]
  pass: ["# Tips\\n\\nDrink water.\\n\\nWritten by Sam.\\n"]
"""


def test_an_append_that_its_rule_would_not_accept_is_refused_naming_the_file(
    tmp_path: Path,
) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "signed.yaml").write_text(_RULE.format(append="Thanks for reading."), "utf-8")
    (tmp_path / "post.md").write_text("# Tips\n\nDrink water.\n", "utf-8")
    done = _healthlint(tmp_path, "check", "--rules", "rules", "post.md")
    assert done.returncode == 2
    assert done.stderr == (
        f"healthlint: error: {Path('rules/signed.yaml')}: rule 'signed': fix.append text "
        "does not satisfy the rule itself (fail example 1 still fires once it is "
        "appended), so --fix would append it again on every run; word it so that the "
        "rule accepts it\n"
    )


def test_an_append_that_satisfies_its_rule_is_made_once(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "signed.yaml").write_text(_RULE.format(append="Written by the team."), "utf-8")
    post = tmp_path / "post.md"
    post.write_text("# Tips\n\nDrink water.\n", "utf-8")
    for _ in range(2):
        done = _healthlint(
            tmp_path, "check", "--fix", "--rules", "rules", "--select", "signed", "post.md"
        )
        assert done.returncode == 0, done.stderr
    assert post.read_text("utf-8") == "# Tips\n\nDrink water.\n\nWritten by the team.\n"


def test_an_append_set_in_the_config_is_checked_too(tmp_path: Path) -> None:
    (tmp_path / ".healthlint.yaml").write_text(
        "rules:\n  missing-disclaimer:\n    fix:\n      append: 'Stay well.'\n", "utf-8"
    )
    (tmp_path / "post.md").write_text("# Tips\n\nDrink water.\n", "utf-8")
    done = _healthlint(tmp_path, "check", "post.md")
    assert done.returncode == 2
    assert done.stderr.startswith(
        f"healthlint: error: {tmp_path.resolve() / '.healthlint.yaml'}:3: "
        "rules.missing-disclaimer: rule 'missing-disclaimer': fix.append text does not "
        "satisfy the rule itself"
    )
    assert done.stderr.count("\n") == 1
