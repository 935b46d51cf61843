"""The validated rule set, kept between runs so that linting one post starts fast.

Reading and validating the rule files (YAML, pydantic, the regex safety check) costs more
than linting a short post; the result only changes when a rule file or healthlint itself
does. The validated rules are stored as they are, pickled (a pattern as its source and
flags, compiled again when loaded), keyed by a hash of everything they were made from
(healthlint's version and code, the Python version, each rule directory and the bytes of
each rule file), in the user's cache directory. It is never kept inside the linted
project: a pickle runs code when loaded, and a repository must not be able to hand the
linter one. A cache that is missing, stale, unreadable or unwritable is ignored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from healthlint.cache.identity import code_fingerprint
from healthlint.core.errors import HealthlintError
from healthlint.files import usercache
from healthlint.files.inputs import SETTINGS_LIMIT, read_bytes
from healthlint.rules.loader import read_rules, rule_files

if TYPE_CHECKING:
    from healthlint.rules.spec import RuleSpec

_KEEP = 8
"""Rule sets kept: one per combination of rule directories in use (projects, branches)."""

Read = Callable[[Sequence[Path]], "dict[str, RuleSpec]"]


@dataclass(frozen=True)
class StoredRules:
    """The rule set of some directories, named by its key before it is loaded: a run
    answered from the results cache needs the name (``cache.keys``), not the rules."""

    directories: tuple[Path, ...]
    key: str | None
    """None when a rule file cannot be read: reading them says which."""
    read: Read

    def load(self) -> dict[str, RuleSpec]:
        """The rules, from the rule set an earlier run validated from the same files when
        there is one, else by ``read`` (then kept for the next run)."""
        if self.key is None:
            return self.read(self.directories)
        rules = load(self.key)
        if rules is None:
            rules = self.read(self.directories)
            store(self.key, rules)
        return rules


def stored_rules(directories: Sequence[Path], read: Read | None = None) -> StoredRules:
    """The rule set of ``directories``, read by ``read`` when it is not stored
    (``healthlint.rules.loader.read_rules`` unless given: a caller that checks more, such
    as the rules' own examples, does it there, once per change of the rule files)."""
    try:
        cache_key: str | None = key(directories)
    except (OSError, HealthlintError):
        cache_key = None
    return StoredRules(tuple(directories), cache_key, read or read_rules)


def cached_rules(directories: Sequence[Path], read: Read | None = None) -> dict[str, RuleSpec]:
    """The rules of ``directories`` (``stored_rules``), loaded."""
    return stored_rules(directories, read).load()


def key(directories: Sequence[Path]) -> str:
    """A hash of everything the rule set is made from. Rule files are hashed by content
    (cheap: a few dozen small files); healthlint's own modules by size and modification
    time, which is enough to notice an edited checkout."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for directory in directories:
        digest.update(f"dir\0{directory.resolve()}\0".encode())
        for path in rule_files(directory):
            digest.update(f"{path.name}\0".encode())
            # A named pipe or a huge file under a rule's name is refused unread.
            data = read_bytes(path, what="rule file", limit=SETTINGS_LIMIT)
            digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def load(cache_key: str) -> dict[str, RuleSpec] | None:
    # Here rather than at the top: a run the results cache answers loads no rule set.
    import pickle

    from healthlint.rules.spec import RuleSpec

    data = usercache.read(f"rules-{cache_key}.pickle")
    if data is None:
        return None
    try:
        rules = pickle.loads(data)
    except Exception:  # a damaged or outdated entry is the same as none
        return None
    if not isinstance(rules, dict) or not all(isinstance(r, RuleSpec) for r in rules.values()):
        return None
    return rules


def store(cache_key: str, rules: dict[str, RuleSpec]) -> None:
    import pickle

    try:
        for rule in rules.values():
            rule.prepare()
    except Exception:  # the same failure shows when the rule runs, said the same way
        return
    try:
        data = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):  # a rule that cannot be kept
        return
    if usercache.write(f"rules-{cache_key}.pickle", data):
        usercache.prune(lambda oldest_first: oldest_first[-_KEEP:], "rules-", ".pickle")
