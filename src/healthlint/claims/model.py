"""How strongly a sentence claims that one thing affects another.

A rule-based reading in the four classes of Yu, Li & Wang (2019): no claim, correlational
("is associated with"), conditional causal ("may reduce") and direct causal ("reduces").
Every decision points at the words that made it, so a finding can say *why* a sentence
reads as a causal claim. Negation and questions are reported separately: "X does not
cause Y" is still a direct causal statement, but a linter may choose to let it pass.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from healthlint.claims.curated import EffectVerb, effect_verbs
from healthlint.claims.vocabulary import COMPARED, NO_SUBJECT, ends_with
from healthlint.core.model import DEFAULT_GENRE
from healthlint.core.pattern import Pattern
from healthlint.language.prefilter import FastPattern, lower_text


class Strength(enum.IntEnum):
    NONE = 0
    CORRELATIONAL = 1
    CONDITIONAL = 2
    DIRECT = 3


@dataclass(frozen=True, slots=True)
class Reading:
    strength: Strength
    cue: tuple[int, int] | None
    """Offsets of the words that decided the class, within the sentence."""
    question: bool = False
    reported: bool = False
    """The verb is in the past tense: a study's result being reported ("X reduced Y"),
    rather than a general claim ("X reduces Y")."""
    verbal: bool = False
    """The cue is a causal verb ("reduces"), not a noun or adjective ("effective",
    "benefits", "plays a role in"): the plainest form of a causal claim."""
    denied: bool = False
    """The causal verb itself is negated ("did not reduce", "never cures"): a claim of no
    effect. A negation elsewhere ("without side effects") leaves the claim standing."""
    participle: bool = False
    """The verb heads a participle clause ("…, resulting in weight loss"): what the main
    clause's subject does, told in passing."""


def inflect(base: str) -> tuple[str, str, str, str]:
    """(base, third person, past, gerund) of a regular English verb."""
    if base.endswith("e"):
        return base, base + "s", base + "d", base[:-1] + "ing"
    if base.endswith("y") and base[-2] not in "aeiou":
        return base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"
    # Only a stressed final syllable doubles its consonant ("cut", "stop"); none of the
    # longer verbs here stresses it ("weakened", "elicited", "inhibited").
    one_syllable = len(re.findall(r"[aeiouy]+", base)) == 1
    if one_syllable and re.search(r"[^aeiou][aeiou][bdgmnpt]$", base):
        return base, base + "s", base + base[-1] + "ed", base + base[-1] + "ing"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return base, base + "es", base + "ed", base + "ing"
    return base, base + "s", base + "ed", base + "ing"


# The verbs that state an effect are curated data (``knowledge/verbs.csv``): those read in
# any genre, and the causal wordings health blogs use that research prose rarely does
# (issue 27), read in blogs only (see ``_wording``): a verb ("amplifies"), a verb with its
# particle ("drives up"). Other blog wordings are read here too: a cause named as a noun
# ("a driver of"), perfect tenses ("has reduced"), a headline's plural subject ("Statins
# lower stroke risk") and an effect told whole ("had no measurable effect.").
_TAGS = ("base", "third", "past", "gerund", "past")


def _forms(verbs: Iterable[EffectVerb]) -> dict[str, str]:
    """Each word form of the verbs -> "base" | "third" | "past" | "gerund"."""
    forms: dict[str, str] = {}
    for verb in verbs:
        for tag, form in zip(_TAGS, verb.spelled(), strict=False):
            for spelled in [f"{form} {particle}" for particle in verb.particles] or [form]:
                forms.setdefault(spelled, tag)
    return forms


_NEWS_FORMS = _forms(effect_verbs("model"))
_BLOG_FORMS = _forms(
    [*effect_verbs("model"), *effect_verbs("model-blogs"), *effect_verbs("particle")]
)


def causal_verb_forms(tag: str) -> frozenset[str]:
    """The causal verbs' forms of one kind, as a blog is read: "base", "third", "past" or
    "gerund"."""
    return frozenset(form for form, kind in _BLOG_FORMS.items() if kind == tag)


