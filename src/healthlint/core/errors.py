"""The one exception type for problems the user can fix (bad path, encoding, rule, config).

The CLI catches exactly this type, prints its message on one line and exits 2; anything
else escaping is a bug in healthlint and is allowed to show a traceback.
"""


class HealthlintError(Exception):
    """A user-facing error; ``str(error)`` is the complete one-line message."""
