from __future__ import annotations

import pytest

from conftest import Lint, where
from healthlint.parse.markdown import parse_markdown

POST = """\
---
title: "Front Matter Title"
tags: [coffee]
summary: Studies show front matter is not prose.
---

# Heading One

Hiking prevents gout.

```
Hiking cures cancer, studies show.
```

    cure = hiking("cancer")  # studies show

<!-- Studies show comments are not prose. -->

See [this page](https://example.org/studies-show-that) for more.
"""


def test_indented_prose_is_read_and_indented_code_is_not(lint: Lint) -> None:
    # A CMS that indents paragraphs by four spaces makes them a code block; a post's
    # code looks like code.
    post = (
        "# Sugar\n\nIntro.\n\n    • Hiking cures gout.\n\n    Sugar feeds gout, too.\n\n"
        "End.\n\n    if sugar > 3: gout = True\n"
    )
    findings = lint(post, select=["non-markdown-bullet", "unsupported-causal-claim"])
    assert [(f.rule, f.line, f.column) for f in findings] == [
        ("non-markdown-bullet", 5, 5),
        ("unsupported-causal-claim", 5, 14),
        ("unsupported-causal-claim", 7, 11),
    ]
    parsed = parse_markdown("p.md", post)
    assert "gout = True" not in parsed.masked


def test_each_indented_paragraph_is_judged_on_its_own() -> None:
    post = (
        "# Gout\n\nIntro.\n\n    Sugar feeds gout; cut it out.\n\n"
        "    Keep intake <25 g a day.\n\n    total = sugar + salt;\n"
    )
    parsed = parse_markdown("p.md", post)
    assert "Sugar feeds gout; cut it out." in parsed.masked
    assert "Keep intake <25 g a day." in parsed.masked
    assert "total" not in parsed.masked


def test_list_items_written_as_code_are_list_items() -> None:
    # Five spaces after "1." make the item's text an indented code block in CommonMark.
    post = parse_markdown("p.md", "# Turmeric\n\n1.     Prevents gout\n\n2.     Eases aches\n")
    items = [post.source[s.start : s.end] for s in post.list_items]
    assert items == ["Prevents gout", "Eases aches"]
    assert "Prevents gout" in post.masked


def test_front_matter_title_wins_and_front_matter_is_masked() -> None:
    post = parse_markdown("p.md", POST)
    assert post.title == "Front Matter Title"
    assert post.source[post.title_span.start : post.title_span.end] == '"Front Matter Title"'
    assert "Studies show front matter" not in post.masked
    assert len(post.masked) == len(POST)
    assert post.masked.count("\n") == POST.count("\n")


def test_code_comments_and_link_urls_are_never_linted(lint: Lint) -> None:
    findings = lint(POST)
    # The front matter names no author and no date: both are reported where the post's
    # text begins (its heading), not in the front matter.
    assert [(f.rule, f.line, f.column) for f in findings] == [
        ("byline-missing", 7, 3),
        ("date-missing", 7, 3),
        ("unsupported-causal-claim", 9, 8),
    ]


def test_first_h1_is_the_title_without_front_matter() -> None:
    post = parse_markdown("p.md", "Intro line.\n\n# The *Real* Title\n\nBody.\n")
    assert post.title == "The Real Title"


def test_link_in_paragraph_counts_as_citation(lint: Lint) -> None:
    text = "Hiking prevents gout. Read the [trial](https://example.org/t).\n"
    assert lint(text, select=["unsupported-causal-claim"]) == []


def test_footnote_reference_counts_as_citation(lint: Lint) -> None:
    text = "Studies show hiking prevents gout.[^1]\n\n[^1]: Choi H, 2007, Arthritis Rheum.\n"
    assert lint(text) == []


def test_reference_style_link_counts_as_citation(lint: Lint) -> None:
    text = "Studies show that coffee helps, see [the review][r].\n\n[r]: https://example.org\n"
    assert lint(text, select=["missing-citation"]) == []


def test_citation_in_another_paragraph_does_not_count(lint: Lint) -> None:
    text = "Hiking prevents gout.\n\nRead the [trial](https://example.org/t).\n"
    assert where(lint(text), "unsupported-causal-claim") == [(1, 8)]


def test_heading_claims_are_findings_in_a_blog_not_in_a_news_story(lint: Lint) -> None:
    text = "# Hiking prevents gout\n\nA plain sentence.\n"
    assert lint(text, genre="news") == []
    assert where(lint(text), "unsupported-causal-claim") == [(1, 10)]


