"""Progress on stderr for long runs: drawn in place on a terminal after a while, at most a
few times a second, wiped before the report; never in CI, under -q or into a file.

A fake clock moves only when a test says so, so nothing here depends on how fast the
machine is."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.app.progress import Progress, wanted


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class TickingClock(Clock):
    """Moves on by ``step`` seconds each time it is read: every file seems to take a while."""

    def __init__(self, step: float) -> None:
        super().__init__()
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _screen(written: list[str]) -> str:
    """What a terminal shows after the writes: each \\r goes back to the line's start."""
    line: list[str] = []
    column = 0
    for char in "".join(written):
        if char == "\r":
            column = 0
            continue
        if column < len(line):
            line[column] = char
        else:
            line.append(char)
        column += 1
    return "".join(line)


def test_nothing_is_drawn_in_the_first_second() -> None:
    written: list[str] = []
    clock = Clock()
    progress = Progress(written.append, clock=clock)
    progress.start(500)
    for _ in range(200):
        clock.now += 0.004
        progress.advance()
    progress.clear()
    assert written == []  # a run this short shows nothing and has nothing to wipe


def test_after_a_second_files_rate_and_time_left_are_shown() -> None:
    written: list[str] = []
    clock = Clock()
    progress = Progress(written.append, clock=clock)
    progress.start(1000)
    clock.now += 2.0
    progress.advance(250)
    assert written == ["\rhealthlint: 250/1,000 files (25%), 125 files/s, about 6 s left"]


def test_redrawn_at_most_every_quarter_second() -> None:
    written: list[str] = []
    clock = Clock()
    progress = Progress(written.append, clock=clock)
    progress.start(10_000)
    clock.now += 1.0
    for _ in range(90):  # 90 files in 0.45 s: two redraws, not ninety
        clock.now += 0.005
        progress.advance()
    assert len(written) == 2
    assert written[0].startswith("\rhealthlint: 1/10,000 files (0%)")


def test_a_shorter_line_covers_a_longer_one_and_clear_wipes_it() -> None:
    written: list[str] = []
    clock = Clock()
    progress = Progress(written.append, clock=clock)
    progress.start(100)
    clock.now += 1.0
    progress.advance(1)
    clock.now += 1.0
    progress.advance(97)
    first = "\rhealthlint: 1/100 files (1%), 1 files/s, about 1 min 39 s left"
    # The shorter line is padded with spaces over what the longer one left.
    second = "\rhealthlint: 98/100 files (98%), 49 files/s, about 1 s left".ljust(len(first))
    assert written == [first, second]
    progress.clear()
    assert written[-1] == "\r" + " " * (len(first) - 1) + "\r"
    assert _screen(written).strip() == ""


def test_the_last_file_draws_nothing_as_the_report_comes_next() -> None:
    written: list[str] = []
    clock = Clock()
    progress = Progress(written.append, clock=clock)
    progress.start(3)
    clock.now += 5.0
    progress.advance(3)
    assert written == []


@pytest.mark.parametrize(
    ("tty", "environ", "quiet", "shown"),
    [
        (True, {}, False, True),
        (False, {}, False, False),  # a log file or a pipe would keep every redraw
        (True, {"CI": "true"}, False, False),
        (True, {}, True, False),
    ],
)
def test_shown_only_on_a_terminal_not_in_ci_not_quiet(
    tty: bool, environ: dict[str, str], quiet: bool, shown: bool
) -> None:
    stream = Terminal() if tty else io.StringIO()
    assert wanted(stream, environ, quiet=quiet) is shown


