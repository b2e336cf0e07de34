"""The mutation script's mutants still apply to the source (running them is slow:
``python tests/mutants.py``)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("mutants", Path(__file__).with_name("mutants.py"))
assert _spec is not None and _spec.loader is not None
mutants = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("mutants", mutants)
_spec.loader.exec_module(mutants)


@pytest.mark.parametrize("mutant", mutants.MUTANTS, ids=lambda m: m.key)
def test_each_mutant_applies_to_the_source(mutant: object) -> None:
    assert mutants.applies(mutant)
    for test in mutant.tests:  # type: ignore[attr-defined]
        assert (mutants.ROOT / test).is_file()
