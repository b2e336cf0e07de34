"""The closed sets of words of the contract format, without pydantic.

The model (:mod:`dinnet.contract.model`) types its fields with them, and a load
from the cache (:data:`dinnet.io.loading.Part`) unpacks them into one object
per word; that load imports no pydantic, so the words live here.

>>> from typing import get_args
>>> get_args(GoalLevel)
('main', 'strategic', 'operational')
"""

from __future__ import annotations

from typing import Literal

__all__ = ["Direction", "GoalLevel", "Role", "Strength"]

#: A goal's level, from the top of the network down.
GoalLevel = Literal["main", "strategic", "operational"]
#: Which way an indicator should go.
Direction = Literal["increase", "decrease", "maintain"]
#: The programme's role in a project: directs, coordinates or facilitates.
Role = Literal["regie", "afstemming", "faciliterend"]
#: How strongly an element contributes to a goal.
Strength = Literal["weak", "medium", "strong"]
