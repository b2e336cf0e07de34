"""Measurements from a table: CSV or xlsx rows to a measurements file (``dinnet import-measurements``).

One row is one measurement (it names an ``indicator``) or one state of an
effort or project (it names an ``effort`` or a ``project``). Column names
are English or Dutch, in any order and case:

=================  ===============================  =====================================
column             also                             holds
=================  ===============================  =====================================
``indicator``                                       an indicator: ``BBV1`` or ``programme:BBV1``
``effort``         ``inspanning``                   an effort (a state row)
``project``                                         a project (a state row)
``programme``      ``programma``                    the programme of a reference without one
``year``           ``jaar``                         a year (dated 31 December)
``date``           ``datum``                        a day: ``2025-06-30`` or ``30-6-2025``
``value``          ``waarde``                       the value (numbers below)
``kind``           ``soort``                        ``realised``/``realisatie`` or ``expected``/``verwacht``
``state``          ``stand``, ``status``            ``realised``/``gerealiseerd``, ``partly``/``deels
                                                    gerealiseerd``/``vertraagd``, ``not_realised``/``niet
                                                    gerealiseerd``
``explanation``    ``toelichting``                  the report's explanation
``source``         ``bron``                         report and page, or a file
``note``           ``opmerking``                    a remark
=================  ===============================  =====================================

Numbers are never guessed. A CSV separated by ``;`` (as Dutch Excel saves
it) reads the Dutch way: ``1.250,5`` and ``3.720`` (a dot groups thousands, a
comma is the decimal sign); ``12.5`` there is an error. A CSV separated by
``,`` reads the international way: ``1250.5``; a comma in a number is an
error and ``3.720`` (one dot, three digits) is refused as ambiguous, as in
YAML. In a workbook a number cell is the number; a text cell reads the Dutch
way. Everywhere ``ca. 4.050`` marks a value approximate and ``n.t.b.`` is
kept as the words. Every bad cell is reported at its file, row and column.

>>> import tempfile, pathlib
>>> csv_file = pathlib.Path(tempfile.mkdtemp()) / "metingen.csv"
>>> _ = csv_file.write_text("indicator;jaar;waarde;bron\\nBBV2;2024;3.720;Jaarverslag 2024, blz. 13\\n",
...                         encoding="utf-8")
>>> f = read_table(csv_file, programme="duurzaam-zonnedal")
>>> f.data.measurements[0].value, f.places[("measurements", 0)].line
(3720.0, 2)
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pydantic

from ..contract.explain import validation_message
from ..contract.measurements import Measurement, MeasurementSet, Realisation
from ..contract.numbers import APPROX_WORDS, is_tbd, parse_dutch, plain_number
from ..errors import DinnetError, OutputError, Problem, ValidationError
from ..glossary import Message, message
from . import limits
from .loading import load
from .measurements import MeasurementFile, Place, attach_measurements, read_measurement_files
from .output import write_output
from .xlsx import openpyxl_module
from .xlsx_import import check_workbook_zip
from .yamlwrite import measurements_yaml

__all__ = ["COLUMNS", "WORDS", "import_measurements", "read_table", "read_tables"]

#: The columns of a measurements table and the Dutch names read as them.
COLUMNS: dict[str, tuple[str, ...]] = {
    "indicator": (), "effort": ("inspanning",), "project": (), "programme": ("programma",),
    "year": ("jaar",), "date": ("datum",), "value": ("waarde",), "kind": ("soort",),
    "state": ("stand", "status"), "explanation": ("toelichting",), "source": ("bron",),
    "note": ("opmerking",),
}
_NAMES = {name: column for column, names in COLUMNS.items() for name in (column, *names)}
#: Words of the ``kind`` and ``state`` columns, Dutch and English, as the model's tokens.
WORDS: dict[str, dict[str, str]] = {
    "kind": {"realised": "realised", "realisatie": "realised", "gerealiseerd": "realised",
             "expected": "expected", "verwacht": "expected"},
    "state": {"realised": "realised", "gerealiseerd": "realised", "partly": "partly",
              "deels": "partly", "deels gerealiseerd": "partly", "vertraagd": "partly",
              "not_realised": "not_realised", "not realised": "not_realised",
              "niet gerealiseerd": "not_realised"},
}
_INTERNATIONAL = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?")
_APPROX = re.compile("^(" + "|".join(re.escape(w) for w in sorted(APPROX_WORDS, key=len,
                                                                   reverse=True)) + r")\s*", re.I)


class _Table:
    """One table being read: its file label, header, and the problems found."""

    def __init__(self, label: str, header: list[str], dialect: str) -> None:
        self.label = label
        self.dialect = dialect  # "nl" (;), "plain" (,) or "xlsx"
        self.columns: dict[str, int] = {}
        self.problems: list[Problem] = []
        for i, name in enumerate(header, start=1):
            key = _NAMES.get(name.strip().lower())
            if key is not None:
                self.columns.setdefault(key, i)
            elif name.strip():
                close = difflib.get_close_matches(name.strip().lower(), list(_NAMES), n=1)
                hint = message("load.did_you_mean", close=close[0]) if close else ""
                self.problems.append(self.place(1, i, name).problem(message(
                    "imp.unknown_column", name=name.strip(), hint=hint, known=list(COLUMNS))))

    def place(self, row: int, column: int | None, name: str) -> Place:
        return Place(self.label, row, column, name)

    def at(self, row: int, name: str) -> Place:
        return self.place(row, self.columns.get(name), name)


def _number(text: str, dialect: str) -> tuple[float | str, str | None] | Message:
    """A value cell read by the table's rule: (value, approximate word) or the problem."""
    text = text.strip()
    if is_tbd(text):
        return text, None
    found = _APPROX.match(text)
    approx = found.group(1).lower() if found else None
    rest = text[found.end():] if found else text
    if dialect == "plain":
        if _INTERNATIONAL.fullmatch(rest.rstrip("%").strip()):
            value = plain_number(rest.rstrip("%").strip())
            if isinstance(value, str):
                return message("imp.plain_problem", problem=value.problem)
            return float(value), approx
        return message("imp.not_number_plain", value=text)
    number = parse_dutch(rest)
    if number is None or number.approx:
        return message("imp.not_number_nl" if dialect == "nl" else "imp.not_number_cell",
                       value=text)
    return number.value, approx


