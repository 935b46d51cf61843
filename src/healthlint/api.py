"""healthlint's Python API: load a configuration and its rules once, then lint texts,
files and the records of a CMS export into plain data (docs/api.md).

Every name in ``__all__`` is covered by the semantic-versioning promise: it changes in an
incompatible way only in a major release. Anything else in the package may change in any
release. This module only gathers the names; the work is done in ``healthlint.app``.
"""

from __future__ import annotations

from healthlint.app.exports import ExportOptions, read_export
from healthlint.app.linter import Linter, LintRun
from healthlint.core.errors import HealthlintError
from healthlint.core.metadata import Metadata
from healthlint.core.model import FileError, Record, Span
from healthlint.core.plain import Finding, PostReport
from healthlint.files.exports import RecordError

__all__ = [
    "ExportOptions",
    "FileError",
    "Finding",
    "HealthlintError",
    "LintRun",
    "Linter",
    "Metadata",
    "PostReport",
    "Record",
    "RecordError",
    "Span",
    "read_export",
]
