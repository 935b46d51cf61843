"""Who wrote a post, when, and who reviewed it: read from front matter or HTML meta tags.

The JAMA benchmarks ask every health page to show its author and its dates. Content
systems spell these fields many ways (``author``/``authors``/``byline``, ``date``/
``published``/``datePublished``…), so each field accepts the common spellings. Values are
kept as text; rules parse dates themselves, because an unparseable date is itself worth
reporting.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from healthlint.core.metadata import Metadata
from healthlint.core.model import Span

if TYPE_CHECKING:
    from healthlint.parse.htmlmeta import MetaCollector

FIELDS = ("author", "published", "updated", "reviewed", "reviewer")
DATE_FIELDS = frozenset({"published", "updated", "reviewed"})

# Keys are compared after lower-casing and dropping "_", "-" and spaces.
_ALIASES: dict[str, tuple[str, ...]] = {
    "author": ("author", "authors", "byline", "writer", "creator", "articleauthor"),
    "published": (
        "date",
        "published",
        "publishdate",
        "publishedat",
        "publishedon",
        "datepublished",
        "pubdate",
        "articlepublishedtime",
        "created",
        "datecreated",
    ),
    "updated": (
        "updated",
        "lastmod",
        "lastmodified",
        "modified",
        "datemodified",
        "updatedat",
        "lastupdated",
        "articlemodifiedtime",
    ),
    "reviewed": ("reviewed", "lastreviewed", "reviewdate", "reviewedon", "datereviewed"),
    "reviewer": (
        "reviewer",
        "reviewedby",
        "medicallyreviewedby",
        "medicalreviewer",
        "factcheckedby",
    ),
}
_FIELD_OF = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}
_BYLINE = re.compile(
    r"^[ \t]*[*_]{0,2}(?:by|written by|words by|author:)[ \t]+(?-i:[A-Z])[\w.'’-]+"
    r"(?:[ \t]+(?:(?-i:[A-Z])[\w.'’-]*|and|&|de|van|von)){0,6}",
    re.IGNORECASE | re.MULTILINE,
)


def from_mapping(data: Mapping[str, object], span: Span) -> Metadata:
    """Metadata from front matter (or JSON-LD), by the first alias present for each field."""
    values: dict[str, str] = {}
    for key, value in data.items():
        name = _FIELD_OF.get(_normalise(key))
        text = _text(value)
        if name and text and name not in values:
            values[name] = text
    return Metadata(
        span=span,
        author=values.get("author"),
        published=values.get("published"),
        updated=values.get("updated"),
        reviewed=values.get("reviewed"),
        reviewer=values.get("reviewer"),
    )


def byline_in(text: str, limit: int = 600) -> str | None:
    """A "By Jane Doe" line near the top of a post's text, as many drafts carry one."""
    found = _BYLINE.search(text[:limit])
    return " ".join(found.group().split()) if found else None


def with_byline(meta: Metadata, text: str) -> Metadata:
    """``meta``, its author taken from a byline in ``text`` when it names none."""
    return meta if meta.author is not None else replace(meta, author=byline_in(text))


def meta_collector() -> MetaCollector:
    """What the HTML parser fills in with a page's meta tags and JSON-LD as it reads it."""
    from healthlint.parse.htmlmeta import MetaCollector

    return MetaCollector(lambda key: bool(_FIELD_OF.get(_normalise(key))))


def from_html(collector: MetaCollector) -> Metadata:
    """Metadata from ``<meta>`` tags and JSON-LD blocks; JSON-LD wins where both say."""
    merged: dict[str, object] = dict(collector.meta)
    for block in collector.json_ld:
        for item in _ld_items(block):
            merged.update({k: v for k, v in item.items() if _FIELD_OF.get(_normalise(k))})
    start = collector.first_meta if collector.first_meta is not None else 0
    meta = from_mapping(merged, Span(start, start))
    return replace(meta, declared=collector.has_head)


def _normalise(key: object) -> str:
    return re.sub(r"[\s_:.-]", "", str(key).lower()).removeprefix("og")


def _text(value: object) -> str | None:
    """A field's value as text: names are taken from JSON-LD people and lists of them."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return _text(value.get("name"))
    if isinstance(value, list | tuple):
        names = [t for t in (_text(v) for v in value) if t]
        return ", ".join(names) or None
    text = " ".join(str(value).split())
    return text or None


def _ld_items(block: str) -> list[Mapping[str, object]]:
    try:
        loaded = json.loads(block)
    except (ValueError, RecursionError):  # not JSON, or nested too deeply to read
        return []
    stack = [loaded]
    items: list[Mapping[str, object]] = []
    # "@graph" and lists nest the article among other nodes (the site, breadcrumbs).
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            items.append(node)
            if "@graph" in node:
                stack.append(node["@graph"])
    return items
