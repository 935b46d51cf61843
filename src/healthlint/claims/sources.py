"""What counts as pointing at a source, in text: citation marks and named sources.

Markup that links somewhere (a Markdown link, a footnote reference, an ``<a href>``) is
found by the parsers and kept on the Post; these patterns find the sources that are
written out in words.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from healthlint.core.lines import LineIndex, split_lines
from healthlint.core.model import Span
from healthlint.core.pattern import Pattern
from healthlint.language.prefilter import FastPattern, lower_text

if TYPE_CHECKING:
    from healthlint.language.prose import Prose, Sentence

# Citation-shaped text that counts as a source wherever a rule looks for one: bracketed
# reference numbers, author-year citations, DOIs, PubMed ids and web addresses. One pattern
# each rather than one alternation: Python's engine skips straight to a pattern's first
# literal characters ("doi:", "http"), which makes these about twenty times faster to
# search a post for.
CITATION_MARKS: tuple[Pattern, ...] = tuple(
    Pattern.lazy(pattern)
    for pattern in (
        r"\[\d+(?:[,–-]\s*\d+)*\]",
        r"\([A-Z][^()]{0,80}?(?:et al\.?|&|and)?[^()]{0,40}?,?\s(?:19|20)\d{2}[a-z]?\)",
        r"doi:\s*10\.\d{4,}",
        r"10\.\d{4,}/\S+",
        r"PMID:?\s*\d+",
        r"PMC\d{5,}",
        # A web address written out without markup: "SOURCE: bit.ly/2lsKXgQ".
        r"https?://\S+",
        r"www\.\S+",
        r"\.(?:ly|com|org|gov|edu|net|int|io)/\S+",
    )
)
# A study or report with its year: enough for a news story, whose lede names the study;
# a blog's "a 2019 study found" names nothing a reader could look up.
DATED_SOURCE = Pattern.lazy(
    r"\b(?:19|20)\d{2}\b[^.!?]{0,60}?\b(?:study|studies|trial|review|report|survey|analysis"
    r"|meta-analysis|paper|guidelines?|statement|data)\b"
    r"|\b(?:study|trial|review|report|survey|analysis|paper|guidelines?)\b[^.!?]{0,80}?"
    r"\b(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
# ...which a blog names by who did it: "a review by Australia's National Health and
# Medical Research Council", "a study from Harvard Medical School".
CREDITED_SOURCE = Pattern.lazy(
    r"\b(?:study|studies|research|review|report|survey|analysis|meta-analysis|paper|trial"
    r"|guidelines?)"
    # Paid for is not done by: "a study funded by Big Sugar"; nor is a shop's own survey.
    r"\s+(?:(?!(?:funded|sponsored|commissioned|paid|backed)\b)\w+\s+){0,2}?(?:by|from) (?:the )?"
    r"(?!(?-i:Our|My|We|Us)\b)(?-i:[A-Z][\w'’.-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?[A-Z])",
    re.IGNORECASE,
)
# A named source: a journal, a public health body.
NAMED_SOURCE = Pattern.lazy(
    r"\b(?:published|appeared|reported) (?:in|by) (?:the )?(?-i:[A-Z])"
    r"|\baccording to (?:the |a |an )?(?:\w+ ){0,3}?(?:(?:from|by|of) (?:the )?)?"
    r"(?-i:[A-Z][\w.&-]+)"
    r"|(?-i:\b(?:CDC|WHO|NIH|NHS|FDA|NICE|USPSTF|JAMA|BMJ|NEJM|Lancet|Cochrane|PLOS"
    r"|New England Journal of Medicine|Mayo Clinic|World Health Organization"
    r"|Centers for Disease Control|National Institutes? of Health|Food and Drug Administration"
    r"|American (?:Heart|Cancer|Diabetes|Medical) Association|American Academy of [A-Z]\w+)\b)",
    re.IGNORECASE,
)


# An identified study, as a news lede introduces it: "a study published Wednesday in…",
# "presented at the American Heart Association meeting", "researchers at Duke University".
STUDY_REFERENCE = Pattern.lazy(
    # "the study, published Oct. 25 in the European Heart Journal"
    r"\b(?:study|trial|review|analysis|report|paper|research|findings|results),?\s+"
    r"(?:[\w.,]+\s+){0,3}?"
    r"(?:published|presented|released|appearing|appears?|reported|posted|led by|funded by)\b"
    # "the Oct. 9 issue of Neurology"
    r"|\bissue of (?:the )?(?-i:[A-Z])"
    # A news agency's source line: "SOURCE: Neurology, online March 1, 2017.", or a
    # sidebar's "Source: American Cancer Society".
    r"|(?m:^\W*sources?:[^\n]*?\b(?:19|20)\d\d\b)"
    r"|\bsources?:\s+(?:the\s+)?(?-i:[A-Z][\w.&'-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w.&'-]*)+)"
    r"|\b(?:presented|published) (?:[\w.,]+ ){0,3}?(?:at|in) (?:the )?(?-i:[A-Z])"
    r"|\b(?:annual|scientific) (?:meeting|conference|congress|sessions?)\b"
    # "a study in the Annals of Thoracic Surgery", "new research in Neurology"
    r"|\b(?:study|trial|review|analysis|report|paper|research|findings)\s+(?:\w+\s+){0,2}?"
    r"in\s+(?:the\s+)?(?-i:(?:Annals|Archives|Journal|Proceedings|Neurology|Pediatrics"
    r"|Circulation|Nature|Science|Cell|Cancer|Radiology|Gastroenterology|Hypertension|Stroke"
    r"|Diabetes Care|Obstetrics|Health Affairs|PLoS|PLOS)\b)"
    r"|\bin the (?:journal|proceedings) (?:of )?(?-i:[A-Z])|\bjournal (?-i:[A-Z])"
    r"|(?-i:\bJournal of\b)"
    r"|\b(?:researchers|scientists|investigators|team|doctors) (?:at|from|of|led by) "
    r"(?:the )?(?-i:[A-Z])",
    re.IGNORECASE,
)


def cites(text: str, lowered_text: str | None = None, *, dated: bool = True) -> bool:
    """Whether the text has a citation mark or names a source (a journal, a public health
    body; with ``dated``, as a news story names it, a study with its year; without, as a
    blog must, a study with who did it). ``lowered_text`` is ``lower_text(text)``, if
    known."""
    if any(p.search(text) for p in CITATION_MARKS):
        return True
    if lowered_text is None:
        lowered_text = lower_text(text)
    named, _, dated_source, credited = _searchers()
    return named.search(text, lowered_text) or (dated_source if dated else credited).search(
        text, lowered_text
    )


def names_source(text: str, lowered_text: str | None = None, *, dated: bool = True) -> bool:
    """``cites``, or the text identifies a study as a news story does ("the study,
    published in…", "researchers at Duke University"). ``lowered_text`` and ``dated`` as
    for ``cites``."""
    if lowered_text is None:
        lowered_text = lower_text(text)
    return cites(text, lowered_text, dated=dated) or _searchers()[1].search(text, lowered_text)


@functools.cache
def _searchers() -> tuple[FastPattern, FastPattern, FastPattern, FastPattern]:
    """The named-source patterns, each first searched case-blind in the lower-cased text
    (about ten times faster for the parts that mind case, "published in (?-i:[A-Z])").
    Made on first use, as a compiled pattern is: a run without claims does not pay."""
    return (
        FastPattern.of(NAMED_SOURCE),
        FastPattern.of(STUDY_REFERENCE),
        FastPattern.of(DATED_SOURCE),
        FastPattern.of(CREDITED_SOURCE),
    )


# A post's reference list: what follows a line that is only its heading ("References",
# "Sources:", "## Further reading") names sources, and a paper's title there ("Vinegar
# improves insulin sensitivity…") is no claim of the post's own.
_REFERENCE_HEADING = Pattern.lazy(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?(?:references|sources|bibliography|citations"
    r"|works\s+cited|further\s+reading|studies\s+cited|reference\s+list|scientific\s+references"
    r"|selected\s+references)(?:\*\*|__)?[ \t]*:?[ \t]*\r?$",
    re.IGNORECASE | re.MULTILINE,
)
# ...and a reference entry on a line of its own, wherever it is: its authors, each a
# surname and initials, then a period, and a year after a journal's name ("1. Johnston CS,
# Kim CM, et al. Vinegar improves… Diabetes Care. 2004;27:281."), or authors and a year in
# brackets ("Smith, J. A., & Lee, K. (2019)."). Not "Vitamin D, zinc and…": a capital
# after a word is an initial only where a list of authors goes on.
_AUTHOR = r"(?-i:(?:[a-z]{1,3}\s)?[A-Z][\w'’-]+\s[A-Z]{1,3})"
_APA_AUTHOR = r"(?-i:[A-Z][\w'’-]+),\s(?-i:(?:[A-Z]\.\s?){1,3})"
_REFERENCE_ENTRY = Pattern.lazy(
    rf"\W*(?:\[?\d+[.)\]]\s*)?(?:{_AUTHOR}(?:,\s{_AUTHOR})*(?:,?\set\sal)?\.\s"
    r"(?=.*?\.\s*(?:19|20)\d{2}\b)"
    rf"|{_APA_AUTHOR}(?:,?\s(?:&|and)\s{_APA_AUTHOR})*\s*\((?:19|20)\d{{2}})"
)


# What makes the section under such a heading a list of references, not food "Sources"
# of a vitamin: a year, a web address, a DOI, a PubMed id or "et al.".
_CITES = Pattern.lazy(
    r"\b(?:19|20)\d{2}\b|https?://|www\.|\bdoi\b|\bpmid\b|\bet\s+al\b", re.IGNORECASE
)


def in_reference_list(prose: Prose, sentence: Sentence) -> bool:
    """Whether the sentence lies in the post's reference list, or on a line of its own that
    is a reference entry (see ``_REFERENCE_HEADING`` and ``_REFERENCE_ENTRY``)."""
    start = sentence.span.start
    if any(
        s.start <= start < s.end for s in prose.memo(("reference-lists",), lambda: _lists(prose))
    ):
        return True
    lines, entries = prose.memo(("reference-entries",), lambda: _entries(prose))
    return lines.line_of(start - prose.post.span.start) in entries


def _entries(prose: Prose) -> tuple[LineIndex, frozenset[int]]:
    """The post's lines, and which of them (by number, counted in the post) are reference
    entries."""
    post = prose.post
    text = post.masked[post.span.start : post.span.end]
    lines = LineIndex(text)
    entries = frozenset(
        number
        for number, line in enumerate(split_lines(text), 1)
        if _REFERENCE_ENTRY.match(
            text, lines.line_start(number), lines.line_start(number) + len(line)
        )
    )
    return lines, entries


def _lists(prose: Prose) -> tuple[Span, ...]:
    """The post's reference lists: from each heading of one to the next Markdown heading
    or the post's end, when what it holds cites something."""
    post = prose.post
    found: list[Span] = []
    for heading in _REFERENCE_HEADING.finditer(post.masked, post.span.start, post.span.end):
        end = min(
            (h.start for h in post.headings if h.start > heading.end()), default=post.span.end
        )
        section = Span(heading.start(), end)
        if _CITES.search(post.masked, heading.end(), end) or prose.citations_in(section):
            found.append(section)
    return tuple(found)
