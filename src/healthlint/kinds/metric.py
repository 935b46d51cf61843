"""``metric``: a number computed over the post or each sentence, compared with a limit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import Field

from healthlint.model import Hit, Post, Span
from healthlint.prose import Prose, words
from healthlint.readability import grade_level
from healthlint.spec import RuleSpec


class MetricRule(RuleSpec):
    kind: Literal["metric"]
    metric: Literal["grade", "sentence-words"]
    """``grade``: reading grade of the post; ``sentence-words``: words in each sentence."""
    max: float
    min_sentences: int = Field(default=5, ge=1)
    """A post with fewer sentences is too short for a grade to mean anything."""

    message_args: ClassVar[frozenset[str]] = frozenset(
        {"value", "max", "formula", "sentences", "words"}
    )

    def check(self, post: Post, prose: Prose) -> Iterator[Hit]:
        if self.metric == "sentence-words":
            for sentence in prose.body_sentences:
                count = len(words(sentence.text))
                if count > self.max:
                    yield Hit(sentence.span, self._args(count, "words", 1, count))
            return
        sentences = [s.text for s in prose.body_sentences if _at_least_words(s.text, 3)]
        if len(sentences) < self.min_sentences:
            return
        grade = grade_level(sentences)
        if grade.value > self.max:
            where = post.title_span or Span(post.span.start, post.span.start)
            args = self._args(round(grade.value, 1), grade.formula, grade.sentences, grade.words)
            yield Hit(where, args)

    def _args(self, value: float, formula: str, sentences: int, n_words: int) -> dict[str, str]:
        limit = int(self.max) if float(self.max).is_integer() else self.max
        return {
            "value": f"{value:g}",
            "max": f"{limit}",
            "formula": formula,
            "sentences": str(sentences),
            "words": str(n_words),
        }


def _at_least_words(text: str, count: int) -> bool:
    return len(text.split(maxsplit=count)) >= count and len(words(text)) >= count
