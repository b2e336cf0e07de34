"""What the audit returns: findings, and the table of rules."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

__all__ = ["RULES", "SEVERITIES", "Finding", "Rule"]

Severity = Literal["error", "warning", "info"]
#: Severities from the most to the least serious.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    """One audit rule: its name, code, usual severity and a one-line summary."""

    name: str
    code: str
    severity: Severity
    summary: str


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
        """The finding as a plain dict (for JSON)."""
        data = asdict(self)
        return {k: data[k] for k in ("rule", "code", "severity", "programme", "node",
                                     "message", "source")}


RULES: dict[str, Rule] = {r.name: r for r in (
    Rule("goal-without-effort", "DIN101", "error",
         "No effort contributes to the goal or to any of its sub-goals."),
    Rule("goal-without-indicator", "DIN102", "warning",
         "An operational goal that no indicator measures."),
    Rule("strategic-goal-without-operational-goal", "DIN103", "warning",
         "A strategic goal with no operational goal beneath it."),
    Rule("effort-without-goal", "DIN104", "error",
         "An effort (or its parent effort) that contributes to no goal."),
    Rule("project-without-effort", "DIN105", "warning",
         "A project that implements no effort."),
    Rule("indicator-without-baseline", "DIN201", "warning",
         "An indicator without a baseline (peilwaarde)."),
    Rule("indicator-without-target", "DIN202", "warning",
         "An indicator without any target (streefwaarde)."),
    Rule("target-outside-period", "DIN203", "warning",
         "A target for a year outside the programme's period."),
    Rule("target-against-goal-direction", "DIN204", "warning",
         "The final target moves away from the baseline in the direction the goal wants to avoid."),
    Rule("target-not-numeric", "DIN205", "info",
         "An indicator whose targets are all text ('n.t.b.', 'pm'), so progress cannot be measured."),
    Rule("budget-mismatch", "DIN301", "error",
         "A table's total as printed differs from the sum of its lines."),
    Rule("budget-tables-disagree", "DIN302", "warning",
         "Two budget tables of one programme give different totals for the same year."),
    Rule("one-sided-dependency", "DIN401", "warning",
         "Programme A names B as related, but B's contract is silent about A."),
    Rule("unresolved-reference", "DIN402", "info",
         "A reference into a programme that is not loaded."),
    Rule("double-claiming", "DIN403", "warning",
         "An effort or indicator credited to goals of more than one programme."),
    Rule("possible-duplicate-effort", "DIN404", "info",
         "Efforts of different programmes with very similar labels (a suggestion)."),
    Rule("missing-din-content", "DIN501", "warning",
         "Something the contract refers to but its text does not contain."),
    Rule("programme-without-goals", "DIN502", "warning",
         "A programme whose data holds no goals at all."),
)}
