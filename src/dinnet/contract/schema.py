"""JSON Schema of the contract format, generated from the pydantic models.

Editors that speak the YAML language server protocol (VS Code with the Red Hat
YAML extension, and others) read a first line such as::

    # yaml-language-server: $schema=../contract.schema.json

and then offer completion, the field descriptions as hover help, and inline
errors while a contract is typed. The schema is exported by ``dinnet schema``
(``--index`` for ``index.yaml``); its ``$id`` is a stable address in the
repository (:data:`SCHEMA_URLS`). The committed copies are
``data/contracts/contract.schema.json`` and ``index.schema.json`` next to it:
the bundled data set points at them, and the wheel carries them.

The schema checks the *shape* of a file. What it cannot express (unknown
references, duplicate ids, goal levels that nest upwards) is left to
``dinnet validate``.

>>> s = contract_schema()
>>> s["title"], sorted(s["required"])
('dinnet programme contract', ['programme'])
>>> schema_errors({"programme": {"id": "Not An Id"}})[:1]
["programme.id: 'Not An Id' does not match '^[a-z0-9]+(?:-[a-z0-9]+)*$'"]
"""

from __future__ import annotations

import json
from typing import Any

from .._optional import optional
from .measurements import MeasurementSet
from .model import Contract, Index

__all__ = [
    "DIALECT",
    "REPOSITORY",
    "SCHEMA_FILES",
    "SCHEMA_URLS",
    "contract_schema",
    "index_schema",
    "jsonable",
    "measurements_schema",
    "schema_errors",
    "schema_json",
]

#: The dialect of the generated schema.
DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: The project's repository (the same as ``Repository`` in pyproject.toml; a test checks).
REPOSITORY = "https://github.com/dinnet/dinnet"
#: File name of each schema; the committed copies are in ``data/contracts/``.
SCHEMA_FILES = {"contract": "contract.schema.json", "index": "index.schema.json",
                "measurements": "measurements.schema.json"}
#: The ``$id`` of each schema: where the committed copy can be read on the main branch.
SCHEMA_URLS = {kind: f"{REPOSITORY}/raw/main/data/contracts/{name}"
               for kind, name in SCHEMA_FILES.items()}
_FORMAT_DOC = f"{REPOSITORY}/blob/main/docs/format.md"

# Keys of the per-year mappings (amounts, targets, stated_totals).
_YEAR_KEY = {"pattern": "^(19|20)[0-9]{2}$|^2100$"}


def _walk(node: Any) -> None:
    """Give every per-year mapping a ``propertyNames`` rule (in place)."""
    if isinstance(node, dict):
        extra = node.get("additionalProperties")
        if node.get("type") == "object" and isinstance(extra, dict) and "properties" not in node:
            node["propertyNames"] = dict(_YEAR_KEY)
        for value in node.values():
            _walk(value)
    elif isinstance(node, list):
        for value in node:
            _walk(value)


def contract_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one contract file.

    Differences from pydantic's own output: the keys of per-year mappings
    must be years.

    Returns
    -------
    dict
        A fresh schema; change it freely.

    Examples
    --------
    >>> s = contract_schema()
    >>> s["$defs"]["Effort"]["properties"]["source"]["maxLength"]
    255
    >>> s["$defs"]["Indicator"]["properties"]["targets"]["propertyNames"]["pattern"]
    '^(19|20)[0-9]{2}$|^2100$'
    """
    return _finish(Contract.model_json_schema(mode="validation"), "contract",
                   "dinnet programme contract",
                   "One programme contract of the Doelen-Inspanningen-Netwerk (DIN).")


def index_schema() -> dict[str, Any]:
    """The JSON Schema of a data set's ``index.yaml`` (municipality, cover letter).

    >>> s = index_schema()
    >>> s["$id"].endswith("/data/contracts/index.schema.json"), sorted(s["required"])
    (True, ['municipality', 'source'])
    """
    return _finish(Index.model_json_schema(mode="validation"), "index",
                   "dinnet data set index", "The index.yaml of a folder of programme contracts.")


def measurements_schema() -> dict[str, Any]:
    """The JSON Schema of a measurements file (``measurements.yaml``, ``docs/measurements.md``).

    An entry gives ``year`` or ``date``: neither is required by the schema
    alone (``dinnet validate`` says when both or neither are written).

    >>> s = measurements_schema()
    >>> s["$id"].endswith("/measurements.schema.json"), s["$defs"]["Measurement"]["required"]
    (True, ['indicator', 'value', 'source'])
    """
    schema = MeasurementSet.model_json_schema(mode="validation")
    for name in ("Measurement", "Realisation"):
        entry = schema["$defs"][name]
        entry["required"] = [f for f in entry["required"] if f != "date"]
    return _finish(schema, "measurements", "dinnet measurements",
                   "Realised and expected values of indicators, and the state of efforts and "
                   "projects, beside the contracts.", doc=_MEASUREMENTS_DOC)


_MEASUREMENTS_DOC = f"{REPOSITORY}/blob/main/docs/measurements.md"


def _finish(schema: dict[str, Any], kind: str, title: str, what: str,
            doc: str = _FORMAT_DOC) -> dict[str, Any]:
    """Years as keys, title, ``$id`` and the dialect, for each schema."""
    _walk(schema)
    schema["title"] = title
    schema["description"] = f"{what} Reference: {doc} {schema.get('description', '')}".strip()
    return {"$schema": DIALECT, "$id": SCHEMA_URLS[kind], **schema}


def schema_json(kind: str = "contract") -> str:
    """A schema (``"contract"``, ``"index"``, ``"measurements"``) as JSON text: indented, UTF-8,
    ending in a newline.

    Byte-stable: the same dinnet gives the same text.

    >>> schema_json().startswith('{\\n  "$schema"')
    True
    """
    schema = {"contract": contract_schema, "index": index_schema,
              "measurements": measurements_schema}[kind]()
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def jsonable(data: Any) -> Any:
    """YAML data as JSON sees it: mapping keys become text (``2019`` -> ``"2019"``).

    >>> jsonable({"targets": {2022: 25}})
    {'targets': {'2022': 25}}
    """
    if isinstance(data, dict):
        return {str(k): jsonable(v) for k, v in data.items()}
    if isinstance(data, list):
        return [jsonable(v) for v in data]
    return data


def schema_errors(data: Any, schema: dict[str, Any] | None = None) -> list[str]:
    """Check contract data (as read from YAML) against the schema.

    Needs the ``jsonschema`` package (``pip install jsonschema``).

    Parameters
    ----------
    data
        The contract as plain Python data (see :func:`dinnet.io.yamlread.construct`).
    schema
        The schema to use; default :func:`contract_schema`.

    Returns
    -------
    list of str
        ``"path: message"`` per problem, sorted; empty when the data fits.

    Examples
    --------
    >>> schema_errors({"programme": {"id": "p", "name": "P", "municipality": "M",
    ...                "period": {"start": 2019, "end": 2022}, "source": "p.txt:1"}})
    []
    """
    jsonschema = optional("jsonschema", "checking against the JSON Schema needs the jsonschema "
                                        "package: pip install jsonschema")
    validator = jsonschema.Draft202012Validator(schema or contract_schema())
    found = []
    for err in validator.iter_errors(jsonable(data)):
        path = ""
        for part in err.absolute_path:
            path += f"[{part}]" if isinstance(part, int) else ("." if path else "") + str(part)
        found.append(f"{path}: {err.message}" if path else err.message)
    return sorted(found)
