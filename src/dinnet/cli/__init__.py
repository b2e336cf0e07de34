"""The ``dinnet`` command: argument parsing, query answers as text, progress.

The commands call one library function each; see :mod:`dinnet.cli.commands`.
"""

from .commands import main

__all__ = ["main"]
