"""``healthlint.core.pattern.Pattern``: a regular expression compiled on first use."""

from __future__ import annotations

import copy
import importlib
import pickle
import re
from collections.abc import Iterator

import pytest

from healthlint.core.pattern import Pattern
from healthlint.language.prefilter import FastPattern


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


_MODULES_WITH_LAZY_PATTERNS = (
    "healthlint.claims.background",
    "healthlint.claims.blog",
    "healthlint.claims.knowledge",
    "healthlint.claims.model",
    "healthlint.claims.products",
    "healthlint.claims.sources",
    "healthlint.claims.topic",
    "healthlint.rules.kinds.claim",
    "healthlint.rules.kinds.emergency",
    "healthlint.rules.kinds.layout",
    "healthlint.rules.kinds.required",
)


def _module_patterns(value: object) -> Iterator[Pattern]:
    if isinstance(value, Pattern):
        yield value
    elif isinstance(value, FastPattern):
        yield value.original
        yield value.fast
    elif isinstance(value, tuple | list | frozenset):
        for item in value:
            yield from _module_patterns(item)


@pytest.mark.parametrize("name", _MODULES_WITH_LAZY_PATTERNS)
def test_every_pattern_a_module_defers_compiles_with_the_flags_it_states(name: str) -> None:
    # A module's own patterns (and their lower-cased twins) are compiled only when a post
    # needs them: a typo or a twin the engine rejects must show here, not on some post.
    module = importlib.import_module(name)
    patterns = [p for value in vars(module).values() for p in _module_patterns(value)]
    assert patterns
    for pattern in patterns:
        assert re.compile(pattern.pattern, pattern.flags).flags == pattern.flags, pattern
