"""Speed and memory of healthlint, proselint and markdownlint-cli2 on the same files.

    python benchmarks/speed.py [--runs 3] [--jobs 2] [--markdownlint PATH] [--profile]

Writes two corpora into a temporary directory, as Markdown files: the 1,614 HealthStory
news stories (``--data``; healthlint reads them as news, ``--genre news``) and the 88
blog articles (``--blogs``, written as ``benchmarks/blogs.py`` writes them). Each tool
lints each corpus in one fresh process, ``--runs`` times (the tools take turns, so a
load that comes and goes weighs on all of them), and the script prints the medians:
files and MB per CPU-second (user + system time of the tool's whole process tree, which
a busy machine inflates far less than wall time), wall seconds, peak memory (the largest
process) and the number of findings, then the ratios the targets of issue 32 are stated
in and the cold start of one small post.

- healthlint runs with its default configuration and with ``--preset strict``, each with
  ``--jobs 1 --no-cache`` (so the per-CPU figure includes reading and validating its
  rules, as a first run does). The stories are also linted with ``--jobs`` and from a
  warm results cache.
- proselint (``pip install proselint`` to compare: 0.16 is the version measured in the
  docs) runs with its default checks; it is looked for next to this Python, then on the
  PATH.
- markdownlint-cli2 (npm) runs with its default rules: ``--markdownlint PATH`` (the
  program, or the folder ``npm install markdownlint-cli2`` was run in), else
  ``markdownlint-cli2`` on the PATH, else such a folder in the user cache directory
  (``~/.cache/markdownlint-cli2`` on Linux), else ``npx --no-install``. It is never
  fetched from the network. It runs in the temporary directory, where no configuration
  file is, and its own count of linted files is checked.

A tool that is absent, or that fails, gets one line saying so and the run goes on.
``--profile`` adds the in-process profile of healthlint per stage and per rule, and a
check that time grows with the size of a post (about a minute more).

The CLI runs as on a writer's machine: with a user cache directory of its own (in the
temporary directory; one warm-up run fills it with the syllable table and the validated
rule set) and with Python's bytecode cache on, even if PYTHONDONTWRITEBYTECODE is set here.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
# Runs a command with its output in two files and prints its wall time, the user + system
# CPU time and the peak RSS in KiB of its process tree, and its exit code (a run that
# failed early would otherwise pass for a fast one).
_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "with open(sys.argv[1], 'wb') as out, open(sys.argv[2], 'wb') as err:\n"
    "    start = time.perf_counter()\n"
    "    done = subprocess.run(sys.argv[3:], stdout=out, stderr=err)\n"
    "    seconds = time.perf_counter() - start\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, done.returncode)\n"
)
TARGETS = {"proselint": 3.0, "markdownlint-cli2": 1.0}
COLD_START_TARGET_MS = 120


@dataclass(frozen=True)
class Run:
    """One run of a tool: wall and CPU seconds, peak memory, exit code, findings."""

    wall: float
    cpu: float
    kib: int
    code: int
    findings: int = 0


@dataclass(frozen=True)
class Corpus:
    name: str
    folder: Path
    files: tuple[Path, ...]
    size: int
    """Bytes."""


@dataclass(frozen=True)
class Tool:
    name: str
    argv: Callable[[Corpus], list[str]]
    count: Callable[[str, int], int]
    """The number of findings from the run's standard output and the number of files it
    was given; ValueError when the output shows that they were not all linted."""


class ToolFailed(Exception):
    """A run exited with a code other than 0 (clean) or 1 (findings), or did not lint."""


def parse_measure(line: str) -> Run:
    """The line ``_MEASURE`` prints."""
    wall, cpu, kib, code = line.split()
    return Run(float(wall), float(cpu), int(kib), int(code))


def _check_files(linted: int, files: int) -> None:
    if linted != files:
        raise ValueError(f"linted {linted} files of {files}")


def healthlint_findings(stdout: str, files: int) -> int:
    """The findings of a ``--format json`` report, from its summary."""
    summary = json.loads(stdout)["summary"]
    _check_files(summary["files"], files)
    return int(summary["errors"] + summary["warnings"] + summary["info"])


def proselint_findings(stdout: str, files: int) -> int:
    """The findings of a ``proselint check --output-format json`` report (it lists every
    file, with or without findings)."""
    result = json.loads(stdout)["result"]
    _check_files(len(result), files)
    return sum(len(entry["diagnostics"]) for entry in result.values())


_LINTED = re.compile(r"^Linting: (\d+) file", re.MULTILINE)
_SUMMARY = re.compile(r"^Summary: (\d+) ", re.MULTILINE)


def markdownlint_findings(stdout: str, files: int) -> int:
    """The findings markdownlint-cli2's summary counts (``Summary: 3 error(s)``; newer
    versions say ``Summary: 3 issues in 1 file``)."""
    linted, summary = _LINTED.search(stdout), _SUMMARY.search(stdout)
    if linted is None or summary is None:
        raise ValueError(f"no 'Linting:' and 'Summary:' lines in {stdout[:200]!r}")
    _check_files(int(linted.group(1)), files)
    return int(summary.group(1))


def ratio_rows(
    rates: dict[tuple[str, str], float], corpora: Sequence[str], pairs: Sequence[tuple[str, str]]
) -> list[list[str]]:
    """A row per pair of tools: the ratio of their files per CPU-second on each corpus,
    and the target; "-" where either did not run."""
    rows = []
    for mine, theirs in pairs:
        row = [f"{mine} / {theirs}"]
        for corpus in corpora:
            ours, other = rates.get((mine, corpus)), rates.get((theirs, corpus))
            row.append(f"{ours / other:.2f}x" if ours and other else "-")
        target = TARGETS.get(theirs)
        row.append(f">= {target:g}x" if target is not None else "")
        rows.append(row)
    return rows


def table(header: Sequence[str], rows: Sequence[Sequence[str]], left: int = 1) -> str:
    """The first ``left`` columns left-aligned, the others right-aligned, two spaces apart."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [
            cell.ljust(width) if column < left else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _environment(cwd: Path) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    environment["XDG_CACHE_HOME"] = str(cwd / "user-cache")
    return environment


