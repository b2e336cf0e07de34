"""Measurements from CSV and xlsx tables: located errors for bad rows, a file that reads back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

import dinnet
from dinnet.cli import main
from dinnet.errors import ContractError, OutputError, UnknownReferenceError, ValidationError
from dinnet.io.measurements import read_measurements
from dinnet.io.measurements_import import import_measurements, read_table

ROOT = Path(__file__).parents[1]
ZONNEDAL = ROOT / "examples" / "zonnedal"

DUTCH_CSV = (
    "\ufeffIndicator;Jaar;Waarde;Soort;Bron\n"          # as Dutch Excel saves it: BOM, ';'
    "BBV1;2024;19%;realisatie;Jaarverslag 2024, blz. 12\n"
    "BBV2;2024;3.720;;Jaarverslag 2024, blz. 13\n"      # Dutch thousands
    "BBV2;2025;ca. 4.050;realisatie;Jaarverslag 2025, blz. 12\n"
    "werk-en-inkomen:BBV4;2024;704,1;;Jaarverslag 2024, blz. 31\n"   # decimal comma
    "BBV1;2026;n.t.b.;verwacht;Jaarverslag 2025, blz. 11\n"
    ";;;;\n"                                             # an empty row is skipped
)
STATES_CSV = (
    "inspanning,project,datum,stand,toelichting,bron\n"
    "A2,,30-6-2025,vertraagd,Er loopt bezwaar.,Voorjaarsnota 2025\n"
    "werk-en-inkomen:W3,,2025-12-31,niet gerealiseerd,,Jaarverslag 2025\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def lines(exc: pytest.ExceptionInfo[ContractError], tmp_path: Path) -> list[str]:
    return [str(p).replace(str(tmp_path) + "/", "") for p in exc.value.problems]


def table_problems(path: Path, tmp_path: Path) -> list[str]:
    with pytest.raises(ValidationError) as info:
        read_table(path)
    return lines(info, tmp_path)


def test_a_dutch_csv_reads_dutch_numbers(tmp_path: Path) -> None:
    f = read_table(write(tmp_path, "m.csv", DUTCH_CSV), programme="duurzaam-zonnedal")
    got = [(m.indicator, m.year, m.value, m.kind, m.approximate) for m in f.data.measurements]
    assert got == [
        ("BBV1", 2024, 19.0, "realised", None),
        ("BBV2", 2024, 3720.0, "realised", None),
        ("BBV2", 2025, 4050.0, "realised", "ca."),
        ("werk-en-inkomen:BBV4", 2024, 704.1, "realised", None),
        ("BBV1", 2026, "n.t.b.", "expected", None)]
    assert f.places[("measurements", 3)].line == 5
    assert f.places[("measurements", 3)].column == 1


def test_states_with_dutch_words_and_dates(tmp_path: Path) -> None:
    f = read_table(write(tmp_path, "s.csv", STATES_CSV), programme="duurzaam-zonnedal")
    got = [(r.ref, r.date, r.year, r.state, r.explanation) for r in f.data.realisations]
    assert got == [("A2", dt.date(2025, 6, 30), None, "partly", "Er loopt bezwaar."),
                   ("werk-en-inkomen:W3", dt.date(2025, 12, 31), None, "not_realised", None)]


def test_bad_rows_are_located_at_row_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.csv", (
        "indicator;jaar;waarde;bron;kolom\n"
        "BBV1;2024;12.5;x;\n"           # '.' as decimal sign in a ';' file
        "BBV1;twintig;5;x;\n"
        "BBV1;2024;5;;\n"               # no source
        ";2024;5;x;\n"                  # names nothing
    ))
    assert table_problems(path, tmp_path) == [
        "bad.csv:1:5: error: kolom: unknown column 'kolom' (known: indicator, effort, project, "
        "programme, year, date, value, kind, state, explanation, source, note)",
        "bad.csv:2:3: error: value: '12.5' is not a number as a ;-separated file writes it: "
        "write 1.250,5 or 12,5 (comma as decimal sign) or n.t.b.",
        "bad.csv:3:2: error: year: 'twintig' is not a year; write the year in digits (2024)",
        "bad.csv:4:4: error: source: required field 'source' is missing",
        "bad.csv:5: error: a row names an indicator (a measurement) or an effort or project (a "
        "state), not none and not both"]


def test_a_comma_csv_reads_international_numbers_and_refuses_ambiguous_ones(tmp_path: Path) -> None:
    path = write(tmp_path, "plain.csv", (
        "indicator,year,value,source\n"
        "p:I1,2024,1250.5,x\n"
        "p:I1,2025,3.720,x\n"            # 3.72 or 3720? never guessed
        'p:I1,2026,"1.250,5",x\n'        # a Dutch number in a ',' file
    ))
    assert table_problems(path, tmp_path) == [
        "plain.csv:3:3: error: value: 3.720 is ambiguous (YAML reads 3.72, Dutch 3720): write "
        "3720, or \"3.720\" in quotes to have it read the Dutch way, or 3.72 if that is meant",
        "plain.csv:4:3: error: value: '1.250,5' is not a number as a ,-separated file writes it: "
        "write 1250.5 (dot as decimal sign, no thousands separators) or n.t.b.; Dutch numbers "
        "belong in a ;-separated file"]
    path.write_text("indicator,year,value,source\np:I1,2024,1250.5,x\n", encoding="utf-8")
    assert read_table(path).data.measurements[0].value == 1250.5


def test_bad_words_and_dates(tmp_path: Path) -> None:
    path = write(tmp_path, "s.csv", (
        "effort;date;state;source\n"
        "A1;31-2-2025;realised;x\n"
        "A1;2025-12-31;klaar;x\n"
        "A1;2025-12-31;realised;x;extra\n"
    ))
    found = table_problems(path, tmp_path)
    assert found[0].startswith("s.csv:2:2: error: date: ")
    assert found[1].startswith("s.csv:3:3: error: state: 'klaar' is not a valid state; choose "
                               "from deels, deels gerealiseerd, gerealiseerd,")
    assert len(found) == 2


def test_xlsx_number_cells_are_numbers_and_text_cells_dutch(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "metingen"
    ws.append(["indicator", "jaar", "waarde", "bron"])
    ws.append(["BBV2", 2024, 3720, "Jaarverslag 2024"])
    ws.append(["BBV2", 2025, "ca. 4.050", "Jaarverslag 2025"])
    ws.append(["BBV1", 2025, "veel", "Jaarverslag 2025"])
    states = wb.create_sheet("standen")
    states.append(["inspanning", "datum", "stand", "bron"])
    states.append(["A2", dt.datetime(2025, 6, 30), "deels gerealiseerd", "Voorjaarsnota"])
    wb.create_sheet("_notes").append(["anything", "at all"])
    path = tmp_path / "m.xlsx"
    wb.save(path)
    assert table_problems(path, tmp_path) == [
        "m.xlsx[metingen]:4:3: error: value: 'veel' is not a number: put the number in a "
        "number cell, or write it the Dutch way (1.250,5) or n.t.b."]
    ws.delete_rows(4)
    wb.save(path)
    f = read_table(path, programme="duurzaam-zonnedal")
    assert [(m.value, m.approximate) for m in f.data.measurements] == [(3720, None),
                                                                      (4050.0, "ca.")]
    assert f.data.realisations[0].date == dt.date(2025, 6, 30)
    assert f.places[("realisations", 0)].file.endswith("m.xlsx[standen]")


def test_import_writes_a_file_that_reads_back_and_loads(tmp_path: Path) -> None:
    out = tmp_path / "zonnedal" / "jaarverslag.measurements.yaml"
    out.parent.mkdir()
    for path in ZONNEDAL.glob("*.yaml"):
        if path.name != "measurements.yaml":
            (out.parent / path.name).write_bytes(path.read_bytes())
    tables = [write(tmp_path, "m.csv", DUTCH_CSV), write(tmp_path, "s.csv", STATES_CSV)]
    import_measurements(tables, out, programme="duurzaam-zonnedal", title="Jaarverslag 2024",
                        contracts=[out.parent])
    text = out.read_text(encoding="utf-8")
    assert "value: 3720\n" in text and "year: 2024\n" in text and "date: 2024" not in text
    back = read_measurements(out)
    assert back.data == read_table(tables[0], programme="duurzaam-zonnedal",
                                   title="Jaarverslag 2024").data.model_copy(
        update={"realisations": back.data.realisations})
    G = dinnet.load(out.parent)
    assert [m.value for m in G.nodes["duurzaam-zonnedal:BBV2"]["measurements"]][-2:] == [
        3720.0, 4050.0]
    with pytest.raises(OutputError, match=r"use --force to replace"):
        import_measurements(tables, out, programme="duurzaam-zonnedal")


def test_unknown_references_are_located_at_their_cell(tmp_path: Path) -> None:
    path = write(tmp_path, "m.csv", "indicator;jaar;waarde;bron\nBBV7;2024;5;x\n")
    with pytest.raises(UnknownReferenceError) as info:
        import_measurements([path], tmp_path / "out.measurements.yaml",
                            programme="duurzaam-zonnedal", contracts=[ZONNEDAL])
    assert lines(info, tmp_path) == [
        "m.csv:2:1: error: indicator: unknown indicator 'BBV7' in programme "
        "'duurzaam-zonnedal'; did you mean 'BBV3'?"]
    assert not (tmp_path / "out.measurements.yaml").exists()


def test_the_command_line(tmp_path: Path) -> None:
    table = write(tmp_path, "m.csv", DUTCH_CSV)
    out = tmp_path / "out.measurements.yaml"
    result = CliRunner().invoke(main, ["import-measurements", str(table), "-o", str(out),
                                       "--programme", "duurzaam-zonnedal",
                                       "--contracts", str(ZONNEDAL)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.stderr
    bad = write(tmp_path, "bad.csv", "indicator;jaar;waarde;bron\nBBV1;2024;12.5;x\n")
    result = CliRunner().invoke(main, ["import-measurements", str(bad), "-o", str(out),
                                       "--force"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].endswith(
        "bad.csv:2:3: error: value: '12.5' is not a number as a ;-separated file writes it: "
        "write 1.250,5 or 12,5 (comma as decimal sign) or n.t.b.")
    assert "Traceback" not in result.output
