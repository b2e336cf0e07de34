"""Measurements files (issue 21): the format, located errors, attaching to the graph at load."""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dinnet
from dinnet.contract.measurements import Measurement, Realisation
from dinnet.errors import ContractError, UnknownReferenceError, ValidationError
from dinnet.io.export import from_graphml, from_json, to_graphml, to_json
from dinnet.io.measurements import is_measurements_file, read_measurements

EXAMPLES = Path(__file__).parents[1] / "examples"
ZONNEDAL = EXAMPLES / "zonnedal"


def zonnedal_with(tmp_path: Path, body: str, name: str = "measurements.yaml") -> Path:
    """A copy of the Zonnedal contracts with ``body`` as its measurements file."""
    folder = tmp_path / "zonnedal"
    folder.mkdir()
    for path in ZONNEDAL.glob("*.yaml"):
        if not is_measurements_file(path):
            shutil.copy(path, folder)
    (folder / name).write_text(textwrap.dedent(body), encoding="utf-8")
    return folder


def problems(folder: Path, cls: type[ContractError] = ContractError, lang: str = "en") -> list[str]:
    with pytest.raises(cls) as info:
        dinnet.load(folder)
    return [p.text(lang).replace(str(folder) + "/", "") for p in info.value.problems]


@pytest.mark.parametrize("files", [False, True])
def test_every_indicator_effort_and_project_holds_its_series(files: bool) -> None:
    """With measurements files and without: ``measurements`` on every indicator (the
    contract's own values at least), ``realisations`` on every effort and project, as
    tuples; no other node has either."""
    contracts = [EXAMPLES / "groene-stad.yaml",
                 *(p for p in ZONNEDAL.glob("*.yaml") if not is_measurements_file(p))]
    measured = [EXAMPLES / "groene-stad.measurements.yaml", ZONNEDAL / "measurements.yaml"]
    G = dinnet.load(*contracts, *(measured if files else []), cache=False)
    for _, data in G.nodes(data=True):
        for name, kinds in (("measurements", {"indicator"}), ("realisations", {"effort", "project"})):
            assert (type(data.get(name)) is tuple) == (data["kind"] in kinds) == (name in data)
    assert len(G.nodes["duurzaam-zonnedal:BBV1"]["measurements"]) == (7 if files else 3)
    assert len(G.nodes["groene-stad:P1"]["realisations"]) == (1 if files else 0)
    assert len(G.graph["measurement_sets"]) == (2 if files else 0)


def test_zonnedal_values_are_sorted_by_date_with_the_contract_values() -> None:
    G = dinnet.load(ZONNEDAL)
    bbv1 = G.nodes["duurzaam-zonnedal:BBV1"]["measurements"]
    assert all(isinstance(m, Measurement) for m in bbv1)
    assert [(m.date, m.kind, m.value) for m in bbv1] == [
        (dt.date(2021, 12, 31), "realised", 14.0),       # the contract's own values ...
        (dt.date(2022, 12, 31), "realised", 16.0),
        (dt.date(2023, 12, 31), "realised", 17.5),       # ... and the file's, one sequence
        (dt.date(2023, 12, 31), "expected", 18.0),
        (dt.date(2024, 12, 31), "realised", 19.0),
        (dt.date(2025, 12, 31), "realised", 21.0),
        (dt.date(2026, 12, 31), "expected", 23.0)]
    assert bbv1[0].source == "begroting-2024.txt:31-32"   # the contract's source
    assert bbv1[4].source == "Jaarverslag 2024 (fictief), blz. 12"
    assert all(m.indicator == "duurzaam-zonnedal:BBV1" for m in bbv1)
    bbv2 = G.nodes["duurzaam-zonnedal:BBV2"]["measurements"]
    assert (bbv2[-1].value, bbv2[-1].approximate) == (4050.0, "ca.")   # "ca. 4.050"
    assert bbv2[2].value == 3720.0                                      # "3.720", Dutch


def test_zonnedal_realisations_of_efforts() -> None:
    G = dinnet.load(ZONNEDAL)
    a2 = G.nodes["duurzaam-zonnedal:A2"]["realisations"]
    assert all(isinstance(r, Realisation) for r in a2)
    assert [(r.date, r.state, r.effort) for r in a2] == [
        (dt.date(2024, 12, 31), "partly", "duurzaam-zonnedal:A2"),
        (dt.date(2025, 12, 31), "not_realised", "duurzaam-zonnedal:A2")]
    assert a2[0].explanation == "De vergunning is verleend; er loopt bezwaar."
    assert G.nodes["werk-en-inkomen:W2"]["realisations"] == ()   # nothing reported
    assert G.nodes["werk-en-inkomen:W3"]["realisations"][0].state == "not_realised"


