"""Grade-level formulas over sentences we have already segmented."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from healthlint import syllables
from healthlint.prose import words

SMOG_MIN_SENTENCES = 30


@dataclass(frozen=True, slots=True)
class Grade:
    value: float
    formula: str
    sentences: int
    words: int


def grade_level(sentences: Iterable[str]) -> Grade:
    """US school grade: SMOG when there are enough sentences for it, else Flesch-Kincaid.

    Counts are accumulated sentence by sentence, so a very long post costs no more memory
    than its longest sentence.
    """
    n_sentences = n_words = n_syllables = polysyllables = 0
    for sentence in sentences:
        counts = [syllables.count(w) for w in words(sentence)]
        if not counts:
            continue
        n_sentences += 1
        n_words += len(counts)
        n_syllables += sum(counts)
        polysyllables += sum(1 for c in counts if c >= 3)
    if not n_words:
        return Grade(0.0, "Flesch-Kincaid", 0, 0)
    if n_sentences >= SMOG_MIN_SENTENCES:
        value = 1.043 * math.sqrt(polysyllables * 30 / n_sentences) + 3.1291
        return Grade(value, "SMOG", n_sentences, n_words)
    value = 0.39 * n_words / n_sentences + 11.8 * n_syllables / n_words - 15.59
    return Grade(value, "Flesch-Kincaid", n_sentences, n_words)
