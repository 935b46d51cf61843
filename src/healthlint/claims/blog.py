"""Causal claims in the wording of health blogs, which the claim model (tuned on the
language of research and news) does not read as claims.

A blog states its claims as advice and benefits: "Vaccines cause autism" (a plural
subject with a base-form verb), "Coconut oil kills viruses", "Magnesium helps your blood
vessels relax", "can help reduce inflammation", "is good for arthritis", "is a natural
remedy for", benefit-list lines such as "Boosts immunity". Following the FTC's reading of
health marketing, "can help" with a health outcome is a claim that needs substantiation;
"may", "might" and "is linked to" stay hedges (the claim rules' own hedge lists decide).

A blog's vocabulary of effects is open ("oxygenates your blood", "chases away the winter
blues"), so after the known wordings any verb counts when what it acts on is the body or
health (a curated list of body and health words), said of something other than the body
itself.

Only posts read as blogs (genre ``blog``) use this; news keeps the claim model alone.
"""

from __future__ import annotations

import functools
import re
import sys
from typing import TYPE_CHECKING, Literal

from healthlint.claims.background import BY_A_DEADLINE, CURE_PASSIVES, CURED, IRREGULAR_PASSIVES
from healthlint.claims.curated import curated_alternation, effect_verbs
from healthlint.claims.model import FREQUENCY_WORDS, causal_verb_forms, inflect
from healthlint.claims.vocabulary import CONCLUSION, ends_with
from healthlint.core.pattern import Pattern
from healthlint.core.regex import phrase_trie
from healthlint.language.prefilter import lower_text

if TYPE_CHECKING:
    from healthlint.claims.products import Lexicon
    from healthlint.language.prose import Prose, Sentence

# The verbs a blog uses for an effect on health that research prose rarely does, and
# those with a particle ("fires up your metabolism", "sweats out heavy metals"): curated
# data (``knowledge/verbs.csv``, reading "wording").
_BLOG_VERBS = [verb for verb in effect_verbs("wording") if not verb.particles]
# ...and those as common outside health, read only where what they act on is the body or
# health (see ``_acts_on_health``).
_GENERAL = effect_verbs("general")
_PHRASAL = [(verb, after) for verb in effect_verbs("wording") for after in verb.particles]


# "affects" mostly says how common something is ("affects almost 50% of adults"): the
# claim model reads it with that in mind, and this reading leaves it out.
_LEFT_OUT = frozenset(("affect", "affects"))
_BASES = (
    frozenset(verb.spelled()[0] for verb in _BLOG_VERBS)
    | frozenset(f"{verb.spelled()[0]} {after}" for verb, after in _PHRASAL)
    | causal_verb_forms("base")
) - _LEFT_OUT
_THIRDS = (
    frozenset(verb.spelled()[1] for verb in _BLOG_VERBS)
    | frozenset(f"{verb.spelled()[1]} {after}" for verb, after in _PHRASAL)
    | causal_verb_forms("third")
) - _LEFT_OUT
_BASE = phrase_trie(_BASES)
_GENERAL_BASE_WORDS = frozenset(verb.spelled()[0] for verb in _GENERAL)
_GENERAL_THIRD_WORDS = frozenset(verb.spelled()[1] for verb in _GENERAL)
_GENERAL_BASE = phrase_trie(_GENERAL_BASE_WORDS)
_GENERAL_THIRD = phrase_trie(_GENERAL_THIRD_WORDS)
_GERUND = phrase_trie(frozenset(verb.spelled()[3] for verb in _BLOG_VERBS))
_THIRD = phrase_trie(_THIRDS)
# Verbs that follow a plural noun, so a word in "s" before them is the noun, not a verb:
# "detox cleanses involve", "herbal remedies tend to".
_AFTER_A_NOUN = (
    "involve|include|require|contain|need|tend|seem|vary|differ|remain|become|work|help|carry"
)
_FREQUENCY = "|".join(FREQUENCY_WORDS)
# Auxiliaries: after a word in "s" they make it a plural noun, not a verb ("Juice cleanses
# do not…", "Herbal remedies can…").
_AUXILIARIES = "can|could|will|would|may|might|should|must|do|does|did|don|doesn|didn|won"
# What a health verb acts on: anything but a preposition, a clause boundary or a verb.
_OBJECT = (
    r"(?=(?:\s+(?:and|or)\s+[a-z]+s)?\s+(?!(?:in|on|at|by|with|for|from|to|of|as|if|when|and|or"
    r"|under|into|inside|through|around"
    rf"|but|than|is|are|was|were|has|have|cannot|{_AUXILIARIES}|{_FREQUENCY}|{_AFTER_A_NOUN})\b)"
    r"[A-Za-z'’])"
)
# A verb form right after these is no verb of the sentence: a noun ("a toddler with
# burns", "women of all ages", "many drugs", "10,000 steps", "exposure to peanuts") or an
# infinitive ("to lower").
_NOT_AFTER = (
    r"(?<!\bwith\s)(?<!\bof\s)(?<!\bfor\s)(?<!\band\s)(?<!\bor\s)(?<!\bthe\s)(?<!\ball\s)"
    r"(?<!\bon\s)(?<!\bin\s)(?<!\bto\s)(?<!\bat\s)(?<!\bby\s)(?<!\bfrom\s)"
    r"(?<!\ba\s)(?<!\ban\s)(?<!\bmany\s)(?<!\bmost\s)(?<!\bsome\s)(?<!\bfew\s)(?<!\bany\s)"
    # ...and after a number, what it counts: "Walking 10,000 steps a day" (a name with a
    # number in it is a subject: "Vitamin B12 recharges…", "CoQ10 strengthens…").
    r"(?:(?<!\d\s)|(?<=[A-Za-z]\d\s)|(?<=[A-Za-z]\d\d\s))"
)
# Words that start a sentence but are not a subject of their own ("The", "This" are
# fine: "These foods raise…"); a pronoun subject is the claim model's business.
_NOT_SUBJECT = (
    r"(?!(?:if|when|while|because|although|though|as|since|unless|whether|how|why|what|"
    r"do|does|did|can|could|should|would|will|may|might|must|please|let|make|try|ask|"
    r"talk|call|see|read|take|eat|drink|add|use|avoid|stop|keep|get|go|find)\b)"
    # ...nor an imperative, which a word right before "your" nearly always is: "Roll your
    # shoulders back and relax your neck" (a gerund is a subject: "Washing your hair…").
    r"(?![a-z]+(?<!ing)\s+(?:your|yourself)\b)"
    # ...nor does a preposition: "In Belgium, engineer and physicist X is pioneering…".
    r"(?!(?:in|on|at|for|during|after|before|from|by|to|with|without|within|among|across|over"
    r"|under|about|into|through|like|unlike|despite)\s)"
)
_NOUN = r"[A-Za-z][\w'’-]*"
# A word of a subject: not one that starts a clause of its own ("Many readers swear that
# ashwagandha calms…" is theirs, not the writer's).
_SUBJECT_WORD = (
    r"(?!(?:that|which|who|whom|whose|if|because|when|while|although|but|so|says?|said"
    r"|swears?|claims?|believes?|thinks?|include[sd]?|including)\b)"
    # "Learning what makes a healthy gut" asks; "Lifting is what balances your hormones"
    # names the cause.
    r"(?!what\b(?<!\bis\swhat)(?<!\bare\swhat))"
    r"(?:[ap]\.m\.|" + _NOUN + r"|\d[\d,.]*(?:°[CF]?|-?[A-Za-z]+)?)"
)
# Where a clause of the writer's own starts: the sentence's start, or after a colon
# ("Women over 40, listen up: lifting weights balances your hormones").
_CLAUSE_START = (
    r"(?:^|[:;—–])\W*(?:(?:(?:but|and|so)\s+)?(?:thanks to|because of|with|without)\s+(?:its|their"
    r"|the|a|an|your)\s+[^,]{1,60},\s+"
    # ...or after the writer's own opening words: "Over time, sugar starves…", "For most
    # women, collagen…", "Honestly, this tea fixes…" (a scene set in time or place opens
    # a story: "During the placebo phase, each patient received…").
    r"|(?:(?:over|in|with)\s+time|before\s+long|in\s+the\s+long\s+run|within\s+(?:days|weeks"
    r"|a\s+(?:few\s+)?(?:days?|weeks?))|for\s+(?:most|many)\s+(?:[\w-]+\s+){0,3}?(?:people|women"
    r"|men|adults|kids|children|parents|of\s+us)"
    # ...an age ("After 40, strength training rebuilds…"), and the writer's own adverbs
    # (not a hedge: "Usually, antibiotics clear it").
    r"|(?:after|by|before|over|past)\s+(?:age\s+)?\d+"
    r"|(?!(?:usually|normally|typically|generally|occasionally|rarely|anecdotally|reportedly"
    r"|supposedly|allegedly|apparently|possibly|probably|potentially|hopefully|ideally"
    r"|traditionally|historically)\b)(?-i:[A-Z])[a-z]+ly"
    r"|either\s+way|trust\s+me|believe\s+me|yes|no\s+doubt|in\s+(?:reality|fact|truth)"
    r"),\s+"
    # A heading that presumes the effect: "How a Daily Probiotic Lifts Your Mood", "Why
    # Your Morning Coffee Is Sabotaging Your Hormones".
    r"|(?:how|why)\s+"
    # ...or after the writer's own conclusion: "…, which is why keto wipes out migraines".
    rf"|{CONCLUSION}\s+"
    # The writer vouching for it: "It's common knowledge that sugar…", "The truth is,…".
    r"|it(?:['’]s|\s+is)\s+(?:common\s+knowledge|a\s+fact|no\s+secret|well[\s-]known|obvious"
    r"|clear)\s+that\s+|the\s+(?:truth|fact|bottom\s+line)\s+is,?\s+(?:that\s+)?)?"
)
_DETERMINER = r"(?:(?:the|these|those|some|many|most|all|such|certain)\s+)?"
# What may follow a plural subject before its verb: a time or place ("Carbs after 6 p.m.",
# "Frozen blueberries in your smoothie"), what they are of or like ("Hours of sitting",
# "Fermented foods like kimchi and kefir", "Oils rich in omega-3"; no determiner after
# "of": "Layers of the skin shield the body" names a part of the body).
# Each thing named in a word or two, no verb's ("two years of Forteo to stimulate…", "months
# after Pamela received therapy at…").
_PLURAL_PHRASE_WORDS = (
    r"(?!(?:to|that|which|who|is|are|was|were|be|not|have|has|had|the|a|an|this|these|those"
    rf"|your|my|our|their|his|her|its|{_AUXILIARIES})\b){_NOUN}"
)
_PLURAL_PHRASE = (
    r"(?:(?:before|after|in|at|from|on)\s+(?:(?:your|the|a|an|my)\s+)?|(?:of|like|such\s+as"
    r"|rich\s+in)\s+)"
    rf"{_PLURAL_PHRASE_WORDS}(?:\s+{_PLURAL_PHRASE_WORDS})?"
    rf"(?:(?:,\s+|\s+(?:and|or)\s+){_PLURAL_PHRASE_WORDS}(?:\s+{_PLURAL_PHRASE_WORDS})?){{0,2}}?"
)
# A drug, or its class, a food is said to be "natural" or "nature's" version of
# (``knowledge/drugs.csv``).
_DRUG = curated_alternation("drugs.csv")


def _plural_claim(verbs: str) -> Pattern:
    """A subject naming things in the plural, then a base-form verb of ``verbs`` with an
    object: "Vaccines cause autism.", "Detox teas flush toxins from your liver."."""
    return Pattern.lazy(
        rf"{_CLAUSE_START}{_DETERMINER}{_NOT_SUBJECT}(?:(?:{_NOUN}\s+){{0,2}}{_NOUN}(?<!ss)(?<!us)"
        rf"(?<!is)s(?:\s+{_PLURAL_PHRASE})?|they|these)"
        rf"\s+(?P<cue>(?:{verbs})){_OBJECT}",
        re.IGNORECASE,
    )


def _third_claim(verbs: str) -> Pattern:
    """A subject, then a third-person verb of ``verbs`` with an object: "Sugar feeds
    cancer cells.", "Coconut oil kills viruses."."""
    return Pattern.lazy(
        rf"{_CLAUSE_START}{_DETERMINER}{_NOT_SUBJECT}(?:{_SUBJECT_WORD}\s+){{0,10}}?{_NOT_AFTER}"
        rf"(?P<cue>(?:{verbs})){_OBJECT}",
        re.IGNORECASE,
    )


