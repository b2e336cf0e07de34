"""The DIN of one programme as a Graphviz graph (pure: reads only the graph).

The DIN reads from the top down: vision, main goals (when there are any),
strategic goals, operational goals, efforts (with sub-efforts and results),
projects. Each kind is a row with a heading on its left (the code calls them
*columns*, the DIN method's word). The efforts form a band of tracks side by
side, each in columns of its own (:mod:`dinnet.render.band`), and the
projects rows as wide as the picture, so a DIN comes out about the shape of a
landscape sheet. Links are drawn from the end back to the means
(``dir=back``) so the rows come out in reading order. Everything is sorted,
so the same data gives the same DOT bytes.

>>> from dinnet.render._example import example_graph
>>> dg = din_dot(example_graph(), "mini")
>>> 'id="din-mini--SD1"' in dg.source and 'id="din-col-strategic"' in dg.source
True
>>> print(svg_id("zorg:SD3"), svg_id("binnenstad:S2", stub=True))
din-zorg--SD3 stub-binnenstad--S2
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import graphviz
import networkx as nx

from .. import glossary
from ..glossary import phrase
from .band import LANDSCAPE, Shape, band_rows, pack, project_row, sub_rows, zigzag
from .dotwrite import DotWriter, digraph_head
from .labels import (
    COLUMNS,
    clear_caches,
    column_heading,
    comment_text,
    dot_text,
    html_lines,
    html_text,
    indicator_summary,
    natural_key,
    plain,
    term,
    wrap,
)
from .order import contract_key, order_columns
from .select import DinPart, DinSelection, check_din, column_of, select_din
from .style import FINDING_TEXT, HIGHLIGHT, WRAP, edge_style, graph_attrs, node_style

__all__ = ["Paint", "din_dot", "html_label", "iter_din_dot", "svg_id"]

_SEVERITY_RANK = {"error": 0, "warning": 1}

_CLASS = {kind: {"class": f"din-{kind}"} for kind in ("stub", "placeholder", "header")}
#: The size of the text of stubs and the key on a page for print: body text (9 pt or more,
#: :data:`dinnet.render.pages.BODY_FROM_PT`) that asks no smaller scale than the ids do.
_KEY_PT = "9.5"
#: The kinds of element the key of a page shows by colour, and the colour of their border.
_KEY_KINDS = ("goal", "effort", "result", "project")
_KEY_COLOURS = {k: node_style(k, level="strategic")["color"] for k in _KEY_KINDS}
_SLOT = {"shape": "point", "style": "invis", "width": "0", "height": "0"}
#: Invisible links from each slot over the band to its column: enough that dot's crossing
#: count keeps the columns in the slots' order.
_SLOT_PULL = 4
#: Above this many nodes dot's placement gets a bounded search (``nslimit``).
_LARGE = 150

@dataclass(frozen=True)
class Paint:
    """Colours laid on a DIN by its caller (the diff picture, the status overlay).

    ``nodes`` and ``links`` (``(means, end, kind)``) map to a colour drawn
    with a heavier line; ``rules`` colours a legend entry instead of its
    severity's colour, and the legend lists them in this order first;
    ``legend`` replaces the legend's title. ``text`` colours a rule's text
    in the nodes, ``mark`` is written before it, and ``notes`` adds a
    coloured line (text, colour) under an indicator in its goal's box.
    """

    nodes: Mapping[str, str] = field(default_factory=dict)
    links: Mapping[tuple[str, str, str], str] = field(default_factory=dict)
    rules: Mapping[str, str] = field(default_factory=dict)
    legend: str | None = None
    text: Mapping[str, str] = field(default_factory=dict)
    mark: str = "! "
    notes: Mapping[str, tuple[str, str]] = field(default_factory=dict)


def svg_id(node: str, *, stub: bool = False) -> str:
    """The stable element id of a graph node in DOT and SVG (``zorg:SD3`` -> ``din-zorg--SD3``).

    A programme id holds no ``--`` and does not end in ``-``, so the first
    ``--`` ends it and two nodes never share an id (``a:b-c`` and ``a-b:c``
    give ``din-a--b-c`` and ``din-a-b--c``). Stubs start with ``stub-``.
    """
    return ("stub-" if stub else "din-") + node.replace(":", "--", 1)


def html_label(rows: Sequence[str], *, rules: Sequence[int] = ()) -> str:
    """An HTML-like label: one left-aligned table row per item of ``rows`` (already escaped).

    A horizontal rule is drawn before the rows whose index is in ``rules``.

    >>> html_label(["a", "b"], rules=[1])  # doctest: +NORMALIZE_WHITESPACE
    '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"><TR><TD ALIGN="LEFT"
    BALIGN="LEFT" CELLPADDING="3">a</TD></TR><HR/><TR><TD ALIGN="LEFT" BALIGN="LEFT"
    CELLPADDING="3">b</TD></TR></TABLE>>'
    """
    parts = ['<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">']
    for i, row in enumerate(rows):
        pad = ""
        if i in rules and i:
            parts.append("<HR/>")
        if (i in rules and i) or i + 1 in rules:
            pad = ' CELLPADDING="3"'
        elif any(0 < r < i for r in rules):
            pad = ' CELLPADDING="2"'
        parts.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"{pad}>{row}</TD></TR>')
    parts.append("</TABLE>>")
    return "".join(parts)


def _small(text: str, colour: str = "#44546a", size: int = 8) -> str:
    """Small text; each line gets its own FONT so the line spacing fits the size."""
    return "<BR/>".join(f'<FONT POINT-SIZE="{size}" COLOR="{colour}">{line}</FONT>'
                        for line in text.split("<BR/>"))


def _local(node: str) -> str:
    return node.split(":", 1)[1] if ":" in node else node


def _pack(items: Sequence[str], width: int) -> list[str]:
    """``items`` joined by " · " in lines of about ``width`` characters; an item stays whole.

    >>> _pack(["HO1, HO2 (blad 24)", "SD2 (blad 6)", "SD3 (blad 11)"], 28)
    ['HO1, HO2 (blad 24) ·', 'SD2 (blad 6) · SD3 (blad 11)']
    """
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + 3 + len(item) <= width:
            lines[-1] += f" · {item}"
        elif lines:
            lines[-1] += " ·"
            lines.append(item)
        else:
            lines.append(item)
    return lines or [""]


class _DinBuilder:
    def __init__(self, G: nx.MultiDiGraph, sel: DinSelection, lang: str,
                 highlight: Mapping[str, Sequence[str]], severity: Mapping[str, str],
                 part: DinPart | None = None, paint: Paint | None = None) -> None:
        self.G, self.sel, self.lang = G, sel, lang
        self.part = part
        self.paint = paint or Paint()
        self.wrap = WRAP if part is None else {k: max(12, round(v * part.wrap))
                                               for k, v in WRAP.items()}
        drawn = set(sel.nodes)
        self.highlight = {n: sorted(set(r)) for n, r in highlight.items() if r and n in drawn}
        self.severity = severity

        self.stub_of, self.stub_targets = self.stubs()
        self.continued, self.continued_links = self.continuations()
        # a page of a split DIN leaves out the columns its share leaves empty
        bare = part is not None and part.efforts is not None
        self.columns = [c for c in COLUMNS if sel.columns[c] or not (c == "main" or bare)
                        or (c == "effort" and (self.continued or sel.tracks))]
        self.graph_name = svg_id(sel.strategic_goal or sel.programme)
        self.dg = DotWriter()
        self.follows: dict[str, str] = {}
        self.family: dict[str, list[str]] = {}
        self.position: dict[str, int] = {}  # a node's place in its column
        self.column: dict[str, str] = {}  # a node's column
        self.column_index = {c: i for i, c in enumerate(self.columns)}
        self.neighbours: dict[str, list[str]] = {}  # the nodes a node links to (no stubs)
        self.anchor_of: dict[str, str] = {}  # a track: the node inside its frame links aim at
        self.lines: list[tuple[str, str]] = []  # invisible links: a node over the next one
        self.slots: list[str] = []  # points over the band's columns that hold their order
        self.widest = 1  # the most nodes in one row of goals
        self.goal_rows = 0  # rows of goals (a wide row in zig-zag counts for its rows)
        self.through = 0  # the most links passing one row of goals
        self.lowered: dict[str, list[list[str]]] = {}  # a staggered row's lower rows
        self.band_columns = 0  # columns of the band of efforts
        self.band_height = 1  # its rows
        self.wrap_scale = 1.0 if part is None else part.wrap
        self.aspect = LANDSCAPE if part is None else part.aspect  # the shape aimed at

    def stubs(self) -> tuple[dict[tuple[str, bool], str], dict[str, tuple[list[str], bool]]]:
        """Links that leave the diagram: one stub per inside node and direction.

        A stub is named after all the outside nodes it links to ("→ SD2 ·
        SD3"), not one line per link. Returns the stub of each (inside node,
        outward?) and the targets and direction of each stub.
        """
        sel = self.sel
        outside: dict[tuple[str, bool], set[str]] = {}
        for u, v, _ in sel.edges:
            if v in sel.stubs:
                outside.setdefault((u, True), set()).add(v)
            elif u in sel.stubs:
                outside.setdefault((v, False), set()).add(u)
        stub_of: dict[tuple[str, bool], str] = {}
        targets_of: dict[str, tuple[list[str], bool]] = {}
        for (inside, out), targets in sorted(outside.items()):
            ts = sorted(targets, key=natural_key)
            name = "stub-" + "--".join(svg_id(t)[4:] for t in ts) + ("" if out else "--in")
            stub_of[(inside, out)] = name
            targets_of[name] = (ts, out)
        return stub_of, targets_of

    def continuations(self) -> tuple[dict[str, int], list[tuple[str, str]]]:
        """Stubs for the other pages of a split DIN whose efforts serve goals of this page.

        Returns each stub's page number and the (goal, stub) links.
        """
        pages: dict[str, int] = {}
        links: list[tuple[str, str]] = []
        drawn = set(self.sel.nodes)
        for page, goals in sorted((self.part.continued if self.part else {}).items()):
            name = f"din-cont-{page}"
            here = sorted((g for g in goals if g in drawn), key=natural_key)
            if here:
                pages[name] = page
                links += [(g, name) for g in here]
        return pages, links

    # -- labels ---------------------------------------------------------------------------

    def _indicators(self, goal: str) -> list[str]:
        rows = []
        inds = sorted((u for u, kinds in self.G.pred[goal].items() if "measures" in kinds),
                      key=natural_key)
        for ind in inds:
            data = self.G.nodes[ind]
            width = self.wrap["indicator"]
            text = _small(html_lines(data.get("label", ""), width), "#1f3b63")
            summary = indicator_summary(data, self.lang)
            if summary == term("no_target", self.lang):
                summary_rows = _small(f"<I>{html_text(summary)}</I>", "#666666")
            else:
                summary_rows = "<BR/>".join(f"<B>{line}</B>"
                                            for line in html_lines(summary, width).split("<BR/>"))
                summary_rows = _small(summary_rows, "#1f3b63")
            if ind in self.paint.notes:
                note, colour = self.paint.notes[ind]
                summary_rows += "<BR/>" + _small(html_lines(note, width), colour)
            rows.append(f"{text}<BR/>{summary_rows}")
        return rows

    def _findings(self, node: str) -> list[str]:
        rules = self.highlight.get(node)
        if not rules:
            return []
        colour = self.paint.text.get(rules[0]) or FINDING_TEXT[self._worst(rules)]
        mark = self.paint.mark
        return [_small("<BR/>".join(html_text(f"{mark}{r}") for r in rules), colour)]

    def _worst(self, rules: Sequence[str]) -> str:
        sev = sorted((self.severity.get(r, "error") for r in rules),
                     key=lambda s: _SEVERITY_RANK.get(s, 0))
        return sev[0] if sev[0] in HIGHLIGHT else "error"

    def _tags(self, node: str, data: Mapping[str, Any]) -> list[str]:
        tags = []
        if data.get("kind") == "project":
            if data.get("role"):
                tags.append(term(data["role"], self.lang))
            if data.get("lijnproject"):
                tags.append(term("lijnproject", self.lang))
        if data.get("kind") == "result":
            tags.append(term("result", self.lang))
            if node in self.sel.track_results:
                tags.append(term("whole_track", self.lang))
        if data.get("open"):
            tags.append(term("open", self.lang))
        return tags

    def node_label(self, node: str, column: str) -> str:
        data = self.G.nodes[node]
        head = f"<B>{html_text(_local(node))}</B>"
        tags = self._tags(node, data)
        if tags:
            head += " · " + html_text(" · ".join(tags))
        size = 10 if data.get("kind") == "vision" else 8
        rows = [_small(head, size=size)] if data.get("kind") != "vision" else []
        label = html_lines(data.get("label", ""), self.wrap[column])
        rows.append(f"<B>{label}</B>" if data.get("kind") == "vision" else label)
        extra = self._indicators(node) if data.get("kind") == "goal" else []
        findings = self._findings(node)
        rules = [len(rows)] if extra else []
        rows += extra
        if findings:
            rules.append(len(rows))
            rows += findings
        return html_label(rows, rules=rules)

    # -- nodes ----------------------------------------------------------------------------

    def name(self, node: str) -> str:
        """The DOT name of a node or stub; of a track, the node in its frame its links reach."""
        if node in self.anchor_of:
            return self.anchor_of[node]
        return node if node in self.stub_targets or node in self.continued else svg_id(node)

    def add_node(self, target: Any, node: str) -> None:
        if node in self.stub_targets:
            self.add_stub(target, node)
            return
        if node in self.continued:
            self.add_continued(target, node)
            return
        data = self.G.nodes[node]
        column = column_of(self.G, node) or "effort"
        kind = data["kind"]
        sub = kind == "effort" and any(
            "part_of" in kinds and self.G.nodes[v].get("kind") == "effort"
            for v, kinds in self.G.succ[node].items())
        style = node_style(kind, level=data.get("level"), role=data.get("role"),
                           lijnproject=bool(data.get("lijnproject")), sub=sub,
                           is_open=bool(data.get("open")))
        style["class"] = f"din-{kind}"
        if node in self.highlight:
            colour, width = HIGHLIGHT[self._worst(self.highlight[node])]
            style |= {"color": colour, "penwidth": f"{width:g}"}
        if node in self.paint.nodes:
            style |= {"color": self.paint.nodes[node], "penwidth": "3"}
        what = kind if kind != "goal" else f"goal ({data.get('level')})"
        name = svg_id(node)
        target.node(name, self.node_label(node, column), style, id=name,
                    tooltip=dot_text(data.get("label", "")),
                    comment=comment_text(f"{what}; {data.get('source', '')}"))

    def add_stub(self, target: Any, name: str) -> None:
        """A stub named after the outside nodes it links to, each with its page on paper.

        Nodes on one page are named together: "→ HO1, HO2 (blad 24) · SD2
        (blad 6)"; a node on no page of this DIN (another programme's) is
        named alone.
        """
        nodes, out = self.stub_targets[name]
        short = [_local(n) if self.G.nodes[n].get("programme") == self.sel.programme else n
                 for n in nodes]
        sheets = self.part.sheets if self.part is not None else {}
        groups: dict[int | None, list[str]] = {}
        for s, n in zip(short, nodes, strict=True):
            groups.setdefault(sheets.get(n), []).append(s)
        items = [", ".join(ids) if page is None
                 else f"{', '.join(ids)} ({phrase('din.sheet', self.lang, page=page)})"
                 for page, ids in groups.items()]
        if sheets:  # a page names its stubs' pages: a page's ids stay on one line
            lines = _pack(items, 36)
            lines = [f"→ {lines[0]}", *lines[1:]] if out else [*lines[:-1], f"{lines[-1]} →"]
        else:
            lines = wrap(f"→ {' · '.join(short)}" if out else f"{' · '.join(short)} →", 24)
        where = {n: f" ({phrase('din.sheet', self.lang, page=sheets[n])})" if n in sheets else ""
                 for n in nodes}
        full = "; ".join(f"{s}{where[n]}: {plain(self.G.nodes[n].get('label', ''))}"
                         for s, n in zip(short, nodes, strict=True))
        target.node(name, html_label(["<BR/>".join(html_text(line) for line in lines)]),
                    node_style("stub") | _CLASS["stub"] | self.stub_size(),
                    id=name, tooltip=dot_text(f"{'→ ' if out else '← '}{full}"),
                    comment=comment_text("stub: links to " + ", ".join(nodes)
                                         + " outside this diagram"))

    def add_continued(self, target: Any, name: str) -> None:
        """A stub that says on which page more efforts of the goals linked to it stand."""
        text = phrase("din.continued", self.lang, page=self.continued[name])
        goals = [_local(g) for g, n in self.continued_links if n == name]
        target.node(name, html_label([html_text(f"… {text}")]),
                    node_style("stub") | {"class": "din-stub din-continued"} | self.stub_size(),
                    id=name,
                    tooltip=dot_text(f"{text}: {', '.join(goals)}"),
                    comment=comment_text("continuation on another page"))

    def stub_size(self) -> dict[str, str]:
        """On a page for print a stub's text is as large as body text: it names a page."""
        return {"fontsize": _KEY_PT} if self.part is not None and self.part.key else {}

    def placeholder(self, target: Any, name: str, *lines: str) -> str:
        """A grey note in italics for an empty column or track, one row per line."""
        rows = [f"<I>{html_lines(line, self.wrap['effort'])}</I>" for line in lines]
        target.node(name, html_label(rows), node_style("placeholder") | _CLASS["placeholder"],
                    id=name, tooltip=dot_text(" ".join(lines)),
                    comment=comment_text("placeholder"))
        return name

    # -- the whole graph ------------------------------------------------------------------

    def title(self) -> str:
        p = self.G.nodes[self.sel.programme]
        period = p.get("period") or []
        where = " · ".join(str(x) for x in (
            p.get("municipality"), "–".join(str(y) for y in period) if period else None) if x)
        rows = [f'<FONT POINT-SIZE="18"><B>{html_text(p.get("label", ""))}</B></FONT>  '
                f'{html_text(term("din", self.lang))}']
        if self.sel.strategic_goal:
            g = self.sel.strategic_goal
            label = self.G.nodes[g].get("label", "")
            text = html_text(label) if self.part is None else html_lines(label, 80)
            rows.append(f"<B>{html_text(_local(g))}</B> {text}")
        if self.part is not None and self.part.total > 1:
            where = " · ".join(x for x in (where, phrase("din.page", self.lang,
                                                          page=self.part.number,
                                                          pages=self.part.total)) if x)
        if where:
            rows.append(_small(html_text(where), size=11))
        return html_label(rows)

    def build(self) -> graphviz.Digraph:
        """The whole diagram as a :class:`graphviz.Digraph`."""
        for _ in self.write():
            pass
        return self.dg.digraph(self.graph_name)

    def pieces(self) -> Iterator[str]:
        """The DOT text after its first line in pieces, each as soon as it is written."""
        for _ in self.write():
            yield self.dg.take()
        yield self.dg.take() + "}\n"

    def write(self) -> Iterator[None]:
        """Write the diagram; pause (yield) whenever a good piece of it is written."""
        order = self.arrange()
        self.write_head()
        ranks: dict[str, list[str]] = {col: [f"din-col-{col}"] for col in self.columns}
        self.write_headings()
        if self.highlight:
            ranks[self.columns[0]].append(self.legend())
        if self.part is not None and self.part.key:
            ranks[self.columns[0]].append(self.key())
        for col in self.columns:
            ranks[col][1:1] = self.add_column(col, order[col])
            yield
        if "din-key" in ranks[self.columns[0]]:  # the key right of the heading (see below)
            ranks[self.columns[0]].remove("din-key")
            ranks[self.columns[0]].insert(1, "din-key")
        if "effort" in ranks:
            self.slots = [f"din-slot-{i}" for i in range(len(ranks["effort"]))]
            with self.dg.subgraph("rank-slots") as row:  # a row of its own over the band
                row.attr(rank="same")
                for slot in self.slots:
                    row.node(slot, None, _SLOT)
        self.write_ranks(ranks)
        self.write_invisible(ranks)
        yield
        self.write_stub_links()
        yield from self.write_links()

    def arrange(self) -> dict[str, list[str]]:
        """Each column's nodes in drawing order; sets the places, families and neighbours."""
        sel, G = self.sel, self.G
        groups = {e: t for t, es in sel.tracks.items() for e in es}
        self.follows = {u: v for u, v, k in sel.edges if k == "part_of" and u not in sel.stubs
                        and v not in sel.stubs and column_of(G, u) == column_of(G, v) == "effort"}
        columns = {c: [n for n in ns if n not in sel.stubs] for c, ns in sel.columns.items()}
        for name, (nodes, _) in self.stub_targets.items():
            columns[column_of(G, nodes[0]) or "effort"].append(name)
        columns["effort"] += list(self.continued)
        links = [(m, v) for u, v in self.inner_pairs() for m in self.members(u)]
        links += self.continued_links
        links += [(m, s) for (n, _), s in self.stub_of.items() for m in self.members(n)]
        seed = {n: contract_key(n, G.nodes[n].get("source"))
                for col in columns.values() for n in col if n in G}
        seed |= {t: contract_key(t, G.nodes[t].get("source")) for t in sel.tracks}
        order = order_columns(self.columns, columns, links, groups=groups, follows=self.follows,
                              seed=seed, pinned=("effort",))
        self.position = {n: i for col in self.columns for i, n in enumerate(order[col])}
        goal_rows = [len(order[c]) for c in self.columns if c not in ("effort", "project")]
        self.widest = max([math.ceil(n / sub_rows(n, self.aspect)) for n in goal_rows] or [1])
        self.goal_rows = sum(sub_rows(n, self.aspect) for n in goal_rows)
        self.through = self.passing(order)
        self.column = {n: col for col in self.columns for n in order[col]}
        self.neighbours = {}
        for u, v in self.inner_pairs():
            for m in self.members(u):
                self.neighbours.setdefault(m, []).append(v)
                self.neighbours.setdefault(v, []).append(m)
        self.family = {}
        for col in self.columns:
            for n in order[col]:
                if n in self.follows:
                    self.family.setdefault(self.follows[n], []).append(n)
        return order

    def passing(self, order: Mapping[str, list[str]]) -> int:
        """The most links that pass one row of goals on their way up (``order``: the columns)."""
        row: dict[str, int] = {}  # the row (counted down from the top) a goal stands in
        band = 0  # the efforts, and under them the projects, stand under all goals
        for col in self.columns:
            if col not in ("effort", "project"):
                for nodes in zigzag(order[col], self.aspect):
                    row |= dict.fromkeys(nodes, band)
                    band += 1
        passes = [0] * band
        for u, v in self.inner_pairs():
            for j in range(row.get(v, band) + 1, min(row.get(u, band), band)):
                passes[j] += 1
        return max(passes, default=0)

    def inner_pairs(self) -> list[tuple[str, str]]:
        """The (means, end) of every link with both ends in the diagram."""
        stubs = self.sel.stubs
        return [(u, v) for u, v, _ in self.sel.edges if u not in stubs and v not in stubs]

    def members(self, node: str) -> tuple[str, ...]:
        """The nodes that stand for ``node`` in the order: a track's members, else itself."""
        return self.sel.tracks.get(node) or (node,) if node in self.sel.tracks else (node,)

    def write_head(self) -> None:
        """The graph's attributes and title."""
        graph = graph_attrs(compact=self.part is not None)
        if len(self.sel.nodes) > _LARGE:
            # dot's placement of a large top-down DIN (its long links cross many rows) runs
            # for minutes; a bounded search places it in seconds, a little less tidy
            graph["nslimit"] = "1"
        if any(u in self.sel.tracks for u, _, _ in self.sel.edges):
            graph["compound"] = "true"  # links from a track's frame
        self.dg.attr("graph", **graph, label=self.title(), id=self.graph_name)
        self.dg.attr("node", fontname=graph["fontname"])
        self.dg.attr("edge", fontname=graph["fontname"])

    def write_headings(self) -> None:
        """The headings of the rows, written first: each stands left of its row.

        Goals and projects are not in clusters, so the invisible flat links
        from each heading to its row (:meth:`write_invisible`) keep it left.
        """
        for col in self.columns:
            header = f"din-col-{col}"
            heading = column_heading(col, self.lang)
            # narrow columns (wrap below 0.6): the heading on two lines
            text = (html_lines(heading, 12) if self.part is not None and self.part.wrap < 0.6
                    else html_text(heading))
            self.dg.node(header, f"<<B>{text}</B>>", node_style("header") | _CLASS["header"],
                         id=header, tooltip=dot_text(heading),
                         comment=comment_text("row heading"))

    def write_ranks(self, ranks: Mapping[str, list[str]]) -> None:
        """One ``rank=same`` group per row (and per lower row of a staggered row of goals)."""
        for col in self.columns:
            with self.dg.subgraph(f"rank-{col}") as s:
                s.attr(rank="same")
                for n in ranks[col]:
                    s.node(n)
            for j, row in enumerate(self.lowered.get(col, []), 1):
                with self.dg.subgraph(f"rank-{col}-{j}") as s:
                    s.attr(rank="same")
                    s.node(f"din-col-{col}-{j}", None, _SLOT)
                    for n in row:
                        s.node(n)

    def write_invisible(self, ranks: Mapping[str, list[str]]) -> None:
        """The invisible links that keep headings, rows, columns and sub-efforts in place.

        The headings stand in a column on the left, one per row, each left of
        its row (a flat link's tail stands left of its head outside clusters).
        The band of efforts keeps its order by a row of points over it, each
        over one of its columns (dot's crossing count then keeps the columns
        in the points' order, also when they are in clusters); a track's
        title lists its columns in order (``ordering=out``); each column
        hangs top down.
        """
        dg = self.dg
        # a staggered row of goals: a point under its heading for each lower row
        lows = {c: [f"din-col-{c}-{j}" for j in range(1, len(self.lowered.get(c, [])) + 1)]
                for c in self.columns}
        for a, b in itertools.pairwise(self.columns):
            # the row of slots stands over the band, the projects under the whole band
            rows = str(self.band_height) if a == "effort" else "2" if b == "effort" else "1"
            chain = [f"din-col-{a}", *lows[a], f"din-col-{b}"]
            for upper, lower in itertools.pairwise(chain):
                dg.edge(upper, lower, style="invis", weight="100",
                        minlen=rows if lower == chain[-1] else "1")
            if b == "effort":
                dg.edge(chain[-2], self.slots[0], style="invis", weight="0")
        for col in self.columns:
            head, row = ranks[col][0], ranks[col][1:]
            if col == "project":  # a chain: dot keeps its order only when its links weigh
                for a, b in itertools.pairwise([head, *row]):
                    dg.edge(a, b, style="invis", weight="1")
            for n in row if col != "project" else ():
                dg.edge(head, n, style="invis", weight="0")
            if "din-key" in row:  # the key next to the heading, where the top row has room
                for n in row:  # (a flat link of weight 0 does not keep the order)
                    if n != "din-key":
                        dg.edge("din-key", n, style="invis", weight="1")
            for point, names in zip(lows[col], self.lowered.get(col, []), strict=True):
                for n in names:
                    dg.edge(point, n, style="invis", weight="0")
        for a, b in itertools.pairwise(self.slots):
            dg.edge(a, b, style="invis", weight="0")
        for slot, n in zip(self.slots, ranks.get("effort", ()), strict=False):
            for _ in range(_SLOT_PULL):
                dg.edge(slot, n, style="invis", weight="0")
        for upper, lower in self.lines:  # a column stays one column, its rows close
            dg.edge(upper, lower, style="invis", weight="10")
        for parent in self.family:
            if parent not in self.follows:  # an effort, then its sub-efforts top down
                for a, b in itertools.pairwise(self.unit(parent)):
                    dg.edge(self.name(a), self.name(b), style="invis", weight="10")

    def write_stub_links(self) -> None:
        """The dashed links to the stubs of what lies outside the diagram."""
        position = self.position
        for (inside, out), name in sorted(self.stub_of.items(), reverse=True, key=lambda kv: (
                position[kv[1]], position.get(self.members(kv[0][0])[0], -1), kv[0][0])):
            tail, head = (name, self.name(inside)) if out else (self.name(inside), name)
            style = edge_style("contributes_to", {}, stub=True) | self.frame(inside, out)
            self.dg.edge(tail, head, style, id=f"{self.element(inside)}--stub--{name}"
                         if out else f"{name}--stub--{self.element(inside)}",
                         tooltip=dot_text(f"{_local(inside)}: {'→' if out else '←'} "
                                          + ", ".join(self.stub_targets[name][0])),
                         comment=comment_text("link out of this diagram"))

        for goal, name in self.continued_links:
            self.dg.edge(svg_id(goal), name, edge_style("contributes_to", {}, stub=True),
                         id=f"{name}--stub--{svg_id(goal)}",
                         tooltip=dot_text(f"{_local(goal)}: "
                                          + phrase("din.continued", self.lang,
                                                   page=self.continued[name])),
                         comment=comment_text("link to a continuation on another page"))

    def write_links(self) -> Iterator[None]:
        """The links between nodes (and track frames) of the diagram."""
        sel, position = self.sel, self.position
        inner = [(u, v, k) for u, v, k in sel.edges if u not in sel.stubs and v not in sel.stubs
                 and not (k == "part_of" and self.follows.get(u) == v)]
        styles: dict[tuple[Any, ...], dict[str, str]] = {}  # a link's style: kind, strength...
        for i, (u, v, kind) in enumerate(sorted(inner, reverse=True, key=lambda e: (
                position.get(e[1], -1), position.get(self.members(e[0])[0], -1), e[0], e[2]))):
            if i % 64 == 63:
                yield
            attrs = self.link_attrs(u, v, kind)
            flat = self.column.get(u) == self.column.get(v)
            style_key = (kind, attrs.get("strength"), bool(attrs.get("inferred")), flat,
                         self.column.get(u))
            if style_key not in styles:
                styles[style_key] = edge_style(kind, attrs)
                if flat:  # links inside a row or the band: on the right side of their
                    # nodes, and without a say in the rows (the band keeps its columns)
                    styles[style_key] |= {"tailport": "e", "headport": "e", "constraint": "false",
                                          "dir": "forward"}
            paint = self.paint.links.get((u, v, kind))
            painted = {"color": paint, "penwidth": "2.5"} if paint else {}
            # a link within a row is written as it points: dot may turn a flat link written
            # backwards (dir=back) round and put the arrowhead on the wrong end
            tail, head = (u, v) if flat else (v, u)
            self.dg.edge(self.name(tail), self.name(head),
                         styles[style_key] | self.frame(u, not flat) | painted,
                         id=f"{self.element(u)}--{kind}--{svg_id(v)}",
                         tooltip=dot_text(self.link_tooltip(u, v, kind, attrs)),
                         comment=comment_text(f"{kind}; {attrs.get('source', '')}"))

    def link_attrs(self, u: str, v: str, kind: str) -> dict[str, Any]:
        """A link's data; for a merged track link, what all its effort links share."""
        efforts = self.sel.merged.get((u, v, kind))
        if efforts is None:
            return dict(self.G.edges[u, v, kind])
        datas = [self.G.edges[e, v, kind] for e in efforts]
        strengths = {d.get("strength") for d in datas}
        sources = sorted({str(d.get("source", "")) for d in datas})
        return {"strength": strengths.pop() if len(strengths) == 1 else None,
                "inferred": all(d.get("inferred") for d in datas), "source": ", ".join(sources)}

    def link_tooltip(self, u: str, v: str, kind: str, attrs: Mapping[str, Any]) -> str:
        G = self.G
        words = [plain(G.nodes[u].get("label", "")), term(kind, self.lang),
                 plain(G.nodes[v].get("label", ""))]
        if attrs.get("strength"):
            words[1] += f" ({term(attrs['strength'], self.lang)})"
        efforts = self.sel.merged.get((u, v, kind))
        if efforts:
            words[0] += f" ({term('track_link', self.lang)}: " + ", ".join(map(_local, efforts)) + ")"
        return f"{_local(u)} → {_local(v)}: {' · '.join(words)}"

    def frame(self, node: str, head: bool) -> dict[str, str]:
        """``lhead``/``ltail``: a link of a track ends on the track's frame."""
        if node not in self.sel.tracks:
            return {}
        return {"lhead" if head else "ltail": f"cluster-{svg_id(node)}"}

    def element(self, node: str) -> str:
        """The SVG element id of a node, a stub or a track's frame."""
        return node if node in self.stub_targets else svg_id(node)

    def add_column(self, col: str, nodes: list[str]) -> list[str]:
        """Write one column's nodes and track clusters; return the DOT names of its top row.

        Linked nodes come first, in ``nodes`` order; unlinked nodes and tracks
        without efforts follow. A goal column is one row (dot orders it). The
        efforts are a band (:mod:`dinnet.render.band`): tracks side by side,
        each in columns; the projects stand in rows as wide as the picture.
        :attr:`lines` keeps their order: left to right in the top row, top
        down in each column.
        """
        clusters = {e: t for t, es in self.sel.tracks.items() for e in es}
        items: list[tuple[str | None, list[str]]] = []
        for n in nodes:
            if n in self.follows:
                continue  # written with its parent effort
            track = clusters.get(n)
            if track is None:
                items.append((None, [n]))
            elif not any(t == track for t, _ in items):
                items.append((track, [m for m in nodes if clusters.get(m) == track
                                      and m not in self.follows]))
        if col == "effort":
            items += [(t, []) for t, members in self.sel.tracks.items() if not members]
        linked = {n for u, v, _ in self.sel.edges for n in (u, v)}
        connected = [it for it in items if it[0] in linked or any(m in linked for m in it[1])]
        items = connected + [it for it in items if it not in connected]
        if not items:
            return [self.placeholder(self.dg, f"din-empty-{col}", *self.empty_text(col))]
        if col == "effort":
            return self.add_band(items)
        emitted = [name for _, members in items for m in members for name in self.emit(self.dg, m)]
        if col == "project":  # rows as wide as the rest of the picture
            # without a band of efforts to follow (a page of projects): rows of the sheet's shape
            square = math.ceil(math.sqrt(len(emitted) * self.aspect))
            return self.grid(emitted, project_row(max(self.widest, self.band_columns, square)))
        # a wide row of goals in zig-zag rows: every k-th node in the same row
        top, *self.lowered[col] = zigzag(emitted, self.aspect)
        return top

    def add_band(self, items: list[tuple[str | None, list[str]]]) -> list[str]:
        """The efforts: tracks (and runs of efforts outside tracks) side by side in columns.

        Returns the top row of the band: the title of each track and the top
        of each column outside tracks; a track's columns hang under its title.
        """
        blocks: list[tuple[str | None, list[list[str]]]] = []
        for track, members in items:
            units = [self.unit(m) for m in members]
            if track is None and blocks and blocks[-1][0] is None:
                blocks[-1][1].extend(units)
            else:
                blocks.append((track, units))
        shape = Shape(widest=self.widest, above=self.goal_rows, through=self.through,
                      projects=len(self.sel.columns["project"]),
                      # narrower labels (paper): narrower columns, taller boxes
                      slot=Shape.slot * self.wrap_scale,
                      row=Shape.row * (0.6 + 0.4 / self.wrap_scale),
                      aspect=self.aspect)
        rows = band_rows([units or [["-"]] for _, units in blocks], shape)
        top: list[str] = []
        for track, units in blocks:
            columns = pack([units], rows)[0] if units else []
            heads = [self.name(column[0][0]) for column in columns]
            if track is not None:
                first = self.cluster(track, [u[0] for column in columns for u in column])
                top += heads or [first]
            else:
                for column in columns:
                    for unit in column:
                        self.emit(self.dg, unit[0])
                top += heads
            for column in columns:
                self.lines += [(self.name(upper[-1]), self.name(lower[0]))
                               for upper, lower in itertools.pairwise(column)]
                self.band_height = max(self.band_height, sum(map(len, column)))
            self.band_columns += max(len(columns), 1)
        return top

    def unit(self, node: str) -> list[str]:
        """``node`` and the sub-efforts under it, top down."""
        return [node] + [n for sub in self.family.get(node, ()) for n in self.unit(sub)]

    def grid(self, names: list[str], width: int) -> list[str]:
        """``names`` in rows of ``width``, each under the one ``width`` before it; the top row."""
        width = max(width, 1)
        self.lines += [(names[i], names[i + width]) for i in range(len(names) - width)]
        return names[:width]

    def empty_text(self, col: str) -> list[str]:
        """What an empty column says: none in the text, or none linked to this goal.

        A column of one strategic goal's diagram can be empty while the
        programme has elements of its kind: then it says that nothing is
        linked to the goal, and how many of them are linked to no strategic
        goal at all.
        """
        counts = self.sel.unlinked.get(col)
        if not counts or self.sel.strategic_goal is None:
            return [term("empty", self.lang)]
        rows = [phrase("din.not_linked", self.lang, goal=_local(self.sel.strategic_goal))]
        for kind, loose, total in counts:
            things = glossary.term(kind if kind != "goal" else col, self.lang, n=loose)
            rows.append(phrase("din.loose_count", self.lang, things=things, total=total))
        return rows

    def cluster(self, track: str, members: list[str]) -> str:
        """A track's frame around its members; returns the DOT name its links aim at.

        The links of the track as a whole aim at its first member and end on
        the frame (``lhead``), reaching it at its title.
        """
        data = self.G.nodes[track]
        label = html_lines(data.get("label", ""), self.wrap["track"])
        with self.dg.subgraph(f"cluster-{svg_id(track)}") as c:
            c.attr(label=f'<<B>{label}</B>>', id=svg_id(track), style="rounded,filled",
                   fillcolor="#f5faf2", color="#9cc58f", fontsize="10", fontcolor="#2d6122",
                   labeljust="l", tooltip=dot_text(data.get("label", "")),
                   comment=comment_text(f"track; {data.get('source', '')}"), margin="6")
            names = [name for m in members for name in self.emit(c, m)]
            if not members:
                names = [self.placeholder(c, f"din-empty-{svg_id(track)}",
                                          term("no_efforts", self.lang))]
        self.anchor_of[track] = names[0]
        return names[0]

    def emit(self, target: Any, node: str) -> list[str]:
        """Write a node; an effort with sub-efforts comes in a dotted frame with them."""
        if node not in self.family:
            self.add_node(target, node)
            return [self.name(node)]
        with target.subgraph(f"cluster-part-{svg_id(node)}") as c:
            c.attr(label="", style="rounded,dotted", color="#3a7d2c", margin="4",
                   id=f"part-{svg_id(node)}", tooltip=dot_text(self.G.nodes[node]["label"]),
                   comment=comment_text("an effort and its sub-efforts"))
            self.add_node(c, node)
            return [self.name(node)] + [n for sub in self.family[node] for n in self.emit(c, sub)]

    def conventions(self) -> list[str]:
        """The conventions of the DIN's picture that this diagram uses, in the key's order.

        The kinds of element drawn (their colours), dashed links the text
        only implies, results delivered, links from a track's frame, stubs
        (to a page, or out of this DIN), continuations, and the borders and
        fill of projects by the programme's role.
        """
        G, sel = self.G, self.sel
        drawn = [G.nodes[n] for n in sel.nodes]
        kinds = {d.get("kind") for d in drawn}
        found = [k for k in _KEY_KINDS if k in kinds]
        inner = [(u, v, k) for u, v, k in sel.edges if u not in sel.stubs and v not in sel.stubs
                 and not (k == "part_of" and self.follows.get(u) == v)]
        if any(k not in ("part_of", "delivers") and self.link_attrs(u, v, k).get("inferred")
               for u, v, k in inner):
            found.append("inferred")
        if any(k == "delivers" for _, _, k in inner):
            found.append("delivers")
        if any(u in sel.tracks for u, _, _ in inner):
            found.append("track")
        sheets = self.part.sheets if self.part is not None else {}
        targets = {t for ts, _ in self.stub_targets.values() for t in ts}
        if any(t in sheets for t in targets):
            found.append("stub")
        if any(t not in sheets for t in targets):
            found.append("outside")
        if self.continued:
            found.append("continued")
        projects = [d for d in drawn if d.get("kind") == "project"]
        roles = {d.get("role") for d in projects}
        found += [r for r in ("regie", "afstemming", "faciliterend") if r in roles]
        if any(d.get("lijnproject") for d in projects):
            found.append("lijnproject")
        return found

    def key(self) -> str:
        """A legend of the conventions this page uses (:meth:`conventions`); its DOT name.

        The colours of the kinds stand in its title row; every other entry
        is a small sample drawn as the picture draws it (a dashed line, a
        stub, a project's border) with its meaning, in words of the glossary.
        """
        found = self.conventions()
        lang = self.lang
        head = f"<B>{html_text(phrase('din.key', lang))}</B>"
        for kind in (k for k in found if k in _KEY_KINDS):  # the colour of each kind's border
            head += (f'   <FONT COLOR="{_KEY_COLOURS[kind]}">■</FONT> '
                     f"{html_text(term(kind, lang))}")
        rows = [f'<TR><TD COLSPAN="2" ALIGN="LEFT">{head}</TD></TR>']
        for convention in (c for c in found if c not in _KEY_KINDS):
            rows.append(f'<TR><TD ALIGN="LEFT">{self.sample(convention)}</TD>'
                        f'<TD ALIGN="LEFT">{html_text(self.key_text(convention))}</TD></TR>')
        label = ('<<TABLE BORDER="1" STYLE="rounded" COLOR="#8c8c8c" CELLBORDER="0" '
                 'CELLSPACING="1" CELLPADDING="1">' + "".join(rows) + "</TABLE>>")
        self.dg.node("din-key", label, shape="plaintext", fontsize=_KEY_PT, fontcolor="#333333",
                     margin="0", id="din-key", tooltip=dot_text(phrase("din.key", lang)),
                     comment=comment_text("key: " + ", ".join(found)), **{"class": "din-key"})
        return "din-key"

    def key_text(self, convention: str) -> str:
        """The meaning of one entry of the key."""
        if convention in ("regie", "afstemming", "faciliterend"):
            return f"{term('project', self.lang)}: {term(convention, self.lang)}"
        if convention == "lijnproject":
            return term("lijnproject", self.lang)
        return phrase(f"din.key_{convention}", self.lang)

    def sample(self, convention: str) -> str:
        """A small picture of one convention, drawn as the DIN draws it (HTML-like label)."""
        table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        if convention in ("inferred", "delivers", "track"):
            kind = "delivers" if convention == "delivers" else "contributes_to"
            if convention == "inferred":  # in the colour of the links that are inferred
                kind = min((k for u, v, k in self.sel.edges if k not in ("part_of", "delivers")
                            and self.link_attrs(u, v, k).get("inferred")), default=kind)
            colour = edge_style(kind, {})["color"]
            dashed = ' STYLE="dashed"' if convention != "track" else ""
            frame = ('<TD ROWSPAN="2" WIDTH="10" HEIGHT="10" BORDER="1" STYLE="rounded" '
                     'BGCOLOR="#f5faf2" COLOR="#9cc58f"></TD>' if convention == "track" else "")
            return (f'{table}<TR>{frame}<TD WIDTH="{14 if frame else 24}" HEIGHT="5" BORDER="1"'
                    f' SIDES="B"{dashed} COLOR="{colour}"></TD><TD ROWSPAN="2">'
                    f'<FONT COLOR="{colour}">▸</FONT></TD></TR><TR><TD HEIGHT="5"></TD></TR>'
                    "</TABLE>")
        if convention in ("stub", "outside", "continued"):
            text = {"stub": f"→ X ({phrase('din.sheet', self.lang, page='N')})", "outside": "→ X",
                    "continued": f"… {phrase('din.continued', self.lang, page='N')}"}[convention]
            return (f'{table}<TR><TD BORDER="1" STYLE="rounded,dashed" COLOR="#8c8c8c" '
                    f'CELLPADDING="2"><FONT COLOR="#555555">{html_text(text)}</FONT></TD></TR>'
                    "</TABLE>")
        project = node_style("project", role=convention if convention != "lijnproject" else None,
                             lijnproject=convention == "lijnproject")
        border = {"regie": 'BORDER="2"', "afstemming": 'BORDER="1" STYLE="dashed"',
                  "faciliterend": 'BORDER="1" STYLE="dotted"'}.get(convention, 'BORDER="1"')
        return (f'{table}<TR><TD WIDTH="24" HEIGHT="10" {border} '
                f'BGCOLOR="{project["fillcolor"]}" COLOR="{project["color"]}"></TD></TR></TABLE>')

    def legend(self) -> str:
        counts: dict[str, int] = {}
        for rules in self.highlight.values():
            for r in rules:
                counts[r] = counts.get(r, 0) + 1
        title = self.paint.legend or term("legend", self.lang)
        rows = [f"<B>{html_text(title)}</B>"]
        for rule in [r for r in self.paint.rules if r in counts] + sorted(
                r for r in counts if r not in self.paint.rules):
            colour = self.paint.rules.get(rule) or FINDING_TEXT[self._worst([rule])]
            rows.append(f'<FONT COLOR="{colour}">■</FONT> {html_text(rule)} ({counts[rule]})')
        with self.dg.subgraph("cluster-din-legend") as c:
            c.attr(label="", id="din-legend", style="rounded", color="#8c8c8c")
            c.node("din-legend-rules", html_label(rows), id="din-legend-rules", shape="plaintext",
                   fontsize="9", tooltip=dot_text(title),
                   comment=comment_text("legend"), **{"class": "din-legend"})
        return "din-legend-rules"


