"""The ``dinnet`` command line: a thin layer over the library.

Every command maps a :class:`~dinnet.errors.DinnetError` to exit code 1 and
one line per problem on standard error; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..errors import ContractError, DinnetError, one_line
from ..glossary import DEFAULT_LANG, LANGS, env_lang, message, phrase, term
from .group import DinnetGroup

__all__ = ["main"]

#: The formats of ``dinnet audit --format``.
AUDIT_FORMATS = ("text", "json", "markdown", "sarif", "junit", "github", "gitlab")

#: Contract files or folders; ``-`` reads one contract from standard input.
PATHS = click.argument("paths", nargs=-1, type=click.Path(allow_dash=True, path_type=Path))
LANG = click.option("--lang", type=click.Choice(LANGS), envvar="DINNET_LANG", default=DEFAULT_LANG,
                    show_default=True, show_envvar=True,
                    help="Language of messages and fixed words (data stays as written).")


def _lang() -> str:
    """The --lang of the running command (else DINNET_LANG, else Dutch)."""
    ctx = click.get_current_context(silent=True)
    lang = ctx.params.get("lang") if ctx is not None else None
    if lang in LANGS:
        return str(lang)
    try:
        return env_lang()
    except ValueError:
        return DEFAULT_LANG


def _handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        try:
            return func(*args, **kwargs)
        except DinnetError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            lang = _lang()
            if isinstance(exc, ContractError):
                for problem in exc.problems:
                    click.echo(_coloured(problem.text(lang), problem.severity), err=True)
                n = sum(p.severity == "error" for p in exc.problems)
                click.echo(term("error", lang, n=n), err=True)
            else:
                word = click.style(term("error", lang), fg="red", bold=True)
                click.echo(f"{word}: {one_line(exc.text(lang))}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo(phrase("cli.interrupted", _lang()), err=True)
            ctx.exit(130)
    return wrapper


def _coloured(line: str, severity: str) -> str:
    """``file:line:col: error: ...`` with the severity in colour (shown only on a terminal)."""
    colour = {"error": "red", "warning": "yellow"}.get(severity)
    word = f": {severity}: "
    if colour is None or word not in line:
        return line
    head, _, tail = line.partition(word)
    return f"{head}: {click.style(severity, fg=colour, bold=True)}: {tail}"


@click.group(cls=DinnetGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dinnet")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars (loading, drawing, writing).")
@click.pass_context
def main(ctx: click.Context, debug: bool, quiet: bool) -> None:
    """Doelen-Inspanningen-Netwerk: load, check and draw programme contracts.

    Without PATHS, commands use the bundled Almelo 2019 data set; - reads
    one contract from standard input. The options above may also follow the
    command (dinnet validate --quiet). NO_COLOR turns colour off.
    Documentation: https://github.com/dinnet/dinnet/tree/main/docs
    """
    ctx.obj = {"debug": debug, "quiet": quiet}


def _progress(step: str = "loading", unit: str = "file") -> Any:
    """A progress bar (drawn on a terminal only), or None with ``--quiet``.

    ``step`` is a ``progress.`` phrase of the glossary, ``unit`` a term.
    """
    ctx = click.get_current_context(silent=True)
    if ctx is not None and (ctx.find_root().obj or {}).get("quiet"):
        return None
    from .progress import ProgressBar

    lang = _lang()
    return ProgressBar(phrase(f"progress.{step}", lang), unit=term(unit, lang, plural=True))


def _protected(paths: tuple[Path, ...]) -> list[Path]:
    """The contract files named on the command line: no output may overwrite them."""
    from ..io.loading import contract_files

    return contract_files(paths) if paths else []


def _load(paths: tuple[Path, ...]) -> tuple[Any, list[Path]]:
    """The graph of ``paths`` (none: the bundled data), and the files it was read from."""
    return _graph(*paths), _protected(paths)


def _graph(*paths: str | Path, progress: bool = True) -> Any:
    """The graph of ``paths``, read as the command's --jobs, --cache-dir and --no-cache say."""
    from ..io.loading import load

    return load(*paths, progress=_progress() if progress else None, **_cache_params())


