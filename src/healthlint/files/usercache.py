"""Files healthlint keeps for itself between runs, in the user's cache directory.

What goes here is derived from healthlint's own data (the syllable table, the validated
rule set), never from a linted project, and can be thrown away at any time: a file that
cannot be read is rebuilt, and one that cannot be written is simply not kept.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from healthlint.files.atomic import temporary_file


def directory() -> Path | None:
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


def read(name: str) -> bytes | None:
    folder = directory()
    if folder is None:
        return None
    try:
        return (folder / name).read_bytes()
    except OSError:
        return None


def write(name: str, data: bytes) -> bool:
    """Store ``data`` as ``name`` in one step (a reader never sees half of it); False when
    the directory cannot be written (a read-only home)."""
    folder = directory()
    if folder is None:
        return False
    temporary = ""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = temporary_file(folder, ".")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, folder / name)
    except OSError:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return False
    return True
