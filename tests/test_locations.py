"""``G.graph["locations"]`` of a load (:class:`dinnet.io.locations.Locations`): a mapping
that answers as the dict of every key would, made only where asked."""

from __future__ import annotations

import copy
import json
import pickle
from pathlib import Path

import pytest

import dinnet
from dinnet.io import loading
from dinnet.io.export import from_json, to_json
from dinnet.io.locations import Locations


@pytest.fixture(scope="module")
def loaded() -> tuple[Locations, dict[str, list[object]]]:
    """The locations of the Almelo data and the minimal contract, and the dict each file
    read alone gives (:func:`~dinnet.io.loading.read_contract`)."""
    paths = [*loading.contract_files([loading.bundled_data_path()]), Path("tests/assets/minimal.yaml")]
    G = dinnet.load(*paths, jobs=1, cache=False)
    expected = {key: list(where) for p in paths if p.name not in loading.INDEX_NAMES
                for key, where in loading.read_contract(p).locations.items()}
    return G.graph["locations"], expected


def test_every_key_is_found_as_in_a_dict(loaded: tuple[Locations, dict[str, list[object]]]) -> None:
    where, expected = loaded
    assert isinstance(where, Locations)
    assert len(where) == len(expected) > 500
    assert list(where) == list(expected)
    assert {key: where[key] for key in expected} == expected
    assert all(where.get(key) == value and key in where for key, value in expected.items())
    assert any("#table:" in key for key in where) and any("#relation:" in key for key in where)
    assert where == expected and expected == where and dict(where) == expected


@pytest.mark.parametrize("key", ["zorg:NOPE", "nope:SD3", "nope", "zorg#table:NOPE", "", ":", "#", 7, None])
def test_a_key_that_is_not_there_is_not_found(
        key: object, loaded: tuple[Locations, dict[str, list[object]]]) -> None:
    where, _ = loaded
    assert key not in where
    assert where.get(key, "none") == "none"  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        where[key]  # type: ignore[index]


def test_a_key_of_one_programme_is_not_found_in_another() -> None:
    """A key is looked up in its own programme's part (the part of ``b`` holds it, but
    ``a`` names it): :func:`~dinnet.io.loading._is_part` refuses such a cached part."""
    where = Locations([("a.yaml", {"programme": "a", "nodes": ["a"], "locations": [0],
                                   "positions": [1, 1]}),
                       ("b.yaml", {"programme": "b", "nodes": ["b", "a:X"], "locations": [0, 1],
                                   "positions": [1, 1, 5, 3]})])
    assert where["b"] == ["b.yaml", 1, 1] and "a:X" not in where


def test_values_are_new_lists_the_mapping_cannot_be_changed(
        loaded: tuple[Locations, dict[str, list[object]]]) -> None:
    where, _ = loaded
    value = where["zorg:SD3"]
    value[1] = -1
    assert where["zorg:SD3"][1] != -1
    with pytest.raises(TypeError):
        where["zorg:SD3"] = ["x", 1, 1]  # type: ignore[index]


def test_copies_pickles_and_exports_keep_every_location(
        loaded: tuple[Locations, dict[str, list[object]]]) -> None:
    where, expected = loaded
    assert pickle.loads(pickle.dumps(where)) == expected
    assert copy.deepcopy(where) == expected and copy.copy(where) == expected
    G = dinnet.load(jobs=1, cache=False)
    again = from_json(to_json(G))
    assert again.graph["locations"] == G.graph["locations"]
    assert json.loads(to_json(G))["graph"]["locations"]["zorg:SD3"] == G.graph["locations"]["zorg:SD3"]
