"""The audit on two cores (:mod:`dinnet.audit.split`): the same findings as on one.

A large graph is audited by the process and a forked copy of it, which take
the rules' tasks in turn. These tests force the fork on small graphs (the
threshold set to zero) and check that it really happened, that the findings
are identical, in the same order, to those of one process, that either
process takes the other's tasks when that one is slow, that no computation
the rules share is made by two tasks, and that a child that fails leaves its
rules to the parent instead of losing their findings.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator

import networkx as nx
import pytest

import dinnet
from dinnet.audit import RULES, AuditContext, Hit, run_audit, split


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


@pytest.fixture
def delivered(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """The codes of the rules whose findings each child sent back."""
    sent: list[set[str]] = []
    collect = split._collect
    codes = [rule.code for rule in RULES.values()]

    def recorded(child: tuple[int, int] | None) -> dict[int, list[object]] | None:
        found = collect(child)
        sent.append(set() if found is None else {codes[i] for i in found})
        return found  # type: ignore[return-value]

    monkeypatch.setattr(split, "_collect", recorded)
    return sent


def _slow(monkeypatch: pytest.MonkeyPatch, code: str, where: Callable[[], bool]) -> None:
    """Make rule ``code`` wait, wherever ``where()`` holds, until the other process has
    taken every task left (both queues are empty)."""
    queues: list[int] = []
    made = split._queues

    def recorded(*args: list[list[int]]) -> tuple[int, int] | None:
        got = made(*args)
        queues[:] = got or ()
        return got

    name = next(name for name, rule in RULES.items() if rule.code == code)
    check = RULES[name].check

    def slow(ctx: AuditContext) -> Iterator[Hit]:
        if where():
            waited = time.perf_counter()
            while any(_waiting(q) for q in queues) and time.perf_counter() - waited < 30:
                time.sleep(0.01)
        return check(ctx)

    monkeypatch.setattr(split, "_queues", recorded)
    monkeypatch.setitem(RULES, name, dataclasses.replace(RULES[name], check=slow))


def _waiting(queue: int) -> int:
    """How many tasks ``queue`` still holds."""
    import fcntl  # POSIX only, as forking is: imported here, the module imports anywhere
    import termios

    return int.from_bytes(fcntl.ioctl(queue, termios.FIONREAD, b"\0\0\0\0"), sys.byteorder)


def _codes(tasks: tuple[tuple[str, ...], ...]) -> set[str]:
    return {code for task in tasks for code in task}


def test_a_slow_parent_leaves_the_other_tasks_to_the_child(
        forking: list[int], delivered: list[set[str]], generated_graph: nx.MultiDiGraph,
        monkeypatch: pytest.MonkeyPatch) -> None:
    expected = run_audit(generated_graph, jobs=1)
    parent = os.getpid()
    _slow(monkeypatch, split.HERE[0][0], lambda: os.getpid() == parent)
    found = run_audit(generated_graph, jobs=2)
    assert [(f, f.said) for f in found] == [(f, f.said) for f in expected]
    # the parent's first task waited until the child had taken every other one
    assert delivered == [_codes(split.HERE[1:] + split.THERE)]


def test_a_slow_child_leaves_the_other_tasks_to_the_parent(
        forking: list[int], delivered: list[set[str]], generated_graph: nx.MultiDiGraph,
        monkeypatch: pytest.MonkeyPatch) -> None:
    expected = run_audit(generated_graph, jobs=1)
    parent = os.getpid()
    _slow(monkeypatch, split.THERE[0][0], lambda: os.getpid() != parent)
    found = run_audit(generated_graph, jobs=2)
    assert [(f, f.said) for f in found] == [(f, f.said) for f in expected]
    assert delivered == [set(split.THERE[0])]  # the child's first task, and nothing else


def test_a_parent_that_fails_ends_its_child(
        forking: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()

    def broken(ctx: AuditContext) -> Iterator[Hit]:
        if os.getpid() == parent:
            raise RuntimeError("in the parent")
        time.sleep(30)  # a child that would keep the parent waiting
        yield from ()

    for code in (split.HERE[0][0], split.THERE[0][0]):  # the first task of each
        name = next(name for name, rule in RULES.items() if rule.code == code)
        monkeypatch.setitem(RULES, name, dataclasses.replace(RULES[name], check=broken))
    start = time.perf_counter()
    with pytest.raises(RuntimeError, match="in the parent"):
        run_audit(dinnet.load(), jobs=2)
    assert time.perf_counter() - start < 10
    with pytest.raises(ProcessLookupError):  # ended and waited for: no such process
        os.kill(forking[0], 0)


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


def test_the_tasks_are_rules_of_this_audit_each_once() -> None:
    listed = [code for task in split.HERE + split.THERE for code in task]
    assert len(listed) == len(set(listed))
    assert set(listed) <= {r.code for r in RULES.values()}
    here, there = split.tasks(list(RULES.values()))
    assert sorted(i for task in here + there for i in task) == list(range(len(RULES)))


def test_a_rule_of_no_task_is_a_task_of_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    left_out = split.THERE[0]
    monkeypatch.setattr(split, "THERE", split.THERE[1:])
    here, there = split.tasks(list(RULES.values()))
    codes = [rule.code for rule in RULES.values()]
    assert here[len(split.HERE):] == [[codes.index(code)] for code in left_out]
    assert [[codes[i] for i in task] for task in there] == [list(task) for task in split.THERE]


def test_no_computation_the_rules_share_is_made_by_two_tasks(
        generated_graph: nx.MultiDiGraph) -> None:
    """Each shared field of the context is made by one task only (else both processes
    would make it): what each task computes, from a context made fresh for it."""
    rules = list(RULES.values())
    made_by: dict[str, list[str]] = {}
    for task in split.HERE + split.THERE:
        ctx = AuditContext(generated_graph)
        ctx.programmes  # noqa: B018 - made before the fork
        ctx.node, ctx.succ, ctx.pred  # noqa: B018 - the graph's own dicts: nothing is made
        before = set(vars(ctx))
        for rule in rules:
            if rule.code in task:
                list(rule.run(ctx))
        for name in set(vars(ctx)) - before:
            made_by.setdefault(name, []).append(task[0])
    assert {name: by for name, by in made_by.items() if len(by) > 1} == {}
    assert {"goals_without_effort", "one_cause", "targets", "budget_checks"} <= set(made_by)
