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
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(finding.path)},
            "region": {
                "startLine": finding.line,
                "startColumn": finding.column,
                "endLine": finding.end_line,
                "endColumn": finding.end_column,
            },
        }
    }
    if finding.record:
        # A record of a CMS export: the artifact is the export, the record a logical
        # location in it, and the region's lines and columns count in the record's text.
        location["logicalLocations"] = [{"fullyQualifiedName": finding.record}]
        location["properties"] = {"regionIn": "record"}
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {"healthlint/v1": finding.fingerprint},
    }


def _uri(path: str) -> str:
    return PurePath(path).as_posix()
