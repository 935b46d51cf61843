"""The report for people: findings grouped under each post's title, then a summary.

Everything in it that a post or a rule file wrote (titles, messages, rule names, file
names) goes through ``visible``: an escape sequence in a draft's title is shown, never
run by the terminal, whether the report goes to one or through a pipe."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from healthlint.core.model import Severity
from healthlint.report import Report, Summary, plural, visible, where

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render(report: Report) -> str:
    results, summary, color, quiet = report.results, report.summary, report.color, report.quiet

    def style(text: str, **kwargs: Any) -> str:
        return click.style(text, **kwargs) if color else text

    out: list[str] = []
    for result in results:
        if not result.findings:
            continue
        if not quiet:
            if out:
                out.append("")
            heading = visible(result.title or "(untitled)")
            place = visible(where(result.path, result.record))
            span = f"{place}, lines {result.line}-{result.end_line}"
            out.append(style(heading, bold=True) + style(f"  ({span})", dim=True))
        for f in result.findings:
            location = style(f"{visible(where(f.path, f.record))}:{f.line}:{f.column}:", bold=True)
            severity = style(f.severity.label, fg=_COLOURS[f.severity], bold=True)
            rule = style(visible(f.rule), dim=True)
            out.append(f"{location} {severity} {rule} {visible(f.message)}")
    if not quiet:
        if out:
            out.append("")
        out.append(_summary_line(summary, style))
        fixes = _fixes_line(summary)
        if fixes:
            out.append(fixes)
        out.extend(style(visible(note), dim=True) for note in report.notes)
    return "\n".join(out) + "\n" if out else ""


def _summary_line(summary: Summary, style: Callable[..., str]) -> str:
    where = f"{plural(summary.posts, 'post')} in {plural(summary.files, 'file')}"
    if not summary.findings:
        return style(f"No problems found in {where}.", fg="green", bold=True)
    counts = ", ".join(
        plural(n, label)
        for n, label in (
            (summary.errors, "error"),
            (summary.warnings, "warning"),
            (summary.info, "info"),
        )
        if n
    )
    problems = plural(summary.findings, "problem")
    return style(f"Found {problems} ({counts}) in {where}.", bold=True)


def _fixes_line(summary: Summary) -> str:
    """What ``--fix`` would make of the findings, and what it leaves for a writer's yes."""
    safe, unsafe = summary.fixable, summary.unsafe_fixable
    if safe and unsafe:
        return (
            f"{safe} fixable with --fix ({unsafe} more with --unsafe-fixes: they change wording)."
        )
    if safe:
        return f"{safe} fixable with --fix."
    if unsafe:
        return f"{unsafe} fixable with --fix --unsafe-fixes: they change wording."
    return ""