def _cell_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


def _row_data(table: _Table, row: int, cells: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The entry a row gives (``"measurements"`` or ``"realisations"``, its fields), or None
    after recording its problems."""
    data: dict[str, Any] = {}
    bad = False
    for name, raw in cells.items():
        if name == "value" and not isinstance(raw, str) and table.dialect == "xlsx":
            data["value"] = raw  # a number cell is the number
            continue
        text = _cell_text(raw)
        if name == "value":
            read = _number(text, table.dialect)
            if isinstance(read, Message):
                table.problems.append(table.at(row, name).problem(read))
                bad = True
            else:
                data["value"], approx = read
                if approx:
                    data["approximate"] = approx
        elif name in WORDS:
            word = WORDS[name].get(text.lower().replace("_", " ").strip()) or (
                text if text in WORDS[name].values() else None)
            if word is None:
                table.problems.append(table.at(row, name).problem(message(
                    "imp.bad_word", value=text, column=name, allowed=sorted(WORDS[name]))))
                bad = True
            data[name] = word
        elif name == "year":
            if not text.isdigit():
                table.problems.append(table.at(row, name).problem(message("imp.bad_year",
                                                                          value=text)))
                bad = True
            data["year"] = int(text) if text.isdigit() else None
        elif name == "date" and isinstance(raw, dt.date | dt.datetime):
            data["date"] = raw.date() if isinstance(raw, dt.datetime) else raw
        else:
            data[name] = text
    section = "measurements" if "indicator" in data else "realisations"
    refs = {"indicator", "effort", "project"} & set(data)
    if not refs or ("indicator" in refs and len(refs) > 1):
        table.problems.append(table.place(row, None, "").problem(message("imp.row_what")))
        return None
    if bad:
        return None
    programme = data.pop("programme", None)
    for ref in ("indicator", "effort", "project"):
        if programme and ref in data and ":" not in data[ref]:
            data[ref] = f"{programme}:{data[ref]}"
    if section == "realisations" and "value" in data:
        table.problems.append(table.at(row, "value").problem(message("imp.state_value")))
        return None
    return section, data


def _validated(table: _Table, row: int, section: str, data: dict[str, Any]
               ) -> Measurement | Realisation | None:
    model = Measurement if section == "measurements" else Realisation
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        for err in exc.errors(include_url=False):
            _, said, _ = validation_message(err)
            name = str(err["loc"][0]) if err["loc"] else ""  # a missing field: its column
            table.problems.append(table.at(row, name).problem(said))
        return None


def _read_rows(table: _Table, rows: Iterator[tuple[int, list[Any]]], entries: _Entries) -> None:
    names = {i: name for name, i in table.columns.items()}
    for row, values in rows:
        if row > limits.XLSX_MAX_ROWS:
            table.problems.append(table.place(row, None, "").problem(message(
                "imp.too_many_rows", limit=limits.XLSX_MAX_ROWS,
                setting=limits.describe("XLSX_MAX_ROWS"))))
            return
        cells = {names[i]: v for i, v in enumerate(values, start=1)
                 if i in names and v is not None and _cell_text(v) != ""}
        if not cells:
            continue
        found = _row_data(table, row, cells)
        if found is None:
            continue
        entry = _validated(table, row, *found)
        if entry is not None:
            ref = "indicator" if isinstance(entry, Measurement) else entry.element
            entries.add(found[0], entry, table.at(row, ref))


class _Entries:
    """The entries of the tables read so far, with the place of each one's reference."""

    def __init__(self) -> None:
        self.measurements: list[Measurement] = []
        self.realisations: list[Realisation] = []
        self.places: dict[tuple[str, int], Place] = {}
        self.problems: list[Problem] = []

    def add(self, section: str, entry: Measurement | Realisation, place: Place) -> None:
        items: list[Any] = getattr(self, section)
        self.places[(section, len(items))] = place
        items.append(entry)


# -- CSV and xlsx ---------------------------------------------------------------------------


def _csv_rows(path: Path, builder: _Entries) -> None:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError([Place(str(path), None, None, "").problem(
            message("imp.encoding"))]) from None
    except OSError as exc:
        raise DinnetError.of(message("error.no_path", path=path)) from exc
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, [])
    table = _Table(str(path), header, "nl" if delimiter == ";" else "plain")
    _read_rows(table, ((n, row) for n, row in enumerate(reader, start=2)), builder)
    builder.problems.extend(table.problems)


