"""A rule's documentation, generated from its own fields (for `explain` and docs/rules.md)."""

from __future__ import annotations

import textwrap

from healthlint.spec import RuleSpec


def explain_rule(rule: RuleSpec) -> str:
    lines = [f"{rule.name} ({rule.kind}, {rule.severity})", "", _wrap(rule.description)]
    if rule.why:
        lines += ["", "Why:", _wrap(rule.why, "  ")]
    if rule.references:
        lines += ["", "References:", *(f"  - {r}" for r in rule.references)]
    lines += ["", "Fires on:", *_examples(rule.examples.fail)]
    lines += ["", "Stays quiet on:", *_examples(rule.examples.pass_)]
    return "\n".join(lines)


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
