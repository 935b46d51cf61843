"""A loaded configuration and its rules, linting text, files and CMS records into plain
results: what ``healthlint.api`` offers Python callers.

The rules are read once, when the linter is made, by the same ``Session`` the command line
and the language server load them with; texts and files go through the same functions as
theirs (``run.lint_source``, ``run.outcomes``), so a finding is the same wherever it comes
from. A linter pickles as its loaded rule set (about 150 kB), for a worker process or a
cluster node to use without reading the rule files again. What its rules work out and
keep while linting (a knowledge list read, a lexicon merged) is left out, so the size
stays the same after a million posts; each worker works it out once.
"""

from __future__ import annotations

import io
import os
import pickle
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from healthlint.core.model import FileError, Record
from healthlint.core.plain import PostReport

if TYPE_CHECKING:
    from healthlint.app.exports import ExportOptions
    from healthlint.app.session import Session
    from healthlint.cache.results import Cache
    from healthlint.config.ruleset import RuleSet

FORMATS = ("markdown", "html", "text")
"""What ``Linter.lint_text`` may read a text as."""


@dataclass(frozen=True, slots=True)
class LintRun:
    """What ``Linter.lint_paths`` gives: each post's report, in the order ``healthlint
    check`` reports them, and the files that could not be read or linted."""

    posts: list[PostReport]
    errors: list[FileError]


@dataclass(frozen=True, slots=True)
class Linter:
    """One configuration and its rules, loaded once (see ``from_config``)."""

    _session: Session
    _ruleset: RuleSet

    def __reduce__(self) -> tuple[Any, ...]:
        return _restore, (_lean_pickle((self._session, self._ruleset)),)

    @classmethod
    def from_config(
        cls,
        config: str | PathLike[str] | None = None,
        *,
        rule_dirs: Iterable[str | PathLike[str]] = (),
        start: str | PathLike[str] | None = None,
        preset: str | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        genre: str | None = None,
        cache: bool = False,
    ) -> Linter:
        """The config file ``config`` (by default, the one ``healthlint check`` would use
        from ``start``, or from the working directory) and its rules, with the rules of
        ``rule_dirs`` added, narrowed as ``--preset``, ``--select``, ``--ignore`` and
        ``--genre`` narrow them. With ``cache``, the validated rules are read from the
        user cache directory and files' results from the project's, as the command line
        does (not with ``HEALTHLINT_NO_CACHE`` set). A config or rule that cannot be used
        raises ``HealthlintError``."""
        from healthlint.app.session import Session, caching_allowed

        _not_one_string("rule_dirs", rule_dirs)
        _not_one_string("ignore", ignore)
        if select is not None:
            _not_one_string("select", select)
        session = Session.load(
            Path(config) if config is not None else None,
            [Path(d) for d in rule_dirs],
            start=Path(start) if start is not None else None,
            cache=caching_allowed(no_cache=not cache),
        )
        ruleset = session.ruleset(
            select=list(select) if select is not None else None,
            ignore=list(ignore),
            preset=preset,
            genre=genre,
        )
        # Each override's rule settings are checked as they are first used: here, so that
        # a bad one raises now and not at the first post (on a cluster, in every worker).
        ruleset.unavailable()
        return cls(session, ruleset)

    def lint_text(
        self, text: str, *, name: str = "<text>", format: str | None = None
    ) -> list[PostReport]:
        """The posts of ``text`` (plain text holds one or more), linted as a file called
        ``name`` (which decides its per-path rules and, without ``format``, its format)."""
        from healthlint.app.run import lint_source

        if format is not None and format not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
        return [PostReport.of(r) for r in lint_source(name, text, self._ruleset, format)]

    def lint_paths(
        self,
        paths: Sequence[str | PathLike[str]],
        *,
        jobs: int = 1,
        exports: ExportOptions | None = None,
    ) -> LintRun:
        """The posts of the files under ``paths``, found, excluded and linted as
        ``healthlint check`` does (in ``jobs`` processes): a CMS export named is read
        record by record, as ``exports`` says (``check``'s ``--input`` and ``--*-field``
        options), after the other files."""
        from healthlint.app.exports import ExportOptions, find_exports
        from healthlint.app.run import collect, outcomes

        _not_one_string("paths", paths)
        named = [os.fspath(p) for p in paths]
        found = find_exports(named, exports if exports is not None else ExportOptions())
        result = collect(
            outcomes(named, self._ruleset, jobs=jobs, cache=self._results_cache(), exports=found)
        )
        return LintRun(
            posts=[PostReport.of(r) for r in result.results],
            errors=list(result.errors),
        )

    def lint_records(self, records: Iterable[Record], *, source: str) -> Iterator[PostReport]:
        """The posts of each record of the export ``source`` (whose path decides their
        per-path rules and is their reports' path), one record at a time: an export is
        never held whole. Each report and finding names its record."""
        from healthlint.app.run import lint_record

        for record in records:
            for result in lint_record(source, record, self._ruleset):
                yield PostReport.of(result)

    def _results_cache(self) -> Cache | None:
        if not self._session.cache:
            return None
        from healthlint.cache.results import Cache

        return Cache(self._session.root)


def _not_one_string(argument: str, value: object) -> None:
    """Refuse one name where a list of names goes: iterated, ``"site"`` would be the
    paths (or rules) ``s``, ``i``, ``t``, ``e``."""
    if isinstance(value, str | bytes | PathLike):
        raise TypeError(f"{argument} takes a list of names, not one: [{value!r}]")


def _lean_pickle(value: object) -> bytes:
    """``value`` pickled without what its rules and rule set keep as they lint."""
    buffer = io.BytesIO()
    _LeanPickler(buffer, pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


def _restore(data: bytes) -> Linter:
    session, ruleset = pickle.loads(data)
    return Linter(session, ruleset)


class _LeanPickler(pickle.Pickler):
    """Pickles each rule without its ``cached_property`` values, and a rule set without
    the rules it resolved per path: both fill up as posts are linted (to 1.1 MB after one
    post) and are worked out again where they are used. The stored rule set
    (``cache.rules``) keeps them on purpose: it is pickled the ordinary way."""

    def reducer_override(self, obj: object) -> Any:
        from healthlint.config.ruleset import RuleSet
        from healthlint.rules.spec import RuleSpec

        if isinstance(obj, RuleSpec):
            cached = _cached_properties(type(obj))
            # A rule's own state: its ``__dict__``, less what it keeps per process (the
            # grammar rule's connection).
            whole = cast("dict[str, Any]", obj.__getstate__())
            state = {k: v for k, v in whole.items() if k not in cached}
            return _bare, (type(obj),), state
        if isinstance(obj, RuleSet):
            _ = obj.all_rules  # read, if they are not: the rules go, not a way to read them
            return _bare, (type(obj),), {**vars(obj), "_cache": {}, "_keys": {}}
        return NotImplemented


def _bare(kind: type[object]) -> object:
    """An object of ``kind`` whose state the unpickler sets (pickle's own ``__newobj__``)."""
    return object.__new__(kind)


def _cached_properties(kind: type) -> frozenset[str]:
    return frozenset(
        name
        for klass in kind.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, cached_property)
    )
