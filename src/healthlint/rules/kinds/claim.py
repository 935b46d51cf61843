"""``claim``: a sentence that asserts something (a causal effect, a statistic, an appeal to
research) without a hedge, an attribution or a source nearby."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from healthlint.claims.sources import in_reference_list
from healthlint.claims.studies import ReadingName, Window, blog_result
from healthlint.claims.vocabulary import COMPARED, ends_with, rejected_by_next
from healthlint.core.model import Hit, Post, Span
from healthlint.core.pattern import Pattern
from healthlint.language.prefilter import FastPattern, Prefilter
from healthlint.language.prose import PLAIN_BULLETS, Prose, Sentence
from healthlint.rules.spec import Regex, RuleSpec, check_placeholders
from healthlint.rules.validate import Constraint

if TYPE_CHECKING:
    from healthlint.claims.knowledge import Knowledge
    from healthlint.claims.products import Lexicon
    from healthlint.claims.studies import StudyReading

# The claim model and the wordings it reads (``healthlint.claims``) are imported where a
# sentence is read, not with this module: loading a stored rule set imports every kind,
# and a run answered from the results cache reads no sentence.

_HEADLINE_WORDS = 15
# Fewer paragraphs than this say little about how a post punctuates them.
_FEW_PARAGRAPHS = 8
# A paragraph that opens on what the one before was about: "They also…", "Both groups…".
_POINTS_BACK = Pattern.lazy(r"\W*(?:it|they|this|these|those|both|the two|he|she)\b", re.IGNORECASE)
# How far a source named for a credited claim may be. Further off, a credit covers
# paragraphs of claims that nothing near them supports.
_CREDIT_BEFORE = 1
_CREDIT_AFTER = 2
_CREDIT_ARGS = frozenset({"trigger", "credit"})
# What ends a sentence, or leads into a list or a quote: not a headline.
_CLOSING = frozenset(".!?:;…\"'”’,-–—")


# Where the subject of the sentence before ends, for one that points back to it ("It
# leads to…", "This can damage…").
_WORD_START = Pattern.lazy(r"\b\w")
_SUBJECT_WORDS = 8
# A sentence that goes on about the source of the one before it.
_NAMES_ITS_SOURCE = Pattern.lazy(
    r"\W*(?:(?:the|this|that|these|their)\s+(?:[\w-]+\s+)?(?:study|studies|review|trial|research"
    r"|paper|findings|results|report|survey|analysis)\b|(?:sources?|references?|via)\s*:"
    r"|(?:it|they)\s+(?:was|were|is|are)\s+published\b"
    # "Researchers from the University of Utah studied…", "The researchers, who published
    # their findings in the Annals…".
    r"|(?:the\s+)?(?:researchers|scientists|investigators|authors)\b)",
    re.IGNORECASE,
)


def _may_assert_cause(prose: Prose, sentence: Sentence) -> bool:
    """Whether the claim model could find a causal verb: most sentences have none, and
    several rules ask about each one."""
    from healthlint.claims.model import has_causal_word

    return prose.memo(
        ("causal-word", sentence.span), lambda: has_causal_word(sentence.text, prose.genre)
    )


def _may_blog_claim(prose: Prose, sentence: Sentence, lexicon: Lexicon) -> bool:
    """Whether the sentence has a word a blog claim needs, asked once for all the rules
    (which share the lexicon)."""
    from healthlint.claims.blog import may_claim

    return prose.memo(
        ("blog-word", sentence.span),
        lambda: may_claim(sentence.text, lexicon),
    )


def _past_of_other_things(text: str, cue: tuple[int, int], lexicon: Lexicon) -> bool:
    """Whether a blog's sentence that the model reads in the past tense tells of something
    other than health (see ``claims.blog.past_of_other_things``)."""
    from healthlint.claims.blog import past_of_other_things

    return past_of_other_things(text, cue, lexicon)


def _blog_reading(prose: Prose, sentence: Sentence, lexicon: Lexicon) -> tuple[int, int] | None:
    """The blog wording of a claim in the sentence (see ``healthlint.claims.blog``), read
    once however many rules and steps ask."""
    from healthlint.claims.blog import read_once

    return read_once(prose, sentence, lexicon)


def _headline(post: Post, prose: Prose, sentence: Sentence) -> bool:
    """A paragraph of a few words with no closing punctuation: a headline or a subhead
    that lost its markup in the CMS ("Antidepressants Relieve Hot Flashes"). The story
    below it tells the claim, with its source. A list item is not one: "- Turmeric cures
    arthritis" is the claim itself."""
    text = sentence.text.rstrip()
    paragraph = sentence.paragraph
    if _ends_closed(text) or len(text.split()) > _HEADLINE_WORDS:
        return False
    if post.masked[paragraph.start : paragraph.end].strip() != text.strip():
        return False
    if _BULLET.match(text):
        return False  # a list item written with a bullet Markdown does not know
    return not prose.in_list_item(sentence.span) and not _unpunctuated(post, prose)


_BULLET = Pattern.lazy(rf"\s*[{PLAIN_BULLETS}]")


def _unpunctuated(post: Post, prose: Prose) -> bool:
    """Whether two in three of the post's paragraphs end without closing punctuation, as
    in a file of sentences stripped of their full stops: there a short one is a sentence,
    not a headline that lost its markup."""

    def find() -> bool:
        closed = [_ends_closed(post.masked[p.start : p.end]) for p in prose.body_paragraphs]
        return len(closed) >= _FEW_PARAGRAPHS and closed.count(False) * 3 > len(closed) * 2

    return prose.memo(("unpunctuated",), find)


def _ends_closed(text: str) -> bool:
    """Whether a paragraph ends as a sentence or a lead-in does. A closing bracket ends a
    chart label ("Lung cancer (30%)") or a related-story link, so what is before it counts."""
    return text.rstrip().rstrip(")]")[-1:] in _CLOSING


