"""Grade-level formulas over sentences we have already segmented."""

from __future__ import annotations

import math
from collections.abc import Sequence
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


def grade_level(sentences: Sequence[str]) -> Grade:
    """US school grade: SMOG when there are enough sentences for it, else Flesch-Kincaid."""
    word_lists = [words(s) for s in sentences]
    word_lists = [w for w in word_lists if w]
    all_words = [w for ws in word_lists for w in ws]
    if not all_words:
        return Grade(0.0, "Flesch-Kincaid", 0, 0)
    per_word = [syllables.count(w) for w in all_words]
    n_sentences = len(word_lists)
    if n_sentences >= SMOG_MIN_SENTENCES:
        polysyllables = sum(1 for s in per_word if s >= 3)
        value = 1.043 * math.sqrt(polysyllables * 30 / n_sentences) + 3.1291
        return Grade(value, "SMOG", n_sentences, len(all_words))
    value = 0.39 * len(all_words) / n_sentences + 11.8 * sum(per_word) / len(all_words) - 15.59
    return Grade(value, "Flesch-Kincaid", n_sentences, len(all_words))
