"""The report for people: findings grouped under each post's title, then a summary.

Everything in it that a post or a rule file wrote (titles, messages, rule names, file
names) goes through ``visible``: an escape sequence in a draft's title is shown, never
run by the terminal, whether the report goes to one or through a pipe."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import click

from healthlint.core.model import PostResult, Severity
from healthlint.report import Report, Summary, plural, visible, where

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render(report: Report) -> str:
    stream = TextStream(color=report.color, quiet=report.quiet)
    text = "".join(stream.post(result) for result in report.results)
    return text + stream.end(report.summary, report.notes)


@dataclass(slots=True)
class TextStream:
    """The text report a post at a time, for a run that reports as it goes: ``post`` for
    each post, then ``end`` for the summary. Together they give what ``render`` gives.
    Not frozen: it remembers whether a post was written (a blank line goes between)."""

    color: bool = False
    quiet: bool = False
    _written: bool = False

    def post(self, result: PostResult) -> str:
        """The post's heading and findings (nothing for a post without findings)."""
        if not result.findings:
            return ""
        style = self._style
        out: list[str] = []
        if not self.quiet:
            if self._written:
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
        self._written = True
        return "\n".join(out) + "\n"

    def end(self, summary: Summary, notes: Sequence[str] = ()) -> str:
        """The summary and the notes on the run (nothing under ``quiet``)."""
        if self.quiet:
            return ""
        out = [""] if self._written else []
        out.append(_summary_line(summary, self._style))
        fixes = _fixes_line(summary)
        if fixes:
            out.append(fixes)
        out.extend(self._style(visible(note), dim=True) for note in notes)
        return "\n".join(out) + "\n"

    def _style(self, text: str, **kwargs: Any) -> str:
        return click.style(text, **kwargs) if self.color else text


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
