"""The audit: findings about gaps and inconsistencies of a DIN graph.

>>> import dinnet
>>> from dinnet.audit import audit
>>> findings = audit(dinnet.load())
>>> for f in findings:
...     if f.rule == "budget-mismatch" and f.programme == "binnenstad":
...         print(f.message)
Verdeling middelen 2019-2022 (B2) 2022: printed total 600 but the lines add up to 300 (Bedragen * 1.000 euro)
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from .findings import SEVERITIES, Finding, Hit, Rule
from .rules import RULES

__all__ = ["RULES", "SEVERITIES", "Finding", "Hit", "Rule", "audit", "summary"]


def _key(f: Finding) -> tuple[str, str, str, str]:
    return (f.programme, f.code, f.node or "", f.message)


def audit(G: nx.MultiDiGraph) -> list[Finding]:
    """Run every rule; findings sorted by programme, rule code, node and message."""
    return sorted((f for rule in RULES.values() for f in rule.run(G)), key=_key)


def summary(findings: list[Finding]) -> dict[str, dict[str, int]]:
    """Counts per severity, per rule and per programme."""
    return {
        "severity": {s: sum(f.severity == s for f in findings) for s in SEVERITIES},
        "rule": dict(sorted(Counter(f.rule for f in findings).items())),
        "programme": dict(sorted(Counter(f.programme for f in findings).items())),
    }
