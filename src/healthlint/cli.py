"""The command line: parse options, call the linter, print a report, choose the exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from healthlint import __version__
from healthlint.core.errors import HealthlintError

if TYPE_CHECKING:
    from healthlint.app.run import RunResult
    from healthlint.config.settings import RuleSet
    from healthlint.core.model import PostResult

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# Kept here rather than imported from healthlint.report so that `--help` stays fast.
FORMATS = ("text", "json", "sarif", "github", "junit", "html")
PRESET_CHOICES = ("recommended", "strict", "healthlint:recommended", "healthlint:strict")
FAIL_ON = ("error", "warning", "info", "never")


def _names(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [n.strip() for n in value.split(",") if n.strip()]


def _user_errors(function: F) -> F:
    """Turn HealthlintError into one line on stderr and exit code 2, never a traceback."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except HealthlintError as error:
            click.echo(f"healthlint: error: {error}", err=True)
            sys.exit(EXIT_ERROR)

    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper  # type: ignore[return-value]


def _load(
    config_file: str | None, rule_dirs: Sequence[str], *, cache: bool = False
) -> tuple[Any, Any]:
    from healthlint.config.settings import find_config, load_config
    from healthlint.rules.loader import load_rules

    config_path = Path(config_file) if config_file else find_config(Path.cwd())
    config = load_config(config_path)
    rules = load_rules([*config.rule_dirs, *(Path(d) for d in rule_dirs)], cache=cache)
    return config, rules


def _rule_options(function: F) -> F:
    """--rules and --config: where rules and settings come from, shared by every command."""
    function = click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False),
        help="Configuration file (default: .healthlint.yaml or pyproject.toml, searched upwards).",
    )(function)
    return click.option(
        "--rules",
        "rule_dirs",
        multiple=True,
        type=click.Path(file_okay=False),
        help="A directory of extra YAML rules (repeatable).",
    )(function)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="healthlint")
def main() -> None:
    """healthlint: an editorial quality linter for health writing."""


