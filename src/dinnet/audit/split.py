"""Running the audit's rules on two cores: half of them in a forked copy of the process.

A national graph (hundreds of thousands of nodes) takes about a second and a
half to audit on one core, while the second core is idle. The rules are pure
functions of the graph, so :func:`run_rules` forks the process once (the
child sees the loaded graph without copying it), lets the child run the
rules of :data:`CHILD` and send their findings back over a pipe, and runs
the others meanwhile. The findings are put together in the order of the
rules, so the result is exactly that of running every rule here (a test
compares them); if the child fails for any reason, its rules run here.

Forking is used only where it is safe and worth it: a graph of at least
:data:`FORK_MIN_NODES` nodes, more than one CPU (``jobs``), the ``fork``
start method, and no other thread in the process (a fork copies only the
calling thread; a lock another thread held would stay locked in the child).
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Iterable, Sequence

from .context import AuditContext
from .findings import Finding, Rule

__all__ = ["CHILD", "FORK_MIN_NODES", "run_rules", "workers"]

#: The rules the forked child runs: the path rules, which share one reachability walk each
#: way, and the two rules that compare efforts across programmes; about half of the work.
CHILD = frozenset({"DIN101", "DIN104", "DIN403", "DIN404", "DIN501", "DIN502"})
#: Smaller graphs are audited in one process (a fork costs more than it saves).
FORK_MIN_NODES = 20_000


def workers(ctx: AuditContext, jobs: int | None) -> int:
    """How many processes audit ``ctx``'s graph: 2 when forking is safe and worth it, else 1."""
    if jobs is None:
        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1)
    if jobs < 2 or len(ctx.node) < FORK_MIN_NODES or threading.active_count() > 1:
        return 1
    if not hasattr(os, "fork") or sys.platform not in ("linux", "darwin"):
        return 1  # pragma: no cover - Windows
    return 2


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
    if workers(ctx, jobs) < 2:
        return [list(rule.run(ctx)) for rule in rules]
    there = [i for i, rule in enumerate(rules) if rule.code in CHILD]
    if not there or len(there) == len(rules):
        return [list(rule.run(ctx)) for rule in rules]
    found: list[list[Finding] | None] = [None] * len(rules)
    ctx.programmes  # noqa: B018 - the index both halves need, made once before the fork
    child = _fork([rules[i] for i in there], ctx)
    for i, rule in enumerate(rules):
        if i not in there:
            found[i] = list(rule.run(ctx))
    theirs = _collect(child)
    for n, i in enumerate(there):
        found[i] = theirs[n] if theirs is not None else list(rules[i].run(ctx))
    return [f if f is not None else [] for f in found]


def _fork(rules: Iterable[Rule], ctx: AuditContext) -> tuple[int, int] | None:
    """Start a child that runs ``rules`` and writes their findings (pickled) to a pipe:
    ``(pid, read end)``, or None when it could not start."""
    rules = list(rules)
    try:
        read, write = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:  # the child: never returns
        code = 1
        try:
            os.close(read)
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
            data = pickle.dumps([list(rule.run(ctx)) for rule in rules],
                                protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as out:
                out.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def _collect(child: tuple[int, int] | None) -> list[list[Finding]] | None:
    """The child's findings, or None when it failed (its rules then run here)."""
    if child is None:
        return None
    pid, read = child
    chunks = []
    try:
        with os.fdopen(read, "rb") as pipe:
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
    finally:
        _, status = os.waitpid(pid, 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return None
    try:
        # our own child's bytes, through a pipe only it and we hold: never from a file
        found = pickle.loads(b"".join(chunks))
    except Exception:
        return None
    return found if isinstance(found, list) else None
