"""The HTML report: highlights where the findings are, escapes the post, works in a browser."""

from __future__ import annotations

import re
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


def test_a_legend_says_what_each_colour_means(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("# Tips\n\nHiking prevents gout.\n", "utf-8")
    page = _report(tmp_path, post)
    legend = re.search(r'<ul id="legend">(.*?)</ul>', page)
    assert legend is not None
    swatches = re.findall(r'<li><span class="swatch (\w+)">(\w+)</span> ([^<]+)</li>', legend[1])
    assert [(cls, label) for cls, label, _ in swatches] == [
        ("error", "error"),
        ("warning", "warning"),
        ("info", "info"),
    ]
    assert swatches[0][2].startswith("must be fixed before publishing")
    # The swatch wears the colours of the highlights of its severity.
    assert "mark.error,.swatch.error{background:#f8c4c4" in page


# Advice (over 120 words) under front matter, with no disclaimer.
_ADVICE = (
    "---\ntitle: Ginger Tea\nauthor: Ana Diaz\ndate: 2024-05-01\n---\n\n# Ginger Tea\n\n"
    + "You should drink a glass of water with each meal and try a short walk after dinner. " * 8
    + "Hiking prevents gout.\n"
)


def test_post_level_findings_are_in_a_box_above_the_text_not_on_a_line(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(_ADVICE, "utf-8")
    page = _report(tmp_path, post)
    box = re.search(
        r'<div class="about-post (\w+)"><p>About the whole post:</p><ul>(.*?)</ul>', page
    )
    assert box is not None
    assert box[1] == "error"
    assert re.findall(r"<code>([\w-]+)</code>", box[2]) == ["missing-disclaimer"]
    assert '<a href="#f1">7:3</a>' in box[2]
    # The line findings keep their list, below the box.
    listed = re.search(r'<ol class="findings">(.*?)</ol>', page)
    assert listed is not None
    assert re.findall(r"<code>([\w-]+)</code>", listed[1]) == ["unsupported-causal-claim"]
    # Nothing about the whole post is painted: not the front matter's title line, not the
    # heading. Its link leads to the line where the text begins.
    marks = _marks(page).marks
    assert [text for _, text in marks] == ["prevents"]
    assert '<span class="ln">2</span>title: Ginger Tea\n' in page
    assert '<span class="ln">7</span><span id="f1"></span># Ginger Tea\n' in page


def test_rules_are_listed_by_severity_then_by_count(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(
        "# Tips\n\n- Sleep well.\n- Rest often.\n+ Walk daily.\n+ Eat greens.\n+ Drink water.\n"
        "•\nStretch.\n\nHiking prevents gout.\n\nSee the next post. Continue reading...\n\n"
        "Our last post covered tea. Read more...\n",
        "utf-8",
    )
    out = tmp_path / "report.html"
    rules = "stray-bullet,mixed-bullets,truncated-text,unsupported-causal-claim"
    CliRunner().invoke(
        main, ["check", "--select", rules, "--format", "html", "-o", str(out), str(post)]
    )
    table = re.search(r'<table id="by-rule">.*?</table>', out.read_text("utf-8"))
    assert table is not None
    rows = re.findall(
        r'<tr><td><code>([\w-]+)</code></td><td class="sev \w+">(\w+)</td><td class="n">(\d+)',
        table[0],
    )
    assert rows == [
        ("stray-bullet", "error", "1"),
        ("truncated-text", "warning", "2"),
        ("unsupported-causal-claim", "warning", "1"),
        ("mixed-bullets", "info", "2"),
    ]


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
