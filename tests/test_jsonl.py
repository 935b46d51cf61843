"""``check --format jsonl``: one finding per line, written as each file is done."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.app import run
from healthlint.app.check import CheckOptions, check
from healthlint.app.session import Session
from healthlint.cli import main
from healthlint.core.model import Finding, PostResult, Severity
from healthlint.report.jsonl import lines

CLAIM = "# Sun\n\nSun cures gout.\n"


class _Recorder:
    def __init__(self) -> None:
        self.written: list[str] = []
        self.notes: list[str] = []

    def out(self, text: str) -> None:
        self.written.append(text)

    def err(self, line: str) -> None:
        self.notes.append(line)

    def status(self, text: str) -> None:
        """No progress line in tests."""


def test_each_files_lines_are_written_before_the_next_file_is_linted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a.md", "b.md", "c.md"):
        Path(name).write_text(CLAIM, "utf-8")
    console = _Recorder()
    seen: dict[str, int] = {}
    lint_file = run._lint_file

    def observed(path: str, *args: object, **kwargs: object) -> run.FileOutcome:
        seen[path] = len(console.written)  # lines out when this file's linting starts
        return lint_file(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(run, "_lint_file", observed)
    options = CheckOptions(paths=("a.md", "b.md", "c.md"), output_format="jsonl", jobs=1)
    code = check(Session.load(start=tmp_path), options, console)
    assert code == 0  # warnings only: below the default threshold
    assert seen == {"a.md": 0, "b.md": 1, "c.md": 2}
    assert [json.loads(text)["path"] for text in console.written] == ["a.md", "b.md", "c.md"]


def test_a_line_names_its_record_only_when_there_is_one() -> None:
    finding = Finding("export.xml", "date-missing", Severity.WARNING, "No date.", 1, 4, 1, 9)
    record = PostResult("export.xml", "Sun", 1, 3, (finding,), record="https://example.org/1")
    assert lines(record) == (
        '{"path": "export.xml", "record": "https://example.org/1", "title": "Sun", '
        '"rule": "date-missing", "severity": "warning", "message": "No date.", '
        '"line": 1, "column": 4, "end_line": 1, "end_column": 9}\n'
    )
    assert lines(PostResult("export.xml", "Sun", 1, 3, ())) == ""


def test_jsonl_has_no_summary_and_the_exit_codes_of_other_formats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text(CLAIM, "utf-8")
    Path("clean.md").write_text("# Sleep\n\nMost adults sleep seven hours.\n", "utf-8")
    failing = CliRunner().invoke(main, ["check", "--format", "jsonl", "--fail-on", "warning", "."])
    assert failing.exit_code == 1
    assert [json.loads(line)["rule"] for line in failing.stdout.splitlines()] == [
        "unsupported-causal-claim"
    ]
    clean = CliRunner().invoke(main, ["check", "--format", "jsonl", "clean.md"])
    assert (clean.exit_code, clean.stdout) == (0, "")
    missing = CliRunner().invoke(main, ["check", "--format", "jsonl", "gone.md"])
    assert missing.exit_code == 2
    assert missing.stdout == ""


def test_with_output_the_file_gets_the_lines_and_the_terminal_the_text_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text(CLAIM, "utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "jsonl", "-o", "out.jsonl", "a.md"])
    assert result.exit_code == 0
    [line] = Path("out.jsonl").read_text("utf-8").splitlines()
    assert json.loads(line) == {
        "path": "a.md",
        "title": "Sun",
        "rule": "unsupported-causal-claim",
        "severity": "warning",
        "message": "'cures' states a cause and effect as fact with no source nearby: hedge "
        'it ("may", "is linked to") or cite the evidence.',
        "line": 3,
        "column": 5,
        "end_line": 3,
        "end_column": 10,
    }
    assert "1 warning" in result.stdout


def test_baselined_findings_are_left_out_of_the_stream(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text(CLAIM, "utf-8")
    CliRunner().invoke(main, ["check", "--write-baseline", "base.json", "a.md"])
    Path("b.md").write_text(CLAIM, "utf-8")
    result = CliRunner().invoke(
        main, ["check", "--format", "jsonl", "--baseline", "base.json", "a.md", "b.md"]
    )
    assert result.exit_code == 0
    assert [json.loads(line)["path"] for line in result.stdout.splitlines()] == ["b.md"]


def test_with_output_the_file_and_the_text_report_are_written_as_the_run_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a.md", "b.md", "c.md"):
        Path(name).write_text(CLAIM, "utf-8")
    Path("out.jsonl").write_text("an older report\n", "utf-8")
    console = _Recorder()
    seen: dict[str, tuple[int, str, int]] = {}
    lint_file = run._lint_file

    def observed(path: str, *args: object, **kwargs: object) -> run.FileOutcome:
        # The terminal's text so far, what out.jsonl holds, and the files written beside.
        beside = len(list(tmp_path.glob(".healthlint-out.jsonl.*.tmp")))
        seen[path] = (len(console.written), Path("out.jsonl").read_text("utf-8"), beside)
        return lint_file(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(run, "_lint_file", observed)
    options = CheckOptions(
        paths=("a.md", "b.md", "c.md"), output_format="jsonl", output=Path("out.jsonl"), jobs=1
    )
    assert check(Session.load(start=tmp_path), options, console) == 0
    old = "an older report\n"
    assert seen == {"a.md": (0, old, 1), "b.md": (1, old, 1), "c.md": (2, old, 1)}
    assert console.written[0].startswith("Sun  (a.md, lines 1-3)\na.md:3:5: warning ")
    assert console.written[-1] == "\nFound 3 problems (3 warnings) in 3 posts in 3 files.\n"
    [result] = run.lint_source("a.md", CLAIM, Session.load(start=tmp_path).ruleset())
    assert Path("out.jsonl").read_text("utf-8") == "".join(
        lines(result).replace('"a.md"', f'"{name}"') for name in ("a.md", "b.md", "c.md")
    )
    assert list(tmp_path.glob(".healthlint-*")) == []


def test_with_output_the_reports_are_those_written_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text(CLAIM, "utf-8")
    Path("b.md").write_text("# Tea\n\nTea prevents colds. Experts say so.\n", "utf-8")
    Path("clean.md").write_text("# Sleep\n\nMost adults sleep seven hours.\n", "utf-8")
    posts = ["--no-color", "a.md", "clean.md", "b.md"]
    text = CliRunner().invoke(main, ["check", *posts])
    jsonl = CliRunner().invoke(main, ["check", "--format", "jsonl", *posts])
    both = CliRunner().invoke(main, ["check", "--format", "jsonl", "-o", "out.jsonl", *posts])
    assert both.exit_code == text.exit_code == jsonl.exit_code
    assert both.stdout == text.stdout
    assert "Found 4 problems (1 error, 3 warnings) in 3 posts in 3 files." in both.stdout
    assert Path("out.jsonl").read_text("utf-8") == jsonl.stdout
    quiet = CliRunner().invoke(main, ["check", "-q", "--format", "jsonl", "-o", "q.jsonl", *posts])
    assert quiet.stdout == CliRunner().invoke(main, ["check", "-q", *posts]).stdout


def test_with_output_a_refused_path_or_a_run_that_lints_nothing_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text(CLAIM, "utf-8")
    Path("elsewhere.jsonl").write_text("kept\n", "utf-8")
    Path("link.jsonl").symlink_to("elsewhere.jsonl")
    linked = CliRunner().invoke(main, ["check", "--format", "jsonl", "-o", "link.jsonl", "a.md"])
    assert linked.exit_code == 2
    assert linked.stderr == (
        "healthlint: error: link.jsonl: a symbolic link (to elsewhere.jsonl); not replaced: "
        "name the file it points to, or another path\n"
    )
    assert Path("elsewhere.jsonl").read_text("utf-8") == "kept\n"
    missing = CliRunner().invoke(main, ["check", "--format", "jsonl", "-o", "out.jsonl", "gone.md"])
    assert missing.exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "elsewhere.jsonl", "link.jsonl"]
