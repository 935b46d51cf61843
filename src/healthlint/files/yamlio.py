"""Reading YAML (rule files, config, front matter) fast and within bounds, and describing
its errors. Every YAML healthlint reads is read here."""

from __future__ import annotations

from typing import Any

import yaml

from healthlint.files.limits import MAX_DEPTH, MAX_VALUES, TooComplex, too_deep

# libyaml's parser is about ten times faster than PyYAML's own, and every run reads every
# rule file; PyYAML without libyaml still works, more slowly.
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

YAMLError = yaml.YAMLError
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _BoundedLoader(_SAFE_LOADER):  # type: ignore[misc]
    """Checks the document's node graph (``_check_nodes``) before building any value from
    it: a value built from an alias is shared, but whatever walks the data afterwards
    (validation, a title's text) walks every use of it."""

    def get_single_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        _check_nodes(node)
        return self.construct_document(node)


class _LenientLoader(_BoundedLoader):
    """Safe loading that keeps a date YAML cannot build (``2024-02-30``, month 13, hour
    25) as the text it is: front matter is the writer's, and an impossible date there is
    for the date rules to report, not a reason to drop the post's title and fields."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_LenientLoader.add_constructor(_TIMESTAMP, _LenientLoader.construct_yaml_timestamp)


class _UniqueKeyLoader(_BoundedLoader):
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
    matter, where a CMS may repeat a field and the post should still be read).

    Raises ``TooComplex`` (see ``healthlint.files.limits``) for a document nested deeper
    than ``MAX_DEPTH``, expanding to more than ``MAX_VALUES`` values through its aliases,
    or containing itself; ``YAMLError`` for one that is not YAML."""
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader if unique_keys else _LenientLoader)
    except RecursionError:  # PyYAML without libyaml composes nodes recursively
        raise too_deep() from None
    except yaml.YAMLError as error:
        if "maximum nesting depth" in str(getattr(error, "problem", "")):
            # libyaml's own limit (1,000 levels), met before ours can look.
            raise too_deep(_line(error)) from None
        raise


def _line(error: yaml.YAMLError) -> int | None:
    mark = getattr(error, "problem_mark", None)
    return None if mark is None else int(mark.line) + 1


def _check_nodes(root: yaml.Node) -> None:
    """Refuse a node graph nested deeper than ``MAX_DEPTH``, with more than ``MAX_VALUES``
    values once its aliases are expanded, or with a node inside itself (``&a [*a]``).

    Most documents use no alias: each node is met once, and one walk that counts them
    and checks their depth is enough (``_tree_fits``). Otherwise an alias is the node it
    names, so the graph is walked once per node, each node's expanded size the sum of its
    children's: a billion laughs is refused after a few hundred steps. The walks keep
    their own stack, as the depth they check may be large."""
    if _tree_fits(root):
        return
    size: dict[int, int] = {}  # expanded values under each finished node, by id
    open_nodes: set[int] = set()  # nodes whose children are being walked
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack[-1]
        key = id(node)
        if key in size:
            stack.pop()
            continue
        children = _children(node)
        if key not in open_nodes:
            if depth > MAX_DEPTH:
                raise too_deep(node.start_mark.line + 1)
            open_nodes.add(key)
            for child in children:
                if id(child) in open_nodes:
                    raise TooComplex(
                        "a value contains itself (a YAML alias to its own anchor)",
                        child.start_mark.line + 1,
                    )
                if id(child) not in size:
                    stack.append((child, depth + 1))
            continue
        stack.pop()
        open_nodes.discard(key)
        total = 1 + sum(size[id(child)] for child in children)
        if total > MAX_VALUES:
            raise TooComplex(
                f"YAML aliases expand to more than {MAX_VALUES:,} values "
                "(healthlint reads no such file: an alias bomb?)",
                node.start_mark.line + 1,
            )
        size[key] = total


def _tree_fits(root: yaml.Node) -> bool:
    """Whether ``root`` is a tree (no node met twice: no alias) within ``MAX_DEPTH`` and
    ``MAX_VALUES``; False, for the full check to say what is wrong, as soon as it is not
    (the knowledge files' 13,000 nodes: 16 -> 5 ms)."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        key = id(node)
        if key in seen or depth > MAX_DEPTH or len(seen) >= MAX_VALUES:
            return False
        seen.add(key)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                stack.append((key_node, depth + 1))
                stack.append((value_node, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
    return True


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def read_yaml_file(text: str, name: str) -> Any:
    """The data of a file the user maintains (a rule, the config, a list of myths): keys
    given twice are an error, and a YAML error is one line naming the file and line."""
    from healthlint.core.errors import HealthlintError

    try:
        return load_yaml(text, unique_keys=True)
    except TooComplex as error:
        where = f"line {error.line}: " if error.line is not None else ""
        raise HealthlintError(f"{name}: {where}{error}") from None
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
        if node is not None:
            _check_nodes(node)
    except (yaml.YAMLError, TooComplex, RecursionError):
        return {}
    lines: dict[KeyPath, int] = {}
    # A key's line is where the key is written: its value may start on a later line. The
    # nodes were checked, so this walk is bounded; it keeps its own stack all the same.
    stack: list[tuple[yaml.Node, KeyPath]] = [(node, ())] if node is not None else []
    while stack:
        parent, path = stack.pop()
        if isinstance(parent, yaml.MappingNode):
            for key, value in parent.value:
                if isinstance(key, yaml.ScalarNode):
                    child = (*path, str(key.value))
                    lines.setdefault(child, key.start_mark.line + 1)
                    stack.append((value, child))
        elif isinstance(parent, yaml.SequenceNode):
            for index, item in enumerate(parent.value):
                child = (*path, index)
                lines.setdefault(child, item.start_mark.line + 1)
                stack.append((item, child))
    return lines
