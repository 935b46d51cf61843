"""The project configuration: ``.healthlint.yaml`` or ``[tool.healthlint]`` in pyproject.toml.

Found by walking up from the working directory. It names extra rule directories, which
rules run, per-rule settings (severity, parameters) and per-glob overrides::

    rule_dirs: [house-rules]
    ignore: [mixed-bullets]
    fail_on: warning
    rules:
      reading-level: {max: 10}
    overrides:
      - files: ["drafts/**"]
        ignore: [missing-disclaimer]
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, ClassVar, Literal

from healthlint.core.errors import HealthlintError
from healthlint.rules.spec import STRICT, Constraint, RuleSpec
from healthlint.rules.validate import InvalidData, field_names, validate, validation_message

CONFIG_NAMES = (".healthlint.yaml", ".healthlint.yml")
PRESETS = ("recommended", "strict")


def preset_name(value: str) -> str:
    """``healthlint:strict`` or ``strict`` -> ``strict``."""
    return value.removeprefix("healthlint:")


@dataclass(frozen=True, kw_only=True)
class Override:
    """Settings for the files that match some globs, applied after the main ones."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    files: Annotated[tuple[str, ...], Constraint(min_length=1)]
    """Globs, relative to the config file ("drafts/**", "*.txt")."""
    select: tuple[str, ...] | None = None
    """Only these rules, for these files."""
    ignore: tuple[str, ...] = ()
    """Rules not run on these files."""
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Rule settings for these files, as under the main ``rules``."""


@dataclass(frozen=True, kw_only=True)
class ConfigModel:
    """``.healthlint.yaml`` or ``[tool.healthlint]``: every key is optional."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    preset: Literal["healthlint:recommended", "healthlint:strict", "recommended", "strict"] = (
        "healthlint:recommended"
    )
    """The built-in rules to run: the precise ``recommended`` set, or ``strict`` (all)."""
    rule_dirs: tuple[str, ...] = ()
    """Directories of extra YAML rules, relative to this file."""
    select: tuple[str, ...] | None = None
    """Only these rules (instead of the preset)."""
    ignore: tuple[str, ...] = ()
    """Rules never run."""
    fail_on: Literal["error", "warning", "info", "never"] | None = None
    """The lowest severity that fails a run (the default of ``--fail-on``)."""
    exclude: tuple[str, ...] = ()
    """Globs of paths never linted."""
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per-rule settings: ``severity``, ``enabled`` and the rule's own parameters."""
    overrides: tuple[Override, ...] = ()
    """Settings for some files only, in order."""


@dataclass(frozen=True)
class Config:
    """A validated configuration and the directory its relative paths start from."""

    model: ConfigModel = field(default_factory=ConfigModel)
    root: Path = field(default_factory=Path.cwd)
    source: str | None = None

    @property
    def rule_dirs(self) -> list[Path]:
        return [self.root / d for d in self.model.rule_dirs]

    @cached_property
    def _resolved_root(self) -> str:
        # Resolving costs a system call per path component: once per run, not per file.
        return str(self.root.resolve())

    def relative(self, path: str) -> str:
        absolute, root = os.path.abspath(path), self._resolved_root
        if absolute == root:
            return "."
        if absolute.startswith(root.rstrip(os.sep) + os.sep):
            return Path(absolute[len(root.rstrip(os.sep)) + 1 :]).as_posix()
        return Path(path).as_posix()

    def excluded(self, path: str) -> bool:
        return _matches(self.relative(path), self.model.exclude)