def _measure(command: list[str], cwd: Path) -> tuple[Run, str]:
    """One run of ``command`` and its standard output; ToolFailed unless it exited 0 or 1."""
    out, err = cwd / "run.out", cwd / "run.err"
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(out), str(err), *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env=_environment(cwd),
    )
    if done.returncode != 0:
        # The tool did not start (not executable, not found): the wrapper failed.
        last = (done.stderr.strip() or "no output").splitlines()[-1]
        raise ToolFailed(f"{Path(command[0]).name} does not run: {last}")
    run = parse_measure(done.stdout)
    stdout = out.read_text("utf-8", errors="replace")
    if run.code not in (0, 1):
        stderr = err.read_text("utf-8", errors="replace")
        last = (stderr.strip() or stdout.strip() or "no output").splitlines()[-1]
        raise ToolFailed(f"{Path(command[0]).name} exited {run.code}: {last}")
    return run, stdout


def _lint(tool: Tool, corpus: Corpus, cwd: Path) -> Run:
    run, stdout = _measure(tool.argv(corpus), cwd)
    try:
        findings = tool.count(stdout, len(corpus.files))
    except (ValueError, KeyError) as error:
        raise ToolFailed(f"did not lint the {corpus.name}: {error}") from error
    return Run(run.wall, run.cpu, run.kib, run.code, findings)


def _write_stories(data: Path, folder: Path) -> None:
    with data.open(encoding="utf-8") as handle:
        for count, line in enumerate(handle):
            if not line.strip():
                continue
            story = json.loads(line)
            text = f"# {story.get('title', '').strip()}\n\n{story.get('text', '').strip()}\n"
            (folder / f"{story.get('id', count)}.md").write_text(text, "utf-8")


def _write_blogs(data: Path, folder: Path) -> None:
    # A sibling script, on the path when this one runs as a script.
    from blogs import read_articles, write_articles

    write_articles(read_articles(data), folder)


def _corpus(name: str, folder: Path, write: Callable[[Path], None]) -> Corpus:
    folder.mkdir()
    write(folder)
    files = tuple(sorted(folder.iterdir()))
    return Corpus(name, folder, files, sum(path.stat().st_size for path in files))


