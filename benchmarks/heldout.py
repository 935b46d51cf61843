"""The claim rules on short blog passages written for the project and kept out of tuning.

    python benchmarks/heldout.py [--data benchmarks/data/blog_heldout.csv] [--errors]
    python benchmarks/heldout.py --data benchmarks/data/hype_heldout.csv

The CSV (columns ``id,label,text``) was written by a helper that never saw healthlint's
rules, labelled the way a medical editor would, and only measured, never tuned on: its
figures say how the blog reading carries over to wording nobody here has read. Labels:
C an unsupported causal claim in the last sentence, S an uncited statistic or appeal to
research, D a product said to treat a disease, N none of these (textbook facts, hedged,
negated, sourced or questioned claims, instructions, other word senses).
``hype_heldout.csv`` (columns ``label,text``), written the same way before the hype rules
were tuned for blogs: H the writer oversells certainty or safety, N look-alikes that are
not hype (denials, questioned claims, trial results, other senses).
``blog_heldout2.csv`` … ``blog_heldout6.csv`` and ``blog_dev5.csv`` … ``blog_dev7.csv`` were
written the same way later; docs/claims.md says which were read while developing and
which are kept unread.

Each passage is linted alone as a blog post with the default configuration. Printed per
label: the share whose rule fired (C: unsupported-causal-claim or known-myth;
S: missing-citation or weasel-attribution; D: supplement-disease-claim; H: certainty-booster
or hype-superlative), and for N the share on which none of the rules of the file's other
labels fired (no false alarm).
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
    "H": {"certainty-booster", "hype-superlative"},
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", action="store_true", help="print the passages missed")
    parser.add_argument("--genre", choices=("blog", "news"), default="blog")
    parser.add_argument("--preset", choices=("recommended", "strict"), default="recommended")
    args = parser.parse_args()
    with args.data.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ruleset = RuleSet(load_rules(), Config(), preset=args.preset, genre=args.genre)
    rules = ruleset.for_path("post.md")
    # A false alarm on N is a finding of a rule the file's other labels measure.
    watched = set().union(*(RULES[row["label"]] for row in rows if row["label"] in RULES))
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    errors: list[str] = []
    for number, row in enumerate(rows, 1):
        label, text = row["label"], row["text"]
        document = parse_document("post.md", text + "\n")
        results = lint_document(document, rules, genre=args.genre)
        fired = {f.rule for r in results for f in r.findings}
        total[label] += 1
        ok = not (fired & watched) if label == "N" else bool(fired & RULES[label])
        right[label] += ok
        if not ok:
            errors.append(f"{row.get('id', number)} {label} {sorted(fired & watched)}: {text}")
    print(f"{len(rows)} passages, read as {args.genre}")
    for label in [label for label in (*RULES, "N") if total[label]]:
        what = "quiet (no false alarm)" if label == "N" else "found"
        share = right[label] / total[label] if total[label] else 0.0
        print(f"{label}: {right[label]} of {total[label]} {what} ({share:.2f})")
    if args.errors:
        print("\n".join(["", *errors]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
