"""Which lines changed since a git revision, for linting only what a change touched."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from healthlint.core.errors import HealthlintError
from healthlint.core.model import PostResult

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def changed_lines(revision: str, cwd: Path | None = None) -> dict[str, set[int]]:
    """Added or changed lines of each file changed since ``revision`` (committed, staged
    or not), keyed by absolute path. New untracked files count as wholly changed."""
    top = _git(["rev-parse", "--show-toplevel"], cwd, "not inside a git repository")
    _git(
        ["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
        cwd,
        f"unknown git revision '{revision}'",
    )
    diff = _git(
        ["diff", "--no-color", "--no-ext-diff", "--unified=0", revision, "--"],
        cwd,
        "git diff failed",
    )
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            if name == "/dev/null":
                current = None
                continue
            name = name[2:] if name.startswith("b/") else name
            current = changed.setdefault(os.path.join(top, name), set())
        elif line.startswith("@@") and current is not None:
            match = _HUNK.match(line)
            if match:
                start, count = int(match.group(1)), int(match.group(2) or "1")
                current.update(range(start, start + count))
    untracked = _git(
        ["ls-files", "--others", "--exclude-standard"], Path(top), "git ls-files failed"
    )
    for name in untracked.splitlines():
        changed[os.path.join(top, name)] = _all_lines(os.path.join(top, name))
    return changed


def _all_lines(path: str) -> set[int]:
    try:
        with open(path, "rb") as handle:
            count = handle.read().count(b"\n") + 1
    except OSError:
        return set()
    return set(range(1, count + 1))


def _git(arguments: Sequence[str], cwd: Path | None, failure: str) -> str:
    try:
        done = subprocess.run(
            ["git", *arguments], cwd=cwd, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise HealthlintError("--diff needs git, and git is not installed") from None
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()
        raise HealthlintError(f"--diff: {failure}" + (f" ({detail[-1]})" if detail else ""))
    return done.stdout.strip()


def only_changed(
    results: Sequence[PostResult], changed: Mapping[str, set[int]]
) -> list[PostResult]:
    """Keep the posts of changed files and, in them, findings on changed lines."""
    kept = []
    for result in results:
        lines = changed.get(os.path.abspath(result.path))
        if lines is None:
            continue
        findings = tuple(f for f in result.findings if f.line in lines)
        kept.append(replace(result, findings=findings))
    return kept
