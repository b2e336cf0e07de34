"""Two moments compared: ``dinnet diff`` of two measurements files shows what moved."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from dinnet.cli import main
from dinnet.diff.compare import (
    Change,
    diff_graphs,
    format_markdown,
    format_text,
    load_versions,
    status_changes,
)

ROOT = Path(__file__).parents[1]
OLD = ROOT / "examples" / "zonnedal-2024.measurements.yaml"
NEW = ROOT / "examples" / "zonnedal" / "measurements.yaml"


def test_values_that_moved_between_two_reports() -> None:
    G_old, G_new = load_versions(OLD, NEW)   # the contracts of NEW's folder, once each
    changes = diff_graphs(G_old, G_new)
    assert {c.kind for c in changes} == {"measurement", "realisation"}  # same contracts
    moved = {(c.action, c.id.split(":")[1], c.field, c.old, c.new) for c in changes}
    assert ("removed", "BBV1", "2025 expected", "ca. 22", None) in moved   # verwacht ...
    assert ("added", "BBV1", "2025 realised", None, 21.0) in moved         # ... then realised
    assert ("added", "BBV2", "2025 realised", None, "ca. 4050") in moved
    assert ("added", "A2", "2025", None, "not_realised") in moved
    assert not any(c.field and c.field.startswith("2024") for c in changes)  # 2024 as it was
    assert len(changes) == 11


def test_statuses_that_moved_each_judged_on_its_own_moment() -> None:
    G_old, G_new = load_versions(OLD, NEW)
    moved = {c.id.split(":")[1]: (c.field, c.old, c.new) for c in status_changes(G_old, G_new)}
    assert moved["A2"] == ("state", "partly", "not_realised")
    assert moved["A5"] == ("state", None, "partly")
    assert moved["BBV2"] == ("status", "on_track", "reached")   # 4.050 meets the 4.000 of 2025
    # judged both on the old report's date, the new report's 2025 entries do not count yet
    early = dt.date(2025, 4, 10)
    assert [c.id for c in status_changes(G_old, G_new, as_of=(early, early))] == []


def test_a_revised_value_and_a_new_explanation_are_changes(tmp_path: Path) -> None:
    old = tmp_path / "old.measurements.yaml"
    new = tmp_path / "new.measurements.yaml"
    head = "programme: duurzaam-zonnedal\n"
    old.write_text(head + "measurements:\n  - {indicator: BBV3, year: 2024, value: 70, source: a}\n"
                   "realisations:\n  - {effort: A1, year: 2024, state: partly, source: a}\n",
                   encoding="utf-8")
    new.write_text(head + "measurements:\n  - {indicator: BBV3, year: 2024, value: 72, source: b}\n"
                   "realisations:\n  - {effort: A1, year: 2024, state: partly, "
                   "explanation: Vertraagd., source: b}\n", encoding="utf-8")
    changes = diff_graphs(*load_versions(old, new, contracts=[ROOT / "examples" / "zonnedal"]))
    assert format_text(changes, "nl").splitlines() == [
        "~ meting     duurzaam-zonnedal:BBV3 2024 realisatie: 70 -> 72",
        "~ stand      duurzaam-zonnedal:A1 2024 toelichting: (geen) -> 'Vertraagd.'",
        "2 wijzigingen: 2 gewijzigd"]


def test_the_command_line_in_text_markdown_and_json(tmp_path: Path) -> None:
    runner = CliRunner()
    text = runner.invoke(main, ["diff", str(OLD), str(NEW), "--lang", "en"])
    assert text.exit_code == 0, text.output
    assert ("~ status     duurzaam-zonnedal:A2 state: partly realised or delayed -> "
            "not realised") in text.stdout
    assert "+ measurement duurzaam-zonnedal:BBV3 2025 realised: 55" in text.stdout
    assert text.stdout.endswith("16 changes: 2 removed, 5 changed, 9 added\n")
    md = runner.invoke(main, ["diff", str(OLD), str(NEW), "--format", "markdown", "--lang", "en"])
    assert ("| ~ | status | duurzaam-zonnedal:BBV2 | Aantal woningen met energielabel A of "
            "beter | status | on track | reached |") in md.stdout
    out = tmp_path / "moved.json"
    js = runner.invoke(main, ["diff", str(OLD), str(NEW), "--format", "json", "-o", str(out)])
    assert js.exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"action": "added", "kind": "measurement", "id": "werk-en-inkomen:BBV4",
            "label": "Banen per 1.000 inwoners van 15-74 jaar", "field": "2025 realised",
            "old": None, "new": 706.8, "old_id": None} in data


def test_markdown_of_no_changes_and_of_a_rename() -> None:
    assert format_markdown([], "en") == "no changes\n"
    text = format_markdown([Change("renamed", "goal", "p:SD1", "B", "label", "A|x", "B")], "nl")
    assert "| ~ | doel | p:SD1 | B | naam | A\\|x | B |" in text


def test_the_example_in_the_docs_is_what_the_command_prints() -> None:
    doc = (ROOT / "docs" / "measurements.md").read_text(encoding="utf-8")
    command = f"$ dinnet diff {OLD.relative_to(ROOT)} {NEW.relative_to(ROOT)} --lang en\n"
    shown = doc.split(command, 1)[1].split("```", 1)[0]
    result = CliRunner().invoke(main, ["diff", str(OLD), str(NEW), "--lang", "en"])
    assert shown == result.stdout
