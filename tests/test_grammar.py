"""The grammar rule against a fake LanguageTool server: positions, filters, and privacy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from fake_languagetool import check as check_text
from fake_languagetool import fake_languagetool
from healthlint.cli import main
from healthlint.rules.kinds.grammar import SERVER_VARIABLE

Server = tuple[str, list[str]]


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    with fake_languagetool() as (url, texts):
        monkeypatch.setenv(SERVER_VARIABLE, url)
        yield url, texts


def _check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--no-color", "-q", "--select", "grammar", *args])
    return result.exit_code, result.stdout, result.stderr


def _post(tmp_path: Path, text: str, name: str = "post.md") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_findings_point_at_the_mistake_in_the_file(server: Server, tmp_path: Path) -> None:
    post = _post(
        tmp_path,
        "---\ntitle: Sleep\n---\n\n# Sleep\n\nMost adults need **teh** same: a aim of 8 hours.\n",
    )
    code, stdout, _ = _check(str(post))
    assert code == 0  # grammar findings are info
    assert stdout.splitlines() == [
        f"{post}:7:20: info grammar Possible spelling mistake found. Suggestion: 'the'. "
        "(LanguageTool MORFOLOGIK_RULE_EN_US)",
        f"{post}:7:32: info grammar Use “an” instead of ‘a’ if the following word starts "
        "with a vowel sound. Suggestion: 'an'. (LanguageTool EN_A_VS_AN)",
    ]


def test_the_server_gets_the_text_without_markup_or_front_matter(
    server: Server, tmp_path: Path
) -> None:
    _, texts = server
    post = _post(
        tmp_path,
        "---\nauthor: Private Person\n---\n\n# Sleep\n\nSee [the guide](https://example.org/secret).\n",
    )
    _check(str(post))
    assert len(texts) == 1
    assert "Private Person" not in texts[0]
    assert "example.org" not in texts[0]
    assert "the guide" in texts[0]


def test_offsets_count_characters_after_an_emoji(server: Server, tmp_path: Path) -> None:
    # LanguageTool counts UTF-16 units; an emoji is two of them but one character here.
    post = _post(tmp_path, "# Tips\n\n😴 Sleep well and recieve the benefits.\n")
    _, stdout, _ = _check(str(post))
    assert stdout.startswith(f"{post}:3:18: info grammar Possible spelling mistake")


def test_ignored_rule_ids_and_accepted_words_are_dropped(server: Server, tmp_path: Path) -> None:
    vocabulary = _post(tmp_path, "# drug names\nMetformin\n", "words.txt")
    config = _post(
        tmp_path,
        "rules:\n  grammar:\n    ignore: [EN_A_VS_AN]\n"
        f"    vocabulary: {vocabulary}\n    accept: [recieve]\n",
        ".healthlint.yaml",
    )
    post = _post(tmp_path, "# Drugs\n\nTake a aspirin or metformin and recieve teh results.\n")
    _, stdout, _ = _check("--config", str(config), str(post))
    assert [line.split(" grammar ")[1][:28] for line in stdout.splitlines()] == [
        "Possible spelling mistake fo"
    ]
    assert "'the'" in stdout


def test_without_a_server_the_rule_is_skipped_with_one_notice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(SERVER_VARIABLE, raising=False)
    import language_tool_python

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("no server was named: nothing may be contacted or downloaded")

    monkeypatch.setattr(language_tool_python, "LanguageTool", refuse)
    first = _post(tmp_path, "# A\n\nTeh end.\n", "a.md")
    second = _post(tmp_path, "# B\n\nTeh end.\n", "b.md")
    args = ["check", "--no-color", "--preset", "strict", "--fail-on", "never"]
    result = CliRunner().invoke(main, [*args, str(first), str(second)])
    assert result.exit_code == 0
    notices = [line for line in result.stderr.splitlines() if "grammar" in line]
    assert notices == [
        "healthlint: note: rule 'grammar' skipped: no LanguageTool server: set "
        f"{SERVER_VARIABLE} or the grammar rule's 'server' (drafts go only to a server "
        "you name)"
    ]


def test_quiet_runs_say_nothing_of_a_skipped_rule(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(SERVER_VARIABLE, raising=False)
    post = _post(tmp_path, "# A\n\nThe end.\n")
    code, stdout, stderr = _check(str(post))
    assert (code, stdout, stderr) == (0, "", "")
    result = CliRunner().invoke(main, ["check", "-q", "--preset", "strict", str(post)])
    assert result.stderr == ""


def test_the_recommended_preset_does_not_ask_for_a_server(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(SERVER_VARIABLE, raising=False)
    post = _post(tmp_path, "# A\n\nThe end.\n")
    result = CliRunner().invoke(main, ["check", str(post)])
    assert "grammar" not in result.stderr


def test_a_server_that_does_not_answer_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with fake_languagetool() as (url, _):
        pass  # the port is closed again
    monkeypatch.setenv(SERVER_VARIABLE, url)
    post = _post(tmp_path, "# A\n\nTeh end.\n")
    code, _, stderr = _check(str(post))
    assert code == 2
    lines = stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        f"healthlint: error: {post}: rule 'grammar': LanguageTool server {url} failed"
    )
    assert "Traceback" not in stderr


def test_the_server_from_the_config_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SERVER_VARIABLE, "http://127.0.0.1:9")  # nothing listens there
    with fake_languagetool() as (url, texts):
        config = _post(tmp_path, f"rules:\n  grammar:\n    server: {url}\n", ".healthlint.yaml")
        post = _post(tmp_path, "# A\n\nTeh end.\n")
        code, stdout, _ = _check("--config", str(config), str(post))
    assert code == 0
    assert "MORFOLOGIK_RULE_EN_US" in stdout
    assert texts


def test_parallel_workers_open_their_own_connection(server: Server, tmp_path: Path) -> None:
    paths = [
        str(_post(tmp_path, f"# Post {i}\n\nTeh end of post {i}.\n", f"p{i}.md")) for i in range(12)
    ]
    code, stdout, _ = _check("--jobs", "2", "--no-cache", *paths)
    assert code == 0
    assert len(stdout.splitlines()) == 12


def _local_config(tmp_path: Path) -> Path:
    return _post(tmp_path, "rules:\n  grammar:\n    local: true\n", ".healthlint.yaml")


def test_local_mode_without_an_install_is_skipped_and_downloads_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt"))
    (tmp_path / "lt").mkdir()
    import language_tool_python

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("nothing is installed: LanguageTool must not be started")

    monkeypatch.setattr(language_tool_python, "LanguageTool", refuse)
    post = _post(tmp_path, "# A\n\nTeh end.\n")
    args = ["check", "--select", "grammar", "--config", str(_local_config(tmp_path)), str(post)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert "no local LanguageTool install" in result.stderr
    assert list((tmp_path / "lt").iterdir()) == []


def test_local_mode_starts_the_installed_version(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt"))
    (tmp_path / "lt" / "LanguageTool-6.6").mkdir(parents=True)
    monkeypatch.setattr("shutil.which", lambda name: f"/usr/bin/{name}")
    started: list[dict[str, object]] = []

    class Local:
        """Stands in for language-tool-python's client of a local LanguageTool."""

        def __init__(self, language: str, **options: object) -> None:
            started.append({"language": language, **options})

        def check(self, text: str) -> list[object]:
            from language_tool_python.match import Match

            return [Match(m, text) for m in check_text(text)]

    import language_tool_python

    monkeypatch.setattr(language_tool_python, "LanguageTool", Local)
    post = _post(tmp_path, "# A\n\nTeh end.\n")
    code, stdout, _ = _check("--config", str(_local_config(tmp_path)), str(post))
    assert code == 0
    assert "MORFOLOGIK_RULE_EN_US" in stdout
    assert started == [{"language": "en-US", "language_tool_download_version": "6.6"}]


def test_without_the_client_the_notice_names_a_command_that_installs_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sys

    monkeypatch.setenv(SERVER_VARIABLE, "http://localhost:9")
    # None in sys.modules makes the import fail as if the package were not installed.
    monkeypatch.setitem(sys.modules, "language_tool_python", None)
    post = _post(tmp_path, "# A\n\nTeh end.\n", "a.md")
    result = CliRunner().invoke(main, ["check", "--select", "grammar", str(post)])
    assert result.exit_code == 0
    assert (
        "language-tool-python is not installed: "
        f"{sys.executable} -m pip install 'language-tool-python>=3.0'"
    ) in result.stderr
