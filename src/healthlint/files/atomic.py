"""Writing files so that a reader never sees half of one and a failure loses nothing."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from healthlint.core.errors import HealthlintError


def temporary_file(directory: Path, prefix: str) -> tuple[int, str]:
    """A new file of our own in ``directory`` (only we can read it), opened for writing:
    its descriptor and name. Beside the file it will replace, so that the rename that
    replaces it stays on one file system."""
    return tempfile.mkstemp(suffix=".tmp", prefix=prefix, dir=directory)


def write_atomically(path: Path, text: str, *, newline: str | None = None) -> None:
    """Replace ``path`` with ``text`` in one step (temporary file + rename), keeping the
    permissions of the file it replaces."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
        handle, temporary = temporary_file(directory, f".{path.name}.")
    except OSError as error:
        raise HealthlintError(f"{path}: cannot write ({error.strerror})") from None
    try:
        # surrogateescape: a report naming a file whose name is not UTF-8 gives its bytes
        # back as the file system has them.
        with os.fdopen(
            handle, "w", encoding="utf-8", errors="surrogateescape", newline=newline
        ) as out:
            out.write(text)
        if mode is not None:
            os.chmod(temporary, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise HealthlintError(f"{path}: cannot write ({error.strerror})") from None
