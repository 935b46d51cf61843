"""The rule-kind options the health-editorial pack is built on, each on a small rule of its
own, so a content team can rely on them in rules of their own."""

from __future__ import annotations

import textwrap

import pytest

from healthlint.claims.topic import content_words
from healthlint.config.ruleset import RuleSet
from healthlint.config.settings import Config
from healthlint.core.model import Finding
from healthlint.engine.lint import lint_document
from healthlint.parse import parse_document
from healthlint.rules.loader import parse_rule

EXAMPLES = 'description: d\nexamples: {fail: ["x"], pass: ["y"]}\n'


def _run(rule_yaml: str, text: str, name: str = "post.md") -> list[Finding]:
    """Findings of one rule. The claim kind's options were made for the discourse of news
    stories, and are tested there (tests/test_genres.py has the blog's reading)."""
    rule = parse_rule(textwrap.dedent(rule_yaml) + EXAMPLES, "rule.yaml")
    rules = RuleSet({rule.name: rule}, Config(), preset="strict", genre="news").for_path(name)
    document = parse_document(name, text)
    return [f for p in lint_document(document, rules, genre="news") for f in p.findings]


def _found(findings: list[Finding]) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message) for f in findings]


SWAP = """\
name: plain
kind: pattern
severity: info
message: "say '{replacement}' for '{match}'"
swap: {hypertension: high blood pressure, myocardial infarction: heart attack}
unless_after: '\\s*\\('
skip_quotes: true
"""


def test_swap_names_the_replacement_and_skips_explained_and_quoted_words() -> None:
    text = (
        "Hypertension is common.\n\n"
        "A myocardial infarction (heart attack) needs care.\n\n"
        "“Hypertension is silent,” she said.\n"
    )
    assert _found(_run(SWAP, text)) == [(1, 1, "say 'high blood pressure' for 'Hypertension'")]


def test_quotation_left_open_runs_to_the_end_of_its_paragraph() -> None:
    text = "“Hypertension is silent. It harms the heart.\n\nHypertension is common.\n"
    assert [(f.line, f.column) for f in _run(SWAP, text)] == [(3, 1)]


def test_a_lone_straight_quote_is_a_stray_mark_unless_the_next_paragraph_goes_on() -> None:
    stray = '"Hypertension is silent.\n\nHypertension is common.\n'
    assert [(f.line, f.column) for f in _run(SWAP, stray)] == [(1, 2), (3, 1)]
    continued = (
        '"Hypertension is silent.\n\n"It harms the heart," she said. Hypertension is common.\n'
    )
    assert [(f.line, f.column) for f in _run(SWAP, continued)] == [(3, 33)]


def test_unless_before() -> None:
    rule = """\
    name: side-effects
    kind: pattern
    severity: warning
    message: "{match}"
    patterns: ['\\bno side effects\\b']
    unless_before: '\\bthere were\\s+$'
    """
    text = "Herbs have no side effects.\n\nIn the trial there were no side effects.\n"
    assert [(f.line, f.column) for f in _run(rule, text)] == [(1, 12)]


DATED = """\
name: dated
kind: pattern
severity: warning
older_than_years: 10
message: "{year} is {age} years old"
patterns: ['\\bnew study from (?P<year>\\d{4})\\b']
"""


def test_older_than_years_counts_from_the_post_date() -> None:
    old = "---\ndate: 2020-01-01\n---\n\nA new study from 2005 says so.\n"
    recent = "---\ndate: 2012-01-01\n---\n\nA new study from 2005 says so.\n"
    assert _found(_run(DATED, old)) == [(5, 3, "2005 is 15 years old")]
    assert _run(DATED, recent) == []


def test_repeated_reports_the_second_occurrence() -> None:
    rule = """\
    name: dup
    kind: pattern
    severity: info
    scope: heading
    repeated: true
    message: "'{match}' again"
    patterns: ['(?s).+']
    """
    text = "# Diet\n\n## Tips\n\nText.\n\n## Risks\n\nText.\n\n## tips\n\nMore.\n"
    assert _found(_run(rule, text)) == [(11, 4, "'tips' again")]


def test_layout_sequence_reports_the_number_out_of_order() -> None:
    rule = """\
    name: seq
    kind: layout
    severity: info
    sequence: true
    line: '^(?P<number>\\d+)\\. '
    message: "{match}"
    """
    text = "Steps:\n\n1. Wash\n2. Dry\n4. Fold\n\nAgain:\n\n1. A\n1. B\n1. C\n"
    assert [(f.line, f.column) for f in _run(rule, text)] == [(5, 1)]


CLAIM = """\
name: lab
kind: claim
severity: warning
message: "{trigger}"
triggers: ['\\bcures\\b']
when: ['\\bmice\\b']
window: none
"""


def test_claim_when_is_the_paragraph_and_window_none_ignores_sources() -> None:
    text = "In mice, the drug worked. It cures [cancer](https://example.org).\n\nIt cures colds.\n"
    assert [(f.line, f.column) for f in _run(CLAIM, text)] == [(1, 30)]


