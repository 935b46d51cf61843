from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Lint, where
from healthlint.parse.html import parse_html

PAGE = """\
<!doctype html>
<html><head><title>Site | Page title</title>
<style>p { content: "Studies show"; }</style></head>
<body>
<nav><a href="/">Home</a> Studies show our menu works.</nav>
<header><p>Hiking prevents gout, says the banner.</p></header>
<article>
  <h1>Coffee &amp; Gout</h1>
  <p>Hiking prevents gout.
     Studies show this.</p>
  <p>Sun prevents gout, as a <a href="https://example.org">trial</a> showed.</p>
  <aside>Studies show asides are not the article.</aside>
  <script>var s = "Hiking prevents gout.";</script>
</article>
<footer>Studies show footers are not prose.</footer>
</body></html>
"""


def test_only_the_article_is_linted_with_html_file_positions(lint: Lint) -> None:
    findings = lint(PAGE, name="page.html")
    # The page names no author and no date: both are reported where the article's text
    # begins (its heading), not in the page's head.
    assert [(f.rule, f.line, f.column) for f in findings] == [
        ("byline-missing", 8, 7),
        ("date-missing", 8, 7),
        ("unsupported-causal-claim", 9, 13),
        ("missing-citation", 10, 6),
    ]


def test_title_from_first_h1_with_entities_decoded() -> None:
    assert parse_html("p.html", PAGE).title == "Coffee & Gout"


def test_title_falls_back_to_title_element() -> None:
    page = "<html><head><title>Only Title</title></head><body><p>Text.</p></body></html>"
    assert parse_html("p.html", page).title == "Only Title"


def test_main_is_used_when_there_is_no_article(lint: Lint) -> None:
    page = "<body><div>Hiking prevents gout.</div><main><p>Sun prevents gout.</p></main></body>"
    assert where(lint(page, name="p.html"), "unsupported-causal-claim") == [(1, 52)]


def test_body_minus_chrome_when_there_is_no_article_or_main(lint: Lint) -> None:
    page = (
        "<body>\n<nav>Hiking prevents gout.</nav>\n<p>Sun prevents gout.</p>\n"
        "<footer>Milk prevents gout.</footer>\n</body>"
    )
    assert where(lint(page, name="p.html"), "unsupported-causal-claim") == [(3, 8)]


def test_lone_dash_paragraph_is_a_stray_bullet(lint: Lint) -> None:
    page = "<article>\n<p>Tips:</p>\n<p>-</p>\n<p>Drink water every day.</p>\n</article>"
    assert where(lint(page, name="p.html"), "stray-bullet") == [(3, 4)]


def test_masked_text_keeps_length_and_newlines() -> None:
    post = parse_html("p.html", PAGE)
    assert len(post.masked) == len(PAGE)
    assert post.masked.count("\n") == PAGE.count("\n")
    assert "<" not in post.masked


def test_suppression_comment_in_html(lint: Lint) -> None:
    page = (
        "<article>\n<!-- healthlint-disable-next-line unsupported-causal-claim -->\n"
        "<p>Hiking prevents gout.</p>\n</article>"
    )
    assert lint(page, name="p.html") == []


def test_malformed_html_does_not_break_parsing(lint: Lint) -> None:
    page = "<article><p>Hiking prevents gout.<p>Sun <b>prevents <i>gout.</article><div"
    assert where(lint(page, name="p.html"), "unsupported-causal-claim") == [(1, 20), (1, 44)]


# WordPress's classic editor stores a post's paragraphs as bare text between blank lines.
CLASSIC = """\
The pharmacy down the road now sells elderberry gummies.

Its shelf card says the gummies cure the flu, a claim no gummy
can back up.

<p>Ask us before you buy <em>any</em> remedy.</p>
Bring the box along.
"""


def test_bare_text_of_a_fragment_is_paragraphs_split_at_blank_lines() -> None:
    post = parse_html("post.html", CLASSIC)
    assert [CLASSIC[p.start : p.end] for p in post.paragraphs] == [
        "The pharmacy down the road now sells elderberry gummies.",
        "Its shelf card says the gummies cure the flu, a claim no gummy\ncan back up.",
        "Ask us before you buy <em>any</em> remedy.",
        "Bring the box along.",
    ]
    # Nothing is rewritten: the prose is where it is in the source, tags masked.
    assert post.masked[: len("The pharmacy")] == "The pharmacy"
    assert post.masked.index("Ask us") == CLASSIC.index("Ask us")
    assert "<em>" not in post.masked


