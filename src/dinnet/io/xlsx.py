"""Contracts as a spreadsheet: one sheet per element kind (``dinnet export-xlsx``).

The workbook layout (the *template*) is :data:`SHEETS`; ``docs/xlsx.md``
describes it for users. Every sheet has a header row of column names; a
column written ``target_YYYY`` in the template stands for one column per year
(``target_2019``, ``target_2022``). Element rows name their ``programme``, so
one workbook holds any number of contracts. ``dinnet import-xlsx`` reads the
same layout back (:mod:`dinnet.io.xlsx_import`); a round trip keeps the graph
identical.

Needs the optional ``openpyxl`` package (``pip install "dinnet[xlsx]"``).

>>> from dinnet.io.loading import load_contracts
>>> loaded, indexes, _ = load_contracts()
>>> rows = workbook_rows([item.contract for item in loaded], indexes)
>>> rows["goals"][0]["programme"], len(rows["programmes"])
('binnenstad', 7)
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .._optional import extra
from ..contract.model import GOAL_LEVELS, Contract, Effort, Goal, Index, Table
from ..glossary import phrase

__all__ = ["SHEETS", "Sheet", "export_xlsx", "sheet_columns", "workbook_rows"]

#: A column name ending in this stands for one column per year.
YEARS = "_YYYY"
#: The cell text for an explicit empty amount (``null`` in YAML).
NULL = "~"
#: Enumerations offered as drop-down lists.
CHOICES: dict[str, tuple[str, ...]] = {
    "level": GOAL_LEVELS,
    "direction": ("increase", "decrease", "maintain"),
    "role": ("regie", "afstemming", "faciliterend"),
    "strength": ("weak", "medium", "strong"),
    "reason": ("section_empty", "in_image", "not_stated"),
    "open": ("TRUE", "FALSE"),
    "lijnproject": ("TRUE", "FALSE"),
}
_SOURCE = "Where it stands in the source text: 'file:line' or 'file:start-end'."


@dataclass(frozen=True)
class Sheet:
    """One sheet of the template: its name, what a row is, and its columns."""

    name: str
    help: str
    columns: tuple[tuple[str, str], ...]


def _table_sheets(name: str, what: str) -> tuple[Sheet, Sheet]:
    return (
        Sheet(name, f"One row per {what} table; totals exactly as printed.", (
            ("programme", "Programme id."),
            ("id", "Table id (B1)."),
            ("title", "Title as printed."),
            ("unit", "Unit as printed: 'EUR', 'x 1.000 euro', 'uren per week'."),
            ("scale", "Multiply amounts by this for the unit's base (1000 for 'x 1.000 euro')."),
            ("total_YYYY", "The stated total for that year, as printed (even when wrong)."),
            ("note", "A remark of the transcriber."),
            ("source", _SOURCE),
        )),
        Sheet(f"{name}_lines", f"One row per line of a {what} table, in table order.", (
            ("programme", "Programme id."),
            ("table", f"Id of the table on the '{name}' sheet."),
            ("label", "The line's label as printed."),
            ("amount_YYYY", f"Amount for that year; '{NULL}' for a printed but empty amount."),
            ("text", "The figures as printed when they are not per year."),
            ("ref", "Effort, project or track the line belongs to."),
            ("source", _SOURCE + " Blank: the table's."),
        )),
    )


#: The template: every sheet and column, in workbook order.
SHEETS: tuple[Sheet, ...] = (
    Sheet("programmes", "One row per programme contract, with its vision and its roles.", (
        ("id", "Programme id: lower-case letters and digits, words joined by one '-'."),
        ("name", "Programme name as in the contract title."),
        ("municipality", "The municipality."),
        ("start", "First year of the contract period."),
        ("end", "Last year of the contract period."),
        ("date", "Date of the contract as printed."),
        ("version", "Version as printed."),
        ("kenmerk", "Registration number."),
        ("note", "A remark of the transcriber."),
        ("source", _SOURCE),
        ("bestuurlijk_opdrachtgever", "Political principal."),
        ("ambtelijk_opdrachtgever", "Administrative principal."),
        ("programmamanager", "Programme manager."),
        ("roles_source", "Where the roles stand."),
        ("vision_id", "Id of the vision (default 'visie')."),
        ("vision_label", "The vision in a short verbatim line; blank: no vision."),
        ("vision_text", "Fuller verbatim text of the vision."),
        ("vision_source", "Where the vision stands."),
    )),
    Sheet("goals", "One row per goal; sub-goals name their parent.", (
        ("programme", "Programme id."),
        ("id", "Goal id, unique in the contract."),
        ("parent", "The goal it sits under; blank: a top goal under the vision."),
        ("level", "main, strategic or operational."),
        ("label", "The goal as printed."),
        ("text", "Fuller verbatim text."),
        ("open", "TRUE: deliberately left open ('lege kolom')."),
        ("note", "A remark of the transcriber."),
        ("source", _SOURCE),
        ("refines", "Further goal ids it serves besides its parent, separated by commas "
                    "(or rows in 'links')."),
    )),
    Sheet("indicators", "One row per indicator.", (
        ("programme", "Programme id."),
        ("id", "Indicator id."),
        ("label", "What is measured."),
        ("measures", "Goal ids it measures, separated by commas (or rows in 'links'); blank "
                     "and no rows: the programme as a whole."),
        ("unit", "Unit of measurement."),
        ("baseline_value", "Peilwaarde: a number, or the text as printed ('circa 8,5': "
                           "approximate)."),
        ("baseline_year", "Year of the baseline."),
        ("baseline_note", "A remark on the baseline."),
        ("target_YYYY", "Streefwaarde (doel) for that year: a number, or the text as printed "
                        "('n.t.b.'; 'circa 40': approximate)."),
        ("expected_YYYY", "Verwacht: the value expected for that year."),
        ("realised_YYYY", "Realisatie: the value measured in that year."),
        ("data_source", "Bron: where the figures come from."),
        ("direction", "increase, decrease or maintain."),
        ("note", "A remark of the transcriber."),
        ("source", _SOURCE),
    )),
    Sheet("tracks", "One row per track (spoor, programmalijn, thema).", (
        ("programme", "Programme id."),
        ("id", "Track id."),
        ("label", "The track's name as printed."),
        ("kind", "The contract's word: spoor, programmalijn..."),
        ("text", "Fuller verbatim text."),
        ("note", "A remark of the transcriber."),
        ("source", _SOURCE),
    )),
    Sheet("efforts", "One row per effort; sub-efforts name their parent. Links to goals: "
          "the 'links' sheet.", (
        ("programme", "Programme id."),
        ("id", "Effort id."),
        ("parent", "The effort it is part of; blank: a top effort."),
        ("label", "The effort as printed."),
        ("text", "Fuller verbatim text."),
        ("track", "Track id."),
        ("stakeholders", "Stakeholder ids, separated by commas."),
        ("budget_YYYY", "Euro for that year."),
        ("budget_text", "The budget as printed."),
        ("planning", "When, as printed."),
        ("source", _SOURCE),
    )),
    Sheet("results", "One row per result (what efforts deliver).", (
        ("programme", "Programme id."),
        ("id", "Result id."),
        ("label", "The result as printed."),
        ("delivered_by", "Effort ids, separated by commas."),
        ("source", _SOURCE),
    )),
    Sheet("links", "One row per link from an effort, result or track to a goal it serves "
          "(contributes_to), in order; also the measures of an indicator and the implements "
          "of a project when one of them is inferred or has a note or source of its own.", (
        ("programme", "Programme id."),
        ("from", "Effort, result or track id (indicator id for measures, project id for "
                 "implements)."),
        ("goal", "Goal id ('programme:id' for another programme's goal)."),
        ("strength", "weak, medium or strong (optional)."),
        ("source", "Where the text states the link; blank: where the element stands."),
        ("inferred", "TRUE: the text implies the link but does not state it (say why in note)."),
        ("note", "A remark of the transcriber on the link."),
        ("kind", "Blank: contributes_to; or measures, implements, refines (from a goal)."),
        ("effort", "Effort id (implements only; goal stays blank)."),
    )),
    Sheet("projects", "One row per project.", (
        ("programme", "Programme id."),
        ("id", "Project id."),
        ("label", "The project's name."),
        ("role", "regie, afstemming or faciliterend."),
        ("lijnproject", "TRUE: run by the line organisation."),
        ("implements", "Effort ids, separated by commas (or rows in 'links')."),
        ("stakeholders", "Stakeholder ids, separated by commas."),
        ("budget_YYYY", "Euro for that year."),
        ("budget_text", "The budget as printed."),
        ("planning", "When, as printed."),
        ("note", "A remark of the transcriber."),
        ("source", _SOURCE),
    )),
    Sheet("stakeholders", "One row per stakeholder (partner).", (
        ("programme", "Programme id."),
        ("id", "Stakeholder id."),
        ("label", "The organisation's name."),
        ("source", _SOURCE),
    )),
    *_table_sheets("budget", "budget"),
    *_table_sheets("capacity", "capacity"),
    Sheet("relations", "One row per relation with another programme, as this contract states it.", (
        ("programme", "Programme id (the one whose text states the relation)."),
        ("with", "The other programme's id."),
        ("topics", "What it is about: one topic per line of the cell."),
        ("nodes", "Ids of the elements it is about, separated by commas."),
        ("text", "The relation as printed."),
        ("source", _SOURCE),
    )),
    Sheet("not_in_text", "One row per thing the contract text lacks.", (
        ("programme", "Programme id."),
        ("what", "What is missing."),
        ("section", "The section, as headed."),
        ("reason", "section_empty, in_image or not_stated."),
        ("affects", "What the gap leaves out: goals, links, indicators, efforts (commas)."),
        ("note", "Explanation."),
        ("source", _SOURCE),
    )),
    Sheet("index", "The data set's index (cover letter): a row with 'source' starts an index, "
          "each row may add one appendix.", (
        ("municipality", "The municipality."),
        ("date", "Date as printed."),
        ("title", "Title of the cover letter."),
        ("source", _SOURCE),
        ("appendix_title", "Title of an appendix."),
        ("appendix_kenmerk", "Its registration number."),
        ("appendix_programme", "The programme id it is."),
        ("appendix_source", "Where it is listed."),
    )),
)

_BY_NAME = {sheet.name: sheet for sheet in SHEETS}
_YEAR_COLUMN = re.compile(r"^(target|expected|realised|budget|total|amount)_([0-9]{4})$")


def year_column(name: str) -> tuple[str, int] | None:
    """``'target_2022'`` -> ``('target_YYYY', 2022)``; None for other names.

    >>> year_column("budget_2019"), year_column("budget_text")
    (('budget_YYYY', 2019), None)
    """
    match = _YEAR_COLUMN.match(name)
    return (f"{match[1]}{YEARS}", int(match[2])) if match else None


def _s(value: object) -> str | None:
    return None if value is None else str(value)


def _ids(refs: Iterable[str]) -> str | None:
    joined = ", ".join(refs)
    return joined or None


def _link(item: Any) -> dict[str, Any]:
    return {"inferred": item.inferred or None, "note": item.note, "source": _s(item.source)}


def _short_or_rows(rows: dict[str, list[dict[str, Any]]], pid: str, origin: str, kind: str,
                   field: str, items: list[Any]) -> str | None:
    """The ids of a link list for its column; when one of them is a long form, all of them
    go to the 'links' sheet instead (in order) and the column stays blank."""
    if all(isinstance(item, str) for item in items):
        return _ids(items)
    for item in items:
        long = {} if isinstance(item, str) else _link(item)
        rows["links"].append({"programme": pid, "from": origin, "kind": kind,
                              field: item if isinstance(item, str) else getattr(item, field),
                              **long})
    return None


def _years(prefix: str, amounts: dict[int, Any], approx: Mapping[int, str] | None = None
           ) -> dict[str, Any]:
    approx = approx or {}
    return {f"{prefix}_{year}": NULL if value is None else _approx(value, approx.get(year))
            for year, value in amounts.items()}


def _approx(value: Any, word: str | None) -> Any:
    """An approximate number as Dutch text (``'ruim 200000'``, ``'circa 8,5'``), read back so.

    >>> _approx(8.5, "circa"), _approx(200000.0, "ruim"), _approx(3, None)
    ('circa 8,5', 'ruim 200000', 3)
    """
    if word is None or not isinstance(value, int | float):
        return value
    text = f"{value:.15g}" if "e" not in f"{value:.15g}" else f"{value:.20f}".rstrip("0")
    return f"{word} {text.replace('.', ',')}"


def _goal_rows(rows: dict[str, list[dict[str, Any]]], goals: list[Goal], pid: str,
               parent: str | None) -> Iterator[dict[str, Any]]:
    for g in goals:
        yield {"programme": pid, "id": g.id, "parent": parent, "level": g.level, "label": g.label,
               "text": g.text, "open": g.open, "note": g.note, "source": str(g.source),
               "refines": _short_or_rows(rows, pid, g.id, "refines", "goal", g.refines)}
        yield from _goal_rows(rows, g.goals, pid, g.id)


def _efforts(efforts: list[Effort], parent: str | None) -> Iterator[tuple[Effort, str | None]]:
    for e in efforts:
        yield e, parent
        yield from _efforts(e.efforts, e.id)


def _budget(budget: Any) -> dict[str, Any]:
    if budget is None:
        return {}
    return {**_years("budget", budget.amounts, budget.approximate), "budget_text": budget.text}


def _table_rows(tables: list[Table], pid: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    heads, lines = [], []
    for t in tables:
        heads.append({"programme": pid, "id": t.id, "title": t.title, "unit": t.unit,
                      "scale": t.scale, **_years("total", t.stated_totals, t.approximate_totals),
                      "note": t.note,
                      "source": str(t.source)})
        for line in t.lines:
            lines.append({"programme": pid, "table": t.id, "label": line.label,
                          **_years("amount", line.amounts, line.approximate), "text": line.text,
                          "ref": line.ref,
                          "source": _s(line.source)})
    return heads, lines


def contract_rows(c: Contract) -> dict[str, list[dict[str, Any]]]:
    """The rows of one contract, per sheet name (values as written to cells)."""
    pid, p, v, roles = c.programme.id, c.programme, c.vision, c.programme.roles
    rows: dict[str, list[dict[str, Any]]] = {sheet.name: [] for sheet in SHEETS}
    rows["programmes"].append({
        "id": pid, "name": p.name, "municipality": p.municipality, "start": p.period.start,
        "end": p.period.end, "date": p.date, "version": p.version, "kenmerk": p.kenmerk,
        "note": p.note, "source": str(p.source),
        "bestuurlijk_opdrachtgever": roles.bestuurlijk_opdrachtgever,
        "ambtelijk_opdrachtgever": roles.ambtelijk_opdrachtgever,
        "programmamanager": roles.programmamanager, "roles_source": _s(roles.source),
        "vision_id": v.id if v else None, "vision_label": v.label if v else None,
        "vision_text": v.text if v else None, "vision_source": str(v.source) if v else None,
    })
    rows["goals"].extend(_goal_rows(rows, c.goals, pid, None))
    for ind in c.indicators:
        base = ind.baseline
        rows["indicators"].append({
            "programme": pid, "id": ind.id, "label": ind.label,
            "measures": _short_or_rows(rows, pid, ind.id, "measures", "goal", ind.measures),
            "unit": ind.unit,
            "baseline_value": _approx(base.value, base.approximate) if base else None,
            "baseline_year": base.year if base else None, "baseline_note": base.note if base else None,
            **_years("target", ind.targets, ind.approximate.get("targets")),
            **_years("expected", ind.expected, ind.approximate.get("expected")),
            **_years("realised", ind.realised, ind.approximate.get("realised")),
            "data_source": ind.data_source,
            "direction": ind.direction, "note": ind.note, "source": str(ind.source)})
    linked: list[tuple[str, list[Any]]] = []
    for track in c.tracks:
        rows["tracks"].append({"programme": pid, "id": track.id, "label": track.label,
                               "kind": track.kind, "text": track.text, "note": track.note,
                               "source": str(track.source)})
        linked.append((track.id, track.contributes_to))
    for e, parent in _efforts(c.efforts, None):
        rows["efforts"].append({
            "programme": pid, "id": e.id, "parent": parent, "label": e.label, "text": e.text,
            "track": e.track, "stakeholders": _ids(e.stakeholders), **_budget(e.budget),
            "planning": e.planning, "source": str(e.source)})
        linked.append((e.id, e.contributes_to))
    for res in c.results:
        rows["results"].append({"programme": pid, "id": res.id, "label": res.label,
                                "delivered_by": _ids(res.delivered_by), "source": str(res.source)})
        linked.append((res.id, res.contributes_to))
    for origin, items in linked:
        for item in items:
            if isinstance(item, str):
                rows["links"].append({"programme": pid, "from": origin, "goal": item})
            else:
                rows["links"].append({"programme": pid, "from": origin, "goal": item.goal,
                                      "strength": item.strength, **_link(item)})
    for proj in c.projects:
        rows["projects"].append({
            "programme": pid, "id": proj.id, "label": proj.label, "role": proj.role,
            "lijnproject": proj.lijnproject,
            "implements": _short_or_rows(rows, pid, proj.id, "implements", "effort",
                                         proj.implements),
            "stakeholders": _ids(proj.stakeholders), **_budget(proj.budget),
            "planning": proj.planning, "note": proj.note, "source": str(proj.source)})
    for sh in c.stakeholders:
        rows["stakeholders"].append({"programme": pid, "id": sh.id, "label": sh.label,
                                     "source": str(sh.source)})
    for name, tables in (("budget", c.budgets), ("capacity", c.capacity)):
        heads, lines = _table_rows(tables, pid)
        rows[name].extend(heads)
        rows[f"{name}_lines"].extend(lines)
    for rel in c.relations:
        rows["relations"].append({"programme": pid, "with": rel.programme,
                                  "topics": "\n".join(rel.topics) or None,
                                  "nodes": _ids(rel.nodes), "text": rel.text,
                                  "source": str(rel.source)})
    for m in c.not_in_text:
        rows["not_in_text"].append({"programme": pid, "what": m.what, "section": m.section,
                                    "reason": m.reason, "affects": _ids(m.affects),
                                    "note": m.note, "source": str(m.source)})
    return rows


def _index_rows(index: Index) -> Iterator[dict[str, Any]]:
    head = {"municipality": index.municipality, "date": index.date, "title": index.title,
            "source": str(index.source)}
    if not index.appendices:
        yield head
    for i, app in enumerate(index.appendices):
        yield {**(head if i == 0 else {}), "appendix_title": app.title,
               "appendix_kenmerk": app.kenmerk, "appendix_programme": app.programme,
               "appendix_source": str(app.source)}


def workbook_rows(contracts: Iterable[Contract],
                  indexes: Iterable[Index] = ()) -> dict[str, list[dict[str, Any]]]:
    """The rows of every sheet for ``contracts`` (sorted by programme id) and ``indexes``."""
    rows: dict[str, list[dict[str, Any]]] = {sheet.name: [] for sheet in SHEETS}
    for c in sorted(contracts, key=lambda c: c.programme.id):
        for name, items in contract_rows(c).items():
            rows[name].extend(items)
    for index in indexes:
        rows["index"].extend(_index_rows(index))
    return rows


def sheet_columns(sheet: Sheet, rows: list[dict[str, Any]]) -> list[str]:
    """The header of ``sheet``: its columns, each ``*_YYYY`` one per year found in ``rows``.

    >>> sheet_columns(_BY_NAME["stakeholders"], [])
    ['programme', 'id', 'label', 'source']
    >>> sheet_columns(_BY_NAME["budget"], [{"total_2020": 1, "total_2019": 2}])[:7]
    ['programme', 'id', 'title', 'unit', 'scale', 'total_2019', 'total_2020']
    """
    columns: list[str] = []
    for name, _ in sheet.columns:
        if name.endswith(YEARS):
            prefix = name.removesuffix(YEARS)
            years = sorted({y for row in rows for key in row
                            if (found := year_column(key)) and found[0] == name
                            for y in [found[1]]})
            columns.extend(f"{prefix}_{y}" for y in years)
        else:
            columns.append(name)
    return columns


def _cell(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def openpyxl_module() -> Any:
    """The :mod:`openpyxl` module, or a :class:`~dinnet.errors.DinnetError` saying how to install it.

    Returns
    -------
    module
        :mod:`openpyxl`.

    Examples
    --------
    >>> openpyxl_module().__name__
    'openpyxl'
    """
    return extra("xlsx")


def _readme(wb: Any) -> None:
    from openpyxl.styles import Font

    ws = wb.active
    ws.title = "README"
    ws.append(["dinnet workbook: programme contracts, one sheet per element kind. "
               "Read back with: dinnet import-xlsx FILE.xlsx -o FOLDER. Template: "
               "https://github.com/dinnet/dinnet/blob/main/docs/xlsx.md"])
    ws.append([])
    ws.append(["sheet", "column", "meaning"])
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for sheet in SHEETS:
        ws.append([sheet.name, "", sheet.help])
        for name, help_text in sheet.columns:
            ws.append(["", name, help_text])
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 26
    ws.column_dimensions["C"].width = 100


def build_workbook(rows: dict[str, list[dict[str, Any]]]) -> Any:
    """An :class:`openpyxl.Workbook` of ``rows`` (see :func:`workbook_rows`)."""
    openpyxl = openpyxl_module()
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = openpyxl.Workbook()
    _readme(wb)
    for sheet in SHEETS:
        ws = wb.create_sheet(sheet.name)
        columns = sheet_columns(sheet, rows[sheet.name])
        ws.append(columns)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for r, row in enumerate(rows[sheet.name], start=2):
            for c, name in enumerate(columns, start=1):
                value = row.get(name)
                if value is None:
                    continue
                cell = ws.cell(row=r, column=c, value=_cell(value))
                if isinstance(value, str):
                    cell.data_type = "s"  # text, never a formula
                    if "\n" in value or len(value) > 60:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
        for c, name in enumerate(columns, start=1):
            letter = get_column_letter(c)
            width = max([len(name)] + [min(len(str(row.get(name) or "")), 60)
                                       for row in rows[sheet.name]])
            ws.column_dimensions[letter].width = min(max(width + 2, 8), 62)
            if name in CHOICES:
                values = ",".join(CHOICES[name])
                # stop: Excel refuses a typed value that is not in the list (the default only warns)
                dv = DataValidation(type="list", formula1=f'"{values}"', allow_blank=True,
                                    showErrorMessage=True, errorStyle="stop",
                                    errorTitle=phrase("xlsx.invalid"),
                                    error=phrase("xlsx.choose", values=", ".join(CHOICES[name])))
                dv.add(f"{letter}2:{letter}1048576")
                ws.add_data_validation(dv)
    return wb


def export_xlsx(contracts: Iterable[Contract], indexes: Iterable[Index] = ()) -> bytes:
    """The ``.xlsx`` file (bytes) of ``contracts`` and the data set ``indexes``.

    Examples
    --------
    >>> from dinnet.io.loading import load_contracts
    >>> loaded, _, _ = load_contracts()
    >>> export_xlsx([loaded[0].contract])[:2]
    b'PK'
    """
    buffer = io.BytesIO()
    wb = build_workbook(workbook_rows(contracts, indexes))
    wb.properties.creator = "dinnet"
    wb.save(buffer)
    return buffer.getvalue()
