"""Which lines changed since a git revision, for linting only what a change touched."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from healthlint.core.errors import HealthlintError
from healthlint.core.model import PostResult

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_LONE_CR = re.compile(rb"\r(?!\n)")
_BREAK = re.compile(rb"\r\n?|\n")
# What git writes for a backslash escape in a quoted file name ("caf\303\251.md").
_ESCAPES = {b"a": 7, b"b": 8, b"t": 9, b"n": 10, b"v": 11, b"f": 12, b"r": 13}


@dataclass(frozen=True, slots=True)
class FileChanges:
    """How one file changed: the numbers of its added or rewritten lines, and where lines
    were taken out (after line ``n`` of the file as it is now; 0 is above its first)."""

    lines: frozenset[int] = frozenset()
    removed_after: frozenset[int] = frozenset()

    def touches(self, first: int, last: int) -> bool:
        """Whether lines ``first`` to ``last`` changed, or lines next to them (above the
        first, below the last) were taken out: deleting a post's closing disclaimer
        changes that post."""
        # Walking the post's lines keeps a dump of many posts linear in its length.
        return any(n in self.lines for n in range(first, last + 1)) or any(
            n in self.removed_after for n in range(first - 1, last + 1)
        )


def changed_lines(revision: str, cwd: Path | None = None) -> dict[str, FileChanges]:
    """Added or changed lines of each file changed since ``revision`` (committed, staged
    or not), and where lines were removed, keyed by absolute path. New untracked files
    count as wholly changed."""
    top = _git(["rev-parse", "--show-toplevel"], cwd, "not inside a git repository")
    _git(
        ["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"],
        cwd,
        f"unknown git revision '{revision}'",
    )
    # Names are read as bytes, as git writes them: a name with a space, a tab or a
    # non-ASCII letter must not be lost (that file's findings would pass CI unseen).
    # The prefixes are set here because a user's diff.noprefix would change them.
    diff = _git_output(
        [
            "-c",
            "core.quotePath=false",
            "diff",
            "--no-color",
            "--no-ext-diff",
            # A post git takes for binary (UTF-16, "*.md -diff" in .gitattributes) or shows
            # through a textconv driver would get no hunks, or shifted ones, and pass.
            "--text",
            "--no-textconv",
            "--unified=0",
            "--src-prefix=a/",
            "--dst-prefix=b/",
            revision,
            "--",
        ],
        cwd,
        "git diff failed",
    )
    added: dict[str, set[int]] = {}
    removed: dict[str, set[int]] = {}
    current: str | None = None
    header = False  # in a file's header, where "+++ " names it (in a hunk, it is a line)
    for line in diff.split(b"\n"):
        if line.startswith(b"diff "):
            header = True
        elif header and line.startswith(b"+++ "):
            header = False
            name = _unquote(line[4:])
            if name == b"/dev/null":
                current = None
                continue
            name = name[2:] if name.startswith(b"b/") else name
            current = os.path.join(top, os.fsdecode(name))
            added.setdefault(current, set())
            removed.setdefault(current, set())
        elif line.startswith(b"@@") and current is not None:
            header = False
            match = _HUNK.match(line)
            if match:
                start, count = int(match.group(1)), int(match.group(2) or "1")
                if count:
                    added[current].update(range(start, start + count))
                else:
                    # With no context, a hunk that only removes lines is numbered by the
                    # line above the cut.
                    removed[current].add(start)
    changed = {
        name: _whole(name)
        if _lone_cr(name)
        else FileChanges(frozenset(lines), frozenset(removed[name]))
        for name, lines in added.items()
    }
    untracked = _git_output(
        ["ls-files", "-z", "--others", "--exclude-standard"], Path(top), "git ls-files failed"
    )
    for raw in untracked.split(b"\0"):
        if raw:
            path = os.path.join(top, os.fsdecode(raw))
            changed[path] = _whole(path)
    return changed


def _unquote(name: bytes) -> bytes:
    """A file name as git writes it in a diff's ``+++`` line: in double quotes with C
    escapes when it holds a tab, a newline, a quote or a backslash (or, without
    core.quotePath=false, a byte over 127); else as it is, with a tab after it when it
    holds a space."""
    if not name.startswith(b'"'):
        return name.removesuffix(b"\t") if b" " in name else name
    out = bytearray()
    index = 1
    while index < len(name) and name[index : index + 1] != b'"':
        char = name[index : index + 1]
        if char != b"\\":
            out += char
            index += 1
            continue
        escaped = name[index + 1 : index + 2]
        if escaped.isdigit():  # three octal digits: one byte of the name
            out.append(int(name[index + 1 : index + 4], 8))
            index += 4
        else:
            out.append(_ESCAPES.get(escaped, escaped[0] if escaped else 92))
            index += 2
    return bytes(out)


def _read(path: str) -> bytes:
    """The file's bytes, read as posts are (a regular file, bounded); nothing for one that
    is not, which linting reports on its own."""
    from healthlint.files.inputs import read_bytes

    try:
        return read_bytes(Path(path))
    except HealthlintError:
        return b""


def _lone_cr(path: str) -> bool:
    """Whether the file ends some lines in a lone CR (old Mac files, some CMS exports):
    git counts lines by LF only, so its line numbers are not healthlint's there."""
    return _LONE_CR.search(_read(path)) is not None


def _whole(path: str) -> FileChanges:
    """Every line of the file counted as changed (a new file, or one whose lines git does
    not number as healthlint does)."""
    count = len(_BREAK.findall(_read(path))) + 1
    return FileChanges(frozenset(range(1, count + 1)))


def _git(arguments: Sequence[str], cwd: Path | None, failure: str) -> str:
    return os.fsdecode(_git_output(arguments, cwd, failure).strip())


def _git_output(arguments: Sequence[str], cwd: Path | None, failure: str) -> bytes:
    try:
        done = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise HealthlintError("--diff needs git, and git is not installed") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise HealthlintError(f"--diff: {failure}" + (f" ({detail[-1]})" if detail else ""))
    return done.stdout


def only_changed(
    results: Sequence[PostResult], changed: Mapping[str, FileChanges]
) -> list[PostResult]:
    """Keep the posts of changed files and, in them, findings on changed lines. A finding
    about a whole post (a missing disclaimer) is kept when any line of its post changed,
    or lines were removed from it: in a file of several posts, only that post's."""
    kept = []
    for result in results:
        changes = changed.get(os.path.abspath(result.path))
        if changes is None:
            continue
        touched = changes.touches(result.line, result.end_line)
        findings = tuple(
            f for f in result.findings if (touched if f.post_level else f.line in changes.lines)
        )
        kept.append(replace(result, findings=findings))
    return kept
