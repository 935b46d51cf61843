"""docs/rules.md and the README's sample output must match what healthlint does now."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.cli import main

DOC = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def test_rules_page_is_current() -> None:
    result = CliRunner().invoke(main, ["rules", "--markdown"])
    assert result.exit_code == 0
    if os.environ.get("HEALTHLINT_UPDATE_GOLDEN"):
        DOC.write_text(result.output, "utf-8")
    assert result.output == DOC.read_text("utf-8"), (
        "docs/rules.md is stale: run `healthlint rules --markdown > docs/rules.md`"
    )


README = DOC.parents[1] / "README.md"
# Findings that depend on today's date, which a README written once cannot match.
_DATED = ("stale-content",)


def _readme_runs() -> list[tuple[list[str], list[str]]]:
    """The README's `$ healthlint check …` blocks over the repo's examples, with their output."""
    runs = []
    for block in README.read_text("utf-8").split("```\n$ healthlint check ")[1:]:
        command, _, rest = block.partition("\n")
        args = command.split()
        if all(a.startswith("examples/") or a.startswith("-") or a == "strict" for a in args):
            runs.append((args, rest.split("\n```", 1)[0].splitlines()))
    return runs


def _comparable(lines: list[str]) -> list[str]:
    return [
        line
        for line in lines
        if not line.startswith(("Found ", "healthlint: note:"))
        and not any(f" {rule} " in line for rule in _DATED)
    ]


def test_readme_shows_current_output(monkeypatch: pytest.MonkeyPatch) -> None:
    runs = _readme_runs()
    assert len(runs) >= 2, "the README shows `healthlint check` on the example posts"
    monkeypatch.chdir(README.parent)
    for args, shown in runs:
        result = CliRunner().invoke(main, ["check", *args])
        assert _comparable(result.stdout.rstrip("\n").splitlines()) == _comparable(shown), (
            f"README output of `healthlint check {' '.join(args)}` is stale"
        )
