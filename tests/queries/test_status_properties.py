"""Properties of the status formula and the roll-up (issue 21, "Must show").

* Adding a measurement on the target path never makes an indicator "behind".
* A measurement past a decrease-target on the wrong side is always "behind".
* A goal's roll-up agrees with a brute-force computation over its sub-goals.
"""

from __future__ import annotations

from datetime import date, timedelta

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from dinnet.queries import goal_status, indicator_status, progress
from dinnet.queries.status import Reading, assess, path_value, target_path, year_end

FIRST = date(2015, 1, 1)
values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
steps = st.just(0.0) | st.floats(min_value=0, max_value=1e5, allow_nan=False, allow_infinity=False)
days = st.integers(min_value=0, max_value=20 * 366)
kinds = st.sampled_from(["realised", "expected"])
marks = st.sampled_from([None, "circa"])


@st.composite
def paths(draw: st.DrawFn, direction: str | None = None) -> tuple:
    """Baseline (or none, or a realised value in the contract instead), targets that go the
    indicator's way, text targets among them, and the stated direction (or none)."""
    direction = direction or draw(st.sampled_from(["increase", "decrease", "maintain"]))
    sign = {"increase": 1, "decrease": -1, "maintain": 0}[direction]
    start_year = draw(st.integers(min_value=2015, max_value=2024))
    value = draw(values)
    years = sorted(draw(st.sets(st.integers(min_value=start_year + 1, max_value=start_year + 8),
                                min_size=1, max_size=4)))
    targets: dict[int, float | str] = {}
    for year in years:
        value += sign * draw(steps)
        targets[year] = value if draw(st.integers(0, 5)) else "n.t.b."
    start = draw(st.sampled_from(["baseline", "history", "none"]))
    numeric = [v for v in targets.values() if isinstance(v, float)]
    base_value = (numeric[0] if numeric else value) - sign * draw(steps)
    baseline = (start_year, base_value) if start == "baseline" else None
    history = ([Reading(year_end(start_year), base_value)] if start == "history" else [])
    stated = direction if draw(st.booleans()) else None
    path = target_path(baseline, targets, history=history,
                       targets_approximate={y: "circa" for y in years if draw(st.booleans())})
    return path, history, stated


def measurements() -> st.SearchStrategy[list[Reading]]:
    return st.lists(st.builds(lambda d, v, k, a: Reading(FIRST + timedelta(days=d), v, k, a),
                              days, values, kinds, marks), max_size=5)


@given(paths(), measurements(), st.data(), days, kinds, marks)
def test_a_measurement_on_the_path_never_makes_an_indicator_behind(
        drawn: tuple, readings: list[Reading], data: st.DataObject, asked: int, kind: str,
        mark: str | None) -> None:
    path, history, stated = drawn
    on_a_point = st.sampled_from([p.date for p in path.points]) if path.points else st.nothing()
    day = data.draw(on_a_point | days.map(lambda d: FIRST + timedelta(days=d)))
    as_of = data.draw(st.sampled_from([day, FIRST + timedelta(days=asked)]))
    value = path_value(path, day)
    before = assess(path, history + readings, as_of, direction=stated)
    if value is None:
        return
    added = Reading(day, value, kind, mark)
    after = assess(path, [*history, *readings, added], as_of, direction=stated)
    if before.status != "behind":
        assert after.status != "behind", (after.reason, after.compared_with)
    if after.measurement is added:
        assert after.status != "behind", (after.reason, after.compared_with)


@given(paths("decrease"), measurements(), st.data())
def test_a_measurement_past_a_decrease_target_on_the_wrong_side_is_behind(
        drawn: tuple, readings: list[Reading], data: st.DataObject) -> None:
    path, history, _ = drawn
    targets = path.targets
    if not targets:
        return
    target = data.draw(st.sampled_from(targets))
    day = target.date + timedelta(days=data.draw(st.integers(0, 5 * 366)))
    value = target.value + data.draw(st.floats(min_value=1e-6, max_value=1e6))
    added = Reading(day, value, data.draw(kinds), data.draw(marks))
    as_of = day + timedelta(days=data.draw(st.integers(0, 3 * 366)))
    earlier = [r for r in readings if r.date < day]  # the wrong-side one is the latest
    st_ = assess(path, [*history, *earlier, added], as_of, direction="decrease")
    assert st_.measurement is added
    assert st_.status == "behind", st_.reason


OUTCOMES = {None: "unknown", 10.0: "behind", 50.0: "on_track", 90.0: "ahead", 120.0: "reached"}
ORDER = ["behind", "on_track", "ahead", "reached"]


@st.composite
def networks(draw: st.DrawFn) -> nx.MultiDiGraph:
    """Goals g0..gn with ``refines`` links from higher to lower numbers (no cycles, a goal may
    refine several), indicators measuring one or more goals, each with a status (the
    measurement of 2021 against 0 in 2020 to 100 in 2022: 50 is on the path)."""
    G = nx.MultiDiGraph()
    n = draw(st.integers(1, 8))
    for i in range(n):
        G.add_node(f"p:g{i}", kind="goal", programme="p")
        for j in draw(st.sets(st.integers(0, i - 1), max_size=2)) if i else ():
            G.add_edge(f"p:g{i}", f"p:g{j}", "refines", kind="refines")
    for k in range(draw(st.integers(0, 10))):
        node = f"p:i{k}"
        value = draw(st.sampled_from(list(OUTCOMES)))
        G.add_node(node, kind="indicator", programme="p", baseline_value=0.0,
                   baseline_year=2020, targets={2022: 100.0}, direction="increase",
                   measurements=() if value is None else (Reading(date(2021, 12, 31), value),))
        for g in draw(st.sets(st.integers(0, n - 1), min_size=1, max_size=2)):
            G.add_edge(node, f"p:g{g}", "measures", kind="measures")
    return G


def brute(G: nx.MultiDiGraph, goal: str, as_of: date) -> str:
    """The roll-up by its definition: the worst known of the goal's own indicators and of
    each sub-goal rolled up the same way."""
    parts = [indicator_status(G, u, as_of).status for u, _, k in G.in_edges(goal, keys=True)
             if k == "measures"]
    parts += [brute(G, u, as_of) for u, _, k in G.in_edges(goal, keys=True) if k == "refines"]
    known = [p for p in parts if p != "unknown"]
    return min(known, key=ORDER.index) if known else "unknown"


@given(networks())
def test_the_roll_up_agrees_with_brute_force(G: nx.MultiDiGraph) -> None:
    as_of = date(2022, 1, 1)
    found = progress(G, as_of)
    for goal in (n for n, k in G.nodes(data="kind") if k == "goal"):
        rolled = goal_status(G, goal, as_of)
        assert rolled == found[goal]
        assert rolled.status == brute(G, goal, as_of)
        beneath = {n for n in nx.ancestors(G, goal) if G.nodes[n]["kind"] == "indicator"}
        assert sum(rolled.counts.values()) == len(beneath)
        assert set(rolled.behind) == {i for i in beneath
                                      if G.nodes[i]["measurements"]
                                      and G.nodes[i]["measurements"][0].value == 10.0}


def test_the_outcomes_of_the_roll_up_network_are_what_they_claim() -> None:
    G = nx.MultiDiGraph()
    for value, expected in OUTCOMES.items():
        G.add_node("p:i", kind="indicator", programme="p", baseline_value=0.0,
                   baseline_year=2020, targets={2022: 100.0}, direction="increase",
                   measurements=() if value is None else (Reading(date(2021, 12, 31), value),))
        assert indicator_status(G, "p:i", date(2022, 1, 1)).status == expected