_WORD = Pattern.lazy(r"[\w'’-]+")
_MAX_PHRASE = 3
_DIRECT_MODALS = frozenset(
    "can cannot will does do did shall must can't won't don't doesn't didn't".split()
    + "can’t won’t don’t doesn’t didn’t".split()
)
_HEDGE_MODALS = frozenset(
    "may might could would should couldn't wouldn't shouldn't couldn’t wouldn’t shouldn’t".split()
)
_TO_DIRECT = frozenset(
    "shown found proven proved demonstrated able help helps helped helping serve serves "
    "served known observed reported necessary sufficient critical crucial essential".split()
)
_TO_HEDGED = frozenset(
    "appear appears appeared seem seems seemed likely unlikely tend tends tended expected "
    "thought believed hypothesized hypothesised predicted suggested speculated assumed "
    "potential potentially".split()
)
_SEEM = frozenset("appear appears appeared seem seems seemed".split())
_TO_INTENT = frozenset(
    "designed aimed aim aims intended needed need needs used required sought try tried "
    "attempt attempted order strategies strategy ways efforts effort how wish want plan meant "
    "planned failed fail fails".split()
)
_BEFORE_ADJECTIVE = frozenset(
    "with of a an the and or in for from among to had have has showed shows show "
    "demonstrated revealed found reported experience experiences experienced exhibited "
    "having significantly at so too very "
    "this that these those their its our any no more less include includes included "
    "including toward towards on percent cent out most".split()
)
# Participles that are often adjectives ("reduced risk"); the rest rarely are ("caused").
_ADJECTIVAL = frozenset(
    "reduced increased decreased improved elevated lowered impaired altered enhanced "
    "diminished prolonged delayed affected damaged restricted activated limited raised "
    "shortened lengthened weakened strengthened suppressed inhibited stimulated depleted "
    "treated induced augmented attenuated accelerated slowed restored burned extended".split()
)
# Base forms that are as often adjectives or nouns ("lower blood pressure than", "a slow
# decline", "nerve damage"): verbs only after a modal or "to".
_AMBIGUOUS_BASE = frozenset(
    "lower slow double cut damage halve influence impact benefit raise increase decrease "
    "cause alter combat burn cleanse detox flush ease triple drive".split()
)
_OBJECT_DETERMINERS = frozenset("the your their its our his her these those".split())
_DETERMINERS = frozenset(
    "a an the this that these those their its our his her your any no some each every all "
    "significant marked modest small large further similar greater".split()
)
_OBJECT_START = frozenset("the a an our their its his her your this these those".split())
_COPULAS = frozenset("was were is are".split())
# Whom a purpose helps: "to help them reduce".
_HELPED = frozenset("them him her us you people patients women men children".split())
_POPULATIONS = frozenset(
    "mice rats animals humans people patients children adults women men monkeys dogs".split()
)
# "results in three hours": how soon a test gives its result, not what something causes.
_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten"
_NUMBER = Pattern.lazy(rf"(?:\d[\d.,]*|{_NUMBER_WORDS})$")
_DURATIONS = frozenset("seconds minutes hours days weeks months".split())
_PERIODS = frozenset("day week month year night time while".split())
_BY_AMOUNT = frozenset(
    "half about nearly almost approximately roughly around up over as one-third "
    "one-quarter two-thirds".split()
)
# Verbs that take a noun phrase, so a participle after them is an adjective: "means
# decreased odds", "repair damaged DNA".
_BEFORE_NOUN_PHRASE = frozenset(
    "means mean meant indicates indicate indicated reflects reflect reflected signals signal "
    "repair repairs repairing replace replaces replacing".split()
)
# Finite verbs whose object follows, so an -s form right after them is a plural noun.
_TAKES_OBJECT = _BEFORE_NOUN_PHRASE | frozenset(
    "makes make made has have had gives give gave needs need needed obtain obtains obtained "
    "provide provides provided offer offers offered receive receives received".split()
)
# "diarrhea, nausea, rash, fatigue decreased appetite": a list of single words, one comma
# short, ends with a participle used as an adjective.
_WORD_LIST = Pattern.lazy(r"(?:\b[\w-]+,\s+){2,}[\w-]+\s+$")
_PASSIVE = frozenset("was were is are be been being become became get got".split())
# After a verb, these mean it has no object: "rates increased in 2019", "rose with age".
_INTRANSITIVE_FOLLOWERS = frozenset(
    "in of with for to after over across among during from at than compared versus vs since until "
    "between within throughout following before when while as per by enough on if unless "
    "because though although".split()
)
# "reduced each year", "lowers every time": how often, not what.
_BLOG_INTRANSITIVE_FOLLOWERS = _INTRANSITIVE_FOLLOWERS | {
    "each",
    "every",
    "under",
    "into",
    "inside",
    "through",
    "around",
}
_PREPOSITIONS = frozenset(
    "of with in for from among at on toward towards about without including".split()
)
_PARTICIPLE_CLAUSE = frozenset({"thereby", "thus", "so", "hence"})
# How often: after a word in "s" it makes that word a noun ("Cleanses often involve");
# the blog wordings read the same words (``claims.blog``).
FREQUENCY_WORDS = ("often", "usually", "typically", "always", "sometimes", "generally")
_FREQUENCY = frozenset((*FREQUENCY_WORDS, "also"))
# Taking in advice, not a treatment: "can benefit from learning about…".
_TAKING_IN = frozenset(
    "learning knowing reading understanding hearing asking talking speaking watching".split()
)
# After a base or -s form, these make it a noun: "benefits and harms", "the benefits were".
_NOUN_FOLLOWERS = frozenset(
    "and or were are was is have has had of for outweigh outweighs outweighed include "
    "includes included remain remains remained can may might could will would should must "
    "involve involved require required contain contained need".split()
)
# "affects 2.6 million people", "affects men more often than women": how common a disease
# is and whom it strikes, not what it does.
_PREVALENCE = Pattern.lazy(
    rf"(?:\d+|{_NUMBER_WORDS}|hundreds|"
    r"thousands|millions|many|most|some|about|around|nearly|almost|roughly|approximately|up|"
    r"over|more|fewer|as|an|estimated|one-third|half|far|men|women|people|adults|children|"
    r"everyone|literally|mostly|mainly|largely|primarily|predominantly)$"
)
_AFFECT = frozenset(("affect", "affects", "affected", "affecting"))

