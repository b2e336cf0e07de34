"""click's own words (``Usage:``, ``Error:``, ``No such option``) in the user's language.

click marks its messages for :mod:`gettext` and looks them up when it shows
them. While a dinnet command runs (:func:`running`), the lookup goes to the
glossary (``click.`` phrases, whose English text is click's own message), in
the language of the command: its ``--lang``, else ``DINNET_LANG``, else
Dutch. Other programs using click in the same process keep click's words.

The help of dinnet's commands and options is written in English in the code,
as click's own messages are; :func:`help_text` finds the glossary's ``help.``
phrase whose English is that text and gives it in the command's language
(the command classes of :mod:`dinnet.cli.group` ask for it when they format
``--help``). Texts click keeps once made (the help of ``--help`` and
``--version``) are made in English and translated the same way when shown,
so that one run never changes the words of the next.

>>> from dinnet.cli import main
>>> from click.testing import CliRunner
>>> out = CliRunner().invoke(main, ["render", "--pagina", "a4", "--lang", "nl"],
...                         prog_name="dinnet").output
>>> print(out.strip())
Gebruik: dinnet render [OPTIONS] [PATHS]...
Probeer 'dinnet render --help' voor hulp.
<BLANKLINE>
Fout: optie '--pagina' bestaat niet. Bedoel je '--page'?
"""

from __future__ import annotations

import contextlib
import gettext
import inspect
from collections.abc import Iterator, Sequence
from contextvars import ContextVar

import click

from ..glossary import DEFAULT_LANG, LANGS, PHRASES, env_lang, phrase

__all__ = ["help_text", "install", "lang", "running"]

#: The arguments of the dinnet command that runs now (None: no dinnet command runs).
_ARGS: ContextVar[tuple[str, ...] | None] = ContextVar("dinnet_cli_args", default=None)
#: click's message -> the glossary phrase that says it (its English text is the message itself).
_KEYS = {en: key for key, (_, en) in PHRASES.items() if key.startswith("click.")}
#: A help text as the code writes it -> the glossary phrase that says it.
_HELP = {en: key for key, (_, en) in PHRASES.items() if key.startswith("help.")}


def lang() -> str:
    """The language of the running command: ``--lang``, else ``DINNET_LANG``, else Dutch."""
    ctx = click.get_current_context(silent=True)
    while ctx is not None:
        if ctx.params.get("lang") in LANGS:
            return str(ctx.params["lang"])
        ctx = ctx.parent
    args = _ARGS.get() or ()
    for i, arg in enumerate(args):  # a usage error comes before the options are read
        if arg == "--lang" and i + 1 < len(args) and args[i + 1] in LANGS:
            return args[i + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGS:
            return arg[7:]
    try:
        return env_lang()
    except ValueError:
        return DEFAULT_LANG


def help_text(text: str | None) -> str | None:
    """A help text of the command line (English, as the code writes it) in the language of
    the running command: its ``help.`` phrase of the glossary; a text without one as it is.

    >>> with running(["--lang", "nl"]):
    ...     print(help_text("Show this message and exit."))
    Toon deze hulp en stop.
    """
    if not text:
        return text
    key = _HELP.get(inspect.cleandoc(text).partition("\f")[0])
    return text if key is None else phrase(key, lang())


def _gettext(message: str) -> str:
    key = _KEYS.get(message)
    if key is None or _ARGS.get() is None:
        return gettext.gettext(message)
    return phrase(key, lang())


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


@contextlib.contextmanager
def running(args: Sequence[str]) -> Iterator[None]:
    """While the block runs, click's words follow the dinnet command with ``args``."""
    token = _ARGS.set(tuple(args))
    try:
        yield
    finally:
        _ARGS.reset(token)


def install() -> None:
    """Send click's lookups through :func:`_gettext` (once; harmless when repeated)."""
    for module in (click.core, click.exceptions, click.parser, click.types, click.formatting,
                   click.decorators, click.termui):
        if getattr(module, "_", None) is not None:
            module._ = _gettext  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is not None:
            module.ngettext = _ngettext  # type: ignore[attr-defined]
