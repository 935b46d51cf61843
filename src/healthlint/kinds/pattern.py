"""``pattern``: words or regular expressions that should not appear in a part of the post."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import ClassVar, Literal

from pydantic import model_validator

from healthlint.model import Hit, Post, Span
from healthlint.prose import Prose
from healthlint.spec import Regex, RuleSpec, word_pattern


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


class PatternRule(RuleSpec):
    kind: Literal["pattern"]
    patterns: tuple[Regex, ...] = ()
    words: tuple[str, ...] = ()
    scope: Literal["sentence", "paragraph", "heading", "title", "post"] = "sentence"
    unless: tuple[Regex, ...] = ()
    """Skip a scope in which any of these also matches."""

    message_args: ClassVar[frozenset[str]] = frozenset({"match"})

    @model_validator(mode="after")
    def _needs_something(self) -> PatternRule:
        if not self.patterns and not self.words:
            raise ValueError("a pattern rule needs 'patterns' or 'words'")
        return self

    @cached_property
    def _matchers(self) -> tuple[Regex, ...]:
        merged = word_pattern(self.words)
        return (*self.patterns, merged) if merged else self.patterns

    def check(self, post: Post, prose: Prose) -> Iterator[Hit]:
        text = post.masked
        for scope in scope_spans(post, prose, self.scope):
            piece = text[scope.start : scope.end]
            if any(u.search(piece) for u in self.unless):
                continue
            for matcher in self._matchers:
                for match in matcher.finditer(piece):
                    if match.end() == match.start():
                        continue
                    span = Span(scope.start + match.start(), scope.start + match.end())
                    yield Hit(span, {"match": " ".join(match.group().split())})
