"""``healthlint check``: lint, keep what is reported (changed lines, not baselined), fix,
report, and choose the exit code. The command line only turns options into
``CheckOptions`` and prints through a ``Console``."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from healthlint.core.errors import HealthlintError
from healthlint.core.formats import may_be_export

if TYPE_CHECKING:
    from healthlint.app.baseline import Baseline
    from healthlint.app.exports import ExportOptions
    from healthlint.app.progress import Progress
    from healthlint.app.run import FileOutcome, RunResult
    from healthlint.app.session import Session
    from healthlint.cache.results import Cache
    from healthlint.config.ruleset import RuleSet
    from healthlint.core.model import PostResult, Severity
    from healthlint.files.atomic import OutputStream
    from healthlint.files.changes import FileChanges
    from healthlint.files.exports import ExportSpec

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
"""3 is a bug in healthlint (a rule that failed, an unexpected exception): distinct from
findings (1) and from a problem with the input or the config (2), so that CI never takes a
crash for findings."""


class Console(Protocol):
    """Where a flow's output goes: the report on ``out``, notes and errors on ``err``."""

    def out(self, text: str) -> None:
        """Write ``text`` as it is (it carries its own newlines). Raises
        ``BrokenPipeError`` when the reader has gone (``| head``): the flow writes no more
        and still returns the exit code of what it found."""

    def err(self, line: str) -> None:
        """Write one line for people (a newline is added)."""

    def status(self, text: str) -> None:
        """Write ``text`` on stderr as it is, with no newline: a line redrawn in place."""


@dataclass(frozen=True, kw_only=True)
class CheckOptions:
    paths: tuple[str, ...] = ()
    output_format: str = "text"
    output: Path | None = None
    fail_on: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    preset: str | None = None
    genre: str | None = None
    baseline: Path | None = None
    write_baseline: Path | None = None
    diff_ref: str | None = None
    jobs: int = 1
    stdin_name: str = "<stdin>"
    fix: bool = False
    unsafe_fixes: bool = False
    dry_run: bool = False
    color: bool = False
    quiet: bool = False
    progress: bool = False
    """Show how far the run has got on stderr (a terminal's, when the run takes a while)."""
    follow_links: bool = False
    """Walk into folders through links (each folder once)."""
    exports: ExportOptions | None = None
    """How the CMS exports named are read; None when no export option is given."""

    def validate(self) -> None:
        """Refuse combinations that cannot work, before anything is loaded."""
        if not self.paths and not self.diff_ref:
            raise HealthlintError("no paths given (try `healthlint check posts/`, or - for stdin)")
        if self.dry_run and not self.fix:
            raise HealthlintError("--dry-run only goes with --fix")
        if self.unsafe_fixes and not self.fix:
            raise HealthlintError("--unsafe-fixes only goes with --fix")
        if self.fix and "-" in self.paths:
            raise HealthlintError("--fix rewrites files: it cannot take standard input ('-')")


def check(session: Session, options: CheckOptions, console: Console) -> int:
    """Run the check and return the exit code: 0 clean, 1 findings at or above the
    threshold (or fixes a dry run would make), 2 errors, 3 a bug in healthlint."""
    exports = _exports(options)
    ruleset = session.ruleset(
        select=options.select, ignore=options.ignore, preset=options.preset, genre=options.genre
    )
    if not options.quiet:  # -q: only the findings, in hooks and CI logs as well
        for name, reason in sorted(ruleset.unavailable().items()):
            console.err(f"healthlint: note: rule '{name}' skipped: {reason}")
    cache = _cache(session)
    if cache is not None and not options.quiet:
        from healthlint.files.usercache import refusal

        for refused in (refusal(), cache.refusal):
            if refused:
                console.err(f"healthlint: note: {refused}")
    root = _baseline_root(session) if options.baseline or options.write_baseline else Path.cwd()
    baseline = _baseline(options, root, console)
    progress = _progress(options, console)
    flow = _Lint(
        options,
        ruleset,
        _changed(options),
        cache,
        baseline,
        root,
        progress,
        exports,
    )
    streamed = _streams(options)
    unfixable_paths = ((options.stdin_name,) if "-" in options.paths else ()) + tuple(exports)
    stream = _Stream(options, console, progress, unfixable_paths) if streamed else None
    try:
        return _finish(session, options, ruleset, flow, stream, console, exports)
    finally:
        if stream is not None:
            stream.close()


