"""Reports built once per test session, and a headless Chromium for the browser tests.

The browser tests drive Debian's ``/usr/bin/chromium`` through Playwright (never a
browser that Playwright downloads). ``make test`` installs the package when it
is missing; without it the browser tests fail with a message that says so.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import dinnet
from dinnet.report import build_report

ASSETS = Path(__file__).resolve().parents[1] / "assets"
CHROMIUM = os.environ.get("DINNET_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The bundled data (Dutch and English) and the hostile contract as report files."""
    folder = tmp_path_factory.mktemp("reports")
    almelo = dinnet.load()
    pages = {
        "almelo": build_report(almelo),
        "almelo-en": build_report(almelo, lang="en", charts=False),
        "hostile": build_report(dinnet.load(ASSETS / "hostile-labels.yaml")),
        "minimal": build_report(dinnet.load(ASSETS / "minimal.yaml"), charts=False),
        "almelo-packed": build_report(almelo, lazy=True),
    }
    out = {}
    for name, page in pages.items():
        out[name] = folder / f"{name}.html"
        out[name].write_text(page, encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests need Debian's chromium "
                    "(`make test` installs it; or run `apt-get install chromium`)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class Page:
    """A page opened from disk that records console messages, requests and dialogs."""

    def __init__(self, browser: Any, path: Path, width: int = 1440, height: int = 900) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.console: list[tuple[str, str]] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.console.append(("pageerror", str(e))))
        self.page.on("request", lambda r: self.requests.append(r.url))

        def dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", dialog)
        self.url = path.as_uri()
        self.page.goto(self.url)
        self.page.wait_for_selector("#panel[data-ready=true]", state="attached")


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    opened: list[Page] = []

    def _open(path: Path, width: int = 1440, height: int = 900) -> Page:
        page = Page(browser, path, width, height)
        opened.append(page)
        return page

    yield _open
    for page in opened:
        page.context.close()
