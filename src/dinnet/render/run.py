"""Run Graphviz ``dot``: DOT text in, SVG/PNG/PDF bytes out.

This is the only module that starts a process. A missing ``dot`` raises
:class:`~dinnet.errors.GraphvizMissingError` with a line that says how to
install it; a failure or a timeout raises :class:`~dinnet.errors.GraphvizError`.

>>> render("digraph { a -> b }", "dot")
b'digraph { a -> b }'
"""

from __future__ import annotations

import subprocess
from typing import Any

from ..errors import GraphvizError, GraphvizMissingError
from .svg import accessible_svg

__all__ = ["FORMATS", "MISSING_DOT", "render"]

#: Output formats: ``dot`` is the DOT source itself (no Graphviz needed).
FORMATS: tuple[str, ...] = ("svg", "png", "pdf", "dot")

MISSING_DOT = ("Graphviz 'dot' not found: install it with `sudo apt-get install graphviz` "
               "(Debian/Ubuntu) or see https://graphviz.org/download/")


def _source(graph: Any) -> str:
    return graph.source if hasattr(graph, "source") else str(graph)


def render(graph: Any, format: str = "svg", *, timeout: float = 60,
           executable: str = "dot") -> bytes:
    """Lay out ``graph`` (a :class:`graphviz.Digraph` or DOT text) and return the output bytes.

    Parameters
    ----------
    graph : graphviz.Digraph or str
        What to draw.
    format : {"svg", "png", "pdf", "dot"}
        ``svg`` output gets a ``<title>`` and ``<desc>`` for every node
        (:func:`~dinnet.render.svg.accessible_svg`); ``dot`` returns the source.
    timeout : float
        Seconds before ``dot`` is stopped.
    executable : str
        The ``dot`` program to run.

    Examples
    --------
    >>> svg = render("digraph { a [tooltip=A] }", "svg")
    >>> b"<title>A</title>" in svg
    True
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; use one of: {', '.join(FORMATS)}")
    source = _source(graph)
    if format == "dot":
        return source.encode("utf-8")
    try:
        proc = subprocess.run([executable, f"-T{format}"], input=source.encode("utf-8"),
                              capture_output=True, timeout=timeout, check=False)
    except FileNotFoundError:
        raise GraphvizMissingError(MISSING_DOT) from None
    except subprocess.TimeoutExpired:
        raise GraphvizError(f"Graphviz 'dot' took longer than {timeout:g} s and was stopped; "
                            "draw a smaller part (--by-strategic-goal) or raise the timeout"
                            ) from None
    except OSError as exc:
        raise GraphvizError(f"Graphviz 'dot' could not be started: {exc}") from None
    if proc.returncode != 0:
        errors = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = next((e for e in errors if "rror" in e), errors[0] if errors else "no message")
        raise GraphvizError(f"Graphviz 'dot' failed (exit code {proc.returncode}): {detail}")
    return accessible_svg(proc.stdout) if format == "svg" else proc.stdout
