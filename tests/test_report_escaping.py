"""Every report format escapes every field it prints, wherever it came from: a post's title,
a message quoting a post's words, a team rule's name, a file name."""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.cli import main
from healthlint.core.model import Edit, Finding, PostResult, Severity, Span
from healthlint.report import FORMATS, Report, Summary, render

SCRIPT = "<script>alert(1)</script>"
OSC8 = "\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07"
OSC52 = "\x1b]52;c;ZXZpbA==\x07"
CLEAR = "\x1b[2J"
BEL = "\x07"
C1 = "\x9b"  # CSI in one character
NASTY = f"{SCRIPT}{OSC8}{OSC52}{CLEAR}{BEL}{C1}\"' & %,:"
PATH = "posts/evil\nname<b>\x1b[31m.md"

# Every control character a terminal could act on, but the line breaks a report is made
# of and tab.
TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _report(color: bool = False) -> Report:
    finding = Finding(
        PATH,
        f"house-{NASTY}",
        Severity.ERROR,
        f"Avoid '{NASTY}'.",
        1,
        1,
        1,
        5,
        "f1",
        Edit(Span(0, 1), "x", "safe"),
    )
    whole = Finding(PATH, "whole", Severity.WARNING, NASTY, 1, 1, 1, 1, "f2", post_level=True)
    result = PostResult(PATH, NASTY, 1, 2, (finding, whole))
    return Report(
        [result],
        Summary.of([result], 1),
        color=color,
        notes=[f"note {NASTY}"],
        sources={PATH: f"# {NASTY}\n\nText {SCRIPT}\n"},
    )


@pytest.mark.parametrize("color", [False, True])
def test_the_text_report_shows_control_characters_instead_of_sending_them(color: bool) -> None:
    text = render("text", _report(color=color))
    if color:
        # The only escapes left are healthlint's own colours (SGR: ESC [ ... m).
        text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert TERMINAL_CONTROLS.search(text) is None
    assert "\\x1b]8;;https://evil.example/\\x07click" in text
    assert "\\x1b]52;c;ZXZpbA==\\x07" in text
    assert "\\x1b[2J\\x07\\x9b" in text
    assert "posts/evil\\nname<b>\\x1b[31m.md:1:1:" in text
    # One line per post heading, per finding, the blank line, the summary and the note.
    assert len(text.splitlines()) == 7


def test_json_and_sarif_are_always_valid_json_and_safe_to_print() -> None:
    for fmt in ("json", "sarif"):
        text = render(fmt, _report())
        text.encode("utf-8")  # strictly: no lone surrogate
        assert TERMINAL_CONTROLS.search(text) is None
        document = json.loads(text)
        if fmt == "json":  # every character kept, escaped
            assert document["posts"][0]["title"] == NASTY
            assert document["posts"][0]["path"] == PATH
        else:
            assert document["runs"][0]["results"][0]["message"]["text"] == f"Avoid '{NASTY}'."


def test_a_file_name_that_is_not_utf8_is_valid_json() -> None:
    name = b"posts/caf\xe9.md".decode("utf-8", "surrogateescape")
    finding = Finding(name, "r", Severity.INFO, "m", 1, 1, 1, 2, "f")
    result = PostResult(name, "T", 1, 1, (finding,))
    for fmt in ("json", "sarif"):
        text = render(fmt, Report([result], Summary.of([result], 1)))
        text.encode("utf-8")
        assert "posts/caf\ufffd.md" in text
    assert "posts/caf\\xe9.md" in render("text", Report([result], Summary.of([result], 1)))


def test_junit_is_always_valid_xml() -> None:
    text = render("junit", _report())
    assert XML_FORBIDDEN.search(text) is None
    assert TERMINAL_CONTROLS.search(text) is None
    root = ET.fromstring(text.split("\n", 1)[1])
    failure = root.find("./testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == (
        "Avoid '<script>alert(1)</script>\\x1b]8;;https://evil.example/\\x07click"
        "\\x1b]8;;\\x07\\x1b]52;c;ZXZpbA==\\x07\\x1b[2J\\x07\\x9b\"' & %,:'."
    )
    suite = root.find("./testsuite")
    assert suite is not None and suite.get("name") == "posts/evil\\nname<b>\\x1b[31m.md"


def test_github_annotations_cannot_start_another_command() -> None:
    text = render("github", _report())
    lines = text.splitlines()
    assert len(lines) == 2  # one workflow command per finding
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)
    assert TERMINAL_CONTROLS.search(text) is None
    properties = lines[0].split(" ", 1)[1].split("::", 1)[0]
    # file, line, col, endLine, endColumn, title: no ':' or ',' of a value splits them.
    assert [p.split("=", 1)[0] for p in properties.split(",")] == [
        "file",
        "line",
        "col",
        "endLine",
        "endColumn",
        "title",
    ]
    assert "file=posts/evil%0Aname<b>\\x1b[31m.md" in properties
    assert "%25%2C%3A" in properties  # the rule name's '%,:'
    assert lines[0].endswith(
        "::Avoid '" + SCRIPT + "\\x1b]8;;https://evil.example/\\x07click"
        "\\x1b]8;;\\x07\\x1b]52;c;ZXZpbA==\\x07\\x1b[2J\\x07\\x9b\"' & %25,:'."
    )


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes |= {name for name, _ in attrs}


