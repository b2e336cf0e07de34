"""The report's DINs are readable at a window of 1366 x 768 without pressing "Ware grootte".

Text sizes are measured on screen: each ``<text>`` of a DIN's SVG, its
font size times the scale the page draws it at (``getScreenCTM``). Body text
(9 pt and more in the drawing: labels of goals, efforts, projects, headings)
must show at 9 px or more, smaller text (ids, tags, indicator lines, stubs)
at 8 px or more. A DIN wider than the report's box comes in parts, as
``dinnet render --page`` splits it; the second report here forces that with a
narrower box.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

import dinnet
from dinnet.render import Screen
from dinnet.report import build_report
from dinnet.report import figures as report_figures

pytestmark = pytest.mark.browser

ZORG = Path(__file__).resolve().parents[2] / "data" / "contracts" / "almelo-2019" / "zorg.yaml"
W, H = 1366, 768
MIN_BODY_PX, MIN_SMALL_PX = 9.0, 8.0

#: For every DIN box: its programme, width, whether it scrolls sideways, and the smallest body
#: and small text on screen, with the text itself.
_SIZES = """() => [...document.querySelectorAll('.din')].filter(box => box.querySelector('svg'))
  .map(box => {
    const out = {id: box.id, width: box.clientWidth, scrolls: box.scrollWidth > box.clientWidth + 1,
                 parts: box.querySelectorAll('svg.figure').length, body: [1e9, ''], small: [1e9, '']};
    box.querySelectorAll('svg.figure text').forEach(t => {
      const pt = parseFloat(t.getAttribute('font-size'));
      if (!pt || !t.textContent.trim()) return;
      const m = t.getScreenCTM();
      const px = pt * Math.hypot(m.a, m.b);
      const key = pt >= 9 ? 'body' : 'small';
      if (px < out[key][0]) out[key] = [px, t.textContent.trim()];
    });
    return out;
  })"""


def _sizes(page: Any) -> dict[str, dict[str, Any]]:
    return {s["id"].removeprefix("din-box-"): s for s in page.page.evaluate(_SIZES)}


def _unreadable(sizes: dict[str, dict[str, Any]]) -> dict[str, tuple[float, float]]:
    return {p: (round(s["body"][0], 2), round(s["small"][0], 2)) for p, s in sizes.items()
            if s["body"][0] < MIN_BODY_PX - 0.01 or s["small"][0] < MIN_SMALL_PX - 0.01}


def test_every_almelo_din_is_readable_at_1366(reports, open_page):
    page = open_page(reports["almelo"], W, H)
    assert page.page.eval_on_selector_all(".zoom", "bs => bs.map(b => b.ariaPressed)") == \
        ["false"] * 7  # fitted to the width, as the page opens
    sizes = _sizes(page)
    G = dinnet.load()
    assert set(sizes) == {n for n, k in G.nodes(data="kind") if k == "programme"}
    assert _unreadable(sizes) == {}, {p: (s["body"], s["small"]) for p, s in sizes.items()}
    # fitted to the box: nothing to scroll sideways
    assert [p for p, s in sizes.items() if s["scrolls"]] == []


def test_din_stays_readable_and_uncovered_while_details_show(reports, open_page):
    """The details slide in over the page; the DIN ends where they begin and keeps its size."""
    page = open_page(reports["almelo"], W, H)
    before = _sizes(page)["zorg"]
    for node in ("zorg:P1", "zorg:SD1", "zorg:visie"):
        page.page.click(f'.din [data-node="{node}"]')
        page.page.wait_for_timeout(300)  # the panel has slid in
        r = page.page.evaluate(f"""() => {{
          const n = document.querySelector('.din [data-node="{node}"]').getBoundingClientRect();
          const box = document.getElementById('din-box-zorg').getBoundingClientRect();
          const panel = document.getElementById('panel').getBoundingClientRect();
          return {{node: [n.left, n.right], box: [box.left, box.right], panel: panel.left,
                   shown: getComputedStyle(document.getElementById('panel')).visibility}}; }}""")
        assert r["shown"] == "visible" and r["box"][1] <= r["panel"], r
        assert r["box"][0] <= r["node"][0] and r["node"][1] <= r["box"][1], (node, r)
        assert page.page.locator("#panel-body .label").is_visible()
    after = _sizes(page)["zorg"]
    assert _unreadable({"zorg": after}) == {}, after
    assert after["body"][0] >= before["body"][0] * 0.9
    page.page.keyboard.press("Escape")
    for _ in range(60):  # it slides out, then hides
        if page.page.evaluate("getComputedStyle(document.getElementById('panel')).visibility"
                              " === 'hidden'"):
            break
        page.page.wait_for_timeout(50)
    else:
        raise AssertionError("the details stayed on screen after Escape")
    assert not _sizes(page)["zorg"]["scrolls"]


def test_overview_tables_fit_their_column_at_1366(reports, open_page):
    page = open_page(reports["almelo"], W, H)
    widths = page.page.eval_on_selector_all(
        "#overview .scroll", "ss => ss.map(s => [s.querySelector('table').id || "
        "s.querySelector('table').className, s.scrollWidth, s.clientWidth])")
    assert [w[0] for w in widths] == ["overview-table", "rules"]
    assert [w for w in widths if w[1] > w[2]] == []
    # the last column of the overview is on screen, not cut at the right edge
    right = page.page.eval_on_selector("#overview-table thead th:last-child",
                                       "th => th.getBoundingClientRect().right")
    assert right <= page.page.eval_on_selector("#overview", "s => s.getBoundingClientRect().right")


@pytest.fixture(scope="module")
def parts_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Zorg's report with a DIN box too narrow for its whole DIN: it comes in parts."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(report_figures, "SCREEN", Screen(900, wraps=(report_figures.REPORT_WRAP,)))
        page = build_report(dinnet.load(ZORG))
    out = tmp_path_factory.mktemp("parts") / "zorg.html"
    out.write_text(page, encoding="utf-8")
    return out


def test_a_wide_din_comes_in_readable_parts(parts_report, open_page, tmp_path):
    page = open_page(parts_report, W, H)
    p = page.page
    labels = p.eval_on_selector_all("#din-box-zorg .din-part", "ds => ds.map(d => d.ariaLabel)")
    assert len(labels) >= 4 and labels[0].startswith(f"blad 1 van {len(labels)} · SD1 ")
    sizes = _sizes(page)
    assert sizes["zorg"]["parts"] == len(labels)
    assert _unreadable(sizes) == {} and not sizes["zorg"]["scrolls"], sizes
    ids = p.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
    assert p.locator("#din-zorg--SD1").count() == 1  # the first part keeps the node's id
    # a goal drawn on several parts: selected on each, its chain marked on every part
    p.click('.din [data-node="zorg:SD1"]')
    marked = p.eval_on_selector_all(
        "#din-box-zorg .din-part", "ds => ds.map(d => d.querySelectorAll('.selected, .why, .how')"
        ".length)")
    assert marked[0] > 0 and sum(1 for m in marked if m) >= 2
    assert "In 2022 redden meer Almeloërs" in p.locator("#panel-body").inner_text()
    # printed, every part stands on a page of its own
    pdf = tmp_path / "parts.pdf"
    p.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout.split("\f")
    total = len(labels)
    on = [[i for i, t in enumerate(text) if f"blad {n} van {total}" in t] for n in range(1, total + 1)]
    assert all(len(pages) == 1 for pages in on) and len({pages[0] for pages in on}) == total, on
