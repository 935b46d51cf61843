"""The bad-input corpus: every odd file gets one clear line (or a clean lint), never a
traceback. Large inputs (a 50 MB post, a 1 MB line) are generated here rather than kept in
the repository."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.cli import main
from healthlint.rules.kinds import KINDS

CORPUS = Path(__file__).parent / "corpus" / "bad"


def _check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--no-color", *args])
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


def _one_line_error(stderr: str, expected: str) -> None:
    assert stderr.count("\n") == 1, stderr
    assert stderr.startswith("healthlint: error: ")
    assert expected in stderr


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("binary.md", "looks like a binary file (NUL bytes), not a post"),
        ("nul-in-text.txt", "looks like a binary file"),
        ("latin1.md", "not valid UTF-8 at byte 5 (0xe9); save the file as UTF-8"),
        ("no-posts-here", "no posts found in this directory"),
        ("does-not-exist.md", "no such file or directory"),
    ],
)
def test_unreadable_inputs_are_one_line_and_exit_2(name: str, expected: str) -> None:
    code, stdout, stderr = _check(str(CORPUS / name))
    assert code == 2
    assert stdout == ""
    _one_line_error(stderr, expected)


@pytest.mark.parametrize(
    ("name", "findings"),
    [
        ("utf16-bom.md", [("unsupported-causal-claim", 3, 8)]),
        ("utf8-bom.md", [("unsupported-causal-claim", 3, 8)]),
        ("crlf.md", [("unsupported-causal-claim", 5, 8)]),
        ("cr-only.txt", [("unsupported-causal-claim", 4, 8)]),
        ("empty.md", []),
        ("only-front-matter.md", []),
        ("unclosed-front-matter.md", [("unsupported-causal-claim", 4, 8)]),
        (
            "malformed.html",
            [("unsupported-causal-claim", 1, 32), ("unsupported-causal-claim", 1, 56)],
        ),
        ("deep-nesting.html", [("unsupported-causal-claim", 1, 50017)]),
    ],
)
def test_odd_but_valid_inputs_lint_with_right_positions(
    name: str, findings: list[tuple[str, int, int]]
) -> None:
    code, stdout, stderr = _check("--format", "json", str(CORPUS / name))
    assert stderr == ""
    assert code == 0
    report = json.loads(stdout)
    got = [(f["rule"], f["line"], f["column"]) for p in report["posts"] for f in p["findings"]]
    assert got == findings


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("yaml-syntax", "rule.yaml: line 3: invalid YAML"),
        ("unknown-key", "rule.yaml:8: unknown key 'scop' (did you mean 'scope'?)"),
        ("bad-regex", "rule.yaml:4: key 'patterns[0]': bad regular expression '(unclosed'"),
        (
            "catastrophic-regex",
            "rule.yaml:4: key 'patterns[0]': regular expression '(a+)+$' can take exponential time",
        ),
        (
            "unknown-kind",
            f"key 'kind': unknown kind 'magic' (one of: {', '.join(sorted(KINDS))})",
        ),
        ("python-tag", "invalid YAML: could not determine a constructor"),
        ("missing-examples", "missing required key 'examples'"),
        # YAML keeps the last of two keys: the first list would be lost without a word.
        ("duplicate-key", "rule.yaml: line 8: invalid YAML: key 'words' is given twice"),
    ],
)
def test_broken_rule_files(name: str, expected: str) -> None:
    code, stdout, stderr = _check("--rules", str(CORPUS / "rules" / name), str(CORPUS / "empty.md"))
    assert code == 2
    assert stdout == ""
    _one_line_error(stderr, expected)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("yaml-syntax.yaml", "yaml-syntax.yaml: line 2: invalid YAML"),
        ("unknown-key.yaml", "unknown-key.yaml:1: unknown key 'ignor' (did you mean 'ignore'?)"),
        ("unknown-rule.yaml", "ignore: unknown rule 'no-such-rule'"),
        ("bad-value.yaml", "rules.reading-level: key 'max'"),
        ("duplicate-key.yaml", "line 2: invalid YAML: key 'ignore' is given twice"),
    ],
)
def test_broken_configs(name: str, expected: str) -> None:
    config = CORPUS / "configs" / name
    code, _, stderr = _check("--config", str(config), str(CORPUS / "empty.md"))
    assert code == 2
    _one_line_error(stderr, expected)


def test_binary_file_found_in_a_walk_is_skipped_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text("# Fine\n\nA fine post.\n", "utf-8")
    (tmp_path / "image.md").write_bytes(b"\x00\x01binary")
    code, stdout, stderr = _check(str(tmp_path))
    assert code == 0
    assert "No problems found in 1 post in 1 file." in stdout
    assert stderr == (
        f"healthlint: note: skipped {tmp_path / 'image.md'}: "
        "looks like a binary file (NUL bytes), not a post\n"
    )


def test_one_bad_file_among_good_ones(tmp_path: Path) -> None:
    code, stdout, stderr = _check(str(CORPUS / "latin1.md"), str(CORPUS / "crlf.md"))
    assert code == 2
    assert "crlf.md:5:8: warning unsupported-causal-claim" in stdout
    _one_line_error(stderr, "latin1.md: not valid UTF-8")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_symlink_loops_in_a_walk_end(tmp_path: Path) -> None:
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.md").write_text("# A\n\nText.\n", "utf-8")
    os.symlink(tmp_path, tmp_path / "posts" / "loop")
    code, stdout, _ = _check(str(tmp_path))
    assert code == 0
    assert "in 1 post in 1 file" in stdout


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    post = tmp_path / "secret.md"
    post.write_text("# A\n", "utf-8")
    real_open = os.open

    def open_file(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        # chmod cannot lock out root, who runs CI here; the OS answer is simulated instead.
        if Path(path) == post:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", open_file)
    code, _, stderr = _check(str(post))
    assert code == 2
    _one_line_error(stderr, "secret.md: permission denied")


def test_the_whole_corpus_gives_only_one_line_messages() -> None:
    code, stdout, stderr = _check(str(CORPUS))
    assert code == 2  # latin1.md cannot be read; everything else is linted
    assert "crlf.md:5:8: warning unsupported-causal-claim" in stdout
    for line in stderr.splitlines():
        assert line.startswith(("healthlint: error: ", "healthlint: note: skipped ")), line
    assert sum(1 for line in stderr.splitlines() if "error" in line) == 1


def test_a_one_megabyte_line(tmp_path: Path) -> None:
    post = tmp_path / "long.md"
    post.write_text("Hiking prevents gout. " + "word " * 200_000 + "\n", "utf-8")
    code, stdout, _ = _check("-q", str(post))
    assert code == 0
    assert f"{post}:1:8: warning unsupported-causal-claim" in stdout


def test_a_fifty_megabyte_post(tmp_path: Path) -> None:
    paragraph = "Patients drink water every day. " * 30 + "Hiking prevents gout.\n\n"
    post = tmp_path / "big.md"
    post.write_text(paragraph * (50_000_000 // len(paragraph)), "utf-8")
    code, stdout, stderr = _check("--format", "json", "--select", "truncated-text", str(post))
    assert (code, stderr) == (0, "")
    assert json.loads(stdout)["summary"]["posts"] == 1


def test_no_network_during_a_full_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("healthlint opened a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    examples = Path(__file__).resolve().parents[1] / "examples"
    code, stdout, _ = _check("--format", "sarif", str(examples), str(CORPUS / "crlf.md"))
    assert code == 1
    assert json.loads(stdout)["runs"][0]["results"]


def test_a_failing_rule_is_reported_and_the_others_still_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from healthlint.rules.kinds.layout import LayoutRule

    def explode(self: object, post: object, prose: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(LayoutRule, "check", explode)
    code, stdout, stderr = _check(str(CORPUS / "crlf.md"))
    assert code == 3  # a bug in healthlint: neither findings (1) nor bad input (2)
    assert "unsupported-causal-claim" in stdout
    lines = stderr.splitlines()
    from healthlint.config.ruleset import RuleSet
    from healthlint.config.settings import Config
    from healthlint.rules.loader import load_rules

    running = RuleSet(load_rules(), Config()).for_path("crlf.md")
    layout_rules = [r.name for r in running if r.kind == "layout"]
    assert {"mixed-bullets", "stray-bullet"} <= set(layout_rules)
    assert len(lines) == len(layout_rules)
    for line, rule in zip(lines, layout_rules, strict=True):
        assert f"internal error in rule '{rule}' (RuntimeError: boom)" in line
