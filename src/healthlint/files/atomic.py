"""Writing files so that a reader never sees half of one and a failure loses nothing.

Two kinds of writes, each refusing what it must not replace:

- ``write_output``: a report or a baseline, at a path the user gave. A regular file is
  replaced in one step; a terminal, a named pipe or ``/dev/null`` is written to as it is
  (never replaced by a regular file); a link is followed only to such a special file.
  ``OutputStream`` is the same for a report written as a run goes: a regular file is
  written beside and renamed at the end.
- ``replace_file``: a post rewritten by ``--fix``, only if it still holds what was read.
  Through a link, its target is rewritten and the link stays; a file with several hard
  links is rewritten in place so that they stay one file; owner and mode are kept.

Temporary files are named ``.healthlint-<name>.<random>.tmp``, beside the file they
replace (a rename must stay on one file system). A run killed between writing one and
renaming it leaves it behind; ``remove_stale_temporaries`` clears those the next run.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from pathlib import Path

from healthlint.core.errors import HealthlintError

TEMPORARY_PREFIX = ".healthlint-"
TEMPORARY_SUFFIX = ".tmp"


def temporary_file(directory: Path, prefix: str) -> tuple[int, str]:
    """A new file of our own in ``directory`` (only we can read it), opened for writing:
    its descriptor and name. Beside the file it will replace, so that the rename that
    replaces it stays on one file system."""
    return tempfile.mkstemp(suffix=TEMPORARY_SUFFIX, prefix=prefix, dir=directory)


def write_atomically(path: Path, text: str, *, newline: str | None = None) -> None:
    """Write ``text`` (UTF-8) to ``path`` as ``write_output`` does; with ``newline``
    None, line ends are the platform's."""
    if newline is None and os.linesep != "\n":
        text = text.replace("\n", os.linesep)
    # surrogateescape: a report naming a file whose name is not UTF-8 gives its bytes back
    # as the file system has them.
    write_output(path, text.encode("utf-8", "surrogateescape"))


def write_output(path: Path, data: bytes) -> None:
    """Put ``data`` at ``path``, a file the user named for a report or a baseline.

    A regular file (or a new one) is replaced in one step, keeping its mode. A character
    device (``/dev/null``, a terminal) or a named pipe is written to in place and stays
    what it is; a block device is refused. A symbolic link is followed only to one of
    those special files (``/dev/stdout``): a link to a regular file is refused, as it may
    have been planted to make the report overwrite a file elsewhere; the system's own
    links to open descriptors (``/dev/stdout``, ``/dev/fd/N``) are written through.
    """
    in_place, own = _output_target(path)
    if in_place:
        _write_in_place(path, data)
    else:
        _replace(path, data, own)


def _output_target(path: Path) -> tuple[bool, os.stat_result | None]:
    """How ``write_output`` writes ``path``: in place (a special file, through a link of
    the system's or not), or replacing the regular file (with its status) or making it
    (None); ``HealthlintError`` for what is refused."""
    try:
        own = os.lstat(path)
    except FileNotFoundError:
        return False, None
    except OSError as error:
        raise HealthlintError(f"{path}: cannot write ({error.strerror})") from None
    if stat.S_ISLNK(own.st_mode):
        try:
            target = os.stat(path)
        except OSError:
            target = None
        if target is not None and _system_link(path) and not stat.S_ISDIR(target.st_mode):
            return True, None  # /dev/stdout: the descriptor the shell opened
        if target is None or stat.S_ISREG(target.st_mode) or stat.S_ISDIR(target.st_mode):
            raise HealthlintError(
                f"{path}: a symbolic link (to {os.readlink(path)}); not replaced: "
                "name the file it points to, or another path"
            )
        own = target
    if stat.S_ISREG(own.st_mode):
        return False, own
    if stat.S_ISDIR(own.st_mode):
        raise HealthlintError(f"{path}: is a directory")
    if stat.S_ISBLK(own.st_mode):
        raise HealthlintError(f"{path}: a block device; not written")
    return True, None


class OutputStream:
    """A report written to ``path`` as a run goes, with ``write_output``'s refusals: a
    regular file is written to a temporary file beside it and takes its place only at
    ``commit``, so a run that fails or stops leaves the file as it was; a special file
    (``/dev/stdout``, a named pipe) is written to directly. ``close`` drops what was not
    committed. Not frozen: it holds an open file."""

    def __init__(self, path: Path) -> None:
        self._path = path
        in_place, self._own = _output_target(path)
        self._temporary = ""
        try:
            if in_place:
                self._file = open(path, "wb")  # noqa: SIM115 - closed by commit or close
            else:
                directory = path.parent if str(path.parent) else Path(".")
                handle, self._temporary = temporary_file(
                    directory, f"{TEMPORARY_PREFIX}{path.name}."
                )
                self._file = os.fdopen(handle, "wb")
        except OSError as error:
            raise HealthlintError(f"{path}: cannot write ({error.strerror})") from None

    def write(self, text: str) -> None:
        """Add ``text`` (UTF-8, line ends the platform's, as ``write_atomically``)."""
        if os.linesep != "\n":
            text = text.replace("\n", os.linesep)
        try:
            self._file.write(text.encode("utf-8", "surrogateescape"))
        except OSError as error:
            raise HealthlintError(f"{self._path}: cannot write ({error.strerror})") from None

    def commit(self) -> None:
        """Put what was written at the path, keeping a replaced file's mode."""
        try:
            self._file.close()
            if self._temporary:
                _give_mode(self._temporary, self._own)
                os.replace(self._temporary, self._path)
                self._temporary = ""
        except OSError as error:
            raise HealthlintError(f"{self._path}: cannot write ({error.strerror})") from None
        finally:
            self.close()

    def close(self) -> None:
        """Drop what was not committed."""
        self._file.close()
        if self._temporary:
            with contextlib.suppress(OSError):
                os.unlink(self._temporary)
            self._temporary = ""


