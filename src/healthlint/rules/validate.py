"""Validating rule files and configuration into their dataclasses, with pydantic.

pydantic is imported only when something is validated: a run that loads a stored rule set
never pays for it. Its errors come back as one line naming the file, the line, the key and
what is wrong.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Hashable, Iterable, Mapping
from typing import Any, TypeVar, cast

T = TypeVar("T")

# Here, not in rules.spec, for the config too (a run from the caches needs no rule code).
# Unknown keys are errors (pydantic reads this from each dataclass).
STRICT: dict[str, Any] = {"extra": "forbid"}


class Constraint:
    """Limits on a field's value (``min_length``, ``ge``, ``pattern``), in pydantic's
    terms, applied when the field is validated."""

    def __init__(self, **limits: Any) -> None:
        self.limits = limits

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema.update(self.limits)
        return schema


class InvalidData(Exception):
    """Data that does not fit its dataclass; ``problems`` are pydantic's error records."""

    def __init__(self, problems: list[dict[str, Any]]) -> None:
        super().__init__(problems[0]["msg"] if problems else "invalid")
        self.problems = problems


def validate(cls: type[T], data: Mapping[str, Any]) -> T:
    """An instance of the dataclass ``cls`` from ``data``, checked field by field."""
    from pydantic import ValidationError

    try:
        # Classes are hashable (the cache's key); mypy cannot tell for any type[T].
        result: T = _adapter(cast(Hashable, cls)).validate_python(data)
    except ValidationError as error:
        raise InvalidData([dict(problem) for problem in error.errors()]) from None
    return result


@functools.cache
def _adapter(cls: Any) -> Any:
    """One validator per dataclass and process: building it is the slow part."""
    from pydantic import TypeAdapter

    return TypeAdapter(cls)


def settings_of(instance: Any) -> dict[str, Any]:
    """A dataclass's fields as data that ``validate`` accepts again (keys as in a file)."""
    return {
        _written(f.name): _plain(getattr(instance, f.name)) for f in dataclasses.fields(instance)
    }


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return settings_of(value)
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    return value


def field_names(cls: type[Any]) -> list[str]:
    """The keys a file may use for ``cls`` (``pass_`` is written ``pass``)."""
    return [_written(f.name) for f in dataclasses.fields(cls)]


def _written(name: str) -> str:
    return "pass" if name == "pass_" else name


Lines = Mapping[tuple[Any, ...], int]
"""The line of each key and list item of a file, by its path from the top (see
``healthlint.files.yamlio.key_lines``)."""


def line_of(lines: Lines, path: Iterable[Any]) -> int | None:
    """The line of ``path``, else of the nearest enclosing key that has one."""
    parts = tuple(path)
    while parts:
        if parts in lines:
            return lines[parts]
        parts = parts[:-1]
    return None


def at_line(name: str, lines: Lines, *path: Any) -> str:
    """``file:line`` of a key (nested keys by their path), or the file alone when its line
    is not known."""
    line = line_of(lines, path)
    return f"{name}:{line}" if line is not None else name


# pydantic's names for a key the dataclass does not have.
_UNKNOWN_KEY = ("extra_forbidden", "unexpected_keyword_argument")


def validation_message(
    name: str, error: InvalidData, lines: Lines, model: type[Any] | None = None
) -> str:
    """One line for the most telling problem: file, line, key and what is wrong; an
    unknown key gets the closest key that ``model`` (the dataclass validated) has there."""
    path, message = describe_problem(error, model)
    return f"{at_line(name, lines, *path)}: {message}"


def describe_problem(
    error: InvalidData, model: type[Any] | None = None
) -> tuple[tuple[Any, ...], str]:
    """The most telling problem: the path of the key it is about and what is wrong.

    Unknown keys come first: a misspelt key also shows up as a missing one, and the
    misspelling is what the user needs to see.
    """
    problems = sorted(error.problems, key=lambda e: e["type"] not in _UNKNOWN_KEY)
    first = problems[0]
    loc = tuple(part for part in first["loc"] if not str(part).startswith("function-"))
    # In files ``pass_`` is written ``pass``: the path is looked up as written.
    path = tuple(_written(p) if isinstance(p, str) else p for p in loc)
    key = _dotted(list(loc))
    kind = first["type"]
    if kind in _UNKNOWN_KEY:
        known = _keys_at(model, loc[:-1]) if model is not None else []
        return path, f"unknown key '{key}'{did_you_mean(str(loc[-1]), known)}"
    if kind == "missing":
        return path, f"missing required key '{key}'"
    message = str(first["msg"]).removeprefix("Value error, ")
    return path, f"key '{key}': {message}" if key else message


def _keys_at(model: type[Any], path: tuple[Any, ...]) -> list[str]:
    """The keys of the dataclass found at ``path`` inside ``model`` (an override, a rule's
    examples), or none when the path leads elsewhere (a mapping of rule settings)."""
    import typing

    cls: type[Any] | None = model
    for part in path:
        if isinstance(part, int):
            continue  # an item of a list: of the type the list holds
        if cls is None:
            return []
        try:
            hints = typing.get_type_hints(cls)
        except Exception:  # a type that cannot be resolved here: no suggestion
            return []
        cls = _dataclass_in(hints.get("pass_" if part == "pass" else str(part)))
    return field_names(cls) if cls is not None else []


def _dataclass_in(hint: Any) -> type[Any] | None:
    """The dataclass a field's type holds (``tuple[Override, ...]``, ``Examples | None``)."""
    import typing

    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return hint
    for argument in typing.get_args(hint):
        found = _dataclass_in(argument)
        if found is not None:
            return found
    return None


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` with the known name closest to a misspelt one, or ``""``."""
    import difflib  # only on the error path: it is slow to import

    guess = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean '{guess[0]}'?)" if guess else ""


def _dotted(loc: list[Any]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{_written(str(part))}" if out else _written(str(part))
    return out