def find_config(start: Path) -> Path | None:
    for directory in (start.resolve(), *start.resolve().parents):
        for name in CONFIG_NAMES:
            if (directory / name).is_file():
                return directory / name
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and "[tool.healthlint" in pyproject.read_text("utf-8", "replace"):
            return pyproject
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    name = os.fspath(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise HealthlintError(f"{name}: cannot read config ({error})") from None
    from healthlint.files.yamlio import YAMLError, describe_yaml_error, key_lines, load_yaml

    if path.name == "pyproject.toml":
        data = _from_pyproject(text, name)
    else:
        try:
            data = load_yaml(text, unique_keys=True)
        except YAMLError as error:
            raise HealthlintError(f"{name}: {describe_yaml_error(error)}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise HealthlintError(f"{name}: the configuration must be a mapping of keys to values")
    try:
        model = validate(ConfigModel, data)
    except InvalidData as error:
        # Key lines cost a second parse: only an error needs them (TOML has none to give).
        lines = {} if path.name == "pyproject.toml" else key_lines(text)
        message = validation_message(name, error, lines, field_names(ConfigModel))
        raise HealthlintError(message) from None
    return Config(model, path.parent.resolve(), name)


def _from_pyproject(text: str, name: str) -> Any:
    import tomllib

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise HealthlintError(f"{name}: invalid TOML: {error}") from None
    return document.get("tool", {}).get("healthlint", {})


def _matches(relative: str, globs: Iterable[str]) -> bool:
    name = PurePosixPath(relative).name
    for glob in globs:
        pattern = glob.removeprefix("./")
        if fnmatch.fnmatchcase(relative, pattern) or (
            "/" not in pattern and fnmatch.fnmatchcase(name, pattern)
        ):
            return True
        if pattern.endswith("/**") and relative.startswith(pattern[:-2]):
            return True
    return False


class RuleSet:
    """The rules that apply to each file, after config, --select and --ignore."""

    def __init__(
        self,
        rules: Mapping[str, RuleSpec],
        config: Config,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        preset: str | None = None,
    ) -> None:
        self._config = config
        self._preset = preset_name(preset or config.model.preset)
        self._all = dict(rules)
        where = config.source or "configuration"
        model = config.model
        self._check_names(select or (), "--select")
        self._check_names(ignore, "--ignore")
        self._check_names(model.select or (), f"{where}: select")
        self._check_names(model.ignore, f"{where}: ignore")
        self._check_names(model.rules, f"{where}: rules")
        for index, override in enumerate(model.overrides):
            label = f"{where}: overrides[{index}]"
            self._check_names(override.select or (), f"{label}.select")
            self._check_names(override.ignore, f"{label}.ignore")
            self._check_names(override.rules, f"{label}.rules")
        self._base = self._configure(self._all, model.rules, where + ": rules")
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
        self._cache: dict[tuple[int, ...], list[RuleSpec]] = {}
        self._keys: dict[int, str] = {}
        self._unavailable: dict[str, str] = {}

    @property
    def preset(self) -> str:
        return self._preset

    @property
    def config(self) -> Config:
        return self._config

    @property
    def all_rules(self) -> dict[str, RuleSpec]:
        return self._base

    def for_path(self, path: str) -> list[RuleSpec]:
        relative = self._config.relative(path)
        active = tuple(
            i for i, o in enumerate(self._config.model.overrides) if _matches(relative, o.files)
        )
        if active not in self._cache:
            self._cache[active] = self._resolve(active)
        return self._cache[active]

    def key_for_path(self, path: str) -> str:
        """A hash of the exact rules that apply to ``path``, for the results cache."""
        from healthlint.cache.results import rules_key

        rules = self.for_path(path)
        if id(rules) not in self._keys:
            self._keys[id(rules)] = rules_key(rules)
        return self._keys[id(rules)]

    def _resolve(self, active: tuple[int, ...]) -> list[RuleSpec]:
        rules = self._base
        select = self._select
        ignore = set(self._ignore)
        where = self._config.source or "configuration"
        for index in active:
            override = self._config.model.overrides[index]
            rules = self._configure(rules, override.rules, f"{where}: overrides[{index}].rules")
            if override.select is not None:
                select = set(override.select)
            ignore |= set(override.ignore)
        chosen = [
            rule
            for name, rule in sorted(rules.items())
            if (self._in_preset(rule) if select is None else name in select) and name not in ignore
        ]
        for rule in chosen:
            reason = rule.unavailable_reason()
            if reason is not None:
                self._unavailable[rule.name] = reason
        return [rule for rule in chosen if rule.name not in self._unavailable]

    def unavailable(self) -> dict[str, str]:
        """Rules that would run but cannot (no server configured, say), with the reason:
        the CLI says so once instead of failing every file."""
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

    @staticmethod
    def _configure(
        rules: Mapping[str, RuleSpec], settings: Mapping[str, Mapping[str, Any]], where: str
    ) -> dict[str, RuleSpec]:
        configured = dict(rules)
        for name, values in settings.items():
            if not isinstance(values, Mapping):
                raise HealthlintError(f"{where}.{name}: expected a mapping of settings")
            forbidden = {"name", "kind", "examples"} & set(values)
            if forbidden:
                raise HealthlintError(f"{where}.{name}: '{min(forbidden)}' cannot be changed here")
            try:
                configured[name] = rules[name].with_settings(dict(values))
            except InvalidData as error:
                known = field_names(type(rules[name]))
                message = validation_message("", error, {}, known).lstrip(": ")
                raise HealthlintError(f"{where}.{name}: {message}") from None
        return configured

    def _check_names(self, names: Iterable[str], where: str) -> None:
        for name in names:
            if name not in self._all:
                raise HealthlintError(f"{where}: unknown rule '{name}' (see `healthlint rules`)")
