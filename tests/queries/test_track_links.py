"""Track links (``tracks[].contributes_to``) and inferred links: one meaning in every query
and audit rule, as defined in docs/format.md ("Track links", "Inferred links")."""

from __future__ import annotations

import copy
from typing import Any

import networkx as nx
import pytest

from dinnet.audit import run_audit as audit
from dinnet.contract.model import Contract
from dinnet.graph import build_graph
from dinnet.queries import (
    budget_per_goal,
    double_claims,
    efforts_without_goal,
    goals_without_effort,
    how,
    impact,
    path_between,
    programme_graph,
    shared_efforts,
    why,
    why_paths,
)

SRC = {"source": "t.txt:1"}


def doc(pid: str = "p") -> dict[str, Any]:
    """Track T1 (efforts E1, E2) serves SD1 and SD2 as a whole; E3 serves SD3 itself;
    the empty track T2 serves SD4."""
    return {
        "programme": {"id": pid, "name": pid.upper(), "municipality": "M",
                      "period": {"start": 2019, "end": 2022}, **SRC},
        "vision": {"label": "V", **SRC},
        "goals": [{"id": f"SD{i}", "level": "strategic", "label": f"Doel {i}", **SRC}
                  for i in (1, 2, 3, 4)],
        "tracks": [
            {"id": "T1", "label": "Lijn 1", "kind": "programmalijn", "source": "t.txt:2-9",
             "contributes_to": [{"goal": "SD1", "source": "t.txt:9"},
                                {"goal": "SD2", "source": "t.txt:9"}]},
            {"id": "T2", "label": "Lijn 2", "contributes_to": [{"goal": "SD4", "source": "t.txt:12"}],
             "source": "t.txt:10-12"},
        ],
        "efforts": [
            {"id": "E1", "label": "Een", "track": "T1", "source": "t.txt:3",
             "budget": {"amounts": {2019: 100}},
             "efforts": [{"id": "E1.1", "label": "Een punt een", "source": "t.txt:4"}]},
            {"id": "E2", "label": "Twee", "track": "T1", "source": "t.txt:5"},
            {"id": "E3", "label": "Drie", "contributes_to": ["SD3"], "source": "t.txt:13"},
        ],
        "projects": [{"id": "P1", "label": "Project", "implements": ["E2"], "source": "t.txt:14"}],
    }


def graph(*docs: dict[str, Any]) -> nx.MultiDiGraph:
    return build_graph([Contract.model_validate(d) for d in docs])


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return graph(doc())


def test_graph_edge_from_the_track_with_its_source(G) -> None:
    edge = G.edges["p:T1", "p:SD1", "contributes_to"]
    assert (edge["level"], edge["source"], edge["inferred"]) == ("track", "t.txt:9", False)
    assert G.edges["p:E3", "p:SD3", "contributes_to"]["level"] == "effort"
    # the text states the link once: no per-effort copies
    assert not G.has_edge("p:E1", "p:SD1")


def test_coverage_goals(G) -> None:
    # SD1/SD2 are covered through the track's efforts; SD4's track has no effort
    assert goals_without_effort(G) == ["p:SD4"]


def test_coverage_efforts(G) -> None:
    assert efforts_without_goal(G) == []
    without = copy.deepcopy(doc())
    without["tracks"][0]["contributes_to"] = []
    assert efforts_without_goal(graph(without)) == ["p:E1", "p:E1.1", "p:E2"]


def test_impact_of_one_effort_of_a_track_is_partial(G) -> None:
    r = impact(G, "p:E2")
    assert r.loses_all == ()
    assert r.loses_some == ("p:SD1", "p:SD2")


def test_impact_of_the_last_effort_of_a_track_is_total() -> None:
    d = doc()
    d["efforts"] = [e for e in d["efforts"] if e["id"] != "E2"]
    d["projects"] = []
    r = impact(graph(d), "p:E1")
    assert r.loses_all == ("p:SD1", "p:SD2")


def test_impact_of_a_track_drops_its_efforts(G) -> None:
    r = impact(G, "p:T1")
    assert r.loses_all == ("p:SD1", "p:SD2")
    assert r.loses_some == ()
    assert impact(G, "p:T2") == type(r)("p:T2", (), ())  # an empty track supports nothing