# "Linked to", "associated with" right after a noun describe it ("the depression commonly
# associated with MS"): after the claim's words they hedge nothing.
_LINK = Pattern.lazy(r"(?:linked|associated|tied|connected)\s+(?:to|with)", re.IGNORECASE)
_NOUN_BEFORE = Pattern.lazy(
    r"\b(?!(?:is|are|was|were|be|been|being|not|that|which|who|it|they|this|these|least|also"
    r"|only|just|even|still|much|more|most|very|\w+ly)\b)[a-z]+"
    r"\s+(?:(?:commonly|often|frequently|usually|typically|closely|strongly|also)\s+)?$",
    re.IGNORECASE,
)
# "This" or "that" standing for what the sentence before said, as the subject of a verb:
# "This helps…", "That in turn means…" (not "This herb…").
_FOLLOWS_FROM = Pattern.lazy(
    r"\W*(?:(?:and|so|in\s+turn),?\s+)?(?:this|that|which)\s+(?:in\s+turn\s+|\w+ly\s+|also\s+"
    r"|can\s+|could\s+|may\s+|might\s+|will\s+|would\s+)*"
    r"(?:helps?|leads?|allows?|lets|keeps?|makes?|causes?|gives?|results?|enables?"
    r"|contributes?)\b",
    re.IGNORECASE,
)
# A relative clause between commas: what it says is its own, whatever the sentence around
# it hedges ("Kombucha, which heals your gut lining, is probably overrated").
_ASIDE = Pattern.lazy(r",\s*(?:which|who)\b[^,;.()]{3,120},", re.IGNORECASE)
# A relative clause opened after a claim's words says something of its own, and so does
# a comparison's ("faster than the sun ever could").
_OWN_CLAUSE = Pattern.lazy(
    r",\s*(?:which|who)\b"
    # ...up to the hedge, with no new clause between: "…faster than the sun ever could",
    # not "…more than coffee, although the effect may be small".
    rf"|\b(?:{COMPARED})\b(?![^,;]*[,;])"
    r"(?![^,;]*\b(?:although|though|but|while|whereas)\b)[^,;]*$",
    re.IGNORECASE,
)


def _hedged(
    text: str,
    lowered: str | None,
    cue: tuple[int, int],
    patterns: Sequence[FastPattern],
    *,
    hedges: int = 0,
) -> bool:
    """Whether a hedge, a negation or an attribution lets the claim pass: anywhere in
    the sentence, except a link that only describes a noun after the claim's words (not
    the claim's own word: "risks and benefits associated with each"). The first
    ``hedges`` patterns are hedges, which hedge only their own clause: one in a relative
    clause or a comparison after the claim's words is about what that clause says ("Helps
    reduce insulin resistance, which may prevent diabetes", "ages your skin faster than
    the sun could")."""
    # A claim in an aside ("probiotics, which restore your gut flora, are usually…"): a
    # hedge outside the aside, before or after it, is the main clause's.
    aside = next((m for m in _ASIDE.finditer(text) if m.start() < cue[0] < m.end()), None)
    for number, pattern in enumerate(patterns):
        for match in pattern.finditer(text, lowered):
            outside = aside is not None and not aside.start() <= match.start() < aside.end()
            if number < hedges and outside:
                continue
            described = match.start() >= cue[1] and (
                (
                    _LINK.fullmatch(match.group()) is not None
                    and _NOUN_BEFORE.search(text, cue[1], match.start()) is not None
                )
                or (number < hedges and _OWN_CLAUSE.search(text, cue[1], match.start()) is not None)
            )
            if not described:
                return True
    return False


def _may_point_back(sentences: tuple[Sentence, ...], index: int) -> bool:
    """Whether the sentence's verb may act on "it" or "them" named in the one before."""
    from healthlint.claims.blog import points_back

    return _before(sentences, index) is not None and points_back(sentences[index].text)


def _before(sentences: tuple[Sentence, ...], index: int) -> str | None:
    """The text of the sentence before, in the same paragraph."""
    if not index or sentences[index - 1].paragraph != sentences[index].paragraph:
        return None
    return sentences[index - 1].text


def _referred(sentences: tuple[Sentence, ...], index: int) -> str | None:
    """What a sentence opening on "it" or "this" may point back to: the sentences before
    it in its paragraph (see ``background.antecedent``); for a paragraph that opens on
    it, the sentence before it, a heading or the last of the paragraph above ("What is
    eczema?" over "It typically causes red, itchy skin")."""
    from healthlint.claims.background import CHAIN, antecedent

    paragraph = sentences[index].paragraph
    start = index
    while start > max(0, index - CHAIN) and sentences[start - 1].paragraph == paragraph:
        start -= 1
    if start == index and index > 0:
        start = index - 1
    return antecedent([s.text for s in sentences[start:index]])


_BULLET_INDENT = 8


def _signed(post: Post, prose: Prose, sentence: Sentence) -> bool:
    """Whether a testimonial's signature follows the sentence in its paragraph ("- Jenna,
    verified buyer", "says Maya, a verified buyer")."""
    from healthlint.claims.blog import signs_testimonial

    end = prose.paragraphs_around(sentence.paragraph, 0, 0)[-1].end
    return signs_testimonial(post.masked[sentence.span.start : end])


def _promised(prose: Prose, sentences: tuple[Sentence, ...], index: int) -> int | None:
    """The index of the lead-in, when the sentence is a list item whose lead-in promises
    what each item does; else None."""
    from healthlint.claims.blog import promising_subject

    lead = _lead_ins(prose, sentences)[index]
    if lead is None or promising_subject(sentences[lead].text) is None:
        return None
    return lead


