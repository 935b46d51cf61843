"""``metric``: a number computed over the post or each sentence, compared with a limit."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated, ClassVar, Literal

from healthlint.core.lines import LineIndex
from healthlint.core.model import Hit, Post, Span
from healthlint.language.prose import Prose, Sentence, words
from healthlint.language.readability import Counts, grade_of
from healthlint.rules.spec import RuleSpec
from healthlint.rules.validate import Constraint

# Fewer words make a fragment (a caption, a label), not a sentence to grade.
_MIN_WORDS = 3


@dataclass(frozen=True, kw_only=True)
class MetricRule(RuleSpec):
    kind: Literal["metric"]
    metric: Literal["grade", "sentence-words"]
    """``grade``: reading grade of the post's running prose; ``sentence-words``: words in
    each sentence."""
    max: float | None = None
    """The limit; for ``grade`` it defaults to the limit of the ``audience``."""
    audience: str | None = None
    """Whom the posts are for: a key of ``audiences``."""
    audiences: dict[str, float] = field(default_factory=dict)
    """Grade limits by audience (``patients: 8``, ``professionals: 14``)."""
    min_sentences: Annotated[int, Constraint(ge=1)] = 5
    """A post with fewer sentences is too short for a grade to mean anything."""
    hints: Annotated[int, Constraint(ge=0)] = 3
    """How many of the hardest sentences the ``{hardest}`` placeholder names."""

    message_args: ClassVar[frozenset[str]] = frozenset(
        {"value", "max", "formula", "sentences", "words", "audience", "hardest"}
    )

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.audience is not None and self.audience not in self.audiences:
            known = ", ".join(sorted(self.audiences)) or "none defined"
            raise ValueError(f"unknown audience '{self.audience}' (audiences: {known})")
        if self.max is None and self.audience is None:
            raise ValueError("a metric rule needs 'max' or an 'audience'")

    @property
    def limit(self) -> float:
        if self.max is not None:
            return self.max
        assert self.audience is not None  # checked when the rule loads
        return self.audiences[self.audience]

    def check(self, post: Post, prose: Prose) -> Iterator[Hit]:
        if self.metric == "sentence-words":
            for sentence, count in zip(prose.body_sentences, prose.body_word_counts, strict=True):
                if count > self.limit:
                    yield Hit(sentence.span, self._args(count, "words", 1, count))
            return
        # Running prose only: headings and list items are not read as sentences, and a
        # list of short items would flatter the grade (or a list of terms inflate it).
        sentences = [
            sentence
            for sentence, count in zip(prose.body_sentences, prose.body_word_counts, strict=True)
            if count >= _MIN_WORDS and not prose.in_list_item(sentence.span)
        ]
        if len(sentences) < self.min_sentences:
            return  # before any syllable is counted: a short post needs no dictionary
        # Each sentence's words are split again rather than kept: kept for a whole post,
        # they would take about ten times the post's size in memory.
        counted = [Counts.of_words(words(sentence.text)) for sentence in sentences]
        grade = grade_of(counted)
        if grade.value > self.limit:
            # The post's title names the finding (its fingerprint); it is shown where the
            # post's text begins.
            where = post.title_span or Span(post.span.start, post.span.start)
            args = self._args(round(grade.value, 1), grade.formula, grade.sentences, grade.words)
            args["hardest"] = _hardest(post, list(zip(sentences, counted, strict=True)), self.hints)
            yield Hit(where, args, post_level=True)

    def _args(self, value: float, formula: str, sentences: int, n_words: int) -> dict[str, str]:
        limit = int(self.limit) if float(self.limit).is_integer() else self.limit
        return {
            "value": f"{value:g}",
            "max": f"{limit}",
            "formula": formula,
            "sentences": str(sentences),
            "words": str(n_words),
            "audience": self.audience or "",
        }


def _hardest(post: Post, sentences: list[tuple[Sentence, Counts]], count: int) -> str:
    """The lines of the hardest sentences, by their own Flesch-Kincaid grade."""
    if count == 0:
        return ""
    graded = sorted(sentences, key=lambda sc: (-grade_of([sc[1]]).value, sc[0].span.start))
    index = LineIndex(post.source)
    # Two hard sentences on one line name that line once.
    lines = list(dict.fromkeys(index.line_of(s.span.start) for s, _ in graded[:count]))
    if len(lines) == 1:
        return f"line {lines[0]}"
    return "lines " + ", ".join(str(n) for n in lines[:-1]) + f" and {lines[-1]}"