_NOMINAL_DIRECT = FastPattern.for_sentences(
    Pattern.lazy(
        r"\b(?:effects?|impacts?|influences?)\b(?:\s+\w+){0,12}?\s+on\b"
        r"|\b(?:effective|ineffective)\b"
        r"|\bbenefi(?:cial|ts?)\b",
        re.IGNORECASE,
    )
)
# A nominal cue that names a topic rather than claims an effect: "to evaluate the impact
# of X on", "the safety and efficacy of", "provide effective strategies" (the adjective
# claims something only of a subject: "X is a safe and effective treatment").
_TOPIC = FastPattern.for_sentences(
    Pattern.lazy(
        r"\b(?:(?:evaluat|determin|examin|investigat|assess|explor|compar|measur|estimat|"
        r"understand|quantif)\w*|regarding|about|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$"
        r"|\b(?:studied|studying|tested|testing|analy[sz]ed|analy[sz]ing)\s+(?:the\s+)?"
        r"(?:[\w-]+\s+){0,2}$"
        r"|\b(?:safety|tolerability)\s+(?:and|or)\s+$",
        re.IGNORECASE,
    )
)
_SAFETY_AFTER = Pattern.lazy(r"\s+(?:and|or)\s+(?:safety|tolerability)\b", re.IGNORECASE)
_COPULA = FastPattern.for_sentences(
    Pattern.lazy(
        r"\b(?:is|are|was|were|be|been|being|proved|proven|remains?|found|demonstrat\w*|show(?:s|ed|n)?)\b",
        re.IGNORECASE,
    )
)


def _nominal(sentence: str, low: str | None) -> tuple[int, int] | None:
    """The first noun or adjective of efficacy that claims an effect."""
    for match in _NOMINAL_DIRECT.finditer(sentence, low):
        start, end = match.span()
        if _TOPIC.first(sentence, low, max(0, start - 40), start) is not None:
            continue
        if _SAFETY_AFTER.match(sentence, end):
            continue
        adjective = match.group().lower() in ("effective", "efficacious", "ineffective")
        if adjective and _COPULA.first(sentence, low, max(0, start - 50), start) is None:
            continue
        return start, end
    return None