def test_an_explicit_measurements_path_and_a_date() -> None:
    G = dinnet.load(EXAMPLES / "groene-stad.yaml", EXAMPLES / "groene-stad.measurements.yaml")
    trees = G.nodes["groene-stad:SD1.b.i1"]["measurements"]
    assert [(m.date, m.year, m.value) for m in trees] == [
        (dt.date(2024, 12, 31), 2024, 5480.0), (dt.date(2025, 6, 30), None, 5530.0),
        (dt.date(2025, 12, 31), 2025, "n.t.b.")]
    assert G.nodes["groene-stad:P1"]["realisations"][0].project == "groene-stad:P1"
    # without the file: only what the contract says (nothing measured)
    assert dinnet.load(EXAMPLES / "groene-stad.yaml").nodes["groene-stad:SD1.b.i1"][
        "measurements"] == ()


def test_the_loader_never_reads_a_measurements_file_as_a_contract(tmp_path: Path) -> None:
    folder = zonnedal_with(tmp_path, "measurements: []\n", name="2024.measurements.yaml")
    G = dinnet.load(folder)
    assert {d["programme"] for _, d in G.nodes(data=True)} == {"duurzaam-zonnedal",
                                                                "werk-en-inkomen"}
    assert G.graph["measurement_sets"][0]["file"].endswith("2024.measurements.yaml")


def test_bad_entries_are_located_all_at_once(tmp_path: Path) -> None:
    folder = zonnedal_with(tmp_path, """\
        programme: duurzaam-zonnedal
        measurements:
          - {indicator: BBV1, year: 2024, value: 200.000, source: x}
          - {indicator: BBV1, year: 2024, date: 2024-06-30, value: 5, source: x}
          - {indicator: BBV1, year: 2024, value: gestegen, source: x}
          - {indicator: BBV1, value: 5, source: x}
          - {indicator: BBV1, year: 2024, value: 5, kind: gemeten, source: x}
          - {indicator: BBV1, year: 2024, value: 5, sourse: x}
        realisations:
          - {effort: A1, project: P1, year: 2024, state: realised, source: x}
          - {effort: A1, year: 2024, state: done, source: x}
        """)
    assert problems(folder, ValidationError) == [
        "measurements.yaml:3:42: error: measurements[0].value: 200.000 is ambiguous (YAML reads "
        "200, Dutch 200000): write 200000, or \"200.000\" in quotes to have it read the Dutch "
        "way, or 200 if that is meant",
        "measurements.yaml:4:5: error: measurements[1]: write year (a year: 31 December) or date "
        "(a day), not both",
        "measurements.yaml:5:42: error: measurements[2].value: 'gestegen' is not a number: write "
        "a number (1250.5, or Dutch \"1.250,5\" in quotes) or n.t.b.; a remark goes in note",
        "measurements.yaml:6:5: error: measurements[3]: required field 'year' or 'date' is "
        "missing: write year: 2024 or date: 2024-06-30",
        "measurements.yaml:7:51: error: measurements[4].kind: expected 'realised' or "
        "'expected', got 'gemeten'",
        "measurements.yaml:8:45: error: measurements[5].sourse: unknown field 'sourse'; did you "
        "mean 'source'?",
        "measurements.yaml:10:5: error: realisations[0]: write effort: (an effort) or project: "
        "(a project), exactly one of them",
        "measurements.yaml:11:37: error: realisations[1].state: expected 'realised', "
        "'partly' or 'not_realised', got 'done'"]


def test_messages_in_dutch(tmp_path: Path) -> None:
    folder = zonnedal_with(tmp_path, """\
        measurements:
          - {indicator: BBV1, year: 2024, value: 5, source: x}
          - {indicator: "duurzaam-zonnedal:BBV9", year: 2024, value: 5, source: x}
        """)
    found = problems(folder, UnknownReferenceError, lang="nl")
    assert found == [
        "measurements.yaml:2:17: error: measurements[0].indicator: 'BBV1' noemt geen programma: "
        "schrijf 'programma:BBV1', of zet 'programme:' bovenaan het bestand",
        "measurements.yaml:3:17: error: measurements[1].indicator: onbekende indicator 'BBV9' in "
        "programma 'duurzaam-zonnedal'; bedoel je 'BBV3'?"]


