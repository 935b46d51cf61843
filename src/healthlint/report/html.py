"""One self-contained HTML page per run, for editors: each post's text with its findings
highlighted in place (message on hover or click), what is wrong with a post as a whole in
a box above its text, a table by rule, severity filters and a legend of their colours.

The page loads nothing from elsewhere (drafts may be confidential and reports get mailed
around), and is the same bytes for the same run, so it can be golden-tested.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from html import escape
from typing import NamedTuple

from healthlint import __version__
from healthlint.core.lines import split_lines
from healthlint.core.model import Finding, PostResult, Severity
from healthlint.report import Report, plural, where

_SEVERITIES = ("error", "warning", "info")
_MEANINGS = {
    "error": "must be fixed before publishing; fails the check unless it is set otherwise",
    "warning": "worth an editor's look: usually a fix, sometimes a judgement call",
    "info": "a suggestion, on style or consistency",
}

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem 2rem;color:#222}
h1{margin:.2rem 0}h2{margin:1.5rem 0 .3rem;font-size:1.2rem}
.where{color:#666;margin:0}
table{border-collapse:collapse}
td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left}
td.n{text-align:right}
ol.findings{padding-left:1.5rem}ol.findings li{margin:.15rem 0}
code{font-size:.9em}
pre.text{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:.5rem;
overflow-wrap:anywhere}
.ln{display:inline-block;width:3.5em;color:#999;user-select:none}
mark{cursor:pointer;border-radius:2px}
mark.error,.swatch.error{background:#f8c4c4;border-bottom:2px solid #c00}
mark.warning,.swatch.warning{background:#fbe3a8;border-bottom:2px solid #c80}
mark.info,.swatch.info{background:#cfe3f7;border-bottom:2px solid #37c}
.swatch{padding:0 .3rem;border-radius:2px}
#legend{list-style:none;padding:0;margin:.3rem 0}#legend li{margin:.1rem 0}
.about-post{border:1px solid #ddd;border-left:4px solid #999;background:#f6f6f6;
padding:.2rem .8rem;margin:.5rem 0}
.about-post.error{border-left-color:#c00}.about-post.warning{border-left-color:#c80}
.about-post.info{border-left-color:#37c}
.about-post ul{padding-left:1.2rem;margin:.2rem 0}
mark.point::before{content:"\\25C6"}
mark.off{background:none;border:none}
li.off{display:none}
.sev{font-weight:600}.sev.error{color:#c00}.sev.warning{color:#a60}.sev.info{color:#37c}
#tip{position:absolute;display:none;max-width:32rem;background:#333;color:#fff;padding:.4rem .6rem;
border-radius:4px;font-size:13px;z-index:1}
"""

# Filters hide findings of a severity; a highlight stays while any finding under it shows.
# Clicking a highlight shows its messages. body[data-marks] tells tests the script ran.
_SCRIPT = """
(function(){
  var tip=document.getElementById('tip');
  function hidden(){var h={};document.querySelectorAll('#filters input').forEach(function(i){
    if(!i.checked)h[i.dataset.severity]=1;});return h;}
  function apply(){var h=hidden(),shown=0;
    document.querySelectorAll('mark').forEach(function(m){
      var on=m.dataset.severities.split(' ').some(function(s){return !h[s];});
      m.classList.toggle('off',!on);if(on)shown++;});
    document.querySelectorAll('li.finding').forEach(function(li){
      li.classList.toggle('off',!!h[li.dataset.severity]);});
    document.body.dataset.marks=shown;}
  document.querySelectorAll('#filters input').forEach(function(i){
    i.addEventListener('change',apply);});
  document.querySelectorAll('mark').forEach(function(m){m.addEventListener('click',function(e){
    tip.textContent=m.title;tip.style.display='block';
    tip.style.left=(e.pageX+8)+'px';tip.style.top=(e.pageY+12)+'px';e.stopPropagation();});});
  document.addEventListener('click',function(){tip.style.display='none';});
  apply();
})();
"""


def render(report: Report) -> str:
    summary = report.summary
    counts = {"error": summary.errors, "warning": summary.warnings, "info": summary.info}
    head = (
        f"{plural(summary.findings, 'problem')} ({plural(summary.errors, 'error')}, "
        f"{plural(summary.warnings, 'warning')}, {plural(summary.info, 'info')}) in "
        f"{plural(summary.posts, 'post')} in {plural(summary.files, 'file')}."
    )
    filters = "".join(
        f'<label><input type="checkbox" data-severity="{s}" checked> {s} ({counts[s]})</label> '
        for s in _SEVERITIES
    )
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>healthlint report</title><style>{_STYLE}</style></head>",
        "<body>",
        f"<h1>healthlint report</h1><p>{escape(head)}</p>",
        *(f"<p>{escape(note)}</p>" for note in report.notes),
        f'<p id="filters">Show: {filters}</p>',
        _legend(),
        _by_rule(report),
    ]
    number = 0
    for index, result in enumerate(report.results, 1):
        ids = [f"f{number + i}" for i in range(1, len(result.findings) + 1)]
        number += len(result.findings)
        out.append(_post(index, result, ids, report.sources.get(result.path)))
    out += ['<div id="tip" role="tooltip"></div>', f"<script>{_SCRIPT}</script>"]
    out.append(f'<p class="where">healthlint {escape(__version__)}</p></body></html>')
    return "\n".join(out) + "\n"


def _legend() -> str:
    items = "".join(
        f'<li><span class="swatch {s}">{s}</span> {escape(_MEANINGS[s])}</li>' for s in _SEVERITIES
    )
    return f'<ul id="legend">{items}</ul>'