_CLAIMS = [
    _plural_claim(_BASE),
    _third_claim(_THIRD),
    # "helps your blood vessels relax", "can help reduce", "helps you sleep", "works to
    # restore": what a product or a habit does for you.
    Pattern.lazy(
        r"(?<!\bto )(?<!\bnot )(?<!n['’]t )(?<!\bnever )\b(?P<cue>(?:can\s+)?help(?:s)?"
        # "Advertising on our site helps support our mission": the site's business.
        r"(?!\s+(?:\w+\s+)?(?:our|us)\b)"
        r"(?:\s+(?:to|you|your(?:\s+[\w-]+){0,2}?|the\s+body(?:['’]s)?(?:\s+[\w-]+){0,2}?"
        r"|someone|people|users|women|men|kids|children|babies|toddlers|infants|teens|adults"
        r"|patients|in))?"
        rf"\s+(?:to\s+)?(?:{_BASE}|{_GERUND}|sleep|relax|heal|recover|lose|shed|beat|overcome"
        r"|get rid of|stay|keep|maintain|fall asleep|digest|absorb|detox|feel|implant)"
        r"|works?\s+to\s+\w+|(?:can|will|does|do)\s+(?:wonders|miracles)\s+for"
        # How it is said to work: "It works by gently boosting your natural energy".
        rf"|works?\s+by\s+(?:\w+ly\s+)?(?:{_GERUND}))\b",
        re.IGNORECASE,
    ),
    # "is good for arthritis", "are great for treating", "is a natural remedy for", "is
    # effective in the treatment of", "is a great way to lower".
    Pattern.lazy(
        r"\b(?P<cue>(?:is|are)\s+(?:(?:also|especially|very|really|so|particularly)\s+)?"
        r"(?:good|great|excellent|perfect|ideal|useful|helpful|effective|beneficial)"
        r"\s+(?:for|in|at|against)\s+(?:the\s+)?(?:treating|treatment|relieving|preventing"
        r"|reducing|lowering|fighting|healing|curing|managing|boosting|improving)"
        r"|(?:is|are)\s+(?:an?\s+|one\s+of\s+the\s+)?(?:\w+\s+){0,2}?(?:natural|home|herbal|"
        r"effective|proven|best|great)\s+(?:remed(?:y|ies)|cures?|treatments?)\s+for"
        # A drug's class claimed for a food: "Garlic is a natural antibiotic", "is nature's
        # Prozac".
        # (Not a drug's own class: "Penicillin is a powerful antibiotic".)
        r"|(?:(?:is|are|works?\s+as|acts?\s+as)\s+(?:an?\s+(?:\w+\s+)?natural\s+|nature['’]s\s+)"
        r"|(?<=:\s)nature['’]s\s+"
        r"(?:[\w-]+\s+){0,3}?)"
        rf"(?:{_DRUG}|(?<=nature['’]s\s)(?:[\w-]+\s+){{0,3}}?pills?(?=\s*(?:[.,;:!?]|$)))s?"
        # ...or a drug it works better than: "works twice as well as ibuprofen", "works
        # better than any sleeping pill", "builds muscle just as well as whey".
        r"|(?:works?\s+(?:\w+\s+){0,2}?(?:better|faster|as\s+well)\s+(?:than|as)|beats|outperforms"
        # ...or said to do what one does, as well: "brings your HbA1c down just as well as
        # metformin does".
        r"|(?<=\s)(?:just\s+)?as\s+(?:well|effectively)\s+as(?=\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+"
        r"(?:does|do|can|could|ever\s+(?:could|did))\b)"
        r"|outdoes|trumps)\s+(?:any(?:thing)?\s+"
        r"|an?\s+|the\s+|most\s+|your\s+)?(?:[\w-]+\s+){0,3}?"
        # ...the drug itself, not a thing named after it ("the old pill box").
        rf"(?:pills?|drugs?|medicines?|medications?|meds|{_DRUG}s?)(?![\w-]|\s+(?!(?:for|on|at|in|and"
        r"|do|does|ever|can|could)\b)[a-z])"
        r"|(?:is|are)\s+an?\s+(?:\w+\s+)?(?:great|good|easy|natural|simple|proven)\s+ways?\s+to"
        rf"\s+(?:{_BASE}))\b",
        re.IGNORECASE,
    ),
]
# A label and what it does, as recipe notes and captions write it: "Ginger: soothes
# nausea and bloating" (a known verb of health only: "Serves: four people").
_LABELLED = Pattern.lazy(
    rf"^\W*(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+:\s+(?P<cue>(?:{_THIRD}))\b", re.IGNORECASE
)
# The reason the writer gives, with a known verb of health: "We use bone broth because it
# rebuilds cartilage" (not "because it involves taking…").
_BECAUSE = Pattern.lazy(
    rf"\bbecause\s+(?:it|they)\s+(?P<cue>(?:{_THIRD}|{_BASE})){_OBJECT}", re.IGNORECASE
)
# Any verb acting on the body or on health, said of a thing or a habit: "Wheatgrass
# oxygenates your blood", "Your morning coffee is draining your adrenals", "Diet soda
# leaches calcium from your bones". What the verb acts on decides, so the verb can be any.
# What the verb acts on is curated (``knowledge/body.csv``): a part of the reader's own
# body or health ("your gut", "the body's cells"), or a health outcome on its own ("belly
# fat", "inflammation").
_PARTS = curated_alternation("body.csv", "part")
_BODY_OUTCOMES = curated_alternation("body.csv", "outcome")
# What a part is promised to become.
_PROMISED = (
    "stronger|healthier|happier|calmer|clearer|faster|thicker|fuller|shinier|smoother|softer"
    "|tougher|hardier|denser|sturdier"
    "|firmer|tighter|brighter|younger|sharper|leaner|flatter|slimmer|whiter|cleaner|steadier"
    "|healthy|strong|glowing|radiant|youthful|supple|flawless|shiny|lustrous"
)
_TARGET = (
    # ("little lungs", "little tummies": a child's, as parenting posts say it.)
    r"(?:your|their|our|(?<!\ba\s)little|the\s+body['’]s|an?\s+(?:child|baby)['’]s|(?:kids|babies"
    r"|teens)['’]|(?:children|everyone|women|men|people)['’]s)"
    rf"\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_PARTS})(?:e?s)?\b"
    # A part as it is promised to become: "builds a stronger immune system", "for
    # healthier skin".
    rf"|\b(?:{_PROMISED})\s+(?:[\w-]+\s+)?(?:{_PARTS})(?:e?s)?\b"
    rf"|\b(?:{_BODY_OUTCOMES})(?:e?s)?\b"
    # A part named by what ails it: "settles a fussy tummy", "calms a racing mind".
    r"|\b(?:an?|that)\s+(?:upset|fussy|racing|busy|frazzled|overworked|sore|achy|stiff|inflamed"
    r"|irritated|tired|dry|itchy"
    rf"|sluggish|bloated|overactive|restless|aching|leaky|sagging)\s+(?:{_PARTS})(?:e?s)?\b"
    # ...or many of them: "dials down achy knees", "soothes upset stomachs".
    r"|\b(?:upset|sore|achy|stiff|inflamed|irritated|tired|itchy|aching|swollen|creaky|arthritic"
    r"|painful|puffy)\s+"
    rf"(?:{_PARTS})e?s\b"
)
_TARGET_WORD = Pattern.lazy(_TARGET, re.IGNORECASE)
# Parts in general, named right after the verb that acts on them: "thickens bones",
# "regenerates liver cells" (after another word they are as often a disease's, "fades
# varicose veins", or a description, "contains white blood cells").
_BARE_PARTS = rf"(?:{curated_alternation('body.csv', column='bare')})\b"
_BARE_PART_WORD = Pattern.lazy(rf"\b{_BARE_PARTS}", re.IGNORECASE)
# People whose work is to act on the body: what they do to it is no claim of a cause.
_CARERS = (
    r"nurses?|doctors?|dentists?|dermatologists?|physicians?|therapists?|pharmacists?|surgeons?"
    r"|clinicians?|practitioners?|trainers?|professionals?|acupuncturists?|chiropractors?|physios?"
    r"|naturopaths?|nutritionists?|dietitians?|herbalists?|midwi(?:fe|ves)|specialists?"
    r"|providers?|coaches?|gps?|hygienists?|staff|team"
)
_ACTOR = Pattern.lazy(
    rf"\b(?:article|post|guide|page|blog|app|readers?|researchers?|scientists?|{_CARERS}|lab"
    r"|laboratory|clinic|hospital)\b",
    re.IGNORECASE,
)
# The organs and systems that do the body's work.
_ORGANS = (
    r"heart|brain|liver|kidneys|lungs|immune\s+system|body|gut|skin|blood|pancreas|thyroid"
    r"|adrenal\s+glands|ovaries|testes|pineal\s+gland"
)
_BODY_SUBJECT = Pattern.lazy(
    rf"\b(?:cells|hormones|organs|enzymes|nerves|muscles|neurons|antibodies|the\s+(?:{_ORGANS}))\b",
    re.IGNORECASE,
)
# Looking at the body, or telling about it, is no effect on it: "The nurse will assess
# your symptoms", "This guide explains your hormones".
_LOOKS_AT = (
    "discuss explain cover track monitor measure check test count describe show list review "
    "examine record scan read log assess evaluate reflect indicate mirror predict signal"
).split()
_LOOKING = "|".join([*_LOOKS_AT, "diagnose", "explore", "ask", "answer", "learn", "teach"])
# Going through an illness is no effect on it: "Most women experience hot flashes", "One
# in six adults will suffer depression".
_UNDERGOES = ("experience", "suffer", "develop", "catch", "contract", "endure", "notice")
_ANY_VERB = (
    # Verbs that do something to what follows ("keeps your blood sugar steady", "does
    # more for your immunity", "lets your brain switch off") are not among these.
    r"(?!(?:is|was|has|says|means|contains|includes|comes|goes|needs|uses|looks|seems"
    r"|becomes|happens|occurs|arises|appears|emerges|exists|persists|recurs|depends|varies"
    # ("News" is a plural noun only: "ABC News But after two miscarriages…".)
    r"|costs|tells|asks|wants|likes|loves|news|ages(?=\s+\d)"
    rf"|{'|'.join(inflect(verb)[1] for verb in _UNDERGOES)}"
    r"|hates|feels|sounds|tastes|smells|stays|lives|plays|runs|pays|sells|offers|provides"
    r"|lasts|starts|this|its|his|hers|yours|ours|theirs|themselves|us|as|less|plus"
    # Looking at the body is no effect on it: "This app tracks your sleep".
    rf"|{'|'.join(inflect(verb)[1] for verb in _LOOKS_AT)}|treats|cleans"
    # Plural nouns a health post names its subject with: "digestion issues such as IBS".
    r"|issues|problems|conditions|symptoms|disorders|concerns|professionals|effects|risks|levels"
    r"|rates|factors|benefits|results|times|days|weeks|months|years|hours|minutes|servings|cups"
    r"|carries|lens"
    # People, who do things rather than being done: "For the study, researchers recruited…".
    r"|parents|patients|researchers|participants|scientists|experts|doctors|nurses|users"
    r"|readers|mothers|fathers|families|kids|babies|adults|teens|teenagers|students|athletes"
    r"|runners|members|clients|customers|volunteers|subjects|physicians|surgeons"
    r"|always|sometimes|perhaps|afterwards|towards|nowadays|besides|unless|across|thus|yes"
    # "It turns out that…" tells a finding; it is no verb acting on what follows.
    r"|turns\s+out)\b)"
    # Adjectives and nouns that end in "s" are no verbs: "useless", "dangerous", "stress",
    # the body's parts after "your" or "the" ("Roll your shoulders back"; "Stress guts your
    # immune system" has its verb); nor is an acronym: "a 7-day PCOS meal plan".
    r"(?!(?:(?<=\byour\s)|(?<=\bthe\s)|(?<=\bmy\s)|(?<=\bour\s)|(?<=\bhis\s)|(?<=\bher\s)"
    rf"|(?<=\btheir\s))(?:{_PARTS})(?:e?s)?\b)"
    r"(?:(?:switches|turns)\s+(?:on|off)|(?![a-z]*(?:less|ness|ous|ss|sis|us|ics)\b)(?-i:(?![A-Z]{2,}\b))"
    r"[a-z]{3,}(?:es|s)"
    r"(?:\s+(?:up|out|off|away|down|back))?)"
)
_BASE_VERB = (
    r"(?!(?:be|have|had|carry|get|let|take|make|help|keep|give|use|need|want|like|feel|look|seem|become"
    r"|come|go|say|tell|ask|know|think|see|mean|contain|include|cost|last|start|end|also|often"
    r"|still|just|only|even|never|always|usually|not|are|were|was|will|would|should|could|can"
    r"|may|might|must|shall|that|this|these|those|which|who|what|when|where|how|why|there|then"
    r"|than|do|does|did|happen|occur|the|and|but|for|with|from|into|your|our|their|after"
    r"|before|at|on|in|over|under|during|without|within|all|every|each|about"
    r"|his|her|its|my|him|them|me|us"
    rf"|{_LOOKING}|{'|'.join(_UNDERGOES)})\b)"
    r"(?![a-z]+(?:ed|ing)\b)[a-z]{3,}(?:\s+(?:up|out|off|away|down|back))?"
)
_ACTS = (
    # The subject may end in a relative pronoun: "7 Teas That Melt Belly Fat", "Collagen
    # powder, which rebuilds your joints".
    rf"{_CLAUSE_START}(?:\d+\s+)?{_DETERMINER}{_NOT_SUBJECT}"
    # ...and may list things or say them again: "Nightshades like tomatoes, peppers and
    # aubergines inflame…", "Grounding, or walking barefoot, drains…", "Lemon balm tea,
    # sipped slowly, calms a racing mind" (any other comma ends an opening phrase: "For
    # the study, researchers recruited…", "In plank, keep your wrists…").
    rf"(?:{_SUBJECT_WORD}(?:,(?=\s+(?:which\b|or\b|(?-i:[a-z]{{3,}}ed)\b|[a-z]{{3,}}s\s+(?:your|the|an?|our"
    rf"|their|my|{_BODY_OUTCOMES})\b|(?:[\w'’-]+\s+){{0,2}}[\w'’-]+(?:,|\s+(?:and|or)\b)"
    # ...or adjectives: "A gluten-free, casein-free diet calms…".
    r"|[a-z]+-[a-z]+\s+(?!(?:and|or)\b)[a-z])))?\s+){1,10}?"
    rf"(?:(?:that|which)\s+)?{_NOT_AFTER}"
    # "does nothing but harm your health": only that verb, and it acts.
    rf"(?P<{{cue}}>(?:does|do)\s+nothing\s+but\s+{_BASE_VERB}|{_ANY_VERB}|(?:is|are)\s+(?:[\w-]+ly\s+)?(?!being\b)[a-z]{{2,}}ing(?:\s+(?:up|out|off|down)|\s+away(?:\s+at)?|(?<=messing)\s+with)?"
    # "will repopulate your gut flora"; after a plural subject, the base form: "Carbs
    # after 6 p.m. sabotage your weight loss".
    rf"|(?:will|['’]ll|can)\s+{_BASE_VERB}"
    rf"{{plural}})"
    # A verb takes its object at once; a noun that only looks like one ("adverse effects
    # on your body", "home remedies to lower", "detox cleanses involve") is followed by a
    # preposition or a verb.
    rf"(?=\s+(?!(?:on|to|in|of|for|from|with|at|by|as|about|are|is|was|were|{_AUXILIARIES}"
    r"|and|or|that|which|who|when|while|because|so|if|than|also|often"
    rf"|typically|usually|have|{_AFTER_A_NOUN})\b))"
)
# How often a thing is taken, said between a plural subject and its verb.
_RATES = ("day", "week", "night")
# Any word after a word in "s" is read as a plural subject's verb: only a body or health
# word as its object makes that likely enough (a disease follows "discusses" too).
_PLURAL_BASE = (
    r"|(?:(?<=[a-z]s\s)(?<!us\s)(?<!ss\s)(?<!\bhas\s)(?<!\bwas\s)(?<!\bthis\s)(?<!\bits\s)"
    r"(?<!\bhis\s)"
    r"(?<!\bdoes\s)(?<!\bis\s)(?<!\bus\s)(?<!\bas\s)"
    # ...and after a plural noun's relative pronoun: "Teas that melt belly fat"; after a
    # rate a plural subject is taken at: "Two Brazil nuts a day calm your thyroid"; after
    # "they": "They thicken your hair" (what they stand for is the claim kind's question,
    # see ``unknown_they``).
    r"|(?<=[a-z]s\sthat\s)|(?<=[a-z]s\swhich\s)|(?<=\bthey\s)"
    + "".join(rf"|(?<=\sa\s{rate}\s)" for rate in _RATES)
    + rf"){_BASE_VERB}"
)


def _acts(plural: str, group: str = "cue") -> str:
    """``_ACTS`` with what may follow a plural subject as its verb (``plural``: an
    alternative of the verb group, or "") and the name of the verb's group."""
    return _ACTS.replace("{plural}", plural).replace("{cue}", group)


