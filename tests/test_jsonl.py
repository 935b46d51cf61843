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
