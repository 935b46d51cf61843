"""Which input format a file is, by its suffix: what the parsers and file discovery share."""

from __future__ import annotations

from pathlib import PurePath

_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
}
LINTABLE_SUFFIXES = frozenset(_SUFFIXES)


def format_for(path: str) -> str:
    """The input format for a file name; anything unknown is read as plain text."""
    return _SUFFIXES.get(PurePath(path).suffix.lower(), "text")
