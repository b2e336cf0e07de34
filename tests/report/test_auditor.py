"""The report as an auditor uses it at 1366 x 768: the three questions, the layout, print.

Each question's answer must be on screen after one click in the contents,
without scrolling through other sections.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

import dinnet
from dinnet.queries import budget_checks, goals_without_effort, shared_stakeholders

pytestmark = pytest.mark.browser

W, H = 1366, 768


def _in_view(page: Any, selector: str) -> bool:
    """The element's top is on screen, below the sticky header."""
    return page.page.eval_on_selector(selector, """e => {
      const r = e.getBoundingClientRect();
      const header = document.querySelector('.top').getBoundingClientRect().bottom;
      return r.top >= header - 1 && r.top < innerHeight && r.height > 0;
    }""")


def _until(page: Any, condition: str, seconds: float = 5) -> None:
    """Wait until ``condition`` holds (wait_for_function evaluates strings, which the CSP forbids)."""
    for _ in range(int(seconds * 20)):
        if page.page.evaluate(f"() => {condition}"):
            return
        page.page.wait_for_timeout(50)
    raise AssertionError(f"never true: {condition}")


def test_overview_answers_first(reports, open_page):
    page = open_page(reports["almelo"], W, H)
    rows = page.page.eval_on_selector_all("#overview-table tbody tr", """rs => rs.map(r =>
      [r.dataset.programme, r.cells[1].innerText, r.cells[2].innerText, r.cells[6].innerText])""")
    G = dinnet.load()
    gaps = goals_without_effort(G)
    by_id = {p: (goals, without, budget) for p, goals, without, budget in rows}
    assert set(by_id) == {n for n, k in G.nodes(data="kind") if k == "programme"}
    assert by_id["zorg"][1].endswith(str(sum(g.startswith("zorg:") for g in gaps)))
    assert "✗" in by_id["zorg"][1] and "✗" in by_id["binnenstad"][2]   # a symbol, not colour alone
    for p, (_, _, budget) in by_id.items():
        checks = [c for c in budget_checks(G) if c.programme == p and c.group == "budgets"]
        if any(not c.matches for c in checks):
            assert budget == "✗ klopt niet", p
        elif any(c.stated is not None for c in checks):
            assert budget == "✓ klopt", p
        else:
            assert budget.startswith("–"), p
    assert _in_view(page, "#overview-table")  # the first screen holds the answer table
    assert page.page.locator("ol.worst li").count() == 10
    assert all("fout" in t for t in page.page.locator("ol.worst li .sev").all_inner_texts()[:3])


def test_portfolio_labels_are_legible(reports, open_page):
    page = open_page(reports["almelo"], W, H)
    sizes = page.page.eval_on_selector_all(".portfolio svg.figure text", """ts => ts.map(t => {
      const svg = t.ownerSVGElement;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return parseFloat(t.getAttribute('font-size')) * scale;
    })""")
    assert sizes and min(sizes) >= 9


def test_question_goals_without_effort(reports, open_page):
    page = open_page(reports["almelo"], W, H)
    page.page.click('.toc a[href="#question-gaps"]')
    assert _in_view(page, "#question-gaps h2")
    page.page.select_option('form[data-filter="gaps"] select', "zorg")
    shown = page.page.eval_on_selector_all(".gap-group:not(.filtered)", "gs => gs.map(g => g.id)")
    assert shown == ["gaps-zorg"]
    listed = page.page.eval_on_selector_all("#gaps-zorg li button", "bs => bs.map(b => b.dataset.select)")
    assert listed == [g for g in goals_without_effort(dinnet.load()) if g.startswith("zorg:")]
    assert _in_view(page, "#gaps-zorg li")
    page.page.click("#gaps-zorg li button")  # and it leads to the goal in its DIN
    assert "selected" in page.page.get_attribute(f'.din [data-node="{listed[0]}"]', "class")


def test_question_shared_across_programmes(reports, open_page):
    page = open_page(reports["almelo"], W, H)
    page.page.click('.toc a[href="#question-shared"]')
    assert _in_view(page, "#question-shared h2")
    assert page.page.locator("#double-claims").is_visible()
    rows = page.page.locator("#shared-stakeholders-table tbody tr")
    assert rows.count() == len(shared_stakeholders(dinnet.load())) > 0
    first = rows.first.inner_text()
    assert "," in first  # the programmes that share it


def test_question_budgets_filtered_by_rule(reports, open_page):
    page = open_page(reports["almelo"], W, H)
    page.page.click('.toc a[href="#question-budget"]')
    assert _in_view(page, "#question-budget h2")
    table = "#budget-all tbody tr"
    checks = [c for c in budget_checks(dinnet.load()) if c.group == "budgets"]
    assert page.page.locator(table).count() == len(checks)
    # "Klopt: ja" never stands on a row without a printed total
    states = page.page.eval_on_selector_all(table, """rs => rs.map(r =>
      [r.cells[3].innerText.trim(), r.cells[7].innerText.trim()])""")
    for stated, state in states:
        assert (stated == "–") == (state == "– geen totaal gedrukt"), (stated, state)
    page.page.select_option('form[data-filter="budget"] select[name="rule"]', "budget-mismatch")
    visible = page.page.eval_on_selector_all(f"{table}:not(.filtered)", """rs => rs.map(r =>
      [r.dataset.programme, r.cells[2].innerText])""")
    mismatched = [[c.programme, str(c.year)] for c in checks if not c.matches]
    assert visible == mismatched and ["binnenstad", "2022"] in visible
    assert _in_view(page, f"{table}:not(.filtered)")


