"""Which healthlint is running: what a cache of its output must be keyed by."""

from __future__ import annotations

import functools
import hashlib
import sys
from pathlib import Path

from healthlint import __version__


# Both caches (the rule set's and the results') key on it in every run. Worked out once
# per process: a process runs the code it imported, whatever changes on disk afterwards.
@functools.cache
def code_fingerprint() -> str:
    """A hash of healthlint's version, the Python version and its own modules and data
    files. They count by size and modification time, which is enough to notice an edited
    checkout or an install from a newer commit that kept the version number."""
    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    package = Path(__file__).parents[1]
    # The curated knowledge the claim rules read (claims/knowledge) counts as code: a
    # stored rule set holds what was read from it.
    modules = [*package.rglob("*.py"), *package.rglob("*.csv"), *package.rglob("*.yaml")]
    for module in sorted(modules):
        stat = module.stat()
        digest.update(f"{module}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()
