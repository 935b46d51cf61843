"""``healthlint lsp``: findings as an editor's diagnostics, fixes as its quick fixes.

A Language Server (pygls) over stdio. It lints the editor's buffer, not the file on disk,
whenever a Markdown, HTML or text document is opened, changed or saved, with the rules and
config the CLI would use for that file, and offers each finding's fix as a code action:
a safe one as the preferred fix, one that changes wording as a titled alternative. pygls
is imported only by this command.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from healthlint import __version__
from healthlint.core.errors import HealthlintError
from healthlint.core.lines import LineIndex
from healthlint.core.model import Finding, Severity

if TYPE_CHECKING:
    from lsprotocol import types

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


def serve() -> None:
    """Run the server on stdin and stdout until the client says exit."""
    build_server().start_io()


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
        text = server.workspace.get_text_document(uri).source
        try:
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
