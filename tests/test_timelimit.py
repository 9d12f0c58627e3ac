"""The per-document CPU-time limit: raised in the thread over time, never after the block."""

from __future__ import annotations

import threading
import time

import pytest

from pipeline.timelimit import (
    DEFAULT_SECONDS,
    TIMEOUT_ENV,
    DocumentTimeout,
    default_limit,
    time_limit,
)


def _spin(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        sum(range(100))


def test_a_block_over_its_cpu_time_is_stopped() -> None:
    started = time.thread_time()
    with pytest.raises(DocumentTimeout), time_limit(0.2):
        _spin(30)
    assert time.thread_time() - started < 5


def test_a_block_within_its_time_is_left_alone_and_nothing_fires_later() -> None:
    finished = []
    with time_limit(0.3):
        _spin(0.05)
        finished.append("block")
    _spin(0.6)  # past the old deadline: the watchdog must have let go (else DocumentTimeout)
    finished.append("after")
    assert finished == ["block", "after"]


def test_waiting_is_not_cpu_time() -> None:
    started = time.monotonic()
    with time_limit(0.2):
        time.sleep(0.5)  # a busy machine or a slow disk does not time a document out
    assert time.monotonic() - started >= 0.5  # the whole wait ran, no DocumentTimeout


def test_the_limit_works_in_a_worker_thread_and_spares_the_others() -> None:
    seen: dict[str, str] = {}

    def work(name: str, seconds: float) -> None:
        try:
            with time_limit(0.2):
                _spin(seconds)
            seen[name] = "done"
        except DocumentTimeout:
            seen[name] = "timeout"

    threads = [threading.Thread(target=work, args=a) for a in (("slow", 30), ("quick", 0.01))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert seen == {"slow": "timeout", "quick": "done"}


@pytest.mark.parametrize(
    ("env", "expected"), [(None, DEFAULT_SECONDS), ("90", 90.0), ("0", None), (" 2.5 ", 2.5)]
)
def test_default_limit_from_the_environment(monkeypatch, env, expected) -> None:
    if env is None:
        monkeypatch.delenv(TIMEOUT_ENV, raising=False)
    else:
        monkeypatch.setenv(TIMEOUT_ENV, env)
    assert default_limit() == expected


def test_a_limit_that_is_no_number_is_refused(monkeypatch) -> None:
    monkeypatch.setenv(TIMEOUT_ENV, "ten minutes")
    with pytest.raises(ValueError, match="NEWSREL_DOC_TIMEOUT='ten minutes' is not a number"):
        default_limit()