@main.command()
@click.argument("paths", nargs=-1, type=str)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to this file; the terminal still gets the text report.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Lowest severity that makes the run fail (exit 1). [default: error]",
)
@click.option("--select", metavar="RULE,…", help="Only these rules.")
@click.option("--ignore", metavar="RULE,…", help="Skip these rules.")
@click.option(
    "--preset",
    type=click.Choice(PRESET_CHOICES),
    default=None,
    help="Rules to run: recommended (precise) or strict (all). [default: recommended]",
)
@_rule_options
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    help="Report only findings that are not in this baseline file.",
)
@click.option(
    "--write-baseline",
    "write_baseline_file",
    type=click.Path(dir_okay=False),
    help="Record every current finding in this file (and exit 0).",
)
@click.option(
    "--diff",
    "--changed-since",
    "diff_ref",
    metavar="REF",
    help="Only files changed since this git revision, and findings on changed lines.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to lint with. [default: number of CPUs]",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Read the rule files and lint every file again: no results from .healthlint_cache/, "
    "no validated rule set from the user cache directory.",
)
@click.option(
    "--stdin-filename", default="<stdin>", help="Name (and so format) for text read from '-'."
)
@click.option("--fix", is_flag=True, help="Rewrite files with the safe fixes of their findings.")
@click.option(
    "--dry-run",
    is_flag=True,
    help="With --fix: print the fixes as a diff and write nothing (exit 1 if any).",
)
@click.option("--no-color", is_flag=True, help="No colour, even on a terminal.")
@click.option("-q", "--quiet", is_flag=True, help="Only the findings: no headings, no summary.")
@_user_errors
def check(
    paths: tuple[str, ...],
    output_format: str,
    output: str | None,
    fail_on: str | None,
    select: str | None,
    ignore: str | None,
    preset: str | None,
    rule_dirs: tuple[str, ...],
    config_file: str | None,
    baseline_file: str | None,
    write_baseline_file: str | None,
    diff_ref: str | None,
    jobs: int | None,
    no_cache: bool,
    stdin_filename: str,
    fix: bool,
    dry_run: bool,
    no_color: bool,
    quiet: bool,
) -> None:
    """Lint posts: files, directories (searched for .md, .html, .txt) or - for stdin."""
    from healthlint.app.run import run
    from healthlint.config.settings import RuleSet
    from healthlint.core.model import Severity
    from healthlint.report import Report, Summary, plural, render

    if not paths and not diff_ref:
        raise HealthlintError("no paths given (try `healthlint check posts/`, or - for stdin)")
    if dry_run and not fix:
        raise HealthlintError("--dry-run only goes with --fix")
    if fix and "-" in paths:
        raise HealthlintError("--fix rewrites files: it cannot take standard input ('-')")
    use_cache = not no_cache and not os.environ.get("HEALTHLINT_NO_CACHE")
    config, rules = _load(config_file, rule_dirs, cache=use_cache)
    ruleset = RuleSet(
        rules, config, select=_names(select), ignore=_names(ignore) or (), preset=preset
    )
    for name, reason in sorted(ruleset.unavailable().items()):
        click.echo(f"healthlint: note: rule '{name}' skipped: {reason}", err=True)
    changed = None
    if diff_ref:
        from healthlint.files.changes import changed_lines

        changed = changed_lines(diff_ref)
    cache = None
    if use_cache:
        from healthlint.cache.results import Cache

        cache = Cache(config.root if config.source else Path.cwd())

    def lint() -> tuple[RunResult, list[PostResult], int]:
        """Lint and keep what is reported: changed lines only, and not in the baseline."""
        outcome = run(
            paths or (".",),
            ruleset,
            stdin_name=stdin_filename,
            only=changed,
            jobs=jobs or os.cpu_count() or 1,
            cache=cache,
        )
        results = list(outcome.results)
        if changed is not None:
            from healthlint.files.changes import only_changed

            results = only_changed(results, changed)
        dropped = 0
        if baseline_file and not write_baseline_file:
            from healthlint.app.baseline import apply_baseline, load_baseline

            results, dropped = apply_baseline(results, load_baseline(Path(baseline_file)))
        return outcome, results, dropped

    outcome, results, dropped = lint()
    notes: list[str] = []
    if write_baseline_file:
        from healthlint.app.baseline import write_baseline

        count = write_baseline(Path(write_baseline_file), results)
        click.echo(f"Wrote {count} findings to {write_baseline_file}.")
        _report_problems(outcome)
        sys.exit(EXIT_ERROR if outcome.errors else EXIT_OK)
    if baseline_file:
        notes.append(f"{plural(dropped, 'baselined finding')} not shown.")

    unfixable = 0
    if fix:
        fixed, unfixable = _fix(results, ruleset, write=not dry_run)
        if dry_run:
            _report_problems(outcome)
            sys.exit(EXIT_ERROR if unfixable else EXIT_FINDINGS if fixed else EXIT_OK)
        if fixed:
            outcome, results, _ = lint()  # what is left, as the files now are

    summary = Summary.of(results, outcome.files)
    color = not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()
    sources = _sources(results) if output_format == "html" else {}
    report = Report(
        results, summary, ruleset.all_rules, color=color, quiet=quiet, notes=notes, sources=sources
    )
    if outcome.errors and not outcome.files:
        pass  # nothing was linted: the errors below say why
    elif output:
        from healthlint.files.atomic import write_atomically

        plain = Report(results, summary, ruleset.all_rules, notes=notes, sources=sources)
        write_atomically(Path(output), render(output_format, plain))
        click.echo(render("text", report), nl=False)
    else:
        click.echo(render(output_format, report), nl=False)
    _report_problems(outcome)

    if outcome.errors or unfixable:
        sys.exit(EXIT_ERROR)
    threshold = fail_on or config.model.fail_on or "error"
    if threshold != "never":
        limit = Severity.parse(threshold)
        if any(f.severity >= limit for r in results for f in r.findings):
            sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def _fix(results: Sequence[PostResult], ruleset: RuleSet, *, write: bool) -> tuple[int, int]:
    """Fix (or, not writing, print as a diff) the fixable findings: how many there were,
    and how many files could not be fixed (each said on stderr; the others still are)."""
    from healthlint.app.fix import fix_file
    from healthlint.report import plural

    wanted: dict[str, set[tuple[str, str]]] = {}
    for result in results:
        for finding in result.findings:
            if finding.fix is not None:
                wanted.setdefault(finding.path, set()).add((finding.rule, finding.fingerprint))
    total = files = unfixable = 0
    for path, keys in wanted.items():
        if not os.path.isfile(path):
            continue  # standard input under --stdin-filename: there is no file to rewrite
        try:
            done = fix_file(path, ruleset.for_path(path), keys, write=write)
        except HealthlintError as error:
            click.echo(f"healthlint: error: {error}", err=True)
            unfixable += 1
            continue
        if done.applied:
            total += done.applied
            files += 1
            if not write:
                click.echo(done.diff, nl=False)
    verb = "Would fix" if not write else "Fixed"
    click.echo(f"{verb} {plural(total, 'problem')} in {plural(files, 'file')}.", err=True)
    return total, unfixable


