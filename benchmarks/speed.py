"""Speed and memory of the healthlint CLI on real health news, as a user runs it.

    python benchmarks/speed.py [--data ../shared/data/healthstory.jsonl] [--jobs 2]

Writes each story as a Markdown post into a temporary directory, then runs the installed
CLI over them in fresh processes (every built-in rule: --preset strict; JSON to /dev/null)
and prints files/s, MB/s and peak memory for one process, for --jobs, and for a warm
cache; the cold-start time of linting one small post; the same files through proselint
when it is installed; and an in-process profile per stage and per rule, so the slow part
is visible.

The CLI runs as on a writer's machine: with a user cache directory of its own (in the
temporary directory; one warm-up run fills it with the syllable table and the validated
rule set) and with Python's bytecode cache on, even if PYTHONDONTWRITEBYTECODE is set here.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "healthstory.jsonl"
# Runs a command and prints its wall time, the peak RSS of its process tree in KiB and its
# exit code (a run that failed early would otherwise pass for a fast one).
_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "seconds = time.perf_counter() - start\n"
    "sys.stderr.write(done.stderr.decode(errors='replace'))\n"
    "print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)\n"
)


def _environment(cwd: Path) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    environment["XDG_CACHE_HOME"] = str(cwd / "user-cache")
    return environment


def _measure(command: list[str], cwd: Path) -> tuple[float, int]:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        env=_environment(cwd),
    )
    seconds, kib, code = done.stdout.split()
    # 0 and 1 are clean and findings; anything else (2: bad input or rules) is a failure.
    if int(code) not in (0, 1):
        raise SystemExit(f"{' '.join(command[:4])}... exited {code}: {done.stderr.strip()}")
    return float(seconds), int(kib)


def _write_posts(data: Path, folder: Path) -> tuple[int, int]:
    count = size = 0
    with data.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            story = json.loads(line)
            text = f"# {story.get('title', '').strip()}\n\n{story.get('text', '').strip()}\n"
            path = folder / f"{story.get('id', count)}.md"
            path.write_text(text, "utf-8")
            count += 1
            size += path.stat().st_size
    return count, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"no data at {args.data}; pass --data FILE", file=sys.stderr)
        return 2
    healthlint = [sys.executable, "-m", "healthlint"]

    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        posts = work / "posts"
        posts.mkdir()
        files, size = _write_posts(args.data, posts)
        mb = size / 1e6
        print(f"{files} posts, {mb:.1f} MB of Markdown\n")
        check = [
            *healthlint,
            "check",
            "--preset",
            "strict",
            "--format",
            "json",
            "--fail-on",
            "never",
            "posts",
        ]

        small = work / "small.md"
        small.write_text("# Water\n\nDrink water. It is good for you, your doctor says.\n", "utf-8")
        _measure([*healthlint, "check", str(small)], work)  # the warm-up run

        rows = []
        seconds, kib = _measure([*check, "--no-cache", "--jobs", "1"], work)
        rows.append(("1 process", seconds, kib))
        single = seconds
        seconds, kib = _measure([*check, "--no-cache", "--jobs", str(args.jobs)], work)
        rows.append((f"--jobs {args.jobs}", seconds, kib))
        parallel = seconds
        _measure([*check, "--jobs", str(args.jobs)], work)  # fills the cache
        # A run this short varies with whatever else the machine does: the median of five.
        warm = sorted(_measure([*check, "--jobs", str(args.jobs)], work) for _ in range(5))
        rows.append(("warm cache", *warm[2]))
        print(f"{'run':<14}{'seconds':>9}{'files/s':>10}{'MB/s':>8}{'peak MB':>9}")
        for name, seconds, kib in rows:
            print(
                f"{name:<14}{seconds:>9.2f}{files / seconds:>10.0f}{mb / seconds:>8.2f}"
                f"{kib / 1024:>9.0f}"
            )

        starts, uncached = [], []
        for number in range(9):
            # A new post each time, so that it is linted, not served from the results cache.
            small.write_text(f"# Water\n\nDrink {number} glasses of water a day.\n", "utf-8")
            starts.append(_measure([*healthlint, "check", str(small)], work)[0])
            uncached.append(_measure([*healthlint, "check", "--no-cache", str(small)], work)[0])
        baseline = [_measure([sys.executable, "-c", "pass"], work)[0] for _ in range(9)]
        print(
            f"\ncold start, one small post: {statistics.median(starts) * 1000:.0f} ms; "
            f"with --no-cache (rule files read and validated): "
            f"{statistics.median(uncached) * 1000:.0f} ms "
            f"(python -c pass: {statistics.median(baseline) * 1000:.0f} ms)"
        )
        _import_times(healthlint, small, work)

        proselint = shutil.which("proselint")
        if proselint:
            names = sorted(str(p) for p in posts.iterdir())
            version = subprocess.run([proselint, "version"], capture_output=True, text=True)
            # proselint 0.14 and later take a "check" command; older ones take the files.
            command = [proselint, "check"] if version.returncode == 0 else [proselint]
            # Also its warm-up run: proselint keeps a cache of its own in the user cache.
            trial = subprocess.run(
                [*command, names[0]], capture_output=True, text=True, env=_environment(work)
            )
            if "Traceback" in trial.stderr:
                # A broken install exits fast and would pass for a very fast linter.
                broken = trial.stderr.strip().splitlines()[-1]
                print(f"proselint: installed but does not run ({broken})")
            else:
                seconds, _ = _measure([*command, *names], work)
                print(
                    f"proselint: {files / seconds:.0f} files/s; healthlint --jobs {args.jobs} "
                    f"is {seconds / parallel:.1f}x as fast ({seconds / single:.1f}x in one "
                    "process)"
                )
        else:
            print("proselint: not installed (pip install proselint to compare)")

        _profile(posts)
    _linearity(args.data)
    return 0


def _import_times(healthlint: list[str], small: Path, work: Path) -> None:
    """What the cold start spends on imports, by top-level module (python -X importtime)."""
    small.write_text("# Water\n\nDrink ten glasses of water a day.\n", "utf-8")
    done = subprocess.run(
        [healthlint[0], "-X", "importtime", *healthlint[1:], "check", str(small)],
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
    print(f"  imports: {total / 1000:.0f} ms in all (importtime's own count, a little high)")
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
