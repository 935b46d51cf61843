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


def at_line(name: str, lines: Mapping[str, int], key: str) -> str:
    """``file:line`` of a top-level key, or the file alone when its line is not known."""
    return f"{name}:{lines[key]}" if key in lines else name


# pydantic's names for a key the dataclass does not have.
_UNKNOWN_KEY = ("extra_forbidden", "unexpected_keyword_argument")


def validation_message(
    name: str, error: InvalidData, lines: Mapping[str, int], known: Iterable[str] = ()
) -> str:
    """One line for the most telling problem: file, line, key and what is wrong.

    Unknown keys come first: a misspelt key also shows up as a missing one, and the
    misspelling is what the user needs to see.
    """
    problems = sorted(error.problems, key=lambda e: e["type"] not in _UNKNOWN_KEY)
    first = problems[0]
    loc = [part for part in first["loc"] if not str(part).startswith("function-")]
    key = _dotted(loc)
    where = at_line(name, lines, str(loc[0]) if loc else "")
    kind = first["type"]
    if kind in _UNKNOWN_KEY:
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
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{_written(str(part))}" if out else _written(str(part))
    return out
