"""The output of a run, checked before anything is read and held while the run writes it.

:func:`check_output` refuses an ``-o`` that cannot be written (a folder, under a file, an
unwritable place) or that is, or would become, one of the inputs: a run must never overwrite
what it reads. :class:`OutputLock` is an exclusive lock on ``OUT.jsonl.lock`` (``flock``,
released by the kernel if the process dies): a second run on the same ``-o`` stops at once
instead of mixing its parts with the first run's.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from pipeline.ingest.files import TEXT_SUFFIXES
from pipeline.ingest.published import SIDECAR_SUFFIX, sidecar_path
from pipeline.io import OutputPathError, check_writable, errors_path


class OutputError(OutputPathError):
    """An ``-o`` this run cannot or must not write."""


def output_files(out: Path) -> list[Path]:
    """What a run writes for ``out``: the records, the error lines and the part folder."""
    return [out, errors_path(out), out.with_name(out.name + ".parts")]


def check_output(out: Path, inputs: Iterable[str | Path]) -> None:
    """Raise :class:`OutputError` when ``out`` cannot be written, or is (or would be read as)
    one of ``inputs``. Creates the folder ``out`` goes in when it is missing."""
    if out.is_dir():
        raise OutputError(f"{out} is a folder; -o takes a file name, like {out / 'out.jsonl'}")
    written = [p.resolve() for p in output_files(out)]
    for given in inputs:
        path = Path(given)
        if not path.exists():
            continue
        real = path.resolve()
        if real in written:
            raise OutputError(f"-o {out} would overwrite the input {given}; choose another name")
        if path.is_file() and sidecar_path(path).resolve() in written:
            raise OutputError(
                f"-o {out} would overwrite the metadata sidecar of the input {given}; "
                "choose another name"
            )
        if path.is_dir() and _read_in_folder(out) and real in written[0].parents:
            raise OutputError(
                f"-o {out} is inside the input folder {given} and would be read as a "
                "document (or a document's metadata sidecar) by this run or the next; "
                "choose a .jsonl name or another folder"
            )
    for path in output_files(out)[:2]:
        check_writable(path)


def _read_in_folder(out: Path) -> bool:
    """Whether a file named like ``out`` inside an input folder is read by a run: a document
    (``.txt``, ``.md``, ``.html``) or a document's metadata sidecar (``.meta.json``)."""
    return out.suffix.lower() in TEXT_SUFFIXES or out.name.lower().endswith(SIDECAR_SUFFIX)


def lock_path(out: Path) -> Path:
    return out.with_name(out.name + ".lock")


class OutputLock:
    """Exclusive use of ``out`` by this process while a run writes it (context manager).

    The lock file holds the owner's process id; it is removed when the run ends. After a
    ``kill -9`` the file stays but the lock goes with the process, so the next run takes it."""

    def __init__(self, out: Path) -> None:
        self.path = lock_path(out)
        self.out = out
        self.fd: int | None = None

    def acquire(self) -> None:
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as e:
                raise OutputError(f"cannot write {self.path}: {e.strerror or e}") from e
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                owner = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
                os.close(fd)
                raise OutputError(
                    f"{self.out} is being written by another newsrel run (process {owner}); "
                    "wait for it to end, or choose another -o"
                ) from None
            try:  # the file may have been removed by the owner between open and flock
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
                self.fd = fd
                return
            os.close(fd)

    def release(self) -> None:
        if self.fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)  # while still held: nobody takes a dying file
        finally:
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
