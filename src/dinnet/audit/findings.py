"""What the audit returns (findings) and what a rule is (a check with its code).

A rule is declared once, together with its check, in :mod:`dinnet.audit.rules`
(as import-linter ties a contract type to its check). A check is a pure
function of the graph that yields :class:`Hit` s: where and what, nothing about
codes or severities; :meth:`Rule.run` turns them into :class:`Finding` s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import networkx as nx

__all__ = ["SEVERITIES", "Check", "Finding", "Hit", "Rule", "Severity"]

Severity = Literal["error", "warning", "info"]
#: Severities from the most to the least serious.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One thing the audit found.

    ``source`` is where the offending element stands in the source text
    (``"02-binnenstad.txt:720-742"``); ``node`` is ``None`` for findings about
    a programme or a table as a whole.
    """

    programme: str
    code: str
    node: str | None
    rule: str
    severity: Severity
    message: str
    source: str | None

    def as_dict(self) -> dict[str, Any]:
        """The finding as a plain dict (for JSON).

        Returns
        -------
        dict
            ``rule, code, severity, programme, node, message, source`` in that order.

        Examples
        --------
        >>> f = Finding("zorg", "DIN101", "zorg:HO1", "goal-without-effort", "error", "m", None)
        >>> list(f.as_dict())
        ['rule', 'code', 'severity', 'programme', 'node', 'message', 'source']
        """
        data = asdict(self)
        return {k: data[k] for k in ("rule", "code", "severity", "programme", "node",
                                     "message", "source")}


@dataclass(frozen=True)
class Hit:
    """What a check yields: a node (or ``None``) and a message.

    ``programme`` and ``source`` default to the node's; ``severity`` to the rule's.
    """

    node: str | None
    message: str
    programme: str | None = None
    severity: Severity | None = None
    source: str | None = None


#: A check: a pure function of the graph yielding hits.
Check = Callable[[nx.MultiDiGraph], Iterator[Hit]]


@dataclass(frozen=True)
class Rule:
    """One audit rule: its name, code, usual severity, what it means, and its check.

    ``summary`` says what the rule finds, ``why`` why it matters and ``fix``
    how to fix it (the same words as ``docs/rules.md``, which has more detail).
    """

    name: str
    code: str
    severity: Severity
    summary: str
    why: str
    fix: str
    check: Check = field(repr=False, compare=False)

    def run(self, G: nx.MultiDiGraph) -> Iterator[Finding]:
        """The rule's findings on ``G``.

        Parameters
        ----------
        G : networkx.MultiDiGraph
            A DIN graph (:func:`dinnet.build_graph`).

        Returns
        -------
        Iterator[Finding]
            One finding per hit of the check, in the check's order.

        Examples
        --------
        >>> import dinnet
        >>> from dinnet.audit import RULES
        >>> f = next(RULES["budget-mismatch"].run(dinnet.load()))
        >>> f.code, f.rule, f.severity, f.programme
        ('DIN301', 'budget-mismatch', 'error', 'binnenstad')
        """
        for hit in self.check(G):
            data = G.nodes[hit.node] if hit.node is not None else {}
            yield Finding(
                programme=hit.programme or data["programme"],
                code=self.code,
                node=hit.node,
                rule=self.name,
                severity=hit.severity or self.severity,
                message=hit.message,
                source=hit.source or data.get("source"),
            )
