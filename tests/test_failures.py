"""Every failure is one line naming the file and exit code 2, the other files still
linted; a bug in healthlint is one line and exit code 3, so CI never takes it for
findings (1)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.cli import main

CLEAN = "# Water\n\nWater is a drink. People drink it.\n"
CLAIM = "# Gout\n\nHiking prevents gout.\n"


def _check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--no-color", *args])
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


def _one_error(stderr: str, expected: str) -> None:
    assert stderr.count("\n") == 1, stderr
    assert stderr.startswith("healthlint: error: "), stderr
    assert expected in stderr, stderr


def _rule_file(folder: Path, **changes: object) -> Path:
    """A valid pattern rule, with some keys changed, in its own folder."""
    rule: dict[str, object] = {
        "name": "house-word",
        "kind": "pattern",
        "severity": "warning",
        "message": "A house word.",
        "description": "d",
        "why": "w",
        "patterns": ["zebra"],
        "examples": {"fail": ["A zebra."], "pass": ["A horse."]},
    }
    rule.update(changes)
    folder.mkdir(parents=True, exist_ok=True)
    # JSON is YAML: each value written as JSON keeps its type.
    text = "".join(f"{key}: {json.dumps(value)}\n" for key, value in rule.items())
    (folder / "rule.yaml").write_text(text, "utf-8")
    return folder


# A bug in healthlint: exit 3, one line, the traceback only when asked for.


def _explode(*args: object, **kwargs: object) -> None:
    raise KeyError("no such thing")


def test_a_crash_is_one_line_and_exit_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "post.md").write_text(CLEAN, "utf-8")
    monkeypatch.setattr("healthlint.app.run.outcomes", _explode)
    monkeypatch.delenv("HEALTHLINT_TRACEBACK", raising=False)
    result = CliRunner().invoke(main, ["check", str(tmp_path / "post.md")])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == (
        "healthlint: internal error: KeyError: 'no such thing'. This is a bug in healthlint, "
        "not a problem in your files: please report it with the command you ran "
        "(HEALTHLINT_TRACEBACK=1 shows the traceback).\n"
    )


def test_the_traceback_of_a_crash_on_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "post.md").write_text(CLEAN, "utf-8")
    monkeypatch.setattr("healthlint.app.run.outcomes", _explode)
    monkeypatch.setenv("HEALTHLINT_TRACEBACK", "1")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "post.md")])
    assert result.exit_code == 3
    assert result.stderr.startswith("Traceback (most recent call last):\n")
    assert "in _explode" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("healthlint: internal error: KeyError")


def test_a_failing_rule_kind_in_a_real_process_exits_3(tmp_path: Path) -> None:
    """The process's own exit code, as CI sees it: a rule kind that raises (a bug) is
    neither findings nor bad input."""
    post = tmp_path / "post.md"
    post.write_text(CLAIM, "utf-8")
    script = (
        "import sys\n"
        "from healthlint.rules.kinds.pattern import PatternRule\n"
        "def check(self, post, prose):\n"
        "    raise ZeroDivisionError('oops')\n"
        "PatternRule.check = check\n"
        "from healthlint.cli import main\n"
        "sys.argv = ['healthlint', 'check', '--no-color', '--no-cache', sys.argv[1]]\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(post)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    assert "unsupported-causal-claim" in done.stdout  # the other rules still ran
    assert "internal error in rule" in done.stderr
    assert "(ZeroDivisionError: oops)" in done.stderr


# Impossible dates.


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2024-02-30", "day is out of range for month"),
        ("2024-13-01", "month must be in 1..12"),
        ("2024-01-01 25:00:00", "hour must be in 0..23"),
    ],
)
def test_an_impossible_date_in_the_config_is_one_line(
    tmp_path: Path, value: str, problem: str
) -> None:
    config = tmp_path / ".healthlint.yaml"
    config.write_text(f"fail_on: never\nchecked: {value}\n", "utf-8")
    (tmp_path / "post.md").write_text(CLEAN, "utf-8")
    code, stdout, stderr = _check("--config", str(config), str(tmp_path / "post.md"))
    assert (code, stdout) == (2, "")
    _one_error(stderr, f"{config}: line 2: invalid YAML: '{value}' is not a real date ({problem})")


def test_an_impossible_date_in_a_rule_file_is_one_line(tmp_path: Path) -> None:
    rules = _rule_file(tmp_path / "rules")
    with (rules / "rule.yaml").open("a", encoding="utf-8") as rule:
        rule.write("note: 2024-02-30\n")
    (tmp_path / "post.md").write_text(CLEAN, "utf-8")
    code, _, stderr = _check("--rules", str(rules), str(tmp_path / "post.md"))
    assert code == 2
    _one_error(
        stderr,
        f"{rules / 'rule.yaml'}: line 9: invalid YAML: '2024-02-30' is not a real date "
        "(day is out of range for month)",
    )


def test_an_impossible_date_in_front_matter_is_a_finding_about_that_post(
    tmp_path: Path,
) -> None:
    """The post is still read (its title, its author), and the date rules say its date
    cannot be read as a date; the other posts are linted as usual."""
    post = tmp_path / "post.md"
    post.write_text(
        "---\ntitle: Flu season\nauthor: Sam Writer\ndate: 2024-02-30\n---\n\n"
        "Get your flu shot early.\n",
        "utf-8",
    )
    (tmp_path / "other.md").write_text(CLAIM, "utf-8")
    code, stdout, stderr = _check("--format", "json", str(post), str(tmp_path / "other.md"))
    assert (code, stderr) == (0, "")
    report = json.loads(stdout)
    first, second = report["posts"]
    assert first["title"] == "Flu season"
    assert [f["rule"] for f in first["findings"]] == ["date-missing"]
    assert [f["rule"] for f in second["findings"]] == ["unsupported-causal-claim"]


def test_json_ld_nested_too_deeply_is_passed_over(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    deep = "[" * 100_000 + "]" * 100_000
    page.write_text(
        f'<html><head><script type="application/ld+json">{deep}</script></head>'
        "<body><p>Hiking prevents gout.</p></body></html>",
        "utf-8",
    )
    code, stdout, stderr = _check("-q", "--fail-on", "warning", str(page))
    assert (code, stderr) == (1, "")
    assert "warning unsupported-causal-claim" in stdout


# Shapes and types that are wrong.


def test_pyproject_whose_tool_is_not_a_table(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("tool = 1\n", "utf-8")
    (tmp_path / "post.md").write_text(CLEAN, "utf-8")
    code, _, stderr = _check("--config", str(config), str(tmp_path / "post.md"))
    assert code == 2
    _one_error(stderr, f"{config}: 'tool' must be a table, as [tool.healthlint] is")


def test_pyproject_nested_too_deeply(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("[tool.healthlint]\nx = " + "[" * 50_000 + "]" * 50_000 + "\n", "utf-8")
    (tmp_path / "post.md").write_text(CLEAN, "utf-8")
    code, _, stderr = _check("--config", str(config), str(tmp_path / "post.md"))
    assert code == 2
    _one_error(stderr, f"{config}: nested more than 64 levels deep")


def test_a_kind_that_is_a_list(tmp_path: Path) -> None:
    rules = _rule_file(tmp_path / "rules", kind=["pattern"])
    (tmp_path / "post.md").write_text(CLEAN, "utf-8")
    code, _, stderr = _check("--rules", str(rules), str(tmp_path / "post.md"))
    assert code == 2
    _one_error(
        stderr,
        f"{rules / 'rule.yaml'}:2: key 'kind': must be one name (one of: claim, ",
    )


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("(" * 2000 + "a" + ")" * 2000, "'" + "(" * 60 + "…': groups nested too deeply"),
        ("a{4294967296}", "'a{4294967296}': the repetition number is too large"),
    ],
)
def test_patterns_python_cannot_compile(tmp_path: Path, pattern: str, problem: str) -> None:
    rules = _rule_file(tmp_path / "rules", patterns=[pattern])
    (tmp_path / "post.md").write_text(CLEAN, "utf-8")
    code, _, stderr = _check("--no-cache", "--rules", str(rules), str(tmp_path / "post.md"))
    assert code == 2
    _one_error(
        stderr, f"{rules / 'rule.yaml'}:7: key 'patterns[0]': bad regular expression {problem}"
    )


@pytest.mark.parametrize(
    "document",
    [
        {
            "healthlint_baseline": 1,
            "findings": [{"rule": ["x"], "path": "a.md", "fingerprint": "f"}],
        },
        {
            "healthlint_baseline": 1,
            "findings": [{"rule": "x", "path": {"a": 1}, "fingerprint": "f"}],
        },
        {"healthlint_baseline": 1, "findings": [{"rule": "x", "path": "a\0b", "fingerprint": "f"}]},
        {"healthlint_baseline": 1, "findings": [["x", "a.md", "f"]]},
        {"healthlint_baseline": 1, "findings": {"x": 1}},
        [1, 2],
        {"healthlint_baseline": 1, "findings": [[[[[[[[[[]]]]]]]]]]},
    ],
)
def test_a_baseline_of_the_wrong_shape(tmp_path: Path, document: object) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps(document), "utf-8")
    (tmp_path / "post.md").write_text(CLEAN, "utf-8")
    code, _, stderr = _check("--baseline", str(baseline), str(tmp_path / "post.md"))
    assert code == 2
    _one_error(stderr, f"{baseline}: not a healthlint baseline (write one with --write-baseline)")


def test_a_baseline_nested_too_deeply(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    deep = "[" * 100_000 + "]" * 100_000
    baseline.write_text('{"healthlint_baseline": 1, "findings": ' + deep + "}", "utf-8")
    (tmp_path / "post.md").write_text(CLEAN, "utf-8")
    code, _, stderr = _check("--baseline", str(baseline), str(tmp_path / "post.md"))
    assert code == 2
    _one_error(stderr, f"{baseline}: not a healthlint baseline")


# The file system.


def test_a_folder_tree_too_deep_to_walk(tmp_path: Path) -> None:
    deep = tmp_path / "deep"
    folder = deep
    deep.mkdir()
    for _ in range(990):  # one by one: mkdir(parents=True) recurses as deep as os.walk
        folder = folder / "d"
        folder.mkdir()
    (folder / "post.md").write_text(CLAIM, "utf-8")
    (tmp_path / "other.md").write_text(CLAIM, "utf-8")
    try:
        code, stdout, stderr = _check(str(deep), str(tmp_path / "other.md"))
    finally:
        # From the bottom up: pytest's own clean-up (shutil.rmtree) recurses too.
        (folder / "post.md").unlink()
        while folder != tmp_path:
            folder.rmdir()
            folder = folder.parent
    assert code == 2
    assert f"{tmp_path / 'other.md'}:3:8: warning unsupported-causal-claim" in stdout
    _one_error(
        stderr,
        f"{deep}: folders nested too deeply to walk (hundreds of levels): "
        "the posts further down were not linted",
    )


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes")
def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    """With the results cache on, twice, on a terminal that encodes strictly: no crash, the
    name is shown with its stray byte written out (as every control character is), and the
    cache keeps no temporary files but an entry for each file."""
    posts = tmp_path / "posts"
    posts.mkdir()
    name = os.fsdecode(b"caf\xe9.md")
    (posts / name).write_text(CLAIM, "utf-8")
    (posts / "other.md").write_text(CLEAN, "utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}  # strict, unlike the C locale's
    env.pop("HEALTHLINT_NO_CACHE", None)
    report = tmp_path / "report.html"
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-m", "healthlint", "check", "--no-color", "-o", str(report), "."],
            cwd=posts,
            capture_output=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == b""
        assert b"caf\\xe9.md:3:8: warning unsupported-causal-claim" in done.stdout
        assert b"caf\\xe9.md" in report.read_bytes()
    left = [p for p in (posts / ".healthlint_cache").rglob("*") if p.suffix == ".tmp"]
    assert left == []
    assert len(list((posts / ".healthlint_cache").rglob("*.json"))) == 2


# --diff and the names git quotes.


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=60)


@pytest.mark.skipif(sys.platform == "win32", reason="tabs and quotes are not allowed in names")
def test_diff_keeps_files_whose_names_git_quotes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = [
        "my post.md",
        "tab\tpost.md",
        "café.md",
        'say "hi".md',
        "back\\slash.md",
        "plain.md",
    ]
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "config", "user.email", "t@example.org")
    _git(tmp_path, "config", "user.name", "T")
    _git(tmp_path, "config", "diff.noprefix", "true")  # a setting some users have
    for name in names:
        (tmp_path / name).write_text("# Post\n\nWater is a drink.\n", "utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "start")
    for name in names:  # a claim on line 3, changed
        (tmp_path / name).write_text("# Post\n\nHiking prevents gout.\n", "utf-8")
    (tmp_path / "new post ü.md").write_text("Hiking prevents gout.\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = _check("-q", "--fail-on", "warning", "--diff", "HEAD")
    assert (code, stderr) == (1, "")
    reported = sorted(line.split(":", 1)[0] for line in stdout.splitlines())
    assert reported == sorted([*names, "new post ü.md"])


def test_diff_does_not_take_an_added_line_for_a_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An added line that starts with "++ " is "+++ …" in the diff: still a line."""
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "config", "user.email", "t@example.org")
    _git(tmp_path, "config", "user.name", "T")
    lines = ["# Post", "", "Water is a drink.", "", "Tea is a drink.", "", "Milk is white."]
    (tmp_path / "post.md").write_text("\n".join(lines) + "\n", "utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "start")
    lines[3] = "++ other.md"
    lines[6] = "Hiking prevents gout."  # in the next hunk
    (tmp_path / "post.md").write_text("\n".join(lines) + "\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    code, stdout, _ = _check("-q", "--fail-on", "warning", "--diff", "HEAD")
    assert code == 1
    assert "post.md:7:8: warning unsupported-causal-claim" in stdout


# Files whose lines end in a lone carriage return (old Mac, some CMS exports).


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"])
def test_fix_joins_a_stray_bullet_whatever_the_line_endings(tmp_path: Path, newline: str) -> None:
    post = tmp_path / "post.md"
    lines = ["# Tea", "", "Tips:", "", "-", "Brew it cooler.", ""]
    post.write_bytes(newline.join(lines).encode())
    code, stdout, stderr = _check("--select", "stray-bullet", str(post))
    assert code == 1
    assert f"{post}:5:1: error stray-bullet" in stdout
    code, _, stderr = _check("--fix", "--select", "stray-bullet", str(post))
    assert (code, stderr) == (0, "Fixed 1 problem in 1 file.\n")
    fixed = ["# Tea", "", "Tips:", "", "- Brew it cooler.", ""]
    assert post.read_bytes() == newline.join(fixed).encode()


@pytest.mark.parametrize("newline", ["\r", "\r\n"])
def test_an_appended_disclaimer_keeps_the_file_s_line_endings(tmp_path: Path, newline: str) -> None:
    config = tmp_path / ".healthlint.yaml"
    config.write_text(
        "rules:\n  missing-disclaimer:\n    fix:\n"
        "      append: 'This post is not medical advice. Talk to your doctor.'\n",
        "utf-8",
    )
    post = tmp_path / "post.md"
    advice = " ".join(["You should walk every day and drink water with each meal."] * 15)
    post.write_bytes(f"# Walking{newline}{newline}{advice}{newline}".encode())
    args = ("--select", "missing-disclaimer", "--config", str(config), str(post))
    code, _, stderr = _check("--fix", *args)
    assert (code, stderr) == (0, "Fixed 1 problem in 1 file.\n")
    assert (
        post.read_bytes()
        == (
            f"# Walking{newline}{newline}{advice}{newline}{newline}"
            "This post is not medical advice. Talk to your doctor."
            f"{newline}"
        ).encode()
    )
    assert _check(*args)[0] == 0


@pytest.mark.parametrize(
    ("name", "content", "attributes"),
    [
        # git takes UTF-16 for binary and writes no hunks for it.
        ("utf16.md", "# Tips\n\nIntro.\n\n-\nDrink water.\n".encode("utf-16"), None),
        # A team's .gitattributes can make git show posts as binary too.
        ("plain.md", b"# Tips\n\nIntro.\n\n-\nDrink water.\n", b"*.md -diff\n"),
        # git numbers lines by LF: a file of lone CRs is one line to it.
        ("mac.md", b"# Tips\r\rIntro.\r\r-\rDrink water.\r", None),
    ],
)
def test_diff_reports_a_changed_post_git_does_not_number_as_text(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: bytes,
    attributes: bytes | None,
) -> None:
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "config", "user.email", "t@example.org")
    _git(tmp_path, "config", "user.name", "T")
    if attributes is not None:
        (tmp_path / ".gitattributes").write_bytes(attributes)
    (tmp_path / "other.md").write_text(CLEAN, "utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "start")
    (tmp_path / name).write_bytes(content)
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "a post with a stray bullet")
    monkeypatch.chdir(tmp_path)
    code, stdout, _ = _check("-q", "--select", "stray-bullet", "--diff", "HEAD~1")
    assert code == 1
    assert stdout.startswith(f"{name}:5:1: error stray-bullet ")
