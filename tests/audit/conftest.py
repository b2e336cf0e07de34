"""Fixtures of the audit tests: a generated set of contracts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import networkx as nx
import pytest

import dinnet

ROOT = Path(__file__).resolve().parents[2]


def _generate(folder: Path, count: int) -> list[Path]:
    spec = importlib.util.spec_from_file_location("dinnet_bench_generate",
                                                  ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return list(module.generate(folder, count, seed=1))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    """Twenty generated contracts (two municipalities): every rule but DIN402 fires."""
    return dinnet.load(*_generate(tmp_path_factory.mktemp("gen"), 20))
