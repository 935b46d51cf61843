"""The command line: turn options into a call to ``healthlint.app`` and print what it says.

Everything a command does lives in ``healthlint.app``; this module only parses options and
maps errors to exit codes. Modules are imported inside commands so that ``--help`` and
``--version`` stay fast."""

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
    from healthlint.app.exports import ExportOptions
    from healthlint.app.session import Session

F = TypeVar("F", bound=Callable[..., Any])

EXIT_ERROR = 2
EXIT_INTERNAL = 3  # healthlint.app.check.EXIT_INTERNAL, without its import
TRACEBACK_VARIABLE = "HEALTHLINT_TRACEBACK"
# Kept here rather than imported from healthlint.report so that `--help` stays fast.
FORMATS = ("text", "json", "jsonl", "sarif", "github", "junit", "html")
PRESET_CHOICES = ("recommended", "strict", "healthlint:recommended", "healthlint:strict")
FAIL_ON = ("error", "warning", "info", "never")


def _names(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [n.strip() for n in value.split(",") if n.strip()]


def _echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """``click.echo``, for text that may hold a file name that is not valid UTF-8 (kept by
    Python as lone surrogates): its bytes are written back as the file system gave them,
    where a terminal set to strict UTF-8 would otherwise stop the run."""
    try:
        click.echo(text, err=err, nl=nl)
    except UnicodeEncodeError:
        stream = sys.stderr if err else sys.stdout
        encoding = getattr(stream, "encoding", None) or "utf-8"
        data = text.encode(encoding, "surrogateescape" if encoding == "utf-8" else "replace")
        click.echo(data + (b"\n" if nl else b""), err=err, nl=False)


def _user_errors(function: F) -> F:
    """Turn HealthlintError into one line on stderr and exit code 2, and any other
    exception (a bug in healthlint) into one line and exit code 3; the traceback only
    with $HEALTHLINT_TRACEBACK set."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except HealthlintError as error:
            _echo(_for_people(f"healthlint: error: {error}"), err=True)
            sys.exit(EXIT_ERROR)
        except BrokenPipeError:
            # The reader of stdout went away (``| head``): nothing is wrong with healthlint
            # or the files, and there is no one left to tell. A command whose flow does not
            # hear of it (``check`` does, and says what the findings so far give) exits 1.
            _stdout_closed()
            sys.exit(1)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as error:
            if os.environ.get(TRACEBACK_VARIABLE, "") not in ("", "0"):
                import traceback

                _echo(traceback.format_exc(), err=True, nl=False)
            _echo(_internal_error(error), err=True)
            sys.exit(EXIT_INTERNAL)

    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper  # type: ignore[return-value]


def _stdout_closed() -> None:
    """Point stdout at the null device once its reader has gone, so that the flush at exit
    fails no more (the recipe of the Python docs for SIGPIPE)."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)


def _internal_error(error: Exception) -> str:
    detail = (str(error).splitlines() or [""])[0]
    if len(detail) > 200:
        detail = detail[:200] + "…"
    return (
        f"healthlint: internal error: {type(error).__name__}"
        + (f": {detail}" if detail else "")
        + f". This is a bug in healthlint, not a problem in your files: please report it "
        f"with the command you ran ({TRACEBACK_VARIABLE}=1 shows the traceback)."
    )


def _session(config_file: str | None, rule_dirs: Sequence[str], *, cache: bool = False) -> Session:
    from healthlint.app.session import Session as Loaded

    return Loaded.load(
        Path(config_file) if config_file else None, [Path(d) for d in rule_dirs], cache=cache
    )


def _for_people(text: str) -> str:
    """``text`` with the control characters of a file name or a post's words shown, not
    run by the terminal (its own line breaks are kept)."""
    from healthlint.report import visible_lines

    return visible_lines(text)


class _ClickConsole:
    """The app's output on the terminal: reports on stdout, notes and errors on stderr."""

    def out(self, text: str) -> None:
        try:
            _echo(text, nl=False)
        except BrokenPipeError:
            _stdout_closed()
            raise  # the flow stops writing its report and keeps its exit code

    def err(self, line: str) -> None:
        _echo(_for_people(line), err=True)

    def status(self, text: str) -> None:
        _echo(text, err=True, nl=False)


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


# healthlint.files.exports.KINDS and TEXT_FORMATS, without their import.
EXPORT_KINDS = ("wxr", "jsonl", "csv")
TEXT_FORMATS = ("markdown", "html", "text")
_EXPORT_FIELDS = ("text", "id", "title", "author", "published", "updated")


def _export_options(function: F) -> F:
    """The options saying how a CMS export named is read (docs/exports.md), handed to the
    command as one ``exports`` argument: ``ExportOptions`` is the one place they meet."""
    for name in reversed(_EXPORT_FIELDS):
        function = click.option(
            f"--{name}-field",
            metavar="NAME",
            help=f"JSON Lines or CSV export: the field holding each post's {name}.",
        )(function)
    function = click.option(
        "--status",
        "statuses",
        multiple=True,
        metavar="STATUS",
        help="WordPress export: the statuses read (repeatable). [default: publish]",
    )(function)
    function = click.option(
        "--post-type",
        "post_types",
        multiple=True,
        metavar="TYPE",
        help="WordPress export: the post types read (repeatable). [default: post]",
    )(function)
    function = click.option(
        "--text-format",
        type=click.Choice(TEXT_FORMATS),
        default=None,
        help="How an export's texts are written. [default: html]",
    )(function)
    function = click.option(
        "--input",
        "input_kind",
        type=click.Choice(EXPORT_KINDS),
        default=None,
        help="Read the files named as CMS exports of this kind (for names that do not say: "
        "a .jsonl, .ndjson, .csv or WordPress .xml file named is read as an export anyway).",
    )(function)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {f"{name}_field": kwargs.pop(f"{name}_field") for name in _EXPORT_FIELDS}
        values.update(
            input=kwargs.pop("input_kind"),
            text_format=kwargs.pop("text_format"),
            post_types=kwargs.pop("post_types") or None,
            statuses=kwargs.pop("statuses") or None,
        )
        kwargs["exports"] = None
        if any(value is not None for value in values.values()):
            # Only then: ExportOptions imports the export readers' options.
            from healthlint.app.exports import ExportOptions

            kwargs["exports"] = ExportOptions(**values)
        return function(*args, **kwargs)

    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    # The options were declared on ``function``; click reads them from what it wraps.
    wrapper.__click_params__ = getattr(function, "__click_params__", [])  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="healthlint")
