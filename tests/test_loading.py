"""The loader: each class of error gives one clear line at the right place."""

from __future__ import annotations

import textwrap
from pathlib import Path

import networkx as nx
import pytest

import dinnet
from dinnet.errors import (
    ContractError,
    DuplicateKeyError,
    UnknownReferenceError,
    UnsafeYamlError,
    ValidationError,
    YamlSyntaxError,
)

ASSETS = Path(__file__).parent / "assets"

HEAD = """\
programme:
  id: t
  name: T
  municipality: M
  period: {start: 2019, end: 2022}
  source: t.txt:1
"""


def write(tmp_path: Path, body: str, name: str = "t.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return path


def problems(path: Path, cls: type[ContractError] = ContractError) -> list[str]:
    with pytest.raises(cls) as info:
        dinnet.load(path)
    return [str(p) for p in info.value.problems]


def test_minimal_contract_loads() -> None:
    G = dinnet.load(ASSETS / "minimal.yaml")
    assert G.nodes["mini:SD1.a"]["level"] == "operational"
    assert G.nodes["mini:E2"]["kind"] == "effort"
    assert G.edges["mini:E2", "mini:SD2", "contributes_to"]["strength"] == "strong"
    assert G.edges["mini:E2", "mini:SD2", "contributes_to"]["source"] == "mini.txt:10"
    assert G.edges["mini:E1", "mini:SD1.a", "contributes_to"]["source"] == "mini.txt:8"


def test_yaml_syntax_error_points_at_line(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        goals:
          - id: SD1
            label: [unclosed
        """)
    (line,) = problems(path, YamlSyntaxError)
    assert line.startswith(f"{path}:10:1: error:")


def test_object_tag_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        vision:
          label: !!python/object/apply:os.system ["echo hacked"]
          source: t.txt:2
        """)
    (line,) = problems(path, UnsafeYamlError)
    assert line.startswith(f"{path}:8:10: error:")
    assert "'!!python/object/apply:os.system' is not allowed" in line


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        vision:
          label: Een
          label: Twee
          source: t.txt:2
        """)
    (line,) = problems(path, DuplicateKeyError)
    assert line.startswith(f"{path}:9:3: error:")
    assert "duplicate key 'label' (first at line 8)" in line


def test_unknown_field_suggests_the_right_one(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        goals:
          - {id: SD1, level: strategic, label: G, source: t.txt:3}
        efforts:
          - id: E1
            label: E
            contributes_too: [SD1]
            source: t.txt:4
        """)
    (line,) = problems(path, ValidationError)
    assert line == (f"{path}:12:5: error: efforts[0].contributes_too: unknown field "
                    "'contributes_too'; did you mean 'contributes_to'?")


def test_missing_field_points_at_its_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        goals:
          - id: SD1
            level: strategic
            source: t.txt:3
        """)
    (line,) = problems(path, ValidationError)
    assert line == f"{path}:8:5: error: goals[0]: required field 'label' is missing"


def test_wrong_type_hints_to_quote(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        vision:
          label: 2019
          source: t.txt:2
        """)
    (line,) = problems(path, ValidationError)
    assert line == (f"{path}:8:10: error: vision.label: expected text, got the number 2019; "
                    'put the text in quotes, for example "2019"')


def test_all_errors_of_a_file_together(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        goals:
          - {id: SD1, level: strategc, label: G, source: t.txt:3}
          - {id: SD 2, level: strategic, label: G, source: t.txt:4}
        """)
    lines = problems(path, ValidationError)
    assert len(lines) == 2
    assert lines[0].startswith(f"{path}:8:22: error: goals[0].level: expected 'main', 'strategic' "
                             "or 'operational', got 'strategc'; did you mean 'strategic'?")
    assert lines[1].startswith(f"{path}:9:10: error: goals[1].id: 'SD 2' is not a valid id")


def test_dangling_reference(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        goals:
          - {id: SD1, level: strategic, label: G, source: t.txt:3}
          - {id: OD2, level: strategic, label: G, source: t.txt:3}
        efforts:
          - id: E1
            label: E
            contributes_to: [SD1, SD9]
            source: t.txt:4
        """)
    (line,) = problems(path, UnknownReferenceError)
    assert line == (f"{path}:13:27: error: efforts[0].contributes_to[1]: unknown goal 'SD9' "
                    "(known: OD2, SD1); did you mean 'SD1'?")


def test_reference_to_wrong_kind(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        efforts:
          - {id: E1, label: E, source: t.txt:4}
        indicators:
          - {id: I1, label: I, measures: [E1], source: t.txt:5}
        """)
    (line,) = problems(path, UnknownReferenceError)
    assert line == f"{path}:10:35: error: indicators[0].measures[0]: 'E1' is an effort, not a goal or vision"


def test_duplicate_id(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        goals:
          - {id: SD1, level: strategic, label: G, source: t.txt:3}
        efforts:
          - {id: SD1, label: E, source: t.txt:4}
        """)
    (line,) = problems(path, UnknownReferenceError)
    assert line == (f"{path}:10:10: error: efforts[0].id: duplicate id 'SD1' "
                    "(first defined at line 8)")


