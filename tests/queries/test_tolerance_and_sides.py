"""Direct tests of two boundaries the snapshot alone guarded (issue 14's mutants b and d):
the budget tolerance and the back relation of a one-sided dependency."""

from __future__ import annotations

import networkx as nx
import pytest

from dinnet.queries import BudgetCheck, one_sided_dependencies


def check(stated: float | None, recomputed: float) -> BudgetCheck:
    return BudgetCheck("p", "B1", "Budget", "budgets", 2020, stated, recomputed, "EUR", "t:1")


@pytest.mark.parametrize(("stated", "recomputed", "matches"), [
    (100.0, 100.0, True),
    (100.0, 100.004, True),     # rounding in the printed table: half a cent is tolerated
    (100.0, 99.996, True),
    (100.0, 100.006, False),    # just over the tolerance
    (100.0, 100.5, False),
    (100.0, 101.0, False),      # one euro (or one thousand) off is a real mismatch
    (450.0, 300.0, False),
    (None, 300.0, True),        # nothing printed: nothing to disagree with
])
def test_budget_tolerance_boundary(stated: float | None, recomputed: float, matches: bool) -> None:
    assert check(stated, recomputed).matches is matches


def programmes(*relations: tuple[str, str]) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for p in ("a", "b", "c"):
        G.add_node(p, kind="programme", programme=p, label=p.upper(), source="t:1")
    for u, v in relations:
        G.add_edge(u, v, "depends_on", kind="depends_on", source=f"{u}.txt:1", topics=["x"],
                   nodes=[], text=None)
    return G


def test_a_relation_named_by_one_side_only_is_one_sided() -> None:
    assert one_sided_dependencies(programmes(("a", "b"))) == [("a", "b")]


def test_the_back_relation_makes_it_two_sided() -> None:
    assert one_sided_dependencies(programmes(("a", "b"), ("b", "a"))) == []


def test_a_back_relation_to_someone_else_does_not_count() -> None:
    assert one_sided_dependencies(programmes(("a", "b"), ("b", "c"))) == [("a", "b"), ("b", "c")]
