"""DOT text of the DIN: columns, styles, stubs, overlay, determinism, escaping (no Graphviz needed)."""

from __future__ import annotations

import random
import re

import networkx as nx
import pytest

import dinnet
from dinnet.errors import NodeNotFoundError
from dinnet.graph import build_graph
from dinnet.io.loading import read_contract
from dinnet.render import din_dot, gap_highlights, iter_din_dot, portfolio_dot, select_din
from dinnet.render import dot as dot_module

from .conftest import ASSETS, bundled_files


@pytest.fixture
def mini() -> nx.MultiDiGraph:
    return dinnet.load(ASSETS / "minimal.yaml")


def _node_line(source: str, node_id: str) -> str:
    return next(line for line in source.splitlines()
                if line.lstrip().startswith(f'"{node_id}" [') or
                line.lstrip().startswith(f"{node_id} ["))


def test_columns_have_headers_in_both_languages(mini: nx.MultiDiGraph) -> None:
    nl = din_dot(mini, "mini").source
    en = din_dot(mini, "mini", lang="en").source
    for word in ("Visie", "Strategische doelen", "Operationele doelen", "Inspanningen",
                 "Projecten"):
        assert f"<B>{word}</B>" in nl
    for word in ("Vision", "Strategic goals", "Operational goals", "Efforts", "Projects"):
        assert f"<B>{word}</B>" in en
    assert "din-col-main" not in nl  # no main goals, no Hoofdopgaven column
    assert "rankdir=TB" in nl and nl.count("rank=same") == 6  # a row per kind, one over the band


def test_main_goal_column_appears_when_there_are_main_goals(mini: nx.MultiDiGraph) -> None:
    mini.add_node("mini:HO1", kind="goal", level="main", programme="mini", label="Hoofd",
                  source="mini.txt:1")
    mini.add_edge("mini:SD1", "mini:HO1", key="refines", kind="refines", source="mini.txt:1")
    src = din_dot(mini, "mini").source
    assert "<B>Hoofdopgaven</B>" in src
    order = [m.group(1) for m in re.finditer(r'"din-col-(\w+)" -> "din-col-(?:\w+)"', src)]
    assert order == ["vision", "main", "strategic", "operational", "effort"]


def test_nodes_carry_stable_ids_titles_and_sources(mini: nx.MultiDiGraph) -> None:
    src = din_dot(mini, "mini").source
    line = _node_line(src, "din-mini--SD1.a")
    assert 'id="din-mini--SD1.a"' in line
    assert 'tooltip="Minder fijnstof"' in line
    assert 'comment="goal (operational); mini.txt:4"' in line
    assert "30 (2018) → 25 (2022)" in line  # the indicator on its goal
    assert 'class="din-goal"' in line


def test_tracks_are_clusters_and_strength_is_line_width(mini: nx.MultiDiGraph) -> None:
    src = din_dot(mini, "mini").source
    assert 'subgraph "cluster-din-mini--S1"' in src
    cluster = src.split('subgraph "cluster-din-mini--S1"')[1].split("}")[0]
    assert '"din-mini--E1"' in cluster and '"din-mini--E2"' not in cluster
    strong = next(line for line in src.splitlines() if "din-mini--E2--contributes_to" in line)
    plain = next(line for line in src.splitlines() if "din-mini--E1--contributes_to" in line)
    assert "penwidth=3.2" in strong and "penwidth=1.2" in plain
    assert "dir=back" in strong  # drawn from the end back to the means


def test_project_role_is_marked(mini: nx.MultiDiGraph) -> None:
    line = _node_line(din_dot(mini, "mini").source, "din-mini--P1")
    assert "· regie" in line and "penwidth=1.8" in line
    esc = dinnet.load(ASSETS / "escaping.yaml")
    line = _node_line(din_dot(esc, "esc").source, "din-esc--P1")
    assert "afstemming · lijnproject" in line and "dashed" in line


def test_by_strategic_goal_keeps_the_goal_and_stubs_the_rest(mini: nx.MultiDiGraph) -> None:
    mini.add_edge("mini:E2", "mini:SD1", key="contributes_to", kind="contributes_to",
                  source="mini.txt:9", strength=None)
    sel = select_din(mini, "mini", strategic_goal="SD2")
    assert set(sel.nodes) == {"mini:visie", "mini:SD2", "mini:E2"}
    assert sel.stubs == {"mini:SD1"}
    src = din_dot(mini, "mini", strategic_goal="mini:SD2").source
    assert "→ SD1" in src and 'id="stub-mini--SD1"' in src
    assert "din-mini--E1" not in src and "din-mini--SD1.a" not in src
    with pytest.raises(NodeNotFoundError, match="strategic goals: SD1, SD2"):
        din_dot(mini, "mini", strategic_goal="SD9")
    with pytest.raises(NodeNotFoundError, match="unknown programme 'nope'"):
        din_dot(mini, "nope")


