"""Fixes: the edit a rule's ``fix`` makes for one finding, and applying a file's edits."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from healthlint.core.model import Edit, Hit, Post, Span
from healthlint.rules.spec import FixSpec

# A line ends in \n, \r\n or (old Mac files, some CMS exports) a lone \r.
_NEXT_LINE = re.compile(r"[ \t]*(?:\r\n?|\n)[ \t]*(?=\S)")
_LINE_END = re.compile(r"[ \t]*(?:\r\n?|\n|\Z)")
_BREAK = re.compile(r"\r\n?|\n")
_ONLY_MARKS = re.compile(r"[\W_]*")


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
        if gap is None:
            return None
        text = covered if fix.replace is None else fix.replace.format_map(args)
        if text == covered:
            return Edit(Span(hit.span.end, gap.end()), " ")
        return Edit(Span(hit.span.start, gap.end()), text + " ")
    if fix.delete_line:
        return _line_deletion(source, hit.span)
    if fix.append is not None:
        if post.format == "html":
            return None  # a paragraph of text pasted into markup would not be one
        # Stepped back in place: copying the text up to the post, for each post of a CMS
        # dump, would cost posts x text.
        end = post.span.end
        while end > 0 and source[end - 1].isspace():
            end -= 1
        newline = _newline(source)
        text = newline.join(fix.append.strip().splitlines())
        return Edit(Span(end, end), newline * 2 + text)
    if fix.replace is None:
        return None
    text = fix.replace.format_map(args)
    if fix.replace and not text:
        return None  # its placeholder has nothing for this finding (a word with no swap)
    start = hit.span.start
    if not text and not _rest_of_line(source, hit.span).strip():
        return _line_deletion(source, hit.span)  # nothing would be left on the line
    if not text:
        # Deleting a line's tail should not leave the blanks that led up to it.
        if _LINE_END.match(source, hit.span.end):
            while start > 0 and source[start - 1] in " \t":
                start -= 1
    elif covered[:1].isupper() and text[:1].islower():
        text = text[0].upper() + text[1:]  # at the start of a sentence, keep the capital
    return Edit(Span(start, hit.span.end), text)


def _line_bounds(source: str, span: Span) -> tuple[int, int]:
    """Where the lines ``span`` touches start, and where the last ends (after its break)."""
    start = source.rfind("\n", 0, span.start) + 1
    end = source.find("\n", span.end)
    return start, len(source) if end == -1 else end + 1


def _rest_of_line(source: str, span: Span) -> str:
    start, end = _line_bounds(source, span)
    return source[start : span.start] + source[span.end : end]


def _is_blank(source: str, start: int, end: int) -> bool:
    return not source[start:end].strip()


def _line_deletion(source: str, span: Span) -> Edit | None:
    """The edit deleting ``span``'s line, or None when the line holds more than ``span``
    (blanks and punctuation aside): furniture inside a sentence is the writer's to cut.
    A line that stood alone between blank lines takes one of them along, so that the
    paragraphs around it stay one blank line apart."""
    start, end = _line_bounds(source, span)
    if not _ONLY_MARKS.fullmatch(_rest_of_line(source, span)):
        return None
    before = source.rfind("\n", 0, max(start - 1, 0)) + 1 if start else 0
    blank_before = start == 0 or _is_blank(source, before, start)
    if blank_before:
        after = source.find("\n", end)
        after = len(source) if after == -1 else after + 1
        if end < len(source) and _is_blank(source, end, after):
            end = after  # the blank line under it
        elif end == len(source) and start:
            start = before  # the last line: the blank line over it
    return Edit(Span(start, end), "")


def _newline(source: str) -> str:
    """The line ending the file uses (its first), so that added lines match it."""
    found = _BREAK.search(source)
    return found.group() if found else "\n"


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