def _lead_in(prose: Prose, sentences: tuple[Sentence, ...], index: int) -> Sentence | None:
    """The sentence a list item finishes ("the most optimistic women had:" before "- a 16
    percent lower risk"): who said it, and whether it is a result, is told there. A CMS
    often drops the bullets and leaves each item a paragraph of its own, in lower case."""
    lead = _lead_ins(prose, sentences)[index]
    return None if lead is None else sentences[lead]


def _lead_ins(prose: Prose, sentences: tuple[Sentence, ...]) -> tuple[int | None, ...]:
    """For each sentence, the index of the lead-in it finishes as a list item (see
    ``_lead_in``), worked out once for the post in one pass."""
    source = prose.post.masked

    def item(sentence: Sentence) -> bool:
        text = sentence.text
        if text[:1].islower() or _BULLET.match(text) or prose.in_list_item(sentence.span):
            return True
        # A bullet a CMS left in the text opens the sentence's line.
        start = sentence.span.start
        line = source.rfind("\n", 0, start) + 1
        bullet = source[line:start].strip()
        return start - line < _BULLET_INDENT and len(bullet) == 1 and bullet in PLAIN_BULLETS

    def compute() -> tuple[int | None, ...]:
        leads: list[int | None] = []
        current: int | None = None
        for index, sentence in enumerate(sentences):
            if item(sentence):
                leads.append(current)
            else:
                leads.append(None)
                current = index if sentence.text.rstrip().endswith(":") else None
        return tuple(leads)

    first = sentences[0].span if sentences else None
    return prose.memo(("lead-ins", len(sentences), first), compute)


