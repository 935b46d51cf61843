"""``grammar``: grammar and spelling from a LanguageTool server the user chose.

Drafts are unpublished and sometimes confidential, so healthlint never picks a server
itself: the URL comes from the rule's ``server`` setting or ``HEALTHLINT_LANGUAGETOOL_URL``,
and without one the rule is skipped with a notice (see ``unavailable_reason``). Nothing is
downloaded: language-tool-python is only used as an HTTP client.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar, Literal

from healthlint.core.errors import HealthlintError
from healthlint.core.model import Hit, Post, Span
from healthlint.language.prose import Prose
from healthlint.rules.spec import RuleSpec

SERVER_VARIABLE = "HEALTHLINT_LANGUAGETOOL_URL"
# LanguageTool issue types for spelling: the vocabulary silences only these.
_SPELLING = frozenset({"misspelling"})


@dataclass(frozen=True, kw_only=True)
class GrammarRule(RuleSpec):
    kind: Literal["grammar"]
    server: str | None = None
    """LanguageTool server URL (``http://localhost:8081``); else $HEALTHLINT_LANGUAGETOOL_URL."""
    local: bool = False
    """Without a server: start the LanguageTool that language-tool-python has installed
    (in $LTP_PATH or ~/.cache/language_tool_python; Java needed). Never downloaded."""
    language: str = "en-US"
    ignore: tuple[str, ...] = ()
    """LanguageTool rule ids whose matches are dropped."""
    accept: tuple[str, ...] = ()
    """Words that are spelt right (drug names, the brand): never reported as misspellings."""
    vocabulary: str | None = None
    """A file of such words, one per line ("#" starts a comment)."""

    message_args: ClassVar[frozenset[str]] = frozenset(
        {"message", "lt_rule", "match", "suggestion"}
    )
    # The LanguageTool client, opened on first use (set on the instance, not a field).
    _client: ClassVar[Any] = None

    def url(self) -> str | None:
        return self.server or os.environ.get(SERVER_VARIABLE) or None

    def unavailable_reason(self) -> str | None:
        if self.url() is None and not self.local:
            return (
                f"no LanguageTool server: set {SERVER_VARIABLE} or the grammar rule's "
                "'server' (drafts go only to a server you name)"
            )
        try:
            import language_tool_python  # noqa: F401
        except ImportError:
            # The package index does not carry healthlint itself, so the hint names the
            # dependency and the interpreter healthlint runs in.
            return (
                "language-tool-python is not installed: "
                f"{sys.executable} -m pip install 'language-tool-python>=3.0'"
            )
        if self.url() is None:
            if shutil.which("java") is None:
                return "a local LanguageTool needs Java, and none is on the PATH"
            if _installed_version() is None:
                return (
                    "no local LanguageTool install (language-tool-python's folder, $LTP_PATH, "
                    "is empty); healthlint does not download one"
                )
        return None

    def __getstate__(self) -> dict[str, Any]:
        # A connection is per process: worker processes open their own.
        state = dict(self.__dict__)
        state.pop("_client", None)
        return state

    def check(self, post: Post, prose: Prose) -> Iterator[Hit]:
        text = post.masked[post.span.start : post.span.end]
        if not text.strip():
            return
        accepted = self._accepted
        for match in self._matches(text):
            start = post.span.start + int(match.offset)
            end = start + int(match.error_length)
            covered = post.source[start:end]
            if match.rule_id in self.ignore or end <= start:
                continue
            if match.rule_issue_type in _SPELLING and covered.casefold() in accepted:
                continue
            replacements = [r for r in match.replacements[:3] if r]
            suggestion = (
                " Suggestion: " + ", ".join(f"'{r}'" for r in replacements) + "."
                if replacements
                else ""
            )
            yield Hit(
                Span(start, end),
                {
                    "message": str(match.message).strip(),
                    "lt_rule": str(match.rule_id),
                    "match": covered,
                    "suggestion": suggestion,
                },
            )

    def _matches(self, text: str) -> list[Any]:
        from language_tool_python.exceptions import LanguageToolError

        url = self.url()
        try:
            if self._client is None:
                from language_tool_python import LanguageTool

                if url is not None:
                    client = LanguageTool(self.language, remote_server=url)
                else:
                    # The installed version, so that the client finds it and does not fetch.
                    version = _installed_version()
                    client = LanguageTool(
                        self.language, language_tool_download_version=version or ""
                    )
                object.__setattr__(self, "_client", client)  # a frozen rule's own cache
            return list(self._client.check(text))
        except (LanguageToolError, ValueError, OSError) as error:
            where = url or "started locally"
            raise HealthlintError(f"LanguageTool server {where} failed: {error}") from None

    @cached_property
    def _accepted(self) -> frozenset[str]:
        words = {w.casefold() for w in self.accept}
        if self.vocabulary:
            from healthlint.files.inputs import read_text

            lines = read_text(Path(self.vocabulary), what="vocabulary").splitlines()
            words |= {w.split("#", 1)[0].strip().casefold() for w in lines}
        return frozenset(w for w in words if w)


def _installed_version() -> str | None:
    """The newest LanguageTool that language-tool-python has on disk; looking does not
    download anything."""
    from language_tool_python.download_lt import LocalLanguageTool

    installed = LocalLanguageTool.get_latest_installed_version()
    return installed.version_name if installed is not None else None