def test_impact_of_an_empty_track_on_a_goal_served_otherwise_is_nothing() -> None:
    """docs/format.md: a track without efforts covers nothing, so dropping it loses nothing."""
    d = doc()
    d["tracks"][1]["contributes_to"] = [{"goal": "SD3", "source": "t.txt:12"}]  # E3 serves SD3
    assert impact(graph(d), "p:T2") == type(impact(graph(d), "p:T1"))("p:T2", (), ())


def test_impact_of_a_track_keeps_goals_served_otherwise() -> None:
    d = doc()
    d["efforts"][2]["contributes_to"] = ["SD3", "SD1"]
    r = impact(graph(d), "p:T1")
    assert (r.loses_all, r.loses_some) == (("p:SD2",), ("p:SD1",))


def test_why_and_how(G) -> None:
    assert why(G, "p:E2") == ["p:SD2", "p:SD1", "p:visie"]
    assert why(G, "p:E1.1") == ["p:E1", "p:SD2", "p:SD1", "p:visie"]
    assert ["p:E2", "p:T1", "p:SD1", "p:visie"] in why_paths(G, "p:E2")
    assert how(G, "p:SD1") == ["p:T1", "p:E1", "p:E1.1", "p:E2", "p:P1"]


def test_shared_efforts_count_the_track(G) -> None:
    shared = shared_efforts(G)
    assert shared["p:E1"] == ("p:SD1", "p:SD2")
    assert shared["p:E2"] == ("p:SD1", "p:SD2")
    assert "p:E3" not in shared


def test_budget_split_over_the_track_goals(G) -> None:
    budget = budget_per_goal(G)
    assert budget["p:SD1"] == {2019: 50.0}
    assert budget["p:SD2"] == {2019: 50.0}


def test_double_claim_through_a_track() -> None:
    a, b = doc("a"), doc("b")
    a["tracks"][0]["contributes_to"].append("b:SD1")
    G2 = graph(a, b)
    assert double_claims(G2)["a:E1"] == ("a", "b")
    assert "double-claiming" in {f.rule for f in audit(G2)}
    # a track link is no dependency between the programmes; a path follows it
    assert not programme_graph(G2).has_edge("a", "b")
    assert path_between(G2, "a:E2", "b:SD1") == ["a:E2", "a:T1", "b:SD1"]


def test_audit_rules_read_track_links(G) -> None:
    found = {(f.rule, f.node) for f in audit(G)}
    assert ("goal-without-effort", "p:SD4") in found  # the empty track does not cover
    assert not {n for r, n in found if r == "goal-without-effort"} - {"p:SD4"}
    assert not {n for r, n in found if r == "effort-without-goal"}


def test_unknown_goal_of_a_track_is_located(tmp_path) -> None:
    import yaml

    from dinnet.errors import DinnetError
    from dinnet.io.loading import read_contract

    bad = doc()
    bad["tracks"][0]["contributes_to"] = ["SD9"]
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(bad, sort_keys=False), encoding="utf-8")
    with pytest.raises(DinnetError, match=r"tracks\[0\]\.contributes_to\[0\].*SD9"):
        read_contract(path)


# --- inferred links ----------------------------------------------------------------------

def inferred_doc() -> dict[str, Any]:
    d = doc()
    d["efforts"][2]["contributes_to"] = [{"goal": "SD3", "inferred": True,
                                          "note": "staat onder het kopje van SD3"}]
    d["indicators"] = [{"id": "I1", "label": "i", "source": "t.txt:15",
                        "measures": [{"goal": "SD3", "inferred": True, "note": "formulering"}]}]
    d["projects"][0]["implements"] = [{"effort": "E2", "inferred": True, "note": "naam"}]
    return d


