"""A rule's own examples, run: each ``fail`` text must fire the rule, each ``pass`` text
must not.

The test suite runs the built-in rules' examples through this; ``healthlint test-rules``
runs a team's, and a session refuses a team's rule whose examples fail when it validates
the rule set (not on a run answered from the stored rule set).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from healthlint.core.errors import HealthlintError
from healthlint.core.model import DEFAULT_GENRE, Finding
from healthlint.engine.edits import apply_edits
from healthlint.engine.lint import lint_document
from healthlint.parse import parse_document
from healthlint.rules.loader import example_path
from healthlint.rules.spec import RuleSpec

Expect = Literal["fail", "pass"]
_SHOWN = 100
"""Characters of an example's text shown in a report: enough to find it in the file."""


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """One example of a rule, linted with that rule alone."""

    rule: str
    expect: Expect
    number: int
    """The example's place in its list (``fail`` or ``pass``), from 1."""
    text: str
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        if self.expect == "fail":
            return bool(self.findings) and all(f.rule == self.rule for f in self.findings)
        return not self.findings

    def describe(self) -> str:
        """What went wrong, on one line: which example, what was expected, what came."""
        shown = self.text if len(self.text) <= _SHOWN else self.text[:_SHOWN] + "…"
        if self.expect == "fail":
            expected, got = "a finding", "none"
        else:
            expected = "no finding"
            got = "; ".join(f"{f.line}:{f.column} {f.message}" for f in self.findings)
        return (
            f"rule '{self.rule}': {self.expect} example {self.number} {shown!r}: "
            f"expected {expected}, got {got}"
        )


def example_texts(rule: RuleSpec) -> Iterator[tuple[Expect, int, str]]:
    """Each example of ``rule``: what it expects, its number in its list, its text."""
    for number, text in enumerate(rule.examples.fail, 1):
        yield "fail", number, text
    for number, text in enumerate(rule.examples.pass_, 1):
        yield "pass", number, text


def run_example(
    rule: RuleSpec, expect: Expect, number: int, text: str, known: Collection[str]
) -> ExampleResult:
    """Lint ``text`` (Markdown, or HTML when it is a page) with ``rule`` alone, read as
    the first genre the rule is for; ``known`` are the rule names of the run."""
    path = example_path(text)
    genre = rule.genres[0] if rule.genres else DEFAULT_GENRE
    results = lint_document(parse_document(path, text), [rule], genre=genre, known=known)
    findings = tuple(f for post in results for f in post.findings)
    return ExampleResult(rule.name, expect, number, text, findings)


def run_examples(rule: RuleSpec, known: Collection[str]) -> list[ExampleResult]:
    return [run_example(rule, *example, known) for example in example_texts(rule)]


def refuse_failing_examples(rules: Mapping[Path, RuleSpec], known: Collection[str]) -> None:
    """Raise on the first rule (by file) whose own examples fail: a rule that misses its
    own example would miss the posts it was written for. Rules that cannot run here (a
    service they need is not configured) are left alone: they are skipped anyway."""
    for path, rule in sorted(rules.items()):
        if rule.unavailable_reason() is not None:
            continue
        for result in run_examples(rule, known):
            if not result.ok:
                raise HealthlintError(
                    f"{path}: {result.describe()} "
                    f"(`healthlint test-rules {path.parent}` runs them all)"
                )


def unsettled_append(rule: RuleSpec, known: Collection[str]) -> str | None:
    """Why ``rule``'s ``append`` fix would be made again on every ``--fix`` run (its text
    does not satisfy the rule, so the rule still fires once it is there), or None. Told
    from the rule's ``fail`` examples: each is fixed, then linted again."""
    fix = rule.fix
    if fix is None or fix.append is None:
        return None
    appended = "\n\n" + fix.append.strip()
    for expect, number, text in example_texts(rule):
        if expect != "fail":
            continue
        edits = [f.fix for f in run_example(rule, expect, number, text, known).findings if f.fix]
        if not any(edit.text == appended for edit in edits):
            continue  # the fix does not apply to this example (an HTML page)
        fixed, _ = apply_edits(text, edits)
        again = run_example(rule, expect, number, fixed, known).findings
        if any(f.fix is not None and f.fix.text == appended for f in again):
            return (
                f"rule '{rule.name}': fix.append text does not satisfy the rule itself "
                f"(fail example {number} still fires once it is appended), so --fix would "
                "append it again on every run; word it so that the rule accepts it"
            )
    return None


def refuse_unsettled_appends(rules: Mapping[Path, RuleSpec], known: Collection[str]) -> None:
    """Raise on the first rule (by file) whose ``append`` fix would be made on every run."""
    for path, rule in sorted(rules.items()):
        problem = unsettled_append(rule, known)
        if problem is not None:
            raise HealthlintError(f"{path}: {problem}")