def _by_rule(report: Report) -> str:
    """Rules by the severity of their findings (as configured for this run), then by how
    many there are: what most needs fixing comes first."""
    found = Counter(f.rule for r in report.results for f in r.findings)
    if not found:
        return "<p>No problems found.</p>"
    worst: dict[str, Severity] = {}
    for finding in (f for r in report.results for f in r.findings):
        worst[finding.rule] = max(worst.get(finding.rule, finding.severity), finding.severity)
    rows = []
    order = sorted(found.items(), key=lambda item: (-worst[item[0]], -item[1], item[0]))
    for rule, count in order:
        spec = report.rules.get(rule)
        severity = worst[rule].label
        about = spec.summary if spec else ""
        rows.append(
            f'<tr><td><code>{escape(rule)}</code></td><td class="sev {severity}">{severity}</td>'
            f'<td class="n">{count}</td><td>{escape(about)}</td></tr>'
        )
    return (
        '<h2>By rule</h2><table id="by-rule"><thead><tr><th>rule</th><th>severity</th>'
        "<th>findings</th><th>about</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _post(index: int, result: PostResult, ids: Sequence[str], source: str | None) -> str:
    parts = [
        f'<section class="post" id="post-{index}"><h2>{escape(result.title)}</h2>',
        f'<p class="where">{escape(where(result.path, result.record))}, '
        f"lines {result.line}–{result.end_line}</p>",
    ]
    numbered = list(zip(result.findings, ids, strict=True))
    whole = [(f, id_) for f, id_ in numbered if f.post_level]
    placed = [(f, id_) for f, id_ in numbered if not f.post_level]
    if whole:
        worst = max(f.severity for f, _ in whole).label
        parts.append(
            f'<div class="about-post {worst}"><p>About the whole post:</p>'
            f"<ul>{_items(whole)}</ul></div>"
        )
    if placed:
        parts.append(f'<ol class="findings">{_items(placed)}</ol>')
    elif not whole:
        parts.append("<p>No problems in this post.</p>")
    if source is not None:
        parts.append(_text(result, placed, whole, source))
    parts.append("</section>")
    return "".join(parts)


def _items(findings: Sequence[tuple[Finding, str]]) -> str:
    return "".join(
        f'<li class="finding" data-severity="{f.severity.label}"><a href="#{id_}">'
        f"{f.line}:{f.column}</a> "
        f'<span class="sev {f.severity.label}">{f.severity.label}</span>'
        f" <code>{escape(f.rule)}</code> {escape(f.message)}</li>"
        for f, id_ in findings
    )


def _text(
    result: PostResult,
    placed: Sequence[tuple[Finding, str]],
    whole: Sequence[tuple[Finding, str]],
    source: str,
) -> str:
    """The post's lines, each finding's columns wrapped in a highlight. A finding about
    the whole post is not painted on any words: its link leads to the line it is placed
    on, where the post's text begins."""
    lines = split_lines(source)
    rendered = []
    for number in range(result.line, min(result.end_line, len(lines)) + 1):
        line = lines[number - 1]
        spans = [
            _Span(*_columns(f, number, len(line)), f, id_, number == f.line)
            for f, id_ in placed
            if f.line <= number <= f.end_line
        ]
        anchors = "".join(f'<span id="{id_}"></span>' for f, id_ in whole if f.line == number)
        rendered.append(f'<span class="ln">{number}</span>{anchors}{_highlight(line, spans)}')
    return '<pre class="text">' + "\n".join(rendered) + "</pre>"


class _Span(NamedTuple):
    """A finding's part of one line: 0-based [start, end) columns."""

    start: int
    end: int
    finding: Finding
    id: str
    first_line: bool


def _columns(finding: Finding, number: int, length: int) -> tuple[int, int]:
    start = finding.column - 1 if number == finding.line else 0
    end = finding.end_column - 1 if number == finding.end_line else length
    return max(0, min(start, length)), max(0, min(end, length))


def _highlight(line: str, spans: list[_Span]) -> str:
    """The line cut where findings start and end; each piece is marked with every finding
    that covers it. A finding about a place rather than words (nothing is covered) gets a
    marker of its own. Each finding's start carries its anchor for the list's links."""
    cuts = sorted({0, len(line), *(s.start for s in spans), *(s.end for s in spans)})
    points: dict[int, list[_Span]] = {}
    for span in spans:
        if span.start == span.end:
            points.setdefault(span.start, []).append(span)
    pieces: list[str] = []
    for left, right in itertools.pairwise(cuts):
        if left in points:
            pieces.append(_mark(points.pop(left), ""))
        covering = [s for s in spans if s.start <= left and right <= s.end and s.start < s.end]
        text = escape(line[left:right])
        anchors = "".join(
            f'<span id="{s.id}"></span>' for s in covering if s.first_line and s.start == left
        )
        pieces.append(anchors + (_mark(covering, text) if covering else text))
    pieces.extend(_mark(group, "") for group in points.values())
    return "".join(pieces)


def _mark(spans: list[_Span], inner: str) -> str:
    severities = sorted({s.finding.severity for s in spans}, reverse=True)
    labels = " ".join(s.label for s in severities)
    title = "\n".join(f"{s.finding.rule}: {s.finding.message}" for s in spans)
    anchors = "" if inner else "".join(f'<span id="{s.id}"></span>' for s in spans)
    point = "" if inner else " point"
    return (
        f'{anchors}<mark class="{severities[0].label}{point}" data-severities="{labels}" '
        f'data-findings="{" ".join(s.id for s in spans)}" title="{escape(title)}">{inner}</mark>'
    )