def _xlsx_rows(path: Path, builder: _Entries) -> None:
    check_workbook_zip(path, path)
    openpyxl = openpyxl_module()
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not xlsx
        raise ValidationError([Place(str(path), None, None, "").problem(
            message("imp.not_xlsx", detail=str(exc)[:200]))]) from None
    try:
        for ws in wb.worksheets:
            if ws.title.strip() == "README" or ws.title.startswith("_"):
                continue
            rows = ws.iter_rows(values_only=True)
            header = [_cell_text(h) if h is not None else "" for h in next(rows, ())]
            table = _Table(f"{path}[{ws.title}]", header, "xlsx")
            _read_rows(table, ((n, list(r)) for n, r in enumerate(rows, start=2)), builder)
            builder.problems.extend(table.problems)
    finally:
        wb.close()


def read_table(path: str | Path, *, programme: str | None = None, title: str | None = None
               ) -> MeasurementFile:
    """Read a CSV or xlsx table of measurements; raise with every bad cell, located.

    Parameters
    ----------
    path
        A ``.csv`` file (``;`` or ``,`` separated) or an ``.xlsx`` workbook (every sheet
        except ``README`` and those starting with ``_``).
    programme
        The programme of references written without one.
    title
        The report the values come from (the set's ``title``).

    Returns
    -------
    MeasurementFile
        The set, with the place (file, row, column) of each entry's reference.
    """
    return read_tables([path], programme=programme, title=title)


def read_tables(paths: Iterable[str | Path], *, programme: str | None = None,
                title: str | None = None) -> MeasurementFile:
    """Read several tables into one set (see :func:`read_table`)."""
    builder = _Entries()
    labels = []
    for raw in paths:
        path = Path(raw)
        labels.append(str(path))
        suffix = path.suffix.lower()
        if suffix == ".csv":
            _csv_rows(path, builder)
        elif suffix in (".xlsx", ".xlsm"):
            _xlsx_rows(path, builder)
        else:
            raise DinnetError.of(message("imp.format", path=path, suffix=suffix or "(none)"))
    if builder.problems:
        raise ValidationError(builder.problems[:limits.XLSX_MAX_ERRORS])
    if not builder.measurements and not builder.realisations:
        raise ValidationError([Place(", ".join(labels), None, None, "").problem(
            message("imp.no_rows"))])
    data = MeasurementSet.model_validate({"programme": programme, "title": title})
    data = data.model_copy(update={"measurements": builder.measurements,
                                   "realisations": builder.realisations})
    return MeasurementFile(data, ", ".join(labels), builder.places)


def import_measurements(paths: Iterable[str | Path], output: str | Path, *,
                        programme: str | None = None, title: str | None = None,
                        contracts: Iterable[str | Path] = (), force: bool = False) -> Path | str:
    """Read CSV/xlsx tables and write one measurements file (atomically).

    With ``contracts`` (files or folders) every reference is checked against
    them, and an unknown one is reported at its row and column. The file
    written reads back to the same set (:func:`~dinnet.io.measurements.read_measurements`).
    An existing ``output`` is only replaced with ``force``.
    """
    paths = list(paths)
    table = read_tables(paths, programme=programme, title=title)
    contracts = list(contracts)
    if contracts:
        attach_measurements(load(*contracts), [table])
    if str(output) != "-" and Path(output).exists() and not force:
        raise OutputError.of(message("error.exists_force", paths=str(output)))
    header = (f"# Imported by dinnet import-measurements from {', '.join(map(str, paths))}.\n"
              "# Format: docs/measurements.md\n")
    write_output(output, measurements_yaml(table.data, header=header), protect=paths)
    if str(output) != "-":
        read_measurement_files([output])  # what was written reads back
    return output
