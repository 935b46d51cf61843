"""The project configuration: ``.healthlint.yaml`` or ``[tool.healthlint]`` in pyproject.toml.

Found by walking up from the working directory, never above the top of its git checkout
(see ``search_config``). It names extra rule directories, which rules run, per-rule
settings (severity, parameters) and per-glob overrides::

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

import functools
import os
import stat
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from healthlint.core.errors import HealthlintError
from healthlint.core.model import DEFAULT_GENRE, Genre
from healthlint.files.discover import repository_top
from healthlint.files.inputs import SETTINGS_LIMIT, read_bytes
from healthlint.rules.validate import (
    STRICT,
    Constraint,
    InvalidData,
    Lines,
    validate,
    validation_message,
)

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
    """Globs, relative to the config file, read as in a .gitignore ("drafts/**", "*.txt",
    "news/", "!drafts/keep.md")."""
    select: tuple[str, ...] | None = None
    """Only these rules, for these files."""
    ignore: tuple[str, ...] = ()
    """Rules not run on these files."""
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Rule settings for these files, as under the main ``rules``."""
    genre: Genre | None = None
    """The kind of writing these files are, instead of the main ``genre``."""


@dataclass(frozen=True, kw_only=True)
class ConfigModel:
    """``.healthlint.yaml`` or ``[tool.healthlint]``: every key is optional."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    preset: Literal["healthlint:recommended", "healthlint:strict", "recommended", "strict"] = (
        "healthlint:recommended"
    )
    """The built-in rules to run: the precise ``recommended`` set, or ``strict`` (all)."""
    genre: Genre = DEFAULT_GENRE
    """The kind of writing: ``blog`` (health blog and health-site articles, the writer's
    own claims) or ``news`` (stories about a study, whose results they report)."""
    rule_dirs: tuple[str, ...] = ()
    """Directories of extra YAML rules, relative to this file."""
    select: tuple[str, ...] | None = None
    """Only these rules (instead of the preset)."""
    ignore: tuple[str, ...] = ()
    """Rules never run."""
    fail_on: Literal["error", "warning", "info", "never"] | None = None
    """The lowest severity that fails a run (the default of ``--fail-on``)."""
    exclude: tuple[str, ...] = ()
    """Globs of paths never linted, read as in a .gitignore ("archive/**", "*.txt")."""
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
        return matches(self.relative(path), self.model.exclude)

    def where(self, *path: str | int) -> str:
        """``file:line`` of a key of this config (nested keys by their path from the top),
        for an error found after loading; the file alone when the line cannot be told."""
        from healthlint.rules.validate import at_line

        if self.source is None:
            return "configuration"
        return at_line(self.source, _lines_of(self.source), *path)


def _lines_of(source: str) -> Lines:
    """The lines of a config file's keys, read again: only an error needs them."""
    if Path(source).name == "pyproject.toml":
        return {}  # TOML keeps no lines to give
    from healthlint.files.yamlio import key_lines

    try:
        return key_lines(Path(source).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}


@dataclass(frozen=True)
class ConfigSearch:
    """Where config discovery looked: the config file found (or None), and the highest
    folder it was allowed to look in."""

    path: Path | None
    boundary: Path
    repository: Path | None
    """The top of the git checkout holding the start folder, if there is one."""


def find_config(start: Path) -> Path | None:
    return search_config(start).path


def search_config(start: Path) -> ConfigSearch:
    """The config file for a run started in ``start``: the first ``.healthlint.yaml``
    (``.yml``) or ``pyproject.toml`` with ``[tool.healthlint]``, from ``start`` upwards.

    Inside a git checkout the search stops at its top (the folder holding ``.git``):
    whoever can write the folders above a repository does not choose its settings.
    Outside one it stops at the home folder, and before a folder that belongs to
    someone else or that others may write to (a shared ``/tmp``), where anyone could
    plant a config; a config file found there must belong to the user too.
    """
    folders = [start.resolve(), *start.resolve().parents]
    repository = repository_top(folders[0])
    if repository is not None:
        allowed = folders[: folders.index(repository) + 1]
    else:
        allowed = _trusted_folders(folders)
    for directory in allowed:
        for candidate in _candidates(directory):
            if repository is None and not _owned(candidate):
                continue
            return ConfigSearch(candidate, allowed[-1], repository)
    return ConfigSearch(None, allowed[-1], repository)


