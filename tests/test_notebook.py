"""The example notebook runs top to bottom, draws its DIN and finds the expected gaps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "almelo.ipynb"


def outputs(nb: Any) -> list[tuple[int, dict[str, Any]]]:
    return [(i, out) for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
            for out in cell.outputs]


def text_of(out: dict[str, Any]) -> str:
    if out["output_type"] == "stream":
        return str(out["text"])
    return str(out.get("data", {}).get("text/plain", ""))


def check(nb: Any) -> None:
    found = outputs(nb)
    assert not [out for _, out in found if out["output_type"] == "error"]
    assert all(cell.outputs for cell in nb.cells if cell.cell_type == "code")
    svgs = [out["data"]["image/svg+xml"] for _, out in found
            if "image/svg+xml" in out.get("data", {})]
    assert any("<svg" in svg and "din&#45;binnenstad" in svg for svg in svgs), "no DIN image"
    assert sum("image/png" in out.get("data", {}) for _, out in found) == 3, "charts missing"
    # progress on the fictional measurements: the DIN with the status overlay
    assert any("din&#45;groene&#45;stad" in svg and "Voortgang op 31&#45;12&#45;2025" in svg
               for svg in svgs), "no DIN with --status"
    text = "\n".join(text_of(out) for _, out in found)
    # The gaps of the Almelo data set (docs: /work/shared/DOMAIN.md).
    assert "goal-without-effort" in text and "effort-without-goal" in text
    assert "Verdeling middelen 2019-2022 (B2) 2022: printed total 600" in text  # Binnenstad
    assert "strategische doelen (section '3.1 Strategische doelen'): the section is empty" in text
    assert "economie-en-participatie" in text and "it was only in a figure" in text
    assert "zorg:P1" in text and "loses all support: zorg:SD1" in text
    assert "groene-stad:SD1.b is behind: groene-stad:SD1.b.i1" in text
    assert "groene-stad:E2 Bomenplan uitvoeren · not_realised" in text


def test_committed_notebook_has_its_outputs() -> None:
    check(nbformat.read(NOTEBOOK, as_version=4))


@pytest.mark.graphviz
def test_notebook_runs_top_to_bottom(tmp_path: Path) -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(ROOT)}})
    client.execute()
    check(nb)


@pytest.mark.graphviz
def test_script_version_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    import runpy

    monkeypatch.chdir(ROOT)
    tour = runpy.run_path(str(ROOT / "examples" / "almelo_tour.py"))
    assert tour["main"](tmp_path) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "binnenstad-budget.png", "binnenstad-din.svg", "portfolio.svg", "zorg-indicators.png"]
    assert "goals without effort" in capsys.readouterr().out