CAUSAL = """\
name: causal
kind: claim
severity: warning
message: "{trigger}"
detector: causal
"""


def test_claim_skip_quotes_leaves_quoted_speech_alone() -> None:
    text = (
        '"Hiking prevents gout. It also lowers urate," she said.\n\n'
        "Sun prevents gout, and “lowers urate” too.\n"
    )
    everything = [(f.line, f.column) for f in _run(CAUSAL, text)]
    assert everything == [(1, 9), (1, 32), (3, 5)]
    skipping = [(f.line, f.column) for f in _run(CAUSAL + "skip_quotes: true\n", text)]
    assert skipping == [(3, 5)]


def test_with_attributions_only_a_speakers_quotation_is_skipped() -> None:
    rule = CAUSAL + "skip_quotes: true\nattributions: ['\\b(?:said|says)\\b']\n"
    text = (
        "Dr. Lee said this:\n\n"
        "“Hiking prevents gout.”\n\n"  # introduced in the paragraph before
        "“Sun prevents gout.”\n\n"  # a lone quotation: nobody is said to speak
        "Dr. Ruiz is a nurse.\n\n"
        "“Milk prevents gout.\n\n"  # a quotation running over two paragraphs
        "“Water prevents gout,” she told us.\n"
    )
    assert [(f.line, f.column) for f in _run(rule, text)] == [(5, 6)]


def test_claim_report_denied_reports_claims_of_no_effect() -> None:
    text = "Vitamin C does not cure colds.\n\nZinc cures colds.\n"
    assert [f.line for f in _run(CAUSAL, text)] == [3]
    assert [f.line for f in _run(CAUSAL + "report_denied: true\n", text)] == [1, 3]


def test_a_continuation_of_attributed_speech_is_attributed() -> None:
    rule = CAUSAL + "attributions: ['\\bsaid\\b']\n" + "continuations: ['(?:it|also)\\b']\n"
    text = (
        "Tea is safe, Dr. Lee said. It also prevents gout.\n\n"  # still Dr. Lee speaking
        "Tea is safe, Dr. Lee said.\n\nIt prevents gout.\n\n"  # a new paragraph: the writer
        "Tea is cheap. It prevents gout.\n"  # nobody was speaking
    )
    assert [f.line for f in _run(rule, text)] == [5, 7]


def test_a_speaker_named_after_a_claim_in_a_continuation_speaks_for_it() -> None:
    rule = (
        CAUSAL
        + "attributions: ['\\bsaid\\b']\n"
        + "continuations: ['(?:but|it)\\b']\n"
        + "study_reading: causes\n"
    )
    text = (
        "Sun prevents gout. But it is bitter, Dr. Lee said.\n\n"  # Dr. Lee's paragraph
        "Sun prevents gout.\n\nBut it is bitter, Dr. Lee said.\n\n"  # a new paragraph
        "Sun prevents gout. Dr. Lee said so.\n\n"  # not a continuation: whose is unclear
        "Sun prevents gout. But it is bitter, the researchers said.\n"  # a credit, no source
    )
    assert [f.line for f in _run(rule, text)] == [3, 7, 9]


def test_participle_clauses_can_be_left_out() -> None:
    text = "Sugar feeds the germs, causing tooth decay.\n\nSugar causes tooth decay.\n"
    assert [f.line for f in _run(CAUSAL, text)] == [1, 3]
    assert [f.line for f in _run(CAUSAL + "participles: false\n", text)] == [3]


# What a causal sentence tells in passing (healthlint.claims.background) is read for every
# rule with the causal detector: how a disease works, one person's story, a mechanism.
@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # A relative clause is about the noun right before it: a treatment counts only
        # near that noun.
        (
            "The company made its one-time treatment available to patients with a rare "
            "genetic defect that often leads to blindness.\n\n"
            "Doctors now give patients a new drug that often leads to remission.\n",
            [3],
        ),
        # A background noun before the clause outweighs a treatment before it.
        (
            "There are few medications for the condition, which causes aches.\n\n"
            "A new gout drug that can cure flares is out.\n",
            [3],
        ),
        # "It also…" is read in the sentence before, across a paragraph break too.
        (
            "AF is a common heart disorder. It also raises the risk of stroke.\n\n"
            "Heart drugs are cheap. They also lower the risk of stroke.\n\n"
            "AF is a common heart disorder.\n\nIt raises the risk of stroke.\n",
            [3],
        ),
        # The subject is read in the claim's own clause.
        ("Few get surgery; people with the condition can benefit from drugs.\n", []),
        ("Surgery for the condition can relieve pain.\n", [1]),
        # What comes right after the claim's words: one person's story.
        (
            "The surgery relieved her pain.\n\n"
            "Her doctor says yoga relieves back pain.\n\n"
            "Yoga relieves back pain, her doctor says.\n",
            [3, 5],
        ),
    ],
)
def test_what_a_causal_sentence_tells_in_passing(text: str, lines: list[int]) -> None:
    assert [f.line for f in _run(CAUSAL, text)] == lines


