"""The contract format: the pydantic model, reference checks and the JSON Schema.

This package knows nothing of files or graphs: it validates data that has
already been read.

>>> from dinnet.contract import Contract
>>> Contract.model_fields["programme"].is_required()
True
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Contract, Index

__all__ = ["Contract", "Index"]


def __getattr__(name: str) -> Any:
    """The models on first use (PEP 562): the reference checks and the error texts
    of this package load without pydantic, which loading from the cache never needs."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import model

    return getattr(model, name)
