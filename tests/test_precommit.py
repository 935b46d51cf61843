"""The pre-commit hook, for real: a repository refuses a commit with a bad post."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path, PurePath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from healthlint.core.formats import is_project_file, is_project_name, suffix

ROOT = Path(__file__).resolve().parents[1]


def _head() -> str | None:
    done = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return done.stdout.strip() if done.returncode == 0 else None


# Only the tests that run pre-commit need it and a checkout to install the hook from.
needs_precommit = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None or _head() is None,
    reason="needs pre-commit and a git checkout of healthlint",
)


def _run(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True, check=False)


def _content_repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A new git repository with healthlint's hook installed at this checkout's HEAD."""
    repo = tmp_path / "content"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {_head()}\n    hooks:\n      - id: healthlint\n",
        "utf-8",
    )
    assert _run(repo, env, "git", "init", "-q").returncode == 0
    installed = _run(repo, env, sys.executable, "-m", "pre_commit", "install")
    assert installed.returncode == 0, installed.stderr
    return repo, env


@needs_precommit
def test_commit_with_a_bad_post_is_refused_and_a_clean_one_accepted(tmp_path: Path) -> None:
    repo, env = _content_repo(tmp_path)

    (repo / "bad.md").write_text("# Tips\n\n-\nDrink water every day.\n", "utf-8")
    _run(repo, env, "git", "add", ".")
    refused = _run(repo, env, "git", "commit", "-q", "-m", "bad post")
    assert refused.returncode != 0
    assert "bad.md:3:1: error stray-bullet" in refused.stdout + refused.stderr

    (repo / "bad.md").unlink()
    (repo / "good.md").write_text("# Water\n\nWater is a drink. People drink it.\n", "utf-8")
    _run(repo, env, "git", "add", "-A")
    accepted = _run(repo, env, "git", "commit", "-q", "-m", "good post")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def _hook() -> dict[str, object]:
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert isinstance(hook, dict)
    return hook


@pytest.mark.parametrize(
    ("path", "excluded"),
    [
        ("README.md", True),
        ("docs/LICENSE.txt", True),
        ("Licence.md", True),
        ("CHANGELOG.md", True),
        ("CONTRIBUTING.md", True),
        ("requirements.txt", True),
        ("requirements-dev.txt", True),
        ("posts/readme-first-aid.md", False),
        ("posts/licensed-practical-nurses.md", False),
        ("posts/flu.txt", False),
        # Words a post's file may well be named after.
        ("posts/history.md", False),
        ("posts/security.md", False),
        ("posts/notice.md", False),
    ],
)
def test_hook_exclude_agrees_with_the_directory_walk(path: str, excluded: bool) -> None:
    from healthlint.core.formats import is_project_file

    pattern = re.compile(str(_hook()["exclude"]))
    assert bool(pattern.search(path)) is excluded
    assert is_project_file(path.rsplit("/", 1)[-1]) is excluded


@needs_precommit
def test_commit_of_repository_files_is_not_linted(tmp_path: Path) -> None:
    repo, env = _content_repo(tmp_path)
    # Each would be an error as a post (a lone list marker, no disclaimer).
    for name in ("LICENSE.txt", "README.md", "requirements.txt", "CHANGELOG.md"):
        (repo / name).write_text("# Notes\n\n-\nTake two tablets a day for pain.\n", "utf-8")
    (repo / "posts").mkdir()
    (repo / "posts" / "water.md").write_text("# Water\n\nWater is a drink.\n", "utf-8")
    _run(repo, env, "git", "add", ".")
    accepted = _run(repo, env, "git", "commit", "-q", "-m", "project files")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


@needs_precommit
def test_a_staged_file_named_like_an_option_stays_a_file_and_team_args_work(
    tmp_path: Path,
) -> None:
    repo, env = _content_repo(tmp_path)
    config = repo / ".pre-commit-config.yaml"
    # The team's own args: strict runs hype-superlative (info), and info fails the commit.
    config.write_text(
        config.read_text("utf-8") + "        args: [--preset, strict, --fail-on, info]\n",
        "utf-8",
    )
    readme = "# Our blog\n\nNotes for writers.\n"
    (repo / "README.md").write_text(readme, "utf-8")
    (repo / "--output=README.md").write_text("# Kale\n\nKale is a superfood.\n", "utf-8")
    (repo / "water.md").write_text("# Water\n\nWater is a drink.\n", "utf-8")
    _run(repo, env, "git", "add", "--", ".")
    refused = _run(repo, env, "git", "commit", "-q", "-m", "a file named like an option")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "--output=README.md:3:11: info hype-superlative" in output  # linted, as a file
    assert (repo / "README.md").read_text("utf-8") == readme


def test_hook_arguments_put_the_file_names_after_the_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from healthlint.cli import _hook_arguments, check

    monkeypatch.chdir(tmp_path)
    for name in ("--output=README.md", "a.md", ".healthlint.yaml", "strict"):
        (tmp_path / name).write_text("", "utf-8")
    split = _hook_arguments
    assert split(check, ["--preset", "strict", "--output=README.md", "a.md"]) == [
        "--preset",
        "strict",
        "--",
        "--output=README.md",
        "a.md",
    ]
    assert split(check, ["--config", ".healthlint.yaml", "-q", "a.md"]) == [
        "--config",
        ".healthlint.yaml",
        "-q",
        "--",
        "a.md",
    ]
    assert split(check, ["--output=README.md"]) == ["--", "--output=README.md"]
    assert split(check, ["--preset", "strict"]) == ["--preset", "strict", "--"]


@given(st.text(st.characters(blacklist_characters="/\\\x00"), min_size=1, max_size=12))
def test_a_walk_reads_a_file_name_as_a_path_would(name: str) -> None:
    """A directory walk tells posts and a repository's own files by the bare name, without
    making a path of it: it must read the name as ``PurePath`` does."""
    assert suffix(name) == PurePath(name).suffix.lower()
    assert is_project_name(name) == is_project_file(name)


@pytest.mark.parametrize(
    "name", ["README.md", "readme", "requirements-dev.txt", "notes.TXT", "a.", ".md", "x..md"]
)
def test_a_walk_reads_these_names_as_a_path_would(name: str) -> None:
    assert suffix(name) == PurePath(name).suffix.lower()
    assert is_project_name(name) == is_project_file(name)
