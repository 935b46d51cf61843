"""Baselines: accept today's findings so that CI fails only on new ones.

A finding is recorded by rule, path and fingerprint (a hash of the text it is about), not
by line, so edits elsewhere in a post do not wake it up. Identical findings are counted,
so a second copy of a baselined sentence is still reported.

Paths are recorded from the project root (see ``project_root``), not from the working
directory, so one baseline answers for a run from any folder of the project.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePath

from healthlint.core.errors import HealthlintError
from healthlint.core.model import PostResult
from healthlint.files.atomic import write_atomically
from healthlint.files.inputs import BASELINE_LIMIT, read_text
from healthlint.files.limits import TooComplex, load_json

_FORMAT = 1
Key = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Baseline:
    """The findings a baseline accepts, counted, and the files it names that are not
    there (moved, deleted, or recorded from another folder by an older healthlint)."""

    counts: Counter[Key]
    missing_files: tuple[str, ...] = ()


def project_root(config_root: Path | None, start: Path) -> Path:
    """Where baseline paths start: the folder of the config file in use, else the top of
    the git checkout holding ``start``, else ``start``."""
    if config_root is not None:
        return config_root
    from healthlint.files.discover import repository_top

    return repository_top(start.resolve()) or start


def _relative(path: str, root: Path) -> str:
    """``path`` as recorded in a baseline: from ``root``, with "/". A name that is no file
    (standard input) is kept as it is."""
    if not os.path.exists(path):
        return PurePath(path).as_posix()
    return Path(os.path.relpath(Path(path).resolve(), root.resolve())).as_posix()


def _key(rule: str, path: str, fingerprint: str) -> Key:
    return rule, path, fingerprint


def write_baseline(path: Path, results: Sequence[PostResult], root: Path) -> int:
    relative = {p: _relative(p, root) for p in {r.path for r in results}}
    entries = sorted(
        (
            {
                "rule": f.rule,
                "path": relative[r.path],
                "fingerprint": f.fingerprint,
                "message": f.message,
            }
            for r in results
            for f in r.findings
        ),
        key=lambda e: (e["path"], e["rule"], e["fingerprint"]),
    )
    document = {"healthlint_baseline": _FORMAT, "findings": entries}
    write_atomically(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return len(entries)


def load_baseline(path: Path, root: Path) -> Baseline:
    if not os.path.exists(path):
        raise HealthlintError(f"{path}: baseline file not found")
    text = read_text(path, what="baseline", limit=BASELINE_LIMIT)
    try:
        document = load_json(text)
        entries = _entries(document)
        keys = [(rule, _recorded(name, root), fingerprint) for rule, name, fingerprint in entries]
    except TooComplex as error:
        raise HealthlintError(f"{path}: not a healthlint baseline: {error}") from None
    except ValueError:
        raise HealthlintError(
            f"{path}: not a healthlint baseline (write one with --write-baseline)"
        ) from None
    names = sorted({name for _, name, _ in keys})
    missing = tuple(n for n in names if not n.startswith("<") and not (root / n).exists())
    return Baseline(Counter(_key(*key) for key in keys), missing)


def _entries(document: object) -> list[Key]:
    """Each finding a baseline document records, as (rule, path, fingerprint); ValueError
    when it is not a baseline, or an entry is not three strings."""
    if not isinstance(document, dict) or document.get("healthlint_baseline") != _FORMAT:
        raise ValueError("not a baseline")
    entries = document.get("findings")
    if not isinstance(entries, list):
        raise ValueError("no findings")
    keys = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise ValueError("an entry is not a mapping")
        rule, name, fingerprint = entry.get("rule"), entry.get("path"), entry.get("fingerprint")
        if not (isinstance(rule, str) and isinstance(name, str) and isinstance(fingerprint, str)):
            raise ValueError("an entry's rule, path or fingerprint is not text")
        if "\0" in name:  # no file has such a name; the OS refuses to look one up
            raise ValueError("a path with a NUL character")
        keys.append(_key(rule, name, fingerprint))
    return keys


def _recorded(name: str, root: Path) -> str:
    """An entry's path, from ``root``: an absolute one (a run on absolute paths) is made
    relative to it."""
    if os.path.isabs(name):
        return _relative(name, root)
    return PurePath(os.path.normpath(name)).as_posix()


def apply_baseline(
    results: Sequence[PostResult], baseline: Baseline, root: Path
) -> tuple[list[PostResult], int]:
    """The results without baselined findings, and how many were dropped."""
    # Only the counts of the keys met are copied: a check calls this once per file (per
    # record of an export), and copying the whole baseline each time would cost
    # records x baseline.
    remaining: dict[Key, int] = {}
    relative = {p: _relative(p, root) for p in {r.path for r in results}}
    dropped = 0
    kept_results = []
    for result in results:
        kept = []
        for finding in result.findings:
            key = _key(finding.rule, relative[result.path], finding.fingerprint)
            left = remaining.get(key, baseline.counts[key])
            if left > 0:
                remaining[key] = left - 1
                dropped += 1
            else:
                kept.append(finding)
        kept_results.append(replace(result, findings=tuple(kept)))
    return kept_results, dropped
