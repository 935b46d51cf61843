"""`healthlint lsp` never goes deaf: bad framing is passed over, every request is answered
(an error for parameters that do not fit), huge messages and documents are refused,
saving a device or a pipe does not block, and an edited config is read again. Driven as
an editor would, over pipes to a real process, every wait bounded."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")

from healthlint.lsp import MAX_MESSAGE, Frame, Frames

POST = "# Tips\n\nTry these:\n\n-\nDrink water daily\n* Sleep well\n- Walk\n"


def _frame(message: dict[str, Any]) -> bytes:
    body = json.dumps(message).encode()
    return f"Content-Length: {len(body)}\r\n\r\n".encode() + body


def _request(ident: int, method: str, params: object) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": ident, "method": method, "params": params}


class Server:
    """The server in its own process; messages read back on a thread."""

    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "healthlint", "lsp"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                header = stream.readline()
                if not header:
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.inbox.put(json.loads(stream.read(length)))

    def write(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, method: str, params: object) -> None:
        self.write(_frame({"jsonrpc": "2.0", "method": method, "params": params}))

    def wait_for(
        self, *, method: str | None = None, ident: int | None = None, timeout: float = 30
    ) -> dict[str, Any]:
        """The first message not waited for yet that is ``method`` or answers ``ident``."""

        def wanted(message: dict[str, Any]) -> bool:
            if method is not None and message.get("method") == method:
                return True
            return ident is not None and message.get("id") == ident and "method" not in message

        for message in self.seen:
            if wanted(message):
                self.seen.remove(message)
                return message
        while True:
            message = self.inbox.get(timeout=timeout)
            if wanted(message):
                return message
            self.seen.append(message)

    def answers(self, ident: int) -> dict[str, Any]:
        """Whether a plain request still gets its answer."""
        self.write(_frame(_request(ident, "workspace/executeCommand", {"command": "none"})))
        return self.wait_for(ident=ident)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    started = Server(tmp_path)
    started.write(
        _frame(
            _request(
                1,
                "initialize",
                {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}},
            )
        )
    )
    assert started.wait_for(ident=1)["result"]["serverInfo"]["name"] == "healthlint"
    started.send("initialized", {})
    yield started
    started.write(_frame(_request(999, "shutdown", None)))
    started.wait_for(ident=999)
    started.send("exit", None)
    assert started.process.wait(timeout=30) == 0


def _open(server: Server, uri: str, text: str, version: int = 1) -> list[str]:
    server.send(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}},
    )
    published = server.wait_for(method="textDocument/publishDiagnostics")["params"]
    return [d["code"] for d in published["diagnostics"]]


# Framing, over the wire.


@pytest.mark.parametrize(
    "bad",
    [
        b"Content-Length: abc\r\n\r\n{}",
        b'Content-Length: 5\r\n\r\n{"jsonrpc": "2.0", "method": "x"}',  # too short
        b'Content-Length: 300\r\n\r\n{"jsonrpc": "2.0", "method": "x"}',  # too long
        b"this is not a header at all\r\n\r\n",
        b"Content-Length: 99999999999999999999\r\n\r\n{}",
    ],
    ids=["not-a-number", "too-short", "too-long", "no-header", "absurd"],
)
def test_after_bad_framing_the_next_request_is_answered(server: Server, bad: bytes) -> None:
    server.write(bad)
    reply = server.answers(7)
    assert reply["id"] == 7
    logged = server.wait_for(method="window/logMessage", timeout=10)["params"]
    assert logged["message"].startswith("healthlint: passed over ")


def test_a_bad_message_and_a_good_one_in_one_write(server: Server) -> None:
    """The good message directly after a body too short for its Content-Length."""
    good = _frame(_request(8, "workspace/executeCommand", {"command": "none"}))
    server.write(b'Content-Length: 10\r\n\r\n{"jsonrpc": "2.0", "method": "x"}' + good)
    assert server.wait_for(ident=8)["id"] == 8


def test_a_request_with_invalid_params_gets_an_error(server: Server) -> None:
    server.write(_frame(_request(5, "textDocument/codeAction", {"textDocument": {}})))
    reply = server.wait_for(ident=5)
    assert reply["error"]["code"] == -32602  # InvalidParams
    assert "textDocument/codeAction" in reply["error"]["message"]
    assert server.answers(6)["id"] == 6


def test_a_message_over_the_limit_is_skipped_and_said(server: Server) -> None:
    text = "a" * (MAX_MESSAGE + 1000)
    huge = {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"text": text}}
    server.write(_frame(huge))
    logged = server.wait_for(method="window/logMessage", timeout=60)["params"]
    assert "over the limit of 67 MB, was skipped" in logged["message"]
    assert server.answers(9)["id"] == 9


def test_a_document_over_the_limit_is_not_linted(server: Server, tmp_path: Path) -> None:
    uri = (tmp_path / "big.md").as_uri()
    server.send(
        "textDocument/didOpen",
        {
            "textDocument": {
                "uri": uri,
                "languageId": "markdown",
                "version": 1,
                "text": "Hiking prevents gout. " * 2_300_000,  # 50.6 million characters
            }
        },
    )
    shown = server.wait_for(method="window/showMessage", timeout=60)["params"]
    assert shown["message"] == (
        f"{tmp_path / 'big.md'}: 51 million characters, over the 50 million healthlint "
        "lints; not linted"
    )
    published = server.wait_for(method="textDocument/publishDiagnostics")["params"]
    assert published == {"uri": uri, "diagnostics": []}


# Files that are not regular files.


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_saving_a_pipe_or_a_device_does_not_block(server: Server, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    for path in (str(fifo), "/dev/zero"):
        server.send("textDocument/didSave", {"textDocument": {"uri": Path(path).as_uri()}})
        shown = server.wait_for(method="window/showMessage", timeout=10)["params"]
        assert shown["message"] == f"{path}: not a regular file; not linted"
    assert server.answers(11)["id"] == 11


def test_saving_a_file_not_open_lints_the_saved_file(server: Server, tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(POST, "utf-8")
    server.send("textDocument/didSave", {"textDocument": {"uri": post.as_uri()}})
    published = server.wait_for(method="textDocument/publishDiagnostics")["params"]
    assert "stray-bullet" in [d["code"] for d in published["diagnostics"]]


# The config, edited while the server runs.


def test_an_edited_config_and_a_new_rule_are_read_again(server: Server, tmp_path: Path) -> None:
    config = tmp_path / ".healthlint.yaml"
    config.write_text("ignore: [mixed-bullets]\nrule_dirs: [house]\n", "utf-8")
    (tmp_path / "house").mkdir()
    uri = (tmp_path / "post.md").as_uri()
    assert "stray-bullet" in _open(server, uri, POST)

    config.write_text("ignore: [mixed-bullets, stray-bullet]\nrule_dirs: [house]\n", "utf-8")
    server.send(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": POST}]},
    )
    published = server.wait_for(method="textDocument/publishDiagnostics")["params"]
    assert "stray-bullet" not in [d["code"] for d in published["diagnostics"]]

    (tmp_path / "house" / "walk.yaml").write_text(
        "name: house-walk\nkind: pattern\nseverity: warning\nmessage: Say stroll.\n"
        "description: d\nwhy: w\npatterns: ['\\bwalk\\b']\n"
        "examples:\n  fail: ['A walk.']\n  pass: ['A stroll.']\n",
        "utf-8",
    )
    server.send(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": POST}]},
    )
    published = server.wait_for(method="textDocument/publishDiagnostics")["params"]
    assert "house-walk" in [d["code"] for d in published["diagnostics"]]


# Framing, message by message.


def _frames(*chunks: bytes | None) -> list[Frame]:
    """Every frame read from ``chunks``; a None chunk is a pause longer than a stall."""
    pending = list(chunks)

    def pull(timeout: float | None) -> bytes:
        if not pending:
            return b""
        chunk = pending.pop(0)
        if chunk is None:
            raise queue.Empty
        return chunk

    frames = Frames(pull)
    found = []
    while (frame := frames.next()) is not None:
        found.append(frame)
    return found


def _ids(frames: list[Frame]) -> list[object]:
    return [f.message.get("id") if f.message else f.problem.split(" (")[0] for f in frames]


def test_frames_read_messages_split_anywhere() -> None:
    data = _frame(_request(1, "a", {})) + _frame(_request(2, "b", {"x": "é"}))
    chunks = [data[i : i + 7] for i in range(0, len(data), 7)]
    assert _ids(_frames(*chunks)) == [1, 2]


def test_frames_take_a_content_type_header_and_blank_lines_between() -> None:
    body = json.dumps(_request(3, "a", {})).encode()
    data = (
        b"\r\n"
        + f"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    assert _ids(_frames(data)) == [3]


def test_frames_find_the_header_inside_a_body_that_ran_over() -> None:
    """A Content-Length too large swallows the next message: it is found again."""
    second = _frame(_request(2, "b", {}))
    assert len(second) > 60
    assert _ids(_frames(b"Content-Length: 60\r\n\r\n{}" + second)) == [
        "a message that is not JSON",
        2,
    ]


def test_frames_give_up_on_a_body_that_stops_short() -> None:
    frames = _frames(b"Content-Length: 500\r\n\r\n{}", None, _frame(_request(4, "d", {})))
    assert _ids(frames) == ["a message shorter than its Content-Length", 4]


def test_frames_refuse_what_is_not_an_object() -> None:
    assert _ids(_frames(b"Content-Length: 2\r\n\r\n[]" + _frame(_request(5, "e", {})))) == [
        "a message that is not a JSON object",
        5,
    ]


def test_frames_pass_over_a_line_too_long_for_a_header() -> None:
    frames = _frames(b"x" * 100_000 + _frame(_request(6, "f", {})))
    assert frames[-1].message is not None and frames[-1].message["id"] == 6
    assert all(f.message is None for f in frames[:-1])


def test_frames_find_a_header_cut_by_the_line_limit() -> None:
    garbage = b"x" * (8192 - 5)  # the header starts 5 bytes before a header line's limit
    frames = _frames(garbage + _frame(_request(7, "g", {})))
    assert frames[-1].message is not None and frames[-1].message["id"] == 7


def test_a_cr_only_buffer_gets_right_positions_and_a_quick_fix() -> None:
    from lsprotocol import types

    from healthlint.app.run import lint_text
    from healthlint.config.ruleset import RuleSet
    from healthlint.config.settings import Config
    from healthlint.lsp import code_actions, diagnostics
    from healthlint.rules.loader import load_rules

    text = "# Tips\r\rTry:\r\r-\rDrink water.\r\rHiking prevents gout.\r"
    findings = lint_text("post.md", text, RuleSet(load_rules(), Config()))
    found = {
        d.code: (d.range.start.line, d.range.start.character) for d in diagnostics(text, findings)
    }
    assert found == {"stray-bullet": (4, 0), "unsupported-causal-claim": (7, 7)}
    everywhere = types.Range(
        start=types.Position(line=0, character=0), end=types.Position(line=9, character=0)
    )
    (action,) = code_actions("file:///post.md", text, findings, everywhere)
    assert action.edit is not None and action.edit.changes is not None
    (edit,) = action.edit.changes["file:///post.md"]
    assert (edit.range.start.line, edit.range.start.character) == (4, 1)
    assert (edit.range.end.line, edit.range.end.character) == (5, 0)
    assert edit.new_text == " "
