"""The rule part of the results cache's keys, kept from one run for the next.

A results-cache key counts every validated setting of the rules that apply to a file,
which only the loaded rule set can tell, and loading it imports the code of every rule
kind: most of a run that the results cache then answers. Yet those rules follow from a
few inputs: the stored rule set (its own key counts healthlint's code and every rule
file), the config, the options that choose rules (``--select``, ``--ignore``,
``--preset``, ``--genre``) and healthlint's environment variables. So the rule part of
each key worked out is kept in the user cache under a hash of those inputs (``book``),
and a later run with the same inputs keys its files without loading a rule.

What is kept is the key without the date (``rules_digest``) and how much of the date the
rules read, so that a key changes with the day as before. A book is only written for
rules that can all run here: one that cannot (no server configured, say) depends on
more than these inputs. A book that is missing, damaged or of another form is a miss.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from healthlint.files import usercache
from healthlint.files.limits import load_json

_PREFIX, _SUFFIX = "keys-", ".json"
_KEEP = 32
"""Books kept: one per combination of rules, config and options in use."""
_READS = ("day", "year", "")


@dataclass(frozen=True, slots=True)
class RuleKey:
    """The rule part of a results-cache key, as ``cache.results.dated_key`` takes it."""

    digest: str
    today: Literal["day", "year", ""]


def book(*inputs: str) -> str:
    """The name of the book kept for ``inputs`` (everything the rules of a run follow
    from, each as text)."""
    digest = hashlib.sha256()
    for part in inputs:
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return f"{_PREFIX}{digest.hexdigest()}{_SUFFIX}"


def read(name: str) -> dict[str, RuleKey] | None:
    """The keys kept in the book ``name``, by the overrides that apply (``active``); None
    when there is no such book that reads right."""
    data = usercache.read(name)
    if data is None:
        return None
    try:
        entries = load_json(data)
    except ValueError:
        return None
    if type(entries) is not dict:
        return None
    keys: dict[str, RuleKey] = {}
    for active, value in entries.items():
        if not (
            type(value) is list and len(value) == 2 and type(value[0]) is str and value[1] in _READS
        ):
            return None
        keys[active] = RuleKey(value[0], value[1])
    return keys


def write(name: str, keys: Mapping[str, RuleKey]) -> None:
    """Keep ``keys`` as the book ``name``, dropping the oldest books beyond a few."""
    import json

    data = json.dumps({active: [key.digest, key.today] for active, key in keys.items()})
    if usercache.write(name, data.encode()):
        usercache.prune(lambda oldest_first: oldest_first[-_KEEP:], _PREFIX, _SUFFIX)


def active_name(active: tuple[int, ...]) -> str:
    """The overrides that apply to a file (their indexes) as a book's entry name."""
    return ",".join(map(str, active))