def _finish(
    session: Session,
    options: CheckOptions,
    ruleset: RuleSet,
    flow: _Lint,
    stream: _Stream | None,
    console: Console,
    exports: Mapping[str, ExportSpec],
) -> int:
    """``check`` from the lint on: notes, baseline, fixes, the report and the exit code."""
    from healthlint.report import plural

    streamed = stream is not None
    linted = flow.lint(stream.write if stream else None, keep=not streamed)
    outcome, results, dropped = linted.outcome, linted.results, linted.dropped
    if linted.closed:
        _report_problems(outcome, console)
        return _exit_code(session, options, outcome, linted.worst)
    if not options.quiet:
        for note in outcome.notes:
            console.err(f"healthlint: note: {note}")
    notes: list[str] = []
    if options.write_baseline:
        from healthlint.app.baseline import write_baseline

        count = write_baseline(options.write_baseline, results, flow.root)
        console.out(f"Wrote {plural(count, 'finding')} to {options.write_baseline}.\n")
        _report_problems(outcome, console)
        return _failure(outcome) or EXIT_OK
    if options.baseline:
        notes.append(f"{plural(dropped, 'baselined finding')} not shown.")

    unfixable = 0
    if options.fix:
        from healthlint.app.fix import fix_results

        fixed, unfixable = fix_results(
            results,
            ruleset,
            console,
            write=not options.dry_run,
            unsafe=options.unsafe_fixes,
            roots=options.paths or (".",),
        )
        if options.dry_run:
            _report_problems(outcome, console)
            return _failure(outcome, unfixable) or (EXIT_FINDINGS if fixed else EXIT_OK)
        if fixed:
            linted = flow.lint()  # what is left, as the files now are
            outcome, results = linted.outcome, linted.results

    # A reader gone (``| head``) reads no more; the exit code still says what was found.
    with contextlib.suppress(BrokenPipeError):
        if stream is not None:
            stream.finish(outcome, notes)
        else:
            _report(session, options, ruleset, outcome, results, notes, console, tuple(exports))
    _report_problems(outcome, console)

    return _exit_code(session, options, outcome, linted.worst, unfixable)


def _exit_code(
    session: Session,
    options: CheckOptions,
    outcome: RunResult,
    worst: Severity | None,
    unfixable: int = 0,
) -> int:
    """2 or 3 for a run that went wrong somewhere, 1 for findings at the threshold, else 0."""
    from healthlint.core.model import Severity

    failure = _failure(outcome, unfixable)
    if failure:
        return failure
    threshold = options.fail_on or session.config.model.fail_on or "error"
    if threshold != "never" and worst is not None and worst >= Severity.parse(threshold):
        return EXIT_FINDINGS
    return EXIT_OK


def _exports(options: CheckOptions) -> dict[str, ExportSpec]:
    """The exports named, and how each is read; refused where what is asked cannot
    apply to one: its records are no files to rewrite, and have no lines in git."""
    if options.exports is None and not any(map(may_be_export, options.paths)):
        # Reading exports imports their readers: a run of posts alone pays nothing for it.
        return {}
    from healthlint.app.exports import ExportOptions, find_exports

    exports = find_exports(options.paths, options.exports or ExportOptions())
    if exports:
        first = next(iter(exports))
        if options.fix:
            raise HealthlintError(
                f"--fix rewrites files, and the records of an export ({first}) are not "
                "files: fix them in the CMS"
            )
        if options.diff_ref:
            raise HealthlintError(
                f"--diff keeps the lines changed in git, and the records of an export "
                f"({first}) have no lines in git: lint the export whole"
            )
    return exports


@dataclass(frozen=True, slots=True)
class _Linted:
    """What one lint gave: the run, the results to report (none when they were only
    streamed), how many findings the baseline dropped and the worst severity kept. A
    streamed report whose reader went away (``| head``) ends the run there: ``closed``."""

    outcome: RunResult
    results: list[PostResult]
    dropped: int
    worst: Severity | None
    closed: bool = False


