"""The report's *Voortgang* (progress) section of a programme: what it shows, on one date.

Only a programme with something measured gets the section
(:func:`has_measurements`): a realised or expected value of one of its
indicators (from a measurements file or the contract itself), or a report on
one of its efforts or projects. It shows, on ``as_of``:

* the goals **behind schedule**, each with the indicators beneath it that are
  behind and why, and the efforts and projects that serve it
  (:func:`dinnet.queries.remedies`) with what was last reported on them; the
  efforts of a sub-goal that is behind are listed under that sub-goal, and
  the goal above says it is behind *through* it;
* every indicator's **status** with the value it rests on and why;
* the **realisation** of every effort and project reported on.

Texts are in the report's language; statuses carry the symbol and colour of
the DIN overlay (:mod:`dinnet.render.status_overlay`), so colour is never the
only cue.

>>> import datetime as dt, dinnet
>>> G = dinnet.load("examples/groene-stad.yaml", "examples/groene-stad.measurements.yaml")
>>> s = progress_section(G, "groene-stad", dt.date(2025, 12, 31), lang="en")
>>> [(g.id, g.through, [m.id for m in g.means]) for g in s.behind]
... # doctest: +NORMALIZE_WHITESPACE
[('groene-stad:SD1', ('groene-stad:SD1.a', 'groene-stad:SD1.b'), []),
 ('groene-stad:SD1.a', (), ['groene-stad:E1', 'groene-stad:E1.1', 'groene-stad:P1']),
 ('groene-stad:SD1.b', (), ['groene-stad:E2'])]
>>> s.behind[2].means[0].word, s.behind[2].means[0].explanation[:22]
('✘ not realised', 'Het bomenplan is uitge')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..glossary import format_date, phrase
from ..graph import nodes_of
from ..queries.monitoring import GoalStatus, latest_realisation, measurements_of, progress, remedies
from ..queries.status import STATUSES, IndicatorStatus
from ..render.labels import format_number, natural_key, plain
from ..render.status_overlay import state_word, status_word

__all__ = [
    "GoalBehind",
    "IndicatorRow",
    "MeansRow",
    "ProgressSection",
    "has_measurements",
    "progress_section",
]


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator's status: ``status`` a key of :data:`~dinnet.queries.status.STATUSES`,
    ``word`` its symbol and word, ``value`` the value it rests on as printed (or empty)."""

    id: str
    label: str
    goals: tuple[str, ...]
    status: str
    word: str
    value: str
    date: str
    reason: str
    source: str


@dataclass(frozen=True)
class MeansRow:
    """An effort or project and the latest report on it (``state`` ``None``: nothing reported)."""

    id: str
    kind: str
    label: str
    state: str | None
    word: str
    date: str
    explanation: str
    source: str


@dataclass(frozen=True)
class GoalBehind:
    """A goal behind schedule: its indicators behind, the sub-goals it is behind through,
    and the efforts and projects that serve it and not only those sub-goals."""

    id: str
    label: str
    level: str
    word: str
    indicators: tuple[IndicatorRow, ...]
    through: tuple[str, ...]
    means: tuple[MeansRow, ...]


@dataclass(frozen=True)
class ProgressSection:
    """The *Voortgang* of one programme on ``as_of`` (see the module)."""

    as_of: dt.date
    date: str
    goal_counts: tuple[tuple[str, str, int], ...]  # (status, word, goals)
    behind: tuple[GoalBehind, ...]
    indicators: tuple[IndicatorRow, ...]
    reported: tuple[MeansRow, ...]


def has_measurements(G: nx.MultiDiGraph, programme: str,
                     members: Iterable[str] | None = None) -> bool:
    """Whether anything of ``programme`` was measured or reported on.

    ``members`` (the programme's node ids) saves a pass over the graph when given.

    >>> import dinnet
    >>> has_measurements(dinnet.load("examples/groene-stad.yaml"), "groene-stad")
    False
    >>> has_measurements(dinnet.load("examples/zonnedal"), "duurzaam-zonnedal")
    True
    """
    nodes = G.nodes(data=True) if members is None else ((n, G.nodes[n]) for n in members)
    for node, data in nodes:
        if data.get("programme") != programme:
            continue
        if data.get("kind") == "indicator" and measurements_of(G, node):
            return True
        if data.get("realisations"):
            return True
    return False


def _label(G: nx.MultiDiGraph, node: str) -> str:
    return plain(G.nodes[node].get("label", ""))


