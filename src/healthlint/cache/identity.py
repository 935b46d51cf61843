"""Which healthlint is running: what a cache of its output must be keyed by."""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from collections.abc import Iterator

from healthlint import __version__

_COUNTED = (".py", ".csv", ".yaml")
"""Its modules, and the curated knowledge the claim rules read (``claims/knowledge``): a
stored rule set holds what was read from it, so it counts as code."""


# Both caches (the rule set's and the results') key on it in every run. Worked out once
# per process: a process runs the code it imported, whatever changes on disk afterwards.
@functools.cache
def code_fingerprint() -> str:
    """A hash of healthlint's version, the Python version and its own modules and data
    files (``package_fingerprint``)."""
    return package_fingerprint(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def package_fingerprint(package: str) -> str:
    """A hash of healthlint's version, the Python version and the modules and data files
    under ``package``. They count by name, size and modification time, which is enough to
    notice a file edited in place in an editable install, or an install from a newer
    commit that kept the version number."""
    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    for path, stat in sorted(_files(package)):
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _files(folder: str) -> Iterator[tuple[str, os.stat_result]]:
    """The counted files under ``folder`` with their ``stat``, in one walk: ``os.scandir``
    rather than ``Path.rglob``, which walked the package once per suffix and took a tenth
    of a run answered from the caches."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    yield from _files(entry.path)
            elif entry.name.endswith(_COUNTED):
                yield entry.path, entry.stat()
