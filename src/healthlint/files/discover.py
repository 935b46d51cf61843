"""Turning the paths on the command line into the files to lint."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from healthlint.core.formats import LINTABLE_SUFFIXES, is_project_name, suffix
from healthlint.core.model import FileError

STDIN = "-"
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})


@dataclass(frozen=True, slots=True)
class Discovered:
    """The files to lint, in order, and what finding them met."""

    files: list[str] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    """Paths that cannot be linted at all (missing, or a folder with no posts)."""
    walked: set[str] = field(default_factory=set)
    """The files found by walking a folder (rather than named)."""
    skipped: list[FileError] = field(default_factory=list)
    """Links passed over on purpose while walking, with why."""


def discover(paths: Sequence[str], *, follow_links: bool = False) -> Discovered:
    """Files named directly are taken whatever their suffix (read as text when unknown);
    directories are walked for post files, skipping hidden and dependency folders and a
    repository's own files (README, LICENSE, requirements.txt…).

    A walk stays inside the folder it was given: links to folders are not followed
    unless ``follow_links`` (then each folder is walked once, so a loop ends), and a link
    to a file is followed only when the file is inside the same git checkout (or, outside
    one, the folder walked). What is passed over is in ``skipped``.

    A path that does not exist, or a directory with no posts, is an error for that path;
    the other paths are still linted.
    """
    found = Discovered()
    files = found.files
    for raw in paths:
        if raw == STDIN:
            files.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            walked: list[str] = []
            too_deep = False
            try:
                walked.extend(_walk(path, follow_links, found.skipped))
            except RecursionError:  # os.walk recurses once per level of folders
                too_deep = True
                found.errors.append(
                    FileError(
                        raw,
                        "folders nested too deeply to walk (hundreds of levels): "
                        "the posts further down were not linted",
                    )
                )
            walked.sort()
            if not walked and not too_deep:
                suffixes = ", ".join(sorted(LINTABLE_SUFFIXES))
                found.errors.append(
                    FileError(raw, f"no posts found in this directory ({suffixes})")
                )
            files.extend(walked)
            found.walked.update(walked)
        elif os.path.lexists(path):
            files.append(raw)  # reading it says when it is no regular file or a broken link
        else:
            found.errors.append(FileError(raw, "no such file or directory"))
    files[:] = dict.fromkeys(files)
    return found


def repository_top(start: Path) -> Path | None:
    """The top of the git checkout holding ``start`` (an absolute, resolved path): the
    nearest folder, from ``start`` up, with a ``.git`` (a folder, or a file in a worktree
    or submodule). Found without running git."""
    for directory in (start, *start.parents):
        if os.path.lexists(directory / ".git"):
            return directory
    return None


def inside(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or below it (both absolute and resolved)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _walk(root: Path, follow_links: bool, skipped: list[FileError]) -> Iterator[str]:
    resolved = root.resolve()
    boundary = os.fspath(repository_top(resolved) or resolved)
    seen: set[tuple[int, int]] = set()
    for directory, subdirs, names in os.walk(root, followlinks=follow_links):
        if follow_links:
            stat = os.stat(directory)
            if (stat.st_dev, stat.st_ino) in seen:  # a link loop
                subdirs.clear()
                continue
            seen.add((stat.st_dev, stat.st_ino))
        kept = []
        for name in sorted(subdirs):
            if name.startswith(".") or name in _SKIPPED_DIRS:
                continue
            if not follow_links and os.path.islink(os.path.join(directory, name)):
                skipped.append(
                    FileError(
                        os.path.normpath(os.path.join(directory, name)),
                        "a link to a folder, not followed (--follow-links follows it)",
                    )
                )
                continue
            kept.append(name)
        subdirs[:] = kept
        for name in names:
            if (
                name.startswith(".")
                or suffix(name) not in LINTABLE_SUFFIXES
                or is_project_name(name)
            ):
                continue
            path = os.path.normpath(os.path.join(directory, name))
            if (
                not follow_links
                and os.path.islink(path)
                and not inside(os.path.realpath(path), boundary)
            ):
                skipped.append(
                    FileError(
                        path,
                        f"a link to a file outside {boundary}, not followed "
                        "(name the file, or use --follow-links)",
                    )
                )
                continue
            yield path
