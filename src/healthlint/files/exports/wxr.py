"""WordPress exports (WXR, WordPress eXtended RSS 1.0 to 1.2): each chosen ``<item>`` as a
post, its HTML from ``content:encoded``.

An export is untrusted input: it is parsed with ``defusedxml``, which refuses a DTD, entity
declarations and external references (a "billion laughs" file or one that would read a
local file), and as a stream of SAX events: only the fields of the item being read are
kept, so memory stays flat whatever the export's size. SAX rather than ``iterparse``
because its locator gives the line each item starts on, which a bad item's error names;
``iterparse`` tells no line.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO
from xml.sax import SAXParseException
from xml.sax.expatreader import ExpatLocator
from xml.sax.handler import ContentHandler, feature_namespaces
from xml.sax.xmlreader import AttributesNSImpl, Locator

from healthlint.core.errors import HealthlintError
from healthlint.core.metadata import Metadata
from healthlint.core.model import Record, Span
from healthlint.files.exports.spec import ExportSpec, RecordError, limit_text, unnamed_id

WP_NAMESPACES = frozenset(
    {
        "http://wordpress.org/export/1.0/",
        "http://wordpress.org/export/1.1/",
        "http://wordpress.org/export/1.2/",
    }
)
"""The WordPress export namespaces: elements are matched by local name within these,
whatever prefix the file binds them to."""
_CONTENT = "http://purl.org/rss/1.0/modules/content/"
_DC = "http://purl.org/dc/elements/1.1/"
_CHUNK = 64 * 1024
_MAX_CHUNK = 16 * 1024 * 1024
_FIELD_LIMIT = 64 * 1024
"""The most read of an item's title, link, dates and the like: a post's text is bounded
by the post limit, the rest by this, so that one item's fields stay bounded together."""
_NO_DATE = "0000-00-00"  # WordPress's date for a post never published

# The children of <item> read, by (namespace, local name); WordPress namespaces as "wp".
_ITEM_FIELDS = {
    ("", "title"): "title",
    ("", "link"): "link",
    ("", "pubDate"): "pubDate",
    (_CONTENT, "encoded"): "content",
    (_DC, "creator"): "creator",
    ("wp", "post_id"): "post_id",
    ("wp", "post_date_gmt"): "post_date_gmt",
    ("wp", "post_modified_gmt"): "post_modified_gmt",
    ("wp", "status"): "status",
    ("wp", "post_type"): "post_type",
}
_AUTHOR_FIELDS = {("wp", "author_login"): "login", ("wp", "author_display_name"): "name"}
# Depths of the elements read: <rss> 1, <channel> 2, <item> and <wp:author> 3.
_ITEM_DEPTH = 3


@dataclass(frozen=True, slots=True)
class _Item:
    number: int
    line: int
    fields: dict[str, str]
    too_long: bool


class _Reader(ContentHandler):
    """Collects each ``<item>``'s fields, and the authors' display names from the
    channel's ``<wp:author>`` entries, which WordPress writes before the items."""

    def __init__(self, path: str, limit: int) -> None:
        super().__init__()
        self.path = path
        self.limit = limit
        self.locator: Locator | None = None
        self.depth = 0
        self.started = False
        self.wordpress = False
        self.authors: dict[str, str] = {}
        self.done: list[_Item] = []
        self.items = 0
        self.in_item = False
        self.in_author = False
        self.item_line = 0
        self.fields: dict[str, str] = {}
        self.field: str | None = None
        self.pieces: list[str] = []
        self.size = 0
        self.room = 0
        self.too_long = False
        self.events = 0
        """Elements started and ended and text runs read: a feed that adds none is inside
        one token."""

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def line(self) -> int:
        return (self.locator.getLineNumber() or 0) if self.locator is not None else 0

    def startPrefixMapping(self, prefix: str | None, uri: str) -> None:
        if uri in WP_NAMESPACES:
            self.wordpress = True

    def startElementNS(
        self, name: tuple[str | None, str], qname: str | None, attrs: AttributesNSImpl
    ) -> None:
        self.events += 1
        self.depth += 1
        self.started = True
        key = _key(name)
        if self.depth == 1 and (key != ("", "rss") or not self.wordpress):
            what = f"<{name[1]}>" if key != ("", "rss") else "an <rss> without its namespace"
            raise HealthlintError(f"{self.path}: not a WordPress export (XML with {what})")
        if self.depth == _ITEM_DEPTH:
            if key == ("", "item"):
                self.items += 1
                self.in_item, self.item_line, self.fields = True, self.line(), {}
                self.too_long = False
            elif key == ("wp", "author"):
                self.in_author, self.fields = True, {}
        elif self.depth == _ITEM_DEPTH + 1:
            names = _ITEM_FIELDS if self.in_item else _AUTHOR_FIELDS if self.in_author else {}
            self.field = names.get(key)
            self.pieces, self.size = [], 0
            self.room = self.limit if self.field == "content" else _FIELD_LIMIT

    def characters(self, content: str) -> None:
        self.events += 1
        if self.field is None or self.size > self.room:
            return
        self.size += len(content)
        if self.size <= self.room:
            self.pieces.append(content)
        else:
            self.too_long = True

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        self.events += 1
        if self.depth == _ITEM_DEPTH + 1 and self.field is not None:
            self.fields[self.field] = "".join(self.pieces)
            self.field, self.pieces = None, []
        elif self.depth == _ITEM_DEPTH and self.in_item:
            self.done.append(_Item(self.items, self.item_line, self.fields, self.too_long))
            self.in_item = False
        elif self.depth == _ITEM_DEPTH and self.in_author:
            login, display = _clean(self.fields.get("login")), _clean(self.fields.get("name"))
            if login and display:
                self.authors[login] = display
            self.in_author = False
        self.depth -= 1


