"""How a claim rule reads a post about one study, as a news story is.

A news story about a study says so in its lede ("a new study in JAMA", "researchers
reported Tuesday") and tells the study's results further down ("the drug reduced relapses
by 54%", "in the placebo group", "40% of patients improved"). Those results are the
study's: whether the story names it is sources-missing's question, asked once for the
story, not once for every result. A claim credited to research without naming it ("…, a
new Dutch study suggests", "researchers say") is a credit, not a source: it passes only
where the research is named next to it or the post is about it.

A claim rule chooses a reading with ``study_reading`` (see
``healthlint.rules.kinds.claim``): ``causes`` for the cause-and-effect claims
unsupported-causal-claim reports, ``figures`` for the statistics and appeals to research
missing-citation reports. The two differ in what a study's result looks like (a causal
result is worded as one, "in the trial"; a figure is any number told in the past tense)
and in how far its source may be (a cause: the paragraphs around it; a figure: anywhere in
the post); the claim kind searches those windows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from healthlint.core.pattern import Pattern

Window = Literal["sentence", "paragraph", "nearby", "post", "none"]
Covered = Literal["results", "back_references", "credits"]
ReadingName = Literal["causes", "figures"]


def _patterns(*sources: str) -> tuple[Pattern, ...]:
    # Compiled as a rule's own patterns are: prose is matched without regard to case.
    return tuple(Pattern.lazy(source, re.IGNORECASE) for source in sources)


@dataclass(frozen=True, kw_only=True)
class StudyReading:
    """What a rule takes from a post about a study."""

    credits: tuple[Pattern, ...] = ()
    """Wording that credits a claim to research without naming it. A credit is no source,
    and a rule's attributions do not excuse the claim: it passes when the research is
    named in the paragraph before it or the two after (a news lede credits "a new study",
    the journal comes just after), in the post's lede, or when the post opens on a study
    and ``covers`` holds ``credits``."""
    back_references: tuple[Pattern, ...] = ()
    """Wording that points back to a study ("the study found"): enough when the post
    names or links one where the rule's ``post_source`` looks."""
    results: tuple[Pattern, ...] = ()
    """Wording of a study's own results ("in the placebo group"): such a claim may rely
    on a source anywhere in ``reported_window``."""
    reportable: tuple[Pattern, ...] = ()
    """When set, only claims whose own words match one of these can be a study's results
    (numbers can; "studies show" cannot)."""
    lede: tuple[Pattern, ...] = ()
    """Wording that, in a post's opening paragraphs, says the post is about a study."""
    covers: frozenset[Covered] = frozenset()
    """What the study a post opens on answers for: its results, back references to it,
    credits to it. A reading whose credits are findings in their own right ("…, a new
    study finds" names no study) leaves ``credits`` out, and then a result credited that
    way is reported too."""
    reported_window: Window = "paragraph"
    """Where the source of a study's result may be."""
    lede_topic: bool = False
    """Whether the study the lede names answers only for the paragraphs that share a
    content word with the lede (see ``healthlint.claims.topic``), and a source named
    near a claim off the lede's subject only for a claim that shares one with it: a
    roundup that names one study at the top makes its other claims on its own."""

    def covered(self, worded: bool, back_reference: bool, credited: bool) -> bool:
        """Whether the study a post opens on answers for a claim worded as its result,
        pointing back to it, or credited to research. A credit decides alone: a result
        credited to "a new study" is a credit first."""
        if credited:
            return "credits" in self.covers
        return (worded and "results" in self.covers) or (
            back_reference and "back_references" in self.covers
        )

    def opens_on_a_study(self, lede: Iterable[str]) -> bool:
        """Whether the texts of a post's opening paragraphs say it is about a study."""
        return any(p.search(text) for text in lede for p in self.lede)


# "A 2019 study of 72 adults found…", "according to one Swiss trial": on a blog, research
# nobody could look up. A source elsewhere in the post does not say which study that is.
# (Not "a further analysis and found", "matches a 2015 review of earlier work": they
# credit nothing.)
_UNNAMED_STUDY = Pattern.lazy(
    r"\b(?:a|an|one|another)\s+(?:[\w-]+\s+){0,2}?(?:study|trial|review|survey|analysis"
    r"|meta-analysis)(?:\s+(?:of|on|in|among|involving|from|with)\s+(?:[\w,.%'’-]+\s+){1,6}?"
    r"|\s+)(?:also\s+)?(?:found|finds|showed|shows|suggests|suggested|revealed|reported"
    r"|concluded|linked)\b"
    r"|\baccording\s+to\s+(?:a|an|one|another)\s+(?:[\w-]+\s+){0,2}?(?:study|trial|review"
    r"|survey|analysis|meta-analysis)\b",
    re.IGNORECASE,
)


def blog_result(text: str, worded: bool, back_reference: bool, about_a_study: bool) -> bool:
    """Whether a blog's sentence tells the result of a study its post names elsewhere: the
    post is about one study, or the sentence is worded as a result or points back to a
    study ("in the trial", "the researchers found") and credits no study of its own ("a
    2019 study found")."""
    return about_a_study or ((worded or back_reference) and _UNNAMED_STUDY.search(text) is None)


