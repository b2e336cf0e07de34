"""Running Graphviz: missing program, failure, timeout, SVG post-processing."""

from __future__ import annotations

import fcntl
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from dinnet._forking import PIPE_SIZE
from dinnet.errors import (
    DinnetError,
    GraphvizError,
    GraphvizMissingError,
    graphviz_missing,
    graphviz_missing_message,
    system_kind,
)
from dinnet.render import accessible_svg, render
from dinnet.render.run import MISSING_DOT, _run, _widen


def test_missing_dot_says_how_to_install(tmp_path: Path) -> None:
    with pytest.raises(GraphvizMissingError) as info:
        render("digraph { a }", "svg", executable=str(tmp_path / "no-dot-here"))
    assert str(info.value) == MISSING_DOT == graphviz_missing_message()
    assert isinstance(info.value, DinnetError)


@pytest.mark.parametrize(("platform", "environ", "debian", "expected"), [
    ("win32", {}, False, "`winget install graphviz` or `choco install graphviz` (Windows), then "
                         "open a new terminal so `dot` is on PATH,"),
    ("darwin", {}, False, "`brew install graphviz` (macOS)"),
    ("linux", {}, True, "`sudo apt-get install graphviz` (Debian/Ubuntu)"),
    ("linux", {"CONDA_PREFIX": "/opt/conda"}, True, "`conda install -c conda-forge graphviz` (conda)"),
    ("win32", {"CONDA_PREFIX": "C:/miniconda3"}, False, "`conda install -c conda-forge graphviz`"),
    ("linux", {}, False, "your system's graphviz package (`sudo dnf install graphviz`"),
])
def test_missing_dot_message_fits_the_system(platform: str, environ: dict[str, str], debian: bool,
                                             expected: str) -> None:
    message = graphviz_missing_message(system_kind(platform, environ, debian=debian))
    assert message.startswith(f"Graphviz 'dot' not found: install it with {expected}")
    assert message.endswith(" or see https://graphviz.org/download/")
    assert "\n" not in message


def test_missing_dot_says_it_in_dutch_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.delenv("CONDA_PREFIX", raising=False)
    error = GraphvizMissingError.of(graphviz_missing())
    assert "`brew install graphviz` (macOS)" in str(error)
    assert error.text("nl").startswith("Graphviz 'dot' niet gevonden: installeer het met `brew install")
    windows = graphviz_missing("windows").text("nl")
    assert "`winget install graphviz` of `choco install graphviz` (Windows)" in windows


def _script(tmp_path: Path, body: str) -> str:
    path = tmp_path / "fake-dot"
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


def test_failure_and_timeout_raise_graphviz_error(tmp_path: Path) -> None:
    failing = _script(tmp_path, "echo 'Error: <stdin>: syntax error in line 1' >&2; exit 1")
    with pytest.raises(GraphvizError, match=r"exit code 1.*syntax error in line 1"):
        render("digraph {", "png", executable=failing)
    slow = _script(tmp_path, "exec sleep 5")
    with pytest.raises(GraphvizError, match=r"longer than 0\.2 s"):
        render("digraph { a }", "svg", executable=slow, timeout=0.2)


def test_dot_format_needs_no_graphviz(tmp_path: Path) -> None:
    assert render("digraph { a }", "dot", executable=str(tmp_path / "none")) == b"digraph { a }"
    with pytest.raises(ValueError, match="unknown format 'gif'"):
        render("digraph { a }", "gif")


def test_accessible_svg_moves_tooltip_and_comment() -> None:
    svg = "\n".join([
        "<!-- din&#45;p&#45;E1 -->",
        "<!-- effort; p.txt:3&#45;4 -->",
        '<g id="din&#45;p&#45;E1" class="node din&#45;effort">',
        "<title>din&#45;p&#45;E1</title>",
        '<g id="a_din&#45;p&#45;E1"><a xlink:title="&lt;/text&gt; &amp; &quot;x&quot;">',
        "<polygon points=\"0,0 1,1\"/>",
        "</a>",
        "</g>",
        "</g>",
        "<!-- plain -->",
        '<g id="node2" class="node">',
        "<title>plain</title>",
        "</g>",
    ]).encode()
    out = accessible_svg(svg).decode().splitlines()
    assert out[3:5] == ["<title>&lt;/text&gt; &amp; &quot;x&quot;</title>",
                        "<desc>effort; p.txt:3&#45;4</desc>"]
    assert out[-2] == "<title>plain</title>"  # no tooltip, no comment: left alone
    assert accessible_svg(accessible_svg(svg)) == accessible_svg(svg)


def test_pieces_give_the_same_output_as_the_whole_text() -> None:
    source = 'digraph { a [tooltip="A"] a -> b }'
    pieces = [source[i:i + 3] for i in range(0, len(source), 3)]
    assert render(iter(pieces), "svg") == render(source, "svg")
    assert render(iter(pieces), "dot") == source.encode()


def test_an_error_while_building_stops_dot_and_is_raised() -> None:
    def pieces() -> Iterator[str]:
        yield "digraph { a -> b "
        raise RuntimeError("building failed")

    with pytest.raises(RuntimeError, match="building failed"):
        render(pieces(), "svg")


def test_dot_that_stops_reading_is_reported_not_a_broken_pipe(tmp_path: Path) -> None:
    failing = _script(tmp_path, "echo 'Error: out of memory' >&2; exit 2")
    big = ("digraph {\n" + "a -> b\n" * 200_000 + "}\n")  # more than a pipe holds
    with pytest.raises(GraphvizError, match=r"exit code 2.*out of memory"):
        render(iter([big[:1000], big[1000:]]), "svg", executable=failing)


def test_timeout_also_while_dot_does_not_read(tmp_path: Path) -> None:
    slow = _script(tmp_path, "exec sleep 5")
    big = "digraph {\n" + "a -> b\n" * 200_000 + "}\n"
    with pytest.raises(GraphvizError, match=r"longer than 0\.3 s"):
        render(iter([big]), "svg", executable=slow, timeout=0.3)


def test_an_error_while_editing_the_output_is_raised_here() -> None:
    def edit(chunks: Iterable[bytes]) -> Iterator[bytes]:
        yield next(iter(chunks))
        raise RuntimeError("editing failed")

    with pytest.raises(RuntimeError, match="editing failed"):
        _run(["cat"], iter(["x" * 100_000] * 20), 10, edit)  # more than a pipe holds


@pytest.mark.skipif(not hasattr(fcntl, "F_SETPIPE_SZ"), reason="pipe sizes are set on Linux only")
def test_pipes_to_dot_hold_a_large_diagram() -> None:
    read, write = os.pipe()
    with os.fdopen(read, "rb") as r, os.fdopen(write, "wb") as w:
        _widen(r, w)
        assert fcntl.fcntl(r.fileno(), fcntl.F_GETPIPE_SZ) >= PIPE_SIZE
