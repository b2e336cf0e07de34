"""The report's HTML as text: escaping, the security policy, no remote resources, JSON."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from dinnet.cli import main
from dinnet.report import json_script
from dinnet.report.html import asset

HOSTILE = ('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>')


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of every script element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


def _json_block(page: str) -> str:
    start = page.index('<script type="application/json" id="report-data">')
    start = page.index(">", start) + 1
    return page[start:page.index("</script>", start)]


@pytest.fixture(scope="module")
def hostile(reports) -> str:
    return reports["hostile"].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def almelo(reports) -> str:
    return reports["almelo"].read_text(encoding="utf-8")


def test_hostile_text_never_appears_as_markup(hostile):
    for text in HOSTILE:
        assert text not in hostile
    assert "<img" not in hostile and "<iframe" not in hostile
    assert "<style>body" not in hostile
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile


def test_only_two_scripts_and_no_event_handlers(hostile, almelo):
    for page in (hostile, almelo):
        parsed = _parse(page)
        assert [attrs for attrs, _ in parsed.scripts] == [
            {"type": "application/json", "id": "report-data"}, {}]
        for tag, attrs in parsed.tags:
            assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
            assert tag not in ("img", "iframe", "link", "object", "embed", "base"), tag


def test_no_remote_urls_in_src_or_href(hostile, almelo):
    for page in (hostile, almelo):
        for tag, attrs in _parse(page).tags:
            for name in ("src", "href", "xlink:href", "action", "poster", "data"):
                value = (attrs.get(name) or "").strip().lower()
                assert not re.match(r"^(https?:|//|javascript:)", value), (tag, name, value)
        assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page)
        assert "@import" not in page and "url(http" not in page


def test_csp_meta_allows_only_the_inline_script(almelo):
    parsed = _parse(almelo)
    metas = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv") ==
             "Content-Security-Policy"]
    assert len(metas) == 1
    policy = dict(p.split(" ", 1) for p in (metas[0]["content"] or "").split("; "))
    assert policy["default-src"] == "'none'"
    assert policy["img-src"] == "data:"
    script = parsed.scripts[1][1]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert policy["script-src"] == f"'sha256-{digest}'"
    assert script == asset("report.js")
    # the policy comes before anything it has to govern
    assert almelo.index("Content-Security-Policy") < almelo.index("<style>")


def test_embedded_json_is_escaped_and_reads_back(hostile):
    block = _json_block(hostile)
    assert "<" not in block and ">" not in block and "&" not in block
    assert "\u2028" not in block and "\u2029" not in block
    data = json.loads(block)
    labels = {n: d["label"] for n, d in data["nodes"].items()}
    assert labels["hostile:SD1"] == "<script>alert(1)</script>"
    assert labels["hostile:E1"] == '"><img src=x onerror=alert(1)>'
    assert "</script><script>alert(2)</script>" in labels["hostile:SD1.a"]
    assert "\u2028" in labels["hostile:SD1.a"]


@pytest.mark.parametrize("value", ["</script>", "<!--", "a & b", "\u2028\u2029", "</SCRIPT >",
                                   {"k</script>": ["<b>"]}])
def test_json_script_survives_script_end_tags(value):
    text = str(json_script(value))
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == value


def test_assets_have_no_end_tag_sequences():
    for name in ("report.js", "report.css"):
        assert "</" not in asset(name)
    script = asset("report.js")
    assert "eval(" not in script and "insertAdjacentHTML" not in script and "outerHTML" not in script
    # markup is written once only: a packed DIN (SVG that Python sanitised) into a <template>
    assert script.count("innerHTML") == 1 and "template.innerHTML = text;" in script


def test_report_contents(almelo):
    for heading in ("Overzicht", "Alle bevindingen", "Doelen zonder inspanning",
                    "Gedeeld tussen programma", "Begrotingen", "Ernstigste bevindingen",
                    "Bevindingen per regel", "Dekking: doelen × inspanningen",
                    "Wat de tekst niet bevat", "Doelen-Inspanningen-Netwerk"):
        assert heading in almelo
    assert almelo.count('class="card programme"') == 7
    assert 'id="din-zorg--SD3"' in almelo          # stable ids of the DIN nodes
    assert almelo.count('role="button"') > 300    # every drawn node is focusable
    assert "budget-mismatch" in almelo and "02-binnenstad.txt:726-744" in almelo
    assert "de vier kernwaarden die het Almelose DNA vormen (spoor 2)" in almelo
    assert almelo.count('<svg class="spark"') >= 8   # a sparkline per indicator with numbers
    ids = re.findall(r'\sid="([^"]+)"', almelo)
    assert len(ids) == len(set(ids)), "element ids must be unique on the page"


def test_indicator_findings_select_their_goal(almelo):
    # "SD1.a.i1 → SD1.a": the indicator is named, the button selects the goal that shows it
    via = re.findall(r'<button type="button" class="node-ref" data-select="([^"]+)" '
                     r'title="In het DIN te zien bij ([^"]+)">([^<]+) <span class="via">', almelo)
    assert len(via) > 10
    for goal, shown, indicator in via:
        assert goal.split(":", 1)[1] == shown and indicator.strip()


def test_english_report(reports):
    page = reports["almelo-en"].read_text(encoding="utf-8")
    assert '<html lang="en">' in page
    assert "What the text did not contain" in page and "Wat de tekst niet bevat" not in page


def test_cli_report(tmp_path: Path):
    out = tmp_path / "sub" / "report.html"
    result = CliRunner().invoke(main, ["report", "tests/assets/minimal.yaml", "--lang", "en",
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Minder fijnstof" in page
    assert "Coverage: goals × efforts" in page


def test_cli_report_refuses_to_overwrite_its_input(tmp_path: Path):
    contract = tmp_path / "c.yaml"
    contract.write_text(Path("tests/assets/minimal.yaml").read_text(encoding="utf-8"))
    result = CliRunner().invoke(main, ["report", str(contract), "-o", str(contract)])
    assert result.exit_code == 1 and "refusing" in result.output


def test_cli_report_split_keeps_a_programme_called_index(tmp_path: Path):
    """A programme with id ``index`` does not overwrite the index page."""
    text = Path("tests/assets/minimal.yaml").read_text(encoding="utf-8")
    (tmp_path / "prog.yaml").write_text(text.replace("id: mini", "id: index"), encoding="utf-8")
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["report", str(tmp_path / "prog.yaml"), "--split", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 2 and "index.html" in names, names
    (page,) = set(names) - {"index.html"}
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="{page}#programme-index"' in index
    assert 'id="programme-index"' in (out / page).read_text(encoding="utf-8")


def test_page_names_never_collide_even_ignoring_case():
    from dinnet.report import page_names

    names = page_names(["zorg", "index", "Index", "index-2", "ZORG"])
    assert names["zorg"] == "zorg.html" and names["index-2"] == "index-2.html"
    assert len({n.casefold() for n in [*names.values(), "index.html"]}) == 6, names


def test_cli_report_unknown_language():
    result = CliRunner().invoke(main, ["report", "--lang", "fr", "-o", "-"])
    assert result.exit_code == 2


def test_cli_report_split(tmp_path: Path):
    """--split: an index and one page per programme, linked by relative names, same look."""
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["report", "--split", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["binnenstad.html", "duurzaamheid.html", "economie-en-participatie.html",
                     "index.html", "nieuwstraatkwartier.html", "omgevingswet.html",
                     "veiligheid.html", "zorg.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    zorg = (out / "zorg.html").read_text(encoding="utf-8")
    assert 'href="zorg.html#programme-zorg"' in index and 'id="din-zorg--SD3"' not in index
    assert 'href="zorg.html#node=zorg:' in index          # e.g. a goal without effort, on its page
    assert 'id="din-zorg--SD3"' in zorg and 'id="programme-binnenstad"' not in zorg
    assert 'href="index.html#question-budget"' in zorg
    for page in (index, zorg):
        assert asset("report.css") in page
        assert not re.search(r"https?://", re.sub(r'xmlns(:\w+)?="[^"]+"', "", page))
