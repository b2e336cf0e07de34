"""The contract format: the pydantic model, reference checks and the JSON Schema.

This package knows nothing of files or graphs: it validates data that has
already been read.

>>> from dinnet.contract import Contract
>>> Contract.model_fields["programme"].is_required()
True
"""

from .model import Contract, Index

__all__ = ["Contract", "Index"]