# Efficacy stated of something, as a verb would: "is effective against", "had a marked
# effect on". The attributive use ("effective treatments for heart failure") is background.
_PREDICATIVE_SOURCE = (
    r"\b(?:is|are|was|were|be|been|being|proved|proven|remains?|remained)\s+"
    r"(?:(?:[\w-]+,?\s+){1,3}and\s+)?"  # "is safe, cheap and effective"
    r"(?:(?:\w+ly|very|as|equally|more|less|also|not|still|both)\s+){0,2}"
    r"(?:effective|efficacious|beneficial|protective|successful\s+(?:in|at)\s+\w+ing)\b"
    r"(?!\s+(?:treatments?|therap|(?:for|up to)\s+(?:\d|one|two|three|four|five|six|several|"
    r"about|up)))"
    # "Turmeric is an effective treatment for arthritis": what the subject is, said of
    # it. "There is an effective treatment" names no subject and stays background.
    r"|(?<!there )(?<!there's )\b(?:is|are|was|were|proved|proven|remains?|remained)\s+an?\s+"
    r"(?:[\w-]+,?\s+(?:and\s+)?){0,3}?(?:effective|efficacious)\s+"
    r"(?:treatments?|remed(?:y|ies)|therap(?:y|ies)|ways?|options?|cures?|medicines?|tools?"
    r"|methods?|approach(?:es)?|interventions?|strategy|means|alternatives?)\b"
    # "Omega-3s are good for your heart": a blog's way of saying "benefit".
    r"|\b(?:is|are|was|were)\s+(?:(?:\w+ly|very|really|so|also|especially)\s+)?"
    r"good\s+for\s+(?:your|the|our)\s+"
    r"(?:heart|brain|health|skin|gut|bones?|joints?|liver|kidneys?|eyes|eyesight"
    r"|teeth|immune system|blood pressure|memory|mood|digestion|sleep)\b"
    r"|\b(?:has|have|had|exerts?|exerted|showed|shows|produced?|produces|demonstrat(?:ed|es)"
    # Without a determiner, "have assessed the effect of" is a verb phrase.
    r"|confer(?:s|red)?|provides?|provided|confirmed)\s+(?:an?\s+|no\s+|the\s+|(?!(?:[\w-]+ed|been)\s))"
    r"(?:[\w-]+\s+){0,3}(?:effects?|impacts?|benefits?|influence|effectiveness|efficacy)"
    # "had no effect of X on Y"
    r"(?:\s+of\s+(?:[\w-]+\s+){1,3}?)?\s*(?:on|in|for|to|against)\b"
)
_PREDICATIVE = FastPattern.for_sentences(Pattern.lazy(_PREDICATIVE_SOURCE, re.IGNORECASE))
# In a blog, an effect told whole, its object understood: "did not have an additive
# effect.", "has an efficacy similar to that of surgery". Side effects are harms a drug
# has, not an effect it is said to have; "this", "that", "such" or "the same" effect takes
# back one already told ("Decaf coffee doesn't have this effect."): no new claim.
_BLOG_PREDICATIVE = FastPattern.for_sentences(
    Pattern.lazy(
        _PREDICATIVE_SOURCE + r"|\b(?:has|have|had)\s+(?:an?\s+|no\s+)?"
        r"(?:(?!(?:side|adverse|this|that|these|those|such|same|similar|opposite)\b)[\w-]+\s+)"
        r"{0,2}(?:effects?|impacts?|efficacy)(?:\s*[.;]|\s+(?:similar|comparable|equivalent)\b)",
        re.IGNORECASE,
    )
)
_NO_EFFECT = frozenset(("not", "no", "little", "any", "never"))
_PREDICATIVE_WORDS = (
    "effect",
    "efficac",
    "benefi",
    "protective",
    "impact",
    "successful",
    "good for",
)
_CORRELATIONAL = FastPattern.for_sentences(
    Pattern.lazy(
        r"(?<![\w-])(?:associat\w*|correlat\w*|linked|links?|linkage|relat(?:ed|ion|ionships?)"
        r"|predict\w*|risk factors?|odds|hazard ratio|tied to|connected (?:to|with)"
        r"|co-?occur\w*|(?:is|are|was|were) (?:more|less) (?:likely|common|frequent|prevalent)"
        r"|(?:higher|lower|greater|more|less|fewer) (?:\w+ ){0,5}(?:in|among|with) (?:\w+ ){0,6}"
        r"(?:than|compared|versus|vs))\b",
        re.IGNORECASE,
    )
)
_HEDGE = FastPattern.for_sentences(
    Pattern.lazy(
        r"\b(?:may|might|could|would|possibl[ey]|potential(?:ly)?|perhaps|probabl[ey]|plausibl[ey]"
        r"|appears? to|appeared to|seems? to|seemed to|tends? to|tended to"
        r"|thought to|believed to|hypothes[iz]\w*|speculat\w*|promising|putative)\b",
        re.IGNORECASE,
    )
)
# "Further studies are needed to determine the benefits of X": about future research.
_RESEARCH_AGENDA = FastPattern.for_sentences(
    Pattern.lazy(
        r"\b(?:further|future|more|larger|additional|longer-term)\s+(?:\w+\s+){0,3}"
        r"(?:research|studies|study|trials?|investigations?|analyses|evaluations?)\b"
        r"(?:\s+\w+){0,4}\s+(?:is|are|will be|would be)?\s*(?:needed|required|warranted|necessary)"
        r"|\b(?:further|future|more|larger|additional)\s+(?:\w+\s+){0,3}"
        r"(?:research|studies|trials?|investigations?)\s+(?:should|must|will|could|may)\b"
        r"|\b(?:requires?|merits?|deserves?)\s+(?:\w+\s+)?(?:further|more|particular|additional)\b"
        r"|\bit is hoped\b|\b(?:efforts|work) (?:are|is) (?:required|needed)\b"
        r"|\b(?:needed|required|warranted|necessary)\s+to\s+(?:determine|confirm|evaluate|assess|"
        r"explore|investigate|examine|establish|clarify|understand|elucidate)\b",
        re.IGNORECASE,
    )
)
# Roles and causes named as such: "plays a role in", "is a major cause of", "is largely
# responsible for". Like a role, a cause is said mostly of how an illness comes about, in
# background.
_ROLE = (
    r"\b(?:is|are|was|were|be|been|being)\s+protective\b|\bprotective\s+(?:effects?|factors?|roles?)\b"
    r"|\bplay(?:s|ed|ing)?\s+(?:an?\s+)?(?:\w+\s+){0,2}roles?\s+in\b"
)
_RESPONSIBLE = (
    r"|\b(?:is|are|was|were)\s+(?:\w+ly\s+)?responsible\s+for\b"
    r"|\b(?:critical|crucial|essential|necessary|vital|instrumental|pivotal)\s+"
    r"(?:to|for|in)\s+(?:\w+ing|the\s+\w+|successful|optimal)\b"
)
_OTHER_DIRECT = FastPattern.for_sentences(
    Pattern.lazy(
        _ROLE
        + r"|\b(?:is|are|was|were)\s+(?:an?|the)\s+(?:\w+\s+){0,2}?causes?\s+of\b"
        + _RESPONSIBLE,
        re.IGNORECASE,
    )
)
# A blog names a cause with more nouns: a contributor, a driver, a trigger or a culprit
# ("is a major contributor to heart disease", "is the culprit behind bloating", "is a
# common cause for headaches"); not a writer ("a contributor to this blog"), a vehicle's
# driver or a cause for concern.
_BLOG_OTHER_DIRECT = FastPattern.for_sentences(
    Pattern.lazy(
        _ROLE + r"|\b(?:is|are|was|were|be|been|remains?)\s+(?:an?|the|one\s+of\s+the)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:causes?\s+(?:of|for)(?!\s+(?:concern|alarm|celebration|optimism"
        r"|hope|caution|worry|excitement|complaint)\b)|contributors?\s+to(?!\s+(?:(?:this|that|our"
        r"|the|his|her|their|a|an|its|your)\s+)?(?:[\w'’-]+\s+){0,2}(?:blog|site|website|newsletter"
        r"|magazine|journal|podcast|column|book|paper|newspaper|series|show|fund|campaign|project"
        r"|report|debate|discussion|issue|edition|team|charity|page|article)s?\b)"
        r"|drivers?\s+of(?!\s+(?:(?:the|a|an|his|her|their|our)\s+)?(?:[\w-]+\s+)?(?:car|bus"
        r"|truck|lorry|van|vehicle|ambulance|taxi|cab|train|tractor)s?\b)"
        r"|culprits?\s+(?:behind|of|for|in)|triggers?\s+(?:of|for))\b" + _RESPONSIBLE,
        re.IGNORECASE,
    )
)
_PRESUMING_HEADING = Pattern.lazy(r"\W*(?:how|why)\b", re.IGNORECASE)
_NO_DIRECTION = frozenset(("affect", "affects", "impact", "impacts", "influence", "influences"))
_EMBEDDED_QUESTION = FastPattern.for_sentences(
    # "What's more, …" adds a point; it asks nothing.
    Pattern.lazy(
        # "Dairy is what sets off your migraines" answers; it asks nothing either, nor
        # does "…, which is why keto works".
        r"\b(?:whether|if|how|(?<!\bis\s)(?<!['’]s\s)why|(?<!\bis\s)(?<!\bare\s)(?<!['’]s\s)"
        r"what(?!['’]s\s+more\b|\s+is\s+more\b))\b"
        # "to see which drug resulted in better outcomes"
        r"|\b(?:see|know|determine|find out|learn|tell|compare|assess|predict)\s+(?:which|who)\b",
        re.IGNORECASE,
    )
)


