"""RE2's rewrites of prefilter patterns must match wherever Python's engine matches."""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import re2
from hypothesis import given
from hypothesis import strategies as st

from healthlint.config.ruleset import RuleSet
from healthlint.config.settings import Config
from healthlint.core.model import Span
from healthlint.core.pattern import Pattern
from healthlint.language import linear, prefilter
from healthlint.language.linear import LinearScan, accepted, superset
from healthlint.language.prefilter import Prefilter, lower_text, lowered
from healthlint.language.prose import split_sentences
from healthlint.rules.kinds.claim import ClaimRule
from healthlint.rules.kinds.pattern import PatternRule
from healthlint.rules.loader import load_rules


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"cures?\b", 0, "cures?"),
        (r"(?<![\w-])tea(?![\w-])", 0, "tea"),
        # Python's classes hold non-ASCII characters; RE2's would not.
        (r"(?P<year>\d{4}) et al\.", 0, r"(?:[0-9\x{80}-\x{10FFFF}]{4})\x{20}et\x{20}al\x{2E}"),
        # In a negated class only the ASCII members are taken out.
        (r"[^\w\s]+", 0, r"[^0-9A-Za-z_\t-\r\x{1C}-\x{20}]+"),
        (r"a{,3}x{2}+", 0, "a{0,3}x{2}"),
        (r"(?>ab|a)c", 0, r"(?:ab|a)c"),
        (r"[\-a-z]", 0, r"[\x{2D}a-z]"),
        (r"[]a]", 0, r"[\x{5D}a]"),
        (r"\u00e9t\xe9{x}", 0, r"été\x{7B}x\x{7D}"),
        (r"dose.", re.DOTALL, "(?s)dose."),
    ],
)
def test_superset_rewrites(pattern: str, flags: int, expected: str) -> None:
    assert superset(pattern, flags) == expected


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"^tags", 0),  # anchors: the prefilter takes them out first, or cannot
        (r"x\Z", 0),
        (r"(a)\1", 0),  # back references
        (r"(?i:x)y", 0),  # inline flags
        (r"x", re.IGNORECASE),  # RE2 folds case differently
        (r"x", re.VERBOSE),
        (r"(?=a)*b", 0),  # a repeated assertion
        (r"x{1001}", 0),  # above RE2's limit
        (r"\N{BULLET}", 0),
    ],
)
def test_what_cannot_be_rewritten_stays_with_python(pattern: str, flags: int) -> None:
    assert superset(pattern, flags) is None


def test_a_rewrite_that_matches_nothing_is_refused() -> None:
    # Without its assertion "\bx?" matches an empty string: it would choose every scope.
    source = superset(r"\bx?")
    assert source == "x?"
    assert not accepted(source)
    assert accepted("x")


SAMPLES = [
    "Doctors say green tea cures colds, according to a 2019 study.",
    "Praticò et al. found a 40% lower risk (p < 0.05) in 1,200 adults.",
    "The naïve claim: café au lait detoxes the liver\u00a0overnight!",
    "\u201cIt\u2019s proven to work,\u201d said Dr.\u00a0Zoë Müller of the Institute.",
    "Research shows turmeric may help\u2009\u2014 or may not.",
    "Studies suggest that 3\u00bd cups a day boosts immunity by 20 per cent.",
    "Experts agree: vitamin\u2011D supplements prevent cancer and heal wounds.",
    "A new study, published in Nature, links sleep to memory in 12\u202f000 people.",
]


def _prefilters() -> Iterator[tuple[str, Prefilter]]:
    rules = RuleSet(load_rules(), Config(), preset="strict")
    for rule in rules.for_path("post.md"):
        if isinstance(rule, PatternRule) and rule.scope in ("heading", "title"):
            # Searched without a prefilter (a small part of a post), but their patterns
            # are as good a test of the rewrites as any.
            assert rule._prefilter is None
            yield rule.name, Prefilter(rule._matchers)
        elif isinstance(rule, PatternRule) and rule.scope != "post":
            assert rule._prefilter is not None
            yield rule.name, rule._prefilter
        elif isinstance(rule, ClaimRule):
            yield rule.name, rule._trigger_filter


def _starts_covered(pattern: Pattern, fast: Pattern, source: str, text: str) -> int:
    """That RE2's rewrite matches at every start of a match of ``pattern`` (in the text
    each searches: the lower-cased one for a lower-cased twin); how many there were."""
    searched = text if fast is pattern else text.lower()
    rewritten = re2.compile(source)
    count = 0
    for match in fast.finditer(searched):
        assert rewritten.match(searched, match.start()) is not None, (
            fast.pattern,
            searched[match.start() : match.end()],
        )
        count += 1
    return count


def _texts() -> list[str]:
    """The samples above, every rule's own examples, the example posts and fixtures."""
    texts = list(SAMPLES)
    for rule in load_rules().values():
        texts += [*rule.examples.fail, *rule.examples.pass_]
    root = Path(__file__).resolve().parents[1]
    posts = [*(root / "examples").iterdir(), *(root / "tests" / "fixtures").iterdir()]
    texts += [p.read_text("utf-8") for p in sorted(posts) if p.is_file() and p.suffix != ".py"]
    return texts


