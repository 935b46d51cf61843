"""JSON Schemas for rule files and the config: they accept what healthlint accepts."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from healthlint.cli import main
from healthlint.config.schema import config_schema
from healthlint.core.errors import HealthlintError
from healthlint.files.yamlio import load_yaml
from healthlint.rules.loader import builtin_rules_dir, parse_rule
from healthlint.rules.schema import rule_schema

RULE = {
    "name": "house-hype",
    "kind": "pattern",
    "severity": "info",
    "words": ["superfood"],
    "message": "Avoid '{match}'.",
    "description": "Hype words.",
    "examples": {"fail": ["Kale is a superfood."], "pass": ["Kale is a vegetable."]},
}


@pytest.fixture(scope="module")
def rules_schema() -> dict[str, Any]:
    return rule_schema()


def _errors(schema: dict[str, Any], data: object) -> list[str]:
    Draft202012Validator.check_schema(schema)
    return [e.message for e in Draft202012Validator(schema).iter_errors(data)]


@pytest.mark.parametrize("path", sorted(builtin_rules_dir().glob("*.yaml")), ids=lambda p: p.stem)
def test_every_builtin_rule_file_fits_the_schema(path: Any, rules_schema: dict[str, Any]) -> None:
    assert _errors(rules_schema, load_yaml(path.read_text("utf-8"))) == []


@pytest.mark.parametrize(
    "change",
    [
        {"scop": "sentence"},  # a misspelt key
        {"severity": "fatal"},
        {"kind": "magic"},
        {"name": "House Hype"},
        {"examples": {"fail": ["x"], "pass_": ["y"]}},  # the field's name, not the key
        {"older_than_years": -1},
    ],
)
def test_what_healthlint_refuses_the_schema_refuses(
    change: dict[str, Any], rules_schema: dict[str, Any]
) -> None:
    data = {**RULE, **change}
    assert _errors(rules_schema, data) != []
    with pytest.raises(HealthlintError):
        parse_rule(json.dumps(data), "rule.yaml")  # JSON is YAML


def test_a_good_rule_fits_and_fields_are_described(rules_schema: dict[str, Any]) -> None:
    schema = rules_schema
    assert _errors(schema, RULE) == []
    assert parse_rule(json.dumps(RULE), "rule.yaml").name == "house-hype"
    pattern = schema["$defs"]["PatternRule"]
    assert pattern["description"].startswith("``pattern``: words or regular expressions")
    assert "plainer word" in pattern["properties"]["swap"]["description"]
    assert "smallest preset" in pattern["properties"]["preset"]["description"]


def test_the_readme_config_fits_the_config_schema() -> None:
    config = {
        "preset": "healthlint:recommended",
        "rule_dirs": ["house-rules"],
        "ignore": ["mixed-bullets"],
        "fail_on": "warning",
        "rules": {"reading-level": {"audience": "professionals"}},
        "overrides": [{"files": ["drafts/**"], "ignore": ["missing-disclaimer"]}],
    }
    schema = config_schema()
    assert _errors(schema, config) == []
    assert "relative to this file" in schema["properties"]["rule_dirs"]["description"]
    assert "disclaimer" in rule_schema()["$defs"]["FixSpec"]["properties"]["append"]["description"]
    assert _errors(schema, {"fail-on": "warning"}) != []
    assert _errors(schema, {"overrides": [{"ignore": ["x"]}]}) != []  # no files


def test_the_command_prints_the_schemas() -> None:
    for args, title in ((["schema"], "healthlint rule file"), (["schema", "config"], None)):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0
        printed = json.loads(result.stdout)
        assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert printed["title"] == (title or "healthlint configuration")
