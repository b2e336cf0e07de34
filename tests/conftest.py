"""Shared test configuration: hypothesis profiles.

``HYPOTHESIS_PROFILE=ci`` (set by ``make test``) runs more examples with no
deadline; the default ``dev`` profile is quicker for local runs.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=300, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=60, deadline=None)
# the long run outside CI (docs/robustness.md): 1,700 examples for each of the six fuzz tests
settings.register_profile("fuzz", max_examples=1700, deadline=None,
                          suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Tests that run Graphviz fail, not skip, without it: `make test` installs it."""
    if item.get_closest_marker("graphviz") and shutil.which("dot") is None:
        pytest.fail("Graphviz 'dot' is not installed: `make test` installs it, or run "
                    "`sudo apt-get install graphviz`", pytrace=False)


@pytest.fixture(autouse=True)
def _english_cli(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line speaks Dutch by default; most tests pin its English words.

    ``DINNET_LANG=en`` for every test but those marked ``dutch`` (tests/test_lang.py),
    which run without it and so check the Dutch default.
    """
    if request.node.get_closest_marker("dutch"):
        monkeypatch.delenv("DINNET_LANG", raising=False)
    else:
        monkeypatch.setenv("DINNET_LANG", "en")


ROOT = Path(__file__).resolve().parents[1]


GenerateContracts = Callable[[Path, int, int], list[Path]]


@pytest.fixture(scope="session")
def generate_contracts() -> GenerateContracts:
    """``generate(folder, count, seed)``: the benchmark's generated contracts, written to
    ``folder`` (``benchmarks/generate.py``, loaded once)."""
    spec = importlib.util.spec_from_file_location("dinnet_bench_generate",
                                                  ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)

    def generate(folder: Path, count: int, seed: int) -> list[Path]:
        return list(module.generate(folder, count, seed=seed))

    return generate


@pytest.fixture(scope="module")
def generated_graph(tmp_path_factory: pytest.TempPathFactory,
                    generate_contracts: GenerateContracts) -> nx.MultiDiGraph:
    """Twenty generated contracts (two municipalities): every rule but DIN402 fires."""
    import dinnet

    return dinnet.load(*generate_contracts(tmp_path_factory.mktemp("gen"), 20, 1))
