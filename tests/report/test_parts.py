"""The report's data assembly and SVG inlining, without a browser."""

from __future__ import annotations

import dinnet
from dinnet.audit import run_audit
from dinnet.report import coverage_matrix, inline_svg, report_data
from dinnet.report.data import findings_by_node


def test_coverage_matrix_direct_and_through_sub_goals():
    G = dinnet.load("tests/assets/minimal.yaml")
    cov = coverage_matrix(G, "mini")
    assert cov.cells == {("mini:SD1.a", "mini:E1"): "direct", ("mini:SD1", "mini:E1"): "indirect",
                         ("mini:SD2", "mini:E2"): "direct"}
    assert cov.indicators["mini:SD1.a"] == ("mini:SD1.a.i1",)


def test_coverage_matrix_sub_efforts_count_for_their_parent():
    G = dinnet.load()
    cov = coverage_matrix(G, "economie-en-participatie")
    assert len(cov.efforts) == 15  # the fifteen numbered efforts, not their 35 sub-efforts
    for e in cov.efforts:
        assert not any(k == "part_of" and G.nodes[v]["kind"] == "effort"
                       for _, v, k in G.out_edges(e, keys=True))
    # a sub-effort's goals count for its parent, as "indirect" unless the parent names them too
    parents = {v for u, v, k in G.edges(keys=True) if k == "part_of" and u in G
               and G.nodes[v]["kind"] == "effort" and G.nodes[u]["programme"] == cov.efforts[0].split(":")[0]}
    assert parents <= set(cov.efforts)
    assert set(cov.cells.values()) <= {"direct", "indirect"} and cov.cells


def test_report_data_on_almelo():
    G = dinnet.load()
    findings = run_audit(G)
    data = report_data(G, findings)
    assert [p.id for p in data.programmes] == sorted(p.id for p in data.programmes)
    assert sum(len(p.findings) for p in data.programmes) == len(findings)
    assert sum(r.count for r in data.rules) == len(findings)
    veiligheid = next(p for p in data.programmes if p.id == "veiligheid")
    assert any(m["what"] == "strategische doelen" for m in veiligheid.not_in_text)
    binnenstad = next(p for p in data.programmes if p.id == "binnenstad")
    assert [(r.check.table, r.check.year) for r in binnenstad.budget
            if r.state == "mismatch"] == [("B2", 2022)]
    assert ["serves", "zorg:visie"] in [link[:2] for link in data.nodes["zorg:SD1"]["links"]]


def test_indicator_findings_show_on_their_goal():
    G = dinnet.load()
    by_node = findings_by_node(G, run_audit(G))
    assert all(G.nodes[n]["kind"] != "indicator" for n in by_node)
    rules = {f.rule for f in by_node["binnenstad:3a"]}
    assert "indicator-without-baseline" in rules


def test_findings_on_undrawn_nodes_point_to_the_goal_that_shows_them():
    G = dinnet.load()
    findings = run_audit(G)
    data = report_data(G, findings)
    on_indicators = {f.node for f in findings if f.node and G.nodes[f.node]["kind"] == "indicator"}
    assert on_indicators and set(data.shown_on) == on_indicators
    for indicator, goal in data.shown_on.items():
        assert goal in data.nodes and G.has_edge(indicator, goal, "measures")


def test_report_data_is_deterministic():
    a = report_data(dinnet.load())
    b = report_data(dinnet.load())
    assert a == b


def test_inline_svg_removes_active_content_and_scopes_ids():
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
           'onload="alert(1)"><style>*{display:none}</style><script>alert(2)</script>'
           '<foreignObject><div>x</div></foreignObject>'
           '<a xlink:href="https://example.org" href="javascript:alert(3)"><text>t</text></a>'
           '<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/>'
           '<use xlink:href="#g"/><text>&lt;script&gt;</text></svg>')
    out = inline_svg(svg, scope="s")
    for bad in ("onload", "<style", "<script", "foreignObject", "https:", "javascript:"):
        assert bad not in out
    assert 'id="s--g"' in out and 'fill="url(#s--g)"' in out and 'xlink:href="#s--g"' in out
    assert "<text>&lt;script&gt;</text>" in out


def test_inline_svg_marks_edges_with_their_ends():
    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><g id="din-p--E1--contributes_to--din-p--SD1" '
           'class="edge"><path d="M0,0"/></g></svg>')
    nodes = {"din-p--E1": ("p:E1", "E"), "din-p--SD1": ("p:SD1", "S")}
    out = inline_svg(svg, scope="din-p", nodes=nodes)
    assert 'data-from="p:E1" data-to="p:SD1"' in out


def test_inline_svg_makes_repeated_ids_unique():
    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><g id="a"/><g id="a"/><g id="a-2"/>'
           '<use href="#a"/><use href="#a-2"/><g id="unused"/></svg>')
    out = inline_svg(svg, scope="s")
    assert out.count('id="s--a"') == 1 and 'id="s--a-2"' in out and 'id="s--a-2-2"' in out
    assert 'href="#s--a"' in out
    assert "unused" not in out  # an id nothing refers to is dropped


def test_a_din_drawn_from_its_neighbourhood_is_the_same():
    """The report draws each DIN from the part of the graph around it (quick in a region)."""
    from dinnet.report.figures import din_svg, neighbourhoods

    G = dinnet.load()
    findings = run_audit(G)
    around = neighbourhoods(G)
    for p in ("zorg", "omgevingswet", "veiligheid"):
        assert din_svg(G, p, findings=findings, around=around) == din_svg(G, p, findings=findings)


def test_a_din_too_wide_for_the_screen_comes_in_parts_or_whole():
    """Split as ``render --page`` splits; a part that cannot fit either: the whole DIN."""
    import re

    from dinnet.render import Screen
    from dinnet.report import din_svg

    G = dinnet.load()
    # top down, Zorg's tracks side by side are wider than the report's box at 1366 px
    assert din_svg(G, "zorg").count('class="din-part"') >= 2
    # a DIN that one part holds is drawn as that part (laid out for the box), not in parts
    small = din_svg(G, "binnenstad")
    assert small.count("<svg") == 1 and "din-part" not in small and 'id="din-binnenstad--SD1"' in small
    parts = din_svg(G, "zorg", screen=Screen(900, wraps=(0.45,)))
    labels = re.findall(r'<div class="din-part" role="group" aria-label="([^"]+)">', parts)
    assert len(labels) == parts.count("<svg") >= 4
    assert labels[0].startswith(f"blad 1 van {len(labels)} · SD1 In 2022 redden")
    ids = re.findall(r' id="([^"]+)"', parts)
    assert len(ids) == len(set(ids)) and ids.count("din-zorg--SD1") == 1
    whole = din_svg(G, "binnenstad", screen=Screen(300, wraps=(0.45,)))
    assert whole.count("<svg") == 1 and "din-part" not in whole
