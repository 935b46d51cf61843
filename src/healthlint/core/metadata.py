"""Reading the dates a post gives, and today's date.

What a post says about itself (author, dates, reviewer) is ``Metadata``, filled in by the
parsers from front matter or HTML meta tags (``healthlint.parse.metadata``) and judged by
the metadata rules; it is defined in ``core.posts`` and found here too.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from healthlint.core.pattern import Pattern

if TYPE_CHECKING:
    from healthlint.core.posts import Metadata as Metadata


def __getattr__(name: str) -> object:
    # ``Metadata`` lives with the posts that carry it (``core.posts``), made when first
    # asked for: a run answered from the caches imports this module for ``today`` alone.
    if name == "Metadata":
        from healthlint.core import posts

        return posts.Metadata
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Compiled when a date is first read: a run answered from the caches imports this module
# for ``today`` alone, and compiling these took 2% of it.
_DATE = Pattern.lazy(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{4})/(\d{1,2})/(\d{1,2})")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "October 2024", "1 Oct 2024", "Oct. 1, 2024": written-out dates in front matter.
_WRITTEN_DATE = Pattern.lazy(
    r"(?:(\d{1,2})\s+)?\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"(?:\s+(\d{1,2})(?:st|nd|rd|th)?,?)?\s+(\d{4})\b",
    re.IGNORECASE,
)


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
