"""Known failures: what goes wrong because of an input, a setting or the machine, not a bug.

Every error the library raises for a bad input, rule file, records file, model, output path
or resume derives from :class:`Failure`, whose message is one line naming the file (and line,
rule id or field where they apply). :func:`describe` words any exception the way ``newsrel``
prints it: one line and an exit code (see README, "Exit codes"); a bug (any other exception)
is an internal error, shown with its traceback only with ``--debug`` or ``NEWSREL_DEBUG=1``.
"""

from __future__ import annotations

import os

USAGE = 2  # bad arguments, inputs, rule files, records files, output paths
INTERNAL = 3  # a bug in newsrel: please report it with the --debug traceback
INTERRUPTED = 130  # Ctrl-C
DEBUG_ENV = "NEWSREL_DEBUG"


class Failure(Exception):
    """A known failure; ``str(failure)`` is the one-line message."""

    code = USAGE


def debug_wanted(args: list[str]) -> bool:
    """``--debug`` among the arguments, or ``NEWSREL_DEBUG`` set to anything but 0/empty."""
    return "--debug" in args or os.environ.get(DEBUG_ENV, "") not in ("", "0")


def describe(exc: BaseException) -> tuple[str, int]:
    """The one line ``newsrel`` prints for ``exc`` (after ``newsrel COMMAND:``), and the exit
    code."""
    if isinstance(exc, Failure):
        return _one_line(str(exc)), exc.code
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted", INTERRUPTED
    if isinstance(exc, UnicodeDecodeError):
        return (
            f"not UTF-8 text (byte {exc.object[exc.start]:#04x} at offset {exc.start})",
            USAGE,
        )
    if isinstance(exc, OSError):
        return _one_line(_os_error(exc)), USAGE
    what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return (
        f"internal error: {_one_line(what)} (run with --debug for the traceback, "
        "and please report it)",
        INTERNAL,
    )


def _os_error(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    if exc.filename is not None and exc.filename2 is not None:
        return f"{exc.filename} -> {exc.filename2}: {reason}"
    if exc.filename is not None:
        return f"{exc.filename}: {reason}"
    return reason


# control characters (ESC starts a terminal escape sequence: colours, a cleared screen, a
# link): shown as \xNN, never sent to the terminal as such; tab and newline pass
CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if c not in (9, 10)}


def visible(value: object) -> str:
    """``value`` as terminal text, its control characters made visible (``\\x1b``)."""
    return str(value).translate(CONTROLS)


def _one_line(text: str) -> str:
    """One line for the terminal: newlines joined, control characters (a path with ESC or a
    carriage return given on the command line) made visible."""
    return visible(" ".join(text.split("\n")).strip())
