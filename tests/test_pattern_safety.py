"""No pattern can hang a run: rule files refuse patterns that backtrack catastrophically,
too long or with too many words, and a rule that still runs too long on one post is
stopped, named, and the other rules run (``core/regex.py``, ``engine/budget.py``).

Nothing here times anything: a refusal is a message, and the time limit is tiny against
an input that would take the engine many seconds (the limit, not the clock, is tested).
"""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.cli import main
from healthlint.core.errors import HealthlintError
from healthlint.core.model import FileError
from healthlint.engine.lint import lint_document
from healthlint.parse import parse_document
from healthlint.rules.loader import parse_rule

# The red team's patterns: each takes exponential or high polynomial time in Python's
# engine on some short text.
CATASTROPHIC = [
    r"(a|a)*$",
    r"(a|aa)+$",
    r"(a*)\1*b",
    r"(.*a){25}",
    r"\w*\w*\w*\w*\w*\w*\w*\w*!",
    r"(.|\s)*Z!",
    r"(?:a+){1,1000}$",
    r"^(?:\w+\s?){1,50}$",
]


def pattern_rule(key: str, value: str, name: str = "team-rule") -> str:
    """A team rule with ``value`` under ``key`` (``patterns`` or ``unless``)."""
    patterns = json.dumps(value if key == "patterns" else "aaa")
    unless = f"unless: [{json.dumps(value)}]\n" if key == "unless" else ""
    return (
        f"name: {name}\nkind: pattern\nseverity: warning\nmessage: Say it plainly.\n"
        f"description: A team's rule.\npatterns: [{patterns}]\n{unless}"
        "examples:\n  fail: [aaa]\n  pass: [b]\n"
    )


def layout_rule(line: str) -> str:
    return (
        "name: team-layout\nkind: layout\nseverity: warning\nmessage: Odd line.\n"
        f"description: A team's rule.\nline: {json.dumps(line)}\n"
        "examples:\n  fail: [aaa]\n  pass: [b]\n"
    )


@pytest.mark.parametrize("pattern", CATASTROPHIC)
@pytest.mark.parametrize("where", ["patterns", "unless", "line"])
def test_each_catastrophic_pattern_is_refused_wherever_it_is(pattern: str, where: str) -> None:
    text = layout_rule(pattern) if where == "line" else pattern_rule(where, pattern)
    with pytest.raises(HealthlintError) as refused:
        parse_rule(text, "team/rule.yaml")
    message = str(refused.value)
    assert message.startswith("team/rule.yaml:")
    assert "can take exponential time: " in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"(a|a)*$", "repeated alternatives can match the same text"),
        (r"(a|aa)+$", "repeated alternatives can match the same text"),
        (r"(.|\s)*Z!", "repeated alternatives can match the same text"),
        (r"(a*)\1*b", "a back-reference is repeated"),
        (r"(.*a){25}", "a group repeated up to 25 times contains a repeat or alternatives"),
        (r"(?:a+){1,1000}$", "a group repeated up to 1000 times contains"),
        (r"^(?:\w+\s?){1,50}$", "a group repeated up to 50 times contains"),
        (r"\w*\w*\w*\w*\w*\w*\w*\w*!", "3 unbounded repeats in a row can match the same"),
        (r".*a.*a.*a!", "3 unbounded repeats in a row"),
        (r"(?:x(?:a|a)y)*$", "repeated alternatives"),
        (r"(?:a?){25}a{25}", "a group repeated up to 25 times"),
    ],
)
def test_the_refusal_says_what_shape_is_wrong(pattern: str, reason: str) -> None:
    from healthlint.core.regex import backtracking_risk

    found = backtracking_risk(pattern)
    assert found is not None and found.startswith(reason)


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:\w+\s+){0,3}cures",  # a few repeats of an unambiguous group
        r"(?:ab|cd)*",  # alternatives that start differently
        r"\b(\w+)\s+\1\b",  # a back-reference not repeated
        r"\w+\s+\w+\s+\w+",  # repeats of characters that do not mix
        r"(?:\s+(?:[A-Z][\w'-]*|a|an|the)){3,12}\W*$",  # each repetition starts with a space
        r"\b(?:have|has|had)\s+(?:(?:also|since)\s+){0,2}shown\b",
    ],
)
def test_ordinary_patterns_are_accepted(pattern: str) -> None:
    from healthlint.core.regex import backtracking_risk

    assert backtracking_risk(pattern) is None
    assert parse_rule(pattern_rule("unless", pattern), "team/rule.yaml").name == "team-rule"


def test_a_catastrophic_team_rule_is_exit_2_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "team.yaml").write_text(pattern_rule("patterns", r"(a|aa)+$"), "utf-8")
    (tmp_path / "post.md").write_text("Hiking prevents gout.\n", "utf-8")
    result = CliRunner().invoke(
        main,
        ["check", "--rules", str(tmp_path / "rules"), str(tmp_path / "post.md")],
    )
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"healthlint: error: {tmp_path / 'rules' / 'team.yaml'}:6: key 'patterns[0]': regular "
        "expression '(a|aa)+$' can take exponential time: repeated alternatives can match "
        "the same text, as in (a|aa)+ or (.|\\s)*: make each alternative start differently"
    ]


