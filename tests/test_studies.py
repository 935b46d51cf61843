"""How a claim rule reads a post about one study (``healthlint.claims.studies``), on small
rules of its own read as news: the study a story opens on or names nearby answers for the
results it reports, and a credit to research that names none is no source."""

from __future__ import annotations

import textwrap

import pytest

from healthlint.claims.studies import CAUSES, FIGURES, NO_STUDY, READINGS
from healthlint.config.ruleset import RuleSet
from healthlint.config.settings import Config
from healthlint.core.errors import HealthlintError
from healthlint.core.model import Finding
from healthlint.engine.lint import lint_document
from healthlint.parse import parse_document
from healthlint.rules.loader import parse_rule

EXAMPLES = 'description: d\nexamples: {fail: ["x"], pass: ["y"]}\n'

CAUSES_RULE = """\
name: causes
kind: claim
severity: warning
message: "{trigger}"
detector: causal
study_reading: causes
"""

FIGURES_RULE = """\
name: figures
kind: claim
severity: warning
message: "{trigger}"
triggers: ['\\d+%']
study_reading: figures
"""

# A claim rule of its own; the tests give it one reading or the other.
CREDITED = """\
name: credited
kind: claim
severity: warning
message: "{trigger}"
triggers: ['\\bcures\\b']
"""


def _findings(rule_yaml: str, text: str) -> list[Finding]:
    rule = parse_rule(textwrap.dedent(rule_yaml) + EXAMPLES, "rule.yaml")
    rules = RuleSet({rule.name: rule}, Config(), preset="strict", genre="news").for_path("post.md")
    document = parse_document("post.md", text)
    return [f for p in lint_document(document, rules, genre="news") for f in p.findings]


def _lines(rule_yaml: str, text: str) -> list[int]:
    return [f.line for f in _findings(rule_yaml, text)]


def _found(rule_yaml: str, text: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message) for f in _findings(rule_yaml, text)]


def test_a_studys_figures_are_its_own_in_a_post_about_it() -> None:
    result = "In all, 40% of patients improved.\n\nAbout 10% of adults have eczema.\n"
    # The result is the study's; the background figure needs a source of its own.
    assert _lines(FIGURES_RULE, "A new study tested a cream.\n\n" + result) == [5]
    assert _lines(FIGURES_RULE, "Creams help.\n\n" + result) == [3, 5]


def test_a_studys_figures_lean_on_a_source_anywhere_in_the_post() -> None:
    text = (
        "In the trial, 40% of patients improved.\n\n"  # a result: the link below is its source
        "About 10% of adults have eczema.\n\n"  # background: it needs its own
        "Read the [trial](https://example.org/t).\n"
    )
    assert _lines(FIGURES_RULE, text) == [3]


def test_a_causal_result_leans_on_the_study_named_in_the_paragraphs_around_it() -> None:
    rule = CAUSES_RULE + "nearby_paragraphs: 2\n"
    filler = "".join(f"Filler paragraph {n}.\n\n" for n in range(4))
    text = (
        filler  # lines 1-7: the lede names no source
        + "The migraine and nausea results appear in the journal Neurology.\n\n"  # 9
        + "Other patients said little.\n\n"  # 11
        + "The drug reduced nausea too.\n\n"  # 13: two paragraphs after the journal
        + "The drug reduced back pain too.\n\n"  # 15: in reach, but on another subject
        + "The drug prevents nausea.\n\n"  # 17: not a reported result
        + "The drug reduced nausea in the end.\n"  # 19: out of reach
    )
    assert _lines(rule, text) == [15, 17, 19]


def test_the_ledes_study_answers_only_for_causal_claims_on_its_subject() -> None:
    filler = "".join(f"Filler paragraph {n}.\n\n" for n in range(3))
    text = (
        "A [2019 trial](https://example.org/t) gave yoga classes to 400 adults.\n\n"
        + filler  # lines 3-7
        + "Weekly yoga reduced back pain by a third.\n\n"  # 9: on the lede's subject
        + "Aspirin reduced colon cancer deaths.\n"  # 11: "cancer" and "deaths" name no subject
    )
    assert _lines(CAUSES_RULE, text) == [11]


def test_a_credit_is_a_finding_for_causes_and_the_studys_own_for_figures() -> None:
    text = (
        "A new study tested water against infections.\n\n"
        "The water group reduced their use of antibiotics.\n\n"  # a result worded as one
        "Water reduced infections by half, a new study finds.\n"  # a credit naming no study
    )
    assert _lines(CAUSES_RULE, text) == [5]
    claim = "A study found that turmeric cures arthritis.\n"
    credited = CREDITED + "study_reading: figures\n"
    causes = CREDITED + "study_reading: causes\n"
    # (Past the opening paragraphs, where a credit would say what the post is about.)
    spice = "Turmeric is a spice.\n\nIt colours curries.\n\nCooks love it.\n\n"
    assert _lines(credited, "A new study tested turmeric.\n\n" + claim) == []
    assert _lines(causes, "A new study tested turmeric.\n\n" + claim) == [3]
    # Outside a post about a study, a credit is reported by either reading...
    assert _lines(credited, spice + claim) == [7]
    assert _lines(causes, spice + claim) == [7]
    # ...and without a reading it is no credit at all, only a claim.
    assert _lines(CREDITED, "A new study tested turmeric.\n\n" + claim) == [3]
    linked = "Turmeric is a spice ([Lee, 2020](https://x.org)).\n\n" + claim
    assert _lines(credited, linked) == []


