"""``claim``: a sentence that asserts something (a causal effect, a statistic, an appeal to
research) without a hedge, an attribution or a source nearby."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar, Literal

from healthlint.model import Hit, Post, Span
from healthlint.prose import Prose, Sentence
from healthlint.spec import Regex, RuleSpec

# Citation-shaped text that counts as a source wherever a rule looks for one: bracketed
# reference numbers, author-year citations, DOIs and PubMed ids.
_CITATION_TEXT = re.compile(
    r"\[\d+(?:[,–-]\s*\d+)*\]"
    r"|\([A-Z][^()]{0,80}?(?:et al\.?|&|and)?[^()]{0,40}?,?\s(?:19|20)\d{2}[a-z]?\)"
    r"|\bdoi:\s*10\.\d{4,}|\b10\.\d{4,}/\S+"
    r"|\bPMID:?\s*\d+|\bPMC\d{5,}",
)
# A named source: a study or report with its year, a journal, or a public health body.
_NAMED_SOURCE = re.compile(
    r"\b(?:19|20)\d{2}\b[^.!?]{0,60}?\b(?:study|studies|trial|review|report|survey|analysis"
    r"|meta-analysis|paper|guidelines?|statement|data)\b"
    r"|\b(?:study|trial|review|report|survey|analysis|paper|guidelines?)\b[^.!?]{0,80}?"
    r"\b(?:19|20)\d{2}\b"
    r"|\b(?:published|appeared|reported) (?:in|by) (?:the )?(?-i:[A-Z])"
    r"|\baccording to (?:the |a |an )?(?-i:[A-Z][\w.&-]+)"
    r"|(?-i:\b(?:CDC|WHO|NIH|NHS|FDA|NICE|USPSTF|JAMA|BMJ|NEJM|Lancet|Cochrane|PLOS"
    r"|New England Journal of Medicine|Mayo Clinic|World Health Organization"
    r"|American (?:Heart|Cancer|Diabetes|Medical) Association|American Academy of [A-Z]\w+)\b)",
    re.IGNORECASE,
)


class ClaimRule(RuleSpec):
    kind: Literal["claim"]
    triggers: tuple[Regex, ...]
    hedges: tuple[Regex, ...] = ()
    """A sentence with a hedge ("may", "is linked to") is not a firm claim."""
    negations: tuple[Regex, ...] = ()
    attributions: tuple[Regex, ...] = ()
    """Wording that puts the claim in someone's mouth ("researchers found", "said Dr. Lee")."""
    sources: tuple[Regex, ...] = ()
    """Text that names a source ("a 2019 study in JAMA"), counted like a link."""
    window: Literal["sentence", "paragraph"] = "paragraph"
    skip_questions: bool = True
    skip_headings: bool = True

    message_args: ClassVar[frozenset[str]] = frozenset({"trigger"})

    def check(self, post: Post, prose: Prose) -> Iterator[Hit]:
        sentences = prose.sentences if not self.skip_headings else prose.body_sentences
        for sentence in sentences:
            trigger = self._trigger(sentence.text)
            if trigger is None:
                continue
            text = sentence.text
            if self.skip_questions and text.rstrip("\"'”’) ").endswith("?"):
                continue
            if any(p.search(text) for p in (*self.hedges, *self.negations, *self.attributions)):
                continue
            if self._sourced(post, prose, sentence):
                continue
            start = sentence.span.start + trigger.start()
            yield Hit(
                Span(start, sentence.span.start + trigger.end()),
                {"trigger": " ".join(trigger.group().split())},
            )

    def _trigger(self, text: str) -> re.Match[str] | None:
        found = [m for m in (t.search(text) for t in self.triggers) if m]
        return min(found, key=lambda m: m.start()) if found else None

    def _sourced(self, post: Post, prose: Prose, sentence: Sentence) -> bool:
        window = sentence.span if self.window == "sentence" else sentence.paragraph
        if prose.citations_in(window):
            return True
        text = post.masked[window.start : window.end]
        return any(p.search(text) for p in (_CITATION_TEXT, _NAMED_SOURCE, *self.sources))