@dataclass(frozen=True, kw_only=True)
class ClaimRule(RuleSpec):
    kind: Literal["claim"]
    detector: Literal["causal", "appeal"] | None = None
    """``causal``: the claim-strength model finds direct causal claims (see
    ``healthlint.claims.model``); ``appeal``: on a post read as a blog, appeals to
    research and statistics in a blog's wording too (see ``healthlint.claims.appeals``);
    a news story keeps the triggers alone."""
    known_facts: bool = False
    """Leave out claims that state a consensus relation from healthlint's curated facts
    ("smoking causes lung cancer"): textbook knowledge an editor leaves unsourced. The
    ``textbook-fact`` rule (strict preset) reports them instead."""
    triggers: tuple[Regex, ...] = ()
    """Patterns that make a sentence a claim (in addition to the detector, if any)."""
    hedges: tuple[Regex, ...] = ()
    """A sentence with a hedge ("may", "is linked to") is not a firm claim."""
    negations: tuple[Regex, ...] = ()
    unless: tuple[Regex, ...] = ()
    """Sentences that are not the subject of this rule at all (share prices, say)."""
    attributions: tuple[Regex, ...] = ()
    """Wording that puts the claim in a named person's mouth ("said Dr. Lee", a quote)."""
    continuations: tuple[Regex, ...] = ()
    """Openings of a sentence that goes on from the one before ("It also…", "But…",
    "And…"): an attribution in the sentence before, in the same paragraph, covers it too,
    and such a sentence that names its speaker covers the sentence before it."""
    study_reading: ReadingName | None = None
    """How a post about one study is read, as a news story is (see
    ``healthlint.claims.studies``): the study the post opens on or names answers for the
    results it reports, and a credit to research that names none ("…, a new study finds")
    is no source. ``causes`` reads a study's cause-and-effect results, ``figures`` its
    numbers; without it, no post is read as about a study."""
    post_source: Literal["lede", "anywhere"] = "lede"
    """Where a post-level source (for back references, credits and the ``post`` and
    ``nearby`` windows) may be: a link or a named study in the first paragraphs, as a news
    lede names its study, or either anywhere in the post."""
    sources: tuple[Regex, ...] = ()
    """Text that names a source ("a 2019 study in JAMA"), counted like a link."""
    when: tuple[Regex, ...] = ()
    """Only claims in a paragraph that matches one of these are reported (the paragraph
    says the study was observational, or was done in mice)."""
    window: Window = "paragraph"
    """Where a source excuses the claim; ``none`` when no source can (a causal claim drawn
    from an observational study is wrong whoever published it)."""
    nearby_paragraphs: Annotated[int, Constraint(ge=0)] = 4
    """How many paragraphs before the claim a ``nearby`` window reaches; it also takes
    the paragraph after (a lede gives the result, the next paragraph names the journal)
    and a source in the post's opening paragraphs, as ``post`` does."""
    skip_questions: bool = True
    skip_headings: bool = True
    """Also skips a headline that lost its markup: a paragraph of up to 15 words with no
    closing punctuation."""
    skip_quotes: bool = False
    """Skip claims inside quotation marks: a speaker's words, attributed where the quote
    is introduced. With ``attributions``, only a quotation with a speaker given in its
    paragraph or the one before, or one running over several paragraphs."""
    participles: bool = True
    """Report causal claims made in a participle clause ("…, causing sneezing", "…,
    resulting in weight loss"). Off, such a clause is left out: in explainers it mostly
    tells how a disease or a drug works."""
    report_denied: bool = False
    """Report causal claims whose verb is negated ("did not reduce"): a claim of no effect
    needs a source as much as a claim of one."""

    credit_message: str | None = None
    """The message for a claim credited to research it does not name (see
    ``study_reading``), with ``{credit}`` (the words that credit it) as well as
    ``{trigger}``; without it, ``message``."""

    message_args: ClassVar[frozenset[str]] = frozenset({"trigger"})

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.triggers and self.detector is None:
            raise ValueError("a claim rule needs 'triggers' or a 'detector'")
        if self.credit_message is not None:
            check_placeholders("credit_message", self.credit_message, _CREDIT_ARGS)

    def format_message(self, args: dict[str, str]) -> str:
        if "credit" in args and self.credit_message is not None:
            return self.credit_message.format_map(args)
        return super().format_message(args)

    @cached_property
    def _skips(self) -> tuple[FastPattern, ...]:
        """Wording that lets a claim pass wherever it is in the sentence."""
        patterns = (*self.hedges, *self.negations, *self.attributions, *self.unless)
        return tuple(FastPattern.of(p) for p in patterns)

    @cached_property
    def _skips_when_credited(self) -> tuple[FastPattern, ...]:
        """The same without the attributions: "researchers say" credits research, and
        whether that research is named is what decides (see ``study_reading``)."""
        start = len(self.hedges) + len(self.negations)
        return self._skips[:start] + self._skips[start + len(self.attributions) :]

    @cached_property
    def _attribution_tests(self) -> tuple[FastPattern, ...]:
        """``attributions`` with the words each needs (those of ``_skips``): most
        sentences lack them, and are then neither searched nor the pattern compiled."""
        start = len(self.hedges) + len(self.negations)
        return self._skips[start : start + len(self.attributions)]

    @cached_property
    def _study(self) -> StudyReading:
        from healthlint.claims.studies import NO_STUDY, READINGS

        return NO_STUDY if self.study_reading is None else READINGS[self.study_reading]

    @cached_property
    def _credit_tests(self) -> tuple[FastPattern, ...]:
        return tuple(FastPattern.of(p) for p in self._study.credits)

    @cached_property
    def _back_reference_tests(self) -> tuple[FastPattern, ...]:
        return tuple(FastPattern.of(p) for p in self._study.back_references)

    @cached_property
    def _result_tests(self) -> tuple[FastPattern, ...]:
        return tuple(FastPattern.of(p) for p in self._study.results)

    @cached_property
    def _reportable_tests(self) -> tuple[FastPattern, ...]:
        return tuple(FastPattern.of(p) for p in self._study.reportable)

    @cached_property
    def _facts(self) -> Knowledge | None:
        if not self.known_facts:
            return None
        from healthlint.rules.knowledge import knowledge

        return knowledge(("facts",))

    @cached_property
    def _lexicon(self) -> Lexicon:
        from healthlint.claims.products import load_lexicon

        return load_lexicon()

    @cached_property
    def _trigger_tests(self) -> tuple[FastPattern, ...]:
        """``triggers`` with the words each needs: a sentence the prefilter chose for one
        trigger is not searched for the others it lacks the words of."""
        return tuple(FastPattern.of(p) for p in self.triggers)

    @cached_property
    def _trigger_filter(self) -> Prefilter:
        return Prefilter(self.triggers)

    @cached_property
    def _when(self) -> tuple[FastPattern, ...]:
        return tuple(FastPattern.of(p) for p in self.when)

    def prepare(self) -> None:
        _ = self._skips, self._skips_when_credited, self._when, self._trigger_filter
        _ = self._attribution_tests, self._credit_tests, self._back_reference_tests
        _ = self._result_tests, self._reportable_tests, self._trigger_tests
        _ = self._lexicon, self._facts

    def check(self, post: Post, prose: Prose) -> Iterator[Hit]:
        from healthlint.claims.blog import unnamed_research

        # A blog states its claims in its titles and benefit lists too; a news story's
        # headline is told, with its source, by the story below it.
        blog = prose.genre == "blog"
        claims_in_titles = blog and self.detector == "causal"
        sentences = (
            prose.body_sentences if self.skip_headings and not claims_in_titles else prose.sentences
        )
        triggered: frozenset[Span] | None = None  # None: any sentence may hold a trigger
        if self._trigger_filter.usable:
            spans = [s.span for s in sentences]
            triggered = frozenset(
                self._trigger_filter.scopes(post.masked, prose.lowered, post.span, spans)
            )
        for index, sentence in enumerate(sentences):
            by_trigger = bool(self.triggers) and (triggered is None or sentence.span in triggered)
            # A list item under a lead-in that promises what each item does: "This can:"
            # over "- Trigger cortisol spikes".
            lead = (
                _promised(prose, sentences, index) if blog and self.detector == "causal" else None
            )
            listed = lead is not None
            # The answer to a rhetorical question that asks for a cause: "What's behind
            # your brain fog? Hidden mould."
            asked = (
                sentences[index - 1].text
                if blog
                and self.detector == "causal"
                and index
                and sentences[index - 1].text.rstrip().endswith("?")
                else None
            )
            by_detector = (
                self.detector == "causal"
                and (
                    listed
                    or asked is not None
                    or _may_assert_cause(prose, sentence)
                    or (blog and _may_blog_claim(prose, sentence, self._lexicon))
                    or (blog and _may_point_back(sentences, index))
                )
            ) or (self.detector == "appeal" and blog)
            if not by_trigger and not by_detector:
                continue
            # The context test is per paragraph and rare to pass: it goes before the rest.
            if self.when and not self._in_context(post, prose, sentence):
                continue
            text = sentence.text
            if self.skip_headings and not claims_in_titles and _headline(post, prose, sentence):
                continue
            found = self._trigger(
                prose,
                sentence,
                by_trigger,
                by_detector,
                blog,
                None if lead is None else sentences[lead].text,
                asked,
                _before(sentences, index) if blog else None,
            )
            if found is None:
                continue
            cue, reported = found
            # The sentence before, in the same paragraph: what "it" refers to, and where
            # an attribution this sentence goes on from would be.
            previous = sentences[index - 1] if index else None
            if previous is not None and previous.paragraph != sentence.paragraph:
                previous = None
            referred = _referred(sentences, index)
            # A paper's title in a reference list, or a claim the next sentence rejects, is
            # not the post's claim; both are asked only once a claim is found.
            if in_reference_list(prose, sentence) or rejected_by_next(sentences, index):
                continue
            if lead is not None and self._promised_in_passing(sentences, lead, text, cue, blog):
                continue
            if self._told_in_passing(text, cue, referred, blog):
                # In a blog the sentence may still claim something in its own words: "has
                # strong anti-inflammatory properties, which can help reduce swelling".
                alternative = (
                    _blog_reading(prose, sentence, self._lexicon)
                    if blog and self.detector == "causal"
                    else None
                )
                if alternative is None or self._told_in_passing(text, alternative, referred, blog):
                    # ...or in a clause of its own after it: "Ketones fuel the brain, which is
                    # why keto wipes out migraines".
                    from healthlint.claims.blog import later_claim

                    alternative = (
                        later_claim(text, cue[1], self._lexicon)
                        if blog and self.detector == "causal"
                        else None
                    )
                    if alternative is None or self._told_in_passing(
                        text, alternative, referred, blog
                    ):
                        continue
                cue, reported = alternative, False
            trigger = text[cue[0] : cue[1]]
            lowered = prose.lowered_of(sentence.span)
            lead_in = _lead_in(prose, sentences, index)
            lead_in_lowered = None if lead_in is None else prose.lowered_of(lead_in.span)
            # Worded as a study's result ("in the placebo group"), not only told in the
            # past tense: only such wording ties a claim to the study a post opens on.
            worded = (
                not self._reportable_tests
                or any(
                    t.search_text(trigger, lowered and lowered[cue[0] : cue[1]])
                    for t in self._reportable_tests
                )
            ) and any(
                t.search_text(text, lowered)
                or (lead_in is not None and t.search_text(lead_in.text, lead_in_lowered))
                for t in self._result_tests
            )
            reported = reported or worded
            if self.skip_questions and ends_with(text, "?"):
                continue
            # A customer's signed testimonial is the seller's claim (FTC), not a speaker's.
            signed = blog and _signed(post, prose, sentence)
            if (
                self.skip_quotes
                and not signed
                and prose.in_quotation(sentence.span.start + cue[0])
                and self._speaker_near(post, prose, sentence)
            ):
                continue
            credit = next(
                (m for m in (t.search_text(text, lowered) for t in self._credit_tests) if m), None
            )
            credited = credit is not None
            skips = self._skips_when_credited if credited else self._skips
            if blog and not credited:
                # "Studies have shown that…" is the blog's own claim, made with an appeal
                # to research it does not name; only a speaker makes it someone else's.
                context = text if previous is None else f"{previous.text} {text}"
                if _hedged(
                    text,
                    lowered,
                    cue,
                    self._skips_when_credited,
                    hedges=len(self.hedges),
                ) or (
                    not signed
                    and any(
                        (m := t.search_text(text, lowered))
                        and not unnamed_research(m.group(), context)
                        for t in self._attribution_tests
                    )
                ):
                    continue
            elif _hedged(text, lowered, cue, skips):
                continue
            if self._warns_of_harm(text, blog):
                continue
            if previous is not None and self._goes_on_from(prose, previous, sentence):
                continue
            if blog and previous is not None and self._hedge_goes_on(prose, previous, sentence):
                continue
            if index + 1 < len(sentences) and self._credited_after(
                prose, sentence, sentences[index + 1]
            ):
                continue
            if lead_in is not None and any(
                t.search_text(lead_in.text, lead_in_lowered) for t in self._attribution_tests
            ):
                continue
            # In a blog a source answers for the sentences next to it, not for a whole
            # paragraph: one link early on does not vouch for every later claim.
            if blog and self.window == "paragraph":
                # The sentence after counts when it goes on about the claim's source,
                # even in the next paragraph: "The study was published in the journal
                # Sleep.", "Source: American Cancer Society".
                after = sentences[index + 1] if index + 1 < len(sentences) else None
                if after is not None and not _NAMES_ITS_SOURCE.match(after.text):
                    after = None
                if self._sourced_beside(post, prose, sentence, previous, after):
                    continue
            elif self._sourced(post, prose, sentence, self.window):
                continue
            back_reference = any(t.search_text(text, lowered) for t in self._back_reference_tests)
            # A blog names a study once for the results it tells as that study's; any other
            # figure of a blog needs its source beside it.
            if (
                reported
                and (
                    not blog
                    or blog_result(text, worded, back_reference, self._about_a_study(post, prose))
                )
                and self._sourced(post, prose, sentence, self._study.reported_window)
            ):
                continue
            # A news story is about the study its lede names, and "the study" is that one;
            # a blog post that links a study once does not vouch for every claim with it.
            if (
                not blog
                and self.window != "none"
                and (back_reference or credited)
                and self._post_sourced(prose)
                and self._on_lede_topic(prose, sentence)
            ):
                continue
            if credited and self._credit_sourced(post, prose, sentence):
                continue
            if (
                not blog
                and self._study.covered(worded, back_reference, credited)
                and self._about_a_study(post, prose)
                and self._on_lede_topic(prose, sentence)
            ):
                continue
            if self._textbook(text, previous, blog, cue):
                continue
            start = sentence.span.start
            args = {"trigger": " ".join(text[cue[0] : cue[1]].split())}
            if credit is not None:
                args["credit"] = " ".join(credit.group().strip(" ,.;:").split())
            yield Hit(Span(start + cue[0], start + cue[1]), args)

    def _speaker_near(self, post: Post, prose: Prose, sentence: Sentence) -> bool:
        """Whether a quotation is someone's speech: an attribution in its paragraph or the
        one before ("Dr. Lee put it plainly:"), or a quotation running over several
        paragraphs, as only speech is printed. A lone quoted paragraph with no speaker is
        the writer's claim in quote marks."""
        paragraph = sentence.paragraph
        before = prose.paragraphs_around(paragraph, 1, 0)[0]

        def given() -> bool:
            if not self.attributions:
                return True  # the rule does not say what a speaker looks like
            if prose.quotation_runs_on(paragraph) or (
                before != paragraph and prose.quotation_runs_on(before)
            ):
                return True
            text = post.masked[before.start : paragraph.end]
            lowered = prose.lowered and prose.lowered[before.start : paragraph.end]
            return any(t.search_text(text, lowered) for t in self._attribution_tests)

        return prose.memo(("speaker", id(self), paragraph), given)

    def _goes_on_from(self, prose: Prose, previous: Sentence, sentence: Sentence) -> bool:
        """Whether the sentence continues an attributed one: the speaker still speaks."""
        lowered = prose.lowered_of(previous.span)
        return (
            previous.paragraph == sentence.paragraph
            and any(p.match(sentence.text) for p in self.continuations)
            and any(t.search_text(previous.text, lowered) for t in self._attribution_tests)
        )

    def _hedge_goes_on(self, prose: Prose, previous: Sentence, sentence: Sentence) -> bool:
        """Whether the sentence only says what follows from a hedged one before it: "It's
        thought that coffee triggers autophagy. This helps keep your liver working." A
        new subject ("It also cures…") makes a claim of its own."""
        return (
            previous.paragraph == sentence.paragraph
            and _FOLLOWS_FROM.match(sentence.text) is not None
            and _hedged(
                previous.text,
                prose.lowered_of(previous.span),
                (0, 0),
                self._skips[: len(self.hedges)],
            )
            # What was hedged is a claim: "You may have heard of turmeric" hedges nothing
            # that "This helps reverse arthritis" could go on from.
            and self._trigger(prose, previous, False, True, True) is not None
        )

    def _credited_after(self, prose: Prose, sentence: Sentence, following: Sentence) -> bool:
        """Whether the speaker is named once, at the end of what they said ("…in 90 percent
        of patients. But the response is brief, the researchers explained."): a sentence
        going on from this one in its paragraph and naming a speaker speaks for both. A
        credit to unnamed research there (see ``study_reading``) vouches for neither."""
        text, lowered = following.text, prose.lowered_of(following.span)
        return (
            following.paragraph == sentence.paragraph
            and any(p.match(text) for p in self.continuations)
            and any(t.search_text(text, lowered) for t in self._attribution_tests)
            and not any(t.search_text(text, lowered) for t in self._credit_tests)
        )

    def _trigger(
        self,
        prose: Prose,
        sentence: Sentence,
        by_trigger: bool,
        by_detector: bool,
        blog: bool = False,
        listed: str | None = None,
        asked: str | None = None,
        before: str | None = None,
    ) -> tuple[tuple[int, int], bool] | None:
        """The span of the words that make the sentence a claim, and whether it reports a
        past result; None when it is not a claim. ``listed``: the lead-in of a list item
        that promises what each item does; ``asked``: the question the sentence answers;
        ``before``: the sentence before it in its paragraph, which "it" or "them" after
        its verb may point back to."""
        from healthlint.claims.model import Strength, read

        text = sentence.text
        found = []
        if by_trigger:
            lowered = prose.lowered_of(sentence.span)
            tests = self._trigger_tests
            found = [(m.span(), False) for m in (t.search_text(text, lowered) for t in tests) if m]
        if by_detector and self.detector == "appeal":
            from healthlint.claims.appeals import blog_appeal

            appeal = prose.memo(("appeal", sentence.span), lambda: blog_appeal(text, self._lexicon))
            if appeal is not None:
                found.append((appeal, False))
        elif by_detector:
            # Several rules read the same sentence's claim, in the post's genre.
            reading = prose.memo(("reading", sentence.span), lambda: read(text, prose.genre))
            # Only causal verbs and stated efficacy ("is effective against"): bare nouns
            # and adjectives ("the benefits", "effective treatments") are too often
            # background in real articles to be worth a writer's time.
            direct = reading.strength is Strength.DIRECT and not reading.question
            if (reading.denied and not self.report_denied) or (
                reading.participle and not self.participles
            ):
                direct = False
            if (
                direct
                and reading.verbal
                and reading.cue
                and not (
                    blog
                    and reading.reported
                    and _past_of_other_things(text, reading.cue, self._lexicon)
                )
            ):
                found.append((reading.cue, reading.reported))
            if reading.question and reading.cue:
                # A trigger on the verb the model reads as asked about ("research on
                # whether it really helps reduce…") asks too.
                cue = reading.cue
                found = [(span, r) for span, r in found if not span[0] <= cue[0] < span[1]]
            elif blog and not found and reading.strength is not Strength.CONDITIONAL:
                # Wordings of health blogs the model does not read as claims.
                blog_cue = _blog_reading(prose, sentence, self._lexicon)
                if blog_cue is None and before is not None:
                    from healthlint.claims.blog import claim_on_referent

                    blog_cue = claim_on_referent(text, before, self._lexicon)
                if blog_cue is not None and not reading.denied:
                    found.append((blog_cue, False))
            if listed is not None and not found and not reading.denied:
                from healthlint.claims.blog import promised_item

                item = promised_item(text, listed, self._lexicon)
                if item is not None:
                    found.append((item, False))
            if asked is not None and not found and not reading.denied:
                from healthlint.claims.blog import answer_stated, answered

                answer = answered(asked, text, self._lexicon)
                # An answer about the body or an illness tells how it works ("Why do we
                # get colds? Viruses spread…"): read the whole answer as the subject. One
                # that makes a textbook fact of the question is none ("What causes hay
                # fever? Pollen.").
                end = (len(text), len(text))
                stated = None if answer is None else answer_stated(asked, answer, text)
                if (
                    answer is not None
                    and not self._told_in_passing(text, end, None, blog)
                    and not (stated is not None and self._textbook(stated, None))
                ):
                    found.append((answer, False))
        return min(found) if found else None

    def _in_context(self, post: Post, prose: Prose, sentence: Sentence) -> bool:
        paragraph = sentence.paragraph
        return prose.memo(
            ("when", id(self), paragraph),
            lambda: any(
                p.search(post.masked[paragraph.start : paragraph.end], prose.lowered_of(paragraph))
                for p in self._when
            ),
        )

    def _told_in_passing(
        self, text: str, cue: tuple[int, int], referred: str | None, blog: bool
    ) -> bool:
        """Background to the sentence's point, or about something other than health.
        ``referred`` is what the sentences before it in its paragraph are about."""
        if self.detector != "causal":
            return False
        from healthlint.claims.background import background, by_illness, passing_object

        products = self._lexicon.products.compiled if blog else None
        diseases = self._lexicon.diseases.compiled if blog else None
        if blog:
            from healthlint.claims.background import POINTS_BACK
            from healthlint.claims.blog import opens_on_carers, opens_on_the_body, unknown_they

            # "Your kidneys are amazing. They filter your blood.": the body at work, and
            # "Doctors are helpful. They lower…" carers at theirs; "Good pillows matter.
            # They cradle your neck." is no claim either: with a verb not known as one of
            # health, "they" must stand for a product or a remedy ("Oats are a gift. They
            # scrub cholesterol out of your arteries."). Not when the sentence before names
            # what the reader takes: "Your joints deserve this turmeric blend. It reverses
            # arthritis."
            at_work = (
                referred is not None
                and POINTS_BACK.match(text, 0, cue[0]) is not None
                and (opens_on_the_body(referred) or opens_on_carers(referred))
            )
            if (at_work or unknown_they(text, cue)) and not self._names_remedy(referred):
                return True
        return (
            background(text, cue[0], referred, products, diseases)
            or passing_object(text, cue[0], cue[1], products)
            or (diseases is not None and by_illness(text, cue[1], diseases, products))
        )

    def _names_remedy(self, referred: str | None) -> bool:
        """Whether the sentences before name a product or a remedy, which "it" or "they"
        may then stand for."""
        from healthlint.claims.background import INTERVENTIONS, names_any

        return referred is not None and (
            self._lexicon.products.search(referred) is not None
            or names_any(referred, INTERVENTIONS)
        )

    def _promised_in_passing(
        self,
        sentences: tuple[Sentence, ...],
        lead: int,
        item: str,
        cue: tuple[int, int],
        blog: bool,
    ) -> bool:
        """Whether a list item is background or a textbook fact, read with its lead-in's
        subject ("Chronic inflammation" of "Chronic inflammation can:" over "- Worsen
        insulin resistance": how an illness works), or whether its lead-in hedges, denies
        or reports it ("Fans of celery juice claim it can:", "Magnesium probably helps:")."""
        from healthlint.claims.blog import others_say, promising_subject

        lead_in = sentences[lead].text
        if others_say(lead_in) or _hedged(lead_in, None, (len(lead_in),) * 2, self._skips):
            return True
        subject = promising_subject(lead_in) or ""
        told = f"{subject} {item}"
        shift = len(subject) + 1
        return self._told_in_passing(
            told, (cue[0] + shift, cue[1] + shift), _referred(sentences, lead), blog
        ) or self._textbook(told, sentences[lead - 1] if lead else None)

    def _warns_of_harm(self, text: str, blog: bool) -> bool:
        """A harm something "can" cause, told as a warning (see ``claims.harms``); on a
        blog, one said of what a reader takes or does is a claim."""
        if self.detector != "causal":
            return False
        from healthlint.claims.harms import warns_of_harm

        return warns_of_harm(text, self._lexicon if blog else None)

    def _textbook(
        self,
        text: str,
        previous: Sentence | None,
        blog: bool = False,
        cue: tuple[int, int] | None = None,
    ) -> bool:
        """Whether the claim states a textbook fact. "It leads to thin, soft bones" goes on
        about what the sentence before named ("A lack of vitamin D weakens bones."); on a
        blog, so may "it" after the verb ("Alcohol damages it"). On a blog a fact that ends
        before the claim's words (``cue``), in a clause of its own, is not the claim's:
        "Ketones fuel the brain, which is why keto wipes out migraines" claims the second;
        "Smoking narrows your arteries, which is why it raises your risk of stroke" states
        one fact across both."""
        from healthlint.claims.background import POINTS_BACK
        from healthlint.claims.blog import clause_between

        facts = self._facts
        if facts is None:
            return False
        if any(
            not s.denied
            and not (
                blog
                and cue is not None
                and (
                    (s.end < cue[1] and clause_between(text, s.start, cue[0]))
                    or clause_between(text, cue[1], s.start)
                )
            )
            for s in facts.statements(text)
        ):
            return True
        if blog and previous is not None:
            from healthlint.claims.blog import with_referent

            # What "it" after the verb stands for: "Your liver filters toxins. Alcohol
            # damages it."
            resolved = with_referent(text, previous.text, self._lexicon)
            if resolved is not None and any(not s.denied for s in facts.statements(resolved[0])):
                return True
        pointer = POINTS_BACK.match(text)
        if pointer is None or previous is None:
            return False
        told = f"{previous.text} {text[pointer.end() :]}"
        # What "it" stands for is the subject the sentence before opens with, not a noun
        # at its end ("…the risk of blood clots. These benefits lower the risk of stroke").
        words = list(_WORD_START.finditer(previous.text))
        head = words[_SUBJECT_WORDS].start() if len(words) > _SUBJECT_WORDS else len(told)
        return any(not s.denied and s.start < head for s in facts.statements(told))

    def _sourced_beside(
        self,
        post: Post,
        prose: Prose,
        sentence: Sentence,
        previous: Sentence | None,
        following: Sentence | None,
    ) -> bool:
        """A source in the sentence or in the ones given right before and after it."""
        # What lies between sentences (a footnote marker after a full stop) counts too.
        start = previous.span.start if previous is not None else sentence.paragraph.start
        end = following.span.end if following is not None else sentence.paragraph.end
        return self._sourced_in(post, prose, Span(start, end))

    def _sourced(self, post: Post, prose: Prose, sentence: Sentence, scope: str) -> bool:
        if scope == "none":
            return False
        if scope == "post":
            return self._post_sourced(prose)
        if scope == "nearby":
            return self._nearby_sourced(post, prose, sentence) or (
                self._post_sourced(prose) and self._on_lede_topic(prose, sentence)
            )
        window = sentence.span if scope == "sentence" else sentence.paragraph
        return self._sourced_in(post, prose, window)

    def _credit_sourced(self, post: Post, prose: Prose, sentence: Sentence) -> bool:
        """Whether the research a claim is credited to is named next to it: in the
        paragraph before ("A study in JAMA followed 2,000 nurses."), or in the two after,
        as a news lede credits "a new study" and names the journal just after."""
        if self.window == "none":
            return False
        return self._sourced_around(post, prose, sentence, _CREDIT_BEFORE, _CREDIT_AFTER)

    def _nearby_sourced(self, post: Post, prose: Prose, sentence: Sentence) -> bool:
        return self._sourced_around(post, prose, sentence, self.nearby_paragraphs, 1)

    def _sourced_around(
        self, post: Post, prose: Prose, sentence: Sentence, before: int, after: int
    ) -> bool:
        """A source in the sentence's paragraph or the paragraphs around it."""
        near = prose.paragraphs_around(sentence.paragraph, before, after)
        if not self._study.lede_topic:
            return any(self._sourced_in(post, prose, p) for p in near)
        # On the story's subject, any study named nearby is the story's; off it, only one
        # named in a paragraph on the claim's own subject.
        words = self._paragraph_words(prose, sentence)
        on_topic = not words.isdisjoint(self._lede_words(prose))
        return any(
            self._sourced_in(post, prose, p)
            and (on_topic or p == sentence.paragraph or not words.isdisjoint(_words(prose, p)))
            for p in near
        )

    def _sourced_in(self, post: Post, prose: Prose, window: Span) -> bool:
        # Several claims often share a paragraph: look for its sources once.
        return prose.memo(
            ("sourced", id(self), window),
            lambda: (
                prose.citations_in(window)
                or self._names_source(
                    prose, window, post.masked[window.start : window.end], prose.lowered_of(window)
                )
            ),
        )

    def _post_sourced(self, prose: Prose) -> bool:
        """The post's opening paragraphs link or name the study it is about, as a news
        lede does (with ``post_source: anywhere``, any paragraph): "the study", "the
        researchers" and the study's own results may then lean on it."""
        return prose.memo(("post-sourced", id(self)), lambda: self._find_post_source(prose))

    def _find_post_source(self, prose: Prose) -> bool:
        post = prose.post
        if self.post_source == "anywhere":
            return bool(post.citations) or self._names_source(prose, "post", post.text)
        # Only the lede: one link deep in a long post does not vouch for every sentence.
        lede = prose.lede
        return any(prose.citations_in(p) for p in lede) or self._names_source(
            prose, "lede", " ".join(post.masked[p.start : p.end] for p in lede)
        )

    def _on_lede_topic(self, prose: Prose, sentence: Sentence) -> bool:
        """Whether the study or source the lede names may answer for this sentence: always,
        unless the study reading's ``lede_topic`` asks that its paragraph be in the lede or
        share a content word with it."""
        if not self._study.lede_topic or sentence.paragraph in prose.lede:
            return True
        return not self._lede_words(prose).isdisjoint(self._paragraph_words(prose, sentence))

    @staticmethod
    def _paragraph_words(prose: Prose, sentence: Sentence) -> frozenset[str]:
        """What the claim is about: the words of its paragraph, which say what "it" and
        "they" are, and of the paragraph before when this one opens by pointing back."""
        paragraph = sentence.paragraph
        words = _words(prose, paragraph)
        if _POINTS_BACK.match(prose.post.masked, paragraph.start, paragraph.end):
            before = prose.paragraphs_around(paragraph, 1, 0)[0]
            words |= _words(prose, before)
        return words

    @staticmethod
    def _lede_words(prose: Prose) -> frozenset[str]:
        return prose.memo(
            ("lede-words",), lambda: frozenset().union(*(_words(prose, p) for p in prose.lede))
        )

    def _about_a_study(self, post: Post, prose: Prose) -> bool:
        study = self._study
        if not study.lede:
            return False
        return prose.memo(
            ("about-a-study", id(self)),
            lambda: study.opens_on_a_study(post.masked[p.start : p.end] for p in prose.lede),
        )

    def _names_source(
        self, prose: Prose, key: Hashable, text: str, lowered_text: str | None = None
    ) -> bool:
        # Every claim rule asks about the same paragraphs: the built-in patterns are
        # searched once per text and post, the rule's own ``sources`` each time.
        from healthlint.claims.sources import names_source

        # A blog's "a 2019 study" names nothing a reader could look up; a news story's
        # lede names the study that a year then points to.
        dated = prose.genre != "blog"
        built_in = prose.memo(
            ("names-source", key), lambda: names_source(text, lowered_text, dated=dated)
        )
        return built_in or any(p.search(text) for p in self.sources)


def _words(prose: Prose, paragraph: Span) -> frozenset[str]:
    """The content words of a paragraph (see ``healthlint.claims.topic``), found once a post."""
    from healthlint.claims.topic import content_words

    return prose.memo(
        ("words", paragraph),
        lambda: content_words(prose.post.masked[paragraph.start : paragraph.end]),
    )
