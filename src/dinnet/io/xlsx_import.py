"""Read contracts back from a workbook in the dinnet template (``dinnet import-xlsx``).

The layout is :data:`dinnet.io.xlsx.SHEETS` (documented in ``docs/xlsx.md``).
Every problem of the workbook is gathered and reported together, each at its
sheet, row and column: ``plan.xlsx[efforts]:7:6: error: track: unknown track 'S9'``.
Files are written atomically, one YAML per programme, and an existing file is
only replaced with ``force=True``.

>>> import tempfile, pathlib
>>> from dinnet.io.loading import load_contracts
>>> from dinnet.io.xlsx import export_xlsx
>>> loaded, indexes, _ = load_contracts()
>>> book = pathlib.Path(tempfile.mkdtemp()) / "almelo.xlsx"
>>> _ = book.write_bytes(export_xlsx([i.contract for i in loaded], indexes))
>>> contracts, indexes = read_workbook(book)
>>> [c.programme.id for c in contracts][:3]
['binnenstad', 'duurzaamheid', 'economie-en-participatie']
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pydantic

from ..contract.explain import loc_path, validation_message
from ..contract.model import Contract, Index
from ..contract.references import Loc, check_contract
from ..errors import ContractError, DinnetError, OutputError, Problem, ValidationError, one_line
from ..glossary import DEFAULT_LANG, Message, message, phrase
from . import limits
from .output import check_folder, check_output, write_output
from .scaffold import schema_comment
from .xlsx import NULL, SHEETS, YEARS, openpyxl_module, year_column
from .yamlwrite import contract_yaml, index_yaml

__all__ = ["check_workbook_zip", "import_xlsx", "read_workbook"]

_ID_LISTS = {"measures", "stakeholders", "implements", "delivered_by", "nodes", "affects",
             "refines"}
_INTS = {"start", "end", "baseline_year"}
_BOOLS = {"open", "lijnproject", "inferred"}
_TRUE = {"true", "waar", "ja", "yes", "1", "x"}
_FALSE = {"false", "onwaar", "nee", "no", "0"}
_SPEC = {sheet.name: sheet for sheet in SHEETS}
_KNOWN = {sheet.name: [name for name, _ in sheet.columns] for sheet in SHEETS}


@dataclass
class _Row:
    sheet: str
    row: int
    values: dict[str, Any]
    header: list[str]


@dataclass
class _Book:
    file: str
    rows: dict[str, list[_Row]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    cells: int = 0
    stopped: bool = False  # a limit was hit: the rest was not read

    def problem(self, sheet: str, row: int | None, column: str | None, said: Message,
                header: list[str] | None = None) -> None:
        col = header.index(column) + 1 if header and column in header else None
        self.problems.append(_problem(f"{self.file}[{sheet}]", row, col, column or "", said))


def _problem(where: str, row: int | None, column: int | None, path: str,
             said: Message) -> Problem:
    """A problem whose message is ``said`` (shown in the user's language)."""
    return Problem(where, row, column, path, said.text("en"), said=said)


# -- cells ---------------------------------------------------------------------------------


def _text(value: Any) -> Any:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | int | float):
        return str(value)
    return value


def _convert(name: str, value: Any) -> Any:
    """A cell value as the contract wants it (left as is when it does not fit)."""
    if isinstance(value, str):
        value = value.strip()
        if value == "":
            return None
    if value is None:
        return None
    years = year_column(name)
    if years is not None:
        if value == NULL:
            return None
        return int(value) if isinstance(value, float) and value.is_integer() else value
    if name in _INTS:
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and value.isdigit():
            return int(value)
        return value
    if name == "scale" or name == "baseline_value":
        return value
    if name in _BOOLS:
        text = str(value).strip().lower()
        return True if text in _TRUE else False if text in _FALSE else value
    if name in _ID_LISTS:
        return [part for part in re.split(r"[,;\s]+", str(value)) if part]
    if name == "topics":
        return [part.strip() for part in str(value).splitlines() if part.strip()]
    return _text(value)


class _Limit(Exception):
    """A limit of :mod:`dinnet.io.limits` was hit while reading (the problem is recorded)."""


def _workbook_source(path: Path) -> Callable[[], Path | io.BytesIO]:
    """A way to open the workbook again and again: its path, or (``-``) standard input read
    once, at most ``XLSX_MAX_UNCOMPRESSED`` bytes."""
    if str(path) != "-":
        return lambda: path
    data = sys.stdin.buffer.read(limits.XLSX_MAX_UNCOMPRESSED + 1)
    return lambda: io.BytesIO(data)


