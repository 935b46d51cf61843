"""`healthlint lsp` driven over stdio the way an editor does: initialize, open a buffer,
receive diagnostics, ask for a quick fix, edit, close, shut down."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")

POST = (
    "# Tips\n\nTry these:\n\n-\nDrink water 😀 daily\n- Sleep well\n\n"
    "Hiking prevents liver cancer.\n"
)


class Client:
    """A minimal LSP client: JSON-RPC messages framed by Content-Length headers."""

    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "healthlint", "lsp"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self._next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None
            self.inbox.put(json.loads(stream.read(length)))

    def send(self, method: str, params: object, *, request: bool = False) -> int | None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        ident = None
        if request:
            self._next_id += 1
            ident = message["id"] = self._next_id
        body = json.dumps(message).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        self.process.stdin.flush()
        return ident

    def wait_for(self, *, method: str | None = None, ident: int | None = None) -> dict[str, Any]:
        while True:
            message = self.inbox.get(timeout=30)
            if method is not None and message.get("method") == method:
                return message
            if ident is not None and message.get("id") == ident and "method" not in message:
                return message

    def request(self, method: str, params: object) -> Any:
        ident = self.send(method, params, request=True)
        reply = self.wait_for(ident=ident)
        assert "error" not in reply, reply
        return reply["result"]


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Client]:
    client = Client(tmp_path)
    result = client.request(
        "initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}
    )
    assert result["serverInfo"]["name"] == "healthlint"
    assert result["capabilities"]["codeActionProvider"]
    client.send("initialized", {})
    yield client
    client.request("shutdown", None)
    client.send("exit", None)
    assert client.process.wait(timeout=30) == 0


def _open(client: Client, uri: str, text: str) -> list[dict[str, Any]]:
    client.send(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
    )
    published = client.wait_for(method="textDocument/publishDiagnostics")["params"]
    assert published["uri"] == uri
    return list(published["diagnostics"])


def test_open_publishes_diagnostics(client: Client, tmp_path: Path) -> None:
    uri = (tmp_path / "post.md").as_uri()  # never saved: the buffer is what is linted
    found = {d["code"]: d for d in _open(client, uri, POST)}
    assert set(found) == {"stray-bullet", "unsupported-causal-claim"}
    stray = found["stray-bullet"]
    assert stray["range"] == {
        "start": {"line": 4, "character": 0},
        "end": {"line": 4, "character": 1},
    }
    assert stray["severity"] == 1
    assert stray["source"] == "healthlint"
    claim = found["unsupported-causal-claim"]
    assert claim["severity"] == 2
    assert claim["range"]["start"] == {"line": 8, "character": 7}
    assert claim["message"].startswith("'prevents' states a cause and effect")


def test_quick_fix_and_edit(client: Client, tmp_path: Path) -> None:
    uri = (tmp_path / "post.md").as_uri()
    stray = next(d for d in _open(client, uri, POST) if d["code"] == "stray-bullet")
    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": stray["range"],
            "context": {"diagnostics": [stray]},
        },
    )
    assert [a["title"] for a in actions] == ["Fix: stray-bullet"]
    assert actions[0]["kind"] == "quickfix"
    assert actions[0]["isPreferred"] is True  # layout only: safe to apply unasked
    assert actions[0]["edit"]["changes"][uri] == [
        {
            "range": {"start": {"line": 4, "character": 1}, "end": {"line": 5, "character": 0}},
            "newText": " ",
        }
    ]
    fixed = POST.replace("-\nDrink", "- Drink")
    client.send(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": fixed}],
        },
    )
    published = client.wait_for(method="textDocument/publishDiagnostics")["params"]
    assert [d["code"] for d in published["diagnostics"]] == ["unsupported-causal-claim"]
    client.send("textDocument/didClose", {"textDocument": {"uri": uri}})
    closed = client.wait_for(method="textDocument/publishDiagnostics")["params"]
    assert closed == {"uri": uri, "diagnostics": []}


def test_columns_count_utf16_units_after_an_emoji(client: Client, tmp_path: Path) -> None:
    uri = (tmp_path / "post.md").as_uri()
    text = "# Tips\n\nA tip 😀 hiking prevents liver cancer.\n"
    found = _open(client, uri, text)
    claim = next(d for d in found if d["code"] == "unsupported-causal-claim")
    # "A tip " is 6 units, the emoji 2, the space 1, "coffee " 7: "prevents" starts at 16.
    assert claim["range"]["start"] == {"line": 2, "character": 16}


def test_a_broken_config_is_shown_not_crashed_on(client: Client, tmp_path: Path) -> None:
    (tmp_path / ".healthlint.yaml").write_text("ignore: [no-such-rule]\n", "utf-8")
    uri = (tmp_path / "post.md").as_uri()
    client.send(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": POST}},
    )
    shown = client.wait_for(method="window/showMessage")["params"]
    assert "unknown rule 'no-such-rule'" in shown["message"]
    published = client.wait_for(method="textDocument/publishDiagnostics")["params"]
    assert published["diagnostics"] == []


def test_without_pygls_the_error_names_a_command_that_installs_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from healthlint.core.errors import HealthlintError
    from healthlint.lsp import build_server

    monkeypatch.setitem(sys.modules, "pygls.lsp.server", None)
    with pytest.raises(HealthlintError) as raised:
        build_server()
    assert str(raised.value) == (
        f"the language server needs pygls: {sys.executable} -m pip install 'pygls>=2.0'"
    )


def test_a_fix_that_changes_wording_is_offered_but_not_preferred(tmp_path: Path) -> None:
    from lsprotocol import types

    from healthlint.app.run import lint_text
    from healthlint.config.ruleset import RuleSet
    from healthlint.config.settings import Config
    from healthlint.lsp import code_actions
    from healthlint.rules.loader import load_rules

    text = "# Heart\n\nSyncope can follow a long stand.\n\nTry:\n\n-\nSit down.\n"
    rules = RuleSet(load_rules(), Config(), select=["medical-jargon", "stray-bullet"])
    findings = lint_text("post.md", text, rules)
    whole = types.Range(
        start=types.Position(line=0, character=0), end=types.Position(line=9, character=0)
    )
    actions = code_actions("file:///post.md", text, findings, whole)
    assert [(a.title, a.is_preferred) for a in actions] == [
        ("Fix (changes wording): medical-jargon", False),
        ("Fix: stray-bullet", True),
    ]
    edit = actions[0].edit
    assert edit is not None and edit.changes is not None
    assert [e.new_text for e in edit.changes["file:///post.md"]] == ["Fainting"]
