"""``dinnet new``: a commented skeleton that validates."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import dinnet
from dinnet.cli import main
from dinnet.contract.schema import SCHEMA_URLS, schema_errors
from dinnet.errors import DinnetError
from dinnet.io.scaffold import programme_id, schema_comment, skeleton
from dinnet.io.yamlread import construct, parse_text

ROOT = Path(__file__).resolve().parents[1]


def test_new_writes_a_valid_commented_contract(tmp_path: Path) -> None:
    out = tmp_path / "groen.yaml"
    result = CliRunner().invoke(main, ["new", "Groen & Blauw", "-o", str(out),
                                       "--municipality", "Hengelo", "--start", "2025"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.count("\n#") > 10  # commented
    G = dinnet.load(out)
    programme = G.nodes["groen-blauw"]
    assert (programme["label"], programme["municipality"], programme["period"]) == (
        "Groen & Blauw", "Hengelo", [2025, 2028])
    assert G.has_edge("groen-blauw:E1", "groen-blauw:SD1.a", "contributes_to")
    data = construct(parse_text(text, str(out)), str(out))
    assert schema_errors(data) == []


def test_new_points_editors_at_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "c.yaml"
    result = CliRunner().invoke(main, ["new", "Zorg", "-o", str(out)])
    assert result.exit_code == 0
    first = out.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={SCHEMA_URLS['contract']}"  # nothing local
    assert "dinnet schema -o contract.schema.json" in result.output
    # with a local copy (as `dinnet schema -o` writes it) in a folder above: a relative path
    assert CliRunner().invoke(main, ["schema", "-o", str(tmp_path / "contract.schema.json")]
                              ).exit_code == 0
    out2 = tmp_path / "sub" / "d.yaml"
    result = CliRunner().invoke(main, ["new", "Zorg", "-o", str(out2)])
    assert out2.read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=../contract.schema.json")
    assert "schema -o" not in result.output
    # inside this checkout: the committed copy
    inside = schema_comment(ROOT / "data" / "contracts" / "almelo-2019" / "new.yaml")
    assert inside == "# yaml-language-server: $schema=../contract.schema.json\n"
    assert schema_comment(ROOT / "examples" / "new.yaml") == (
        "# yaml-language-server: $schema=../data/contracts/contract.schema.json\n")
    assert schema_comment("-") == f"# yaml-language-server: $schema={SCHEMA_URLS['contract']}\n"


def test_new_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "c.yaml"
    out.write_text("mine\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["new", "Zorg", "-o", str(out)])
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert out.read_text(encoding="utf-8") == "mine\n"


def test_new_to_stdout() -> None:
    result = CliRunner().invoke(main, ["new", "Zorg", "--id", "zorg-2025"])
    assert result.exit_code == 0
    assert "  id: zorg-2025" in result.output


@pytest.mark.parametrize("name", ["Zorg: nu", "no", "2020", "#1 Wonen", "'Veilig'",
                                  'Ja "zeker"', "Économie – Één", "on", "~"])
def test_awkward_names_survive(tmp_path: Path, name: str) -> None:
    out = tmp_path / "c.yaml"
    out.write_text(skeleton(name, programme="p"), encoding="utf-8")
    assert dinnet.load(out).nodes["p"]["label"] == name


def test_programme_id_from_name() -> None:
    assert programme_id("Economie en Participatie") == "economie-en-participatie"
    with pytest.raises(DinnetError, match="--id"):
        programme_id("???")


def test_period_must_be_ordered() -> None:
    with pytest.raises(DinnetError, match="before it starts"):
        skeleton("Zorg", start=2024, end=2020)
