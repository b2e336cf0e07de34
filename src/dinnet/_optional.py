"""Import an optional dependency, or say how to install it.

>>> optional("json", "never shown").dumps([])
'[]'
"""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import DinnetError


def optional(module: str, missing: str) -> ModuleType:
    """``module`` imported, or a :class:`DinnetError` with the message ``missing``."""
    try:
        return importlib.import_module(module)
    except ImportError:  # pragma: no cover - depends on the installation
        raise DinnetError(missing) from None
