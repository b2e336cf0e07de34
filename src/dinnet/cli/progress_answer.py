"""``dinnet progress``: the status of every goal and indicator on a date, as text, Markdown or JSON.

The statuses come from :func:`dinnet.queries.progress`; for each goal behind
schedule the efforts and projects that serve it (:func:`dinnet.queries.remedies`)
follow with what was last reported on them.

>>> import dinnet
>>> from datetime import date
>>> from dinnet.queries import Reading
>>> G = dinnet.load("tests/assets/minimal.yaml")
>>> G.nodes["mini:SD1.a.i1"]["measurements"] = (Reading(date(2022, 12, 31), 26.0),)
>>> print(format_progress(progress_answer(G, date(2023, 1, 1), "en"), "text", "en"))
progress on 2023-01-01
Mini (mini)
  behind  strategic goal SD1  Schonere lucht: the worst of the indicators with a status (1 of 1)
    behind  operational goal SD1.a  Minder fijnstof: the worst of the indicators with a status (1 of 1)
      behind  indicator SD1.a.i1  Fijnstof (ug/m3): 26 measured on 2022-12-31 misses the target of 2022 (25)
  unknown  strategic goal SD2  Meer groen: no indicator measures this goal or a sub-goal
what is done for the goals behind
  SD1.a  Minder fijnstof
    effort E1  Minder auto's: nothing reported
    project P1  Fietspad: nothing reported
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, cast

import networkx as nx

from ..glossary import format_date, kind_word, phrase
from ..graph import nodes_of
from ..queries.monitoring import GoalStatus, progress, remedies
from ..queries.status import IndicatorStatus
from ..render.labels import format_number

__all__ = ["PROGRESS_FORMATS", "format_progress", "progress_answer"]

#: The formats of ``dinnet progress --format``.
PROGRESS_FORMATS = ("text", "markdown", "json")


def _label(G: nx.MultiDiGraph, node: str) -> str:
    return " ".join(str(G.nodes[node].get("label") or "").split())


def _local(node: str) -> str:
    return node.split(":", 1)[1] if ":" in node else node


def _number(value: float | None, lang: str) -> str | None:
    return None if value is None else format_number(value, lang)


def _indicator(G: nx.MultiDiGraph, st: IndicatorStatus, lang: str) -> dict[str, Any]:
    m = st.measurement
    return {
        "id": st.indicator, "label": _label(G, st.indicator), "kind": "indicator",
        "unit": G.nodes[st.indicator].get("unit"), "status": st.status,
        "status_text": phrase(f"status.{st.status}", lang), "reason": st.reason.text(lang),
        "notes": [n.text(lang) for n in st.notes], "direction": st.direction,
        "measurement": None if m is None else {
            "date": m.date.isoformat(), "value": m.value, "kind": m.kind,
            "approximate": m.approximate, "source": getattr(m, "source", None)},
        "planned": st.planned, "compared_with": st.compared_with,
        "target": None if st.target is None else {"year": st.target.year,
                                                  "value": st.target.value},
    }


def _remedies(G: nx.MultiDiGraph, goal: str, as_of: dt.date) -> list[dict[str, Any]]:
    out = []
    for r in remedies(G, goal, as_of):
        report = r.realisation
        out.append({"id": r.node, "kind": r.kind, "label": _label(G, r.node),
                    "serves": list(r.serves), "track": r.track,
                    "realisation": None if report is None else {
                        "date": report.date.isoformat(), "state": report.state,
                        "explanation": getattr(report, "explanation", None),
                        "source": getattr(report, "source", None)}})
    return out


def _goal_order(G: nx.MultiDiGraph, programme: str) -> list[tuple[str, int]]:
    """The programme's goals top down as in the contract, each with its depth."""
    order = {n: i for i, n in enumerate(G)}
    goals = [n for n in nodes_of(G, "goal") if G.nodes[n]["programme"] == programme]
    mine = set(goals)

    def subs(goal: str) -> list[str]:
        return sorted((u for u, keys in G.pred[goal].items() if "refines" in keys and u in mine
                       and u != goal), key=order.__getitem__)

    tops = [g for g in goals if not any("refines" in keys and v in mine
                                        for v, keys in G.succ[g].items())]
    out: list[tuple[str, int]] = []
    seen: set[str] = set()
    todo = [(g, 0) for g in reversed(sorted(tops or goals, key=order.__getitem__))]
    while todo:
        goal, depth = todo.pop()
        if goal in seen:
            continue
        seen.add(goal)
        out.append((goal, depth))
        todo += [(s, depth + 1) for s in reversed(subs(goal))]
    return out + [(g, 0) for g in sorted(mine - seen, key=order.__getitem__)]


