"""Reading the curated knowledge files (``healthlint/claims/knowledge/*.yaml``) and a
team's own entries into validated relations, with errors that name the file and entry."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any

from healthlint.claims.knowledge import Knowledge, Relation
from healthlint.core.errors import HealthlintError
from healthlint.rules.validate import InvalidData, validate, validation_message

PACKAGED = ("myths", "facts")


def packaged_relations(name: str) -> tuple[Relation, ...]:
    """The relations of a file shipped with healthlint: ``myths`` or ``facts``."""
    resource = files("healthlint.claims").joinpath("knowledge", f"{name}.yaml")
    return parse_relations(resource.read_text("utf-8"), f"healthlint/claims/knowledge/{name}.yaml")


def load_relations_file(path: Path) -> tuple[Relation, ...]:
    """A team's own list of relations (``healthlint myths --check``)."""
    from healthlint.files.inputs import read_text

    return parse_relations(read_text(path, what="list of relations"), os.fspath(path))


def parse_relations(text: str, where: str) -> tuple[Relation, ...]:
    """Relations from a YAML list of entries, each validated like a rule file."""
    from healthlint.files.yamlio import read_yaml_file

    data = read_yaml_file(text, where)
    if not isinstance(data, list):
        raise HealthlintError(f"{where}: expected a list of entries")
    return relations_of(data, where)


def relations_of(entries: Iterable[Any], where: str) -> tuple[Relation, ...]:
    out: list[Relation] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        label = f"{where}: entry {index + 1}"
        if not isinstance(entry, Mapping):
            raise HealthlintError(f"{label}: expected a mapping of keys to values")
        try:
            relation = validate(Relation, entry)
        except InvalidData as error:
            message = validation_message("", error, {}, Relation).lstrip(": ")
            raise HealthlintError(f"{label}: {message}") from None
        if relation.id in seen:
            raise HealthlintError(f"{label}: id '{relation.id}' is used twice")
        seen.add(relation.id)
        out.append(relation)
    return tuple(out)


def knowledge(names: Iterable[str], extra: Iterable[Relation] = ()) -> Knowledge:
    """The packaged files named and a team's own relations, ready to match."""
    extra = tuple(extra)
    if not extra:
        return _packaged(tuple(names))
    names = tuple(names)
    relations = [r for name in names for r in packaged_relations(name)]
    return Knowledge([*relations, *extra], actor_only=_facts_only(names))


# Several rules read the same files (unsupported-causal-claim and textbook-fact both the
# facts): each is read and compiled once a process.
@functools.lru_cache(maxsize=8)
def _packaged(names: tuple[str, ...]) -> Knowledge:
    return Knowledge(
        [r for name in names for r in packaged_relations(name)],
        actor_only=_facts_only(names),
    )


def _facts_only(names: tuple[str, ...]) -> bool:
    """Textbook facts are about what acts; a myth may be about what happens when ("Air let
    in during surgery spreads cancer")."""
    return "myths" not in names
