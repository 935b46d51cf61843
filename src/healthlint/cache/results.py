"""Results cached per file, so that an unchanged repository re-lints in a blink.

An entry is keyed by the healthlint version and code, the exact rules that apply to the
file (their validated settings), the file's name and its bytes, and today's date when a
rule that applies reads it: change any of them and the file is linted again. Entries live
in ``.healthlint_cache/`` (which ignores itself for git); a cache that cannot be read or
written is simply not used.

The folder is inside the project, where others may write (a shared checkout, a
repository that ships one, a CI cache restored from a pull request), and what an entry
says is reported, fixed and shown as it is. So every entry is signed (HMAC-SHA256) with
a key of the user's own, kept in the private user cache directory, and bound to the key
it is stored under; an entry that is not signed by that key, or does not hold exactly
what healthlint writes (every field of its type, every post of the file being linted) is
a miss. Without a private user cache directory to keep the key in, results are not
cached. A ``.healthlint_cache`` that is someone else's or that others can write to is not
used, and no link is followed below it when writing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import os
import re
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from healthlint import __version__
from healthlint.cache.identity import code_fingerprint
from healthlint.core import metadata
from healthlint.core.model import DEFAULT_GENRE, Edit, Finding, PostResult, Severity, Span
from healthlint.files import private, usercache
from healthlint.files.limits import load_json, read_up_to

if TYPE_CHECKING:
    from healthlint.rules.spec import RuleSpec

CACHE_DIR = ".healthlint_cache"
_SEVERITIES = {s.value: s for s in Severity}
_APPLICABILITY = ("safe", "unsafe")
_LIMIT = 64 * 1024 * 1024
"""The largest entry read: far more than the findings of any real file."""
_T = TypeVar("_T")


def rules_key(
    rules: Sequence[RuleSpec], genre: str = DEFAULT_GENRE, known: Iterable[str] = ()
) -> str:
    """A hash of the rules that run and everything they are run with: the genre, ``known``
    (every rule name of the run: a suppression comment naming a rule is judged against
    them) and today's date as far as the rules read it."""
    return dated_key(rules_digest(rules, genre, known), today_read(rules))


def rules_digest(
    rules: Sequence[RuleSpec], genre: str = DEFAULT_GENRE, known: Iterable[str] = ()
) -> str:
    """``rules_key`` without the date: what ``cache.keys`` keeps for the next run."""
    # healthlint's own code, not only its version: a checkout edited, or installed from a
    # newer commit, must not answer with what the old code found.
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(f"genre\0{genre}\0".encode())
    digest.update(f"known\0{','.join(sorted(known))}\0".encode())
    for rule in rules:
        digest.update(canonical(rule).encode())
    return digest.hexdigest()


def today_read(rules: Sequence[RuleSpec]) -> Literal["day", "year", ""]:
    """How much of today's date the findings of ``rules`` depend on: a post's "updated 200
    days ago" changes with the date, and the results with it. Only rule sets that read
    the date lose their cache when it changes."""
    reads = {rule.reads_today() for rule in rules}
    return "day" if "day" in reads else "year" if "year" in reads else ""


def dated_key(digest: str, reads: Literal["day", "year", ""]) -> str:
    """The key of the rules of ``rules_digest`` for today, as precisely as they read it."""
    if not reads:
        return digest
    today = metadata.today()
    when = today.isoformat() if reads == "day" else str(today.year)
    return hashlib.sha256(f"{digest}\0today\0{when}".encode()).hexdigest()


