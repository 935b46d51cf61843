"""Rule kinds: the code behind rules. Adding a kind is one module plus one line here."""

from __future__ import annotations

from healthlint.kinds.claim import ClaimRule
from healthlint.kinds.grammar import GrammarRule
from healthlint.kinds.layout import LayoutRule
from healthlint.kinds.metadata import MetadataRule
from healthlint.kinds.metric import MetricRule
from healthlint.kinds.pattern import PatternRule
from healthlint.kinds.required import RequiredRule
from healthlint.spec import RuleSpec

KINDS: dict[str, type[RuleSpec]] = {
    "pattern": PatternRule,
    "claim": ClaimRule,
    "required": RequiredRule,
    "metric": MetricRule,
    "layout": LayoutRule,
    "metadata": MetadataRule,
    "grammar": GrammarRule,
}
