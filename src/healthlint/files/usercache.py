"""Files healthlint keeps for itself between runs, in the user's cache directory.

What goes here is derived from healthlint's own data (the syllable table, the validated
rule set), never from a linted project, and can be thrown away at any time: a file that
cannot be read is rebuilt, and one that cannot be written is simply not kept. The
directory is created private to the user (0700); one that is someone else's or that
others can write to (a link planted to another user's folder, a shared folder) is not
used at all: healthlint then runs without these caches, as with --no-cache, and
``check`` says so once (``refusal``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from healthlint.files import private

_LIMIT = 256 * 1024 * 1024
"""The largest file read back; a stored rule set takes a few MB."""
_SECRET = "results-signing-key"
_SECRET_SIZE = 32


def location() -> Path | None:
    """The platform's user cache directory for healthlint (``$XDG_CACHE_HOME/healthlint``
    or ``~/.cache/healthlint`` on Linux, ``~/Library/Caches/healthlint`` on macOS, the local
    app data folder on Windows); None when there is no home to find (then nothing is kept,
    rather than a "~" folder in the current one)."""
    import platformdirs

    try:
        folder = platformdirs.user_cache_dir("healthlint", appauthor=False)
    except RuntimeError:  # newer platformdirs say so when there is no home
        return None
    return Path(folder) if os.path.isabs(folder) else None


def directory() -> Path | None:
    """The user cache directory when it can be used: private to the user (see
    ``location``)."""
    where = location()
    if where is None:
        return None
    with private.folder(where, create=False) as folder:
        return None if folder is None else where


def refusal() -> str | None:
    """Why the user cache directory is not used, as a note for people; None when it is
    (or there is none to use)."""
    where = location()
    reason = None if where is None else private.refusal(where)
    if where is None or reason is None:
        return None
    return (
        f"not using the cache directory {where}: {reason}, so healthlint runs without its "
        "caches (remove it, and healthlint makes a private one)"
    )


def read(name: str) -> bytes | None:
    where = location()
    if where is None:
        return None
    with private.folder(where, create=False) as folder:
        return None if folder is None else folder.read(name, _LIMIT)


def write(name: str, data: bytes) -> bool:
    """Store ``data`` as ``name`` in one step (a reader never sees half of it); False when
    the directory cannot be written (a read-only home) or is not private."""
    where = location()
    if where is None:
        return False
    with private.folder(where, create=True) as folder:
        return folder is not None and folder.write(name, data)


def prune(keep: Callable[[list[str]], list[str]], prefix: str, suffix: str) -> None:
    """Remove the files named ``prefix…suffix`` that ``keep`` (given them, oldest first)
    does not keep."""
    where = location()
    if where is None:
        return
    with private.folder(where, create=False) as folder:
        if folder is None:
            return
        names = [n for n in folder.names() if n.startswith(prefix) and n.endswith(suffix)]
        names.sort(key=folder.modified)
        kept = set(keep(names))
        for name in names:
            if name not in kept:
                folder.remove(name)


def secret() -> bytes | None:
    """The user's own random key for signing what healthlint stores where others may
    write (the results cache in a project), made on first use; readable by the user only.
    None when there is no private user cache directory to keep it in."""
    where = location()
    if where is None:
        return None
    with private.folder(where, create=True) as folder:
        if folder is None:
            return None
        key = folder.read(_SECRET, _SECRET_SIZE, secret=True)
        if key is not None and len(key) == _SECRET_SIZE:
            return key
        import secrets  # only for a first run: a run from the caches reads the key

        key = secrets.token_bytes(_SECRET_SIZE)
        # Two first runs at once each sign with their own key; the loser's entries are
        # misses next time, nothing worse.
        return key if folder.write(_SECRET, key) else None