def test_link_text_keeps_its_columns(lint: Lint) -> None:
    text = "Read [why hiking prevents gout](https://x.org) today. Hiking prevents gout.\n"
    # The linked sentence is sourced; the second sentence is in the same paragraph, so it is too.
    assert lint(text) == []
    post = parse_markdown("p.md", text)
    assert post.masked.index("why hiking") == text.index("why hiking")
    assert "https" not in post.masked


def test_disable_next_line(lint: Lint) -> None:
    text = (
        "<!-- healthlint-disable-next-line unsupported-causal-claim -->\n"
        "Hiking prevents gout.\n\nSun prevents gout.\n"
    )
    assert where(lint(text), "unsupported-causal-claim") == [(4, 5)]


def test_disable_next_line_for_other_rule_does_not_silence(lint: Lint) -> None:
    text = "<!-- healthlint-disable-next-line missing-citation -->\nHiking prevents gout.\n"
    assert where(lint(text), "unsupported-causal-claim") == [(2, 8)]


def test_disable_enable_block_and_all_rules(lint: Lint) -> None:
    text = (
        "Hiking prevents gout.\n\n"
        "<!-- healthlint-disable unsupported-causal-claim -->\n\n"
        "Sun prevents gout.\n\n"
        "<!-- healthlint-enable unsupported-causal-claim -->\n\n"
        "Milk prevents gout.\n\n"
        "<!-- healthlint-disable -->\n\n"
        "Water prevents gout. Studies show it.\n"
    )
    assert where(lint(text), "unsupported-causal-claim") == [(1, 8), (9, 6)]
    assert where(lint(text), "missing-citation") == []


def test_crlf_line_endings_keep_positions(lint: Lint) -> None:
    text = "# Title\r\n\r\nIntro.\r\n\r\nHiking prevents gout.\r\n"
    assert where(lint(text), "unsupported-causal-claim") == [(5, 8)]


def test_list_item_paragraphs_start_after_the_marker(lint: Lint) -> None:
    text = "- Hiking prevents gout.\n- Tea is nice.\n"
    assert where(lint(text), "unsupported-causal-claim") == [(1, 10)]


def test_unclosed_front_matter_is_text(lint: Lint) -> None:
    post = parse_markdown("p.md", "---\ntitle: x\n\nHiking prevents gout.\n")
    assert "Hiking prevents gout." in post.masked


def _paragraphs(text: str) -> list[str]:
    post = parse_markdown("post.md", text)
    return [post.masked[p.start : p.end] for p in post.paragraphs]


def test_a_cms_dump_with_one_paragraph_a_line_keeps_its_paragraphs() -> None:
    # Markdown joins lines with no blank line between them; a CMS that drops the blank
    # lines leaves one paragraph a line, each ending a sentence or a short title.
    text = (
        "Sleep is the best medicine. Most of us get too little.\n"
        "Sleep Hygiene Basics\n"
        "Keep a regular wake time. Cut caffeine after noon!\n"
        "What about melatonin?\n"
    )
    assert _paragraphs(text) == [
        "Sleep is the best medicine. Most of us get too little.",
        "Sleep Hygiene Basics",
        "Keep a regular wake time. Cut caffeine after noon!",
        "What about melatonin?",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Wrapped at a fixed width: lines end mid-sentence.
        "Coffee is one of the most studied drinks in the world and most of\n"
        "the studies find that it does no harm.\n",
        # A line that ends a sentence, then one that goes on in lower case.
        "Ask your doctor about it, e.g.\nthe dose and how long to take it.\n",
        # A blockquote and a list item stay whole.
        "> Let food be thy medicine.\n> Hippocrates said so.\n",
        # Written a sentence a line: one paragraph in Markdown, and meant as one.
        "Vitamin D deficiency is common.\nIt is linked to weaker bones.\nA review explains why.\n",
        # An abbreviation at a line's end goes on to the next line.
        "I was sceptical at first, but St.\nJohn's wort helped. It really did.\n",
    ],
)
def test_a_wrapped_paragraph_stays_whole(text: str) -> None:
    assert len(_paragraphs(text)) == 1


def test_a_link_on_another_line_of_a_cms_dump_does_not_source_a_claim(lint: Lint) -> None:
    text = (
        "Turmeric cures arthritis. My aunt swears by it.\n"
        "Keep a food diary. Note what you eat.\n"
        "Read the [NHS page on diets](https://www.nhs.uk/live-well/eat-well/).\n"
    )
    assert where(lint(text, select=["unsupported-causal-claim"]), "unsupported-causal-claim") == [
        (1, 10)
    ]
