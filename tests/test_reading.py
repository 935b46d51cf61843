"""Reading a file up to a limit (``files.limits.read_up_to``): what is read is the whole
file, or one byte over the limit, whatever size the file said it had."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from healthlint.core.errors import HealthlintError
from healthlint.files.inputs import read_bytes
from healthlint.files.limits import read_up_to


def _read(path: Path, size: int, limit: int) -> bytes:
    handle = os.open(path, os.O_RDONLY)
    try:
        return read_up_to(handle, size, limit)
    finally:
        os.close(handle)


@pytest.mark.parametrize("length", [0, 1, 100, 70_000, 200_000])
def test_a_file_is_read_whole(tmp_path: Path, length: int) -> None:
    path = tmp_path / "post.md"
    data = bytes(range(256)) * (length // 256) + b"x" * (length % 256)
    path.write_bytes(data)
    assert _read(path, length, 1_000_000) == data


def test_a_file_over_the_limit_gives_one_byte_more(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_bytes(b"a" * 5000)
    assert _read(path, 5000, 1000) == b"a" * 1001


@pytest.mark.parametrize("said", [0, 10, 4000])
def test_a_file_longer_than_its_size_said_is_read_on(tmp_path: Path, said: int) -> None:
    # It grew between fstat and read, or it is a file that reports no size (/proc).
    path = tmp_path / "grown.md"
    data = b"b" * 150_000
    path.write_bytes(data)
    assert _read(path, said, 1_000_000) == data
    assert _read(path, said, 100_000) == data[:100_001]


def test_a_post_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_bytes(b"a" * 2048)
    assert read_bytes(path, limit=2048) == b"a" * 2048
    with pytest.raises(HealthlintError, match="larger than"):
        read_bytes(path, limit=2047)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc here")
def test_a_file_that_reports_no_size_is_read_whole() -> None:
    data = read_bytes(Path("/proc/self/cmdline"))
    assert os.stat("/proc/self/cmdline").st_size == 0
    assert data


def test_a_read_that_stops_short_is_read_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read may return fewer bytes than asked before the end of the file (a signal on
    some file systems): only an empty read ends the file."""
    from healthlint.files import limits

    path = tmp_path / "post.md"
    data = bytes(range(256)) * 40
    path.write_bytes(data)
    real_read = os.read
    monkeypatch.setattr(limits.os, "read", lambda handle, size: real_read(handle, min(size, 100)))
    assert _read(path, len(data), 1_000_000) == data
    assert _read(path, len(data), 5000) == data[:5001]
