"""Loading rule files: YAML in, validated rule objects out, errors naming file and key."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from healthlint import rulecache
from healthlint.errors import HealthlintError
from healthlint.kinds import KINDS
from healthlint.rulecache import rule_files
from healthlint.spec import RuleSpec


def builtin_rules_dir() -> Path:
    """The built-in pack: inside the installed package, or ``rules/`` of a source checkout."""
    packaged = Path(__file__).parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


def load_rules(
    extra_dirs: Iterable[Path] = (), *, builtin: bool = True, cache: bool = False
) -> dict[str, RuleSpec]:
    """All rules by name; a later directory's rule replaces an earlier one of the same name.

    With ``cache``, a rule set validated by an earlier run from the same files is reused
    (see ``healthlint.rulecache``).
    """
    dirs = [builtin_rules_dir()] if builtin else []
    dirs += list(extra_dirs)
    for directory in dirs:
        if not directory.is_dir():
            raise HealthlintError(f"{directory}: rule directory not found")
    if not cache:
        return _read_rules(dirs)
    try:
        cache_key = rulecache.key(dirs)
    except OSError:  # a rule file that cannot be read: reading them says which, properly
        return _read_rules(dirs)
    rules = rulecache.load(cache_key)
    if rules is None:
        rules = _read_rules(dirs)
        rulecache.store(cache_key, rules)
    return rules


def _read_rules(dirs: Iterable[Path]) -> dict[str, RuleSpec]:
    rules: dict[str, RuleSpec] = {}
    for directory in dirs:
        seen: dict[str, Path] = {}
        for path in rule_files(directory):
            rule = load_rule_file(path)
            if rule.name in seen:
                raise HealthlintError(
                    f"{path}: rule '{rule.name}' is already defined in {seen[rule.name]}"
                )
            seen[rule.name] = path
            rules[rule.name] = rule
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
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise HealthlintError(f"{path}: cannot read rule file ({error})") from None
    return parse_rule(text, os.fspath(path))


def parse_rule(text: str, name: str) -> RuleSpec:
    # YAML is read only when a rule file is: a stored rule set needs no parser.
    from healthlint.yamlio import YAMLError, describe_yaml_error, key_lines, load_yaml

    try:
        data = load_yaml(text)
    except YAMLError as error:
        raise HealthlintError(f"{name}: {describe_yaml_error(error)}") from None
    if not isinstance(data, dict):
        raise HealthlintError(f"{name}: a rule file must be a YAML mapping of keys to values")
    kind = data.get("kind")
    if kind not in KINDS:
        valid = ", ".join(sorted(KINDS))
        where = _at(name, key_lines(text), "kind")
        if kind is None:
            raise HealthlintError(f"{where}: missing required key 'kind' (one of: {valid})")
        raise HealthlintError(f"{where}: key 'kind': unknown kind {kind!r} (one of: {valid})")
    model = KINDS[kind]
    try:
        return model.model_validate(data)
    except ValidationError as error:
        known = [f.alias or n for n, f in model.model_fields.items()]
        # Key lines cost a second parse: only an error needs them.
        message = validation_message(name, error, key_lines(text), known)
        raise HealthlintError(message) from None


def _at(name: str, lines: Mapping[str, int], key: str) -> str:
    return f"{name}:{lines[key]}" if key in lines else name


def validation_message(
    name: str, error: ValidationError, lines: Mapping[str, int], known: Iterable[str] = ()
) -> str:
    """One line for the most telling problem: file, line, key and what is wrong.

    Unknown keys come first: a misspelt key also shows up as a missing one, and the
    misspelling is what the user needs to see.
    """
    problems: list[Any] = sorted(error.errors(), key=lambda e: e["type"] != "extra_forbidden")
    first = problems[0]
    loc = [part for part in first["loc"] if not str(part).startswith("function-")]
    key = _dotted(loc)
    top = str(loc[0]) if loc else ""
    where = _at(name, lines, top)
    kind = first["type"]
    if kind == "extra_forbidden":
        import difflib  # only on the error path: it is slow to import

        guess = difflib.get_close_matches(str(loc[-1]), list(known), n=1)
        hint = f" (did you mean '{guess[0]}'?)" if guess else ""
        return f"{where}: unknown key '{key}'{hint}"
    if kind == "missing":
        return f"{where}: missing required key '{key}'"
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{where}: key '{key}': {message}" if key else f"{where}: {message}"


def _dotted(loc: list[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
