"""The Python API (healthlint.api): the same findings as the command line, as plain data."""

from __future__ import annotations

import json
import multiprocessing
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from healthlint import api
from healthlint.api import HealthlintError, Linter, Metadata, PostReport, Record, Span
from healthlint.cli import main

POST = "# Sun and gout\n\nSun cures gout. Doctors say so.\n"
CAUSAL = (
    "'cures' states a cause and effect as fact with no source nearby: hedge it "
    '("may", "is linked to") or cite the evidence.'
)


@pytest.fixture(scope="module")
def linter(tmp_path_factory: pytest.TempPathFactory) -> Linter:
    # Started in a folder of its own: no config file of the checkout applies.
    return Linter.from_config(start=tmp_path_factory.mktemp("api"), preset="strict")


def test_lint_text_gives_plain_posts_with_the_json_reports_fields(linter: Linter) -> None:
    [post] = linter.lint_text(POST, name="gout.md")
    assert (post.path, post.record, post.title, post.line, post.end_line) == (
        "gout.md",
        "",
        "Sun and gout",
        1,
        3,
    )
    assert [
        (f.rule, f.severity, f.line, f.column, f.end_line, f.end_column) for f in post.findings
    ] == [
        ("unsupported-causal-claim", "warning", 3, 5, 3, 10),
        ("weasel-attribution", "warning", 3, 17, 3, 28),
    ]
    assert post.findings[0].message == CAUSAL
    assert post.findings[0].as_dict() == {
        "path": "gout.md",
        "record": "",
        "rule": "unsupported-causal-claim",
        "severity": "warning",
        "message": CAUSAL,
        "line": 3,
        "column": 5,
        "end_line": 3,
        "end_column": 10,
    }


def test_as_dict_has_the_json_reports_names_and_record(
    linter: Linter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("gout.md").write_text(POST, "utf-8")
    result = CliRunner().invoke(
        main, ["check", "--format", "json", "--preset", "strict", "gout.md"]
    )
    assert result.exit_code == 0, result.stderr
    [reported] = json.loads(result.stdout)["posts"]
    [post] = linter.lint_text(POST, name="gout.md")
    mine = post.as_dict()
    assert (mine.pop("record"), mine.pop("record_line")) == ("", 0)
    for finding in mine["findings"]:
        assert (finding.pop("path"), finding.pop("record")) == ("gout.md", "")
    assert mine == reported


def test_the_format_comes_from_the_name_or_is_given(linter: Linter) -> None:
    text = "<h1>Sun and gout</h1><p>Sun cures gout.</p>"
    [as_html] = linter.lint_text(text, format="html")
    assert as_html.title == "Sun and gout"
    assert [f.rule for f in as_html.findings] == ["unsupported-causal-claim"]
    [by_name] = linter.lint_text(text, name="page.html")
    assert by_name.findings == tuple(
        type(f)(**{**f.as_dict(), "path": "page.html"}) for f in as_html.findings
    )
    with pytest.raises(ValueError, match="format must be one of markdown, html, text"):
        linter.lint_text(text, format="docx")


def test_lint_paths_finds_files_as_check_does_and_names_those_it_cannot_read(
    linter: Linter, tmp_path: Path
) -> None:
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "gout.md").write_text(POST, "utf-8")
    (tmp_path / "posts" / "notes.py").write_text("print('not a post')\n", "utf-8")
    run = linter.lint_paths([tmp_path / "posts", tmp_path / "gone.md"])
    assert [(p.path, [f.rule for f in p.findings]) for p in run.posts] == [
        (str(tmp_path / "posts" / "gout.md"), ["unsupported-causal-claim", "weasel-attribution"])
    ]
    assert [e.path for e in run.errors] == [str(tmp_path / "gone.md")]


