"""Every ```python block of docs/api.md runs, in order, in a folder holding the post it
lints; a block followed by a ```text block must print exactly that."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parents[1] / "docs" / "api.md"
_BLOCK = re.compile(r"```python\n(.*?)```\n(?:\n```text\n(.*?)```\n)?", re.DOTALL)
POST = """\
---
title: Sleep and memory
author: Ann Lee
date: 2024-05-01
---
# Sleep and memory

A short nap cures forgetfulness. Experts say so.
"""


def test_the_api_pages_examples_run_and_print_what_it_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = _BLOCK.findall(PAGE.read_text("utf-8"))
    assert len(blocks) >= 5
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "sleep.md").write_text(POST, "utf-8")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    for code, shown in blocks:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, str(PAGE), "exec"), namespace)
        if shown:
            assert printed.getvalue() == shown, code
