"""Which input format a file is, by its suffix, and which files are no posts: what the
parsers and file discovery share."""

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
EXPORT_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv", ".xml"})
"""The suffixes of a file ``files.exports.export_kind`` may take for a CMS export (an
``.xml`` file only when its first bytes say so)."""


def format_for(path: str) -> str:
    """The input format for a file name; anything unknown is read as plain text."""
    return _SUFFIXES.get(PurePath(path).suffix.lower(), "text")


def may_be_export(path: str) -> bool:
    """Whether the name of a file named may be a CMS export's (``--input`` aside): for
    any other, ``files.exports.export_kind`` says None without reading it."""
    return PurePath(path).suffix.lower() in EXPORT_SUFFIXES


# A repository's own files share the suffixes of posts but are not posts; a directory walk
# and the pre-commit hook (its `exclude`, which tests/test_precommit.py keeps in step) leave
# them out. A file named on the command line is always linted.
PROJECT_FILES = frozenset(
    {
        "changelog",
        "code_of_conduct",
        "contributing",
        "copying",
        "licence",
        "license",
        "readme",
    }
)


def is_project_file(name: str) -> bool:
    """Whether a file name is a repository's README, LICENSE, requirements.txt and the like."""
    path = PurePath(name)
    return is_project_name(path.name)


def is_project_name(name: str) -> bool:
    """``is_project_file`` of a bare file name (no folder), as a directory walk has it."""
    stem = name.split(".", 1)[0].lower()
    return stem in PROJECT_FILES or (stem.startswith("requirements") and suffix(name) == ".txt")


def suffix(name: str) -> str:
    """The lower-cased suffix of a bare file name, as ``PurePath(name).suffix`` gives it
    (none for a name that ends with a dot or has no dot after its first character),
    without making a path: a directory walk asks it of every file."""
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""
