"""Loading rule files: YAML in, validated rule objects out, errors naming file and key."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from healthlint.core.errors import HealthlintError

if TYPE_CHECKING:
    from healthlint.rules.spec import RuleSpec

RULE_SUFFIXES = (".yaml", ".yml")


def builtin_rules_dir() -> Path:
    """The built-in pack: inside the installed package, or ``rules/`` of a source checkout."""
    packaged = Path(__file__).parent / "builtin"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


def rule_dirs(extra_dirs: Iterable[Path] = (), *, builtin: bool = True) -> list[Path]:
    """The directories rules are read from, in order: the built-in pack first."""
    dirs = [builtin_rules_dir()] if builtin else []
    dirs += list(extra_dirs)
    for directory in dirs:
        if not directory.is_dir():
            raise HealthlintError(f"{directory}: rule directory not found")
    return dirs


def load_rules(extra_dirs: Iterable[Path] = (), *, builtin: bool = True) -> dict[str, RuleSpec]:
    """All rules by name; a later directory's rule replaces an earlier one of the same name.
    ``healthlint.cache.rules.cached_rules`` keeps the result between runs."""
    return read_rules(rule_dirs(extra_dirs, builtin=builtin))


def rule_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.suffix in RULE_SUFFIXES)


def read_rules(dirs: Iterable[Path]) -> dict[str, RuleSpec]:
    return {name: rule for name, (_, rule) in read_rule_files(dirs).items()}


def read_rule_files(dirs: Iterable[Path]) -> dict[str, tuple[Path, RuleSpec]]:
    """Each rule by name, with the file it was read from; a later directory's rule
    replaces an earlier one of the same name."""
    rules: dict[str, tuple[Path, RuleSpec]] = {}
    for directory in dirs:
        seen: dict[str, Path] = {}
        for path in rule_files(directory):
            rule = load_rule_file(path)
            if rule.name in seen:
                raise HealthlintError(
                    f"{path}: rule '{rule.name}' is already defined in {seen[rule.name]}"
                )
            seen[rule.name] = path
            rules[rule.name] = (path, rule)
    return rules


def example_path(text: str) -> str:
    """The file name a rule example is linted under: examples are Markdown unless they are
    an HTML page."""
    return (
        "example.html"
        if text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))
        else ("example.md")
    )


def load_rule_file(path: Path) -> RuleSpec:
    from healthlint.files.inputs import read_text

    return parse_rule(read_text(path, what="rule file"), os.fspath(path))


def parse_rule(text: str, name: str) -> RuleSpec:
    # YAML and the rule kinds are imported only when a rule file is read: a stored rule
    # set needs no parser, and a run answered from the caches no kind.
    from healthlint.files.yamlio import key_lines, read_yaml_file
    from healthlint.rules.kinds import KINDS
    from healthlint.rules.validate import InvalidData, at_line, validate, validation_message

    data = read_yaml_file(text, name)
    if not isinstance(data, dict):
        raise HealthlintError(f"{name}: a rule file must be a YAML mapping of keys to values")
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        valid = ", ".join(sorted(KINDS))
        where = at_line(name, key_lines(text), "kind")
        if kind is None:
            raise HealthlintError(f"{where}: missing required key 'kind' (one of: {valid})")
        if not isinstance(kind, str):
            raise HealthlintError(f"{where}: key 'kind': must be one name (one of: {valid})")
        raise HealthlintError(f"{where}: key 'kind': unknown kind {kind!r} (one of: {valid})")
    model = KINDS[kind]
    try:
        return validate(model, data)
    except InvalidData as error:
        # Key lines cost a second parse: only an error needs them.
        message = validation_message(name, error, key_lines(text), model)
        raise HealthlintError(message) from None