NO_STUDY = StudyReading()
"""A rule that reads no post as about a study."""

# "a new study", "the researchers", "two large trials" in the opening paragraphs.
_LEDE = _patterns(
    r"\b(?:a|an|the|this|new|recent|large|small|first|latest|two|three|several)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:study|studies|trial|trials|analysis|review|survey|research)\b"
    r"|\b(?:researchers|scientists|investigators)\b"
)

CAUSES = StudyReading(
    credits=_patterns(
        # At the end: "…by nearly half, a new Dutch study suggests."
        r",\s*(?:\w+\s+){0,7}(?:suggests?|suggested|reports?|reported|finds|found|shows?"
        r"|showed|confirms|concludes|indicates|reveals|revealed"
        r"|(?:has |have )?(?:proven|proved|demonstrated))\W*$",
        # The study's own words for it: "The researchers found that…", "a study of 50
        # people found that…".
        r"\b(?:the|this|that|these|their|his|her|its|a|one|another|new|recent|latest)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:meta-)?(?:study|trials?|analys[ie]s|findings|results|data"
        r"|review|comparison|research|researchers|team|scientists|investigators|authors"
        r"|article|paper|report|look)\b[^.;:]{0,60}?\b(?:found|finds|show|showed|shows"
        r"|verified|confirmed|concluded|demonstrated|revealed|reported|observed|indicated"
        r"|suggest|suggests|suggested|says|said)\b",
        # Researchers as such: "Pooling data from 522 trials, researchers found all
        # drugs…".
        r"\b(?:researchers|scientists|investigators)\s+(?:\w+\s+){0,2}?(?:found|find|showed"
        r"|show|shown|revealed|reported|concluded|observed|discovered|calculated|determined"
        r"|demonstrated)\b",
        # What research people say or report ("…, researchers say", "according to a new
        # study", "the authors concluded"): a credit, not a speaker answerable for it.
        r"\baccording to (?:the|a|an|this|their|new|recent)\s+(?:[\w-]+\s+){0,3}?(?:study"
        r"|studies|research|researchers|scientists|investigators|authors|team|findings"
        r"|analysis|trial|report|survey)\b",
        r"\b(?:researchers|scientists|investigators|authors|(?:study |research |the )team)"
        r"\s+(?:\w+\s+){0,2}?(?:say|says|said|report|reports|reported|note|notes|noted"
        r"|conclude|concludes|concluded|wrote|write|believe|suggest|suggested)\b",
    ),
    # "The study found that…": fine when the post links the study or names it up front.
    back_references=_patterns(
        r"\ba new (?:\w+\s+)?(?:study|trial|analysis|review|report)\b",
        r"\b(?:the|this|that|these|our)\s+(?:(?:new|latest|current|recent|same|whole"
        r"|present|larger|original)\s+)?(?:study|studies|trial|trials|review|analysis"
        r"|research|researchers|authors|findings|results|data|report|paper|team"
        r"|scientists)\b",
    ),
    # A study's results worded as results: "The results:", its groups and arms, its
    # participants, "in the trial". Not "compared with placebo", the way a press release
    # words its finding.
    results=_patterns(
        r"^\W*(?:the\s+)?(?:results|findings)\s*:|\b(?:(?:the|each|either|both|other|first"
        r"|second)\s+(?:[\w-]+\s+){0,2}?(?:group|arm|cohort)s?|(?:participants|volunteers"
        r"|subjects)\b|in (?:the|this|that|each|both) (?:[\w-]+\s+){0,2}?(?:study|trial))\b"
    ),
    lede=_LEDE,
    # A claim credited to "a new study" is still reported in a story about a study: the
    # credit names none. (A result worded as one in the lede is the lede's own study: "In
    # the trial, X reduced vomiting".)
    covers=frozenset({"results"}),
    # A result told in the past tense ("the drug reduced relapses by 54%") is the result of
    # the study the story names in the paragraphs around it, or in its lede...
    reported_window="nearby",
    # ...but the lede's study answers only for the claims on its subject.
    lede_topic=True,
)

# Words in "-ed" that mostly describe a noun ("an increased risk", "estimated",
# "diagnosed"), not a figure's past tense.
_DESCRIBING = (
    "increased|decreased|elevated|reduced|lowered|raised|added|advanced|based|limited"
    "|related|needed|used|called|named|considered|estimated|expected|projected|predicted"
    "|associated|linked|infected|affected|diagnosed|untreated|treated|inherited|unexplained"
    "|undiagnosed|detailed|skilled|trained|qualified|supervised|processed|refined|saturated"
    "|fortified|sweetened|aged|married|insured|uninsured|experienced|established|complicated"
    "|concerned|involved|allowed|recommended|required|approved|licensed|registered"
    "|prescribed|scheduled|planned|published"
)
_PAST = rf"(?!(?:{_DESCRIBING})\b)(?-i:[a-z]{{2,}}[a-df-z]ed)"

