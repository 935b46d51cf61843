"""JSON text for the machine-readable reports: indented for people, fast for big runs.

``json.dumps(indent=2)`` falls back to the pure-Python encoder, which took a third of a
second to write the 14,000 findings of a content repository, longer than the warm-cache
run it reports on. Here only the outer levels are laid out in Python; every object or
list that holds no other object or list (a finding, a region, a summary) is written on
one line by the C encoder, which also keeps one finding to one line for grep and diff.
"""

from __future__ import annotations

import json
from typing import Any

_CONTAINERS = (dict, list)
_compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def dumps(value: Any) -> str:
    """``value`` as JSON text ending in a newline."""
    parts: list[str] = []
    _write(value, "", parts)
    parts.append("\n")
    return "".join(parts)


def _write(value: Any, pad: str, out: list[str]) -> None:
    # Checked inline, without a helper per value: this walk visits every finding.
    if type(value) is dict and any(type(v) in _CONTAINERS and v for v in value.values()):
        inner = pad + "  "
        out.append("{")
        for position, (key, item) in enumerate(value.items()):
            out.append(f"{',' if position else ''}\n{inner}{_compact(key)}: ")
            _write(item, inner, out)
        out.append(f"\n{pad}}}")
    elif type(value) is list and any(type(v) in _CONTAINERS and v for v in value):
        inner = pad + "  "
        out.append("[")
        for position, item in enumerate(value):
            out.append(f"{',' if position else ''}\n{inner}")
            _write(item, inner, out)
        out.append(f"\n{pad}]")
    else:
        out.append(_compact(value))
