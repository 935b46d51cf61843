"""The claim rules on short blog passages written for the project and kept out of tuning.

    python benchmarks/heldout.py [--data benchmarks/data/blog_heldout.csv] [--errors]

The CSV (columns ``id,label,text``) was written by a helper that never saw healthlint's
rules, labelled the way a medical editor would, and only measured, never tuned on: its
figures say how the blog reading carries over to wording nobody here has read. Labels:
C an unsupported causal claim in the last sentence, S an uncited statistic or appeal to
research, D a product said to treat a disease, N none of these (textbook facts, hedged,
negated, sourced or questioned claims, instructions, other word senses).

Each passage is linted alone as a blog post with the default configuration. Printed per
label: the share whose rule fired (C: unsupported-causal-claim or known-myth; S: missing-citation or
weasel-attribution; D: supplement-disease-claim), and for N the share on which any of
those rules fired (false alarms).
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

DATA = Path(__file__).resolve().parent / "data" / "blog_heldout.csv"
RULES = {
    "C": {"unsupported-causal-claim", "known-myth"},
    "S": {"missing-citation", "weasel-attribution"},
    "D": {"supplement-disease-claim"},
}
ANY = set().union(*RULES.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", action="store_true", help="print the passages missed")
    parser.add_argument("--genre", choices=("blog", "news"), default="blog")
    args = parser.parse_args()
    with args.data.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ruleset = RuleSet(load_rules(), Config(), genre=args.genre)
    rules = ruleset.for_path("post.md")
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    errors: list[str] = []
    for row in rows:
        label, text = row["label"], row["text"]
        document = parse_document("post.md", text + "\n")
        results = lint_document(document, rules, genre=args.genre)
        fired = {f.rule for r in results for f in r.findings}
        total[label] += 1
        ok = not (fired & ANY) if label == "N" else bool(fired & RULES[label])
        right[label] += ok
        if not ok:
            errors.append(f"{row['id']} {label} {sorted(fired & ANY)}: {text}")
    print(f"{len(rows)} passages, read as {args.genre}")
    for label in ("C", "S", "D", "N"):
        what = "quiet (no false alarm)" if label == "N" else "found"
        share = right[label] / total[label] if total[label] else 0.0
        print(f"{label}: {right[label]} of {total[label]} {what} ({share:.2f})")
    if args.errors:
        print("\n".join(["", *errors]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
