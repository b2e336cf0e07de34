"""Configuration for the whole test session (tests/ and the doctests in src/).

Every test, doctest and command-line subprocess gets a cache folder of its own
for the session (``DINNET_CACHE_DIR``), so no test reads or writes the user's
real cache (``dinnet.io.cache``).
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

_SAVED: dict[str, str | None] = {}


def pytest_configure(config: pytest.Config) -> None:
    _SAVED["DINNET_CACHE_DIR"] = os.environ.get("DINNET_CACHE_DIR")
    folder = tempfile.mkdtemp(prefix="dinnet-test-cache-")
    _SAVED["folder"] = folder
    os.environ["DINNET_CACHE_DIR"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = _SAVED.get("folder")
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
    before = _SAVED.get("DINNET_CACHE_DIR")
    if before is None:
        os.environ.pop("DINNET_CACHE_DIR", None)
    else:
        os.environ["DINNET_CACHE_DIR"] = before
