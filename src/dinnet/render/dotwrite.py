"""Write DOT text line by line, exactly as :class:`graphviz.Digraph` would.

The graphviz package builds DOT through a general API: every call checks its
arguments, every value goes through a regular-expression quoting function.
A large DIN makes tens of thousands of such calls, and they cost more than
everything else dinnet does to draw it. :class:`DotWriter` has the same four
calls (``node``, ``edge``, ``attr``, ``subgraph``) and writes the same bytes
(attributes sorted by name, the same quoting, a tab per subgraph level), with
the common cases decided by plain string tests. :meth:`DotWriter.digraph`
hands the result back as a :class:`graphviz.Digraph`, so callers keep
``.source``, ``.body``, ``.pipe()`` and the notebook display.

>>> w = DotWriter()
>>> w.attr("graph", rankdir="LR")
>>> with w.subgraph("cluster-a") as c:
...     c.node("a b", "<<B>A</B>>", tooltip='say "hi"')
>>> w.edge("a b", "c", color="#ff0000")
>>> print(w.digraph("din-x").source)  # doctest: +NORMALIZE_WHITESPACE
digraph "din-x" {
    graph [rankdir=LR]
    subgraph "cluster-a" {
        "a b" [label=<<B>A</B>> tooltip="say \\"hi\\""]
    }
    "a b" -> c [color="#ff0000"]
}
"""

from __future__ import annotations

import contextlib
import functools
import re
import warnings
from collections.abc import Iterator, Mapping
from typing import Any

import graphviz

__all__ = ["DotWriter", "digraph_head", "quote"]

# DOT's quoting rules (https://www.graphviz.org/doc/info/lang.html), as graphviz.quoting
# applies them; only public names of the graphviz package are used, and
# tests/render/test_dotwrite.py checks the result against graphviz.Digraph's output.
#: The class of :func:`graphviz.nohtml` strings (never read as HTML labels).
_NOHTML = type(graphviz.nohtml(""))
#: ``<...>``: an HTML-like label, written as it is.
_IS_HTML = re.compile(r"<.*>$", re.DOTALL).match
#: A DOT ID that needs no quotes: a name or a number.
_IS_ID = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*|-?(\.[0-9]+|[0-9]+(\.[0-9]*)?))$").match
#: Words DOT reserves (in any case); quoted when used as names.
_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})
#: An odd number of backslashes at the end escapes the closing quote: a syntax error.
_ODD_BACKSLASHES = re.compile(r"(?<!\\)(?:\\{2})*\\$").search
#: A ``"`` (or ``\"``) after an even number of backslashes becomes ``\"``.
_ESCAPE_QUOTES = functools.partial(
    re.compile(r"(?P<escaped_backslashes>(?:\\{2})*)\\?(?P<literal_quote>\")").sub,
    r"\g<escaped_backslashes>\\\g<literal_quote>")


def quote(text: str) -> str:
    """A DOT ID for ``text``, quoted as :class:`graphviz.Digraph` quotes it; common cases first.

    >>> quote("box"), quote("#ff0000"), quote("<<B>x</B>>"), quote('a "b"')
    ('box', '"#ff0000"', '<<B>x</B>>', '"a \\\\"b\\\\""')
    >>> quote(graphviz.nohtml("<b>"))
    '"<b>"'
    """
    if text[:1] == "<" and type(text) is not _NOHTML and _IS_HTML(text):
        return text
    if _IS_ID(text) and text.lower() not in _KEYWORDS:
        return text
    if text[-1:] == "\\" and _ODD_BACKSLASHES(text):
        warnings.warn(f"expect syntax error scanning invalid quoted string: {text!r}",
                      category=graphviz.DotSyntaxWarning, stacklevel=2)
    return f'"{_ESCAPE_QUOTES(text)}"' if '"' in text else f'"{text}"'


def digraph_head(name: str | None) -> str:
    """The first line of a digraph's DOT text, as :class:`graphviz.Digraph` writes it.

    >>> digraph_head("din-zorg")
    'digraph "din-zorg" {\\n'
    """
    return f"digraph {quote(name)} {{\n" if name else "digraph {\n"


def _quote_edge(name: str) -> str:
    node, _, rest = name.partition(":")
    if not rest:
        return quote(node)
    port, _, compass = rest.partition(":")
    return ":".join([quote(node), quote(port), *([compass] if compass else [])])


