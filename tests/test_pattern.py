"""``healthlint.core.pattern.Pattern``: a regular expression compiled on first use."""

from __future__ import annotations

import copy
import pickle
import re

import pytest

from healthlint.core.pattern import Pattern


def test_a_lazy_pattern_compiles_on_first_search_and_finds_what_re_finds() -> None:
    pattern = Pattern.lazy(r"\bcures?\b", re.IGNORECASE)
    assert not pattern.is_compiled
    found = pattern.search("Garlic Cures colds.")
    assert pattern.is_compiled
    assert found is not None
    assert found.span() == (7, 12)
    assert pattern.findall("cure, cures, cured") == ["cure", "cures"]
    assert [m.start() for m in pattern.finditer("a cure, a cure")] == [2, 10]
    assert pattern.match("cure all") is not None
    assert pattern.fullmatch("cures") is not None
    assert pattern.sub("fix", "a cure") == "a fix"
    assert pattern.split("x cure y") == ["x ", " y"]


def test_a_lazy_pattern_has_the_flags_compiling_gives_it() -> None:
    for source, flags in ((r"\w+", 0), (r"\w+", re.IGNORECASE | re.MULTILINE), (r"\w", re.ASCII)):
        assert Pattern.lazy(source, flags) == Pattern.of(re.compile(source, flags))


def test_methods_after_the_first_use_are_the_compiled_patterns_own() -> None:
    pattern = Pattern.lazy(r"tea")
    pattern.search("green tea")
    assert pattern.search == pattern.compiled.search
    assert pattern.finditer == pattern.compiled.finditer


def test_a_copy_or_a_pickle_holds_the_source_and_flags_only() -> None:
    pattern = Pattern.compile(r"detox", re.IGNORECASE)
    assert pattern.is_compiled
    for twin in (pickle.loads(pickle.dumps(pattern)), copy.deepcopy(pattern)):
        assert twin == pattern
        assert hash(twin) == hash(pattern)
        assert not twin.is_compiled
        assert twin.search("DETOX") is not None


def test_a_bad_pattern_fails_when_compiled() -> None:
    with pytest.raises(re.error):
        Pattern.compile("(unclosed")
    pattern = Pattern.lazy("(unclosed")
    with pytest.raises(re.error):
        pattern.search("text")
