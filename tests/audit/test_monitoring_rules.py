"""The monitoring rules (DIN601, DIN602): judged on the audit date, quiet for a plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

import dinnet
from dinnet.audit import run_audit
from dinnet.cli import main

ROOT = Path(__file__).parents[2]
GROENE = [ROOT / "examples" / "groene-stad.yaml", ROOT / "examples" / "groene-stad.measurements.yaml"]


def monitoring(G: object, day: dt.date) -> list[tuple[str, str | None]]:
    return [(f.code, f.node) for f in run_audit(G, as_of=day)  # type: ignore[arg-type]
            if f.code in ("DIN601", "DIN602")]


def test_a_year_counts_once_it_has_passed() -> None:
    G = dinnet.load(*GROENE)
    # 2025 measured (a mid-year count for the trees), 2026 not yet over on 31-12-2026
    assert ("DIN601", "groene-stad:SD1.a.i1") not in monitoring(G, dt.date(2026, 12, 31))
    assert ("DIN601", "groene-stad:SD1.a.i1") in monitoring(G, dt.date(2027, 1, 1))
    # an expected value (SD1.a.i1, 2026) is no measurement; n.t.b. (SD1.b.i1, 2025) neither,
    # but the trees' mid-year count of 2025 is
    found = [f for f in run_audit(G, as_of=dt.date(2028, 1, 1)) if f.code == "DIN601"]
    assert [f.text("nl") for f in found] == [
        "indicator 'Oppervlakte groen in de openbare ruimte': geen meting over 2026, 2027 "
        "(jaren die voorbij zijn op 01-01-2028)",
        "indicator 'Aantal straatbomen': geen meting over 2026, 2027 (jaren die voorbij zijn "
        "op 01-01-2028)"]


def test_a_plan_without_measurements_gets_no_finding_per_indicator() -> None:
    assert monitoring(dinnet.load(), dt.date(2030, 1, 1)) == []          # Almelo 2019
    assert monitoring(dinnet.load(GROENE[0]), dt.date(2030, 1, 1)) == []  # contract alone


def test_goals_behind_on_the_audit_date() -> None:
    G = dinnet.load(*GROENE)
    behind = [node for code, node in monitoring(G, dt.date(2026, 6, 1)) if code == "DIN602"]
    assert behind == ["groene-stad:SD1", "groene-stad:SD1.a", "groene-stad:SD1.b"]
    # before the first measurement nothing is known, so nothing is behind
    assert monitoring(G, dt.date(2024, 6, 1)) == []


def test_the_command_line_takes_the_audit_date(tmp_path: Path) -> None:
    args = ["audit", *map(str, GROENE), "--format", "json", "--fail-on", "never"]
    result = CliRunner().invoke(main, [*args, "--as-of", "1-1-2028"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count('"DIN601"') == 2
    assert CliRunner().invoke(main, [*args, "--as-of", "2026"]).stdout.count('"DIN601"') == 0
    bad = CliRunner().invoke(main, [*args, "--as-of", "31-2-2026"])
    assert bad.exit_code == 2 and "31-2-2026 is not a date" in bad.stderr
