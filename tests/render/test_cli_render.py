"""``dinnet render``, ``dinnet portfolio`` and ``dinnet charts`` through click's runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dinnet.cli import main
from dinnet.errors import graphviz_missing_message

from .conftest import ASSETS, needs_dot, svg_groups

MINI = str(ASSETS / "minimal.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_render_dot_to_stdout_needs_no_graphviz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    code, out, err = run("render", MINI, "--format", "dot", "--lang", "en", "-o", "-")
    assert code == 0, err
    assert out.startswith('digraph "din-mini" {') and "Strategic goals" in out


def test_render_without_graphviz_is_one_line(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", "")
    code, _, err = run("render", MINI, "-o", str(tmp_path / "mini.svg"))
    assert code == 1
    assert err == f"error: {graphviz_missing_message()}\n"
    assert "install it with `" in err
    assert not (tmp_path / "mini.svg").exists()


@pytest.mark.graphviz
@needs_dot
def test_render_one_file_and_a_folder(tmp_path: Path) -> None:
    code, _, err = run("render", MINI, "--highlight-gaps", "-o", str(tmp_path / "mini.png"))
    assert code == 0, err
    assert (tmp_path / "mini.png").read_bytes().startswith(b"\x89PNG")  # format from suffix
    code, _, err = run("render", MINI, "--by-strategic-goal", "-o", str(tmp_path / "parts"))
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "parts").iterdir()) == ["mini--SD1.svg",
                                                                      "mini--SD2.svg"]
    code, out, _ = run("render", MINI, "--programme", "mini", "-o", "-")
    assert code == 0 and out.startswith("<?xml") and "<desc>" in out


def test_render_refuses_what_cannot_be_done(tmp_path: Path) -> None:
    code, _, err = run("render", MINI, "--by-strategic-goal", "-o", "-")
    assert code == 1 and "2 diagrams cannot go to standard output" in err
    code, _, err = run("render", MINI, "--programme", "nope", "-o", str(tmp_path / "x.svg"))
    assert code == 1 and "unknown programme 'nope' (known: mini)" in err
    code, _, err = run("render", MINI, "--format", "dot", "-o", MINI)
    assert code == 1 and "refusing to overwrite an input file" in err


@pytest.mark.graphviz
@needs_dot
def test_portfolio_and_charts(tmp_path: Path) -> None:
    code, _, err = run("portfolio", MINI, str(ASSETS / "escaping.yaml"),
                       "-o", str(tmp_path / "p.svg"))
    assert code == 0, err
    assert "prog-esc" in svg_groups((tmp_path / "p.svg").read_bytes())
    code, _, err = run("charts", MINI, "-o", str(tmp_path / "charts"), "--format", "png")
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "charts").iterdir()) == [
        "budget.png", "indicators-mini.png"]


@pytest.mark.parametrize("fmt", ["pdf", "svg"])
def test_page_refuses_a_file_for_several_programmes_before_laying_out(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    """``render --page a4 -o din.pdf`` on seven programmes: refused at once, not after every
    page of every programme has been laid out."""
    import dinnet.render

    def laid_out(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pages were laid out before the target was checked")

    monkeypatch.setattr(dinnet.render, "din_books", laid_out)
    result = CliRunner().invoke(main, ["render", "--page", "a4", "-o", str(tmp_path / f"din.{fmt}")])
    assert result.exit_code == 1, result.output
    assert "7 diagrams need a folder, not a file name" in result.output
    assert not list(tmp_path.iterdir())