def _posts(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        text = f"# Post {number}\n\nTry:\n\n-\nDrink water.\n"
        (folder / f"post-{number:02}.md").write_text(text, "utf-8")
    return folder


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_run_counts_every_file_and_wipes_the_line(tmp_path: Path, jobs: int) -> None:
    from healthlint.app.run import run
    from healthlint.config.ruleset import RuleSet
    from healthlint.config.settings import Config
    from healthlint.rules.loader import load_rules

    posts = _posts(tmp_path / "posts", 20)  # enough to lint in two processes
    written: list[str] = []
    progress = Progress(written.append, clock=TickingClock(0.5))
    rules = RuleSet(load_rules(), Config(), select=["stray-bullet"])
    outcome = run([str(posts)], rules, jobs=jobs, progress=progress)
    assert outcome.files == 20
    done = [int(w.split()[1].split("/")[0]) for w in written if w.startswith("\rhealthlint:")]
    # The clock moves half a second a reading: the first line after a second, at file 2,
    # then one for every file until the last, which draws nothing.
    assert done == list(range(2, 20))
    assert written[-1].endswith("\r") and _screen(written).strip() == ""


def test_the_line_is_wiped_before_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from healthlint.app import progress as module
    from healthlint.app.check import CheckOptions, check
    from healthlint.app.session import Session

    posts = _posts(tmp_path / "posts", 5)
    monkeypatch.setattr(module, "monotonic", TickingClock(0.5))
    events: list[tuple[str, str]] = []

    class Console:
        def out(self, text: str) -> None:
            events.append(("out", text))

        def err(self, line: str) -> None:
            events.append(("err", line))

        def status(self, text: str) -> None:
            events.append(("status", text))

    options = CheckOptions(paths=(str(posts),), select=("stray-bullet",), progress=True)
    assert check(Session.load(None, []), options, Console()) == 1
    kinds = [kind for kind, _ in events]
    report = kinds.index("out")
    drawn = [text for kind, text in events[:report] if kind == "status"]
    assert [text.split(" files")[0] for text in drawn[:-1]] == [
        "\rhealthlint: 2/5",
        "\rhealthlint: 3/5",
        "\rhealthlint: 4/5",
    ]
    assert events[report - 1] == ("status", drawn[-1]) and drawn[-1].strip() == ""  # wiped
    assert "status" not in kinds[report:]


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    from healthlint.cli import main

    posts = _posts(tmp_path / "posts", 3)
    result = CliRunner().invoke(main, ["check", "--select", "stray-bullet", str(posts)])
    assert result.exit_code == 1
    assert "\r" not in result.stderr and "files (" not in result.stderr


def test_an_export_shows_its_records_read_and_their_rate() -> None:
    written: list[str] = []
    clock = Clock()
    progress = Progress(written.append, clock=clock)
    progress.start(1)
    progress.export("archive.xml")
    clock.now += 2.0
    for _ in range(1234):
        progress.record()
    assert written == ["\rhealthlint: archive.xml: 1 record, 0 records/s"]
    clock.now += 0.5
    progress.record()
    assert written[-1].rstrip() == "\rhealthlint: archive.xml: 1,235 records, 494 records/s"


def test_an_export_among_files_says_which_file_it_is() -> None:
    written: list[str] = []
    clock = Clock()
    progress = Progress(written.append, clock=clock)
    progress.start(3)
    clock.now += 2.0
    progress.advance(2)
    progress.export("posts.jsonl")
    clock.now += 1.0
    progress.record()
    assert written[-1] == "\rhealthlint: posts.jsonl: 1 record, 1 records/s (file 3 of 3)"


def test_a_run_over_an_export_counts_its_records(tmp_path: Path) -> None:
    import json

    from healthlint.app.exports import ExportOptions, find_exports
    from healthlint.app.run import collect, outcomes
    from healthlint.config.ruleset import RuleSet
    from healthlint.config.settings import Config
    from healthlint.rules.loader import load_rules

    export = tmp_path / "posts.jsonl"
    rows = ({"id": n, "text": "<p>Drink water.</p>"} for n in range(6))
    export.write_text("".join(json.dumps(row) + "\n" for row in rows), "utf-8")
    written: list[str] = []
    progress = Progress(written.append, clock=TickingClock(0.5))
    rules = RuleSet(load_rules(), Config(), select=["stray-bullet"])
    found = find_exports([str(export)], ExportOptions())
    run = collect(outcomes([str(export)], rules, progress=progress, exports=found))
    assert run.files == 1
    counts = [w.split(": ")[2].split(" record")[0] for w in written if "record" in w]
    # Each reading of the clock moves it half a second: a second after the run started,
    # at the first record, the line is drawn, and again at each record after it.
    assert counts == ["1", "2", "3", "4", "5", "6"]
    assert _screen(written).strip() == ""
