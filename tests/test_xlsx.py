"""Spreadsheets: YAML -> XLSX -> YAML keeps the graph; problems point at sheet, row and column."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

openpyxl = pytest.importorskip("openpyxl")

import dinnet  # noqa: E402
from dinnet.cli import main  # noqa: E402
from dinnet.errors import OutputError, ValidationError  # noqa: E402
from dinnet.io.loading import load_contracts  # noqa: E402
from dinnet.io.xlsx import SHEETS, export_xlsx  # noqa: E402
from dinnet.io.xlsx_import import import_xlsx, read_workbook  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ASSETS = Path(__file__).parent / "assets"
SOURCES: dict[str, tuple[Path, ...]] = {
    "almelo": (),
    "example": (ROOT / "examples" / "groene-stad.yaml",),
    "minimal": (ASSETS / "minimal.yaml",),
    "hostile labels": (ASSETS / "hostile-labels.yaml",),
    "escaping": (ASSETS / "escaping.yaml",),
}


def same_graph(G: nx.MultiDiGraph, H: nx.MultiDiGraph) -> None:
    assert dict(G.nodes(data=True)) == dict(H.nodes(data=True))
    key = lambda e: e[:3]  # noqa: E731
    assert sorted(G.edges(keys=True, data=True), key=key) == sorted(
        H.edges(keys=True, data=True), key=key)
    assert G.graph["index"] == H.graph["index"]
    assert G.graph["unresolved"] == H.graph["unresolved"]


def workbook(tmp_path: Path, *paths: Path) -> Path:
    loaded, indexes, _ = load_contracts(*paths)
    book = tmp_path / "din.xlsx"
    book.write_bytes(export_xlsx([item.contract for item in loaded], indexes))
    return book


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_round_trip_keeps_the_graph(tmp_path: Path, name: str) -> None:
    paths = SOURCES[name]
    runner = CliRunner()
    book = tmp_path / "din.xlsx"
    result = runner.invoke(main, ["export-xlsx", *map(str, paths), "-o", str(book)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["import-xlsx", str(book), "-o", str(tmp_path / "back")])
    assert result.exit_code == 0, result.output
    same_graph(dinnet.load(*paths), dinnet.load(tmp_path / "back"))


def test_one_sheet_per_kind(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(workbook(tmp_path))
    assert wb.sheetnames == ["README", *(s.name for s in SHEETS)]
    for kind in ("programmes", "goals", "indicators", "tracks", "efforts", "results", "links",
                 "projects", "stakeholders", "budget", "budget_lines", "relations"):
        assert wb[kind].max_row > 1, kind
    header = [c.value for c in wb["indicators"][1]]
    assert "target_2022" in header and "baseline_value" in header


def test_import_writes_one_file_per_programme_and_the_index(tmp_path: Path) -> None:
    written = import_xlsx(workbook(tmp_path), tmp_path / "out")
    assert sorted(p.name for p in written) == sorted(
        [f"{p}.yaml" for p in ("binnenstad", "duurzaamheid", "economie-en-participatie",
                               "nieuwstraatkwartier", "omgevingswet", "veiligheid", "zorg")]
        + ["index.yaml"])


def test_import_never_overwrites_without_force(tmp_path: Path) -> None:
    book = workbook(tmp_path, *SOURCES["minimal"])
    out = tmp_path / "out"
    out.mkdir()
    (out / "mini.yaml").write_text("# my own edits\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import-xlsx", str(book), "-o", str(out)])
    assert result.exit_code == 1
    assert "--force" in result.output
    assert (out / "mini.yaml").read_text(encoding="utf-8") == "# my own edits\n"
    with pytest.raises(OutputError):
        import_xlsx(book, out)
    result = CliRunner().invoke(main, ["import-xlsx", str(book), "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    same_graph(dinnet.load(*SOURCES["minimal"]), dinnet.load(out))


def edit(book: Path, sheet: str, row: dict[str, Any]) -> None:
    wb = openpyxl.load_workbook(book)
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    ws.append([row.get(name) for name in header])
    wb.save(book)


def test_a_project_added_in_excel_comes_in(tmp_path: Path) -> None:
    book = workbook(tmp_path, *SOURCES["minimal"])
    edit(book, "projects", {"programme": "mini", "id": "P2", "label": "Bomen op het plein",
                            "role": "afstemming", "lijnproject": "ja", "implements": "E2, E1",
                            "source": "mini.txt:20"})
    edit(book, "links", {"programme": "mini", "from": "E1", "goal": "SD2", "strength": "weak"})
    import_xlsx(book, tmp_path / "out")
    G = dinnet.load(tmp_path / "out")
    assert G.nodes["mini:P2"]["label"] == "Bomen op het plein"
    assert G.nodes["mini:P2"]["lijnproject"] is True
    assert G.has_edge("mini:P2", "mini:E2", "implements")
    assert G.edges["mini:E1", "mini:SD2", "contributes_to"]["strength"] == "weak"


def problems(book: Path) -> list[str]:
    with pytest.raises(ValidationError) as info:
        read_workbook(book)
    return [str(p) for p in info.value.problems]


def test_reference_problems_point_at_their_cell(tmp_path: Path) -> None:
    book = workbook(tmp_path, *SOURCES["minimal"])
    edit(book, "efforts", {"programme": "mini", "id": "E9", "label": "Nieuw", "track": "S9",
                           "source": "mini.txt:30"})
    edit(book, "links", {"programme": "mini", "from": "E9", "goal": "SD7"})
    lines = problems(book)
    assert lines[0].startswith("din.xlsx[efforts]:4:6: error: track: unknown track 'S9'"), lines
    assert lines[1].startswith("din.xlsx[links]:4:3: error: goal: unknown goal 'SD7'"), lines
    assert not (tmp_path / "out").exists()


def test_field_problems_point_at_their_cell(tmp_path: Path) -> None:
    book = workbook(tmp_path, *SOURCES["minimal"])
    edit(book, "goals", {"programme": "mini", "id": "SD9", "level": "tactical", "label": "X",
                         "source": "mini.txt:31"})
    edit(book, "tracks", {"programme": "elders", "id": "S2", "label": "Spoor 2",
                          "source": "mini.txt:32"})
    wb = openpyxl.load_workbook(book)
    wb["stakeholders"].cell(row=1, column=3, value="lable")
    wb.save(book)
    lines = problems(book)
    assert any(line.startswith("din.xlsx[goals]:5:4: error: level:") for line in lines), lines
    assert any("din.xlsx[tracks]:3:1" in line and "'elders'" in line for line in lines), lines
    assert any("din.xlsx[stakeholders]:1:3" in line and "did you mean 'label'" in line
               for line in lines), lines


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    text = (ASSETS / "minimal.yaml").read_text(encoding="utf-8")
    contract = tmp_path / "mini.yaml"
    contract.write_text(text.replace("label: Fietspad", "label: \"=1+1\"")
                        .replace("label: Meer groen", "label: '0151'"), encoding="utf-8")
    book = workbook(tmp_path, contract)
    import_xlsx(book, tmp_path / "out")
    G = dinnet.load(tmp_path / "out")
    assert G.nodes["mini:P1"]["label"] == "=1+1"
    assert G.nodes["mini:SD2"]["label"] == "0151"


def test_not_a_workbook(tmp_path: Path) -> None:
    bad = tmp_path / "x.xlsx"
    bad.write_text("not a zip", encoding="utf-8")
    result = CliRunner().invoke(main, ["import-xlsx", str(bad), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "not a readable .xlsx workbook" in result.output


@pytest.mark.parametrize("member", ["xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"])
def test_a_damaged_sheet_is_a_located_problem(tmp_path: Path, member: str) -> None:
    """A valid workbook whose sheet XML is cut in half: one located line, no traceback."""
    import zipfile

    book = workbook(tmp_path, ASSETS / "minimal.yaml")
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(damaged, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, data[: len(data) // 2] if info.filename == member else data)
    result = CliRunner().invoke(main, ["import-xlsx", str(damaged), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    first, *_ = result.output.splitlines()
    assert first.startswith("damaged.xlsx[") or "/damaged.xlsx[" in first, first
    assert "error: not a readable .xlsx workbook (" in first, first
    assert not (tmp_path / "o").exists()


def test_import_writes_nothing_when_one_target_is_refused(tmp_path: Path) -> None:
    """``index.yaml`` is a folder: no programme file is written before that is found."""
    book = workbook(tmp_path, *sorted((ROOT / "data" / "contracts" / "almelo-2019").glob("*.yaml")))
    out = tmp_path / "partial"
    (out / "index.yaml").mkdir(parents=True)
    result = CliRunner().invoke(main, ["import-xlsx", str(book), "-o", str(out), "--force"])
    assert result.exit_code == 1 and "index.yaml" in result.output, result.output
    assert sorted(p.name for p in out.iterdir()) == ["index.yaml"]


def test_a_programme_called_index_is_not_written_over_the_index(tmp_path: Path) -> None:
    """``index.yaml`` is the data set's index: a programme with id ``index`` gets another
    file name, and the folder loads back with it."""
    text = (ASSETS / "minimal.yaml").read_text(encoding="utf-8")
    (tmp_path / "prog.yaml").write_text(text.replace("id: mini", "id: index"), encoding="utf-8")
    written = import_xlsx(workbook(tmp_path, tmp_path / "prog.yaml"), tmp_path / "out")
    assert [p.name for p in written] == ["programme-index.yaml"]
    assert "index" in dinnet.load(tmp_path / "out")


def test_template_is_documented() -> None:
    doc = (ROOT / "docs" / "xlsx.md").read_text(encoding="utf-8")
    for sheet in SHEETS:
        assert f"`{sheet.name}`" in doc, sheet.name
        for column, _ in sheet.columns:
            assert f"`{column}`" in doc, f"{sheet.name}.{column}"


def test_drop_downs_refuse_a_typed_value_not_in_the_list(tmp_path: Path) -> None:
    out = tmp_path / "din.xlsx"
    loaded, indexes, _ = load_contracts(*SOURCES["example"])
    out.write_bytes(export_xlsx([item.contract for item in loaded], indexes))
    wb = openpyxl.load_workbook(out)
    found = {}
    for ws in wb.worksheets:
        header = [c.value for c in ws[1]]
        for dv in ws.data_validations.dataValidation:
            column = header[openpyxl.utils.column_index_from_string(str(dv.sqref).split(":")[0][:-1]) - 1]
            found[(ws.title, column)] = dv
    assert ("goals", "level") in found and ("projects", "role") in found
    for dv in found.values():
        assert dv.type == "list" and dv.allow_blank
        assert dv.showErrorMessage and dv.errorStyle == "stop"  # Excel's default only warns
        assert dv.error.startswith("Kies een waarde uit de lijst: ")
    assert found[("projects", "role")].formula1 == '"regie,afstemming,faciliterend"'
