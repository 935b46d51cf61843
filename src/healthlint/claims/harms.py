"""Harms a thing "can" cause, told as a warning: "Niacin can cause flushing and nausea",
"Long flights can raise the risk of blood clots". Telling readers about harms is what a
good health story does, not an overclaimed effect, so a news story's warning is no claim
to source. On a blog, a harm said of something the reader takes or does is the post's
own claim ("Drinking four cups of coffee a day can lead to miscarriage"); of the body or
a disease it stays a warning ("Untreated sleep apnea can lead to high blood pressure"),
and so does a side effect ("Niacin can cause flushing and nausea").
"""

from __future__ import annotations

import re

from healthlint.claims.background import BACKGROUND_SUBJECTS, acts
from healthlint.claims.products import Lexicon
from healthlint.core.pattern import Pattern

_WARNINGS = (
    # The symptoms a thing "can cause": "can cause dizziness and fatigue".
    Pattern.lazy(
        r"\b(?:can|sometimes|often|also|occasionally|rarely|commonly)\s+(?:also\s+)?"
        r"(?:cause|trigger|induce|provoke|lead to|result in)\s+"
        r"(?:(?!less\b|fewer\b|reduced\b|lower\b|decreased\b|no\b)\w+[\s,]+){0,4}?"
        r"(?:nausea|vomiting|dizziness|drowsiness|fatigue|cravings|nervousness|irritability"
        r"|confusion|anxiety|headaches?|diarrh(?:o)?ea|constipation|rash(?:es)?|itching|hives"
        r"|swelling|bruising|bleeding|insomnia|hallucinations|dry mouth|cramps|cramping"
        r"|muscle (?:pain|aches?)|(?:joint|stomach|abdominal|chest|back|bone) pain|pain"
        r"|discomfort|irritation|redness|soreness|flu-like symptoms|symptoms|anemia"
        r"|(?:allergic\s+)?reactions?|infections?|inflammation|gas|bloating|heartburn|indigestion"
        r"|(?:acid\s+)?reflux|migraines?)\b",
        re.IGNORECASE,
    ),
    # A harm a thing "can" do: "can lead to blindness", "can raise the risk of infection".
    Pattern.lazy(
        r"\bcan\s+(?:also\s+|sometimes\s+|even\s+|eventually\s+|\w+ly\s+)?"
        r"(?:cause|lead to|result in|trigger|destroy|damage|impair|impede|weaken|worsen"
        r"|aggravate|exacerbate|contribute to|affect"
        r"|(?:raise|increase|boost|elevate|push\s+up|drive\s+up|send\s+up|spike)\s+"
        r"(?:[\w'’]+\s+){0,2}?"
        r"(?:risks?|blood pressure|blood sugar|cholesterol|heart rate))\b",
        re.IGNORECASE,
    ),
)


# Too much of a good thing is a warning: "Excessive vitamin D can raise blood pressure".
_EXCESS = Pattern.lazy(
    r"\b(?:excess(?:ive)?|too\s+(?:much|many)|high\s+doses?|large\s+(?:amounts|doses|quantities)"
    r"|overuse|overdos\w*|megadoses?)\b",
    re.IGNORECASE,
)


# A benefit is no harm: "This can lead to weight loss and steadier blood sugar".
_BENEFIT = Pattern.lazy(
    # ("less sleep", "lower bone density", "fewer wet nappies" are harms).
    r"\s+(?:(?:a|an|some|significant|rapid|quick|steady)\s+)?(?:weight\s+loss|fat\s+loss|better"
    r"|improved|improvements?|healthier|more\s+stable|steadier|relief|healing|recovery)\b",
    re.IGNORECASE,
)


def warns_of_harm(text: str, lexicon: Lexicon | None = None) -> bool:
    """Whether the sentence warns of a harm something can do. ``lexicon`` (given on a
    blog): a harm said of something a reader takes or does, not of the body or a
    disease nor of too much of it, is a claim ("can lead to"), unless it is a side
    effect ("can cause nausea")."""
    symptoms, harms = _WARNINGS
    if symptoms.search(text):
        return True
    found = harms.search(text)
    if found is None:
        return False
    if lexicon is None:
        return True
    if _BENEFIT.match(text, found.end()):
        return False
    subject = text[: found.start()]
    return (
        _EXCESS.search(subject) is not None
        or not acts(subject, lexicon.products.compiled)
        or lexicon.diseases.search(subject) is not None
        or any(p.search(subject) for p in BACKGROUND_SUBJECTS)
    )