def _cache_params() -> dict[str, Any]:
    """``jobs`` and ``cache`` for a load, as the command's --jobs, --cache-dir and
    --no-cache say."""
    params = click.get_current_context().params
    cache: bool | Path = params.get("cache_dir") or True
    if params.get("no_cache"):
        cache = False
    return {"jobs": params.get("jobs"), "cache": cache}


def _drawings() -> Any:
    """The cache of drawings (:mod:`dinnet.render.drawings`) in the folder of the contracts'
    cache, as --cache-dir and --no-cache say; None with --no-cache."""
    from ..io.cache import default_folder
    from ..render.drawings import Drawings

    params = click.get_current_context().params
    if params.get("no_cache"):
        return None
    return Drawings(params.get("cache_dir") or default_folder())


def _loading(*, jobs: bool = True) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--jobs N``, ``--cache-dir DIR`` and ``--no-cache`` for a command that loads
    contracts (read by :func:`_graph`; the command itself does not get them).

    ``jobs=False`` for a command that has its own ``--jobs`` (``report``).
    """
    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for name in ("cache_dir", "no_cache", *(("jobs",) if jobs else ())):
                kwargs.pop(name, None)
            return func(*args, **kwargs)

        wrapper = click.option("--no-cache", is_flag=True,
                               help="Read every file again; use and keep no cache.")(wrapper)
        wrapper = click.option(
            "--cache-dir", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
            help="Keep read contracts here (default: DINNET_CACHE_DIR, else the user's cache "
                 "folder; see 'dinnet cache info').")(wrapper)
        if jobs:
            wrapper = click.option(
                "--jobs", type=click.IntRange(min=1), metavar="N",
                help="Processes that read the files and, for a large graph, run the audit "
                     "(default: one per CPU, when there is enough to do; 1: none).")(wrapper)
        return wrapper
    return decorate


@main.command()
@PATHS
@LANG
@click.option("--sources", "sources", type=click.Path(path_type=Path), default=None,
              metavar="DIR", help="Also check every source: against the texts in DIR: the file "
              "and lines exist, the element's label stands there.")
@_loading()
@_handle_errors
def validate(paths: tuple[Path, ...], lang: str, sources: Path | None) -> None:
    """Check contract files; print one line per problem."""
    G = _graph(*paths)
    warnings = list(G.graph.get("problems") or G.graph["warnings"])
    if sources is not None:
        from ..io.loading import load_contracts
        from ..io.sources import check_sources

        loaded, _, _ = load_contracts(*paths)
        warnings += check_sources([(i.file, i.contract) for i in loaded], sources)
    for warning in warnings:
        click.echo(warning.text(lang) if hasattr(warning, "text") else warning, err=True)
    programmes = sum(1 for _, kind in G.nodes(data="kind") if kind == "programme")
    click.echo(phrase("cli.validated", lang, programmes=term("programme", lang, n=programmes),
                      nodes=term("node", lang, n=G.number_of_nodes()),
                      edges=term("edge", lang, n=G.number_of_edges()),
                      warnings=term("warning", lang, n=len(warnings))))


@main.command()
@PATHS
@click.option("--format", "fmt", type=click.Choice(["json", "graphml", "gexf", "csv"]),
              help="Default: from the -o suffix (.json, .graphml, .gexf, .csv; .zip or a "
                   "folder: csv tables), else json. json: networkx node-link; graphml: yEd, "
                   "Gephi; gexf: Gephi; csv: for Excel.")
@click.option("--csv-dialect", type=click.Choice(["excel-nl", "plain"]), default="excel-nl",
              show_default=True,
              help="excel-nl: opens right in Dutch Excel (UTF-8 with BOM, ';', decimal comma); "
                   "plain: UTF-8, ',' and '.'.")
@click.option("-o", "--output", default="-", show_default=True,
              help="File, or - for stdout. csv: FILE.csv (one table), a folder or FILE.zip "
                   "(nodes.csv and edges.csv).")
@LANG
@_loading()
@_handle_errors
def export(paths: tuple[Path, ...], fmt: str | None, csv_dialect: str, output: str, lang: str) -> None:
    """Export the graph for other tools: JSON, GraphML (yEd), GEXF (Gephi), CSV (Excel)."""
    from ..io.export import write_export

    G, protect = _load(paths)
    write_export(G, output, fmt, csv_dialect=csv_dialect, protect=protect)


@main.command()
@PATHS
@click.option("--format", "fmt", type=click.Choice(AUDIT_FORMATS), default="text",
              show_default=True,
              help="text: file:line:col lines; sarif, junit, github, gitlab: for CI "
                   "(https://github.com/dinnet/dinnet/blob/main/docs/ci.md).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
              show_default=True, help="Exit 1 when a finding this severe (or worse) is found.")
@click.option("--explain", "rule", metavar="CODE",
              help="Explain one rule (DIN101 or goal-without-effort) instead of auditing.")
@click.option("--as-of", "as_of", metavar="DATE",
              help="The audit date of the monitoring rules: 2025-12-31, 31-12-2025, or a year "
                   "for its last day (default: today).")
@click.option("-o", "--output", default="-", show_default=True, help="File, or - for stdout.")
@LANG
@_loading()
@_handle_errors
def audit(paths: tuple[Path, ...], fmt: str, fail_on: str, rule: str | None, as_of: str | None,
          output: str, lang: str) -> None:
    """Report gaps and inconsistencies.

    Every rule, why it matters and how to fix it: https://github.com/dinnet/dinnet/blob/main/docs/rules.md
    """
    from ..audit.format import format_findings
    from ..io.output import write_output
    from .audited import audit_paths

    if rule is not None:
        _explain(rule, paths, lang)
        return
    day = _date(as_of, lang) if as_of is not None else None
    _, findings = audit_paths(paths, as_of=day, progress=_progress(), **_cache_params())
    write_output(output, format_findings(findings, fmt, lang) + "\n", protect=_protected(paths))
    worst = {"error": ("error",), "warning": ("error", "warning"), "never": ()}[fail_on]
    if any(f.severity in worst for f in findings):
        click.get_current_context().exit(1)


def _explain(name: str, paths: tuple[Path, ...], lang: str) -> None:
    from ..audit import RULES
    from ..audit.explain import explain

    if paths:
        raise click.UsageError(phrase("cli.explain_or_paths", lang))
    try:
        click.echo(explain(name, lang))
    except KeyError:
        codes = ", ".join(r.code for r in RULES.values())
        raise click.UsageError(phrase("cli.unknown_rule", lang, name=name, codes=codes)) from None


@main.command()
@click.argument("question", type=click.Choice(["gaps", "shared", "deps", "budget", "why", "how",
                                               "impact"]))
@click.argument("args", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@LANG
@_loading()
@_handle_errors
def query(question: str, args: tuple[str, ...], fmt: str, lang: str) -> None:
    """Answer one question: gaps | shared | deps [FROM TO] | budget | why ID | how ID | impact ID.

    ARGS are the node id(s) the question needs, then contract PATHS
    (none: the bundled data). Node ids look like 'zorg:SD3'.
    """
    import json

    from .answers import QUESTIONS, answer, format_answer

    needs = 1 if QUESTIONS[question] else 0
    if question == "deps" and len(args) >= 2 and ":" in args[0] and ":" in args[1]:
        needs = 2
    if len(args) < needs:
        raise click.UsageError(phrase("cli.needs_node", lang, question=question))
    nodes, paths = args[:needs], args[needs:]
    G = _graph(*paths)
    data = answer(G, question, *nodes)
    click.echo(json.dumps(data, ensure_ascii=False, indent=1) if fmt == "json"
               else format_answer(G, data, lang))


@main.command("progress")
@PATHS
@click.option("--as-of", "as_of", metavar="DATE",
              help="The date to judge on: 2025-12-31, 31-12-2025, or a year for its last day "
                   "(default: today). Later measurements do not count.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True)
@click.option("-o", "--output", default="-", show_default=True, help="File, or - for stdout.")
@LANG
@_handle_errors
def progress_cmd(paths: tuple[Path, ...], as_of: str | None, fmt: str, output: str,
                 lang: str) -> None:
    """Status of every goal and indicator on a date, and what is done for goals behind.

    An indicator is on track, behind, ahead, reached or unknown against the straight path
    from its baseline to its targets; a goal takes the worst known status beneath it.
    The rules: https://github.com/dinnet/dinnet/blob/main/docs/monitoring.md
    """
    import datetime as dt

    from ..io.output import write_output
    from .progress_answer import format_progress, progress_answer

    day = _date(as_of, lang) if as_of is not None else dt.date.today()
    G, protect = _load(paths)
    write_output(output, format_progress(progress_answer(G, day, lang), fmt, lang) + "\n",
                 protect=protect)


def _date(text: str, lang: str) -> Any:
    """``2025-12-31``, ``31-12-2025`` or a year (its 31 December) as a date."""
    import datetime as dt
    import re

    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 12, 31)
        found = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", text)
        if found:
            return dt.date(int(found[3]), int(found[2]), int(found[1]))
        return dt.date.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(phrase("cli.bad_date", lang, value=text),
                                 param_hint="'--as-of'") from None


# -- authoring and interop (issue 9) ------------------------------------------------------


@main.command()
@click.option("-o", "--output", default="-", show_default=True, help="File, or - for stdout.")
@click.option("--index", "index", is_flag=True, help="The schema of index.yaml instead.")
@click.option("--measurements", "measurements", is_flag=True,
              help="The schema of measurements files instead.")
@LANG
@_handle_errors
def schema(output: str, index: bool, measurements: bool, lang: str) -> None:
    """Write the JSON Schema of the contract format, for editors.

    Saved as contract.schema.json next to your contracts, it is what
    'dinnet new' points new files at (https://github.com/dinnet/dinnet/blob/main/docs/editors.md).
    """
    from ..contract.schema import schema_json
    from ..io.output import write_output

    if index and measurements:
        raise click.UsageError(phrase("cli.index_or_measurements", lang))
    kind = "index" if index else "measurements" if measurements else "contract"
    write_output(output, schema_json(kind))


@main.command()
@click.argument("name")
@click.option("-o", "--output", default="-", show_default=True,
              help="The new contract file, or - for stdout. Never overwrites a file.")
@click.option("--id", "programme", default=None, help="Programme id (default: made from NAME).")
@click.option("--municipality", default="VUL IN", show_default=True)
@click.option("--start", type=int, default=2024, show_default=True, help="First year.")
@click.option("--end", type=int, default=None, help="Last year (default: START + 3).")
@LANG
@_handle_errors
def new(name: str, output: str, programme: str | None, municipality: str, start: int,
        end: int | None, lang: str) -> None:
    """Write a commented skeleton contract for programme NAME that validates."""
    from ..errors import OutputError
    from ..io.output import write_output
    from ..io.scaffold import schema_comment, skeleton

    if output != "-" and Path(output).exists():
        raise OutputError.of(message("error.exists", path=output))
    shown = Path(output).name if output != "-" else "contract.yaml"
    write_output(output, skeleton(name, programme=programme, municipality=municipality,
                                  start=start, end=end, file=shown,
                                  schema=schema_comment(output), lang=lang))
    if output != "-":
        click.echo(phrase("cli.wrote_new", lang, path=output), err=True)
        if "://" in schema_comment(output):
            click.echo(phrase("cli.schema_online", lang), err=True)


@main.command("export-xlsx")
@PATHS
@click.option("-o", "--output", required=True, help="The .xlsx file to write.")
@LANG
@_handle_errors
def export_xlsx(paths: tuple[Path, ...], output: str, lang: str) -> None:
    """Write contracts to a workbook, one sheet per element kind.

    The template, column by column: https://github.com/dinnet/dinnet/blob/main/docs/xlsx.md
    """
    from ..io.loading import load_contracts
    from ..io.output import write_output
    from ..io.xlsx import export_xlsx as to_xlsx

    loaded, indexes, _ = load_contracts(*paths, progress=_progress())
    write_output(output, to_xlsx([item.contract for item in loaded], indexes),
                 protect=_protected(paths))


@main.command("import-xlsx")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, allow_dash=True,
                                            path_type=Path))
@click.option("-o", "--output", required=True, help="Folder for the YAML files.")
@click.option("--force", is_flag=True, help="Replace YAML files that already exist.")
@LANG
@_handle_errors
def import_xlsx(workbook: Path, output: str, force: bool, lang: str) -> None:
    """Read a workbook in the dinnet template back into one YAML file per programme."""
    from ..io.xlsx_import import import_xlsx as from_xlsx

    for path in from_xlsx(workbook, output, force=force, lang=lang):
        click.echo(phrase("cli.wrote", lang, path=path))


@main.command("import-measurements")
@click.argument("tables", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True,
              help="The measurements file to write (NAME.measurements.yaml beside the "
                   "contracts, or measurements.yaml), or - for stdout.")
@click.option("--programme", default=None,
              help="The programme of references written without 'programme:'.")
@click.option("--title", default=None, help="The report the values come from.")
@click.option("--contracts", "contracts", multiple=True, type=click.Path(path_type=Path),
              help="Check every reference against these contracts (files or folders; "
                   "repeat for more).")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@LANG
@_handle_errors
def import_measurements_cmd(tables: tuple[Path, ...], output: str, programme: str | None,
                            title: str | None, contracts: tuple[Path, ...], force: bool,
                            lang: str) -> None:
    """Read measurements from CSV or xlsx tables into a measurements file.

    One row per value of an indicator or state of an effort or project; ';'-separated
    CSV reads Dutch numbers (1.250,5). Columns and rules:
    https://github.com/dinnet/dinnet/blob/main/docs/measurements.md
    """
    from ..io.measurements_import import import_measurements

    written = import_measurements(tables, output, programme=programme, title=title,
                                  contracts=contracts, force=force)
    if str(written) != "-":
        click.echo(phrase("cli.wrote", lang, path=written), err=True)


@main.command()
@click.argument("old", type=click.Path(exists=True, allow_dash=True, path_type=Path))
@click.argument("new", type=click.Path(exists=True, allow_dash=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "svg"]),
              default="text", show_default=True,
              help="svg: the new DIN with the changes coloured.")
@click.option("--contracts", "contracts", multiple=True, type=click.Path(path_type=Path),
              help="OLD and NEW are measurements files: the contracts they are about "
                   "(default: the folder of NEW).")
@click.option("-o", "--output", default="-", show_default=True, help="File, or - for stdout.")
@LANG
@_handle_errors
def diff(old: Path, new: Path, fmt: str, contracts: tuple[Path, ...], output: str,
         lang: str) -> None:
    """What changed from version OLD to NEW: contract files or folders, or two
    measurements files (what moved between two reports: values, and the status of
    indicators, goals and efforts, each judged on the date of its file)."""
    from ..diff.compare import (
        diff_graphs,
        format_json,
        format_markdown,
        format_text,
        load_versions,
        status_changes,
    )
    from ..io.output import write_output

    if str(old) == str(new) == "-":
        raise click.UsageError(phrase("cli.one_stdin", lang))
    G_old, G_new = load_versions(old, new, contracts=contracts)
    changes = diff_graphs(G_old, G_new)
    if G_old.graph.get("measurement_sets") or G_new.graph.get("measurement_sets"):
        changes += status_changes(G_old, G_new)
    if fmt == "svg":
        from ..diff.draw import diff_svg

        write_output(output, diff_svg(G_old, G_new, changes, lang=lang), protect=[old, new])
    else:
        formats = {"json": lambda: format_json(changes),
                   "markdown": lambda: format_markdown(changes, lang),
                   "text": lambda: format_text(changes, lang)}
        write_output(output, formats[fmt](), protect=[old, new])


def _fmt(fmt: str | None, output: str) -> str:
    """The --format, else the output file's suffix when it names a format, else svg."""
    suffix = Path(output).suffix.lstrip(".")
    return fmt or (suffix if suffix in ("svg", "png", "pdf", "dot") else "svg")


@main.command("render")
@PATHS
@click.option("--programme", help="Only this programme (default: all, one file each).")
@click.option("--by-strategic-goal", is_flag=True, help="One diagram per strategic goal.")
@click.option("--highlight-gaps", is_flag=True, help="Mark the audit's findings on the DIN.")
@click.option("--status", is_flag=True,
              help="Colour goals and indicators by status, efforts and projects by how they "
                   "went (from the measurements).")
@click.option("--as-of", "as_of", metavar="DATE",
              help="With --status: the date (2025-12-31, 31-12-2025 or a year for its last "
                   "day; default: today).")
@click.option("--format", "fmt", type=click.Choice(["svg", "png", "pdf", "dot"]),
              help="Default: from the -o suffix, else svg.")
@LANG
@click.option("--page", type=click.Choice(["a4", "a3"]),
              help="Lay out for paper, split into pages that print with text of 7 pt or more "
                   "(pdf: one file per programme; svg/png: one file per page).")
@click.option("--portrait", is_flag=True, help="With --page: portrait instead of landscape.")
@click.option("-o", "--output", required=True,
              help="File (one diagram), folder (several), or - for stdout.")
@_loading()
@_handle_errors
def render_cmd(paths: tuple[Path, ...], programme: str | None, by_strategic_goal: bool,
               highlight_gaps: bool, status: bool, as_of: str | None,
               fmt: str | None, lang: str, page: str | None, portrait: bool,
               output: str) -> None:
    """Draw the DIN (Doelen-Inspanningen-Netwerk) of each programme with Graphviz."""
    from ..render import Paper, check_books_output, din_books, din_diagrams, write_books, write_diagrams

    if portrait and page is None:
        raise click.UsageError(phrase("cli.portrait_needs_page", lang))
    if as_of is not None and not status:
        raise click.UsageError(phrase("cli.as_of_needs_status", lang))
    if status and highlight_gaps:
        raise click.UsageError(phrase("cli.status_or_gaps", lang))
    day = (_date(as_of, lang) if as_of is not None else dt.date.today()) if status else None
    if page is not None and by_strategic_goal:
        raise click.UsageError(phrase("cli.page_splits_itself", lang))
    G, protect = _load(paths)
    if page is not None:
        check_books_output(G, output, _fmt(fmt, output), programme=programme, protect=protect)
        books = din_books(G, Paper(page, portrait), programme=programme,
                          highlight_gaps=highlight_gaps, lang=lang, status=day)
        written = write_books(books, output, _fmt(fmt, output), protect=protect)
    else:
        diagrams = din_diagrams(G, programme=programme, by_strategic_goal=by_strategic_goal,
                                highlight_gaps=highlight_gaps, lang=lang, status=day)
        written = write_diagrams(diagrams, output, _fmt(fmt, output), protect=protect)
    for path in written:
        if str(path) != "-":
            click.echo(phrase("cli.wrote", lang, path=path), err=True)


@main.command("portfolio")
@PATHS
@click.option("--format", "fmt", type=click.Choice(["svg", "png", "pdf", "dot"]),
              help="Default: from the -o suffix, else svg.")
@LANG
@click.option("-o", "--output", required=True, help="File, or - for stdout.")
@_loading()
@_handle_errors
def portfolio_cmd(paths: tuple[Path, ...], fmt: str | None, lang: str, output: str) -> None:
    """Draw all programmes and their mutual relations (one-sided ones dashed)."""
    from ..render import portfolio, write_diagrams

    G, protect = _load(paths)
    write_diagrams([portfolio(G, lang=lang)], output, _fmt(fmt, output), protect=protect)


@main.command("charts")
@PATHS
@click.option("--format", "fmt", type=click.Choice(["svg", "png", "pdf"]), default="svg",
              show_default=True)
@LANG
@click.option("--as-of", "as_of", metavar="DATE",
              help="Draw what was measured by this date (2025-12-31, 31-12-2025 or a year) "
                   "and each indicator's status on it.")
@click.option("-o", "--output", required=True, help="Folder for the chart files.")
@_loading()
@_handle_errors
def charts_cmd(paths: tuple[Path, ...], fmt: str, lang: str, as_of: str | None,
               output: str) -> None:
    """Chart indicator trajectories (with what was measured) and budgets."""
    from ..render import write_charts

    G, protect = _load(paths)
    day = _date(as_of, lang) if as_of is not None else None
    for path in write_charts(G, output, fmt, lang=lang, protect=protect, as_of=day):
        click.echo(phrase("cli.wrote", lang, path=path), err=True)


_UNITS = {"drawing": "din", "writing": "programme"}


class _Steps:
    """``progress(step, done, total)`` for the report: one progress bar per step."""

    def __init__(self) -> None:
        self.step: str | None = None
        self.bar: Any = None

    def __call__(self, step: str, done: int, total: int) -> None:
        if step != self.step:
            self.close()
            self.step = step
            self.bar = _progress(step, _UNITS[step])
        if self.bar is not None:
            self.bar(done, total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


@main.command("report")
@PATHS
@LANG
@click.option("-o", "--output", default="report.html", show_default=True,
              help="HTML file, or - for stdout.")
@click.option("--split", "split", type=click.Path(path_type=Path), metavar="FOLDER",
              help="Write index.html and one page per programme into FOLDER instead "
                   "(for more programmes than one file holds well).")
@click.option("--jobs", type=click.IntRange(min=1), metavar="N",
              help="Processes that read the files and draw the DINs (default: one per CPU).")
@click.option("--as-of", "as_of", metavar="DATE",
              help="The date of the progress (Voortgang) of programmes with measurements "
                   "(2025-12-31, 31-12-2025 or a year; default: today).")
@_loading(jobs=False)
@_handle_errors
def report_cmd(paths: tuple[Path, ...], lang: str, output: str, split: Path | None,
               jobs: int | None, as_of: str | None) -> None:
    """Write one self-contained HTML report: DINs, findings, coverage, charts, progress."""
    from ..io.output import check_folder, write_output
    from ..report import build_report, iter_pages
    from .audited import audit_paths

    if split is not None:
        check_folder(split)
    day = _date(as_of, lang) if as_of is not None else None
    # the findings of today, as always; from the memo when nothing changed (dinnet audit)
    G, findings = audit_paths(paths, progress=_progress(), **_cache_params())
    protect = _protected(paths)
    cache = _drawings()
    steps = _Steps()
    try:
        if split is not None:
            written = 0
            for name, page in iter_pages(G, findings, lang=lang, jobs=jobs, progress=steps,
                                         as_of=day, cache=cache):
                write_output(split / name, page, protect=protect)
                written += 1
            steps.close()
            click.echo(phrase("cli.wrote_pages", lang, path=split / "index.html",
                              count=written - 1), err=True)
            return
        page = build_report(G, findings, lang=lang, jobs=jobs, progress=steps, as_of=day,
                            cache=cache)
        steps.close()
        write_output(output, page, protect=protect)
    finally:
        steps.close()
    if output != "-":
        click.echo(phrase("cli.wrote", lang, path=output), err=True)


@main.group("cache")
def cache_cmd() -> None:
    """The cache of read contracts, findings and drawn DINs: where it is, how big, empty it.

    Loading keeps every contract it has read, by the file's content, so the
    next run reads only what changed (https://github.com/dinnet/dinnet/blob/main/docs/performance.md);
    'dinnet audit' keeps its findings for exactly the same files, date and dinnet;
    the report keeps what Graphviz drew, by the exact text it was given.
    """


CACHE_DIR = click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
                         metavar="DIR", help="The cache folder (default: DINNET_CACHE_DIR, "
                         "else the user's cache folder).")


@cache_cmd.command("info")
@CACHE_DIR
@LANG
@_handle_errors
def cache_info(cache_dir: Path | None, lang: str) -> None:
    """Print the cache folder, its entries and their size."""
    from ..io.cache import Cache, default_folder
    from ..io.memo import Memo
    from ..render.drawings import Drawings

    folder = cache_dir or default_folder()
    info = Cache(folder).info()
    kept = Memo(folder).cache.info()  # the audit's findings and the report's drawings count too
    drawings = Drawings(folder)
    entries = info.entries + kept.entries + len(drawings.entries())
    size = info.bytes + kept.bytes + drawings.size()
    click.echo(message("cli.cache_info", folder=info.folder, files=term("file", lang, n=entries),
                       size_num=round(size / 1e6, 1)).text(lang))


@cache_cmd.command("clear")
@CACHE_DIR
@LANG
@_handle_errors
def cache_clear(cache_dir: Path | None, lang: str) -> None:
    """Remove every entry from the cache (nothing else in the folder)."""
    from ..io.cache import Cache, default_folder
    from ..io.memo import Memo
    from ..render.drawings import Drawings

    cache = Cache(cache_dir or default_folder())
    removed = cache.clear() + Memo(cache.folder).cache.clear() + Drawings(cache.folder).clear()
    click.echo(message("cli.cache_cleared", folder=cache.folder,
                       files=term("file", lang, n=removed)).text(lang))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