def test_missing_parts_are_drawn_as_empty_columns() -> None:
    G = dinnet.load(ASSETS / "minimal.yaml")
    G.remove_nodes_from([n for n, d in G.nodes(data=True) if d["kind"] in ("goal", "effort")])
    src = din_dot(G, "mini").source
    assert sorted(re.findall(r'id="din-empty-([\w-]+)"', src)) == [
        "din-mini--S1", "operational", "strategic"]  # the track S1 stands in for its efforts
    assert "(geen inspanningen in de tekst)" in src


def test_highlight_marks_nodes_and_lists_rules(mini: nx.MultiDiGraph) -> None:
    src = din_dot(mini, "mini", highlight={"mini:SD2": ["rule-b", "rule-a"],
                                           "mini:E1": ["rule-a"], "elsewhere": ["x"]},
                  severity={"rule-b": "warning"}).source
    line = _node_line(src, "din-mini--SD2")
    assert 'color="#d7301f"' in line and "penwidth=3.5" in line
    assert "! rule-a</FONT><BR/>" in line
    assert "rule-a (2)" in src and "rule-b (1)" in src and "x (1)" not in src
    assert 'id="din-legend"' in src


def test_gap_highlights_use_the_audit(mini: nx.MultiDiGraph) -> None:
    mini.remove_edge("mini:E2", "mini:SD2", "contributes_to")
    assert "goal-without-effort" in gap_highlights(mini, "mini").nodes["mini:SD2"]
    from dinnet.audit import run_audit

    findings = run_audit(mini)
    assert gap_highlights(mini, "mini", findings=findings) == gap_highlights(mini, "mini")
    assert gap_highlights(mini, "mini", findings=[]).nodes == {}


def _shuffled(G: nx.MultiDiGraph, seed: int) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    nodes = list(G.nodes(data=True))
    rng.shuffle(nodes)
    H.add_nodes_from(nodes)
    edges = list(G.edges(keys=True, data=True))
    rng.shuffle(edges)
    H.add_edges_from(edges)
    return H


def test_dot_is_byte_identical_for_shuffled_input() -> None:
    files = [ASSETS / "minimal.yaml", ASSETS / "escaping.yaml", *bundled_files()[:4]]
    contracts = []
    for f in files:
        try:
            contracts.append(read_contract(f).contract)
        except dinnet.ContractError:  # pragma: no cover - a bundled file in progress
            continue
    G1 = build_graph(contracts)
    G2 = _shuffled(build_graph(list(reversed(contracts))), seed=1)
    G3 = _shuffled(G1, seed=2)
    programmes = sorted(n for n, k in G1.nodes(data="kind") if k == "programme")
    for p in programmes:
        ref = din_dot(G1, p, highlight=gap_highlights(G1, p).nodes).source
        assert din_dot(G2, p, highlight=gap_highlights(G2, p).nodes).source == ref
        assert din_dot(G3, p, highlight=gap_highlights(G3, p).nodes).source == ref
    assert portfolio_dot(G2).source == portfolio_dot(G1).source == portfolio_dot(G3).source


def _label(line: str) -> str:
    """The HTML-like label of a node line, with the wrapped lines joined again."""
    return line.split(" [label=<", 1)[1].split("> ", 1)[0].replace("<BR/>", " ")


def test_user_text_is_escaped_in_dot() -> None:
    G = dinnet.load(ASSETS / "escaping.yaml")
    src = din_dot(G, "esc").source
    line = _node_line(src, "din-esc--SD1")
    label = _label(line)
    assert "Schone &quot;lucht&quot; &#92;&#92; voor &lt;b&gt;iedereen&lt;/b&gt;" in label
    assert "<b>" not in label and "\\" not in label
    assert r'tooltip="Schone \"lucht\" \\\\ voor <b>iedereen</b>"' in line
    script = _label(_node_line(src, "din-esc--SD1.a"))
    assert "&lt;/text&gt;&lt;script&gt;" in script and "<script" not in script
    vision = _node_line(src, "din-esc--visie")
    assert r'tooltip="Een \\\\N stad met \"quotes\" en \\\\l backslash \\\\"' in vision
    assert "&#92;&#92;N" in _label(vision) and "&#92;&#92;l" in _label(vision)
    assert "&lt;b&gt;Spoor&lt;/b&gt; &quot;1&quot; &#92;&#92;l" in src  # the track's cluster label
    assert "&lt;µg/m3&gt; &amp; &quot;meer&quot;" in src  # the indicator on its goal


