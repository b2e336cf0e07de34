"""JSON Schema of the contract format, generated from the pydantic models.

Editors that speak the YAML language server protocol (VS Code with the Red Hat
YAML extension, and others) read a first line such as::

    # yaml-language-server: $schema=../docs/contract.schema.json

and then offer completion, the field descriptions as hover help, and inline
errors while a contract is typed. The schema is exported by ``dinnet schema``;
the committed copy is ``docs/contract.schema.json``.

The schema checks the *shape* of a file. What it cannot express (unknown
references, duplicate ids, goal levels that nest upwards) is left to
``dinnet validate``.

>>> s = contract_schema()
>>> s["title"], sorted(s["required"])
('dinnet programme contract', ['programme'])
>>> schema_errors({"programme": {"id": "Not An Id"}})[:1]
["programme.id: 'Not An Id' does not match '^[a-z0-9][a-z0-9-]*$'"]
"""

from __future__ import annotations

import json
from typing import Any

from .._optional import optional
from .model import Contract

__all__ = ["DIALECT", "contract_schema", "jsonable", "schema_errors", "schema_json"]

#: The dialect of the generated schema.
DIALECT = "https://json-schema.org/draft/2020-12/schema"

# A source as written in YAML: "file:line" or "file:start-end" (see model.Source).
_SOURCE_STRING = {
    "type": "string",
    "pattern": r"^[^:\s][^:]*:[0-9]+(-[0-9]+)?$",
    "description": "Where it stands in the source text: 'file:line' or 'file:start-end', "
                   "for example '07-zorg.txt:120-134'.",
}
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

    Differences from pydantic's own output: a ``source`` may be written as
    the string ``"file:start-end"`` (as everyone does) or as a mapping, and
    the keys of per-year mappings must be years.

    Returns
    -------
    dict
        A fresh schema; change it freely.

    Examples
    --------
    >>> s = contract_schema()
    >>> s["$defs"]["Source"]["anyOf"][0]["type"]
    'string'
    >>> s["$defs"]["Indicator"]["properties"]["targets"]["propertyNames"]["pattern"]
    '^(19|20)[0-9]{2}$|^2100$'
    """
    schema = Contract.model_json_schema(mode="validation")
    defs = schema["$defs"]
    source = defs["Source"]
    defs["Source"] = {
        "title": "Source",
        "description": source.get("description", ""),
        "anyOf": [dict(_SOURCE_STRING), source],
    }
    _walk(schema)
    schema["title"] = "dinnet programme contract"
    schema["description"] = (
        "One programme contract of the Doelen-Inspanningen-Netwerk (DIN). "
        "Reference: docs/format.md. " + schema.get("description", "")
    ).strip()
    return {"$schema": DIALECT, **schema}


def schema_json() -> str:
    """The schema as JSON text: indented, UTF-8, ending in a newline (byte-stable).

    >>> schema_json().startswith('{\\n  "$schema"')
    True
    """
    return json.dumps(contract_schema(), ensure_ascii=False, indent=2) + "\n"


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
