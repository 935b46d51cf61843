"""The metadata a web page declares in its head: ``<meta>`` tags and JSON-LD blocks."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

from healthlint.core.lines import LineIndex


class MetaCollector(HTMLParser):
    """The ``<meta>`` tags and JSON-LD blocks of a page, and where the first one is."""

    def __init__(self, known: Callable[[str], bool]) -> None:
        super().__init__(convert_charrefs=True)
        self._known = known
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self.first_meta: int | None = None
        self.has_head = False
        self._in_ld = False
        self._ld: list[str] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines.line_start(line) + column

    def feed(self, data: str) -> None:
        self._lines = LineIndex(data)
        super().feed(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag in ("head", "meta", "title"):
            self.has_head = True
        if tag == "meta":
            key = values.get("name") or values.get("property") or values.get("itemprop")
            if key and values.get("content") and key not in self.meta:
                self.meta[key] = values["content"]
                if self.first_meta is None and self._known(key):
                    self.first_meta = self._offset()
        elif tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._in_ld = True
            self._ld = []
            if self.first_meta is None:
                self.first_meta = self._offset()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self._ld.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_ld:
            self._in_ld = False
            self.json_ld.append("".join(self._ld))
