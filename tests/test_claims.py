"""The claim-strength model, sentence by sentence."""

from __future__ import annotations

import pytest

from healthlint.claims import Strength, read

DIRECT, CONDITIONAL = Strength.DIRECT, Strength.CONDITIONAL
CORRELATIONAL, NONE = Strength.CORRELATIONAL, Strength.NONE


@pytest.mark.parametrize(
    ("sentence", "strength", "cue"),
    [
        ("Coffee prevents liver cancer.", DIRECT, "prevents"),
        ("Statins reduce mortality in older adults.", DIRECT, "reduce"),
        ("Relamorelin significantly reduced vomiting.", DIRECT, "reduced"),
        ("Vitamin B12 deficiency can lead to impaired myelin formation.", DIRECT, "can lead to"),
        ("Exercise was shown to improve sleep quality.", DIRECT, "improve"),
        ("Mortality was reduced by early treatment.", DIRECT, "reduced"),
        ("Drinking water protects against kidney stones.", DIRECT, "protects against"),
        ("Coffee may lower the risk of gout.", CONDITIONAL, "may lower"),
        ("Mg appears to inhibit vascular calcification.", CONDITIONAL, "inhibit"),
        ("Coffee intake is associated with lower risk of gout.", CORRELATIONAL, "associated"),
        ("Serum levels were lower in patients than in controls.", CORRELATIONAL, None),
        ("Patients with reduced kidney function were older.", NONE, None),
        ("Rates of obesity increased in 2019.", NONE, None),
        ("Further studies are needed to determine the benefits of fasting.", NONE, None),
        ("Reduce your salt intake.", NONE, None),
        ("The program aimed to reduce smoking.", NONE, None),
    ],
)
def test_strength_and_cue(sentence: str, strength: Strength, cue: str | None) -> None:
    reading = read(sentence)
    assert reading.strength is strength
    if cue is not None:
        assert reading.cue is not None
        assert sentence[reading.cue[0] : reading.cue[1]] == cue


def test_negation_is_reported_but_keeps_the_class() -> None:
    reading = read("Vitamin C does not cure the common cold.")
    assert reading.strength is DIRECT
    assert reading.negated


def test_questions_and_embedded_questions() -> None:
    assert read("Does coffee prevent gout?").question
    assert read("It is unclear whether supplements prevent fractures.").question
    assert not read("Coffee prevents gout.").question


def test_past_tense_results_are_marked_as_reported() -> None:
    assert read("The drug reduced deaths by a fifth.").reported
    assert not read("The drug reduces deaths.").reported


def test_nominal_cues_are_not_verbal() -> None:
    reading = read("The treatment was effective in older adults.")
    assert reading.strength is DIRECT
    assert not reading.verbal
    assert read("Coffee prevents gout.").verbal
