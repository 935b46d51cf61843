"""Telling Markdown from plain text when there is no file name to go by (standard input).

Plain text is what a CMS export gives, often several posts in one text, and its posts
carry bullets ("- ", "* ") as Markdown does. So list items alone do not make Markdown:
only marks that plain text does not use do: front matter at the top, an ATX heading
("# Title", the hash and a space) or an inline link ("[text](target)").
"""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:.*\r?\n)*?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_LINK = re.compile(r"\[[^\]\n]+\]\([^()\s]+(?:[ \t]+\"[^\"\n]*\")?\)")


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` carries marks of Markdown that plain text does not use."""
    return bool(_FRONT_MATTER.match(text) or _HEADING.search(text) or _LINK.search(text))