@dataclass(frozen=True)
class _Lint:
    """One lint of the paths, keeping what is reported: changed lines only, and not in
    the baseline. Run again after fixing, with the lines that had changed before."""

    options: CheckOptions
    ruleset: RuleSet
    changed: dict[str, FileChanges] | None
    cache: Cache | None
    baseline: Baseline | None
    root: Path
    """Where the baseline's paths start."""
    progress: Progress | None = None
    exports: Mapping[str, ExportSpec] = field(default_factory=dict)

    def lint(
        self, each: Callable[[list[PostResult]], None] | None = None, *, keep: bool = True
    ) -> _Linted:
        """The run and what to report of it. ``each`` hears of each file's results to
        report as soon as the file is done; without ``keep`` they are not kept: a report
        streamed from a big export holds no finding. When ``each`` meets a closed pipe,
        the run stops there."""
        from healthlint.app.run import collect, outcomes

        options = self.options
        kept: list[PostResult] = []
        dropped = 0
        worst: Severity | None = None
        closed = False

        def keeping(found: Iterator[FileOutcome]) -> Iterator[FileOutcome]:
            nonlocal dropped, worst, closed
            for outcome in found:
                # Both filters go file by file (record by record for an export): a
                # file's results are all in its outcome.
                results, lost = self._keep(outcome.results)
                dropped += lost
                for severity in (f.severity for r in results for f in r.findings):
                    worst = severity if worst is None else max(worst, severity)
                if each is not None and results:
                    try:
                        each(results)
                    except BrokenPipeError:
                        # Nobody reads what is left of an audit: stop linting it. Closing
                        # ``found`` stops the workers too.
                        closed = True
                        return
                if keep:
                    kept.extend(results)
                else:
                    outcome.results = []
                yield outcome

        outcome = collect(
            keeping(
                outcomes(
                    options.paths or (".",),
                    self.ruleset,
                    stdin_name=options.stdin_name,
                    only=self.changed,
                    jobs=options.jobs,
                    cache=self.cache,
                    progress=self.progress,
                    follow_links=options.follow_links,
                    exports=self.exports,
                )
            )
        )
        return _Linted(outcome, kept, dropped, worst, closed)

    def _keep(self, results: list[PostResult]) -> tuple[list[PostResult], int]:
        """Of one file's results, what is reported: changed lines only, not baselined."""
        if self.changed is not None:
            from healthlint.files.changes import only_changed

            results = only_changed(results, self.changed)
        if self.baseline is None:
            return results, 0
        from healthlint.app.baseline import apply_baseline

        return apply_baseline(results, self.baseline, self.root)


def _streams(options: CheckOptions) -> bool:
    """Whether the report is written file by file as the run goes (JSON Lines, on standard
    output or to ``-o``), not once at its end: a fix lints again, and a baseline is
    written whole."""
    return options.output_format == "jsonl" and not options.fix and not options.write_baseline


class _Stream:
    """A JSON Lines report written as the run goes, holding no finding: on standard
    output, or with ``-o`` to the file (which takes its place whole at the end, as any
    report file does) while the terminal gets the text report, post by post and its
    summary last. Not frozen: it counts what it wrote and holds the file open."""

    def __init__(
        self,
        options: CheckOptions,
        console: Console,
        progress: Progress | None,
        unfixable: tuple[str, ...],
    ) -> None:
        from healthlint.report import Summary
        from healthlint.report.text import TextStream

        self._console = console
        self._progress = progress
        self._unfixable = unfixable
        self._text = TextStream(color=options.color, quiet=options.quiet)
        self._summary = Summary(files=0, posts=0, errors=0, warnings=0, info=0)
        self._file: OutputStream | None = None
        if options.output is not None:
            from healthlint.files.atomic import OutputStream

            # Opened now: a refused path (a link, a directory) says so before the run.
            self._file = OutputStream(options.output)

    def write(self, results: list[PostResult]) -> None:
        """One file's (or record's) results."""
        from healthlint.report import Summary
        from healthlint.report.jsonl import lines

        text = "".join(lines(result) for result in results)
        if self._file is not None:
            self._file.write(text)
            self._summary += Summary.of(results, 0, unfixable=self._unfixable)
            text = "".join(self._text.post(result) for result in results)
        if text:
            if self._progress is not None:  # wiped first on a terminal both share
                self._progress.clear()
            self._console.out(text)

    def finish(self, outcome: RunResult, notes: Sequence[str]) -> None:
        """Put the report file in place and end the text report, unless nothing was
        linted (the errors say why, as with a report written at the end)."""
        if self._file is None or (outcome.errors and not outcome.files):
            return
        from dataclasses import replace

        self._file.commit()
        self._console.out(self._text.end(replace(self._summary, files=outcome.files), notes))

    def close(self) -> None:
        """Drop a report file not put in place: a run that failed or was cut short."""
        if self._file is not None:
            self._file.close()


