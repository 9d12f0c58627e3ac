"""A progress bar on stderr that counts documents as they pass, without buffering them."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


def track(items: Iterable[T], *, enabled: bool = True, label: str = "documents") -> Iterator[T]:
    if not enabled or not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.completed} " + label), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=True, console=None) as bar:
        task = bar.add_task(label, total=None)
        for item in items:
            yield item
            bar.advance(task)


@contextmanager
def counter(*, enabled: bool = True, label: str = "documents") -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr advanced by the callable it yields (``advance(n)``)."""
    if not enabled or not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.completed} " + label), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=True, console=None) as bar:
        task = bar.add_task(label, total=None)
        yield lambda n: bar.advance(task, n)
