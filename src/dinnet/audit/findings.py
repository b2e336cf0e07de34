"""What the audit returns (findings) and what a rule is (a check with its code).

A rule is declared once, together with its check, in :mod:`dinnet.audit.rules`
(as import-linter ties a contract type to its check). A check is a pure
function of the graph that yields :class:`Hit` s: where and what, nothing about
codes or severities; :meth:`Rule.run` turns them into :class:`Finding` s.
Checks read the graph through an :class:`~dinnet.audit.context.AuditContext`,
which :func:`~dinnet.audit.run_audit` builds once for all rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import networkx as nx

from ..glossary import PHRASES, Message, phrase
from .context import AuditContext

__all__ = ["SEVERITIES", "Check", "Finding", "Hit", "Rule", "Severity"]

Severity = Literal["error", "warning", "info"]
#: Severities from the most to the least serious.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One thing the audit found.

    ``source`` is where the offending element stands in the source text
    (``"02-binnenstad.txt:720-742"``); ``location`` is where it stands in the
    YAML, as ``(file, line, column)``; ``node`` is ``None`` for findings about
    a programme or a table as a whole. ``message`` is in English;
    :meth:`text` gives it in either language.
    """

    programme: str
    code: str
    node: str | None
    rule: str
    severity: Severity
    message: str
    source: str | None
    location: tuple[str, int, int] | None = None
    said: Message | None = field(default=None, compare=False, repr=False)

    def text(self, lang: str = "nl") -> str:
        """The message in ``lang`` (``nl`` or ``en``).

        >>> from dinnet.glossary import message
        >>> f = Finding("p", "DIN104", "p:E1", "effort-without-goal", "error", "m", None,
        ...             said=message("audit.effort_without_goal", label="E"))
        >>> f.text(), f.text("en")
        ("inspanning 'E' draagt aan geen enkel doel bij", "effort 'E' contributes to no goal")
        """
        return self.said.text(lang) if self.said is not None else self.message

    @property
    def where(self) -> str | None:
        """The YAML location as ``file:line:col`` (``None`` when unknown)."""
        if self.location is None:
            return None
        file, line, column = self.location
        return f"{file}:{line}:{column}"

    def as_dict(self) -> dict[str, Any]:
        """The finding as a plain dict (for JSON).

        Returns
        -------
        dict
            ``rule, code, severity, programme, node, message, source, file, line,
            column`` in that order (the last three: the YAML location, or null).

        Examples
        --------
        >>> f = Finding("zorg", "DIN101", "zorg:HO1", "goal-without-effort", "error", "m", None)
        >>> list(f.as_dict())
        ['rule', 'code', 'severity', 'programme', 'node', 'message', 'source', 'file', 'line', 'column']
        """
        data = asdict(self)
        data = {k: data[k] for k in ("rule", "code", "severity", "programme", "node",
                                     "message", "source")}
        file, line, column = self.location or (None, None, None)
        return data | {"file": file, "line": line, "column": column}


@dataclass(frozen=True, init=False)
class Hit:
    """What a check yields: a node (or ``None``) and a message.

    ``programme`` and ``source`` default to the node's; ``severity`` to the rule's;
    ``at`` names the YAML location (a key of ``G.graph["locations"]``, see
    :func:`dinnet.graph.location_key`) and defaults to the node.

    >>> Hit("p:E1", "m", source="a.txt:3")
    Hit(node='p:E1', message='m', programme=None, severity=None, source='a.txt:3', at=None)
    """

    node: str | None
    message: str | Message
    programme: str | None = None
    severity: Severity | None = None
    source: str | None = None
    at: str | None = None

    def __init__(self, node: str | None, message: str | Message, programme: str | None = None,
                 severity: Severity | None = None, source: str | None = None,
                 at: str | None = None) -> None:
        # the dataclass's own __init__, without a call of object.__setattr__ per field
        # (half the cost of a hit; the audit makes a hundred thousand)
        fields = self.__dict__
        fields["node"] = node
        fields["message"] = message
        fields["programme"] = programme
        fields["severity"] = severity
        fields["source"] = source
        fields["at"] = at


#: A check: a pure function of the audit context (the graph and its shared indexes)
#: yielding hits.
Check = Callable[[AuditContext], Iterator[Hit]]


@dataclass(frozen=True)
class Rule:
    """One audit rule: its name, code, usual severity, what it means, and its check.

    ``summary`` says what the rule finds, ``why`` why it matters and ``fix``
    how to fix it, in English; :meth:`text` gives these and the rule's
    ``title`` and ``detail`` in either language, from the glossary (the
    source of ``docs/rules.md`` and ``dinnet audit --explain`` too).
    """

    name: str
    code: str
    severity: Severity
    summary: str
    why: str
    fix: str
    check: Check = field(repr=False, compare=False)

    def text(self, part: str, lang: str = "nl") -> str:
        """The rule's ``title``, ``summary``, ``detail`` (may be empty), ``why`` or ``fix``.

        >>> from dinnet.audit import RULES
        >>> RULES["goal-without-effort"].text("title"), RULES["goal-without-effort"].text("title", "en")
        ('Doel zonder inspanning', 'Goal without effort')
        """
        key = f"rule.{self.code}.{part}"
        if part == "detail" and key not in PHRASES:
            return ""
        return phrase(key, lang)

    def run(self, G: nx.MultiDiGraph | AuditContext) -> Iterator[Finding]:
        """The rule's findings on ``G``.

        Parameters
        ----------
        G : networkx.MultiDiGraph or AuditContext
            A DIN graph (:func:`dinnet.build_graph`), or the context of an
            audit run that shares its indexes among the rules.

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
        ctx = G if isinstance(G, AuditContext) else AuditContext(G)
        locations = ctx.G.graph.get("locations", {})
        node = ctx.node
        for hit in self.check(ctx):
            data = node[hit.node] if hit.node is not None else {}
            said = hit.message if isinstance(hit.message, Message) else None
            location = locations.get(hit.at or hit.node)
            yield made_finding(
                programme=hit.programme or data["programme"],
                code=self.code,
                node=hit.node,
                rule=self.name,
                severity=hit.severity or self.severity,
                message=said.text("en") if said is not None else str(hit.message),
                source=hit.source or data.get("source"),
                location=tuple(location) if location is not None else None,
                said=said,
            )


def made_finding(programme: str, code: str, node: str | None, rule: str, severity: Severity,
             message: str, source: str | None, location: tuple[str, int, int] | None,
             said: Message | None) -> Finding:
    """``Finding(...)`` of every field, made without the frozen dataclass's ``__init__``:
    that sets each field with a call of ``object.__setattr__``, which costs twice the
    rest (an audit makes a hundred thousand findings at 3,400 contracts). The fields go
    into the instance's dict in the order of the class, as ``__init__`` puts them: the
    same object, equal, with the same hash and pickle (``tests/audit/test_rules.py``).

    >>> f = made_finding("p", "DIN104", "p:E1", "effort-without-goal", "error", "m", None, None, None)
    >>> f == Finding("p", "DIN104", "p:E1", "effort-without-goal", "error", "m", None)
    True
    """
    made = _new(Finding)
    fields = made.__dict__
    fields["programme"] = programme
    fields["code"] = code
    fields["node"] = node
    fields["rule"] = rule
    fields["severity"] = severity
    fields["message"] = message
    fields["source"] = source
    fields["location"] = location
    fields["said"] = said
    return made


_new = object.__new__
