"""Reading input files into text: encodings, binary files, standard input."""

from __future__ import annotations

import codecs
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from healthlint.core.errors import HealthlintError
from healthlint.files.limits import read_up_to

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class BinaryFileError(HealthlintError):
    """The file is not text: skipped quietly when found by walking a directory."""


def decode(data: bytes, name: str) -> str:
    """Text of a file: UTF-8, or UTF-8/16/32 announced by a byte-order mark.

    Raises HealthlintError naming the byte offset of the first undecodable byte, or saying
    the file looks binary.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise HealthlintError(
                    f"{name}: not valid {encoding.upper()} at byte {error.start}"
                ) from None
    if b"\x00" in data[:8192]:
        raise BinaryFileError(f"{name}: looks like a binary file (NUL bytes), not a post")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise HealthlintError(
            f"{name}: not valid UTF-8 at byte {error.start} "
            f"(0x{data[error.start]:02x}); save the file as UTF-8"
        ) from None


MB = 1024 * 1024
POST_LIMIT = 64 * MB
"""The largest post read: above any real post (a dump of thousands of stories is a few
megabytes), below what would exhaust a CI runner's memory once parsed."""
SETTINGS_LIMIT = 4 * MB
"""The largest config or rule file read: a team's word lists stay far below it."""
BASELINE_LIMIT = 32 * MB
"""The largest baseline read: about 100,000 recorded findings."""

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def open_regular(path: Path, *, what: str = "post") -> BinaryIO:
    """The regular file at ``path`` (symbolic links are followed), open for reading bytes,
    to be read as a ``what``. A named pipe, a device or a socket is refused before anything
    is read from it: reading one could block forever or never end."""
    handle, _ = _open_regular(path, what)
    return os.fdopen(handle, "rb")


def _open_regular(path: Path | str, what: str) -> tuple[int, int]:
    """``open_regular``'s descriptor and the file's size as it was opened."""
    # Opening a named pipe for reading waits for a writer unless asked not to.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        raise HealthlintError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise HealthlintError(f"{path}: is a directory") from None
    except PermissionError:
        raise HealthlintError(f"{path}: permission denied") from None
    except OSError as error:
        raise HealthlintError(f"{path}: cannot read ({error.strerror})") from None
    try:
        status = os.fstat(handle)
    except OSError as error:
        os.close(handle)
        raise HealthlintError(f"{path}: cannot read ({error.strerror})") from None
    mode = status.st_mode
    if not stat.S_ISREG(mode):
        os.close(handle)
        if stat.S_ISDIR(mode):
            raise HealthlintError(f"{path}: is a directory")
        raise HealthlintError(
            f"{path}: {file_kind(mode)}, not a regular file; not read as a {what}"
        )
    return handle, status.st_size


def read_bytes(path: Path | str, *, what: str = "post", limit: int = POST_LIMIT) -> bytes:
    """The bytes of the regular file at ``path``, for a ``what`` of at most ``limit``
    bytes, refused as ``open_regular`` refuses."""
    handle, size = _open_regular(path, what)
    try:
        data = read_up_to(handle, size, limit)
    except OSError as error:
        raise HealthlintError(f"{path}: cannot read ({error.strerror})") from None
    finally:
        os.close(handle)
    if len(data) > limit:
        raise HealthlintError(
            f"{path}: larger than {limit // MB} MB, the limit for a {what}; not read"
        )
    return data


def read_text(path: Path, *, what: str, limit: int = SETTINGS_LIMIT) -> str:
    """The UTF-8 text of a regular file that is no post (a config, rule or baseline
    file), refused as ``read_bytes`` refuses, or when it is not UTF-8."""
    data = read_bytes(path, what=what, limit=limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise HealthlintError(
            f"{path}: not valid UTF-8 at byte {error.start}; save the {what} as UTF-8"
        ) from None


def read_stdin() -> str:
    return decode(sys.stdin.buffer.read(), "<stdin>")
