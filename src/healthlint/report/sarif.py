"""SARIF 2.1.0, for code-scanning dashboards (GitHub, Azure DevOps, IDE viewers)."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from healthlint import __version__
from healthlint.core.model import Finding, Severity
from healthlint.report import Report
from healthlint.report.jsontext import dumps

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(report: Report) -> str:
    fired = {f.rule for r in report.results for f in r.findings}
    # Every known rule is described, so viewers can show help for any of them.
    names = sorted(set(report.rules) | fired)
    index = {name: position for position, name in enumerate(names)}
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "healthlint",
                        "version": __version__,
                        "rules": [_rule(name, report) for name in names],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index[f.rule]) for r in report.results for f in r.findings],
            }
        ],
    }
    return dumps(document)


def _rule(name: str, report: Report) -> dict[str, Any]:
    rule = report.rules.get(name)
    if rule is None:
        return {"id": name, "name": name}
    return {
        "id": name,
        "name": name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(rule.description.split())},
        "help": {"text": rule.help},
        "defaultConfiguration": {"level": _LEVELS[Severity.parse(rule.severity)]},
        "properties": {"tags": ["health-writing", rule.kind]},
    }


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    span = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    artifact = {"artifactLocation": {"uri": _uri(finding.path)}}
    message = finding.message
    location: dict[str, Any]
    if finding.record:
        # A record of a CMS export: its lines are not the export file's, and a viewer
        # (GitHub code scanning) pins a region on the file's lines whatever a property
        # says. So the region is the export file's line where the record begins (code
        # scanning wants a startLine, and shows a result without one badly), with no
        # columns; the record is a logical location, and where in its text the finding
        # is goes in the properties and the message, which every viewer shows.
        physical: dict[str, Any] = dict(artifact)
        if finding.record_line >= 1:
            physical["region"] = {"startLine": finding.record_line}
        location = {
            "physicalLocation": physical,
            "logicalLocations": [{"fullyQualifiedName": finding.record}],
            "properties": {"recordRegion": span},
        }
        message = (
            f"Record {finding.record}, line {finding.line}, column {finding.column}: {message}"
        )
    else:
        location = {"physicalLocation": {**artifact, "region": span}}
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {"healthlint/v1": finding.fingerprint},
    }


def _uri(path: str) -> str:
    return PurePath(path).as_posix()