def test_a_credit_is_no_source_but_the_research_named_a_few_paragraphs_on_is() -> None:
    rule = CREDITED + "attributions: ['\\bsaid\\b']\nstudy_reading: causes\n"
    claim = "A study found that turmeric cures arthritis, Dr. Lee said.\n\n"
    named = "It appeared in the journal Arthritis Care & Research.\n"
    filler = "Turmeric is a spice.\n\n"
    # "Dr. Lee said" does not make the unnamed study a source.
    assert _lines(rule, filler + claim + "More to come.\n") == [3]
    assert _lines(rule, filler + claim + filler + named) == []
    assert _lines(rule, filler + claim + filler * 2 + named) == [3]


def test_a_credits_source_off_the_ledes_subject_answers_for_its_own_subject_only() -> None:
    lede = "Back pain is common.\n\nIt costs billions.\n\nMany people miss work.\n\n"
    named = "A trial of yoga appears in the journal Spine.\n\n"  # line 7
    on_topic = "A study found that yoga cures back pain.\n"  # line 9
    off_topic = "A study found that turmeric cures arthritis.\n"
    causes = CREDITED + "study_reading: causes\n"
    assert _lines(causes, lede + named + on_topic) == []
    assert _lines(causes, lede + named + off_topic) == [9]
    # Figures keep no subject: the trial answers for the credit beside it.
    assert _lines(CREDITED + "study_reading: figures\n", lede + named + off_topic) == []


def test_what_each_reading_lets_the_study_answer_for() -> None:
    assert CAUSES.covered(worded=True, back_reference=False, credited=False)
    assert not CAUSES.covered(worded=True, back_reference=True, credited=True)
    assert FIGURES.covered(worded=False, back_reference=False, credited=True)
    assert not NO_STUDY.covered(worded=True, back_reference=True, credited=False)
    assert CAUSES.opens_on_a_study(["Coffee is popular.", "Two large trials followed…"])
    assert not NO_STUDY.opens_on_a_study(["A new study tested coffee."])


def test_an_unknown_reading_is_refused_when_the_rule_loads() -> None:
    with pytest.raises(HealthlintError, match="study_reading"):
        parse_rule(CREDITED + "study_reading: quotes\n" + EXAMPLES, "rule.yaml")


def test_the_lede_skips_bylines_and_other_lines_without_a_sentence() -> None:
    # A news page: title, byline and agency lines come before the paragraph that says
    # what the story is about.
    story = (
        "# Turmeric\n\nBy Ann Lee\n\nHealthDay Reporter\n\nEn Español\n\n"
        "A new study tested turmeric on 200 adults with sore knees.\n\n"
        "A study found that turmeric cures arthritis.\n"
    )
    assert _lines(CREDITED + "study_reading: figures\n", story) == []


def test_a_credited_claim_gets_its_own_message_naming_the_credit() -> None:
    rule = CREDITED + "study_reading: figures\n"
    rule += "credit_message: \"'{trigger}' rests on '{credit}'\"\n"
    spice = "Turmeric is a spice.\n\nIt colours curries.\n\nCooks love it.\n\n"
    claim = "A study found that turmeric cures arthritis.\n"
    assert _found(rule, spice + claim) == [(7, 29, "'cures' rests on 'A study found'")]
    assert _found(rule, "Turmeric cures arthritis.\n") == [(1, 10, "cures")]


def test_a_credit_message_with_an_unknown_placeholder_is_refused() -> None:
    with pytest.raises(Exception, match=r"credit_message uses unknown placeholder \{nope\}"):
        _lines(CREDITED + "credit_message: '{nope}'\n", "x")


def test_the_readings_patterns_pass_the_check_a_rules_patterns_pass() -> None:
    from healthlint.core.regex import backtracking_risk

    for reading in READINGS.values():
        for pattern in (
            *reading.credits,
            *reading.back_references,
            *reading.results,
            *reading.reportable,
            *reading.lede,
        ):
            assert backtracking_risk(pattern.pattern) is None, pattern.pattern


def test_a_post_level_source_may_be_anywhere_when_the_rule_says_so() -> None:
    rule = CREDITED + "window: post\n"
    text = "Turmeric cures arthritis.\n\nA.\n\nB.\n\nC.\n\nSee the [trial](https://x.org).\n"
    assert _lines(rule, text) == [1]
    assert _lines(rule + "post_source: anywhere\n", text) == []
