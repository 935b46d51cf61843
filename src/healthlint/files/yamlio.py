"""Reading YAML (rule files, config, front matter) fast, and describing its errors."""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's parser is about ten times faster than PyYAML's own, and every run reads every
# rule file; PyYAML without libyaml still works, more slowly.
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

YAMLError = yaml.YAMLError
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _LenientLoader(_SAFE_LOADER):  # type: ignore[misc]
    """Safe loading that keeps a date YAML cannot build (``2024-02-30``, month 13, hour
    25) as the text it is: front matter is the writer's, and an impossible date there is
    for the date rules to report, not a reason to drop the post's title and fields."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_LenientLoader.add_constructor(_TIMESTAMP, _LenientLoader.construct_yaml_timestamp)


class _UniqueKeyLoader(_SAFE_LOADER):  # type: ignore[misc]
    """Refuses a key given twice in one mapping. YAML keeps the last silently, so a rule
    file with two ``triggers:`` lists would lose the first without a word."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[tuple[str, str]] = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
                continue  # merge keys and complex keys are YAML's business
            key = (key_node.tag, key_node.value)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key '{key_node.value}' is given twice", key_node.start_mark
                )
            seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        # A file the user maintains: an impossible date is an error with its line.
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as error:
            raise yaml.constructor.ConstructorError(
                None, None, f"'{node.value}' is not a real date ({error})", node.start_mark
            ) from None


_UniqueKeyLoader.add_constructor(_TIMESTAMP, _UniqueKeyLoader.construct_yaml_timestamp)


def load_yaml(text: str, *, unique_keys: bool = False) -> Any:
    """The data of one YAML document, with only plain types (safe loading). With
    ``unique_keys``, a key given twice in a mapping is an error (a file the user
    maintains, such as a rule or the configuration); without, the last one wins (front
    matter, where a CMS may repeat a field and the post should still be read)."""
    return yaml.load(text, Loader=_UniqueKeyLoader if unique_keys else _LenientLoader)


def read_yaml_file(text: str, name: str) -> Any:
    """The data of a file the user maintains (a rule, the config, a list of myths): keys
    given twice are an error, and a YAML error is one line naming the file and line."""
    from healthlint.core.errors import HealthlintError

    try:
        return load_yaml(text, unique_keys=True)
    except yaml.YAMLError as error:
        raise HealthlintError(f"{name}: {describe_yaml_error(error)}") from None


def describe_yaml_error(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if mark is not None:
        return f"line {mark.line + 1}: invalid YAML: {problem}"
    return f"invalid YAML: {problem}"


KeyPath = tuple[str | int, ...]
"""Where a value sits in a YAML document: its keys and list indexes from the top."""


def key_lines(text: str) -> dict[KeyPath, int]:
    """The 1-based line of every key and list item, nested ones too, by its path from the
    top (``("overrides", 0, "rules", "stray-bullet", "severity")``), so that errors can
    point at it. It parses the text again: call it on the error path only."""
    try:
        node = yaml.compose(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError:
        return {}
    lines: dict[KeyPath, int] = {}
    _collect(node, (), lines)
    return lines


def _collect(node: yaml.Node | None, path: KeyPath, lines: dict[KeyPath, int]) -> None:
    # A key's line is where the key is written: its value may start on a later line.
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                child = (*path, str(key.value))
                lines.setdefault(child, key.start_mark.line + 1)
                _collect(value, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            lines.setdefault(child, item.start_mark.line + 1)
            _collect(item, child, lines)
