"""A stand-in for a LanguageTool server on 127.0.0.1: the two endpoints the client uses
(``/v2/languages`` and ``/v2/check``), answering the way LanguageTool does, so that tests
need neither Java nor the network. It knows two mistakes: the misspelling "teh" (and any
word listed in ``MISSPELT``) and "a" before a vowel."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

MISSPELT = {"teh": "the", "recieve": "receive", "metformin": "metforming"}
_WORD = re.compile(r"\b\w+\b")
_A_VOWEL = re.compile(r"\ba (?=[aeiou])", re.IGNORECASE)


def _utf16(text: str, index: int) -> int:
    """LanguageTool is written in Java: its offsets count UTF-16 code units."""
    return len(text[:index].encode("utf-16-le")) // 2


def _match(
    text: str, start: int, end: int, rule: dict[str, Any], message: str, fix: str
) -> dict[str, Any]:
    return {
        "message": message,
        "shortMessage": "",
        "replacements": [{"value": fix}],
        "offset": _utf16(text, start),
        "length": _utf16(text, end) - _utf16(text, start),
        "context": {"text": text, "offset": _utf16(text, start), "length": end - start},
        "sentence": text,
        "rule": rule,
    }


def check(text: str) -> list[dict[str, Any]]:
    found = []
    for word in _WORD.finditer(text):
        if word.group().lower() in MISSPELT:
            rule = {
                "id": "MORFOLOGIK_RULE_EN_US",
                "description": "Possible spelling mistake",
                "issueType": "misspelling",
                "category": {"id": "TYPOS", "name": "Possible Typo"},
            }
            fix = MISSPELT[word.group().lower()]
            found.append(
                _match(
                    text, word.start(), word.end(), rule, "Possible spelling mistake found.", fix
                )
            )
    for article in _A_VOWEL.finditer(text):
        rule = {
            "id": "EN_A_VS_AN",
            "description": "Use of 'a' vs. 'an'",
            "issueType": "grammar",
            "category": {"id": "MISC", "name": "Miscellaneous"},
        }
        message = "Use “an” instead of ‘a’ if the following word starts with a vowel sound."
        found.append(_match(text, article.start(), article.start() + 1, rule, message, "an"))
    return sorted(found, key=lambda m: m["offset"])


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        if self.path.startswith("/v2/languages"):
            self._reply([{"name": "English (US)", "code": "en", "longCode": "en-US"}])
        else:
            self.send_error(404)

    def do_POST(self) -> None:
        if not self.path.startswith("/v2/check"):
            self.send_error(404)
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        form = {k: v[0] for k, v in parse_qs(body).items()}
        self.server.texts.append(form.get("text", ""))
        self._reply({"matches": check(form.get("text", ""))})

    def _reply(self, data: object) -> None:
        payload = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    texts: list[str]


@contextmanager
def fake_languagetool() -> Iterator[tuple[str, list[str]]]:
    """(base URL, the texts it was sent) of a server that lives for the ``with`` block."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.texts = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.texts
    finally:
        server.shutdown()
        server.server_close()
