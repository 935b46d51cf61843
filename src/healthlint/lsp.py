"""``healthlint lsp``: findings as an editor's diagnostics, fixes as its quick fixes.

A Language Server (pygls) over stdio. It lints the editor's buffer, not the file on disk,
whenever a Markdown, HTML or text document is opened, changed or saved, with the rules and
config the CLI would use for that file, and offers each finding's fix as a code action:
a safe one as the preferred fix, one that changes wording as a titled alternative. pygls
is imported only by this command.

The messages are read here rather than by pygls, so that a client's mistake never leaves
the server deaf: after a message whose Content-Length is wrong, it reads on from the next
header; a message over ``MAX_MESSAGE`` bytes is skipped, a document over ``MAX_DOCUMENT``
characters is not linted (both said in the editor's log), and a request whose parameters
do not fit gets an InvalidParams error. A config or rule file edited while the server runs
is read again before the next lint.
"""

from __future__ import annotations

import bisect
import json
import os
import queue
import re
import stat
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from healthlint import __version__
from healthlint.core.errors import HealthlintError
from healthlint.core.lines import LineIndex
from healthlint.core.model import Finding, Severity

if TYPE_CHECKING:
    from lsprotocol import types

MAX_MESSAGE = 64 * 1024 * 1024
"""Bytes: a longer message is skipped unread (a 50 MB post, JSON-escaped, fits)."""
MAX_DOCUMENT = 50_000_000
"""Characters: a longer document (or saved file) is not linted."""
_BELIEVABLE = 1024 * 1024 * 1024
"""A Content-Length above this is not skipped byte by byte: the header is taken for
garbage and the next header looked for at once."""
_STALL = 3.0
"""Seconds without a byte in the middle of a message: its Content-Length was too large."""
_HEADER_LINE = 8192
_HEADER = b"Content-Length:"
_QUEUED = 16
_INVALID_PARAMS, _INTERNAL_ERROR = -32602, -32603
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


class Linter:
    """Lints buffers with the rules of the config that governs each file, each config and
    its rules loaded once (``healthlint.app.session.Workspace``)."""

    def __init__(self) -> None:
        from healthlint.app.session import Workspace, caching_allowed

        self._workspace = Workspace(cache=caching_allowed())

    def findings(self, path: str, text: str) -> list[Finding]:
        from healthlint.app.run import lint_text

        return lint_text(path, text, self._workspace.ruleset_for(path))


def lint_name(uri: str) -> str:
    """The path a buffer is linted as: its file, or (unsaved) a Markdown name."""
    from pygls.uris import to_fs_path

    from healthlint.core.formats import LINTABLE_SUFFIXES

    path = to_fs_path(uri) or "untitled.md"
    return path if path.lower().endswith(tuple(LINTABLE_SUFFIXES)) else path + ".md"


def to_position(text: str, line: int, column: int) -> types.Position:
    """A 1-based line and character column as LSP's 0-based line and UTF-16 offset."""
    return Positions(text).at(line, column)


class Positions:
    """LSP positions in one text, for many findings: the text is read once, not once per
    finding (a 1 MB post with thousands of findings would cost findings x text)."""

    __slots__ = ("_lines", "_position", "_text", "_wide")

    def __init__(self, text: str) -> None:
        from lsprotocol import types

        self._position = types.Position
        self._text = text
        self._lines = LineIndex(text)
        # A character beyond the Basic Multilingual Plane counts twice in UTF-16.
        self._wide = [match.start() for match in _BEYOND_BMP.finditer(text)]

    def at(self, line: int, column: int) -> types.Position:
        """A 1-based line and character column as LSP's 0-based line and UTF-16 offset;
        a column past the line's end means its end (before its line break)."""
        lines = self._lines
        if line > lines.line_count:
            return self._position(line=line - 1, character=0)
        start = lines.line_start(line)
        offset = min(start + column - 1, self._content_end(line))
        wide = bisect.bisect_left(self._wide, offset) - bisect.bisect_left(self._wide, start)
        return self._position(line=line - 1, character=offset - start + wide)

    def of_offset(self, offset: int) -> types.Position:
        return self.at(*self._lines.position(offset))

    def _content_end(self, line: int) -> int:
        end = self._lines.line_end(line)
        if line < self._lines.line_count:  # every line but the last ends with a break
            end -= 2 if self._text.startswith("\r\n", end - 2) else 1
        return end


