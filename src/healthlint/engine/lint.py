"""Runs rules over the posts of a document and turns their hits into sorted findings."""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Collection, Hashable, Sequence
from contextlib import AbstractContextManager

from healthlint.core.errors import HealthlintError
from healthlint.core.lines import LineIndex
from healthlint.core.model import (
    DEFAULT_GENRE,
    Directive,
    Document,
    FileError,
    Finding,
    Hit,
    Post,
    PostResult,
    Severity,
    Span,
)
from healthlint.engine import budget
from healthlint.engine.edits import edit_for
from healthlint.engine.suppress import Suppressions
from healthlint.language.prose import Prose
from healthlint.rules.kinds.suppression import SuppressionRule
from healthlint.rules.spec import RuleSpec


class _Args(dict[str, str]):
    """Message arguments; a placeholder the kind did not fill reads as empty."""

    def __missing__(self, key: str) -> str:
        return ""


def lint_document(
    document: Document,
    rules: Sequence[RuleSpec],
    errors: list[FileError] | None = None,
    *,
    genre: str = DEFAULT_GENRE,
    known: Collection[str] | None = None,
    time_limit: float | None = None,
) -> list[PostResult]:
    """Findings of each post, read as the ``genre`` of writing. A rule that fails is a bug
    in healthlint: with ``errors`` it is recorded there and the other rules still run;
    without, it propagates. So does a rule that reads one post for longer than
    ``time_limit`` seconds (by default ``budget.RULE_SECONDS``), as a ``HealthlintError``.
    ``known`` is every rule name of the run, selected or not: suppression comments naming
    another are reported (when that rule runs); without it, they are not judged."""
    seconds = budget.RULE_SECONDS if time_limit is None else time_limit
    with budget.handling(seconds) as limit:
        return _lint_document(document, rules, errors, genre, known, seconds, limit)


def _lint_document(
    document: Document,
    rules: Sequence[RuleSpec],
    errors: list[FileError] | None,
    genre: str,
    known: Collection[str] | None,
    seconds: float,
    limit: AbstractContextManager[None],
) -> list[PostResult]:
    lines = LineIndex(document.source)
    fingerprints = Fingerprints(document.source, lines, document.record)
    suppressions = Suppressions(document.directives, document.source, lines)
    comments = _comments_by_post(document) if known is not None else {}
    results: list[PostResult] = []
    shared: dict[Hashable, object] = {}
    for index, post in enumerate(document.posts):
        prose = Prose(post, genre, shared)
        findings: list[Finding] = []
        for rule in rules:
            if not rule.applies_to(post, genre):
                continue
            try:
                with limit:
                    if isinstance(rule, SuppressionRule):
                        directives = comments.get(index, ())
                        hits = list(rule.check_comments(document.source, directives, known or ()))
                    else:
                        hits = list(rule.check(post, prose))
            except budget.OutOfTime:
                message = _out_of_time(rule, seconds)
                if errors is None:
                    raise HealthlintError(f"{document.path}: {message}") from None
                errors.append(FileError(document.path, message))
                continue
            except Exception as error:
                if errors is None:
                    raise
                errors.append(
                    FileError(
                        document.path,
                        _failure(rule, error),
                        internal=not isinstance(error, HealthlintError),
                    )
                )
                continue
            for hit in hits:
                finding = _stamp(document, rule, hit, lines, post, fingerprints)
                if not suppressions.silences(finding):
                    findings.append(finding)
        findings.sort(key=lambda f: (f.line, f.column, f.rule, f.end_line, f.end_column))
        start_line, _ = lines.position(post.span.start)
        end_line, _ = lines.position(max(post.span.start, post.span.end - 1))
        results.append(
            PostResult(
                document.path,
                post.title,
                start_line,
                end_line,
                tuple(findings),
                record=document.record,
                record_line=document.record_line,
            )
        )
    return results


