"""Progress along the DIN (dinnet.queries.monitoring): indicators, goals, efforts on a date."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import networkx as nx
import pytest

from dinnet.contract.model import Contract
from dinnet.errors import DinnetError, NodeNotFoundError
from dinnet.graph import build_graph
from dinnet.queries import (
    GoalStatus,
    IndicatorStatus,
    Reading,
    behind,
    effort_outlook,
    goal_status,
    indicator_status,
    latest_realisation,
    measurements_of,
    progress,
    remedies,
)

SRC = {"source": "t.txt:1"}
D = date


def contract() -> dict[str, Any]:
    """HO1 > SD1 > (SD1.a, SD1.b), and SD2. E1 serves SD1.a itself (P1 implements it);
    track T1 (E2, E3 with sub-effort E3.1) serves SD1.b as a whole; E4 delivers R1,
    which serves SD2. Indicators: I1 on SD1.a (up), I2 on SD1.b (down), I3 on SD2 (text)."""
    def goal(gid: str, level: str, *subs: dict[str, Any]) -> dict[str, Any]:
        return {"id": gid, "level": level, "label": f"Doel {gid}", "goals": list(subs), **SRC}

    return {
        "programme": {"id": "p", "name": "P", "municipality": "M",
                      "period": {"start": 2024, "end": 2027}, **SRC},
        "vision": {"label": "V", **SRC},
        "goals": [goal("HO1", "main", goal("SD1", "strategic", goal("SD1.a", "operational"),
                                          goal("SD1.b", "operational"))),
                  goal("SD2", "strategic")],
        "indicators": [
            {"id": "I1", "label": "Groen", "measures": ["SD1.a"], "direction": "increase",
             "baseline": {"value": 100, "year": 2024}, "targets": {2026: 200}, **SRC},
            {"id": "I2", "label": "Hitte", "measures": ["SD1.b"], "direction": "decrease",
             "baseline": {"value": 80, "year": 2024}, "targets": {2026: 40},
             "realised": {2025: 61}, "expected": {2026: "circa 45"}, **SRC},
            {"id": "I3", "label": "Buurten", "measures": ["SD2"],
             "baseline": {"value": 3, "year": 2024}, "targets": {2026: "meer"}, **SRC},
        ],
        "tracks": [{"id": "T1", "label": "Spoor", "contributes_to": ["SD1.b"], **SRC}],
        "efforts": [
            {"id": "E1", "label": "Groen", "contributes_to": ["SD1.a"], **SRC},
            {"id": "E2", "label": "Schaduw", "track": "T1", **SRC},
            {"id": "E3", "label": "Water", "track": "T1", **SRC,
             "efforts": [{"id": "E3.1", "label": "Vijver", **SRC}]},
            {"id": "E4", "label": "Buurtbudget", **SRC},
        ],
        "results": [{"id": "R1", "label": "Fonds", "delivered_by": ["E4"],
                     "contributes_to": ["SD2"], **SRC}],
        "projects": [{"id": "P1", "label": "Park", "implements": ["E1"], **SRC}],
    }


@pytest.fixture
def G() -> nx.MultiDiGraph:
    G = build_graph([Contract.model_validate(contract())])
    G.nodes["p:I1"]["measurements"] = (Reading(D(2025, 12, 31), 150.0, source="m.yaml:3"),
                                       Reading(D(2026, 12, 31), 210.0, source="m.yaml:4"))
    return G


def test_indicator_status_reads_the_contract_and_the_measurement_set(G: nx.MultiDiGraph) -> None:
    st = indicator_status(G, "p:I1", D(2026, 1, 1))
    assert isinstance(st, IndicatorStatus)
    assert (st.indicator, st.status, st.measurement.source) == ("p:I1", "on_track", "m.yaml:3")
    assert indicator_status(G, "p:I1", D(2027, 1, 1)).status == "reached"
    # I2: the contract's own realisatie 2025 (61 against 60 planned, band 2) ...
    st = indicator_status(G, "p:I2", D(2026, 1, 1))
    assert (st.status, st.measurement.kind, st.measurement.source) == ("on_track", "realised",
                                                                        "t.txt:1")
    # ... and its verwacht 2026 (circa 45 misses the 2026 target of 40)
    st = indicator_status(G, "p:I2", D(2027, 1, 1))
    assert (st.status, st.measurement.kind, st.reason.key) == ("behind", "expected",
                                                               "status.missed")
    assert {n.key for n in st.notes} == {"status.note_expected", "status.note_approximate"}
    assert indicator_status(G, "p:I3", D(2027, 1, 1)).reason.key == "status.no_target"


def test_a_measurement_set_value_replaces_the_contract_s_on_the_same_date(
        G: nx.MultiDiGraph) -> None:
    G.nodes["p:I2"]["measurements"] = (Reading(D(2025, 12, 31), 70.0, source="m.yaml:9"),)
    found = measurements_of(G, "p:I2")
    assert [(m.date.year, m.value, m.kind, m.source) for m in found] == [
        (2025, 70.0, "realised", "m.yaml:9"), (2026, 45.0, "expected", "t.txt:1")]
    assert indicator_status(G, "p:I2", D(2026, 1, 1)).status == "behind"


def test_asking_a_status_of_something_else_is_a_clear_error(G: nx.MultiDiGraph) -> None:
    with pytest.raises(DinnetError, match="'p:E1' is a node of kind effort; this question "
                                          "needs: indicator"):
        indicator_status(G, "p:E1", D(2026, 1, 1))
    with pytest.raises(DinnetError, match="needs: goal"):
        goal_status(G, "p:I1", D(2026, 1, 1))
    with pytest.raises(NodeNotFoundError, match="did you mean 'p:SD1'"):
        goal_status(G, "p:SD1x", D(2026, 1, 1))
    with pytest.raises(DinnetError, match="needs: programme"):
        progress(G, D(2026, 1, 1), "p:SD1")


def test_a_goal_is_the_worst_known_status_beneath_it(G: nx.MultiDiGraph) -> None:
    G.nodes["p:I2"]["measurements"] = (Reading(D(2025, 12, 31), 70.0),)  # behind
    st = goal_status(G, "p:HO1", D(2026, 1, 1))
    assert isinstance(st, GoalStatus)
    assert (st.status, st.behind, st.counts) == ("behind", ("p:I2",),
                                                 {"on_track": 1, "behind": 1})
    assert (st.indicators, st.sub_goals) == ((), ("p:SD1",))
    assert st.reason.text("en") == "the worst of the indicators with a status (2 of 2)"
    sd1a = goal_status(G, "p:SD1.a", D(2026, 1, 1))
    assert [i.indicator for i in sd1a.indicators] == ["p:I1"] and sd1a.status == "on_track"
    sd2 = goal_status(G, "p:SD2", D(2026, 1, 1))
    assert (sd2.status, sd2.counts, sd2.reason.key) == ("unknown", {"unknown": 1},
                                                        "status.goal_unknown")


def test_a_cycle_of_refines_links_ends(G: nx.MultiDiGraph) -> None:
    G.add_edge("p:SD1", "p:SD1.a", "refines", kind="refines", source="t.txt:1")
    st = goal_status(G, "p:SD1.a", D(2026, 1, 1))
    assert st.counts == {"on_track": 2}
    assert st.sub_goals == ("p:SD1",)


def test_progress_covers_every_indicator_and_goal(G: nx.MultiDiGraph) -> None:
    found = progress(G, D(2026, 1, 1))
    assert list(found) == sorted(found) == [
        "p:HO1", "p:I1", "p:I2", "p:I3", "p:SD1", "p:SD1.a", "p:SD1.b", "p:SD2"]
    assert found["p:HO1"] == goal_status(G, "p:HO1", D(2026, 1, 1))
    assert found["p:I2"] == indicator_status(G, "p:I2", D(2026, 1, 1))
    other = build_graph([Contract.model_validate(contract()),
                         Contract.model_validate(contract() | {"programme": {
                             **contract()["programme"], "id": "q"}})])
    assert {n.split(":")[0] for n in progress(other, D(2026, 1, 1), "q")} == {"q"}


def test_behind_lists_the_goals_behind(G: nx.MultiDiGraph) -> None:
    assert behind(G, D(2026, 1, 1)) == []
    assert [s.goal for s in behind(G, D(2027, 1, 1))] == ["p:HO1", "p:SD1", "p:SD1.b"]


@pytest.mark.parametrize("which", ["fixture", "groene-stad"])
def test_behind_is_every_goal_whose_roll_up_is_behind(which: str, G: nx.MultiDiGraph) -> None:
    """``behind`` rolls up only the goals above a measured indicator that is behind: the
    same goals, with the same statuses, as rolling up every goal."""
    import dinnet

    if which == "groene-stad":
        G = dinnet.load("examples/groene-stad.yaml", "examples/groene-stad.measurements.yaml")
    found = 0
    for year in range(2019, 2031):
        for as_of in (D(year, 1, 1), D(year, 7, 1)):
            for programme in (None, *sorted({d["programme"] for _, d in G.nodes(data=True)})):
                every = progress(G, as_of, programme)
                expected = [s for s in every.values()
                            if isinstance(s, GoalStatus) and s.status == "behind"]
                assert behind(G, as_of, programme) == expected
                found += len(expected)
    assert found  # the data has goals behind on some dates


def test_remedies_follow_own_track_and_result_links(G: nx.MultiDiGraph) -> None:
    found = {r.node: (r.kind, r.serves, r.track) for r in remedies(G, "p:SD1.b")}
    assert found == {"p:E2": ("effort", ("p:SD1.b",), "p:T1"),
                     "p:E3": ("effort", ("p:SD1.b",), "p:T1"),
                     "p:E3.1": ("effort", ("p:SD1.b",), None)}
    assert [r.node for r in remedies(G, "p:HO1")] == ["p:E1", "p:E2", "p:E3", "p:E3.1", "p:P1"]
    assert [(r.node, r.serves) for r in remedies(G, "p:SD2")] == [("p:E4", ("p:SD2",))]


def test_remedies_and_outlook_carry_the_latest_report(G: nx.MultiDiGraph) -> None:
    reports = (SimpleNamespace(date=D(2025, 6, 30), state="not_realised", explanation="later"),
               SimpleNamespace(date=D(2026, 6, 30), state="partly", explanation="half"))
    G.nodes["p:E2"]["realisations"] = reports
    by = {r.node: r.realisation for r in remedies(G, "p:SD1", D(2026, 1, 1))}
    assert by["p:E2"] is reports[0] and by["p:E3"] is None
    assert remedies(G, "p:SD1")[1].realisation is reports[1]
    assert latest_realisation(G, "p:E2", D(2025, 1, 1)) is None
    out = effort_outlook(G, "p:E2", D(2027, 1, 1))
    assert out.realisation is reports[1]
    assert [(g.goal, g.status) for g in out.goals] == [("p:SD1.b", "behind")]


def test_effort_outlook_of_sub_efforts_projects_and_results(G: nx.MultiDiGraph) -> None:
    when = D(2026, 1, 1)
    assert [g.goal for g in effort_outlook(G, "p:E3.1", when).goals] == ["p:SD1.b"]
    assert [g.goal for g in effort_outlook(G, "p:P1", when).goals] == ["p:SD1.a"]
    assert [g.goal for g in effort_outlook(G, "p:E4", when).goals] == ["p:SD2"]
    with pytest.raises(DinnetError, match="needs: effort or project"):
        effort_outlook(G, "p:T1", when)
