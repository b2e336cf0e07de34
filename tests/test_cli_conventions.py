"""Command-line conventions: global options anywhere, '-' for standard input, NO_COLOR, readable answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dinnet.cli import main

ASSETS = Path(__file__).parent / "assets"
MINIMAL = ASSETS / "minimal.yaml"
BROKEN = "programme: {id: X Y}\n"


@pytest.mark.parametrize("args", [
    ["--quiet", "validate", str(MINIMAL)],
    ["validate", "--quiet", str(MINIMAL)],
    ["validate", str(MINIMAL), "-q"],
    ["query", "why", "mini:E1", str(MINIMAL), "--quiet"],
])
def test_global_options_are_accepted_after_the_command(args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output


def test_debug_after_the_command_shows_the_traceback() -> None:
    quiet = CliRunner().invoke(main, ["validate", "-"], input=BROKEN)
    assert quiet.exit_code == 1 and isinstance(quiet.exception, SystemExit)
    loud = CliRunner().invoke(main, ["validate", "-", "--debug"], input=BROKEN)
    assert loud.exception is not None and not isinstance(loud.exception, SystemExit)


def test_options_after_double_dash_stay_arguments() -> None:
    result = CliRunner().invoke(main, ["validate", "--", "--quiet"])
    assert result.exit_code == 1
    assert "--quiet: no such file or folder" in result.stderr


def test_a_command_keeps_its_own_option_of_the_same_name() -> None:
    import click

    from dinnet.cli.group import DinnetGroup

    @click.group(cls=DinnetGroup)
    @click.option("--lang", default="nl")
    @click.pass_context
    def cli(ctx: click.Context, lang: str) -> None:
        ctx.obj = lang

    @cli.command()
    @click.pass_context
    def plain(ctx: click.Context) -> None:
        click.echo(f"group={ctx.obj}")

    @cli.command()
    @click.option("--lang", default="nl")
    @click.pass_context
    def own(ctx: click.Context, lang: str) -> None:
        click.echo(f"group={ctx.obj} own={lang}")

    runner = CliRunner()
    assert runner.invoke(cli, ["plain", "--lang", "en"]).output == "group=en\n"
    assert runner.invoke(cli, ["plain", "--lang=en"]).output == "group=en\n"
    assert runner.invoke(cli, ["own", "--lang", "en"]).output == "group=nl own=en\n"


def test_dash_reads_a_contract_from_standard_input() -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "-"], input=text)
    assert result.exit_code == 0 and result.stdout.startswith("ok: 1 programme,")
    why = CliRunner().invoke(main, ["query", "why", "mini:E1", "-"], input=text)
    assert "mini:SD1.a  operational goal  Minder fijnstof" in why.stdout
    diff = CliRunner().invoke(main, ["diff", str(MINIMAL), "-"],
                              input=text.replace("Minder fijnstof", "Veel minder fijnstof"))
    assert diff.exit_code == 0 and "Veel minder fijnstof" in diff.stdout
    broken = CliRunner().invoke(main, ["validate", "-"], input=BROKEN)
    assert broken.stderr.startswith("-:1:"), broken.stderr  # located like any file


def test_no_color_turns_colour_off(monkeypatch: pytest.MonkeyPatch) -> None:
    coloured = CliRunner().invoke(main, ["validate", "-"], input=BROKEN, color=True)
    assert "\x1b[31m" in coloured.stderr  # error in red on a terminal
    monkeypatch.setenv("NO_COLOR", "1")
    plain = CliRunner().invoke(main, ["validate", "-"], input=BROKEN, color=True)
    assert "\x1b[" not in plain.stderr and ": error: " in plain.stderr


@pytest.mark.parametrize("question", ["gaps", "shared", "deps", "budget"])
def test_every_query_answers_in_text_not_python(question: str) -> None:
    result = CliRunner().invoke(main, ["-q", "query", question])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.strip()
    for python in ("{'", "['", "('", "': ", "None"):
        assert python not in text, (python, text[:500])


def test_budget_answer_reads_as_a_table() -> None:
    text = CliRunner().invoke(main, ["-q", "query", "budget"]).stdout
    assert "  binnenstad B2: Verdeling middelen 2019-2022 (Bedragen * 1.000 euro)" in text
    assert "    2022: lines add up to 300, printed 600  DIFFERS" in text


def test_dash_reads_a_workbook_from_standard_input(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    book = tmp_path / "din.xlsx"
    assert CliRunner().invoke(main, ["export-xlsx", str(MINIMAL), "-o", str(book)]).exit_code == 0
    result = CliRunner().invoke(main, ["import-xlsx", "-", "-o", str(tmp_path / "back")],
                                input=book.read_bytes())
    assert result.exit_code == 0, result.output
    assert (tmp_path / "back" / "mini.yaml").is_file()
    text = (tmp_path / "back" / "mini.yaml").read_text(encoding="utf-8")
    assert "# Imported from standard input by dinnet import-xlsx." in text


def test_dash_refuses_an_over_long_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    import dinnet.io.yamlread as yamlread

    monkeypatch.setattr(yamlread, "MAX_FILE_BYTES", 100)
    result = CliRunner().invoke(main, ["validate", "-"], input="# " + "x" * 200 + "\n")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.startswith("-: error: ") and "100" in result.stderr
