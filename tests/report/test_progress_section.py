"""The report's Voortgang section on the fictional example measurements (issue 21)."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import networkx as nx
import pytest

import dinnet
from dinnet.report import Figures, render_html, report_data

END_2025 = dt.date(2025, 12, 31)


@pytest.fixture(scope="module")
def examples() -> nx.MultiDiGraph:
    return dinnet.load("examples/zonnedal", "examples/groene-stad.yaml",
                       "examples/groene-stad.measurements.yaml")


def _page(G: nx.MultiDiGraph, lang: str = "en", as_of: dt.date = END_2025) -> str:
    """The report without its pictures (no Graphviz): the tables are what is tested."""
    return render_html(report_data(G, [], lang=lang, as_of=as_of), Figures(portfolio=""),
                       charts=False)


class _Text(HTMLParser):
    """The text of the element with a given id, tags left out."""

    def __init__(self, wanted: str) -> None:
        super().__init__()
        self.wanted, self.depth, self.parts = wanted, 0, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth or dict(attrs).get("id") == self.wanted:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1 if self.depth else 0

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def _text(page: str, element: str) -> str:
    parser = _Text(element)
    parser.feed(page)
    return re.sub(r" ([,.;:])", r"\1", " ".join(" ".join(parser.parts).split()))


def test_the_goals_behind_and_what_is_done_about_them(examples: nx.MultiDiGraph) -> None:
    page = _page(examples)
    sd1a = _text(page, "behind-groene-stad--SD1.a")
    assert sd1a.startswith("▼ behind operational goal SD1.a Meer groen in de openbare ruimte")
    assert "13,600 measured on 2025-12-31 misses the target of 2025 (14,000)" in sd1a
    dutch = _text(_page(examples, "nl"), "behind-groene-stad--SD1.a")
    assert "13.600 gemeten op 31-12-2025 mist de streefwaarde van 2025 (14.000)" in dutch
    # its remedies, in order, each with its latest report
    assert re.search(r"E1 Tegels eruit, groen erin ✔ realised 2024-12-31 .*"
                     r"E1\.1 Geveltuinen aanleggen ½ partly realised or delayed .*"
                     r"P1 Groen schoolplein De Esch ✔ realised 2025-12-31", sd1a), sd1a
    sd1b = _text(page, "behind-groene-stad--SD1.b")
    assert "E2 Bomenplan uitvoeren ✘ not realised 2025-12-31 Het bomenplan is uitgesteld" in sd1b
    # the strategic goal is behind through its sub-goals: their efforts are not repeated
    sd1 = _text(page, "behind-groene-stad--SD1")
    assert "is behind through SD1.a, SD1.b" in sd1 and "E1" not in sd1


def test_the_statuses_of_indicators_and_efforts(examples: nx.MultiDiGraph) -> None:
    section = _text(_page(examples, "nl"), "progress-duurzaam-zonnedal")
    assert "Voortgang stand op 31-12-2025" in section
    assert "▼ achter Hernieuwbare elektriciteit Programma 21 % 31-12-2025" in section
    assert "★ bereikt Aantal woningen met energielabel A of beter Programma ca. 4.050" in section
    assert "Geen doel ligt achter." in section  # its indicators measure the programme as a whole
    assert "✘ niet gerealiseerd inspanning A2 Windpark Zonnedal-Noord voorbereiden" in section


def test_an_earlier_date_knows_less(examples: nx.MultiDiGraph) -> None:
    section = _text(_page(examples, as_of=dt.date(2024, 12, 31)), "progress-groene-stad")
    assert "as of 2024-12-31" in section
    assert "E2 Bomenplan uitvoeren nothing reported" in section and "not realised" not in section


def test_no_section_without_measurements() -> None:
    almelo = dinnet.load()
    assert all(p.progress is None for p in report_data(almelo, []).programmes)
    bare = dinnet.load("examples/groene-stad.yaml")
    assert 'id="progress-' not in _page(bare)


@pytest.mark.browser
def test_readable_at_1366_and_the_links_select_the_node(examples, open_page, tmp_path) -> None:
    """At a council laptop's width: no text under 9 px, nothing wider than its column, no
    console errors; a remedy's link selects the effort in the DIN's details panel."""
    from dinnet.report import build_report

    path = tmp_path / "report.html"
    path.write_text(build_report(examples, as_of=END_2025, charts=False), encoding="utf-8")
    page = open_page(path, 1366, 768)
    found = page.page.evaluate("""() => {
      const s = document.getElementById('progress-groene-stad');
      const texts = [...s.querySelectorAll('*')].filter(e => e.childElementCount === 0
                                                          && e.textContent.trim());
      return {small: texts.map(e => parseFloat(getComputedStyle(e).fontSize))
                          .filter(px => px < 9).length,
              texts: texts.length, over: s.scrollWidth - s.clientWidth};
    }""")
    assert found["texts"] > 40 and found["small"] == 0 and found["over"] <= 0, found
    page.page.click('#behind-groene-stad--SD1\\.b .node-ref[data-select="groene-stad:E2"]')
    assert "Bomenplan uitvoeren" in page.page.locator("#panel-body").inner_text()
    assert [m for m in page.console if m[0] in ("error", "pageerror")] == []
