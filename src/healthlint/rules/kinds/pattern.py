"""``pattern``: words or regular expressions that should not appear in a part of the post."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, ClassVar, Literal

from healthlint.core import metadata
from healthlint.core.model import Hit, Post, Span
from healthlint.language.prefilter import FastPattern, Prefilter
from healthlint.language.prose import Prose
from healthlint.rules.spec import (
    Regex,
    RuleSpec,
    check_placeholders,
    check_word_count,
    word_pattern,
)
from healthlint.rules.validate import Constraint


def scope_spans(post: Post, prose: Prose, scope: str) -> Iterator[Span]:
    """The pieces of a post a rule looks at, one at a time."""
    if scope == "sentence":
        yield from (s.span for s in prose.body_sentences)
    elif scope == "paragraph":
        yield from prose.body_paragraphs
    elif scope == "heading":
        yield from post.headings
    elif scope == "title":
        if post.title_span is not None:
            yield post.title_span
    else:
        yield post.span


@dataclass(frozen=True, kw_only=True)
class PatternRule(RuleSpec):
    kind: Literal["pattern"]
    patterns: tuple[Regex, ...] = ()
    words: tuple[str, ...] = ()
    swap: dict[str, str] = field(default_factory=dict)
    """Words to flag, each with the plainer word to use instead (``{replacement}``)."""
    swap_message: str | None = None
    """The message for a word of ``swap``, which a ``replace: "{replacement}"`` fix
    rewrites: it can say what the fix writes. Without it, ``message``."""
    scope: Literal["sentence", "paragraph", "heading", "title", "post"] = "sentence"
    when: tuple[Regex, ...] = ()
    """Only a scope in which one of these also matches is searched."""
    unless: tuple[Regex, ...] = ()
    """Skip a scope in which any of these also matches."""
    unless_after: Regex | None = None
    """Skip a match when the text right after it matches this (an explanation in brackets,
    say)."""
    unless_before: Regex | None = None
    """Skip a match when the text before it (in its scope, up to ``UNLESS_BEFORE_REACH``
    characters) matches this; anchor it with ``$`` to mean "just before"."""
    older_than_years: Annotated[int, Constraint(ge=0)] | None = None
    """With a ``(?P<year>…)`` group: report only years at least this many years before the
    post's date (or today, when the post has none)."""
    repeated: bool = False
    """Report a match only when the same text (ignoring case) matched earlier in the post."""
    skip_quotes: bool = False
    """Skip matches inside quotation marks: a writer reports a source's words but does not
    rewrite them."""

    message_args: ClassVar[frozenset[str]] = frozenset({"match", "replacement", "year", "age"})

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.patterns and not self.words and not self.swap:
            raise ValueError("a pattern rule needs 'patterns', 'words' or 'swap'")
        check_word_count("'words' and 'swap'", len(self.words) + len(self.swap))
        if self.older_than_years is not None and not all(
            "year" in p.groupindex for p in self.patterns
        ):
            raise ValueError("'older_than_years' needs a (?P<year>...) group in every pattern")
        if self.swap_message is not None:
            check_placeholders("swap_message", self.swap_message, self.message_args)

    def format_message(self, args: dict[str, str]) -> str:
        if args.get("replacement") and self.swap_message is not None:
            return self.swap_message.format_map(args)
        return super().format_message(args)

    @cached_property
    def _matchers(self) -> tuple[Regex, ...]:
        merged = word_pattern((*self.words, *self.swap))
        return (*self.patterns, merged) if merged else self.patterns

    @cached_property
    def _replacements(self) -> dict[str, str]:
        return {" ".join(k.lower().split()): v for k, v in self.swap.items()}

    @cached_property
    def _prefilter(self) -> Prefilter | None:
        # A whole-post rule has one scope: the exact search is the only one it needs. A
        # prefilter would search the post twice, and without its anchors: "(?m)^[^\w\n]*…"
        # loosened to "[^\w\n]*…" is tried from every position of a long run of blanks.
        # Headings and the title are a small part of a post: searching them costs less
        # than scanning the post to choose among them.
        return None if self.scope in ("post", "heading", "title") else Prefilter(self._matchers)

    @cached_property
    def _whole_post_tests(self) -> tuple[FastPattern, ...]:
        """For a whole-post rule, which has no prefilter: each matcher's lower-cased twin
        with the words a match needs. Most posts lack them, or have no match of the twin,
        and the case-blind original is then not run over the whole post."""
        return tuple(FastPattern.of(m) for m in self._matchers) if self.scope == "post" else ()

    def reads_today(self) -> Literal["day", "year", ""]:
        return "" if self.older_than_years is None else "year"

    def prepare(self) -> None:
        _ = self._replacements, self._prefilter, self._whole_post_tests

    def check(self, post: Post, prose: Prose) -> Iterator[Hit]:
        text = post.masked
        this_year = _post_year(post)
        seen: set[str] = set()
        scopes: Iterable[Span] = scope_spans(post, prose, self.scope)
        if self._prefilter is not None and self._prefilter.usable:
            listed = list(scopes)
            if not listed:
                return
            # A title from front matter lies outside the post's body: search what is listed.
            within = Span(min(s.start for s in listed), max(s.end for s in listed))
            scopes = self._prefilter.scopes(text, prose.lowered, within, listed)
        for scope in scopes:
            piece = text[scope.start : scope.end]
            if self.when and not any(w.search(piece) for w in self.when):
                continue
            if any(u.search(piece) for u in self.unless):
                continue
            lowered = prose.lowered_of(scope) if self._whole_post_tests else None
            for number, matcher in enumerate(self._matchers):
                if (
                    lowered is not None
                    and self._whole_post_tests[number].first(piece, lowered) is None
                ):
                    continue
                for match in matcher.finditer(piece):
                    if match.end() == match.start():
                        continue
                    if self.skip_quotes and prose.in_quotation(scope.start + match.start()):
                        continue
                    if self.unless_after is not None and self.unless_after.match(
                        piece, match.end()
                    ):
                        continue
                    if self.unless_before is not None and self.unless_before.search(
                        piece, max(0, match.start() - UNLESS_BEFORE_REACH), match.start()
                    ):
                        continue
                    found = " ".join(match.group().split())
                    args = {"match": found}
                    if self._replacements:
                        args["replacement"] = self._replacements.get(found.lower(), "")
                    if self.older_than_years is not None:
                        year = int(match.group("year"))
                        if this_year - year < self.older_than_years:
                            continue
                        args.update(year=str(year), age=str(this_year - year))
                    if self.repeated:
                        key = found.casefold()
                        if key not in seen:
                            seen.add(key)
                            continue
                    span = Span(scope.start + match.start(), scope.start + match.end())
                    yield Hit(span, args)


def _post_year(post: Post) -> int:
    """The year a post speaks from: its own date, or this year for an undated draft."""
    if post.meta is not None:
        date = post.meta.newest_date(("published", "updated"))
        if date is not None:
            return date.year
    return metadata.today().year


UNLESS_BEFORE_REACH = 1_000
"""How far back ``unless_before`` looks from a match. Searching everything before each
match would cost matches x scope on a long scope with many matches; a search ending at
the match (``endpos``) still sees ``$`` there, and one starting inside the scope still
sees the text before its start for ``\\b`` and look-behinds."""
