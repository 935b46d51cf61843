"""Property tests: any input parses and lints without error, and positions stay in the file."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthlint.config.ruleset import RuleSet
from healthlint.config.settings import Config
from healthlint.core.lines import LineIndex
from healthlint.engine.lint import lint_document
from healthlint.parse import parse_document
from healthlint.rules.loader import load_rules

_RULES = load_rules()
_PIECES = st.sampled_from(
    [
        *"ab -*•–—#>`[]()!^:<>/\n\r\t.?\"'1%",
        "<p>",
        "</p>",
        "<article>",
        "<nav>",
        "---\n",
        "```",
        "<!--",
        "-->",
        "[^1]",
        "](http://x)",
        "Studies show ",
        "prevents ",
        "may ",
        "...",
        "\u2028",
        "&amp;",
        "<!-- healthlint-disable -->",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_PIECES, max_size=60).map("".join), st.sampled_from(["a.md", "a.html", "a.txt"]))
def test_any_input_lints_with_positions_inside_the_file(text: str, name: str) -> None:
    document = parse_document(name, text)
    lines = LineIndex(text)
    for post in document.posts:
        assert len(post.masked) == len(text)
        assert post.masked.count("\n") == text.count("\n")
    results = lint_document(document, RuleSet(_RULES, Config()).for_path(name))
    for result in results:
        keys = [(f.line, f.column, f.rule) for f in result.findings]
        assert keys == sorted(keys)
        for finding in result.findings:
            assert 1 <= finding.line <= finding.end_line <= lines.line_count
            assert (finding.line, finding.column) <= (finding.end_line, finding.end_column)
    assert results == lint_document(
        parse_document(name, text), RuleSet(_RULES, Config()).for_path(name)
    )
