"""Reading the curated lists of ``knowledge/``: CSV files whose lines starting with "#"
say what the list is for and what its columns mean, each entry with its source."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib.resources import files
from typing import Literal

from healthlint.core.regex import phrase_trie

VerbReading = Literal["model", "model-blogs", "particle", "wording", "general"]


@functools.lru_cache(maxsize=16)
def _rows(name: str) -> tuple[dict[str, str], ...]:
    text = files("healthlint.claims").joinpath("knowledge", name).read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    # A row with more cells than the header keeps them under the key None: not a column.
    return tuple(
        {key: (value or "").strip() for key, value in row.items() if isinstance(key, str)}
        for row in rows
    )


def curated_rows(name: str) -> list[dict[str, str]]:
    """The rows of a curated list in ``knowledge/``, each cell stripped."""
    return [dict(row) for row in _rows(name)]


def curated_terms(name: str, group: str | None = None, column: str = "term") -> list[str]:
    """The terms of a curated list (those of one ``group`` if given), or another of its
    columns where it is filled in."""
    return [
        row[column]
        for row in _rows(name)
        if row.get(column) and (group is None or row.get("group") == group)
    ]


def curated_alternation(name: str, group: str | None = None, column: str = "term") -> str:
    """``curated_terms`` as one regex alternation, longest first where they share a start
    (see ``phrase_trie``)."""
    return phrase_trie(frozenset(curated_terms(name, group, column)))


def _listed(cell: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in cell.split("|") if item.strip())


@dataclass(frozen=True, slots=True)
class EffectVerb:
    """A verb that states an effect on health, from ``knowledge/verbs.csv``."""

    verb: str
    forms: tuple[str, ...]
    """Base, third person, past, gerund and any other past participle, where they are
    not the regular ones; empty otherwise."""
    particles: tuple[str, ...]
    """The words one of which must follow the verb for it to state the effect ("leads
    to", "drives up"); empty for a verb alone."""

    def spelled(self) -> tuple[str, ...]:
        """Base, third person, past, gerund (and any other past participle)."""
        from healthlint.claims.model import inflect

        return self.forms or inflect(self.verb)


def effect_verbs(reading: VerbReading) -> list[EffectVerb]:
    """The verbs of one reading, in the file's order (the first reading of a word form
    wins where two verbs spell it alike: "cut" is read as a base form)."""
    return [
        EffectVerb(row["verb"], _listed(row["forms"]), _listed(row["particles"]))
        for row in _rows("verbs.csv")
        if row["reading"] == reading
    ]
