"""A CPU-time limit per document, kept by a watchdog thread in the process doing the work.

``with time_limit(600): ...`` lets the block use 600 seconds of CPU time of the thread that
runs it; past that, the watchdog raises :class:`DocumentTimeout` in that thread (CPython's
asynchronous exception, delivered between two bytecodes: a long call into spaCy's compiled
code finishes first). The block is then left as by any exception, and the caller turns the
document into an error record (``kind: timeout``) and goes on with the next one, in the same
process, with the same pipeline: nothing is restarted and no other document is lost.

Why this design: a runaway document must not hold back its batch (only whole batches are
committed), and newsrel runs documents in this process (``--workers 1``), in worker processes
or in Dask worker threads. A watchdog thread works in all three; a signal (``SIGALRM``) only in
a main thread, and killing a worker process would lose the batch and reload the model. The
exception is a ``BaseException``, so no ``except Exception`` on the way swallows it; what the
pipeline keeps between documents (caches filled by a single assignment) stays consistent.

CPU time of the working thread, not wall time, is what is measured: a busy machine slows
every document without making any of them time out. (Where a thread's CPU clock cannot be read,
wall time is used.) Short documents go through spaCy together (``pipeline.extract``): a group
of n shares n times the limit, and when it runs over, each of its documents not yet done runs
again alone under its own limit, so a runaway document costs at most (n + 1) limits.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

TIMEOUT_ENV = "NEWSREL_DOC_TIMEOUT"
DEFAULT_SECONDS = 600.0  # ten minutes of CPU: a 3 MB text takes about three (docs/PERFORMANCE.md)
POLL = 0.1


class DocumentTimeout(BaseException):
    """Raised in the working thread when its document used up its time."""


def default_limit() -> float | None:
    """Seconds from ``$NEWSREL_DOC_TIMEOUT`` (0: no limit), else :data:`DEFAULT_SECONDS`."""
    raw = os.environ.get(TIMEOUT_ENV, "").strip()
    if not raw:
        return DEFAULT_SECONDS
    try:
        seconds = float(raw)
    except ValueError as e:
        raise ValueError(f"{TIMEOUT_ENV}={raw!r} is not a number of seconds") from e
    return seconds if seconds > 0 else None


def _clock_of(ident: int) -> Callable[[], float]:
    try:
        clock = time.pthread_getcpuclockid(ident)
        time.clock_gettime(clock)
    except (AttributeError, OSError):
        return time.monotonic
    return lambda: time.clock_gettime(clock)


class _Watchdog:
    """One per process: watches at most one armed block per thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.armed: dict[int, tuple[Callable[[], float], float]] = {}  # ident -> clock, deadline
        self.fired: set[int] = set()
        self.thread: threading.Thread | None = None

    def arm(self, seconds: float) -> None:
        ident = threading.get_ident()
        clock = _clock_of(ident)
        with self.lock:
            self.armed[ident] = (clock, clock() + seconds)
            self.fired.discard(ident)
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._watch, name="newsrel-timeout")
                self.thread.daemon = True
                self.thread.start()

    def disarm(self) -> None:
        ident = threading.get_ident()
        with self.lock:
            self.armed.pop(ident, None)
            if ident in self.fired:  # raised but not delivered yet: take it back
                self.fired.discard(ident)
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), None)

    def _watch(self) -> None:
        while True:
            time.sleep(POLL)
            with self.lock:
                for ident, (clock, deadline) in list(self.armed.items()):
                    if ident not in self.fired and clock() >= deadline:
                        self.fired.add(ident)
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(
                            ctypes.c_ulong(ident), ctypes.py_object(DocumentTimeout)
                        )


_WATCHDOG = _Watchdog()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in this thread once the block has used ``seconds`` of its
    CPU time; ``None`` (or 0): no limit."""
    if not seconds:
        yield
        return
    _WATCHDOG.arm(seconds)
    try:
        yield
    finally:
        _WATCHDOG.disarm()
