"""Run Graphviz ``dot``: DOT text in, SVG/PNG/PDF bytes out.

This is the only module that starts a process. A missing ``dot`` raises
:class:`~dinnet.errors.GraphvizMissingError` with a line that says how to
install it; a failure or a timeout raises :class:`~dinnet.errors.GraphvizError`.
The DOT text may come in pieces (:func:`~dinnet.render.dot.iter_din_dot`):
they go to ``dot`` as they come, so its start and its reading of the text
overlap with building the rest.

>>> render("digraph { a -> b }", "dot")
b'digraph { a -> b }'
"""

from __future__ import annotations

import contextlib
import functools
import os
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable
from typing import IO, TYPE_CHECKING, Any

from .._forking import widen
from ..errors import GraphvizError, GraphvizMissingError, graphviz_missing
from ..glossary import Message, message
from .svg import iter_accessible_svg

if TYPE_CHECKING:
    from .drawings import Drawings

__all__ = ["FORMATS", "MISSING_DOT", "render"]

#: Output formats: ``dot`` is the DOT source itself (no Graphviz needed).
FORMATS: tuple[str, ...] = ("svg", "png", "pdf", "dot")

#: What a missing ``dot`` says on this system (Windows, macOS, conda, Debian, ...).
MISSING_DOT = graphviz_missing().text("en")


def _pieces(graph: Any) -> Iterable[str]:
    """DOT text in pieces: a digraph's or a string's text whole, an iterable as it comes."""
    if hasattr(graph, "source"):
        return [graph.source]
    return [graph] if isinstance(graph, str) else graph


#: What a timeout advises when the caller has nothing more specific.
TOO_LARGE = message("error.too_large")


def render(graph: Any, format: str = "svg", *, timeout: float = 60,
           executable: str = "dot", hint: Message | str = TOO_LARGE,
           cache: Drawings | None = None) -> bytes:
    """Lay out ``graph`` and return the output bytes.

    Parameters
    ----------
    graph : graphviz.Digraph, str or iterable of str
        What to draw: a digraph, its DOT text, or the text in pieces
        (:func:`~dinnet.render.dot.iter_din_dot`). Pieces go to ``dot`` as
        they come, so ``dot`` starts and reads while the rest is being built.
    format : {"svg", "png", "pdf", "dot"}
        ``svg`` output gets a ``<title>`` and ``<desc>`` for every node
        (:func:`~dinnet.render.svg.accessible_svg`); ``dot`` returns the source.
    timeout : float
        Seconds before ``dot`` is stopped (counted from its start).
    executable : str
        The ``dot`` program to run.
    hint : Message or str
        What the error says to do when ``dot`` takes too long (only options
        the calling command has).
    cache : Drawings, optional
        Keep ``dot``'s output here and take it from here when the same text
        was drawn before by the same ``dot`` (:mod:`dinnet.render.drawings`);
        the text is then built whole before ``dot`` starts. The result is the
        same bytes either way.

    Examples
    --------
    >>> svg = render("digraph { a [tooltip=A] }", "svg")
    >>> b"<title>A</title>" in svg
    True
    >>> render(["digraph { a ", "-> b }"], "dot")
    b'digraph { a -> b }'
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; use one of: {', '.join(FORMATS)}")
    if format == "dot":
        return "".join(_pieces(graph)).encode("utf-8")
    # the SVG is made accessible part by part, while dot is still writing the rest
    edit = iter_accessible_svg if format == "svg" else None
    if cache is None or cache.executable != executable:
        return _run([executable, f"-T{format}"], _pieces(graph), timeout, edit, hint)
    text = "".join(_pieces(graph))
    drawn = cache.get(text, format)
    if drawn is None:
        drawn = _run([executable, f"-T{format}"], [text], timeout, None, hint)
        cache.put(text, format, drawn)
    return b"".join(edit([drawn])) if edit else drawn


def _run(command: list[str], pieces: Iterable[str], timeout: float,
         edit: Callable[[Iterable[bytes]], Iterable[bytes]] | None = None,
         hint: Message | str = TOO_LARGE) -> bytes:
    """Run ``command`` with ``pieces`` on its standard input; its standard output.

    The output is read by a thread while the pieces are written, so neither
    side waits on a full pipe; messages go to a file for the same reason. A
    timer stops the program at the deadline, also while it is being written to.
    ``edit``, when given, gets the output in chunks as they come and returns
    it changed, also in chunks (the thread runs it).
    """
    with tempfile.TemporaryFile() as messages:
        try:
            proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=messages)
        except FileNotFoundError:
            raise GraphvizMissingError.of(graphviz_missing()) from None
        except OSError as exc:
            raise GraphvizError.of(message("error.dot_not_started", reason=exc)) from None
        assert proc.stdin is not None and proc.stdout is not None
        _widen(proc.stdin, proc.stdout)
        stdout = proc.stdout
        output: list[bytes] = []
        failed: list[BaseException] = []

        def read() -> None:
            chunks = iter(functools.partial(os.read, stdout.fileno(), 1 << 16), b"")
            try:
                output.append(b"".join(edit(chunks) if edit else chunks))
            except BaseException as exc:  # raised again below, in the caller's thread
                failed.append(exc)
                with contextlib.suppress(OSError, ValueError):
                    stdout.read()  # so dot is not left waiting on a full pipe

        reader = threading.Thread(target=read, daemon=True)
        expired = threading.Event()

        def stop() -> None:
            expired.set()
            proc.kill()

        timer = threading.Timer(timeout, stop)
        reader.start()
        timer.start()
        try:
            _feed(proc.stdin, pieces)
            proc.wait()
            reader.join()
        except BaseException:
            proc.kill()  # an error while building the text: dot gets no half diagram
            proc.wait()
            reader.join()
            raise
        finally:
            timer.cancel()
            stdout.close()
        if failed:
            raise failed[0]
        if proc.returncode != 0 and expired.is_set():
            raise GraphvizError.of(message("error.dot_too_slow", seconds_num=timeout, hint=hint))
        if proc.returncode != 0:
            messages.seek(0)
            errors = messages.read().decode("utf-8", "replace").strip().splitlines()
            detail = next((e for e in errors if "rror" in e), errors[0] if errors else "no message")
            raise GraphvizError.of(message("error.dot_failed", code=proc.returncode,
                                           detail=detail))
    return output[0] if output else b""


def _widen(*pipes: IO[bytes]) -> None:
    """Make ``pipes`` hold :data:`~dinnet._forking.PIPE_SIZE` bytes where the system allows
    it: a large DIN's text fits, so writing it never waits for dot to read, and dot never
    waits for its output to be read."""
    for pipe in pipes:
        widen(pipe.fileno())


def _feed(stdin: IO[bytes], pieces: Iterable[str]) -> None:
    try:
        for piece in pieces:
            stdin.write(piece.encode("utf-8"))
    except BrokenPipeError:
        pass  # dot stopped reading; its exit code and message say why
    finally:
        with contextlib.suppress(BrokenPipeError):
            stdin.close()
