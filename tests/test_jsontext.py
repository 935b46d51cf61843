"""The JSON text of the json and sarif reports: valid, indented, one record per line."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from healthlint.report.jsontext import _UNSAFE, _safe, dumps


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


_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
)
_JSON = st.recursive(
    _LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON)
def test_each_value_is_written_as_the_json_module_writes_it(value: object) -> None:
    # The report's own encoder (made once, with fast paths for strings and numbers) must
    # write what json.dumps does, with what a terminal acts on escaped.
    plain = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    expected = _UNSAFE.sub(_safe, plain)
    if not isinstance(value, (dict, list)) or not value:
        assert dumps(value) == expected + "\n"
    # Indented differently when nested, the same data (NaN compared as text).
    assert json.dumps(json.loads(dumps(value))) == json.dumps(json.loads(expected))


def test_what_a_terminal_acts_on_is_escaped_wherever_it_is() -> None:
    document = {"a\x9b": ["x\x7fy", {"k": "\udcff"}], "b": {"c\x85": [1]}, "d": True}
    text = dumps(document)
    assert text.isascii() or not any(ch in text for ch in "\x7f\x85\x9b\udcff")
    assert "\\u007f" in text and "\\u009b" in text and "\\u0085" in text and "\ufffd" in text