def diagnostics(
    text: str, findings: Sequence[Finding], positions: Positions | None = None
) -> list[types.Diagnostic]:
    from lsprotocol import types

    at = (positions or Positions(text)).at
    levels = {
        Severity.ERROR: types.DiagnosticSeverity.Error,
        Severity.WARNING: types.DiagnosticSeverity.Warning,
        Severity.INFO: types.DiagnosticSeverity.Information,
    }
    return [
        types.Diagnostic(
            range=types.Range(
                start=at(f.line, f.column),
                end=at(f.end_line, f.end_column),
            ),
            message=f.message,
            severity=levels[f.severity],
            code=f.rule,
            source="healthlint",
        )
        for f in findings
    ]


def code_actions(
    uri: str, text: str, findings: Sequence[Finding], wanted: types.Range
) -> list[types.CodeAction]:
    """A quick fix for each finding with a fix whose range meets ``wanted``."""
    from lsprotocol import types

    positions = Positions(text)
    actions = []
    for finding, diagnostic in zip(findings, diagnostics(text, findings, positions), strict=True):
        if finding.fix is None or not _meets(diagnostic.range, wanted):
            continue
        start = positions.of_offset(finding.fix.span.start)
        end = positions.of_offset(finding.fix.span.end)
        edit = types.TextEdit(range=types.Range(start=start, end=end), new_text=finding.fix.text)
        safe = finding.fix.safe
        actions.append(
            types.CodeAction(
                title=f"Fix: {finding.rule}" if safe else f"Fix (changes wording): {finding.rule}",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=types.WorkspaceEdit(changes={uri: [edit]}),
                # Editors may apply a preferred fix without asking; a reworded sentence
                # needs the writer to read it first.
                is_preferred=safe,
            )
        )
    return actions