class DotWriter:
    """DOT statements as text lines; subgraphs write into the same list, one tab deeper.

    Names and values are quoted as :mod:`graphviz` quotes them; values that
    repeat (colours, shapes, attribute names) are quoted once per writer.
    """

    def __init__(self, body: list[str] | None = None, indent: str = "\t") -> None:
        self.body: list[str] = [] if body is None else body
        self._indent = indent
        self._quoted: dict[str, str] = {}
        self._templates: dict[tuple[Any, ...], list[tuple[str, int]]] = {}
        self._taken = 0

    def _q(self, text: str) -> str:
        """Quote a value that is likely to repeat (remembered for this writer)."""
        if type(text) is _NOHTML:  # equal to a str, but never read as HTML: not remembered
            return quote(text)
        done = self._quoted.get(text)
        if done is None:
            done = self._quoted[text] = quote(text)
        return done

    def _attrs(self, attrs: Mapping[str, Any], common: Mapping[str, str] | None = None) -> str:
        """``a=b c=d``: ``common`` and ``attrs`` merged (``attrs`` win), sorted by name.

        ``common`` holds values that repeat from statement to statement; the
        sorted, quoted layout of ``common`` with a set of ``attrs`` names is
        worked out once and reused.
        """
        key = (tuple(common.items()) if common else (), tuple(attrs))
        template = self._templates.get(key)
        if template is None:
            template = self._templates[key] = self._template(common or {}, attrs)
        values = tuple(attrs.values())
        q = self._q
        out = []
        for text, index in template:
            if index < 0:
                out.append(text)
            elif (value := values[index]) is not None:
                out.append(text + q(value))
        return " ".join(out)

    def _template(self, common: Mapping[str, str], attrs: Mapping[str, Any]) -> list[tuple[str, int]]:
        position = {name: i for i, name in enumerate(attrs)}
        template = []
        for name in sorted(set(common) | set(position)):
            if name in position:
                template.append((f"{self._q(name)}=", position[name]))
            elif common[name] is not None:
                template.append((f"{self._q(name)}={self._q(common[name])}", -1))
        return template

    def node(self, name: str, label: str | None = None,
             common: Mapping[str, str] | None = None, /, **attrs: Any) -> None:
        """A node statement: ``name [label=... a=b ...]``.

        ``common`` holds attributes that many statements share (a style).
        """
        text = self._attrs(attrs, common) if attrs or common else ""
        if label is not None:
            text = f"label={quote(label)} {text}" if text else f"label={quote(label)}"
        self.body.append(f"{self._indent}{self._q(name)} [{text}]\n" if text
                         else f"{self._indent}{self._q(name)}\n")

    def edge(self, tail: str, head: str, common: Mapping[str, str] | None = None, /,
             **attrs: Any) -> None:
        """An edge statement: ``tail -> head [a=b ...]`` (``common`` as for :meth:`node`)."""
        text = self._attrs(attrs, common) if attrs or common else ""
        tail = self._q(tail) if ":" not in tail else _quote_edge(tail)
        head = self._q(head) if ":" not in head else _quote_edge(head)
        self.body.append(f"{self._indent}{tail} -> {head}"
                         f"{f' [{text}]' if text else ''}\n")

    def attr(self, kw: str | None = None, **attrs: Any) -> None:
        """Attributes of the graph, of all nodes or edges (``kw``), or of this subgraph (no ``kw``)."""
        if not attrs:
            return
        text = self._attrs(attrs)
        self.body.append(f"{self._indent}{text}\n" if kw is None
                         else f"{self._indent}{kw} [{text}]\n" if text
                         else f"{self._indent}{kw}\n")

    @contextlib.contextmanager
    def subgraph(self, name: str) -> Iterator[DotWriter]:
        """A ``subgraph name { ... }`` block; statements made inside go one tab deeper."""
        self.body.append(f"{self._indent}subgraph {self._q(name)} {{\n")
        inner = DotWriter(self.body, self._indent + "\t")
        inner._quoted, inner._templates = self._quoted, self._templates
        yield inner
        self.body.append(f"{self._indent}}}\n")

    def take(self) -> str:
        """The statements written since the last :meth:`take`, as one text."""
        text = "".join(self.body[self._taken:])
        self._taken = len(self.body)
        return text

    def digraph(self, name: str | None = None) -> graphviz.Digraph:
        """The statements as a :class:`graphviz.Digraph` named ``name``."""
        return graphviz.Digraph(name=name, body=self.body)