def test_portfolio_marks_one_sided_relations() -> None:
    G = dinnet.load(ASSETS / "minimal.yaml", ASSETS / "escaping.yaml")
    G.add_edge("mini", "esc", key="depends_on", kind="depends_on", topics=["lucht"],
               source="mini.txt:20", nodes=[], text=None)
    src = portfolio_dot(G).source
    line = next(x for x in src.splitlines() if 'id="dep-mini--esc"' in x)
    assert "style=dashed" in line and "lucht" in line
    G.add_edge("esc", "mini", key="depends_on", kind="depends_on", topics=["fijnstof"],
               source="esc.txt:20", nodes=[], text=None)
    line = next(x for x in portfolio_dot(G).source.splitlines() if "dep-esc--mini" in x)
    assert "style=solid" in line and "dir=both" in line and "fijnstof" in line


def test_unknown_language_is_refused(mini: nx.MultiDiGraph) -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        din_dot(mini, "mini", lang="fr")


def test_pieces_join_to_the_same_text_and_errors_come_at_the_call() -> None:
    G = dinnet.load(*bundled_files())
    for p in ("zorg", "binnenstad"):
        hl = gap_highlights(G, p)
        for kwargs in ({}, {"highlight": hl.nodes, "severity": hl.severity, "lang": "en"},
                       {"strategic_goal": "SD1"}):
            pieces = list(iter_din_dot(G, p, **kwargs))  # type: ignore[arg-type]
            assert len(pieces) > 3
            assert "".join(pieces) == din_dot(G, p, **kwargs).source  # type: ignore[arg-type]
    with pytest.raises(NodeNotFoundError):
        iter_din_dot(G, "nope")  # raised here, before any piece is asked for


def test_pieces_start_before_the_selection(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first line comes at once; selecting waits (render starts dot meanwhile)."""
    G = dinnet.load(*bundled_files())
    calls: list[str] = []
    real = dot_module.select_din
    monkeypatch.setattr(dot_module, "select_din", lambda G, p, **kw: calls.append(p) or real(G, p, **kw))
    pieces = iter_din_dot(G, "zorg", strategic_goal="SD1")
    assert next(pieces) == 'digraph "din-zorg--SD1" {\n' and calls == []
    next(pieces)
    assert calls == ["zorg"]


def test_on_paper_a_stub_names_the_page_of_each_end_and_the_key_explains_it(
        mini: nx.MultiDiGraph) -> None:
    """A stub names the page of an end on another page; an end in another programme is on
    no page of this DIN and named alone; the key lists both kinds of stub, and nothing the
    page does not use. Without ``key`` and ``sheets`` the DIN is drawn as before."""
    from dinnet.render.select import DinPart

    G = mini.copy()
    G.add_node("other:SD9", kind="goal", level="strategic", programme="other", label="Elders")
    G.add_edge("mini:E1", "mini:SD2", key="contributes_to")
    G.add_edge("mini:E1", "other:SD9", key="contributes_to")
    part = DinPart(number=1, total=2, sheets={"mini:SD2": 2}, key=True)
    src = din_dot(G, "mini", strategic_goal="SD1", part=part).source
    assert "→ SD2 (blad 2) · other:SD9" in src
    key = _node_line(src, "din-key")
    for words in ("<B>Legenda</B>", "X staat op blad N", "X staat buiten deze DIN",
                  "project: regie", "→ X (blad N)", "■</FONT> doel", "■</FONT> project"):
        assert words in key, words
    for words in ("afgeleid", "levert", "spoor", "vervolg", "afstemming", "lijnproject",
                  "resultaat"):
        assert words not in key, words
    en = din_dot(G, "mini", strategic_goal="SD1", lang="en", part=part).source
    assert "→ SD2 (page 2) · other:SD9" in en and "<B>Key</B>" in en and "X is on page N" in en
    plain_part = din_dot(G, "mini", strategic_goal="SD1", part=DinPart(number=1, total=2)).source
    assert "din-key" not in plain_part and "→ SD2 · other:SD9" in plain_part
