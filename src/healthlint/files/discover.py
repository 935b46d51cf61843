"""Turning the paths on the command line into the files to lint."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from healthlint.core.formats import LINTABLE_SUFFIXES, is_project_file
from healthlint.core.model import FileError

STDIN = "-"
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})


def discover(paths: Sequence[str]) -> tuple[list[str], list[FileError], set[str]]:
    """Files named directly are taken whatever their suffix (read as text when unknown);
    directories are walked for post files, skipping hidden and dependency folders and a
    repository's own files (README, LICENSE, requirements.txt…).

    A path that does not exist, or a directory with no posts, is an error for that path;
    the other paths are still linted. Also returns which files were found by walking.
    """
    files: list[str] = []
    errors: list[FileError] = []
    walked: set[str] = set()
    for raw in paths:
        if raw == STDIN:
            files.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            found: list[str] = []
            try:
                found.extend(_walk(path))
            except RecursionError:  # os.walk recurses once per level of folders
                errors.append(
                    FileError(
                        raw,
                        "folders nested too deeply to walk (hundreds of levels): "
                        "the posts further down were not linted",
                    )
                )
                found.sort()
                files.extend(found)
                walked.update(found)
                continue
            found.sort()
            if not found:
                suffixes = ", ".join(sorted(LINTABLE_SUFFIXES))
                errors.append(FileError(raw, f"no posts found in this directory ({suffixes})"))
            files.extend(found)
            walked.update(found)
        elif path.exists():
            files.append(raw)
        else:
            errors.append(FileError(raw, "no such file or directory"))
    return list(dict.fromkeys(files)), errors, walked


def _walk(root: Path) -> Iterator[str]:
    seen: set[tuple[int, int]] = set()
    for directory, subdirs, names in os.walk(root, followlinks=True):
        stat = os.stat(directory)
        if (stat.st_dev, stat.st_ino) in seen:  # a symlink loop
            subdirs.clear()
            continue
        seen.add((stat.st_dev, stat.st_ino))
        subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") and d not in _SKIPPED_DIRS)
        for name in names:
            if (
                not name.startswith(".")
                and Path(name).suffix.lower() in LINTABLE_SUFFIXES
                and not is_project_file(name)
            ):
                yield os.path.normpath(os.path.join(directory, name))