@dataclass(frozen=True, slots=True)
class _Wording:
    """The words the model reads a claim in, for one genre of writing."""

    forms: Mapping[str, str]
    """Causal verb forms -> "base" | "third" | "past" | "gerund"."""
    first_words: frozenset[str]
    """The first word of every verb form: a sentence sharing none of them has no causal
    verb, and only the sentences that do get the word-by-word analysis."""
    intransitive_followers: frozenset[str]
    predicative: FastPattern
    other_direct: FastPattern
    blog: bool
    """Perfect tenses ("has reduced"), a headline's plural subject before a base form
    ("Statins lower stroke risk") and a negation before a stated effect ("did not have a
    measurable effect.") are read."""


def _wording_of(
    forms: Mapping[str, str],
    followers: frozenset[str],
    predicative: FastPattern,
    other_direct: FastPattern,
    blog: bool,
) -> _Wording:
    first_words = frozenset(form.split()[0] for form in forms)
    return _Wording(forms, first_words, followers, predicative, other_direct, blog)


_NEWS = _wording_of(_NEWS_FORMS, _INTRANSITIVE_FOLLOWERS, _PREDICATIVE, _OTHER_DIRECT, False)
_BLOG = _wording_of(
    _BLOG_FORMS, _BLOG_INTRANSITIVE_FOLLOWERS, _BLOG_PREDICATIVE, _BLOG_OTHER_DIRECT, True
)


def _wording(genre: str) -> _Wording:
    """What the model reads as a claim in this genre. The causal wordings of issue 27
    (the verbs read in blogs only and the rest) are blog wording: on 1,614 news stories a
    medical editor, reading blind, judged 2 of the 13 findings they added worth a writer's
    time; the rest were history, textbook mechanisms and results a story had already
    credited. News is read as research prose is."""
    return _NEWS if genre == "news" else _BLOG


def read(sentence: str, genre: str = DEFAULT_GENRE) -> Reading:
    """How strongly ``sentence`` claims an effect, read as the ``genre`` of writing."""
    question = ends_with(sentence, "?")
    # The patterns' lower-cased twins search this copy: much faster than ignoring case.
    low = lower_text(sentence)
    lowered = sentence.lower() if low is None else low
    reading = _classify(sentence, low, lowered, question, _wording(genre))
    # Most sentences claim nothing: the agenda is looked for only in those that do.
    if reading.strength is not Strength.NONE and _RESEARCH_AGENDA.first(sentence, low):
        return Reading(Strength.NONE, None, question)
    return reading


def _classify(
    sentence: str, low: str | None, lowered: str, question: bool, wording: _Wording
) -> Reading:
    correlational = _CORRELATIONAL.first(sentence, low)
    verb = _causal_verb(sentence, lowered, wording)
    found = None if verb is None else (verb.strength, verb.span)
    reported = denied = participle = False
    verbal = found is not None
    if verb is not None:
        cue_words = sentence[verb.span[0] : verb.span[1]].lower().split()
        reported = wording.forms.get(" ".join(cue_words[-1:])) == "past" or any(
            w in ("was", "were", "had", "did") for w in cue_words
        )
        denied = _denied(sentence, low, verb.span)
        participle = verb.participle
    # The main clause's "has an effect on" goes before a participle clause after it.
    if found is None or participle:
        has_cue = _has_efficacy_word(lowered)
        predicate = wording.predicative.first(sentence, low) if has_cue else None
        if predicate is not None:
            found = Strength.DIRECT, predicate.span()
            verbal = True
            cue = predicate.group().lower()
            denied = not _NO_EFFECT.isdisjoint(cue.split()) or (
                wording.blog and _denied(sentence, low, predicate.span())
            )
            participle = reported = False
    # A noun or a role ("the prevention of", "plays a role in") counts only where the
    # sentence is not correlational: it is not looked for in one that is.
    if found is None and not correlational:
        role = wording.other_direct.first(sentence, low)
        other = role.span() if role is not None else _nominal(sentence, low)
        if other is not None:
            found = Strength.DIRECT, other
    if found is not None:
        strength, span = found
        if strength is Strength.DIRECT and _hedged(sentence, low, span):
            strength = Strength.CONDITIONAL
        if correlational and correlational.start() < span[0]:
            return Reading(Strength.CORRELATIONAL, correlational.span(), question)
        # "whether supplements can curb the risk" asks; it does not claim.
        # A label before a colon asks nothing of what follows it: "Why hydration matters:
        # eight glasses of water a day flush…".
        label_end = sentence.rfind(":", 0, span[0]) + 1
        embedded = _EMBEDDED_QUESTION.first(sentence, low, label_end, span[0])
        # A blog's heading (no full stop) that opens on "How" or "Why" tells the effect it
        # presumes ("How Going Dairy-Free Cured My Son's Ear Infections"), unless the
        # effect has no direction ("How coffee affects your liver" names a topic); a
        # sentence that opens so asks ("How exactly acupuncture relieves pain is unclear.").
        heading = (
            _PRESUMING_HEADING.match(sentence, label_end)
            if wording.blog and not ends_with(sentence, ".")
            else None
        )
        if (
            embedded is not None
            and heading is not None
            and embedded.start() < heading.end()
            and _NO_DIRECTION.isdisjoint(sentence[span[0] : span[1]].lower().split())
        ):
            embedded = _EMBEDDED_QUESTION.first(sentence, low, heading.end(), span[0])
        return Reading(
            strength,
            span,
            question or bool(embedded),
            reported,
            verbal,
            denied,
            participle,
        )
    if correlational:
        return Reading(Strength.CORRELATIONAL, correlational.span(), question)
    return Reading(Strength.NONE, None, question)


