"""The validated rule set, kept between runs so that linting one post starts fast.

Reading and validating the rule files (YAML, pydantic, the regex safety check) costs more
than linting a short post; the result only changes when a rule file or healthlint itself
does. It is stored like Python's own bytecode: pickled, keyed by a hash of everything it
was made from (healthlint's version and code, the Python version, each rule directory and
the bytes of each rule file), in the user's cache directory. It is never kept inside the
linted project: a pickle runs code when loaded, and a repository must not be able to hand
the linter one. A cache that is missing, stale, unreadable or unwritable is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import io
import pickle
import re
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from healthlint.cache.identity import code_fingerprint
from healthlint.files import usercache
from healthlint.rules.spec import RuleSpec

RULE_SUFFIXES = (".yaml", ".yml")
_KEEP = 8
"""Rule sets kept: one per combination of rule directories in use (projects, branches)."""


def rule_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.suffix in RULE_SUFFIXES)


def key(directories: Sequence[Path]) -> str:
    """A hash of everything the rule set is made from. Rule files are hashed by content
    (cheap: a few dozen small files); healthlint's own modules by size and modification
    time, which is enough to notice an edited checkout."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for directory in directories:
        digest.update(f"dir\0{directory.resolve()}\0".encode())
        for path in rule_files(directory):
            digest.update(f"{path.name}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def load(cache_key: str) -> dict[str, RuleSpec] | None:
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
    for rule in rules.values():
        rule.prepare()
    try:
        data = dumps(rules)
    except (pickle.PicklingError, TypeError, AttributeError):  # a rule that cannot be kept
        return
    if usercache.write(f"rules-{cache_key}.pickle", data):
        _prune(usercache.directory())


def _prune(folder: Path | None) -> None:
    if folder is None:
        return
    with contextlib.suppress(OSError):
        entries = sorted(folder.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime_ns)
        for old in entries[:-_KEEP]:
            old.unlink()


def dumps(rules: dict[str, RuleSpec]) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(rules)
    return buffer.getvalue()


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, re.Pattern):
            parts = _compiled_parts(obj)
            if parts is not None:
                return _revive, parts
        return NotImplemented


def _compiled_parts(pattern: re.Pattern[Any]) -> tuple[Any, ...] | None:
    """What CPython's ``re`` hands its engine for ``pattern``, or None when that cannot be
    had here (another Python) or does not rebuild the same pattern."""
    try:
        parser = importlib.import_module("re._parser")
        compiler = importlib.import_module("re._compiler")
        engine = importlib.import_module("_sre")
        tree = parser.parse(pattern.pattern, pattern.flags)
        code = compiler._code(tree, pattern.flags)
        groupindex = dict(tree.state.groupdict)
        indexgroup: list[str | None] = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        flags = pattern.flags | tree.state.flags
        groups = tree.state.groups - 1
        if engine.compile(pattern.pattern, flags, code, groups, groupindex, tuple(indexgroup)) != (
            pattern
        ):
            return None
        instructions = array("I", code)
    except Exception:  # private API: anything unexpected means "store the source only"
        return None
    return pattern.pattern, flags, instructions, groups, groupindex, tuple(indexgroup)


def _revive(
    source: Any,
    flags: int,
    instructions: array[int],
    groups: int,
    groupindex: dict[str, int],
    indexgroup: tuple[str | None, ...],
) -> re.Pattern[Any]:
    try:
        engine = importlib.import_module("_sre")
        code = instructions.tolist()
        pattern: re.Pattern[Any] = engine.compile(
            source, flags, code, groups, groupindex, indexgroup
        )
        return pattern
    except Exception:  # not the Python that stored it: compile the ordinary way
        return re.compile(source, flags)
