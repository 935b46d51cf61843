"""Reading YAML (rule files, config, front matter) fast, and describing its errors."""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's parser is about ten times faster than PyYAML's own, and every run reads every
# rule file; PyYAML without libyaml still works, more slowly.
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

YAMLError = yaml.YAMLError


def load_yaml(text: str) -> Any:
    """The data of one YAML document, with only plain types (safe loading)."""
    return yaml.load(text, Loader=_SAFE_LOADER)


def describe_yaml_error(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if mark is not None:
        return f"line {mark.line + 1}: invalid YAML: {problem}"
    return f"invalid YAML: {problem}"


def key_lines(text: str) -> dict[str, int]:
    """The 1-based line of each top-level key, so errors can point at it. It parses the
    text again: call it on the error path only."""
    try:
        node = yaml.compose(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