def test_a_classic_editor_post_is_linted_at_its_own_lines(lint: Lint) -> None:
    findings = lint(CLASSIC, name="post.html", select=["supplement-disease-claim"])
    assert where(findings, "supplement-disease-claim") == [(3, 33)]


def test_bare_text_in_body_is_split_at_blank_lines_too() -> None:
    page = "<html><body>\nFirst thought here.\n\nSecond <b>thought</b> here.\n</body></html>\n"
    post = parse_html("page.html", page)
    assert [page[p.start : p.end] for p in post.paragraphs] == [
        "First thought here.",
        "Second <b>thought</b> here.",
    ]


def test_text_in_elements_is_read_as_before_whatever_its_blank_lines() -> None:
    page = "<div>One line of a div.\n\nThe same div goes on.</div>\n"
    post = parse_html("page.html", page)
    assert [page[p.start : p.end] for p in post.paragraphs] == [
        "One line of a div.\n\nThe same div goes on."
    ]


# A block inside an inline element: the text around the block is the paragraphs of the
# element holding it (the fragment, or the enclosing block), ended where the block starts.
@pytest.mark.parametrize(
    ("page", "paragraphs"),
    [
        (
            '<span style="font-size:12pt">Intro line.\n<p>Tea cures colds.</p>\nOutro.</span>',
            ["Intro line.", "Tea cures colds.", "Outro."],
        ),
        (
            'Intro.\n<a name="x"><p>Tea cures colds.</p></a>\nMore bare text.',
            ["Intro.", "Tea cures colds.", "More bare text."],
        ),
        (
            "<html><head><title>x</title></head><p>Tea cures colds.</p>\nLoose</html>",
            ["x", "Tea cures colds.", "Loose"],
        ),
        (
            "<div>Intro.<span><p>Tea cures colds.</p></span>Outro.</div>",
            ["Intro.", "Tea cures colds.", "Outro."],
        ),
    ],
)
def test_a_block_inside_an_inline_element_ends_the_paragraph_around_it(
    page: str, paragraphs: list[str]
) -> None:
    post = parse_html("post.html", page)
    assert [page[p.start : p.end] for p in post.paragraphs] == paragraphs


def test_a_claim_in_a_block_inside_an_inline_element_is_reported_once(lint: Lint) -> None:
    page = "<span>Intro line.\n<p>Echinacea cures colds.</p>\nOutro.</span>"
    findings = lint(page, name="post.html", select=["supplement-disease-claim"])
    assert where(findings, "supplement-disease-claim") == [(2, 14)]


_TAGS = ["p", "div", "span", "a", "b", "li", "ul", "h2", "td", "blockquote", "nav", "body"]
_TEXTS = st.sampled_from(["Tea.", "Warm milk", "\n", "\nSoup.\n\nRest.", " ", "&amp;", "<br>"])
# Nestings of elements with text around each child, and stray tags that leave some open or
# close what is not open, as pasted and hand-edited posts have.
_NESTINGS = st.recursive(
    _TEXTS,
    lambda children: st.tuples(
        st.sampled_from(_TAGS), st.lists(children, max_size=4), st.booleans()
    ).map(lambda t: f"<{t[0]}>{''.join(t[1])}{f'</{t[0]}>' if t[2] else ''}"),
    max_leaves=20,
)
_STRAYS = st.sampled_from(_TAGS).flatmap(lambda tag: st.sampled_from([f"<{tag}>", f"</{tag}>"]))


@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(_NESTINGS, _STRAYS), max_size=6).map("".join))
def test_no_two_paragraphs_overlap(page: str) -> None:
    paragraphs = sorted(parse_html("post.html", page).paragraphs, key=lambda p: p.start)
    for before, after in pairwise(paragraphs):
        assert before.end <= after.start, (page, before, after)
