"""``healthlint test-rules``: run a team's rule files' own examples and report each one
that does not do what it says."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from healthlint.app.check import EXIT_FINDINGS, EXIT_OK, Console
from healthlint.core.errors import HealthlintError


def test_rule_files(directories: Sequence[Path], console: Console) -> int:
    """Exit code: 0 when every example passes, 1 when one fails; an unreadable or invalid
    rule file raises ``HealthlintError`` (exit 2). The built-in rules are loaded too, so
    that names and overrides resolve as in a run."""
    from healthlint.engine.examples import run_examples
    from healthlint.report import visible
    from healthlint.rules.loader import read_rule_files, rule_dirs

    dirs = rule_dirs(directories)
    files = read_rule_files(dirs)
    wanted = set(dirs[1:])
    teams = sorted((path, rule) for path, rule in files.values() if path.parent in wanted)
    if not teams:
        names = ", ".join(str(d) for d in directories)
        raise HealthlintError(f"{names}: no rule files (*.yaml, *.yml) to test")
    run = failed = 0
    for path, rule in teams:
        reason = rule.unavailable_reason()
        if reason is not None:
            console.err(f"healthlint: note: {path}: rule '{rule.name}' not tested: {reason}")
            continue
        for result in run_examples(rule, files.keys()):
            run += 1
            if not result.ok:
                failed += 1
                console.out(visible(f"{path}: {result.describe()}") + "\n")
    rules = f"{len(teams)} rule{'s' if len(teams) != 1 else ''}"
    if failed:
        console.out(f"\n{failed} of {run} examples failed ({rules}).\n")
        return EXIT_FINDINGS
    console.out(f"All {run} examples passed ({rules}).\n")
    return EXIT_OK
