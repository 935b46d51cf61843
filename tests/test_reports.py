"""Golden files for each report format: the exact bytes users and tools receive.

Regenerate after an intended change with ``HEALTHLINT_UPDATE_GOLDEN=1 pytest tests/test_reports.py``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.cli import main

HERE = Path(__file__).parent
INPUTS = ["fixtures/golden_post.md", "fixtures/cms_dump.txt"]


@pytest.mark.parametrize(
    ("golden", "options"),
    [
        ("report.txt", ["--no-color"]),
        ("report-quiet.txt", ["--no-color", "--quiet"]),
        ("report.json", ["--format", "json"]),
    ],
)
def test_report_matches_golden(
    golden: str, options: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(HERE)
    result = CliRunner().invoke(main, ["check", *options, *INPUTS])
    assert result.exit_code == 1, result.stderr
    path = HERE / "golden" / golden
    if os.environ.get("HEALTHLINT_UPDATE_GOLDEN"):
        path.write_text(result.output, "utf-8")
    assert result.output == path.read_text("utf-8")


def test_colour_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)
    plain = CliRunner().invoke(main, ["check", "--no-color", INPUTS[0]]).output
    assert "\x1b[" not in plain
