"""examples/dask_audit.py on a two-worker Dask cluster finds exactly what `healthlint check`
finds on the same posts, and healthlint itself never imports Dask."""

from __future__ import annotations

import importlib
import json
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from healthlint.api import HealthlintError, Linter
from healthlint.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "dask_audit.py"
NEEDS = "needs the scale extra (dask, distributed, pandas, pyarrow): pip install -e '.[scale]'"

_TOPICS = ["green tea", "walking", "oat bran", "cold showers", "magnesium", "yoga", "ginger"]
_ILLS = ["migraines", "insomnia", "joint pain", "high blood pressure", "anxiety", "colds"]


def _post(number: int, pick: random.Random) -> str:
    """A short post of a few paragraphs: plain claims, hedged and sourced ones, hearsay,
    risk figures, lists good and broken, and sometimes a disclaimer."""
    topic, ill = pick.choice(_TOPICS), pick.choice(_ILLS)
    lines = [f"# {topic.capitalize()} and {ill}", ""]
    paragraphs = [
        f"{topic.capitalize()} cures {ill}.",
        f"{topic.capitalize()} may ease {ill} in some people, a small trial suggests.",
        f"Experts say {topic} is the best thing you can do about {ill}.",
        f"People who took up {topic} had a 40% lower risk of {ill}.",
        f"It is proven that {topic} prevents {ill} for good.",
        f"A 2022 trial in 240 adults found that {topic} was linked to fewer days of {ill} "
        f"([the trial](https://example.org/trials/{number})).",
        f"Things to try this week:\n\n- a cup of {topic}\n- an early night\n- a short walk",
        f"What we tried:\n\n• {topic} every morning\n• no screens after nine",
        "Garlic cures colds, and vitamin C cures them faster.",
        f"Our readers wrote in about {ill} and how it changed their mornings. Read more...",
        "This article is general information, not medical advice: talk to your doctor "
        "before you change your treatment.",
        f"Sleep well, eat plenty of vegetables and keep moving; {ill} often improves with time.",
    ]
    for paragraph in pick.sample(paragraphs, pick.randint(2, 6)):
        lines += [paragraph, ""]
    return "\n".join(lines)


def _posts(count: int) -> dict[str, str]:
    pick = random.Random(30)
    return {f"post-{n:03}": _post(n, pick) for n in range(count)}


@pytest.fixture(scope="module")
def example() -> Iterator[ModuleType]:
    """The example, importable here and in the workers: they start with this process's
    ``sys.path``, as they would with a script's folder."""
    for name in ("dask", "distributed", "pandas", "pyarrow"):
        pytest.importorskip(name, reason=NEEDS)
    sys.path.insert(0, str(EXAMPLE.parent))
    try:
        yield importlib.import_module(EXAMPLE.stem)
    finally:
        sys.path.remove(str(EXAMPLE.parent))
        sys.modules.pop(EXAMPLE.stem, None)


@pytest.fixture(scope="module")
def client(example: ModuleType) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _findings_by_post(rows: list[dict[str, Any]]) -> dict[str, list[tuple[Any, ...]]]:
    by_post: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        by_post.setdefault(row["id"], []).append(
            (row["rule"], row["severity"], row["line"], row["column"], row["message"])
        )
    return by_post


def _check_cli(folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(
        main, ["check", "--format", "json", "--no-cache", "--jobs", "1", "posts"]
    )
    assert result.exit_code == 1, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def test_the_cluster_finds_what_the_cli_finds(
    example: ModuleType, client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pandas as pd

    posts = _posts(300)
    (tmp_path / "posts").mkdir()
    for name, text in posts.items():
        (tmp_path / "posts" / f"{name}.md").write_text(text, "utf-8")
    export = tmp_path / "posts.jsonl"
    export.write_text("".join(json.dumps({"url": n, "body": t}) + "\n" for n, t in posts.items()))
    report = _check_cli(tmp_path, monkeypatch)

    summary = example.audit(
        client,
        Linter.from_config(),
        str(export),
        str(tmp_path / "findings.parquet"),
        text_field="body",
        id_field="url",
    )
    found = pd.read_parquet(tmp_path / "findings.parquet")

    expected = {
        Path(post["path"]).stem: [
            (f["rule"], f["severity"], f["line"], f["column"], f["message"])
            for f in post["findings"]
        ]
        for post in report["posts"]
        if post["findings"]
    }
    assert _findings_by_post(found.to_dict("records")) == expected
    titles = {Path(p["path"]).stem: p["title"] for p in report["posts"]}
    assert {row.id: row.title for row in found.itertuples()} == {n: titles[n] for n in expected}
    # Several rules speak, so the comparison covers more than one kind of finding.
    assert len(set(found["rule"])) >= 6
    assert summary.posts == 300
    assert summary.posts_with_findings == len(expected)
    assert summary.per_rule == found["rule"].value_counts().to_dict()
    # The rules were handed to each worker once, as the plugin, not read per task.
    held = client.run(lambda dask_worker: type(dask_worker.plugins["healthlint"].linter).__name__)
    assert list(held.values()) == ["Linter", "Linter"]


def test_a_parquet_export_gives_the_same_findings(
    example: ModuleType, client: Any, tmp_path: Path
) -> None:
    import pandas as pd

    posts = _posts(40)
    export = tmp_path / "posts.parquet"
    pd.DataFrame({"id": list(posts), "text": list(posts.values())}).to_parquet(export)
    (tmp_path / "posts.jsonl").write_text(
        "".join(json.dumps({"id": n, "text": t}) + "\n" for n, t in posts.items())
    )
    linter = Linter.from_config()
    for name in ("posts.parquet", "posts.jsonl"):
        example.audit(client, linter, str(tmp_path / name), str(tmp_path / f"{name}.out"))
    from_parquet = pd.read_parquet(tmp_path / "posts.parquet.out")
    from_jsonl = pd.read_parquet(tmp_path / "posts.jsonl.out")
    assert len(from_parquet) > 40
    assert from_parquet.to_dict("records") == from_jsonl.to_dict("records")


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_a_missing_field_is_named(example: ModuleType, tmp_path: Path, suffix: str) -> None:
    import pandas as pd

    export = str(tmp_path / f"posts{suffix}")
    rows = pd.DataFrame({"url": ["a"], "body": ["Ginger cures colds."]})
    if suffix == ".jsonl":
        rows.to_json(export, orient="records", lines=True)
    else:
        rows.to_parquet(export)
    with pytest.raises(HealthlintError, match=r"has no field 'text' \(it has \['url', 'body'\]\)"):
        example.read_posts(export, text_field="text", id_field="url", partitions=2)


def test_healthlint_never_imports_dask() -> None:
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, healthlint.api, healthlint.cli, healthlint.app.run; "
            "print(sorted({m.split('.')[0] for m in sys.modules} "
            "& {'dask', 'distributed', 'pandas', 'pyarrow'}))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout == "[]\n"
