"""Fuzzing: any input ends in a graph or a DinnetError with a line in the file.

A graph that loads also goes through the audit, the DIN's DOT text, the
JSON (strict: no NaN or Infinity), GraphML (read back equal), GEXF (read back) and
CSV exports and the budget query; any other DinnetError is one line;
huge numbers also through the charts. Classes: YAML-ish text, random
characters, mutated Almelo files, and (issue 19) huge and non-finite
numbers, alias expansion and look-alike ids.

``HYPOTHESIS_PROFILE=fuzz`` runs 1,700 examples per test (10,200 in all;
docs/robustness.md has the command and the last figures); CI runs the
``ci`` profile (300, the heavier classes 100).
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

import dinnet
from dinnet.errors import ContractError, DinnetError

ALMELO = sorted((Path(__file__).parents[1] / "data" / "contracts" / "almelo-2019").glob("*.yaml"))
ALMELO = [p for p in ALMELO if p.name != "index.yaml"]
TEXTS = {p.name: p.read_text(encoding="utf-8") for p in ALMELO}

FIELDS = ["programme", "id", "name", "municipality", "period", "start", "end", "source", "goals",
          "level", "label", "efforts", "contributes_to", "indicators", "measures", "targets",
          "baseline", "value", "year", "tracks", "track", "projects", "role", "implements",
          "budgets", "lines", "amounts", "stated_totals", "relations", "not_in_text", "vision"]
SCALARS = st.one_of(
    st.sampled_from(["SD1", "E1", "strategic", "operational", "regie", "t.txt:1", "2019", "no",
                     "~", "", "0151", "10:30", "2019-05-21", "1.000", "12,5", "-5", "é", "e\u0301",
                     "&a", "*a", "!!python/object:os.system", "{", "[", "'", '"', "\\", "#"]),
    st.text(max_size=12),
    st.integers(-10, 3000),
)


MINIMAL = (Path(__file__).parent / "assets" / "minimal.yaml").read_text(encoding="utf-8")
#: The slower classes (whole Almelo files, long aliased texts) run at most 100 examples in
#: CI and locally; the long run (``fuzz`` profile) runs them in full.
_ALL = settings.default.max_examples
HEAVY = settings(max_examples=_ALL if _ALL >= 1000 else min(_ALL, 100))


def _strict(constant: str) -> None:
    raise AssertionError(f"{constant} in the JSON export")


def use(G: nx.MultiDiGraph, *, charts: bool = False) -> None:
    """Every output a loaded graph can go to, without Graphviz (the DOT text is made)."""
    from dinnet.audit import run_audit
    from dinnet.io.export import from_graphml, to_csv_tables, to_gexf, to_graphml, to_json
    from dinnet.queries import budget_checks
    from dinnet.render.dot import iter_din_dot

    run_audit(G)
    json.loads(to_json(G), parse_constant=_strict)
    H = from_graphml(to_graphml(G))
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    nx.read_gexf(io.BytesIO(to_gexf(G)))
    to_csv_tables(G)
    budget_checks(G)
    for p in (n for n, k in G.nodes(data="kind") if k == "programme"):
        "".join(iter_din_dot(G, p))
        if charts:
            from dinnet.render.charts import figure_bytes, indicator_figure, numeric_indicators

            if numeric_indicators(G, p):
                figure_bytes(indicator_figure(G, p), "svg")
    if charts:
        from dinnet.render.charts import budget_figure, figure_bytes

        figure_bytes(budget_figure(G), "svg")


def check(text: str, *, charts: bool = False) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "c.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            G = dinnet.load(path)
        except ContractError as exc:
            n_lines = text.count("\n") + 1
            for p in exc.problems:
                assert p.file == str(path)
                assert p.line is not None and 1 <= p.line <= n_lines + 1, (p, n_lines)
                assert p.message and "\n" not in str(p) and len(str(p)) < 1500 + len(str(path))
        except DinnetError as exc:  # one line that says what to do, as the CLI prints it
            assert str(exc).strip() and "\n" not in str(exc).strip(), repr(str(exc))
        else:
            assert isinstance(G, nx.MultiDiGraph)
            use(G, charts=charts)


def yamlish(depth: int = 3) -> st.SearchStrategy[str]:
    """Text assembled from YAML pieces: keys of the format, indentation, flow syntax."""
    line = st.tuples(st.integers(0, 8), st.sampled_from(["", "- "]), st.sampled_from(FIELDS),
                     st.sampled_from([": ", ":", " : "]), SCALARS.map(str))
    return st.lists(line, max_size=25).map(
        lambda ls: "".join(f"{' ' * i}{dash}{k}{sep}{v}\n" for i, dash, k, sep, v in ls))


@given(yamlish())
def test_yamlish_text(text: str) -> None:
    check(text)


@given(st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`, \n\tabcSD1é\u0301\x0b")),
               max_size=200))
def test_random_characters(text: str) -> None:
    check(text)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(sorted(TEXTS)))
    lines = TEXTS[name].split("\n")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "swap", "type", "indent", "dedent", "duplicate",
                                   "truncate"]))
        if op == "delete":
            del lines[i]
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            a, b = lines[i].partition(": "), lines[j].partition(": ")
            if a[1] and b[1]:
                lines[i], lines[j] = a[0] + ": " + b[2], b[0] + ": " + a[2]
        elif op == "type":
            head, sep, _ = lines[i].partition(": ")
            if sep:
                lines[i] = head + ": " + draw(st.sampled_from(["[]", "{}", "42", "~", "yes",
                                                               "-1", "'x'", "[a, b]"]))
        elif op == "indent":
            lines[i] = " " * draw(st.integers(1, 3)) + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][draw(st.integers(1, 3)):]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        else:
            lines[i] = lines[i][: draw(st.integers(0, max(0, len(lines[i]) - 1)))]
        if not lines:
            break
    return "\n".join(lines)


@HEAVY
@given(mutated())
def test_mutated_almelo_files(text: str) -> None:
    check(text)


# -- issue 19: huge and non-finite numbers, alias expansion, look-alike ids ----------------

NUMBER_FIELDS = ["{value: 30, year: 2018}", "{2022: 25}", "{start: 2019, end: 2022}"]
HUGE = st.one_of(
    st.sampled_from(["1e309", "-1e309", ".inf", "-.inf", ".nan", ".NaN", "+.INF", "1.7e308",
                     "-1.7e308", "1.79e308", "2e-320", "50.000", "1.000.000", "1_000", "0x10",
                     "1e999999", "9" * 4301, "-" + "9" * 5000, "0." + "1" * 5000,
                     "1" + "0" * 400, "1e308", "4.9e-324", "'1e309'", "NaN", "Infinity"]),
    st.integers(300, 6000).map(lambda n: "9" * n),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)


@st.composite
def huge_numbers(draw: st.DrawFn) -> str:
    """The minimal contract with numbers (baseline, target, period, amounts) made extreme."""
    a, b, c = draw(HUGE), draw(HUGE), draw(HUGE)
    text = MINIMAL.replace("{value: 30, year: 2018}", f"{{value: {a}, year: 2018}}")
    text = text.replace("{2022: 25}", f"{{2021: {b}, 2022: {c}}}")
    if draw(st.booleans()):
        text = text.replace("end: 2022", f"end: {draw(HUGE)}")
    text += ("budgets:\n  - id: B1\n    title: B\n    unit: euro\n    lines:\n"
             f"      - {{label: a, amounts: {{2019: {draw(HUGE)}, 2020: {draw(HUGE)}}}}}\n"
             f"      - {{label: b, amounts: {{2019: {draw(HUGE)}}}}}\n"
             f"    stated_totals: {{2019: {draw(HUGE)}}}\n    source: mini.txt:3\n")
    return text


@given(huge_numbers())
def test_huge_and_non_finite_numbers(text: str) -> None:
    check(text, charts=True)


@st.composite
def alias_expansion(draw: st.DrawFn) -> str:
    """Anchors on long texts and on lists, aliased many times, in and out of the contract."""
    size = draw(st.sampled_from([1, 10, 1_000, 20_000, 100_000]))
    times = draw(st.integers(1, 300))
    anchor = draw(st.sampled_from(["name", "municipality", "list"]))
    text = MINIMAL
    if anchor == "list":
        text = text.replace("    stakeholders: [fietsersbond]",
                            "    stakeholders: &l [" + ", ".join(["fietsersbond"] * min(size, 2_000))
                            + "]")
        alias = "stakeholders: *l"
    else:
        text = text.replace(f"  {anchor}: ", f"  {anchor}: &t " + "x" * size + " ", 1)
        alias = "label: *t"
    text = text.rstrip("\n") + "\n" + "".join(
        f"  - {{id: s{i}, {alias}, source: mini.txt:1}}\n" for i in range(times))
    if draw(st.booleans()):  # aliases of aliases
        text += "not_in_text: [" + ", ".join(["*l" if anchor == "list" else "*t"] * times) + "]\n"
    return text


@HEAVY
@given(alias_expansion())
def test_alias_expansion(text: str) -> None:
    check(text)


LOOKALIKES = ["\u0415", "\u0410", "\u041e", "\u0421", "\u0435", "\u043e", "\u0391", "\u039f",
              "\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u0301", "\u0331", "\u0308",
              "\u2011", "\u2212", "\uff25", "\u212a"]


@st.composite
def lookalike_ids(draw: st.DrawFn) -> str:
    """An id or a reference with a character swapped for a look-alike or an invisible one."""
    ids = ["E1", "E2", "SD1", "SD2", "SD1.a", "S1", "P1", "fietsersbond", "mini"]
    text = MINIMAL
    for _ in range(draw(st.integers(1, 3))):
        word = draw(st.sampled_from(ids))
        i = draw(st.integers(0, len(word)))
        char = draw(st.sampled_from(LOOKALIKES))
        new = word[:i] + char + word[i + 1:] if draw(st.booleans()) else word[:i] + char + word[i:]
        spots = [k for k in range(len(text)) if text.startswith(word, k)]
        if not spots:
            continue
        k = draw(st.sampled_from(spots))
        text = text[:k] + new + text[k + len(word):]
    return text


@HEAVY
@given(lookalike_ids())
def test_lookalike_ids(text: str) -> None:
    check(text)