def check_workbook_zip(path: Path, source: Path | io.BytesIO) -> None:
    """Refuse a workbook that would inflate beyond ``XLSX_MAX_UNCOMPRESSED`` (a zip bomb),
    from the sizes in the zip directory, before anything is inflated."""
    try:
        with zipfile.ZipFile(source) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (OSError, zipfile.BadZipFile, ValueError) as exc:
        raise _unreadable(str(path), exc) from None
    if total > limits.XLSX_MAX_UNCOMPRESSED:
        raise ValidationError([_problem(str(path), None, None, "", message(
            "xlsx.zip_bomb", size_amount=total, limit_amount=limits.XLSX_MAX_UNCOMPRESSED,
            setting=limits.describe("XLSX_MAX_UNCOMPRESSED")))])


def _formulas_without_value(source: Path | io.BytesIO, member: str) -> Iterator[tuple[int, int]]:
    """``(row, column)`` of each formula cell of a sheet that has no saved result.

    ``openpyxl`` reads such a cell as empty; Excel and LibreOffice save the
    result with the formula, other tools (scripts, some converters) do not.
    """
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    with zipfile.ZipFile(source) as archive, archive.open(member) as fh:
        for _, element in iterparse(fh):
            if element.tag == f"{_NS}c":
                formula, value = element.find(f"{_NS}f"), element.findtext(f"{_NS}v")
                if formula is not None and not value and element.get("t") != "inlineStr":
                    letters, row = coordinate_from_string(element.get("r", "A1"))
                    yield row, column_index_from_string(letters)
                element.clear()
            elif element.tag == f"{_NS}row":
                element.clear()


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _read_sheets(book: _Book, path: Path) -> None:
    opened = _workbook_source(path)  # `-`: standard input
    check_workbook_zip(path, opened())
    openpyxl = openpyxl_module()
    try:
        wb = openpyxl.load_workbook(opened(), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not xlsx
        raise _unreadable(str(path), exc) from None
    try:
        for ws in wb.worksheets:
            name = ws.title.strip()
            if name == "README" or name.startswith("_"):
                continue
            if name not in _SPEC:
                close = difflib.get_close_matches(name, list(_SPEC), n=1)
                hint = message("load.did_you_mean", close=close[0]) if close else ""
                book.problem(name, None, None, message("xlsx.unknown_sheet", name=name, hint=hint))
                continue
            try:
                _read_sheet(book, name, ws, opened)
            except _Limit:
                return
            except DinnetError:
                raise
            except Exception as exc:  # a damaged sheet: XML, zip or cell errors of many kinds
                raise _unreadable(f"{book.file}[{name}]", exc) from None
    finally:
        wb.close()


def _read_sheet(book: _Book, name: str, ws: Any,
                opened: Callable[[], Path | io.BytesIO]) -> None:
    """The rows of one known sheet into ``book.rows``, and its formulas without a result."""
    if (ws.max_row or 0) > limits.XLSX_MAX_ROWS:
        _too_many(book, name, None, message("xlsx.rows_declared", rows_amount=ws.max_row),
                  "XLSX_MAX_ROWS")
    book.rows[name] = list(_sheet_rows(book, name, ws.iter_rows(values_only=True)))
    header = book.rows[name][0].header if book.rows[name] else []
    for row, column in _formulas_without_value(opened(), ws._worksheet_path):
        heading = header[column - 1] if column <= len(header) else None
        book.problems.append(_problem(f"{book.file}[{name}]", row, column, heading or "",
                                      message("xlsx.formula")))


def _unreadable(where: str, exc: BaseException) -> ValidationError:
    """The one problem of a file (or sheet) that cannot be read as a workbook."""
    return ValidationError([_problem(where, None, None, "", message(
        "imp.not_xlsx", detail=one_line(str(exc), 200)))])


def _too_many(book: _Book, sheet: str, row: int | None, what: Message, limit: str) -> None:
    book.problem(sheet, row, None, message("xlsx.too_many", what=what,
                                           limit_amount=getattr(limits, limit),
                                           setting=limits.describe(limit)))
    book.stopped = True
    raise _Limit


def _sheet_rows(book: _Book, sheet: str, cells: Iterator[tuple[Any, ...]]) -> Iterator[_Row]:
    header_cells = next(cells, None) or ()
    header = [str(h).strip() if h is not None else "" for h in header_cells]
    known = _KNOWN[sheet]
    for name in header:
        if not name:
            continue
        found = year_column(name)
        if name in known or (found and found[0] in known):
            continue
        options = [k for k in known if not k.endswith(YEARS)]
        close = difflib.get_close_matches(name, options, n=1)
        hint = (message("load.did_you_mean", close=close[0]) if close
                else message("xlsx.known", known=", ".join(known)))
        book.problem(sheet, 1, name, message("xlsx.unknown_column", name=name, hint=hint), header)
    for number, values in enumerate(cells, start=2):
        book.cells += len(values)
        if number > limits.XLSX_MAX_ROWS:
            _too_many(book, sheet, number, message("xlsx.more_rows"), "XLSX_MAX_ROWS")
        if book.cells > limits.XLSX_MAX_CELLS:
            _too_many(book, sheet, number, message("xlsx.more_cells"), "XLSX_MAX_CELLS")
        row = {}
        for name, value in zip(header, values, strict=False):
            converted = _convert(name, value) if name else None
            if converted is not None or (year_column(name) and _is_null(value)):
                row[name] = converted
        if row:
            yield _Row(sheet, number, row, header)


def _is_null(value: Any) -> bool:
    """A year cell holding ``~``: an amount printed empty (``null`` in YAML)."""
    return isinstance(value, str) and value.strip() == NULL


# -- building contracts --------------------------------------------------------------------


def _years(row: _Row, prefix: str) -> dict[int, Any]:
    out: dict[int, Any] = {}
    for name, value in row.values.items():
        found = year_column(name)
        if found and found[0] == f"{prefix}{YEARS}":
            out[found[1]] = value
    return out


def _pick(row: _Row, *names: str, **renames: str) -> dict[str, Any]:
    out = {n: row.values[n] for n in names if n in row.values}
    out.update({new: row.values[old] for new, old in renames.items() if old in row.values})
    return out


class _Builder:
    """Turns the rows of one programme into contract data, remembering where each came from."""

    def __init__(self, book: _Book, head: _Row) -> None:
        self.book = book
        self.head = head
        self.where: dict[int, _Row] = {}  # id(dict) -> row it was made from
        self.items: dict[tuple[int, int], _Row] = {}  # (id(list), index) -> row, for text items

    def made(self, data: dict[str, Any], row: _Row) -> dict[str, Any]:
        self.where[id(data)] = row
        return data

    def tree(self, rows: list[_Row], make: Any, child: str) -> list[dict[str, Any]]:
        items = {}
        for row in rows:
            key = row.values.get("id")
            if key in items:
                continue  # the duplicate id is reported by the contract check
            items[key] = (row, self.made(make(row), row))
        top: list[dict[str, Any]] = []
        for row, data in items.values():
            parent = row.values.get("parent")
            if parent is None:
                top.append(data)
            elif parent not in items or self._cycle(items, row):
                self.book.problem(row.sheet, row.row, "parent", message(
                    "xlsx.unknown_parent", parent=parent, programme=self.head.values["id"]),
                    row.header)
            else:
                items[parent][1].setdefault(child, []).append(data)
        return top

    @staticmethod
    def _cycle(items: dict[Any, tuple[_Row, dict[str, Any]]], row: _Row) -> bool:
        seen = {row.values.get("id")}
        parent = row.values.get("parent")
        while parent is not None and parent in items:
            if parent in seen:
                return True
            seen.add(parent)
            parent = items[parent][0].values.get("parent")
        return False

    def contract(self, rows: dict[str, list[_Row]]) -> dict[str, Any]:
        h = self.head
        roles = _pick(h, "bestuurlijk_opdrachtgever", "ambtelijk_opdrachtgever", "programmamanager",
                      source="roles_source")
        programme = _pick(h, "id", "name", "municipality", "date", "version", "kenmerk", "note",
                          "source")
        programme["period"] = _pick(h, "start", "end")
        if roles:
            programme["roles"] = roles
        data: dict[str, Any] = {"dinnet": 1, "programme": self.made(programme, h)}
        vision = _pick(h, id="vision_id", label="vision_label", text="vision_text",
                       source="vision_source")
        if vision:
            data["vision"] = self.made(vision, h)
        data["goals"] = self.tree(rows["goals"], lambda r: _pick(
            r, "id", "level", "label", "text", "open", "note", "source", "refines"), "goals")
        data["indicators"] = [self.made(self.indicator(r), r) for r in rows["indicators"]]
        data["tracks"] = [self.made(_pick(r, "id", "label", "kind", "text", "note", "source"), r)
                          for r in rows["tracks"]]
        data["efforts"] = self.tree(rows["efforts"], lambda r: _pick(
            r, "id", "label", "text", "track", "stakeholders", "planning", "source")
            | self.budget(r), "efforts")
        data["results"] = [self.made(_pick(r, "id", "label", "delivered_by", "source"), r)
                           for r in rows["results"]]
        data["projects"] = [self.made(_pick(
            r, "id", "label", "role", "lijnproject", "implements", "stakeholders", "planning",
            "note", "source") | self.budget(r), r) for r in rows["projects"]]
        self.links(data, rows["links"])
        data["stakeholders"] = [self.made(_pick(r, "id", "label", "source"), r)
                                for r in rows["stakeholders"]]
        data["budgets"] = self.tables(rows["budget"], rows["budget_lines"])
        data["capacity"] = self.tables(rows["capacity"], rows["capacity_lines"])
        data["relations"] = [self.made(_pick(r, "topics", "nodes", "text", "source",
                                             programme="with"), r) for r in rows["relations"]]
        data["not_in_text"] = [self.made(_pick(r, "what", "section", "reason", "affects", "note",
                                             "source"), r)
                               for r in rows["not_in_text"]]
        return {k: v for k, v in data.items() if v != []}

    @staticmethod
    def indicator(r: _Row) -> dict[str, Any]:
        data = _pick(r, "id", "label", "measures", "unit", "data_source", "direction", "note",
                     "source")
        baseline = _pick(r, value="baseline_value", year="baseline_year", note="baseline_note")
        if baseline:
            data["baseline"] = baseline
        for series, prefix in (("targets", "target"), ("expected", "expected"),
                               ("realised", "realised")):
            values = _years(r, prefix)
            if values:
                data[series] = values
        return data

    @staticmethod
    def budget(r: _Row) -> dict[str, Any]:
        amounts = _years(r, "budget")
        budget = {"amounts": amounts} if amounts else {}
        if "budget_text" in r.values:
            budget["text"] = r.values["budget_text"]
        return {"budget": budget} if budget else {}

    def links(self, data: dict[str, Any], rows: list[_Row]) -> None:
        owners: dict[str, dict[Any, dict[str, Any]]] = {
            "contributes_to": {}, "measures": {}, "implements": {}, "refines": {}}
        for item in [*_walk(data["efforts"], "efforts"), *data["results"], *data["tracks"]]:
            owners["contributes_to"].setdefault(item.get("id"), item)
        for item in data["indicators"]:
            owners["measures"].setdefault(item.get("id"), item)
        for item in data["projects"]:
            owners["implements"].setdefault(item.get("id"), item)
        for item in _walk(data["goals"], "goals"):
            owners["refines"].setdefault(item.get("id"), item)
        what = {"contributes_to": (("effort", "result", "track"), "goal", ("strength",)),
                "measures": (("indicator",), "goal", ()),
                "implements": (("project",), "effort", ()), "refines": (("goal",), "goal", ())}
        for r in rows:
            kind = r.values.get("kind") or "contributes_to"
            if kind not in owners:
                self.book.problem(r.sheet, r.row, "kind",
                                  message("xlsx.unknown_link_kind", kind=kind), r.header)
                continue
            named, target, extra = what[kind]
            owner = owners[kind].get(r.values.get("from"))
            if owner is None:
                self.book.problem(r.sheet, r.row, "from", message(
                    "xlsx.unknown_from", kinds_terms=named, ref=r.values.get("from"),
                    programme=self.head.values["id"]), r.header)
                continue
            fields = (*extra, "inferred", "note", "source")
            if any(f in r.values for f in fields):
                link: Any = self.made(_pick(r, target, *fields), r)
            else:
                link = r.values.get(target)
            items = owner.setdefault(kind, [])
            self.items[(id(items), len(items))] = r
            items.append(link)

    def tables(self, heads: list[_Row], lines: list[_Row]) -> list[dict[str, Any]]:
        tables: dict[Any, dict[str, Any]] = {}
        for r in heads:
            table = _pick(r, "id", "title", "unit", "scale", "note", "source")
            totals = _years(r, "total")
            if totals:
                table["stated_totals"] = totals
            tables.setdefault(r.values.get("id"), self.made(table, r))
        for r in lines:
            found = tables.get(r.values.get("table"))
            if found is None:
                self.book.problem(r.sheet, r.row, "table", message(
                    "xlsx.unknown_table", table=r.values.get("table"),
                    programme=self.head.values["id"]), r.header)
                continue
            line = _pick(r, "label", "text", "ref", "source")
            amounts = _years(r, "amount")
            if amounts:
                line["amounts"] = amounts
            found.setdefault("lines", []).append(self.made(line, r))
        return list(tables.values())

    def locate(self, data: dict[str, Any], loc: Loc) -> tuple[_Row, str | None]:
        """The row (and column) a field path of the contract data came from."""
        row, rest = self.head, list(loc)
        node: Any = data
        consumed: list[Any] = []
        for part in loc:
            parent = node
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
            consumed.append(part)
            found = self.where.get(id(node))
            if found is None and isinstance(part, int):
                found = self.items.get((id(parent), part))
            if found is not None:
                row, rest = found, list(loc[len(consumed):])
        return row, _column(row, consumed, rest)


def _walk(items: list[dict[str, Any]], child: str) -> Iterator[dict[str, Any]]:
    for item in items:
        yield item
        yield from _walk(item.get(child, []), child)


_YEAR_FIELDS = {"targets": "target", "expected": "expected", "realised": "realised",
                "stated_totals": "total"}


def _column(row: _Row, consumed: list[Any], rest: list[Any]) -> str | None:
    parts = [p for p in [*consumed[-1:], *rest] if p not in ("ref", "link")]
    for i, part in enumerate(parts):
        after = parts[i + 1] if i + 1 < len(parts) else None
        if part in _YEAR_FIELDS and isinstance(after, int):
            return f"{_YEAR_FIELDS[part]}_{after}"
        if part == "amounts" and isinstance(after, int):
            return f"{'amount' if row.sheet.endswith('_lines') else 'budget'}_{after}"
        if part in ("baseline", "vision") and isinstance(after, str):
            return f"{part}_{after}"
        if part == "roles":
            return "roles_source" if after in (None, "source") else str(after)
        if part == "budget" and after == "text":
            return "budget_text"
        if part in ("contributes_to", "measures", "refines") and row.sheet == "links":
            return "goal"
        if part == "implements" and row.sheet == "links":
            return "effort"
        if part == "programme" and row.sheet == "relations":
            return "with"
        if isinstance(part, str) and part in row.header:
            return part
    return "goal" if row.sheet == "links" else None


def _validate(book: _Book, builder: _Builder, data: dict[str, Any]) -> Contract | None:
    try:
        contract = Contract.model_validate(data)
    except pydantic.ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc, said, _ = validation_message(err)
            row, column = builder.locate(data, loc)
            book.problem(row.sheet, row.row, column,
                         message("xlsx.at_field", problem=said, field=loc_path(loc)), row.header)
        return None
    checked = check_contract(contract)
    for issue in checked.errors:
        row, column = builder.locate(data, issue.loc)
        book.problem(row.sheet, row.row, column, issue.message, row.header)
    return None if checked.errors else contract


def _index(book: _Book, rows: list[_Row]) -> list[Index]:
    groups: list[list[_Row]] = []
    for r in rows:
        if "source" in r.values or not groups:
            groups.append([])
        groups[-1].append(r)
    indexes = []
    for group in groups:
        head = group[0]
        data: dict[str, Any] = _pick(head, "municipality", "date", "title", "source")
        data["appendices"] = [_pick(r, title="appendix_title", kenmerk="appendix_kenmerk",
                                    programme="appendix_programme", source="appendix_source")
                              for r in group if "appendix_title" in r.values
                              or "appendix_source" in r.values]
        try:
            indexes.append(Index.model_validate(data))
        except pydantic.ValidationError as exc:
            for err in exc.errors(include_url=False):
                loc, said, _ = validation_message(err)
                book.problem("index", head.row, None,
                             message("xlsx.at_field", problem=said, field=loc_path(loc)))
    return indexes


def read_workbook(path: str | Path) -> tuple[list[Contract], list[Index]]:
    """Read and check every contract of a workbook; raise with all problems found.

    Parameters
    ----------
    path
        An ``.xlsx`` file in the dinnet template; ``-`` reads it from standard input.

    Returns
    -------
    (contracts, indexes)
        Contracts in the order of the ``programmes`` sheet, and the data set
        indexes of the ``index`` sheet.

    Raises
    ------
    ValidationError
        Listing every problem, each at ``file[sheet]:row:column``.
    """
    path = Path(path)
    book = _Book(path.name)
    _read_sheets(book, path)
    if book.stopped:
        raise ValidationError(_shown(book.problems))  # the rest of the workbook was not read
    rows = {sheet.name: book.rows.get(sheet.name, []) for sheet in SHEETS}
    heads: dict[Any, _Row] = {}
    for r in rows["programmes"]:
        pid = r.values.get("id")
        if pid in heads:
            book.problem("programmes", r.row, "id", message(
                "xlsx.programme_twice", programme=pid, row=heads[pid].row), r.header)
        else:
            heads[pid] = r
    for name, items in rows.items():
        if name in ("programmes", "index"):
            continue
        for r in items:
            if r.values.get("programme") not in heads:
                book.problem(name, r.row, "programme", message(
                    "xlsx.not_on_programmes", programme=r.values.get("programme")), r.header)
    contracts = []
    for pid, head in heads.items():
        mine = {name: [r for r in items if r.values.get("programme") == pid]
                for name, items in rows.items()}
        builder = _Builder(book, head)
        data = builder.contract(mine)
        contract = _validate(book, builder, data)
        if contract is not None:
            contracts.append(contract)
    indexes = _index(book, rows["index"])
    if not heads and not book.problems:
        book.problem("programmes", None, None, message("xlsx.no_programmes"))
    if book.problems:
        raise ValidationError(_shown(book.problems))
    return contracts, indexes


def _shown(problems: list[Problem]) -> list[Problem]:
    """The problems in sheet order, at most ``XLSX_MAX_ERRORS`` and a line counting the rest."""
    ordered = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0))
    cap = limits.XLSX_MAX_ERRORS
    if len(ordered) <= cap:
        return ordered
    rest = len(ordered) - cap
    return [*ordered[:cap], _problem(ordered[cap].file, ordered[cap].line, ordered[cap].column,
                                     "", message("xlsx.more_problems", rest_amount=rest,
                                                 setting=limits.describe("XLSX_MAX_ERRORS")))]


