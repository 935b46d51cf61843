"""A post's reference list names sources: the titles of the papers in it are no claims of
the post's own. And on a blog, a figure told as a study's result needs its source beside
it, not somewhere else in the post."""

from __future__ import annotations

import pytest

from conftest import Lint, where
from healthlint.claims.sources import in_reference_list
from healthlint.language.prose import Prose
from healthlint.parse import parse_document

UCC = "unsupported-causal-claim"
SDC = "supplement-disease-claim"
MC = "missing-citation"
CLAIMS = (UCC, SDC, MC, "known-myth")

ARTICLE = (
    "Ginger tea before bed is a ritual I love.\n\n"
    "{heading}\n\n"
    "1. Lee KJ, et al. Ginger relieves nausea in pregnancy. Obstet Med. 2014;7(2):56-61.\n"
    "2. Park S, Cho H. Turmeric cures arthritis in older adults. J Herb Med. 2019.\n"
)


def _prose(text: str) -> Prose:
    return Prose(parse_document("post.md", text).posts[0], "blog")


@pytest.mark.parametrize(
    "heading", ["References", "References:", "## Sources", "**Further reading**", "Bibliography"]
)
def test_a_reference_list_holds_no_claims(lint: Lint, heading: str) -> None:
    found = lint(ARTICLE.format(heading=heading), select=CLAIMS)
    assert [f.rule for f in found] == []


def test_a_reference_list_ends_at_the_next_heading(lint: Lint) -> None:
    text = (
        "Ginger tea before bed is a ritual I love.\n\n"
        "## References\n\n"
        "- [Ginger and nausea](https://example.org/ginger)\n\n"
        "## One more tip\n\n"
        "Ginger cures arthritis.\n"
    )
    assert where(lint(text, select=(UCC,)), UCC) == [(9, 8)]


def test_food_sources_are_no_reference_list(lint: Lint) -> None:
    text = (
        "Vitamin D matters in winter.\n\n"
        "## Sources\n\n"
        "- Oily fish\n- Eggs\n\n"
        "Cod liver oil cures rickets.\n"
    )
    assert [f.rule for f in lint(text, select=(UCC,))] == [UCC]


def test_the_same_titles_outside_a_reference_list_are_claims(lint: Lint) -> None:
    text = "Ginger tea before bed is a ritual I love.\n\nGinger relieves nausea in pregnancy.\n"
    assert where(lint(text, select=(UCC,)), UCC) == [(3, 8)]


@pytest.mark.parametrize(
    "entry",
    [
        "Johnston CS, et al. Vinegar improves insulin sensitivity. Diabetes Care. 2004;27:281.",
        "White AM, Johnston CS. Vinegar at bedtime lowers waking glucose. Diabetes Care. 2007.",
        "Smith, J. A., and Lee, K. (2019). Turmeric cures arthritis. J Herb Med, 12, 4-9.",
    ],
)
def test_a_reference_entry_on_its_own_line_is_no_claim(lint: Lint, entry: str) -> None:
    text = f"Vinegar is a kitchen staple.\n\n{entry}\n"
    assert lint(text, select=CLAIMS) == []


@pytest.mark.parametrize(
    "line",
    [
        # A capital after a word, but no list of authors: a sentence, not a reference.
        "Vitamin D, calcium and magnesium cure bone loss.",
        "Vitamin D and calcium cure osteoporosis, as doctors have known since 1990.",
        # A year, but no author's initials.
        "Kale cures gout, and I have eaten it every day since 2019.",
        # A heading that only begins with the word.
        "Sources of vitamin C cure scurvy in days.",
    ],
)
def test_sentences_that_only_look_like_references_are_read(lint: Lint, line: str) -> None:
    text = f"A note on supplements.\n\n{line}\n"
    assert [f.rule for f in lint(text, select=(UCC,))] == [UCC]


def test_a_claim_above_the_reference_list_is_still_read() -> None:
    prose = _prose(
        "Ginger relieves nausea in pregnancy.\n\nReferences\n\n1. Lee KJ, et al. Ginger. 2014.\n"
    )
    first, *rest = prose.sentences
    assert not in_reference_list(prose, first)
    assert rest and all(in_reference_list(prose, s) for s in rest)


INSOMNIA = (
    "Around a third of adults report trouble sleeping, and 10% meet the criteria for "
    "insomnia.\n\n"
    "Keep a regular wake time.\n\n"
    "CBT-I is the first-line treatment, say the "
    "[physicians' guidelines](https://www.acponline.org/insomnia).\n"
)


def test_a_blog_figure_needs_its_source_beside_it(lint: Lint) -> None:
    """A source further down a blog post does not vouch for a figure told at the top."""
    assert where(lint(INSOMNIA, select=(MC,)), MC) == [(1, 1)]


def test_a_study_credited_with_a_can_be_named_nowhere_else(lint: Lint) -> None:
    """ "A 2019 study … found" credits research no reader can find, whatever the post
    links elsewhere; "the researchers found" points back to the study the post names."""
    text = (
        "Magnesium is a mineral found in nuts and greens.\n\n"
        "Most adults can get enough from food.\n\n"
        "Supplements come as tablets and powders.\n\n"
        "A 2019 study of 72 adults found that 80% of participants slept better.\n\n"
        "Read the [full trial](https://example.org/trial).\n"
    )
    assert where(lint(text, select=(MC,)), MC) == [(7, 1)]


def test_a_blog_post_about_one_study_names_it_once(lint: Lint) -> None:
    text = (
        "A new study published in the journal Sleep tested a bedtime routine.\n\n"
        "Keep a regular wake time.\n\n"
        "In the trial, 40% of the people who kept the routine slept better.\n"
    )
    assert where(lint(text, select=(MC,)), MC) == []