def _version(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        return f"{Path(command[0]).name}: does not run ({error.strerror})"
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if lines else "version unknown"


def _proselint() -> tuple[Tool | None, str]:
    beside = Path(sys.executable).parent / "proselint"
    program = str(beside) if beside.is_file() else shutil.which("proselint")
    if program is None:
        return None, "proselint: not installed (pip install proselint to compare)"
    command = [program, "check", "--output-format", "json"]
    tool = Tool("proselint", lambda c: [*command, *map(str, c.files)], proselint_findings)
    return tool, _version([program, "version"])


def _markdownlint_command(given: Path | None) -> list[str] | str:
    """The command that runs markdownlint-cli2, or why there is none."""
    program = "markdownlint-cli2"
    install = "npm install markdownlint-cli2 to compare"
    if given is not None:
        found = given / "node_modules" / ".bin" / program if given.is_dir() else given
        return [str(found)] if found.is_file() else f"{program}: not at {given}"
    if shutil.which("node") is None:
        return f"{program}: Node is not installed ({install})"
    if on_path := shutil.which(program):
        return [on_path]
    from platformdirs import user_cache_dir

    cached = Path(user_cache_dir(program)) / "node_modules" / ".bin" / program
    if cached.is_file():
        return [str(cached)]
    if npx := shutil.which("npx"):
        return [npx, "--no-install", program]
    return f"{program}: not installed ({install})"


def _markdownlint(given: Path | None) -> tuple[Tool | None, str]:
    command = _markdownlint_command(given)
    if isinstance(command, str):
        return None, command
    # A glob of the corpus's folder: markdownlint-cli2 expands it, so no command line
    # grows with the corpus. It looks for configuration files in the working directory
    # (the temporary one) and the linted folder, where there is none: its defaults apply.
    tool = Tool(
        "markdownlint-cli2", lambda c: [*command, f"{c.folder}/*.md"], markdownlint_findings
    )
    return tool, _version([*command, "--help"])


def _genre(corpus: Corpus) -> list[str]:
    """The genre a user would choose for the corpus: news stories are read as news."""
    return ["--genre", "news"] if corpus.name == "stories" else []


def _tools(markdownlint: Path | None, trial: Corpus, work: Path) -> tuple[list[Tool], list[str]]:
    """The tools that run here, and a line on each: its version, or why it does not run."""
    check = [sys.executable, "-m", "healthlint", "check", "--format", "json"]
    single = ["--fail-on", "never", "--no-cache", "--jobs", "1"]
    tools = [
        Tool(
            "healthlint",
            lambda c: [*check, *single, *_genre(c), str(c.folder)],
            healthlint_findings,
        ),
        Tool(
            "healthlint strict",
            lambda c: [*check, "--preset", "strict", *single, *_genre(c), str(c.folder)],
            healthlint_findings,
        ),
    ]
    notes = [_version([sys.executable, "-m", "healthlint", "--version"])]
    for tool, note in (_proselint(), _markdownlint(markdownlint)):
        if tool is not None:
            try:
                # Also the warm-up: a tool may fill a cache of its own on its first run.
                _lint(tool, trial, work)
                tools.append(tool)
            except ToolFailed as error:
                note = f"{tool.name}: installed but does not run ({error})"
        notes.append(note)
    return tools, notes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA / "healthstory.jsonl")
    parser.add_argument("--blogs", type=Path, default=DATA / "blogs_tuning.jsonl")
    parser.add_argument("--runs", type=int, default=3, help="runs per tool and corpus")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--markdownlint", type=Path, metavar="PATH")
    parser.add_argument("--profile", action="store_true", help="also profile in this process")
    args = parser.parse_args()
    for data in (args.data, args.blogs):
        if not data.is_file():
            print(f"no data at {data}; pass --data and --blogs", file=sys.stderr)
            return 2

    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        stories = _corpus("stories", work / "stories", lambda f: _write_stories(args.data, f))
        blogs = _corpus("blogs", work / "blogs", lambda f: _write_blogs(args.blogs, f))
        small = work / "one" / "post.md"
        trial = _corpus("one post", small.parent, lambda f: _write_small(small, 0))
        for corpus in (stories, blogs):
            print(f"{corpus.name}: {len(corpus.files)} files, {corpus.size / 1e6:.2f} MB")
        tools, notes = _tools(args.markdownlint, trial, work)
        print("\n".join(notes))
        # Fills healthlint's user cache (syllable table, rule set) for the cold start.
        _measure([sys.executable, "-m", "healthlint", "check", str(small)], work)

        rates = _compare(tools, (stories, blogs), args.runs, work)
        names = [t.name for t in tools]
        pairs = [(mine, theirs) for theirs in TARGETS for mine in names[:2] if theirs in names]
        if pairs:
            print("\nratios of files per CPU-second (targets: issue 32, default rules)")
            rows = ratio_rows(rates, ("stories", "blogs"), pairs)
            print(table(["", "stories", "blogs", "target"], rows))

        _cold_start(tools, trial, small, work)
        _import_times(small, work)
        _parallel(stories, args.jobs, args.runs, work)
        if args.profile:
            _profile(stories.folder)
    if args.profile:
        _linearity(args.data)
    return 0


