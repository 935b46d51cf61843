"""The schema every rule file follows; each kind extends it with its own parameters.

Rules are frozen dataclasses, so that a run that only checks posts (with a rule set kept
from an earlier run, see ``healthlint.cache.rules``) imports nothing heavy. pydantic
validates rule files into them (``healthlint.rules.validate``): it reads the field types and
the ``Regex`` marker below and ``Constraint`` (from ``rules.validate``) only then.

Rule files are validated strictly (unknown keys are errors) so that a typo in a content
team's rule is caught when the rule loads, not silently ignored.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from healthlint.core.model import DEFAULT_GENRE, Applicability, Genre
from healthlint.core.pattern import Pattern
from healthlint.core.regex import MAX_PATTERN_LENGTH, checked_compile, trie
from healthlint.rules.validate import STRICT, Constraint

if TYPE_CHECKING:
    from healthlint.core.model import Hit, Post
    from healthlint.language.prose import Prose

RULE_NAME = r"^[a-z0-9][a-z0-9-]*$"


class _Pattern:
    """A regular expression, compiled (and checked) when the rule is validated; a stored
    rule set compiles it again only when a post is searched with it."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        # In a JSON schema (``healthlint schema``) a pattern is a string.
        return core_schema.no_info_plain_validator_function(
            _compile, json_schema_input_schema=core_schema.str_schema()
        )


def _compile(value: object) -> Pattern:
    if isinstance(value, Pattern):
        return value
    if isinstance(value, re.Pattern):
        return Pattern.of(value)
    if not isinstance(value, str):
        raise ValueError("must be a regular expression string")
    if len(value) > MAX_PATTERN_LENGTH:
        raise ValueError(
            f"regular expression of {len(value):,} characters: the limit is "
            f"{MAX_PATTERN_LENGTH:,} (list many words under 'words' instead)"
        )
    try:
        # Prose is matched without regard to case; a rule can opt out with (?-i:...).
        compiled, risk = checked_compile(value, re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"bad regular expression {value!r}: {error}") from None
    except (RecursionError, OverflowError) as error:
        # Python's parser recurses per nested group and refuses huge repeat counts.
        problem = "groups nested too deeply" if isinstance(error, RecursionError) else error
        shown = value if len(value) <= 60 else value[:60] + "…"
        raise ValueError(f"bad regular expression {shown!r}: {problem}") from None
    if risk is not None:
        raise ValueError(f"regular expression {value!r} can take exponential time: {risk}")
    return Pattern.of(compiled)


Regex = Annotated[Pattern, _Pattern()]
NonEmpty = Annotated[str, Constraint(min_length=1)]


def check_placeholders(key: str, template: str, offered: frozenset[str]) -> None:
    """Refuse a message template (the value of ``key``) that uses a placeholder the rule
    does not fill in."""
    fields = {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}
    unknown = sorted(fields - offered)
    if unknown:
        names = ", ".join("{" + a + "}" for a in sorted(offered)) or "none"
        raise ValueError(
            f"{key} uses unknown placeholder {{{unknown[0]}}} (this kind offers {names})"
        )


MAX_WORDS = 10_000
"""The most words a rule may list: as one trie, 10,000 words compile in about half a second
and search a long post quickly; the built-in rules list at most a few dozen."""


def check_word_count(key: str, count: int) -> None:
    if count > MAX_WORDS:
        raise ValueError(f"{key} lists {count:,} words: the limit is {MAX_WORDS:,}")


