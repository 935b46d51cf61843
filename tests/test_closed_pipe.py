"""A report piped into a reader that stops early (``| head -1``): healthlint stops quietly
with the exit code of what it found, never the message of a bug."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Far more output than a pipe buffers (64 kB on Linux), so the run is still writing when
# the reader goes.
RECORDS = 400


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "archive.jsonl"
    rows = (
        {"id": f"post-{n}", "text": f"<p>Onions cure headaches in week {n}.</p>"}
        for n in range(RECORDS)
    )
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), "utf-8")
    return path


def _first_line_then_close(*arguments: str) -> tuple[bytes, int, str]:
    """Run ``healthlint check`` with stdout into a pipe, read one line, close the pipe:
    the line, the exit code and stderr."""
    process = subprocess.Popen(
        [sys.executable, "-m", "healthlint", "check", "--jobs", "1", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    line = process.stdout.readline()
    process.stdout.close()
    error = process.stderr.read().decode()
    return line, process.wait(), error


@pytest.mark.parametrize("fmt", ["jsonl", "json", "text"])
def test_closed_pipe_exits_quietly_with_the_findings_code(export: Path, fmt: str) -> None:
    line, code, error = _first_line_then_close(
        "--format", fmt, "--fail-on", "warning", "--no-color", str(export)
    )
    assert line
    assert error == ""
    assert code == 1  # the findings read before the pipe closed are warnings


def test_closed_pipe_with_findings_below_the_threshold_exits_0(export: Path) -> None:
    line, code, error = _first_line_then_close("--format", "jsonl", str(export))
    assert json.loads(line)["rule"] == "unsupported-causal-claim"  # a warning
    assert (code, error) == (0, "")