def test_unknown_references_with_did_you_mean(tmp_path: Path) -> None:
    folder = zonnedal_with(tmp_path, """\
        programme: duurzaam-zonnedal
        measurements:
          - {indicator: BBV5, year: 2024, value: 5, source: x}
          - {indicator: A1, year: 2024, value: 5, source: x}
          - {indicator: "werk-en-inkomn:BBV4", year: 2024, value: 5, source: x}
        realisations:
          - {effort: A9, year: 2024, state: realised, source: x}
          - {project: A1, year: 2024, state: realised, source: x}
        """)
    assert problems(folder, UnknownReferenceError) == [
        "measurements.yaml:3:17: error: measurements[0].indicator: unknown indicator 'BBV5' in "
        "programme 'duurzaam-zonnedal'; did you mean 'BBV3'?",
        "measurements.yaml:4:17: error: measurements[1].indicator: 'A1' is of the kind effort; "
        "expected: indicator",
        "measurements.yaml:5:17: error: measurements[2].indicator: programme 'werk-en-inkomn' is "
        "not loaded (loaded: duurzaam-zonnedal, werk-en-inkomen); load its contract too or "
        "correct the reference; did you mean 'werk-en-inkomen'?",
        "measurements.yaml:7:14: error: realisations[0].effort: unknown effort 'A9' in programme "
        "'duurzaam-zonnedal'; did you mean 'A5'?",
        "measurements.yaml:8:15: error: realisations[1].project: 'A1' is of the kind effort; "
        "expected: project"]


def test_a_value_given_twice_differently_is_an_error_the_same_value_is_not(tmp_path: Path) -> None:
    folder = zonnedal_with(tmp_path, """\
        programme: duurzaam-zonnedal
        measurements:
          - {indicator: BBV1, year: 2022, value: 16%, source: again}
          - {indicator: BBV3, year: 2022, value: 86, source: revised}
          - {indicator: BBV3, year: 2024, value: 70, source: a}
          - {indicator: BBV3, year: 2024, value: 71, source: b}
        """)
    assert problems(folder, UnknownReferenceError) == [  # 16% for 2022 as in the contract: fine
        "measurements.yaml:4:17: error: measurements[1].indicator: duurzaam-zonnedal:BBV3 "
        "2022-12-31 (realised) is already given at duurzaam-zonnedal.yaml:57 as 85; give one "
        "value per date, or compare two moments with dinnet diff",
        "measurements.yaml:6:17: error: measurements[3].indicator: duurzaam-zonnedal:BBV3 "
        "2024-12-31 (realised) is already given at measurements.yaml:5 as 70; give one value per "
        "date, or compare two moments with dinnet diff"]


def test_not_a_mapping(tmp_path: Path) -> None:
    folder = zonnedal_with(tmp_path, "- 1\n")
    assert problems(folder, ValidationError) == [
        "measurements.yaml:1:1: error: a measurements file is a mapping with 'measurements:' "
        "and/or 'realisations:', not a list"]


def test_an_empty_file_and_impossible_dates(tmp_path: Path) -> None:
    folder = zonnedal_with(tmp_path, "# nothing yet\n")
    assert problems(folder, ValidationError) == [
        "measurements.yaml:1:1: error: a measurements file is a mapping with 'measurements:' "
        "and/or 'realisations:', not nothing (an empty value)"]
    (folder / "measurements.yaml").write_text(
        "date: 31-4-2026\nmeasurements:\n  - {indicator: \"duurzaam-zonnedal:BBV1\", "
        "date: 2024-13-01, value: 1, source: a}\n", encoding="utf-8")
    assert problems(folder, ValidationError) == [
        "measurements.yaml:1:7: error: date: '31-4-2026' is not a date: write 2025-06-30 or "
        "30-6-2025",
        "measurements.yaml:3:49: error: measurements[0].date: '2024-13-01' is not a date: write "
        "2025-06-30 or 30-6-2025"]


def test_read_measurements_places() -> None:
    f = read_measurements(EXAMPLES / "groene-stad.measurements.yaml")
    assert f.places[("measurements", 1)].line == 16
    assert f.places[("realisations", 3)].path == "realisations[3].project"


@pytest.mark.parametrize("codec", ["json", "graphml"])
def test_exports_round_trip_the_measurements(codec: str) -> None:
    G = dinnet.load(ZONNEDAL)
    H = from_json(to_json(G)) if codec == "json" else from_graphml(to_graphml(G))
    for node in ("duurzaam-zonnedal:BBV2", "duurzaam-zonnedal:A2", "werk-en-inkomen:W2"):
        for key in ("measurements", "realisations"):
            assert H.nodes[node].get(key) == G.nodes[node].get(key)
    assert isinstance(H.nodes["duurzaam-zonnedal:BBV2"]["measurements"][0].date, dt.date)


