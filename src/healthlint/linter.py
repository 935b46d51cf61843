"""One lint run: discover files, read and parse each, apply the rules that fit its path."""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from healthlint.cache import Cache
from healthlint.config import RuleSet
from healthlint.discover import STDIN, discover
from healthlint.engine import lint_document
from healthlint.errors import HealthlintError
from healthlint.inputs import BinaryFileError, decode, read_bytes, read_stdin
from healthlint.model import FileError, PostResult
from healthlint.parse import parse_document

_MIN_FILES_PER_JOB = 8


@dataclass(frozen=True, slots=True)
class RunResult:
    results: tuple[PostResult, ...]
    errors: tuple[FileError, ...]
    files: int
    skipped: tuple[FileError, ...] = ()
    """Files passed over on purpose (binary files met while walking a directory)."""


@dataclass(slots=True)
class _FileOutcome:
    results: list[PostResult] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    skipped: list[FileError] = field(default_factory=list)
    linted: bool = False


def run(
    paths: Sequence[str],
    rules: RuleSet,
    *,
    stdin_name: str = "<stdin>",
    only: Collection[str] | None = None,
    jobs: int = 1,
    cache: Cache | None = None,
) -> RunResult:
    """Lint every post under ``paths``; with ``only`` (absolute paths), just those files.

    With ``jobs`` > 1 files are linted in that many processes; the output order is the
    same as with one.
    """
    files, errors, walked = discover(paths)
    if only is not None:
        files = [f for f in files if f != STDIN and os.path.abspath(f) in only]
    files = [f for f in files if f == STDIN or not rules.config.excluded(f)]
    tasks = [(f, f in walked) for f in files if f != STDIN]

    outcomes: list[_FileOutcome] = []
    if STDIN in files:
        outcomes.append(_lint_stdin(stdin_name, rules))
    # Starting processes costs more than linting a handful of posts.
    if jobs > 1 and len(tasks) >= _MIN_FILES_PER_JOB * jobs:
        outcomes.extend(_in_parallel(tasks, rules, cache, jobs))
    else:
        outcomes.extend(_lint_file(path, was_walked, rules, cache) for path, was_walked in tasks)

    results: list[PostResult] = []
    skipped: list[FileError] = []
    for outcome in outcomes:
        results.extend(outcome.results)
        errors.extend(outcome.errors)
        skipped.extend(outcome.skipped)
    linted = sum(1 for o in outcomes if o.linted)
    return RunResult(tuple(results), tuple(errors), linted, tuple(skipped))


def _lint_stdin(name: str, rules: RuleSet) -> _FileOutcome:
    outcome = _FileOutcome()
    try:
        source = read_stdin()
    except HealthlintError as error:
        outcome.errors.append(FileError(name, _strip_name(str(error), "<stdin>")))
        return outcome
    document = parse_document(name, source)
    outcome.results = lint_document(document, rules.for_path(name), errors=outcome.errors)
    outcome.linted = True
    return outcome


def _lint_file(path: str, walked: bool, rules: RuleSet, cache: Cache | None) -> _FileOutcome:
    outcome = _FileOutcome()
    try:
        data = read_bytes(Path(path))
        key = cache.key(rules.key_for_path(path), path, data) if cache else ""
        cached = cache.get(key) if cache else None
        if cached is not None:
            outcome.results, outcome.linted = cached, True
            return outcome
        source = decode(data, path)
    except BinaryFileError as error:
        (outcome.skipped if walked else outcome.errors).append(
            FileError(path, _strip_name(str(error), path))
        )
        return outcome
    except HealthlintError as error:
        outcome.errors.append(FileError(path, _strip_name(str(error), path)))
        return outcome
    document = parse_document(path, source)
    outcome.results = lint_document(document, rules.for_path(path), errors=outcome.errors)
    outcome.linted = True
    if cache and not outcome.errors:
        cache.put(key, outcome.results)
    return outcome


def _in_parallel(
    tasks: list[tuple[str, bool]], rules: RuleSet, cache: Cache | None, jobs: int
) -> list[_FileOutcome]:
    from concurrent.futures import ProcessPoolExecutor

    from healthlint import _worker

    # Several files per task: a process round trip costs about as much as a small post.
    chunk = max(1, min(64, len(tasks) // (jobs * 4)))
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_worker.start, initargs=(rules, cache)
    ) as pool:
        return list(pool.map(_worker.lint, tasks, chunksize=chunk))


def _strip_name(message: str, name: str) -> str:
    return message.removeprefix(f"{name}: ")
