"""The rules that apply to each file: the loaded rules after the config's settings, its
per-glob overrides, the preset and ``--select``/``--ignore``."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from healthlint.config.settings import Config, matches, preset_name
from healthlint.core.errors import HealthlintError
from healthlint.rules.validate import InvalidData, describe_problem, did_you_mean

if TYPE_CHECKING:
    from healthlint.cache.keys import RuleKey
    from healthlint.rules.spec import RuleSpec


class RuleSet:
    """The rules that apply to each file, after config, --select and --ignore.

    ``rules`` may be given as a function that reads them, with ``book`` naming the stored
    rule set they are read from (``app.session.Session``): when an earlier run with the
    same rules, config and options kept the keys it worked out (``cache.keys``), the
    results cache's keys come from there, and the rules are read only when a file is
    linted. Otherwise they are read, and checked against the config, at once.
    """

    def __init__(
        self,
        rules: Mapping[str, RuleSpec] | Callable[[], Mapping[str, RuleSpec]],
        config: Config,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        preset: str | None = None,
        genre: str | None = None,
        *,
        book: str | None = None,
    ) -> None:
        self._config = config
        self._genre = genre
        self._preset = preset_name(preset or config.model.preset)
        self._options = (None if select is None else tuple(select), tuple(ignore))
        self._read = rules if callable(rules) else None
        self._loaded: dict[str, RuleSpec] | None = None if callable(rules) else dict(rules)
        self._cache: dict[tuple[int, ...], list[RuleSpec]] = {}
        self._keys: dict[tuple[int, ...], str] = {}
        self._unavailable: dict[str, str] = {}
        self._book: str | None = None
        self._kept: dict[str, RuleKey] = {}
        if book is not None:
            from healthlint.cache import keys

            self._book = keys.book(book, *self._inputs())
            kept = keys.read(self._book)
            if kept is not None:
                self._kept = kept
                return
        self._settle()

    def _inputs(self) -> tuple[str, ...]:
        """Besides the stored rule set, everything the rules of each file follow from."""
        from healthlint.cache.results import canonical

        select, ignore = self._options
        return (
            canonical(self._config.model),
            repr(None if select is None else sorted(select)),
            repr(sorted(ignore)),
            self._preset,
            repr(self._genre),
            # A rule's setting may come from the environment (a grammar server)...
            repr(sorted((k, v) for k, v in os.environ.items() if k.startswith("HEALTHLINT_"))),
            # ...and whether it can run at all from the machine: the grammar rule needs
            # language-tool-python, and Java with a LanguageTool folder or a server.
            repr(_grammar_ground()),
        )

    def _settle(self) -> None:
        """Read the rules if they are not, and check the config and options against them."""
        if self._loaded is None:
            assert self._read is not None
            self._loaded = dict(self._read())
        select, ignore = self._options
        model = self._config.model
        self._all = self._loaded
        self._check_names(select or (), "--select")
        self._check_names(ignore, "--ignore")
        self._check_names(model.select or (), "select", ("select",))
        self._check_names(model.ignore, "ignore", ("ignore",))
        self._check_names(model.rules, "rules", ("rules",))
        for index, override in enumerate(model.overrides):
            at = ("overrides", index)
            label = f"overrides[{index}]"
            self._check_names(override.select or (), f"{label}.select", (*at, "select"))
            self._check_names(override.ignore, f"{label}.ignore", (*at, "ignore"))
            self._check_names(override.rules, f"{label}.rules", (*at, "rules"))
        self._base = self._configure(self._all, model.rules, ("rules",))
        chosen = select if select is not None else model.select
        self._select = set(chosen) if chosen is not None else None
        self._ignore = set(ignore) | set(model.ignore)
        # A rule switched on by name in the config runs whatever the preset.
        self._switched_on = {
            name
            for settings in (model.rules, *(o.rules for o in model.overrides))
            for name, values in settings.items()
            if isinstance(values, Mapping) and values.get("enabled") is True
        }
        self._read = None
        self._keys.clear()  # those from the book: worked out again from the rules

    def _ready(self) -> None:
        if self._read is not None:
            self._settle()

    def __getstate__(self) -> dict[str, object]:
        # Worker processes get the rules themselves, not a way to read them.
        self._ready()
        return self.__dict__

    @property
    def preset(self) -> str:
        return self._preset

    @property
    def config(self) -> Config:
        return self._config

    @property
    def all_rules(self) -> dict[str, RuleSpec]:
        self._ready()
        return self._base

    def for_path(self, path: str) -> list[RuleSpec]:
        self._ready()
        active = self._active(path)
        if active not in self._cache:
            self._cache[active] = self._resolve(active)
        return self._cache[active]

    def genre_for(self, path: str) -> str:
        """The kind of writing ``path`` is: ``--genre``, else the last override that
        matches it and names one, else the config's."""
        return self._genre_of(self._active(path))

    def _active(self, path: str) -> tuple[int, ...]:
        if not self._config.model.overrides:  # most configs: nothing to match the path with
            return ()
        relative = self._config.relative(path)
        return tuple(
            i for i, o in enumerate(self._config.model.overrides) if matches(relative, o.files)
        )

    def _genre_of(self, active: tuple[int, ...]) -> str:
        if self._genre is not None:
            return self._genre
        genre = self._config.model.genre
        for index in active:
            genre = self._config.model.overrides[index].genre or genre
        return genre

    def key_for_path(self, path: str) -> str:
        """A hash of the exact rules that apply to ``path``, for the results cache."""
        from healthlint.cache import keys
        from healthlint.cache.results import dated_key, rules_digest, today_read

        active = self._active(path)
        if active in self._keys:
            return self._keys[active]
        entry = keys.active_name(active)
        kept = self._kept.get(entry)
        if kept is None or self._read is None:
            rules = self.for_path(path)
            worked = keys.RuleKey(
                rules_digest(rules, self._genre_of(active), self._all.keys()), today_read(rules)
            )
            if self._book is not None and worked != kept and not self.unavailable():
                self._kept[entry] = worked
                keys.write(self._book, self._kept)
            kept = worked
        self._keys[active] = dated_key(kept.digest, kept.today)
        return self._keys[active]

    def _resolve(self, active: tuple[int, ...]) -> list[RuleSpec]:
        rules = self._base
        select = self._select
        ignore = set(self._ignore)
        for index in active:
            override = self._config.model.overrides[index]
            rules = self._configure(rules, override.rules, ("overrides", index, "rules"))
            if override.select is not None:
                select = set(override.select)
            ignore |= set(override.ignore)
        genre = self._genre_of(active)
        chosen = [
            rule
            for name, rule in sorted(rules.items())
            if (self._in_preset(rule) if select is None else name in select)
            and name not in ignore
            and (not rule.genres or genre in rule.genres)
        ]
        for rule in chosen:
            reason = rule.unavailable_reason()
            if reason is not None:
                self._unavailable[rule.name] = reason
        return [rule for rule in chosen if rule.name not in self._unavailable]

    def unavailable(self) -> dict[str, str]:
        """Rules that would run but cannot (no server configured, say), with the reason:
        the CLI says so once instead of failing every file."""
        if self._read is not None:
            return {}  # a book is only kept for rules that can all run
        self.for_path(str(self._config.root / "post.md"))
        for index in range(len(self._config.model.overrides)):
            if (index,) not in self._cache:
                self._cache[(index,)] = self._resolve((index,))
        return dict(self._unavailable)

    def _in_preset(self, rule: RuleSpec) -> bool:
        if not rule.enabled:
            return False
        return (
            self._preset == "strict"
            or rule.preset == "recommended"
            or rule.name in self._switched_on
        )

    def _configure(
        self,
        rules: Mapping[str, RuleSpec],
        settings: Mapping[str, Mapping[str, Any]],
        at: tuple[str | int, ...],
    ) -> dict[str, RuleSpec]:
        """``rules`` with the settings found at the key path ``at`` of the config."""
        configured = dict(rules)
        for name, values in settings.items():
            label = f"{_dotted(at)}.{name}"
            if not isinstance(values, Mapping):
                where = self._config.where(*at, name)
                raise HealthlintError(f"{where}: {label}: expected a mapping of settings")
            forbidden = {"name", "kind", "examples"} & set(values)
            if forbidden:
                key = min(forbidden)
                where = self._config.where(*at, name, key)
                raise HealthlintError(f"{where}: {label}: '{key}' cannot be changed here")
            try:
                configured[name] = rules[name].with_settings(dict(values))
            except InvalidData as error:
                path, message = describe_problem(error, type(rules[name]))
                where = self._config.where(*at, name, *path)
                raise HealthlintError(f"{where}: {label}: {message}") from None
            if "fix" in values:
                from healthlint.engine.examples import unsettled_append

                problem = unsettled_append(configured[name], self._all.keys())
                if problem is not None:
                    where = self._config.where(*at, name, "fix")
                    raise HealthlintError(f"{where}: {label}: {problem}")
        return configured

    def _check_names(
        self, names: Iterable[str], label: str, at: tuple[str | int, ...] | None = None
    ) -> None:
        """Refuse a rule name that no rule has: from an option (``at`` None) or from the
        config's list or mapping at the key path ``at``."""
        keyed = isinstance(names, Mapping)
        for index, name in enumerate(names):
            if name in self._all:
                continue
            hint = did_you_mean(name, self._all) or " (see `healthlint rules`)"
            message = f"{label}: unknown rule '{name}'{hint}"
            if at is not None:
                message = f"{self._config.where(*at, name if keyed else index)}: {message}"
            raise HealthlintError(message)


def _dotted(path: tuple[str | int, ...]) -> str:
    """``("overrides", 0, "rules")`` -> ``overrides[0].rules``, as the config is written."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _grammar_ground() -> tuple[bool, str | None, str | None]:
    """What decides, besides the config, whether the grammar rule can run here."""
    import importlib.util
    import shutil

    return (
        importlib.util.find_spec("language_tool_python") is not None,
        shutil.which("java"),
        os.environ.get("LTP_PATH"),
    )
