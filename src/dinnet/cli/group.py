"""The command group's conventions: its own options anywhere, NO_COLOR, help in the
user's language.

``dinnet validate --quiet`` means the same as ``dinnet --quiet validate``:
an option of the group (``--quiet``, ``--debug``, and any added later)
written after the command is moved in front of it, unless that command has
an option of the same name, or it stands after ``--``.

>>> import click
>>> @click.group(cls=DinnetGroup)
... @click.option("-q", "--quiet", is_flag=True)
... @click.pass_context
... def cli(ctx, quiet):
...     ctx.obj = quiet
>>> @cli.command()
... @click.argument("paths", nargs=-1)
... @click.pass_context
... def show(ctx, paths):
...     click.echo(f"quiet={ctx.obj} paths={list(paths)}")
>>> from click.testing import CliRunner
>>> CliRunner().invoke(cli, ["show", "a.yaml", "-q"]).output
"quiet=True paths=['a.yaml']\\n"
>>> CliRunner().invoke(cli, ["show", "--", "-q"]).output
"quiet=False paths=['-q']\\n"

Its commands (and sub-groups) show their help, and their options' help, in
the language of the command (:func:`dinnet.cli.clickwords.help_text`):

>>> print(CliRunner().invoke(cli, ["show", "--help"]).output.splitlines()[-1])
  --help  Toon deze hulp en stop.
"""

from __future__ import annotations

import copy
import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from ..glossary import phrase
from .clickwords import help_text, install, lang, running

__all__ = ["DinnetCommand", "DinnetGroup", "no_color"]


def no_color() -> bool:
    """Whether the ``NO_COLOR`` environment variable asks for no colour (https://no-color.org)."""
    return bool(os.environ.get("NO_COLOR"))


def _names(params: list[click.Parameter]) -> dict[str, bool]:
    """Option name -> whether it takes a value, for the non-eager options in ``params``."""
    out: dict[str, bool] = {}
    for p in params:
        if isinstance(p, click.Option) and not p.is_eager:
            for name in [*p.opts, *p.secondary_opts]:
                out[name] = not (p.is_flag or p.count)
    return out


def _in_language(thing: Any) -> Any:
    """A command or option as it is, or a shallow copy whose help is in the command's
    language (the original is never changed: one run does not change the next)."""
    said = help_text(thing.help)
    if said == thing.help:
        return thing
    clone = copy.copy(thing)
    clone.help = said
    return clone


class _OwnWords(click.Command):
    """A command whose help, and its options' help, come in the command's language."""

    def get_short_help_str(self, limit: int = 45) -> str:
        return click.Command.get_short_help_str(_in_language(self), limit)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        click.Command.format_help_text(_in_language(self), ctx, formatter)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = [_in_language(p).get_help_record(ctx) for p in self.get_params(ctx)
                   if not isinstance(p, click.Argument)]
        shown = [r for r in records if r is not None]
        if shown:
            with formatter.section(phrase("click.options", lang())):
                formatter.write_dl(shown)


class DinnetCommand(_OwnWords):
    """A dinnet command: its help in the user's language."""


class DinnetGroup(click.Group, _OwnWords):
    """A group whose options may also stand after the command, and that honours NO_COLOR.

    While it runs, click's own words come in the command's language
    (:mod:`dinnet.cli.clickwords`), and so do the help texts of its commands, whose
    class it sets (:class:`DinnetCommand`; a sub-group is a :class:`DinnetGroup`).
    """

    command_class = DinnetCommand
    group_class = type

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        install()
        with running(sys.argv[1:] if args is None else args):
            return super().main(args, *rest, **extra)

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: object) -> click.Context:
        if no_color():
            extra.setdefault("color", False)
        return super().make_context(info_name, args, parent, **extra)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, self._hoisted(ctx, args))

    def _hoisted(self, ctx: click.Context, args: list[str]) -> list[str]:
        """``args`` with the group's options after the command moved in front of it."""
        own = _names(self.get_params(ctx))
        at = self._command_at(args, own)
        if at is None:
            return args
        command = self.commands.get(args[at])
        theirs = _names(command.params) if command is not None else {}
        front, rest = list(args[:at]), [args[at]]
        i = at + 1
        while i < len(args):
            arg = args[i]
            if arg == "--":
                rest += args[i:]
                break
            name, eq, _ = arg.partition("=")
            if name in own and name not in theirs:
                takes_value = own[name]
                front.append(arg)
                if takes_value and not eq and i + 1 < len(args):
                    front.append(args[i + 1])
                    i += 1
            else:
                rest.append(arg)
            i += 1
        return front + rest

    def _command_at(self, args: list[str], own: dict[str, bool]) -> int | None:
        """The index of the command's name in ``args`` (skipping the group's own options)."""
        i = 0
        while i < len(args):
            arg = args[i]
            if arg == "--":
                return None
            if arg.startswith("-"):
                name, eq, _ = arg.partition("=")
                i += 2 if own.get(name) and not eq else 1
                continue
            return i if arg in self.commands else None
        return None
