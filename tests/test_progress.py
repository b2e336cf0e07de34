"""The progress bar: drawn on a terminal only, quiet otherwise, wired into loading and the CLI."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner

import dinnet
from dinnet.cli import main
from dinnet.cli.progress import ProgressBar

ASSETS = Path(__file__).parent / "assets"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_draws_on_a_terminal_and_wipes_its_line() -> None:
    out = _Terminal()
    bar = ProgressBar(stream=out, delay=0, interval=0)
    bar(5, 10)
    assert "[############------------]  5/10 files" in out.getvalue()
    bar(10, 10)
    assert out.getvalue().endswith("\r" + " " * len("loading [############------------]  5/10 files") + "\r")


def test_bar_is_silent_when_not_a_terminal_or_too_quick() -> None:
    out = io.StringIO()
    ProgressBar(stream=out, delay=0, interval=0)(1, 2)
    assert out.getvalue() == ""
    term = _Terminal()
    ProgressBar(stream=term)(1, 2)  # within the default delay: nothing yet
    assert term.getvalue() == ""


def test_load_reports_every_file() -> None:
    calls: list[tuple[int, int]] = []
    dinnet.load(ASSETS / "minimal.yaml", dinnet.bundled_data_path(),
                progress=lambda done, total: calls.append((done, total)))
    total = calls[-1][1]
    assert calls == [(i, total) for i in range(1, total + 1)]


def test_cli_quiet_flag() -> None:
    result = CliRunner().invoke(main, ["--quiet", "validate", str(ASSETS / "minimal.yaml")])
    assert result.exit_code == 0, result.output
    assert "ok: 1 programme" in result.output
