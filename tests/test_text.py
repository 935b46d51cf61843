from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Lint, where
from healthlint.parse import parse_document
from healthlint.parse.text import parse_text

FIXTURE = Path(__file__).parent / "fixtures" / "cms_dump.txt"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_fe043706b50956dc.txt"


def test_cms_dump_splits_into_three_posts_at_title_lines() -> None:
    document = parse_document(str(FIXTURE), FIXTURE.read_text("utf-8"))
    assert [p.title for p in document.posts] == [
        "Green Tea and the Heart: A Gentle Guide for Everyday Readers",
        "Walking After Meals: Small Steps With Surprising Payoffs",
        "Salt Swaps That Keep Dinner Tasty Without the Sodium",
    ]


def test_subheadings_ending_in_colon_do_not_start_posts() -> None:
    posts = parse_text("x.txt", FIXTURE.read_text("utf-8"))
    first = posts[0]
    heading_texts = [first.source[h.start : h.end] for h in first.headings]
    assert "What Is in a Cup:" in heading_texts
    assert "How to Enjoy It:" in heading_texts


def test_cms_dump_findings(lint: Lint) -> None:
    findings = lint(FIXTURE.read_text("utf-8"), name="dump.txt")
    assert where(findings, "stray-bullet") == [(8, 1), (10, 1)]
    assert where(findings, "missing-citation") == [(4, 71)]
    assert where(findings, "unsupported-causal-claim") == [(5, 58)]
    assert where(findings, "truncated-text") == [(14, 121), (16, 113)]
    # Two "–" and two "-": Markdown's "-" sets the style, though "–" came first.
    assert where(findings, "mixed-bullets") == [(5, 1), (6, 1)]
    assert where(findings, "reading-level") == [(1, 1)]
    assert where(findings, "missing-disclaimer") == []


def test_hard_wrapped_lines_join_into_one_paragraph() -> None:
    text = "Plain Title For A Post\nThis sentence is wrapped\nacross two lines. And another one.\n"
    (post,) = parse_text("x.txt", text)
    bodies = [post.source[p.start : p.end] for p in post.paragraphs if p not in post.headings]
    assert bodies == ["This sentence is wrapped\nacross two lines. And another one."]


def test_text_without_title_is_one_post() -> None:
    (post,) = parse_text("x.txt", "just some words. more words here.\n")
    assert post.title == "just some words. more words here."
    assert post.title_span is None


def test_empty_text_is_one_empty_post() -> None:
    (post,) = parse_text("x.txt", "")
    assert post.paragraphs == ()


@pytest.mark.skipif(not SEED.is_file(), reason="the shared seed is not beside this checkout")
def test_seed_file_meets_the_acceptance_criteria(lint: Lint) -> None:
    text = SEED.read_text("utf-8")
    document = parse_document(str(SEED), text)
    assert len(document.posts) == 3
    assert document.posts[0].title.startswith("The Mischievous Link")
    assert document.posts[1].title.startswith("Don’t Sugarcoat It")
    assert document.posts[2].title.startswith("Feast and Fast")
    findings = lint(text, name="seed.txt")
    assert [line for line, _ in where(findings, "stray-bullet")] == [11, 13, 15, 17]
    # "emerging evidence suggests" (line 2) and "has shown promise" (line 12) appeal to
    # research they do not name.
    assert [line for line, _ in where(findings, "missing-citation")] == [2, 5, 12, 14]
    assert [line for line, _ in where(findings, "truncated-text")] == [22, 24]
    assert any(line <= 20 for line, _ in where(findings, "unsupported-causal-claim"))
    assert where(findings, "reading-level") == [(1, 1)]
    assert where(findings, "missing-disclaimer") == []