def main() -> None:
    """healthlint: an editorial quality linter for health writing.

    Exit codes: 0 no findings at the threshold, 1 findings, 2 a file, option, rule or
    config that could not be used (one line says which), 3 a bug in healthlint.
    """


HOOK = "--hook"


class _CheckCommand(click.Command):
    """``check``, which after ``--hook`` tells a hook's own options from file names."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if HOOK in args and "--" not in args:
            at = args.index(HOOK) + 1
            args = [*args[:at], *_hook_arguments(self, args[at:])]
        return super().parse_args(ctx, args)


def _hook_arguments(command: click.Command, rest: Sequence[str]) -> list[str]:
    """The arguments after ``--hook`` with ``--`` put before the file names.

    pre-commit runs ``entry + args + file names``: the hook's args (a team's
    ``--preset strict``) come first, the names of the files to check last, and a file
    may be named like an option (``--output=README.md``). The file names are the longest
    tail of existing paths that starts where an option could: an option's value is never
    taken for the start of the names, and a name is never taken for an option."""
    valued = {
        name
        for param in command.params
        if isinstance(param, click.Option) and not param.is_flag
        for name in (*param.opts, *param.secondary_opts)
    }
    # existing[i]: whether rest[i:] all name existing paths.
    existing = [True] * (len(rest) + 1)
    for index in range(len(rest) - 1, -1, -1):
        existing[index] = existing[index + 1] and os.path.lexists(rest[index])
    index = 0
    while index < len(rest) and not existing[index]:
        index += 2 if rest[index] in valued else 1
    index = min(index, len(rest))
    return [*rest[:index], "--", *rest[index:]]


@main.command(cls=_CheckCommand)
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
@click.option(
    "--genre",
    type=click.Choice(("blog", "news")),  # healthlint.core.model.GENRES, without its import
    default=None,
    help="The kind of writing: blog (health blog and site articles) or news (stories "
    "about a study). [default: the config's, else blog]",
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
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix: also the fixes that change wording (a word swapped); review them.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="With --fix: print the fixes as a diff and write nothing (exit 1 if any).",
)
@click.option("--no-color", is_flag=True, help="No colour, even on a terminal.")
@click.option("-q", "--quiet", is_flag=True, help="Only the findings: no headings, no summary.")
@click.option(
    "--follow-links",
    is_flag=True,
    help="Walk into folders through symbolic links, and follow links to files outside "
    "the repository (each folder once). --fix still writes only inside the paths given.",
)
@click.option(
    "--show-config",
    is_flag=True,
    help="Print which config file is used and the settings it resolves to; lint nothing.",
)
@click.option(
    HOOK,
    is_flag=True,
    help="For pre-commit's entry: the hook's own options follow, then file names; a file "
    "name is never read as an option (even one named like --output=x).",
)
@_export_options
@_user_errors
def check(
    paths: tuple[str, ...],
    output_format: str,
    output: str | None,
    fail_on: str | None,
    select: str | None,
    ignore: str | None,
    preset: str | None,
    genre: str | None,
    rule_dirs: tuple[str, ...],
    config_file: str | None,
    baseline_file: str | None,
    write_baseline_file: str | None,
    diff_ref: str | None,
    jobs: int | None,
    no_cache: bool,
    stdin_filename: str,
    fix: bool,
    unsafe_fixes: bool,
    dry_run: bool,
    no_color: bool,
    quiet: bool,
    follow_links: bool,
    show_config: bool,
    hook: bool,
    exports: ExportOptions | None,
) -> None:
    """Lint posts: files, directories (searched for .md, .html, .txt), - for stdin, or
    CMS exports named (a WordPress .xml export, .jsonl, .ndjson, .csv: docs/exports.md)."""
    from healthlint.app.check import CheckOptions
    from healthlint.app.check import check as run_check
    from healthlint.app.progress import wanted
    from healthlint.app.session import caching_allowed

    selected = _names(select)
    options = CheckOptions(
        paths=paths,
        output_format=output_format,
        output=Path(output) if output else None,
        fail_on=fail_on,
        select=tuple(selected) if selected is not None else None,
        ignore=tuple(_names(ignore) or ()),
        preset=preset,
        genre=genre,
        baseline=Path(baseline_file) if baseline_file else None,
        write_baseline=Path(write_baseline_file) if write_baseline_file else None,
        diff_ref=diff_ref,
        jobs=jobs or os.cpu_count() or 1,
        stdin_name=stdin_filename,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        dry_run=dry_run,
        color=not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty(),
        quiet=quiet,
        progress=wanted(sys.stderr, os.environ, quiet=quiet),
        follow_links=follow_links,
        exports=exports,
    )
    cache = caching_allowed(no_cache)
    if show_config:
        from healthlint.app.showconfig import show_config as show

        show(_session(config_file, rule_dirs, cache=cache), options, _ClickConsole())
        return
    options.validate()
    session = _session(config_file, rule_dirs, cache=cache)
    sys.exit(run_check(session, options, _ClickConsole()))


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
    session = _session(config_file, rule_dirs)
    config = session.config
    ruleset = session.ruleset(preset=preset)
    configured = ruleset.all_rules
    if markdown:
        from healthlint.rules.docs import rules_markdown

        click.echo(_for_people(rules_markdown(configured)), nl=False)
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
            f"{on:<3}  {_for_people(rule.summary)}"
        )
        if rule.references:
            click.echo(_for_people(f"{indent}source: {'; '.join(rule.references)}"))
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

    rules = _session(config_file, rule_dirs).rules
    if rule_name not in rules:
        from healthlint.rules.validate import did_you_mean

        hint = did_you_mean(rule_name, rules) or " (see `healthlint rules`)"
        raise HealthlintError(f"unknown rule '{rule_name}'{hint}")
    click.echo(_for_people(explain_rule(rules[rule_name])))


@main.command(name="test-rules")
@click.argument(
    "directories", nargs=-1, required=True, metavar="DIR...", type=click.Path(file_okay=False)
)
@_user_errors
def test_rules(directories: tuple[str, ...]) -> None:
    """Run the examples of the rule files in DIRECTORIES: each `fail` text must fire its
    rule, each `pass` text must not (exit 1 if one does not)."""
    from healthlint.app.examples import test_rule_files

    sys.exit(test_rule_files([Path(d) for d in directories], _ClickConsole()))


@main.command()
@click.argument("what", type=click.Choice(("rule", "config")), default="rule")
def schema(what: str) -> None:
    """Print the JSON Schema of a rule file (or of the config), for editors that check YAML."""
    import json

    from healthlint.config.schema import config_schema
    from healthlint.rules.schema import rule_schema

    document = rule_schema() if what == "rule" else config_schema()
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))


@main.command()
@click.option(
    "--check",
    "check_file",
    type=click.Path(dir_okay=False),
    help="Validate a team's own list of myths (a YAML list of entries) instead.",
)
@_user_errors
def myths(check_file: str | None) -> None:
    """List the debunked claims known-myth knows, with their sources."""
    from healthlint.rules.knowledge import load_relations_file, packaged_relations

    if check_file:
        entries = load_relations_file(Path(check_file))
        click.echo(f"{check_file}: {len(entries)} entries, all valid.")
        return
    for relation in packaged_relations("myths"):
        click.echo(f"{relation.id}: {relation.fact}")
        click.echo(f"    {relation.source} {relation.url}".rstrip())


@main.command()
@_user_errors
def lsp() -> None:
    """Run the language server on stdin/stdout, for editors (needs the pygls package)."""
    from healthlint.lsp import serve

    serve()
