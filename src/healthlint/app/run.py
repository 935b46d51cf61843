"""One lint run: discover files, read and parse each, apply the rules that fit its path."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from healthlint.cache.results import Cache
from healthlint.config.ruleset import RuleSet
from healthlint.core.errors import HealthlintError
from healthlint.core.model import FileError, Finding, PostResult
from healthlint.files.discover import STDIN, discover
from healthlint.files.inputs import BinaryFileError, decode, read_bytes, read_stdin

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from healthlint.app.progress import Progress
    from healthlint.core.posts import Document, Record
    from healthlint.files.exports import ExportSpec

_MIN_FILES_PER_JOB = 8
STDIN_NAME = "<stdin>"
"""What standard input is called when ``--stdin-filename`` gives it no name."""


@dataclass(frozen=True, slots=True)
class RunResult:
    results: tuple[PostResult, ...]
    errors: tuple[FileError, ...]
    files: int
    skipped: tuple[FileError, ...] = ()
    """Files passed over on purpose (binary files met while walking a directory)."""
    notes: tuple[str, ...] = ()
    """How an input was read when that is a guess the user may want to know of."""


@dataclass(slots=True)
class FileOutcome:
    """What linting one file gave: its posts' results, or why it could not be linted."""

    results: list[PostResult] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    skipped: list[FileError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    linted: bool = False


def run(
    paths: Sequence[str],
    rules: RuleSet,
    *,
    stdin_name: str = STDIN_NAME,
    only: Collection[str] | None = None,
    jobs: int = 1,
    cache: Cache | None = None,
    progress: Progress | None = None,
    follow_links: bool = False,
) -> RunResult:
    """Lint every post under ``paths``; with ``only`` (absolute paths), just those files.

    With ``jobs`` > 1 files are linted in that many processes; the output order is the
    same as with one. ``progress`` counts files as their results come in, and is cleared
    before this returns. Links to folders are followed only with ``follow_links``.
    """
    return collect(
        outcomes(
            paths,
            rules,
            stdin_name=stdin_name,
            only=only,
            jobs=jobs,
            cache=cache,
            progress=progress,
            follow_links=follow_links,
        )
    )


def outcomes(
    paths: Sequence[str],
    rules: RuleSet,
    *,
    stdin_name: str = STDIN_NAME,
    only: Collection[str] | None = None,
    jobs: int = 1,
    cache: Cache | None = None,
    progress: Progress | None = None,
    follow_links: bool = False,
    exports: Mapping[str, ExportSpec] | None = None,
) -> Iterator[FileOutcome]:
    """``run`` as it goes: first what finding the files met (unreadable paths, skipped
    files; nothing linted), then each file's outcome as soon as it and every file before
    it are done, in the order ``run`` reports them. For reports written as the run goes.

    The paths in ``exports`` (named, as ``app.exports.find_exports`` finds them) are read
    as CMS exports after the other files, an outcome for each record."""
    found = discover(paths, follow_links=follow_links)
    files = found.files
    if only is not None:
        files = [f for f in files if f != STDIN and os.path.abspath(f) in only]
    files = [f for f in files if f == STDIN or not rules.config.excluded(f)]
    tasks = [(f, f in found.walked) for f in files if f != STDIN]
    yield FileOutcome(errors=list(found.errors), skipped=list(found.skipped))
    done = progress.advance if progress is not None else _nothing
    if progress is not None:
        progress.start(len(files))
    try:
        yield from _outcomes(
            files, tasks, rules, stdin_name, jobs, cache, done, exports or {}, progress
        )
    finally:
        if progress is not None:
            progress.clear()


def collect(outcomes: Iterable[FileOutcome]) -> RunResult:
    """The outcomes of a run (from ``outcomes``) as one result."""
    results: list[PostResult] = []
    errors: list[FileError] = []
    skipped: list[FileError] = []
    notes: list[str] = []
    linted = 0
    for outcome in outcomes:
        results.extend(outcome.results)
        errors.extend(outcome.errors)
        skipped.extend(outcome.skipped)
        notes.extend(outcome.notes)
        linted += outcome.linted
    return RunResult(tuple(results), tuple(errors), linted, tuple(skipped), tuple(notes))


def _outcomes(
    files: list[str],
    tasks: list[tuple[str, bool]],
    rules: RuleSet,
    stdin_name: str,
    jobs: int,
    cache: Cache | None,
    done: Callable[[int], None],
    exports: Mapping[str, ExportSpec],
    progress: Progress | None = None,
) -> Iterator[FileOutcome]:
    """Each file's outcome, in the order of ``files`` but for exports, which come last;
    ``done`` hears of each file as it ends, ``progress`` of each record of an export."""
    if STDIN in files:
        yield _lint_stdin(stdin_name, rules)
        done(1)
    # Exports go after the files, so that one pool of processes runs at a time, and
    # never through the results cache: its unit is a file, read whole to be keyed, and an
    # export is read as a stream whose records are the posts.
    named = [path for path, _ in tasks if path in exports]
    tasks = [task for task in tasks if task[0] not in exports]
    known: dict[int, FileOutcome] = {}
    if cache is not None and jobs > 1:
        # Cached results come faster than worker processes start: only the rest go there.
        for index, (path, _) in enumerate(tasks):
            hit = _cached(path, rules, cache)
            if hit is not None:
                known[index] = hit
        done(len(known))
    pending = [i for i in range(len(tasks)) if i not in known]
    # Starting processes costs more than linting a handful of posts.
    fresh: Iterator[FileOutcome]
    if jobs > 1 and len(pending) >= _MIN_FILES_PER_JOB * jobs:
        fresh = iter(_in_parallel([tasks[i] for i in pending], rules, cache, jobs, done))
    else:
        fresh = _in_turn([tasks[i] for i in pending], rules, cache, done)
    # ``fresh`` comes in the order of ``pending``: cached files go out between them.
    for index in range(len(tasks)):
        yield known[index] if index in known else next(fresh)
    if named:
        from healthlint.app.exports import export_outcomes

        for path in named:
            if progress is None:
                yield from export_outcomes(path, exports[path], rules, jobs)
            else:
                progress.export(path)
                for outcome in export_outcomes(path, exports[path], rules, jobs):
                    if not outcome.linted:  # a record's (the last one counts the file)
                        progress.record()
                    yield outcome
            done(1)


def _in_turn(
    tasks: list[tuple[str, bool]],
    rules: RuleSet,
    cache: Cache | None,
    done: Callable[[int], None],
) -> Iterator[FileOutcome]:
    for path, walked in tasks:
        outcome = _lint_file(path, walked, rules, cache)
        done(1)
        yield outcome


def _nothing(count: int) -> None:
    """Counts files for no one: a run without progress."""


def lint_text(path: str, text: str, rules: RuleSet) -> list[Finding]:
    """The findings of ``text`` linted as the file ``path`` (an editor's unsaved buffer)."""
    return [f for result in lint_source(path, text, rules) for f in result.findings]


def lint_source(path: str, text: str, rules: RuleSet, fmt: str | None = None) -> list[PostResult]:
    """The posts of ``text`` linted as the file ``path``, read as ``fmt`` (by default, by
    the suffix of ``path``): an editor's buffer, a string given to the Python API."""
    from healthlint.parse import parse_document

    return _lint(parse_document(path, text, fmt), rules)


def lint_record(
    path: str, record: Record, rules: RuleSet, errors: list[FileError] | None = None
) -> list[PostResult]:
    """The posts of one record of the CMS export at ``path``, under the rules of ``path``;
    a rule that fails goes to ``errors`` when given (raised otherwise)."""
    from healthlint.parse import parse_record

    return _lint(parse_record(path, record), rules, errors)


def _lint(
    document: Document, rules: RuleSet, errors: list[FileError] | None = None
) -> list[PostResult]:
    """A document through the rules, and the genre, that apply to its path."""
    # The engine and the parsers are imported by the first file the results cache does
    # not answer: a run it answers whole needs neither.
    from healthlint.engine.lint import lint_document

    path = document.path
    return lint_document(
        document,
        rules.for_path(path),
        errors,
        genre=rules.genre_for(path),
        known=rules.all_rules.keys(),
    )


def _lint_stdin(name: str, rules: RuleSet) -> FileOutcome:
    outcome = FileOutcome()
    try:
        source = read_stdin()
    except HealthlintError as error:
        outcome.errors.append(FileError(name, _strip_name(str(error), "<stdin>")))
        return outcome
    fmt = None
    if name == STDIN_NAME:
        from healthlint.parse.sniff import looks_like_markdown

        # Without a name there is no suffix to go by: Markdown is read as Markdown, so
        # that its headings, lists and links are not taken for prose.
        if looks_like_markdown(source):
            fmt = "markdown"
            outcome.notes.append(
                "standard input looks like Markdown and is linted as Markdown; "
                "name it to say so (--stdin-filename post.md) or to read it as plain "
                "text (--stdin-filename post.txt)"
            )
    from healthlint.parse import parse_document

    try:
        document = parse_document(name, source, fmt)
    except HealthlintError as error:
        outcome.errors.append(FileError(name, _strip_name(str(error), name)))
        return outcome
    outcome.results = _lint(document, rules, outcome.errors)
    outcome.linted = True
    return outcome


def _cached(path: str, rules: RuleSet, cache: Cache) -> FileOutcome | None:
    """The file's cached results, or None (not cached, or unreadable: linting says why)."""
    try:
        data = read_bytes(path)
        text = decode(data, path)
    except HealthlintError:
        return None
    results = cache.get(_key(path, data, rules, cache), path, text)
    return None if results is None else FileOutcome(results, linted=True)


def _key(path: str, data: bytes, rules: RuleSet, cache: Cache) -> str:
    return cache.key(rules.key_for_path(path), path, data)


def _lint_file(path: str, walked: bool, rules: RuleSet, cache: Cache | None) -> FileOutcome:
    outcome = FileOutcome()
    try:
        data = read_bytes(Path(path))
        source = decode(data, path)
        key = _key(path, data, rules, cache) if cache else ""
        cached = cache.get(key, path, source) if cache else None
        if cached is not None:
            outcome.results, outcome.linted = cached, True
            return outcome
        from healthlint.parse import parse_document

        document = parse_document(path, source)
    except BinaryFileError as error:
        (outcome.skipped if walked else outcome.errors).append(
            FileError(path, _strip_name(str(error), path))
        )
        return outcome
    except HealthlintError as error:
        outcome.errors.append(FileError(path, _strip_name(str(error), path)))
        return outcome
    outcome.results = _lint(document, rules, outcome.errors)
    outcome.linted = True
    if cache and not outcome.errors:
        # Keyed again now that the rules are read: a key kept from an earlier run
        # (``cache.keys``) is only looked up with, never stored under unchecked.
        cache.put(_key(path, data, rules, cache), outcome.results)
    return outcome


def _in_parallel(
    tasks: list[tuple[str, bool]],
    rules: RuleSet,
    cache: Cache | None,
    jobs: int,
    done: Callable[[int], None] = _nothing,
) -> Iterator[FileOutcome]:
    from healthlint.app import _worker

    # Several files per task: a process round trip costs about as much as a small post.
    chunk = max(1, min(64, len(tasks) // (jobs * 4)))
    with worker_pool(rules, cache, jobs) as pool:
        try:
            # map hands results back in order as they arrive, chunk by chunk.
            for outcome in pool.map(_worker.lint, tasks, chunksize=chunk):
                done(1)
                yield outcome
        finally:
            # A run stopped early (its report's reader gone) waits for no file left.
            pool.shutdown(cancel_futures=True)


def worker_pool(rules: RuleSet, cache: Cache | None, jobs: int) -> ProcessPoolExecutor:
    """``jobs`` processes, each given the rule set (and the results cache) once."""
    from concurrent.futures import ProcessPoolExecutor

    from healthlint.app import _worker

    return ProcessPoolExecutor(max_workers=jobs, initializer=_worker.start, initargs=(rules, cache))


def _strip_name(message: str, name: str) -> str:
    return message.removeprefix(f"{name}: ")
