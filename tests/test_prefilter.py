"""The whole-post prefilter must never hide a sentence a rule's pattern matches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from healthlint.config.ruleset import RuleSet
from healthlint.config.settings import Config
from healthlint.core.model import Span
from healthlint.core.pattern import Pattern
from healthlint.engine.lint import lint_document
from healthlint.language.prefilter import (
    FastPattern,
    Prefilter,
    is_anchored,
    loosen,
    lower_text,
    lowered,
    unanchored,
)
from healthlint.language.prose import split_sentences
from healthlint.parse import parse_document
from healthlint.rules.loader import load_rules, parse_rule

CASE_BLIND = re.IGNORECASE


@pytest.mark.parametrize(
    ("pattern", "anchored"),
    [
        (r"\bcures?\b", False),
        (r"[^.!?]+ now", False),
        (r"[]^]x", False),
        (r"a[\]^]b", False),
        (r"^Advertisement", True),
        (r"read more$", True),
        (r"\Afoo", True),
        (r"[^]]$", True),
        (r"\\^", True),
    ],
)
def test_is_anchored(pattern: str, anchored: bool) -> None:
    assert is_anchored(pattern) is anchored


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bStudies Show\b", r"\bstudies show\b"),
        (r"[A-Z]\w+ Et Al\.", r"[a-z]\w+ et al\."),
        (r"(?P<Year>\d{4}) \S+\W", r"(?P<Year>\d{4}) \S+\W"),
        (r"(?<![\w-])FDA(?!-)", r"(?<![\w-])fda(?!-)"),
    ],
)
def test_lowered_twin(pattern: str, expected: str) -> None:
    twin = lowered(Pattern.compile(pattern, CASE_BLIND))
    assert twin.pattern == expected
    assert not twin.flags & CASE_BLIND


@pytest.mark.parametrize("pattern", [r"(?-i:FDA) says", r"\x41spirin", r"(a)\1"])
def test_patterns_without_a_provable_twin_are_kept(pattern: str) -> None:
    original = Pattern.compile(pattern, CASE_BLIND)
    assert lowered(original) is original


def test_case_sensitive_patterns_are_kept() -> None:
    original = Pattern.compile("FDA")
    assert lowered(original) is original


def test_lower_text_refuses_to_move_offsets() -> None:
    assert lower_text("Coffee CURES") == "coffee cures"
    assert lower_text("İstanbul") is None  # the dotted capital lowers to two characters


def test_fast_pattern_reports_original_offsets() -> None:
    text = "Doctors SAY coffee Cures all."
    fast = FastPattern.of(Pattern.compile(r"\bcures\b", CASE_BLIND))
    assert [m.span() for m in fast.finditer(text, lower_text(text))] == [(19, 24)]
    assert [m.span() for m in fast.finditer(text, None)] == [(19, 24)]
    assert fast.search(text, lower_text(text))


TEXT = (
    "Hiking prevents cancer. Tea does not. Some say green tea cures colds.\n\n"
    "Studies show 40% lower risk. Read the 2019 study. It cut the risk by half."
)
PATTERNS = [
    r"\bcures?\b",
    r"\d+% lower risk",
    r"\bstudies show\b",
    r"\bnot\.\s+some\b",  # only across a sentence boundary
    r"\brisk\b[^.]*\.\s+read",  # starts in one sentence, ends in the next
    r"(?<![\w-])tea(?![\w-])",
    r"\bhalf\b",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_every_matching_sentence_is_a_candidate(pattern: str) -> None:
    compiled = Pattern.compile(pattern, CASE_BLIND)
    sentences = list(split_sentences(TEXT))
    expected = {s for s in sentences if compiled.search(TEXT[s.start : s.end])}
    chosen = Prefilter([compiled]).scopes(TEXT, lower_text(TEXT), Span(0, len(TEXT)), sentences)
    assert expected <= set(chosen)
    assert chosen == sorted(chosen, key=lambda s: s.start)


def test_a_match_across_sentences_adds_both_but_finds_the_next_one_too() -> None:
    # The whole-text match "not. Some" consumes the start of the second sentence; the
    # sentence's own match of "some" must still be searched.
    compiled = Pattern.compile(r"not\.\s+some|some", CASE_BLIND)
    sentences = list(split_sentences(TEXT))
    chosen = Prefilter([compiled]).scopes(TEXT, lower_text(TEXT), Span(0, len(TEXT)), sentences)
    assert [TEXT[s.start : s.end] for s in chosen] == [
        "Tea does not.",
        "Some say green tea cures colds.",
    ]


def test_sentences_with_no_match_are_skipped() -> None:
    sentences = list(split_sentences(TEXT))
    chosen = Prefilter([Pattern.compile(r"\bhiking\b", CASE_BLIND)]).scopes(
        TEXT, lower_text(TEXT), Span(0, len(TEXT)), sentences
    )
    assert [TEXT[s.start : s.end] for s in chosen] == ["Hiking prevents cancer."]


def test_anchored_patterns_are_prefiltered_without_their_anchors() -> None:
    anchored = Prefilter([Pattern.compile(r"(?m)^\W*advertisement\W*$", CASE_BLIND)])
    assert anchored.usable
    paragraphs = [Span(0, 12), Span(14, 27), Span(30, 43)]
    text = "Drink water.\n\nAdvertisement\n\n\nThe end: ads."
    chosen = anchored.scopes(text, lower_text(text), Span(0, len(text)), paragraphs)
    assert [text[s.start : s.end].strip() for s in chosen] == ["Advertisement"]
    assert Prefilter([Pattern.compile(r"\badvertisement\b", CASE_BLIND)]).usable


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?m)^\W*tags\W*$", r"(?m)tags"),
        (r"\.{3}(?=\s*$)", r"\.{3}(?=)"),
        (r"[$^]x\Z", r"[$^]x"),
        # Out of a negative lookahead, an anchor would forbid more; empty, it matches all.
        (r"x(?!\s*$)", None),
        (r"^\s*$", None),
        (r"(?>a*$)b", None),
    ],
)
def test_unanchored(pattern: str, expected: str | None) -> None:
    found = unanchored(Pattern.compile(pattern))
    assert (found.pattern if found else None) == expected


def _findings(paths: list[Path]) -> list[tuple[str, str, int, int]]:
    rules = RuleSet(load_rules(), Config(), preset="strict")
    out = []
    for path in paths:
        document = parse_document(str(path), path.read_text("utf-8"))
        for result in lint_document(document, rules.for_path(str(path))):
            out.extend((f.path, f.rule, f.line, f.column) for f in result.findings)
    return out


def test_prefiltered_rules_find_what_unfiltered_rules_find(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = Path(__file__).resolve().parents[1]
    paths = [
        path
        for path in sorted((root / "examples").iterdir())
        + sorted((root / "tests" / "fixtures").iterdir())
        if path.is_file()  # examples/house-rules is a rule directory, not a post
    ]
    fast = _findings(paths)
    assert len(fast) > 40
    # Every scope is a candidate: the rules search each sentence, as before the prefilter.
    monkeypatch.setattr(Prefilter, "scopes", lambda self, text, low, within, scopes: list(scopes))
    assert _findings(paths) == fast


@given(st.text(alphabet="detoxcurhalbzDETOXCURHAL -.", max_size=40))
def test_a_pattern_said_not_to_match_never_matches(text: str) -> None:
    patterns = [r"\bdetox(?:es)?\b", r"\b(?:cures?|heals?) (?:it|all)", r"(?:de)?tox+ (?:a|b)"]
    for source in patterns:
        fast = FastPattern.of(Pattern.compile(source, CASE_BLIND))
        if not fast.may_match(text, lower_text(text)):
            assert fast.original.search(text) is None


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bcures?\b", r"cures?\b"),
        (r"(?<!not )(?<![\w-])\bhelps?", r"helps?"),
        (r"\b(?:(?:many|some) )?(?:experts|doctors)\b", r"(?:experts|doctors)\b"),
        # Each alternative on its own.
        (
            r"(?:we|this) use cookies|\baccept (?:all )?cookies",
            r"(?:we|this) use cookies|accept (?:all )?cookies",
        ),
        # Nothing would be left, or the group is not a plain greedy option.
        (r"\b|x", r"\b|x"),
        (r"(?:a)?", r"(?:a)?"),
        (r"(?:a)??b", r"(?:a)??b"),
        (r"(?:[)])?x", r"x"),
    ],
)
def test_loosen_drops_what_a_pattern_opens_with_that_it_can_do_without(
    pattern: str, expected: str
) -> None:
    assert loosen(Pattern.compile(pattern, CASE_BLIND)).pattern == expected


@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_loosened_pattern_matches_wherever_the_pattern_does(pattern: str) -> None:
    compiled = Pattern.compile(pattern, CASE_BLIND)
    loose = loosen(compiled)
    for start in range(len(TEXT)):
        match = compiled.match(TEXT, start)
        if match:
            found = loose.search(TEXT, start)
            assert found is not None and found.start() < max(match.end(), start + 1)


@pytest.mark.parametrize("pattern", [*PATTERNS, r"(?<![\w-])studies\b", r"\bread\b", r"\bnope\b"])
def test_a_pattern_searched_after_its_twin_finds_the_same_matches(pattern: str) -> None:
    compiled = Pattern.compile(pattern, CASE_BLIND)
    fast = FastPattern.of(compiled)
    assert fast.loose[1] is not None or not pattern.startswith(("\\b", "(?<"))
    expected = [m.span() for m in compiled.finditer(TEXT)]
    assert [m.span() for m in fast.finditer(TEXT, lower_text(TEXT))] == expected
    first = fast.first(TEXT, lower_text(TEXT))
    assert (first.span() if first else None) == (expected[0] if expected else None)


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bpublished in (?:the )?(?-i:[A-Z])",
        r"\bissue of (?:the )?(?-i:[A-Z])",
        r"(?-i:\bFDA\b) (?:says|said)",
    ],
)
def test_a_pattern_that_minds_case_in_part_is_first_searched_blind(pattern: str) -> None:
    compiled = Pattern.compile(pattern, CASE_BLIND)
    fast = FastPattern.of(compiled)
    assert fast.fast is compiled and fast.blind is not None
    # Long enough for the blind twin to be used, with near misses in the wrong case.
    text = (
        "Results were published in the summer. " * 30
        + "They were Published in The Lancet, an issue of the Lancet the fda said. "
        + "The FDA said so; the Oct. 9 issue of Neurology had it. " * 3
    )
    expected = [m.span() for m in compiled.finditer(text)]
    assert [m.span() for m in fast.finditer(text, lower_text(text))] == expected
    assert (
        fast.first("Nothing to see here. " * 80, lower_text("Nothing to see here. " * 80)) is None
    )


def test_a_whole_post_rule_searches_the_post_once_with_its_anchors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Without its "(?m)^", this pattern would be tried from every blank of a long run of
    # them, as an HTML page of nested tags is once its markup is masked.
    from healthlint.core.model import Finding
    from healthlint.language import prefilter

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a whole-post rule needs no prefilter")

    monkeypatch.setattr(prefilter.Prefilter, "scopes", refuse)
    rule = parse_rule(
        "name: furniture\nkind: pattern\nseverity: warning\nscope: post\n"
        "patterns: ['(?m)^[^\\w\\n]*share on facebook[^\\w\\n]*$']\n"
        "message: furniture\ndescription: Furniture.\n"
        "examples: {fail: ['Share on Facebook'], pass: ['Share the load.']}\n",
        "furniture.yaml",
    )
    text = "# Tips\n\n" + " " * 5000 + "Walk daily.\n\nShare on Facebook\n"
    (result,) = lint_document(parse_document("post.md", text), [rule])
    findings: tuple[Finding, ...] = result.findings
    assert [(f.rule, f.line, f.column) for f in findings] == [("furniture", 5, 1)]


def test_search_text_finds_the_original_match_and_skips_a_text_without_its_words() -> None:
    fast = FastPattern.of(Pattern.lazy(r"\b(?:told|wrote)\s+Dr\b", CASE_BLIND))
    text = "The liver recovers, WROTE Dr. Lee."
    found = fast.search_text(text, lower_text(text))
    assert found is not None and found.group() == "WROTE Dr"
    other = FastPattern.of(Pattern.lazy(r"\b(?:told|wrote)\s+Dr\b", CASE_BLIND))
    plain = "The liver recovers."
    assert other.search_text(plain, lower_text(plain)) is None
    assert not other.original.is_compiled  # never searched, so never compiled
    assert other.search_text("İt TOLD Dr. Lee", None) is not None  # nothing known: searched
