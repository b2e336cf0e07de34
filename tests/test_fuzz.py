"""Fuzzing the loader: any input ends in a graph or a DinnetError with a line in the file."""

from __future__ import annotations

import tempfile
from pathlib import Path

import networkx as nx
from hypothesis import given
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


def check(text: str) -> None:
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
                assert p.message
        except DinnetError:
            pass
        else:
            assert isinstance(G, nx.MultiDiGraph)


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


@given(mutated())
def test_mutated_almelo_files(text: str) -> None:
    check(text)