def _write_small(small: Path, number: int) -> None:
    # A new post each time, so that it is linted, not served from the results cache.
    small.write_text(f"# Water\n\nDrink {number} glasses of water a day, doctors say.\n", "utf-8")


def _compare(
    tools: Sequence[Tool], corpora: Sequence[Corpus], runs: int, work: Path
) -> dict[tuple[str, str], float]:
    """Each tool on each corpus ``runs`` times, taking turns; prints the medians and
    returns the files per CPU-second by tool and corpus."""
    results: dict[tuple[str, str], list[Run]] = defaultdict(list)
    failed: dict[str, str] = {}
    for _ in range(runs):
        for corpus in corpora:
            for tool in tools:
                if tool.name in failed:
                    continue
                try:
                    results[tool.name, corpus.name].append(_lint(tool, corpus, work))
                except ToolFailed as error:
                    failed[tool.name] = str(error)
    rows, rates = [], {}
    for corpus in corpora:
        for tool in tools:
            done = results.get((tool.name, corpus.name))
            if not done or tool.name in failed:
                continue
            cpu = statistics.median(r.cpu for r in done)
            wall = statistics.median(r.wall for r in done)
            kib = statistics.median(r.kib for r in done)
            findings = {r.findings for r in done}
            rates[tool.name, corpus.name] = len(corpus.files) / cpu
            rows.append(
                [
                    tool.name,
                    corpus.name,
                    f"{len(corpus.files) / cpu:.0f}",
                    f"{corpus.size / 1e6 / cpu:.2f}",
                    f"{cpu:.2f}",
                    f"{wall:.2f}",
                    f"{kib / 1024:.0f}",
                    "/".join(f"{n:,}" for n in sorted(findings)),
                ]
            )
    header = ["tool", "corpus", "files/CPU-s", "MB/CPU-s", "CPU s", "wall s", "peak MB"]
    print(f"\none process each, median of {runs} run(s) (CPU: user + system, whole process tree)")
    print(table([*header, "findings"], rows, left=2))
    for name, why in failed.items():
        print(f"{name}: failed, left out ({why})")
    return rates


def _cold_start(tools: Sequence[Tool], trial: Corpus, small: Path, work: Path) -> None:
    """Linting one small post, median of 9 runs; healthlint from its caches (a new post
    each time) and with --no-cache, and ``python -c pass`` for scale."""
    healthlint = [sys.executable, "-m", "healthlint", "check"]
    # The post's path stays the same; its text changes, so it is linted, not served from
    # the results cache.
    commands = {
        "healthlint check post.md": [*healthlint, str(small)],
        "healthlint check --no-cache post.md": [*healthlint, "--no-cache", str(small)],
        **{tool.name: tool.argv(trial) for tool in tools[2:]},
        "python -c pass": [sys.executable, "-c", "pass"],
    }
    runs: dict[str, list[Run]] = defaultdict(list)
    for number in range(9):
        _write_small(small, number + 1)
        for name, command in commands.items():
            runs[name].append(_measure(command, work)[0])
    rows = [
        [
            name,
            f"{statistics.median(r.wall for r in done) * 1000:.0f}",
            f"{statistics.median(r.cpu for r in done) * 1000:.0f}",
        ]
        for name, done in runs.items()
    ]
    print(f"\ncold start, one small post (median of 9; target {COLD_START_TARGET_MS} ms)")
    print(table(["run", "wall ms", "CPU ms"], rows))


def _parallel(stories: Corpus, jobs: int, runs: int, work: Path) -> None:
    """healthlint's default rules on the stories with --jobs, and from a warm cache."""
    check = [sys.executable, "-m", "healthlint", "check", "--format", "json"]
    check += ["--fail-on", "never", "--jobs", str(jobs), *_genre(stories), str(stories.folder)]
    parallel = [_measure([*check, "--no-cache"], work)[0] for _ in range(runs)]
    _measure(check, work)  # fills the results cache
    # A run this short varies with whatever else the machine does: at least five.
    warm = [_measure(check, work)[0] for _ in range(max(5, runs))]
    rows = []
    for name, done in ((f"--jobs {jobs} --no-cache", parallel), ("warm cache", warm)):
        wall = statistics.median(r.wall for r in done)
        cpu = statistics.median(r.cpu for r in done)
        kib = statistics.median(r.kib for r in done)
        files = len(stories.files)
        rows.append([name, f"{wall:.2f}", f"{files / wall:.0f}", f"{cpu:.2f}", f"{kib / 1024:.0f}"])
    print(f"\nhealthlint (default rules) on the stories, median of {runs} and {len(warm)} runs")
    print(table(["run", "wall s", "files/s", "CPU s", "peak MB"], rows))


