"""The JSON Schema of the configuration file, for editors that check YAML (made the way
``healthlint.rules.schema`` makes the rule file's)."""

from __future__ import annotations

from typing import Any

from healthlint.config.settings import ConfigModel, Override
from healthlint.rules.schema import describe, describe_all, titled


def config_schema() -> dict[str, Any]:
    """``.healthlint.yaml`` (or ``[tool.healthlint]`` in pyproject.toml)."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(ConfigModel).json_schema()
    describe(schema, ConfigModel)
    describe_all(schema, [Override])
    return titled(schema, "healthlint configuration")
