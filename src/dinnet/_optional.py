"""Import an optional dependency, or say how to install it.

The base install validates, audits, exports and draws DINs. Charts
(matplotlib), spreadsheets (openpyxl) and DataFrames (pandas) are extras;
a function that needs one imports it through :func:`extra`, so a user
without it reads which extra to install instead of a traceback.

>>> optional("json", "never shown").dumps([])
'[]'
>>> print(install_hint("charts"))
pip install "dinnet[charts]"
"""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import DinnetError
from .glossary import Message, message

__all__ = ["EXTRAS", "extra", "install_hint", "optional"]

#: The extras of the wheel: name -> the module it provides (what it is for: ``extra.<name>``
#: in the glossary).
EXTRAS: dict[str, str] = {
    "charts": "matplotlib",
    "xlsx": "openpyxl",
    "pandas": "pandas",
    "pdf": "pypdf",
}


def optional(module: str, missing: str | Message) -> ModuleType:
    """``module`` imported, or a :class:`DinnetError` with the message ``missing``."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise (DinnetError.of(missing) if isinstance(missing, Message)
               else DinnetError(missing)) from None


def install_hint(name: str) -> str:
    """The command that installs extra ``name``, quoted so it works in every shell.

    Double quotes: ``cmd.exe`` and PowerShell on Windows keep single quotes
    as part of the argument; POSIX shells read both.
    """
    return f'pip install "dinnet[{name}]"'


def extra(name: str, module: str | None = None) -> ModuleType:
    """``module`` (default: the one extra ``name`` provides), or an error naming the extra.

    >>> extra("charts", "no_such_module_for_dinnet")
    Traceback (most recent call last):
    ...
    dinnet.errors.DinnetError: charts need the optional package matplotlib: pip install "dinnet[charts]"
    """
    package = EXTRAS[name]
    return optional(module or package, message("error.needs_extra", purpose_phrase=f"extra.{name}",
                                               package=package, install=install_hint(name)))
