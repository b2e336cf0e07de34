"""The audit: findings about gaps and inconsistencies of a DIN graph.

Every rule is declared once, with its check, in :data:`RULES`
(:mod:`dinnet.audit.rules`); :func:`run_audit` runs them all.

>>> import dinnet
>>> from dinnet.audit import run_audit
>>> findings = run_audit(dinnet.load())
>>> for f in findings:
...     if f.rule == "budget-mismatch" and f.programme == "binnenstad":
...         print(f.message)
Verdeling middelen 2019-2022 (B2) 2022: printed total 600 but the lines add up to 300 (Bedragen * 1.000 euro)
"""

from __future__ import annotations

import datetime as dt
import sys
import warnings
from collections import Counter
from types import ModuleType
from typing import Any

import networkx as nx

from ..graph import collector_paused
from . import monitoring  # noqa: F401  (registers the monitoring rules, after those of .rules)
from .context import AuditContext
from .findings import SEVERITIES, Finding, Hit, Rule
from .rules import RULES
from .split import rules_run

__all__ = ["RULES", "SEVERITIES", "AuditContext", "Finding", "Hit", "Rule", "run_audit", "summary"]


def _key(f: Finding) -> tuple[str, str, str, str]:
    return (f.programme, f.code, f.node or "", f.message)


def run_audit(G: nx.MultiDiGraph, *, as_of: dt.date | None = None,
              jobs: int | None = None) -> list[Finding]:
    """Run every rule of :data:`RULES` over ``G``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph (:func:`dinnet.load`, :func:`dinnet.build_graph`).
    as_of : datetime.date, optional
        The audit date: the monitoring rules (DIN6xx) judge measurements as of
        this date; default today.
    jobs : int, optional
        Processes to use (default: one per CPU, at most two): a large graph
        is audited by this process and a forked copy of it, which take the
        rules in turn (:mod:`dinnet.audit.split`); the findings are the same.

    Returns
    -------
    list[Finding]
        The findings, sorted by programme, rule code, node and message.

    Examples
    --------
    >>> import dinnet
    >>> findings = run_audit(dinnet.load())
    >>> sorted({f.severity for f in findings})
    ['error', 'info', 'warning']
    """
    ctx = AuditContext(G, as_of)  # what the rules share, built once
    by_programme: dict[str, list[Finding]] = {}
    with collector_paused(), rules_run(ctx, list(RULES.values()), jobs) as of_rules:
        for found in of_rules:
            for f in found:
                by_programme.setdefault(f.programme, []).append(f)
        # sorted per programme, then the programmes: the order of one sort, in near-linear
        # time (while a forked child, if any, gives its memory back)
        return [f for p in sorted(by_programme) for f in sorted(by_programme[p], key=_key)]


def summary(findings: list[Finding]) -> dict[str, dict[str, int]]:
    """Counts per severity, per rule and per programme.

    Parameters
    ----------
    findings : list[Finding]
        Findings of :func:`run_audit`.

    Returns
    -------
    dict[str, dict[str, int]]
        ``{"severity": {...}, "rule": {...}, "programme": {...}}``; every
        severity is present, rules and programmes only when they have findings.

    Examples
    --------
    >>> f = Finding("zorg", "DIN101", "zorg:HO1", "goal-without-effort", "error", "m", None)
    >>> summary([f, f])["severity"]
    {'error': 2, 'warning': 0, 'info': 0}
    """
    return {
        "severity": {s: sum(f.severity == s for f in findings) for s in SEVERITIES},
        "rule": dict(sorted(Counter(f.rule for f in findings).items())),
        "programme": dict(sorted(Counter(f.programme for f in findings).items())),
    }


_RENAMED = ("dinnet.audit.audit is now dinnet.audit.run_audit (the name audit is the "
            "package); call run_audit(G)")


def __getattr__(name: str) -> Any:
    """``from dinnet.audit import audit`` still works, with a DeprecationWarning."""
    if name == "audit":
        warnings.warn(_RENAMED, DeprecationWarning, stacklevel=2)
        return run_audit
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Package(ModuleType):
    """The package, callable for one release: ``dinnet.audit(G)`` was the documented call."""

    def __call__(self, G: nx.MultiDiGraph) -> list[Finding]:
        warnings.warn("dinnet.audit(G) is now dinnet.run_audit(G) (dinnet.audit is the "
                      "package)", DeprecationWarning, stacklevel=2)
        return run_audit(G)


sys.modules[__name__].__class__ = _Package
