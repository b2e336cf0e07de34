"""The command-line reference (``docs/cli.md``), generated from the CLI itself.

``docs/gen_cli.py`` writes it; a test checks the committed file equals
:func:`cli_markdown`, so the reference cannot drift from the commands.

>>> text = cli_markdown()
>>> text.splitlines()[0]
'# Command-line reference'
>>> "## dinnet validate" in text
True
"""

from __future__ import annotations

import click

__all__ = ["cli_markdown"]

WIDTH = 96


def _help(command: click.Command, name: str, parent: click.Context | None) -> str:
    ctx = click.Context(command, info_name=name, parent=parent, terminal_width=WIDTH,
                        max_content_width=WIDTH, **command.context_settings)
    return command.get_help(ctx)


def _anchor(title: str) -> str:
    return title.lower().replace(" ", "-")


def cli_markdown(group: click.Group | None = None) -> str:
    """Markdown: an index of the commands, then each command's ``--help`` text."""
    if group is None:
        from .cli import main

        group = main
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