_COMPARED_CLAUSE = Pattern.lazy(rf"\b(?:{COMPARED})\b", re.IGNORECASE)


def _hedged(sentence: str, low: str | None, cue: tuple[int, int]) -> bool:
    """Whether a hedge qualifies the claim: one before it or in its clause. A hedge in a
    later clause is about something else ("improved endothelial function, possibly
    through reducing glucose excursions"), and so is one in a comparison or a result
    after it ("wards off colds better than any flu jab could", "balances blood sugar so
    well that you may be able to…")."""
    hedge = _HEDGE.first(sentence, low)
    if hedge is None:
        return False
    between = sentence[cue[1] : hedge.start()]
    return hedge.start() < cue[1] or not (
        any(c in between for c in ",;") or _COMPARED_CLAUSE.search(between) is not None
    )


# A negation in the words just before the verb, within its clause: "did not reduce",
# "has never been shown to cure", "cannot prevent", "no longer raises".
_DENIAL = FastPattern.for_sentences(
    Pattern.lazy(
        # "not only reduces … but also improves" asserts both: it is no denial.
        r"(?:\b(?:not(?!\s+(?:only|just|merely|simply)\b)|never|cannot|no longer)|n['’]t)"
        r"(?:\s+[\w-]+){0,3}\s*$",
        re.IGNORECASE,
    )
)


# A subject that says none does it: "No supplement can cure diabetes".
_NO_SUBJECT = FastPattern.for_sentences(Pattern.lazy(NO_SUBJECT, re.IGNORECASE))


def _denied(sentence: str, low: str | None, cue: tuple[int, int]) -> bool:
    """Whether the verb is negated; the cue may start with its modal ("cannot prevent")."""
    verb_start = cue[1] - len(sentence[cue[0] : cue[1]].split()[-1])
    window = max(0, cue[0] - 60)
    return (
        _DENIAL.first(sentence, low, window, verb_start) is not None
        or _NO_SUBJECT.first(sentence, low, window, verb_start) is not None
    )


def has_causal_word(sentence: str, genre: str = DEFAULT_GENRE) -> bool:
    """Whether the sentence has the first word of a causal verb form or a word of efficacy:
    without one it makes no verbal causal claim, and the analysis can be skipped."""
    lowered = sentence.lower()
    return _has_efficacy_word(lowered) or _has_verb_word(lowered, _wording(genre))


def _has_efficacy_word(lowered: str) -> bool:
    return any(word in lowered for word in _PREDICATIVE_WORDS)


def _has_verb_word(lowered: str, wording: _Wording) -> bool:
    return not wording.first_words.isdisjoint(_WORD.findall(lowered))


class _Verb(NamedTuple):
    strength: Strength
    span: tuple[int, int]
    participle: bool


def _causal_verb(sentence: str, lowered: str, wording: _Wording) -> _Verb | None:
    """The first causal verb used as a verb, and how strongly it is asserted. A verb of
    the sentence's own clause goes before one in a participle clause: in "In his study,
    doubling the dose doubled the risk" the gerund is the subject."""
    if not _has_verb_word(lowered, wording):
        return None
    participle: _Verb | None = None
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(sentence)]
    # Adverbs ("significantly reduced") say nothing about whether a word is a verb.
    words = [t for t in tokens if not _is_adverb(t[2])]
    for index in range(len(words)):
        if words[index][2] not in wording.first_words:
            continue  # no verb form starts with this word
        for length in range(min(_MAX_PHRASE, len(words) - index), 0, -1):
            phrase = " ".join(w[2] for w in words[index : index + length])
            form = wording.forms.get(phrase)
            if form is not None:
                break
        else:
            continue
        start, end = words[index][0], words[index + length - 1][1]
        if index and sentence[start].isupper() and not _title_case(sentence, words):
            continue  # a name mid-sentence ("with Ken Burns Presents"), not a verb
        # Punctuation between the previous word and this one starts a new phrase, as does an
        # opening quote mark (a "trigger" site); a closing bracket ends an aside ("doses (in
        # single or multiple doses) reduced levels").
        gap = sentence[words[index - 1][1] : start] if index else ""
        # Punctuation right after it means no object follows ("Nerve Damage: ...").
        gap_after = sentence[end : words[index + length][0]] if index + length < len(words) else ""
        if phrase in _ADJECTIVAL and _WORD_LIST.search(sentence, max(0, start - 80), start):
            continue
        if phrase in _MULTIPLES and _AMOUNT.search(sentence, max(0, start - 20), start):
            continue
        boundary = not index or any(c in gap for c in ',;:("“—–')
        if form == "base" and not boundary and words[index - 1][2] == "then":
            # "Heat the oil, then lower the heat": the next step of a recipe or an
            # instruction, as after a comma.
            before_then = sentence[words[index - 2][1] : words[index - 1][0]] if index > 1 else ","
            boundary = any(c in before_then for c in ",;:")
        strength = _assertion(
            phrase,
            form,
            boundary,
            words[max(0, index - 3) : index],
            [] if any(c in gap_after for c in ",;:()—–") else words[index + length :],
            wording,
            _MANNER.search(gap) is not None,
        )
        if strength is not None:
            cue_start = words[index - 1][0] if strength and _has_modal(words, index) else start
            previous = words[index - 1][2] if index else ""
            if form == "gerund" and previous not in _PARTICIPLE_CLAUSE:
                participle = participle or _Verb(strength, (cue_start, end), True)
                continue
            return _Verb(strength, (cue_start, end), False)
    return participle


