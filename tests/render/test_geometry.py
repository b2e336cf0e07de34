"""The drawn DINs themselves, read back from their SVG: links end on their nodes, few crossings,
placeholders that say what is true (Graphviz needed)."""

from __future__ import annotations

import re

import networkx as nx
import pytest

import dinnet
from dinnet.render import din_diagrams
from dinnet.render.geometry import Box, crossings, loose_ends, read_svg, wrong_arrows
from dinnet.render.labels import term
from dinnet.render.select import column_of

pytestmark = pytest.mark.graphviz

#: Crossing pairs summed over the seven full Almelo DINs before issue 15
#: (concentrated bundles, no track links), measured with :func:`crossings`.
CROSSINGS_BEFORE = 3544


@pytest.fixture(scope="module")
def almelo() -> nx.MultiDiGraph:
    return dinnet.load()


@pytest.fixture(scope="module")
def drawn(almelo: nx.MultiDiGraph) -> dict[tuple[str, str], bytes]:
    """Every bundled DIN and sub-DIN in both languages, as SVG, by (name, lang).

    The full DINs are named after their programme; a programme without
    strategic goals has no sub-DINs.
    """
    out = {}
    for lang in ("nl", "en"):
        for by_goal in (False, True):
            for d in din_diagrams(almelo, by_strategic_goal=by_goal, lang=lang):
                out[(d.name, lang)] = d.render("svg")
    return out


def test_every_link_starts_and_ends_on_its_two_ends(drawn: dict[tuple[str, str], bytes]) -> None:
    assert len(drawn) >= 2 * (7 + 15)  # seven DINs and their sub-DINs, twice
    links = 0
    for (name, lang), svg in drawn.items():
        d = read_svg(svg)
        links += len(d.links)
        assert loose_ends(d) == [], (name, lang)
        assert wrong_arrows(d) == [], (name, lang)  # the arrowhead on the end served
    assert links > 500


def test_every_drawn_link_is_read() -> None:
    """The geometry reader finds every edge of a DIN (none skipped for an unknown id)."""
    G = dinnet.load()
    svg = din_diagrams(G, programme="zorg")[0].render("svg")
    edges = re.findall(rb'class="edge"', svg)
    d = read_svg(svg)
    assert len(d.links) == len(edges) > 20


def test_a_loose_end_is_found() -> None:
    svg = b'''<svg xmlns="http://www.w3.org/2000/svg" width="9pt" height="9pt">
    <g id="a" class="node"><polygon points="0,0 10,0 10,10 0,10"/></g>
    <g id="b" class="node"><polygon points="90,0 100,0 100,10 90,10"/></g>
    <g id="a--serves--b" class="edge"><path d="M10,5C30,5 50,5 60,5"/></g>
    </svg>'''
    assert loose_ends(read_svg(svg)) == [("a--serves--b", 30.0)]
    assert Box(0, 0, 1, 1).distance((4, 5)) == 5


def test_an_arrowhead_on_the_means_is_found() -> None:
    def drawing(arrow: str) -> bytes:
        return f'''<svg xmlns="http://www.w3.org/2000/svg" width="9pt" height="9pt">
        <g id="a" class="node"><polygon points="0,0 10,0 10,10 0,10"/></g>
        <g id="b" class="node"><polygon points="90,0 100,0 100,10 90,10"/></g>
        <g id="a--serves--b" class="edge"><path d="M14,5C40,5 60,5 86,5"/>
        <polygon points="{arrow}"/></g></svg>'''.encode()
    assert wrong_arrows(read_svg(drawing("86,3 90,5 86,7"))) == []
    assert wrong_arrows(read_svg(drawing("14,3 10,5 14,7"))) == ["a--serves--b"]


def test_crossings_at_most_a_tenth_of_before(
        almelo: nx.MultiDiGraph, drawn: dict[tuple[str, str], bytes]) -> None:
    programmes = [p for p, k in almelo.nodes(data="kind") if k == "programme"]
    full = [drawn[(p, "nl")] for p in programmes]
    assert len(full) == 7
    total = sum(crossings(read_svg(svg)) for svg in full)
    assert total <= CROSSINGS_BEFORE // 10, total


def test_placeholders_never_deny_what_the_contract_has(
        almelo: nx.MultiDiGraph, drawn: dict[tuple[str, str], bytes]) -> None:
    seen_not_linked = 0
    for (name, lang), svg in drawn.items():
        programme = next(p for p, k in almelo.nodes(data="kind") if k == "programme"
                         and (name == p or name.startswith(p + "-")))
        for col, text in _placeholders(svg):
            has = [n for n, d in almelo.nodes(data=True) if d.get("programme") == programme
                   and column_of(almelo, n) == col]
            if term("empty", lang) in text:
                assert not has, (name, lang, col)
            else:
                assert term("not_linked", lang).split("{")[0] in text and has, (name, col)
                seen_not_linked += 1
    assert seen_not_linked > 10  # Omgevingswet, Economie, Binnenstad... say "not linked"


def _placeholders(svg: bytes) -> list[tuple[str, str]]:
    """The empty columns of a diagram: (column, its placeholder's text)."""
    found = []
    for m in re.finditer(rb'<g id="din&#45;empty&#45;(\w+)" class="node din&#45;placeholder">(.*?)</g>\n</g>',
                         svg, re.S):
        text = " ".join(t.decode() for t in re.findall(rb"<text[^>]*>([^<]*)</text>", m[2]))
        found.append((m[1].decode(), text))
    return found
