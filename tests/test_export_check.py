"""``healthlint check`` on CMS exports: each record linted as a post, named in every
report format, record errors reported while the rest is linted, options checked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from healthlint.cli import main

HERE = Path(__file__).parent
EXPORT = "exports/clinic_export.xml"
BEET = "https://clinic.example/beet-juice/"
SCHEMA = HERE.parents[1] / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def check(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--no-cache", *args])


@pytest.mark.parametrize(
    ("golden", "options"),
    [
        ("export.txt", ["--no-color"]),
        ("export.json", ["--format", "json"]),
        ("export.jsonl", ["--format", "jsonl"]),
        ("export.sarif", ["--format", "sarif"]),
        ("export.github", ["--format", "github"]),
        ("export.junit.xml", ["--format", "junit"]),
        ("export.html", ["--format", "html"]),
    ],
)
def test_export_report_matches_golden(
    golden: str, options: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(HERE)
    result = check(*options, EXPORT)
    assert result.exit_code == 1, result.stderr
    assert result.stderr == ""
    path = HERE / "golden" / golden
    if os.environ.get("HEALTHLINT_UPDATE_GOLDEN"):
        path.write_text(result.output, "utf-8")
    assert result.output == path.read_text("utf-8")


def test_text_report_names_the_record_and_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)
    lines = check("--no-color", EXPORT).output.splitlines()
    assert lines[0] == f"Beet juice & your blood pressure  ({EXPORT}#{BEET}, lines 1-7)"
    assert lines[1].startswith(f"{EXPORT}#{BEET}:6:38: error supplement-disease-claim ")


def test_a_classic_editor_post_is_linted_paragraph_by_paragraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The second post is bare text with blank lines, as the classic editor stores it."""
    monkeypatch.chdir(HERE)
    rows = [json.loads(line) for line in check("--format", "jsonl", EXPORT).output.splitlines()]
    found = [(r["record"], r["rule"], r["line"], r["column"]) for r in rows]
    assert ("https://clinic.example/waiting-room/", "supplement-disease-claim", 3, 38) in found


@pytest.mark.skipif(
    not SCHEMA.is_file(), reason="the shared SARIF schema is not beside this checkout"
)
def test_export_sarif_validates_and_names_the_record(monkeypatch: pytest.MonkeyPatch) -> None:
    import jsonschema

    monkeypatch.chdir(HERE)
    document = json.loads(check("--format", "sarif", EXPORT).output)
    jsonschema.validate(document, json.loads(SCHEMA.read_text("utf-8")))
    result = document["runs"][0]["results"][0]
    [location] = result["locations"]
    assert location["logicalLocations"] == [{"fullyQualifiedName": BEET}]
    # The region is the export's line where the record's <item> begins, no columns: a
    # viewer pins a region on the file's own lines, and the record's lines are not those.
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": EXPORT},
        "region": {"startLine": 10},
    }
    assert (HERE / EXPORT).read_text("utf-8").splitlines()[9] == "\t<item>"
    assert location["properties"] == {
        "recordRegion": {"startLine": 6, "startColumn": 38, "endLine": 6, "endColumn": 59}
    }
    assert result["message"]["text"].startswith(f"Record {BEET}, line 6, column 38: 'lowers ")


def test_file_reports_carry_no_record_field(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)
    document = json.loads(check("--format", "json", "fixtures/golden_post.md").output)
    assert all("record" not in post for post in document["posts"])


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


CLAIM = "Our ginger tea cures arthritis."
CALM = "The clinic opens at nine on weekdays and at ten on Saturdays."