def _title_case(sentence: str, words: list[tuple[int, int, str]]) -> bool:
    """Whether most longer words are capitalised, as in a headline ("Coffee Prevents
    Liver Cancer"): there a capital letter does not mark a name."""
    longer = [start for start, end, _ in words if end - start > 3]
    return sum(sentence[start].isupper() for start in longer) * 2 > len(longer)


# "almost double the 12.6 months", "more than triple the rate": an amount, not a verb.
_MULTIPLES = frozenset(("double", "triple", "quadruple"))
_AMOUNT = Pattern.lazy(
    r"\b(?:almost|nearly|about|roughly|approximately|around|over|than|at least|up to)\s+$",
    re.IGNORECASE,
)
# "Pilates and walking positively impact quality of life": an adverb of manner makes an
# ambiguous base form a verb, except where it is as often a comparative ("markedly lower").
_MANNER = Pattern.lazy(r"\w\w\wly\s+$", re.IGNORECASE)
_MANNER_VERBS = _AMBIGUOUS_BASE - {"lower", "slow", "double", "halve"}
_ADVERBS = frozenset("better further also even just still greatly always almost".split())
_MODALS = _DIRECT_MODALS | _HEDGE_MODALS


def _is_adverb(word: str) -> bool:
    if word in _ADVERBS:
        return True
    return word.endswith("ly") and len(word) > 4 and word not in ("only", "early", "daily")


def _has_modal(words: list[tuple[int, int, str]], index: int) -> bool:
    return index > 0 and words[index - 1][2] in _MODALS


# "has": a perfect tense ("The sugar tax has reduced soda sales") unless it means
# possession, as after "do" or a person ("do not have impaired perception", "children
# have increased insulin levels"), or before a state a person has ("have reduced risk").
_PERFECT = frozenset(("has", "have", "'ve", "’ve"))
_POSSESSION_BEFORE = _POPULATIONS | frozenset(
    "do does did don't doesn't didn't don’t doesn’t didn’t not who participants subjects "
    "individuals survivors smokers users girls boys infants i we you they some many most "
    "few others those".split()
)
_STATES = frozenset(
    "risk risks odds likelihood chance chances susceptibility sensitivity function "
    "perception expression activity capacity tolerance mobility levels".split()
)


def _perfect(previous: str, two_back: str, following: str) -> bool:
    return previous in _PERFECT and two_back not in _POSSESSION_BEFORE and following not in _STATES


# A plural noun ends in "s", but so do these verbs and words that are no noun: "shows
# lower rates", "is lower", "thus lower".
_S_NOT_PLURAL = _TAKES_OBJECT | frozenset(
    "is was has does this its his us thus plus less unless always perhaps whereas across yes "
    "suggests shows indicates demonstrates reveals requires includes yields produces offers "
    "results seems appears remains becomes means was as".split()
)
_PLURAL = Pattern.lazy(r"[a-z][\w'’-]*[^su'’]s$")


def _headline_subject(before: list[tuple[int, int, str]], forms: Mapping[str, str]) -> bool:
    """Whether the words before an ambiguous base form ("lower", "raise") end in a plural
    subject with nothing before it but its modifiers, as a headline is written without
    articles: "Statins lower stroke risk", "Fizzy drinks raise diabetes risk". After a
    preposition the same words are a noun phrase ("in statins lower doses")."""
    if not before:
        return False
    previous = before[-1][2]
    # People as the subject do something ("patients cut 50 pounds"); they cause nothing.
    if previous in _S_NOT_PLURAL or previous in forms or previous in _POSSESSION_BEFORE:
        return False
    if _PLURAL.match(previous) is None:
        return False
    two_back = before[-2][2] if len(before) > 1 else ""
    return two_back not in _PREPOSITIONS and two_back not in _BEFORE_ADJECTIVE


