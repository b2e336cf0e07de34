"""The ``dinnet`` command line: a thin layer over the library.

Every command maps a :class:`~dinnet.errors.DinnetError` to exit code 1 and
one line per problem on standard error; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .errors import ContractError, DinnetError

__all__ = ["main"]

PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))


def _handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        try:
            return func(*args, **kwargs)
        except DinnetError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            if isinstance(exc, ContractError):
                for problem in exc.problems:
                    click.echo(str(problem), err=True)
                n = sum(p.severity == "error" for p in exc.problems)
                click.echo(f"{n} error{'s' if n != 1 else ''}", err=True)
            else:
                click.echo(f"error: {exc}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dinnet")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Doelen-Inspanningen-Netwerk: load, check and draw programme contracts.

    Without PATHS, commands use the bundled Almelo 2019 data set.
    """
    ctx.obj = {"debug": debug}


@main.command()
@PATHS
@_handle_errors
def validate(paths: tuple[Path, ...]) -> None:
    """Check contract files; print one line per problem."""
    from .loading import load

    G = load(*paths)
    for warning in G.graph["warnings"]:
        click.echo(warning, err=True)
    programmes = sum(1 for _, kind in G.nodes(data="kind") if kind == "programme")
    click.echo(f"ok: {programmes} programme{'s' if programmes != 1 else ''}, "
               f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
               f"{len(G.graph['warnings'])} warnings")


@main.command()
@PATHS
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("-o", "--output", default="-", show_default=True, help="File, or - for stdout.")
@_handle_errors
def export(paths: tuple[Path, ...], fmt: str, output: str) -> None:
    """Export the graph (networkx node-link JSON)."""
    from .export import to_json
    from .loading import contract_files, load
    from .output import write_output

    G = load(*paths)
    write_output(output, to_json(G), protect=contract_files(paths) if paths else ())


@main.command()
@PATHS
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True)
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
              show_default=True, help="Exit 1 when a finding this severe (or worse) is found.")
@click.option("-o", "--output", default="-", show_default=True, help="File, or - for stdout.")
@_handle_errors
def audit(paths: tuple[Path, ...], fmt: str, fail_on: str, output: str) -> None:
    """Report gaps and inconsistencies (see docs/rules.md)."""
    from .audit import audit as run_audit
    from .audit.format import format_findings
    from .loading import contract_files, load
    from .output import write_output

    findings = run_audit(load(*paths))
    write_output(output, format_findings(findings, fmt) + "\n",
                 protect=contract_files(paths) if paths else ())
    worst = {"error": ("error",), "warning": ("error", "warning"), "never": ()}[fail_on]
    if any(f.severity in worst for f in findings):
        click.get_current_context().exit(1)


@main.command()
@click.argument("question", type=click.Choice(["gaps", "shared", "deps", "budget", "why", "how",
                                               "impact"]))
@click.argument("args", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@_handle_errors
def query(question: str, args: tuple[str, ...], fmt: str) -> None:
    """Answer one question: gaps | shared | deps [FROM TO] | budget | why ID | how ID | impact ID.

    ARGS are the node id(s) the question needs, then contract PATHS
    (none: the bundled data). Node ids look like 'zorg:SD3'.
    """
    import json

    from .loading import load
    from .queries.answers import QUESTIONS, answer, format_answer

    needs = 1 if QUESTIONS[question] else 0
    if question == "deps" and len(args) >= 2 and ":" in args[0] and ":" in args[1]:
        needs = 2
    if len(args) < needs:
        raise click.UsageError(f"'dinnet query {question}' needs a node id such as zorg:SD3")
    nodes, paths = args[:needs], args[needs:]
    G = load(*paths)
    data = answer(G, question, *nodes)
    click.echo(json.dumps(data, ensure_ascii=False, indent=1) if fmt == "json"
               else format_answer(G, data))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