def test_records_are_linted_one_at_a_time_with_the_exports_title_and_metadata(
    linter: Linter,
) -> None:
    pulled: list[str] = []

    def records() -> Iterator[Record]:
        for number in (1, 2):
            pulled.append(f"post-{number}")
            yield Record(
                id=f"https://example.org/post-{number}",
                text="<p>Sun cures gout.</p>",
                format="html",
                title=f"Post {number}",
                meta=Metadata(Span(0, 0), author="Ann Lee", published="2024-05-01"),
            )

    reports = linter.lint_records(records(), source="export.xml")
    first = next(reports)
    assert pulled == ["post-1"]  # the second record is not read before the first's post
    assert (first.path, first.record, first.title) == (
        "export.xml",
        "https://example.org/post-1",
        "Post 1",
    )
    # byline-missing and date-missing read the export's author and date.
    assert [(f.rule, f.record, f.line, f.column) for f in first.findings] == [
        ("reviewer-missing", "https://example.org/post-1", 1, 4),
        ("unsupported-causal-claim", "https://example.org/post-1", 1, 8),
    ]
    assert first.record_line == 0  # these records do not say where they begin
    assert [p.record for p in reports] == ["https://example.org/post-2"]


def test_a_record_without_title_or_metadata_keeps_its_texts_own(linter: Linter) -> None:
    record = Record(
        id="42", text="---\nauthor: Ann Lee\n---\n# Sun\n\nSun cures gout.\n", format="markdown"
    )
    [post] = linter.lint_records([record], source="posts.jsonl")
    assert post.title == "Sun"
    assert "byline-missing" not in [f.rule for f in post.findings]


def test_config_errors_raise_the_line_the_cli_prints(tmp_path: Path) -> None:
    config = tmp_path / ".healthlint.yaml"
    config.write_text("preset: everything\n", "utf-8")
    with pytest.raises(HealthlintError) as raised:
        Linter.from_config(config)
    result = CliRunner().invoke(main, ["check", "--config", str(config), str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"healthlint: error: {raised.value}\n"


def test_config_is_found_upwards_from_start(tmp_path: Path) -> None:
    (tmp_path / ".healthlint.yaml").write_text("ignore: [weasel-attribution]\n", "utf-8")
    (tmp_path / "posts").mkdir()
    linter = Linter.from_config(start=tmp_path / "posts", preset="strict")
    [post] = linter.lint_text(POST, name=str(tmp_path / "posts" / "gout.md"))
    assert [f.rule for f in post.findings] == ["unsupported-causal-claim"]


def _lint_pickled(data: bytes) -> list[PostReport]:
    linter: Linter = pickle.loads(data)
    return linter.lint_text(POST, name="gout.md")


def test_a_linter_pickled_into_a_fresh_process_gives_the_same_findings(linter: Linter) -> None:
    results = pickle.loads(pickle.dumps(linter.lint_text(POST, name="gout.md")))
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        there = pool.apply(_lint_pickled, (pickle.dumps(linter),))
    assert there == results
    assert there[0].findings


def test_everything_exported_is_importable() -> None:
    assert sorted(api.__all__) == api.__all__
    for name in api.__all__:
        assert getattr(api, name) is not None


EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "exports"


def _check_json(*arguments: str) -> list[tuple[str, str, list[tuple[str, int, int]]]]:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "1", *arguments])
    assert result.exit_code in (0, 1), result.output
    return [
        (
            p["path"],
            p.get("record", ""),
            [(f["rule"], f["line"], f["column"]) for f in p["findings"]],
        )
        for p in json.loads(result.stdout)["posts"]
    ]


def _posts(run: api.LintRun) -> list[tuple[str, str, list[tuple[str, int, int]]]]:
    return [(p.path, p.record, [(f.rule, f.line, f.column) for f in p.findings]) for p in run.posts]


def test_lint_paths_reads_a_named_export_as_check_does(tmp_path: Path) -> None:
    linter = Linter.from_config(start=tmp_path)
    wordpress = str(EXAMPLES / "wordpress.xml")
    run = linter.lint_paths([wordpress])
    assert run.errors == []
    assert [p.record for p in run.posts] == [
        "https://riverside.example/hydration/",
        "https://riverside.example/ginger-shots/",
    ]
    assert _posts(run) == _check_json(wordpress)