def _assertion(
    phrase: str,
    form: str,
    boundary: bool,
    before: list[tuple[int, int, str]],
    after: list[tuple[int, int, str]],
    wording: _Wording,
    manner: bool = False,
) -> Strength | None:
    """How a causal verb form is asserted, given up to three words before and the rest,
    and whether an adverb of manner comes right before it ("positively impact")."""
    previous = before[-1][2] if before else ""
    two_back = before[-2][2] if len(before) > 1 else ""
    if previous in ("not", "never") and two_back:
        previous, two_back = two_back, before[-3][2] if len(before) > 2 else ""
    following = after[0][2] if after else ""
    if form == "gerund":
        # "…, resulting in weight loss", "…, thereby reducing costs": a participle clause
        # says what the subject does.
        has_object = bool(following) and following not in wording.intransitive_followers
        clause = previous in _PARTICIPLE_CLAUSE or (boundary and bool(before) and has_object)
        return Strength.DIRECT if clause else None
    if previous in _HEDGE_MODALS or previous in _SEEM:
        return Strength.CONDITIONAL  # "may reduce", "appear cured"
    if previous in _DIRECT_MODALS:
        # "broken hearts can heal.", "new drugs can cure, but…", "use did increase over
        # time": no object, no claim of an effect on something. "can benefit from" names
        # the cause after it.
        if phrase == "benefit" and following == "from":
            # What one learns is no cause of health: "can benefit from learning about…".
            after_from = after[1][2] if len(after) > 1 else ""
            return None if after_from in _TAKING_IN else Strength.DIRECT
        if following and following not in wording.intransitive_followers:
            return Strength.DIRECT
        return None
    three_back = before[-3][2] if len(before) > 2 else ""
    if previous in _HELPED and two_back in ("help", "helps") and three_back == "to":
        return None  # "counselling to help them reduce their intake": a purpose
    if previous in ("help", "helps", "helped") and two_back == "to":
        # "took estrogen to help alleviate hot flashes" is a purpose; "was shown to help
        # reduce" a claim.
        previous, two_back = "to", three_back
    if previous == "to":
        if two_back in _TO_HEDGED:
            return Strength.CONDITIONAL
        return Strength.DIRECT if two_back in _TO_DIRECT else None
    if boundary and form == "base":
        return None  # "…, restrict fluid intake, increase activity": a list of instructions
    if boundary and phrase in _ADJECTIVAL:
        return None  # "Reduced HDL, elevated FBG": a list of findings, not a verb
    if previous in _PASSIVE:
        # "was reduced by X" names a cause; "was increased in women" describes a difference,
        # and "was reduced by 10 percent" says how much, naming no cause.
        amount = [word for _, _, word in after[1:3]]
        by_amount = bool(amount) and (
            _NUMBER.match(amount[0]) is not None
            or amount[0] in _BY_AMOUNT
            or amount == ["more", "than"]
        )
        return Strength.DIRECT if following == "by" and not by_amount else None
    if (
        form == "base"
        and phrase in _AMBIGUOUS_BASE
        and not (manner and phrase in _MANNER_VERBS)
        and following not in _OBJECT_DETERMINERS
        and not (wording.blog and _headline_subject(before, wording.forms))
    ):
        # The modal and "to" cases were handled above. A determiner cannot follow an
        # adjective or a noun: "Statins lower the risk" is a verb.
        return None
    # "This leads to": a singular demonstrative cannot take a plural noun, so an -s form
    # after it is a verb. After "that" it is as often a relative clause describing a noun
    # ("a drug that decreases testosterone"), background rather than the sentence's claim.
    pronoun_subject = form == "third" and previous == "this"
    if not before or (previous in _DETERMINERS and not pronoun_subject) or previous in _TO_INTENT:
        return None  # imperative, a noun ("a decrease"), or intent ("aimed to reduce")
    if not following or following in wording.intransitive_followers:
        return None  # no object: "rates increased in 2019", "levels rose"
    if form in ("base", "third") and following in _NOUN_FOLLOWERS:
        return None
    # "Cleanses often involve…": a noun, an adverb of how often, then its verb.
    if (
        wording.blog
        and form in ("base", "third")
        and following in _FREQUENCY
        and len(after) > 1
        and after[1][2] in _NOUN_FOLLOWERS
    ):
        return None
    # "the number of deaths averted was modest": a verb's object, not a copula, follows a
    # finite verb; "results in mice were published" is a noun.
    if form == "past" and following in _COPULAS:
        return None
    if phrase == "results in" and (
        following in _POPULATIONS
        or (_NUMBER.match(following) and len(after) > 1 and after[1][2] in _DURATIONS)
    ):
        return None
    if phrase in _AFFECT and _PREVALENCE.match(following):
        return None
    if form == "base" and (
        previous in _BEFORE_ADJECTIVE or (two_back in ("a", "an") and previous not in _PERIODS)
    ):
        # "with decrease", "in improve", "an energy boost": not a finite verb. "twice a day
        # cut their risk" is.
        return None
    if form == "third" and (previous in _PREPOSITIONS or previous in _TAKES_OBJECT):
        # "categories of benefits", "with increases", "makes cuts red": a plural noun
        return None
    # After a past form ("removed affected nodes") or an adjective made of one
    # ("autism-related delays"), a participle or a noun follows, not a verb.
    if previous.endswith("ed") and (
        (form == "past" and phrase in _ADJECTIVAL) or (form != "past" and "-" in previous)
    ):
        return None
    # "to produce increased levels": after an infinitive, a participle is an adjective;
    # "appears to have reduced smoking" is a perfect tense, read in blogs.
    perfect_tense = wording.blog and previous in _PERFECT
    if form == "past" and phrase in _ADJECTIVAL and two_back == "to" and not perfect_tense:
        return None
    # "such as increased risk", "a 63% reduced risk": a participle after "as" or a figure
    # describes the noun after it.
    adjective_slot = (
        previous in _BEFORE_ADJECTIVE
        or previous in _BEFORE_NOUN_PHRASE
        or following in ("and", "or")
        or (previous == "as" and two_back == "such")
        or _NUMBER.match(previous) is not None
    )
    # A determiner cannot follow an adjective: "have reduced the risk" is a verb.
    if (
        form == "past"
        and phrase in _ADJECTIVAL
        and adjective_slot
        and not (perfect_tense and _perfect(previous, two_back, following))
        and following not in _OBJECT_START
    ):
        return None  # "with reduced risk", "damaged and diseased organs"
    return Strength.DIRECT
