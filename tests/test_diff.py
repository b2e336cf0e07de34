"""``dinnet diff``: what changed between two versions of a contract."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import dinnet
from dinnet.cli import main
from dinnet.diff import Change, diff_graphs, format_text
from dinnet.diff.draw import COLOURS, diff_dot

ASSETS = Path(__file__).parent / "assets"
V1, V2 = ASSETS / "diff" / "v1.yaml", ASSETS / "diff" / "v2.yaml"


def test_exactly_the_three_changes() -> None:
    changes = diff_graphs(dinnet.load(V1), dinnet.load(V2))
    assert changes == [
        Change("removed", "effort", "mini:E2", "Bomen planten"),
        Change("renamed", "goal", "mini:SD3", "Meer groen in de wijken", "label",
               "Meer groen in de stad", "Meer groen in de wijken", old_id="mini:SD2"),
        Change("changed", "target", "mini:SD1.a.i1", "Fijnstof (ug/m3)", "2022", 25.0, 20.0),
    ]


def test_text_report() -> None:
    result = CliRunner().invoke(main, ["diff", str(V1), str(V2)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "- effort     mini:E2 'Bomen planten'\n"
        "~ goal       mini:SD2 -> mini:SD3 renamed: 'Meer groen in de stad' -> "
        "'Meer groen in de wijken'\n"
        "~ target     mini:SD1.a.i1 2022: 25 -> 20\n"
        "3 changes: 1 removed, 1 renamed, 1 changed\n")


def test_json_report() -> None:
    result = CliRunner().invoke(main, ["diff", str(V1), str(V2), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [(c["action"], c["kind"], c["id"]) for c in data] == [
        ("removed", "effort", "mini:E2"), ("renamed", "goal", "mini:SD3"),
        ("changed", "target", "mini:SD1.a.i1")]


def test_no_changes() -> None:
    assert diff_graphs(dinnet.load(V1), dinnet.load(V1)) == []
    assert format_text([], "en") == "no changes\n"
    assert format_text([]) == "geen wijzigingen\n"


def test_links_follow_a_renamed_goal_and_new_links_are_reported() -> None:
    old = dinnet.load(V1)
    new = old.copy()
    new.add_edge("mini:E1", "mini:SD2", key="contributes_to", kind="contributes_to",
                 source="x:1", strength=None)
    new.edges["mini:E2", "mini:SD2", "contributes_to"]["strength"] = "weak"
    new.remove_edge("mini:E3", "mini:SD2", "contributes_to")
    assert [str(c) for c in diff_graphs(old, new)] == [
        "- link       mini:E3 contributes to mini:SD2",
        "~ link       mini:E2 contributes to mini:SD2, strength: strong -> weak",
        "+ link       mini:E1 contributes to mini:SD2",
    ]


def test_unlike_labels_are_not_a_rename() -> None:
    old = dinnet.load(V1)
    new = nx.relabel_nodes(old, {"mini:E3": "mini:E4"})
    new.nodes["mini:E4"]["label"] = "Fietsenstalling bij het station"
    actions = [(c.action, c.id) for c in diff_graphs(old, new)]
    assert actions == [("removed", "mini:E3"), ("added", "mini:E4")]


def test_a_new_programme_id_is_followed(tmp_path: Path) -> None:
    moved = tmp_path / "v2.yaml"
    moved.write_text(V2.read_text(encoding="utf-8").replace("  id: mini\n", "  id: mini-2\n"),
                     encoding="utf-8")
    changes = diff_graphs(dinnet.load(V1), dinnet.load(moved))
    assert [(c.action, c.id, c.old_id) for c in changes] == [
        ("removed", "mini:E2", None), ("renamed", "mini-2:SD3", "mini:SD2"),
        ("renamed", "mini-2", "mini"), ("changed", "mini-2:SD1.a.i1", None)]


def test_diff_of_folders(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(V1, tmp_path / "a" / "mini.yaml")
    shutil.copy(V2, tmp_path / "b" / "mini.yaml")
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "a"), str(tmp_path / "b")])
    assert result.output.endswith("3 changes: 1 removed, 1 renamed, 1 changed\n")


def test_svg_dot_colours_the_changes() -> None:
    old, new = dinnet.load(V1), dinnet.load(V2)
    source = diff_dot(old, new, diff_graphs(old, new)).source
    assert 'id="din-mini--E2"' in source  # the removed effort is drawn
    assert "vervallen" in source and "hernoemd" in source and "streefwaarde gewijzigd" in source
    removed_link = next(line for line in source.splitlines()
                        if 'id="din-mini--E2--contributes_to--din-mini--SD3"' in line)
    assert f'color="{COLOURS["removed"]}"' in removed_link
    assert "Wijzigingen" in source


def test_svg_dot_is_the_new_versions_din_with_colours_laid_on() -> None:
    """The picture is the DIN builder's own output, coloured through Paint (no text edits)."""
    G = dinnet.load()
    H = G.copy()
    H.add_node("zorg:E99", kind="effort", programme="zorg", label="Nieuw", source="x.txt:1")
    H.add_edge("zorg:E99", "zorg:SD2", key="contributes_to", kind="contributes_to",
               source="x.txt:1")
    source = diff_dot(G, H, diff_graphs(G, H), programme="zorg").source
    added = next(line for line in source.splitlines() if 'id="din-zorg--E99"' in line)
    assert f'color="{COLOURS["added"]}"' in added and "penwidth=3" in added
    link = next(line for line in source.splitlines()
                if 'id="din-zorg--E99--contributes_to--din-zorg--SD2"' in line)
    assert f'color="{COLOURS["added"]}"' in link and "penwidth=2.5" in link
    assert f'<FONT COLOR="{COLOURS["added"]}">' in source  # its legend entry


