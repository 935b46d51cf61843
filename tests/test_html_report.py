"""The HTML report: highlights where the findings are, escapes the post, works in a browser."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


class _Marks(HTMLParser):
    """Each <mark>'s attributes and text, and every element's id."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[dict[str, str], str]] = []
        self.ids: set[str] = set()
        self.scripts = 0
        self._open: dict[str, str] | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "script":
            self.scripts += 1
        if tag == "mark":
            self._open, self._text = values, ""

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._open is not None:
            self.marks.append((self._open, self._text))
            self._open = None


def _report(tmp_path: Path, *paths: Path) -> str:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        main, ["check", "--format", "html", "--output", str(out), *map(str, paths)]
    )
    assert result.exit_code in (0, 1), result.output
    return out.read_text("utf-8")


def _marks(page: str) -> _Marks:
    parser = _Marks()
    parser.feed(page)
    return parser


def test_findings_are_highlighted_on_their_words(tmp_path: Path) -> None:
    page = _report(tmp_path, FIXTURES / "cms_dump.txt")
    marks = _marks(page)
    by_text = {text: attrs for attrs, text in marks.marks}
    assert by_text["Studies have shown"]["class"] == "warning"
    assert by_text["Studies have shown"]["title"].startswith("missing-citation: 'Studies have")
    # The two stray "-" bullets (lines 8 and 10) are errors.
    stray = [a for a, text in marks.marks if text == "-" and "stray-bullet" in a["title"]]
    assert len(stray) == 2
    assert all(a["class"] == "error" for a in stray)
    # Every finding in the list links to an anchor in the text.
    links = {f"f{n}" for n in range(1, page.count('<li class="finding"') + 1)}
    assert links <= marks.ids


def test_overlapping_findings_share_a_highlight(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("# Joints\n\nTurmeric capsules prevent arthritis in older adults.\n", "utf-8")
    marks = _marks(_report(tmp_path, post)).marks
    verb = [attrs for attrs, text in marks if text == "prevent"]
    assert len(verb) == 1
    # supplement-disease-claim (error) and unsupported-causal-claim (warning) on the same
    # word: the worst shows.
    assert verb[0]["class"] == "error"
    assert verb[0]["data-severities"] == "error warning"
    assert verb[0]["title"].count("\n") == 1


def test_the_post_is_escaped(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("# Tips\n\nStudies show <script>alert(1)</script> cures.\n", "utf-8")
    page = _report(tmp_path, post)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert _marks(page).scripts == 1  # the report's own


def test_the_page_loads_nothing_from_elsewhere(tmp_path: Path) -> None:
    page = _report(tmp_path, FIXTURES / "cms_dump.txt")
    assert "http://" not in page and "https://" not in page
    assert "<link" not in page and " src=" not in page


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="Chromium is not installed")
def test_report_renders_in_a_headless_browser(tmp_path: Path) -> None:
    page = _report(tmp_path, FIXTURES / "cms_dump.txt")
    expected = len(_marks(page).marks)
    browser = _chromium()
    assert browser is not None
    dom = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            (tmp_path / "report.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    # The page's script ran and counted every highlight as shown (all filters on).
    assert f'<body data-marks="{expected}">' in dom
    rendered = _marks(dom)
    assert [text for _, text in rendered.marks] == [text for _, text in _marks(page).marks]
    assert any(text == "Studies have shown" for _, text in rendered.marks)
