"""YAML front matter at the top of a Markdown post: not prose, but its title names the post."""

from __future__ import annotations

import re
from dataclasses import dataclass

from healthlint.core.model import Span

_FENCE = re.compile(r"\A---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    span: Span
    data: dict[str, object]
    title_span: Span | None

    @property
    def title(self) -> str | None:
        value = self.data.get("title")
        return str(value).strip() if value is not None and str(value).strip() else None


def find_front_matter(source: str) -> FrontMatter | None:
    """The front matter block, or None when the post has none (or never closes it).

    Malformed YAML still counts as front matter (it is fenced, so it is not prose); it just
    yields no title. YAML too large or deep to read raises ``TooComplex``, its line that of
    the post: no CMS writes it, and ignoring it would report the post's dates and byline as
    missing.
    """
    opening = _FENCE.match(source)
    if not opening:
        return None
    closing = _CLOSE.search(source, opening.end())
    if not closing:
        return None
    body = source[opening.end() : closing.start()]
    # Only posts with front matter need a YAML parser: not imported for those without.
    from healthlint.files.limits import TooComplex
    from healthlint.files.yamlio import YAMLError, load_yaml

    try:
        loaded = load_yaml(body)
    except TooComplex as error:
        line = None if error.line is None else error.line + 1  # after the opening fence
        raise TooComplex(str(error), line) from None
    except YAMLError:
        loaded = None
    data = {str(k): v for k, v in loaded.items()} if isinstance(loaded, dict) else {}
    title_match = re.search(r"^title[ \t]*:[ \t]*(.+?)[ \t]*$", body, re.MULTILINE)
    title_span = None
    if title_match:
        start = opening.end() + title_match.start(1)
        title_span = Span(start, opening.end() + title_match.end(1))
    return FrontMatter(Span(0, closing.end()), data, title_span)
