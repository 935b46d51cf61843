"""``relation``: claims that state a curated relation (a debunked myth, a textbook fact),
however they are worded. The matching is ``healthlint.claims.knowledge``; the relations
are curated files shipped with healthlint (``knowledge``) and a team's own (``entries``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar, Literal

from healthlint.claims.knowledge import Knowledge, Relation
from healthlint.claims.sources import in_reference_list
from healthlint.claims.vocabulary import rejected_by_next
from healthlint.core.model import Hit, Post, Span
from healthlint.language.prose import Prose
from healthlint.rules.spec import RuleSpec


@dataclass(frozen=True, kw_only=True)
class RelationRule(RuleSpec):
    kind: Literal["relation"]
    knowledge: tuple[Literal["myths", "facts"], ...] = ()
    """Curated lists shipped with healthlint: ``myths`` (debunked claims) or ``facts``
    (consensus relations)."""
    entries: tuple[Relation, ...] = ()
    """The team's own relations, in the same format: id, subject, relation, object, fact,
    source and url."""

    message_args: ClassVar[frozenset[str]] = frozenset({"claim", "fact", "source", "url"})

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.knowledge and not self.entries:
            raise ValueError("a relation rule needs 'knowledge' or 'entries'")

    @cached_property
    def relations(self) -> Knowledge:
        from healthlint.rules.knowledge import knowledge

        return knowledge(self.knowledge, self.entries)

    def prepare(self) -> None:
        self.relations  # noqa: B018 - read now so that a stored rule set keeps it

    def check(self, post: Post, prose: Prose) -> Iterator[Hit]:
        known = self.relations
        sentences = prose.sentences
        for index, sentence in enumerate(sentences):
            # A news story reports what people say and believe; a blog repeats it.
            news = prose.genre == "news"
            statement = next(
                (
                    s
                    for s in known.statements(sentence.text)
                    if not s.denied and not (news and s.reported)
                ),
                None,
            )
            if (
                statement is None
                or rejected_by_next(sentences, index)
                or in_reference_list(prose, sentence)
            ):
                continue
            start = sentence.span.start + statement.start
            end = sentence.span.start + statement.end
            relation = statement.relation
            yield Hit(
                Span(start, end),
                {
                    "claim": " ".join(post.masked[start:end].split()),
                    "fact": relation.fact,
                    "source": relation.source,
                    "url": relation.url,
                },
            )

    def documentation(self) -> list[str]:
        return [
            f"{r.id}: {r.fact} ({r.source}{', ' + r.url if r.url else ''})"
            for r in self.relations.relations
        ]
