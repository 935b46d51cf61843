"""Grade-level formulas over sentences we have already segmented."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from healthlint.language import syllables
from healthlint.language.prose import words

SMOG_MIN_SENTENCES = 30


@dataclass(frozen=True, slots=True)
class Grade:
    value: float
    formula: str
    sentences: int
    words: int


@dataclass(frozen=True, slots=True)
class Counts:
    """What the formulas need from one sentence."""

    words: int
    syllables: int
    polysyllables: int

    @classmethod
    def of(cls, sentence: str) -> Counts:
        return cls.of_words(words(sentence))

    @classmethod
    def of_words(cls, found: list[str]) -> Counts:
        counts = list(map(syllables.count, found))
        return cls(len(counts), sum(counts), len(counts) - counts.count(1) - counts.count(2))


def grade_level(sentences: Iterable[str]) -> Grade:
    """US school grade: SMOG when there are enough sentences for it, else Flesch-Kincaid.

    Counts are accumulated sentence by sentence, so a very long post costs no more memory
    than its longest sentence.
    """
    return grade_of(Counts.of(sentence) for sentence in sentences)


def grade_of(counted: Iterable[Counts]) -> Grade:
    """``grade_level`` of sentences already counted (a rule that grades the whole post and
    then each sentence counts each once)."""
    n_sentences = n_words = n_syllables = polysyllables = 0
    for counts in counted:
        if not counts.words:
            continue
        n_sentences += 1
        n_words += counts.words
        n_syllables += counts.syllables
        polysyllables += counts.polysyllables
    if not n_words:
        return Grade(0.0, "Flesch-Kincaid", 0, 0)
    if n_sentences >= SMOG_MIN_SENTENCES:
        value = 1.043 * math.sqrt(polysyllables * 30 / n_sentences) + 3.1291
        return Grade(value, "SMOG", n_sentences, n_words)
    value = 0.39 * n_words / n_sentences + 11.8 * n_syllables / n_words - 15.59
    return Grade(value, "Flesch-Kincaid", n_sentences, n_words)