def test_findings_filter_by_rule(reports, open_page):
    page = open_page(reports["almelo"], W, H)
    page.page.select_option("#filter-rule", "indicator-without-target")
    rules = page.page.eval_on_selector_all("#findings-all tbody tr:not(.filtered)",
                                           "rs => [...new Set(rs.map(r => r.dataset.rule))]")
    assert rules == ["indicator-without-target"]


def test_anchors_land_below_the_sticky_header(reports, open_page):
    page = open_page(reports["almelo"], W, H)
    for link in ("#programme-zorg", "#question-budget", "#all-findings"):
        page.page.click(f'.toc a[href="{link}"]')
        page.page.wait_for_timeout(50)
        assert _in_view(page, f"{link} h2"), link


def test_details_panel_at_narrow_widths(reports, open_page):
    page = open_page(reports["almelo"], 900, 700)
    assert not page.page.locator(".toc").is_visible()
    node = '.din [data-node="zorg:SD1"]'
    page.page.locator(node).scroll_into_view_if_needed()
    page.page.click(node)
    # the sheet slides up; wait until it has finished sliding (top high enough, bottom inside the window)
    _until(page, "(r => r.top < innerHeight * 0.6 && r.bottom <= innerHeight + 1)"
                 "(document.getElementById('panel').getBoundingClientRect())")
    box = page.page.locator("#panel").bounding_box()
    assert box and box["y"] < 700 * 0.6 and box["y"] + box["height"] <= 701
    assert "In 2022 redden meer Almeloërs" in page.page.locator("#panel-body").inner_text()
    page.page.click("#panel-close")
    _until(page, "document.getElementById('panel').getBoundingClientRect().top"
                 " > innerHeight - 60")  # only its handle shows


def test_skip_links_reach_each_din(reports, open_page):
    page = open_page(reports["almelo"], W, H)
    links = page.page.eval_on_selector_all(".skip a", "as => as.map(a => a.getAttribute('href'))")
    drawn = page.page.eval_on_selector_all(".din", "ds => ds.filter(d => d.querySelector('svg'))"
                                                   ".map(d => '#' + d.id)")
    assert links == ["#main", *drawn] and len(drawn) >= 6
    # from the top of the page: Tab to the skip link of Zorg's DIN, Enter, Tab: a node of it
    presses = 0
    while page.page.evaluate("document.activeElement.getAttribute('href')") != "#din-box-zorg":
        page.page.keyboard.press("Tab")
        presses += 1
        assert presses < 12
    assert page.page.evaluate("getComputedStyle(document.activeElement).left") != "-9999px"
    page.page.keyboard.press("Enter")
    page.page.keyboard.press("Tab")
    presses += 2
    focused = page.page.evaluate("document.activeElement.closest('.din')?.id")
    assert focused == "din-box-zorg" and presses <= 12


def test_packed_sections_unpack(reports, open_page):
    page = open_page(reports["almelo-packed"], W, H)
    assert page.page.locator("section[data-packed]").count() == 0
    assert page.page.locator(".din [data-node]").count() > 300
    page.page.click('.din [data-node="zorg:SD1"]')
    assert "Waarom" in page.page.locator("#panel-body").inner_text()
    assert [m for m in page.console if m[0] in ("error", "pageerror")] == []
    size = reports["almelo-packed"].stat().st_size
    assert size < reports["almelo"].stat().st_size / 2


def _pdf_pages(pdf: Path) -> list[str]:
    count = int(next(line.split()[-1] for line in subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:")))
    return [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), "-layout", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
            for i in range(1, count + 1)]


def test_print_a4_landscape_keeps_every_din_part_whole(reports, open_page, tmp_path):
    """Chromium's PDF of the Almelo report: each DIN starts a page; a DIN in parts has each
    part on a page of its own, the next one; all boxes of a DIN (or of a part) are on its page."""
    page = open_page(reports["almelo"], W, H)
    pdf = tmp_path / "report.pdf"
    page.page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    size = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "841.92 x 594.96 pts (A4)" in size  # landscape
    pages = _pdf_pages(pdf)
    words = page.page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.din')]
      .filter(d => d.querySelector('svg')).map(d => [d.id,
        [...(d.querySelector('.din-part') ? d.querySelectorAll('.din-part') : [d])].map(part =>
          [...part.querySelectorAll('g.din-node text')].map(t => t.textContent.trim())
            .filter(Boolean))]))""")
    assert len(words) == 7
    assert any(len(parts) > 1 for parts in words.values())  # the top-down DINs: some come in parts
    for box, parts in words.items():
        name = page.page.inner_text(f"#{box.replace('din-box-', 'din-heading-')}")
        starts = [i for i, text in enumerate(pages) if text.lstrip().startswith(name)]
        assert len(starts) == 1, (box, name)
        for n, texts in enumerate(parts, 1):
            own = pages[starts[0] + n - 1]
            if len(parts) > 1:
                assert f"blad {n} van {len(parts)}" in own, (box, n)
            missing = [t for t in texts if not all(word in own.split() for word in t.split())]
            assert missing == [], (box, n, missing[:5])