@pytest.mark.graphviz
def test_svg_report(tmp_path: Path) -> None:
    out = tmp_path / "diff.svg"
    result = CliRunner().invoke(main, ["diff", str(V1), str(V2), "--format", "svg", "-o", str(out)])
    assert result.exit_code == 0, result.output
    svg = out.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and 'id="din&#45;mini&#45;&#45;E2"' in svg


def test_a_programme_added_as_a_whole_is_one_change(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    shutil.copy(V1, tmp_path / "a" / "mini.yaml")
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    shutil.copy(ASSETS / "minimal.yaml", tmp_path / "b" / "other.yaml")
    text = (tmp_path / "b" / "other.yaml").read_text(encoding="utf-8")
    (tmp_path / "b" / "other.yaml").write_text(text.replace("id: mini\n", "id: other\n"),
                                               encoding="utf-8")
    changes = diff_graphs(dinnet.load(tmp_path / "a"), dinnet.load(tmp_path / "b"))
    assert [(c.action, c.kind, c.id) for c in changes] == [("added", "programme", "other")]


def test_budgets_capacity_and_not_in_text_are_compared_per_table_line_and_year(
        tmp_path: Path) -> None:
    """docs/own-municipality.md: the diff shows budget changes, not only the DIN's."""
    text = (ASSETS / "minimal.yaml").read_text(encoding="utf-8")
    tables = """\
budgets:
  - id: B1
    title: Budget
    unit: euro
    lines:
      - {label: Fietspad, amounts: {2020: "ruim 1.250,50", 2021: 100}, source: mini.txt:14}
      - {label: Groen, amounts: {2020: 10}, source: mini.txt:15}
    stated_totals: {2020: 1260.5}
    source: mini.txt:13
capacity:
  - id: C1
    title: Inzet
    unit: uren per week
    lines: [{label: Team, amounts: {2020: 36}, source: mini.txt:17}]
    source: mini.txt:16
not_in_text:
  - {what: de koppelingen, reason: in_image, source: mini.txt:18}
"""
    paths = {}
    for name, edit in {
        "none": lambda t: t,
        "old": lambda t: t + tables,
        "new": lambda t: t + tables.replace("2021: 100", "2022: 100").replace(
            "{2020: 1260.5}", "{2020: 999}").replace("{2020: 36}", "{2020: 32}").replace(
            "      - {label: Groen, amounts: {2020: 10}, source: mini.txt:15}\n", "").replace(
            "de koppelingen", "de budgetten").replace("title: Inzet", "title: Inzet (fte)"),
    }.items():
        paths[name] = tmp_path / f"{name}.yaml"
        paths[name].write_text(edit(text), encoding="utf-8")
    G = {name: dinnet.load(path) for name, path in paths.items()}
    added = diff_graphs(G["none"], G["old"])
    assert ("added", "table", "mini/B1") in [(c.action, c.kind, c.id) for c in added]
    assert ("added", "table", "mini/C1") in [(c.action, c.kind, c.id) for c in added]
    assert ("added", "not_in_text", "mini") in [(c.action, c.kind, c.id) for c in added]
    lines = format_text(diff_graphs(G["old"], G["new"]), "en").splitlines()
    assert lines == [
        "- amount     mini/B1 'Fietspad' 2021: 100",
        "- amount     mini/B1 'Groen' 2020: 10",
        "- not in text mini 'de koppelingen'",
        "~ amount     mini/B1 printed total 2020: 1,260.5 -> 999",
        "~ amount     mini/C1 'Team' 2020: 36 -> 32",
        "~ table      mini/C1 title: 'Inzet' -> 'Inzet (fte)'",
        "+ amount     mini/B1 'Fietspad' 2022: 100",
        "+ not in text mini 'de budgetten'",
        "8 changes: 3 removed, 3 changed, 2 added",
    ], lines
    assert diff_graphs(G["old"], G["old"]) == []
