"""Query results as plain data (for JSON) and as text, for the ``dinnet query`` command.

>>> import dinnet
>>> G = dinnet.load("tests/assets/minimal.yaml")
>>> print(format_answer(G, answer(G, "why", "mini:E1"), "en"))
why mini:E1 (effort: Minder auto's)
  mini:SD1.a  operational goal  Minder fijnstof
  mini:SD1  strategic goal  Schonere lucht
  mini:visie  vision  Een betere stad
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import networkx as nx

from ..glossary import PHRASES, kind_word, phrase
from ..queries.budget import budget_checks, budget_per_goal, role_shares
from ..queries.chains import how, why
from ..queries.coverage import coverage_gaps
from ..queries.cuts import impact
from ..queries.deps import one_sided_dependencies, path_between, programme_graph
from ..queries.shared import double_claims, possible_duplicates, shared_efforts, shared_stakeholders
from ..render.labels import format_number

__all__ = ["QUESTIONS", "answer", "format_answer"]

#: The questions ``dinnet query`` answers, and whether they need a node id.
QUESTIONS = {"gaps": False, "shared": False, "deps": False, "budget": False,
             "why": True, "how": True, "impact": True}


def answer(G: nx.MultiDiGraph, question: str, node: str | None = None,
           target: str | None = None) -> dict[str, Any]:
    """The answer to one question as JSON-ready data."""
    if question == "gaps":
        return {"question": "gaps", **dataclasses.asdict(coverage_gaps(G))}
    if question == "shared":
        return {"question": "shared",
                "efforts_serving_several_goals": shared_efforts(G),
                "double_claims": double_claims(G),
                "stakeholders_in_several_programmes": shared_stakeholders(G),
                "possible_duplicates": [dataclasses.asdict(p) for p in possible_duplicates(G)]}
    if question == "deps":
        P = programme_graph(G)
        data: dict[str, Any] = {
            "question": "deps",
            "dependencies": [{"from": u, "to": v, "topics": d["topics"], "sources": d["sources"]}
                             for u, v, d in sorted(P.edges(data=True))],
            "one_sided": [list(pair) for pair in one_sided_dependencies(G)],
        }
        if node is not None and target is not None:
            data["path"] = path_between(G, node, target)
        return data
    if question == "budget":
        return {"question": "budget",
                "checks": [dataclasses.asdict(c) | {"matches": c.matches, "state": c.state}
                           for c in budget_checks(G)],
                "per_goal": budget_per_goal(G), "roles": role_shares(G)}
    if node is None:
        raise ValueError(f"query {question!r} needs a node id")
    if question == "why":
        return {"question": "why", "node": node, "chain": why(G, node)}
    if question == "how":
        return {"question": "how", "node": node, "means": how(G, node)}
    if question == "impact":
        return {"question": "impact", **dataclasses.asdict(impact(G, node))}
    raise ValueError(f"unknown question {question!r}; choose from {', '.join(QUESTIONS)}")


def _line(G: nx.MultiDiGraph, n: str, lang: str) -> str:
    data = G.nodes[n]
    kind = kind_word(data["kind"], data.get("level"), lang)
    return f"  {n}  {kind}  {' '.join(str(data['label']).split())}"


def format_answer(G: nx.MultiDiGraph, data: dict[str, Any], lang: str = "nl") -> str:
    """A readable text form of :func:`answer`'s result, in ``lang`` (data as written).

    One line per item, no Python syntax: budget tables per year, dependencies
    with their topics and sources, duplicates with both labels.
    """
    q = data["question"]
    out: list[str] = []
    if q in ("why", "how"):
        n = data["node"]
        kind = kind_word(G.nodes[n]["kind"], G.nodes[n].get("level"), lang)
        out.append(f"{phrase(f'query.{q}', lang)} {n} "
                   f"({kind}: {' '.join(str(G.nodes[n]['label']).split())})")
        out += ([_line(G, m, lang) for m in data["chain" if q == "why" else "means"]]
                or [f"  {phrase('query.nothing', lang)}"])
    elif q == "impact":
        none = [f"  {phrase('query.none', lang)}"]
        out.append(phrase("query.dropping", lang, node=data["node"]))
        out.append(phrase("query.loses_all", lang))
        out += [_line(G, m, lang) for m in data["loses_all"]] or none
        out.append(phrase("query.loses_some", lang))
        out += [_line(G, m, lang) for m in data["loses_some"]] or none
    else:
        for key, value in data.items():
            if key == "question":
                continue
            heading = f"query.{key}"
            out.append(f"{phrase(heading, lang) if heading in PHRASES else key}:")
            out += (_SECTIONS.get(key, _items)(G, value, lang)
                    or [f"  {phrase('query.none', lang)}"])
    return "\n".join(out)


def _label(G: nx.MultiDiGraph, n: str) -> str:
    return " ".join(str(G.nodes[n].get("label", "")).split()) if n in G else ""


def _items(G: nx.MultiDiGraph, value: Any, lang: str) -> list[str]:
    """Node ids as ``id  kind  label`` lines; mappings of node -> nodes as ``id: a, b``."""
    if isinstance(value, dict):
        return [f"  {k}: {', '.join(map(str, v)) if isinstance(v, list | tuple) else v}"
                for k, v in value.items()]
    return [_line(G, v, lang) if isinstance(v, str) and v in G else f"  {v}" for v in value or []]


def _duplicates(G: nx.MultiDiGraph, pairs: list[dict[str, Any]], lang: str) -> list[str]:
    return [f"  {p['a']} ~ {p['b']}  ({format_number(p['score'], lang)}%): {_label(G, p['a'])} | "
            f"{_label(G, p['b'])}" for p in pairs]


def _dependencies(G: nx.MultiDiGraph, deps: list[dict[str, Any]], lang: str) -> list[str]:
    return [f"  {d['from']} -> {d['to']}: {'; '.join(d['topics']) or phrase('query.no_topics', lang)}"
            f"  [{'; '.join(d['sources'])}]" for d in deps]


def _pairs(G: nx.MultiDiGraph, pairs: list[list[str]], lang: str) -> list[str]:
    return [f"  {' -> '.join(pair)}" for pair in pairs]


def _path(G: nx.MultiDiGraph, path: list[str] | None, lang: str) -> list[str]:
    return [f"  {' -> '.join(path)}"] if path else [f"  {phrase('query.no_path', lang)}"]


def _checks(G: nx.MultiDiGraph, checks: list[dict[str, Any]], lang: str) -> list[str]:
    """Per table: its title and unit, then a line per year: the sum of its lines against the total."""
    out: list[str] = []
    table = None
    for c in checks:
        if (c["programme"], c["table"]) != table:
            table = (c["programme"], c["table"])
            out.append(f"  {c['programme']} {c['table']}: {c['title']}{_unit(c['unit'])}"
                       f"  [{c['source']}]")
        stated = (phrase("query.not_printed", lang) if c["stated"] is None
                  else phrase("query.printed", lang, total=format_number(c["stated"], lang)))
        verdict = {"no_total": "", "ok": f"  {phrase('query.matches', lang)}",
                   "mismatch": f"  {phrase('query.differs', lang)}",
                   "approximate": f"  {phrase('query.approximate', lang, word=c['approximate'])}",
                   }[c["state"]]
        lines = phrase("query.lines_sum", lang, total=format_number(c["recomputed"], lang))
        out.append(f"    {c['year']}: {lines}, {stated}{verdict}")
    return out


def _per_goal(G: nx.MultiDiGraph, per_goal: dict[str, dict[Any, float]], lang: str) -> list[str]:
    return [f"  {goal}  {_label(G, goal)}: "
            + ", ".join(f"{year}: {format_number(amount, lang)}" for year, amount in years.items())
            for goal, years in per_goal.items()]


def _roles(G: nx.MultiDiGraph, roles: dict[str, dict[str, int]], lang: str) -> list[str]:
    return [f"  {programme}: " + ", ".join(f"{role} {n}" for role, n in counts.items())
            for programme, counts in roles.items()]


#: How each section of an answer reads as text (the rest: :func:`_items`).
_SECTIONS: dict[str, Callable[[nx.MultiDiGraph, Any, str], list[str]]] = {
    "possible_duplicates": _duplicates, "dependencies": _dependencies, "one_sided": _pairs,
    "path": _path, "checks": _checks, "per_goal": _per_goal, "roles": _roles,
}


def _unit(unit: str | None) -> str:
    return f" ({unit})" if unit else ""
