"""Post metadata: author, dates and reviewer from front matter, HTML meta tags, JSON-LD and
a "By …" line, and the rules that judge it."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import Lint, where
from healthlint.core.metadata import Metadata, parse_date
from healthlint.parse import parse_document


def _meta(name: str, text: str) -> Metadata:
    meta = parse_document(name, text).posts[0].meta
    assert meta is not None
    return meta


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-01", dt.date(2024, 3, 1)),
        ("2024-03-01T10:00:00Z", dt.date(2024, 3, 1)),
        ("2024/3/9", dt.date(2024, 3, 9)),
        ("1 October 2024", dt.date(2024, 10, 1)),
        ("Oct. 7, 2024", dt.date(2024, 10, 7)),
        ("March 2021", dt.date(2021, 3, 1)),
        ("2024-02-30", None),
        ("soon", None),
        ("", None),
    ],
)
def test_parse_date(value: str, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_front_matter_aliases() -> None:
    meta = _meta(
        "post.md",
        "---\nAuthors: [Ana Ruiz, Tom Lee]\ndatePublished: 2023-01-05\nlast_modified: "
        "2024-06-01\nmedically_reviewed_by: Dr. Kim\nreviewed: 2024-06-02\n---\n\nText.\n",
    )
    assert meta.declared
    assert meta.author == "Ana Ruiz, Tom Lee"
    assert meta.published == "2023-01-05"
    assert meta.updated == "2024-06-01"
    assert meta.reviewer == "Dr. Kim"
    assert meta.reviewed == "2024-06-02"
    assert meta.newest_date(("published", "updated")) == dt.date(2024, 6, 1)


def test_front_matter_with_a_key_given_twice_is_still_read() -> None:
    # A CMS export may repeat a field: the post is the writer's, not a file to refuse.
    meta = _meta("post.md", "---\nauthor: Ana Ruiz\nauthor: Tom Lee\n---\n\nText.\n")
    assert meta.author == "Tom Lee"


def test_markdown_without_front_matter_declares_nothing_but_reads_a_byline() -> None:
    meta = _meta("post.md", "# Sleep\n\nBy Jane Doe\n\nSleep helps.\n")
    assert not meta.declared
    assert meta.author == "By Jane Doe"


def test_html_meta_tags_and_json_ld() -> None:
    html = (
        "<html><head><title>T</title>"
        '<meta name="author" content="Ana Ruiz">'
        '<meta property="article:published_time" content="2022-04-01T08:00:00Z">'
        '<script type="application/ld+json">{"@graph": [{"@type": "MedicalWebPage", '
        '"dateModified": "2024-01-10", "reviewedBy": {"@type": "Person", "name": "Dr. Kim"}, '
        '"lastReviewed": "2024-01-09"}]}</script>'
        "</head><body><article><h1>T</h1><p>Text.</p></article></body></html>"
    )
    meta = _meta("page.html", html)
    assert meta.declared
    assert (meta.author, meta.published, meta.updated) == (
        "Ana Ruiz",
        "2022-04-01T08:00:00Z",
        "2024-01-10",
    )
    assert (meta.reviewer, meta.reviewed) == ("Dr. Kim", "2024-01-09")


def test_plain_text_has_no_metadata() -> None:
    assert parse_document("dump.txt", "Title\n\nText.\n").posts[0].meta is None


BODY = "Walking every day is good for you. " * 3


def test_byline_and_date_missing_point_at_the_start_of_the_body(lint: Lint) -> None:
    # About the whole post: shown where its text begins, not in the front matter.
    findings = lint(f"---\ntitle: Walking\n---\n\n{BODY}\n")
    assert where(findings, "byline-missing") == [(5, 1)]
    assert where(findings, "date-missing") == [(5, 1)]


def test_unparseable_date_is_missing(lint: Lint) -> None:
    findings = lint(f"---\nauthor: Ana\ndate: someday\n---\n\n{BODY}\n")
    assert where(findings, "date-missing") == [(6, 1)]
    assert where(findings, "byline-missing") == []


def test_bare_draft_is_not_judged(lint: Lint) -> None:
    findings = lint(f"# Walking\n\n{BODY}\n")
    assert where(findings, "byline-missing") == []
    assert where(findings, "date-missing") == []


def test_stale_content_is_measured_from_the_newest_date(lint: Lint) -> None:
    old = f"---\nauthor: Ana\ndate: 2015-01-01\n---\n\n{BODY}\n"
    updated = f"---\nauthor: Ana\ndate: 2015-01-01\nupdated: {dt.date.today()}\n---\n\n{BODY}\n"
    assert where(lint(old, select=["stale-content"]), "stale-content") == [(6, 1)]
    assert where(lint(updated, select=["stale-content"]), "stale-content") == []
