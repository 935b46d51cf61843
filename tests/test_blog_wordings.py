"""A blog wording is searched only in a sentence that has what every match of it needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthlint.claims import blog
from healthlint.core.regex import required_literals
from healthlint.language.prefilter import lower_text, lowered
from healthlint.language.prose import split_sentences

_EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

_SENTENCES = [
    "Vaccines cause autism.",
    "Detox teas flush toxins from your liver.",
    "Coconut oil KILLS viruses.",
    "- Kick-starts your metabolism",
    "'Boosts immunity",
    "Women over 40, listen up: lifting weights balances your hormones.",
    "Magnesium helps your blood vessels relax.",
    "Self-help books work wonders for your mood.",
    "Turmeric is a natural remedy for joint pain.",
    "Ginger is great for relieving nausea.",
    "Ashwagandha has powerful anti-inflammatory properties.",
    "Benefits of morning sun: sharper focus and deeper sleep.",
    "Other benefits of fasting include reducing insulin resistance.",
    "Sugar makes kids hyperactive.",
    "It sends your blood sugar soaring.",
    "Yoga helps with back pain.",
    # One of each shape that names its own effect, whatever words a sentence holds.
    "The more greens you eat, the less bloated you feel.",
    "Raspberry leaf tea made my labour shorter.",
    "Kids who drank raw milk grew up healthier.",
    "Inflammation is fueled by sugar.",
    "Oregano oil is a natural antibiotic.",
    "This balm cleared up my eczema.",
    "Sleep on your back, which means fewer wrinkles.",
    "If you drink it warm, your liver will thank you.",
    "Oat baths put an end to itchy skin.",
    # Every name of a toxin has a word the detox wordings' cheap test looks for.
    "Hot yoga sweats the toxins right out of your body.",
    "Twists squeeze out the impurities, poisons and heavy metals stored inside.",
    "Chlorella pulls mercury out of your body.",
    "Miso soup draws radioactive particles out of the body.",
    "Pectin carries radiation away from your cells.",
    "This soak draws pesticides, phthalates and BPA out through the skin.",
    "Sweating flushes mould toxins out.",
    "Saunas sweat out built-up waste and toxic sludge.",
    "Toxic chemicals trapped in fat cells are released and washed away.",
    "Two long lie-ins undo a week of short nights.",
    "The clinic opens at nine on weekdays.",
    "We walked to the lake and back.",
    "İstanbul's tea houses serve it hot.",
]


def _sentences() -> list[str]:
    found = list(_SENTENCES)
    for path in sorted(_EXAMPLES.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        found += [text[s.start : s.end] for s in split_sentences(text)]
    return found


@pytest.mark.parametrize("wording", [w for w in blog._WORDINGS if w[3]])
def test_a_wordings_strings_are_those_every_match_needs(wording: blog._Wording) -> None:
    pattern, _, _, parts = wording
    needed = required_literals(lowered(pattern, checked=False), most=100, shortest=1)
    assert needed == frozenset(parts)


def test_a_sentence_without_what_a_wording_needs_has_no_match() -> None:
    skipped = 0
    for sentence in _sentences():
        low = lower_text(sentence)
        words = frozenset() if low is None else frozenset(blog._SENTENCE_WORD.findall(low))
        for wording in blog._WORDINGS:
            if not blog._may_match(wording, low, words):
                skipped += 1
                assert wording[0].search(sentence) is None, (wording[0], sentence)
        if low is not None and words.isdisjoint(blog._THIRD_WORDS):
            assert blog._BENEFIT_LINE.match(sentence) is None, sentence
    assert skipped > 100


def test_the_cheap_word_test_lets_every_claim_through() -> None:
    # A sentence ``may_claim`` turns away is never read: every claim must pass it.
    for sentence in _sentences():
        if blog.blog_claim(sentence) is not None:
            assert blog.may_claim(sentence), sentence


def test_the_wordings_still_find_their_claims() -> None:
    found = {s: blog.blog_claim(s) for s in _SENTENCES}
    cues = {s: s[span[0] : span[1]] for s, span in found.items() if span is not None}
    assert cues["Coconut oil KILLS viruses."] == "KILLS"
    assert cues["- Kick-starts your metabolism"] == "Kick-starts"
    assert cues["Sugar makes kids hyperactive."] == "makes kids hyperactive"
    assert cues["Yoga helps with back pain."] == "helps with"
    assert "The clinic opens at nine on weekdays." not in cues
