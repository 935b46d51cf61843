"""Caches nobody else can poison: the project's results cache trusts only entries signed
with the user's own key and holding exactly what healthlint writes for the file linted;
the user cache directory (where a pickle is loaded from) is used only when it is private."""

from __future__ import annotations

import json
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from healthlint import __version__
from healthlint.cli import main

POST = "# Kale\n\nHiking prevents gout.\n\n-\nDrink water.\n"
OTHER_USER = 65534  # nobody
as_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root"
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with one post and caches on (the suite turns them off); the user cache
    directory in this test's folder too."""
    monkeypatch.delenv("HEALTHLINT_NO_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    root = tmp_path / "project"
    (root / "posts").mkdir(parents=True)
    (root / "posts" / "kale.md").write_text(POST, "utf-8")
    monkeypatch.chdir(root)
    return root


def _check(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", *args])


def _entries(root: Path) -> list[Path]:
    return sorted((root / ".healthlint_cache").rglob("*.json"))


def _files(folder: Path, *leave_out: str) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes, but those under ``leave_out``."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_file() and not path.is_symlink() and not name.startswith(leave_out):
            found[name] = path.read_bytes()
    return found


def _rewrite(entry: Path, change: Callable[[Any], Any], *, sign: bool) -> None:
    """Edit the entry's posts; ``sign`` signs it again with the user's own key (as if the
    key had leaked), leaving only the checks of what an entry holds."""
    from healthlint.cache.results import _sign
    from healthlint.files import usercache

    mac, _, body = entry.read_bytes().partition(b"\n")
    changed = change(json.loads(body))
    edited = changed if isinstance(changed, bytes) else json.dumps(changed).encode()
    if sign:
        secret = usercache.secret()
        assert secret is not None
        mac = _sign(secret, entry.stem, edited)
    entry.write_bytes(mac + b"\n" + edited)


def _without_findings(posts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**post, "findings": []} for post in posts]


def test_an_edited_entry_cannot_hide_findings(project: Path) -> None:
    fresh = _check("--format", "json", "posts")
    assert fresh.exit_code == 1
    assert '"rule": "stray-bullet"' in fresh.stdout
    (entry,) = _entries(project)
    _rewrite(entry, _without_findings, sign=False)
    again = _check("--format", "json", "posts")
    assert (again.exit_code, again.stdout) == (1, fresh.stdout)


def test_an_entry_moved_to_another_files_key_is_a_miss(project: Path) -> None:
    """The signature covers the key an entry is stored under: the clean entry of one post
    cannot stand in for another post."""
    (project / "posts" / "clean.md").write_text("# Clean\n\nWater is a drink.\n", "utf-8")
    fresh = _check("--format", "json", "posts")
    entries = _entries(project)
    clean = next(e for e in entries if b"clean.md" in e.read_bytes())
    kale = next(e for e in entries if b"kale.md" in e.read_bytes())
    # The clean post's entry, under the other post's key and naming it.
    mac, _, body = clean.read_bytes().partition(b"\n")
    kale.write_bytes(mac + b"\n" + body.replace(b"clean.md", b"kale.md"))
    assert _check("--format", "json", "posts").stdout == fresh.stdout


def test_entries_signed_by_someone_else_are_misses(project: Path) -> None:
    from healthlint.cache.results import _sign

    fresh = _check("--format", "json", "posts")
    (entry,) = _entries(project)
    body = json.dumps(_without_findings(json.loads(entry.read_bytes().partition(b"\n")[2])))
    entry.write_bytes(_sign(b"k" * 32, entry.stem, body.encode()) + b"\n" + body.encode())
    assert _check("--format", "json", "posts").stdout == fresh.stdout


VICTIM = "# Victim\n\n-\nKeep me as I am.\n"


def _elsewhere(posts: list[dict[str, Any]], path: str) -> list[dict[str, Any]]:
    """The entry's posts and findings said to be another file's."""
    moved = []
    for post in posts:
        findings = []
        for finding in post["findings"]:
            if finding[8] is not None:  # a fix: append text at the start of the other file
                finding[8] = [0, 0, "planted\n", "safe"]
            findings.append(finding)
        moved.append({**post, "path": path, "findings": findings})
    return moved


@pytest.mark.parametrize("sign", [False, True], ids=["unsigned", "signed"])
def test_an_entry_naming_another_file_is_not_fixed_nor_shown(
    project: Path, tmp_path: Path, sign: bool
) -> None:
    victim = tmp_path / "victim.md"
    victim.write_text(VICTIM, "utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:secret\n", "utf-8")
    fresh = _check("--format", "json", "posts").stdout
    expected_html = _check("--format", "html", "posts").stdout
    (entry,) = _entries(project)

    _rewrite(entry, lambda posts: _elsewhere(posts, str(victim)), sign=sign)
    before = _files(tmp_path, "home-cache", "project/.healthlint_cache")
    fixed = _check("--fix", "--select", "stray-bullet", "posts")
    assert fixed.exit_code == 0, fixed.output
    assert victim.read_text("utf-8") == VICTIM
    after = _files(tmp_path, "home-cache", "project/.healthlint_cache")
    assert after.keys() == before.keys()
    changed = [name for name in after if after[name] != before[name]]
    assert changed == ["project/posts/kale.md"]  # the post linted, and only it
    assert (project / "posts" / "kale.md").read_text("utf-8") == POST.replace("\n-\n", "\n- ")

    (project / "posts" / "kale.md").write_text(POST, "utf-8")
    assert _check("--format", "json", "posts").stdout == fresh
    for entry in _entries(project):
        _rewrite(entry, lambda posts: _elsewhere(posts, str(secret)), sign=sign)
    html = _check("--format", "html", "posts").stdout
    assert "root:x:0:0" not in html
    assert html == expected_html


def _deep(posts: list[dict[str, Any]]) -> bytes:
    """The entry's post with its findings nested 100,000 lists deep (as JSON text: it is
    too deep for Python's own encoder)."""
    post = json.dumps({**posts[0], "findings": "NESTED"})
    return f"[{post}]".replace('"NESTED"', "[" * 100_000 + "]" * 100_000).encode()


def _finding_field(index: int, value: object) -> Callable[[Any], Any]:
    def change(posts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for post in posts:
            for finding in post["findings"]:
                finding[index] = value
        return posts

    return change


def _post_field(key: str, value: object) -> Callable[[Any], Any]:
    return lambda posts: [{**post, key: value} for post in posts]


EDITS: dict[str, Callable[[Any], Any]] = {
    "line as text": _finding_field(3, "1"),
    "line as a bool": _finding_field(3, True),
    "column zero": _finding_field(4, 0),
    "unknown severity": _finding_field(1, 9),
    "rule as a number": _finding_field(0, 7),
    "message as a list": _finding_field(2, ["<script>"]),
    "fix past the end": _finding_field(8, [0, 10**9, "x", "safe"]),
    "fix backwards": _finding_field(8, [5, 2, "x", "safe"]),
    "fix of no kind": _finding_field(8, [0, 1, "x", "sneaky"]),
    "fix as text": _finding_field(8, "rm -rf"),
    "short finding": lambda posts: [
        {**p, "findings": [f[:5] for f in p["findings"]]} for p in posts
    ],
    "title as a number": _post_field("title", 3),
    "end line null": _post_field("end_line", None),
    "extra key": _post_field("planted", "x"),
    "no posts list": lambda posts: {"posts": posts},
    "findings as a dict": _post_field("findings", {}),
    "deep nesting": _deep,
}


@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
def test_an_entry_with_wrong_fields_is_a_miss_not_a_crash(project: Path, edit: str) -> None:
    """Signed again with the user's own key, so that only the checks of the entry's
    contents stand between it and the report."""
    fresh = _check("--format", "json", "posts")
    for entry in _entries(project):
        _rewrite(entry, EDITS[edit], sign=True)
    again = _check("--format", "json", "posts")
    assert again.exception is None or isinstance(again.exception, SystemExit)
    assert (again.exit_code, again.stdout, again.stderr) == (1, fresh.stdout, fresh.stderr)


@pytest.mark.parametrize("mode", [0o777, 0o775, 0o1777], ids=["world", "group", "sticky"])
def test_a_project_cache_others_can_write_is_not_used(project: Path, mode: int) -> None:
    cache = project / ".healthlint_cache"
    cache.mkdir()
    cache.chmod(mode)
    result = _check("posts")
    assert result.exit_code == 1
    assert result.stderr == (
        f"healthlint: note: not using {cache}: other users can write to it; remove it\n"
    )
    assert _entries(project) == []
    assert os.listdir(cache) == []
    assert "note" not in _check("-q", "posts").stderr


@as_root
def test_a_project_cache_of_another_user_is_not_used(project: Path) -> None:
    cache = project / ".healthlint_cache"
    cache.mkdir(mode=0o755)
    os.chown(cache, OTHER_USER, OTHER_USER)
    result = _check("posts")
    assert result.exit_code == 1
    assert "it belongs to another user; remove it" in result.stderr
    assert os.listdir(cache) == []


def test_a_project_cache_that_is_a_link_is_not_used(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (project / ".healthlint_cache").symlink_to(elsewhere)
    result = _check("posts")
    assert result.exit_code == 1
    assert "healthlint_cache: it is a link; remove it" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_no_link_is_followed_inside_the_project_cache(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    cache = project / ".healthlint_cache"
    cache.mkdir(mode=0o700)
    (cache / ".gitignore").symlink_to(outside / "planted.txt")
    (cache / f"v{__version__}").symlink_to(outside, target_is_directory=True)
    assert _check("posts").exit_code == 1
    assert list(outside.iterdir()) == []
    assert _entries(project) == []


def test_the_caches_healthlint_makes_are_private(project: Path, tmp_path: Path) -> None:
    assert _check("posts").exit_code == 1
    user = tmp_path / "home-cache" / "healthlint"
    assert (user.stat().st_mode & 0o777) == 0o700
    assert ((user / "results-signing-key").stat().st_mode & 0o777) == 0o600
    cache = project / ".healthlint_cache"
    for folder in (cache, cache / f"v{__version__}", *(cache / f"v{__version__}").iterdir()):
        assert (folder.stat().st_mode & 0o777) == 0o700, folder
    (entry,) = _entries(project)
    assert (entry.stat().st_mode & 0o777) == 0o600
    # And they are used: the second run is answered from them.
    mtime = entry.stat().st_mtime_ns
    assert _check("posts").exit_code == 1
    assert entry.stat().st_mtime_ns == mtime


def test_without_a_user_cache_directory_no_results_are_cached(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The signing key has nowhere private to live: results are not kept at all."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    (shared / "healthlint").mkdir()
    (shared / "healthlint").chmod(0o777)
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared))
    result = _check("posts")
    assert result.exit_code == 1
    assert result.stderr == (
        f"healthlint: note: not using the cache directory {shared / 'healthlint'}: other "
        "users can write to it, so healthlint runs without its caches (remove it, and "
        "healthlint makes a private one)\n"
    )
    assert _entries(project) == []
    assert list((shared / "healthlint").iterdir()) == []


# The user cache directory, where the validated rule set is kept as a pickle.


class _Planted:
    """A pickle that creates a file when loaded: what a planted rule set would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (str(self.marker), "w"))


def _plant(folder: Path, marker: Path) -> None:
    from healthlint.cache.rules import key
    from healthlint.rules.loader import rule_dirs

    (folder / f"rules-{key(rule_dirs())}.pickle").write_bytes(pickle.dumps(_Planted(marker)))


@pytest.fixture
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    return tmp_path / "home-cache" / "healthlint"


def test_a_planted_pickle_in_a_private_directory_is_what_the_check_guards(
    user_cache: Path, tmp_path: Path
) -> None:
    """The control: in the user's own private directory a stored rule set is loaded (so
    the tests below show the refusal, not a missed key)."""
    from healthlint.cache.rules import cached_rules
    from healthlint.rules.loader import rule_dirs

    user_cache.mkdir(parents=True, mode=0o700)
    marker = tmp_path / "marker"
    _plant(user_cache, marker)
    cached_rules(rule_dirs())
    assert marker.exists()


@pytest.mark.parametrize(
    "mode", [0o777, 0o770, 0o1777, 0o722], ids=["world", "group", "sticky", "w"]
)
def test_a_user_cache_directory_others_can_write_is_not_used(
    user_cache: Path, tmp_path: Path, mode: int
) -> None:
    from healthlint.cache.rules import cached_rules
    from healthlint.files import usercache
    from healthlint.rules.loader import rule_dirs

    user_cache.mkdir(parents=True)
    user_cache.chmod(mode)
    marker = tmp_path / "marker"
    _plant(user_cache, marker)
    planted = sorted(os.listdir(user_cache))
    assert "stray-bullet" in cached_rules(rule_dirs())
    assert not marker.exists()
    assert sorted(os.listdir(user_cache)) == planted  # nothing written there either
    assert usercache.read(planted[0]) is None
    assert usercache.directory() is None


@as_root
def test_a_user_cache_directory_of_another_user_is_not_used(
    user_cache: Path, tmp_path: Path
) -> None:
    from healthlint.cache.rules import cached_rules
    from healthlint.rules.loader import rule_dirs

    user_cache.mkdir(parents=True, mode=0o700)
    marker = tmp_path / "marker"
    _plant(user_cache, marker)
    os.chown(user_cache, OTHER_USER, OTHER_USER)
    cached_rules(rule_dirs())
    assert not marker.exists()


@as_root
def test_a_link_planted_to_another_users_directory_is_not_followed(
    user_cache: Path, tmp_path: Path
) -> None:
    from healthlint.cache.rules import cached_rules
    from healthlint.rules.loader import rule_dirs

    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o755)
    marker = tmp_path / "marker"
    _plant(theirs, marker)
    os.chown(theirs, OTHER_USER, OTHER_USER)
    user_cache.parent.mkdir()
    user_cache.symlink_to(theirs, target_is_directory=True)
    cached_rules(rule_dirs())
    assert not marker.exists()
    assert len(os.listdir(theirs)) == 1


@as_root
def test_a_pickle_of_another_user_in_the_users_directory_is_not_loaded(
    user_cache: Path, tmp_path: Path
) -> None:
    from healthlint.cache.rules import cached_rules
    from healthlint.rules.loader import rule_dirs

    user_cache.mkdir(parents=True, mode=0o700)
    marker = tmp_path / "marker"
    _plant(user_cache, marker)
    for planted in user_cache.iterdir():
        os.chown(planted, OTHER_USER, OTHER_USER)
    cached_rules(rule_dirs())
    assert not marker.exists()


def test_a_link_to_the_users_own_private_directory_is_used(
    user_cache: Path, tmp_path: Path
) -> None:
    from healthlint.cache.rules import cached_rules
    from healthlint.rules.loader import rule_dirs

    mine = tmp_path / "mine"
    mine.mkdir(mode=0o700)
    user_cache.parent.mkdir()
    user_cache.symlink_to(mine, target_is_directory=True)
    cached_rules(rule_dirs())
    assert [p.name for p in mine.iterdir() if p.name.startswith("rules-")]


def test_a_pickle_reached_through_a_link_inside_the_directory_is_not_loaded(
    user_cache: Path, tmp_path: Path
) -> None:
    from healthlint.cache.rules import cached_rules, key
    from healthlint.rules.loader import rule_dirs

    user_cache.mkdir(parents=True, mode=0o700)
    marker = tmp_path / "marker"
    elsewhere = tmp_path / "planted.pickle"
    elsewhere.write_bytes(pickle.dumps(_Planted(marker)))
    (user_cache / f"rules-{key(rule_dirs())}.pickle").symlink_to(elsewhere)
    cached_rules(rule_dirs())
    assert not marker.exists()


@pytest.mark.skipif(sys.platform == "darwin", reason="file names must be UTF-8 on macOS")
def test_a_file_name_that_is_not_utf8_is_cached_and_found_again(project: Path) -> None:
    posts = os.fsencode(project / "posts")
    with open(os.path.join(posts, b"caf\xe9.md"), "w", encoding="utf-8") as post:
        post.write(POST)
    fresh = _check("--format", "json", "posts")
    assert fresh.exit_code == 1, fresh.output
    assert len(_entries(project)) == 2
    assert not [p for p in project.rglob("*") if p.name.endswith(".tmp")]
    stamps = [e.stat().st_mtime_ns for e in _entries(project)]
    again = _check("--format", "json", "posts")
    assert again.stdout == fresh.stdout
    assert [e.stat().st_mtime_ns for e in _entries(project)] == stamps  # both answered


@pytest.mark.parametrize("sign", [False, True], ids=["unsigned", "signed"])
def test_an_entry_cannot_put_markup_in_the_html_report(project: Path, sign: bool) -> None:
    """Lines and columns are printed in the HTML report as numbers, unescaped: an entry
    holding markup in one is a miss, whatever signs it."""
    markup = "<img src=x onerror=alert(1)>"
    expected = _check("--format", "html", "posts").stdout
    for entry in _entries(project):
        _rewrite(
            entry,
            lambda posts: [
                {**_finding_field(3, markup)(posts)[0], "line": markup, "end_line": markup}
            ],
            sign=sign,
        )
    html = _check("--format", "html", "posts").stdout
    assert "onerror" not in html
    assert html == expected
