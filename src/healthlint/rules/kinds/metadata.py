"""``metadata``: what a post says about itself (byline, dates, reviewer), not its prose."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal

from healthlint.core import metadata
from healthlint.core.metadata import parse_date
from healthlint.core.model import Hit, Post
from healthlint.language.prose import Prose
from healthlint.parse.metadata import DATE_FIELDS
from healthlint.rules.spec import RuleSpec
from healthlint.rules.validate import Constraint

Field_ = Literal["author", "published", "updated", "reviewed", "reviewer"]


@dataclass(frozen=True, kw_only=True)
class MetadataRule(RuleSpec):
    kind: Literal["metadata"]
    fields: Annotated[tuple[Field_, ...], Constraint(min_length=1)]
    """The post must give at least one of these (front matter, HTML meta or JSON-LD;
    a "By …" line near the top also gives the author). Posts without front matter or an
    HTML head are not judged."""
    max_age_days: Annotated[int, Constraint(ge=1)] | None = None
    """Instead: the newest date among ``fields`` must be at most this old. A post with no
    date is left to the rule that requires one."""
    min_words: Annotated[int, Constraint(ge=0)] = 0
    """Posts shorter than this (teasers, stubs) are not checked."""

    message_args: ClassVar[frozenset[str]] = frozenset({"fields", "date", "age"})

    def reads_today(self) -> Literal["day", "year", ""]:
        return "" if self.max_age_days is None else "day"

    def check(self, post: Post, prose: Prose) -> Iterator[Hit]:
        meta = post.meta
        # Plain text (a CMS dump) has nowhere to put a byline or a date, and a bare draft
        # may keep them in the CMS: only posts with front matter or a page head are judged.
        words = prose.word_count
        if meta is None or not meta.declared or not words or words < self.min_words:
            return
        where = meta.span
        if self.max_age_days is None:
            if not any(self._given(meta.get(name), name) for name in self.fields):
                yield Hit(where, {"fields": " or ".join(self.fields)}, post_level=True)
            return
        dates = [(d, n) for n in self.fields if (d := parse_date(meta.get(n))) is not None]
        if not dates:
            return
        newest, name = max(dates)
        age = (metadata.today() - newest).days
        if age > self.max_age_days:
            years = age / 365.25
            told = f"{years:.0f} years" if years >= 2 else f"{age} days"
            args = {"fields": name, "date": newest.isoformat(), "age": told}
            yield Hit(where, args, post_level=True)

    @staticmethod
    def _given(value: str | None, name: str) -> bool:
        """A field is given when it has a value; a date field, when the value is a date."""
        if name in DATE_FIELDS:
            return parse_date(value) is not None
        return bool(value)
