"""JUnit XML, for CI systems that show test reports: a suite per file, a case per post.

Every text in it goes through ``visible``: XML 1.0 forbids most control characters (a
report holding one is not XML at all), and the others would reach a CI log as they are."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby

from healthlint.report import Report, visible, where


def render(report: Report) -> str:
    root = ET.Element(
        "testsuites",
        name="healthlint",
        tests=str(len(report.results)),
        failures=str(sum(1 for r in report.results if r.findings)),
    )
    root.set("errors", "0")
    for name, group in groupby(report.results, key=lambda r: r.path):
        posts = list(group)
        path = visible(name)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=path,
            tests=str(len(posts)),
            failures=str(sum(1 for p in posts if p.findings)),
            errors="0",
        )
        for post in posts:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=path,
                name=_case_name(post.title, post.record, post.line, post.end_line),
            )
            for f in post.findings:
                rule, message = visible(f.rule), visible(f.message)
                failure = ET.SubElement(
                    case, "failure", type=f"{f.severity.label}:{rule}", message=message
                )
                location = f"{visible(where(f.path, f.record))}:{f.line}:{f.column}"
                failure.text = f"{location}: {f.severity.label} {rule} {message}"
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _case_name(title: str, record: str, line: int, end_line: int) -> str:
    """A post's case: its title and lines, and the record it is of an export (whose
    lines are counted in the record's text)."""
    lines = f"lines {line}-{end_line}"
    named = f"record {record}, {lines}" if record else lines
    return f"{visible(title or '(untitled)')} ({visible(named)})"
