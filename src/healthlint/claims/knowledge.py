"""What a health editor knows: relations between a subject and an object (vaccines →
autism, smoking → lung cancer), recognised by meaning rather than by one wording.

A relation is stated when its subject, a verb of its kind and its object stand in one
clause, in either order and voice: "Childhood vaccines are the reason so many kids now
have autism", "autism caused by the MMR jab", "the wax that the candle sucked out"; or
when what became of the object is told right after it ("Since I started colloidal
silver, my infection cleared up"). A statement is denied when the clause
negates it ("vaccines do not cause autism"), the sentence calls it a myth or finds no
evidence, reports it in order to question it ("some people believe… but…"), or asks.

The entries are curated data (``knowledge/myths.yaml``, ``knowledge/facts.yaml``, and a
team's own), each with its source; ``healthlint.rules.knowledge`` reads and validates them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from healthlint.claims.vocabulary import (
    DEBUNKINGS,
    MARKETED,
    NEGATIONS,
    REPORTED_AS,
    ends_with,
    ies_plural,
)
from healthlint.core.pattern import Pattern
from healthlint.language.prefilter import lower_text

RelationKind = Literal[
    "causes",
    "prevents",
    "cures",
    "kills",
    "feeds",
    "removes",
    "boosts",
    "burns",
    "protects",
    "improves",
    "harms",
    "reduces",
    "raises",
    "lowers",
    "strengthens",
    "treats",
    "relieves",
    "damages",
    "weakens",
    "is",
]


@dataclass(frozen=True, kw_only=True)
class Relation:
    """One curated relation: its subject and object (each with the wordings writers use),
    the kind of effect, the fact in one sentence and the public source that states it."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    id: str
    subject: tuple[str, ...]
    relation: RelationKind
    object: tuple[str, ...]
    fact: str
    source: str
    url: str = ""

    def __post_init__(self) -> None:
        for name in ("id", "fact", "source"):
            if not getattr(self, name).strip():
                raise ValueError(f"'{name}' is empty")
        for name in ("subject", "object"):
            wordings = getattr(self, name)
            if not wordings:
                raise ValueError(f"'{name}' needs at least one wording")
            for wording in wordings:
                if not _TOKEN.search(wording):
                    raise ValueError(f"'{name}': {wording!r} has no word to match")