def test_jsonl_export_with_named_fields(tmp_path: Path) -> None:
    export = write_jsonl(
        tmp_path / "posts.jsonl",
        [{"url": "https://a.example/1", "body": f"# Tea\n\n{CLAIM}\n", "name": "Tea"}],
    )
    result = check(
        "--format", "jsonl", "--select", "supplement-disease-claim",
        "--text-field", "body", "--id-field", "url", "--title-field", "name",
        "--text-format", "markdown", str(export),
    )  # fmt: skip
    assert result.exit_code == 1, result.stderr
    row = json.loads(result.output)
    assert (row["record"], row["title"], row["line"], row["column"]) == (
        "https://a.example/1", "Tea", 3, 16,
    )  # fmt: skip


def test_input_names_an_export_a_suffix_does_not(tmp_path: Path) -> None:
    export = write_jsonl(tmp_path / "posts.dump", [{"id": "a", "text": f"<p>{CLAIM}</p>"}])
    result = check("--input", "jsonl", "--select", "supplement-disease-claim", str(export))
    assert result.exit_code == 1, result.stderr
    assert f"{export}#a:1:19: error supplement-disease-claim" in result.output


def test_csv_export(tmp_path: Path) -> None:
    export = tmp_path / "posts.csv"
    export.write_text(f'id,text\nrow-1,"{CALM}"\nrow-2,"{CLAIM}"\n', "utf-8")
    result = check("--select", "supplement-disease-claim", "--text-format", "text", str(export))
    assert result.exit_code == 1, result.stderr
    assert f"{export}#row-2:1:16: error supplement-disease-claim" in result.output
    assert "in 2 posts in 1 file." in result.output


def test_sarif_and_github_point_at_the_csv_row_where_the_record_begins(tmp_path: Path) -> None:
    export = tmp_path / "posts.csv"
    export.write_text(f'id,text\nrow-1,"{CALM}\n\n{CALM}"\n\nrow-2,"{CALM}\n\n{CLAIM}"\n', "utf-8")
    args = ("--select", "supplement-disease-claim", "--text-format", "text", str(export))
    sarif = json.loads(check("--format", "sarif", *args).output)
    [result] = sarif["runs"][0]["results"]
    [location] = result["locations"]
    assert location["physicalLocation"]["region"] == {"startLine": 6}
    assert location["properties"]["recordRegion"]["startLine"] == 3
    assert result["message"]["text"].startswith("Record row-2, line 3, column 16: ")
    github = check("--format", "github", *args).output
    assert github.startswith(
        f"::error file={export},line=6,title=supplement-disease-claim (record row-2%2C line 3)::"
    )


def test_records_linted_in_several_processes_keep_their_lines_in_the_export(
    tmp_path: Path,
) -> None:
    texts = [CLAIM if n % 3 == 0 else CALM for n in range(70)]
    export = write_jsonl(
        tmp_path / "many.jsonl", [{"id": f"r{n}", "text": t} for n, t in enumerate(texts)]
    )
    args = ("--select", "supplement-disease-claim", "--format", "github", str(export))
    one, two = check("--jobs", "1", *args), check("--jobs", "2", *args)
    assert one.exit_code == two.exit_code == 1
    assert two.output == one.output
    assert [line.split(",")[1] for line in one.output.splitlines()] == [
        f"line={n + 1}" for n in range(0, 70, 3)
    ]


def test_a_record_without_an_id_is_named_by_its_number(tmp_path: Path) -> None:
    export = tmp_path / "odd.jsonl"
    export.write_text(json.dumps({"text": CALM}) + "\n" + json.dumps({"text": CLAIM}) + "\n")
    result = check("--select", "supplement-disease-claim", "--text-format", "text", str(export))
    assert result.exit_code == 1, result.stderr
    assert f"{export}#record-2:1:16: error supplement-disease-claim" in result.output