FIGURES = StudyReading(
    # How a news story credits its own study ("…, a small study suggests.", "A study finds
    # that…"): in a story about a study it is that study. On a blog it is an appeal to
    # research like any other.
    credits=_patterns(
        r",\s*(?:\w+\s+){0,5}(?:study|trial|review|survey|analysis)\s+(?:suggests?|finds"
        r"|found|shows?|showed|reports?|reported)(?:\s+\w+){0,2}\W*(?:$|,)",
        r"(?:^|--|—|:)\W*(?:(?:now|but|and|for the first time),?\s+)?a\s+(?:\w+\s+){0,2}?"
        r"(?:study|trial|review|survey|analysis)\s+(?:suggests?|finds|found|shows?|showed)\b",
    ),
    back_references=_patterns(
        # "New research suggests", "two new studies find": a news story's own study, named
        # further down.
        r"\b(?:new|newly published|(?:two|three|several) new)\s+(?:[\w-]+\s+){0,2}?(?:study"
        r"|studies|research|trial|trials|analysis|review|report|survey)\b",
        # "…, a German review of studies has found": a study known by where it was done.
        r"\b(?:a|an)\s+(?-i:[A-Z])[\w-]+\s+(?:study|trial|analysis|review|report|survey)\b",
        # "…, preliminary research suggests.": a story's own study, not earlier studies.
        r"\b(?:preliminary|early-stage|pilot)\s+(?:\w+\s+)?(?:study|research|trial"
        r"|analysis)\b",
        r"\b(?:the|this|that|these|our|both)\s+(?:(?:new|latest|current|recent|same|whole"
        r"|present|larger|original)\s+)?(?:study|studies|trial|trials|review|analysis"
        r"|research|researchers|scientists|investigators|authors|findings|results|data"
        r"|report|paper|team|survey)\b",
    ),
    # A trial's own numbers, in a story about that trial. Results are told in the past
    # tense ("lost 8%"); background figures in the present ("affects 20% of adults") still
    # need a source of their own.
    results=_patterns(
        r"\b(?:researchers|investigators|scientists|authors) (?:say|said|says|believe|found"
        r"|reported|report|note|noted|wrote|concluded|estimate|estimated|suggest|suggested"
        r"|suggests|added|explained|caution|cautioned|warn|warned)\b",
        r"\b(?:was|were|had|did(?:n['’]t)?|showed|found|lost|gained|experienced|developed"
        r"|died|dropped|fell|rose|declined|received|took|got|saw|came|achieved|reached"
        r"|needed|became|remained|reported(?! to\b)|suffered|improved|responded|survived"
        r"|recovered|shrank|stopped|continued|lived|worked)\b",
        # A past effect: "the pills lowered the risk of other cancers by 12%". Not after an
        # article, where the word describes a risk ("an increased risk"); the words that
        # are as often adjectives ("increased urgency") only with an object after them.
        r"(?<!\ba )(?<!\ban )(?<!\bthe )\b(?:lowered|boosted|halved|doubled|tripled|slashed"
        r"|prevented|eased|relieved|slowed|halted)\b|\b(?:reduced|increased|decreased|raised"
        r"|cut)\s+(?:the|their|its|overall|total|risk|rates?|deaths?|mortality|symptoms)\b",
        r"\bin (?:the|this|that|each|both) (?:[\w-]+\s+){0,2}?(?:study|trial|analysis"
        r"|survey)\b",
        # Any other verb in the past tense, told of the figure ("56% alternated shoes",
        # "Cancer disappeared in nine (24 percent)").
        r"\d(?:%|\s?percent)\)?,?\s+(?:of\s+(?:the\s+|those\s+|them\s+)?"
        r"(?:(?!(?:is|are|be|been|was|were)\b)[\w-]+\s+){0,3}?)?" + _PAST + r"\b"
        r"|\b" + _PAST + r"\s+(?:[\w-]+\s+){0,3}?in\s+(?:\w+\s+)?\(?\d+(?:\.\d+)?\s?"
        r"(?:%|percent)",
        r"\b(?:placebo|participants?|subjects|volunteers|enrolled|randomi[sz]ed|control group"
        r"|treatment group|(?:the|each|either|both|other|first|second)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:group|arm|cohort)s?|(?:of|among)\s+(?:the|these|those)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:patients|participants|volunteers|subjects|recipients)|(?:patients|people|women"
        r"|men|children|adults|those) (?:who|taking|receiving|given|treated|on the)"
        r"|compared (?:with|to)|versus|vs\.?)\b",
    ),
    # Numbers, and what "researchers found", can be the results of the study the post is
    # about; "studies show" and "experts say" are never excused this way.
    reportable=_patterns(
        r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b",
        r"\b(?:researchers|investigators|scientists)\b",
    ),
    lede=_LEDE,
    covers=frozenset({"results", "back_references", "credits"}),
    # A story names its study once, often far from the figures: anywhere in the post.
    reported_window="post",
)

READINGS: Mapping[ReadingName, StudyReading] = {"causes": CAUSES, "figures": FIGURES}
