"""The side of a parallel run that lives in the worker processes.

Each worker receives the rule set once, when it starts, instead of with every file; that
state lives only in the worker process.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from healthlint.app.run import FileOutcome
    from healthlint.cache.results import Cache
    from healthlint.config.ruleset import RuleSet
    from healthlint.core.model import Record
    from healthlint.files.exports import RecordError

_state: dict[str, object] = {}


def start(rules: RuleSet, cache: Cache | None) -> None:
    _state["rules"] = rules
    _state["cache"] = cache


def lint(task: tuple[str, bool]) -> FileOutcome:
    from healthlint.app.run import _lint_file

    path, walked = task
    return _lint_file(path, walked, _state["rules"], _state["cache"])  # type: ignore[arg-type]


def lint_records(path: str, records: list[Record | RecordError]) -> list[FileOutcome]:
    from healthlint.app.exports import record_outcome

    rules: RuleSet = _state["rules"]  # type: ignore[assignment]
    return [record_outcome(path, record, rules) for record in records]
