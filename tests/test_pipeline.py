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


# Advice in the second person, long enough (over 120 words) for missing-disclaimer to ask
# for a disclaimer.
ADVICE = "You should drink a glass of water with each meal and try a short walk after dinner. " * 8
DISCLAIMER = "This is not medical advice; talk to your doctor before you change your routine."
NO_DISCLAIMER = (
    "error missing-disclaimer This post gives health advice but has no medical disclaimer: "
    'add a line such as "This is not medical advice; talk to your doctor before making '
    'changes."'
)
FRONT = "---\ntitle: Ginger Tea\nauthor: Ana Diaz\ndate: 2024-05-01\n---\n\n"


def _commit(repo: Path, **files: str) -> None:
    for name, text in files.items():
        (repo / name).write_text(text, "utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "posts")


def _diff_check(*args: str) -> tuple[int, str]:
    code, stdout, _ = _invoke(
        "check", "--no-color", "-q", "--select", "missing-disclaimer", *args, "--diff", "HEAD"
    )
    return code, stdout


def test_diff_reports_a_disclaimer_the_change_removed(repo: Path) -> None:
    _commit(
        repo,
        **{
            "ginger.md": f"{FRONT}# Ginger Tea\n\n{ADVICE}\n\n{DISCLAIMER}\n",
            "untouched.md": f"{FRONT}# Untouched\n\n{ADVICE}\n",
        },
    )
    (repo / "ginger.md").write_text(f"{FRONT}# Ginger Tea\n\n{ADVICE}\n", "utf-8")
    code, stdout = _diff_check()
    assert code == 1
    # Placed where the post's text begins (its heading, line 7), not on the front matter's
    # title line; the untouched post lacks a disclaimer too, and is not reported.
    assert stdout == f"ginger.md:7:3: {NO_DISCLAIMER}\n"


def test_diff_gives_a_post_level_finding_to_the_post_of_a_dump_that_changed(
    repo: Path,
) -> None:
    first = f"Ginger Tea for an Upset Stomach\n{ADVICE}\n{DISCLAIMER}\n"
    second = f"Walking After Dinner Helps Your Digestion\n{ADVICE}\n"
    _commit(repo, **{"dump.txt": f"{first}\n{second}"})

    # Rewording a sentence of the second post: its missing disclaimer is reported there.
    reworded = second.replace("a short walk", "a slow walk", 1)
    (repo / "dump.txt").write_text(f"{first}\n{reworded}", "utf-8")
    assert _diff_check() == (1, f"dump.txt:5:1: {NO_DISCLAIMER}\n")

    # Deleting the first post's disclaimer: the first post only, though the second lacks
    # one as well.
    stripped = first.replace(f"{DISCLAIMER}\n", "")
    (repo / "dump.txt").write_text(f"{stripped}\n{second}", "utf-8")
    assert _diff_check() == (1, f"dump.txt:1:1: {NO_DISCLAIMER}\n")


def test_diff_leaves_post_level_findings_of_an_unchanged_post_out(repo: Path) -> None:
    _commit(repo, **{"dump.txt": f"Walking After Dinner Helps Your Digestion\n{ADVICE}\n"})
    (repo / "other.md").write_text("# Other\n\nSome new text.\n", "utf-8")
    assert _diff_check() == (0, "")


def _baselined_run(baseline: Path, where: str) -> tuple[int, str, str]:
    return _invoke("check", "--no-color", "-q", "--baseline", str(baseline), where)


def test_a_baseline_works_from_any_folder_of_the_repository(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "posts").mkdir()
    (repo / "posts" / "bad.md").write_text(BAD, "utf-8")
    from_root, from_posts = repo / "from-root.json", repo / "from-posts.json"
    assert _invoke("check", "--write-baseline", str(from_root), "posts")[0] == 0
    monkeypatch.chdir(repo / "posts")
    assert _invoke("check", "--write-baseline", str(from_posts), ".")[0] == 0

    # The same entries, with paths from the top of the checkout (as a run from the root
    # has always written them).
    assert from_posts.read_text("utf-8") == from_root.read_text("utf-8")
    recorded = json.loads(from_root.read_text("utf-8"))["findings"]
    assert {e["path"] for e in recorded} == {"posts/bad.md"}

    # Written from the root, read from posts/; written from posts/, read from the root.
    assert _baselined_run(from_root, "bad.md") == (0, "", "")
    monkeypatch.chdir(repo)
    assert _baselined_run(from_posts, "posts/bad.md") == (0, "", "")
    assert _baselined_run(from_posts, str(repo / "posts")) == (0, "", "")


def test_baseline_paths_start_at_the_config_file_s_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".healthlint.yml").write_text("fail_on: warning\n", "utf-8")
    (tmp_path / "posts" / "health").mkdir(parents=True)
    (tmp_path / "posts" / "health" / "bad.md").write_text(BAD, "utf-8")
    baseline = tmp_path / "baseline.json"
    monkeypatch.chdir(tmp_path / "posts")
    assert _invoke("check", "--write-baseline", str(baseline), "health")[0] == 0
    recorded = json.loads(baseline.read_text("utf-8"))["findings"]
    assert {e["path"] for e in recorded} == {"posts/health/bad.md"}
    monkeypatch.chdir(tmp_path / "posts" / "health")
    assert _baselined_run(baseline, "bad.md") == (0, "", "")


def test_a_baseline_naming_files_that_are_not_there_says_so(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "posts").mkdir()
    (repo / "posts" / "bad.md").write_text(BAD, "utf-8")
    baseline = repo / "baseline.json"
    _invoke("check", "--write-baseline", str(baseline), "posts")
    # Recorded from posts/ by an earlier healthlint, which wrote paths from the folder
    # it ran in.
    stale = baseline.read_text("utf-8").replace('"posts/bad.md"', '"bad.md"')
    baseline.write_text(stale, "utf-8")
    monkeypatch.chdir(repo / "posts")
    code, stdout, stderr = _invoke("check", "--no-color", "-q", "--baseline", str(baseline), ".")
    assert code == 1
    assert "stray-bullet" in stdout
    assert stderr == (
        f"healthlint: note: {baseline} names 1 file not found under the project root "
        f"{repo.resolve()} (first: bad.md): moved, deleted, or recorded from another folder "
        "by an older healthlint. Their findings cannot match; write the baseline again "
        "with --write-baseline.\n"
    )


def test_writing_a_baseline_of_one_finding_says_one_finding(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("# Tips\n\n-\nDrink water.\n", "utf-8")
    baseline = tmp_path / "baseline.json"
    result = CliRunner().invoke(main, ["check", "--write-baseline", str(baseline), str(post)])
    assert result.stdout == f"Wrote 1 finding to {baseline}.\n"
