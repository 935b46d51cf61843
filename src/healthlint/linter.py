"""One lint run: discover files, read and parse each, apply the rules that fit its path."""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from healthlint.config import RuleSet
from healthlint.discover import STDIN, discover
from healthlint.engine import lint_document
from healthlint.errors import HealthlintError
from healthlint.inputs import BinaryFileError, read_path, read_stdin
from healthlint.model import FileError, PostResult
from healthlint.parse import parse_document


@dataclass(frozen=True, slots=True)
class RunResult:
    results: tuple[PostResult, ...]
    errors: tuple[FileError, ...]
    files: int
    skipped: tuple[FileError, ...] = ()
    """Files passed over on purpose (binary files met while walking a directory)."""


def run(
    paths: Sequence[str],
    rules: RuleSet,
    *,
    stdin_name: str = "<stdin>",
    only: Collection[str] | None = None,
) -> RunResult:
    """Lint every post under ``paths``; with ``only`` (absolute paths), just those files."""
    files, errors, walked = discover(paths)
    skipped: list[FileError] = []
    if only is not None:
        files = [f for f in files if f != STDIN and os.path.abspath(f) in only]
    results: list[PostResult] = []
    linted = 0
    for path in files:
        if path != STDIN and rules.config.excluded(path):
            continue
        name = stdin_name if path == STDIN else path
        try:
            source = read_stdin() if path == STDIN else read_path(Path(path))
        except BinaryFileError as error:
            (skipped if path in walked else errors).append(
                FileError(name, _strip_name(str(error), name))
            )
            continue
        except HealthlintError as error:
            errors.append(FileError(name, _strip_name(str(error), name)))
            continue
        document = parse_document(name, source)
        results.extend(lint_document(document, rules.for_path(name), errors=errors))
        linted += 1
    return RunResult(tuple(results), tuple(errors), linted, tuple(skipped))


def _strip_name(message: str, name: str) -> str:
    return message.removeprefix(f"{name}: ")
