"""One configuration and its rules, loaded once and shared by every flow that needs them.

The CLI makes one session per command; the language server keeps one per config file
(``Workspace``). Both read the validated rule set from the user cache when they may.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from healthlint.config.ruleset import RuleSet
from healthlint.config.settings import Config, ConfigSearch, find_config, load_config, search_config
from healthlint.files.discover import inside

if TYPE_CHECKING:
    from healthlint.core.model import RuleInfo
    from healthlint.rules.spec import RuleSpec

NO_CACHE_VARIABLE = "HEALTHLINT_NO_CACHE"


def caching_allowed(no_cache: bool = False) -> bool:
    """Whether caches may be used: not with ``--no-cache`` or ``HEALTHLINT_NO_CACHE`` set."""
    return not no_cache and not os.environ.get(NO_CACHE_VARIABLE)


@dataclass(frozen=True)
class Session:
    config: Config
    read_rules: Callable[[], Mapping[str, RuleSpec]]
    """How the rules are read (from the user cache when it may), the first time they are
    needed: a run that the results cache answers needs none."""
    rules_key: str | None = None
    """The key of the stored rule set the rules are read from, which names them unread
    (None without caches)."""
    cache: bool = False
    """Whether results may be cached (in the project's .healthlint_cache/)."""
    search: ConfigSearch | None = None
    """Where the config was looked for (from the working directory, or ``start``)."""

    @classmethod
    def load(
        cls,
        config_file: Path | None = None,
        rule_dirs: Sequence[Path] = (),
        *,
        start: Path | None = None,
        cache: bool = False,
    ) -> Session:
        """The config (``config_file``, else the one found upwards from ``start`` or the
        working directory) and its rules, with ``rule_dirs`` added after the config's."""
        from healthlint.rules.loader import rule_dirs as directories

        search = search_config(start or Path.cwd())
        config = load_config(config_file or search.path)
        dirs = directories([*config.rule_dirs, *rule_dirs])
        if cache:
            from healthlint.cache.rules import stored_rules

            stored = stored_rules(dirs, read_checked_rules)
            if stored.key is not None:
                return cls(config, stored.load, stored.key, True, search)
            return cls(config, _Given(stored.load()), cache=True, search=search)
        return cls(config, _Given(read_checked_rules(dirs)), search=search)

    @cached_property
    def rules(self) -> Mapping[str, RuleSpec]:
        return self.read_rules()

    def __reduce__(self) -> tuple[object, ...]:
        # Another process (the API's linter, pickled) gets the rules themselves.
        return type(self), (self.config, _Given(self.rules), None, self.cache, self.search)

    def ruleset(
        self,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        preset: str | None = None,
        genre: str | None = None,
    ) -> RuleSet:
        # With a stored rule set, read only if the results cache cannot answer.
        rules = self.rules if self.rules_key is None else lambda: self.rules
        return RuleSet(
            rules,
            self.config,
            select=select,
            ignore=ignore,
            preset=preset,
            genre=genre,
            book=self.rules_key,
        )

    @property
    def root(self) -> Path:
        """Where the project's results cache lives: the config's folder when it is inside
        the folders config discovery may use (a ``--config`` from elsewhere does not take
        the cache there), else here."""
        config, search = self.config, self.search
        if config.source and (search is None or inside(str(config.root), str(search.boundary))):
            return config.root
        return Path.cwd()


@dataclass(frozen=True)
class _Given:
    """Rules already read, as a session reads them."""

    rules: Mapping[str, RuleSpec]

    def __call__(self) -> Mapping[str, RuleSpec]:
        return self.rules


def read_checked_rules(dirs: Sequence[Path]) -> dict[str, RuleSpec]:
    """The rules of ``dirs`` (the built-in pack first), refusing a team's rule whose own
    examples fail. The built-in rules' examples are the test suite's to run."""
    from healthlint.engine.examples import refuse_failing_examples, refuse_unsettled_appends
    from healthlint.rules.loader import builtin_rules_dir, read_rule_files

    files = read_rule_files(dirs)
    builtin = builtin_rules_dir()
    teams = {path: rule for path, rule in files.values() if path.parent != builtin}
    if teams:
        refuse_failing_examples(teams, files.keys())
        refuse_unsettled_appends(teams, files.keys())
    return {name: rule for name, (_, rule) in files.items()}


def describe_rules(rules: Mapping[str, RuleSpec], *, with_help: bool) -> dict[str, RuleInfo]:
    """What a report shows of each rule; the full help text (``explain``) only when asked,
    as only SARIF carries it."""
    from healthlint.core.model import RuleInfo

    explain = None
    if with_help:
        from healthlint.rules.docs import explain_rule

        explain = explain_rule
    return {
        name: RuleInfo(
            name=name,
            kind=rule.kind,
            severity=rule.severity,
            summary=rule.summary,
            description=rule.description,
            help=explain(rule) if explain else "",
        )
        for name, rule in rules.items()
    }


Stamp = tuple[tuple[str, int, int], ...]
"""What a loaded rule set was made from, as (path, modification time, size) of each file."""


@dataclass
class Workspace:
    """Rule sets by the config file that governs a path, for a long-running process (the
    language server): each config and its rules are loaded once, and again when the
    config file or a file in its rule directories changes."""

    cache: bool = True
    _rulesets: dict[Path | None, tuple[Stamp, RuleSet]] = field(default_factory=dict)

    def ruleset_for(self, path: str) -> RuleSet:
        """The rules for ``path``, configured once per config file (validating a config's
        rule settings again on every keystroke would cost each lint its time). A few
        ``stat`` calls per lint tell whether the files have changed since."""
        folder = Path(path).resolve().parent
        config_path = find_config(folder)
        known = self._rulesets.get(config_path)
        if known is not None and known[0] == _stamp(config_path, known[1].config.rule_dirs):
            return known[1]
        # Stamped before reading: an edit made while it is read is read next time.
        before = _stamp(config_path, ())
        session = Session.load(config_path, start=folder, cache=self.cache)
        ruleset = session.ruleset()
        stamp = before + _stamp(None, session.config.rule_dirs)
        self._rulesets[config_path] = (stamp, ruleset)
        return ruleset


def _stamp(config: Path | None, rule_dirs: Sequence[Path]) -> Stamp:
    from healthlint.rules.loader import rule_files

    paths = [config] if config is not None else []
    for directory in rule_dirs:
        paths.append(directory)  # a rule file added or removed changes its folder
        try:
            paths.extend(rule_files(directory))
        except OSError:
            continue
    stamps = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            stamps.append((str(path), -1, -1))
            continue
        stamps.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(stamps)
