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
        ("report.sarif", ["--format", "sarif"]),
        ("report.github", ["--format", "github"]),
        ("report.junit.xml", ["--format", "junit"]),
        ("report.html", ["--format", "html"]),
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


SCHEMA = HERE.parents[1] / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.mark.skipif(
    not SCHEMA.is_file(), reason="the shared SARIF schema is not beside this checkout"
)
def test_sarif_validates_against_the_official_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    import jsonschema

    monkeypatch.chdir(HERE)
    result = CliRunner().invoke(main, ["check", "--format", "sarif", *INPUTS])
    document = json.loads(result.output)
    jsonschema.validate(document, json.loads(SCHEMA.read_text("utf-8")))
    run = document["runs"][0]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "unsupported-causal-claim" in ids and ids == sorted(ids)
    first = run["results"][0]
    assert first["ruleId"] == ids[first["ruleIndex"]]
    assert set(first["locations"][0]["physicalLocation"]["region"]) == {
        "startLine",
        "startColumn",
        "endLine",
        "endColumn",
    }


def test_fingerprints_are_stable_across_runs_and_edits_elsewhere(tmp_path: Path) -> None:
    import json

    post = tmp_path / "p.md"
    post.write_text("# T\n\nHiking prevents gout.\n", "utf-8")

    def prints() -> list[str]:
        out = CliRunner().invoke(main, ["check", "--format", "sarif", str(post)]).output
        return [
            r["partialFingerprints"]["healthlint/v1"] for r in json.loads(out)["runs"][0]["results"]
        ]

    first = prints()
    assert first and first == prints()
    post.write_text("# T\n\nA new opening paragraph.\n\nHiking prevents gout.\n", "utf-8")
    assert prints() == first


def test_github_annotations_escape_their_values() -> None:
    from healthlint.core.model import Finding, PostResult, Severity
    from healthlint.report import Report, Summary, render

    finding = Finding("a,b:c.md", "r", Severity.INFO, "50% done\nnext", 1, 2, 1, 3, "f")
    result = PostResult("a,b:c.md", "T", 1, 1, (finding,))
    text = render("github", Report([result], Summary.of([result], 1)))
    assert text == (
        "::notice file=a%2Cb%3Ac.md,line=1,col=2,endLine=1,endColumn=3,title=r::50%25 done%0Anext\n"
    )


def test_cli_and_report_agree_on_formats() -> None:
    from healthlint import cli, report

    assert cli.FORMATS == report.FORMATS
