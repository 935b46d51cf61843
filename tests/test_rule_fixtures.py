"""Per-rule fixture files, in the style of yamllint's and Ruff's rule tests.

``tests/rules/<rule>/<case>.<md|html|txt>`` is a post written for the rule. Beside it,
``<case>.<ext>.expected`` lists every finding of that rule alone, one a line
(``line:column severity rule message``), and for a rule with a fix
``<case>.<ext>.fixed`` is the post after ``check --fix``. A rule's examples say whether it
fires; these pin where, with what message, and what its fix writes.

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


@pytest.mark.parametrize(
    "case",
    [c for c in _CASES if c.with_name(c.name + ".fixed").is_file() or _UPDATE],
    ids=lambda p: p.relative_to(FIXTURES).as_posix(),
)
def test_fixed(case: Path, builtin_rules: dict[str, RuleSpec]) -> None:
    if builtin_rules[case.parent.name].fix is None:
        pytest.skip("the rule has no fix")
    source, findings = _findings(case, builtin_rules)
    fixed, _ = apply_edits(source, [f.fix for f in findings if f.fix is not None])
    if _UPDATE and fixed == source:
        pytest.skip("nothing to fix in this post")
    _check(fixed, case.with_name(case.name + ".fixed"))


def test_every_fixture_folder_names_a_rule_and_holds_a_post(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    folders = [p for p in FIXTURES.iterdir() if p.is_dir()]
    assert len(folders) >= 15
    for folder in folders:
        assert folder.name in builtin_rules
        assert any(p.suffix in _INPUTS for p in folder.iterdir()), folder
