"""WCAG 2.1 AA contrast of the report: text at least 4.5:1 (3:1 when large), focus rings 3:1.

The DIN's colours are read from the SVG the report inlines (each text against the
fill of the box it stands in); the page's from the stylesheet as the browser
applies it (each text against the first opaque background behind it).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest

import dinnet
from dinnet.audit import run_audit
from dinnet.report import din_svg

_NAMED = {"white": "#ffffff", "black": "#000000", "none": None, "transparent": None}


def _rgb(colour: str) -> tuple[float, float, float]:
    colour = _NAMED.get(colour, colour) or "#ffffff"
    if colour.startswith("#") and len(colour) == 4:
        colour = "#" + "".join(c * 2 for c in colour[1:])
    if colour.startswith("#"):
        return tuple(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]
    r, g, b = (float(x) for x in re.findall(r"[\d.]+", colour)[:3])
    return r / 255, g / 255, b / 255


def _luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours.

    >>> round(ratio("#ffffff", "#000000"), 1), round(ratio("#777777", "#ffffff"), 2)
    (21.0, 4.48)
    """
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_ratio_is_wcags():
    assert round(ratio("#ffffff", "#000000"), 1) == 21.0
    assert round(ratio("#777777", "#ffffff"), 2) == 4.48   # the classic just-failing grey
    assert ratio("#f08c00", "#ffffff") < 3                  # the old warning orange


def _din_texts(svg: str) -> list[tuple[str, str, str, float]]:
    """(text, its colour, the fill behind it, font size) for every text of a DIN, of all its parts."""
    out: list[tuple[str, str, str, float]] = []
    for part in re.findall(r"<svg .*?</svg>", svg, flags=re.S):
        out += _svg_texts(part)
    return out


def _svg_texts(svg: str) -> list[tuple[str, str, str, float]]:
    root = ET.fromstring(svg.replace("<svg ", '<svg xmlns:xlink="http://www.w3.org/1999/xlink" ', 1))
    out = []

    def walk(el: ET.Element, background: str) -> None:
        shapes = [c for c in el if c.tag in ("path", "polygon", "ellipse", "rect")]
        if el.tag == "g" and shapes and shapes[0].get("fill") not in (None, "none", "transparent"):
            background = shapes[0].get("fill") or background
        for child in el:
            if child.tag == "text":
                out.append(("".join(child.itertext()), child.get("fill") or "#000000", background,
                            float(child.get("font-size") or 14)))
            else:
                walk(child, background)

    walk(root, "#ffffff")
    return out


def test_every_din_text_meets_aa_on_its_box():
    G = dinnet.load()
    findings = run_audit(G)
    failures = []
    checked = parts = 0
    for p in sorted(n for n, k in G.nodes(data="kind") if k == "programme"):
        svg = din_svg(G, p, findings=findings)
        parts += svg.count('class="din-part"')
        for text, colour, background, size in _din_texts(svg):
            needed = 3.0 if size >= 18 else 4.5
            checked += 1
            if ratio(colour, background) < needed:
                failures.append((p, text, colour, background, round(ratio(colour, background), 2)))
    assert checked > 1000 and parts > 0  # the texts of DINs in parts are checked too
    assert failures == []


_PAGE_TEXTS = """() => {
  const opaque = (c) => c && c !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(c);
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || seen.has(el) || el.closest('svg, script, style')) continue;
    seen.add(el);
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    if (!r.width || s.visibility === 'hidden' || el.closest('[hidden]') || s.opacity === '0') continue;
    if (el.closest('.skip')) continue;  // off screen until focused; checked with the focus
    let bg = null;
    for (let a = el; a && !bg; a = a.parentElement) {
      const c = getComputedStyle(a).backgroundColor;
      if (opaque(c)) bg = c;
    }
    out.push([el.tagName, walker.currentNode.textContent.trim().slice(0, 40), s.color,
              bg || 'rgb(255, 255, 255)', parseFloat(s.fontSize), s.fontWeight]);
  }
  return out;
}"""


@pytest.mark.browser
def test_every_page_text_meets_aa(reports, open_page):
    page = open_page(reports["almelo"])
    texts = page.page.evaluate(_PAGE_TEXTS)
    assert len(texts) > 500
    failures = []
    for tag, text, colour, background, size, weight in texts:
        large = size >= 24 or (size >= 18.66 and int(weight) >= 700)
        if ratio(colour, background) < (3.0 if large else 4.5):
            failures.append((tag, text, colour, background, round(ratio(colour, background), 2)))
    assert failures == []


def _focus_ring(page: Any, selector: str) -> tuple[str, str]:
    page.page.focus(selector)
    return page.page.eval_on_selector(selector, """e => {
      const s = getComputedStyle(e);
      let bg = null;
      for (let a = e.parentElement; a && !bg; a = a.parentElement) {
        const c = getComputedStyle(a).backgroundColor;
        if (c && c !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(c)) bg = c;
      }
      return [s.outlineColor, bg || 'rgb(255, 255, 255)'];
    }""")


@pytest.mark.browser
def test_focus_rings_stand_out(reports, open_page):
    page = open_page(reports["almelo"])
    page.page.keyboard.press("Tab")  # focus-visible comes with the keyboard
    for selector in (".skip a", "#search", ".toc a", "#filter-programme", ".node-ref"):
        colour, background = _focus_ring(page, selector)
        assert ratio(colour, background) >= 3, (selector, colour, background)
    # a DIN node's ring is the stroke of its box, against the box's fill and the white page
    node = '.din [data-node="zorg:SD1"]'
    page.page.focus(node)
    stroke, fill = page.page.eval_on_selector(node, """e => {
      const box = e.querySelector(':scope > title + :is(path, polygon, ellipse)');
      return [getComputedStyle(box).stroke, box.getAttribute('fill')];
    }""")
    assert ratio(stroke, fill) >= 3 and ratio(stroke, "#ffffff") >= 3
