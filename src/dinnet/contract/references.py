"""Checks inside one contract: unique ids, references that resolve, goal levels.

Pure functions over a validated :class:`~dinnet.contract.model.Contract`. Problems are
returned as :class:`Issue` objects with a field path (``loc``) so that the
loader can turn them into ``file:line:col`` messages.

>>> from dinnet.contract.model import Contract
>>> c = Contract.model_validate({
...     "programme": {"id": "p", "name": "P", "municipality": "M",
...                   "period": {"start": 2019, "end": 2022}, "source": "t:1"},
...     "goals": [{"id": "SD1", "level": "strategic", "label": "G", "source": "t:2"}],
...     "efforts": [{"id": "E1", "label": "E", "contributes_to": ["SD9"], "source": "t:3"}],
... })
>>> [str(i.message) for i in check_contract(c).errors]
["unknown goal 'SD9' (known: SD1); did you mean 'SD1'?"]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..glossary import Message, message
from .similar import Suggester

if TYPE_CHECKING:  # the checks read validated models; split_ref needs none
    from .model import Contract, Effort, Goal

__all__ = ["Checked", "Issue", "Loc", "check_contract", "iter_elements", "split_ref"]

Loc = tuple[int | str, ...]


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem at a field path; ``related`` is another path it refers to."""

    loc: Loc
    message: Message
    related: Loc | None = None


@dataclass(frozen=True, slots=True)
class External:
    """A reference into another programme, checked once all are loaded."""

    loc: Loc
    programme: str
    local: str
    kinds: tuple[str, ...]


@dataclass
class Checked:
    """The outcome of :func:`check_contract`."""

    errors: list[Issue] = field(default_factory=list)
    external: list[External] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)  # local id -> kind


def split_ref(ref: str, programme: str) -> tuple[str, str]:
    """``'zorg:SD2'`` -> ``('zorg', 'SD2')``; a local ``'SD2'`` gets ``programme``.

    >>> split_ref("zorg:SD2", "binnenstad"), split_ref("S1", "binnenstad")
    (('zorg', 'SD2'), ('binnenstad', 'S1'))
    """
    if ":" in ref:
        prog, local = ref.split(":", 1)
        return prog, local
    return programme, ref


def _walk_goals(goals: list[Goal], loc: Loc) -> Iterator[tuple[Goal, Loc]]:
    for i, goal in enumerate(goals):
        here = (*loc, i)
        yield goal, here
        yield from _walk_goals(goal.goals, (*here, "goals"))


def _walk_efforts(efforts: list[Effort], loc: Loc) -> Iterator[tuple[Effort, Loc]]:
    for i, effort in enumerate(efforts):
        here = (*loc, i)
        yield effort, here
        yield from _walk_efforts(effort.efforts, (*here, "efforts"))


def iter_elements(contract: Contract) -> Iterator[tuple[str, object, Loc]]:
    """Every element that becomes a node: ``(kind, element, loc)`` in file order."""
    if contract.vision is not None:
        yield "vision", contract.vision, ("vision",)
    for goal, loc in _walk_goals(contract.goals, ("goals",)):
        yield "goal", goal, loc
    flat: list[tuple[str, str, list]] = [
        ("indicator", "indicators", contract.indicators),
        ("track", "tracks", contract.tracks),
    ]
    for kind, name, items in flat:
        for i, item in enumerate(items):
            yield kind, item, (name, i)
    for effort, loc in _walk_efforts(contract.efforts, ("efforts",)):
        yield "effort", effort, loc
    flat = [
        ("result", "results", contract.results),
        ("project", "projects", contract.projects),
        ("stakeholder", "stakeholders", contract.stakeholders),
    ]
    for kind, name, items in flat:
        for i, item in enumerate(items):
            yield kind, item, (name, i)


def _known(ids: list[str]) -> Message | str:
    if not ids:
        return message("ref.none_defined")
    if len(ids) > 12:
        return message("ref.known_many", shown=ids[:12], n=len(ids))
    return ", ".join(ids)


_ARTICLE = {"indicator": "an", "effort": "an"}


class _Resolver:
    def __init__(self, contract: Contract, result: Checked) -> None:
        self.programme = contract.programme.id
        self.result = result
        self.by_kind: dict[str, list[str]] = {}
        for local, kind in result.kinds.items():
            self.by_kind.setdefault(kind, []).append(local)
        self.known: dict[tuple[str, ...], tuple[list[str], Suggester]] = {}

    def candidates(self, kinds: tuple[str, ...]) -> tuple[list[str], Suggester]:
        """The ids of these kinds, sorted, and their suggester (made once per kind set)."""
        if kinds not in self.known:
            ids = sorted(i for k in kinds for i in self.by_kind.get(k, []))
            self.known[kinds] = (ids, Suggester(ids))
        return self.known[kinds]

    def ref(self, ref: str, loc: Loc, *kinds: str) -> None:
        prog, local = split_ref(ref, self.programme)
        if prog != self.programme:
            self.result.external.append(External(loc, prog, local, kinds))
            return
        kind = self.result.kinds.get(local)
        if kind in kinds:
            return
        if kind is not None:
            said = message("ref.wrong_kind", local=local, kind_term=kind, wanted_terms=kinds,
                           article=_ARTICLE.get(kind, "a"),
                           other="an" if kinds[0][0] in "aeiou" else "a")
        else:
            known, suggester = self.candidates(kinds)
            suggestion = suggester.suggest(local)
            if suggestion is None:
                said = message("ref.unknown", wanted_terms=kinds, local=local, known=_known(known))
            else:  # did you mean, perhaps naming look-alike characters
                said = message("ref.unknown_hint", wanted_terms=kinds, local=local,
                               known=_known(known), hint=suggestion)
        self.result.errors.append(Issue(loc, said))