def _meets(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


@dataclass(frozen=True, slots=True)
class Frame:
    """One message read from the client, or (``message`` None) why bytes were passed over."""

    message: dict[str, Any] | None
    problem: str = ""


class _Closed(Exception):
    """The client closed its end."""


class Frames:
    """JSON-RPC messages from a byte stream framed by ``Content-Length`` headers.

    ``pull(timeout)`` gives the next bytes (b"" at the end; ``queue.Empty`` when none came
    within ``timeout`` seconds, None waiting for ever). Bytes that are not a message (a
    Content-Length that was wrong, a header that is not one, a body that is not JSON) are
    passed over up to the next ``Content-Length:`` header, wherever it starts, even inside
    what was read as a body.
    """

    def __init__(self, pull: Callable[[float | None], bytes]) -> None:
        self._pull = pull
        self._buffer = bytearray()
        self._ended = False

    def next(self) -> Frame | None:
        """The next message or problem; None once the stream has ended."""
        try:
            return self._next()
        except _Closed:
            return None

    def _more(self, timeout: float | None = None) -> None:
        if self._ended:
            raise _Closed
        chunk = self._pull(timeout)
        if not chunk:
            self._ended = True
            if not self._buffer:
                raise _Closed
        self._buffer += chunk

    def _line(self) -> bytes:
        while True:
            end = self._buffer.find(b"\n", 0, _HEADER_LINE)
            if end >= 0 or len(self._buffer) >= _HEADER_LINE or (self._ended and self._buffer):
                size = end + 1 if end >= 0 else min(len(self._buffer), _HEADER_LINE)
                line = bytes(self._buffer[:size])
                del self._buffer[:size]
                return line
            self._more()

    def _next(self) -> Frame:
        length: int | None = None
        started = False
        while True:
            line = self._line()
            if not line.strip():
                if started:
                    break
                continue  # blank lines between messages
            name, colon, value = line.partition(b":")
            key = name.strip().lower()
            if colon and key == b"content-length":
                started = True
                text = value.strip()
                if not text.isdigit():
                    return Frame(None, f"a Content-Length that is no number ({_shown(text)})")
                length = int(text)
            elif colon and key == b"content-type":
                started = True
            else:
                return self._garbage(line)
        if length is None:
            return Frame(None, "a message with no Content-Length")
        if length > _BELIEVABLE:
            return Frame(None, f"a Content-Length of {length} bytes, taken for a mistake")
        if length > MAX_MESSAGE:
            self._skip(length)
            return Frame(
                None,
                f"a message of {length / 1e6:.0f} MB, over the limit of "
                f"{MAX_MESSAGE / 1e6:.0f} MB, was skipped: a document that large is not linted",
            )
        body = self._body(length)
        if body is None:
            return Frame(None, "a message shorter than its Content-Length")
        from healthlint.files.limits import load_json

        try:
            message = load_json(body)
        except ValueError:  # not JSON, or nested too deeply (``TooComplex``)
            self._resync(body)
            return Frame(None, "a message that is not JSON (or whose Content-Length is wrong)")
        if not isinstance(message, dict):
            return Frame(None, "a message that is not a JSON object")
        return Frame(message)

    def _garbage(self, line: bytes) -> Frame:
        self._resync(line)
        return Frame(None, "bytes that are not a message header (a wrong Content-Length?)")

    def _resync(self, passed: bytes) -> None:
        """Give back what follows the first header inside ``passed`` (after its first
        byte): the message that a wrong Content-Length ran into. Without one, its last
        bytes, which may be the start of a header cut off there."""
        found = passed.find(_HEADER, 1)
        if found >= 0:
            self._buffer[:0] = passed[found:]
        elif len(passed) > len(_HEADER) and not passed.endswith(b"\n"):
            self._buffer[:0] = passed[1 - len(_HEADER) :]

    def _body(self, length: int) -> bytes | None:
        while len(self._buffer) < length:
            try:
                self._more(_STALL)
            except queue.Empty:
                # The bytes stopped short of the length: read on from a header among them.
                found = self._buffer.find(_HEADER, 1)
                del self._buffer[: found if found >= 0 else len(self._buffer)]
                return None
            except _Closed:
                return None
            if self._ended and len(self._buffer) < length:
                return None
        body = bytes(self._buffer[:length])
        del self._buffer[:length]
        return body

    def _skip(self, length: int) -> None:
        left = length
        while left:
            if not self._buffer:
                try:
                    self._more(_STALL)
                except (queue.Empty, _Closed):
                    return
            taken = min(left, len(self._buffer))
            del self._buffer[:taken]
            left -= taken


def _shown(value: bytes) -> str:
    text = value[:40].decode("ascii", "replace")
    return text + ("…" if len(value) > 40 else "")


def _text_of(server: Any, uri: str) -> str:
    """The editor's buffer for ``uri``; for a document it has not opened, the saved file,
    if it is a regular file (never a device or a pipe, which could block or never end)."""
    from urllib.parse import unquote

    from pygls.uris import to_fs_path

    document = server.workspace.text_documents.get(unquote(uri))
    if document is not None:
        text: str = document.source
    else:
        path = to_fs_path(uri)
        if not path:
            raise HealthlintError(f"{uri}: not a file, and not open in the editor; not linted")
        text = _read_regular(path)
    if len(text) > MAX_DOCUMENT:
        raise HealthlintError(
            f"{lint_name(uri)}: {len(text) / 1e6:.0f} million characters, over the "
            f"{MAX_DOCUMENT / 1e6:.0f} million healthlint lints; not linted"
        )
    return text


def _read_regular(path: str) -> str:
    from healthlint.files.inputs import decode

    try:
        # Non-blocking: opening a named pipe would otherwise wait for a writer.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise HealthlintError(f"{path}: cannot read ({error.strerror})") from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise HealthlintError(f"{path}: not a regular file; not linted")
        data = bytearray()
        while len(data) <= MAX_DOCUMENT:
            chunk = os.read(handle, 1 << 20)
            if not chunk:
                break
            data += chunk
    except OSError as error:
        raise HealthlintError(f"{path}: cannot read ({error.strerror})") from None
    finally:
        os.close(handle)
    if len(data) > MAX_DOCUMENT:
        raise HealthlintError(f"{path}: over {MAX_DOCUMENT / 1e6:.0f} MB; not linted")
    return decode(bytes(data), path)


def serve() -> None:
    """Run the server on stdin and stdout until the client says exit (or closes stdin)."""
    import asyncio

    from pygls.io_ import StdoutWriter

    server = build_server()
    server.protocol.set_writer(StdoutWriter(sys.stdout.buffer))
    try:
        asyncio.run(_run(server, sys.stdin.buffer.fileno()))
    except BrokenPipeError:
        pass  # the editor went away
    finally:
        server.shutdown()


async def _run(server: Any, fd: int) -> None:
    import asyncio

    loop = asyncio.get_running_loop()
    inbox: asyncio.Queue[Frame | None] = asyncio.Queue()
    chunks: queue.Queue[bytes] = queue.Queue(maxsize=_QUEUED)
    slots = threading.BoundedSemaphore(_QUEUED)

    def read() -> None:
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            chunks.put(chunk)
            if not chunk:
                return

    def frame() -> None:
        frames = Frames(lambda timeout: chunks.get(timeout=timeout))
        while True:
            found = frames.next()
            slots.acquire()  # no more than _QUEUED messages wait for the linter
            loop.call_soon_threadsafe(inbox.put_nowait, found)
            if found is None:
                return

    # Daemon threads: a read that blocks must not keep the process alive after exit.
    threading.Thread(target=read, daemon=True).start()
    threading.Thread(target=frame, daemon=True).start()
    passing_over = False
    while True:
        found = await inbox.get()
        slots.release()
        if found is None:
            return
        if found.message is None:
            if not passing_over:  # once for a run of bytes passed over
                _log(server, f"healthlint: passed over {found.problem}")
            passing_over = True
            continue
        passing_over = False
        try:
            _handle(server, found.message)
        except Exception as error:  # a bug in healthlint: one message fails, not the server
            message = found.message
            if "id" in message and "method" in message:
                _reply_error(server, message["id"], _INTERNAL_ERROR, repr(error))
            _log(server, f"healthlint: internal error: {error!r}; please report it")


def _handle(server: Any, raw: dict[str, Any]) -> None:
    from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams

    protocol = server.protocol
    request = "id" in raw and "method" in raw
    try:
        message = protocol.structure_message(raw)
    except JsonRpcInvalidParams:
        if request:
            _reply_error(server, raw["id"], _INVALID_PARAMS, f"invalid params for {raw['method']}")
        else:
            _log(server, f"healthlint: invalid params for {raw.get('method')!s:.80}")
        return
    except JsonRpcException as error:
        if request:
            _reply_error(server, raw["id"], error.code, str(error) or type(error).__name__)
        return
    protocol.handle_message(message)


def _reply_error(server: Any, ident: object, code: int, message: str) -> None:
    if not isinstance(ident, (int, str)) or isinstance(ident, bool):
        ident = None
    body = json.dumps(
        {"jsonrpc": "2.0", "id": ident, "error": {"code": code, "message": message}}
    ).encode()
    server.protocol.writer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)


def _log(server: Any, message: str) -> None:
    from lsprotocol import types

    server.window_log_message(
        types.LogMessageParams(type=types.MessageType.Warning, message=message)
    )


def build_server() -> Any:
    try:
        from lsprotocol import types
        from pygls.lsp.server import LanguageServer
    except ImportError:
        raise HealthlintError(
            f"the language server needs pygls: {sys.executable} -m pip install 'pygls>=2.0'"
        ) from None

    server = LanguageServer("healthlint", __version__)
    linter = Linter()

    def lint(uri: str) -> tuple[str, list[Finding]] | None:
        try:
            text = _text_of(server, uri)
            return text, linter.findings(lint_name(uri), text)
        except HealthlintError as error:
            # A broken config or rule file: say so once per lint, publish nothing.
            server.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=str(error))
            )
            return None

    def publish(uri: str) -> None:
        linted = lint(uri)
        found = diagnostics(*linted) if linted else []
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found)
        )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        linted = lint(uri)
        return code_actions(uri, *linted, params.range) if linted else []

    return server
