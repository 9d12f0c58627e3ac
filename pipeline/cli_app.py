"""The ``newsrel`` command group: the app every command is registered on, its options
(``--version``, ``--debug``) and the CLI's one error handler (:class:`_Newsrel`).

A known failure (:class:`~pipeline.failures.Failure`, a usage error, an unreadable file) is one
line ``newsrel COMMAND: what`` on stderr and exit code 2; a bug is one line and exit code 3. The
traceback is shown only with ``--debug`` or ``NEWSREL_DEBUG=1``.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from pipeline.failures import USAGE, debug_wanted, describe, visible

_clicks = sys.modules[typer.BadParameter.__module__]
_NoArgsIsHelp: type[Exception] = getattr(
    _clicks, "NoArgsIsHelpError", type("_Never", (Exception,), {})
)


class _Newsrel(TyperGroup):
    """The command group, with the CLI's one error handler around every command."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        try:
            code = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        except _NoArgsIsHelp as e:
            e.show()  # type: ignore[attr-defined]
            code = 0
        except _clicks.UsageError as e:
            name = e.ctx.info_name if e.ctx and e.ctx.parent else None
            command = f"newsrel {name}" if name else "newsrel"
            msg = visible(" ".join(e.format_message().split()))
            typer.echo(f"{command}: {msg} (see `{command} --help`)", err=True)
            code = USAGE
        except typer.Abort:
            typer.echo(f"{self._command(argv)}: interrupted", err=True)
            code = 130
        except Exception as e:  # noqa: BLE001 - the one place a failure becomes a message
            if debug_wanted(argv):
                traceback.print_exc()
            message, code = describe(e)
            typer.echo(f"{self._command(argv)}: {message}", err=True)
        if standalone_mode:
            sys.exit(code or 0)
        return code

    def _command(self, argv: list[str]) -> str:
        name = next((a for a in argv if a in self.commands), None)
        return f"newsrel {name}" if name else "newsrel"


app = typer.Typer(
    cls=_Newsrel,
    help="newsrel: entities, relations and events from English news, out as JSONL.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from pipeline.about import version_lines

        typer.echo("\n".join(version_lines()))
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            is_eager=True,
            callback=_print_version,
            help="Print the version, the trained model and the rules folder (and its hash).",
        ),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help="Show the traceback when a command fails (also NEWSREL_DEBUG=1)."
        ),
    ] = False,
) -> None:
    """newsrel: entities, relations and events from English news, out as JSONL."""


ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="Trained spaCy pipeline (package name or path); default from models/pipeline.json.",
    ),
]
