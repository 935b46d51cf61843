"""docs/ci.md: its workflow parses, and its healthlint commands run on the example posts."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from healthlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "ci.md").read_text("utf-8")


def _workflow() -> dict[str, object]:
    block = re.search(r"```yaml\n(.*?)```", DOC, re.DOTALL)
    assert block, "docs/ci.md has no yaml block"
    loaded = yaml.safe_load(block.group(1))
    assert isinstance(loaded, dict)
    return loaded


def _commands() -> list[str]:
    steps = _workflow()["jobs"]["healthlint"]["steps"]  # type: ignore[index]
    runs = [s["run"] for s in steps if "run" in s]
    runs += re.findall(r"^(healthlint check .*)$", DOC, re.MULTILINE)
    return [r for r in runs if r.startswith("healthlint ")]


def test_workflow_is_valid_yaml_with_the_expected_steps() -> None:
    workflow = _workflow()
    steps = workflow["jobs"]["healthlint"]["steps"]  # type: ignore[index]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("github/codeql-action/upload-sarif") for u in uses)
    assert len(_commands()) == 4


def _in_git_checkout() -> bool:
    done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, check=False)
    return done.returncode == 0


@pytest.mark.parametrize("command", _commands())
def test_recipe_commands_run_on_the_example_posts(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if "--diff" in command and not _in_git_checkout():
        pytest.skip("--diff needs a git checkout")
    monkeypatch.chdir(ROOT)
    command = command.replace("origin/${{ github.base_ref }}", "HEAD")
    command = command.replace("posts/", "examples/")
    command = command.replace("healthlint.sarif", str(tmp_path / "healthlint.sarif"))
    command = command.replace(".healthlint-baseline.json", str(tmp_path / "baseline.json"))
    if "--baseline" in command:
        CliRunner().invoke(
            main, ["check", "--write-baseline", str(tmp_path / "baseline.json"), "examples/"]
        )
    result = CliRunner().invoke(main, shlex.split(command)[1:])
    assert result.exit_code in (0, 1), result.stderr
    assert result.stderr == ""
