"""The JSON Schema of rule files, for editors that check YAML.

They come from the same dataclasses that files are validated into (pydantic writes them),
so a rule file that passes the schema passes healthlint, key for key. The docstring under
each field becomes its description, as editors show on hover.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import itertools
import textwrap
from typing import Any

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def rule_schema() -> dict[str, Any]:
    """One rule file: an object whose ``kind`` picks the fields it may have."""
    from typing import Annotated, Union

    from pydantic import Field, TypeAdapter

    from healthlint.rules.kinds import KINDS
    from healthlint.rules.spec import Examples, FixSpec, Measured

    # The union of the kinds, built from the registry (a type made at run time).
    kinds: Any = Annotated[Union[tuple(KINDS.values())], Field(discriminator="kind")]  # noqa: UP007
    schema = TypeAdapter(kinds).json_schema()
    examples = schema["$defs"]["Examples"]
    # The field is ``pass_`` only because ``pass`` is a Python keyword.
    examples["properties"]["pass"] = examples["properties"].pop("pass_")
    examples["required"] = ["pass" if r == "pass_" else r for r in examples["required"]]
    describe_all(schema, [*KINDS.values(), Examples, FixSpec, Measured])
    for kind in KINDS.values():
        # Each kind's module opens with what the kind is for.
        module = inspect.getmodule(kind)
        about = module.__doc__ if module else None
        if about:
            definition = schema["$defs"][kind.__name__]
            definition["description"] = " ".join(about.split("\n\n")[0].split())
    return titled(schema, "healthlint rule file")


def titled(schema: dict[str, Any], title: str) -> dict[str, Any]:
    return {"$schema": DIALECT, "title": title, **{k: v for k, v in schema.items() if k != "title"}}


def describe_all(schema: dict[str, Any], classes: list[type[Any]]) -> None:
    definitions = schema.get("$defs", {})
    for cls in classes:
        if cls.__name__ in definitions:
            describe(definitions[cls.__name__], cls)


def describe(schema: dict[str, Any], cls: type[Any]) -> None:
    """Field docstrings as descriptions (pydantic reads none from plain dataclasses)."""
    notes = {}
    for klass in reversed(cls.__mro__):
        if dataclasses.is_dataclass(klass):
            notes.update(_field_docstrings(klass))
    for name, prop in schema.get("properties", {}).items():
        note = notes.get("pass_" if name == "pass" else name)
        if note:
            prop["description"] = note


def _field_docstrings(cls: type[Any]) -> dict[str, str]:
    """``{field: the string literal written just under it}`` in the class's source."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):  # no source (a frozen app): no descriptions
        return {}
    body = ast.parse(source).body[0]
    notes: dict[str, str] = {}
    if not isinstance(body, ast.ClassDef):
        return notes
    statements = body.body
    for statement, following in itertools.pairwise(statements):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            notes[statement.target.id] = " ".join(following.value.value.split())
    return notes
