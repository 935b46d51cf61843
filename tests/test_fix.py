"""`check --fix`: safe edits (and, asked for, unsafe ones), written atomically, idempotent,
and nothing else touched."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.cli import main
from healthlint.core.model import Edit, Span
from healthlint.engine.edits import apply_edits
from healthlint.rules.loader import parse_rule

FIXTURES = Path(__file__).parent / "fixtures"


def _check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--no-color", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    """A copy of the CMS dump fixture, which has two stray bullets (lines 8 and 10)."""
    path = tmp_path / "dump.txt"
    path.write_bytes((FIXTURES / "cms_dump.txt").read_bytes())
    return path


def test_fix_joins_stray_bullets_and_changes_nothing_else(dump: Path) -> None:
    before = dump.read_text("utf-8")
    code, _, stderr = _check("--fix", "--select", "stray-bullet", str(dump))
    assert code == 0  # nothing of the selected rule is left
    assert "Fixed 2 problems in 1 file." in stderr
    expected = before.replace("-\nBrew it cooler", "- Brew it cooler").replace(
        "-\nSkip the sugar", "- Skip the sugar"
    )
    assert dump.read_text("utf-8") == expected


def test_fix_is_idempotent(dump: Path) -> None:
    _check("--fix", str(dump))
    once = dump.read_bytes()
    modified = dump.stat().st_mtime_ns
    code, stdout, stderr = _check("--fix", str(dump))
    assert "Fixed 0 problems in 0 files." in stderr
    assert dump.read_bytes() == once
    assert dump.stat().st_mtime_ns == modified  # not even rewritten
    assert code == 1  # what cannot be fixed is still reported, an error among it
    assert "warning truncated-text" in stdout
    assert "error supplement-disease-claim" in stdout


def test_fix_with_every_rule_on_the_dump(dump: Path) -> None:
    _check("--fix", str(dump))
    lines = dump.read_text("utf-8").splitlines()
    # Stray bullets joined, pasted dashes made Markdown's "-", the teaser's tail kept
    # (a "..." needs the writer: only "Read more" links are removed).
    assert lines[4].startswith("- Catechins:")
    assert lines[5].startswith("- Caffeine:")
    assert lines[7] == "- Brew it cooler: water just off the boil keeps the flavour gentle."
    assert lines[8] == "- Skip the sugar: sweetened drinks undo much of the benefit."
    assert lines[11].endswith("Unlike a full workout...")


def test_dry_run_prints_a_diff_and_writes_nothing(dump: Path) -> None:
    before = dump.read_bytes()
    code, stdout, stderr = _check("--fix", "--dry-run", "--select", "stray-bullet", str(dump))
    assert code == 1
    assert dump.read_bytes() == before
    assert stdout.startswith(f"--- a/{dump}\n+++ b/{dump}\n")
    assert "-Brew it cooler: water just off the boil keeps the flavour gentle.\n" in stdout
    assert "+- Brew it cooler: water just off the boil keeps the flavour gentle.\n" in stdout
    assert "Would fix 2 problems in 1 file." in stderr


def test_dry_run_with_nothing_to_fix_exits_0(tmp_path: Path) -> None:
    post = tmp_path / "ok.md"
    post.write_text("# Fine\n\n- one\n- two\n", "utf-8")
    code, stdout, _ = _check("--fix", "--dry-run", str(post))
    assert (code, stdout) == (0, "")


def test_line_endings_byte_order_mark_and_permissions_are_kept(tmp_path: Path) -> None:
    post = tmp_path / "crlf.md"
    post.write_bytes(b"\xef\xbb\xbf# Tips\r\n\r\nTry these:\r\n\r\n-\r\nDrink water\r\n- Sleep\r\n")
    os.chmod(post, 0o640)
    _check("--fix", "--select", "stray-bullet", str(post))
    assert post.read_bytes() == (
        b"\xef\xbb\xbf# Tips\r\n\r\nTry these:\r\n\r\n- Drink water\r\n- Sleep\r\n"
    )
    assert stat.S_IMODE(post.stat().st_mode) == 0o640


def test_read_only_files_are_not_fixed(dump: Path) -> None:
    before = dump.read_bytes()
    os.chmod(dump, 0o444)
    code, _, stderr = _check("--fix", str(dump))
    assert code == 2
    assert f"{dump}: read-only; not fixed" in stderr
    assert dump.read_bytes() == before


def test_suppressed_findings_are_not_fixed(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    text = "# Tips\n\nTry:\n\n<!-- healthlint-disable-next-line stray-bullet -->\n-\nDrink water\n"
    post.write_text(text, "utf-8")
    _check("--fix", str(post))
    assert post.read_text("utf-8") == text


def test_read_more_tail_is_removed_with_its_blanks(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("# Tea\n\nOur next post looks at tea.  Read more...\n", "utf-8")
    _check("--fix", "--select", "truncated-text", str(post))
    assert post.read_text("utf-8") == "# Tea\n\nOur next post looks at tea.\n"


def test_jargon_swap_keeps_a_capital(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("# Heart\n\nMyocardial infarction is common.\n", "utf-8")
    _check("--fix", "--unsafe-fixes", "--select", "medical-jargon", str(post))
    assert post.read_text("utf-8") == "# Heart\n\nHeart attack is common.\n"


def test_disclaimer_is_appended_in_the_team_s_words(tmp_path: Path) -> None:
    (tmp_path / ".healthlint.yaml").write_text(
        "rules:\n  missing-disclaimer:\n    fix:\n"
        "      append: 'This post is not medical advice. Talk to your doctor.'\n",
        "utf-8",
    )
    post = tmp_path / "post.md"
    advice = " ".join(["You should walk every day and drink water with each meal."] * 15)
    post.write_text(f"# Walking\n\n{advice}\n", "utf-8")
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--fix",
            "--select",
            "missing-disclaimer",
            "--config",
            str(tmp_path / ".healthlint.yaml"),
            str(post),
        ],
    )
    assert result.exit_code == 0, result.output
    assert post.read_text("utf-8") == (
        f"# Walking\n\n{advice}\n\nThis post is not medical advice. Talk to your doctor.\n"
    )


def test_dry_run_needs_fix_and_fix_needs_files() -> None:
    assert _check("--dry-run", "x.md")[0] == 2
    code, _, stderr = _check("--fix", "-")
    assert code == 2
    assert "cannot take standard input" in stderr


def test_overlapping_edits_keep_the_first() -> None:
    edits = [Edit(Span(4, 6), "X"), Edit(Span(0, 1), "a"), Edit(Span(5, 7), "Y")]
    assert apply_edits("0123456789", edits) == ("a123X6789", 2)


def test_insertions_and_deletions() -> None:
    edits = [Edit(Span(10, 10), "!"), Edit(Span(0, 2), "")]
    assert apply_edits("0123456789", edits) == ("23456789!", 2)


def _rule(fix: str) -> str:
    return (
        "name: demo\nkind: pattern\nseverity: info\nmessage: 'x {match}'\n"
        "description: d\nwords: [foo]\n"
        f"{fix}"
        "examples:\n  fail: ['foo']\n  pass: ['bar']\n"
    )


@pytest.mark.parametrize(
    "actions",
    [
        "replace: x\n  append: y\n",
        "join_next_line: true\n  delete_line: true\n",
        "replace: ''\n  delete_line: true\n",
    ],
)
def test_a_fix_with_two_actions_is_refused(actions: str) -> None:
    with pytest.raises(Exception, match="exactly one of 'replace', 'join_next_line'"):
        parse_rule(_rule(f"fix:\n  {actions}"), "demo.yaml")


def test_a_joined_line_can_have_its_text_replaced_too() -> None:
    rule = parse_rule(_rule("fix:\n  join_next_line: true\n  replace: '[{match}]'\n"), "x.yaml")
    assert rule.fix is not None and rule.fix.join_next_line and rule.fix.replace == "[{match}]"


def test_a_fix_template_with_an_unknown_placeholder_is_refused() -> None:
    with pytest.raises(Exception, match=r"fix.replace uses unknown placeholder \{nope\}"):
        parse_rule(_rule("fix:\n  replace: '{nope}'\n"), "demo.yaml")


def test_hype_words_with_a_plain_swap_are_replaced_the_rest_left(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("# Kale\n\nKale is a superfood and a game-changer.\n", "utf-8")
    code, _, stderr = _check("--fix", "--unsafe-fixes", "--select", "hype-superlative", str(post))
    assert post.read_text("utf-8") == "# Kale\n\nKale is a nutritious food and a game-changer.\n"
    assert "Fixed 1 problem in 1 file. 1 of them changed wording: review it.\n" in stderr
    assert code == 0  # hype findings are info


def test_utf16_files_are_reported_but_not_rewritten(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    data = "# Tips\n\nTry:\n\n-\nDrink water\n".encode("utf-16")
    post.write_bytes(data)
    code, _, stderr = _check("--fix", str(post))
    assert code == 2
    assert "cannot fix a UTF-16 or UTF-32 file" in stderr
    assert post.read_bytes() == data


def test_a_file_that_cannot_be_fixed_does_not_stop_the_others(dump: Path, tmp_path: Path) -> None:
    stuck = tmp_path / "stuck.md"
    stuck.write_text("# Tips\n\nTry:\n\n-\nDrink water\n", "utf-8")
    os.chmod(stuck, 0o444)
    code, _, stderr = _check("--fix", "--select", "stray-bullet", str(stuck), str(dump))
    assert code == 2
    assert f"healthlint: error: {stuck}: read-only; not fixed" in stderr
    assert "- Brew it cooler" in dump.read_text("utf-8")


def test_temporary_files_are_new_private_and_beside_the_target(tmp_path: Path) -> None:
    from healthlint.files.atomic import temporary_file

    opened = [temporary_file(tmp_path, ".post.md.") for _ in range(3)]
    names = {name for _, name in opened}
    for handle, name in opened:
        os.close(handle)
        assert os.path.dirname(name) == str(tmp_path)
        assert os.path.basename(name).startswith(".post.md.") and name.endswith(".tmp")
        assert stat.S_IMODE(os.stat(name).st_mode) == 0o600
    assert len(names) == 3


# A stray bullet (safe: layout) near the top, and jargon (unsafe: a word swap) far enough
# below that a diff shows them in two hunks.
_MIXED = (
    "# Heart care\n\nTry these:\n\n-\nWalk after dinner.\n\n"
    + "".join(f"Line {n} of plain advice.\n\n" for n in range(6))
    + "Syncope can follow a long stand.\n"
)


def test_fix_alone_makes_safe_fixes_and_leaves_wording(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(_MIXED, "utf-8")
    code, stdout, stderr = _check("--fix", "--select", "stray-bullet,medical-jargon", str(post))
    assert post.read_text("utf-8") == _MIXED.replace("-\nWalk", "- Walk")
    assert (
        "Fixed 1 problem in 1 file. 1 unsafe fix left out: it changes wording "
        "(--unsafe-fixes makes it).\n" in stderr
    )
    assert stdout.endswith(
        "Found 1 problem (1 info) in 1 post in 1 file.\n"
        "1 fixable with --fix --unsafe-fixes: they change wording.\n"
    )
    assert code == 0


def test_unsafe_fixes_also_change_wording(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(_MIXED, "utf-8")
    code, stdout, stderr = _check(
        "--fix", "--unsafe-fixes", "--select", "stray-bullet,medical-jargon", str(post)
    )
    assert post.read_text("utf-8") == _MIXED.replace("-\nWalk", "- Walk").replace(
        "Syncope can", "Fainting can"
    )
    assert "Fixed 2 problems in 1 file. 1 of them changed wording: review it.\n" in stderr
    assert stdout.startswith("No problems found")
    assert code == 0


def test_dry_run_shows_only_safe_fixes_without_unsafe_fixes(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(_MIXED, "utf-8")
    code, stdout, stderr = _check(
        "--fix", "--dry-run", "--select", "stray-bullet,medical-jargon", str(post)
    )
    assert "+- Walk after dinner.\n" in stdout
    assert "Syncope" not in stdout and "unsafe" not in stdout
    assert "Would fix 1 problem in 1 file. 1 unsafe fix left out" in stderr
    assert code == 1
    assert post.read_text("utf-8") == _MIXED


def test_dry_run_marks_the_hunks_of_unsafe_fixes(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(_MIXED, "utf-8")
    code, stdout, stderr = _check(
        "--fix", "--dry-run", "--unsafe-fixes", "--select", "stray-bullet,medical-jargon", str(post)
    )
    headers = [line for line in stdout.splitlines() if line.startswith("@@")]
    assert headers == [
        "@@ -2,8 +2,7 @@",
        "@@ -17,4 +16,4 @@ unsafe fix, changes wording: medical-jargon",
    ]
    assert "-Syncope can follow a long stand.\n+Fainting can follow a long stand.\n" in stdout
    assert "Would fix 2 problems in 1 file. 1 of them would change wording: review it.\n" in stderr
    assert code == 1
    assert post.read_text("utf-8") == _MIXED


def test_a_marked_diff_still_applies_as_a_patch(tmp_path: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    post = tmp_path / "post.md"
    post.write_text(_MIXED, "utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)  # a relative path gives the a/ and b/ names git apply reads
        _, diff, _ = _check(
            "--fix", "--dry-run", "--unsafe-fixes", "--select", "medical-jargon", "post.md"
        )
    assert "unsafe fix, changes wording" in diff
    (tmp_path / "fix.patch").write_text(diff, "utf-8")
    subprocess.run(["git", "apply", "fix.patch"], cwd=tmp_path, check=True)
    assert post.read_text("utf-8") == _MIXED.replace("Syncope can", "Fainting can")


def test_unsafe_fixes_needs_fix() -> None:
    code, _, stderr = _check("--unsafe-fixes", "x.md")
    assert code == 2
    assert "--unsafe-fixes only goes with --fix" in stderr


def test_the_report_counts_safe_and_unsafe_fixes(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(_MIXED, "utf-8")
    _, stdout, _ = _check("--select", "stray-bullet,medical-jargon", str(post))
    assert stdout.endswith(
        "Found 2 problems (1 error, 1 info) in 1 post in 1 file.\n"
        "1 fixable with --fix (1 more with --unsafe-fixes: they change wording).\n"
    )
    _, quiet, _ = _check("-q", "--select", "stray-bullet,medical-jargon", str(post))
    assert "fixable" not in quiet


@pytest.mark.parametrize(
    ("fix", "applicability"),
    [
        ("fix:\n  replace: bar\n", "unsafe"),  # a word swap changes what a sentence says
        ("fix:\n  replace: ''\n", "unsafe"),  # so does taking words out
        ("fix:\n  join_next_line: true\n", "safe"),
        ("fix:\n  join_next_line: true\n  replace: '-'\n", "safe"),  # the marker only
        ("fix:\n  delete_line: true\n", "safe"),
        ("fix:\n  append: 'Not medical advice.'\n", "safe"),
        ("fix:\n  replace: bar\n  applicability: safe\n", "safe"),
        ("fix:\n  join_next_line: true\n  applicability: unsafe\n", "unsafe"),
    ],
)
def test_a_fix_is_unsafe_when_it_replaces_text_unless_the_rule_says(
    fix: str, applicability: str
) -> None:
    rule = parse_rule(_rule(fix), "demo.yaml")
    assert rule.fix is not None
    assert rule.fix.resolved_applicability == applicability


def test_a_team_s_word_swap_waits_for_unsafe_fixes(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "demo.yaml").write_text(_rule("fix:\n  replace: bar\n"), "utf-8")
    post = tmp_path / "post.md"
    post.write_text("# Food\n\nEat foo daily.\n", "utf-8")
    _check("--fix", "--rules", str(rules), "--select", "demo", str(post))
    assert post.read_text("utf-8") == "# Food\n\nEat foo daily.\n"
    _check("--fix", "--unsafe-fixes", "--rules", str(rules), "--select", "demo", str(post))
    assert post.read_text("utf-8") == "# Food\n\nEat bar daily.\n"


def test_explain_says_which_command_makes_a_fix() -> None:
    def fix_line(rule: str) -> str:
        output = CliRunner().invoke(main, ["explain", rule]).stdout
        return next(line for line in output.splitlines() if line.startswith("Fix"))

    assert fix_line("stray-bullet") == (
        "Fix (check --fix): joins the line to the next one and replaces the text with '{expected}'."
    )
    assert fix_line("medical-jargon") == (
        "Fix (check --fix --unsafe-fixes): replaces the text with '{replacement}'."
    )


LIST_RULES = "stray-bullet,empty-list-item,non-markdown-bullet,mixed-bullets"


def test_each_list_glitch_is_one_finding_and_one_fix_mends_the_list(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(
        "# Tips\n\nDo this:\n\n- Drink water\n• Walk daily\n–\nRest on Sundays\n-\n* Sleep well\n",
        "utf-8",
    )
    code, stdout, _ = _check("--select", LIST_RULES, "--fail-on", "never", "-q", str(post))
    assert code == 0
    assert stdout.splitlines() == [
        f"{post}:6:1: warning non-markdown-bullet '•' is not a Markdown list marker, so this "
        "line renders as plain text, not a list item: use '-'.",
        f"{post}:7:1: error stray-bullet List marker '–' stands alone on its line; the item's "
        "text is on the next line. Join them: '- Item text'.",
        f"{post}:9:1: error empty-list-item Empty list item: the marker '-' has no text and "
        "nothing follows it. Remove it or add the missing item.",
        f"{post}:10:1: info mixed-bullets Bullet '*' differs from '-', the marker the rest of "
        "this post's lists use: use '-'.",
    ]
    _check("--fix", "--select", LIST_RULES, str(post))
    assert post.read_text("utf-8") == (
        "# Tips\n\nDo this:\n\n- Drink water\n- Walk daily\n- Rest on Sundays\n- Sleep well\n"
    )
    code, stdout, _ = _check("--select", LIST_RULES, "-q", str(post))
    assert (code, stdout) == (0, "")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # A line of furniture goes with one of the blank lines around it.
        (
            "# Tea\n\nGreen tea.\n\nAdvertisement\n\nBlack tea.\n",
            "# Tea\n\nGreen tea.\n\nBlack tea.\n",
        ),
        ("# Tea\n\nGreen tea.\n\nShare on Facebook\n", "# Tea\n\nGreen tea.\n"),
        (
            "# Tea\n\nGreen tea.\n\nRelated: Five teas to try\n\nBlack tea.\n",
            "# Tea\n\nGreen tea.\n\nBlack tea.\n",
        ),
        # Furniture inside a sentence is the writer's to reword.
        ("# Tea\n\nTo order tea, click here.\n", "# Tea\n\nTo order tea, click here.\n"),
        # Line endings of the file are kept.
        (
            "# Tea\r\n\r\nGreen tea.\r\n\r\nTweet this\r\n\r\nBlack tea.\r\n",
            "# Tea\r\n\r\nGreen tea.\r\n\r\nBlack tea.\r\n",
        ),
    ],
)
def test_a_line_that_is_only_furniture_is_deleted(tmp_path: Path, before: str, after: str) -> None:
    post = tmp_path / "post.md"
    post.write_bytes(before.encode())
    _check("--fix", "--select", "cms-boilerplate", str(post))
    assert post.read_bytes().decode() == after


def test_a_lone_pasted_marker_becomes_the_bullet_the_list_uses(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("# Tips\n\nIntro text.\n\n* one\n* two\n–\nthree\n", "utf-8")
    _, stdout, _ = _check("--select", "stray-bullet,mixed-bullets", str(post))
    assert "Join them: '* Item text'." in stdout
    _check("--fix", "--select", "stray-bullet,mixed-bullets", str(post))
    assert post.read_text("utf-8") == "# Tips\n\nIntro text.\n\n* one\n* two\n* three\n"
    # One run was enough: nothing is left for a second.
    code, stdout, _ = _check("--select", "stray-bullet,mixed-bullets", str(post))
    assert (code, "fixable" in stdout) == (0, False)
