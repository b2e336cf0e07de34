"""The audit of the bundled Almelo data: pinned as a snapshot, plus the facts it must report.

Regenerate the snapshot after a deliberate data change with
``DINNET_UPDATE_SNAPSHOTS=1 pytest tests/audit/test_almelo_audit.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import dinnet
from dinnet.audit import run_audit
from dinnet.audit.format import format_json

SNAPSHOT = Path(__file__).parents[1] / "snapshots" / "almelo-audit.json"


@pytest.fixture(scope="module")
def findings() -> list:
    return run_audit(dinnet.load())


def test_snapshot(findings: list) -> None:
    text = format_json(findings, "en") + "\n"
    if os.environ.get("DINNET_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert text == SNAPSHOT.read_text(encoding="utf-8")


def test_audit_is_deterministic(findings: list) -> None:
    assert run_audit(dinnet.load()) == findings


def test_binnenstad_budget_2022(findings: list) -> None:
    # 02-binnenstad.txt:722-742: lines add up to 300 in 2022, the table says 600
    (f,) = [f for f in findings if f.rule == "budget-mismatch" and f.programme == "binnenstad"]
    assert "2022" in f.message and "600" in f.message and "300" in f.message
    (d,) = [f for f in findings
            if f.rule == "budget-tables-disagree" and f.programme == "binnenstad"]
    assert "2022: 150,000 vs 600,000" in d.message


def test_veiligheid_empty_goal_section(findings: list) -> None:
    # 06-veiligheid.txt:366-374: section 3 holds only headings
    missing = [f for f in findings
               if f.programme == "veiligheid" and f.rule == "missing-din-content"]
    assert any("section is empty" in f.message and f.severity == "warning" for f in missing)
    assert any(f.rule == "programme-without-goals" and f.programme == "veiligheid"
               for f in findings)


def test_zorg_open_goal_is_info(findings: list) -> None:
    (f,) = [f for f in findings if f.node == "zorg:SD2.b" and f.rule == "goal-without-effort"]
    assert f.severity == "info"


def test_every_finding_has_a_source(findings: list) -> None:
    assert all(f.source for f in findings)
