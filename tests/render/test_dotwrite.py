"""The DOT writer writes exactly what graphviz.Digraph writes for the same calls."""

from __future__ import annotations

import warnings
from typing import Any

import graphviz
from hypothesis import given
from hypothesis import strategies as st

from dinnet.render.dotwrite import DotWriter, quote

_TEXT = st.one_of(
    st.text(alphabet='ab Z_0.9-"\\<>:éN\n', max_size=12),
    st.sampled_from(["node", "Graph", "<<B>x</B>>", "<a>", '"q"', "a\\", "-4.2", ".5", ""]),
)
_VALUE = st.one_of(_TEXT, _TEXT.map(graphviz.nohtml), st.none())
_ATTRS = st.dictionaries(st.sampled_from(["color", "id", "style", "tooltip", "class", "label2"]),
                         _VALUE, max_size=4)
_STATEMENT = st.one_of(
    st.tuples(st.just("node"), _TEXT.filter(bool), st.one_of(_TEXT, st.none()), _ATTRS, _ATTRS),
    st.tuples(st.just("edge"), _TEXT.filter(bool), _TEXT.filter(bool), _ATTRS, _ATTRS),
    st.tuples(st.just("attr"), st.sampled_from(["graph", "node", "edge", None]), st.none(),
              _ATTRS, st.just({})),
)


def _replay(target: Any, statements: list[tuple[Any, ...]], ours: bool) -> None:
    for what, a, b, common, attrs in statements:
        if what == "node":
            if ours:
                target.node(a, b, common, **attrs)
            else:
                target.node(a, b, **(common | attrs))
        elif what == "edge":
            if ours:
                target.edge(a, b, common, **attrs)
            else:
                target.edge(a, b, **(common | attrs))
        else:
            target.attr(a, **common)


@given(st.lists(_STATEMENT, max_size=6), st.lists(_STATEMENT, max_size=4))
def test_writer_matches_graphviz_digraph(outer: list[Any], inner: list[Any]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # graphviz warns about a final odd backslash; so do we
        ours = DotWriter()
        _replay(ours, outer, True)
        with ours.subgraph("cluster-x") as sub:
            _replay(sub, inner, True)
            with sub.subgraph("y") as deeper:
                _replay(deeper, outer, True)
        theirs = graphviz.Digraph(name="g")
        _replay(theirs, outer, False)
        with theirs.subgraph(name="cluster-x") as sub:
            _replay(sub, inner, False)
            with sub.subgraph(name="y") as deeper:
                _replay(deeper, outer, False)
        assert ours.digraph("g").source == theirs.source


def _graphviz_quote(text: str) -> str:
    """How graphviz.Digraph writes ``text`` as a node name (its public API only)."""
    g = graphviz.Digraph()
    g.node(text)
    line = g.body[0]  # "\t<name>\n"; the name itself may end in a line break
    assert line.startswith("\t") and line.endswith("\n")
    return line[1:-1]


@given(_TEXT.filter(bool))
def test_quote_matches_graphviz(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert quote(text) == _graphviz_quote(text)
        assert quote(graphviz.nohtml(text)) == _graphviz_quote(graphviz.nohtml(text))


def test_quote_cases_graphviz_documents() -> None:
    cases = {"spam": "spam", "spam spam": '"spam spam"', "-4.2": "-4.2", ".42": ".42",
             "<<b>spam</b>>": "<<b>spam</b>>", '"': '"\\""', '\\"': '"\\""',
             "\\\\\"": '"\\\\\\""', "node": '"node"', "Strict": '"Strict"', "é": '"é"'}
    for text, quoted in cases.items():
        assert quote(text) == quoted == _graphviz_quote(text), text
    assert quote(graphviz.nohtml("<>")) == '"<>"' == _graphviz_quote(graphviz.nohtml("<>"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert quote("a\\") == '"a\\"'
    assert [w.category for w in caught] == [graphviz.DotSyntaxWarning]


def test_no_private_names_of_the_graphviz_package() -> None:
    import ast
    import inspect

    import dinnet.render.dotwrite as module

    tree = ast.parse(inspect.getsource(module))
    used = {f"{n.value.id}.{n.attr}" for n in ast.walk(tree) if isinstance(n, ast.Attribute)
            and isinstance(n.value, ast.Name) and n.value.id == "graphviz"}
    assert used and all(name.split(".")[1] in graphviz.__all__ for name in used), used
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                and (n.module or "").startswith("graphviz")]
