from __future__ import annotations

import pytest

from healthlint.core.lines import LineIndex
from healthlint.core.model import Span
from healthlint.language.prose import Prose, split_sentences
from healthlint.parse import parse_document
from healthlint.parse._mask import mask


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two! Three?", ["One.", "Two!", "Three?"]),
        ("Dr. Smith said so. Then he left.", ["Dr. Smith said so.", "Then he left."]),
        ("See Smith et al. for details. Next.", ["See Smith et al. for details.", "Next."]),
        ("J. Doe wrote it. Yes.", ["J. Doe wrote it.", "Yes."]),
        ('He said "stop." Then left.', ['He said "stop."', "Then left."]),
        ("Costs 3.5 dollars. Cheap.", ["Costs 3.5 dollars.", "Cheap."]),
        ("no capital after. this stays", ["no capital after. this stays"]),
    ],
)
def test_sentence_split(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_line_index_handles_every_line_ending() -> None:
    index = LineIndex("a\r\nb\rc\nd")
    assert [index.position(i) for i in (0, 3, 5, 7)] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert index.line_count == 4


def test_mask_keeps_length_and_newlines() -> None:
    text = "keep <tag\nspans> keep"
    masked = mask(text, [Span(5, 16), Span(7, 9)])
    assert masked == "keep     \n       keep"
    assert len(masked) == len(text)


def test_a_quotation_runs_on_only_when_left_open_into_the_next_paragraph() -> None:
    text = (
        "“Tea helps.”\n\n"  # closed where it ends
        "“Milk helps.\n\n"  # a curly quote left open goes on
        "“Water helps,” she said.\n\n"
        '"Juice helps.\n'  # a stray straight quote, nothing follows: no quotation
    )
    post = parse_document("q.md", text).posts[0]
    prose = Prose(post)
    assert [prose.quotation_runs_on(p) for p in post.paragraphs] == [False, True, False, False]


def test_paragraphs_around_and_list_items() -> None:
    text = "One.\n\nTwo.\n\n- Three\n- Four\n\nFive.\n"
    post = parse_document("p.md", text).posts[0]
    prose = Prose(post)
    first, second, *_, last = post.paragraphs
    texts = [text[p.start : p.end].strip() for p in prose.paragraphs_around(second, 4, 1)]
    assert texts[:2] == ["One.", "Two."] and len(texts) == 3
    assert prose.paragraphs_around(first, 1, 0) == (first,)
    assert prose.paragraphs_around(last, 0, 1) == (last,)
    sentences = {s.text: s for s in prose.sentences}
    assert prose.in_list_item(sentences["Three"].span)
    assert not prose.in_list_item(sentences["Five."].span)


def _sentences(text: str) -> list[str]:
    return [s.text for s in Prose(parse_document("p.md", text).posts[0]).sentences]


def test_lines_with_bullets_markdown_does_not_know_are_units_of_their_own() -> None:
    text = "Benefits of ginger\n• Eases nausea\n• Warms you up\n– Tastes good\n✔ Costs little\n"
    assert _sentences(text) == [
        "Benefits of ginger",
        "• Eases nausea",
        "• Warms you up",
        "– Tastes good",
        "✔ Costs little",
    ]


def test_a_title_on_a_line_of_its_own_is_a_unit_of_its_own() -> None:
    text = "Gout is painful.\nCauses\nUric acid builds up in the joints. It can\nHurt a lot.\n"
    # A wrapped line that ends mid-sentence is no title: "It can" is followed by a
    # capital only by accident.
    assert _sentences(text) == [
        "Gout is painful.",
        "Causes",
        "Uric acid builds up in the joints.",
        "It can\nHurt a lot.",
    ]


def test_short_wrapped_lines_of_prose_are_no_titles() -> None:
    assert _sentences("If the pain lasts, ask your\nGP for a referral.\n") == [
        "If the pain lasts, ask your\nGP for a referral."
    ]
    assert _sentences("Gout is painful. It can\nHurt a lot.\n") == [
        "Gout is painful.",
        "It can\nHurt a lot.",
    ]
    assert _sentences("Research suggests that\nOmega-3s ease joint pain.\n") == [
        "Research suggests that\nOmega-3s ease joint pain."
    ]


def test_a_line_in_title_case_is_a_title_wherever_it_stands() -> None:
    text = "Why Sleep Matters for Teens and Their Parents\nHow Much Sleep\nTeens need nine hours.\n"
    assert _sentences(text) == [
        "Why Sleep Matters for Teens and Their Parents",
        "How Much Sleep",
        "Teens need nine hours.",
    ]
    # Wrapped prose that names a few things in capitals goes on.
    text = "The advice comes from the American Heart Association\nAnd Its Partners.\n"
    assert _sentences(text) == [text.strip()]


def test_a_letter_naming_a_vitamin_ends_a_sentence_an_initial_does_not() -> None:
    text = "Most adults need vitamin D. Levels of 25(OH)D. Tests vary. J. Smith wrote it.\n"
    assert _sentences(text) == [
        "Most adults need vitamin D.",
        "Levels of 25(OH)D.",
        "Tests vary.",
        "J. Smith wrote it.",
    ]


def test_a_footnote_number_glued_to_a_word_is_a_citation() -> None:
    text = "Walking lowers the risk of type 2 diabetes.2 Regular walks help.\n"
    post = parse_document("p.md", text).posts[0]
    assert [text[c.start : c.end] for c in post.citations] == ["2"]
    assert _sentences(text) == [
        "Walking lowers the risk of type 2 diabetes.",
        "Regular walks help.",
    ]
    assert "2.5" not in [
        text[c.start : c.end] for c in parse_document("q.md", "Take 2.5 mg.\n").posts[0].citations
    ]
