"""A rule's documentation, generated from its own fields (for `explain` and docs/rules.md)."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

from healthlint.rules.spec import FixSpec, Measured, RuleSpec


def explain_rule(rule: RuleSpec) -> str:
    lines = [f"{rule.name} ({rule.kind}, {rule.severity})", "", _wrap(rule.description)]
    if rule.why:
        lines += ["", "Why:", _wrap(rule.why, "  ")]
    if rule.references:
        lines += ["", "References:", *(f"  - {r}" for r in rule.references)]
    if rule.measured:
        m = rule.measured
        lines += [
            "",
            f"Measured: {m.per_1k_words:g} findings per 1,000 words on {m.data}; "
            f"{_share(m)} of a hand-checked sample were real problems.",
        ]
    lines += ["", f"Preset: {rule.preset}"]
    if rule.fix is not None:
        lines += ["", f"Fix ({fix_command(rule.fix)}): {describe_fix(rule.fix)}"]
    entries = rule.documentation()
    if entries:
        lines += ["", f"Entries ({len(entries)}):", *(f"  - {e}" for e in entries)]
    lines += ["", "Fires on:", *_examples(rule.examples.fail)]
    lines += ["", "Stays quiet on:", *_examples(rule.examples.pass_)]
    return "\n".join(lines)


def fix_command(fix: FixSpec) -> str:
    """The command that makes the fix: a fix that changes wording needs the writer's yes."""
    if fix.resolved_applicability == "safe":
        return "check --fix"
    return "check --fix --unsafe-fixes"


def describe_fix(fix: FixSpec) -> str:
    if fix.join_next_line:
        action = "joins the line to the next one"
        if fix.replace is not None:
            action += f" and replaces the text with {fix.replace!r}"
    elif fix.delete_line:
        action = "deletes the line, when it holds nothing else"
    elif fix.append is not None:
        action = f"adds {fix.append.strip()!r} at the end of the post"
    elif fix.replace:
        action = f"replaces the text with {fix.replace!r}"
    else:
        action = "removes the text"
    return action + (f", when it matches '{fix.when.pattern}'" if fix.when else "") + "."


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(
        " ".join(text.split()), width=88, initial_indent=indent, subsequent_indent=indent
    )


def _examples(examples: tuple[str, ...]) -> list[str]:
    """Numbered, with continuation lines indented under the number so that list markers
    inside an example are not mistaken for the list of examples."""
    out: list[str] = []
    for number, example in enumerate(examples, 1):
        body = example.rstrip("\n").splitlines() or [""]
        out.append(f"  {number}. {body[0]}".rstrip())
        out += [f"     {line}".rstrip() for line in body[1:]]
    return out


def _share(measured: Measured) -> str:
    if measured.sample == 0:
        return "no findings"
    return f"{measured.real}/{measured.sample}"


def rules_markdown(rules: Mapping[str, RuleSpec]) -> str:
    """docs/rules.md: every rule's documentation, from the same fields as ``explain``."""
    out = [
        "# Built-in rules",
        "",
        "Generated from the rule files in `rules/` by `healthlint rules --markdown`;",
        "`tests/test_docs.py` fails when this page is out of date.",
        "",
        "Presets: `healthlint:recommended` (the default) runs the rules marked",
        "*recommended*; `healthlint:strict` runs them all. *Right* is the share of a",
        "hand-checked random sample of the rule's findings on real health news that a",
        "health editor would accept as real problems (see `benchmarks/real_posts.py`).",
        "",
        "| rule | kind | severity | preset | per 1k words | right | summary |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, rule in sorted(rules.items()):
        m = rule.measured
        rate, right = (f"{m.per_1k_words:g}", _share(m)) if m else ("", "")
        out.append(
            f"| [`{name}`](#{name}) | {rule.kind} | {rule.severity} | {rule.preset} "
            f"| {rate} | {right} | {rule.summary} |"
        )
    for name, rule in sorted(rules.items()):
        out += ["", f"## {name}", "", f"*{rule.kind}, {rule.severity}, {rule.preset}*", ""]
        out.append(" ".join(rule.description.split()))
        if rule.why:
            out += ["", "**Why.** " + " ".join(rule.why.split())]
        if rule.measured:
            m = rule.measured
            line = (
                f"**Measured.** On {m.data}: {m.per_1k_words:g} findings per 1,000 words; "
                f"{_share(m)} of a hand-checked sample were real problems."
            )
            out += ["", line + (" " + " ".join(m.note.split()) if m.note else "")]
        if rule.fix is not None:
            out += ["", f"**Fix** (`{fix_command(rule.fix)}`): {describe_fix(rule.fix)}"]
        if rule.references:
            out += ["", "**References.**", "", *(f"- {r}" for r in rule.references)]
        for title, examples in (
            ("Fires on", rule.examples.fail),
            ("Stays quiet on", rule.examples.pass_),
        ):
            out += ["", f"**{title}:**", ""]
            for example in examples:
                out += ["```text", example.rstrip("\n"), "```"]
    return "\n".join(out) + "\n"
