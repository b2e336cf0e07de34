"""Every audit rule: a small contract that triggers it and one that does not."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from dinnet.audit import RULES, run_audit
from dinnet.contract.model import Contract
from dinnet.graph import build_graph

Doc = dict[str, Any]


def base(pid: str = "p") -> Doc:
    """A tidy contract that triggers no rule at all."""
    return {
        "programme": {"id": pid, "name": pid.upper(), "municipality": "M",
                      "period": {"start": 2019, "end": 2022}, "source": "t.txt:1"},
        "vision": {"label": "V", "source": "t.txt:2"},
        "goals": [{"id": "SD1", "level": "strategic", "label": "Schone stad", "source": "t.txt:3",
                   "goals": [{"id": "OD1", "level": "operational", "label": "Meer groen",
                              "source": "t.txt:4"}]}],
        "indicators": [{"id": "I1", "label": "m2 groen", "measures": ["OD1"],
                        "baseline": {"value": 10, "year": 2018}, "targets": {2022: 20},
                        "direction": "increase", "source": "t.txt:5"}],
        "efforts": [{"id": "E1", "label": "Bomen planten in de wijken", "contributes_to": ["OD1"],
                     "source": "t.txt:6"}],
        "projects": [{"id": "P1", "label": "Bomenplan", "role": "regie", "implements": ["E1"],
                      "source": "t.txt:7"}],
        "budgets": [{"id": "B1", "title": "Budget", "unit": "EUR",
                     "lines": [{"label": "a", "amounts": {2019: 10}},
                               {"label": "b", "amounts": {2019: 5}}],
                     "stated_totals": {2019: 15}, "source": "t.txt:8"}],
    }


def rules_of(*docs: Doc) -> set[str]:
    G = build_graph([Contract.model_validate(d) for d in docs])
    return {f.rule for f in run_audit(G)}


def findings_of(*docs: Doc) -> list:
    return run_audit(build_graph([Contract.model_validate(d) for d in docs]))


def test_base_is_clean() -> None:
    assert findings_of(base()) == []


def change(fn: Callable[[Doc], None]) -> Doc:
    doc = copy.deepcopy(base())
    fn(doc)
    return doc


CASES: dict[str, tuple[Callable[[Doc], None], Callable[[Doc], None]]] = {
    "goal-without-effort": (
        lambda d: d["efforts"][0].update(contributes_to=[]) or d["projects"].clear(),
        lambda d: d["efforts"][0].update(contributes_to=["OD1"]),
    ),
    "goal-without-indicator": (
        lambda d: d["indicators"].clear(),
        lambda d: None,
    ),
    "strategic-goal-without-operational-goal": (
        lambda d: d["goals"].append({"id": "SD2", "level": "strategic", "label": "G",
                                     "source": "t.txt:9"})
        or d["efforts"][0]["contributes_to"].append("SD2"),
        lambda d: None,
    ),
    "effort-without-goal": (
        lambda d: d["efforts"].append({"id": "E2", "label": "Los", "source": "t.txt:9"}),
        lambda d: d["efforts"].append({"id": "E2", "label": "Los", "contributes_to": ["SD1"],
                                       "source": "t.txt:9"}),
    ),
    "project-without-effort": (
        lambda d: d["projects"][0].update(implements=[]),
        lambda d: None,
    ),
    "inferred-link": (
        lambda d: d["efforts"][0].update(contributes_to=[
            {"goal": "OD1", "inferred": True, "note": "alleen de formulering"}]),
        lambda d: d["efforts"][0].update(contributes_to=[{"goal": "OD1", "source": "t.txt:9"}]),
    ),
    "indicator-without-baseline": (
        lambda d: d["indicators"][0].pop("baseline"),
        lambda d: None,
    ),
    "indicator-without-target": (
        lambda d: d["indicators"][0].update(targets={}),
        lambda d: None,
    ),
    "target-outside-period": (
        lambda d: d["indicators"][0]["targets"].update({2030: 25}),
        lambda d: d["indicators"][0]["targets"].update({2021: 15}),
    ),
    "target-against-goal-direction": (
        lambda d: d["indicators"][0].update(targets={2022: 5}),
        lambda d: d["indicators"][0].update(targets={2022: 50}),
    ),
    "target-not-numeric": (
        lambda d: d["indicators"][0].update(targets={2022: "n.t.b."}),
        lambda d: d["indicators"][0].update(targets={2021: "n.t.b.", 2022: 30}),
    ),
    "target-to-be-determined": (
        lambda d: d["indicators"][0]["targets"].update({2021: "n.t.b."}),
        lambda d: d["indicators"][0]["targets"].update({2021: "stijgend"}),
    ),
    "approximate-total": (
        lambda d: d["budgets"][0].update(stated_totals={2019: "ruim 14"}),
        lambda d: d["budgets"][0].update(stated_totals={2019: 15}),
    ),
    "budget-mismatch": (
        lambda d: d["budgets"][0].update(stated_totals={2019: 16}),
        lambda d: d["budgets"][0].update(stated_totals={}),
    ),
    "budget-tables-disagree": (
        lambda d: d["budgets"].append({"id": "B2", "title": "Ander", "unit": "EUR",
                                       "stated_totals": {2019: 20}, "source": "t.txt:9"}),
        lambda d: d["budgets"].append({"id": "B2", "title": "Ander", "unit": "EUR",
                                       "stated_totals": {2019: 15}, "source": "t.txt:9"}),
    ),
    "missing-din-content": (
        lambda d: d.update(not_in_text=[{"what": "DIN", "reason": "in_image",
                                         "source": "t.txt:9"}]),
        lambda d: None,
    ),
    "programme-without-goals": (
        lambda d: [d.pop(k) for k in ("goals", "indicators", "efforts", "projects")],
        lambda d: None,
    ),
    "indicator-not-measured": (   # the programme reports 2019: then 2020-2022 are missing
        lambda d: d["indicators"][0].update(realised={2019: 11}),
        lambda d: d["indicators"][0].update(realised={2019: 11, 2020: 13, 2021: 15,
                                                      2022: 20}),
    ),
    "goal-behind-schedule": (       # 10 in 2018 to 20 in 2022: 11 at the end is behind
        lambda d: d["indicators"][0].update(realised={2022: 11}),
        lambda d: d["indicators"][0].update(realised={2022: 20}),
    ),
    "unresolved-reference": (
        lambda d: d["efforts"][0]["contributes_to"].append("elders:SD1"),
        lambda d: None,
    ),
}


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_triggers_and_does_not(rule: str) -> None:
    bad, good = CASES[rule]
    assert rule in rules_of(change(bad))
    assert rule not in rules_of(change(good))


def test_open_goal_is_info_not_error() -> None:
    def open_goal(d: Doc) -> None:
        d["goals"].append({"id": "SD2", "level": "strategic", "label": "Later",
                           "source": "t.txt:9", "goals": [
                               {"id": "OD2", "level": "operational", "label": "x", "open": True,
                                "source": "t.txt:10"}]})
        d["indicators"].append({"id": "I2", "label": "i", "measures": ["OD2"],
                                "baseline": {"value": 1, "year": 2018}, "targets": {2022: 2},
                                "source": "t.txt:11"})
    found = [f for f in findings_of(change(open_goal)) if f.rule == "goal-without-effort"]
    assert [(f.node, f.severity) for f in found] == [("p:OD2", "info"), ("p:SD2", "error")]


def test_direction_from_goal_wording() -> None:
    def reduce(d: Doc) -> None:
        d["goals"][0]["goals"][0]["label"] = "Afname van het aantal klachten"
        d["indicators"][0].pop("direction")
        d["indicators"][0]["targets"] = {2022: 12}
    (f,) = [f for f in findings_of(change(reduce)) if f.rule == "target-against-goal-direction"]
    assert f.message == ("the goal's wording asks for a decrease, but the 2022 target 12 is above "
                         "the baseline 10")


def two_programmes(fn_a: Callable[[Doc], None], fn_b: Callable[[Doc], None]) -> set[str]:
    a, b = base("a"), base("b")
    fn_a(a)
    fn_b(b)
    return rules_of(a, b)


def test_one_sided_dependency() -> None:
    rel = {"programme": "b", "topics": ["t"], "source": "t.txt:9"}
    back = {"programme": "a", "topics": ["t"], "source": "t.txt:9"}
    assert "one-sided-dependency" in two_programmes(
        lambda d: d.update(relations=[rel]), lambda d: None)
    assert "one-sided-dependency" not in two_programmes(
        lambda d: d.update(relations=[rel]), lambda d: d.update(relations=[back]))


def test_double_claiming() -> None:
    assert "double-claiming" in two_programmes(
        lambda d: d["efforts"][0]["contributes_to"].append("b:SD1"), lambda d: None)
    assert "double-claiming" not in two_programmes(lambda d: None, lambda d: None)


def test_possible_duplicate_effort() -> None:
    assert "possible-duplicate-effort" in two_programmes(lambda d: None, lambda d: None)

    def other(d: Doc) -> None:
        d["efforts"][0]["label"] = "Schuldhulpverlening voor jongeren"
    assert "possible-duplicate-effort" not in two_programmes(lambda d: None, other)


def test_every_rule_is_tested_and_documented() -> None:
    tested = set(CASES) | {"one-sided-dependency", "double-claiming", "possible-duplicate-effort"}
    assert tested == set(RULES)
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "rules.md").read_text(encoding="utf-8")
    rows = {line.split(" | ")[0].strip("| "): line for line in doc.splitlines()
            if line.startswith("| DIN")}
    for rule in RULES.values():
        row = rows[rule.code]
        assert f"`{rule.name}`" in row
        assert f"| {rule.why} | {rule.fix} |" in row


def test_a_rule_is_declared_once() -> None:
    from dinnet.audit.rules import rule

    with pytest.raises(ValueError, match="declared twice"):
        rule("DIN101", "another-rule", "info")(lambda G: iter(()))
    assert len({r.code for r in RULES.values()}) == len(RULES)
    assert [r.code for r in RULES.values()] == sorted(r.code for r in RULES.values())


def test_findings_are_what_the_dataclass_makes() -> None:
    # Rule.run makes its findings without Finding.__init__ (audit/findings.py made_finding)
    import dataclasses
    import inspect
    import pickle

    import dinnet
    from dinnet.audit.findings import Finding, made_finding

    names = [f.name for f in dataclasses.fields(Finding)]
    assert list(inspect.signature(made_finding).parameters) == names
    found = run_audit(dinnet.load())
    assert found
    for f in found:
        made = Finding(**{name: getattr(f, name) for name in names})
        assert list(vars(f).items()) == list(vars(made).items())
        assert (f, hash(f), repr(f)) == (made, hash(made), repr(made))
        assert pickle.dumps(f) == pickle.dumps(made)


def test_a_hit_is_made_as_the_dataclass_would() -> None:
    # Hit has an __init__ of its own (audit/findings.py): the fields, defaults and order
    import dataclasses
    import inspect

    from dinnet.audit.findings import Hit

    fields = dataclasses.fields(Hit)
    parameters = list(inspect.signature(Hit).parameters.values())
    assert [(p.name, p.default) for p in parameters] == [
        (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
        for f in fields]
    values = ("p:E1", "m", "p", "info", "a.txt:3", "p:table:B1")
    hit = Hit(*values)
    assert list(vars(hit).items()) == list(zip([f.name for f in fields], values, strict=True))
    assert hit == Hit(*values) and hash(hit) == hash(Hit(*values))
    assert Hit("p:E1", "m") == Hit("p:E1", "m", None, None, None, None)


def test_years_are_named_in_order_whatever_the_order_of_the_targets() -> None:
    # a graph made by hand may hold an indicator's targets in any order (DIN203, DIN206)
    G = build_graph([Contract.model_validate(base())])
    G.nodes["p:I1"]["targets"] = {2030: 25, "2021": "n.t.b.", 2022: 20, 2015: 1,
                                  2020: "Doel: n.t.b."}
    said = {f.code: f.said for f in run_audit(G) if f.code in ("DIN203", "DIN206")}
    assert said["DIN203"] is not None and dict(said["DIN203"].fields)["years"] == [2015, 2030]
    assert said["DIN206"] is not None and dict(said["DIN206"].fields)["years"] == [2020, 2021]
    assert dict(said["DIN206"].fields)["value"] == "Doel: n.t.b."