_HELPED = r"(?:help(?:s|ed)?\s+(?:to\s+)?)?"
# Nothing but a determiner between a verb and the wording after it.
_DET = r"(?:the|a|an|your|my|our|their|his|her|this|that|these|those)"
_OBJECT_NEXT = rf"(?=\s+(?:{_DET}\s+)?$)"
# Each kind of effect and the verbs (and phrases) that state it, in any tense or voice.
_CAUSE = (
    r"caus(?:e|es|ed|ing)|lead(?:s|ing)?\s+to|led\s+to|result(?:s|ed|ing)?\s+in"
    r"|trigger(?:s|ed|ing)?|giv(?:e|es|ing)|gave|given|bring(?:s|ing)?\s+on|brought\s+on"
    r"|(?:is|are|was|were)\s+(?:\w+\s+){0,2}?(?:reason|cause|culprit)s?"
    # "is one of the biggest drivers of", "the number-one trigger for".
    r"|(?:is|are|was|were)\s+(?:[\w-]+\s+){0,4}?(?:driver|trigger)s?\s+(?:of|for)"
    r"|responsible\s+for|behind|linked\s+(?:to|with)|tied\s+to|associated\s+with"
    r"|contribut(?:e|es|ed|ing)\s+to|(?:increas|rais|boost)(?:e|es|ed|ing|s)?\s+(?:the\s+|your\s+)?risk"
    r"|induc(?:e|es|ed|ing)|spark(?:s|ed)?|to\s+blame|blamed|produc(?:e|es|ed|ing)|makes?|made"
    r"|set(?:s|ting)?\s+off|spread(?:s|ing)?|overload(?:s|ed|ing)?"
    r"|end(?:s|ed|ing)?\s+up\s+(?:with|on|in|having|getting|developing|being)"
    r"|leav(?:e|es|ing)\s+(?:\w+\s+){0,2}?(?:sick|ill|with)|turn(?:s|ed|ing)?\s+(?:into|\w+ic\b)"
    r"|stem(?:s|med|ming)?\s+from|aris(?:e|es|ing|en)\s+from|arose\s+from"
    rf"|c(?:ome|omes|ame|oming)\s+(?:\w+\s+)?from(?:\s+nothing\s+but)?{_OBJECT_NEXT}"
    r"|originat(?:e|es|ed|ing)\s+(?:from|in|with)"
    r"|trac(?:e|es|ed|ing)\s+(?:\w+\s+)?(?:back\s+)?to|side[\s-]effects?\s+of"
    r"|(?:a|the|direct)\s+result\s+of|root\s+causes?|(?:the\s+)?(?:root|origin)\s+of"
    r"|c(?:ome|omes|ame|oming)\s+down\s+with|inject(?:s|ed|ing)?\s+(?:\w+\s+){0,2}?with"
    r"|saddl(?:e|es|ed|ing)\s+(?:\w+\s+){0,2}?with"
    r"|land(?:s|ed|ing)?\s+(?:\w+\s+){0,2}?(?:in|with)|regress(?:es|ed|ing)?\s+into"
    r"|open(?:s|ed|ing)?\s+the\s+door\s+to|pav(?:e|es|ed|ing)\s+the\s+way\s+(?:for|to)"
    r"|predispos(?:e|es|ed|ing)|put(?:s|ting)?\s+(?:\w+\s+){0,2}?at\s+(?:\w+\s+)?risk"
    r"|(?:up|ups|upped|upping|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|hik(?:e|es|ed|ing))\s+(?:the\s+|your\s+)?(?:risk|odds|chances?)"
    r"|(?:went|go|goes|going|gone)\s+on\s+to\s+(?:develop|get|have)"
    r"|transmit(?:s|ted|ting)?|beam(?:s|ed|ing)?|unleash(?:es|ed|ing)?|spawn(?:s|ed|ing)?"
    r"|breed(?:s|ing)?|bred|sicken(?:s|ed|ing)?"
    # The next few verbs say so only right before the object: "are being left unable to
    # have babies", "are making people sick", "that's exactly how you catch a cold".
    rf"|left{_OBJECT_NEXT}|making(?:\s+(?:people|you|kids|children|us|them|everyone|folks))?"
    rf"(?:\s+(?:sick|ill)(?:\s+with)?)?{_OBJECT_NEXT}"
    r"|and\s+(?:you['’]ll|you\s+will)\s+(?:get|catch|develop|have|end\s+up\s+with)"
    rf"{_OBJECT_NEXT}"
    # Told by the one it happened to: "I got the jab and I was flat on my back with the flu".
    r"|(?:i['’]m|i\s+am|i\s+was|we\s+were|(?:he|she)\s+(?:was|is))\s+(?:\w+\s+){0,2}?"
    r"(?:flat\s+on\s+(?:my|his|her|our)\s+backs?|sick|ill|laid\s+up|in\s+bed|bedridden|down)"
    r"\s+with"
    r"|(?:is|are|was|were|['’]s)\s+(?:exactly\s+|just\s+|precisely\s+)?how\s+(?:\w+\s+){0,2}?"
    rf"(?:catch(?:es)?|caught|gets?|got|develops?){_OBJECT_NEXT}"
    # "…all started the month they switched on the tower": what began when the cause came.
    r"|(?:start(?:s|ed)?|began|begin)\s+(?:\w+\s+){0,4}?(?:when|after|since|once"
    r"|the\s+(?:day|week|month|year))(?=\s+(?:\w+\s+){0,4}?$)"
)
_PREVENT = (
    r"prevent(?:s|ed|ing)?|protect(?:s|ed|ing)?|ward(?:s|ed|ing)?\s+off|keep(?:s|ing)?"
    r"|kept|stop(?:s|ped|ping)?|(?:reduc|lower)(?:e|es|ed|ing|s)?\s+(?:the\s+|your\s+)?risk"
    r"|fight(?:s|ing)?\s+off|guard(?:s|ing)?\s+against|defend(?:s|ing)?\s+against|immun(?:e|ity)"
    r"|stav(?:e|es|ed|ing)\s+off|fend(?:s|ed|ing)?\s+off|head(?:s|ed|ing)?\s+off"
    r"|shield(?:s|ed|ing)?|safeguard(?:s|ed|ing)?|armou?r(?:s|ed|ing)?"
    r"|bulletproof(?:s|ed|ing)?|insulat(?:e|es|ed|ing)\s+(?:\w+\s+)?(?:from|against)"
    r"|protection|protective|safe\s+from|resistant\s+to"
    r"|less\s+(?:likely|prone|susceptible|vulnerable)\s+to"
    r"|(?:is|are|was|were|['’]s)\s+(?:exactly\s+|just\s+)?how\s+(?:\w+\s+){0,4}?(?:stay(?:s|ed)?|kept"
    r"|keeps?|avoid(?:s|ed)?)"
)
_CURE = (
    r"cur(?:e|es|ed|ing)|heal(?:s|ed|ing)?|treat(?:s|ed|ing|ment)?|fix(?:es|ed|ing)?"
    r"|revers(?:e|es|ed|ing)|get(?:s|ting)?\s+rid|got\s+rid|eliminat(?:e|es|ed|ing)"
    r"|beat(?:s|ing)?|clear(?:s|ed|ing)?\s+up|effective|works?\s+(?:against|for|on)"
    r"|remed(?:y|ies)|kill(?:s|ed|ing)?|relie(?:f|ve|ves|ved|ving)|eas(?:e|es|ed|ing)"
    r"|sooth(?:e|es|ed|ing)|help(?:s|ed|ing)?\s+(?:with|against)"
    r"|thanks\s+to|alleviat(?:e|es|ed|ing)|numb(?:s|ed|ing)?|dull(?:s|ed|ing)?"
    r"|tak(?:e|es|en|ing)\s+the\s+edge\s+off|took\s+the\s+edge\s+off"
    r"|tak(?:e|es|en|ing)\s+away|took\s+away"
    r"|(?:does|do|did|doing|work(?:s|ed|ing)?)\s+wonders|work(?:s|ed|ing)?\s+miracles"
    r"|miracle\s+(?:for|against|on)"
    r"|(?:answer|solution|antidote|secret|silver\s+bullet|weapon)\s+(?:to|for|against)"
    r"|key\s+to\s+(?:beating|curing|fighting|treating|preventing)|fight(?:s|ing)?|fought"
    r"|combat(?:s|ed|ing|ted|ting)?|tackl(?:e|es|ed|ing)|counteract(?:s|ed|ing)?"
    r"|undo(?:es|ing)?|undid|speed(?:s|ed|ing)?\s+(?:up\s+)?(?:your\s+)?recovery"
    r"|get(?:s|ting)?\s+over|got\s+over|bounc(?:e|es|ed|ing)\s+back\s+from"
    r"|disappear(?:s|ed|ing)?|vanish(?:es|ed|ing)?|(?:go(?:es)?|went|gone)\s+away"
)
_KILL = (
    r"kill(?:s|ed|ing)?|destroy(?:s|ed|ing)?|wip(?:e|es|ed|ing)\s+out|eliminat(?:e|es|ed|ing)"
    r"|knock(?:s|ed|ing)?\s+(?:\w+\s+)?out|works?\s+as"
    r"|starv(?:e|es|ed|ing)|shrink(?:s|ing)?|shrank|cur(?:e|es|ed|ing)"
    r"|zap(?:s|ped|ping)?|nuk(?:e|es|ed|ing)|obliterat(?:e|es|ed|ing)"
    r"|annihilat(?:e|es|ed|ing)|eradicat(?:e|es|ed|ing)|exterminat(?:e|es|ed|ing)"
    r"|demolish(?:es|ed|ing)?|crush(?:es|ed|ing)?|smash(?:es|ed|ing)?|blast(?:s|ed|ing)?"
    r"|torch(?:es|ed|ing)?|incinerat(?:e|es|ed|ing)|fr(?:y|ies|ied|ying)|slay(?:s|ed|ing)?"
    r"|slew|murder(?:s|ed|ing)?|melt(?:s|ed|ing)?|dissolv(?:e|es|ed|ing)"
    r"|wither(?:s|ed|ing)?|finish(?:es|ed|ing)?\s+off|tak(?:e|es|en|ing)\s+out|took\s+out"
    r"|knock(?:s|ed|ing)?|kick(?:s|ed|ing)?|nip(?:s|ped|ping)?|shak(?:e|es|en|ing)\s+off"
    r"|shook\s+off|beaten|conquer(?:s|ed|ing)?|defeat(?:s|ed|ing)?|vanquish(?:es|ed|ing)?"
    r"|overc(?:ome|omes|ame|oming)|banish(?:es|ed|ing)?"
    r"|(?:went|go(?:es)?|going|gone|put(?:s|ting)?|sen(?:ds?|t))\s+(?:\w+\s+){0,2}?into\s+(?:full\s+|complete\s+)?remission"
)
_FEED = (
    r"feed(?:s|ing)?|fed|fuel(?:s|ed|led|ing)?|nourish(?:es|ed|ing)?|grow(?:s|ing)?|grew"
    r"|spread(?:s|ing)?|speed(?:s|ing)?\s+up"
    r"|fertili[sz](?:e|es|ed|ing)|thriv(?:e|es|ed|ing)\s+on|feast(?:s|ed|ing)?\s+on"
    r"|gobbl(?:e|es|ed|ing)\s+up|crav(?:e|es|ed|ing)"
    r"|(?:is|are|was|were)\s+(?:\w+\s+){0,2}?(?:food|fuel|fertili[sz]er|candy|a\s+feast)\s+for"
    r"|favou?rite\s+(?:food|fuel|snack|meal)"
)
_REMOVE = (
    r"remov(?:e|es|ed|ing)|flush(?:es|ed|ing)?|detox(?:es|ed|ing|ify|ifies|ified)?"
    r"|cleans(?:e|es|ed|ing)|clean(?:s|ed|ing)?|filter(?:s|ed|ing)?|draw(?:s|ing)?\s+out|drew\s+out|pull(?:s|ed|ing)?\s+out"
    r"|clear(?:s|ed|ing)?|purif(?:y|ies|ied)|eliminat(?:e|es|ed|ing)|get(?:s)?\s+rid|rid"
    r"|suck(?:s|ed|ing)?|pull(?:s|ed|ing)?|draw(?:s|ing|n)?|drew|extract(?:s|ed|ing)?"
    r"|lift(?:s|ed|ing)?\s+out|leach(?:es|ed|ing)?|sweat(?:s|ed|ing)?\s+out"
    r"|(?:pee|poop|piss)(?:s|ed|ing)?\s+out|excret(?:e|es|ed|ing)|expel(?:s|led|ling)?"
    r"|eject(?:s|ed|ing)?|purg(?:e|es|ed|ing)|dump(?:s|ed|ing)?|unload(?:s|ed|ing)?"
    r"|offload(?:s|ed|ing)?|dislodg(?:e|es|ed|ing)|loosen(?:s|ed|ing)?"
    r"|unclog(?:s|ged|ging)?|unblock(?:s|ed|ing)?|(?:get(?:s|ting)?|got)\s+(?:\w+\s+){0,3}?out"
    r"|clean(?:s|ed|ing)?\s+(?:\w+\s+)?(?:out|up)|scrub(?:s|bed|bing)?|scour(?:s|ed|ing)?"
    r"|sweep(?:s|ing)?|swept|wash(?:es|ed|ing)?\s+(?:\w+\s+)?(?:out|away)"
    r"|rins(?:e|es|ed|ing)\s+(?:\w+\s+)?(?:out|away)|mop(?:s|ped|ping)?\s+up"
    r"|soak(?:s|ed|ing)?\s+up|melt(?:s|ed|ing)?\s+(?:away|out)|neutrali[sz](?:e|es|ed|ing)"
    r"|chelat(?:e|es|ed|ing)|break(?:s|ing)?\s+down|broke\s+down|dissolv(?:e|es|ed|ing)"
    r"|filter(?:s|ed|ing)?"
)
_BOOST = (
    r"boost(?:s|ed|ing)?|strengthen(?:s|ed|ing)?|improv(?:e|es|ed|ing)|enhanc(?:e|es|ed|ing)"
    r"|increas(?:e|es|ed|ing)|support(?:s|ed|ing)?|supercharg(?:e|es|ed|ing)|better"
    r"|build(?:s|ing)?|built|train(?:s|ed)?|prim(?:e|es|ed)"
)
# A fact told loosely is still the fact ("Brisk walks help your heart become more
# efficient"); a myth is not made of a loose word ("Vitamin A helps your vision" is true).
_LOOSE_BOOST = r"help(?:s|ed|ing)?(?=\s+(?:your|the|our|their)\s+$)"
_BURN = (
    r"burn(?:s|ed|ing)?|melt(?:s|ed|ing)?|dissolv(?:e|es|ed|ing)|blast(?:s|ed|ing)?"
    r"|break(?:s|ing)?\s+down|broke\s+down|torch(?:es|ed|ing)?"
    r"|shred(?:s|ded|ding)?|incinerat(?:e|es|ed|ing)"
    r"|zap(?:s|ped|ping)?|nuk(?:e|es|ed|ing)|obliterat(?:e|es|ed|ing)"
    r"|strip(?:s|ped|ping)?\s+(?:away|off)|eat(?:s|ing)?\s+away|ate\s+away"
    r"|mobili[sz](?:e|es|ed|ing)|unlock(?:s|ed|ing)?|target(?:s|ed|ing)?"
    r"|flatten(?:s|ed|ing)?|shed(?:s|ding)?|whittl(?:e|es|ed|ing)"
    r"|slim(?:s|med|ming)?\s+down|fight(?:s|ing)?|banish(?:es|ed|ing)?"
)
_IMPROVE = (
    r"improv(?:e|es|ed|ing)|sharpen(?:s|ed|ing)?|enhanc(?:e|es|ed|ing)|better|boost(?:s|ed|ing)?"
    r"|heighten(?:s|ed|ing)?|amp(?:s|ed|ing)?\s+up|upgrad(?:e|es|ed|ing)"
    r"|optimi[sz](?:e|es|ed|ing)|maximi[sz](?:e|es|ed|ing)|turbocharg(?:e|es|ed|ing)"
    r"|perfect(?:s|ed|ing)?|correct(?:s|ed|ing)?|power(?:s|ed|ing)?\s+up"
    r"|level(?:s|led|ed|ling|ing)?\s+up"
    r"|(?:does|do|did|doing|work(?:s|ed|ing)?)\s+wonders\s+for|secret\s+(?:to|of|behind)"
    r"|key\s+to"
    r"|(?:giv(?:e|es|ing)|gave)\s+(?:you|people|kids|children|us)(?:\s+(?:better|good|great|perfect"
    rf"|sharper|super))?{_OBJECT_NEXT}"
    r"|and\s+(?:you['’]ll|you\s+will)(?:\s+be\s+able\s+to)?(?=\s+$)"
)
_HARM = (
    r"harm(?:s|ed|ing|ful)?|damag(?:e|es|ed|ing)|destroy(?:s|ed|ing)?|hurt(?:s|ing)?"
    r"|ruin(?:s|ed|ing)?|weaken(?:s|ed|ing)?|stunt(?:s|ed|ing)?|poison(?:s|ed|ing|ous)?"
    r"|toxic|dangerous|unsafe|caus(?:e|es|ed|ing)|lower(?:s|ed|ing)?|alter(?:s|ed|ing)?"
    r"|chang(?:e|es|ed|ing)|modif(?:y|ies|ied|ying)|rewrit(?:e|es|ing)|rewrote"
    r"|disrupt(?:s|ed|ing)?|strain(?:s|ed|ing)?|trigger(?:s|ed|ing)?|worsen(?:s|ed|ing)?"
    r"|overwhelm(?:s|ed|ing)?|overtax(?:es|ed|ing)?|overburden(?:s|ed|ing)?"
    r"|overstimulat(?:e|es|ed|ing)|overwork(?:s|ed|ing)?|exhaust(?:s|ed|ing)?"
    r"|wear(?:s|ing)?\s+(?:\w+\s+)?out|wore\s+(?:\w+\s+)?out|worn\s+out"
    r"|burn(?:s|ed|ing|t)?\s+out|us(?:e|es|ed|ing)\s+up|max(?:es|ed|ing)?\s+out"
    r"|wreck(?:s|ed|ing)?|trash(?:es|ed|ing)?|sabotag(?:e|es|ed|ing)"
    r"|undermin(?:e|es|ed|ing)|shred(?:s|ded|ding)?|rot(?:s|ted|ting)?|blind(?:s|ing)"
    r"|mess(?:es|ed|ing)?\s+(?:up|with)|screw(?:s|ed|ing)?\s+(?:up|with)"
    r"|muck(?:s|ed|ing)?\s+(?:up|about\s+with|around\s+with)|tamper(?:s|ed|ing)?\s+with"
    r"|meddl(?:e|es|ed|ing)\s+with|interfer(?:e|es|ed|ing)\s+with"
    r"|play(?:s|ed|ing)?\s+havoc\s+with|wreak(?:s|ed|ing)?\s+havoc"
    r"|(?:does|do|did|doing)\s+a\s+number\s+on"
    r"|integrat(?:e|es|ed|ing)\s+(?:itself\s+)?into"
    r"|insert(?:s|ed|ing)?\s+(?:itself\s+)?into|splic(?:e|es|ed|ing)"
    r"|reverse[\s-]transcrib(?:e|es|ed|ing)|reprogram(?:s|med|ming)?|rewir(?:e|es|ed|ing)"
    r"|mutat(?:e|es|ed|ing)|corrupt(?:s|ed|ing)?|scrambl(?:e|es|ed|ing)"
    r"|(?:strip(?:s|ped|ping)?|rob(?:s|bed|bing)?|drain(?:s|ed|ing)?|zap(?:s|ped|ping)?|suck(?:s|ed|ing)?)\s+(?:\w+\s+){0,3}?(?:out\s+)?of"
    r"|deplet(?:e|es|ed|ing)"
    r"|kill(?:s|ed|ing)?(?:\s+off)?(?=\s+(?:(?:basically|nearly|almost|virtually|all|most|much"
    rf"|of|off|any|{_DET})\s+){{0,4}}$)"
    r"|(?:negatively|adversely|badly)\s+(?:impact|affect)(?:s|ed|ing)?"
    r"|(?:impact|affect)(?:s|ed|ing)?\s+(?:\w+\s+){0,2}?(?:negatively|adversely|badly)"
    r"|(?:ha(?:ve|s|d|ving)|tak(?:e|es|en|ing)|took)\s+(?:a|an)\s+(?:\w+\s+)?(?:negative|adverse|bad)"
    r"\s+(?:impact|effect|toll)\s+on|tak(?:e|es|en|ing)\s+(?:a|its|their)\s+toll\s+on|took\s+(?:a|its|their)\s+toll\s+on"
)
_LOWER = (
    r"lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|cut(?:s|ting)?|decreas(?:e|es|ed|ing)|drop(?:s|ped)?"
    r"|slash(?:es|ed|ing)?|halv(?:e|es|ed|ing)|lessen(?:s|ed|ing)?"
    r"|minimi[sz](?:e|es|ed|ing)|diminish(?:es|ed|ing)?"
    r"|(?:mak(?:e|es|ing)|made|produc(?:e|es|ed|ing)|generat(?:e|es|ed|ing)|creat(?:e|es|ed|ing))"
    r"\s+(?:\w+\s+)?(?:less|fewer)"
)
_RAISE = (
    r"rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|push(?:es|ed)?\s+up"
    r"|elevat(?:e|es|ed|ing)"
    r"|spik(?:e|es|ed|ing)|skyrocket(?:s|ed|ing)?|jack(?:s|ed|ing)?\s+up"
    r"|pump(?:s|ed|ing)?\s+up|crank(?:s|ed|ing)?\s+up|driv(?:e|es|ing)\s+up|drove\s+up"
    r"|driven\s+up|send(?:s|ing)?\s+up|sent\s+up|shoot(?:s|ing)?\s+up|shot\s+up"
)
# What a thing is said to be: "Natural remedies are always safe", "because it's natural,
# it's harmless".
_IS = (
    r"(?:is|are|was|were|be|being|means?|meant|equals?|makes?\s+(?:it|them)|['’]s|['’]re)"
    r"(?:\s+(?:always|completely|totally|perfectly|entirely|automatically|inherently"
    r"|naturally|100%|therefore|so))*"
)
_VERBS: dict[str, str] = {
    "causes": _CAUSE,
    "prevents": _PREVENT,
    "protects": _PREVENT,
    "cures": _CURE,
    "treats": _CURE,
    "relieves": _CURE,
    "kills": _KILL,
    "feeds": _FEED,
    "removes": _REMOVE,
    "boosts": _BOOST,
    "strengthens": _BOOST,
    "burns": _BURN,
    "improves": _IMPROVE,
    "harms": _HARM,
    "damages": _HARM,
    "weakens": _HARM,
    "reduces": _LOWER + "|" + _PREVENT,
    "lowers": _LOWER + "|" + _PREVENT,
    "raises": _RAISE + "|" + _CAUSE,
}
# A consensus fact is recognised whichever verb of its direction states it: "high blood
# pressure raises / boosts the risk of / leads to / damages…" are one fact.
_DIRECTIONS = (
    ("causes", "raises", "harms", "damages", "weakens", "feeds"),
    ("prevents", "protects", "reduces", "lowers", "cures", "treats", "relieves", "kills"),
    ("boosts", "strengthens", "improves"),
)
# An illness that ran its course.
_OWN_COURSE = r"on\s+(?:its|their|your|his|her|our)\s+own|by\s+(?:itself|themselves|yourself)"
# What ends a clause: a relation is stated within one. (A dash before what the words are,
# told in a clause of its own, ends one too: "…boost serotonin levels—chemicals that
# elevate mood" says nothing of what elevates mood.)
_CLAUSE_END = Pattern.lazy(
    r"[;:]|,\s+(?:but|yet|although|though|while|whereas|so)\b|(?<!\bnothing )\bbut\b"
    # (Not "– all of which can help…", which goes on about what comes before the dash.)
    r"|\s*[—–]\s*(?!(?:all|both|each|most|some|many|several)\s+of\b)(?:[\w-]+\s+){1,2}"
    r"(?:that|which|who)\b"
)
_MAX_WORDS = 16
# A clause that negates what it says.
_NEGATION = Pattern.lazy(
    rf"\b(?:{NEGATIONS}|fails?\s+to|without|rather\s+than|instead\s+of)\b|n['’]t\b", re.IGNORECASE
)
# A sentence that debunks or questions a claim wherever the words stand.
_DEBUNKED = Pattern.lazy(
    rf"\b(?:{DEBUNKINGS}|no\s+(?:\w+\s+){{0,2}}(?:link|connection|association|scientific\s+basis)"
    rf"|there\s+is\s+no|conspiracy|rumou?rs?|fake|{REPORTED_AS}|contrary\s+to|despite\s+(?:claims|what)"
    r"|how\s+well|whether"
    rf"|{MARKETED}\s+as"
    # "…, but colds clear up on their own": the illness ran its course.
    rf"|(?:but|yet|however|although|though)\b[^.;]{{0,120}}?\b(?:{_OWN_COURSE})"
    # Told in order to doubt it: "the toxins that detox teas supposedly flush out".
    r"|supposedly|allegedly|purportedly|so-called|turn(?:s|ed)?\s+out\s+(?:to\s+be|that))\b",
    re.IGNORECASE,
)
# Told in order to question it: "some people believe…, but…", "critics claim…".
_REPORTED = Pattern.lazy(
    r"\b(?:believe[sd]?|claim(?:s|ed)?|think|thinks|thought|say|says|said|insist|swear"
    r"|according\s+to|label|labels|website|marketing|advertis\w+"
    r"|argue[sd]?|suggest(?:s|ed)?|worr(?:y|ies|ied)|fear(?:s|ed)?|heard|told"
    r"|promis(?:e|es|ed|ing)|warn(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)
# What rejects a reported claim after it: a contrast, or "actually" with a denial.
_REJECTED = Pattern.lazy(
    r"(?<!\bnothing )\b(?:but|however|yet|although|though)\b"
    rf"|\b(?:actually|in\s+fact)\b[^.;]{{0,40}}?\b(?:{NEGATIONS})\b",
    re.IGNORECASE,
)


# Words as the index reads them: letters and digits, with inner apostrophes and hyphens
# ("alzheimer's", "covid-19", "non-smoking" is one word and no "smoking").
_TOKEN = Pattern.lazy(r"[^\W_](?:[\w'’-]*[^\W_])?")


def _words(lowered: str) -> tuple[str, ...]:
    """The words of lower-cased text as they are looked up: no possessive."""
    found: list[str] = _TOKEN.findall(lowered)
    if "'s" not in lowered and "’s" not in lowered:
        return tuple(found)  # most sentences have no possessive: no word to look at
    return tuple(_unpossessive(w) for w in found)


def _unpossessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _lower_in_place(text: str) -> str:
    """Lower case, each character in its place: one that lowers to two ("İ") stays."""
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _plurals(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """A wording and its plurals ("vaccine", "vaccines"; "virus", "viruses"; "allergy",
    "allergies")."""
    *head, last = words
    return (
        words,
        (*head, last + "s"),
        (*head, last + "es"),
        *((*head, plural) for plural in ies_plural(last)),
    )


@dataclass(frozen=True, slots=True)
class Statement:
    """A relation stated in a sentence, and the words that state it (offsets within it)."""

    relation: Relation
    start: int
    end: int
    denied: bool
    reported: bool = False
    """Someone is said to say or believe it ("Stanley says…", "the label claims…")."""


class Knowledge:
    """A set of relations, ready to be found in sentences.

    Two searches per sentence, one for every subject and one for every object, name the
    few relations worth a closer look; only those are checked for a verb between the two.
    """

    def __init__(self, relations: Iterable[Relation], *, actor_only: bool = False) -> None:
        self.relations = tuple(relations)
        # Facts, not myths: a fact holds of its subject only as the clause's actor (see
        # ``_not_the_actor``).
        self.actor_only = actor_only
        self._verbs = tuple(_verbs_of(r.relation, loose=actor_only) for r in self.relations)
        self._after = tuple(_after_of(r.relation) for r in self.relations)
        self._subjects = _Index(r.subject for r in self.relations)
        self._objects = _Index(r.object for r in self.relations)

    def statements(self, sentence: str) -> Iterator[Statement]:
        """Each relation the sentence states, denied or not."""
        # The wordings are searched in lower case: much faster than ignoring case.
        lowered = lower_text(sentence) or _lower_in_place(sentence)
        words = _words(lowered)
        found_subjects = self._subjects.find(words)
        if not found_subjects:
            return
        found_objects = self._objects.find(words)
        if not found_subjects.keys() & found_objects.keys():
            return
        # Where each word stands, worked out only for the few sentences that get here.
        places = [m.span() for m in _TOKEN.finditer(lowered)]
        subjects = _spans(found_subjects, places)
        objects = _spans(found_objects, places)
        # Every object wording, whichever relation it is of: "sugar" in "blood sugar
        # control" is no subject, though that wording is another relation's object.
        any_object = sorted({span for spans in objects.values() for span in spans})
        question = ends_with(sentence, "?")
        for index in sorted(subjects.keys() & objects.keys()):
            relation = self.relations[index]
            # A wording that overlaps the subject is no object ("the flu" in "the flu
            # shot").
            subs, objs = _untangled(subjects[index], objects[index], any_object)
            objs = [o for o in objs if not _other_thing(sentence, o, objects)]
            found = _stated(
                sentence,
                subs,
                objs,
                self._verbs[index],
                self._after[index],
                whole=relation.relation == "is",
                actor_only=self.actor_only,
            )
            if found is None:
                continue
            start, end, clause = found
            denied = (
                question
                or _DEBUNKED.search(sentence) is not None
                or _NEGATION.search(clause) is not None
                # Reported and then rejected: "Some smokers think nicotine causes
                # cancer, but it's the tar", "…are said to cure colds. In fact, they don't".
                or (
                    _REPORTED.search(sentence, 0, end) is not None
                    and _REJECTED.search(sentence, end) is not None
                )
                or (relation.relation == "is" and not _blanket(sentence, start, end))
            )
            reported = _REPORTED.search(sentence) is not None
            yield Statement(relation, start, end, denied, reported)


# What is said to be safe for some, or asked about, is no blanket promise: "Only a few
# herbal supplements are safe in pregnancy", "Ask your pharmacist if herbal remedies are
# safe to take with your medicines".
_QUALIFIED = Pattern.lazy(
    r"\b(?:some|a\s+few|few|only|most|many|certain|not\s+all|if|whether|ask|check)\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
_SAFE_FOR = Pattern.lazy(
    r"\s*(?:to\s+(?:take|use|try|combine)|for\s+(?:most|some|many|you|adults|children)|in\s+(?:pregnancy"
    r"|small|moderation|moderate)|at\s+(?:\w+\s+)?doses?|when|if|with|as\s+long\s+as|unless"
    r"|,\s*others)\b",
    re.IGNORECASE,
)


def _blanket(sentence: str, start: int, end: int) -> bool:
    """Whether what a thing is said to be holds without condition: "Herbal remedies are
    always safe", not "Only a few herbal supplements are safe in pregnancy"."""
    return not _QUALIFIED.search(sentence, 0, start) and not _SAFE_FOR.match(sentence, end)


# What becomes of the object after the subject did its work, told right after the object:
# "…and your cold will be gone by morning", "her autism symptoms faded", "my night vision
# got better". A cause is told so only as something that began: "the headaches started".
_AFTER_OBJECT = r"\s+(?:(?:[\w'’]+\s+){0,2}?)"
_GIVEN_UP_REACH = 30
# Giving the subject up before the illness cleared: "I stopped the silver and my
# infection cleared up".
_GIVEN_UP = Pattern.lazy(
    r"\b(?:stopp(?:ed|ing)|quit|gave\s+up|giving\s+up|ditched|before|until)\b", re.IGNORECASE
)
_GONE = (
    r"(?:gone|disappear(?:s|ed|ing)?|vanish(?:es|ed|ing)?|fad(?:e|es|ed|ing)(?:\s+away)?"
    r"|clear(?:s|ed)?\s+up|heal(?:s|ed)?|(?:go|goes|went)\s+away|stop(?:s|ped)?|eased|lifted"
    r"|melted\s+away|cured|(?:is|was|felt)\s+(?:\w+\s+)?(?:over|better|clean|clear|cleansed"
    r"|detoxed))\b"
    # A course the illness runs anyway is no cure ("…whose colds cleared up on their
    # own"), nor one another treatment brought ("…cleared up with antibiotics").
    rf"(?![^.;:]{{0,120}}?\b(?:{_OWN_COURSE}|anyway|regardless|naturally|in\s+time"
    r"|(?:with|after|thanks\s+to)\s+(?:\w+\s+){0,2}?(?:antibiotics?|medicines?|medications?"
    r"|treatment|drugs?|steroids?|surgery|a\s+doctor))\b)"
)
_BETTER = r"(?:improv(?:ed|es)|got\s+(?:\w+\s+)?better|sharpened|(?:is|was)\s+(?:\w+\s+)?better)\b"


@functools.cache
def _after_of(kind: str) -> Pattern | None:
    """What the object is told to have become after the subject acted, by kind."""
    if kind in _DIRECTIONS[1] or kind == "removes":
        return Pattern.compile(_AFTER_OBJECT + _GONE, re.IGNORECASE)
    if kind in _DIRECTIONS[2]:
        return Pattern.compile(_AFTER_OBJECT + _BETTER, re.IGNORECASE)
    return None


@functools.cache
def _verbs_of(kind: str, *, loose: bool = False) -> Pattern:
    """The verbs that state a relation: any of its direction (raises, damages, leads to…:
    a fact or a myth is told in many words, but "the flu shot wards off flu" is the
    truth, not the myth); with ``loose``, for facts, "helps your" too. Compiled when a
    relation of the kind is first read: the lists are long, and most kinds share their
    direction's pattern."""
    if kind == "is":
        # Only the verb between the two: "natural remedies are always safe", not "natural
        # remedies… it can be hard to tell what is safe".
        return Pattern.compile(
            rf"^[\s,]*(?:(?:so|and|therefore|then|meaning|which\s+means)\s+)*"
            rf"(?:(?:it|they|that|this)\s*)?(?:{_IS})\s*$",
            re.IGNORECASE,
        )
    group = next((g for g in _DIRECTIONS if kind in g), (kind,))
    verbs = "|".join(_VERBS[k] for k in group)
    if loose and group is _DIRECTIONS[2]:
        verbs += "|" + _LOOSE_BOOST
    return Pattern.compile(rf"\b{_HELPED}(?:{verbs})\b", re.IGNORECASE)


class _Index:
    """Wordings of many relations' subjects (or objects), and which relations each
    belongs to. A sentence is looked up word by word, a few words at a time: no pattern
    to compile, so a run pays nothing to make one."""

    def __init__(self, wordings: Iterable[tuple[str, ...]]) -> None:
        self._owners: dict[tuple[str, ...], list[int]] = {}
        for index, words in enumerate(wordings):
            for wording in words:
                for key in _plurals(_words(wording.lower())) if wording.strip() else ():
                    self._owners.setdefault(key, []).append(index)
        # The longest wording that starts with each word: how far to look from it.
        self._reach: dict[str, int] = {}
        for key in self._owners:
            self._reach[key[0]] = max(self._reach.get(key[0], 0), len(key))

    def find(self, words: tuple[str, ...]) -> dict[int, list[tuple[int, int]]]:
        """Which relations' wordings stand among a sentence's words: (first word, number
        of words) of each, by relation."""
        found: dict[int, list[tuple[int, int]]] = {}
        owners, reach = self._owners, self._reach
        count = len(words)
        for start in range(count):
            longest = reach.get(words[start])
            if longest is None:
                continue
            for length in range(min(longest, count - start), 0, -1):
                owned = owners.get(tuple(words[start : start + length]))
                if owned is not None and length == 1 and _verb_here(words, start):
                    break
                if owned is not None:
                    for index in owned:
                        found.setdefault(index, []).append((start, length))
                    break  # the longest wording at this word
        return found


# After these, a word in "s" is a verb, not a plural noun: "…, which leads to weight gain"
# is no "lead" (the metal). (Not "that" or "this", which a noun follows as often: "found
# that statins reduce…", "this diabetes drug".)
_BEFORE_A_VERB = frozenset(("which", "it", "who"))


def _verb_here(words: tuple[str, ...], start: int) -> bool:
    """Whether the word at ``start`` ends in "s" right after a word only a verb follows."""
    return start > 0 and words[start].endswith("s") and words[start - 1] in _BEFORE_A_VERB


def _spans(
    found: dict[int, list[tuple[int, int]]], places: list[tuple[int, int]]
) -> dict[int, list[tuple[int, int]]]:
    """The character offsets of words found by ``_Index.find``."""
    return {
        index: [(places[start][0], places[start + length - 1][1]) for start, length in where]
        for index, where in found.items()
    }


def _overlap(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return one[0] < other[1] and other[0] < one[1]


def _untangled(
    subjects: list[tuple[int, int]],
    objects: list[tuple[int, int]],
    any_object: list[tuple[int, int]],
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Subject and object wordings where the same words are read as both: the longer
    wording is what the words say ("the flu shot" is a subject, not the object "the
    flu"; "blood sugar" is an object, not the subject "sugar"); on a tie, the subject.
    ``any_object`` are the object wordings of every relation."""

    def longer(one: tuple[int, int], other: tuple[int, int]) -> bool:
        return one[1] - one[0] > other[1] - other[0]

    subs = [s for s in subjects if not any(_overlap(s, o) and longer(o, s) for o in any_object)]
    objs = [o for o in objects if not any(_overlap(o, s) and not longer(o, s) for s in subs)]
    return subs, objs


def _other_thing(
    sentence: str, wording: tuple[int, int], objects: dict[int, list[tuple[int, int]]]
) -> bool:
    """Whether the object ``wording`` is part of another thing's name: a relation's object
    wording that is it with one word before ("good cholesterol", HDL, holds the
    "cholesterol" saturated fat raises), where that relation does not count the shorter
    wording as its object too ("mild depression" is still depression) and the word is no
    determiner ("the viruses")."""
    for spans in objects.values():
        if wording in spans:
            continue
        if any(
            end == wording[1]
            and start < wording[0]
            and len(before := sentence[start : wording[0]].split()) == 1
            and before[0].lower() not in _DETERMINERS
            for start, end in spans
        ):
            return True
    return False


# Words before a wording that name no other thing: "the viruses" are viruses.
_DETERMINERS = frozenset("the a an this that these those your my our their his her its".split())


def _stated(
    sentence: str,
    subjects: list[tuple[int, int]],
    objects: list[tuple[int, int]],
    verbs: Pattern,
    after: Pattern | None = None,
    *,
    whole: bool = False,
    actor_only: bool = False,
) -> tuple[int, int, str] | None:
    """Where a subject, a verb and an object stand in one clause, the verb between the
    other two, or what became of the object told right after it (``after``: "Since I
    started X, my eczema has cleared up"); with the clause's text. ``whole``: ``verbs``
    must match all that stands between (see ``_verbs_of``)."""
    for subject in subjects:
        for obj in objects:
            first, last = sorted((subject, obj))
            if first[1] > last[0]:
                continue
            if actor_only and first == subject and _not_the_actor(sentence, subject):
                continue
            between = sentence[first[1] : last[0]]
            if len(between.split()) > _MAX_WORDS:
                continue
            # A verb pattern of its own reads the whole of what stands between ("all
            # natural, so it's safe"); any other stops at a clause's end.
            if not whole and _CLAUSE_END.search(between):
                continue
            # ", and" right before a wording that a verb follows starts a clause of its
            # own: "Ivermectin treats parasites, and COVID is a virus" (but not a list's
            # last item: "caused seizures, fevers, and autism").
            if _NEW_CLAUSE.search(between) and _VERB_NEXT.match(sentence, last[1]):
                continue
            end = last[1]
            tail = ""
            stated = verbs.search(between)
            if stated is not None and (
                (first == subject and _not_its_verb(sentence[: first[0]], between, stated))
                # After the object, a verb joined by "and" is the clause subject's own:
                # "raises progesterone and protects against bone loss after menopause".
                or (first == obj and _JOINED.fullmatch(between, 0, stated.start()) is not None)
            ):
                continue
            if stated is None:
                if first == obj and _RELATIVE.fullmatch(between):
                    # The object described by a clause whose subject does it: "the wax
                    # that the candle sucked out". What the sentence goes on to say of it
                    # may deny it: "…flush out do not exist".
                    verb = _verb_near(sentence, end, verbs, after=True)
                    if verb is None:
                        continue
                    end = verb
                    tail = sentence[end : _clause_end(sentence, end)]
                elif first == obj and _BY.fullmatch(between):
                    # A passive's agent after its object: "left infertile by the jab".
                    if _verb_near(sentence, first[0], verbs, after=False) is None:
                        continue
                elif (
                    first == subject
                    and after is not None
                    and (told := after.match(sentence, end)) is not None
                    and not _GIVEN_UP.search(sentence, max(0, first[0] - _GIVEN_UP_REACH), last[0])
                ):
                    end = told.end()
                else:
                    continue
            # What negates it stands between the two, or just before the first ("not all
            # vaccines cause…"); a negation earlier in the clause is about something else
            # ("Although it causes no symptoms, high blood pressure raises the risk…").
            clause_start = max(
                _clause_start(sentence, first[0]), _words_before(sentence, first[0], 3)
            )
            # Advice that gives the myth as its reason negates nothing of it: "Never go to
            # bed with wet hair - that's how you catch a cold" (but "Don't skip the flu
            # shot because…" is advice for the subject, and "…because you think it gives
            # you the flu" reports the myth).
            advice = _ADVICE.match(sentence)
            if (
                advice is not None
                and advice.end() <= first[0]
                and _REASON.search(between)
                and not _REPORTED.search(between)
            ):
                clause_start = max(clause_start, advice.end())
            # The wordings themselves are blanked: "going out without a coat" is a subject,
            # and its "without" negates nothing.
            clause = (
                sentence[clause_start : first[0]]
                + " " * (first[1] - first[0])
                + between
                + " " * (last[1] - last[0])
                + sentence[last[1] : end]
                + tail
            )
            return first[0], end, clause
    return None


def _not_the_actor(sentence: str, subject: tuple[int, int]) -> bool:
    """Whether the ``subject`` wording is no actor of its clause: it tells when
    ("Breathing through your nose during exercise boosts endurance"), or something else
    makes it act ("Milk thistle helps your liver flush out toxins" is milk thistle's
    claim, not the liver's fact), or the clause's actor is compared with it. A myth may
    be about what happens then: "Air let in during surgery spreads cancer"."""
    start = subject[0]
    before = max(0, start - _ACTOR_REACH)
    return bool(
        _WHEN.search(sentence, before, start)
        or _MADE_TO.search(sentence, before, start)
        or (
            _COMPARED_WITH.search(sentence, before, start) is not None
            # ...though it acts in a clause of its own: "Unlike metformin, which lowers
            # blood sugar, berberine…".
            and _OWN_CLAUSE.match(sentence, subject[1]) is None
        )
    )


_WHEN = Pattern.lazy(
    r"\b(?:during|after|before|throughout|following)\s+(?:(?:the|a|an|your|their|any|each)\s+)?$",
    re.IGNORECASE,
)
# How far before a subject wording the words that make it no actor are looked for.
_ACTOR_REACH = 24
_MADE_TO = Pattern.lazy(
    # (Not a gerund: "Getting too little sleep raises…" names the subject.)
    r"\b(?:help(?:s|ed)?|mak(?:e|es)|made|lets?|allow(?:s|ed)?|enabl(?:e|es|ed)|gets"
    r"|support(?:s|ed)?|encourag(?:e|es|ed)|assist(?:s|ed)?|prim(?:e|es|ed)|train(?:s|ed)?)\s+"
    r"(?:(?:the|your|our|their|his|her|its|a|an)\s+)?$",
    re.IGNORECASE,
)
# What the subject is likened to ("Berberine works just like metformin to drop your blood
# sugar", "Unlike metformin, …"); not an example of it ("Drugs like metformin lower blood
# sugar"). (What it is "better than" is still said to work: "more effective than
# statins, which lower LDL".)
_COMPARED_WITH = Pattern.lazy(
    r"(?:(?:^\W*|\b(?:just|exactly|much|works?|worked|acts?|acted)\s+)like|\bunlike"
    r"|\bsimilar(?:ly)?\s+to)\s+"
    r"(?:(?:the|a|an|your|any|regular)\s+)?$",
    re.IGNORECASE,
)
_OWN_CLAUSE = Pattern.lazy(r",?\s*(?:which|that|who)\b", re.IGNORECASE)
# What joins a second verb to the first one's clause.
_JOINED = Pattern.lazy(r"\s*,?\s*(?:and|or|but)\s+(?:also\s+|then\s+|even\s+)?", re.IGNORECASE)
_PRONOUN = Pattern.lazy(r"(?:i|you|we|they|he|she|it)\b", re.IGNORECASE)
# The subject wording as the object of a verb in "s" that does something to it ("damages
# the nerves"); not one that takes it in: "He takes ivermectin and cures covid" is the
# myth, as is the reader told to "Drink detox tea and remove toxins".
_ACTED_ON = Pattern.lazy(
    r"\b(?!(?:takes|eats|drinks|wears|uses|gives|chews|gets|has|tries|applies|rubs|swallows"
    r"|needs|does|is|was)\b)[a-z]{3,}s\s+(?:(?:the|your|our|their|his|her|its|a|an)\s+)?$",
    re.IGNORECASE,
)


def _not_its_verb(before: str, between: str, verb: re.Match[str]) -> bool:
    """Whether the verb between the two wordings is another subject's: a second verb of
    the clause's subject after the first one's object ("Diabetes damages the nerves and
    causes ulcers": "nerves" causes nothing). ``before``: the sentence up to the subject
    wording."""
    return (
        _JOINED.fullmatch(between, 0, verb.start()) is not None
        and _ACTED_ON.search(before) is not None
        # A clause with a subject of its own: "had the flu shot and I was in bed with flu".
        and _PRONOUN.match(verb.group()) is None
    )


# ", and" before the second wording; a verb right after it.
_NEW_CLAUSE = Pattern.lazy(rf",\s+and\s+(?:{_DET}\s+)?$", re.IGNORECASE)
_VERB_NEXT = Pattern.lazy(
    r"\s+(?:is|are|was|were|has|have|had|can|could|will|would|does|do|did|may|might)\b",
    re.IGNORECASE,
)
# A relative clause between an object and the subject that acts on it.
_RELATIVE = Pattern.lazy(rf"\s*,?\s*(?:that|which)\s+(?:{_DET}\s+)?", re.IGNORECASE)
_VERB_REACH = 3
# Advice opening a sentence (not to give up the subject: "Don't skip the flu shot"), and
# what gives its reason.
_ADVICE = Pattern.lazy(
    r"\W*(?:don['’]t|do\s+not|never)\b(?=\s+(?!(?:believe|think|trust|buy|fall|listen|assume"
    r"|expect|worry|skip|avoid|refuse|miss|delay|put|forget|stop|quit|give|neglect|ignore)\b)[a-z]+)",
    re.IGNORECASE,
)
_REASON = Pattern.lazy(r"\b(?:because|since)\b|\s[-–—]\s", re.IGNORECASE)
# A passive's agent after its object: "…left unable to have babies by the jab".
_BY = Pattern.lazy(rf"\s*,?\s*by\s+(?:{_DET}\s+)?", re.IGNORECASE)


def _clause_end(sentence: str, position: int) -> int:
    found = _CLAUSE_END.search(sentence, position)
    return found.start() if found else len(sentence)


def _verb_near(sentence: str, position: int, verbs: Pattern, *, after: bool) -> int | None:
    """Where a verb of the relation ends within a few words after (or before) ``position``."""
    if after:
        found = verbs.search(sentence, position, position + 80)
        near = found is not None and len(sentence[position : found.start()].split()) <= _VERB_REACH
        return found.end() if near and found is not None else None
    for found in verbs.finditer(sentence, max(0, position - 60), position):
        if len(sentence[found.end() : position].split()) < _VERB_REACH:
            return found.end()
    return None


def _words_before(sentence: str, position: int, count: int) -> int:
    """Where the ``count`` words before ``position`` start, within its phrase."""
    found = re.search(rf"(?:[\w'’-]+[^\w,;:]+){{0,{count}}}$", sentence[:position])
    return found.start() if found else position


def _clause_start(sentence: str, position: int) -> int:
    ends = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, position)]
    return ends[-1] if ends else 0
