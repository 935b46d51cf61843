"""``product-claim``: a product (supplement, herb, food, drink) said to treat, cure,
prevent or mitigate a disease. The reading is ``healthlint.claims.products``; the words
for products and diseases are curated data shipped with it."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, ClassVar, Literal

from healthlint.claims.products import Lexicon, disease_claim, is_about_products, load_lexicon
from healthlint.claims.sources import in_reference_list
from healthlint.claims.vocabulary import rejected_by_next
from healthlint.core.model import Hit, Post, Span
from healthlint.language.prose import Prose
from healthlint.rules.spec import RuleSpec

if TYPE_CHECKING:
    from collections.abc import Callable

    from healthlint.claims.knowledge import Knowledge, Statement

# The opening a post's subject is read from: its title and first paragraphs.
_OPENING_PARAGRAPHS = 2


@dataclass(frozen=True, kw_only=True)
class ProductClaimRule(RuleSpec):
    kind: Literal["product-claim"]

    message_args: ClassVar[frozenset[str]] = frozenset({"claim"})

    @cached_property
    def _lexicon(self) -> Lexicon:
        return load_lexicon()

    @cached_property
    def _facts(self) -> Knowledge:
        # Imported here, as the claim kind does: the curated facts are read only by a rule
        # set that runs this rule, not by every command that loads the rules.
        from healthlint.rules.knowledge import knowledge

        return knowledge(("facts",))

    def prepare(self) -> None:
        self._lexicon  # noqa: B018 - computed now so that a stored rule set keeps it
        self._facts  # noqa: B018

    def _fact_test(self, sentence: str) -> Callable[[int, int], bool]:
        """Whether a claim in ``sentence`` (from one offset to another) states a textbook
        fact, which is no drug claim of a seller's: "Folic acid before conception reduces
        the risk of neural tube defects" is an authorised health claim (FDA 21 CFR
        101.79). The fact holds from before the claim's words and ends with them, so that a
        fact in its object is not one ("kills the viruses behind colds"), nor one told
        after it ("omega-3s decrease the risk of arrhythmias, and triglyceride levels"),
        and names a product, so that one read in a list of diseases is not one either
        ("…less likely to die of heart disease, cancer, stroke, diabetes"). The sentence's
        facts are read once, when a claim is first found in it."""
        statements: list[Statement] | None = None

        def known(start: int, end: int) -> bool:
            nonlocal statements
            if statements is None:
                statements = list(self._facts.statements(sentence))
            products = self._lexicon.products
            return any(
                not s.denied
                and s.start <= start < s.end <= end
                and products.search(sentence, s.start, s.end) is not None
                for s in statements
            )

        return known

    def check(self, post: Post, prose: Prose) -> Iterator[Hit]:
        lexicon = self._lexicon
        text = post.masked
        opening = " ".join(
            [post.title, *(text[p.start : p.end] for p in post.paragraphs[:_OPENING_PARAGRAPHS])]
        )
        about = is_about_products(lexicon, opening, post.text)
        from healthlint.claims.blog import read_once

        sentences = prose.sentences
        for index, sentence in enumerate(sentences):
            # The claim rules read the same sentence's blog wording: read it once.
            reading = functools.partial(read_once, prose, sentence, lexicon)
            claim = disease_claim(
                lexicon, sentence.text, about, reading, self._fact_test(sentence.text)
            )
            if (
                claim is None
                or rejected_by_next(sentences, index)
                or in_reference_list(prose, sentence)
            ):
                continue
            start = sentence.span.start + claim.start
            end = sentence.span.start + claim.end
            yield Hit(Span(start, end), {"claim": " ".join(text[start:end].split())})
