"""A commented skeleton of a new programme contract (``dinnet new``).

The skeleton validates as it is, so a programme manager can start from a
file that loads and replace the example entries one by one.

>>> text = skeleton("Groen & Blauw", municipality="Hengelo", start=2024)
>>> text.splitlines()[3]
'# Een nieuw programmacontract. Vervang elke "VUL IN" en de voorbeelden;'
>>> skeleton("Groen & Blauw", lang="en").splitlines()[3]
'# A new programme contract. Replace every "VUL IN" and the example entries;'
>>> from dinnet.io.yamlread import construct, parse_text
>>> data = construct(parse_text(text, "new.yaml"), "new.yaml")
>>> data["programme"]["id"], data["programme"]["period"]
('groen-blauw', {'start': 2024, 'end': 2027})
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

from ..contract.model import PROGRAMME_ID_PATTERN
from ..contract.schema import SCHEMA_FILES, SCHEMA_URLS
from ..errors import DinnetError
from ..glossary import DEFAULT_LANG, message, phrase
from .yamlwrite import reads_as_text

__all__ = ["programme_id", "schema_comment", "skeleton"]


def programme_id(name: str) -> str:
    """A programme id made from a name: lower case, accents dropped, '-' between words.

    >>> programme_id("Economie en Participatie"), programme_id("Sociaal Domein 2.0 (Één)")
    ('economie-en-participatie', 'sociaal-domein-2-0-een')
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:64].rstrip("-")
    if not re.match(PROGRAMME_ID_PATTERN, slug):
        raise DinnetError.of(message("error.no_id_from", name=repr(name)))
    return slug


def schema_comment(target: str | Path | None) -> str:
    """The ``# yaml-language-server`` line for a contract written to ``target``.

    It points at a local copy of the schema when there is one: a
    ``contract.schema.json`` in the file's folder or a folder above it (write
    one with ``dinnet schema -o contract.schema.json``), or the copy in this
    dinnet checkout, by a path relative to the file's folder. Otherwise (a
    file outside the checkout, or standard output) it points at the schema's
    stable address, its ``$id``.

    >>> schema_comment("-")
    '# yaml-language-server: $schema=https://github.com/dinnet/dinnet/raw/main/data/contracts/contract.schema.json\\n'
    """
    where = SCHEMA_URLS["contract"]
    if target is not None and str(target) != "-":
        folder = Path(target).resolve().parent
        local = _local_schema(folder)
        if local is not None:
            where = Path(os.path.relpath(local, folder)).as_posix()
    return f"# yaml-language-server: $schema={where}\n"


def _local_schema(folder: Path) -> Path | None:
    """The nearest ``contract.schema.json`` in ``folder`` or above, else this checkout's copy."""
    name = SCHEMA_FILES["contract"]
    for parent in (folder, *folder.parents):
        if (parent / name).is_file():
            return parent / name
    checkout = Path(__file__).resolve().parents[3]
    committed = checkout / "data" / "contracts" / name
    if (checkout / "pyproject.toml").is_file() and committed.is_file() and folder.is_relative_to(checkout):
        return committed
    return None


def _text(value: str) -> str:
    """A YAML scalar for ``value`` that dinnet reads back as this text."""
    plain = re.fullmatch(r"[^\s\"'#&*!|>%@`{}\[\],?:-][^#:\n]*", value) and value == value.strip()
    if plain and reads_as_text(value):
        return value
    return json.dumps(value, ensure_ascii=False)


