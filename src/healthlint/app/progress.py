"""How far a long run has got, on one line of a terminal's stderr redrawn in place.

A run over a few posts ends before anyone waits for it, so nothing is drawn until it has
taken ``delay`` seconds; after that the line is redrawn at most every ``interval``
seconds, so that a run of thousands of cached files pays a clock reading per file and
little else. The line is wiped before anything else is written (``clear``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from time import monotonic
from typing import Protocol


class _Stream(Protocol):
    def isatty(self) -> bool: ...


def wanted(stream: _Stream, environ: Mapping[str, str], *, quiet: bool) -> bool:
    """Whether to show progress on ``stream``: a terminal's, not in CI, not under ``-q``.
    A CI log or a redirected stderr would keep every redrawn line."""
    return not quiet and "CI" not in environ and stream.isatty()


class Progress:
    """Files done of a total, their rate and the time left, written through ``write``
    (which adds no newline). Counts change as files finish, so this is not frozen."""

    def __init__(
        self,
        write: Callable[[str], None],
        *,
        clock: Callable[[], float] | None = None,
        delay: float = 1.0,
        interval: float = 0.25,
    ) -> None:
        self._write = write
        self._clock = clock or monotonic
        self._delay = delay
        self._interval = interval
        self._total = 0
        self._done = 0
        self._started = 0.0
        self._drawn_at: float | None = None
        self._width = 0
        self._export = ""
        self._records = 0
        self._export_started = 0.0

    def start(self, total: int) -> None:
        """Begin counting ``total`` files from now."""
        self._total, self._done = total, 0
        self._started = self._clock()
        self._drawn_at = None

    def advance(self, count: int = 1) -> None:
        """``count`` more files are done; redraw the line if it is time to."""
        self._done += count
        self._export = ""
        if self._done >= self._total:
            return  # the run is ending: its report comes next
        self._tick()

    def export(self, name: str) -> None:
        """The CMS export ``name`` is being read: until the file is done (``advance``),
        the line counts its records, as an export is one file that may take hours."""
        self._export, self._records = name, 0
        self._export_started = self._clock()

    def record(self) -> None:
        """One more record of the export is done; redraw the line if it is time to."""
        self._records += 1
        self._tick()

    def line(self, elapsed: float) -> str:
        """The text shown after ``elapsed`` seconds."""
        done, total = self._done, self._total
        text = f"healthlint: {done:,}/{total:,} files ({done * 100 // max(total, 1)}%)"
        if elapsed > 0 and done:
            rate = done / elapsed
            text += f", {rate:,.0f} files/s, about {_duration((total - done) / rate)} left"
        return text

    def export_line(self, elapsed: float) -> str:
        """The text shown ``elapsed`` seconds into an export. Its size in records is not
        known before it is read through: a count and a rate, no time left."""
        from healthlint.report import visible

        records = f"{self._records:,} record{'' if self._records == 1 else 's'}"
        text = f"healthlint: {visible(self._export)}: {records}"
        if elapsed > 0 and self._records:
            text += f", {self._records / elapsed:,.0f} records/s"
        if self._total > 1:
            text += f" (file {self._done + 1:,} of {self._total:,})"
        return text

    def _tick(self) -> None:
        now = self._clock()
        if now - self._started < self._delay:
            return
        if self._drawn_at is not None and now - self._drawn_at < self._interval:
            return
        self._drawn_at = now
        if self._export:
            self._draw(self.export_line(now - self._export_started))
        else:
            self._draw(self.line(now - self._started))

    def clear(self) -> None:
        """Wipe the line, if one was drawn, so that what is written next starts clean."""
        if self._width:
            self._write("\r" + " " * self._width + "\r")
            self._width = 0

    def _draw(self, text: str) -> None:
        # Spaces over what a longer line before left behind.
        self._write("\r" + text.ljust(self._width))
        self._width = max(self._width, len(text))


def _duration(seconds: float) -> str:
    whole = max(1, round(seconds))
    if whole < 60:
        return f"{whole} s"
    minutes, whole = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {whole} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"