def test_goal_level_order(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        goals:
          - id: OD1
            level: operational
            label: G
            source: t.txt:3
            goals:
              - {id: SD1, level: strategic, label: G, source: t.txt:4}
        """)
    (line,) = problems(path, UnknownReferenceError)
    assert line.startswith(f"{path}:13:26: error: goals[0].goals[0].level: a strategic goal")


def test_external_reference_to_unloaded_programme_is_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        goals:
          - {id: SD1, level: strategic, label: G, source: t.txt:3}
        efforts:
          - {id: E1, label: E, contributes_to: [zorg:SD3], source: t.txt:4}
        """)
    G = dinnet.load(path)
    (warning,) = G.graph["warnings"]
    assert warning.startswith(f"{path}:10:41: warning: efforts[0].contributes_to[0]:")
    assert "'zorg:SD3' refers to programme 'zorg', which is not loaded" in warning
    assert G.graph["unresolved"] == [
        {"from": "t:E1", "to": "zorg:SD3", "kind": "contributes_to", "source": "t.txt:4",
         "inferred": False, "note": None, "level": "effort", "strength": None}
    ]


def test_external_reference_into_loaded_programme_must_exist(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        efforts:
          - {id: E1, label: E, contributes_to: [mini:SD9], source: t.txt:4}
        """)
    with pytest.raises(UnknownReferenceError) as info:
        dinnet.load(path, ASSETS / "minimal.yaml")
    assert str(info.value) == (f"{path}:8:41: error: efforts[0].contributes_to[0]: unknown goal "
                               "'SD9' in programme 'mini'; did you mean 'SD2'?")


def test_cross_programme_edge(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        efforts:
          - {id: E1, label: E, contributes_to: [mini:SD2], source: t.txt:4}
        relations:
          - {programme: mini, topics: [groen], source: t.txt:9}
        """)
    G = dinnet.load(path, ASSETS / "minimal.yaml")
    assert G.has_edge("t:E1", "mini:SD2", "contributes_to")
    assert G.edges["t", "mini", "depends_on"]["topics"] == ["groen"]


def test_errors_of_several_files_are_all_reported(tmp_path: Path) -> None:
    a = write(tmp_path, "vision: {label: 1, source: t.txt:2}\n", "a.yaml")
    b = tmp_path / "b.yaml"
    b.write_text("programme: [\n", encoding="utf-8")
    with pytest.raises(ContractError) as info:
        dinnet.load(tmp_path)
    files = [p.file for p in info.value.problems]
    assert files == [str(a), str(b)]


def test_duplicate_programme_ids(tmp_path: Path) -> None:
    write(tmp_path, "", "a.yaml")
    write(tmp_path, "", "b.yaml")
    with pytest.raises(ContractError, match="programme id 't' is also used by"):
        dinnet.load(tmp_path)


def test_yaml_1_1_words_stay_text(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        vision: {label: no, text: 0151 10:30 2019-05-21, source: t.txt:2}
        goals:
          - {id: on, level: strategic, label: off, source: t.txt:3}
        """)
    G = dinnet.load(path)
    assert G.nodes["t:visie"]["label"] == "no"
    assert G.nodes["t:visie"]["text"] == "0151 10:30 2019-05-21"
    assert G.nodes["t:on"]["label"] == "off"


def test_bundled_data_and_example_load() -> None:
    G = dinnet.load()
    assert G.graph["warnings"] == []
    assert all(d.get("source") for _, d in G.nodes(data=True))
    assert all(d.get("source") for *_, d in G.edges(data=True))
    assert isinstance(G, nx.MultiDiGraph)
    dinnet.load(Path(__file__).parents[1] / "examples")


def test_two_relations_to_one_programme_keep_both(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        relations:
          - {programme: mini, topics: [groen], source: t.txt:9}
          - {programme: mini, topics: [water], nodes: [mini:SD2], source: t.txt:12}
        """)
    G = dinnet.load(path, ASSETS / "minimal.yaml")
    edge = G.edges["t", "mini", "depends_on"]
    assert edge["topics"] == ["groen", "water"]
    assert edge["nodes"] == ["mini:SD2"]
    assert edge["source"] == "t.txt:9; t.txt:12"


def test_field_errors_and_dangling_references_in_one_run(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        goals:
          - {id: SD1, level: strategc, label: G, source: t.txt:3}
          - {id: SD2, level: strategic, label: G, source: t.txt:4}
        efforts:
          - {id: E1, label: E, contributes_to: [SD1, SD2, SD9], source: t.txt:5}
          - {id: E2, label: E, contributes_too: [SD2], source: t.txt:6}
          - {id: E3, label: E, contributes_to: [SD8], source: t.txt:7}
        """)
    lines = problems(path, ValidationError)
    assert [line.split(": error: ")[1].split(":")[0] for line in lines] == [
        "goals[0].level", "efforts[0].contributes_to[2]", "efforts[1].contributes_too",
        "efforts[2].contributes_to[0]"]
    assert lines[1].startswith(f"{path}:11:51: error:")
    assert "unknown goal 'SD9'" in lines[1] and "unknown goal 'SD8'" in lines[3]
