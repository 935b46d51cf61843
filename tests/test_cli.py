"""The command line as users and CI see it: exit codes, streams, options."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint import __version__
from healthlint.cli import main

BAD = "# Coffee\n\nHiking prevents gout.\n\n-\nDrink water.\n"
CLEAN = "# Water\n\nWater is a drink. People drink it.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    (tmp_path / "bad.md").write_text(BAD, "utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, "utf-8")
    return tmp_path


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_python_dash_m(posts: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "healthlint", "check", str(posts / "clean.md")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "No problems found in 1 post in 1 file." in done.stdout


def test_exit_1_on_error_finding(runner: CliRunner, posts: Path) -> None:
    result = runner.invoke(main, ["check", "--no-color", str(posts / "bad.md")])
    assert result.exit_code == 1
    assert f"{posts / 'bad.md'}:5:1: error stray-bullet" in result.output


def test_exit_0_on_clean_post(runner: CliRunner, posts: Path) -> None:
    result = runner.invoke(main, ["check", str(posts / "clean.md")])
    assert result.exit_code == 0
    assert result.output == "No problems found in 1 post in 1 file.\n"


@pytest.mark.parametrize(
    ("fail_on", "code"), [("never", 0), ("error", 1), ("warning", 1), ("info", 1)]
)
def test_fail_on(runner: CliRunner, posts: Path, fail_on: str, code: int) -> None:
    result = runner.invoke(main, ["check", "--fail-on", fail_on, str(posts / "bad.md")])
    assert result.exit_code == code


def test_fail_on_warning_with_only_warnings(runner: CliRunner, posts: Path) -> None:
    path = str(posts / "bad.md")
    assert runner.invoke(main, ["check", "--ignore", "stray-bullet", path]).exit_code == 0
    args = ["check", "--ignore", "stray-bullet", "--fail-on", "warning", path]
    assert runner.invoke(main, args).exit_code == 1


def test_select(runner: CliRunner, posts: Path) -> None:
    args = ["check", "--format", "json", "--select", "unsupported-causal-claim", str(posts)]
    result = runner.invoke(main, args)
    report = json.loads(result.output)
    rules = {f["rule"] for p in report["posts"] for f in p["findings"]}
    assert rules == {"unsupported-causal-claim"}
    assert result.exit_code == 0  # a warning does not reach the default --fail-on error


def test_unknown_rule_in_select_is_a_usage_error(runner: CliRunner, posts: Path) -> None:
    result = runner.invoke(main, ["check", "--select", "nope", str(posts)])
    assert result.exit_code == 2
    assert (
        result.stderr
        == "healthlint: error: --select: unknown rule 'nope' (see `healthlint rules`)\n"
    )


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_misspelt_rule_option_suggests_the_closest_rule(
    runner: CliRunner, posts: Path, option: str
) -> None:
    result = runner.invoke(main, ["check", option, "mixed-bullets,stray-bullets", str(posts)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"healthlint: error: {option}: unknown rule 'stray-bullets' "
        "(did you mean 'stray-bullet'?)\n"
    )


def test_directory_is_walked(runner: CliRunner, posts: Path) -> None:
    (posts / "notes.bin").write_bytes(b"\x00\x01")
    (posts / ".hidden").mkdir()
    (posts / ".hidden" / "x.md").write_text(BAD, "utf-8")
    result = runner.invoke(main, ["check", "--format", "json", str(posts)])
    paths = [p["path"] for p in json.loads(result.output)["posts"]]
    assert paths == [str(posts / "bad.md"), str(posts / "clean.md")]


def test_a_walk_leaves_out_the_repository_files_but_a_named_one_is_linted(
    runner: CliRunner, posts: Path
) -> None:
    for name in ("README.md", "LICENSE.txt", "CHANGELOG.md", "requirements-dev.txt"):
        (posts / name).write_text(BAD, "utf-8")
    (posts / "readme-first-aid.md").write_text(BAD, "utf-8")
    result = runner.invoke(main, ["check", "--format", "json", str(posts)])
    paths = [p["path"] for p in json.loads(result.output)["posts"]]
    # "readme-first-aid.md" is a post whose name only starts like one.
    assert paths == [str(posts / n) for n in ("bad.md", "clean.md", "readme-first-aid.md")]
    named = runner.invoke(main, ["check", "--format", "json", str(posts / "README.md")])
    assert [p["path"] for p in json.loads(named.output)["posts"]] == [str(posts / "README.md")]


def test_stdin(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--no-color", "-"], input=BAD)
    assert result.exit_code == 1
    assert "<stdin>:5:1: error stray-bullet" in result.output


def test_stdin_filename_picks_format(runner: CliRunner) -> None:
    page = "<article>\n<p>-</p>\n<p>Coffee is a drink people like.</p>\n</article>"
    result = runner.invoke(main, ["check", "--stdin-filename", "x.html", "-"], input=page)
    assert "x.html:2:4: error stray-bullet" in result.output


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "missing.md: no such file or directory"),
        (lambda p: (p / "missing.md").mkdir(), "missing.md: no posts found in this directory"),
        (lambda p: (p / "missing.md").write_bytes(b"caf\xe9\n"), "not valid UTF-8 at byte 3"),
        (lambda p: (p / "missing.md").write_bytes(b"\x00\x01\x02"), "looks like a binary file"),
    ],
)
def test_input_errors_are_one_line_and_exit_2(
    runner: CliRunner, tmp_path: Path, setup: object, message: str
) -> None:
    assert callable(setup)
    setup(tmp_path)
    result = runner.invoke(main, ["check", str(tmp_path / "missing.md")])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("healthlint: error: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_one_bad_file_does_not_stop_the_others(runner: CliRunner, posts: Path) -> None:
    result = runner.invoke(main, ["check", str(posts / "nope.md"), str(posts / "bad.md")])
    assert result.exit_code == 2
    assert "stray-bullet" in result.stdout
    assert "nope.md: no such file or directory" in result.stderr


def test_bad_rule_file_is_exit_2(runner: CliRunner, posts: Path, tmp_path: Path) -> None:
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "r.yaml").write_text("name: r\nkind: pattern\nsevrity: info\n", "utf-8")
    result = runner.invoke(main, ["check", "--rules", str(rules), str(posts)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"healthlint: error: {rules / 'r.yaml'}:3: unknown key 'sevrity' "
        "(did you mean 'severity'?)\n"
    )


def test_user_rule_from_rules_dir_runs(runner: CliRunner, tmp_path: Path) -> None:
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "superfood.yaml").write_text(
        "name: superfood\nkind: pattern\nseverity: error\nwords: [superfood]\n"
        "message: \"Say what it contains instead of '{match}'.\"\n"
        "description: Marketing words.\n"
        "examples: {fail: [Kale is a superfood.], pass: [Kale is green.]}\n",
        "utf-8",
    )
    post = tmp_path / "kale.md"
    post.write_text("# Kale\n\nKale is a Superfood.\n", "utf-8")
    result = runner.invoke(main, ["check", "--rules", str(rules), str(post)])
    assert result.exit_code == 1
    assert (
        f"{post}:3:11: error superfood Say what it contains instead of 'Superfood'."
        in result.output
    )


def test_config_file_option_and_bad_config(runner: CliRunner, posts: Path) -> None:
    config = posts / "cfg.yaml"
    config.write_text("ignore: [stray-bullet]\n", "utf-8")
    result = runner.invoke(main, ["check", "--config", str(config), str(posts / "bad.md")])
    assert result.exit_code == 0
    config.write_text("ignor: [stray-bullet]\n", "utf-8")
    result = runner.invoke(main, ["check", "--config", str(config), str(posts / "bad.md")])
    assert result.exit_code == 2
    assert result.stderr == (
        f"healthlint: error: {config}:1: unknown key 'ignor' (did you mean 'ignore'?)\n"
    )


def test_config_found_from_working_directory(
    runner: CliRunner, posts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (posts / ".healthlint.yaml").write_text("fail_on: never\n", "utf-8")
    monkeypatch.chdir(posts)
    assert runner.invoke(main, ["check", "bad.md"]).exit_code == 0


def test_quiet_prints_only_findings(runner: CliRunner, posts: Path) -> None:
    result = runner.invoke(main, ["check", "-q", str(posts / "bad.md")])
    lines = result.output.splitlines()
    assert lines and all(line.startswith(str(posts / "bad.md")) for line in lines)


def test_no_paths_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 2
    assert "no paths given" in result.stderr


def test_rules_table(runner: CliRunner) -> None:
    result = runner.invoke(main, ["rules"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["rule", "kind", "severity", "preset", "on", "about"]
    rows = [line.split() for line in lines[1:] if line and not line.startswith(" ")]
    by_name = {row[0]: row for row in rows[:-1]}
    assert by_name["stray-bullet"][:5] == ["stray-bullet", "layout", "error", "recommended", "yes"]
    assert by_name["reviewer-missing"][:5] == [
        "reviewer-missing",
        "metadata",
        "info",
        "strict",
        "-",
    ]
    assert len(by_name) >= 25
    sources = [line.strip() for line in lines if line.startswith(" ")]
    assert len(sources) == len(by_name)
    assert all(line.startswith("source: ") for line in sources)
    assert lines[-1].endswith(
        "rules run with preset 'recommended' (--preset strict runs them all)."
    )


def test_rules_table_marks_what_the_strict_preset_runs(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HEALTHLINT_LANGUAGETOOL_URL", raising=False)
    result = runner.invoke(main, ["rules", "--preset", "strict"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    rows = [line.split() for line in lines[1:-3] if line[:1].isalpha()]
    assert len(rows) >= 25
    # Every rule runs, but grammar needs a LanguageTool server, and none is named.
    assert {row[0]: row[4] for row in rows if row[4] != "yes"} == {"grammar": "n/a"}
    assert lines[-2].startswith(f"{len(rows) - 1} of {len(rows)} rules run with preset 'strict'")
    assert lines[-1].startswith("n/a: grammar cannot run here: no LanguageTool server")


def test_explain(runner: CliRunner) -> None:
    result = runner.invoke(main, ["explain", "missing-citation"])
    assert result.exit_code == 0
    assert result.output.startswith("missing-citation (claim, warning)\n")
    assert "Why:" in result.output
    assert "Fires on:" in result.output
    assert "Studies have shown that fasting resets the immune system." in result.output


def test_explain_unknown_rule(runner: CliRunner) -> None:
    result = runner.invoke(main, ["explain", "nope"])
    assert result.exit_code == 2
    assert "unknown rule 'nope'" in result.stderr


def test_explain_a_misspelt_rule_suggests_the_closest(runner: CliRunner) -> None:
    result = runner.invoke(main, ["explain", "reading-levl"])
    assert result.exit_code == 2
    assert result.stderr == (
        "healthlint: error: unknown rule 'reading-levl' (did you mean 'reading-level'?)\n"
    )