def _comments_by_post(document: Document) -> dict[int, list[Directive]]:
    """Each suppression comment under the post it is in: the last post that starts at or
    before it (the first post for a comment above every post)."""
    starts = [post.span.start for post in document.posts]
    found: dict[int, list[Directive]] = {}
    for directive in document.directives:
        index = max(0, bisect.bisect_right(starts, directive.span.start) - 1)
        found.setdefault(index, []).append(directive)
    return found


def _out_of_time(rule: RuleSpec, seconds: float) -> str:
    return (
        f"rule '{rule.name}' was stopped after {seconds:g} s on this post (a pattern that "
        "backtracks on this text?); the other rules ran"
    )


def _failure(rule: RuleSpec, error: Exception) -> str:
    if isinstance(error, HealthlintError):
        # A service the rule depends on failed: the user's to fix, not a bug.
        return f"rule '{rule.name}': {error}"
    return (
        f"internal error in rule '{rule.name}' ({type(error).__name__}: {error}); "
        "the other rules ran. Please report this."
    )


def _stamp(
    document: Document,
    rule: RuleSpec,
    hit: Hit,
    lines: LineIndex,
    post: Post,
    fingerprints: Fingerprints,
) -> Finding:
    where = _body_line(post, lines) if hit.post_level else hit.span
    line, column = lines.position(where.start)
    end_line, end_column = lines.position(where.end)
    args = _Args(hit.args)
    return Finding(
        path=document.path,
        rule=rule.name,
        severity=Severity.parse(rule.severity),
        message=rule.format_message(args),
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        fingerprint=fingerprints.of(rule.name, hit),
        fix=edit_for(rule.fix, hit, post, args) if rule.fix is not None else None,
        post_level=hit.post_level,
        record=document.record,
        record_line=document.record_line,
    )


def _body_line(post: Post, lines: LineIndex) -> Span:
    """The words of the post's first line of content. A post-level finding is shown there,
    not on its title (which may sit in front matter or a page's head): where a reader of
    the post meets it, the same in every report."""
    start = post.body_start
    end = min(lines.line_end(lines.line_of(start)), post.span.end)
    return Span(start, start + len(post.masked[start:end].rstrip()))


def fingerprint(rule: str, source: str, hit: Hit, lines: LineIndex) -> str:
    """A hash of the rule, the words of the line the hit starts on and the words it
    covers: stable when other lines change, new when this one is rewritten. A post-level
    hit counts by what it names (the post's title), not by where its finding is shown:
    rewriting the body's first line does not make it new."""
    return Fingerprints(source, lines).of(rule, hit)


class Fingerprints:
    """``fingerprint`` for the hits of one text. Each line's words are gathered, and each
    rule's hash of them begun, once: a page exported on one line holds thousands of hits
    on the same line, and reading the line for each would cost hits x line.

    The hits of an export's record count its id too: two records of one export are one
    file to a baseline, and the same sentence in another record is another finding."""

    __slots__ = ("_begun", "_contexts", "_lines", "_record", "_source")

    def __init__(self, source: str, lines: LineIndex, record: str = "") -> None:
        self._source = source
        self._lines = lines
        self._record = record.encode("utf-8", "surrogatepass") + b"\0" if record else b""
        self._contexts: dict[int, bytes] = {}
        self._begun: dict[tuple[str, int], hashlib._Hash] = {}

    def of(self, rule: str, hit: Hit) -> str:
        line = self._lines.line_of(hit.span.start)
        begun = self._begun.get((rule, line))
        if begun is None:
            begun = hashlib.sha256(
                self._record + rule.encode() + b"\0" + self._context(line) + b"\0"
            )
            self._begun[rule, line] = begun
        digest = begun.copy()
        digest.update(
            " ".join(self._source[hit.span.start : hit.span.end].split()).encode(
                "utf-8", "surrogatepass"
            )
        )
        return digest.hexdigest()[:20]

    def _context(self, line: int) -> bytes:
        context = self._contexts.get(line)
        if context is None:
            lines = self._lines
            words = self._source[lines.line_start(line) : lines.line_end(line)].split()
            context = self._contexts[line] = " ".join(words).encode("utf-8", "surrogatepass")
        return context
