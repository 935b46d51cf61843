"""Directories of the user's own, for what healthlint keeps between runs.

A cache is only as trustworthy as the directory it lives in: a stored rule set is a
pickle (loading one runs code) and the results cache is signed with a secret kept in the
user cache directory. So a directory is used only when it is owned by the user running
healthlint and no one else can write to it (no group or world write permission); one
that healthlint creates is private (0700). Below the directory it starts from, no link
is followed, and files are opened through the descriptor of the directory that was
checked, so that nothing swapped in by someone else between the check and the use is
read or written.

Where the platform lacks those calls (Windows: the user's local application data is
private there already), paths are used as they are.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from healthlint.files.limits import read_up_to

_AT = (
    hasattr(os, "geteuid")
    # os.replace takes directory descriptors where os.rename does (renameat).
    and {os.open, os.mkdir, os.stat, os.unlink, os.rename} <= os.supports_dir_fd
    and os.listdir in os.supports_fd
)
"""Whether files can be handled relative to an open directory (POSIX)."""

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def private(status: os.stat_result) -> bool:
    """Whether a directory (or file) is the running user's and no one else can write it."""
    if not _AT:
        return True
    return status.st_uid == os.geteuid() and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def refusal(path: Path) -> str | None:
    """Why the directory at ``path`` (a link followed) is not used, or None: it is missing
    (then it is made private) or private."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"it cannot be read ({error.strerror})"
    if not stat.S_ISDIR(status.st_mode):
        return "it is not a directory"
    if _AT and status.st_uid != os.geteuid():
        return "it belongs to another user"
    if not private(status):
        return "other users can write to it"
    return None


@dataclass(frozen=True)
class Folder:
    """A directory checked to be private, open (where the platform allows) so that the
    files used are the ones in it."""

    path: Path
    descriptor: int | None

    def _at(self, name: str) -> tuple[str, int | None]:
        if self.descriptor is None:
            return os.path.join(self.path, name), None
        return name, self.descriptor

    def read(self, name: str, limit: int, *, secret: bool = False) -> bytes | None:
        """The bytes of the regular file ``name``, when it is the user's own, only they
        can write it (only they can read it too, with ``secret``) and it holds at most
        ``limit`` bytes; None otherwise. A link is not followed."""
        where, at = self._at(name)
        try:
            handle = os.open(where, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC, dir_fd=at)
        except OSError:
            return None
        with os.fdopen(handle, "rb"):
            status = os.fstat(handle)
            if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
                return None
            if _AT and (not private(status) or status.st_nlink != 1):
                return None  # a hard link to a file elsewhere is not ours to trust
            if _AT and secret and status.st_mode & 0o077:
                return None
            data = read_up_to(handle, status.st_size, limit)
        return data if len(data) <= limit else None

    def write(self, name: str, data: bytes) -> bool:
        """Store ``data`` as ``name`` in one step (a reader never sees half of it), readable
        by the user only; False when it cannot be written."""
        import secrets  # only to write: a run answered from the caches writes nothing

        temporary = f".{name}.{secrets.token_hex(6)}.tmp"
        where, at = self._at(temporary)
        try:
            handle = os.open(
                where, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600, dir_fd=at
            )
        except OSError:
            return False
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            target, _ = self._at(name)
            os.replace(where, target, src_dir_fd=at, dst_dir_fd=at)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(where, dir_fd=at)
            return False
        return True

    def create(self, name: str, data: bytes) -> None:
        """Write ``name`` only if nothing is there yet (not even a link)."""
        where, at = self._at(name)
        with contextlib.suppress(OSError):
            handle = os.open(
                where, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o644, dir_fd=at
            )
            with os.fdopen(handle, "wb") as out:
                out.write(data)

    def names(self) -> list[str]:
        try:
            return os.listdir(self.path if self.descriptor is None else self.descriptor)
        except OSError:
            return []

    def modified(self, name: str) -> int:
        """When ``name`` was last written (ns), 0 when it is gone."""
        where, at = self._at(name)
        try:
            return os.stat(where, dir_fd=at, follow_symlinks=False).st_mtime_ns
        except OSError:
            return 0

    def remove(self, name: str) -> None:
        where, at = self._at(name)
        with contextlib.suppress(OSError):
            os.unlink(where, dir_fd=at)


@contextlib.contextmanager
def folder(path: Path, *, create: bool) -> Iterator[Folder | None]:
    """``path`` as a private Folder (created 0700 with ``create``, its parents as usual),
    or None when it is missing, not a directory, someone else's or writable by others. A
    link at ``path`` itself is followed: the directory it leads to is what is checked."""
    if create:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.mkdir(mode=0o700)
        except FileExistsError:
            pass
        except OSError:
            yield None
            return
    if not _AT:
        yield Folder(path, None) if path.is_dir() else None
        return
    try:
        handle = os.open(path, os.O_RDONLY | _DIRECTORY | _CLOEXEC)
    except OSError:
        yield None
        return
    try:
        yield Folder(path, handle) if private(os.fstat(handle)) else None
    finally:
        os.close(handle)


@contextlib.contextmanager
def subfolder(parent: Folder, name: str, *, create: bool) -> Iterator[Folder | None]:
    """The directory ``name`` in ``parent`` as a private Folder, never through a link; or
    None (see ``folder``)."""
    where, at = parent._at(name)
    if create:
        try:
            os.mkdir(where, 0o700, dir_fd=at)
        except FileExistsError:
            pass
        except OSError:
            yield None
            return
    if not _AT:
        yield Folder(Path(where), None) if os.path.isdir(where) else None
        return
    try:
        handle = os.open(where, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC, dir_fd=at)
    except OSError:
        yield None
        return
    try:
        yield Folder(parent.path / name, handle) if private(os.fstat(handle)) else None
    finally:
        os.close(handle)
