"""known-myth on sentences written after its list was frozen.

    python benchmarks/myths.py [--data benchmarks/data/myth_heldout.csv] [--errors]

Each CSV (columns ``id,expect,myth_id,text``) was written by a helper that saw only the
list of myths (``healthlint myths``), not how they are matched: 30 fresh paraphrases of
listed myths (``expect=flag``) and 15 sentences that debunk or question one
(``expect=pass``). Each is linted alone as a blog post with known-myth selected. Four sets
(``myth_heldout.csv``, ``myth_heldout2.csv`` … ``myth_heldout4.csv``); docs/claims.md
says which were read and worked on, and what each measured on arrival.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

from healthlint.config.ruleset import RuleSet
from healthlint.config.settings import Config
from healthlint.engine.lint import lint_document
from healthlint.parse import parse_document
from healthlint.rules.loader import load_rules

DATA = Path(__file__).resolve().parent / "data" / "myth_heldout.csv"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", action="store_true", help="print the sentences it got wrong")
    args = parser.parse_args()
    with args.data.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rules = RuleSet(load_rules(), Config(), select=["known-myth"]).for_path("post.md")
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    wrong: list[str] = []
    for row in rows:
        results = lint_document(parse_document("post.md", row["text"] + "\n"), rules)
        fired = any(r.findings for r in results)
        expect = row["expect"]
        total[expect] += 1
        if fired == (expect == "flag"):
            right[expect] += 1
        else:
            wrong.append(f"{row['id']} {expect} ({row['myth_id']}): {row['text']}")
    print(f"paraphrases flagged: {right['flag']} of {total['flag']}")
    print(f"debunkings left alone: {right['pass']} of {total['pass']}")
    if args.errors:
        print("\n".join(["", *wrong]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