def _sources(results: Sequence[PostResult]) -> dict[str, str]:
    """The text of each reported file, for reports that show it; a file that cannot be read
    again (standard input, or gone since) is shown without its text."""
    from healthlint.files.inputs import decode, read_bytes

    sources: dict[str, str] = {}
    for path in dict.fromkeys(r.path for r in results):
        try:
            sources[path] = decode(read_bytes(Path(path)), path)
        except HealthlintError:
            continue
    return sources


def _report_problems(outcome: RunResult) -> None:
    """Skipped files and per-file errors, one line each, on stderr."""
    for skipped in outcome.skipped:
        click.echo(f"healthlint: note: skipped {skipped.path}: {skipped.message}", err=True)
    for error in outcome.errors:
        click.echo(f"healthlint: error: {error.path}: {error.message}", err=True)


@main.command(name="rules")
@_rule_options
@click.option(
    "--preset",
    type=click.Choice(PRESET_CHOICES),
    default=None,
    help="Mark the rules this preset runs. [default: the config's, else recommended]",
)
@click.option("--markdown", is_flag=True, help="Full documentation as Markdown (docs/rules.md).")
@_user_errors
def list_rules(
    rule_dirs: tuple[str, ...], config_file: str | None, preset: str | None, markdown: bool
) -> None:
    """List every rule: kind, severity, preset, whether it runs, summary and sources."""
    from healthlint.config.settings import RuleSet

    config, rules = _load(config_file, rule_dirs)
    ruleset = RuleSet(rules, config, preset=preset)
    configured = ruleset.all_rules
    if markdown:
        from healthlint.rules.docs import rules_markdown

        click.echo(rules_markdown(configured), nl=False)
        return
    running = {r.name for r in ruleset.for_path(str(config.root / "post.md"))}
    unavailable = ruleset.unavailable()
    width = max((len(n) for n in configured), default=4)
    indent = " " * (width + 2 + 8 + 2 + 8 + 2 + 11 + 2 + 3 + 2)
    click.echo(f"{'rule':<{width}}  {'kind':<8}  {'severity':<8}  {'preset':<11}  {'on':<3}  about")
    for name, rule in sorted(configured.items()):
        on = "yes" if name in running else ("n/a" if name in unavailable else "-")
        click.echo(
            f"{name:<{width}}  {rule.kind:<8}  {rule.severity:<8}  {rule.preset:<11}  "
            f"{on:<3}  {rule.summary}"
        )
        if rule.references:
            click.echo(f"{indent}source: {'; '.join(rule.references)}")
    click.echo(
        f"\n{len(running)} of {len(configured)} rules run with preset "
        f"'{ruleset.preset}' (--preset strict runs them all)."
    )
    for name, reason in sorted(unavailable.items()):
        click.echo(f"n/a: {name} cannot run here: {reason}.")


@main.command()
@click.argument("rule_name")
@_rule_options
@_user_errors
def explain(rule_name: str, rule_dirs: tuple[str, ...], config_file: str | None) -> None:
    """Explain a rule: what it checks, why, and examples."""
    from healthlint.rules.docs import explain_rule

    _, rules = _load(config_file, rule_dirs)
    if rule_name not in rules:
        raise HealthlintError(f"unknown rule '{rule_name}' (see `healthlint rules`)")
    click.echo(explain_rule(rules[rule_name]))


@main.command()
@click.argument("what", type=click.Choice(("rule", "config")), default="rule")
def schema(what: str) -> None:
    """Print the JSON Schema of a rule file (or of the config), for editors that check YAML."""
    import json

    from healthlint.rules.schema import config_schema, rule_schema

    document = rule_schema() if what == "rule" else config_schema()
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))


@main.command()
@_user_errors
def lsp() -> None:
    """Run the language server on stdin/stdout, for editors (needs healthlint[lsp])."""
    from healthlint.lsp import serve

    serve()