def _refines_cycles(contract: Contract) -> Iterator[Issue]:
    """A goal that refines itself, or comes back to itself through ``refines`` and nesting.

    The goal would hang from nothing: it loses its link to the vision. Each entry of
    ``refines`` that closes a cycle is reported, with the way round.
    """
    ups: dict[str, list[str]] = {}  # goal -> the goals it sits under or refines, in this contract
    entries: list[tuple[Goal, Loc, int, str]] = []
    for goal, loc in _walk_goals(contract.goals, ("goals",)):
        ups.setdefault(goal.id, [])
        for sub in goal.goals:
            ups.setdefault(sub.id, []).append(goal.id)
        for j, item in enumerate(goal.refines):
            prog, target = split_ref(item if isinstance(item, str) else item.goal,
                                     contract.programme.id)
            if prog == contract.programme.id:
                ups[goal.id].append(target)
                entries.append((goal, loc, j, target))
    for goal, loc, j, target in entries:
        if target == goal.id:
            yield Issue((*loc, "refines", j), message("ref.refines_self", id=goal.id))
            continue
        way = _way_up(ups, target, goal.id)
        if way is not None:
            yield Issue((*loc, "refines", j), message(
                "ref.refines_cycle", id=goal.id, way=" -> ".join([goal.id, *way])))


def _way_up(ups: dict[str, list[str]], start: str, goal: str) -> list[str] | None:
    """The goals from ``start`` up to ``goal`` through ``ups``, or None if it is not reached."""
    came: dict[str, str | None] = {start: None}
    todo = [start]
    while todo:
        here = todo.pop()
        if here == goal:
            way: list[str] = []
            step: str | None = here
            while step is not None:
                way.append(step)
                step = came[step]
            return way[::-1]
        for up in ups.get(here, ()):
            if up not in came:
                came[up] = here
                todo.append(up)
    return None


def check_contract(contract: Contract) -> Checked:
    """Check ids, references and goal levels of one contract."""
    from .model import GOAL_LEVELS

    result = Checked()
    first: dict[str, Loc] = {}
    for kind, element, loc in iter_elements(contract):
        local = element.id  # type: ignore[attr-defined]
        if local in first:
            result.errors.append(Issue((*loc, "id"), message("ref.duplicate", local=local),
                                       first[local]))
            continue
        first[local] = (*loc, "id")
        result.kinds[local] = kind

    r = _Resolver(contract, result)
    levels = {g.id: g.level for g, _ in _walk_goals(contract.goals, ("goals",))}
    for goal, loc in _walk_goals(contract.goals, ("goals",)):
        rank = GOAL_LEVELS.index(goal.level)
        for j, sub in enumerate(goal.goals):
            if GOAL_LEVELS.index(sub.level) < rank:
                result.errors.append(Issue((*loc, "goals", j, "level"), message(
                    "ref.level_under", sub_term=sub.level, goal_term=goal.level, id=goal.id)))
        _links(r, goal.refines, (*loc, "refines"), "goal")
        for j, item in enumerate(goal.refines):
            target = item if isinstance(item, str) else item.goal
            other = levels.get(target)
            if other is not None and GOAL_LEVELS.index(other) > rank:
                result.errors.append(Issue((*loc, "refines", j), message(
                    "ref.level_refines", goal_term=goal.level, other_term=other, id=target)))
    result.errors.extend(_refines_cycles(contract))
    for i, ind in enumerate(contract.indicators):
        _links(r, ind.measures, ("indicators", i, "measures"), "goal", "goal", "vision")
    for i, track in enumerate(contract.tracks):
        _links(r, track.contributes_to, ("tracks", i, "contributes_to"), "goal")
    for effort, loc in _walk_efforts(contract.efforts, ("efforts",)):
        if effort.track is not None:
            r.ref(effort.track, (*loc, "track"), "track")
        _links(r, effort.contributes_to, (*loc, "contributes_to"), "goal")
        for j, ref in enumerate(effort.stakeholders):
            r.ref(ref, (*loc, "stakeholders", j), "stakeholder")
    for i, res in enumerate(contract.results):
        for j, ref in enumerate(res.delivered_by):
            r.ref(ref, ("results", i, "delivered_by", j), "effort")
        _links(r, res.contributes_to, ("results", i, "contributes_to"), "goal")
    for i, proj in enumerate(contract.projects):
        _links(r, proj.implements, ("projects", i, "implements"), "effort")
        for j, ref in enumerate(proj.stakeholders):
            r.ref(ref, ("projects", i, "stakeholders", j), "stakeholder")
    for group in ("budgets", "capacity"):
        for i, table in enumerate(getattr(contract, group)):
            for j, line in enumerate(table.lines):
                if line.ref is not None:
                    r.ref(line.ref, (group, i, "lines", j, "ref"), "effort", "project", "track")
    every = ("vision", "goal", "indicator", "track", "effort", "result", "project", "stakeholder")
    for i, rel in enumerate(contract.relations):
        if rel.programme == contract.programme.id:
            result.errors.append(Issue(("relations", i, "programme"),
                                       message("ref.self_dependency")))
        for j, ref in enumerate(rel.nodes):
            r.ref(ref, ("relations", i, "nodes", j), *every)
    return result


def _links(r: _Resolver, items: list, loc: Loc, field: str, *kinds: str) -> None:
    """References of a link list: short ids, or long forms naming the target in ``field``
    (goal, effort); the target must be one of ``kinds`` (default: ``field``)."""
    kinds = kinds or (field,)
    for j, item in enumerate(items):
        if isinstance(item, str):
            r.ref(item, (*loc, j), *kinds)
        else:
            r.ref(getattr(item, field), (*loc, j, field), *kinds)