def test_a_bad_record_is_reported_and_the_others_linted(tmp_path: Path) -> None:
    export = tmp_path / "posts.jsonl"
    export.write_text(
        json.dumps({"id": "a", "text": f"<p>{CLAIM}</p>"}) + "\n{broken\n"
        + json.dumps({"id": "c", "text": f"<p>{CLAIM}</p>"}) + "\n",
        "utf-8",
    )  # fmt: skip
    result = check("--select", "supplement-disease-claim", "--no-color", str(export))
    assert result.exit_code == 2
    assert result.stderr == (
        f"healthlint: error: {export}: line 2: record 2: not valid JSON: "
        "Expecting property name enclosed in double quotes (column 2)\n"
    )
    assert f"{export}#a:1:19:" in result.output and f"{export}#c:1:19:" in result.output


def test_a_file_that_is_not_the_export_said_is_one_line(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(f"# Tea\n\n{CLAIM}\n", "utf-8")
    result = check("--input", "csv", str(post))
    assert result.exit_code == 2
    assert result.stderr == (
        f"healthlint: error: {post}: no column 'text' for the text (--text-field) in the "
        "header row (# Tea)\n"
    )
    assert result.stdout == ""


def test_a_file_named_like_json_lines_that_is_none_is_one_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes.jsonl"
    notes.write_text("# Notes\n\n" + f"{CLAIM}\n" * 500, "utf-8")
    result = check(str(notes))
    assert result.exit_code == 2
    assert result.stderr == (
        f"healthlint: error: {notes}: not JSON Lines: line 1 is not a JSON object "
        "(not valid JSON: Expecting value (column 1))\n"
    )
    assert result.stdout == ""


def test_a_broken_wordpress_export_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    text = (HERE / EXPORT).read_text("utf-8")
    broken = tmp_path / "broken.xml"
    broken.write_text(text.replace("</channel>\n</rss>\n", "<item><title>x</item>"), "utf-8")
    result = check("--select", "supplement-disease-claim", "--no-color", str(broken))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"healthlint: error: {broken}: not well-formed XML at line")
    assert result.stderr.count("\n") == 1
    assert result.output.count("error supplement-disease-claim") == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--text-field", "body", EXPORT],
            f"{EXPORT}: --text-field is for JSON Lines and CSV exports; a WordPress "
            "export's fields are fixed",
        ),
        (
            ["--text-field", "body", "fixtures/golden_post.md"],
            "--text-field is for CMS exports, and none is named (a WordPress .xml export, "
            ".jsonl, .ndjson or .csv; --input jsonl|csv|wxr for another name)",
        ),
        (
            ["--input", "jsonl", "fixtures"],
            "--input says how a file named is read: fixtures is a directory, and is never "
            "read as an export (name the export file)",
        ),
        (
            ["--fix", EXPORT],
            f"--fix rewrites files, and the records of an export ({EXPORT}) are not files: "
            "fix them in the CMS",
        ),
        (
            ["--diff", "HEAD", EXPORT],
            f"--diff keeps the lines changed in git, and the records of an export ({EXPORT}) "
            "have no lines in git: lint the export whole",
        ),
    ],
)
def test_what_cannot_apply_is_refused_in_one_line(
    args: list[str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(HERE)
    result = check(*args)
    assert result.exit_code == 2
    assert result.stderr == f"healthlint: error: {message}\n"


def test_status_is_for_wordpress_only(tmp_path: Path) -> None:
    export = write_jsonl(tmp_path / "p.jsonl", [{"id": "a", "text": CALM}])
    result = check("--status", "draft", str(export))
    assert result.exit_code == 2
    assert result.stderr == f"healthlint: error: {export}: --status is for WordPress exports only\n"


def test_a_walk_never_picks_up_an_export(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text(f"# Hours\n\n{CALM}\n", "utf-8")
    write_jsonl(tmp_path / "dump.jsonl", [{"id": "a", "text": f"<p>{CLAIM}</p>"}])
    (tmp_path / "dump.csv").write_text(f'id,text\na,"{CLAIM}"\n', "utf-8")
    result = check("--select", "supplement-disease-claim", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "in 1 post in 1 file." in result.output


def test_an_xml_file_that_is_no_wordpress_export_is_read_as_before(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(f"<rss><channel><item>{CLAIM}</item></channel></rss>\n", "utf-8")
    result = check("--select", "supplement-disease-claim", "--format", "json", str(feed))
    posts = json.loads(result.output)["posts"]
    assert [("record" in p, p["path"]) for p in posts] == [(False, str(feed))]


def test_per_path_rules_apply_by_the_exports_path(tmp_path: Path) -> None:
    (tmp_path / ".healthlint.yaml").write_text(
        "overrides:\n  - files: ['archive/*.jsonl']\n    ignore: [supplement-disease-claim]\n",
        "utf-8",
    )
    (tmp_path / "archive").mkdir()
    record = [{"id": "a", "text": f"<p>{CLAIM}</p>"}]
    write_jsonl(tmp_path / "archive" / "old.jsonl", record)
    write_jsonl(tmp_path / "new.jsonl", record)
    os.chdir(tmp_path)
    try:
        result = check("--select", "supplement-disease-claim", "archive/old.jsonl", "new.jsonl")
    finally:
        os.chdir(HERE)
    assert "new.jsonl#a:1:19:" in result.output
    assert "old.jsonl" not in result.output


def test_a_baselined_finding_stays_baselined_when_another_record_changes(tmp_path: Path) -> None:
    export = tmp_path / "posts.jsonl"
    first = [
        {"id": "A", "text": f"<p>{CLAIM}</p>"},
        {"id": "B", "text": f"<p>{CALM}</p>"},
    ]
    write_jsonl(export, first)
    baseline = tmp_path / "baseline.json"
    os.chdir(tmp_path)
    try:
        wrote = check(
            "--select", "supplement-disease-claim", "--write-baseline", str(baseline), str(export)
        )
        assert wrote.output == f"Wrote 1 finding to {baseline}.\n"
        # B is rewritten, and now says what A says: A's finding stays baselined, B's is new.
        write_jsonl(export, [first[0], {"id": "B", "text": f"<p>{CALM}</p><p>{CLAIM}</p>"}])
        result = check(
            "--select", "supplement-disease-claim", "--baseline", str(baseline), "--no-color",
            str(export),
        )  # fmt: skip
    finally:
        os.chdir(HERE)
    assert result.exit_code == 1
    assert f"{export}#B:1:87: error supplement-disease-claim" in result.output
    assert f"{export}#A:" not in result.output
    assert "1 baselined finding not shown." in result.output


def test_records_linted_in_several_processes_come_out_in_order(tmp_path: Path) -> None:
    texts = [CLAIM if n % 3 == 0 else CALM for n in range(70)]
    export = write_jsonl(
        tmp_path / "many.jsonl", [{"id": f"r{n}", "text": t} for n, t in enumerate(texts)]
    )
    args = ("--select", "supplement-disease-claim", "--format", "jsonl", str(export))
    one, two = check("--jobs", "1", *args), check("--jobs", "2", *args)
    assert one.exit_code == two.exit_code == 1
    assert two.output == one.output
    assert [json.loads(line)["record"] for line in one.output.splitlines()] == [
        f"r{n}" for n in range(0, 70, 3)
    ]


def test_an_export_is_not_kept_in_the_results_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The results cache holds files' results; an export's records are never stored."""
    monkeypatch.delenv("HEALTHLINT_NO_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "posts.jsonl", [{"id": "a", "text": f"<p>{CLAIM}</p>"}])
    (tmp_path / "post.md").write_text(f"# Tea\n\n{CLAIM}\n", "utf-8")

    def entries() -> int:
        return len(list((tmp_path / ".healthlint_cache").rglob("*.json")))

    result = CliRunner().invoke(main, ["check", "--jobs", "1", "posts.jsonl"])
    assert result.exit_code == 1, result.stderr
    assert entries() == 0
    CliRunner().invoke(main, ["check", "--jobs", "1", "post.md", "posts.jsonl"])
    assert entries() == 1