def din_dot(G: nx.MultiDiGraph, programme: str, *, lang: str = "nl",
            highlight: Mapping[str, Sequence[str]] | None = None,
            strategic_goal: str | None = None,
            severity: Mapping[str, str] | None = None,
            part: DinPart | None = None, paint: Paint | None = None) -> graphviz.Digraph:
    """The DIN of ``programme`` as a :class:`graphviz.Digraph` (no file, no ``dot`` run).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph from :func:`dinnet.load`.
    programme : str
        A programme id (``zorg``).
    lang : {"nl", "en"}
        Language of the headings and fixed words (labels stay as written).
    highlight : mapping, optional
        Node id to the names of the rules it breaks; those nodes get a red or
        orange border and a legend lists the rules.
    strategic_goal : str, optional
        Draw only this strategic goal's part of the network (``SD3`` or
        ``zorg:SD3``); links that leave it end in stubs.
    severity : mapping, optional
        Rule name to ``"error"`` (red, the default) or ``"warning"`` (orange).
    part : DinPart, optional
        Draw one page's share of the DIN (:mod:`dinnet.render.pages`).
    paint : Paint, optional
        Colours of the caller on nodes, links and legend (the diff picture).

    Returns
    -------
    graphviz.Digraph
        ``.source`` is the DOT text; render it with :func:`dinnet.render.render`.

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> dg = din_dot(example_graph(), "mini", lang="en", highlight={"mini:SD2": ["no-indicator"]})
    >>> "Strategic goals" in dg.source, "no-indicator (1)" in dg.source
    (True, True)
    """
    return _builder(G, programme, lang, highlight, strategic_goal, severity, part, paint).build()


