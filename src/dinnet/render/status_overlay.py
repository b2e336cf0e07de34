"""Progress on a DIN (``render --status``): goals and indicators by status, efforts by state.

:func:`status_overlay` reads the statuses of :mod:`dinnet.queries.monitoring`
on a date and lays them on the DIN through the same two channels as the
audit's findings and the diff picture (:class:`~dinnet.render.dot.Paint`):

* a **goal** gets a border in its status's colour and a line with the
  status's symbol and word (``▼ achter``); each of its **indicators** gets a
  line under its values with the symbol, the word and why;
* an **effort or project** with a report gets a border in its state's colour
  and a line (``✘ niet gerealiseerd``); one without a report is left as it is;
* the legend lists every status and state drawn, with its count.

The colours are those of Okabe and Ito, which readers with any common
colour-vision deficiency can tell apart; each comes with a symbol, so the
picture also reads in black and white. Text colours are darker shades of the
same hues, with a contrast of 4.5:1 or more on every node fill.

>>> import datetime as dt
>>> from dinnet.render._example import example_graph
>>> from dinnet.contract.measurements import Measurement
>>> G = example_graph()
>>> G.nodes["mini:SD1.a.i1"]["measurements"] = (Measurement.model_validate(
...     {"indicator": "mini:SD1.a.i1", "year": 2020, "value": 29, "source": "x"}),)
>>> o = status_overlay(G, "mini", dt.date(2021, 1, 1), lang="en")
>>> o.highlight["mini:SD1.a"], o.highlight["mini:SD2"]
(('▼ behind',), ('? unknown',))
>>> o.paint.nodes["mini:SD1.a"] == STATUS_STYLE["behind"].border
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import networkx as nx

from ..glossary import format_date, phrase
from ..queries.monitoring import GoalStatus, latest_realisation, progress
from ..queries.status import STATUSES, IndicatorStatus
from .dot import Paint

__all__ = ["STATE_STYLE", "STATUS_STYLE", "Mark", "StatusOverlay", "state_word", "status_overlay",
           "status_word"]


@dataclass(frozen=True)
class Mark:
    """How one status or state is drawn: a symbol, a border colour and a text colour."""

    symbol: str
    border: str
    text: str

    def label(self, word: str) -> str:
        """The symbol and the word: ``▼ achter``."""
        return f"{self.symbol} {word}"


#: Per indicator and goal status (Okabe-Ito hues; text 4.5:1 on every DIN fill).
STATUS_STYLE: dict[str, Mark] = {
    "behind": Mark("▼", "#d55e00", "#9a3c00"),
    "on_track": Mark("●", "#009e73", "#006b4f"),
    "ahead": Mark("▲", "#0072b2", "#005a8c"),
    "reached": Mark("★", "#cc79a7", "#8a3a73"),
    "unknown": Mark("?", "#8c8c8c", "#5c5c5c"),
}
#: Per state of an effort or project.
STATE_STYLE: dict[str, Mark] = {
    "realised": Mark("✔", "#009e73", "#006b4f"),
    "partly": Mark("½", "#e69f00", "#7a5200"),
    "not_realised": Mark("✘", "#d55e00", "#9a3c00"),
}


def status_word(status: str, lang: str) -> str:
    """The status's symbol and word.

    >>> status_word("behind", "nl"), status_word("on_track", "en")
    ('▼ achter', '● on track')
    """
    return STATUS_STYLE[status].label(phrase(f"status.{status}", lang))


def state_word(state: str, lang: str) -> str:
    """The state's symbol and word.

    >>> state_word("not_realised", "nl")
    '✘ niet gerealiseerd'
    """
    return STATE_STYLE[state].label(phrase(f"status.state_{state}", lang))


@dataclass(frozen=True)
class StatusOverlay:
    """What :func:`dinnet.render.dot.din_dot` takes: ``highlight``, ``severity`` and ``paint``.

    ``statuses`` keeps the status of every goal and indicator of the
    programme and ``states`` the state of every effort and project with a
    report, by node id.
    """

    as_of: dt.date
    highlight: dict[str, tuple[str, ...]]
    paint: Paint
    statuses: dict[str, str] = field(default_factory=dict)
    states: dict[str, str] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)


def status_overlay(G: nx.MultiDiGraph, programme: str, as_of: dt.date, *,
                   lang: str = "nl") -> StatusOverlay:
    """The status of ``programme``'s goals, indicators, efforts and projects on ``as_of``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A DIN graph, with measurements and realisations where there are any
        (:func:`dinnet.load` attaches them).
    programme : str
        A programme id.
    as_of : datetime.date
        The date: later measurements and reports do not count.
    lang : {"nl", "en"}
        The language of the words in the nodes and the legend.

    Returns
    -------
    StatusOverlay
        Pass ``highlight``, ``severity`` and ``paint`` to
        :func:`~dinnet.render.dot.din_dot` (or use ``din(..., status=as_of)``).

    Examples
    --------
    >>> import datetime as dt
    >>> from dinnet.render._example import example_graph
    >>> o = status_overlay(example_graph(), "mini", dt.date(2021, 1, 1), lang="en")
    >>> o.statuses["mini:SD1.a.i1"], o.states, o.paint.legend
    ('unknown', {}, 'Progress on 2021-01-01')
    """
    statuses = progress(G, as_of, programme)
    highlight: dict[str, tuple[str, ...]] = {}
    nodes: dict[str, str] = {}
    notes: dict[str, tuple[str, str]] = {}
    rules: dict[str, str] = {}
    text: dict[str, str] = {}
    for name in STATUSES:
        word = status_word(name, lang)
        rules[word], text[word] = STATUS_STYLE[name].border, STATUS_STYLE[name].text
    for name in STATE_STYLE:
        word = state_word(name, lang)
        rules[word], text[word] = STATE_STYLE[name].border, STATE_STYLE[name].text
    for node, st in statuses.items():
        mark = STATUS_STYLE[st.status]
        if isinstance(st, GoalStatus):
            highlight[node] = (status_word(st.status, lang),)
            nodes[node] = mark.border
        elif isinstance(st, IndicatorStatus):
            notes[node] = (f"{status_word(st.status, lang)}: {st.reason.text(lang)}", mark.text)
    states: dict[str, str] = {}
    for node, data in G.nodes(data=True):
        if data.get("programme") != programme or data.get("kind") not in ("effort", "project"):
            continue
        report = latest_realisation(G, node, as_of)
        if report is not None:
            states[node] = report.state
            highlight[node] = (state_word(report.state, lang),)
            nodes[node] = STATE_STYLE[report.state].border
    day = format_date(as_of, lang)
    paint = Paint(nodes=nodes, rules=rules, text=text, mark="", notes=notes,
                  legend=phrase("din.status_legend", lang, date=day))
    return StatusOverlay(as_of, dict(sorted(highlight.items())), paint,
                         {n: s.status for n, s in statuses.items()}, dict(sorted(states.items())))