def word_pattern(words: tuple[str, ...]) -> Pattern | None:
    """One pattern for a word list, matched on word boundaries, preferring the longest
    word at each place ("myocardial infarctions" over "myocardial infarction")."""
    cleaned = {w.strip().lower() for w in words if w.strip()}
    if not cleaned:
        return None
    return Pattern.compile(r"(?<![\w-])(?:" + trie(cleaned) + r")(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class Examples:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    fail: Annotated[tuple[str, ...], Constraint(min_length=1)]
    pass_: Annotated[tuple[str, ...], Constraint(min_length=1)]
    """Written ``pass`` in rule files (a Python keyword, so not the field's name)."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(_pass_key, handler(source))


def _pass_key(value: object) -> object:
    if isinstance(value, dict):
        if "pass_" in value:
            raise ValueError("the key is 'pass', not 'pass_'")
        if "pass" in value:
            value = dict(value)
            value["pass_"] = value.pop("pass")
    return value


@dataclass(frozen=True, kw_only=True)
class Measured:
    """How often the rule was right on real articles: a hand-checked sample of findings."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    data: NonEmpty
    per_1k_words: Annotated[float, Constraint(ge=0)]
    sample: Annotated[int, Constraint(ge=0)]
    real: Annotated[int, Constraint(ge=0)]
    note: str = ""

    def __post_init__(self) -> None:
        if self.real > self.sample:
            raise ValueError("'real' cannot exceed 'sample'")


@dataclass(frozen=True, kw_only=True)
class FixSpec:
    """The one edit that resolves a finding: ``check --fix`` makes it when it is safe,
    ``check --fix --unsafe-fixes`` also when it is not."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    replace: str | None = None
    """Replace the text the finding covers with this (message placeholders work; empty
    deletes it, with the blanks before it when nothing follows on the line)."""
    join_next_line: bool = False
    """Join the finding's line to the next one: a list marker alone on its line. With
    ``replace``, the finding's text is replaced as well (the marker the item needs)."""
    append: str | None = None
    """Add this paragraph at the end of the post (a disclaimer in the team's words)."""
    delete_line: bool = False
    """Delete the finding's line when it holds nothing else (blanks and punctuation
    aside), with a blank line beside it when the line stood alone; a finding inside a
    sentence stays for a person."""
    when: Regex | None = None
    """Fix only findings whose text matches this; the rest stay for a person."""
    applicability: Literal["safe", "unsafe"] | None = None
    """``safe``: the fix changes only layout, list markers or furniture (a "Read more"
    link), so ``check --fix`` makes it. ``unsafe``: it changes what a sentence says (a word
    swapped), so only ``check --fix --unsafe-fixes`` does. Unset: ``replace`` alone is
    unsafe; ``join_next_line`` (even with the marker replaced), ``delete_line`` and
    ``append`` (the team's own paragraph) are safe."""

    @property
    def resolved_applicability(self) -> Applicability:
        """``applicability``, or the default of the fix's action when the rule sets none:
        only a replacement of the finding's text can change a writer's words, so only it
        defaults to unsafe; joining a lone marker to its item rewrites at most the marker."""
        if self.applicability is not None:
            return self.applicability
        return "unsafe" if self.replace is not None and not self.join_next_line else "safe"

    def __post_init__(self) -> None:
        # "replace" goes alone or names what a joined line's finding becomes.
        replaces = self.replace is not None and not self.join_next_line
        actions = [replaces, self.join_next_line, self.append is not None, self.delete_line]
        if sum(actions) != 1:
            raise ValueError(
                "a fix needs exactly one of 'replace', 'join_next_line' (with or without "
                "'replace'), 'append', 'delete_line'"
            )
        if self.append is not None and not self.append.strip():
            raise ValueError("'append' needs some text")


@dataclass(frozen=True, kw_only=True)
class RuleSpec:
    """Fields every rule has, whatever its kind."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    name: Annotated[str, Constraint(pattern=RULE_NAME)]
    kind: str
    severity: Literal["error", "warning", "info"]
    message: NonEmpty
    description: NonEmpty
    why: str = ""
    references: tuple[str, ...] = ()
    enabled: bool = True
    preset: Literal["recommended", "strict"] = "recommended"
    """The smallest preset that runs the rule: ``recommended`` rules are precise enough
    for every post; ``strict`` adds those that need a human to judge their findings."""
    formats: tuple[Literal["markdown", "html", "text"], ...] = ()
    """The input formats the rule applies to; empty means all."""
    genres: tuple[Genre, ...] = ()
    """The kinds of writing the rule applies to (``blog``, ``news``); empty means all."""
    measured: Measured | None = None
    fix: FixSpec | None = None
    examples: Examples

    # The placeholders this kind fills in its message template.
    message_args: ClassVar[frozenset[str]] = frozenset()

    def __post_init__(self) -> None:
        check_placeholders("message", self.message, self.message_args)
        if self.fix is not None and self.fix.replace is not None:
            check_placeholders("fix.replace", self.fix.replace, self.message_args)

    @property
    def summary(self) -> str:
        """The description's first sentence: rule files open with a one-line summary."""
        text = " ".join(self.description.split())
        end = text.find(". ")
        return text if end == -1 else text[: end + 1]

    def unavailable_reason(self) -> str | None:
        """Why the rule cannot run here (a service it needs is not configured), or None."""
        return None

    def reads_today(self) -> Literal["day", "year", ""]:
        """How much of today's date the rule's findings depend on (the results cache is
        keyed by it): the ``day``, the ``year``, or nothing."""
        return ""

    def prepare(self) -> None:
        """Work out now what every check needs (merged and lower-cased patterns), so that a
        stored rule set keeps it and a later run does not compile it again."""

    def applies_to(self, post: Post, genre: str = DEFAULT_GENRE) -> bool:
        """Whether the rule reads this post: its format and genre are the rule's."""
        if self.genres and genre not in self.genres:
            return False
        return not self.formats or post.format in self.formats

    def check(self, post: Post, prose: Prose) -> Iterator[Hit]:
        raise NotImplementedError

    def documentation(self) -> list[str]:
        """Lines that document the rule's data beyond its fields (a relation rule's
        entries), for ``explain``."""
        return []

    def with_settings(self, settings: dict[str, Any]) -> RuleSpec:
        """A copy with some fields replaced, validated like a rule file."""
        from healthlint.rules.validate import settings_of, validate

        data = settings_of(self)
        data.update(settings)
        return validate(type(self), data)

    def format_message(self, args: dict[str, str]) -> str:
        return self.message.format_map(args)
