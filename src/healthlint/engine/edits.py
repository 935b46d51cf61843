"""Fixes: the edit a rule's ``fix`` makes for one finding, and applying a file's edits."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from healthlint.core.model import Edit, Hit, Post, Span
from healthlint.rules.spec import FixSpec

_NEXT_LINE = re.compile(r"[ \t]*\r?\n[ \t]*(?=\S)")
_LINE_END = re.compile(r"[ \t]*(?:\r?\n|\Z)")


def edit_for(fix: FixSpec, hit: Hit, post: Post, args: Mapping[str, str]) -> Edit | None:
    """The edit that resolves ``hit``, or None when the fix does not apply to it."""
    edit = _edit(fix, hit, post, args)
    if edit is None:
        return None
    return Edit(edit.span, edit.text, fix.resolved_applicability)


def _edit(fix: FixSpec, hit: Hit, post: Post, args: Mapping[str, str]) -> Edit | None:
    source = post.source
    covered = source[hit.span.start : hit.span.end]
    if fix.when is not None and not fix.when.search(covered):
        return None
    if fix.join_next_line:
        gap = _NEXT_LINE.match(source, hit.span.end)
        return Edit(Span(hit.span.end, gap.end()), " ") if gap else None
    if fix.append is not None:
        if post.format == "html":
            return None  # a paragraph of text pasted into markup would not be one
        # Stepped back in place: copying the text up to the post, for each post of a CMS
        # dump, would cost posts x text.
        end = post.span.end
        while end > 0 and source[end - 1].isspace():
            end -= 1
        return Edit(Span(end, end), "\n\n" + fix.append.strip())
    if fix.replace is None:
        return None
    text = fix.replace.format_map(args)
    if fix.replace and not text:
        return None  # its placeholder has nothing for this finding (a word with no swap)
    start = hit.span.start
    if not text:
        # Deleting a line's tail should not leave the blanks that led up to it.
        if _LINE_END.match(source, hit.span.end):
            while start > 0 and source[start - 1] in " \t":
                start -= 1
    elif covered[:1].isupper() and text[:1].islower():
        text = text[0].upper() + text[1:]  # at the start of a sentence, keep the capital
    return Edit(Span(start, hit.span.end), text)


def apply_edits(source: str, edits: Iterable[Edit]) -> tuple[str, int]:
    """``source`` with the edits made, and how many were made. An edit that overlaps one
    before it is left out: the next run, on the changed text, can still make it."""
    pieces: list[str] = []
    position = 0
    kept = chosen(edits)
    for edit in kept:
        pieces.append(source[position : edit.span.start])
        pieces.append(edit.text)
        position = edit.span.end
    pieces.append(source[position:])
    return "".join(pieces), len(kept)


def chosen(edits: Iterable[Edit]) -> list[Edit]:
    """The edits ``apply_edits`` makes, in file order: each that overlaps none before it."""
    kept: list[Edit] = []
    position = 0
    for edit in sorted(
        set(edits), key=lambda e: (e.span.start, e.span.end, e.text, e.applicability)
    ):
        if edit.span.start < position:
            continue
        kept.append(edit)
        position = edit.span.end
    return kept
