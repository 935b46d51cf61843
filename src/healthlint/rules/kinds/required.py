"""``required``: a post must contain one of several phrases (a disclaimer, a byline…)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, ClassVar, Literal

from healthlint.core.model import Hit, Post, Span
from healthlint.core.pattern import Pattern
from healthlint.language.prefilter import FastPattern, lower_text
from healthlint.language.prose import Prose
from healthlint.rules.spec import Regex, RuleSpec
from healthlint.rules.validate import Constraint

_TAG = Pattern.lazy(r"<[^<>]*>")
_QUOTED = Pattern.lazy(r"“[^”]*”|\"[^\"\n]*\"")
_WRAP = Pattern.lazy(r"(?<!\n)[ \t]*\n[ \t]*(?!\n)")


def _unquoted(text: str) -> tuple[str, str | None]:
    """The text ``when`` patterns read, and its lower-cased copy. Advice inside quotation
    marks is a source speaking, not the post advising. Hard-wrapped lines are one
    sentence, so they are joined; a newline left after joining is a paragraph break."""
    joined = _WRAP.sub(" ", _QUOTED.sub(" ", text))
    return joined, lower_text(joined)


@dataclass(frozen=True, kw_only=True)
class Required(RuleSpec):
    """What a post must contain: the fields and the check of ``required`` and of the kinds
    that read it in their own way (``emergency-signs``)."""

    patterns: Annotated[tuple[Regex, ...], Constraint(min_length=1)]
    when: tuple[Regex, ...] = ()
    """The rule applies only to posts that match one of these (e.g. that give advice)."""
    when_not: tuple[Regex, ...] = ()
    """A ``when`` match in a sentence that also matches one of these does not count
    ("You must select a newsletter" is a sign-up form, not advice)."""
    min_words: Annotated[int, Constraint(ge=0)] = 0
    """Posts shorter than this (teasers, excerpts) are not checked."""
    sources_count: bool = False
    """A link, a footnote or a named source anywhere in the post also satisfies the rule."""

    message_args: ClassVar[frozenset[str]] = frozenset({"words"})

    def check(self, post: Post, prose: Prose) -> Iterator[Hit]:
        if prose.word_count < self.min_words:
            return
        text = post.text
        if self.when and not self._applies(
            *prose.memo("required:unquoted", lambda: _unquoted(text)),
            news=prose.genre == "news",
        ):
            return
        lowered_text = prose.lowered_of(post.span)
        if any(p.search(text, lowered_text) for p in self._patterns):
            return
        if self.sources_count:
            # Imported here, not with the rule set: a run answered from the results cache
            # reads no post.
            from healthlint.claims.sources import cites

            # A blog's "a 2019 study" names nothing a reader could look up (see
            # ``claims.sources``); a news story's year points to the study it names.
            if post.citations or cites(text, lowered_text, dated=prose.genre != "blog"):
                return
        if post.source is not post.masked:
            # A disclaimer kept in page chrome (an HTML footer, say) still counts as present.
            raw = _TAG.sub(" ", post.source[post.span.start : post.span.end])
            lowered_raw = lower_text(raw)
            if any(p.search(raw, lowered_raw) for p in self._patterns):
                return
        # What the finding is about, for its fingerprint: the engine shows a post-level
        # finding where the post's text begins.
        where = post.title_span or (post.paragraphs[0] if post.paragraphs else None)
        if where is None:
            where = Span(post.span.start, post.span.start)
        yield Hit(where, {"words": str(prose.word_count)}, post_level=True)

    @cached_property
    def _patterns(self) -> tuple[FastPattern, ...]:
        return tuple(FastPattern.of(p) for p in self.patterns)

    @cached_property
    def _when(self) -> tuple[FastPattern, ...]:
        return tuple(FastPattern.of(p) for p in self.when)

    def prepare(self) -> None:
        _ = self._patterns, self._when

    def _applies(self, text: str, lowered_text: str | None, *, news: bool) -> bool:
        for pattern in self._when:
            for match in pattern.finditer(text, lowered_text):
                start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start()))
                ends = [
                    i
                    for i in (text.find(".", match.end()), text.find("\n", match.end()))
                    if i != -1
                ]
                sentence = text[start + 1 : min(ends) if ends else len(text)]
                if self.reported(sentence, news=news):
                    continue
                if not any(p.search(sentence) for p in self.when_not):
                    return True
        return False

    def reported(self, sentence: str, *, news: bool) -> bool:
        """Whether a ``when`` match in ``sentence`` is something the post reports rather
        than tells its reader; a kind that reads posts its own way says when."""
        return False


@dataclass(frozen=True, kw_only=True)
class RequiredRule(Required):
    kind: Literal["required"]
