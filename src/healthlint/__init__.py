"""healthlint: an editorial quality linter for health writing."""

__version__ = "0.2.0"