def test_every_built_in_prefilter_pattern_is_matched_by_its_rewrite() -> None:
    texts = _texts()
    rewritten = matched = 0
    for _, chooser in _prefilters():
        for pattern in chooser._searched:
            fast = lowered(pattern)
            source = superset(fast.pattern, fast.flags)
            if source is None or not accepted(source):
                continue
            rewritten += 1
            matched += sum(_starts_covered(pattern, fast, source, text) for text in texts)
    assert rewritten > 40  # most of them: a change that loses RE2 shows here
    assert matched > 1000  # the texts exercise them


HANDWRITTEN = [
    r"\bcures?\b",
    r"(?<![\w-])d[ée]tox(?:es|ed)?(?![\w-])",
    r"\d+(?:[.,]\d+)?\s?%\s+(?:lower|higher) risk",
    r"[^\w\s]{2,}",
    r"\w+\W+\w+",
    r"\S+@\S+",
    r"[\w'’-]+ et al\.",
    r"(?P<year>(?:19|20)\d\d)\b",
    r"(?:[^\d\s]|\s)[\d\-]+",
    r"\bzo[eë]\b.{0,8}?m[uü]ller",
]


@given(st.text(alphabet="aeëéòüzxt odcurs2019%.,-_'’\u00a0\u2009\n@DM", max_size=60))
def test_rewrites_match_wherever_python_does(text: str) -> None:
    for pattern in HANDWRITTEN:
        source = superset(pattern)
        assert source is not None and accepted(source), pattern
        rewritten = re2.compile(source)
        for match in re.finditer(pattern, text):
            assert rewritten.match(text, match.start()) is not None, (pattern, text)


def test_scan_positions_are_those_of_the_text_and_it_pickles_as_its_source() -> None:
    scan = LinearScan.of(["caf[^0-9A-Za-z_]", "detox"])
    assert scan is not None
    text = "Un café, then a detox."
    assert list(scan.spans(text)) == [(3, 7), (16, 21)]
    assert list(scan.spans(text, 5, 20)) == []
    restored = pickle.loads(pickle.dumps(scan))
    assert restored.source == scan.source
    assert list(restored.spans(text, 10)) == [(16, 21)]


def test_without_re2_python_scans_and_chooses_the_same_scopes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = " ".join(SAMPLES)
    sentences = list(split_sentences(text))
    patterns = [Pattern.compile(p, re.IGNORECASE) for p in (r"\bcures?\b", r"\bet al\.")]
    with_re2 = Prefilter(patterns)
    assert with_re2._rest == ()
    chosen = with_re2.scopes(text, lower_text(text), Span(0, len(text)), sentences)
    assert [text[s.start : s.end] for s in chosen] == [SAMPLES[0], SAMPLES[1]]
    monkeypatch.setattr(linear, "engine", lambda: None)
    monkeypatch.setattr(prefilter, "engine", lambda: None)
    without = Prefilter(patterns)
    assert len(without._rest) == 2
    assert without.scopes(text, lower_text(text), Span(0, len(text)), sentences) == chosen
    # A stored rule set scanned with RE2 falls back to Python's engine where it is missing.
    assert with_re2.scopes(text, lower_text(text), Span(0, len(text)), sentences) == chosen


def test_a_post_whose_lower_cased_copy_moves_offsets_is_scanned_by_python() -> None:
    # "İ" lower-cases to two characters: RE2's twins, made for the lower-cased text, are
    # not used, and Python's engine searches the text itself.
    text = "İstanbul has tea. Green tea cures colds."
    assert lower_text(text) is None
    sentences = list(split_sentences(text))
    chooser = Prefilter([Pattern.compile(r"\bcures?\b", re.IGNORECASE)])
    chosen = chooser.scopes(text, None, Span(0, len(text)), sentences)
    assert [text[s.start : s.end] for s in chosen] == ["Green tea cures colds."]


def test_each_post_of_a_dump_is_scanned_by_itself() -> None:
    # RE2 encodes the text it is given on every call: given the whole dump for each of its
    # posts, a dump of many posts would take time in the square of its length.
    scan = LinearScan.of(["cure"])
    assert scan is not None
    given: list[int] = []

    class Counting:
        def finditer(self, text: str) -> Iterator[re2._Match]:
            given.append(len(text))
            return compiled.finditer(text)

    compiled = re2.compile(scan.source)
    scan._compiled = Counting()
    posts = ["A tea that can cure colds. " * 3, "Nothing here. " * 5, "A cure. "]
    dump = "".join(posts)
    start = 0
    found = []
    for post in posts:
        found += scan.spans(dump, start, start + len(post))
        start += len(post)
    assert given == [len(p) for p in posts]
    assert [dump[a:b] for a, b in found] == ["cure"] * 4


def test_a_lone_surrogate_is_scanned_by_python() -> None:
    # A JSON export may hold "\ud800", which UTF-8, and so RE2, cannot encode.
    text = "My garden is nice \ud800 today. Green tea cures colds."
    sentences = list(split_sentences(text))
    chooser = Prefilter([Pattern.compile(r"\bcures?\b", re.IGNORECASE)])
    chosen = chooser.scopes(text, lower_text(text), Span(0, len(text)), sentences)
    assert [text[s.start : s.end] for s in chosen] == ["Green tea cures colds."]


def test_a_post_with_a_lone_surrogate_is_linted(tmp_path: Path) -> None:
    from healthlint.api import Linter

    (post,) = Linter.from_config().lint_text("Coffee prevents cancer \ud800 today.\n", name="x.md")
    assert [(f.rule, f.line, f.column) for f in post.findings] == [
        ("supplement-disease-claim", 1, 8),
        ("unsupported-causal-claim", 1, 8),
    ]
