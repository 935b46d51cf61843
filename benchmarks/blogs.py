"""Agreement with a medical editor's annotation of real health blog articles.

    python benchmarks/blogs.py
    python benchmarks/blogs.py --errors C          # misses and disagreements, to read
    python benchmarks/blogs.py --data FILE --gold FILE [--preset strict] [-- CLI options]

Each article is written out as a Markdown file and linted by the CLI, as a user would,
with the default configuration (or the options given after ``--``). Each of the editor's
items is found in its article by its text, and counts as found when a finding of a
matching rule lies on one of its lines (an emergency item: anywhere in the article).

With ``--sentences`` a finding must also fall within the item's own words: an article
whose paragraphs are single lines holds many items on a line, and one finding there would
otherwise count for all of them.

Printed per label: the share of the editor's items found (recall). Per rule: the share of
its findings that lie on a line the editor flagged with its label ("agreement"; for
unsupported-causal-claim, a line flagged as a contestable claim). The editor can miss
things, so read the disagreements (``--errors``) before calling them noise. The articles
are read in place and never copied into the project.

``benchmarks/data/blog_articles_dev.jsonl`` and ``blog_articles_heldout.jsonl`` (with
their ``_gold.jsonl``) are 20 whole articles each, written for this project by helpers
that never saw the rules and annotated blind by other helpers with the editor's labels:
pass them with ``--data`` and ``--gold``. The development set was read while working; the
held-out set is only measured.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"

LABEL_RULES: dict[str, tuple[str, ...]] = {
    # A product's disease claim is a causal claim too: the editor marked many lines both.
    "C": ("unsupported-causal-claim", "known-myth", "supplement-disease-claim"),
    "S": ("missing-citation", "weasel-attribution"),
    "D": ("supplement-disease-claim",),
    "H": ("hype-superlative", "certainty-booster"),
    "E": ("emergency-guidance-missing",),
    "L": (
        "stray-bullet",
        "non-markdown-bullet",
        "empty-list-item",
        "mixed-bullets",
        "ordered-list-sequence",
    ),
}
LABEL_NAMES = {
    "C": "unsupported causal claim (contestable)",
    "S": "uncited statistic, 'studies show'",
    "D": "supplement said to treat a disease",
    "H": "hype or certainty",
    "E": "emergency signs, no 'call 911'",
    "L": "list glitches",
}
# Whole-article rules: their finding may sit anywhere in the article.
ARTICLE_LABELS = frozenset("E")


@dataclass(frozen=True)
class Item:
    doc: str
    label: str
    sub: str
    text: str
    first: int
    last: int
    """Lines the item spans in its article (1-based); 0 when its text was not found."""
    start: int = -1
    end: int = -1
    """Its characters in the article; -1 when only its line was found."""

    @property
    def counted(self) -> bool:
        """C items count only when contestable: 'established' is textbook fact."""
        return self.label != "C" or self.sub == "contestable"


@dataclass(frozen=True)
class Found:
    doc: str
    rule: str
    line: int
    end_line: int
    message: str
    column: int = 1
    end_column: int = 1


def read_jsonl(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_articles(path: Path) -> dict[str, str]:
    """Each article's text by its id."""
    return {a["id"]: a["text"] for a in read_jsonl(path)}


def write_articles(articles: dict[str, str], folder: Path) -> None:
    """Each article as a Markdown file named by its id (``benchmarks/speed.py`` lints the
    same files)."""
    for doc, text in articles.items():
        (folder / f"{doc}.md").write_text(text, encoding="utf-8")


def _lines_of(text: str, needle: str) -> tuple[int, int]:
    if not any(c.isalnum() for c in needle):
        # A lone bullet ("•") is the line that holds nothing else, not the first bullet.
        for line_no, line in enumerate(text.splitlines(), 1):
            if line.strip() == needle.strip():
                return line_no, line_no
    start = text.find(needle)
    if start < 0:
        # Spacing may differ (the editor copied a line with its spaces collapsed).
        squeezed = " ".join(needle.split())
        for line_no, line in enumerate(text.splitlines(), 1):
            if squeezed and squeezed in " ".join(line.split()):
                return line_no, line_no
        return 0, 0
    first = text.count("\n", 0, start) + 1
    return first, first + needle.count("\n")


