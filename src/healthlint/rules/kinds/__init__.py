"""Rule kinds: the code behind rules. Adding a kind is one module plus one line here."""

from __future__ import annotations

from healthlint.rules.kinds.claim import ClaimRule
from healthlint.rules.kinds.emergency import EmergencySignsRule
from healthlint.rules.kinds.grammar import GrammarRule
from healthlint.rules.kinds.layout import LayoutRule
from healthlint.rules.kinds.metadata import MetadataRule
from healthlint.rules.kinds.metric import MetricRule
from healthlint.rules.kinds.pattern import PatternRule
from healthlint.rules.kinds.product import ProductClaimRule
from healthlint.rules.kinds.relation import RelationRule
from healthlint.rules.kinds.required import RequiredRule
from healthlint.rules.kinds.suppression import SuppressionRule
from healthlint.rules.spec import RuleSpec

KINDS: dict[str, type[RuleSpec]] = {
    "pattern": PatternRule,
    "claim": ClaimRule,
    "required": RequiredRule,
    "emergency-signs": EmergencySignsRule,
    "metric": MetricRule,
    "layout": LayoutRule,
    "metadata": MetadataRule,
    "grammar": GrammarRule,
    "product-claim": ProductClaimRule,
    "relation": RelationRule,
    "suppression": SuppressionRule,
}
