"""``dinnet validate`` starts quickly: it imports only what checking files needs.

The benchmark's ``cli_validate_s`` (docs/performance.md) is mostly import time,
so these tests run the command in a fresh interpreter and look at ``sys.modules``
afterwards: the audit, the queries, rendering, the report and the optional
libraries of other commands must not be there, and a file read before (from the
cache) needs no pydantic either.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ASSETS = Path(__file__).parent / "assets"

# Runs the command line as the ``dinnet`` script does, then prints the loaded modules.
_RUN = """
import json, sys
from dinnet.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"exit": code, "modules": sorted(sys.modules)}))
"""

#: What ``dinnet validate`` must never import: other commands' layers and libraries.
HEAVY = ("dinnet.audit", "dinnet.queries", "dinnet.render", "dinnet.report", "dinnet.diff",
         "dinnet.io.export", "dinnet.io.xlsx", "dinnet.io.frames", "matplotlib", "openpyxl",
         "jinja2", "pandas", "numpy", "graphviz")


def _modules(*args: str, cache: Path) -> list[str]:
    env = {**os.environ, "DINNET_CACHE_DIR": str(cache)}
    proc = subprocess.run([sys.executable, "-c", _RUN, *args], capture_output=True, text=True,
                          env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.splitlines()[-1])
    assert result["exit"] in (0, None), proc.stderr
    modules: list[str] = result["modules"]
    return modules


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]


@pytest.mark.parametrize("cached", [False, True], ids=["first-run", "from-cache"])
def test_validate_imports_nothing_heavy(tmp_path: Path, cached: bool) -> None:
    args = ("validate", str(ASSETS / "minimal.yaml"))
    if cached:
        _modules(*args, cache=tmp_path)  # fills the cache
    modules = _modules(*args, cache=tmp_path)
    assert "dinnet.io.loading" in modules  # it did load the file
    assert _heavy(modules) == []
    # a file read before comes from the cache as plain data: no model, no pydantic
    validating = [m for m in modules if m in ("dinnet.contract.model", "pydantic")]
    assert validating == ([] if cached else ["dinnet.contract.model", "pydantic"])


def test_import_dinnet_is_lazy_and_complete() -> None:
    """``import dinnet`` loads no layer; every public name still resolves (PEP 562)."""
    code = ("import json, sys, dinnet; before = sorted(sys.modules); "
            "names = {n: type(getattr(dinnet, n)).__name__ for n in dinnet.__all__}; "
            "print(json.dumps([before, names, sorted(dir(dinnet))]))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, names, listed = json.loads(proc.stdout)
    assert [m for m in before if m.startswith("dinnet.")] == ["dinnet.errors", "dinnet.glossary"]
    assert "networkx" not in before and "pydantic" not in before
    assert names["load"] == "function" and names["Contract"] == "ModelMetaclass"
    assert set(names) <= set(listed)


def test_unknown_attribute_still_raises() -> None:
    import dinnet

    with pytest.raises(AttributeError, match="no_such_name"):
        dinnet.no_such_name  # noqa: B018
