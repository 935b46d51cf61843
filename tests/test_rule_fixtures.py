"""Per-rule fixture files, in the style of yamllint's and Ruff's rule tests.

``tests/rules/<rule>/<case>.<md|html|txt>`` is a post written for the rule. Beside it,
``<case>.<ext>.expected`` lists every finding of that rule alone, one a line
(``line:column severity rule message``). For a rule with a fix, ``<case>.<ext>.fixed`` is
the post after ``check --fix`` (safe fixes only) and ``<case>.<ext>.unsafe-fixed`` the post
after ``check --fix --unsafe-fixes``; each is there only when it differs from the text
before it (the post, then the ``.fixed`` post), so a missing ``.fixed`` says that ``--fix``
alone leaves the post as it is. A rule's examples say whether it fires; these pin where,
with what message, and what its fix writes.

After a deliberate change, ``HEALTHLINT_UPDATE_FIXTURES=1 pytest tests/test_rule_fixtures.py``
writes the files anew; read their diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from healthlint.config.ruleset import RuleSet
from healthlint.config.settings import Config
from healthlint.core.model import Finding
from healthlint.engine.edits import apply_edits
from healthlint.engine.lint import lint_document
from healthlint.parse import parse_document
from healthlint.rules.spec import RuleSpec

FIXTURES = Path(__file__).parent / "rules"
_INPUTS = (".md", ".html", ".txt")
_CASES = sorted(p for p in FIXTURES.glob("*/*") if p.suffix in _INPUTS)
_UPDATE = bool(os.environ.get("HEALTHLINT_UPDATE_FIXTURES"))


def _findings(case: Path, rules: dict[str, RuleSpec]) -> tuple[str, list[Finding]]:
    name = case.parent.name
    source = case.read_text(encoding="utf-8")
    path = case.relative_to(FIXTURES).as_posix()
    selected = RuleSet(rules, Config(), select=[name]).for_path(path)
    document = parse_document(path, source)
    return source, [f for result in lint_document(document, selected) for f in result.findings]


def _check(actual: str, expected_file: Path) -> None:
    if _UPDATE:
        expected_file.write_text(actual, encoding="utf-8", newline="\n")
    assert expected_file.is_file(), f"{expected_file} is missing (HEALTHLINT_UPDATE_FIXTURES=1)"
    assert actual == expected_file.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", _CASES, ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_findings(case: Path, builtin_rules: dict[str, RuleSpec]) -> None:
    assert case.parent.name in builtin_rules, f"{case.parent.name}: no such rule"
    _, findings = _findings(case, builtin_rules)
    lines = [f"{f.line}:{f.column} {f.severity.label} {f.rule} {f.message}\n" for f in findings]
    _check("".join(lines), case.with_name(case.name + ".expected"))


def _fixed(case: Path, rules: dict[str, RuleSpec], *, unsafe: bool) -> tuple[str, str]:
    """The post, and the post with its fixes made: the safe ones, and with ``unsafe`` all."""
    source, findings = _findings(case, rules)
    edits = [f.fix for f in findings if f.fix is not None and (unsafe or f.fix.safe)]
    return source, apply_edits(source, edits)[0]


def _check_change(actual: str, before: str, expected_file: Path) -> None:
    """``expected_file`` holds ``actual`` when it differs from ``before``; else there is none."""
    if actual != before:
        _check(actual, expected_file)
        return
    if _UPDATE:
        expected_file.unlink(missing_ok=True)
    assert not expected_file.exists(), f"{expected_file}: the fix changes nothing there"


@pytest.mark.parametrize("case", _CASES, ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_fixed(case: Path, builtin_rules: dict[str, RuleSpec]) -> None:
    if builtin_rules[case.parent.name].fix is None:
        pytest.skip("the rule has no fix")
    source, fixed = _fixed(case, builtin_rules, unsafe=False)
    _check_change(fixed, source, case.with_name(case.name + ".fixed"))


@pytest.mark.parametrize("case", _CASES, ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_unsafe_fixed(case: Path, builtin_rules: dict[str, RuleSpec]) -> None:
    if builtin_rules[case.parent.name].fix is None:
        pytest.skip("the rule has no fix")
    _, safe = _fixed(case, builtin_rules, unsafe=False)
    _, fixed = _fixed(case, builtin_rules, unsafe=True)
    _check_change(fixed, safe, case.with_name(case.name + ".unsafe-fixed"))


def test_every_fixture_folder_names_a_rule_and_holds_a_post(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    folders = [p for p in FIXTURES.iterdir() if p.is_dir()]
    assert len(folders) >= 15
    for folder in folders:
        assert folder.name in builtin_rules
        assert any(p.suffix in _INPUTS for p in folder.iterdir()), folder
