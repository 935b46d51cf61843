"""Posts per second on a Dask cluster of 1 and 2 workers, against `healthlint check`.

    python benchmarks/scale.py [--data ../shared/data/healthstory.jsonl] [--runs 3]

Lints the news stories (JSON Lines, read in place: ``url`` names a story, ``text`` is its
Markdown) through examples/dask_audit.py on a fresh ``LocalCluster`` of 1 and of 2 worker
processes (one thread each), and the same texts written as Markdown files through the
installed CLI (``--no-cache``, ``--jobs 1`` and ``2``; JSON report), with the default
rules. Prints, as the median of ``--runs`` runs: the cluster's start-up, the lint time
(reading the export, linting, writing the findings as Parquet), posts per second, the
peak memory of the biggest worker or CLI process, the scaling from 1 to 2 workers, and
the findings each path found (they must agree).

Needs the scale extra (``pip install -e '.[scale]'``; ``.[dev]`` has it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "healthstory.jsonl"
# Runs a command, writing its stdout to a file; prints its wall time, the peak RSS of its
# biggest process in KiB, its processes' CPU time and its exit code.
_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "with open(sys.argv[1], 'wb') as out:\n"
    "    done = subprocess.run(sys.argv[2:], stdout=out)\n"
    "seconds = time.perf_counter() - start\n"
    "used = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(seconds, used.ru_maxrss, used.ru_utime + used.ru_stime, done.returncode)\n"
)


@dataclass(frozen=True)
class Run:
    start: float
    """The cluster's start-up (none for the CLI, whose start is in its lint time)."""
    lint: float
    cpu: float
    """CPU seconds the lint took in every process: what it costs whatever else runs."""
    peak_kib: int
    findings: int


def _peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _cpu_seconds() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def _dask_run(data: Path, work: Path, workers: int) -> Run:
    import dask_audit
    from distributed import Client, LocalCluster

    from healthlint.api import Linter

    began = time.perf_counter()
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        started = time.perf_counter()
        # The client's process runs the scheduler too: its CPU counts.
        before = sum(client.run(_cpu_seconds).values()) + time.process_time()
        linter = Linter.from_config(start=work)
        summary = dask_audit.audit(
            client, linter, str(data), str(work / "findings.parquet"), id_field="url"
        )
        done = time.perf_counter()
        cpu = sum(client.run(_cpu_seconds).values()) + time.process_time() - before
        peaks = client.run(_peak_kib)
    findings = sum(summary.per_rule.values())
    return Run(started - began, done - started, cpu, max(peaks.values()), findings)


def _cli_run(work: Path, jobs: int) -> Run:
    command = [
        *(sys.executable, "-m", "healthlint", "check", "--no-cache", "--format", "json"),
        *("--fail-on", "never", "--jobs", str(jobs), "posts"),
    ]
    report = work / "report.json"
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(report), *command],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, kib, cpu, code = done.stdout.split()
    if code != "0":
        raise SystemExit(f"healthlint check exited {code}: {done.stderr.strip()}")
    posts = json.loads(report.read_text("utf-8"))["posts"]
    return Run(0.0, float(seconds), float(cpu), int(kib), sum(len(p["findings"]) for p in posts))


def _write_posts(data: Path, folder: Path) -> int:
    folder.mkdir()
    count = 0
    with data.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                (folder / f"{count:05}.md").write_text(json.loads(line)["text"], "utf-8")
                count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"no data at {args.data}; pass --data FILE", file=sys.stderr)
        return 2
    # The example is a script, not a module of the package; the workers start with this
    # process's sys.path, so they import it too.
    sys.path.insert(0, str(ROOT / "examples"))
    import dask
    import distributed

    with tempfile.TemporaryDirectory(prefix="healthlint-scale-") as temporary:
        work = Path(temporary)
        posts = _write_posts(args.data, work / "posts")
        print(
            f"{posts:,} posts ({args.data.stat().st_size / 1e6:.1f} MB of JSON Lines); "
            f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
            f"Python {platform.python_version()}, dask {dask.__version__}, "
            f"distributed {distributed.__version__}; median of {args.runs} runs\n"
        )
        paths = {
            "dask, 1 worker": lambda: _dask_run(args.data, work, 1),
            "dask, 2 workers": lambda: _dask_run(args.data, work, 2),
            "check --jobs 1": lambda: _cli_run(work, 1),
            "check --jobs 2": lambda: _cli_run(work, 2),
        }
        results: dict[str, list[Run]] = {name: [] for name in paths}
        # Interleaved, so that what else the machine does falls on every path alike.
        for _ in range(args.runs):
            for name, measure in paths.items():
                results[name].append(measure())
        print(
            f"{'path':<17}{'start s':>9}{'lint s':>8}{'posts/s':>9}{'CPU s':>7}"
            f"{'posts/CPU s':>13}{'peak MB':>9}{'findings':>10}"
        )
        rate = {}
        for name, runs in results.items():
            start = statistics.median(r.start for r in runs)
            lint = statistics.median(r.lint for r in runs)
            cpu = statistics.median(r.cpu for r in runs)
            peak = statistics.median(r.peak_kib for r in runs) / 1024
            rate[name] = posts / lint
            counts = "/".join(sorted({str(r.findings) for r in runs}))
            shown = f"{start:.1f}" if name.startswith("dask") else "-"
            print(
                f"{name:<17}{shown:>9}{lint:>8.1f}{rate[name]:>9.0f}{cpu:>7.1f}"
                f"{posts / cpu:>13.0f}{peak:>9.0f}{counts:>10}"
            )
        print(
            f"\nscaling, 1 to 2: dask {rate['dask, 2 workers'] / rate['dask, 1 worker']:.2f}x, "
            f"check {rate['check --jobs 2'] / rate['check --jobs 1']:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
