"""Audit a whole archive on a Dask cluster: healthlint's findings on every post of a JSON
Lines or Parquet export, written as Parquet with one row per finding (docs/scale.md).

    python examples/dask_audit.py posts.jsonl findings.parquet --workers 2
    python examples/dask_audit.py s3://archive/posts.parquet s3://archive/findings.parquet \\
        --scheduler tcp://10.0.0.5:8786 --text-field body --id-field url --text-format html

Needs ``pip install 'healthlint[scale]'`` here and on every worker, the same version. The
configuration and rules are read once, here; each worker is handed the loaded linter once
(as a plugin) and lints every partition it gets with it. Workers read the export and write
the findings themselves: on a cluster, give paths they all reach (shared disk, s3://...).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass

import dask
import dask.dataframe as dd
import pandas as pd
from distributed import Client, LocalCluster, WorkerPlugin, get_worker
from fsspec.core import url_to_fs

from healthlint.api import HealthlintError, Linter, Record

COLUMNS = {
    "id": "string",
    "rule": "string",
    "severity": "string",
    "message": "string",
    "line": "int64",
    "column": "int64",
    "end_line": "int64",
    "end_column": "int64",
    "title": "string",
}
"""The findings' table: the post's id, the finding, and the post's title."""

PLUGIN = "healthlint"
MAX_BLOCK = 64 * 2**20
"""The most of a JSON Lines export one task reads at once: a worker's memory stays flat."""


class LinterPlugin(WorkerPlugin):
    """The loaded linter, sent to each worker once: it pickles with its rules (about
    150 kB), so no worker reads a rule file or needs the configuration."""

    name = PLUGIN

    def __init__(self, linter: Linter) -> None:
        self.linter = linter


@dataclass(frozen=True)
class Summary:
    posts: int
    posts_with_findings: int
    per_rule: dict[str, int]


def read_posts(source: str, *, text_field: str, id_field: str, partitions: int) -> dd.DataFrame:
    """The posts of a JSON Lines or Parquet export as columns ``id`` and ``text``, in
    about ``partitions`` pieces (a few per worker, so that none waits for another)."""
    if source.rstrip("/").endswith((".parquet", ".pq")):
        # Only the two columns are read: Dask pushes the selection below down to the file.
        posts = dd.read_parquet(source)
        if posts.npartitions < partitions:
            posts = posts.repartition(npartitions=partitions)
    else:
        filesystem, path = url_to_fs(source)
        block = min(MAX_BLOCK, filesystem.size(path) // partitions + 1)
        # dtype off: an id stays as the export writes it.
        posts = dd.read_json(source, lines=True, blocksize=block, dtype=False)
    missing = [field for field in (id_field, text_field) if field not in posts.columns]
    if missing:
        raise HealthlintError(
            f"{source} has no field {missing[0]!r} (it has {list(posts.columns)})"
        )
    return posts[[id_field, text_field]].rename(columns={id_field: "id", text_field: "text"})


def lint_partition(posts: pd.DataFrame, *, source: str, text_format: str) -> pd.DataFrame:
    """The findings of one partition of posts, one row each, by the worker's linter."""
    linter: Linter = get_worker().plugins[PLUGIN].linter  # type: ignore[attr-defined]
    records = (
        Record(id=str(key), text=text if isinstance(text, str) else "", format=text_format)
        for key, text in zip(posts["id"], posts["text"], strict=True)
    )
    rows = [
        {"id": post.record, "title": post.title, **finding.as_dict()}
        for post in linter.lint_records(records, source=source)
        for finding in post.findings
    ]
    return pd.DataFrame(rows, columns=list(COLUMNS)).astype(COLUMNS)


def audit(
    client: Client,
    linter: Linter,
    source: str,
    output: str,
    *,
    text_field: str = "text",
    id_field: str = "id",
    text_format: str = "markdown",
) -> Summary:
    """Lints every post of ``source`` on ``client``'s workers, writes the findings to
    ``output`` (a Parquet folder) and says how many posts had which findings."""
    client.register_plugin(LinterPlugin(linter))
    threads = sum(client.nthreads().values())
    posts = read_posts(source, text_field=text_field, id_field=id_field, partitions=4 * threads)
    meta = pd.DataFrame({name: pd.Series(dtype=kind) for name, kind in COLUMNS.items()})
    findings = posts.map_partitions(
        lint_partition, source=source, text_format=text_format, meta=meta
    )
    # One pass: the export is read and linted once, for the file and the counts.
    _, count, per_rule, flagged = dask.compute(
        findings.to_parquet(output, write_index=False, compute=False),
        posts.map_partitions(len).sum(),
        findings["rule"].value_counts(split_out=1),
        # A post is in one partition only: its partition's count is the whole count.
        findings["id"].map_partitions(pd.Series.nunique, meta=("id", "int64")).sum(),
    )
    return Summary(int(count), int(flagged), {str(k): int(v) for k, v in per_rule.items()})


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="a JSON Lines file, or a .parquet file or folder")
    parser.add_argument("output", help="the findings, as a Parquet folder")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="a running cluster instead")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--id-field", default="id")
    parser.add_argument("--text-format", choices=("markdown", "html", "text"), default="markdown")
    parser.add_argument("--config", help="healthlint's config file (default: found from here)")
    parser.add_argument("--preset", choices=("recommended", "strict"))
    args = parser.parse_args(argv)
    try:
        linter = Linter.from_config(args.config, preset=args.preset)
        # One thread per worker process: linting is pure Python, threads would share a core.
        cluster = (
            nullcontext(args.scheduler)
            if args.scheduler
            else LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True)
        )
        with cluster as address, Client(address) as client:
            start = time.perf_counter()
            summary = audit(
                client,
                linter,
                args.source,
                args.output,
                text_field=args.text_field,
                id_field=args.id_field,
                text_format=args.text_format,
            )
            seconds = time.perf_counter() - start
    except (HealthlintError, OSError) as error:  # a bad config or rule, a missing export
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(
        f"{summary.posts:,} posts in {seconds:.1f} s ({summary.posts / seconds:.0f} posts/s): "
        f"{sum(summary.per_rule.values()):,} findings in {summary.posts_with_findings:,} posts, "
        f"written to {args.output}"
    )
    for rule, count in sorted(summary.per_rule.items(), key=lambda item: -item[1]):
        print(f"{count:>8,}  {rule}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
