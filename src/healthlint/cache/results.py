"""Results cached per file, so that an unchanged repository re-lints in a blink.

An entry is keyed by the healthlint version and code, the exact rules that apply to the
file (their validated settings), the file's name and its bytes, and today's date when a
rule that applies reads it: change any of them and the file is linted again. Entries live
in ``.healthlint_cache/`` (which ignores itself for git); a cache that cannot be read or
written is simply not used.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from healthlint import __version__
from healthlint.cache.identity import code_fingerprint
from healthlint.core import metadata
from healthlint.core.model import DEFAULT_GENRE, Edit, Finding, PostResult, Severity, Span
from healthlint.files.atomic import temporary_file
from healthlint.rules.spec import RuleSpec

CACHE_DIR = ".healthlint_cache"
_SEVERITIES = {s.value: s for s in Severity}


def rules_key(
    rules: Sequence[RuleSpec], genre: str = DEFAULT_GENRE, known: Iterable[str] = ()
) -> str:
    """A hash of the rules that run and everything they are run with: the genre, and
    ``known``, every rule name of the run (a suppression comment naming a rule is
    judged against them)."""
    # healthlint's own code, not only its version: a checkout edited, or installed from a
    # newer commit, must not answer with what the old code found.
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(f"genre\0{genre}\0".encode())
    digest.update(f"known\0{','.join(sorted(known))}\0".encode())
    today = _today_as_read(rules)
    if today:
        digest.update(f"today\0{today}\0".encode())
    for rule in rules:
        digest.update(_canonical(rule).encode())
    return digest.hexdigest()


def _today_as_read(rules: Sequence[RuleSpec]) -> str:
    """Today's date as precisely as the rules read it (the day, the year, or not at all):
    a post's "updated 200 days ago" changes with the date, and the results with it. Only
    rule sets that read the date lose their cache when it changes."""
    reads = {rule.reads_today() for rule in rules}
    today = metadata.today()
    if "day" in reads:
        return today.isoformat()
    if "year" in reads:
        return str(today.year)
    return ""


def _canonical(value: object) -> str:
    """Every setting of a rule as text, the same in every process."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = (
            f"{f.name}={_canonical(getattr(value, f.name))}" for f in dataclasses.fields(value)
        )
        return f"{type(value).__name__}({','.join(fields)})"
    if isinstance(value, re.Pattern):
        return f"re({value.pattern!r},{value.flags})"
    if isinstance(value, (tuple, list)):
        return f"[{','.join(_canonical(item) for item in value)}]"
    if isinstance(value, (set, frozenset)):
        return f"{{{','.join(sorted(_canonical(item) for item in value))}}}"
    if isinstance(value, dict):
        items = sorted(f"{_canonical(k)}:{_canonical(v)}" for k, v in value.items())
        return f"{{{','.join(items)}}}"
    return repr(value)


class Cache:
    def __init__(self, root: Path) -> None:
        self.directory = root / CACHE_DIR / f"v{__version__}"
        self._folder = os.fspath(self.directory)

    def key(self, rules: str, name: str, data: bytes) -> str:
        digest = hashlib.sha256(rules.encode())
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> list[PostResult] | None:
        # A warm run asks once per file: plain strings, not Path objects, on this path.
        name = os.path.join(self._folder, key[:2], f"{key}.json")
        try:
            with open(name, "rb") as entry:
                entries = json.loads(entry.read())
            return [_result(e) for e in entries]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, results: Sequence[PostResult]) -> None:
        folder = self.directory / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            ignore = self.directory.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Created by healthlint.\n*\n", "utf-8")
            handle, temporary = temporary_file(folder, "")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump([_entry(r) for r in results], out, ensure_ascii=False)
            os.replace(temporary, folder / f"{key}.json")
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(temporary)


def _entry(result: PostResult) -> dict[str, Any]:
    return {
        "path": result.path,
        "title": result.title,
        "line": result.line,
        "end_line": result.end_line,
        "findings": [
            [
                f.rule,
                f.severity.value,
                f.message,
                f.line,
                f.column,
                f.end_line,
                f.end_column,
                f.fingerprint,
                [f.fix.span.start, f.fix.span.end, f.fix.text, f.fix.applicability]
                if f.fix
                else None,
                f.post_level,
            ]
            for f in result.findings
        ],
    }


def _result(entry: dict[str, Any]) -> PostResult:
    path = entry["path"]
    findings = tuple(
        Finding(
            path,
            rule,
            _SEVERITIES[severity],
            message,
            line,
            column,
            end_line,
            end_column,
            fingerprint,
            Edit(Span(fix[0], fix[1]), fix[2], fix[3]) if fix else None,
            post_level,
        )
        for (
            rule,
            severity,
            message,
            line,
            column,
            end_line,
            end_column,
            fingerprint,
            fix,
            post_level,
        ) in entry["findings"]
    )
    return PostResult(path, entry["title"], entry["line"], entry["end_line"], findings)
