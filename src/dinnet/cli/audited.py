"""Load and audit contracts, with the findings of an unchanged run kept: ``dinnet audit``.

:func:`audit_paths` is what ``dinnet audit`` does: load the contracts (from
the contracts' cache where it can) and audit the graph. When every input
file, the audit date and dinnet's code are the same as in an earlier run,
the findings come from :class:`~dinnet.io.memo.Memo` instead of the rules;
they are the same findings, in the same order. The memo is only used here,
where the graph goes from :func:`~dinnet.io.loading.load` straight to the
audit: a graph that a program changed after loading is always audited
(:func:`dinnet.run_audit`).

The key of the findings holds the digests of the very bytes the contracts
were read from (:func:`~dinnet.io.loading.load`'s ``digests``); the
measurements files, read apart, are hashed before the load and after it,
and nothing is kept or used when one changed meanwhile.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     first = audit_paths(["tests/assets/minimal.yaml"], cache=tmp)[1]
...     again = audit_paths(["tests/assets/minimal.yaml"], cache=tmp)[1]
>>> again == first and [f.said for f in again] == [f.said for f in first]
True
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from pathlib import Path

import networkx as nx

from ..audit import run_audit
from ..audit.findings import Finding
from ..audit.plain import findings_from_data, findings_to_data
from ..graph import collector_paused
from ..io.cache import default_folder
from ..io.loading import Progress, load
from ..io.measurements import measurement_files
from ..io.memo import Memo

__all__ = ["audit_paths"]


def audit_paths(paths: Sequence[str | Path], *, as_of: dt.date | None = None,
                jobs: int | None = None, cache: bool | str | Path = True,
                progress: Progress | None = None, timings: dict[str, float] | None = None
                ) -> tuple[nx.MultiDiGraph, list[Finding]]:
    """The graph of ``paths`` and its findings (:func:`~dinnet.audit.run_audit`).

    Parameters
    ----------
    paths : sequence of str or Path
        Contract files and folders (none: the bundled data), as for :func:`~dinnet.load`.
    as_of : datetime.date, optional
        The audit date (default today).
    jobs : int, optional
        Processes for loading and auditing (default: one per CPU).
    cache : bool, str or Path
        True: the cache folder; a folder; False: no cache (every file read,
        every rule run).
    progress : callable, optional
        ``progress(done, total)`` while loading.
    timings : dict, optional
        Gets the seconds spent on ``load`` (with hashing the measurements files) and
        on ``audit`` (the findings looked up in the memo, or the rules run and their
        findings kept), for ``benchmarks/run.py``.

    Returns
    -------
    tuple
        The graph and the findings, sorted as :func:`~dinnet.audit.run_audit` sorts them.
    """
    start = time.perf_counter()
    day = as_of or dt.date.today()
    memo = None if cache is False else Memo(default_folder() if cache is True else cache)
    measured = measurement_files(paths) if memo is not None else []
    before = Memo.digests(measured)
    read: dict[str, str | None] = {}
    G = load(*paths, progress=progress, jobs=jobs, cache=cache,
             digests=read if memo is not None else None)
    loaded = time.perf_counter()
    key = None
    if memo is not None and Memo.digests(measured) == before:  # none changed during the load
        key = memo.key([*read.items(), *before], day.isoformat())
    findings = _kept(memo, key)
    if findings is None:
        findings = run_audit(G, as_of=day, jobs=jobs)
        if memo is not None and key is not None:
            data = findings_to_data(findings)
            if data is not None:
                memo.put(key, data)
    if timings is not None:
        timings.update(load=loaded - start, audit=time.perf_counter() - loaded)
    return G, findings


def _kept(memo: Memo | None, key: str | None) -> list[Finding] | None:
    """The findings kept for ``key``, when there are sound ones."""
    if memo is None or key is None:
        return None
    with collector_paused():  # millions of objects beside a graph of millions (1 s at 3,400)
        data = memo.get(key)
        return None if data is None else findings_from_data(data)