def test_a_pattern_of_a_hundred_thousand_alternatives_is_refused() -> None:
    huge = "|".join(f"w{i}" for i in range(100_000))
    with pytest.raises(HealthlintError) as refused:
        parse_rule(pattern_rule("patterns", huge), "team/rule.yaml")
    assert str(refused.value) == (
        f"team/rule.yaml:6: key 'patterns[0]': regular expression of {len(huge):,} "
        "characters: the limit is 10,000 (list many words under 'words' instead)"
    )


def test_a_word_list_over_the_limit_is_refused() -> None:
    words = ", ".join(f"w{i}" for i in range(10_001))
    text = pattern_rule("patterns", "aaa").replace('patterns: ["aaa"]', f"words: [{words}]")
    with pytest.raises(HealthlintError, match="'words' and 'swap' lists 10,001 words: the limit"):
        parse_rule(text, "team/rule.yaml")


# --- the time limit --------------------------------------------------------------------

needs_timer = pytest.mark.skipif(
    not hasattr(signal, "setitimer"), reason="no interval timer here (Windows): no limit"
)

# Accepted at load (two repeats in a row), yet cubic: half a minute on 3,000 letters. The
# sentence ends in a match, so that the prefilter's scan (RE2, in linear time) chooses it
# and Python's engine then searches it from its first letter.
SLOW = r"\w*\w*!"
CRAFTED = "Coffee cures gout. " + "a" * 3_000 + " b!\n"


def slow_rule() -> str:
    return pattern_rule("patterns", SLOW).replace("fail: [aaa]", "fail: [aa!]")


@needs_timer
def test_a_rule_over_its_time_is_stopped_and_named_and_the_others_run() -> None:
    rule = parse_rule(slow_rule(), "team/rule.yaml")
    other = parse_rule(pattern_rule("patterns", "gout", "gout-rule"), "team/gout.yaml")
    errors: list[FileError] = []
    document = parse_document("post.md", CRAFTED)
    results = lint_document(document, [rule, other], errors, time_limit=0.2)
    assert errors == [
        FileError(
            "post.md",
            "rule 'team-rule' was stopped after 0.2 s on this post (a pattern that "
            "backtracks on this text?); the other rules ran",
        )
    ]
    assert [f.rule for r in results for f in r.findings] == ["gout-rule"]


@needs_timer
def test_without_a_list_of_errors_a_rule_over_its_time_is_a_user_error() -> None:
    rule = parse_rule(slow_rule(), "team/rule.yaml")
    document = parse_document("post.md", CRAFTED)
    with pytest.raises(HealthlintError, match=r"^post\.md: rule 'team-rule' was stopped after"):
        lint_document(document, [rule], time_limit=0.2)


@needs_timer
def test_a_slow_pattern_is_not_run_on_a_sentence_the_linear_scan_rules_out() -> None:
    rule = parse_rule(slow_rule(), "team/rule.yaml")
    errors: list[FileError] = []
    document = parse_document("post.md", "Coffee cures gout. " + "a" * 3_000 + "\n")
    results = lint_document(document, [rule], errors, time_limit=0.2)
    assert errors == []
    assert [f for r in results for f in r.findings] == []


TEAM = "team-rule,gout-rule"
POSTS = ("post.md", "other.md")


@needs_timer
def test_the_command_line_reports_a_rule_over_its_time_as_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from healthlint.engine import budget

    monkeypatch.setattr(budget, "RULE_SECONDS", 0.2)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "team.yaml").write_text(slow_rule(), "utf-8")
    gout = pattern_rule("patterns", "gout", "gout-rule").replace("[aaa]", "[gout]")
    (tmp_path / "rules" / "gout.yaml").write_text(gout, "utf-8")
    (tmp_path / "post.md").write_text(CRAFTED, "utf-8")
    (tmp_path / "other.md").write_text("Hiking prevents gout.\n", "utf-8")
    result = CliRunner().invoke(
        main,
        # Only the team's rules: a built-in one may take longer than this tiny limit the
        # first time it loads its word lists.
        ["check", "--no-color", "-j", "1", "--rules", "rules", "--select", TEAM, *POSTS],
        catch_exceptions=False,
    )
    # Relative names: the run is in the test's folder.
    assert result.exit_code == 2, result.output
    assert (
        "healthlint: error: post.md: rule 'team-rule' was stopped after 0.2 s on this post"
        in result.output
    )
    assert "post.md:1:14: warning gout-rule Say it plainly." in result.output
    assert "other.md:1:17: warning gout-rule Say it plainly." in result.output


@needs_timer
def test_the_limit_that_handling_gives_stops_a_rule_and_leaves_nothing_behind() -> None:
    from healthlint.engine.budget import OutOfTime, handling

    before = signal.getsignal(signal.SIGALRM)
    with handling(0.01) as limit:
        with pytest.raises(OutOfTime), limit:
            while True:
                pass
        with limit:
            pass  # used again, for the next rule
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


@pytest.mark.parametrize(
    ("pattern", "risky"),
    [
        (r"(?:[a-zß]+\s?){1,50}$", True),
        (r"(?:[a-zß]x|[İA-Z]y)*$", True),
        (r"(?:[a-zß]|[İA-Z])*$", False),  # the parser makes it one class: nothing to choose
    ],
)
def test_classes_with_letters_whose_case_is_two_letters_are_compared(
    pattern: str, risky: bool
) -> None:
    # "ß".upper() is "SS" and "İ".lower() two code points: a range test must not choke.
    from healthlint.core.regex import backtracking_risk

    assert (backtracking_risk(pattern) is not None) is risky
