"""What a text is about, as the words it shares with another: a crude but cheap topic.

A news story's lede names the study the story is about; the claims further down are that
study's only while they stay on its subject. Two texts share a topic when they share a
content word: a word of four letters or more that is neither a function word nor one of
the words every health story uses ("study", "patients", "risk", "cancer").
"""

from __future__ import annotations

from healthlint.core.pattern import Pattern


def _singular(word: str) -> str:
    """A plural's singular, near enough to match the two: "therapies", "classes"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# Function words, research words and the commonest health words: sharing one of these
# says nothing about sharing a subject.
_COMMON = frozenset(
    _singular(word)
    for word in """
    about after also among been before being between both could does during each even
    every first from have having here into just later like many more most much near never
    only other over same some such than that their them then there these they this those
    through under until very were what when where which while whose with would your
    year years week weeks month months today time new recent latest

    study studies research researchers scientists trial trials analysis review report data
    findings results journal university team authors group groups participants compared
    found said says according published showed shows show suggest suggests suggested
    percent number rate rates significant significantly associated

    health medical clinical doctors hospital care patients people person persons
    individuals population children child women woman adults adult older young mothers
    infants risk risks effect effects factor factors outcome outcomes level levels high
    higher lower increase increased decrease reduce reduced reduction improve improved
    quality function control treatment treatments drug drugs therapy therapies test tests
    used using daily long long-term term early severe chronic common symptoms pain death
    deaths mortality disease cancer heart blood pressure brain body cell cells diabetes
    weight exercise diet food foods eat eating drink drinking take taking
    """.split()
)
_WORD = Pattern.lazy(r"[A-Za-z][\w'’-]{3,}")
_POSSESSIVE = Pattern.lazy(r"['’]s?$")


def content_words(text: str) -> frozenset[str]:
    """The text's content words, lower-cased, in the singular and without a possessive
    "'s"."""
    words = (_singular(_POSSESSIVE.sub("", word.lower())) for word in _WORD.findall(text))
    return frozenset(w for w in words if w not in _COMMON)
