"""What CI uses: --output, baselines and --diff."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.cli import main

BAD = "# Coffee\n\nHiking prevents gout.\n\n-\nDrink water.\n"


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_output_file_gets_the_report_and_terminal_the_text(tmp_path: Path) -> None:
    post = tmp_path / "bad.md"
    post.write_text(BAD, "utf-8")
    out = tmp_path / "report.json"
    code, stdout, _ = _invoke("check", "--format", "json", "-o", str(out), "--no-color", str(post))
    assert code == 1
    assert json.loads(out.read_text("utf-8"))["summary"]["errors"] == 1
    assert f"{post}:5:1: error stray-bullet" in stdout
    assert "Found 2 problems" in stdout
    assert not list(tmp_path.glob(".report.json.*"))  # no temporary file left behind


def test_baseline_hides_known_findings_and_survives_edits_elsewhere(tmp_path: Path) -> None:
    post = tmp_path / "bad.md"
    post.write_text(BAD, "utf-8")
    baseline = tmp_path / "baseline.json"
    code, stdout, _ = _invoke("check", "--write-baseline", str(baseline), str(post))
    assert code == 0
    assert stdout == f"Wrote 2 findings to {baseline}.\n"
    recorded = json.loads(baseline.read_text("utf-8"))["findings"]
    assert {e["rule"] for e in recorded} == {"stray-bullet", "unsupported-causal-claim"}

    # New text above the old findings moves them down; they stay baselined.
    post.write_text(
        "# Coffee\n\nA new first paragraph.\n\n" + BAD.split("\n\n", 1)[1] + "\nTea cures gout.\n",
        "utf-8",
    )
    code, stdout, _ = _invoke(
        "check", "--no-color", "--fail-on", "warning", "--baseline", str(baseline), str(post)
    )
    assert code == 1
    assert "unsupported-causal-claim 'cures'" in stdout
    assert "'prevents'" not in stdout
    assert "stray-bullet" not in stdout
    assert "2 baselined findings not shown." in stdout


def test_baseline_counts_copies(tmp_path: Path) -> None:
    post = tmp_path / "p.md"
    post.write_text("Hiking prevents gout.\n", "utf-8")
    baseline = tmp_path / "b.json"
    _invoke("check", "--write-baseline", str(baseline), str(post))
    post.write_text("Hiking prevents gout.\n\nHiking prevents gout.\n", "utf-8")
    _, stdout, _ = _invoke("check", "--no-color", "-q", "--baseline", str(baseline), str(post))
    assert stdout.count("unsupported-causal-claim") == 1


@pytest.mark.parametrize("content", [None, "not json", '{"findings": 3}'])
def test_bad_baseline_is_exit_2(tmp_path: Path, content: str | None) -> None:
    post = tmp_path / "p.md"
    post.write_text("Hello.\n", "utf-8")
    baseline = tmp_path / "b.json"
    if content is not None:
        baseline.write_text(content, "utf-8")
    code, _, stderr = _invoke("check", "--baseline", str(baseline), str(post))
    assert code == 2
    assert stderr.startswith(f"healthlint: error: {baseline}: ")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "config", "user.email", "t@example.org")
    _git(tmp_path, "config", "user.name", "T")
    (tmp_path / "old.md").write_text("Hiking prevents gout.\n", "utf-8")
    (tmp_path / "edited.md").write_text("Sun prevents gout.\n\nSome text.\n", "utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "start")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_diff_reports_only_changed_lines_of_changed_files(repo: Path) -> None:
    (repo / "edited.md").write_text("Sun prevents gout.\n\nMilk prevents gout.\n", "utf-8")
    (repo / "new.md").write_text("Water prevents gout.\n", "utf-8")
    code, stdout, _ = _invoke("check", "--no-color", "-q", "--fail-on", "warning", "--diff", "HEAD")
    assert code == 1
    assert stdout.splitlines() == [
        line for line in stdout.splitlines() if line.startswith(("edited.md:3:", "new.md:1:"))
    ]
    assert "edited.md:3:6: warning unsupported-causal-claim" in stdout
    assert "new.md:1:7: warning unsupported-causal-claim" in stdout
    assert "old.md" not in stdout


def test_diff_with_nothing_changed_is_clean(repo: Path) -> None:
    code, stdout, _ = _invoke("check", "--changed-since", "HEAD")
    assert code == 0
    assert stdout == "No problems found in 0 posts in 0 files.\n"


def test_diff_errors(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    code, _, stderr = _invoke("check", "--diff", "no-such-ref")
    assert code == 2
    assert "unknown git revision 'no-such-ref'" in stderr
    outside = tmp_path_factory.mktemp("outside")
    import os

    os.chdir(outside)
    code, _, stderr = _invoke("check", "--diff", "HEAD", ".")
    assert code == 2
    assert "not inside a git repository" in stderr
