"""Standard input without a file name: Markdown is told from plain text by its marks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.cli import main
from healthlint.parse.sniff import looks_like_markdown

_NOTE = (
    "healthlint: note: standard input looks like Markdown and is linted as Markdown; "
    "name it to say so (--stdin-filename post.md) or to read it as plain text "
    "(--stdin-filename post.txt)\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: Sleep and naps\n---\n\nA nap after lunch is common.\n",
        "# Sleep and naps\n\nA nap after lunch is common.\n",
        "Intro line.\n\n## Why naps help\n\nThey rest the eyes.\n",
        "Naps are common ([survey](https://example.org/naps)).\n",
    ],
)
def test_markdown_marks(text: str) -> None:
    assert looks_like_markdown(text)


@pytest.mark.parametrize(
    "text",
    [
        # A CMS dump: title lines, bullets, a teaser; nothing only Markdown uses.
        "Naps for Busy Parents: What Helps\nA short nap helps.\n- Keep it short.\n"
        "- Set an alarm.\nWalking After Dinner Without the Fuss\nA walk is easy...\n",
        "Tags: #sleep #naps\nWe code in C# and F# at night.\n",
        "See the table [below] (page 2) for nap lengths.\n",
        "---\nA line of dashes above, but no front matter closes.\n",
        "",
    ],
)
def test_plain_text_is_not_taken_for_markdown(text: str) -> None:
    assert not looks_like_markdown(text)


def test_markdown_on_stdin_is_linted_as_markdown_with_a_note() -> None:
    post = "# Naps\n\nA nap helps some people.\n\n• Keep it short.\n• Set an alarm.\n"
    result = CliRunner().invoke(main, ["check", "--no-color", "-"], input=post)
    # A Markdown-only rule ran: the bullets are not Markdown list markers.
    assert "<stdin>:5:1: warning non-markdown-bullet" in result.stdout
    assert result.stderr == _NOTE


def test_quiet_or_a_named_stdin_gets_no_note(tmp_path: Path) -> None:
    post = "# Naps\n\nA nap helps some people.\n"
    for args in (["-q", "-"], ["--stdin-filename", "naps.md", "-"]):
        result = CliRunner().invoke(main, ["check", *args], input=post)
        assert result.exit_code == 0
        assert result.stderr == ""


def test_a_cms_dump_on_stdin_stays_plain_text() -> None:
    dump = (
        "Naps for Busy Parents: What Helps Most\n"
        "A short nap in the early afternoon helps many parents.\n"
        "• Keep it short.\n"
        "• Set an alarm.\n"
        "Walking After Dinner Without the Fuss\n"
        "A walk after dinner is an easy habit to start.\n"
    )
    result = CliRunner().invoke(main, ["check", "--no-color", "--format", "json", "-"], input=dump)
    assert result.stderr == ""
    report = json.loads(result.stdout)
    titles = [p["title"] for p in report["posts"]]
    assert titles == [
        "Naps for Busy Parents: What Helps Most",
        "Walking After Dinner Without the Fuss",
    ]
    rules = {f["rule"] for p in report["posts"] for f in p["findings"]}
    assert "non-markdown-bullet" not in rules
