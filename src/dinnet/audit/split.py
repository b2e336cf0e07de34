"""Running the audit's rules on two cores: the process and a forked copy of it share the work.

A national graph (hundreds of thousands of nodes) takes seconds to audit on
one core, while the second core is idle. The rules are pure functions of the
graph, so :func:`run_rules` forks the process once (the child sees the
loaded graph without copying it), and the two take the rules *in turn*: each
takes the next task from a queue (a pipe holding task numbers: a read of
one byte gives each task to exactly one of them), runs it, and takes the
next, until both queues are empty. A task is a group of rules that share a
computation of the :class:`~dinnet.audit.context.AuditContext` (made once,
by whichever process runs the group). The child sends the findings of its
tasks back over a pipe. The findings are put together in the order of the
rules, so the result is exactly that of running every rule here (a test
compares them); if the child fails for any reason, the rules it did not
deliver run here.

The parent starts with the tasks of :data:`HERE`, whose findings are many
(sending them would cost time), the child with those of :data:`THERE`;
either takes the other's next task once its own are done. Both lists run
heaviest first, so the two end at about the same time, whatever the other
programs on the machine leave each of them.

Forking is used only where it is safe and worth it: a graph of at least
:data:`FORK_MIN_NODES` nodes, more than one CPU (``jobs``), the ``fork``
start method, and no other thread in the process (a fork copies only the
calling thread; a lock another thread held would stay locked in the child).
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from .._forking import can_fork, fork_child
from .context import AuditContext
from .findings import Finding, Rule

__all__ = ["FORK_MIN_NODES", "HERE", "THERE", "rules_run", "run_rules", "tasks", "workers"]

#: The tasks the parent takes first, heaviest first: the rules with many findings. CPU seconds
#: on one core for 3,400 generated contracts (692k nodes) in the comments (session 14).
HERE: tuple[tuple[str, ...], ...] = (
    ("DIN201", "DIN202", "DIN203", "DIN204", "DIN205", "DIN206"),  # ctx.targets: 1.2 s, 50k
    ("DIN104", "DIN501", "DIN502"),  # ctx.one_cause, efforts without goal: 0.8 s, 17k
    ("DIN105",),  # 0.2 s, 12k findings
    ("DIN103",),  # 0.15 s, 4k
)
#: The tasks the child takes first, heaviest first: the rules with few findings to send.
THERE: tuple[tuple[str, ...], ...] = (
    ("DIN403",),  # 0.7 s, 3k findings
    ("DIN404",),  # 0.65 s, none
    ("DIN106",),  # 0.5 s, none
    ("DIN101",),  # ctx.goals_without_effort: 0.3 s, 4k
    ("DIN102",), ("DIN401",), ("DIN301", "DIN303"),  # 0.15 s each (DIN301: ctx.budget_checks), 8k
    ("DIN601",), ("DIN302",), ("DIN602",), ("DIN402",),  # 0.1 s and less, 1k
)
#: Smaller graphs are audited in one process (a fork costs more than it saves).
FORK_MIN_NODES = 20_000


def workers(ctx: AuditContext, jobs: int | None) -> int:
    """How many processes audit ``ctx``'s graph: 2 when forking is safe and worth it, else 1."""
    if jobs is None:
        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1)
    return 2 if jobs >= 2 and len(ctx.node) >= FORK_MIN_NODES and can_fork() else 1


def tasks(rules: Sequence[Rule]) -> tuple[list[list[int]], list[list[int]]]:
    """The tasks of :data:`HERE` and of :data:`THERE` as places in ``rules``.

    A rule that neither names is a task of its own at the end of the parent's
    list; a code ``rules`` lacks is left out.

    >>> from dinnet.audit import RULES
    >>> here, there = tasks(list(RULES.values()))
    >>> here[1], there[0]
    ([3, 19, 20], [17])
    >>> sorted(i for task in here + there for i in task) == list(range(len(RULES)))
    True
    """
    place = {rule.code: i for i, rule in enumerate(rules)}
    named = {code for task in HERE + THERE for code in task}

    def placed(listed: tuple[tuple[str, ...], ...]) -> list[list[int]]:
        found = ([place[code] for code in task if code in place] for task in listed)
        return [task for task in found if task]

    rest = [[i] for i, rule in enumerate(rules) if rule.code not in named]
    return placed(HERE) + rest, placed(THERE)


