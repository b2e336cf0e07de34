"""Written YAML reads back as the same contract, whatever the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dinnet.contract.model import Contract
from dinnet.io.yamlread import construct, parse_text
from dinnet.io.yamlwrite import contract_yaml

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
               | st.sampled_from(["\n", "\t"]), min_size=1, max_size=40).map(str.strip).filter(bool)
VALUE = st.one_of(st.floats(allow_nan=False, allow_infinity=False, width=32), TEXT)


def contract(label: str, target: float | str) -> Contract:
    return Contract.model_validate({
        "programme": {"id": "p", "name": label, "municipality": "M",
                      "period": {"start": 2019, "end": 2022}, "source": "p.txt:1"},
        "goals": [{"id": "SD1", "level": "strategic", "label": label, "text": label,
                   "source": "p.txt:2"}],
        "indicators": [{"id": "I1", "label": "x", "measures": ["SD1"],
                        "targets": {2022: target}, "baseline": {"value": target},
                        "source": "p.txt:3"}],
    })


@given(TEXT, VALUE)
def test_any_text_and_value_survive(label: str, target: float | str) -> None:
    c = contract(label, target)
    text = contract_yaml(c)
    assert Contract.model_validate(construct(parse_text(text, "t.yaml"), "t.yaml")) == c


def test_a_large_number_reads_back_as_a_number() -> None:
    # found by the property test above: 1e16 was written as the quoted text '1e+16'
    for value in (1e16, 9999999999999999.0, -2.5e-20, 1e300):
        c = contract("x", value)
        assert Contract.model_validate(construct(parse_text(contract_yaml(c), "t.yaml"), "t.yaml")) == c
