from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from healthlint.config.ruleset import RuleSet
from healthlint.config.settings import Config
from healthlint.core.model import Finding
from healthlint.engine.lint import lint_document
from healthlint.parse import parse_document
from healthlint.rules.loader import load_rules
from healthlint.rules.spec import RuleSpec

Lint = Callable[..., list[Finding]]


@pytest.fixture(autouse=True)
def _no_results_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see fresh results (the cache has tests of its own), and never reach a real
    LanguageTool server a developer may have set up."""
    monkeypatch.setenv("HEALTHLINT_NO_CACHE", "1")
    monkeypatch.delenv("HEALTHLINT_LANGUAGETOOL_URL", raising=False)


@pytest.fixture(scope="session")
def builtin_rules() -> dict[str, RuleSpec]:
    return load_rules()


@pytest.fixture
def lint(builtin_rules: dict[str, RuleSpec]) -> Lint:
    """Lint a string as a file of the given name; returns every finding of every post."""

    def run(
        text: str,
        name: str = "post.md",
        select: Sequence[str] | None = None,
        genre: str = "blog",
    ) -> list[Finding]:
        rules = RuleSet(builtin_rules, Config(), select=select, genre=genre).for_path(name)
        document = parse_document(name, text)
        return [f for post in lint_document(document, rules, genre=genre) for f in post.findings]

    return run


def where(findings: Sequence[Finding], rule: str) -> list[tuple[int, int]]:
    """(line, column) of each finding of one rule."""
    return [(f.line, f.column) for f in findings if f.rule == rule]


# A team's own rule, for the tests of the caches that must see it change.
HOUSE_RULE = """\
name: house-hype
kind: pattern
severity: info
words: [{word}]
message: "Avoid '{{match}}'."
description: Hype words.
examples:
  fail: ["Kale is a {word}."]
  pass: ["Kale is a vegetable."]
"""


def modules_after_check(post: Path, prefixes: tuple[str, ...]) -> tuple[list[str], str]:
    """The modules starting with ``prefixes`` that ``healthlint check post`` imported, and
    what it printed, run in a fresh Python in the post's folder with a user cache of its
    own (``cache`` beside the post) and the results cache on."""
    import ast
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from healthlint.cli import main\n"
        "try:\n"
        f"    main(['check', {str(post)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in sys.modules if m.startswith({prefixes!r})))\n"
    )
    environment = {k: v for k, v in os.environ.items() if k != "HEALTHLINT_NO_CACHE"}
    environment["XDG_CACHE_HOME"] = str(post.parent / "cache")
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=post.parent,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    *printed, last = done.stdout.strip().splitlines()
    names: list[str] = ast.literal_eval(last)
    return names, "\n".join(printed)