def test_inferred_links_count_and_are_reported_as_info() -> None:
    G2 = graph(inferred_doc())
    assert G2.edges["p:E3", "p:SD3", "contributes_to"]["inferred"] is True
    assert G2.edges["p:I1", "p:SD3", "measures"]["note"] == "formulering"
    assert G2.edges["p:P1", "p:E2", "implements"]["inferred"] is True
    # they count like stated links ...
    assert "p:SD3" not in goals_without_effort(G2)
    assert impact(G2, "p:P1").loses_all == ("p:SD1", "p:SD2")
    # ... and the audit shows each one, as info, with its note
    inferred = [f for f in audit(G2) if f.rule == "inferred-link"]
    assert [(f.node, f.severity) for f in inferred] == [
        ("p:E3", "info"), ("p:I1", "info"), ("p:P1", "info")]
    assert "staat onder het kopje van SD3" in inferred[0].message


# --- a goal serving two goals (goals[].refines) ------------------------------------------

def test_goal_refining_two_goals() -> None:
    d = doc()
    d["goals"] = [{"id": "HO1", "level": "main", "label": "H1", **SRC},
                  {"id": "HO2", "level": "main", "label": "H2", **SRC},
                  {"id": "SD1", "level": "strategic", "label": "S", "source": "t.txt:20",
                   "refines": [{"goal": "HO1", "source": "t.txt:21"},
                               {"goal": "HO2", "source": "t.txt:21"}]},
                  *[g for g in d["goals"] if g["id"] != "SD1"]]
    G2 = graph(d)
    assert G2.edges["p:SD1", "p:HO2", "refines"]["source"] == "t.txt:21"
    assert not G2.has_edge("p:SD1", "p:visie")  # hangs under HO1 and HO2, not the vision
    assert "p:HO1" not in goals_without_effort(G2) and "p:HO2" not in goals_without_effort(G2)
    assert why(G2, "p:E2")[:4] == ["p:SD2", "p:SD1", "p:HO2", "p:HO1"]


def test_goal_cannot_refine_a_lower_goal(tmp_path) -> None:
    import yaml

    from dinnet.errors import DinnetError
    from dinnet.io.loading import read_contract

    d = doc()
    d["goals"].append({"id": "OD1", "level": "operational", "label": "o", **SRC})
    d["goals"][0]["refines"] = ["OD1"]
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(d, sort_keys=False), encoding="utf-8")
    with pytest.raises(DinnetError, match=r"goals\[0\]\.refines\[0\].*cannot refine the operational goal"):
        read_contract(path)


@pytest.mark.parametrize(("refines", "nested", "expected"), [
    ({"SD1": ["SD1"]}, False, [r"goals\[0\]\.refines\[0\]: goal 'SD1' cannot refine itself"]),
    ({"SD1": ["p:SD1"]}, False, [r"goals\[0\]\.refines\[0\]: goal 'SD1' cannot refine itself"]),
    ({"SD1": ["SD2"], "SD2": ["SD1"]}, False,
     [r"goals\[0\]\.refines\[0\]: refines makes a cycle \(SD1 -> SD2 -> SD1\)",
      r"goals\[1\]\.refines\[0\]: refines makes a cycle \(SD2 -> SD1 -> SD2\)"]),
    ({"SD1": ["SD3"]}, True,  # SD3 sits under SD1 and SD1 refines SD3
     [r"goals\[0\]\.refines\[0\]: refines makes a cycle \(SD1 -> SD3 -> SD1\)"]),
])
def test_a_goal_cannot_refine_itself_or_make_a_cycle(
        tmp_path, refines: dict[str, list[str]], nested: bool, expected: list[str]) -> None:
    """Else the goal silently loses its link to the vision (it hangs from nothing)."""
    import re

    import yaml

    from dinnet.errors import DinnetError
    from dinnet.io.loading import read_contract

    d = doc()
    if nested:
        d["goals"][0]["goals"] = [d["goals"].pop(2)]
    for goal in d["goals"]:
        goal["refines"] = refines.get(goal["id"], [])
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(d, sort_keys=False), encoding="utf-8")
    with pytest.raises(DinnetError) as caught:
        read_contract(path)
    lines = str(caught.value).splitlines()
    assert len(lines) == len(expected), lines
    for line, pattern in zip(lines, expected, strict=True):
        assert re.search(pattern, line) and line.startswith(f"{path}:"), line
