"""How much structure healthlint reads from a data file, wherever it came from.

Front matter, config, rule and knowledge files, baselines, cached results and a page's
JSON-LD can all be written by someone else (a CMS, a pull request, a shared cache). Two
shapes make a small file expensive: YAML aliases that expand into billions of values (a
600-byte "billion laughs"), and nesting so deep that any code walking the data recursively
runs out of stack. Real files need neither: front matter and configs are a few levels
deep, the deepest JSON-LD a few more. Every reader of such data goes through here
(``load_json``, ``load_toml``) or through ``healthlint.files.yamlio``, which checks the
same limits on YAML's node graph before building any value.
"""

from __future__ import annotations

import os
from typing import Any

MAX_DEPTH = 64
"""Lists and mappings nested deeper than this are refused: far above any real file, far
below Python's recursion limit, so code that walks the data recursively is safe."""

MAX_VALUES = 100_000
"""A YAML document whose aliases expand to more values than this is refused: aliases are
references, so the values a reader of the data would walk count each time they are used."""


class TooComplex(ValueError):
    """Data nested too deeply, or expanding to too many values, to be read. ``line`` is
    the 1-based line where it was noticed, when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def too_deep(line: int | None = None) -> TooComplex:
    return TooComplex(f"nested more than {MAX_DEPTH} levels deep", line)


def check_depth(value: object) -> None:
    """Refuse JSON or TOML data (dicts and lists) nested deeper than ``MAX_DEPTH``. The walk
    keeps its own stack: it must not be the recursion it guards against."""
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth >= MAX_DEPTH:
            raise too_deep()
        stack.extend((child, depth + 1) for child in children)


def read_up_to(handle: int, size: int, limit: int) -> bytes:
    """The bytes of the open file ``handle``, at most ``limit + 1`` of them (one more than
    a caller allows, to tell a file over its limit), for a file whose ``os.fstat`` gave
    ``size``. Asking for ``limit + 1`` bytes at once would allocate a buffer that large for
    every file (64 MB for each post of a warm run): the size is asked for, and more is read
    only if the file turns out longer (it grew, or it is one that reports no size)."""
    chunks: list[bytes] = []
    total = 0
    want = min(size, limit) + 1
    # Until the end of the file (an empty read): a read may also stop short before it,
    # on a file system that lets a signal cut it.
    while total <= limit:
        chunk = os.read(handle, min(want, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = max(want - len(chunk), 64 * 1024)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def load_json(text: str | bytes, *, walk: bool = True) -> Any:
    """JSON data, with ``TooComplex`` (a ValueError, as a syntax error is) for data nested
    deeper than ``MAX_DEPTH``. Without ``walk``, only what the decoder's own guard refuses
    is: for a reader that checks every level of what it reads against the one shape it
    expects, and so never walks deeper (the results cache, for which the walk took a tenth
    of a warm run)."""
    import json

    try:
        value = json.loads(text)
    except RecursionError:  # the decoder's own guard, before ours can look
        raise too_deep() from None
    if walk:
        check_depth(value)
    return value


def load_toml(text: str) -> dict[str, Any]:
    """A TOML document, with ``TooComplex`` for arrays or inline tables nested deeper than
    ``MAX_DEPTH`` (tomllib parses them recursively)."""
    import tomllib

    try:
        value = tomllib.loads(text)
    except RecursionError:
        raise too_deep() from None
    check_depth(value)
    return value
