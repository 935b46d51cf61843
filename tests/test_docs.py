"""docs/rules.md is generated from the rule files and must be kept current."""

from __future__ import annotations

import os
from pathlib import Path

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
