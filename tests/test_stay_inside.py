"""Staying inside: a walk does not leave the folder it was given through links, only
regular files are read (a named pipe or a device is refused, never read forever), reads
are capped, and --fix writes only inside the paths given, through links to their target,
keeping hard links, owner and mode, and never over an edit made meanwhile."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.cli import main

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
needs_links = pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")

STRAY = "# Tips\n\nTry:\n\n-\nDrink water\n"
FIXED = "# Tips\n\nTry:\n\n- Drink water\n"
CLEAN = "# Water\n\nWater is a drink.\n"


def _check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--no-color", *args])
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


def _healthlint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """healthlint in its own process: a read that blocks fails the test instead of
    hanging the suite."""
    env = {**os.environ, "HEALTHLINT_NO_CACHE": "1", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "healthlint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def _repository(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "posts").mkdir()
    return repo


# Walks


@needs_links
def test_a_walk_does_not_follow_a_link_to_a_folder_and_fix_leaves_it_alone(
    tmp_path: Path,
) -> None:
    repo = _repository(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "outside.md").write_text(STRAY, "utf-8")
    os.symlink(elsewhere, repo / "posts" / "archive")
    (repo / "posts" / "inside.md").write_text(STRAY, "utf-8")
    done = _healthlint(repo, "check", "--fix", "--select", "stray-bullet", ".")
    assert done.returncode == 0, done.stderr
    assert (elsewhere / "outside.md").read_text("utf-8") == STRAY
    assert (repo / "posts" / "inside.md").read_text("utf-8") == FIXED
    assert (
        f"healthlint: note: skipped {Path('posts/archive')}: a link to a folder, not "
        "followed (--follow-links follows it)\n"
    ) in done.stderr


@needs_links
def test_follow_links_walks_through_but_fix_still_writes_only_inside(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "outside.md").write_text(STRAY, "utf-8")
    os.symlink(elsewhere, repo / "posts" / "archive")
    os.symlink(repo, repo / "posts" / "loop")  # a loop still ends
    done = _healthlint(repo, "check", "--follow-links", "--select", "stray-bullet", "posts")
    assert done.returncode == 1
    assert f"{Path('posts/archive/outside.md')}:5:1: error stray-bullet" in done.stdout
    fixing = _healthlint(
        repo, "check", "--follow-links", "--fix", "--select", "stray-bullet", "posts"
    )
    assert fixing.returncode == 2
    assert (
        f"healthlint: error: {Path('posts/archive/outside.md')}: leads to "
        f"{(elsewhere / 'outside.md').resolve()}, outside the paths given; not fixed\n"
    ) in fixing.stderr
    assert (elsewhere / "outside.md").read_text("utf-8") == STRAY


@needs_links
def test_a_link_to_a_file_outside_the_repository_is_skipped_one_inside_read(
    tmp_path: Path,
) -> None:
    repo = _repository(tmp_path)
    secret = tmp_path / "secret.md"
    secret.write_text(STRAY, "utf-8")
    (repo / "shared.md").write_text(STRAY, "utf-8")
    os.symlink(secret, repo / "posts" / "secret.md")
    os.symlink(repo / "shared.md", repo / "posts" / "shared.md")
    done = _healthlint(repo, "check", "--select", "stray-bullet", "posts")
    assert done.returncode == 1
    assert f"{Path('posts/shared.md')}:5:1: error stray-bullet" in done.stdout
    assert "secret" not in done.stdout
    assert (
        f"healthlint: note: skipped {Path('posts/secret.md')}: a link to a file outside "
        f"{repo.resolve()}, not followed (name the file, or use --follow-links)\n"
    ) in done.stderr


@needs_fifo
def test_a_named_pipe_post_is_refused_and_the_others_linted(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "post.md").write_text(STRAY, "utf-8")
    for args in (["pipe.md", "post.md"], ["."]):
        done = _healthlint(tmp_path, "check", "--select", "stray-bullet", *args)
        assert done.returncode == 2
        assert "post.md:5:1: error stray-bullet" in done.stdout
        assert done.stderr.endswith(
            "healthlint: error: pipe.md: a named pipe (FIFO), not a regular file; "
            "not read as a post\n"
        )


@needs_links
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_post_linked_to_dev_zero_is_refused_unread(tmp_path: Path) -> None:
    os.symlink("/dev/zero", tmp_path / "zero.md")
    done = _healthlint(tmp_path, "check", "zero.md")
    assert done.returncode == 2
    assert done.stderr == (
        "healthlint: error: zero.md: a character device, not a regular file; not read as a post\n"
    )
    walked = _healthlint(tmp_path, "check", ".")  # found by walking: it leads outside
    assert "healthlint: note: skipped zero.md: a link to a file outside" in walked.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_config_from_dev_zero_is_refused(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text(CLEAN, "utf-8")
    done = _healthlint(tmp_path, "check", "--config", "/dev/zero", "post.md")
    assert done.returncode == 2
    assert done.stderr == (
        "healthlint: error: /dev/zero: a character device, not a regular file; "
        "not read as a config file\n"
    )


@needs_fifo
@pytest.mark.parametrize(
    ("name", "args", "what"),
    [
        (".healthlint.yaml", [], "config file"),
        ("baseline.json", ["--baseline", "baseline.json"], "baseline"),
        ("rules/pipe.yaml", ["--rules", "rules"], "rule file"),
    ],
)
def test_named_pipes_as_config_baseline_or_rule_files_are_refused(
    tmp_path: Path, name: str, args: list[str], what: str
) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "post.md").write_text(CLEAN, "utf-8")
    os.mkfifo(tmp_path / name)
    done = _healthlint(tmp_path, "check", *args, "post.md")
    assert done.returncode == 2
    shown = tmp_path.resolve() / name if name.startswith(".") else Path(name)
    assert done.stderr == (
        f"healthlint: error: {shown}: a named pipe (FIFO), not a regular file; "
        f"not read as a {what}\n"
    )


def test_reads_are_capped(tmp_path: Path) -> None:
    config = tmp_path / "big.yaml"
    config.write_bytes(b"# " + b"x" * (4 * 1024 * 1024) + b"\n")
    post = tmp_path / "post.md"
    post.write_text(CLEAN, "utf-8")
    code, _, stderr = _check("--config", str(config), str(post))
    assert code == 2
    assert stderr == (
        f"healthlint: error: {config}: larger than 4 MB, the limit for a config file; not read\n"
    )
    huge = tmp_path / "huge.md"
    with open(huge, "wb") as out:
        out.truncate(64 * 1024 * 1024 + 1)  # sparse: no disk spent
    code, stdout, stderr = _check("--select", "stray-bullet", str(huge), str(post))
    assert code == 2
    assert "No problems found in 1 post in 1 file." in stdout
    assert stderr == (
        f"healthlint: error: {huge}: larger than 64 MB, the limit for a post; not read\n"
    )


# --fix


@needs_links
def test_fix_writes_through_a_linked_post_and_the_link_stays(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    target = tmp_path / "drafts" / "real.md"
    target.write_text(STRAY, "utf-8")
    link = tmp_path / "post.md"
    os.symlink(Path("drafts") / "real.md", link)
    code, _, stderr = _check("--fix", "--select", "stray-bullet", str(tmp_path))
    assert code == 0, stderr
    assert link.is_symlink()
    assert os.readlink(link) == str(Path("drafts") / "real.md")
    assert target.read_text("utf-8") == FIXED


def test_fix_keeps_hard_links_and_mode(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(STRAY, "utf-8")
    os.chmod(post, 0o640)
    os.link(post, tmp_path / "copy.txt")
    code, _, stderr = _check("--fix", "--select", "stray-bullet", str(post))
    assert code == 0, stderr
    assert os.stat(post).st_nlink == 2
    assert (tmp_path / "copy.txt").read_text("utf-8") == FIXED
    assert stat.S_IMODE(os.stat(post).st_mode) == 0o640


def test_fix_keeps_the_mode_of_a_single_file(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(STRAY, "utf-8")
    os.chmod(post, 0o604)
    assert _check("--fix", "--select", "stray-bullet", str(post))[0] == 0
    assert post.read_text("utf-8") == FIXED
    assert stat.S_IMODE(os.stat(post).st_mode) == 0o604


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root gives files away"
)
def test_fix_as_root_keeps_the_owner(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(STRAY, "utf-8")
    os.chown(post, 4321, 4322)
    assert _check("--fix", "--select", "stray-bullet", str(post))[0] == 0
    assert post.read_text("utf-8") == FIXED
    info = os.stat(post)
    assert (info.st_uid, info.st_gid, info.st_nlink) == (4321, 4322, 1)


def test_an_edit_made_while_fixing_is_never_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import healthlint.app.fix as fix

    post = tmp_path / "post.md"
    post.write_text(STRAY, "utf-8")
    real = fix.lint_document

    def lint_while_an_editor_saves(*args: object, **kwargs: object) -> object:
        with open(post, "a", encoding="utf-8") as editor:
            editor.write("A line the writer just added.\n")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fix, "lint_document", lint_while_an_editor_saves)
    code, _, stderr = _check("--fix", "--select", "stray-bullet", str(post))
    assert code == 2
    assert f"healthlint: error: {post}: changed while it was being fixed; left as it is\n" in (
        stderr
    )
    assert post.read_text("utf-8") == STRAY + "A line the writer just added.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"]


def test_an_edit_made_while_fixing_a_hard_linked_file_is_never_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import healthlint.app.fix as fix

    post = tmp_path / "post.md"
    post.write_text(STRAY, "utf-8")
    os.link(post, tmp_path / "other.md")
    real = fix.lint_document

    def lint_while_an_editor_saves(*args: object, **kwargs: object) -> object:
        with open(post, "a", encoding="utf-8") as editor:
            editor.write("More.\n")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fix, "lint_document", lint_while_an_editor_saves)
    code, _, stderr = _check("--fix", "--select", "stray-bullet", str(post))
    assert code == 2
    assert "changed while it was being fixed; left as it is" in stderr
    assert post.read_text("utf-8") == STRAY + "More.\n"


def test_stale_temporary_files_of_a_killed_fix_are_cleared_next_run(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(STRAY, "utf-8")
    stale = tmp_path / ".healthlint-post.md.k1ll3d.tmp"
    stale.write_text("half a post", "utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    someone_elses = tmp_path / ".post.md.editor.tmp"  # not a name healthlint gives
    someone_elses.write_text("an editor's swap file", "utf-8")
    os.utime(someone_elses, (an_hour_ago, an_hour_ago))
    assert _check("--fix", "--select", "stray-bullet", str(post))[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [".post.md.editor.tmp", "post.md"]


def test_a_fresh_temporary_file_is_left_alone(tmp_path: Path) -> None:
    from healthlint.files.atomic import remove_stale_temporaries

    fresh = tmp_path / ".healthlint-post.md.w0rk1ng.tmp"  # another run, writing now
    fresh.write_text("", "utf-8")
    remove_stale_temporaries(tmp_path, time.time() - 60)
    assert fresh.exists()


# -o and --write-baseline


@pytest.fixture
def null_device(tmp_path: Path) -> Path:
    """A character device to write to: as root, a null device made for the test (a
    healthlint that replaced it would destroy the system's /dev/null otherwise); else
    /dev/null itself, which a user cannot replace."""
    if hasattr(os, "geteuid") and os.geteuid() == 0 and hasattr(os, "mknod"):
        device = tmp_path / "null"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        return device
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null here")
    return Path("/dev/null")


def test_output_to_a_device_writes_and_keeps_the_device(tmp_path: Path, null_device: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(CLEAN, "utf-8")
    for option in ("-o", "--write-baseline"):
        code, _, stderr = _check(option, str(null_device), str(post))
        assert code == 0, stderr
        assert stat.S_ISCHR(os.stat(null_device).st_mode)
    assert not list(null_device.parent.glob(".healthlint-*"))


@needs_fifo
def test_output_to_a_named_pipe_is_written_in_place(tmp_path: Path) -> None:
    import threading

    post = tmp_path / "post.md"
    post.write_text(STRAY, "utf-8")
    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []

    def read() -> None:
        with open(pipe, "rb") as reader:
            received.append(reader.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    code, _, _ = _check("--format", "json", "-o", str(pipe), str(post))
    reader.join(timeout=30)
    assert code == 1
    assert b'"stray-bullet"' in received[0]
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


@needs_links
@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_output_through_a_link_to_a_regular_file_is_refused(tmp_path: Path, option: str) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", "utf-8")
    link = tmp_path / "report.txt"
    os.symlink(victim, link)
    post = tmp_path / "post.md"
    post.write_text(CLEAN, "utf-8")
    code, _, stderr = _check(option, str(link), str(post))
    assert code == 2
    assert stderr.endswith(
        f"healthlint: error: {link}: a symbolic link (to {victim}); not replaced: "
        "name the file it points to, or another path\n"
    )
    assert victim.read_text("utf-8") == "keep me\n"
    assert link.is_symlink()


@needs_links
def test_output_through_a_link_to_a_device_is_written(tmp_path: Path, null_device: Path) -> None:
    link = tmp_path / "out"
    os.symlink(null_device, link)
    post = tmp_path / "post.md"
    post.write_text(CLEAN, "utf-8")
    assert _check("-o", str(link), str(post))[0] == 0
    assert link.is_symlink()
    assert stat.S_ISCHR(os.stat(null_device).st_mode)


def test_output_replaces_a_regular_file_keeping_its_mode(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("old\n", "utf-8")
    os.chmod(report, 0o640)
    post = tmp_path / "post.md"
    post.write_text(CLEAN, "utf-8")
    assert _check("-o", str(report), str(post))[0] == 0
    assert report.read_text("utf-8").startswith("No problems found")
    assert stat.S_IMODE(os.stat(report).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.md", "report.txt"]


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="no /dev/stdout here")
def test_output_to_dev_stdout_goes_to_the_descriptor(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text(STRAY, "utf-8")
    done = _healthlint(tmp_path, "check", "--format", "json", "-o", "/dev/stdout", "post.md")
    assert done.returncode == 1, done.stderr
    assert '"rule": "stray-bullet"' in done.stdout
    assert os.path.islink("/dev/stdout") or not os.path.isfile("/dev/stdout")


@pytest.mark.skipif(not os.access("/dev/shm", os.W_OK), reason="no writable /dev/shm here")
def test_output_through_a_link_planted_under_dev_shm_is_refused(tmp_path: Path) -> None:
    # /dev/shm is writable by everyone, like /tmp: a link there is no system link.
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", "utf-8")
    link = Path("/dev/shm") / f"healthlint-test-{os.getpid()}.json"
    os.symlink(victim, link)
    try:
        post = tmp_path / "post.md"
        post.write_text(CLEAN, "utf-8")
        code, _, stderr = _check("--format", "json", "-o", str(link), str(post))
    finally:
        link.unlink()
    assert code == 2
    assert "a symbolic link" in stderr
    assert victim.read_text("utf-8") == "keep me\n"