def _lint(articles: dict[str, str], cli_args: list[str]) -> list[Found]:
    with tempfile.TemporaryDirectory() as folder:
        write_articles(articles, Path(folder))
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "healthlint",
                "check",
                "--format",
                "json",
                "--fail-on",
                "never",
                "--no-cache",
                *cli_args,
                folder,
            ],
            capture_output=True,
            text=True,
            cwd=folder,
            check=False,
        )
        if done.returncode != 0:
            sys.exit(f"healthlint failed ({done.returncode}): {done.stderr.strip()}")
        report = json.loads(done.stdout)
    found = []
    for post in report["posts"]:
        doc = Path(post["path"]).stem
        for f in post["findings"]:
            found.append(
                Found(
                    doc,
                    f["rule"],
                    f["line"],
                    f["end_line"],
                    f["message"],
                    f["column"],
                    f["end_column"],
                )
            )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA / "blogs_tuning.jsonl")
    parser.add_argument("--gold", type=Path, default=DATA / "blogs_tuning_gold.jsonl")
    parser.add_argument("--errors", metavar="LABEL", help="print misses and disagreements")
    parser.add_argument(
        "--sentences", action="store_true", help="match findings to items' words, not lines"
    )
    parser.add_argument("cli_args", nargs="*", help="options for `healthlint check`, after --")
    args = parser.parse_args()
    for path in (args.data, args.gold):
        if not path.is_file():
            print(f"no data at {path}; pass --data and --gold", file=sys.stderr)
            return 2

    articles = read_articles(args.data)
    items = []
    for g in read_jsonl(args.gold):
        text = articles.get(g["doc"], "")
        first, last = _lines_of(text, g["text"])
        start = text.find(g["text"])
        end = start + len(g["text"]) if start >= 0 else -1
        items.append(
            Item(g["doc"], g["label"], g.get("sub", ""), g["text"], first, last, start, end)
        )
    found = _lint(articles, args.cli_args)

    by_doc: dict[str, list[Found]] = defaultdict(list)
    for f in found:
        by_doc[f.doc].append(f)

    line_starts = {
        doc: [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]
        for doc, text in articles.items()
    }

    def on_item(item: Item, f: Found) -> bool:
        if item.label in ARTICLE_LABELS:
            return True
        if not (item.first and f.line <= item.last and f.end_line >= item.first):
            return False
        if not args.sentences or item.start < 0:
            return True
        starts = line_starts[f.doc]
        begin = starts[f.line - 1] + f.column - 1
        finish = max(begin + 1, starts[f.end_line - 1] + f.end_column - 1)
        return begin < item.end and finish > item.start

    def hits(item: Item, rules: tuple[str, ...]) -> list[Found]:
        return [f for f in by_doc[item.doc] if f.rule in rules and on_item(item, f)]

    print(f"{len(articles)} articles, {len(items)} items, {len(found)} findings")
    missing = [i for i in items if i.first == 0]
    if missing:
        print(f"({len(missing)} items not found in their article's text; counted as missed)")
    print(f"\n{'label':<44}{'items':>7}{'found':>7}{'recall':>8}")
    misses: dict[str, list[Item]] = defaultdict(list)
    for label, rules in LABEL_RULES.items():
        mine = [i for i in items if i.label == label and i.counted]
        got = [i for i in mine if hits(i, rules)]
        misses[label] = [i for i in mine if i not in got]
        recall = len(got) / len(mine) if mine else 0.0
        name = f"{label} {LABEL_NAMES[label]}"
        print(f"{name:<44}{len(mine):>7}{len(got):>7}{recall:>8.2f}")

    contestable = [i for i in items if i.label == "C" and i.counted]
    alone = [i for i in contestable if hits(i, ("unsupported-causal-claim", "known-myth"))]
    name = "C by unsupported-causal-claim, known-myth"
    print(f"{name:<44}{len(contestable):>7}{len(alone):>7}{len(alone) / len(contestable):>8.2f}")

    established = [i for i in items if i.label == "C" and not i.counted]
    if established:
        flagged = [i for i in established if hits(i, ("unsupported-causal-claim",))]
        misses["C-est"] = flagged
        name = "C established (textbook): flagged, lower is better"
        print(
            f"{name:<44}{len(established):>7}{len(flagged):>7}"
            f"{len(flagged) / len(established):>8.2f}"
        )

    print(f"\n{'rule':<30}{'findings':>9}{'agree':>7}{'share':>7}  on other labels")
    disagreements: dict[str, list[Found]] = defaultdict(list)
    for rule in sorted({f.rule for f in found} | {r for rs in LABEL_RULES.values() for r in rs}):
        mine_found = [f for f in found if f.rule == rule]
        labels = [lab for lab, rules in LABEL_RULES.items() if rule in rules]
        if not labels:
            continue
        agree = 0
        elsewhere: Counter[str] = Counter()
        for f in mine_found:
            on = [i for i in items if i.doc == f.doc and on_item(i, f)]
            if any(i.label in labels and i.counted for i in on):
                agree += 1
            else:
                disagreements[labels[0]].append(f)
                for i in on:
                    elsewhere[i.label + ("-est" if i.label == "C" and not i.counted else "")] += 1
        share = agree / len(mine_found) if mine_found else 0.0
        other = ", ".join(f"{k} {v}" for k, v in sorted(elsewhere.items()))
        print(f"{rule:<30}{len(mine_found):>9}{agree:>7}{share:>7.2f}  {other}")

    if args.errors:
        label = args.errors.upper().replace("-EST", "-est")
        print(f"\n== missed {label} items")
        for item in misses.get(label, []):
            where = f"{item.doc}:{item.first}" if item.first else f"{item.doc}:?"
            print(f"{where}  {item.text[:220]}")
        print(f"\n== {label} findings on no {label} item")
        for f in disagreements.get(label, []):
            line = articles[f.doc].splitlines()[f.line - 1] if f.line else ""
            print(f"{f.doc}:{f.line} {f.rule}  {line[:220]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
