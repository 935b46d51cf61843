"""Input formats: each parser turns one file's text into Posts; the suffix picks the parser."""

from __future__ import annotations

from dataclasses import replace

from healthlint.core.formats import format_for
from healthlint.core.model import Document, Post, Record
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


def parse_record(path: str, record: Record) -> Document:
    """One record of the CMS export at ``path``: its text read in its format, with the
    title and metadata the export gives it (where it gives them) in place of what its
    text says, so that the metadata rules see the CMS's own fields.

    The title goes to the first post only: plain text may hold several, each with its own
    heading. A title that is not the text's own has no place in the text to point at."""
    document = parse_document(path, record.text, record.format)
    posts = list(document.posts)
    for index, post in enumerate(posts):
        if record.title and index == 0 and record.title != post.title:
            post = replace(post, title=record.title, title_span=None)
        if record.meta is not None:
            post = replace(post, meta=record.meta)
        posts[index] = post
    return replace(document, posts=tuple(posts), record=record.id, record_line=record.line)