_TEMPLATE = """\
{schema}#
# Programmacontract {name_comment}
#
{intro}

dinnet: 1

programme:
  {id_line}# {c[id]}
  name: {name}
  municipality: {municipality}
  period: {{start: {start}, end: {end}}}     # {c[years]}
  roles:
    bestuurlijk_opdrachtgever: VUL IN    # wethouder(s)
    ambtelijk_opdrachtgever: VUL IN      # directeur
    programmamanager: VUL IN
    source: {pid}.txt:1
  source: {pid}.txt:1

vision:                                # {c[vision]}
  label: VUL IN de visie in een zin
  source: {pid}.txt:2

goals:                                 # {c[goals]}
  - id: SD1
    level: strategic
    label: VUL IN strategisch doel 1
    source: {pid}.txt:3
    goals:
      - id: SD1.a
        level: operational             # {c[measurable]}
        label: VUL IN operationeel doel 1a
        source: {pid}.txt:4

indicators:
  - id: SD1.a.i1
    label: VUL IN wat gemeten wordt
    measures: [SD1.a]
    unit: aantal
    # baseline: {{value: 0, year: {baseline_year}}}   # peilwaarde (jaartal)
    # targets: {{{end}: 0}}                      # streefwaarde per jaar
    # data_source: VUL IN                      # bron
    source: {pid}.txt:5

tracks:                                # sporen / programmalijnen
  - id: S1
    label: VUL IN spoor 1
    source: {pid}.txt:6

efforts:                               # inspanningen
  - id: E1
    label: VUL IN inspanning 1
    track: S1
    contributes_to: [SD1.a]            # {c[serves]}
    # stakeholders: [partner1]
    # budget: {{amounts: {{{start}: 0}}, text: "VUL IN zoals gedrukt"}}
    source: {pid}.txt:7

# results:                             # {c[results]}
#   - {{id: R1, label: VUL IN, delivered_by: [E1], source: {pid}.txt:8}}
# projects:
#   - {{id: P1, label: VUL IN, role: regie, implements: [E1], source: {pid}.txt:9}}
# stakeholders:
#   - {{id: partner1, label: VUL IN, source: {pid}.txt:10}}
# budgets:                             # {c[budgets]}
#   - id: B1
#     title: Programmabudget
#     unit: EUR
#     lines:
#       - {{label: Spoor 1, amounts: {{{start}: 0}}, ref: S1}}
#     stated_totals: {{{start}: 0}}
#     source: {pid}.txt:11
# relations:                           # {c[relations]}
#   - {{programme: other-programme, topics: [VUL IN], source: {pid}.txt:12}}
"""


def skeleton(name: str, *, programme: str | None = None, municipality: str = "VUL IN",
             start: int = 2024, end: int | None = None, file: str = "contract.yaml",
             schema: str = "", lang: str = DEFAULT_LANG) -> str:
    """The YAML text of a new, valid contract with comments and example entries.

    Parameters
    ----------
    name
        The programme's name as in the contract title.
    programme
        The programme id; default made from ``name`` by :func:`programme_id`.
    municipality
        The municipality.
    start, end
        The contract period; ``end`` defaults to ``start + 3``.
    file
        The file name shown in the comments.
    schema
        A ``# yaml-language-server`` first line (see :func:`schema_comment`).
    lang
        The language of the comments (the placeholders are Dutch, ``VUL IN``).

    Examples
    --------
    >>> "period: {start: 2019, end: 2022}" in skeleton("Zorg", start=2019)
    True
    """
    if not name.strip():
        raise DinnetError.of(message("error.empty_name"))
    end = start + 3 if end is None else end
    if end < start:
        raise DinnetError.of(message("error.period", start=start, end=end))
    pid = programme or programme_id(name)
    if not re.match(PROGRAMME_ID_PATTERN, pid):
        raise DinnetError.of(message("error.bad_programme_id", pid=repr(pid)))
    intro = phrase("new.intro", lang, pid=pid, file=file)
    return _TEMPLATE.format(
        schema=schema, name=_text(name.strip()), name_comment=name.strip().replace("\n", " "),
        pid=pid, id_line=f"id: {pid}".ljust(37),
        municipality=_text(municipality.strip() or "VUL IN"), start=start, end=end,
        baseline_year=start - 1, intro="\n".join(f"# {line}" for line in intro.splitlines()),
        c={key: phrase(f"new.{key}", lang) for key in _COMMENTS},
    )


#: The comments of the skeleton (``new.`` phrases of the glossary).
_COMMENTS = ("id", "years", "vision", "goals", "measurable", "serves", "results", "budgets",
             "relations")