def read_wxr(
    path: str, file: BinaryIO, spec: ExportSpec, limit: int
) -> Iterator[Record | RecordError]:
    from defusedxml import DefusedXmlException
    from defusedxml.expatreader import create_parser

    reader = _Reader(path, limit)
    parser = create_parser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(reader)
    # What parse() does before feeding the parser: give the handler a locator (which asks
    # the parser of the moment, so it is good after the first feed sets one up).
    reader.setDocumentLocator(ExpatLocator(parser))
    problem: HealthlintError | None = None
    final = False
    # This expat rescans a token not yet complete from its start at each feed, so a long
    # one (a comment, an attribute value) fed in equal chunks costs time quadratic in its
    # length: the chunk doubles while no event comes, and a token longer than a post is
    # refused. A long text is no token: expat reports it as it goes.
    size = _CHUNK
    unread = 0  # bytes fed since the last feed that gave an event
    events = 0
    while not final and problem is None:
        chunk = file.read(size)
        final = not chunk
        try:
            if final:
                parser.close()
            else:
                parser.feed(chunk)
        except SAXParseException as error:
            problem = HealthlintError(
                f"{path}: not well-formed XML at line {error.getLineNumber()}, "
                f"column {(error.getColumnNumber() or 0) + 1} ({error.getMessage()})"
            )
        except DefusedXmlException:
            problem = HealthlintError(
                f"{path}: has a DTD or declares entities (line {reader.line()}), which a "
                "WordPress export never does; refused as unsafe XML"
            )
        if reader.events != events:
            events, unread, size = reader.events, 0, _CHUNK
        else:
            unread += len(chunk)
            size = min(size * 2, _MAX_CHUNK)
            if unread > limit and problem is None:
                problem = HealthlintError(
                    f"{path}: an XML token longer than {limit_text(limit)}, the limit for a "
                    f"post, at line {reader.line()} (a comment, a tag or an attribute value)"
                )
        # The items read before a problem in the same chunk are still good posts.
        for item in reader.done:
            record = _record(path, item, spec, reader.authors)
            if record is not None:
                yield record
        reader.done.clear()
    if problem is not None:
        raise problem
    if not reader.started:
        raise HealthlintError(f"{path}: empty, not a WordPress export")


def _record(
    path: str, item: _Item, spec: ExportSpec, authors: dict[str, str]
) -> Record | RecordError | None:
    fields = item.fields
    if _clean(fields.get("post_type")) not in spec.wanted_post_types:
        return None
    if _clean(fields.get("status")) not in spec.wanted_statuses:
        return None
    named = _clean(fields.get("link")) or _clean(fields.get("post_id")) or ""

    def error(message: str) -> RecordError:
        return RecordError(path, item.number, item.line, message, named)

    if item.too_long:
        return error("a field longer than the limit for a post; skipped")
    text = fields.get("content")
    if text is None:
        return error("no content:encoded element (the post's text)")
    login = _clean(fields.get("creator"))
    meta = Metadata(
        Span(0, 0),
        author=authors.get(login, login) if login else None,
        published=_date(fields.get("post_date_gmt")) or _clean(fields.get("pubDate")),
        updated=_date(fields.get("post_modified_gmt")),
    )
    # WordPress stores titles with HTML entities ("&amp;", "&#8217;"); a title is plain text.
    title = html.unescape(_clean(fields.get("title")) or "")
    return Record(named or unnamed_id(item.number), text, spec.format, title, meta, item.line)


def _key(name: tuple[str | None, str]) -> tuple[str, str]:
    uri, local = name
    return ("wp" if uri in WP_NAMESPACES else uri or "", local)


def _clean(value: str | None) -> str | None:
    text = " ".join(value.split()) if value else ""
    return text or None


def _date(value: str | None) -> str | None:
    text = _clean(value)
    return None if text is None or text.startswith(_NO_DATE) else text