def progress_answer(G: nx.MultiDiGraph, as_of: dt.date, lang: str = "nl") -> dict[str, Any]:
    """The status of every goal and indicator on ``as_of`` as JSON-ready data, per programme.

    Goals stand top down as in the contract, each with the indicators that
    measure it; indicators of the programme as a whole follow under
    ``indicators``. ``behind`` lists the goals behind schedule with the
    efforts and projects that serve them (:func:`dinnet.queries.remedies`),
    each under the deepest goal behind it serves: a goal behind only through
    its sub-goals is not repeated. Texts (``status_text``, ``reason``,
    ``notes``) are in ``lang``.
    """
    found = progress(G, as_of)
    programmes = []
    behind = []
    for pid in sorted(nodes_of(G, "programme")):
        goals = []
        for goal, depth in _goal_order(G, pid):
            st = cast(GoalStatus, found[goal])
            entry = {"id": goal, "label": _label(G, goal), "kind": "goal",
                     "level": G.nodes[goal].get("level"), "depth": depth, "status": st.status,
                     "status_text": phrase(f"status.{st.status}", lang),
                     "reason": st.reason.text(lang), "counts": st.counts,
                     "behind": list(st.behind),
                     "indicators": [_indicator(G, i, lang) for i in st.indicators]}
            goals.append(entry)
            if st.status == "behind":
                behind.append({"id": goal, "label": _label(G, goal),
                               "remedies": _remedies(G, goal, as_of)})

        whole = [u for u, keys in G.pred[pid].items()
                 if "measures" in keys and G.nodes[u]["kind"] == "indicator"]
        indicators = [_indicator(G, cast(IndicatorStatus, found[n]), lang) for n in sorted(whole)]
        programmes.append({"programme": pid, "name": _label(G, pid), "goals": goals,
                           "indicators": indicators})
    return {"as_of": as_of.isoformat(), "programmes": programmes, "behind": _deepest(behind)}


def _deepest(behind: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each goal behind with the means not already listed under a sub-goal that is behind;
    a goal whose means all stand there is left out (it is behind because of them)."""
    ids = {g["id"] for g in behind}
    out = []
    for goal in behind:
        own = [r for r in goal["remedies"] if not set(r["serves"]) <= ids - {goal["id"]}]
        if own or not goal["remedies"]:
            out.append({**goal, "remedies": own})
    return out


def _state(report: dict[str, Any] | None, lang: str) -> str:
    if report is None:
        return phrase("status.no_report", lang)
    state = report["state"]
    state = phrase(f"status.state_{state}", lang)
    text = f"{state} ({_day(report['date'], lang)})"
    return f"{text} {report['explanation']}" if report.get("explanation") else text


def _day(iso: str, lang: str) -> str:
    """A date of the data (``2025-12-31``) as written in ``lang``."""
    return format_date(dt.date.fromisoformat(iso), lang)


def _what(item: dict[str, Any], lang: str) -> str:
    return f"{kind_word(item['kind'], item.get('level'), lang)} {_local(item['id'])}"


def format_progress(data: dict[str, Any], fmt: str = "text", lang: str = "nl") -> str:
    """:func:`progress_answer`'s data as ``text``, ``markdown`` or ``json``."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=1)
    md = fmt == "markdown"
    out = [("# " if md else "") + phrase("status.heading", lang, date=_day(data["as_of"], lang))]
    for prog in data["programmes"]:
        out += (["", f"## {prog['name']} ({prog['programme']})", "",
                 f"| {phrase('status.column_status', lang)} | {phrase('status.column_what', lang)} "
                 f"| {phrase('status.column_label', lang)} | {phrase('status.column_why', lang)} |",
                 "| --- | --- | --- | --- |"] if md else [f"{prog['name']} ({prog['programme']})"])
        rows = []
        for goal in prog["goals"]:
            rows.append((goal["depth"], goal))
            rows += [(goal["depth"] + 1, i) for i in goal["indicators"]]
        rows += [(0, i) for i in prog["indicators"]]
        for depth, item in rows:
            why = "; ".join([item["reason"], *item.get("notes", [])])
            if md:
                out.append(f"| {item['status_text']} | {'&nbsp;' * 2 * depth}{_what(item, lang)} "
                           f"| {_cell(item['label'])} | {_cell(why)} |")
            else:
                out.append(f"{'  ' * (depth + 1)}{item['status_text']}  {_what(item, lang)}  "
                           f"{item['label']}: {why}")
    if data["behind"]:
        out += (["", "## " + phrase("status.remedies", lang), ""] if md
                else [phrase("status.remedies", lang)])
        for goal in data["behind"]:
            out.append(f"- **{_local(goal['id'])}** {goal['label']}" if md
                       else f"  {_local(goal['id'])}  {goal['label']}")
            for r in goal["remedies"]:
                line = f"{_what(r, lang)}  {r['label']}: {_state(r['realisation'], lang)}"
                out.append(f"  - {_cell(line)}" if md else f"    {line}")
            if not goal["remedies"]:
                out.append(("  - " if md else "    ") + phrase("status.no_remedy", lang))
    return "\n".join(out)


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")
