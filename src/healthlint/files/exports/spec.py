"""What a user says about an export (its kind, which fields hold what) and what reading
one record can go wrong with: shared by the three readers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from healthlint.core.errors import HealthlintError
from healthlint.files.inputs import MB

ExportKind = Literal["wxr", "jsonl", "csv"]
KINDS: tuple[ExportKind, ...] = get_args(ExportKind)
TextFormat = Literal["markdown", "html", "text"]
TEXT_FORMATS: tuple[TextFormat, ...] = get_args(TextFormat)

FIELDS = ("text", "id", "title", "author", "published", "updated")
"""The fields a JSON Lines or CSV export is read by, each named by an ``<name>_field``
option of ``ExportSpec`` (``--<name>-field`` on the command line)."""

DEFAULT_TEXT_FORMAT: dict[ExportKind, TextFormat] = {
    "wxr": "html",
    # CMS bodies exported as JSON or CSV are HTML far more often than Markdown (the
    # WordPress REST API, Ghost, Drupal); a body read in the wrong format is linted as
    # nearly empty, so the option is documented next to the default.
    "jsonl": "html",
    "csv": "html",
}
DEFAULT_POST_TYPES = ("post",)
DEFAULT_STATUSES = ("publish",)


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportFields:
    """Which field of an export holds what, and which of its items are read: what a user
    says about an export (the command line's ``--*-field``, ``--text-format``,
    ``--post-type`` and ``--status``), shared by ``ExportSpec`` and the options the
    command line and the API collect before an export's kind is known."""

    text_field: str | None = None
    id_field: str | None = None
    title_field: str | None = None
    author_field: str | None = None
    published_field: str | None = None
    updated_field: str | None = None
    text_format: TextFormat | None = None
    post_types: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class ExportSpec(ExportFields):
    """How to read an export.

    For JSON Lines and CSV, each ``*_field`` names the key or column holding that part of
    a post; ``None`` means the field of the same name (``text``, ``id``, ``title``,
    ``author``, ``published``, ``updated``), used when the export has it. A field named
    here must be in a CSV export's header; the text field always must. A WordPress
    export's fields are fixed; ``post_types`` and ``statuses`` choose its items
    (published posts by default). ``text_format`` is how the text is written: HTML unless
    given.
    """

    kind: ExportKind

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise HealthlintError(
                f"unknown export kind {self.kind!r}; expected one of {', '.join(KINDS)}"
            )
        if self.text_format is not None and self.text_format not in TEXT_FORMATS:
            raise HealthlintError(
                f"unknown text format {self.text_format!r}; "
                f"expected one of {', '.join(TEXT_FORMATS)}"
            )
        for name in FIELDS:
            value = self.named(name)
            if value is None:
                continue
            option = f"--{name}-field"
            if self.kind == "wxr":
                raise HealthlintError(
                    f"{option} is for JSON Lines and CSV exports; "
                    "a WordPress export's fields are fixed"
                )
            if not value.strip():
                raise HealthlintError(f"{option} needs a field name")
        for option, values in (("--post-type", self.post_types), ("--status", self.statuses)):
            if values is None:
                continue
            if self.kind != "wxr":
                raise HealthlintError(f"{option} is for WordPress exports only")
            if not values or not all(v.strip() for v in values):
                raise HealthlintError(f"{option} needs a value")

    def named(self, name: str) -> str | None:
        """The field the user named for ``name`` (``text``, ``id``…), if they named one."""
        value: str | None = getattr(self, f"{name}_field")
        return value

    def field(self, name: str) -> str:
        """The key or column read for ``name``: the one named, else ``name`` itself."""
        return self.named(name) or name

    @property
    def format(self) -> TextFormat:
        return self.text_format or DEFAULT_TEXT_FORMAT[self.kind]

    @property
    def wanted_post_types(self) -> tuple[str, ...]:
        return self.post_types if self.post_types is not None else DEFAULT_POST_TYPES

    @property
    def wanted_statuses(self) -> tuple[str, ...]:
        return self.statuses if self.statuses is not None else DEFAULT_STATUSES


@dataclass(frozen=True, slots=True)
class RecordError:
    """A record that could not be read; the records after it are read on.

    ``number`` counts the export's records from 1 (items of a WordPress export, non-blank
    lines of JSON Lines, rows of a CSV below its header), ``line`` is the file's line
    where the record starts, ``id`` names it when that much could be read.
    """

    path: str
    number: int
    line: int
    message: str
    id: str = ""

    def __str__(self) -> str:
        named = f" ({self.id})" if self.id else ""
        return f"{self.path}:{self.line}: record {self.number}{named}: {self.message}"


def limit_text(limit: int) -> str:
    """A size limit as a reader's error says it: ``64 MB``, ``1000 bytes``."""
    return f"{limit // MB} MB" if limit >= MB else f"{limit} bytes"


def unnamed_id(number: int) -> str:
    """The name in reports of record ``number`` when it has no id: ``record-6``. Reports
    write it after ``export.jsonl#``, where a bare ``6`` would read as a record whose id is
    6 and ``#6`` would double the hash."""
    return f"record-{number}"
