"""docs/rules.md and the README's sample output must match what healthlint does now."""

from __future__ import annotations

import os
import re
import shlex
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


ROOT = DOC.parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Lines whose wording depends on today's date, which a page written once cannot match.
_AGE = re.compile(r"\(\d+ years? ago\)|Last dated \S+ \(\d+ years? ago\)")


def _shown_runs() -> list[tuple[str, str, list[str]]]:
    """Every `$ healthlint …` block of the user docs: (page, command, the lines shown)."""
    runs = []
    for page in PAGES:
        for block in page.read_text("utf-8").split("```\n$ healthlint ")[1:]:
            command, _, rest = block.partition("\n")
            runs.append((page.name, command, rest.split("```", 1)[0].splitlines()))
    return runs


def _matches(shown: list[str], printed: list[str]) -> bool:
    """Whether the printed lines are the shown ones: a line "…" stands for any lines, and a
    shown line ending in "…" for a printed line that starts with the rest of it."""
    if not shown:
        return not printed
    head, rest = shown[0], shown[1:]
    if head == "…":
        return any(_matches(rest, printed[i:]) for i in range(len(printed) + 1))
    if not printed:
        return False
    line = printed[0]
    same = line.startswith(head[:-1]) if head.endswith("…") else line == head
    return same and _matches(rest, printed[1:])


RUNS = _shown_runs()


def test_the_docs_show_commands() -> None:
    assert any(page == "README.md" for page, _, _ in RUNS)
    assert len(RUNS) >= 3


@pytest.mark.parametrize(("page", "command", "shown"), RUNS, ids=[f"{p}: {c}" for p, c, _ in RUNS])
def test_shown_output_is_current(
    page: str, command: str, shown: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = shlex.split(command)
    if any(a.startswith("../shared/") for a in args) and not (ROOT.parent / "shared").is_dir():
        pytest.skip("needs ../shared beside the project")
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    result = CliRunner().invoke(main, args)
    printed = [_AGE.sub("(N years ago)", line) for line in result.stdout.splitlines()]
    expected = [_AGE.sub("(N years ago)", line) for line in shown]
    assert _matches(expected, printed), (
        f"{page} shows stale output for `healthlint {command}`; it prints:\n{result.stdout}"
    )