def import_xlsx(path: str | Path, folder: str | Path, *, force: bool = False,
                lang: str = DEFAULT_LANG) -> list[Path]:
    """Write one YAML file per programme of the workbook (and ``index.yaml``) into ``folder``.

    Nothing is written when the workbook has a problem, or when a file exists
    and ``force`` is false. Each file is written atomically; its first comment says
    where it came from, in ``lang``.

    Returns
    -------
    list of Path
        The files written.
    """
    if str(folder) == "-":
        check_folder(folder)  # before the workbook is read
    contracts, indexes = read_workbook(path)
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError.of(message("error.folder_is_file", path=folder))
    name = Path(path).name if str(path) != "-" else phrase("xlsx.stdin", lang)
    texts: dict[Path, str] = {}
    for contract in contracts:
        pid = contract.programme.id
        # index.yaml is the data set's index, whatever it holds
        target = folder / (f"{pid}.yaml" if pid != "index" else f"programme-{pid}.yaml")
        header = schema_comment(target) + f"# {phrase('xlsx.imported', lang, name=name)}\n"
        texts[target] = contract_yaml(contract, header=header)
    if len(indexes) > 1:
        raise ContractError([_problem(f"{Path(path).name}[index]", None, None, "",
                                      message("xlsx.indexes"))])
    for index in indexes:
        texts[folder / "index.yaml"] = index_yaml(
            index, header=f"# {phrase('xlsx.imported_index', lang, name=name)}\n")
    existing = [str(p) for p in texts if p.exists()]
    if existing and not force:
        key = "error.exists_force" if len(existing) == 1 else "error.exist_force"
        raise OutputError.of(message(key, paths=existing))
    for target in texts:  # every target first: one refused file leaves nothing half written
        check_output(target, protect=[path], replace_yaml=force)
    for target, text in texts.items():
        write_output(target, text, protect=[path], replace_yaml=force)
    return list(texts)
