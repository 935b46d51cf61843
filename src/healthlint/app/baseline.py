"""Baselines: accept today's findings so that CI fails only on new ones.

A finding is recorded by rule, path and fingerprint (a hash of the text it is about), not
by line, so edits elsewhere in a post do not wake it up. Identical findings are counted,
so a second copy of a baselined sentence is still reported.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path, PurePath

from healthlint.core.errors import HealthlintError
from healthlint.core.model import PostResult
from healthlint.files.atomic import write_atomically

_FORMAT = 1
Key = tuple[str, str, str]


def _key(rule: str, path: str, fingerprint: str) -> Key:
    return rule, PurePath(path).as_posix(), fingerprint


def write_baseline(path: Path, results: Sequence[PostResult]) -> int:
    entries = sorted(
        (
            {
                "rule": f.rule,
                "path": PurePath(f.path).as_posix(),
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


def load_baseline(path: Path) -> Counter[Key]:
    try:
        document = json.loads(path.read_text("utf-8"))
        entries = document["findings"]
        if document.get("healthlint_baseline") != _FORMAT or not isinstance(entries, list):
            raise ValueError
        return Counter(_key(e["rule"], e["path"], e["fingerprint"]) for e in entries)
    except FileNotFoundError:
        raise HealthlintError(f"{path}: baseline file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise HealthlintError(f"{path}: cannot read baseline ({error})") from None
    except (ValueError, KeyError, TypeError):
        raise HealthlintError(
            f"{path}: not a healthlint baseline (write one with --write-baseline)"
        ) from None


def apply_baseline(
    results: Sequence[PostResult], baseline: Counter[Key]
) -> tuple[list[PostResult], int]:
    """The results without baselined findings, and how many were dropped."""
    remaining = Counter(baseline)
    dropped = 0
    kept_results = []
    for result in results:
        kept = []
        for finding in result.findings:
            key = _key(finding.rule, finding.path, finding.fingerprint)
            if remaining[key] > 0:
                remaining[key] -= 1
                dropped += 1
            else:
                kept.append(finding)
        kept_results.append(replace(result, findings=tuple(kept)))
    return kept_results, dropped
