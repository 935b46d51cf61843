from __future__ import annotations

import pytest

from healthlint.core.regex import has_nested_quantifier


@pytest.mark.parametrize(
    ("pattern", "unsafe"),
    [
        (r"(a+)+$", True),
        (r"(x*y)*", True),
        (r"(?:(?:a|b+)c)*", True),
        (r"(?=(a+)+)", True),
        (r"x(?:y(?:z+)*)", True),
        (r"(?:\w+\s+){0,3}", False),  # a bounded outer repeat stays polynomial
        (r"a*b*", False),
        (r"(?:ab|cd)*", False),
        (r"\b(?:studies|research)\s+(?:have\s+)?shown\b", False),
        (r"(unclosed", False),  # a syntax error is the compiler's to report
    ],
)
def test_nested_quantifiers(pattern: str, unsafe: bool) -> None:
    assert has_nested_quantifier(pattern) is unsafe
