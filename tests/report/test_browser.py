"""The report in a real browser (headless Chromium from Debian, driven by Playwright)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _classes(page: Any, node: str) -> list[str]:
    return page.page.eval_on_selector(f'.din [data-node="{node}"]', "e => [...e.classList]")


def test_no_console_errors_and_no_requests(reports, open_page):
    page = open_page(reports["almelo"])
    page.page.click('.din [data-node="zorg:SD1"]')
    page.page.fill("#search", "wijk")
    page.page.wait_for_timeout(100)
    assert [m for m in page.console if m[0] in ("error", "pageerror", "warning")] == []
    assert page.requests, "the page itself should have been requested"
    assert all(u == page.url or u.startswith("data:") for u in page.requests), page.requests


def test_clicking_a_goal_shows_details_and_its_chain(reports, open_page):
    page = open_page(reports["almelo"])
    page.page.click('.din [data-node="zorg:SD1"]')
    panel = page.page.locator("#panel-body").inner_text()
    assert "In 2022 redden meer Almeloërs zich zonder hulp van de overheid" in panel
    assert "07-zorg.txt" in panel and "Waarom" in panel and "Hoe" in panel
    assert "selected" in _classes(page, "zorg:SD1")
    details = page.page.evaluate("({why: dinnetChains.why('zorg:SD1'), how: dinnetChains.how('zorg:SD1')})")
    assert details["why"] == ["zorg:visie"]
    kinds = {page.page.evaluate(f"JSON.parse(document.getElementById('report-data').textContent)"
                                f".nodes['{n}'].kind") for n in details["how"]}
    assert {"goal", "effort", "project"} <= kinds
    # up to the vision, down to sub-goals, efforts and projects
    assert "why" in _classes(page, "zorg:visie")
    for node in details["how"]:
        assert "how" in _classes(page, node), node
    # every drawn link between two nodes of the chain is marked (a track's frame
    # link stands for its first effort), and those are many
    chain = {"zorg:SD1", *details["why"], *details["how"]}
    ends = page.page.evaluate("Array.from(document.querySelectorAll('#din-box-zorg g.edge"
                              "[data-from]')).map(e => [e.getAttribute('data-from'), "
                              "e.getAttribute('data-to'), e.classList.contains('on-chain')])")
    marked = [on for a, b, on in ends if a in chain and b in chain]
    assert len(marked) >= 8 and all(marked)  # visie, five sub-goals, PL1's frame, a project
    assert not any(on for a, b, on in ends if not (a in chain and b in chain))
    # a node off the chain is left alone, and the DIN dims it
    assert not {"why", "how", "selected"} & set(_classes(page, "zorg:SD2"))
    assert "chain" in page.page.get_attribute("#din-box-zorg", "class")
    # an operational goal's why-chain runs through its strategic goal
    page.page.click('.din [data-node="zorg:SD1.a"]')
    assert "why" in _classes(page, "zorg:SD1") and "why" in _classes(page, "zorg:visie")
    assert "selected" not in _classes(page, "zorg:SD1")


def test_chains_in_the_page_are_those_of_the_queries(reports, open_page):
    """The page walks the links itself; for every DIN node it must agree with why() and how()."""
    import dinnet
    from dinnet.queries import how, why
    from dinnet.report.data import DIN_KINDS

    G = dinnet.load()
    page = open_page(reports["almelo"])
    got = page.page.evaluate("Object.keys(JSON.parse(document.getElementById('report-data')"
                             ".textContent).nodes)"
                             ".map(id => [id, dinnetChains.why(id), dinnetChains.how(id)])")
    drawn = sorted(n for n, k in G.nodes(data="kind") if k in DIN_KINDS)
    assert sorted(g[0] for g in got) == drawn
    for node, up, down in got:
        assert up == why(G, node), node
        assert down == [n for n in how(G, node) if G.nodes[n]["kind"] != "track"], node


def test_goal_details_list_indicators_and_sources(reports, open_page):
    page = open_page(reports["minimal"])
    page.page.click('.din [data-node="mini:SD1.a"]')
    text = page.page.locator("#panel-body").inner_text()
    assert "Minder fijnstof" in text and "Fijnstof (ug/m3)" in text and "mini.txt:4" in text
    page.page.click('.din [data-node="mini:E1"]')
    assert "Fietsersbond" in page.page.locator("#panel-body").inner_text()


def test_nodes_work_from_the_keyboard(reports, open_page):
    page = open_page(reports["minimal"])
    node = page.page.locator('.din [data-node="mini:E2"]')
    assert node.get_attribute("tabindex") == "0" and node.get_attribute("role") == "button"
    assert node.get_attribute("aria-label") == "Bomen planten"
    node.focus()
    page.page.keyboard.press("Enter")
    assert "Bomen planten" in page.page.locator("#panel-body").inner_text()
    assert "why" in _classes(page, "mini:SD2")
    page.page.locator('.din [data-node="mini:P1"]').focus()
    page.page.keyboard.press(" ")
    assert "Fietspad" in page.page.locator("#panel-body").inner_text()
    page.page.keyboard.press("Escape")
    assert "selected" not in _classes(page, "mini:P1")


@pytest.mark.parametrize("query", ["Almeloërs", "almeloers", "ALMELOERS"])
def test_search_is_case_and_accent_insensitive(reports, open_page, query):
    page = open_page(reports["almelo"])
    page.page.fill("#search", query)
    results = page.page.locator("#search-results li")
    assert results.count() >= 6
    assert "Almeloërs" in results.first.inner_text()
    matched = page.page.eval_on_selector_all(".din .din-node.match", "es => es.map(e => e.dataset.node)")
    assert "binnenstad:3a" in matched
    results.first.locator("button").click()
    assert "Almeloërs" in page.page.locator("#panel-body").inner_text()


def test_search_without_hits_says_so(reports, open_page):
    page = open_page(reports["almelo"])
    page.page.fill("#search", "qqqxyz")
    assert page.page.locator("#search-status").inner_text() == "Niets gevonden."
    assert page.page.locator(".din-node.match").count() == 0


def test_findings_filter_by_severity_and_programme(reports, open_page):
    page = open_page(reports["almelo"])
    rows = page.page.locator("#findings-all tbody tr")
    visible = "#findings-all tbody tr:not(.filtered)"
    total = rows.count()
    page.page.uncheck('#finding-filters input[value="info"]')
    no_info = page.page.locator(visible).count()
    assert 0 < no_info < total
    assert page.page.locator(f'{visible}[data-severity="info"]').count() == 0
    page.page.select_option("#filter-programme", "binnenstad")
    programmes = page.page.eval_on_selector_all(
        visible, "rs => [...new Set(rs.map(r => r.dataset.programme))]")
    assert programmes == ["binnenstad"]
    assert page.page.locator("#filter-count").inner_text().startswith(
        f"{page.page.locator(visible).count()} / {total}")


def test_findings_table_links_to_the_node(reports, open_page):
    page = open_page(reports["almelo"])
    page.page.click('#findings-binnenstad button[data-select="binnenstad:1a"]')
    assert "selected" in _classes(page, "binnenstad:1a")
    # an indicator is not drawn: its finding selects the goal that shows it
    button = page.page.locator('#findings-binnenstad button:has(span.via)').first
    goal = button.get_attribute("data-select")
    button.click()
    assert goal and "selected" in _classes(page, goal)


def test_hostile_labels_show_as_text_and_run_nothing(reports, open_page):
    page = open_page(reports["hostile"])
    p = page.page
    for node in ("hostile:E1", "hostile:SD1", "hostile:SD1.a", "hostile:P1", "hostile:visie"):
        p.click(f'.din [data-node="{node}"]')
    p.fill("#search", "script")
    p.wait_for_timeout(200)
    assert page.dialogs == []
    assert p.evaluate("document.querySelectorAll('img, iframe').length") == 0
    assert p.evaluate("document.scripts.length") == 2
    assert p.evaluate("getComputedStyle(document.body).display") != "none"
    p.click('.din [data-node="hostile:E1"]')
    assert p.locator("#panel-body .label").inner_text() == '"><img src=x onerror=alert(1)>'
    assert "<img src=x onerror=alert(7)>" in p.locator("#panel-body").inner_text()
    p.click('.din [data-node="hostile:SD1"]')
    assert p.locator("#panel-body .label").inner_text() == "<script>alert(1)</script>"
    assert p.locator("#programme-hostile .din text", has_text="<script>alert(1)</script>").count()
    assert p.locator("h2", has_text="Gevaar <script>alert(1)</script>").is_visible()
    assert "</script><script>alert(10)</script>" in p.locator(".missing").inner_text()
    assert [m for m in page.console if m[0] in ("error", "pageerror")] == []
    assert all(u == page.url or u.startswith("data:") for u in page.requests), page.requests


def test_english_headings(reports, open_page):
    page = open_page(reports["almelo-en"])
    assert page.page.locator("h2", has_text="All findings").is_visible()
    assert page.page.locator("html").get_attribute("lang") == "en"
    page.page.click('.din [data-node="zorg:SD1"]')
    assert "Why (chain up to the vision)" in page.page.locator("#panel-body").inner_text()


def test_print_layout_hides_the_controls(reports, open_page):
    page = open_page(reports["minimal"])
    page.page.emulate_media(media="print")
    assert not page.page.locator("#panel").is_visible()
    assert not page.page.locator("#search").is_visible()
    assert page.page.locator(".din svg").is_visible()