# What a verb acts on lies within its next few words.
_OBJECT_WITHIN = r"\s+(?:[\w'’-]+,?\s+){0,5}?"
# What a verb acts on may also be the risk of anything: "slashes the risk of falls",
# "raises your odds of a cold" (a risk alone names no health: "the risk of a soggy
# bottom" when a recipe is doubled).
_RISK = (
    r"\b(?:the|your|their|a\s+child['’]s)\s+(?:[\w-]+\s+)?(?:risk|odds|chances?|likelihood)"
    r"\s+of\b"
)
_ACTS_ON = Pattern.lazy(
    _acts(_PLURAL_BASE) + rf"{_OBJECT_WITHIN}(?P<object>{_TARGET}|{_RISK})",
    re.IGNORECASE,
)
# People told apart by what they do, and what that does to their body: "Kids who play in
# the dirt build tougher immune systems", "Babies carried in a sling build stronger immune
# systems" (a known verb, in the base form a plural subject takes, acting on the body; not
# an infinitive of the clause, "People who want to control their blood sugar…").
_PEOPLE = (
    "kids children babies toddlers infants people adults women men teens teenagers athletes "
    "runners seniors students patients those anyone everyone"
).split()
_PEOPLE_WHO_DO = (
    rf"{_CLAUSE_START}{_DETERMINER}(?:[\w-]+\s+)?(?:{'|'.join(_PEOPLE)})\s+"
    r"(?:who|that|(?-i:[a-z]{3,}ed)(?=\s+(?:in|on|with|by|at|from|during|as)\b))\s+"
    r"(?:[\w'’-]+\s+){1,6}?"
)
_PEOPLE_WHO = Pattern.lazy(
    rf"{_PEOPLE_WHO_DO}(?<!\bto\s)(?P<cue>{_BASE}|{_GENERAL_BASE}){_OBJECT_WITHIN}"
    rf"(?P<object>{_TARGET}|{_RISK})",
    re.IGNORECASE,
)
# ...and what it does to a disease of theirs, or spares them of: "Patients who stay upbeat
# simply beat cancer", "Kids who grow up with a dog never develop hay fever" (going through
# an illness is no effect on it; never going through it is its prevention). Not said of
# some of them ("Some people who smoke never develop lung cancer" tells how risk works),
# nor of a comparison ("had a much lower risk of…", "beat the odds").
_PEOPLE_WHO_ARE_SPARED = Pattern.lazy(
    r"(?!\W*(?:some|many|most|plenty\s+of|not\s+all|lots\s+of|a\s+lot\s+of)\s)"
    rf"{_PEOPLE_WHO_DO}(?<!\bto\s)(?P<cue>(?:never|rarely|seldom|hardly\s+ever)\s+(?:develops?|gets?"
    rf"|catch(?:es)?|suffers?\s+(?:from|with))|(?:beat|{_BASE}|{_GENERAL_BASE})"
    r"(?!\s+(?:the\s+)?(?:risks?|rates?|odds|chances?|levels?)\b))\b",
    re.IGNORECASE,
)
# ...and on parts in general, by a verb right before them; after a plural subject only a
# health verb's base form ("Omega-3s strengthen joints"): any word there may be an
# adjective ("fades varicose veins").
_ACTS_ON_PART = Pattern.lazy(
    _acts(_PLURAL_BASE.replace(_BASE_VERB, f"(?:{_BASE})")) + rf"\s+(?P<object>{_BARE_PARTS})",
    re.IGNORECASE,
)
# Where a noun phrase ends: punctuation, or a word that starts what comes next (not a
# noun the phrase goes on to: "blood sugar targets", "anxiety sufferers").
_PHRASE_ENDS = (
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:and|or|in|within|from|for|with|without|by|that|which|because"
    r"|since|as|than|too|all|every|each|naturally|fast|quickly|overnight|again|for\s+good)\b)"
)
# "keeps", said of a thing, not the reader's own keeping ("Try to keep your knees
# bending", "it's important you keep that LDL under control").
_KEEPS = r"(?<!\bto\s)(?<!\byou\s)(?<!\bwe\s)(?<!\bi\s)keeps?\s+"
# A cause named as the answer: "Cutting carbs at dinner is the key to weight loss", "Heavy
# lifting is what makes women look bulky", "keeps the brain young and sharp".
_KEY_TO = Pattern.lazy(
    r"\b(?P<cue>(?:is|are)\s+(?:the|your)\s+(?:real\s+|true\s+|secret\s+|number[\s-]one\s+)?"
    r"(?:key|secret|answer|reason|cause|culprit|trigger)\s+(?:to|for|behind)"
    # "are the best fix for jet lag" (about health: "the best fix for a cracked screen" is
    # none).
    r"|(?:is|are)\s+(?:the|your|an?)\s+(?:best|ultimate|perfect|only|quickest|fastest|easiest|natural)"
    r"\s+(?:fix|solution|answer)\s+(?:to|for)"
    # "is the best medicine for a failing memory", "the best natural blood pressure
    # medicine there is", "nature's cure for constipation", "the closest thing we have to
    # an anti-ageing pill".
    r"|(?:is|are)\s+the\s+(?:best|greatest|most\s+powerful|strongest)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:medicine|remedy|cure|pill|drug)(?:\s+(?:for|there\s+is)\b)"
    r"|nature['’]s\s+(?:own\s+)?(?:cure|remedy|medicine)\s+for"
    r"|(?:is|are)\s+the\s+closest\s+thing\s+(?:we\s+have\s+|there\s+is\s+)?to\s+an?\s+"
    r"(?:[\w-]+\s+){0,2}?(?:pill|drug|cure|medicine)"
    r"|(?:is|are)\s+the\s+(?:real\s+|main\s+|hidden\s+|#1\s+|number[\s-]one\s+)?(?:reason|cause)"
    r"\s+(?:of|why|you|your|my|our|today['’]s|so\s+many|many|most|kids|children|teens|women|men"
    r"|people|it|they)|(?:is|are)\s+(?:the\s+reason\s+)?why\s+(?:your|you|so\s+many|many|most"
    r"|women|men|people|kids|children|clients|readers|patients|moms|mums)"
    r"|(?:is|are)\s+what['’]s\s+(?:really\s+)?(?:\w+ing|behind)|is\s+how\s+you\s+\w+"
    r"|is\s+all\s+it\s+takes\s+to"
    # "will have your blood pressure climbing", "will have you sleeping like a baby" (what
    # the body will do, not a plan: "Your doctor will have you wearing a monitor").
    r"|(?:will|['’]ll)\s+have\s+(?:you|your\s+(?:[\w-]+\s+){1,2}?)\s*(?:sleeping|snoozing|losing"
    r"|burning|shedding|feeling|craving|glowing|healing|breathing|climbing|soaring|spiking"
    r"|crashing|dropping|racing|bouncing)"
    # "keeps your body burning fat for hours", "keeps you burning fat until lunch" (not
    # "keeps your hands from…": see above; nor the reader's own keeping: "Try to keep your
    # knees bending").
    rf"|(?<=\w\s){_KEEPS}(?:you\s+|(?:your|their)\s+"
    r"(?:[\w-]+\s+){1,2}?)(?!from\b)[a-z]{3,}ing"
    # "is a fast track to type 2 diabetes", "Your Shortcut to Clear Skin", "a recipe for
    # heart disease" (a road or a path to recovery is a clinic's promise of care).
    r"|(?:(?:is|are)\s+|:\s+)(?:a|an|the|your)\s+(?:[\w-]+\s+)?(?:fast[\s-]track|shortcut|short\s+cut"
    r"|express\s+lane|recipe)\s+(?:to|for)"
    # "Dairy is a major driver of congestion", "is the single biggest driver of belly fat".
    r"|(?:is|are)\s+(?:a|an|the|one\s+of\s+the)\s+(?:[\w-]+\s+){0,2}?(?:drivers?|root\s+causes?)\s+of"
    # "Underwire bras are a major reason breast cancer rates have climbed", "will make
    # erectile problems a thing of the past" (not the reason people do something: "Fear of
    # needles is a major reason adults skip their flu jab").
    r"|(?:is|are)\s+(?:a|one\s+of\s+the|the)\s+(?:major|main|big|bigger|biggest|key|leading|huge"
    r"|top)\s+reasons?\s+(?:why\s+)?(?!to\b)"
    r"(?!(?:[\w'’-]+\s+){1,3}?(?:skip|avoid|miss|delay|ignore|refuse|stop|quit|don['’]t|won['’]t"
    r"|put\s+off|choose|decide|go|see|visit|call|talk|buy|use|try|take)\b)"
    r"|makes?\s+(?:[\w'’-]+\s+){1,4}?a\s+thing\s+of\s+the\s+past"
    r"|(?:is|are)\s+(?:\w+\s+)?behind\s+(?:the|your|most|many|those|these|a\s+lot\s+of|much\s+of)"
    # "are the hidden spark behind", "is the root of", "is your best defence against",
    # "sets you up for weight gain", "are robbing toddlers of their sleep", "works as well
    # as antidepressants for".
    r"|(?:is|are)\s+the\s+(?:[\w-]+\s+){0,2}?(?:spark|force|fuel|engine)\s+behind"
    r"|(?:is|are)\s+the\s+(?:real\s+|hidden\s+|true\s+)?root\s+of"
    r"|(?:is|are)\s+(?:your|the)\s+(?:best|first|number[\s-]one|top|secret)\s+(?:defen[cs]e|weapon"
    r"|protection)\s+against"
    r"|(?:sets?|setting)\s+(?:you|kids|children|them|teens|babies|your\s+\w+)\s+up\s+for"
    # "keeps your breasts from sagging", "Keeps Asthma From Developing", "puts an end to
    # bloating", "throws your hormones out of whack".
    r"|keeps?\s+(?:your\s+|their\s+|the\s+)?(?:[\w-]+\s+){0,2}?from\s+(?:ever\s+)?[a-z]+ing"
    r"|puts?\s+an\s+end\s+to"
    r"|(?:throws?|threw|thrown|knocks?|knocked|puts?)\s+(?:your\s+|their\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}?out\s+of"
    r"\s+(?:balance|whack|sync)"
    # ...or back into it: "brings oestrogen and progesterone back into balance".
    r"|(?:brings?|puts?|gets?|restores?)\s+(?:your\s+|their\s+|the\s+)?(?:[\w-]+\s+){0,3}?back"
    r"\s+(?:into|in)\s+(?:balance|sync|rhythm)"
    r"|(?:steals?|stealing|robs?|robbing|starves?|starving|deprives?|depriving)\s+"
    r"(?:you|your\s+\w+|kids|children|toddlers|babies|teens|them)\s+of"
    r"|works?\s+(?:just\s+)?as\s+well\s+as\s+(?:[\w-]+\s+){1,3}?(?:for|at|in)"
    r"|(?:is|are)\s+to\s+blame\s+for"
    r"|say\s+goodbye\s+to|(?:and|then)\s+(?:you['’]ll|you\s+will)\s+(?:never\s+)?\w+"
    # "Skip it and you're basically signing up for a torn hamstring", "That's how
    # arthritis starts".
    r"|(?:and|then)\s+you(?:['’]re|\s+are)\s+(?:\w+\s+)?(?:signing\s+up\s+for|setting\s+yourself"
    r"\s+up\s+for|head(?:ed|ing)\s+for|on\s+(?:the\s+)?(?:fast\s+)?track\s+(?:for|to))"
    # (Only as the whole point, of an illness: not "It's how a cold starts, with a scratchy
    # throat", "That's how the appointment starts: …", "That's how recovery begins".)
    r"|(?:that|this)(?:['’]s|\s+is)\s+how\s+(?!(?:the\s+)?(?:recovery|healing|treatment|process"
    r"|appointment|session|visit|day|week|class|workout|routine)\b)(?:[\w'’-]+\s+){1,4}?"
    r"(?:starts?|begins?|sets?\s+in|takes?\s+hold)(?=\s*[.!]*\s*$)"
    # ...and what "so" promises the body ("so you'll fall asleep faster"; not planning: "so
    # you won't forget your tablets").
    r"|so\s+(?:you['’]ll|you\s+will|you\s+won['’]t)\s+(?:\w+\s+)?(?:sleep|fall\s+asleep|feel|lose|shed"
    r"|burn|heal|recover|wake|get\s+sick|catch|crave|ache|bloat)"
    r"|and\s+(?:your\s+[\w'’-]+(?:\s+[\w-]+)?\s+will|[\w-]+s\s+become)"
    r"|(?:is|are)\s+(?:\w+\s+)?(?:poison|toxic|terrible|a\s+disaster)\s+(?:for|to)"
    r"|(?:is|are)\s+the\s+(?:[#\w]+\s+)?(?:culprit|cause)\s+(?:of|behind)"
    # "Phones are a hidden cause of infertility", "is one of the sneakiest triggers of acne":
    # the writer's word for a cause no one suspects (a cause told plainly is as often a
    # textbook one: "Low sperm count is a main cause of infertility").
    r"|(?:is|are)\s+(?:a|an|one\s+of\s+the)\s+(?:(?:[\w-]+\s+)?(?:hidden|sneaky|sneakiest|silent"
    r"|surprising|overlooked|little-known|secret|unexpected|unsuspected|real|true)\s+)"
    r"(?:causes?\s+of|triggers?\s+(?:of|for)|contributors?\s+to|culprits?\s+behind)"
    # A heading that names the cause first: "Dehydration: The #1 Cause of Fatigue".
    r"|(?<=:\s)the\s+(?:#1|number[\s-]one|real|hidden|main|biggest|secret)\s+(?:cause|culprit"
    r"|reason)\s+(?:of|behind|for)"
    r"|(?:is|are|['’]s)\s+what\s+(?:really\s+|actually\s+|finally\s+)?(?:makes|keeps|causes|gives"
    r"|turns|drives|gets|leaves"
    r"|triggers|sets\s+off|brings\s+on|sparks|fuels|feeds|builds|burns|heals|repairs|clears"
    r"|protects|prevents|stops|fixes|eases|calms|pushes|stopped|ended|fixed|cured|cleared|healed"
    r"|brought|kept|got|helped"
    rf"|{_THIRD})"
    r"|(?:are|['’]re)\s+what\s+(?:really\s+)?(?:make|keep|cause|give|leave|turn|drive|trigger|stop"
    r"|prevent|fix|ease|calm|heal|protect|clear)"
    # "Blame the pill for throwing your gut flora out of whack".
    r"|blame\s+(?:it\s+on\s+)?(?:the\s+|your\s+)?(?:[\w-]+\s+){0,2}?for"
    # (A purpose is no claim: "chemotherapy to keep the leukemia at bay".)
    # (Nor what the reader is told to keep: "it's important you keep that LDL under control".)
    rf"|{_KEEPS}(?:your\s+|their\s+|the\s+)?(?:\w+\s+){{0,3}}?"
    r"(?:young|sharp|healthy|strong|glowing"
    r"|clear|supple|youthful|fit|calm|quiet|focused|energi[sz]ed|regular|balanced|full|settled"
    r"|steady|stable|down|low|in\s+check|under\s+control|at\s+bay|[a-z]+-free)"
    # ...up, said of what keeps it up (not the instruction "Keep your hips high").
    r"|(?<=\w\s)keeps?\s+(?:your|their|the)\s+(?:[\w-]+\s+){0,2}?(?:up|high)"
    r"|(?:the|a|an)\s+(?:single\s+|very\s+)?(?:natural|easy|simple|best|fastest|quickest|proven"
    # (Finding out is no outcome: "The best way to know if a mole is cancer is…".)
    r"|secret)\s+way\s+to(?!\s+(?:know|find\s+out|tell|check|see|learn|spot|detect|diagnose"
    r"|confirm)\b)"
    # "Lifting to failure is the only way to trigger muscle growth" (not a news story's
    # "Currently, the only way to tell…").
    r"|(?:is|are)\s+the\s+(?:only|surest)\s+way\s+to"
    r"|gives?\s+(?:you|everyone|people|your\s+\w+|seniors|kids|children|women|men|them)\s+(?:more"
    r"|clearer|better|glowing|stronger|less|(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:boost|lift|kick|burst)"
    # ...or the body as it will be: "gives you firmer skin", "calm, focused energy" (the
    # body's word ends what it gives: "gives you daily blood sugar targets" gives targets).
    rf"|(?:(?!(?:for|to|of|with|about|on|in|at|from|by|and|or)\b)[\w-]+,?\s+){{1,3}}?"
    rf"(?:{_PARTS}|{_BODY_OUTCOMES})(?:e?s)?\b{_PHRASE_ENDS})"
    r"|grows?\s+(?:taller|stronger|faster|healthier))\b",
    re.IGNORECASE,
)
# What a thing is for, told with "to": "to promote sleep", "to help you sleep".
_TO_HEALTH = rf"to\s+(?:help\s+(?:you\s+)?(?:to\s+)?)?(?:sleep|relax|heal|{_BASE})"
# What a food or a product is said to help, named in its name: "Immunity booster".
_HELPED = (
    r"immunity|immune|energy|mood|metabolism|stress|hormone|fat|cancer|gut|skin|joint|liver"
    r"|testosterone|libido|brain|memory|collagen|estrogen|oestrogen|blood\s+sugar"
)
# A product named by what it is for: "oils you can use to promote sleep", "Natural Relief
# for Anxiety", "Immunity booster".
_FOR_HEALTH = Pattern.lazy(
    rf"(?P<cue>(?:(?<=\buse\s)|(?<=\btake\s)){_TO_HEALTH}"
    r"|\b(?:natural|fast|quick|instant|lasting|drug-free)\s+relief(?=\s+(?:for|from)\b)"
    rf"|\b(?:{_HELPED})[ -](?:boosters?|relievers?|regulators?|busters?|fighters?|healers?|savers?"
    r"|soothers?)"
    # ...or by what it does, as an adjective of a food: "the most testosterone-boosting food
    # on Earth", "immune-boosting soup".
    rf"|\b(?:{_HELPED})-(?:boosting|busting|burning|fighting|balancing|healing|protecting"
    r"|lowering|loving)(?=\s+(?:[\w-]+\s+){0,2}?(?:foods?|drinks?|herbs?|supplements?|snacks?|teas?"
    r"|spices?|superfoods?|smoothies?|salads?|soups?|bars?|bites|meals?|breakfasts?|juices?)\b))\b",
    re.IGNORECASE,
)
# Said to be good for the body or a health outcome: "6 Foods That Are Good for Gut
# Health"; what it is able to do: "its ability to help alleviate pain".
_GOOD = r"(?:good|great|excellent|perfect|ideal|beneficial)\s+for"
_GOOD_FOR = Pattern.lazy(
    rf"\b(?P<cue>(?:is|are)\s+(?:\w+\s+)?{_GOOD}"
    rf"(?=\s+(?:your\s+|the\s+|a\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_PARTS}|{_BODY_OUTCOMES}|health)\b)"
    r"|(?:its|their)\s+(?:\w+\s+)?(?:ability|power|capacity)\s+to\s+(?:help\s+)?"
    rf"(?:{_BASE}))\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=2)
def _good_for_disease(diseases: str) -> Pattern:
    """``_GOOD_FOR`` with a disease of the lexicon (``diseases``: its pattern) after it:
    "Yogurt is great for anxiety" (not "great for people with diabetes", which a recipe
    is as often, nor "is not good for", nor a disease that names something else: "great
    for anxiety sufferers")."""
    return Pattern.lazy(
        rf"\b(?P<cue>(?:is|are)\s+(?:(?!not\b|never\b)\w+\s+)?{_GOOD})"
        rf"\s+(?:your\s+|the\s+)?(?:{diseases}){_PHRASE_ENDS}",
        re.IGNORECASE,
    )


# A promise joined to an instruction: "Enjoy your favorite drink and protect your liver!",
# "Swap soda for seltzer and watch your waistline shrink".
_PROMISE = Pattern.lazy(
    rf"\band\s+(?:still\s+|even\s+)?(?P<cue>(?:{_BASE})|watch|lose|shed|drop)\s+"
    r"(?=your\s+|(?:\w+\s+)?(?:weight|fat|pounds|inches)\b)"
    # A limb moved in an exercise is no promise: "and lower your hips until…".
    r"(?!your\s+(?:\w+\s+)?(?:hips|arms|legs|knees|shoulders|feet|chin|head|hands|elbows|back"
    r"|torso|core|glutes|heels|toes|chest|pelvis|neck|jaw|face|muscles)\b)",
    re.IGNORECASE,
)
# What it lets the reader's body do: "allows you to shed excess weight", "lets your body
# heal faster"; relief it is said to give: "herbs known to provide relief".
_LETS_YOU = Pattern.lazy(
    r"\b(?P<cue>(?:allows?|allowing|lets|letting|enables?|enabling)\s+(?:you|your\s+body"
    rf"|the\s+body)\s+(?:to\s+)?(?:{_BASE}|shed|lose|burn|sleep|heal|recover|absorb|digest))\b",
    re.IGNORECASE,
)
_RELIEF = Pattern.lazy(
    r"\b(?P<cue>(?:provides?|provided|providing|offers?|brings?|gives?)\s+(?:\w+\s+)?relief)\b",
    re.IGNORECASE,
)
# A heading or a list item that names things by what they do: "12 Essential Oils to Help
# You Sleep", "Tips to cure migraines" (in a longer sentence "to" after a plural is
# mostly a purpose: "use it on wounds to help healing"; "steps to" and "ways to" are
# advice, and so is what a clinician gives: "Take the tablets your midwife prescribes to
# prevent preeclampsia").
_FOR_HEALTH_HEADING = Pattern.lazy(
    r"(?<=[a-z]s\s)(?<!\bsteps\s)(?<!\bways\s)(?<!\bhelps\s)(?<!\bworks\s)(?<!\bneeds\s)(?<!\bwants\s)"
    r"(?<!\btries\s)(?<!\baims\s)(?<!\bseems\s)(?<!\bgoes\s)(?<!\buses\s)(?<!\btakes\s)"
    r"(?<!\bprescribes\s)(?<!\brecommends\s)(?<!\badvises\s)(?<!\bsuggests\s)(?<!\borders\s)"
    rf"(?<!\bhas\s)(?<!\bis\s)(?<!\bwas\s)(?<!\bdoes\s)(?P<cue>{_TO_HEALTH})\b",
    re.IGNORECASE,
)
_HEADING_WORDS = 10
# The effect first, its cause after: "Those afternoon crashes come from a sluggish liver",
# "Kids who skip sleep end up with more colds", "Sprouted grains are easier on your gut".
_EFFECT_FIRST = Pattern.lazy(
    r"\b(?P<cue>(?:comes?|came|stems?|stemmed)\s+from"
    # A word's origin is no cause: "'Collagen' comes from the Greek word for glue".
    r"(?!\s+(?:the\s+|an?\s+)?(?:ancient\s+)?(?:greek|latin|french|german|arabic|sanskrit"
    r"|old\s+english|japanese|chinese|hindi)\b)"
    r"|(?:is|are)\s+(?:largely\s+|mostly\s+|mainly\s+|partly\s+)?due\s+to"
    r"|end(?:s|ed)?\s+up\s+(?:with|having|developing|(?:more|less)\s+(?:prone|likely|susceptible"
    r"|vulnerable)\s+to)"
    # ...and what people who do something end up: "Kids who drink whole milk end up leaner"
    # (not "Most of the kids ended up taller", which names no cause).
    r"|(?<=\s)(?:who|that)\s+[^.;:]{1,80}?\bend(?:s|ed)?\s+up\s+(?:more|less|(?!\w+ing\b)\w+er\b)"
    r"|(?:grow|grows|grew)\s+(?:up\s+)?(?:into|to\s+be|(?<=up\s)(?:smarter|healthier|stronger"
    r"|leaner|taller|happier|calmer|fatter|sicker))"
    # ...and what people who do something have: "Kids who play outside have fewer colds".
    # ("tend to have" is a hedge; "that" after "found" tells a finding).
    r"|\b(?:people|kids|children|women|men|adults|those|babies|toddlers|teens|teenagers|mums|moms"
    r"|dads|parents|seniors|runners|athletes|dieters|students|workers)\s+who\s+[^.;:,]{1,60}?\b"
    r"(?<!\btend\sto\s)(?<!\btends\sto\s)(?<!\bnot\s)(?<!n['’]t\s)(?<!\bnever\s)"
    r"(?:(?:have|get|catch|suffer|develop|experience)\s+"
    r"(?:far\s+|much\s+|significantly\s+)?(?:fewer|less|lower|more|higher|better|worse)\b"
    # ...or get what they want sooner: "The women who drop caffeine get pregnant faster".
    r"|get\s+(?:pregnant|better|well)\s+(?:faster|sooner|quicker)\b)"
    r"|(?:is|are)\s+(?:much\s+|far\s+)?(?:easier|harder|tougher|gentler|kinder)\s+on\s+your"
    # The cause named after its effect: "If your periods are painful, the culprit is almost
    # always sugar", "Your sluggish afternoons come down to one thing".
    r"|the\s+(?:real\s+|main\s+|hidden\s+|usual\s+|biggest\s+)?(?:culprit|cause)\s+is"
    r"|comes?\s+down\s+to)\b",
    re.IGNORECASE,
)
# The effect as what follows an instruction or a change: "Start eating for your blood type
# and the energy dips disappear", "Once you cut out seed oils, the inflammation in your
# body just switches off"; none like it: "Nothing ages your skin faster than…".
# What an ailment is said to do as it goes.
_GOES = (
    r"disappears?|vanish(?:es)?|go(?:es)?\s+away|clears?\s+up|melts?\s+away|fades?|lifts?"
    r"|improves?|heals?"
)
# ...and what is said of it once gone: "is gone in a week", "becomes a thing of the
# past", "will never come back".
_GONE = (
    r"(?:is|are|will\s+be|['’]ll\s+be)\s+(?:\w+\s+)?gone|(?:becomes?|is|are|will\s+be)\s+(?:a\s+thing"
    r"\s+of\s+the\s+past|history)|(?:will\s+|['’]ll\s+)?never\s+(?:come|comes)\s+back"
    r"|won['’]t\s+(?:ever\s+)?come\s+back"
)
_RESULT = Pattern.lazy(
    r"(?:\band\s+|\bthen\s+|^\W*(?:once|when|after|if)\s+you\b[^,.;]{1,60},\s+)"
    # (Not the illness's own course: "…and the mastitis will usually clear up".)
    r"(?![^,.;]*\b(?:usually|normally|generally|typically|on\s+its\s+own|by\s+itself)\b)"
    r"(?P<cue>(?:(?:the|your|those|that|all\s+(?:the|your|those))\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:(?:just|simply|finally|soon|quickly)\s+)?(?:will\s+(?:\w+ly\s+)?|['’]ll\s+)?"
    rf"(?:{_GOES}|clears?|takes?\s+care\s+of\s+itself|switch(?:es)?\s+off|calms?\s+down"
    rf"|settles?\s+down|stops?)|(?:your|those|all\s+(?:your|those))\s+"
    # ("The" is left out: "…and the cold is gone", "…and the stress is gone" tell of a room
    # warmed and a bill paid as often.)
    rf"(?:[\w'’-]+\s+){{0,5}}?(?:{_GONE})"
    # An ailment named bare is gone for good: "and acne is gone in a week", "and bloating
    # becomes a thing of the past" (not "and sleep improves", which any list can say;
    # nor someone's own, which tells a story: "and her pain is gone").
    r"|(?!(?:his|her|their|its|my|our|he|she|they|it|i|we|the|this|that)\b)"
    rf"(?:[\w'’-]+\s+){{1,4}}?(?:{_GONE}|disappears?|vanish(?:es)?)))\b",
    re.IGNORECASE,
)
# A result promised by a deadline, as a heading or a product line: "Better sleep in a
# week", "Flat stomach in ten sessions".
_BY_A_DEADLINE = Pattern.lazy(
    r"^\W*(?P<cue>(?:better|deeper|clearer|calmer|stronger|healthier|smoother|softer|firmer|flat"
    r"|flatter|glowing|fewer|less|more|no\s+more)\s+(?:[\w'’-]+\s+){0,2}?(?:in|within)\s+(?:just\s+"
    r"|only\s+)?(?:a|one|two|three|four|five|six|seven|ten|\d+)\s+(?:days?|nights?|weeks?|months?"
    r"|sessions?))\W*$",
    re.IGNORECASE,
)
# ...or promised to the reader: "You'll see smoother, firmer skin in as little as four
# weeks" (about health: "You'll get your results within two weeks" is none).
_YOU_WILL_SEE = Pattern.lazy(
    r"\b(?P<cue>(?:you['’]ll|you\s+will)\s+(?:see|notice|feel|have|get|enjoy|wake\s+up\s+with)"
    r"\s+(?:[\w,'’-]+\s+){0,4}?(?:(?:in|within)\s+(?:just\s+|only\s+|as\s+little\s+as\s+)?"
    r"(?:a|one|two|three|four|five|six|seven|ten|\d+)\s+(?:days?|nights?|weeks?|months?|sessions?)"
    r"|within\s+(?:days|weeks|hours)))\b",
    re.IGNORECASE,
)
# ...told effect first: "Menopause brain fog lifts once you cut out alcohol".
_GONE_ONCE = Pattern.lazy(
    # (An adverb of how often is a hedge: "Brain fog often lifts once you start treatment".)
    r"^\W*(?:(?!(?:often|usually|sometimes|typically|generally|normally)\b)[\w'’-]+\s+){1,5}?"
    rf"(?P<cue>(?:{_GOES}|eases?|stops?)\s+"
    r"(?:(?:for\s+good|overnight|fast|quickly|within\s+days)\s+)?(?:once|as\s+soon\s+as|the\s+moment)"
    r"\s+you)\b",
    re.IGNORECASE,
)
# A promise made to the body, named before it: "your liver will thank you", "Your joints
# will feel ten years younger".
_THANKS = Pattern.lazy(
    r"\b(?P<cue>(?:will|['’]ll)\s+thank\s+you|will\s+feel\s+(?:[\w-]+\s+){0,3}?(?:younger|better"
    r"|lighter|stronger|healthier|new)"
    # ...or one person's story promised to the reader: "Staying busy kept her memory
    # sharp, and it will do the same for you".
    r"|(?:will|['’]ll|can|would)\s+do\s+the\s+same\s+for\s+(?:you|yours|your\s+[\w-]+))\b",
    re.IGNORECASE,
)
# A customer's story of what a product did, which the FTC reads as the seller's claim:
# "this greens powder cleared my eczema in two weeks".
_TESTIFIED = (
    "cleared up|cleared|cured|fixed|healed|eased|calmed|stopped|reversed|got rid of"
    "|helped with|helped|saved"
).split("|")
_TESTIMONY = Pattern.lazy(
    # (Not the writer's own doing: "I stopped my morning run".)
    r"(?<!\bI\s)(?<!\bwe\s)\b(?P<cue>(?:"
    + "|".join(v.replace(" ", r"\s+") for v in _TESTIFIED)
    + r")\s+my)\b",
    re.IGNORECASE,
)
# The first word of each, which every match holds.
_TESTIFIED_WORDS = tuple(sorted({v.split()[0] for v in _TESTIFIED}))
# A testimonial's signature: "- Jenna, verified buyer", "says Maya, a happy customer".
_SIGNED = Pattern.lazy(
    r"(?:[-–—]|\b(?:says|said|writes|wrote))\s*(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*)?,\s+"
    r"(?:a\s+)?(?:verified\s+(?:buyer|customer|purchaser|reviewer)|happy\s+customer|customer"
    r"|client|reader|(?:mom|mum|mother|dad)\s+of)\b",
    re.IGNORECASE,
)


def signs_testimonial(text: str) -> bool:
    """Whether ``text`` holds a testimonial's signature ("- Jenna, verified buyer"): the
    quotation it signs is the seller's claim, not a speaker's."""
    return _SIGNED.search(text) is not None


# The effect told as what a habit means: "…, which means better sleep and fewer cavities".
_MEANS = Pattern.lazy(
    r"\b(?P<cue>(?:which|that|this)\s+means\s+(?:a\s+|an\s+)?(?:better|fewer|less|more|lower|higher"
    r"|deeper|clearer|stronger|faster|healthier|calmer|smoother|reduced|improved|increased)"
    # ...or what heals faster: "which means sprains heal faster".
    r"|(?:which|that|this)\s+means\s+(?:your\s+)?(?:[\w-]+\s+){1,2}?(?:heal|recover|clear|fade"
    r"|settle)s?\s+(?:up\s+)?(?:faster|quicker|sooner|more\s+quickly))\b",
    re.IGNORECASE,
)
# The effect as a passive's subject, its cause as the agent: "Inflammation is fuelled by
# sugar", "Most eczema flares are brought on by detergent" (whether the agent is an
# illness or the body, which tells how illness works, the claim rules decide).
_PASSIVE_CAUSE = Pattern.lazy(
    r"\b(?P<cue>(?:is|are|gets?|got)\s+(?:(?:often|usually|mostly|mainly|largely|also|actually"
    r"|really|directly)\s+)*(?:fuell?ed|worsened|triggered|caused|driven|aggravated|sparked"
    rf"|kick-started|{IRREGULAR_PASSIVES})\s+by)\s+"
    # A person is no cause: "is treated by a dermatologist".
    rf"(?!(?:a|an|the|your|our)?\s*(?:{_CARERS})\b)",
    re.IGNORECASE,
)
# ...and a cure told the same way: "Type 2 diabetes can be reversed in 30 days", "Sugar
# cravings are crushed by a spoonful of vinegar", "Eczema is healed with our balm". A
# drug, a treatment or a carer as the agent tells how medicine works: "Strep throat is
# cured with antibiotics".
_PASSIVE_CURE = Pattern.lazy(
    # (A cure by a deadline with no agent is as often medicine's: "Hepatitis C can be cured
    # in 12 weeks".)
    rf"\b(?P<cue>{CURED}(?!cured\s+(?:in|within)\b)(?:(?:{CURE_PASSIVES})\s+"
    r"(?:(?:for\s+good|naturally|completely|permanently|at\s+home|fast|quickly)\s+)?"
    # (What heals in its own time heals by itself: "The cut is healed within a week".)
    rf"(?:by|with|{BY_A_DEADLINE})|healed\s+(?:naturally\s+)?(?:by|with)))"
    rf"(?!\s+(?:a|an|the|your|our)?\s*(?:{_CARERS})\b)"
    rf"(?!\s+(?:[\w-]+\s+){{0,3}}?(?:{_DRUG}|antibiotics?|medications?|medicines?|drugs?|surgery"
    r"|treatment|therapy|vaccines?|tablets?|pills?|injections?|course)\b)",
    re.IGNORECASE,
)
# Toxins moved out of the body, whatever moves them: "Hot yoga sweats the toxins right out
# of your body", "Deep twists wring toxins out of your organs", "Toxins are swept out of
# the lymph with every stroke". The body's own organs at work state a textbook fact
# (``knowledge/facts.yaml``: "Your kidneys flush waste out of your blood").
_TOXINS = (
    r"(?:toxins|impurities|poisons|heavy\s+metals|toxic\s+(?:waste|build-?up|chemicals|sludge)"
    r"|(?:built-up|stored|trapped|accumulated)\s+waste|mercury|radiation|radioactive\s+[\w-]+"
    r"|pesticides|phthalates|bpa|mou?ld)"
)
# ...out of the body: "out", "away", or from a part of it (not "separates heavy metals from
# polluted soil").
_OUT = (
    # (Not out of the reader's diet or home: "Cut cholesterol out of your diet".)
    r"(?:(?:right|straight|clean)\s+)?(?:out|away)\b(?!\s+of\s+(?:your|the|my|our)\s+(?:diet|life"
    r"|meals?|kitchen|home|house|routine|pantry|fridge|plate|recipes?|cooking)\b)"
    r"|from\s+(?:your|the|their|our)\s+"
    rf"(?:[\w-]+\s+)?(?:{_PARTS})(?:e?s)?\b"
)
# A word each of those names has: a cheap test before the patterns.
_TOXIN_WORDS = (
    "toxins",
    "impurities",
    "poisons",
    "metals",
    "toxic",
    "waste",
    "mercury",
    "radiation",
    "radioactive",
    "pesticides",
    "phthalates",
    "bpa",
    "mold",
    "mould",
)
_DETERMINER_OF_TOXINS = (
    r"(?:(?:the|all\s+(?:the|those|that)|those|these|any|built-up|stored|trapped|harmful|its"
    r"|their|your)\s+)?"
)
# What is no verb moving them: "a build-up of toxins from", "contains toxins from",
# "produces toxins", "avoid toxins from".
_MOVES = (
    r"(?!(?:of|and|or|the|any|no|more|less|other|with|for|from|these|those|all|are"
    r"|is|was|were|be|been|has|have|had|contains?|produces?|produced|creates?|created|makes?"
    r"|made|forms?|formed|builds?|stores?|stored|holds?|traps?|trapped|absorbs?|accumulates?"
    r"|generates?|avoid|avoids|exposes?|exposed|about|against|releases?|released|harmful"
    r"|environmental|dangerous|certain|some|many|few|such|what|which|that|their|your|our)\b)"
    r"[a-z]{3,}"
)
_TOXINS_OUT = Pattern.lazy(
    # (A purpose is no claim: "Drink water to flush toxins out"; nor is an instruction,
    # which has no subject: "Flush the toxins out with…".)
    rf"(?<=\w\s)(?<!\bto\s)\b(?P<cue>{_MOVES}(?:\s+(?:out|away))?)\s+{_DETERMINER_OF_TOXINS}{_TOXINS}"
    rf"\s+(?:{_OUT})",
    re.IGNORECASE,
)
# ...the particle first: "squeezing out the toxins stored inside".
_OUT_THE_TOXINS = Pattern.lazy(
    rf"(?<!\bto\s)\b(?P<cue>{_MOVES}\s+out)\s+{_DETERMINER_OF_TOXINS}{_TOXINS}\b",
    re.IGNORECASE,
)
# ...or what was named before, carried out of the body: "Chlorella binds mercury and
# escorts it out of the body".
_CARRIED_OUT = Pattern.lazy(
    r"(?<=\band\s)(?P<cue>[a-z]{3,})\s+(?:it|them)\s+(?:right\s+|straight\s+)?out\s+of\s+"
    r"(?:your|the)\s+(?:body|system|bloodstream)\b",
    re.IGNORECASE,
)
# ...and in the passive: "Toxins trapped in your fat cells are flushed out".
_TOXINS_FLUSHED = Pattern.lazy(
    rf"\b{_TOXINS}\b(?:\s+[\w-]+){{0,5}}?\s+(?P<cue>(?:are|get|will\s+be|can\s+be)\s+"
    r"(?:\w+ly\s+)?(?:(?:[a-z]{3,}ed|swept|drawn|sweat|wrung|driven|shaken|blown)(?:\s+and\s+|\s+)){1,2}"
    rf"(?:{_OUT}))"
    # (...by the body itself, a fact: "are filtered out by your kidneys".)
    rf"(?![^.;:]{{0,40}}?\bby\s+(?:your|the)\s+(?:[\w-]+\s+)?(?:{_PARTS})(?:e?s)?\b)",
    re.IGNORECASE,
)
# One habit said to cancel the harm of another: "A standing desk undoes the damage of a
# day spent sitting", "Two long lie-ins undo a week of short nights" (not a purpose, "ways
# to undo the damage", nor "Nothing undoes…").
_UNDOES = Pattern.lazy(
    r"(?<!\bto\s)(?<!\bnothing\s)\b(?P<cue>(?:undo(?:es)?|undid|erases?|cancels?\s+out"
    r"|makes?\s+up\s+for)\s+"
    r"(?:(?:the|all\s+the|much\s+of\s+the|most\s+of\s+the|any\s+of\s+the|every\s+bit\s+of"
    r"(?:\s+the)?)\s+(?:[\w-]+\s+)?"
    r"(?:damage|harm|toll|effects?|ravages)(?:\s+(?:of|from|done|caused|that)|(?=\s+(?:the|a|your)\s))"
    r"|(?:a|an|one|two|three|\w+\s+(?:days|weeks|months|years))\s+(?:[\w-]+\s+)?"
    r"(?:day|night|week|month|year|decade|weekend)s?\s+of"
    # ...or the good of exercise: "Sitting all day undoes every workout".
    r"|(?:every|each|all\s+(?:of\s+)?(?:your|the)|your|the)\s+(?:[\w-]+\s+)?(?:workouts?"
    r"|gym\s+sessions?|training\s+sessions?|exercise)))\b",
    re.IGNORECASE,
)
# Two things that rise together, told as cause and effect: "The more you sweat, the
# more toxins you clear out", "The less sugar you eat, the fewer breakouts you'll get".
_THE_MORE = Pattern.lazy(
    r"^\W*(?P<cue>the\s+(?:more|less|fewer|longer|earlier|later|sooner)\b[^,;:.]{1,80},\s+the\s+"
    r"(?:more|less|fewer|better|worse|faster|slower|healthier|stronger|lower|higher|deeper)\b)",
    re.IGNORECASE,
)
# A habit said to make a health outcome easier or better: "makes labour shorter and
# easier", "makes your periods lighter".
_EASED = (
    "shorter|easier|faster|better|deeper|smoother|stronger|healthier|lighter|less painful"
    "|more regular|more restful|quicker|sounder|calmer"
).split("|")
_MAKES_BETTER = Pattern.lazy(
    r"\b(?P<cue>(?:makes?|made|making)\s+(?:your\s+|their\s+)?"
    # Not "makes it easier", "makes the hair easier to comb".
    r"(?!(?:it|them|this|that|the|things|life|everything)\b)(?:[\w-]+\s+){1,2}?"
    r"(?:" + "|".join(e.replace(" ", r"\s+") for e in _EASED) + r"))\b"
    # Easier to do is no health: "makes your hair easier to detangle".
    r"(?!\s+to\b)",
    re.IGNORECASE,
)
_NONE_LIKE = Pattern.lazy(
    r"^\W*(?P<cue>nothing\s+[a-z]+s)\s+(?:[\w'’-]+\s+){1,3}?(?:faster|more|better|quicker|worse)\b",
    re.IGNORECASE,
)
_DIFFERENCE = Pattern.lazy(
    r"\b(?P<cue>(?:makes?|made|making)\s+(?:all\s+the|a\s+(?:big|huge|real|massive|major"
    r"|noticeable|dramatic)|a\s+world\s+of)\s+difference"
    r"|(?:is|are)\s+(?:a\s+|the\s+)?(?:real\s+)?game[- ]changers?)\b",
    re.IGNORECASE,
)
# What a food or a habit is said to do to you: "Sugar makes children hyperactive", "sends
# your blood sugar soaring".
_MAKES = Pattern.lazy(
    r"\b(?P<cue>(?:makes?|turns?)\s+(?:you|your\s+\w+|children|kids|babies|people|women|men)"
    r"\s+(?:\w+\s+)?"
    r"(?:hyperactive|fat|sick|ill|tired|bloated|anxious|depressed|sleepy|hungry|gain\s+weight"
    r"|age|bulky|look\s+(?:older|bulky|younger))"
    r"|sends?\s+(?:your\s+|the\s+)?(?:\w+\s+){1,2}(?:soaring|skyrocketing|spiking|through\s+the"
    r"\s+roof|into\s+overdrive|bouncing\s+off\s+the\s+walls)"
    # "turns your dinner straight into fat", "goes straight to your hips", "will knock you
    # out", "dehydrates you".
    r"|turns?\s+(?:[\w'’-]+\s+){1,3}?(?:straight\s+)?into\s+(?:belly\s+)?fat"
    r"|go(?:es)?\s+straight\s+to\s+your\s+(?:hips|thighs|belly|waist(?:line)?|middle|bottom"
    r"|butt|stomach|gut|arteries|liver|bloodstream|love\s+handles)"
    # Off to sleep, not in a boxing ring: "will knock you out in no time".
    r"|knocks?\s+(?:you|kids|children|babies|them)\s+out\s+cold\b"
    r"|knocks?\s+(?:you|kids|children|babies|them)\s+out\s+(?:in\s+(?:no\s+time"
    r"|minutes|seconds)|faster|quicker|like\s+a\s+light|at\s+night|for\s+the\s+night|before\s+bed"
    r"|every\s+night)"
    # "puts you to sleep", "leaves your metabolism sluggish".
    r"|puts?\s+(?:you|kids|children|babies|toddlers|them)\s+to\s+sleep"
    r"|leaves?\s+(?:you|your\s+(?:\w+\s+)?\w+)\s+(?:feeling\s+)?(?:sluggish|bloated|tired|exhausted"
    r"|drained|foggy|inflamed|depleted|toxic|weak|starving|hungry|constipated|dehydrated)"
    r"|(?:dehydrates?|energi[sz]es?|exhausts?|sedates?|overstimulates?|constipates?)"
    r"\s+(?:you|kids|children|babies|toddlers|them))\b",
    re.IGNORECASE,
)
# "Benefits of morning sun: sharper focus, deeper sleep…": a benefit list after a colon.
_BENEFITS_COLON = Pattern.lazy(
    r"^[^\w'’-]*(?:[\w'’-]+\s+){0,3}?(?P<cue>benefits?)\s+of\s+[^:.!?]{1,80}:\s+(?:a\s+)?(?:sharper"
    r"|deeper|faster|stronger|clearer|healthier|better|balanced|improved|reduced|lower|less|more"
    r"|fewer|increased|boosted|glowing)\b",
    re.IGNORECASE,
)
# A subject read as the verb, denied right after it: "Scented candles don't sabotage…".
_DENIED_AFTER = Pattern.lazy(
    r"\s+(?:(?:(?:do|does|did|will|can|could|would)\s*)?(?:n['’]t|not|never|cannot)"
    r"|(?:no|little)\s+(?:difference|effect|impact|change))\b",
    re.IGNORECASE,
)
# A verb denied just before it: "Sugar doesn't actually make kids hyperactive".
# ...or asked about: "asked me whether cupping really "pulls out toxins"".
_NEGATED = Pattern.lazy(
    r"(?:\bnot|\bnever|n['’]t|\bwhether)\s+(?:\w+\s+){0,3}[\"“]?$", re.IGNORECASE
)
# What "helps with" acts on when it is health: "helps with joint pain", not "with the
# dishes" (curated: ``knowledge/health.csv``, with the other words that name health).
_OUTCOMES = curated_alternation("health.csv", "outcome")
# A wording that names no effect of its own ("is the key to", "and you'll…") is a claim
# only about the body or health: "Water is the key to a good soup" is a recipe.
_HEALTH_WORD = Pattern.lazy(
    rf"{_TARGET}|\b(?:{_OUTCOMES}|{curated_alternation('health.csv', 'word')})\b", re.IGNORECASE
)
_HELPS_WITH = Pattern.lazy(
    r"(?<!\bto )(?<!\bnot )(?<!n['’]t )(?<!\bnever )\b(?P<cue>(?:can\s+|may\s+)?"
    r"(?:help(?:s)?\s+(?:\w+\s+)?(?:(?:cope|deal)\s+)?|helping\s+(?:\w+\s+)?(?:cope|deal)\s+)with)\s+(?:(?:your|the|any|some|occasional|mild|chronic|joint"
    rf"|back|muscle|period|morning|\w+-related)\s+){{0,2}}(?:{_OUTCOMES})\b",
    re.IGNORECASE,
)
# A product's "properties": "has powerful anti-inflammatory properties", "with healing
# powers".
_PROPERTIES = Pattern.lazy(
    r"\b(?P<cue>(?:has|have|had|with|boasts?|offers?|packs?)\s+(?:\w+\s+){0,3}?"
    r"(?:anti-?\w+|healing|medicinal|therapeutic|detoxifying|immune-boosting|cancer-fighting"
    r"|disease-fighting|fat-burning|\w+-(?:boosting|fighting|reducing|lowering|busting))"
    r"\s+(?:properties|effects?|powers?|benefits|qualities|abilities))\b",
    re.IGNORECASE,
)
# Benefits told as a list in a sentence: "Other benefits of fasting include reducing
# insulin resistance", "offers numerous health benefits, including improved brain
# function", "has health benefits like lowering your risk of diabetes".
_BENEFITS_INCLUDE = Pattern.lazy(
    r"\b(?P<cue>benefits?(?:\s+of(?:\s+[\w'’-]+){1,4}?)?,?\s+(?:include|includes|including"
    rf"|like|such\s+as|range\s+from))\s+(?:{_GERUND}|improved|reduced|lower|better|increased"
    r"|(?:a\s+)?(?:lower|reduced|decreased)\s+risk|less|fewer|anti-?\w+|protection|relief)\b",
    re.IGNORECASE,
)
# A benefit list's line: "Prevents cancer", "Boosts immune system", "Reduces Stress"; not
# a noun that names the section ("Benefits of Ashwagandha", "Causes and symptoms").
_BENEFIT_LINE = Pattern.lazy(
    rf"^\W*(?:[a-z0-9]{{1,2}}[.)]\s+)?(?:can\s+)?(?P<cue>(?:{_THIRD}))\s+"
    # (What gets better by itself is no benefit: "Improves with rest", "Heals in two weeks".)
    rf"(?!(?:of|and|for|with|in|within|after|over|{_FREQUENCY}|{_AFTER_A_NOUN})\b|&)\S",
    re.IGNORECASE,
)
# A benefit line is a few words; a longer one (up to a dozen) only when it names health
# after its verb: "Rebuilds your gut flora after antibiotics in just 7 days", not
# "Reduces to a thick glaze after ten minutes on the stove".
_BENEFIT_WORDS = 7
_LONG_BENEFIT_WORDS = 12
_WORD = Pattern.lazy(r"[\w'’-]+")
_FIRST = frozenset(
    w.split()[0] for w in _THIRDS | _BASES | _GENERAL_BASE_WORDS | _GENERAL_THIRD_WORDS
) | {
    "help",
    "helps",
    "helping",
    "is",
    "are",
    "works",
    "work",
    "properties",
    "effects",
    "effect",
    "powers",
    "benefits",
    "benefit",
    "key",
    "secret",
    "what",
    "keeps",
    "keep",
    "makes",
    "make",
    "sends",
    "send",
    "gives",
    "give",
    "grows",
    "grow",
    "way",
    "why",
    "how",
    "goodbye",
    "blame",
    "behind",
    "reason",
    "cause",
    "you'll",
    "you’ll",
    "will",
    "become",
    # The first words of the newer wordings' cues.
    "come",
    "comes",
    "came",
    "stem",
    "stems",
    "stemmed",
    "end",
    "ends",
    "ended",
    "watch",
    "its",
    "their",
    "natural",
    "fast",
    "quick",
    "instant",
    "lasting",
    "drug-free",
    "allow",
    "allows",
    "allowing",
    "lets",
    "letting",
    "enable",
    "enables",
    "enabling",
    "provide",
    "provides",
    "provided",
    "providing",
    "offer",
    "offers",
    "bring",
    "brings",
    "lose",
    "shed",
    "drop",
    "turn",
    "turns",
    "goes",
    "go",
    "knock",
    "knocks",
    "made",
    "making",
    "grew",
    "setting",
    *_TESTIFIED_WORDS,
    "put",
    "puts",
    "leave",
    "leaves",
    "means",
    "dehydrates",
    "dehydrate",
    "energizes",
    "energises",
    "exhausts",
    "sedates",
    "overstimulates",
    "constipates",
    "difference",
    "changer",
    "set",
    "sets",
    "steal",
    "steals",
    "stealing",
    "rob",
    "robs",
    "robbing",
    "starves",
    "starving",
    "deprives",
    "depriving",
    "root",
    "defence",
    "defense",
    "spark",
    "becomes",
    "gone",
    "beats",
    "outperforms",
    "outdoes",
    "trumps",
    "nature's",
    "nature’s",
    "undo",
    "undoes",
    "undid",
    "erase",
    "erases",
    "cancel",
    "cancels",
    "signing",
    "headed",
    "heading",
    "track",
    *_TOXIN_WORDS,
}


# "Scented candles sabotage your sleep": a plural subject read as the verb, with the real
# verb and its object right after it.
# Words after a plural noun that are not the verb that follows it.
_NO_VERB = (
    r"(?!(?:all|the|every|each|both|your|our|their|his|her|its|my|and|also|really|truly"
    # (A preposition starts a phrase of the subject's: "Castor oil packs over the ovaries
    # dissolve cysts".)
    r"|over|under|into|onto|on|in|at|from|with|without|for|through|across|around|inside"
    r"|behind|near|between|after|before|during)\b)"
)
_NEXT_VERB = Pattern.lazy(
    # ...past the rate it is taken at: "Three prunes a day keep your bowels moving".
    rf"\s+(?:a\s+(?:{'|'.join(_RATES)})\s+)?{_NO_VERB}(?P<verb>[a-z]{{3,}})"
    r"(?=\s+(?:your|the|a|an|our|their|my|his|her|its|every|all|better|more|less|fewer|lower"
    r"|higher|faster|stronger|healthier|deeper)\b)",
    re.IGNORECASE,
)


_SINGULAR_BEFORE = Pattern.lazy(
    r"\b(?:a|an|this|that|each|every|one)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE
)
_LONE_WORD = Pattern.lazy(
    rf"\s+{_NO_VERB}(?P<verb>[a-z]{{3,}})\s+",
    re.IGNORECASE,
)


def _verb_after_noun(
    sentence: str, cue: tuple[int, int], object_start: int | None = None
) -> tuple[int, int]:
    """The cue, moved to the next word when the cue is the subject's plural noun: the
    next word is followed by a determiner, or is the one word before what the verb acts
    on (from ``object_start``): "Ice baths supercharge recovery"."""
    if sentence[cue[1] - 1] != "s":
        return cue
    following = _NEXT_VERB.match(sentence, cue[1])
    if following is not None:
        return following.span("verb")
    # "A standing desk fixes bad posture": after a singular subject the verb is the cue.
    if object_start is not None and not _SINGULAR_BEFORE.search(sentence, 0, cue[0]):
        lone = _LONE_WORD.fullmatch(sentence, cue[1], object_start)
        if lone is not None:
            return lone.span("verb")
    return cue


# The first words of the verbs a wording's cue is made of ("kick" of "kick-starts"): a
# cue stands between non-word characters, so one of them is a word of the sentence.
_BASE_WORDS = frozenset(re.split(r"\W", v, maxsplit=1)[0] for v in _BASES)
_THIRD_WORDS = frozenset(re.split(r"\W", v, maxsplit=1)[0] for v in _THIRDS)
_SENTENCE_WORD = Pattern.lazy(r"\w+")

# A wording; whether it is a claim only when the sentence is about health; whole words
# one of which its cue starts with (empty: not known); and strings one of which every
# match contains, lower-cased (empty: not known; the tests check them against the parsed
# pattern). A sentence without them is not searched, and a post without them never
# compiles the wording: its few thousand characters of verbs cost more to compile than
# a post's search.
# Where the sentence must name the body or health for the wording to count: nowhere,
# after its cue, anywhere (an effect named before its cause: "Those crashes are due
# to…", "The right ADHD plan makes all the difference"), or before its cue (a passive's
# subject: "Inflammation is fuelled by sugar"), or in what the cue's verb acts on (a verb
# as common outside health: see ``_acts_on_health``).
_Health = Literal["no", "after", "anywhere", "before", "object"]
_Wording = tuple[Pattern, _Health, frozenset[str], tuple[str, ...]]
_PRAISE = ("good", "great", "excellent", "perfect", "ideal")
_NO_WORDS: frozenset[str] = frozenset()
_WORDINGS: tuple[_Wording, ...] = (
    (_CLAIMS[0], "no", _BASE_WORDS, ()),
    (_CLAIMS[1], "no", _THIRD_WORDS, ()),
    (_plural_claim(_GENERAL_BASE), "object", _GENERAL_BASE_WORDS, ()),
    (_PEOPLE_WHO, "no", frozenset(_PEOPLE), ()),
    (_PEOPLE_WHO_ARE_SPARED, "object", frozenset(_PEOPLE), ()),
    (_third_claim(_GENERAL_THIRD), "object", _GENERAL_THIRD_WORDS, ()),
    (_BECAUSE, "after", _NO_WORDS, ("because",)),
    (_LABELLED, "after", _THIRD_WORDS, ()),
    (_CLAIMS[2], "no", _NO_WORDS, ("help", "work", "wonders", "miracles")),
    (
        _CLAIMS[3],
        "no",
        _NO_WORDS,
        (
            *_PRAISE,
            "useful",
            "helpful",
            "effective",
            "beneficial",
            "remed",
            "cure",
            "treatment",
            "natural",
            "proven",
            "easy",
            "simple",
            "nature",
            "work",
            "beats",
            "outperforms",
            "outdoes",
            "trumps",
            "well",
            "effectively",
        ),
    ),
    (_HELPS_WITH, "no", _NO_WORDS, ("help",)),
    (
        _PROPERTIES,
        "no",
        _NO_WORDS,
        ("properties", "effect", "power", "benefits", "qualities", "abilities"),
    ),
    (_BENEFITS_INCLUDE, "no", _NO_WORDS, ("benefit",)),
    (_BENEFITS_COLON, "after", _NO_WORDS, ("benefit",)),
    (_KEY_TO, "after", _NO_WORDS, ()),  # it needs "the" or "you": nearly every sentence has one
    (
        _MAKES,
        "no",
        _NO_WORDS,
        (
            "constipate",
            "turn",
            "make",
            "send",
            "dehydrate",
            "overstimulate",
            "sedate",
            "energi",
            "straight",
            "exhaust",
            "knock",
            "sleep",
            "leave",
        ),
    ),
    (_GOOD_FOR, "after", _NO_WORDS, (*_PRAISE, "beneficial", "ability", "power", "capacity")),
    (_PROMISE, "after", _NO_WORDS, ("and",)),
    (_LETS_YOU, "after", _NO_WORDS, ("allow", "allowing", "lets", "letting", "enable", "enabling")),
    (_RELIEF, "after", _NO_WORDS, ("relief",)),
    (
        _RESULT,
        "after",
        _NO_WORDS,
        (
            "switch",
            "melt",
            "settle",
            "heal",
            "take",
            "improve",
            "clear",
            "disappear",
            "vanish",
            "calm",
            "fade",
            "away",
            "lift",
            "stop",
            "gone",
            "history",
            "thing",
            "never",
            "come",
            "your",
            "those",
        ),
    ),
    (_NONE_LIKE, "after", _NO_WORDS, ("nothing",)),
    (_GONE_ONCE, "before", _NO_WORDS, ("once", "soon", "moment")),
    (_YOU_WILL_SEE, "anywhere", _NO_WORDS, ("you",)),
    (
        _BY_A_DEADLINE,
        "anywhere",
        _NO_WORDS,
        (
            "better",
            "calmer",
            "clearer",
            "deeper",
            "fewer",
            "firmer",
            "flat",
            "flatter",
            "glowing",
            "healthier",
            "less",
            "more",
            "smoother",
            "softer",
            "stronger",
        ),
    ),
    (_MEANS, "after", _NO_WORDS, ("means",)),
    (_TESTIMONY, "after", _NO_WORDS, _TESTIFIED_WORDS),
    (_THANKS, "before", _NO_WORDS, ("same", "thank", "will")),
    (
        _PASSIVE_CURE,
        "before",
        _NO_WORDS,
        tuple(sorted({v.split("\\")[0] for v in CURE_PASSIVES.split("|")} | {"healed"})),
    ),
    (_UNDOES, "no", _NO_WORDS, ("undo", "undid", "erase", "cancel", "make")),
    (_TOXINS_OUT, "no", frozenset(_TOXIN_WORDS), ("away", "from", "out")),
    (_OUT_THE_TOXINS, "no", frozenset(_TOXIN_WORDS), ("out",)),
    (_CARRIED_OUT, "no", _NO_WORDS, ("body", "bloodstream", "system")),
    (_TOXINS_FLUSHED, "no", frozenset(_TOXIN_WORDS), ("away", "from", "out")),
    (
        _THE_MORE,
        "anywhere",
        _NO_WORDS,
        ("earlier", "fewer", "later", "less", "longer", "more", "sooner"),
    ),
    (_MAKES_BETTER, "anywhere", _NO_WORDS, tuple(sorted({e.split()[0] for e in _EASED}))),
    (
        _PASSIVE_CAUSE,
        "before",
        _NO_WORDS,
        (
            "made",
            "fuel",
            "worsened",
            "triggered",
            "caused",
            "driven",
            "aggravated",
            "sparked",
            "fed",
            "brought",
            "set",
            "kick-started",
            "kicked",
        ),
    ),
    (
        _EFFECT_FIRST,
        "anywhere",
        _NO_WORDS,
        (
            "ause",
            "come",
            "developing",
            "due",
            "end",
            "from",
            "gr",
            "having",
            "less",
            "more",
            "ulprit",
            "fewer",
            "lower",
            "higher",
            "better",
            "worse",
            "with",
            "your",
            "pregnant",
            "well",
        ),
    ),
    (_DIFFERENCE, "anywhere", _NO_WORDS, ("difference", "game")),
    (
        _FOR_HEALTH,
        "after",
        _NO_WORDS,
        (
            "to",
            "relief",
            "booster",
            "reliever",
            "regulator",
            "buster",
            "fighter",
            "healer",
            "saver",
            "soother",
            "boosting",
            "busting",
            "burning",
            "fighting",
            "balancing",
            "healing",
            "protecting",
            "lowering",
            "loving",
        ),
    ),
)

# Wordings the body's own parts may be the subject of, stating a fact: "Your kidneys flush
# waste out", "Your body makes up for a lost night of sleep".
_DONE_BY_THE_BODY_TOO = (_TOXINS_OUT, _OUT_THE_TOXINS, _UNDOES)


def _done_by_the_body(sentence: str, pattern: Pattern, found: re.Match[str]) -> bool:
    """Whether the body is the subject of what a wording (``pattern``, matched as
    ``found``) says: what it keeps as it is, clears out or makes up for, it does by itself
    ("Your kidneys keep your blood pressure steady", "The body sweeps toxins out through
    the lymph"). "Keep" also after a part of the body anywhere before it ("The pancreas
    keeps blood sugar steady")."""
    if found.group("cue")[:4].lower() == "keep":
        return (
            _OPENS_ON_A_PART.match(sentence) is not None
            or _BODY_SUBJECT.search(sentence, 0, found.start("cue")) is not None
        )
    if pattern is _CLAIMS[2]:
        # What an organ helps with is its work: "Your liver helps your body digest food"
        # (not "The liver tea helps…", "Our collagen helps…": the organ is the subject).
        return _A_PART_HELPS.match(sentence, 0, found.end("cue")) is not None
    return pattern in _DONE_BY_THE_BODY_TOO and _OPENS_ON_A_PART.match(sentence) is not None


def _diseases(lexicon: Lexicon | None) -> Pattern | None:
    """The lexicon's diseases, or none without one."""
    return None if lexicon is None else lexicon.diseases


def _terms(lexicon: Lexicon | None) -> tuple[Pattern | None, Pattern | None]:
    """The lexicon's diseases and products, or neither without one."""
    products = None if lexicon is None else lexicon.products
    return _diseases(lexicon), products


# What a verb acts on: its next few words.
_OBJECT_WORDS = Pattern.lazy(r"(?:\s+[\w'’-]+){1,5}")
_HEALTH_OBJECT = Pattern.lazy(rf"{_TARGET}|{_RISK}|\b(?:{_OUTCOMES})\b", re.IGNORECASE)
_BARE_PART_NEXT = Pattern.lazy(rf"\s+{_BARE_PARTS}", re.IGNORECASE)


def _acts_on_health(sentence: str, end: int, diseases: Pattern | None) -> bool:
    """Whether what the verb ending at ``end`` acts on is the body or health: a part of the
    reader's body, an outcome, a risk or a disease in its next few words, or a part named
    right after it ("Late nights sabotage your sleep", "settle colic", "builds muscle";
    not "Tariffs harm the health of small businesses", "Foil shields chicken breasts")."""
    window = _OBJECT_WORDS.match(sentence, end)
    if window is None:
        return False
    stop = window.end()
    return (
        _HEALTH_OBJECT.search(sentence, end, stop) is not None
        or _BARE_PART_NEXT.match(sentence, end) is not None
        or (diseases is not None and diseases.search(sentence, end, stop) is not None)
    )


def _may_match(wording: _Wording, lowered: str | None, words: frozenset[str]) -> bool:
    """False when the sentence (``lowered``: lower-cased, None when that moves offsets,
    and then anything may match; ``words``: its words) lacks what the wording needs."""
    _, _, needed_words, parts = wording
    if lowered is None:
        return True
    if needed_words and needed_words.isdisjoint(words):
        return False
    return not parts or any(part in lowered for part in parts)


def may_claim(sentence: str, lexicon: Lexicon | None = None) -> bool:
    """Whether a sentence has a word a blog claim needs: a cheap test before the patterns."""
    diseases, products = _terms(lexicon)
    return (
        not _FIRST.isdisjoint(w.lower() for w in _WORD.findall(sentence))
        or bool(_THE_MORE.match(sentence))
        or bool(_TARGET_WORD.search(sentence))
        or bool(_BARE_PART_WORD.search(sentence))
        or (diseases is not None and bool(diseases.search(sentence)))
        or (products is not None and " the " in sentence and bool(products.search(sentence)))
    )


def blog_claim(sentence: str, lexicon: Lexicon | None = None) -> tuple[int, int] | None:
    """The words that make a sentence a blog's causal claim, or None. The ``lexicon``'s
    diseases are read as what a verb acts on, besides the body and health words; one of
    its products as the subject makes any part of the body named with "the" such an
    object too."""
    if ends_with(sentence, "?"):
        return None
    diseases, products = _terms(lexicon)
    lowered = lower_text(sentence)
    words = frozenset(_SENTENCE_WORD.findall(lowered)) if lowered is not None else _NO_WORDS
    length = len(sentence.split())
    if length <= _LONG_BENEFIT_WORDS and (lowered is None or not words.isdisjoint(_THIRD_WORDS)):
        line = _BENEFIT_LINE.match(sentence)
        if line and (
            length <= _BENEFIT_WORDS
            or _about_health(
                sentence, line.end("cue"), diseases, _last_word(sentence, line.span("cue"))
            )
        ):
            return line.span("cue")
    found = [
        m.span("cue")
        for m, needs_health, pattern in (
            (w[0].search(sentence), w[1], w[0]) for w in _WORDINGS if _may_match(w, lowered, words)
        )
        if m
        and not _NEGATED.search(sentence, 0, m.start("cue"))
        and not _done_by_the_body(sentence, pattern, m)
        and (
            needs_health == "no"
            or (
                _acts_on_health(sentence, m.end("cue"), diseases)
                if needs_health == "object"
                else _about_health(
                    sentence,
                    m.start("cue") if needs_health == "after" else 0,
                    diseases,
                    _last_word(sentence, m.span("cue")),
                    m.start("cue") if needs_health == "before" else sys.maxsize,
                )
            )
        )
    ]
    if not found and diseases is not None and (lowered is None or "for" in words):
        good = _good_for_disease(diseases.pattern).search(sentence)
        if good is not None and not _NEGATED.search(sentence, 0, good.start("cue")):
            found.append(good.span("cue"))
    if not found and len(sentence.split()) <= _HEADING_WORDS and (lowered is None or "to" in words):
        named = _FOR_HEALTH_HEADING.search(sentence)
        if named and _about_health(sentence, named.start("cue"), diseases):
            found.append(named.span("cue"))
    # Any verb at all, when what it acts on is the body or a disease: a known wording is
    # the one reported, unless this verb comes first in a claim joined to it ("Smoothies
    # spike your insulin and set you up for hunger": the claim is the spike). Only a
    # known wording that follows "and", a comma or a relative pronoun can be such a
    # second claim ("flood your body with mimics that throw your hormones out of whack").
    first = min(found)[0] if found else None
    if first is None or _FIRST_OF_TWO.search(sentence, 0, first):
        cue = _acts_on(sentence, diseases, products)
        if cue is not None and (
            first is None or _FIRST_OF_TWO.search(sentence, cue[1], first) is not None
        ):
            found.append(cue)
    return min(found) if found else None


# A list's lead-in that promises what each of its items does: "Chronic inflammation
# can:", "Magnesium helps:" (not the reader's own steps, "You can:", nor a hedge, "This
# may:").
_PROMISING_LEAD_IN = Pattern.lazy(
    r"(?<!\byou\s)(?<!\bwe\s)(?<!\bi\s)\b(?:can|will|helps?(?:\s+(?:to|you(?:\s+to)?))?"
    r"|is\s+(?:proven|known)\s+to)\s*:\s*$",
    re.IGNORECASE,
)
_ITEM_VERB = Pattern.lazy(
    r"[^A-Za-z]*(?P<cue>[A-Za-z][a-z]+(?:\s+(?:up|out|off|down|away|to|on))?)\b"
)


# Words that make a lead-in someone else's promise: "Fans of celery juice claim it can:".
_OTHERS_SAY = Pattern.lazy(
    r"\b(?:claims?|claimed|claiming|swear|swears|insist|insists|promises?|promised|marketed"
    r"|advertised|touted|supposedly|allegedly)\b",
    re.IGNORECASE,
)


def others_say(lead_in: str) -> bool:
    """Whether a list's lead-in tells what others claim, not what the writer does."""
    return _OTHERS_SAY.search(lead_in) is not None


def promising_subject(lead_in: str) -> str | None:
    """The subject of a list's lead-in that promises what each of its items does
    ("Chronic inflammation" of "Chronic inflammation can:"), or None when it promises
    nothing."""
    promise = _PROMISING_LEAD_IN.search(lead_in)
    return None if promise is None else lead_in[: promise.start()].rstrip()


def promised_item(
    item: str, lead_in: str, lexicon: Lexicon | None = None
) -> tuple[int, int] | None:
    """The verb a list item opens on, under a lead-in that ``promises`` ("Chronic
    inflammation can:" over "Trigger cortisol spikes"), when the item names the body,
    health or a disease; else None. What a carer or a page does is their work, and
    looking at the body, ordering and referring act on nothing ("Your doctor can:" over
    "Check your blood pressure")."""
    verb = _ITEM_VERB.match(item)
    if verb is None or _ACTOR.search(lead_in) or _ITEM_NOT_AN_EFFECT.match(verb.group("cue")):
        return None
    # The item's own verb counts as its health word: "Sleep deeper".
    if not _about_health(item, verb.start("cue"), _diseases(lexicon)):
        return None
    return verb.span("cue")


_ITEM_NOT_AN_EFFECT = Pattern.lazy(
    rf"(?:{_LOOKING}|order|refer|recommend|prescribe|include|suggest|help\s+you\s+find)\b",
    re.IGNORECASE,
)


# A question that asks what causes something, answered by the sentence after it: "What's
# really behind your brain fog? Hidden mould in your home.", "The secret to glossy hair?
# Biotin." (A "why" is answered by an explanation as often: only an answer worded as a
# cause, or about health itself, counts for it: "Wondering why your toddler won't sleep?
# It's the dairy…".)
_ASKS_CAUSE = Pattern.lazy(
    r"^\W*(?:(?:q\s*:\s*)?what['’]?s?\s+(?:is\s+)?(?:really\s+|actually\s+)?(?:behind|causing|to\s+blame"
    r"|the\s+(?:real\s+)?(?:cause|reason|culprit))"
    r"|(?:q\s*:\s*)?what\s+(?:really\s+|actually\s+)?(?:causes|triggers|drives|fixes|cures|heals"
    r"|eases|soothes|calms)"
    r"|(?:the|your)\s+(?:real\s+|true\s+|hidden\s+|number[\s-]one\s+|#1\s+)?(?:secret|key|reason"
    r"|cause|culprit|fix|cure)\b)[^?]*\?\W*$",
    re.IGNORECASE,
)
_ASKS_WHY = Pattern.lazy(
    r"^\W*(?:q\s*:\s*)?(?:so\s+)?(?:(?:wondering|ever\s+wonder(?:ed)?)\s+)?why\b", re.IGNORECASE
)
# ...or any question answered with its cause: "Hit a plateau? It's because you're not
# eating enough.", "Blame your phone."
_ANSWERS_CAUSE = Pattern.lazy(
    r"^\W*(?:a\s*:\s*)?(?:(?:it['’]s|that['’]s|it\s+is)\s+(?:because|due\s+to|all\s+(?:about"
    r"|down\s+to))|because\b|blame\b)",
    re.IGNORECASE,
)
# ...and an answer that points at the cause, to a question that asked for one: "It's the
# dairy in their bedtime bottle" (not "Living with migraines? It's the little things").
_POINTS_AT = Pattern.lazy(
    r"^\W*(?:a\s*:\s*)?(?:it['’]s|that['’]s|it\s+is)\s+(?:probably\s+)?(?:your|the)\b",
    re.IGNORECASE,
)
# ...or a question that asks for an outcome, answered with something to take or do:
# "Want an extra hour of deep sleep? Eat two kiwis before bed."
_ASKS_FOR = Pattern.lazy(
    r"^\W*(?:(?:do\s+you\s+)?(?:want|need)|looking\s+for|craving|dreaming\s+of)\b", re.IGNORECASE
)
_TAKE_THIS = Pattern.lazy(
    # (Not advice to try or swap: "Want to stop snoring? Try sleeping on your side.")
    r"^\W*(?:eat|drink|take|add|sip|reach\s+for|grab|snack\s+on|stir|apply|rub)\b",
    re.IGNORECASE,
)
# The answer's words reported: up to its first comma, dash or full stop.
_ANSWER = Pattern.lazy(r"\W*(?P<cue>[^,.;:!?—–]{1,80}?)\s*(?:[,.;:!?—–]|$)")
# An answer that takes the question's point back ("Not necessarily.", "Maybe.") or asks
# again.
_NO_ANSWER = Pattern.lazy(
    r"^\W*(?:a\s*:\s*)?(?:no|not|nope|maybe|perhaps|possibly|it\s+depends|nobody|no\s+one|research"
    r"|studies|scientists|experts|doctors|we\s+don['’]t|nothing|time|rest|mine|for\s+(?:most|many"
    r"|some))\b",
    re.IGNORECASE,
)


def answered(question: str, answer: str, lexicon: Lexicon | None = None) -> tuple[int, int] | None:
    """The words of ``answer`` that name a cause a health ``question`` just asked for, or
    None: a blog's rhetorical question answered is its claim."""
    diseases = _diseases(lexicon)
    if answer.rstrip().endswith("?") or _NO_ANSWER.match(answer):
        return None
    if not question.rstrip().endswith("?") or not _about_health(question, 0, diseases):
        return None
    asks = _ASKS_CAUSE.search(question) is not None
    why = _ASKS_WHY.match(question) is not None
    if not (
        _ANSWERS_CAUSE.match(answer)
        or ((asks or why) and _POINTS_AT.match(answer))
        # A cause named outright, not someone who answers ("Our pharmacist answers
        # readers' questions every Friday").
        or (asks and not _ACTOR.search(answer))
        # An explanation of a "why" that is about health itself: "Ever wonder why toast
        # leaves you bloated? Modern wheat has been bred to irritate your gut lining."
        or (why and _about_health(answer, 0, diseases))
        or (_ASKS_FOR.match(question) and _TAKE_THIS.match(answer))
    ):
        return None
    words = _ANSWER.match(answer)
    return None if words is None else words.span("cue")


# "What causes hay fever?" answered "Pollen." states "Pollen causes hay fever".
_WHAT_CAUSES = Pattern.lazy(
    r"^\W*(?:q\s*:\s*)?what\s+(?:really\s+|actually\s+)?(?P<verb>causes|triggers|drives)\s+"
    r"(?P<object>[^?]{1,80})\?",
    re.IGNORECASE,
)


def answer_stated(question: str, answer: tuple[int, int], text: str) -> str | None:
    """The claim a "What causes…?" question and its answer (``answer``: the span of the
    answer's words in ``text``) make together, as one statement; None for other
    questions."""
    asked = _WHAT_CAUSES.match(question)
    if asked is None:
        return None
    return f"{text[answer[0] : answer[1]]} {asked.group('verb')} {asked.group('object')}."


# "it" or "them" as what a verb acts on, at the end of its clause or before an adverbial
# ("reboot them.", "ends it within a month"); not a subject ("…because it is"), not
# "it's", not a dummy object ("makes it easier", "calls it 'the liberation procedure'"),
# not a preposition's ("a form of it").
_OBJECT_PRONOUN = Pattern.lazy(
    r"(?<=[a-z]\s)(?<!\bof\s)(?<!\bto\s)(?<!\bwith\s)(?<!\bfor\s)(?<!\bon\s)(?<!\bin\s)"
    r"(?<!\bat\s)(?<!\bby\s)(?<!\bfrom\s)(?<!\babout\s)(?<!\binto\s)(?<!\bthat\s)(?<!\bdo\s)"
    r"(?<!\bdid\s)(?<!\bdoes\s)"
    r"(?:it|them)(?=\s*(?:[.,;!?)]|$)|\s+(?:right\s+)?(?:within|in|for|fast|quickly|overnight|naturally"
    r"|away|out|down|off|up|back|every|each|for\s+good|better|faster|completely|entirely"
    r"|altogether|once)\b)",
    re.IGNORECASE,
)


# (Diseases in "s" are one thing: "it" may stand for diabetes or measles.)
_PLURAL_WORD = Pattern.lazy(
    r"(?:(?<!s)(?<!i)(?<!u)(?<!betes)(?<!sles)(?<!ngles)(?<!rpes)(?<!mumps)(?<!abies)s|bacteria"
    r"|mitochondria|teeth|feet|microbiota)$",
    re.IGNORECASE,
)


# A sentence that opens on the body: what "they" or "it" after it does is how the body
# works ("Your kidneys are amazing. They filter your blood.").
_OPENS_ON_THE_BODY = Pattern.lazy(
    rf"^\W*(?:{_TARGET}|(?:the\s+)?(?:{_PARTS})(?:e?s)?\b)", re.IGNORECASE
)


# ...named as the reader's own or as the one part: "Your liver", "The pancreas" (not
# "Collagen", a part that is sold too).
_OPENS_ON_A_PART = Pattern.lazy(
    rf"^\W*(?:your|the|our)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_PARTS})(?:e?s)?\b", re.IGNORECASE
)


_A_PART_HELPS = Pattern.lazy(
    rf"\W*(?:your|the)\s+(?:{_ORGANS})(?:\s+bacteria)?\s+"
    r"(?:(?:also|then|in\s+turn|\w+ly)\s+)?(?:can\s+)?helps?\b",
    re.IGNORECASE,
)


def opens_on_the_body(text: str) -> bool:
    """Whether ``text`` opens on a part of the body or a health outcome as its subject."""
    return _OPENS_ON_THE_BODY.match(text) is not None


# ...or on people who act as their work, said to be or know something: "Doctors are
# helpful. They lower your blood pressure with medicine." (not "Nurses love our socks.
# They cure varicose veins.", where "they" is the socks).
_OPENS_ON_CARERS = Pattern.lazy(
    rf"^\W*(?:(?:the|your|our|many|most|some|good)\s+)?(?:[\w'’-]+\s+)?(?:{_CARERS}"
    r"|researchers?|scientists?)\s+(?:(?:are|is|were|was|can|will|know|knows|work|works|have|has)\b)",
    re.IGNORECASE,
)


def opens_on_carers(text: str) -> bool:
    """Whether ``text`` opens on people whose work is health care as its subject."""
    return _OPENS_ON_CARERS.match(text) is not None


_THEY = Pattern.lazy(r"\W*they\s+$", re.IGNORECASE)


def unknown_they(sentence: str, cue: tuple[int, int]) -> bool:
    """Whether the claim is "they" and a verb not known as one of health ("They cradle
    your neck", "They scrub cholesterol out of your arteries"): a claim only when the
    sentence before names what they are."""
    verb = sentence[cue[0] : cue[1]].lower()
    # (A wording of its own, "They come from a sluggish liver", is known.)
    return (
        _THEY.fullmatch(sentence, 0, cue[0]) is not None and " " not in verb and verb not in _BASES
    )


def points_back(sentence: str) -> bool:
    """Whether "it" or "them" is what a verb of the sentence acts on."""
    return _OBJECT_PRONOUN.search(sentence) is not None


def with_referent(
    sentence: str, before: str, lexicon: Lexicon | None = None
) -> tuple[str, tuple[int, int]] | None:
    """The sentence with the "it" or "them" its verb acts on replaced by the last part
    of the body, health outcome or disease the sentence ``before`` names ("Long COVID
    damages your mitochondria. Cold plunges reboot them.") and the pronoun's span; None
    when there is no such pronoun or nothing of health before."""
    pronoun = _OBJECT_PRONOUN.search(sentence)
    if pronoun is None:
        return None
    diseases = _diseases(lexicon)
    named = [
        *_TARGET_WORD.finditer(before),
        *_BARE_PART_WORD.finditer(before),
        *(diseases.finditer(before) if diseases is not None else ()),
    ]
    if not named:
        return None
    # "it" stands for one thing, "them" for many: "Your liver filters toxins. Alcohol
    # damages it." (the liver, though toxins come last).
    many = pronoun.group().lower() == "them"
    agreeing = [m for m in named if (_PLURAL_WORD.search(m.group()) is not None) == many]
    last = max(agreeing or named, key=lambda m: m.end()).group()
    start, end = pronoun.span()
    return sentence[:start] + last + sentence[end:], (start, end)


def claim_on_referent(
    sentence: str, before: str, lexicon: Lexicon | None = None
) -> tuple[int, int] | None:
    """The words of a claim whose verb acts on "it" or "them", pointing back at what the
    sentence ``before`` names of health (see ``with_referent``), or None."""
    resolved = with_referent(sentence, before, lexicon)
    if resolved is None:
        return None
    text, (start, end) = resolved
    cue = blog_claim(text, lexicon)
    # Only a verb just before the pronoun acts on it ("Smoking paralyses the tiny hairs
    # that clean them" acts on the hairs).
    if cue is None or cue[0] >= start or not _JUST_BEFORE.fullmatch(sentence, cue[1], start):
        return None
    # A cue that runs into the pronoun ("is what's driving them") ends with it.
    return cue if cue[1] <= start else (cue[0], end)


# What may stand between a verb and the pronoun it acts on: a particle or a word or two
# ("breaks them up", "drains it right out"), no clause.
_JUST_BEFORE = Pattern.lazy(
    r"(?:\s+(?!(?:that|which|who|and|but|or)\b)[\w'’-]+){0,2}\s+|\s*", re.IGNORECASE
)


# Where a clause of the writer's own starts after a first one: "…, which is why", "…;",
# "…, so" (a dash as often says the first again: "fibre and polyphenols – all of which
# lower cholesterol").
_NEXT_CLAUSE = Pattern.lazy(
    rf"(?:,\s+(?={CONCLUSION}\b|so\s+)|;\s*)",
    re.IGNORECASE,
)


def clause_between(sentence: str, start: int, end: int) -> bool:
    """Whether a clause of the writer's own starts between ``start`` and ``end``."""
    return start < end and _NEXT_CLAUSE.search(sentence, start, end) is not None


def later_claim(
    sentence: str, after: int, lexicon: Lexicon | None = None
) -> tuple[int, int] | None:
    """The words of a claim in a clause of its own after ``after`` (the end of a first
    claim that says nothing to source), or None."""
    boundary = _NEXT_CLAUSE.search(sentence, after)
    if boundary is None:
        return None
    start = boundary.end()
    cue = blog_claim(sentence[start:], lexicon)
    return None if cue is None else (start + cue[0], start + cue[1])


def read_once(prose: Prose, sentence: Sentence, lexicon: Lexicon) -> tuple[int, int] | None:
    """``blog_claim`` of a post's sentence, read once however many rules and steps ask
    (the claim rules and supplement-disease-claim share the lexicon)."""
    return prose.memo(("blog-claim", sentence.span), lambda: blog_claim(sentence.text, lexicon))


def names_health(sentence: str, lexicon: Lexicon | None = None) -> bool:
    """Whether the sentence names the body or health anywhere, or one of the
    ``lexicon``'s diseases."""
    return _about_health(sentence, 0, _diseases(lexicon))


def past_of_other_things(
    sentence: str, verb: tuple[int, int], lexicon: Lexicon | None = None
) -> bool:
    """Whether a verb in the past tense (at ``verb``) tells what happened to something other
    than health: "The film's box office was boosted by word of mouth", "She healed the rift
    with her sister". A blog's past-tense claims name the body, an illness, the writer's own
    body ("shrank my ankles") or medicine and its research ("reduced their use of
    antibiotics", "a delay increased the risk"). A present passive tells no past: "It is
    reversed by a juice fast"."""
    if _PRESENT_PASSIVE.search(sentence, 0, verb[0]):
        return False
    return not (
        _about_health(sentence, 0, _diseases(lexicon), verb)
        or _BARE_PART_WORD.search(sentence) is not None
        or _MY_PART.search(sentence) is not None
        or _MEDICINE.search(sentence) is not None
    )


_PRESENT_PASSIVE = Pattern.lazy(
    r"\b(?:is|are|be|being|gets?|can\s+be|will\s+be)\s+(?:[\w-]+ly\s+)?$", re.IGNORECASE
)


_MY_PART = Pattern.lazy(rf"\bmy\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_PARTS})(?:e?s)?\b", re.IGNORECASE)
_MEDICINE = Pattern.lazy(rf"\b(?:{curated_alternation('medicine.csv')})(?:e?s)?\b", re.IGNORECASE)


def _about_health(
    sentence: str,
    start: int,
    diseases: Pattern | None,
    verb: tuple[int, int] = (0, 0),
    end: int = sys.maxsize,
) -> bool:
    """Whether the sentence names the body, health or a disease from ``start`` on (up to
    ``end``). The claim's own verb (``verb``) does not count: "the paint heals", "lets you
    sleep until noon" and "ended up taller" are about paint, hotels and height."""
    if diseases is not None and diseases.search(sentence, start, end):
        return True
    return any(
        not (verb[0] <= word.start() and word.end() <= verb[1])
        for word in _HEALTH_WORD.finditer(sentence, start, end)
    )


def _last_word(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span of the cue's last word when it is a verb that names health by itself
    ("heals", "sleep", "calm"), else an empty span: a cue's outcome ("end up leaner",
    "grow taller") is what it is about."""
    words = list(_WORD.finditer(sentence, span[0], span[1]))
    if words and _HEALTH_VERB.fullmatch(words[-1].group()):
        return words[-1].span()
    return (0, 0)


_HEALTH_VERB = Pattern.lazy(
    r"heal(?:s|ed|ing|er)?|sleep|calm|relax|focus|rest|recover", re.IGNORECASE
)


def _acts_on(
    sentence: str, diseases: Pattern | None, products: Pattern | None = None
) -> tuple[int, int] | None:
    """The verb of a thing or a habit acting on the body or on a disease ("Wheatgrass
    oxygenates your blood", "Vitamin D shields you from colds"), or None."""
    acts = _ACTS_ON.search(sentence)
    # Going through the body is no effect on it ("Only nutrient-rich blood can pass through
    # your liver"); a later verb may be one.
    while acts is not None and _moves(sentence, acts.span("cue")):
        acts = _ACTS_ON.search(sentence, acts.end("cue"))
    acts = acts or _ACTS_ON_PART.search(sentence)
    on_disease = False
    if acts is None and diseases is not None and diseases.search(sentence):
        acts = _acts_on_disease(diseases.pattern).search(sentence) or _plural_acts_on_disease(
            diseases.pattern
        ).search(sentence)
        on_disease = True
    if acts is None and products is not None:
        acts = _product_acts_on_the_body(sentence, products)
    if acts is None:
        return _then_acts_on(sentence, diseases)
    cue = _verb_after_noun(sentence, acts.span("cue"), acts.start("object"))
    verb = acts.span("cue")
    return None if _not_the_writers(sentence, cue, verb, on_disease, diseases) else cue


# A verb of moving, then where to: the verb tells a path, not an effect (and "eats into
# your fat stores" moves nothing).
_MOVING = Pattern.lazy(
    r"\b(?:pass|travel|flow|move|circulate|go|get|come|seep|enter|run|rush|drift|reach)(?:e?s)?$",
    re.IGNORECASE,
)
_WHERE_TO = Pattern.lazy(
    r"\s+(?:through|throughout|into|across|along|around|past|via|inside)\b", re.IGNORECASE
)


def _moves(sentence: str, cue: tuple[int, int]) -> bool:
    """Whether the verb at ``cue`` tells where something goes, not what it does, and the
    sentence says nothing more of it ("moves through your gut and absorbs toxins": the
    path stands for what follows, which no wording may read)."""
    return (
        _WHERE_TO.match(sentence, cue[1]) is not None
        and _MOVING.search(sentence, cue[0], cue[1]) is not None
        and _AND_THEN.search(sentence, cue[1]) is None
    )


_AND_THEN = Pattern.lazy(r"\band\b", re.IGNORECASE)


# What a verb acts on may be a part of the body named with "the", right after the verb,
# when a product is the subject: "Evening primrose oil ripens the cervix", "Slippery elm
# coats the gut". With any other subject, "the" names the body as textbooks do ("Alcohol
# slows down the central nervous system", "Vaccines train the immune system").
_ACTS_ON_THE_PART = Pattern.lazy(
    _acts(_PLURAL_BASE)
    + rf"\s+(?P<object>the\s+(?:[\w'’-]+\s+)?(?:{_PARTS})(?:e?s)?\b)(?!\s+of\b)",
    re.IGNORECASE,
)


def _product_acts_on_the_body(sentence: str, products: Pattern) -> re.Match[str] | None:
    """``_ACTS_ON_THE_PART`` in a sentence whose subject names a product, or None."""
    product = products.search(sentence)
    if product is None or " the " not in sentence:
        return None
    acts = _ACTS_ON_THE_PART.search(sentence)
    if acts is None:
        return None
    cue = _verb_after_noun(sentence, acts.span("cue"), acts.start("object"))
    # The product stands before the verb, in the verb's own clause (not in a clause that
    # describes it: "A supplement that upsets the stomach should be taken with meals");
    # going somewhere is no effect ("Coffee reaches the brain within minutes"), nor is a
    # side effect ("Green tea stains the teeth").
    if (
        product.start() >= cue[0]
        or _CLAUSE_BREAK.search(sentence, product.end(), cue[0])
        or _RELATIVE_BEFORE.search(sentence, 0, cue[0])
        or _GOES_TO.fullmatch(sentence, cue[0], cue[1])
        or _SIDE_EFFECT.fullmatch(sentence, cue[0], cue[1])
    ):
        return None
    return acts


_CLAUSE_BREAK = Pattern.lazy(r"[;:.!?]|,\s+(?:and|but|so|while|whereas)\b", re.IGNORECASE)
_RELATIVE_BEFORE = Pattern.lazy(r"\b(?:that|which|who)\s+$", re.IGNORECASE)
_SIDE_EFFECT = Pattern.lazy(
    r"(?:stain|numb|sting|tingle|upset|irritate|burn|dr(?:y|ie)|warm|thin)(?:e?s)?", re.IGNORECASE
)
_GOES_TO = Pattern.lazy(
    r"(?:reach|enter|cross|travel|pass|arrive|hit|land|line|surround|sit|move|get|go)(?:e?s)?"
    r"(?:\s+\w+)?",
    re.IGNORECASE,
)


def _then_acts_on(sentence: str, diseases: Pattern | None) -> tuple[int, int] | None:
    """The second verb of a thing or a habit, acting on the body or on a disease after a
    first verb that acts on anything ("Sulfates strip your scalp and lead to thinning
    hair", "Tight briefs overheat the testicles and drag down fertility"), or None."""
    if " and " not in sentence:
        return None
    acts = _THEN_ACTS_ON.search(sentence)
    on_disease = False
    if acts is None and diseases is not None and diseases.search(sentence):
        acts = _then_acts_on_disease(diseases.pattern).search(sentence)
        on_disease = True
    if acts is None:
        return None
    verb = acts.span("first")
    first = _verb_after_noun(sentence, verb)
    if first == verb and sentence[verb[0] : verb[1]].lower() not in _THIRDS:
        # A noun in "s" read as the first verb ends the subject: "Your lungs take in…".
        first = (verb[1], verb[1])
    if _NEGATED.search(sentence, 0, acts.start("cue")) or _not_the_writers(
        sentence, first, verb, on_disease, diseases
    ):
        return None
    return acts.span("cue")


def _the_body_does_it(sentence: str, cue_start: int, verb_end: int | None = None) -> bool:
    """Whether the body is the subject before the verb at ``cue_start`` (``verb_end``:
    where the verb the pattern matched ends, which may be the subject's plural noun):
    "Your liver filters your blood", "The pancreas keeps blood sugar steady" (a practice
    done to it is no body: "Washing your hair every day thins your hair")."""
    return bool(
        (_TARGET_WORD.search(sentence, 0, cue_start) and not _PRACTICE.match(sentence))
        or _BODY_SUBJECT.search(sentence, 0, cue_start if verb_end is None else verb_end)
    )


def _not_the_writers(
    sentence: str,
    cue: tuple[int, int],
    verb: tuple[int, int],
    on_disease: bool,
    diseases: Pattern | None,
) -> bool:
    """Whether the verb at ``cue`` acting on the body says nothing contestable: it is
    denied, or its subject is a person, a page, the body or the disease itself. ``verb``
    is where the pattern matched the verb, which may be the subject's plural noun the cue
    was moved past (see ``_verb_after_noun``)."""
    return bool(
        _NEGATED.search(sentence, 0, cue[0])
        or _DENIED_AFTER.match(sentence, cue[1])
        # People and pages act on the body as their work: "Nurses check your blood
        # pressure", "This article discusses inflammation".
        or _ACTOR.search(sentence, 0, cue[0])
        # The body acting on itself is physiology: "Red blood cells carry oxygen to your
        # muscles". (The subject's noun may be what matched the verb: "Your ovaries make
        # oestrogen".)
        or _the_body_does_it(sentence, cue[0], verb[1])
        # A disease acting is how it works: "Diabetes damages the nerves in your feet", "The
        # illness affects the way their legs work".
        or (on_disease and diseases is not None and diseases.search(sentence, 0, cue[0]))
        or _ILLNESS_SUBJECT.search(sentence, 0, cue[0]) is not None
        # Going through it: "Many new mums develop mastitis" (the verb after a plural
        # noun the pattern read as one).
        or _UNDERGOING.fullmatch(sentence, cue[0], cue[1]) is not None
        # A word of a disease's name is no verb: "reasons for hot flashes after surgery".
        or (diseases is not None and _in_a_name(sentence, cue, diseases))
    )


_UNDERGOING = Pattern.lazy(
    "|".join(form for verb in _UNDERGOES for form in inflect(verb)[:2]), re.IGNORECASE
)
_ILLNESS_SUBJECT = Pattern.lazy(
    r"^\W*(?:the|this|that|these|those|such\s+an?|an?|your)\s+(?:[\w-]+\s+)?(?:illness|condition"
    r"|disorder|syndrome|disease|infection|virus)(?:es|s)?\s+(?:[\w'’-]+\s+)?$",
    re.IGNORECASE,
)


def _in_a_name(sentence: str, cue: tuple[int, int], diseases: Pattern) -> bool:
    """Whether the cue's words are part of a disease's name in the sentence."""
    start = max(0, cue[0] - _LONGEST_NAME)
    return any(m.start() < cue[0] < m.end() for m in diseases.finditer(sentence, start, cue[1]))


# How far before a cue a disease's name that holds it may start.
_LONGEST_NAME = 40


# Two claims joined: the second verb follows "and", "that" or a comma after the first
# one's object.
_FIRST_OF_TWO = Pattern.lazy(r"\S\s+(?:and|but|that|which)\s+$|,\s+$")
# A sentence that opens on what someone does: "Washing…", "Sleeping on your side…".
_PRACTICE = Pattern.lazy(r"\W*[A-Za-z]+ing\b", re.IGNORECASE)


@functools.lru_cache(maxsize=2)
def _acts_on_disease(diseases: str) -> Pattern:
    """``_ACTS_ON`` with a disease of the lexicon (``diseases``: its pattern) as what the
    verb acts on; made once a process, for the lexicon the rules share."""
    return Pattern.lazy(
        _acts("") + rf"{_OBJECT_WITHIN}(?P<object>{diseases})",
        re.IGNORECASE,
    )


# More verbs said of what acts on a disease: "Omega-3 capsules smooth out an irregular
# heartbeat", "Scented candles bring on headaches".
_ON_A_DISEASE = (
    r"lift|settle|shorten|soothe|smooth\s+out|bring\s+on|set\s+off|drag\s+down|slow\s+down"
    r"|dial\s+down|calm\s+down|clear\s+up|ward\s+off|stave\s+off|fend\s+off|knock\s+out"
    r"|banish|beat|tame|zap|erase|dissolve|unknot|melt\s+away"
)


@functools.lru_cache(maxsize=2)
def _plural_acts_on_disease(diseases: str) -> Pattern:
    """After a plural subject, a health verb's base form with the disease at once or one
    word on ("Probiotics lift depression"); any other word there is as often a noun or an
    adjective ("digestion issues such as IBS", "useless against cold viruses")."""
    plural = _PLURAL_BASE.replace(_BASE_VERB, rf"(?:{_BASE}|{_ON_A_DISEASE})")
    return Pattern.lazy(
        _acts(plural) + rf"\s+(?:[\w'’-]+\s+)?(?P<object>{diseases})",
        re.IGNORECASE,
    )


# A verb said of the subject after its first verb and that verb's object: "…strip your
# scalp and lead to thinning hair". Only a known verb of health there: after "and" any
# word in "s" is as often a plural noun ("contains antioxidants and polyphenols your body
# loves").
_ON_A_DISEASE_BASES = frozenset(v.replace(r"\s+", " ") for v in _ON_A_DISEASE.split("|"))
_THEN_VERB = phrase_trie(
    _BASES
    | _THIRDS
    | _ON_A_DISEASE_BASES
    | frozenset(" ".join((inflect(v.split()[0])[1], *v.split()[1:])) for v in _ON_A_DISEASE_BASES)
)
_THEN = (
    r"(?:\s+[\w'’-]+){1,6}?,?\s+and\s+(?:(?:also|even|then|slowly|quietly|eventually|can|will)\s+)?"
    rf"(?P<cue>(?:{_THEN_VERB})(?:\s+(?:up|out|off|away|down))?)\b"
)
_THEN_ACTS_ON = Pattern.lazy(
    _acts(_PLURAL_BASE, "first") + _THEN + rf"{_OBJECT_WITHIN}(?P<object>{_TARGET}|{_RISK})",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=2)
def _then_acts_on_disease(diseases: str) -> Pattern:
    """``_THEN_ACTS_ON`` with a disease of the lexicon as what the second verb acts on."""
    return Pattern.lazy(
        _acts(_PLURAL_BASE, "first") + _THEN + rf"\s+(?:[\w'’-]+\s+){{0,2}}?(?P<object>{diseases})",
        re.IGNORECASE,
    )


# An appeal to research or experts that names none: "studies have shown that", "it has
# been found that", "research suggests", "experts believe".
_UNNAMED_RESEARCH = Pattern.lazy(
    r"\b(?:stud(?:y|ies)|research(?:ers)?|scientists?|experts?|trials?|evidence|data"
    r"|findings|reviews?|science|been\s+(?:shown|found|proven|proved|demonstrated))\b"
    r"|^\W*(?:found|shown|showed|concluded|demonstrated?|demonstrates)\s+that\b",
    re.IGNORECASE,
)
_NAMED = Pattern.lazy(r"(?-i:\b(?:Dr|Prof)\.?\s|\b[A-Z][a-z]+\s+[A-Z][a-z]+)")


def unnamed_research(attribution: str, context: str) -> bool:
    """Whether the words that credit a claim (``attribution``) name only research or
    experts in general, and its sentence and the one before (``context``) name nobody
    ("Dr. Lee", "Jane Park"): in a blog the claim then stays the writer's."""
    return bool(_UNNAMED_RESEARCH.search(attribution)) and not any(
        _names_someone(m.group(), context) for m in _NAMED.finditer(context)
    )


def _names_someone(words: str, context: str) -> bool:
    """Whether capitalised words name someone, not a thing a heading capitalised: "Apple
    Cider Vinegar" over "…apple cider vinegar can help…" is written in lower case too."""
    return words.startswith(("Dr", "Prof")) or words.lower() not in context
