"""A time limit on each rule's reading of a post: no pattern can hang a run.

Python's regex engine backtracks. Rule files refuse the shapes that explode
(``healthlint.core.regex.backtracking_risk``), but ordinary ones still cost a power of the
text's length on crafted input: ``\\w*\\w*!`` takes over half a minute on a word of 3,000
letters. The engine checks for signals while it matches, so a timer signal stops it
mid-match; the rule is then reported by name, and the other rules still run.

The timer is a process-wide resource: it is used only in the main thread (where Python
runs signal handlers), only when no one else has set one, and only on platforms that have
it (not Windows). Elsewhere rules run without a limit.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from types import FrameType, TracebackType

RULE_SECONDS = 20.0
"""How long one rule may read one post. Every built-in rule takes milliseconds on an
ordinary post and well under a second on a book-length one."""


class OutOfTime(BaseException):
    """Raised inside a rule that ran past its time. Not an ``Exception``, as
    ``KeyboardInterrupt`` is not: no ``except Exception`` in a rule may swallow it."""


def _expire(signum: int, frame: FrameType | None) -> None:
    raise OutOfTime


def _can_interrupt() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )


@dataclass(frozen=True, slots=True)
class _Alarm:
    """The limit on one rule's reading of a post, raising ``OutOfTime`` in its block when
    the block runs past ``seconds`` (the exception can come from the block or, just as it
    ends, from the exit: catch it around the ``with``). ``handling`` has checked that a
    timer can be used and has installed the handler: only the timer is set and cleared."""

    seconds: float

    def __enter__(self) -> None:
        signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)


@contextmanager
def handling(
    seconds: float | None = None,
) -> Iterator[AbstractContextManager[None]]:
    """Keep the handler that the time limit needs installed for the whole block: a linter
    sets a limit per rule and post, and installing a handler costs several times more
    than setting the timer. Gives what limits one rule's reading to ``seconds`` (None:
    no limit) inside the block: asking each time whether a timer can be used (a system
    call, the thread, the handler as an enum) cost more than setting it."""
    if not _can_interrupt():
        yield nullcontext()
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    try:
        yield nullcontext() if seconds is None else _Alarm(seconds)
    finally:
        signal.signal(signal.SIGALRM, previous)
