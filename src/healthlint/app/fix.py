"""``check --fix``: rewriting a file with the safe fixes of its findings, or showing them."""

from __future__ import annotations

import codecs
import difflib
import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from healthlint.core.errors import HealthlintError
from healthlint.core.model import DEFAULT_GENRE
from healthlint.engine.edits import apply_edits
from healthlint.engine.lint import lint_document
from healthlint.files.atomic import write_atomically
from healthlint.files.inputs import decode, read_bytes
from healthlint.parse import parse_document
from healthlint.rules.spec import RuleSpec

if TYPE_CHECKING:
    from healthlint.app.check import Console
    from healthlint.config.ruleset import RuleSet
    from healthlint.core.model import PostResult


@dataclass(frozen=True, slots=True)
class FileFix:
    """What ``--fix`` did (or, dry, would do) to one file."""

    path: str
    applied: int
    diff: str


def fix_file(
    path: str,
    rules: Sequence[RuleSpec],
    wanted: Collection[tuple[str, str]],
    *,
    write: bool,
    genre: str = DEFAULT_GENRE,
) -> FileFix:
    """Fix the findings of ``path`` whose (rule, fingerprint) is in ``wanted``.

    The file is read and linted again, so the edits fit the bytes being rewritten even if
    the file changed since it was reported. It is replaced in one step, with its line
    endings, byte-order mark and permissions kept; with ``write`` false nothing is written
    and the diff says what would change.
    """
    # The replacing rename would succeed on a read-only file: its mode is the owner's no.
    if write and os.path.exists(path) and not os.stat(path).st_mode & 0o222:
        raise HealthlintError(f"{path}: read-only; not fixed")
    data = read_bytes(Path(path))
    bom = data.startswith(codecs.BOM_UTF8)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # UTF-32's marks too
        raise HealthlintError(f"{path}: cannot fix a UTF-16 or UTF-32 file; save it as UTF-8")
    source = decode(data, path)
    document = parse_document(path, source)
    edits = [
        finding.fix
        for result in lint_document(document, rules, genre=genre)
        for finding in result.findings
        if finding.fix is not None and (finding.rule, finding.fingerprint) in wanted
    ]
    fixed, applied = apply_edits(source, edits)
    if not applied:
        return FileFix(path, 0, "")
    diff = "".join(
        difflib.unified_diff(
            source.splitlines(keepends=True),
            fixed.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )
    if write:
        write_atomically(Path(path), ("\ufeff" if bom else "") + fixed, newline="")
    return FileFix(path, applied, diff)


def fix_results(
    results: Sequence[PostResult], ruleset: RuleSet, console: Console, *, write: bool
) -> tuple[int, int]:
    """Fix (or, not writing, print as a diff) the fixable findings: how many there were,
    and how many files could not be fixed (each said on ``console``; the others still are)."""
    from healthlint.report import plural

    wanted: dict[str, set[tuple[str, str]]] = {}
    for result in results:
        for finding in result.findings:
            if finding.fix is not None:
                wanted.setdefault(finding.path, set()).add((finding.rule, finding.fingerprint))
    total = files = unfixable = 0
    for path, keys in wanted.items():
        if not os.path.isfile(path):
            continue  # standard input under --stdin-filename: there is no file to rewrite
        try:
            done = fix_file(
                path, ruleset.for_path(path), keys, write=write, genre=ruleset.genre_for(path)
            )
        except HealthlintError as error:
            console.err(f"healthlint: error: {error}")
            unfixable += 1
            continue
        if done.applied:
            total += done.applied
            files += 1
            if not write:
                console.out(done.diff)
    verb = "Would fix" if not write else "Fixed"
    console.err(f"{verb} {plural(total, 'problem')} in {plural(files, 'file')}.")
    return total, unfixable
