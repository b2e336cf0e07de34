"""Import paths of dinnet 0.1 that moved still work, with a DeprecationWarning."""

from __future__ import annotations

import importlib
import sys

import pytest

import dinnet


@pytest.mark.parametrize("old", sorted(dinnet.MOVED_MODULES))
def test_an_old_import_path_gives_the_new_module_and_warns(old: str) -> None:
    sys.modules.pop(old, None)
    with pytest.warns(DeprecationWarning, match="moved to"):
        module = importlib.import_module(old)
    assert module is importlib.import_module(dinnet.MOVED_MODULES[old])


def test_from_import_of_an_old_path() -> None:
    sys.modules.pop("dinnet.loading", None)
    with pytest.warns(DeprecationWarning):
        from dinnet.loading import load  # type: ignore[import-not-found]
    assert load is dinnet.load
