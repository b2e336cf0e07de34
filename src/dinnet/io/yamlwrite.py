"""Write a validated contract back as YAML that dinnet reads to the same contract.

Used by ``dinnet import-xlsx``. Fields come in the order of the models,
absent and default values are left out, a link without strength or source
is written in its short form, and every text that dinnet's reader would take
for a number, boolean or null is quoted.

>>> from dinnet.contract.model import Contract
>>> c = Contract.model_validate({
...     "programme": {"id": "p", "name": "P", "municipality": "M",
...                   "period": {"start": 2019, "end": 2022}, "source": "p.txt:1-3"},
...     "goals": [{"id": "SD1", "level": "strategic", "label": "2022", "source": "p.txt:5"}],
... })
>>> print(contract_yaml(c), end="")
dinnet: 1
programme:
  id: p
  name: P
  municipality: M
  period:
    start: 2019
    end: 2022
  source: p.txt:1-3
goals:
- id: SD1
  level: strategic
  label: '2022'
  source: p.txt:5
"""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from ..contract.measurements import MeasurementSet
from ..contract.model import Contract, Contribution, GoalRef, Implementation, Index, Source
from ..contract.numbers import PlainNumber, plain_number
from ..errors import DinnetError
from .yamlread import construct, parse_text

__all__ = ["contract_yaml", "index_yaml", "measurements_yaml", "plain_data", "reads_as_text"]

_KEEP = {"id", "dinnet", "dinnet_index", "dinnet_measurements"}


def reads_as_text(value: str) -> bool:
    """Whether dinnet's reader takes ``value``, written plain (unquoted), for this very text.

    >>> reads_as_text("Meer groen"), reads_as_text("2022"), reads_as_text("no"), reads_as_text("~")
    (True, False, True, False)
    """
    try:
        return bool(construct(parse_text(value, "<text>"), "<text>") == value)
    except DinnetError:
        return False


class _Dumper(yaml.SafeDumper):
    """A dumper that quotes text dinnet's reader would not read back as text."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style: str | None = None
    if "\n" in value:
        style = "|"
    elif not reads_as_text(value):
        style = "'"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _float(dumper: yaml.SafeDumper, value: float) -> yaml.ScalarNode:
    """``50.125`` is written ``50.1250``: three digits after the dot read as Dutch thousands.

    ``1e+16`` is written ``1.0e+16``: YAML reads an exponent as a number only after a dot.

    >>> yaml.dump([50.125, 0.5, 1e16], Dumper=_Dumper).split()
    ['-', '50.1250', '-', '0.5', '-', '1.0e+16']
    """
    text = repr(value)
    if "e" in text and "." not in text:
        text = text.replace("e", ".0e")
    if isinstance(plain_number(text), PlainNumber):
        text += "0"
    return dumper.represent_scalar("tag:yaml.org,2002:float", text)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(float, _float)


def _number(value: float) -> int | float:
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def plain_data(value: Any) -> Any:
    """Plain YAML-ready data of a model: sources as text, defaults dropped.

    >>> plain_data(Contribution(goal="SD1")), plain_data(Source("a.txt:3"))
    ('SD1', 'a.txt:3')
    """
    if isinstance(value, Source):
        return str(value)
    if isinstance(value, Contribution | GoalRef | Implementation):
        target = "effort" if isinstance(value, Implementation) else "goal"
        rest = {k: plain_data(getattr(value, k))
                for k in value.model_dump(exclude={target}, exclude_defaults=True)}
        # the short form when nothing but the target is set; else the target first
        return {target: getattr(value, target), **rest} if rest else getattr(value, target)
    if isinstance(value, BaseModel):
        out: dict[str, Any] = {}
        for name, field in type(value).model_fields.items():
            item = getattr(value, name)
            if name not in _KEEP:
                if item is None or (isinstance(item, list | dict) and not item):
                    continue
                if field.default is not PydanticUndefined and item == field.default:
                    continue
            out[name] = plain_data(item)
        return out
    if isinstance(value, list | tuple):
        return [plain_data(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_data(v) for k, v in value.items()}
    if isinstance(value, float):
        return _number(value)
    return value


def _dump(data: Any, header: str) -> str:
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)
    return header + body


def contract_yaml(contract: Contract, *, header: str = "") -> str:
    """The YAML text of ``contract``, preceded by ``header`` (comment lines)."""
    return _dump(plain_data(contract), header)


def index_yaml(index: Index, *, header: str = "") -> str:
    """The YAML text of a data set's ``index.yaml``."""
    return _dump(plain_data(index), header)


def measurements_yaml(mset: MeasurementSet, *, header: str = "") -> str:
    """The YAML text of a measurement set; an entry given for a year is written with its
    ``year`` only (its date, 31 December, follows from it)."""
    data = plain_data(mset)
    for section in ("measurements", "realisations"):
        for entry in data.get(section, ()):
            if "year" in entry:
                entry.pop("date", None)
    return _dump(data, header)