def iter_din_dot(G: nx.MultiDiGraph, programme: str, *, lang: str = "nl",
                 highlight: Mapping[str, Sequence[str]] | None = None,
                 strategic_goal: str | None = None,
                 severity: Mapping[str, str] | None = None,
                 part: DinPart | None = None, paint: Paint | None = None) -> Iterator[str]:
    """The DOT text of :func:`din_dot` in pieces, each as soon as it is written.

    :func:`~dinnet.render.render` hands the pieces to ``dot`` while the rest
    is still being built, so starting ``dot`` and its reading of the text
    overlap with building it. The arguments are those of :func:`din_dot`;
    an unknown programme, goal or language raises at the call, not at the
    first piece. All other work, the selection included, waits for the
    pieces to be asked for.

    Examples
    --------
    >>> from dinnet.render._example import example_graph
    >>> G = example_graph()
    >>> "".join(iter_din_dot(G, "mini")) == din_dot(G, "mini").source
    True
    """
    goal = check_din(G, programme, strategic_goal=strategic_goal, lang=lang)
    return _pieces(G, programme, lang, highlight, goal, severity, part, paint)


def _pieces(G: nx.MultiDiGraph, programme: str, lang: str,
            highlight: Mapping[str, Sequence[str]] | None, goal: str | None,
            severity: Mapping[str, str] | None, part: DinPart | None,
            paint: Paint | None = None) -> Iterator[str]:
    yield digraph_head(svg_id(goal or programme))
    yield from _builder(G, programme, lang, highlight, goal, severity, part, paint).pieces()


def _builder(G: nx.MultiDiGraph, programme: str, lang: str,
             highlight: Mapping[str, Sequence[str]] | None, strategic_goal: str | None,
             severity: Mapping[str, str] | None, part: DinPart | None = None,
             paint: Paint | None = None) -> _DinBuilder:
    term("vision", lang)  # checks lang
    # every diagram starts with cold caches: they pay off within one diagram, where
    # attribute names, colours and ids repeat, not by remembering an earlier call
    clear_caches()
    sel = select_din(G, programme, strategic_goal=strategic_goal,
                     efforts=part.efforts if part is not None else None,
                     reached=part is not None and part.reached,
                     goals=part.goals if part is not None else None,
                     extra=part.extra if part is not None else ())
    return _DinBuilder(G, sel, lang, highlight or {}, severity or {}, part, paint)