def _trusted_folders(folders: list[Path]) -> list[Path]:
    """The folders from the start upwards that a config may come from outside a
    repository: up to the home folder, and only while the user owns each one and no one
    else may write to it. The start folder itself always counts (the user runs there)."""
    home: Path | None
    try:
        home = Path.home().resolve()
    except (RuntimeError, KeyError, OSError):
        home = None
    allowed = [folders[0]]
    for directory in folders[1:]:
        if allowed[-1] == home or not _private(directory):
            break
        allowed.append(directory)
    return allowed


def _private(directory: Path) -> bool:
    """Whether the user owns ``directory`` and others cannot add files to it."""
    try:
        info = directory.stat()
    except OSError:
        return False
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return False
    return not info.st_mode & stat.S_IWOTH


def _owned(path: Path) -> bool:
    """Whether the user owns the file at ``path`` (always true where files have no
    owner): in a folder others may write to, a file of someone else's was planted."""
    if not hasattr(os, "geteuid"):
        return True
    try:
        return path.stat().st_uid == os.geteuid()
    except OSError:
        return False


def _candidates(directory: Path) -> list[Path]:
    """The config files of ``directory``, in the order they are looked for: a
    pyproject.toml only with a healthlint table."""
    # Anything but a folder under a config's name is taken, so that loading it can say
    # why it cannot be read (a named pipe) rather than the config being passed over.
    found = [
        directory / name
        for name in CONFIG_NAMES
        if os.path.lexists(directory / name) and not (directory / name).is_dir()
    ]
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = read_bytes(pyproject, what="config file", limit=SETTINGS_LIMIT)
        except HealthlintError:
            data = b""
        if b"[tool.healthlint" in data:
            found.append(pyproject)
    return found


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    name = os.fspath(path)
    from healthlint.files.inputs import read_text

    text = read_text(path, what="config file", limit=SETTINGS_LIMIT)
    from healthlint.files.yamlio import key_lines, read_yaml_file

    if path.name == "pyproject.toml":
        data = _from_pyproject(text, name)
    else:
        data = read_yaml_file(text, name)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise HealthlintError(f"{name}: the configuration must be a mapping of keys to values")
    try:
        model = validate(ConfigModel, data)
    except InvalidData as error:
        # Key lines cost a second parse: only an error needs them (TOML has none to give).
        lines: Lines = {} if path.name == "pyproject.toml" else key_lines(text)
        message = validation_message(name, error, lines, ConfigModel)
        raise HealthlintError(message) from None
    return Config(model, path.parent.resolve(), name)


def _from_pyproject(text: str, name: str) -> Any:
    import tomllib

    from healthlint.files.limits import TooComplex, load_toml

    try:
        document = load_toml(text)
    except tomllib.TOMLDecodeError as error:
        raise HealthlintError(f"{name}: invalid TOML: {error}") from None
    except TooComplex as error:
        raise HealthlintError(f"{name}: {error}") from None
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        raise HealthlintError(f"{name}: 'tool' must be a table, as [tool.healthlint] is")
    return tool.get("healthlint", {})


def matches(relative: str, globs: tuple[str, ...]) -> bool:
    """Whether a path (relative to the config's folder, with "/") matches one of the globs,
    read as in a .gitignore: "drafts/**", "*.txt" (a name anywhere), "news/" (a folder)."""
    return bool(globs) and _spec(globs).match_file(relative)


@functools.lru_cache(maxsize=64)
def _spec(globs: tuple[str, ...]) -> Any:
    # pathspec costs a run that uses no globs nothing: imported with the first one.
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(glob.removeprefix("./") for glob in globs)
