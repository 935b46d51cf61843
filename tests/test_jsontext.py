"""The JSON text of the json and sarif reports: valid, indented, one record per line."""

from __future__ import annotations

import json

from healthlint.report.jsontext import dumps


def test_records_stay_on_one_line_and_containers_are_indented() -> None:
    document = {
        "posts": [{"path": "a.md", "findings": [{"rule": "r", "line": 2}, {"rule": "s"}]}],
        "empty": [],
        "summary": {"errors": 0},
    }
    assert dumps(document) == (
        "{\n"
        '  "posts": [\n'
        "    {\n"
        '      "path": "a.md",\n'
        '      "findings": [\n'
        '        {"rule": "r", "line": 2},\n'
        '        {"rule": "s"}\n'
        "      ]\n"
        "    }\n"
        "  ],\n"
        '  "empty": [],\n'
        '  "summary": {"errors": 0}\n'
        "}\n"
    )


def test_round_trips_any_value() -> None:
    document = {"text": 'café "quoted"\n', "nested": [[1, [2]], {"a": {"b": None}}], "n": 1.5}
    assert json.loads(dumps(document)) == document
    assert dumps("plain") == '"plain"\n'