def _import_times(small: Path, work: Path) -> None:
    """What the cold start spends on imports, by top-level module (python -X importtime)."""
    _write_small(small, 100)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "healthlint", "check", str(small)],
        cwd=work,
        capture_output=True,
        text=True,
        env=_environment(work),
    )
    top: list[tuple[int, str]] = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line.split("|", 2)
        # Indentation gives the depth: "import time:  self | cumulative |   name".
        if cumulative.strip().isdigit() and len(name) - len(name.lstrip()) <= 1:
            top.append((int(cumulative), name.strip()))
    total = sum(us for us, _ in top)
    heaviest = ", ".join(f"{name} {us / 1000:.0f}" for us, name in sorted(top, reverse=True)[:6])
    print(
        f"  healthlint's imports: {total / 1000:.0f} ms in all (importtime's count, a little high)"
    )
    print(f"  heaviest, with what they import (ms): {heaviest}")


def _profile(posts: Path) -> None:
    """Time each stage and each rule in this process over the same files."""
    from healthlint.config.ruleset import RuleSet
    from healthlint.config.settings import Config
    from healthlint.core.model import Document
    from healthlint.engine.lint import lint_document
    from healthlint.language.prose import Prose
    from healthlint.parse import parse_document
    from healthlint.report import Report, Summary, render
    from healthlint.rules.loader import load_rules

    stages: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    rules = RuleSet(load_rules(), Config(), preset="strict").for_path("x.md")
    stages["load rules"] = time.perf_counter() - started
    results = []
    for path in sorted(posts.iterdir()):
        started = time.perf_counter()
        document = parse_document(str(path), path.read_text("utf-8"))
        stages["read + parse"] += time.perf_counter() - started
        for post in document.posts:
            prose = Prose(post)
            started = time.perf_counter()
            _ = prose.sentences
            stages["sentences"] += time.perf_counter() - started
            for rule in rules:
                started = time.perf_counter()
                list(rule.check(post, prose))
                stages[f"rule {rule.name} ({rule.kind})"] += time.perf_counter() - started
        started = time.perf_counter()
        results.extend(lint_document(Document(document.path, document.source, ()), rules))
        results.extend(lint_document(document, rules))
        stages["engine (all rules again, with stamping)"] += time.perf_counter() - started
    started = time.perf_counter()
    render("json", Report(results, Summary.of(results, len(results))))
    stages["report (json)"] = time.perf_counter() - started
    total = sum(v for k, v in stages.items() if not k.startswith("engine"))
    print("\nin-process profile (seconds; the engine line repeats the rules with stamping):")
    for name, seconds in sorted(stages.items(), key=lambda item: -item[1]):
        print(f"  {name:<44}{seconds:>7.2f}")
    print(f"  {'total without the engine repeat':<44}{total:>7.2f}")


def _linearity(data: Path) -> None:
    """One long file against one ten times as long (stories joined as one post), in this
    process: the time should grow no faster than the size."""
    from healthlint.config.ruleset import RuleSet
    from healthlint.config.settings import Config
    from healthlint.engine.lint import lint_document
    from healthlint.parse import parse_document
    from healthlint.rules.loader import load_rules

    rules = RuleSet(load_rules(), Config(), preset="strict").for_path("x.md")
    with data.open(encoding="utf-8") as handle:
        texts = [json.loads(line).get("text", "").strip() for line in handle if line.strip()]

    def joined(count: int) -> str:
        return "# Digest\n\n" + "\n\n".join(texts[:count]) + "\n"

    def best_of_three(text: str) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            lint_document(parse_document("digest.md", text), rules)
            times.append(time.perf_counter() - started)
        return min(times)

    small, large = joined(40), joined(400)
    best_of_three(small)  # compiles what the first post compiles
    short, long = best_of_three(small), best_of_three(large)
    print(
        f"\nlinearity: one {len(small) / 1e6:.2f} MB post {short:.2f} s, one "
        f"{len(large) / 1e6:.2f} MB post {long:.2f} s: {len(large) / len(small):.1f}x the size "
        f"costs {long / short:.1f}x the time"
    )


if __name__ == "__main__":
    sys.exit(main())