def _indicator(G: nx.MultiDiGraph, st: IndicatorStatus, lang: str) -> IndicatorRow:
    data, m = G.nodes[st.indicator], st.measurement
    value = date = source = ""
    if m is not None:
        unit = data.get("unit") or ""
        value = " ".join(x for x in (m.approximate or "", format_number(m.value, lang), unit) if x)
        date, source = format_date(m.date, lang), str(getattr(m, "source", None) or "")
        if m.kind == "expected":
            value += f" ({phrase('chart.expected', lang)})"
    goals = tuple(sorted((v for v, keys in G.succ[st.indicator].items() if "measures" in keys),
                         key=natural_key))
    return IndicatorRow(st.indicator, _label(G, st.indicator), goals, st.status,
                        status_word(st.status, lang), value, date, st.reason.text(lang), source)


def _means(G: nx.MultiDiGraph, node: str, report: Any, lang: str) -> MeansRow:
    kind = G.nodes[node]["kind"]
    if report is None:
        return MeansRow(node, kind, _label(G, node), None, phrase("status.no_report", lang),
                        "", "", "")
    return MeansRow(node, kind, _label(G, node), report.state, state_word(report.state, lang),
                    format_date(report.date, lang), str(getattr(report, "explanation", None) or ""),
                    str(getattr(report, "source", None) or ""))


def _behind(G: nx.MultiDiGraph, goals: Iterable[GoalStatus], rows: dict[str, IndicatorRow],
            as_of: dt.date, lang: str) -> list[GoalBehind]:
    goals = list(goals)
    ids = {g.goal for g in goals}
    out = []
    for g in goals:
        others = ids - {g.goal}
        means = [_means(G, r.node, r.realisation, lang) for r in remedies(G, g.goal, as_of)
                 if not set(r.serves) <= others]  # listed under a sub-goal behind instead
        through = tuple(s for s in g.sub_goals if s in others)
        out.append(GoalBehind(g.goal, _label(G, g.goal), str(G.nodes[g.goal].get("level") or ""),
                              status_word("behind", lang),
                              tuple(rows[i] for i in g.behind if i in rows), through,
                              tuple(means)))
    return out


def progress_section(G: nx.MultiDiGraph, programme: str, as_of: dt.date, *,
                     lang: str = "nl", members: Iterable[str] | None = None
                     ) -> ProgressSection | None:
    """The *Voortgang* of ``programme`` on ``as_of``, or ``None`` when nothing was measured.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph with its measurements (:func:`dinnet.load` attaches them).
    programme : str
        A programme id.
    as_of : datetime.date
        The date: later measurements and reports do not count.
    lang : {"nl", "en"}
        The language of the words and reasons.
    members : iterable of str, optional
        The programme's node ids (saves passes over the graph when given).

    Returns
    -------
    ProgressSection or None

    Examples
    --------
    >>> import datetime as dt, dinnet
    >>> G = dinnet.load("examples/zonnedal")
    >>> s = progress_section(G, "duurzaam-zonnedal", dt.date(2025, 12, 31))
    >>> [(i.id, i.word, i.value) for i in s.indicators][:2]  # doctest: +NORMALIZE_WHITESPACE
    [('duurzaam-zonnedal:BBV1', '▼ achter', '21 %'),
     ('duurzaam-zonnedal:BBV2', '★ bereikt', 'ca. 4.050 aantal')]
    >>> [(r.id, r.word) for r in s.reported][1]
    ('duurzaam-zonnedal:A2', '✘ niet gerealiseerd')
    >>> progress_section(dinnet.load(), "zorg", dt.date(2025, 12, 31)) is None
    True
    """
    members = None if members is None else list(members)
    if not has_measurements(G, programme, members):
        return None
    found = progress(G, as_of, programme)
    rows = {n: _indicator(G, s, lang) for n, s in found.items() if isinstance(s, IndicatorStatus)}
    goals = [s for s in found.values() if isinstance(s, GoalStatus)]
    counts = tuple((s, status_word(s, lang), n) for s in STATUSES
                   if (n := sum(g.status == s for g in goals)))
    behind = _behind(G, sorted((g for g in goals if g.status == "behind"),
                               key=lambda g: natural_key(g.goal)), rows, as_of, lang)
    reported = []
    for kind in ("effort", "project"):
        of_kind = (nodes_of(G, kind) if members is None
                   else (n for n in members if G.nodes[n].get("kind") == kind))
        for node in sorted(of_kind, key=natural_key):
            report = latest_realisation(G, node, as_of)
            if G.nodes[node].get("programme") == programme and report is not None:
                reported.append(_means(G, node, report, lang))
    return ProgressSection(as_of, format_date(as_of, lang), counts, tuple(behind),
                           tuple(sorted(rows.values(), key=lambda r: natural_key(r.id))),
                           tuple(reported))

