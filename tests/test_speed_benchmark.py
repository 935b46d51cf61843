"""The helpers of ``benchmarks/speed.py`` that read the tools' output and build the ratio
table. Nothing here runs a tool or times anything."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _speed() -> ModuleType:
    spec = importlib.util.spec_from_file_location("speed", ROOT / "benchmarks" / "speed.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


SPEED = _speed()


def test_a_measured_run_is_read_from_its_line() -> None:
    assert SPEED.parse_measure("1.25 0.75 40960 1\n") == SPEED.Run(1.25, 0.75, 40960, 1)


def test_healthlint_findings_are_summed_from_the_summary() -> None:
    report = {
        "posts": [],
        "summary": {"files": 2, "posts": 3, "errors": 1, "warnings": 4, "info": 2},
    }
    assert SPEED.healthlint_findings(json.dumps(report), 2) == 7
    with pytest.raises(ValueError, match="linted 2 files of 5"):
        SPEED.healthlint_findings(json.dumps(report), 5)


def test_proselint_findings_are_counted_over_every_file() -> None:
    diagnostic = {"check_path": "misc.greylist", "message": "Use of 'utilize'.", "pos": [3, 1]}
    report = {
        "result": {
            "file:///tmp/a.md": {"diagnostics": [diagnostic, diagnostic]},
            "file:///tmp/b.md": {"diagnostics": []},
        }
    }
    assert SPEED.proselint_findings(json.dumps(report), 2) == 2
    with pytest.raises(ValueError, match="linted 2 files of 3"):
        SPEED.proselint_findings(json.dumps(report), 3)


@pytest.mark.parametrize(
    "summary",
    ["Summary: 3 error(s)", "Summary: 3 issues in 1 file"],
)
def test_markdownlint_findings_come_from_its_summary(summary: str) -> None:
    stdout = (
        "markdownlint-cli2 v0.22.1 (markdownlint v0.40.0)\n"
        "Finding: /tmp/x/posts/*.md\n"
        "Linting: 2 file(s)\n"
        f"{summary}\n"
    )
    assert SPEED.markdownlint_findings(stdout, 2) == 3


def test_markdownlint_that_linted_other_files_is_not_counted() -> None:
    stdout = "Finding: /tmp/x/posts/*.md\nLinting: 0 file(s)\nSummary: 0 error(s)\n"
    with pytest.raises(ValueError, match="linted 0 files of 2"):
        SPEED.markdownlint_findings(stdout, 2)
    with pytest.raises(ValueError, match="no 'Linting:'"):
        SPEED.markdownlint_findings("npm error could not determine executable to run\n", 2)


def test_ratio_rows_divide_files_per_cpu_second_and_show_the_target() -> None:
    rates = {
        ("healthlint", "stories"): 150.0,
        ("healthlint", "blogs"): 30.0,
        ("proselint", "stories"): 50.0,
        ("proselint", "blogs"): 20.0,
        ("markdownlint-cli2", "stories"): 200.0,
    }
    pairs = [("healthlint", "proselint"), ("healthlint", "markdownlint-cli2")]
    rows = SPEED.ratio_rows(rates, ["stories", "blogs"], pairs)
    assert rows == [
        ["healthlint / proselint", "3.00x", "1.50x", ">= 3x"],
        ["healthlint / markdownlint-cli2", "0.75x", "-", ">= 1x"],
    ]


def test_table_aligns_names_left_and_figures_right() -> None:
    text = SPEED.table(
        ["tool", "corpus", "files/CPU-s"],
        [["proselint", "blogs", "52"], ["healthlint", "stories", "141"]],
        left=2,
    )
    assert text.splitlines() == [
        "tool        corpus   files/CPU-s",
        "proselint   blogs             52",
        "healthlint  stories          141",
    ]


def test_without_node_markdownlint_is_left_out_with_a_note(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(SPEED.shutil, "which", lambda name: None)
    assert SPEED._markdownlint_command(None) == (
        "markdownlint-cli2: Node is not installed (npm install markdownlint-cli2 to compare)"
    )


def test_markdownlint_is_found_in_the_folder_it_was_installed_in(tmp_path: Path) -> None:
    program = tmp_path / "node_modules" / ".bin" / "markdownlint-cli2"
    assert SPEED._markdownlint_command(tmp_path) == f"markdownlint-cli2: not at {tmp_path}"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n", "utf-8")
    assert SPEED._markdownlint_command(tmp_path) == [str(program)]
