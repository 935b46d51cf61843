"""Input formats: each parser turns one file's text into Posts; the suffix picks the parser."""

from __future__ import annotations

from healthlint.core.formats import format_for
from healthlint.core.model import Document, Post
from healthlint.parse.directives import find_directives


def parse_document(path: str, source: str, fmt: str | None = None) -> Document:
    fmt = fmt or format_for(path)
    posts: tuple[Post, ...]
    # Each parser is imported when a file of its format comes: a run over Markdown posts
    # does not load the HTML one.
    if fmt == "markdown":
        from healthlint.parse.markdown import parse_markdown

        posts = (parse_markdown(path, source),)
    elif fmt == "html":
        from healthlint.parse.html import parse_html

        posts = (parse_html(path, source),)
    elif fmt == "text":
        from healthlint.parse.text import parse_text

        posts = tuple(parse_text(path, source))
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return Document(path=path, source=source, posts=posts, directives=find_directives(source))
