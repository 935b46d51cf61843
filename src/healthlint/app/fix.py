"""``check --fix``: rewriting a file with the fixes of its findings, or showing them.

``--fix`` makes the safe fixes (layout, list markers, furniture); ``--unsafe-fixes`` adds
those that change wording, and a dry run marks each hunk that holds one."""

from __future__ import annotations

import codecs
import difflib
import os
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from healthlint.core.errors import HealthlintError
from healthlint.core.lines import LineIndex
from healthlint.core.model import DEFAULT_GENRE
from healthlint.engine.edits import apply_edits, chosen
from healthlint.engine.lint import lint_document
from healthlint.files.atomic import remove_stale_temporaries, replace_file
from healthlint.files.discover import inside
from healthlint.files.inputs import decode, read_bytes
from healthlint.parse import parse_document
from healthlint.rules.spec import RuleSpec

if TYPE_CHECKING:
    from healthlint.app.check import Console
    from healthlint.config.ruleset import RuleSet
    from healthlint.core.model import Edit, PostResult

_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? ")


@dataclass(frozen=True, slots=True)
class FileFix:
    """What ``--fix`` did (or, dry, would do) to one file."""

    path: str
    applied: int
    diff: str
    unsafe: int = 0
    """How many of the ``applied`` fixes change wording."""


def fix_file(
    path: str,
    rules: Sequence[RuleSpec],
    wanted: Collection[tuple[str, str]],
    *,
    write: bool,
    genre: str = DEFAULT_GENRE,
    unsafe: bool = False,
) -> FileFix:
    """Fix the findings of ``path`` whose (rule, fingerprint) is in ``wanted``; their
    unsafe fixes too with ``unsafe``.

    The file is read and linted again, so the edits fit the bytes being rewritten even if
    the file changed since it was reported, and it is rewritten only if it has not changed
    since (``replace_file``: in one step, through a link to its target, keeping hard links,
    owner, mode, line endings and byte-order mark). With ``write`` false nothing is
    written and the diff says what would change.
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
    fixing = {
        finding.fix: finding.rule
        for result in lint_document(document, rules, genre=genre)
        for finding in result.findings
        if finding.fix is not None
        and (unsafe or finding.fix.safe)
        and (finding.rule, finding.fingerprint) in wanted
    }
    made = chosen(fixing)
    fixed, applied = apply_edits(source, made)
    if not applied:
        return FileFix(path, 0, "")
    diff = "".join(
        _marked(
            difflib.unified_diff(
                source.splitlines(keepends=True),
                fixed.splitlines(keepends=True),
                fromfile=f"a/{path}",
                tofile=f"b/{path}",
            ),
            _unsafe_lines(source, made, fixing),
        )
    )
    if write:
        # Made only if the file still holds what the fixes were made from: an editor's
        # change since it was read is never lost.
        replace_file(Path(path), data, (("\ufeff" if bom else "") + fixed).encode("utf-8"))
    return FileFix(path, applied, diff, sum(1 for edit in made if not edit.safe))


def _unsafe_lines(
    source: str, made: Sequence[Edit], rules: dict[Edit, str]
) -> list[tuple[int, int, str]]:
    """The first and last line (1-based) of each unsafe edit, with its rule."""
    lines = LineIndex(source)
    return [
        (
            lines.line_of(edit.span.start),
            lines.line_of(max(edit.span.start, edit.span.end - 1)),
            rules[edit],
        )
        for edit in made
        if not edit.safe
    ]


def _marked(diff: Iterable[str], unsafe: Sequence[tuple[int, int, str]]) -> Iterator[str]:
    """The diff with each hunk that holds an unsafe fix marked after its ``@@`` header,
    where ``patch`` and ``git apply`` allow a note (they show a function's name there)."""
    for line in diff:
        match = _HUNK.match(line) if unsafe else None
        if match:
            first = int(match[1])
            last = first + max(int(match[2] if match[2] is not None else 1), 1) - 1
            rules = sorted({rule for start, end, rule in unsafe if start <= last and end >= first})
            if rules:
                line = f"{line.rstrip()} unsafe fix, changes wording: {', '.join(rules)}\n"
        yield line


def fix_results(
    results: Sequence[PostResult],
    ruleset: RuleSet,
    console: Console,
    *,
    write: bool,
    unsafe: bool = False,
    roots: Sequence[str] = (".",),
) -> tuple[int, int]:
    """Fix (or, not writing, print as a diff) the fixable findings, the unsafe ones only
    with ``unsafe``: how many there were, and how many files could not be fixed (each said
    on ``console``; the others still are).

    Only files inside ``roots`` (the paths given on the command line) are rewritten: a
    file reached through a link that leads out of them is refused.
    """
    import time

    from healthlint.report import plural, visible_lines

    started = time.time()
    allowed = [os.path.realpath(root) for root in roots if root != "-"]
    cleaned: set[str] = set()
    wanted: dict[str, set[tuple[str, str]]] = {}
    hidden = 0
    for result in results:
        for finding in result.findings:
            if finding.fix is not None and (unsafe or finding.fix.safe):
                wanted.setdefault(finding.path, set()).add((finding.rule, finding.fingerprint))
            elif finding.fix is not None and os.path.isfile(finding.path):
                hidden += 1
    total = files = unfixable = wording = 0
    for path, keys in wanted.items():
        if not os.path.isfile(path):
            continue  # standard input under --stdin-filename: there is no file to rewrite
        target = os.path.realpath(path)
        if write and not any(inside(target, root) for root in allowed):
            console.err(
                f"healthlint: error: {path}: leads to {target}, outside the paths given; not fixed"
            )
            unfixable += 1
            continue
        folder = os.path.dirname(target)
        if write and folder not in cleaned:
            cleaned.add(folder)
            remove_stale_temporaries(Path(folder), started)
        try:
            done = fix_file(
                path,
                ruleset.for_path(path),
                keys,
                write=write,
                genre=ruleset.genre_for(path),
                unsafe=unsafe,
            )
        except HealthlintError as error:
            console.err(f"healthlint: error: {error}")
            unfixable += 1
            continue
        if done.applied:
            total += done.applied
            wording += done.unsafe
            files += 1
            if not write:
                console.out(visible_lines(done.diff))
    verb = "Would fix" if not write else "Fixed"
    line = f"{verb} {plural(total, 'problem')} in {plural(files, 'file')}."
    if wording:
        changed = "would change" if not write else "changed"
        line += f" {wording} of them {changed} wording: review {'it' if wording == 1 else 'them'}."
    if hidden:
        if hidden == 1:
            line += " 1 unsafe fix left out: it changes wording (--unsafe-fixes makes it)."
        else:
            line += (
                f" {hidden} unsafe fixes left out: they change wording (--unsafe-fixes makes them)."
            )
    console.err(line)
    return total, unfixable
