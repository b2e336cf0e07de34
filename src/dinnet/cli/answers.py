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
from typing import Any

import networkx as nx

from ..glossary import PHRASES, kind_word, phrase
from ..queries.budget import budget_checks, budget_per_goal, role_shares
from ..queries.chains import how, why
from ..queries.coverage import coverage_gaps
from ..queries.cuts import impact
from ..queries.deps import one_sided_dependencies, path_between, programme_graph
from ..queries.shared import double_claims, possible_duplicates, shared_efforts, shared_stakeholders

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
                "checks": [dataclasses.asdict(c) | {"matches": c.matches} for c in budget_checks(G)],
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
    """A readable text form of :func:`answer`'s result, in ``lang`` (data as written)."""
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
            items = value.items() if isinstance(value, dict) else enumerate(value or [])
            shown = [f"  {k}: {v}" if isinstance(value, dict) else f"  {v}" for k, v in items]
            out += shown or [f"  {phrase('query.none', lang)}"]
    return "\n".join(out)
