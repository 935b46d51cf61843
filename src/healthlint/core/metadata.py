"""What a post says about itself (author, dates, reviewer), and reading its dates.

Filled in by the parsers from front matter or HTML meta tags (``healthlint.parse.metadata``);
the metadata rules judge it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from healthlint.core.model import Span
from healthlint.core.pattern import Pattern

# Compiled when a date is first read: a run answered from the caches imports this module
# for ``today`` alone, and compiling these took 3% of it.
_DATE = Pattern.lazy(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{4})/(\d{1,2})/(\d{1,2})")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "October 2024", "1 Oct 2024", "Oct. 1, 2024": written-out dates in front matter.
_WRITTEN_DATE = Pattern.lazy(
    r"(?:(\d{1,2})\s+)?\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"(?:\s+(\d{1,2})(?:st|nd|rd|th)?,?)?\s+(\d{4})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a post says about itself; ``span`` is where a finding about it should point."""

    span: Span
    declared: bool = True
    """The post has a place for metadata (front matter, an HTML head). Rules about missing
    fields only judge posts that do: a bare Markdown draft's byline and date may live in
    the CMS."""
    author: str | None = None
    published: str | None = None
    updated: str | None = None
    reviewed: str | None = None
    reviewer: str | None = None

    def get(self, name: str) -> str | None:
        value: str | None = getattr(self, name)
        return value

    def newest_date(self, names: Iterable[str]) -> dt.date | None:
        dates = [d for d in (parse_date(self.get(n)) for n in names) if d is not None]
        return max(dates) if dates else None


def today() -> dt.date:
    """The date rules measure ages from (the one place that asks the clock, so that tests
    can set it)."""
    return dt.date.today()


def parse_date(value: str | None) -> dt.date | None:
    """The first date in ``value`` (``2024-03-01``, ``2024-03-01T10:00Z``, ``2024/03/01``,
    ``1 March 2024``, ``March 2024``); None when there is none or it is not a real date."""
    if not value:
        return None
    found = _DATE.search(value)
    if found:
        parts = [int(p) for p in found.groups() if p is not None]
        year, month, day = parts[0], parts[1], parts[2]
    else:
        written = _WRITTEN_DATE.search(value)
        if not written:
            return None
        day_before, month_name, day_after, year_text = written.groups()
        year = int(year_text)
        month = _MONTHS.index(month_name.lower()) + 1
        day = int(day_before or day_after or 1)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
