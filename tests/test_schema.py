"""The JSON Schema: committed copy up to date, bundled contracts valid, broken files caught."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from dinnet.cli import main
from dinnet.contract.schema import (
    REPOSITORY,
    SCHEMA_URLS,
    contract_schema,
    index_schema,
    schema_errors,
    schema_json,
)
from dinnet.io.loading import bundled_data_path
from dinnet.io.yamlread import construct, parse_text, read_text

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "data" / "contracts" / "contract.schema.json"
INDEX_SCHEMA = ROOT / "data" / "contracts" / "index.schema.json"
CONTRACTS = sorted(p for p in bundled_data_path().rglob("*.yaml") if p.name != "index.yaml")
INDEXES = sorted(bundled_data_path().rglob("index.yaml"))
assert CONTRACTS and INDEXES, "the bundled contracts are missing"
EXAMPLES = [ROOT / "examples" / "groene-stad.yaml"]
ASSETS = Path(__file__).parent / "assets"


def read(path: Path) -> object:
    return construct(parse_text(read_text(path), str(path)), str(path))


def test_committed_schemas_are_current() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == schema_json(), (
        "data/contracts/contract.schema.json is stale: run  "
        "dinnet schema -o data/contracts/contract.schema.json")
    assert INDEX_SCHEMA.read_text(encoding="utf-8") == schema_json("index"), (
        "data/contracts/index.schema.json is stale: run  "
        "dinnet schema --index -o data/contracts/index.schema.json")


def test_schemas_have_a_stable_id_in_the_repository() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["urls"]["Repository"] == REPOSITORY
    for kind, schema in (("contract", contract_schema()), ("index", index_schema())):
        assert schema["$id"] == SCHEMA_URLS[kind]
        committed = ROOT / schema["$id"].removeprefix(f"{REPOSITORY}/raw/main/")
        assert committed in (SCHEMA, INDEX_SCHEMA), committed
        assert f"{REPOSITORY}/blob/main/docs/format.md" in schema["description"]


def test_cli_writes_the_index_schema(tmp_path: Path) -> None:
    out = tmp_path / "index.schema.json"
    result = CliRunner().invoke(main, ["schema", "--index", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8")) == index_schema()


@pytest.mark.parametrize("path", INDEXES, ids=lambda p: p.parent.name)
def test_index_fits_its_schema_and_points_at_it(path: Path) -> None:
    assert schema_errors(read(path), index_schema()) == []
    assert schema_errors({"dinnet_index": 1, "municipality": "M"}, index_schema()) == [
        "'source' is a required property"]
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match and (path.parent / match[1]).resolve() == INDEX_SCHEMA.resolve()


def test_every_schema_header_in_the_repository_points_at_a_file() -> None:
    """Headers are relative paths that exist here and, for the bundled data, in the wheel too."""
    found = 0
    for folder in ("data", "examples", "tests", "docs", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.y*ml")):
            first = path.read_text(encoding="utf-8").partition("\n")[0]
            match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
            if match:
                found += 1
                target = (path.parent / match[1]).resolve()
                assert target.is_file(), f"{path.relative_to(ROOT)}: {match[1]} does not exist"
                if folder == "data":  # data/contracts is dinnet/_data/contracts in the wheel
                    assert target.is_relative_to(ROOT / "data" / "contracts"), path
    assert found >= len(CONTRACTS) + len(INDEXES)


def test_cli_writes_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "contract.schema.json"
    result = CliRunner().invoke(main, ["schema", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8")) == contract_schema()


def test_every_field_is_described() -> None:
    schema = contract_schema()
    models = {**schema["$defs"], "Contract": schema}
    missing = [f"{name}.{prop}" for name, model in models.items()
               for prop, spec in model.get("properties", {}).items() if "description" not in spec]
    assert missing == []


@pytest.mark.parametrize("path", CONTRACTS + EXAMPLES + [ASSETS / "minimal.yaml"],
                         ids=lambda p: p.name)
def test_contract_fits_the_schema(path: Path) -> None:
    assert schema_errors(read(path)) == []


@pytest.mark.parametrize("path", CONTRACTS + EXAMPLES, ids=lambda p: p.name)
def test_contract_points_editors_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"{path.name}: first line should point at the schema"
    assert (path.parent / match[1]).resolve() == SCHEMA.resolve()


#: (text in minimal.yaml, its broken replacement, part of the expected message)
BROKEN = {
    "unknown field": ("    label: Minder auto's\n",
                      "    label: Minder auto's\n    contributes_too: [SD1]\n",
                      "Additional properties are not allowed ('contributes_too'"),
    "bad level": ("    level: strategic\n", "    level: tactical\n", "'tactical' is not one of"),
    "bad source": ("    source: mini.txt:3\n", "    source: regel 3\n",
                   "'regel 3' does not match"),
    "id with space": ("  - id: SD1\n", "  - id: S D1\n", "does not match"),
    "text, not a list": ("    measures: [SD1.a]\n", "    measures: SD1.a\n", "is not of type 'array'"),
    "missing label": ("    label: Fietspad\n", "", "'label' is a required property"),
    "target year": ("    targets: {2022: 25}\n", "    targets: {einde: 25}\n", "'einde' does not match"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_contract_fails_the_schema(case: str) -> None:
    old, new, expected = BROKEN[case]
    text = (ASSETS / "minimal.yaml").read_text(encoding="utf-8")
    assert old in text
    broken = text.replace(old, new, 1)
    errors = schema_errors(construct(parse_text(broken, "broken.yaml"), "broken.yaml"))
    assert any(expected in e for e in errors), errors


def test_schema_is_byte_stable() -> None:
    assert schema_json() == schema_json()
