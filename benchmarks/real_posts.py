"""Findings per rule on real health news, to measure how often each rule speaks.

    python benchmarks/real_posts.py [--data ../shared/data/healthstory.jsonl]
    python benchmarks/real_posts.py --sample missing-citation --count 40 --seed 1

Each story is linted as a Markdown post (title as the heading, paragraphs as written),
with every built-in rule on (``--preset strict``; ``--preset recommended`` for the default
set). A story whose URL carries its year gets that year as its front-matter ``date`` so
that dated-evidence judges a study's age against the story's, not today's. The data set
has no author, date or reviewer fields, so the metadata rules are not measured here.

The first form prints findings per rule per 1,000 words, throughput and two digests: a
hash of every finding (rule, severity, message, position, fingerprint, fix) on the
stories, read as news (``--genre``), and one of the rules' own examples and the project's
example posts and test fixtures. A change meant to keep behaviour must keep them; a
change for blogs must keep the first. The second prints
a reproducible random sample of one rule's findings with their sentence, for reading by
hand. The data set is read in place and never copied into the project.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from healthlint.config.ruleset import RuleSet
from healthlint.config.settings import Config
from healthlint.core.model import Finding
from healthlint.engine.examples import run_examples
from healthlint.engine.lint import lint_document
from healthlint.language.prose import words
from healthlint.parse import parse_document
from healthlint.rules.loader import load_rules
from healthlint.rules.spec import RuleSpec

_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/")
DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "healthstory.jsonl"


def _stories(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _as_markdown(story: dict[str, str]) -> str:
    body = f"# {story.get('title', '').strip()}\n\n{story.get('text', '').strip()}\n"
    year = _URL_YEAR.search(story.get("url", ""))
    return f"---\ndate: {year.group(1)}-07-01\n---\n\n{body}" if year else body


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sample", metavar="RULE", help="print a random sample of this rule")
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--preset", choices=("recommended", "strict"), default="strict")
    parser.add_argument(
        "--genre", choices=("news", "blog"), default="news", help="read the stories as this"
    )
    parser.add_argument(
        "--dump", type=Path, metavar="FILE", help="write every finding to FILE, one a line"
    )
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"no data at {args.data}; pass --data FILE", file=sys.stderr)
        return 2

    stories = _stories(args.data)
    all_rules = load_rules()
    rules = [
        rule
        for rule in RuleSet(all_rules, Config(), preset=args.preset, genre=args.genre).for_path(
            "story.md"
        )
        if rule.kind != "metadata"
    ]
    per_rule: Counter[str] = Counter()
    posts_with: Counter[str] = Counter()
    found: list[tuple[Finding, str]] = []
    found_all: list[Finding] = []
    total_words = 0
    total_bytes = 0
    started = time.perf_counter()
    for story in stories:
        text = _as_markdown(story)
        total_bytes += len(text.encode("utf-8"))
        total_words += len(words(text))
        document = parse_document(f"{story.get('id', 'story')}.md", text)
        for result in lint_document(document, rules, genre=args.genre):
            for rule in {f.rule for f in result.findings}:
                posts_with[rule] += 1
            for finding in result.findings:
                per_rule[finding.rule] += 1
                found.append((finding, text))
                found_all.append(finding)
    elapsed = time.perf_counter() - started

    if args.dump:
        args.dump.write_text(
            "".join(f"{_finding_line(f)}\t{_sentence(f, text)}\n" for f, text in found), "utf-8"
        )

    if args.sample:
        rule = next((r for r in rules if r.name == args.sample), None)
        _print_sample(found, args.sample, args.count, args.seed, getattr(rule, "when", ()))
        return 0

    print(f"{len(stories)} stories, {total_words:,} words, {total_bytes / 1e6:.1f} MB")
    print(
        f"{len(stories) / elapsed:.0f} posts/s, {total_bytes / 1e6 / elapsed:.2f} MB/s (in process)"
    )
    print()
    print(f"{'rule':<30}{'findings':>10}{'per 1k words':>14}{'% of posts':>12}")
    for rule in sorted(r.name for r in rules):
        count = per_rule[rule]
        print(
            f"{rule:<30}{count:>10}{count * 1000 / total_words:>14.2f}"
            f"{posts_with[rule] * 100 / len(stories):>11.1f}%"
        )
    print("\n(metadata rules not measured: the data set has no author or date fields)")
    stories, examples = _digests(found_all, all_rules)
    print(f"\ndigest of the stories' findings: {stories}")
    print(f"digest of the rules' examples, example posts and fixtures: {examples}")
    return 0


def _sentence(finding: Finding, text: str) -> str:
    line = text.splitlines()[finding.line - 1]
    return line[max(0, finding.column - 100) : finding.column + 100]


def _finding_line(finding: Finding) -> str:
    fix = (
        f"{finding.fix.span.start}:{finding.fix.span.end}:{finding.fix.text!r}"
        if finding.fix
        else ""
    )
    return "\t".join(
        map(
            str,
            (
                finding.path,
                finding.rule,
                finding.severity.label,
                finding.line,
                finding.column,
                finding.end_line,
                finding.end_column,
                finding.message,
                finding.fingerprint,
                fix,
            ),
        )
    )


def _digests(story_findings: Sequence[Finding], rules: dict[str, RuleSpec]) -> tuple[str, str]:
    """A hash of every finding on the stories, and one of every finding on the rules'
    examples (each linted with its own rule, as the tests do) and the example posts and
    fixtures (every rule on, the default genre)."""
    stories = hashlib.sha256()
    for finding in story_findings:
        stories.update(_finding_line(finding).encode() + b"\n")
    digest = hashlib.sha256()
    for _, rule in sorted(rules.items()):
        if rule.kind == "grammar":
            continue  # needs a LanguageTool server
        for example in run_examples(rule, rules.keys()):
            for finding in example.findings:
                digest.update(_finding_line(finding).encode() + b"\n")
    root = Path(__file__).resolve().parents[1]
    posts = sorted(
        p
        for p in [*(root / "examples").iterdir(), *(root / "tests" / "fixtures").iterdir()]
        # Posts only: examples/house-rules is a rule directory, dask_audit.py a script.
        if p.is_file() and p.suffix != ".py"
    )
    strict = RuleSet(rules, Config(), preset="strict")
    for post in posts:
        name = post.relative_to(root).as_posix()
        document = parse_document(name, post.read_text(encoding="utf-8"))
        for result in lint_document(document, strict.for_path(name), known=rules.keys()):
            for finding in result.findings:
                digest.update(_finding_line(finding).encode() + b"\n")
    return stories.hexdigest()[:16], digest.hexdigest()[:16]


def _print_sample(
    found: list[tuple[Finding, str]],
    rule: str,
    count: int,
    seed: int,
    when: Sequence[re.Pattern[str]] = (),
) -> None:
    chosen = [(f, text) for f, text in found if f.rule == rule]
    random.Random(seed).shuffle(chosen)
    for number, (finding, text) in enumerate(chosen[:count], 1):
        line = text.splitlines()[finding.line - 1]
        start = max(0, finding.column - 160)
        snippet = line[start : finding.column + 160]
        print(f"{number:>3}. {finding.path}:{finding.line}:{finding.column} {finding.message[:60]}")
        print(f"     …{snippet}…")
        # A finding about the whole post: show what made the rule apply to it.
        context = next((m for m in (w.search(text) for w in when) if m), None)
        if context is not None:
            around = text[max(0, context.start() - 120) : context.end() + 120]
            print(f"     applies because: …{' '.join(around.split())}…")
        print()


if __name__ == "__main__":
    sys.exit(main())
