"""Titles pasted without Markdown, as a CMS leaves them: a short line of its own
("Causes" over "A migraine is caused by…") or a line in title case, not a line of wrapped
prose. The sentence splitter ends a sentence at one, and the Markdown parser a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A line of a few words with no sentence mark, then a capital.
_TITLE_LINE = re.compile(r"^[ \t]*[^\s\n][^\n]{0,99}\n(?=[ \t]*[A-Z])", re.MULTILINE)
_TITLE_CHARS = 40
_TITLE_WORDS = 6
_TITLE_CASE_WORDS = 12
_TITLE_CASE_MIN = 3
_SENTENCE_ENDS = frozenset('.!?:”"')
_SENTENCE_GOES_ON = frozenset(",;-–—(")
_TITLE_MARKS = re.compile(r"[.!?;,:(\"“‘]")
_FUNCTION_WORDS = frozenset(
    "a an the your my our their his her its this that these those and or but of to in on at "
    "for with from by as is are was were be can will would should could may might must "
    "than if when because so not no very".split()
)


def title_lines(chunk: str) -> Iterator[re.Match[str]]:
    """The lines of ``chunk`` that are titles of their own, each matched with its line
    break (the line after opens with a capital)."""
    return (m for m in _TITLE_LINE.finditer(chunk) if _is_title(chunk, m))


def _is_title(chunk: str, match: re.Match[str]) -> bool:
    """Whether a line is a title of its own, not a line of wrapped prose: it holds no
    sentence mark of its own, does not end on a word that needs more ("ask your",
    "Research suggests that") and is either short and opens the text or follows a
    finished sentence, or is in title case."""
    line = match.group().strip()
    words = line.split()
    # The last mark before the line, found in place: copying the text before every short
    # line of a long chunk would cost its length each time.
    end = match.start()
    while end and chunk[end - 1].isspace():
        end -= 1
    last = chunk[end - 1] if end else ""
    if _TITLE_MARKS.search(line) or words[-1].lower() in _FUNCTION_WORDS:
        return False
    if last in _SENTENCE_GOES_ON:
        return False
    # A line in title case is a title wherever it stands, even under another one
    # ("Introduction to Chiropractic Care and Its Wider Benefits" over "Overview of…").
    short = len(words) <= _TITLE_WORDS and len(line) <= _TITLE_CHARS
    return (short and (not last or last in _SENTENCE_ENDS)) or (
        len(words) <= _TITLE_CASE_WORDS and _title_cased(words)
    )


def _title_cased(words: list[str]) -> bool:
    """Whether every word but the small ones starts with a capital, and there are a few."""
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    return len(content) >= _TITLE_CASE_MIN and all(w[:1].isupper() for w in content)