def _system_link(path: Path) -> bool:
    """Whether ``path`` is one of the system's links to this process's open descriptors
    (``/dev/stdout``, ``/dev/fd/3``, ``/proc/self/fd/1``), which only the system makes.
    Other links under /dev are not: /dev/shm is as open to everyone as /tmp is."""
    return os.name == "posix" and _DESCRIPTOR_LINK.fullmatch(os.path.abspath(path)) is not None


_DESCRIPTOR_LINK = re.compile(r"/dev/(?:stdout|stderr|fd/\d+)|/proc/self/fd/\d+")


def replace_file(path: Path, expected: bytes, data: bytes) -> None:
    """Rewrite the post at ``path`` with ``data`` if it still holds ``expected`` (what the
    fix was made from); raise, leaving it as it is, if it changed meanwhile.

    A link is followed: its target is rewritten and the link stays a link (the caller
    makes sure the target is inside the folders it may write). A file of several hard
    links, or whose owner a new file could not be given, is rewritten in place, after
    the same check: the links stay one file, at the cost of the one-step replace.
    """
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except OSError as error:
        raise HealthlintError(f"{path}: cannot write ({error.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise HealthlintError(f"{path}: not a regular file; not fixed")
    if info.st_nlink > 1:
        _rewrite_in_place(path, target, expected, data)
        return
    handle, temporary = _temporary_beside(path, target)
    try:
        with os.fdopen(handle, "wb") as out:
            kept_owner = _give(out.fileno(), info)
            if kept_owner:
                out.write(data)
        if kept_owner:
            _check_unchanged(path, target, expected)
            os.replace(temporary, target)
            temporary = ""
    except OSError as error:
        raise HealthlintError(f"{path}: cannot write ({error.strerror})") from None
    finally:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    if not kept_owner:
        _rewrite_in_place(path, target, expected, data)


def remove_stale_temporaries(directory: Path, before: float) -> None:
    """Delete the temporary files healthlint left in ``directory`` (a run killed while
    writing) that are older than ``before`` (a time stamp): only names healthlint gives,
    only regular files of the user's, so nothing of anyone else's is touched."""
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        if not (entry.name.startswith(TEMPORARY_PREFIX) and entry.name.endswith(TEMPORARY_SUFFIX)):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            mine = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
            if stat.S_ISREG(info.st_mode) and mine and info.st_mtime < before:
                os.unlink(entry.path)


def _temporary_beside(path: Path, target: Path) -> tuple[int, str]:
    try:
        return temporary_file(target.parent, f"{TEMPORARY_PREFIX}{target.name}.")
    except OSError as error:
        raise HealthlintError(f"{path}: cannot write ({error.strerror})") from None


def _give(handle: int, info: os.stat_result) -> bool:
    """Give the new file at ``handle`` the mode and owner of the one it replaces; False
    when the owner cannot be given (only the superuser gives files away)."""
    os.fchmod(handle, stat.S_IMODE(info.st_mode))
    if not hasattr(os, "fchown"):
        return True
    fresh = os.fstat(handle)
    if (fresh.st_uid, fresh.st_gid) == (info.st_uid, info.st_gid):
        return True
    try:
        os.fchown(handle, info.st_uid, info.st_gid)
    except PermissionError:
        return False
    # chown clears set-user-ID and set-group-ID bits: give them back.
    os.fchmod(handle, stat.S_IMODE(info.st_mode))
    return True


def _check_unchanged(path: Path, target: Path, expected: bytes) -> None:
    from healthlint.files.inputs import read_bytes

    if read_bytes(target) != expected:
        raise HealthlintError(f"{path}: changed while it was being fixed; left as it is")


def _rewrite_in_place(path: Path, target: Path, expected: bytes, data: bytes) -> None:
    try:
        with open(target, "r+b") as file:
            if file.read(len(expected) + 1) != expected:
                raise HealthlintError(f"{path}: changed while it was being fixed; left as it is")
            file.seek(0)
            file.write(data)
            file.truncate()
    except OSError as error:
        raise HealthlintError(f"{path}: cannot write ({error.strerror})") from None


def _replace(path: Path, data: bytes, info: os.stat_result | None) -> None:
    """Replace the regular file at ``path`` (or make it) in one step, keeping its mode."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = temporary_file(directory, f"{TEMPORARY_PREFIX}{path.name}.")
    except OSError as error:
        raise HealthlintError(f"{path}: cannot write ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        _give_mode(temporary, info)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise HealthlintError(f"{path}: cannot write ({error.strerror})") from None


def _give_mode(temporary: str, info: os.stat_result | None) -> None:
    """The mode of the file ``temporary`` replaces (``info``), or a new file's."""
    if info is not None:
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)


def _write_in_place(path: Path, data: bytes) -> None:
    """Write to a character device or a named pipe as it is: no temporary file, no rename,
    nothing truncated (a pipe waits for its reader, as a shell's ``>`` does)."""
    try:
        with open(path, "wb", buffering=0) as out:
            out.write(data)
    except OSError as error:
        raise HealthlintError(f"{path}: cannot write ({error.strerror})") from None
