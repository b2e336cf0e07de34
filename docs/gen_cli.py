"""Regenerate docs/cli.md from the command line itself.

Run from anywhere:  .venv/bin/python docs/gen_cli.py
(``--check`` exits 1 when docs/cli.md is out of date, without writing.)
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dinnet.io.output import write_output

TARGET = Path(__file__).resolve().parent / "cli.md"

WIDTH = 96


def _help(command: click.Command, name: str, parent: click.Context | None) -> str:
    ctx = click.Context(command, info_name=name, parent=parent, terminal_width=WIDTH,
                        max_content_width=WIDTH, **command.context_settings)
    return command.get_help(ctx)


def _anchor(title: str) -> str:
    return title.lower().replace(" ", "-")


def cli_markdown(group: click.Group | None = None) -> str:
    """Markdown: an index of the commands, then each command's ``--help`` text, in English
    (the command line itself speaks Dutch unless asked: the reference is written as
    ``--lang en`` shows it)."""
    from dinnet.cli.clickwords import install, running

    install()
    with running(["--lang", "en"]):
        return _markdown(group)


def _markdown(group: click.Group | None) -> str:
    if group is None:
        from dinnet.cli.commands import main as group_main

        group = group_main
    root = click.Context(group, info_name="dinnet", terminal_width=WIDTH, max_content_width=WIDTH,
                         **group.context_settings)
    commands = [(name, cmd) for name, cmd in sorted(group.commands.items()) if not cmd.hidden]
    lines = [
        "# Command-line reference",
        "",
        "<!-- Generated from the CLI by docs/gen_cli.py; do not edit by hand. -->",
        "",
        "Every command takes `-h`/`--help`. Without PATHS a command uses the bundled",
        "Almelo 2019 data set. Errors print one line each (`file:line:col: error: ...`)",
        "and exit with code 1; `dinnet --debug COMMAND` shows the traceback instead.",
        "The command line speaks Dutch unless asked otherwise (`--lang en` or",
        "`DINNET_LANG=en`), its help too; this reference is the English help.",
        "",
        "| command | what it does |",
        "| --- | --- |",
    ]
    for name, cmd in commands:
        title = f"dinnet {name}"
        summary = cmd.get_short_help_str(limit=200).replace("|", "\\|")
        lines.append(f"| [`{title}`](#{_anchor(title)}) | {summary} |")
    lines += ["", "## dinnet", "", "```text", group.get_help(root), "```"]
    for name, cmd in commands:
        lines += ["", f"## dinnet {name}", "", "```text", _help(cmd, name, root), "```"]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = cli_markdown()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run  python docs/gen_cli.py", file=sys.stderr)
            return 1
        return 0
    write_output(TARGET, text)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
