"""Reading input files into text: encodings, binary files, standard input."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

from healthlint.core.errors import HealthlintError

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


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise HealthlintError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise HealthlintError(f"{path}: is a directory") from None
    except PermissionError:
        raise HealthlintError(f"{path}: permission denied") from None
    except OSError as error:
        raise HealthlintError(f"{path}: cannot read ({error.strerror})") from None


def read_stdin() -> str:
    return decode(sys.stdin.buffer.read(), "<stdin>")