def run_rules(ctx: AuditContext, rules: Sequence[Rule], jobs: int | None = None
              ) -> list[list[Finding]]:
    """The findings of each of ``rules`` on ``ctx``, one list per rule, in order.

    >>> import dinnet
    >>> from dinnet.audit import RULES
    >>> ctx = AuditContext(dinnet.load("tests/assets/minimal.yaml"))
    >>> found = run_rules(ctx, list(RULES.values()))  # a small graph: here, in one process
    >>> [(rule.code, len(f)) for rule, f in zip(RULES.values(), found) if f]
    [('DIN103', 1)]
    """
    with rules_run(ctx, rules, jobs) as found:
        return found


@contextmanager
def rules_run(ctx: AuditContext, rules: Sequence[Rule], jobs: int | None = None
              ) -> Iterator[list[list[Finding]]]:
    """:func:`run_rules` as a context: the findings, and the forked child waited for when
    the block ends.

    A child that has sent its findings still gives its copy of the process's memory
    back (a tenth of a second or two for a national graph); the block's work (sorting
    the findings) goes on meanwhile.

    >>> import dinnet
    >>> from dinnet.audit import RULES
    >>> with rules_run(AuditContext(dinnet.load()), list(RULES.values())) as found:
    ...     sum(map(len, found))
    259
    """
    here, there = tasks(rules)
    queues = _queues(here, there) if workers(ctx, jobs) > 1 else None
    if queues is None:
        yield [list(rule.run(ctx)) for rule in rules]
        return
    everything = here + there
    found: list[list[Finding] | None] = [None] * len(rules)
    ctx.programmes  # noqa: B018 - the index both processes need, made once before the fork
    child = None
    delivered = False
    try:
        child = _fork(ctx, rules, everything, queues)
        for task in _taken(*queues):
            for i in everything[task]:
                found[i] = list(rules[i].run(ctx))
        theirs = _collect(child) or {}
        delivered = True
        # what neither process delivered (the child failed) runs here
        yield [f if f is not None else theirs[i] if i in theirs else list(rules[i].run(ctx))
               for i, f in enumerate(found)]
    finally:
        for fd in queues:
            os.close(fd)
        if child is not None:
            pid, read = child
            os.close(read)
            if not delivered:  # the parent failed: the child's work is of no use
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def _queues(here: list[list[int]], there: list[list[int]]) -> tuple[int, int] | None:
    """Two pipes holding the numbers of the parent's tasks and of the child's, one byte each,
    written and closed for writing: the read ends, or None when they could not be made."""
    if len(here) + len(there) > 255:
        return None
    made: list[int] = []
    try:
        for first, count in ((0, len(here)), (len(here), len(there))):
            read, write = os.pipe()
            made.append(read)
            try:
                os.write(write, bytes(range(first, first + count)))  # far below a pipe's 64 KiB
            finally:
                os.close(write)
    except OSError:
        for fd in made:
            os.close(fd)
        return None
    return made[0], made[1]


def _taken(own: int, other: int) -> Iterator[int]:
    """The tasks this process takes: the next of its ``own`` queue, then of the ``other``'s.

    A pipe's read of one byte is atomic: each task goes to exactly one process.
    """
    for queue in (own, other):
        while task := os.read(queue, 1):
            yield task[0]


def _fork(ctx: AuditContext, rules: Sequence[Rule], everything: list[list[int]],
          queues: tuple[int, int]) -> tuple[int, int] | None:
    """Start a child that takes tasks from ``queues`` (its own is the second) and writes the
    findings of their rules (place in ``rules`` -> findings, pickled) to a pipe:
    ``(pid, read end)``, or None when it could not start (the parent then takes every task)."""
    def work(write: int) -> None:
        done = {i: list(rules[i].run(ctx))
                for task in _taken(queues[1], queues[0]) for i in everything[task]}
        data = pickle.dumps(done, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as out:
            out.write(data)

    return fork_child(work)


def _collect(child: tuple[int, int] | None) -> dict[int, list[Finding]] | None:
    """The child's findings by place of their rule, or None when it failed (the rules it
    did not deliver then run here).

    The pipe ends when the child has written everything, or has ended without: what
    it sent is then no whole pickle (or nothing), and is not used.
    """
    if child is None:
        return None
    chunks = []
    try:
        while chunk := os.read(child[1], 1 << 20):
            chunks.append(chunk)
        # our own child's bytes, through a pipe only it and we hold: never from a file
        found = pickle.loads(b"".join(chunks))
    except Exception:
        return None
    return found if isinstance(found, dict) else None
