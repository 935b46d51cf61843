"""The ``emergency-signs`` kind: a ``required`` rule for posts that describe the signs of an
emergency, which must also say to call emergency services.

A news story about research reports what was found: "earlier studies have shown that heart
attack symptoms are different in women" is the study's result, not a list of signs the
story gives its readers to act on. A blog that cites a study while telling readers the
signs ("a study found that chest pain that spreads to your arm can be a sign of a heart
attack") still tells them, so the reading depends on the genre, not on the words alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from healthlint.claims.vocabulary import RESEARCH
from healthlint.core.pattern import Pattern
from healthlint.rules.kinds.required import Required

_RESEARCH = Pattern.lazy(rf"\b(?:{RESEARCH})\b", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class EmergencySignsRule(Required):
    kind: Literal["emergency-signs"]

    def reported(self, sentence: str, *, news: bool) -> bool:
        return news and _RESEARCH.search(sentence) is not None