def test_the_html_report_runs_no_script_but_its_own() -> None:
    text = render("html", _report())
    parsed = _Elements()
    parsed.feed(text)
    assert parsed.tags.count("script") == 1  # the report's own
    assert "b" not in parsed.tags  # the <b> of the file name is text
    assert not {a for a in parsed.attributes if a.startswith("on")}
    assert "alert(1)" not in text.split("<script>")[-1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


@pytest.mark.skipif(sys.platform == "win32", reason="file names with a newline")
def test_a_piped_check_prints_no_control_character(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """End to end: a post whose title and words carry escapes, in a file whose name has a
    line break, linted by a team rule that quotes the words; every format."""
    monkeypatch.chdir(tmp_path)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "quote.yaml").write_text(
        "name: quote-kale\nkind: pattern\nseverity: error\n"
        "patterns: ['Kale[^ ]*']\nmessage: \"Avoid '{match}'.\"\n"
        "description: Kale words.\n"
        "examples:\n  fail: ['Kale is nice.']\n  pass: ['Spinach is nice.']\n",
        "utf-8",
    )
    posts = tmp_path / "posts"
    posts.mkdir()
    title = f"Title {SCRIPT}{OSC8}{OSC52}{CLEAR}{BEL}{C1}"
    (posts / "evil\nname.md").write_text(
        f"# {title}\n\nKale{OSC8}{OSC52}{CLEAR}{BEL}{C1}{SCRIPT} is green.\n", "utf-8"
    )
    for fmt in FORMATS:
        result = CliRunner().invoke(
            main,
            ["check", "--rules", str(rules), "--select", "quote-kale", "--format", fmt, "posts"],
        )
        assert result.exit_code == 1, (fmt, result.output)
        out = result.stdout
        assert "Kale" in out, fmt
        if fmt != "html":  # the HTML report shows the post's own text, escaped for HTML
            assert TERMINAL_CONTROLS.search(out) is None, fmt
        if fmt == "text":
            assert "posts/evil\\nname.md:3:1: error quote-kale Avoid 'Kale\\x1b]8;;" in out
        if fmt in ("json", "sarif"):
            json.loads(out)
        if fmt == "junit":
            ET.fromstring(out.split("\n", 1)[1])
        if fmt == "html":
            parsed = _Elements()
            parsed.feed(out)
            assert parsed.tags.count("script") == 1


def test_rules_and_explain_show_a_team_rules_control_characters(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "quote.yaml").write_text(
        "name: quote-kale\nkind: pattern\nseverity: error\n"
        "patterns: ['Kale']\nmessage: \"Avoid '{match}'.\"\n"
        'description: "Kale words.\\e]52;c;ZXZpbA==\\a \\e[2J More."\n'
        'references: ["A book\\e]8;;https://evil.example/\\a"]\n'
        "examples:\n  fail: ['Kale is nice.']\n  pass: ['Spinach is nice.']\n",
        "utf-8",
    )
    for command in (["rules"], ["rules", "--markdown"], ["explain", "quote-kale"]):
        result = CliRunner().invoke(main, [*command, "--rules", str(rules)])
        assert result.exit_code == 0, result.output
        assert "Kale words.\\x1b]52;c;ZXZpbA==\\x07" in result.stdout, command
        assert TERMINAL_CONTROLS.search(result.stdout) is None, command


def test_test_rules_shows_a_failing_examples_control_characters(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "quote.yaml").write_text(
        "name: quote-kale\nkind: pattern\nseverity: error\n"
        "patterns: ['Kale\\S*']\nmessage: \"Avoid '{match}'.\"\n"
        "description: Kale words.\n"
        "examples:\n  fail: ['Spinach is nice.']\n"
        '  pass: ["Kale\\e]52;c;ZXZpbA==\\a is nice."]\n',
        "utf-8",
    )
    result = CliRunner().invoke(main, ["test-rules", str(rules)])
    assert result.exit_code == 1, result.output
    assert "Avoid 'Kale\\x1b]52;c;ZXZpbA==\\x07'" in result.stdout
    assert TERMINAL_CONTROLS.search(result.stdout) is None


def test_a_fix_preview_shows_the_post_s_control_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = tmp_path / "post.md"
    post.write_bytes(b"# Tips\r\n\r\nHello \x1b]0;PWNED\x07 world.\r\n\r\n-\r\nDrink water.\r\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--fix", "--dry-run", "post.md"])
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Hello \\x1b]0;PWNED\\x07 world." in result.stdout
    assert "+- Drink water.\n" in result.stdout


def test_show_config_shows_a_config_s_control_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".healthlint.yaml").write_text('exclude: ["\\e]0;PWNED\\a", "\\u0085"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--show-config"])
    assert result.exit_code == 0, result.output
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", result.stdout)
    assert "\\x1b]0;PWNED\\x07" in result.stdout
