"""Regenerate the screenshots of the HTML report in docs/img/ (needs Graphviz and chromium).

Run from anywhere:  .venv/bin/python docs/gen_report_img.py

Builds the report of the bundled data, opens it from disk in headless
Chromium (Debian's /usr/bin/chromium through Playwright) at the size of a
council laptop (1366 x 768) and saves five views: the overview
(``report-overview.png``), a DIN with one effort selected (``report.png``),
the Zorg DIN as it opens, fitted to the width (``report-din.png``), the goals
without effort of Zorg (``report-gaps.png``) and the budgets filtered by rule
(``report-budget.png``); and the Voortgang of the fictional Groene Stad on
31 December 2025 (``report-progress.png``; only this one with the argument
``progress``).
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

import dinnet
from dinnet.io.output import write_output
from dinnet.report import build_report

IMG = Path(__file__).resolve().parent / "img"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def small_png(data: bytes) -> bytes:
    image = Image.open(io.BytesIO(data)).convert("RGB").quantize(256)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "report.html"
        page_file.write_text(build_report(dinnet.load()), encoding="utf-8")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.goto(page_file.as_uri())
            page.wait_for_selector("#panel[data-ready=true]", state="attached")
            shots = {"report-overview.png": page.screenshot()}
            page.click('.toc a[href="#question-gaps"]')
            page.select_option('form[data-filter="gaps"] select', "zorg")
            page.wait_for_timeout(100)
            shots["report-gaps.png"] = page.screenshot()
            page.click('.toc a[href="#question-budget"]')
            page.select_option('form[data-filter="budget"] select[name="rule"]', "budget-mismatch")
            page.wait_for_timeout(100)
            shots["report-budget.png"] = page.screenshot()
            page.evaluate("document.getElementById('din-heading-zorg').scrollIntoView()")
            page.evaluate("""() => {  // the DIN's box scrolled to its strategic goals
              const box = document.getElementById('din-box-zorg');
              const goal = box.querySelector('[data-node="zorg:SD1"]').getBoundingClientRect();
              box.scrollTop += goal.top - box.getBoundingClientRect().top - 40; }""")
            page.wait_for_timeout(100)
            shots["report-din.png"] = page.screenshot()
            page.click('.toc a[href="#programme-omgevingswet"]')
            page.locator("#din-heading-omgevingswet").scroll_into_view_if_needed()
            page.evaluate("document.getElementById('din-heading-omgevingswet').scrollIntoView()")
            page.locator('.din [data-node="omgevingswet:E21"]').dispatch_event("click")
            page.wait_for_timeout(200)
            shots["report.png"] = page.screenshot()
            browser.close()
    shots["report-progress.png"] = progress_shot()
    for name, data in shots.items():
        write_output(IMG / name, small_png(data))
        print(f"wrote {IMG / name}")


def progress_shot() -> bytes:
    """The Voortgang of Groene Stad on 31 December 2025 (its fictional measurements)."""
    examples = Path(__file__).resolve().parents[1] / "examples"
    G = dinnet.load(examples / "groene-stad.yaml", examples / "groene-stad.measurements.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "report.html"
        page_file.write_text(build_report(G, as_of=dt.date(2025, 12, 31)), encoding="utf-8")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.goto(page_file.as_uri())
            page.wait_for_selector("#panel[data-ready=true]", state="attached")
            page.evaluate("document.getElementById('progress-heading-groene-stad').scrollIntoView()")
            page.wait_for_timeout(100)
            shot = page.screenshot()
            browser.close()
    return shot


if __name__ == "__main__":
    if sys.argv[1:] == ["progress"]:  # only the Voortgang screenshot
        write_output(IMG / "report-progress.png", small_png(progress_shot()))
        print(f"wrote {IMG / 'report-progress.png'}")
    else:
        main()
