"""The audit on two cores (:mod:`dinnet.audit.split`): the same findings as on one.

A large graph is audited by the process and a forked copy of it, half of the
rules each. These tests force the fork on small graphs (the threshold set to
zero) and check that it really happened, that the findings are identical,
in the same order, to those of one process, and that a child that fails
leaves its rules to the parent instead of losing their findings.
"""

from __future__ import annotations

import threading

import networkx as nx
import pytest

import dinnet
from dinnet.audit import RULES, run_audit, split


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Fork for every graph; the list counts the children started."""
    started: list[int] = []
    fork = split._fork

    def counted(*args: object) -> object:
        child = fork(*args)  # type: ignore[arg-type]
        if child is not None:
            started.append(child[0])
        return child

    monkeypatch.setattr(split, "FORK_MIN_NODES", 0)
    monkeypatch.setattr(split, "_fork", counted)
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # a test runner's own threads
    return started


def _same(G: nx.MultiDiGraph) -> None:
    one = run_audit(G, jobs=1)
    two = run_audit(G, jobs=2)
    assert [(f, f.said, f.location) for f in two] == [(f, f.said, f.location) for f in one]


def test_almelo_findings_are_the_same_on_two_cores(forking: list[int]) -> None:
    _same(dinnet.load())
    assert len(forking) == 1


def test_generated_findings_are_the_same_on_two_cores(forking: list[int],
                                                      generated_graph: nx.MultiDiGraph) -> None:
    _same(generated_graph)
    assert len(forking) == 1
    assert {f.code for f in run_audit(generated_graph, jobs=2)} & split.CHILD  # the child found some


def test_a_child_that_fails_leaves_its_rules_to_the_parent(
        forking: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    G = dinnet.load()
    expected = run_audit(G, jobs=1)

    def broken(*args: object, **kwargs: object) -> bytes:
        raise MemoryError("in the child")

    monkeypatch.setattr(split.pickle, "dumps", broken)  # the child cannot send its findings
    assert run_audit(G, jobs=2) == expected
    assert forking


def test_small_graphs_one_cpu_and_threads_stay_in_one_process() -> None:
    G = dinnet.load()
    ctx = dinnet.audit.AuditContext(G)
    assert split.workers(ctx, 2) == 1  # Almelo: far below FORK_MIN_NODES
    assert G.number_of_nodes() < split.FORK_MIN_NODES


def test_one_cpu_or_another_thread_means_no_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(split, "FORK_MIN_NODES", 0)
    ctx = dinnet.audit.AuditContext(dinnet.load())
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert split.workers(ctx, 1) == 1
    assert split.workers(ctx, 2) == 2
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert split.workers(ctx, 2) == 1


def test_the_child_runs_rules_of_this_audit() -> None:
    assert {r.code for r in RULES.values()} >= split.CHILD