def test_a_list_item_is_told_by_the_sentence_that_leads_into_it() -> None:
    rule = CAUSAL + "attributions: ['\\bsaid\\b']\n"
    text = "Dr. Lee said:\n\n- Hiking prevents gout.\n\nWe think:\n\n- Sun prevents gout.\n"
    assert [f.line for f in _run(rule, text)] == [7]


def test_required_sources_count_as_the_required_thing() -> None:
    rule = """\
    name: sources
    kind: required
    severity: warning
    message: "no source"
    when: ['\\bstudies\\b']
    patterns: ['(?m)^## Sources$']
    sources_count: true
    """
    assert len(_run(rule, "# T\n\nStudies show things.\n")) == 1
    assert _run(rule, "# T\n\nStudies show [things](https://example.org).\n") == []
    assert _run(rule, "# T\n\nStudies show things (Smith et al., 2019).\n") == []
    assert _run(rule, "# T\n\nStudies show things.\n\n## Sources\n\nA book.\n") == []


READING = """\
name: grade
kind: metric
severity: warning
metric: grade
audience: patients
audiences: {patients: 8, professionals: 14}
hints: 2
message: "grade {value} for {audience}; hardest: {hardest}"
"""


def test_reading_level_names_audience_and_hardest_lines_and_skips_lists() -> None:
    hard = (
        "Individuals experiencing persistent gastrointestinal discomfort should "
        "consider consultation with appropriately qualified healthcare professionals."
    )
    lists = "\n".join(f"- {hard}" for _ in range(5))
    easy = "Eat well. Sleep well. Walk a lot. Drink water. See friends. " * 3
    findings = _run(READING, f"# T\n\n{easy}\n\n{hard}\n\n{easy}\n\n{hard}\n\n{lists}\n")
    assert len(findings) == 1
    message = findings[0].message
    assert "for patients" in message
    assert message.endswith("hardest: lines 5 and 9")
    assert _run(READING, f"# T\n\n{easy}\n\n{lists}\n") == []


def test_a_headline_without_markup_is_skipped_like_a_heading() -> None:
    text = (
        "Coffee Prevents Liver Cancer\n\n"  # a headline pasted without its "#"
        "Hiking prevents liver cancer\n\n"  # one sentence, unpunctuated: a subhead
        # Too long for a headline: a sentence that lost its full stop.
        "Two cups of coffee a day prevent liver cancer in most adults who drink it "
        "with their breakfast\n\n"
        "Hiking prevents liver cancer.\n\n"
        "- Turmeric cures arthritis\n"  # a list item is the claim itself
    )
    assert [f.line for f in _run(CAUSAL, text)] == [5, 7, 9]
    assert [f.line for f in _run(CAUSAL + "skip_headings: false\n", text)] == [1, 3, 5, 7, 9]


def test_in_a_post_of_unpunctuated_sentences_a_short_one_is_no_headline() -> None:
    # Sentences that lost their full stops, one a paragraph: two in three of the
    # paragraphs end without one, so none of them is taken for a headline.
    sentences = [f"Patients in group {n} were followed for a year" for n in range(6)]
    text = "\n\n".join([*sentences, "Hiking prevents liver cancer", "Tea is popular"]) + "\n"
    assert [f.line for f in _run(CAUSAL, text)] == [13]


WORDS = """\
name: jargon
kind: pattern
severity: info
message: "plain words for '{match}'"
words: [myocardial infarction, myocardial infarctions, MI, hyperlipidemia, hypertension]
"""


def test_a_word_list_matches_whole_words_in_any_case_and_prefers_the_longest() -> None:
    text = "Two Myocardial Infarctions, one MI and hypertensions of all kinds.\n"
    found = [(f.column, text[f.column - 1 : f.end_column - 1]) for f in _run(WORDS, text)]
    assert found == [(5, "Myocardial Infarctions"), (33, "MI")]


def test_content_words_leave_out_function_and_common_health_words() -> None:
    assert content_words("The researchers found that yoga classes reduced pain.") == {
        "yoga",
        "class",
    }
    assert content_words("Two therapies.") == content_words("The therapy") == set()
    assert content_words("Alzheimer's patients' yoga") == {"alzheimer", "yoga"}
    assert content_words("Patients in the study had less cancer.").isdisjoint(
        content_words("Cancer patients in a new study.")
    )


def test_swap_message_is_for_the_words_with_a_swap_and_checks_its_placeholders() -> None:
    rule = """\
    name: plain
    kind: pattern
    severity: info
    message: "'{match}' is vague"
    swap_message: "'{match}' is vague: --fix writes '{replacement}'"
    words: [stuff]
    swap: {utilise: use}
    """
    text = "Utilise the stuff you have.\n"
    assert _found(_run(rule, text)) == [
        (1, 1, "'Utilise' is vague: --fix writes 'use'"),
        (1, 13, "'stuff' is vague"),
    ]
    with pytest.raises(Exception, match=r"swap_message uses unknown placeholder \{nope\}"):
        _run(rule.replace("'{replacement}'", "'{nope}'"), text)
