"""Draw the DIN: Graphviz diagrams, the portfolio map and matplotlib charts.

Building a diagram (:func:`din_dot`, :func:`portfolio_dot`) is pure and needs
no Graphviz; :func:`render` runs ``dot``. :func:`din` returns a
:class:`Diagram` that shows itself in Jupyter.

>>> from dinnet.render import din_dot
>>> from dinnet.render._example import example_graph
>>> print(din_dot(example_graph(), "mini").source.splitlines()[0])
digraph "din-mini" {
"""

from .charts import (
    budget_chart,
    budget_figure,
    figure_bytes,
    indicator_chart,
    indicator_figure,
)
from .diagrams import (
    Book,
    Diagram,
    check_books_output,
    din,
    din_books,
    din_diagrams,
    portfolio,
    write_books,
    write_charts,
    write_diagrams,
)
from .dot import din_dot, iter_din_dot
from .overlay import Highlights, gap_highlights
from .pages import Paper, Screen, din_pages
from .portfolio_map import portfolio_dot
from .run import FORMATS, render
from .select import DinSelection, select_din
from .svg import accessible_svg, iter_accessible_svg

__all__ = [
    "FORMATS",
    "Book",
    "Diagram",
    "DinSelection",
    "Highlights",
    "Paper",
    "Screen",
    "accessible_svg",
    "budget_chart",
    "budget_figure",
    "check_books_output",
    "din",
    "din_books",
    "din_diagrams",
    "din_dot",
    "din_pages",
    "figure_bytes",
    "gap_highlights",
    "indicator_chart",
    "indicator_figure",
    "iter_accessible_svg",
    "iter_din_dot",
    "portfolio",
    "portfolio_dot",
    "render",
    "select_din",
    "write_books",
    "write_charts",
    "write_diagrams",
]