def canonical(value: object) -> str:
    """Every setting of a rule as text, the same in every process."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = (
            f"{f.name}={canonical(getattr(value, f.name))}" for f in dataclasses.fields(value)
        )
        return f"{type(value).__name__}({','.join(fields)})"
    if isinstance(value, re.Pattern):
        return f"re({value.pattern!r},{value.flags})"
    if isinstance(value, (tuple, list)):
        return f"[{','.join(canonical(item) for item in value)}]"
    if isinstance(value, (set, frozenset)):
        return f"{{{','.join(sorted(canonical(item) for item in value))}}}"
    if isinstance(value, dict):
        items = sorted(f"{canonical(k)}:{canonical(v)}" for k, v in value.items())
        return f"{{{','.join(items)}}}"
    return repr(value)


class Cache:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.directory = root / CACHE_DIR / f"v{__version__}"
        self._folder = os.fspath(self.directory)
        refused = private.refusal(root / CACHE_DIR)
        if refused is None and (root / CACHE_DIR).is_symlink():
            refused = "it is a link"
        # Why the project's results cache is not used, as a note for people.
        self.refusal = (
            None if refused is None else f"not using {root / CACHE_DIR}: {refused}; remove it"
        )
        self._secret = usercache.secret() if refused is None else None

    def key(self, rules: str, name: str, data: bytes) -> str:
        digest = hashlib.sha256(rules.encode())
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str, path: str, text: str) -> list[PostResult] | None:
        """The results stored under ``key`` for the file ``path`` whose text is ``text``;
        None unless the entry is signed by the user's key and holds what healthlint writes
        for that file."""
        if self._secret is None:
            return None
        # A warm run asks once per file: plain strings, not Path objects, on this path.
        name = os.path.join(self._folder, key[:2], f"{key}.json")
        try:
            handle = os.open(name, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
        except OSError:
            return None
        try:
            status = os.fstat(handle)
            if not stat.S_ISREG(status.st_mode) or status.st_size > _LIMIT:
                return None
            data = read_up_to(handle, status.st_size, _LIMIT)
        except OSError:
            return None
        finally:
            os.close(handle)
        mac, _, body = data.partition(b"\n")
        if not hmac.compare_digest(mac, _sign(self._secret, key, body)):
            return None
        try:
            # ``_results`` checks each level against an entry's shape: no walk first.
            return _results(load_json(body, walk=False), path, len(text))
        except (ValueError, KeyError, TypeError):  # ValueError: also nested too deeply
            return None

    def put(self, key: str, results: Sequence[PostResult]) -> None:
        if self._secret is None:
            return
        # ASCII: a file name that is not UTF-8 is kept as the escapes of its stray bytes,
        # which read back as the same name.
        encoded = json.dumps([_entry(r) for r in results]).encode("ascii")
        data = _sign(self._secret, key, encoded) + b"\n" + encoded
        # The project's folder itself may be shared; what healthlint makes in it is not.
        project = private.Folder(self.root, None)
        with private.subfolder(project, CACHE_DIR, create=True) as cache:
            if cache is None:
                return
            cache.create(".gitignore", b"# Created by healthlint.\n*\n")
            with private.subfolder(cache, f"v{__version__}", create=True) as version:
                if version is None:
                    return
                with private.subfolder(version, key[:2], create=True) as folder:
                    if folder is not None:
                        folder.write(f"{key}.json", data)


def _sign(secret: bytes, key: str, body: bytes) -> bytes:
    """The entry's signature: by the user's key, of the cache key it is stored under and
    its text, so that an entry moved to another file's key is no use either."""
    return hmac.digest(secret, key.encode() + b"\0" + body, "sha256").hex().encode()


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def _entry(result: PostResult) -> dict[str, Any]:
    return {
        "path": result.path,
        "title": result.title,
        "line": result.line,
        "end_line": result.end_line,
        "findings": [
            [
                f.rule,
                f.severity.value,
                f.message,
                f.line,
                f.column,
                f.end_line,
                f.end_column,
                f.fingerprint,
                [f.fix.span.start, f.fix.span.end, f.fix.text, f.fix.applicability]
                if f.fix
                else None,
                f.post_level,
            ]
            for f in result.findings
        ],
    }


class _Invalid(ValueError):
    """An entry that does not hold what healthlint writes."""


def _results(entries: object, path: str, length: int) -> list[PostResult]:
    """The posts of an entry, each checked to be of ``path`` and every field of its type;
    fixes within ``length``, the file's text."""
    if type(entries) is not list:
        raise _Invalid("not a list of posts")
    return [_result(_exactly(entry, dict), path, length) for entry in entries]


def _result(entry: dict[str, Any], path: str, length: int) -> PostResult:
    if entry.keys() != {"path", "title", "line", "end_line", "findings"}:
        raise _Invalid("not a post")
    if entry["path"] != path:
        raise _Invalid("a post of another file")
    line, end_line = _number(entry["line"]), _number(entry["end_line"])
    findings = tuple(
        _finding(finding, path, length) for finding in _exactly(entry["findings"], list)
    )
    return PostResult(path, _exactly(entry["title"], str), line, end_line, findings)


def _finding(fields: object, path: str, length: int) -> Finding:
    # A warm run checks every finding of every file: one expression, no call per field.
    if type(fields) is not list or len(fields) != 10:
        raise _Invalid("not a finding")
    (rule, severity, message, line, column, end_line, end_column, fingerprint, fix, whole) = fields
    if not (
        type(rule) is str
        and type(severity) is int
        and severity in _SEVERITIES
        and type(message) is str
        and type(line) is int
        and type(column) is int
        and type(end_line) is int
        and type(end_column) is int
        and min(line, column, end_line, end_column) >= 1
        and type(fingerprint) is str
        and type(whole) is bool
    ):
        raise _Invalid("a finding with a field of the wrong type")
    return Finding(
        path,
        rule,
        _SEVERITIES[severity],
        message,
        line,
        column,
        end_line,
        end_column,
        fingerprint,
        None if fix is None else _fix(_exactly(fix, list), length),
        whole,
    )


def _fix(fields: list[Any], length: int) -> Edit:
    start, end, text, applicability = fields
    if type(start) is not int or type(end) is not int or not 0 <= start <= end <= length:
        raise _Invalid("a fix outside the file")
    if applicability not in _APPLICABILITY:
        raise _Invalid("not an applicability")
    return Edit(Span(start, end), _exactly(text, str), applicability)


def _number(value: object) -> int:
    """A line or column: a whole number from 1 (not a bool, which is an int in Python)."""
    if type(value) is not int or value < 1:
        raise _Invalid("not a line or column")
    return value


def _exactly(value: object, kind: type[_T]) -> _T:
    if type(value) is not kind:
        raise _Invalid(f"not a {kind.__name__}")
    return value