def test_the_examples_in_the_docs_run(monkeypatch: pytest.MonkeyPatch) -> None:
    import doctest

    monkeypatch.chdir(EXAMPLES.parent)
    result = doctest.testfile(str(EXAMPLES.parent / "docs" / "measurements.md"),
                              module_relative=False, verbose=False)
    assert result.failed == 0 and result.attempted >= 2


def test_the_committed_schema_is_current_and_the_examples_fit_it() -> None:
    from dinnet.contract.schema import measurements_schema, schema_errors, schema_json
    from dinnet.io.yamlread import construct, parse_text, read_text

    committed = EXAMPLES.parent / "data" / "contracts" / "measurements.schema.json"
    assert committed.read_text(encoding="utf-8") == schema_json("measurements"), (
        "run  dinnet schema --measurements -o data/contracts/measurements.schema.json")
    for path in (ZONNEDAL / "measurements.yaml", EXAMPLES / "groene-stad.measurements.yaml"):
        data = construct(parse_text(read_text(path), str(path)), str(path))
        assert schema_errors(data, measurements_schema()) == [], path
    assert schema_errors({"measurements": [{"indicator": "I1", "year": 2024, "value": 3}]},
                         measurements_schema()) == ["measurements[0]: 'source' is a required "
                                                    "property"]


def _entry(value: float | str, approx: str | None, when: tuple[str, object], kind: str) -> dict:
    return {"indicator": "p:I1", when[0]: when[1], "value": value, "kind": kind,
            "approximate": approx, "source": "Jaarverslag, blz. 3"}


@settings(deadline=None)
@given(st.lists(st.tuples(
    st.one_of(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
              st.integers(-10**9, 10**9).map(float), st.just("n.t.b.")),
    st.sampled_from([None, "ca.", "ruim"]),
    st.one_of(st.tuples(st.just("year"), st.integers(1900, 2100)),
              st.tuples(st.just("date"), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 30)))),
    st.sampled_from(["realised", "expected"])), max_size=6))
def test_a_written_set_reads_back_the_same(entries: list[tuple]) -> None:
    from dinnet.contract.measurements import MeasurementSet
    from dinnet.io.yamlread import construct, parse_text
    from dinnet.io.yamlwrite import measurements_yaml

    items = [_entry(v, a if isinstance(v, float) else None, w, k) for v, a, w, k in entries]
    mset = MeasurementSet.model_validate({"programme": "p", "measurements": items})
    text = measurements_yaml(mset)
    assert MeasurementSet.model_validate(construct(parse_text(text, "t"), "t")) == mset, text


_MFIELDS = ["measurements", "realisations", "indicator", "effort", "project", "year", "date",
            "value", "kind", "state", "source", "programme", "explanation", "approximate"]
_MSCALARS = st.one_of(
    st.sampled_from(["duurzaam-zonnedal:BBV1", "BBV2", "A1", "realised", "partly", "expected",
                     "2024", "2024-06-30", "31-2-2024", "1.000", "12,5", "ca. 4.050", "n.t.b.",
                     "~", "", "no", "1e400", "&a", "*a", "{", "[", "'", "#"]),
    st.text(max_size=10), st.integers(-10, 3000))
_MYAML = st.recursive(_MSCALARS.map(str), lambda inner: st.one_of(
    st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
    st.dictionaries(st.sampled_from(_MFIELDS), inner, max_size=4).map(
        lambda d: "{" + ", ".join(f"{k}: {v}" for k, v in d.items()) + "}")), max_leaves=12)


@settings(deadline=None, max_examples=60)
@given(st.dictionaries(st.sampled_from(_MFIELDS), _MYAML, max_size=4))
def test_any_measurements_file_loads_or_fails_with_a_located_error(body: dict[str, str]) -> None:
    """Fuzzing: a graph with measurements, or a DinnetError whose problems name the file."""
    import tempfile

    from dinnet.errors import DinnetError

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for path in ZONNEDAL.glob("*.yaml"):
            if not is_measurements_file(path):
                shutil.copy(path, folder)
        (folder / "measurements.yaml").write_text(
            "\n".join(f"{k}: {v}" for k, v in body.items()) + "\n", encoding="utf-8")
        try:
            G = dinnet.load(folder)
        except ContractError as exc:
            assert all(p.file.endswith("measurements.yaml") for p in exc.problems), exc
            return
        except DinnetError:
            return
        assert all(isinstance(m, Measurement) for _, ms in G.nodes(data="measurements") if ms
                   for m in ms)
