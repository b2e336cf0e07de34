"""``dinnet progress``: statuses on a date as text, Markdown and JSON, Dutch first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dinnet.cli import main

ROOT = Path(__file__).parents[1]
MINIMAL = str(Path(__file__).parent / "assets" / "minimal.yaml")
ZONNEDAL = str(ROOT / "examples" / "zonnedal")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_json_holds_every_goal_and_indicator_with_its_status() -> None:
    code, out, err = run("progress", ZONNEDAL, "--as-of", "2024-01-01", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["as_of"] == "2024-01-01"
    assert [p["programme"] for p in data["programmes"]] == ["duurzaam-zonnedal",
                                                            "werk-en-inkomen"]
    zonnedal = data["programmes"][0]
    assert [(g["id"], g["depth"]) for g in zonnedal["goals"]] == [
        ("duurzaam-zonnedal:HD1", 0), ("duurzaam-zonnedal:SD1.1", 1),
        ("duurzaam-zonnedal:SD1.2", 1), ("duurzaam-zonnedal:HD2", 0),
        ("duurzaam-zonnedal:SD2.1", 1)]
    by_id = {i["id"]: i for i in zonnedal["indicators"]}
    assert set(by_id) == {f"duurzaam-zonnedal:BBV{i}" for i in (1, 2, 3)}
    bbv1 = by_id["duurzaam-zonnedal:BBV1"]
    assert bbv1["status"] in ("on_track", "behind", "ahead", "reached", "unknown")
    assert bbv1["measurement"]["date"] <= "2024-01-01"
    assert bbv1["reason"] and bbv1["status_text"]


def test_text_is_dutch_by_default_and_english_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DINNET_LANG", raising=False)
    code, out, _ = run("progress", MINIMAL, "--as-of", "2021")
    assert code == 0
    assert out.splitlines()[:3] == [
        "voortgang op 31-12-2021", "Mini (mini)",
        "  onbekend  strategisch doel SD1  Schonere lucht: geen indicator met een status (0 van 1)"]
    code, out, _ = run("progress", MINIMAL, "--as-of", "31-12-2021", "--lang", "en")
    assert out.splitlines()[0] == "progress on 2021-12-31"
    assert "unknown  indicator SD1.a.i1  Fijnstof (ug/m3): no measurement after the baseline" \
        in out


def test_markdown_is_a_table_per_programme() -> None:
    code, out, _ = run("progress", MINIMAL, "--as-of", "2021-06-30", "--format", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# progress on 2021-06-30"
    assert "## Mini (mini)" in lines
    assert "| Status | Element | Label | Why |" in lines
    assert any(line.startswith("| unknown | &nbsp;&nbsp;operational goal SD1.a |")
               for line in lines)


def test_goals_behind_come_with_what_is_done_for_them(tmp_path: Path) -> None:
    contract = tmp_path / "mini.yaml"
    text = Path(MINIMAL).read_text(encoding="utf-8")
    contract.write_text(text.replace("targets: {2022: 25}",
                                     "targets: {2022: 25}\n    realised: {2022: 27}"),
                        encoding="utf-8")
    code, out, _ = run("progress", str(contract), "--as-of", "2023-01-01")
    assert code == 0
    assert "behind  strategic goal SD1  Schonere lucht" in out
    tail = out.split("what is done for the goals behind\n")[1].splitlines()
    # listed once, under SD1.a: SD1 is behind because of it
    assert tail == ["  SD1.a  Minder fijnstof", "    effort E1  Minder auto's: nothing reported",
                    "    project P1  Fietspad: nothing reported"]
    # an effort serving SD1 itself is listed under SD1
    contract.write_text(contract.read_text(encoding="utf-8").replace(
        "projects:", "  - {id: E3, label: Schone bussen, contributes_to: [SD1], "
        "source: mini.txt:9}\nprojects:"), encoding="utf-8")
    out = run("progress", str(contract), "--as-of", "2023-01-01")[1]
    tail = out.split("what is done for the goals behind\n")[1].splitlines()
    assert tail[:2] == ["  SD1  Schonere lucht", "    effort E3  Schone bussen: nothing reported"]
    assert tail[2] == "  SD1.a  Minder fijnstof"


def test_a_bad_date_is_one_clear_line() -> None:
    code, _, err = run("progress", MINIMAL, "--as-of", "31-13-2025")
    assert code == 2
    assert "Invalid value for '--as-of': 31-13-2025 is not a date: write 2025-12-31, " \
        "31-12-2025 or a year (2025)" in err
    assert "Traceback" not in err


def test_output_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "voortgang.md"
    code, _, _ = run("progress", MINIMAL, "--as-of", "2021", "--format", "markdown", "-o",
                     str(target))
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith("# progress on 2021-12-31\n")
