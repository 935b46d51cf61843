"""JSON text for the machine-readable reports: indented for people, fast for big runs.

``json.dumps(indent=2)`` falls back to the pure-Python encoder, which took a third of a
second to write the 14,000 findings of a content repository, longer than the warm-cache
run it reports on. Here only the outer levels are laid out in Python; every object or
list that holds no other object or list (a finding, a region, a summary) is written on
one line by the C encoder, which also keeps one finding to one line for grep and diff.

The text is always valid JSON in UTF-8, and safe to print: the C1 control characters and
DEL (which JSON leaves as they are, and a terminal may act on) are escaped too, and a
file name that is not UTF-8 has each stray byte as U+FFFD (JSON text holds Unicode only).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from healthlint.core.pattern import Pattern

if TYPE_CHECKING:
    from healthlint.core.model import Finding

_CONTAINERS = (dict, list)
_encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
# Compiled when first needed: most reports have nothing to escape.
_UNSAFE = Pattern.lazy("[\x7f-\x9f\ud800-\udfff]")
_make_encoder = getattr(json.encoder, "c_make_encoder", None)
# The C encoder that ``_encode`` makes anew on each call, made once: a report calls it for
# every finding, and making it took half of each call. Same arguments as ``_encode``'s.
_one_line = (
    None
    if _make_encoder is None
    else _make_encoder(
        None,  # no check for cycles: the reports' data is a tree healthlint builds
        json.JSONEncoder().default,
        json.encoder.encode_basestring,
        None,
        ": ",
        ", ",
        False,
        False,
        True,
    )
)
_string = json.encoder.encode_basestring


def _compact(value: Any) -> str:
    kind = type(value)
    if kind is int:
        return int.__repr__(value)
    if kind is str:
        text = _string(value)
    elif _one_line is not None:
        text = "".join(_one_line(value, 0))
    else:
        text = _encode(value)
    if text.isascii() and "\x7f" not in text:  # most values: no search
        return text
    return _UNSAFE.sub(_safe, text)


def _safe(found: re.Match[str]) -> str:
    code = ord(found.group())
    return "\ufffd" if code >= 0xD800 else f"\\u{code:04x}"


def dumps(value: Any) -> str:
    """``value`` as JSON text ending in a newline."""
    parts: list[str] = []
    _write(value, "", parts)
    parts.append("\n")
    return "".join(parts)


def _nested(values: Iterable[Any]) -> bool:
    """Whether any of ``values`` is a list or mapping that is not empty. A loop, not
    ``any()`` over a generator: this runs for every finding, and the loop takes half as long."""
    for value in values:  # noqa: SIM110
        if type(value) in _CONTAINERS and value:
            return True
    return False


def _write(value: Any, pad: str, out: list[str]) -> None:
    kind = type(value)
    if kind is dict and _nested(value.values()):
        inner = pad + "  "
        out.append("{")
        for position, (key, item) in enumerate(value.items()):
            out.append(f"{',' if position else ''}\n{inner}{_compact(key)}: ")
            _write(item, inner, out)
        out.append(f"\n{pad}}}")
    elif kind is list and _nested(value):
        inner = pad + "  "
        out.append("[")
        for position, item in enumerate(value):
            out.append(f"{',' if position else ''}\n{inner}")
            _write(item, inner, out)
        out.append(f"\n{pad}]")
    else:
        out.append(_compact(value))


def finding_fields(finding: Finding) -> dict[str, Any]:
    """A finding's fields as the JSON and JSON Lines reports name them."""
    return {
        "rule": finding.rule,
        "severity": finding.severity.label,
        "message": finding.message,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
    }
