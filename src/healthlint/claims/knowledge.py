"""What a health editor knows: relations between a subject and an object (vaccines →
autism, smoking → lung cancer), recognised by meaning rather than by one wording.

A relation is stated when its subject, a verb of its kind and its object stand in one
clause, in either order and voice: "Childhood vaccines are the reason so many kids now
have autism", "autism caused by the MMR jab". A statement is denied when the clause
negates it ("vaccines do not cause autism"), the sentence calls it a myth or finds no
evidence, reports it in order to question it ("some people believe… but…"), or asks.

The entries are curated data (``knowledge/myths.yaml``, ``knowledge/facts.yaml``, and a
team's own), each with its source; ``healthlint.rules.knowledge`` reads and validates them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from healthlint.claims.vocabulary import DEBUNKINGS, MARKETED, NEGATIONS
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
# Each kind of effect and the verbs (and phrases) that state it, in any tense or voice.
_CAUSE = (
    r"caus(?:e|es|ed|ing)|lead(?:s|ing)?\s+to|led\s+to|result(?:s|ed|ing)?\s+in"
    r"|trigger(?:s|ed|ing)?|giv(?:e|es|ing)|gave|given|bring(?:s|ing)?\s+on|brought\s+on"
    r"|(?:is|are|was|were)\s+(?:\w+\s+){0,2}?(?:reason|cause|culprit)s?"
    r"|responsible\s+for|behind|linked\s+(?:to|with)|tied\s+to|associated\s+with"
    r"|contribut(?:e|es|ed|ing)\s+to|(?:increas|rais|boost)(?:e|es|ed|ing|s)?\s+(?:the\s+|your\s+)?risk"
    r"|induc(?:e|es|ed|ing)|spark(?:s|ed)?|to\s+blame|blamed|produc(?:e|es|ed|ing)|makes?|made"
    r"|set(?:s|ting)?\s+off|spread(?:s|ing)?|overload(?:s|ed|ing)?|end(?:s)?\s+up\s+with"
    r"|leav(?:e|es|ing)\s+(?:\w+\s+){0,2}?(?:sick|ill|with)|turn(?:s|ed|ing)?\s+(?:into|\w+ic\b)"
)
_PREVENT = (
    r"prevent(?:s|ed|ing)?|protect(?:s|ed|ing)?|ward(?:s|ed|ing)?\s+off|keep(?:s|ing)?"
    r"|kept|stop(?:s|ped|ping)?|(?:reduc|lower)(?:e|es|ed|ing|s)?\s+(?:the\s+|your\s+)?risk"
    r"|fight(?:s|ing)?\s+off|guard(?:s|ing)?\s+against|defend(?:s|ing)?\s+against|immun(?:e|ity)"
)
_CURE = (
    r"cur(?:e|es|ed|ing)|heal(?:s|ed|ing)?|treat(?:s|ed|ing|ment)?|fix(?:es|ed|ing)?"
    r"|revers(?:e|es|ed|ing)|get(?:s|ting)?\s+rid|got\s+rid|eliminat(?:e|es|ed|ing)"
    r"|beat(?:s|ing)?|clear(?:s|ed|ing)?\s+up|effective|works?\s+(?:against|for|on)"
    r"|remed(?:y|ies)|kill(?:s|ed|ing)?|relie(?:f|ve|ves|ved|ving)|eas(?:e|es|ed|ing)"
    r"|sooth(?:e|es|ed|ing)|help(?:s|ed|ing)?\s+(?:with|against)"
)
_KILL = (
    r"kill(?:s|ed|ing)?|destroy(?:s|ed|ing)?|wip(?:e|es|ed|ing)\s+out|eliminat(?:e|es|ed|ing)"
    r"|knock(?:s|ed|ing)?\s+(?:\w+\s+)?out|works?\s+as"
    r"|starv(?:e|es|ed|ing)|shrink(?:s|ing)?|shrank|cur(?:e|es|ed|ing)"
)
_FEED = (
    r"feed(?:s|ing)?|fed|fuel(?:s|ed|led|ing)?|nourish(?:es|ed|ing)?|grow(?:s|ing)?|grew"
    r"|spread(?:s|ing)?|speed(?:s|ing)?\s+up"
)
_REMOVE = (
    r"remov(?:e|es|ed|ing)|flush(?:es|ed|ing)?|detox(?:es|ed|ing|ify|ifies|ified)?"
    r"|cleans(?:e|es|ed|ing)|draw(?:s|ing)?\s+out|drew\s+out|pull(?:s|ed|ing)?\s+out"
    r"|clear(?:s|ed|ing)?|purif(?:y|ies|ied)|eliminat(?:e|es|ed|ing)|get(?:s)?\s+rid|rid"
)
_BOOST = (
    r"boost(?:s|ed|ing)?|strengthen(?:s|ed|ing)?|improv(?:e|es|ed|ing)|enhanc(?:e|es|ed|ing)"
    r"|increas(?:e|es|ed|ing)|support(?:s|ed|ing)?|supercharg(?:e|es|ed|ing)|better"
)
_BURN = (
    r"burn(?:s|ed|ing)?|melt(?:s|ed|ing)?|dissolv(?:e|es|ed|ing)|blast(?:s|ed|ing)?"
    r"|break(?:s|ing)?\s+down|broke\s+down|torch(?:es)?"
)
_IMPROVE = (
    r"improv(?:e|es|ed|ing)|sharpen(?:s|ed|ing)?|enhanc(?:e|es|ed|ing)|better|boost(?:s|ed|ing)?"
)
_HARM = (
    r"harm(?:s|ed|ing|ful)?|damag(?:e|es|ed|ing)|destroy(?:s|ed|ing)?|hurt(?:s|ing)?"
    r"|ruin(?:s|ed|ing)?|weaken(?:s|ed|ing)?|stunt(?:s|ed|ing)?|poison(?:s|ed|ing|ous)?"
    r"|toxic|dangerous|unsafe|caus(?:e|es|ed|ing)|lower(?:s|ed|ing)?|alter(?:s|ed|ing)?"
    r"|chang(?:e|es|ed|ing)|modif(?:y|ies|ied|ying)|rewrit(?:e|es|ing)|rewrote"
    r"|disrupt(?:s|ed|ing)?|strain(?:s|ed|ing)?|trigger(?:s|ed|ing)?|worsen(?:s|ed|ing)?"
)
_LOWER = (
    r"lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|cut(?:s|ting)?|decreas(?:e|es|ed|ing)|drop(?:s|ped)?"
)
_RAISE = (
    r"rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?|push(?:es|ed)?\s+up"
    r"|elevat(?:e|es|ed|ing)"
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
_VERB_PATTERNS = {
    kind: re.compile(rf"\b{_HELPED}(?:{verbs})\b", re.IGNORECASE) for kind, verbs in _VERBS.items()
}
# A consensus fact is recognised whichever verb of its direction states it: "high blood
# pressure raises / boosts the risk of / leads to / damages…" are one fact.
_DIRECTIONS = (
    ("causes", "raises", "harms", "damages", "weakens", "feeds"),
    ("prevents", "protects", "reduces", "lowers", "cures", "treats", "relieves", "kills"),
    ("boosts", "strengthens", "improves"),
)
_BROAD_PATTERNS = {
    kind: re.compile(rf"\b{_HELPED}(?:{'|'.join(_VERBS[k] for k in group)})\b", re.IGNORECASE)
    for group in _DIRECTIONS
    for kind in group
}
# What ends a clause: a relation is stated within one.
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:but|yet|although|though|while|whereas)\b|\bbut\b")
_MAX_WORDS = 16
# A clause that negates what it says.
_NEGATION = re.compile(rf"\b(?:{NEGATIONS}|fails?\s+to|without)\b|n['’]t\b", re.IGNORECASE)
# A sentence that debunks or questions a claim wherever the words stand.
_DEBUNKED = re.compile(
    rf"\b(?:{DEBUNKINGS}|no\s+(?:\w+\s+){{0,2}}(?:link|connection|association|scientific\s+basis)"
    r"|there\s+is\s+no|conspiracy|rumou?rs?|fake|the\s+(?:idea|belief|claim|notion|theory"
    r"|worry|fear)\s+that|contrary\s+to|despite\s+(?:claims|what)|how\s+well|whether"
    rf"|{MARKETED}\s+as)\b",
    re.IGNORECASE,
)
# Told in order to question it: "some people believe…, but…", "critics claim…".
_REPORTED = re.compile(
    r"\b(?:believe[sd]?|claim(?:s|ed)?|think|thinks|thought|say|says|said|insist|swear"
    r"|according\s+to|label|labels|website|marketing|advertis\w+"
    r"|argue[sd]?|suggest(?:s|ed)?|worr(?:y|ies|ied)|fear(?:s|ed)?|heard|told)\b",
    re.IGNORECASE,
)
_HOWEVER = re.compile(r"\b(?:but|however|yet|although|though|actually|in fact)\b", re.IGNORECASE)


# Words as the index reads them: letters and digits, with inner apostrophes and hyphens
# ("alzheimer's", "covid-19", "non-smoking" is one word and no "smoking").
_TOKEN = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")


def _words(lowered: str) -> tuple[str, ...]:
    """The words of lower-cased text as they are looked up: no possessive."""
    return tuple(_unpossessive(w) for w in _TOKEN.findall(lowered))


def _unpossessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _lower_in_place(text: str) -> str:
    """Lower case, each character in its place: one that lowers to two ("İ") stays."""
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _plurals(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """A wording and its plurals ("vaccine", "vaccines"; "virus", "viruses")."""
    *head, last = words
    return (words, (*head, last + "s"), (*head, last + "es"))


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

    def __init__(self, relations: Iterable[Relation]) -> None:
        self.relations = tuple(relations)
        self._verbs = tuple(_verbs_of(r.relation) for r in self.relations)
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
        question = sentence.rstrip("\"'”’) ").endswith("?")
        for index in sorted(subjects.keys() & objects.keys()):
            # A wording that overlaps the subject is no object ("the flu" in "the flu
            # shot").
            taken = subjects[index]
            objs = [o for o in objects[index] if not any(_overlap(o, t) for t in taken)]
            found = _stated(sentence, subjects[index], objs, self._verbs[index])
            if found is None:
                continue
            start, end, clause = found
            denied = (
                question
                or _DEBUNKED.search(sentence) is not None
                or _NEGATION.search(clause) is not None
                or (
                    _REPORTED.search(sentence, 0, start) is not None
                    and _HOWEVER.search(sentence) is not None
                )
            )
            reported = _REPORTED.search(sentence) is not None
            yield Statement(self.relations[index], start, end, denied, reported)


def _verbs_of(kind: str) -> re.Pattern[str]:
    """The verbs that state a relation: any of its direction (raises, damages, leads to…:
    a fact or a myth is told in many words, but "the flu shot wards off flu" is the
    truth, not the myth)."""
    return _BROAD_PATTERNS.get(kind, _VERB_PATTERNS[kind])


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
                if owned is not None:
                    for index in owned:
                        found.setdefault(index, []).append((start, length))
                    break  # the longest wording at this word
        return found


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


def _stated(
    sentence: str,
    subjects: list[tuple[int, int]],
    objects: list[tuple[int, int]],
    verbs: re.Pattern[str],
) -> tuple[int, int, str] | None:
    """Where a subject, a verb and an object stand in one clause, the verb between the
    other two; with the clause's text."""
    for subject in subjects:
        for obj in objects:
            first, last = sorted((subject, obj))
            if first[1] > last[0]:
                continue
            between = sentence[first[1] : last[0]]
            if len(between.split()) > _MAX_WORDS or _CLAUSE_END.search(between):
                continue
            if verbs.search(between) is None:
                continue
            # What negates it stands between the two, or just before the first ("not all
            # vaccines cause…"); a negation earlier in the clause is about something else
            # ("Although it causes no symptoms, high blood pressure raises the risk…").
            clause_start = max(
                _clause_start(sentence, first[0]), _words_before(sentence, first[0], 3)
            )
            return first[0], last[1], sentence[clause_start : last[1]]
    return None


def _words_before(sentence: str, position: int, count: int) -> int:
    """Where the ``count`` words before ``position`` start, within its phrase."""
    found = re.search(rf"(?:[\w'’-]+[^\w,;:]+){{0,{count}}}$", sentence[:position])
    return found.start() if found else position


def _clause_start(sentence: str, position: int) -> int:
    ends = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, position)]
    return ends[-1] if ends else 0