def _baseline_root(session: Session) -> Path:
    """The project root, from which a baseline records its paths, so that it works from
    any folder: the folder of the config file (where its globs and the results cache
    start too), else the top of the git checkout, else the working directory."""
    from healthlint.app.baseline import project_root

    config = session.config
    return project_root(config.root if config.source else None, Path.cwd())


def _baseline(options: CheckOptions, root: Path, console: Console) -> Baseline | None:
    if not options.baseline or options.write_baseline:
        return None
    from healthlint.app.baseline import load_baseline

    baseline = load_baseline(options.baseline, root)
    missing = baseline.missing_files
    if missing:
        from healthlint.report import plural

        console.err(
            f"healthlint: note: {options.baseline} names {plural(len(missing), 'file')} not "
            f"found under the project root {root} (first: {missing[0]}): moved, deleted, or "
            "recorded from another folder by an older healthlint. Their findings cannot "
            "match; write the baseline again with --write-baseline."
        )
    return baseline


def _changed(options: CheckOptions) -> dict[str, FileChanges] | None:
    if not options.diff_ref:
        return None
    from healthlint.files.changes import changed_lines

    return changed_lines(options.diff_ref)


def _progress(options: CheckOptions, console: Console) -> Progress | None:
    if not options.progress:
        return None
    from healthlint.app.progress import Progress

    return Progress(console.status)


def _cache(session: Session) -> Cache | None:
    if not session.cache:
        return None
    from healthlint.cache.results import Cache

    return Cache(session.root)


def _report(
    session: Session,
    options: CheckOptions,
    ruleset: RuleSet,
    outcome: RunResult,
    results: list[PostResult],
    notes: list[str],
    console: Console,
    exports: tuple[str, ...] = (),
) -> None:
    from healthlint.app.session import describe_rules
    from healthlint.report import SHOWS_RULES, Report, Summary, render

    if outcome.errors and not outcome.files:
        return  # nothing was linted: the errors say why
    fmt = options.output_format
    # The other formats show findings only: a run the results cache answered reads no rule.
    shows = fmt in SHOWS_RULES
    rules = describe_rules(ruleset.all_rules, with_help=fmt == "sarif") if shows else {}
    stdin = (options.stdin_name,) if "-" in options.paths else ()
    summary = Summary.of(results, outcome.files, unfixable=stdin + exports)
    sources = _sources(results) if fmt == "html" else {}
    shown = Report(
        results,
        summary,
        rules,
        color=options.color,
        quiet=options.quiet,
        notes=notes,
        sources=sources,
    )
    if options.output:
        from healthlint.files.atomic import write_atomically

        plain = Report(results, summary, rules, notes=notes, sources=sources)
        write_atomically(options.output, render(fmt, plain))
        console.out(render("text", shown))
    else:
        console.out(render(fmt, shown))


def _sources(results: Sequence[PostResult]) -> dict[str, str]:
    """The text of each reported file, for reports that show it; a file that cannot be read
    again (standard input, or gone since) is shown without its text."""
    from healthlint.files.inputs import decode, read_bytes

    sources: dict[str, str] = {}
    # A record's text is not kept, and an export's is no post's: shown without it.
    for path in dict.fromkeys(r.path for r in results if not r.record):
        try:
            sources[path] = decode(read_bytes(Path(path)), path)
        except HealthlintError:
            continue
    return sources


def _failure(outcome: RunResult, unfixable: int = 0) -> int | None:
    """The exit code of a run that went wrong somewhere (3 for a bug, 2 for a file or a
    fix that could not be done), None when nothing did."""
    if any(error.internal for error in outcome.errors):
        return EXIT_INTERNAL
    return EXIT_ERROR if outcome.errors or unfixable else None


def _report_problems(outcome: RunResult, console: Console) -> None:
    """Skipped files and per-file errors, one line each."""
    for skipped in outcome.skipped:
        console.err(f"healthlint: note: skipped {skipped.path}: {skipped.message}")
    for error in outcome.errors:
        console.err(f"healthlint: error: {error.path}: {error.message}")