def test_lint_paths_takes_checks_export_options(tmp_path: Path) -> None:
    linter = Linter.from_config(start=tmp_path)
    export = str(EXAMPLES / "posts.jsonl")
    options = api.ExportOptions(
        text_field="body", id_field="url", title_field="headline", text_format="text"
    )
    run = linter.lint_paths([export], exports=options)
    assert ("https://riverside.example/cold-remedies/", "What helps with a cold") in [
        (p.record, p.title) for p in run.posts
    ]
    assert _posts(run) == _check_json(
        export,
        *("--text-field", "body", "--id-field", "url", "--title-field", "headline"),
        *("--text-format", "text"),
    )
    with pytest.raises(HealthlintError, match="--status is for WordPress exports only"):
        linter.lint_paths([export], exports=api.ExportOptions(statuses=("draft",)))


def test_read_export_gives_records_and_the_errors_of_those_it_cannot_read(
    linter: Linter, tmp_path: Path
) -> None:
    export = tmp_path / "archive.ndjson"
    export.write_text(
        '{"url": "a", "body": "Sun cures gout."}\nnot json\n{"url": "b", "body": "Rain."}\n',
        "utf-8",
    )
    items = list(api.read_export(export, api.ExportOptions(text_field="body", id_field="url")))
    assert [type(item).__name__ for item in items] == ["Record", "RecordError", "Record"]
    first, error, last = items
    assert isinstance(first, Record) and isinstance(last, Record)
    assert (first.id, first.text, first.format, last.id) == ("a", "Sun cures gout.", "html", "b")
    assert isinstance(error, api.RecordError)
    assert (error.number, error.line) == (2, 2)
    records = [item for item in items if isinstance(item, Record)]
    reports = list(linter.lint_records(records, source=str(export)))
    assert [(p.record, p.record_line, [f.rule for f in p.findings]) for p in reports] == [
        ("a", 1, ["unsupported-causal-claim"]),
        ("b", 3, []),
    ]


def test_read_export_refuses_what_is_no_export_before_reading(tmp_path: Path) -> None:
    with pytest.raises(HealthlintError, match=r"notes\.txt: not a CMS export by its name"):
        api.read_export(tmp_path / "notes.txt")
    with pytest.raises(HealthlintError, match=r"a\.csv: --post-type is for WordPress exports"):
        api.read_export(tmp_path / "a.csv", api.ExportOptions(post_types=("page",)))
    rows = api.read_export(tmp_path / "gone.txt", api.ExportOptions(input="jsonl"))
    with pytest.raises(HealthlintError, match=r"gone\.txt: no such file"):
        next(rows)


def test_a_linter_pickles_to_the_same_size_after_linting(tmp_path: Path) -> None:
    linter = Linter.from_config(start=tmp_path, preset="strict")
    fresh = len(pickle.dumps(linter))
    # Posts that fill the rules' lazily built state: the myths, the facts, the lexicons.
    found = linter.lint_text("Garlic cures colds. Experts say so.\n\nVitamin C prevents flu.")
    linter.lint_text("<p>Zinc cures colds.</p>", name="page.html")
    assert len(pickle.dumps(linter)) == fresh
    assert fresh < 400_000
    copy = pickle.loads(pickle.dumps(linter))
    assert copy.lint_text("Garlic cures colds. Experts say so.\n\nVitamin C prevents flu.") == found


def test_the_loaded_rules_are_not_public_fields(linter: Linter) -> None:
    assert not hasattr(linter, "session")
    assert not hasattr(linter, "ruleset")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda linter: linter.lint_paths("site"),
            "paths takes a list of names, not one: ['site']",
        ),
        (
            lambda linter: linter.lint_paths(Path("site")),
            "paths takes a list of names, not one: [PosixPath('site')]",
        ),
        (
            lambda _: Linter.from_config(select="known-myth"),
            "select takes a list of names, not one: ['known-myth']",
        ),
        (
            lambda _: Linter.from_config(ignore="known-myth"),
            "ignore takes a list of names, not one: ['known-myth']",
        ),
        (
            lambda _: Linter.from_config(rule_dirs="team-rules"),
            "rule_dirs takes a list of names, not one: ['team-rules']",
        ),
    ],
)
def test_one_string_where_a_list_goes_is_refused(linter: Linter, call: Any, message: str) -> None:
    with pytest.raises(TypeError) as raised:
        call(linter)
    assert str(raised.value) == message
