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
        ("report.jsonl", ["--format", "jsonl"]),
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


def test_a_record_whose_line_in_the_export_is_unknown_has_none_in_sarif_or_github() -> None:
    """A ``Record`` made by hand (the API) may not say where it begins: its result is
    about the export file as a whole rather than on a line it is not on."""
    import json

    from healthlint.core.model import Finding, PostResult, Severity
    from healthlint.report import Report, Summary, render

    args = ("posts.jsonl", "r", Severity.INFO, "Said.", 2, 5, 2, 9, "f")
    for record_line, place in ((0, ""), (4, "line=4,")):
        finding = Finding(*args, record="a", record_line=record_line)
        result = PostResult("posts.jsonl", "T", 1, 2, (finding,), "a", record_line)
        report = Report([result], Summary.of([result], 1))
        assert render("github", report) == (
            f"::notice file=posts.jsonl,{place}title=r (record a%2C line 2)::Said.\n"
        )
        [location] = json.loads(render("sarif", report))["runs"][0]["results"][0]["locations"]
        region = {"region": {"startLine": 4}} if record_line else {}
        assert location["physicalLocation"] == {
            "artifactLocation": {"uri": "posts.jsonl"},
            **region,
        }
        assert location["properties"] == {
            "recordRegion": {"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 9}
        }


def test_cli_and_report_agree_on_formats() -> None:
    from healthlint import cli, report

    assert cli.FORMATS == report.FORMATS


# A post with front matter whose advice (over 120 words) has no disclaimer.
_ADVICE_POST = (
    "---\ntitle: Ginger Tea\nauthor: Ana Diaz\ndate: 2024-05-01\n---\n\n# Ginger Tea\n\n"
    + "You should drink a glass of water with each meal and try a short walk after dinner. " * 8
    + "\n"
)


@pytest.mark.parametrize(
    ("fmt", "shown"),
    [
        ("text", "post.md:7:3: error missing-disclaimer"),
        ("json", '"line": 7, "column": 3, "end_line": 7, "end_column": 13}'),
        ("sarif", '"region": {"startLine": 7, "startColumn": 3, "endLine": 7, "endColumn": 13}'),
        ("github", "file=post.md,line=7,col=3,endLine=7,endColumn=13,title=missing-disclaimer"),
        ("junit", ">post.md:7:3: error missing-disclaimer"),
        ("html", '<a href="#f1">7:3</a>'),
    ],
)
def test_post_level_findings_open_the_body_in_every_format(
    fmt: str, shown: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "post.md").write_text(_ADVICE_POST, "utf-8")
    monkeypatch.chdir(tmp_path)
    options = ["--select", "missing-disclaimer", "--format", fmt, "--no-color", "post.md"]
    result = CliRunner().invoke(main, ["check", *options])
    assert result.exit_code == 1, result.stderr
    assert shown in result.output
    # Not the front matter's "title: Ginger Tea" (line 2).
    assert "post.md:2:" not in result.output and '"startLine": 2' not in result.output


def test_post_level_fingerprints_are_those_of_the_title_line(tmp_path: Path) -> None:
    """A baseline keeps matching a post-level finding: its fingerprint is still worked out
    from the line that names the post, not from the line it is shown on."""
    import hashlib
    import json

    post = tmp_path / "post.md"
    post.write_text(_ADVICE_POST, "utf-8")
    baseline = tmp_path / "baseline.json"
    args = ["check", "--select", "missing-disclaimer", "--write-baseline", str(baseline)]
    CliRunner().invoke(main, [*args, str(post)])
    recorded = json.loads(baseline.read_text("utf-8"))["findings"]
    title_line = "missing-disclaimer\0title: Ginger Tea\0Ginger Tea"
    expected = hashlib.sha256(title_line.encode()).hexdigest()[:20]
    assert [e["fingerprint"] for e in recorded] == [expected]

    # Rewording the heading the finding is shown on does not wake it up.
    post.write_text(_ADVICE_POST.replace("# Ginger Tea", "# Why Ginger Tea Helps"), "utf-8")
    result = CliRunner().invoke(
        main, ["check", "--select", "missing-disclaimer", "--baseline", str(baseline), str(post)]
    )
    assert result.exit_code == 0, result.output
    assert "1 baselined finding not shown." in result.output
