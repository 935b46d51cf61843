"""The metadata a web page declares in its head: ``<meta>`` tags and JSON-LD blocks.

Collected during the HTML parser's one pass over the page (``healthlint.parse.html`` hands
each tag and text run here as it meets them), not by a second parse.
"""

from __future__ import annotations

from collections.abc import Callable


class MetaCollector:
    """The ``<meta>`` tags and JSON-LD blocks of a page, and where the first one is."""

    def __init__(self, known: Callable[[str], bool]) -> None:
        self._known = known
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self.first_meta: int | None = None
        self.has_head = False
        self._in_ld = False
        self._ld: list[str] = []

    def start(self, tag: str, attrs: list[tuple[str, str | None]], offset: int) -> None:
        """A start tag (or a self-closing one) at ``offset`` in the page's text."""
        values = {k.lower(): v or "" for k, v in attrs}
        if tag in ("head", "meta", "title"):
            self.has_head = True
        if tag == "meta":
            key = values.get("name") or values.get("property") or values.get("itemprop")
            if key and values.get("content") and key not in self.meta:
                self.meta[key] = values["content"]
                if self.first_meta is None and self._known(key):
                    self.first_meta = offset
        elif tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._in_ld = True
            self._ld = []
            if self.first_meta is None:
                self.first_meta = offset

    def data(self, text: str) -> None:
        if self._in_ld:
            self._ld.append(text)

    def end(self, tag: str) -> None:
        if tag == "script" and self._in_ld:
            self._in_ld = False
            self.json_ld.append("".join(self._ld))
