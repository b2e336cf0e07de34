"""Seeded generator of realistic synthetic programme contracts.

The shape follows the seven Almelo 2019 contracts in ``data/contracts/``:
a vision, zero to three main goals (hoofdopgaven) over strategic goals over
operational goals, indicators with baselines and targets on the operational
goals, tracks (sporen, programmalijnen) with efforts and sub-efforts, results,
projects (some run "in de lijn"), a large share of stakeholders, budget and
capacity tables whose printed totals sometimes disagree, cross-programme
relations inside a municipality, anchors and aliases as the real files use
them, and ``not_in_text`` entries. Labels are Dutch and about as long as the
real ones (median around 40 characters, a long tail to 200+).

A contract has about 100-320 nodes (mean about 200), so 3,400 contracts make
the ~700k-node "national" data set of issue 6.

Usage::

    python benchmarks/generate.py OUT_FOLDER --count 340 [--seed 1]
    python benchmarks/generate.py OUT_FOLDER --large          # one ~300-node DIN

Every file validates with ``dinnet validate``; programme ids look like
``gemeente-123-programma-4`` and are unique.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["generate", "generate_contract", "generate_large_programme", "programme_id"]

# -- vocabulary ---------------------------------------------------------------------------

PROGRAMME_NAMES = [
    "Zorg", "Binnenstad", "Duurzaamheid", "Economie en Participatie", "Veiligheid",
    "Omgevingswet", "Wonen", "Mobiliteit", "Onderwijs en Talent", "Sport en Bewegen",
    "Cultuur", "Energietransitie", "Armoedebestrijding", "Jeugd", "Wijkaanpak",
    "Digitalisering", "Stationsgebied", "Werk en Inkomen", "Gezondheid", "Klimaatadaptatie",
]
PLACE_A = ["Al", "Ber", "Del", "Dron", "Elst", "Ger", "Har", "Hen", "Hol", "Kam", "Lo", "Mep",
           "Nij", "Olde", "Ree", "Ril", "Stee", "Ter", "Vaas", "Wes", "Win", "Zwar", "Bor", "Goor"]
PLACE_B = ["melo", "kum", "den", "ten", "veen", "wolde", "lo", "sen", "huizen", "dijk", "broek",
           "horst", "wijk", "lingen", "oord", "stede", "haar", "terp", "burg", "ne"]
FIRST = ["Anne", "Bart", "Carla", "Dirk", "Eva", "Frank", "Gerda", "Hans", "Ineke", "Jan",
         "Karin", "Lars", "Marloes", "Niels", "Olga", "Pieter", "Rianne", "Sander", "Tineke",
         "Vincent", "Wilma", "Yusuf", "Fatma", "Hatice", "Mehmet", "Eugène"]
LAST = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
        "Kücükbal", "Maathuis", "van Dijk", "Kok", "Jacobs", "Vermeulen", "Langius", "Frerix"]
SUBJECTS = [
    "meer inwoners", "minder jongeren", "meer ondernemers", "ouderen in de wijken",
    "meer huishoudens", "bewoners van de binnenstad", "werkzoekenden", "meer Almeloërs",
    "kinderen tot 12 jaar", "mantelzorgers", "statushouders", "bezoekers van de stad",
    "huurders van sociale woningen", "bedrijven op de bedrijventerreinen", "verenigingen",
    "inwoners met een beperking", "gezinnen met meervoudige problematiek", "scholieren",
]
PREDICATES = [
    "redden zich zonder hulp van de overheid, zo nodig met steun van naasten",
    "voelen zich veilig in hun buurt", "zijn aan het werk of volgen een opleiding",
    "wonen in een levensloopbestendige woning", "bezoeken vaker de binnenstad",
    "doen mee in de samenleving", "gebruiken duurzaam opgewekte energie",
    "ontwikkelen hun talenten beter op (voor)scholen", "bewegen voldoende",
    "krijgen doeltreffende zorg en steun die aansluit bij hun behoeften",
    "zetten zich in voor hun stad of buurt", "reizen vaker met de fiets of het openbaar vervoer",
    "ervaren minder overlast", "kunnen rondkomen zonder schulden",
    "vinden sneller een passende woning", "zijn tevreden over de dienstverlening van de gemeente",
]
QUANTITIES = [
    "het aantal cliënten in de jeugdhulp", "het aantal bijstandsdossiers", "het aantal banen",
    "het aantal woninginbraken", "de CO2-uitstoot", "het aantal leegstaande panden",
    "het aantal zonnepanelen op daken", "het aantal voortijdig schoolverlaters",
    "het aantal meldingen van overlast", "het aantal bezoekers van de binnenstad",
    "het aantal huishoudens met schulden", "het aantal gasloze woningen",
    "het aantal verkeersslachtoffers", "het aantal vrijwilligers",
]
GROUPS = ["inwoners", "jongeren", "ouderen", "huishoudens", "ondernemers", "leerlingen",
          "mantelzorgers", "werkzoekenden", "Almeloërs", "statushouders"]
SERVICES = ["Jeugdhulp", "Maatwerk Wmo", "de Maatschappelijke opvang", "het openbaar vervoer",
            "schuldhulpverlening", "de bibliotheek", "een deelauto", "duurzame energie",
            "het ondernemersloket", "voorschoolse opvang"]
UNITS = ["%", "cliënten", "woningen", "banen", "rapportcijfer", "m2", "ton CO2", "meldingen",
         "huishoudens", "bezoekers", "dossiers", "personen"]
DATA_SOURCES = ["CBS", "Waarstaatjegemeente.nl", "Politie", "GGD Twente", "UWV",
                "Monitor Sociaal Domein", "Klimaatmonitor", "Burgerpeiling", "Eigen registratie"]
VERBS = ["Opstellen van", "Uitvoeren van", "Verkennen van", "Ontwikkelen van", "Stimuleren van",
         "Ondersteunen van", "Versterken van", "Organiseren van", "Monitoren van", "Evalueren van",
         "Aanpakken van", "Verbinden van", "Communiceren over", "Inrichten van", "Subsidiëren van"]
OBJECTS = [
    "een preventieagenda sociaal domein", "het actieplan arbeidsmarkt", "de wijkaanpak",
    "laadpalen in de openbare ruimte", "een aanpak tegen eenzaamheid", "de lobby richting het Rijk",
    "dashboards binnen het sociaal domein", "de samenwerking met zorgaanbieders",
    "cameratoezicht in het uitgaansgebied", "een warmtevisie per wijk", "het omgevingsplan",
    "pilots met alternatieve bekostiging", "de aanpak van ondermijning", "groene schoolpleinen",
    "een regionale energiestrategie", "het ondernemersloket", "de binnenstadsmanager",
    "participatietrajecten met inwoners", "een vlekkenkaart van zorglocaties",
    "informele zorg en vrijwilligerswerk", "de herinrichting van het stationsplein",
    "leerwerktrajecten voor statushouders", "de Blijverslening", "het evenementenbeleid",
]
TAILS = ["", "", "", " in samenwerking met partners", " samen met de woningcorporaties",
         " in alle wijken", " voor jongeren tot 23 jaar", " in de regio Twente",
         " op basis van uniforme feiten en cijfers", " met de 14 Twentse gemeenten",
         " zodat dit proces gestructureerd wordt opgepakt en minder ad hoc"]
FILLER = [
    "Dit werken we de komende tijd samen met onze partners verder uit.",
    "De gemeente heeft hierbij niet altijd de regierol maar een faciliterende of aanjagende rol.",
    "Op projectniveau zal deze kwantificering zo mogelijk worden gerealiseerd.",
    "Hiermee bedoelen we: ervoor zorgen dat mensen en de stad het beste uit zichzelf halen.",
    "De programmamanagers stemmen dit onderling af en maken afspraken wie waarvoor verantwoordelijk is.",
    "Indien projecten meerdere programma's raken, worden deze integraal opgepakt.",
    "De planning en mijlpalen worden nog uitgewerkt in plannen van aanpak per spoor.",
    "Daarbij sluiten we aan bij bestaande initiatieven in de wijken en de regio.",
    "De resultaten worden jaarlijks gemonitord en in de voortgangsrapportage verantwoord.",
]
TRACK_WORDS = ["Spoor", "Programmalijn", "Thema"]
TRACK_TOPICS = ["Integrale preventie", "Intensiveren samenwerking (keten)partners",
                "Monitoring en sturing", "Lobby richting Rijk", "Omgevingsvisie", "Digitaal stelsel",
                "Bereikbaarheid", "Verblijfsklimaat", "Wonen in de binnenstad", "Energiebesparing",
                "Duurzame mobiliteit", "Aanpak ondermijning", "Talentontwikkeling", "Werkgeversaanpak"]
ORG_TYPES = ["Woningcorporatie", "Stichting", "Vereniging", "Wijkraad", "Ondernemersvereniging",
             "Zorgcoöperatie", "Sportclub", "Basisschool", "Welzijnsorganisatie", "Energiecoöperatie"]
ORG_FIXED = ["huisartsen", "zorgaanbieders", "het onderwijs", "de politie", "Regio Twente",
             "Provincie Overijssel", "Waterschap Vechtstromen", "VNG", "G40", "UWV", "GGD Twente",
             "woningcorporaties", "ondernemers", "vastgoedeigenaren", "culturele instellingen",
             "het Openbaar Ministerie", "Veiligheidsregio Twente", "Saxion", "ROC van Twente",
             "werkgevers", "maatschappelijke organisaties", "het zorgkantoor", "inwoners"]
PROJECT_NOUNS = ["Stadskade", "Transformatiemilieus", "Het Jonge Kind", "Wmo Toezicht",
                 "Contractmanagement", "Dagstructurering", "Pilot de Heemde", "Uitbreiden MPG",
                 "Toegang sociaal domein", "Groen Dak", "Warmtenet", "Fietsstraat",
                 "Stationsplein", "Buurtkamer", "Jongerenwerk", "Energieloket", "Schuldhulp Direct"]
RESULT_NOUNS = ["omgevingsvisie", "warmtevisie", "preventieagenda", "woonvisie", "uitvoeringsagenda",
                "veiligheidsplan", "monitor sociaal domein", "mobiliteitsplan", "evenementenkalender"]
TOPICS = ["wonen in de binnenstad", "gebiedsgericht werken", "integrale benadering",
          "houding van de gemeente ten opzichte van inwoners en bedrijven", "armoede en schulden",
          "energiearmoede", "arbeidsmarkt", "jeugd en veiligheid", "openbare ruimte"]
MISSING = [("DIN (Doelen Inspanningen Netwerk)", "Bijlage I DIN", "in_image"),
           ("Projectenoverzicht", "Bijlage II Projectenoverzicht", "in_image"),
           ("strategische en operationele doelen", "3. Doelen", "section_empty"),
           ("Bron (databron) van alle indicatoren", "3. Visie en ambitie", "not_stated"),
           ("Planning en mijlpalen", "5. Organisatie en overleg", "not_stated")]

_PLAIN = re.compile(r"[A-Za-zÀ-ÿ][A-Za-z0-9À-ÿ ()/.,'’‘%+-]*")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_RESERVED = {"true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"}


def programme_id(municipality: int, programme: int) -> str:
    """The programme id used for contract ``programme`` of municipality ``municipality``.

    >>> programme_id(123, 4)
    'gemeente-123-programma-4'
    """
    return f"gemeente-{municipality}-programma-{programme}"


def _q(text: str) -> str:
    """A scalar for block context: plain when safe, else double-quoted (JSON is valid YAML)."""
    if (_PLAIN.fullmatch(text) and text not in _RESERVED and not text.endswith(" ")
            and ": " not in text and " #" not in text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _qf(text: str) -> str:
    """A scalar for flow context (inside [] or {})."""
    if _ID.fullmatch(text) and text not in _RESERVED and not text[0].isdigit():
        return text
    return json.dumps(text, ensure_ascii=False)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("ö", "o").replace("ë", "e")).strip("-")


# -- the contract -------------------------------------------------------------------------


@dataclass
class _Writer:
    rng: random.Random
    seed_file: str
    lines: list[str] = field(default_factory=list)
    cursor: int = 1

    def src(self, span: int = 0) -> str:
        """The next source range in the (fictional) seed text."""
        start = self.cursor + self.rng.randint(0, 3)
        end = start + (span if span else self.rng.choice((0, 0, 0, 1, 2, 4)))
        self.cursor = end + 1
        return f"{self.seed_file}:{start}" if end == start else f"{self.seed_file}:{start}-{end}"

    def out(self, line: str) -> None:
        self.lines.append(line)

    def block(self, indent: str, key: str, text: str) -> None:
        """A folded block scalar, wrapped like the real files."""
        self.out(f"{indent}{key}: >-")
        for part in textwrap.wrap(text, 96 - len(indent)):
            self.out(f"{indent}  {part}")


@dataclass
class _Shape:
    main: int
    strategic: int
    operational: int
    tracks: int
    efforts: int
    results: int
    projects: int
    stakeholders: int


def _shape(rng: random.Random, nodes: int) -> _Shape:
    """Split ``nodes`` over the kinds in proportions drawn from the Almelo contracts."""
    n = max(nodes - 2, 40)  # the programme and vision nodes
    goals = max(4, round(n * rng.uniform(0.12, 0.18)))
    main = rng.choice((0, 0, 1, 2, 2, 3)) if goals >= 8 else 0
    strategic = max(2, round((goals - main) * rng.uniform(0.25, 0.4)))
    operational = max(1, goals - main - strategic)
    stakeholders = round(n * rng.uniform(0.08, 0.28))
    tracks = rng.choice((0, 3, 4, 4, 5, 6, 8))
    results = rng.choice((0, 0, round(n * 0.05), round(n * 0.12)))
    projects = max(1, round(n * rng.uniform(0.04, 0.14)))
    indicators = round(operational * 1.1)
    efforts = max(6, n - goals - indicators - stakeholders - tracks - results - projects)
    return _Shape(main, strategic, operational, tracks, efforts, results, projects, stakeholders)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _sentence(rng: random.Random, k: int) -> str:
    return " ".join(rng.choice(FILLER) for _ in range(k))


def _effort_label(rng: random.Random) -> str:
    return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}"


def generate_contract(rng: random.Random, municipality: int, programme: int, siblings: int,
                      nodes: int, *, municipality_name: str | None = None) -> str:
    """The YAML text of one synthetic contract with about ``nodes`` nodes.

    ``siblings`` is the number of programmes of the municipality: relations
    and cross-programme references point only at those, and only at ids every
    contract has (``visie``, ``SD1``, ``E1`` to ``E6``).
    """
    pid = programme_id(municipality, programme)
    name = PROGRAMME_NAMES[(programme - 1) % len(PROGRAMME_NAMES)]
    if programme > len(PROGRAMME_NAMES):
        name += f" {programme}"
    town = municipality_name or _town(municipality)
    w = _Writer(rng, f"{programme:02d}-{_slug(name)}.txt")
    shape = _shape(rng, nodes)
    start = rng.choice((2018, 2019, 2019, 2020))
    end = start + 3

    _programme(w, pid, name, town, start, end)
    _vision(w)
    strategic_ids, operational_ids = _goals(w, shape, end)
    _indicators(w, operational_ids, start, end)
    track_ids = _tracks(w, shape)
    stakeholder_ids = _stakeholder_ids(rng, shape.stakeholders)
    goal_refs = strategic_ids + operational_ids
    siblings_ids = [programme_id(municipality, p) for p in range(1, siblings + 1) if p != programme]
    effort_ids = _efforts(w, shape, track_ids, goal_refs, stakeholder_ids, siblings_ids)
    _results(w, shape, effort_ids, goal_refs)
    project_ids = _projects(w, shape, effort_ids, stakeholder_ids, start, end)
    _stakeholders(w, stakeholder_ids)
    _tables(w, start, end, track_ids or effort_ids[:6], project_ids)
    _relations(w, siblings_ids, effort_ids)
    _not_in_text(w)
    w.out("")
    return "\n".join(w.lines)


def _programme(w: _Writer, pid: str, name: str, town: str, start: int, end: int) -> None:
    rng, out = w.rng, w.out
    out(f"# Synthetic programme contract {name}, gemeente {town} (generated by benchmarks/generate.py).")
    out("dinnet: 1")
    out("")
    out("programme:")
    out(f"  id: {pid}")
    out(f"  name: {_q(name)}")
    out(f"  municipality: {_q(town)}")
    out(f"  period: {{start: {start}, end: {end}}}")
    out(f"  date: {rng.randint(1, 28)} mei {start}")
    out("  roles:")
    out(f"    bestuurlijk_opdrachtgever: {_q(_person(rng))}")
    out(f"    ambtelijk_opdrachtgever: {_q(_person(rng))}")
    out(f"    programmamanager: {_q(_person(rng))}")
    out(f"    source: {w.src(4)}")
    out(f"  source: {w.src(12)}")


def _vision(w: _Writer) -> None:
    rng, out = w.rng, w.out
    out("")
    out("vision:")
    out("  id: visie")
    out(f"  label: {_q(f'{rng.choice(SUBJECTS).capitalize()} {rng.choice(PREDICATES)}')}")
    w.block("  ", "text", _sentence(rng, rng.randint(2, 5)))
    out(f"  source: {w.src(18)}")


def _goals(w: _Writer, shape: _Shape, end: int) -> tuple[list[str], list[str]]:
    """Main > strategic > operational goals (SD1 always exists); the strategic and
    operational ids."""
    rng, out = w.rng, w.out
    out("")
    out("goals:")
    strategic_ids = [f"SD{i}" for i in range(1, shape.strategic + 1)]
    per_strategic: dict[str, int] = dict.fromkeys(strategic_ids, 0)
    for _ in range(shape.operational):
        per_strategic[rng.choice(strategic_ids)] += 1
    operational_ids: list[str] = []
    nest = shape.main > 0 and rng.random() < 0.6
    groups: list[list[str]] = [strategic_ids]
    if shape.main:
        groups = [strategic_ids[i::shape.main] for i in range(shape.main)]
        for i in range(shape.main):
            out(f"  - id: HO{i + 1}")
            out("    level: main")
            out(f"    label: {_q(f'{rng.choice(SUBJECTS).capitalize()} {rng.choice(PREDICATES)}.')}")
            if rng.random() < 0.5:
                out(f"    note: {_q(f'Strategische hoofdopgave {i + 1}.')}")
            out(f"    source: {w.src()}")
            if nest and groups[i]:
                out("    goals:")
                operational_ids += _strategic(w, groups[i], per_strategic, end, "      ")
    if not nest:
        operational_ids += _strategic(w, strategic_ids, per_strategic, end, "  ")
    return strategic_ids, operational_ids


def _indicators(w: _Writer, operational_ids: list[str], start: int, end: int) -> None:
    """One indicator per operational goal, sometimes two."""
    if operational_ids:
        w.out("")
        w.out("indicators:")
        for gid in operational_ids:
            for k in range(1, 3 if w.rng.random() < 0.1 else 2):
                _indicator(w, f"{gid}.i{k}", gid, start, end)


def _tracks(w: _Writer, shape: _Shape) -> list[str]:
    rng, out = w.rng, w.out
    track_ids = [f"S{i}" for i in range(1, shape.tracks + 1)]
    if track_ids:
        out("")
        out("tracks:")
        word = rng.choice(TRACK_WORDS)
        for i, tid in enumerate(track_ids, 1):
            out(f"  - id: {tid}")
            out(f"    label: {_q(f'{word} {i}: {rng.choice(TRACK_TOPICS)}')}")
            out(f"    kind: {word.lower()}")
            if rng.random() < 0.5:
                w.block("    ", "text", _sentence(rng, rng.randint(2, 4)))
            out(f"    source: {w.src(20)}")
    return track_ids


def _efforts(w: _Writer, shape: _Shape, track_ids: list[str], goal_refs: list[str],
             stakeholder_ids: dict[str, str], siblings_ids: list[str]) -> list[str]:
    """Efforts, some with sub-efforts; contributions per track shared through an anchor."""
    w.out("")
    w.out("efforts:")
    effort_ids: list[str] = []
    anchors: dict[str, str] = {}
    remaining = shape.efforts
    number = 0
    while remaining > 0:
        number += 1
        eid = f"E{number}"
        subs = w.rng.choice((0, 0, 0, 0, 0, 2, 3, 5)) if number > 6 else 0
        subs = min(subs, remaining - 1)
        track = track_ids[(number - 1) * len(track_ids) // max(shape.efforts, 1)] if track_ids else None
        _effort(w, eid, track, goal_refs, stakeholder_ids, siblings_ids, anchors, "  ")
        effort_ids.append(eid)
        remaining -= 1
        if subs:
            w.out("    efforts:")
            for j in range(1, subs + 1):
                sid = f"{eid}.{j}"
                _effort(w, sid, None, goal_refs, stakeholder_ids, [], {}, "      ")
                effort_ids.append(sid)
            remaining -= subs
    return effort_ids


def _results(w: _Writer, shape: _Shape, effort_ids: list[str], goal_refs: list[str]) -> None:
    rng, out = w.rng, w.out
    result_ids = [f"R{i}" for i in range(1, shape.results + 1)]
    if result_ids:
        out("")
        out("results:")
        for rid in result_ids:
            out(f"  - id: {rid}")
            out(f"    label: {_q(f'Vastgestelde {rng.choice(RESULT_NOUNS)}')}")
            out(f"    delivered_by: [{', '.join(rng.sample(effort_ids, rng.randint(1, 2)))}]")
            if rng.random() < 0.5:
                out(f"    contributes_to: [{rng.choice(goal_refs)}]")
            out(f"    source: {w.src()}")


def _projects(w: _Writer, shape: _Shape, effort_ids: list[str], stakeholder_ids: dict[str, str],
              start: int, end: int) -> list[str]:
    rng, out = w.rng, w.out
    project_ids = [f"P{i}" for i in range(1, shape.projects + 1)]
    out("")
    out("projects:")
    for prj in project_ids:
        out(f"  - id: {prj}")
        label = f"{rng.choice(('Project', 'Pilot', 'Uitvoering', ''))} {rng.choice(PROJECT_NOUNS)}".strip()
        out(f"    label: {_q(label)}")
        if rng.random() < 0.7:
            out(f"    role: {rng.choice(('regie', 'regie', 'afstemming', 'faciliterend'))}")
        if rng.random() < 0.3:
            out("    lijnproject: true")
        if rng.random() < 0.8:
            out(f"    implements: [{', '.join(rng.sample(effort_ids, rng.randint(1, 2)))}]")
        if stakeholder_ids and rng.random() < 0.3:
            out(f"    stakeholders: [{', '.join(rng.sample(list(stakeholder_ids), 1))}]")
        if rng.random() < 0.4:
            amount = rng.randint(2, 80) * 5000
            out(f"    budget: {{amounts: {{{start}: {amount}}}, text: "
                f"{_qf(f'{amount // 1000} (bedragen x €1.000)')}}}")
        if rng.random() < 0.2:
            out(f"    planning: Q{rng.randint(1, 4)} {rng.randint(start, end)}")
        out(f"    source: {w.src()}")
    return project_ids


def _stakeholders(w: _Writer, stakeholder_ids: dict[str, str]) -> None:
    if stakeholder_ids:
        w.out("")
        w.out("stakeholders:")
        for sid, label in stakeholder_ids.items():
            w.out(f"  - {{id: {sid}, label: {_qf(label)}, source: {_qf(w.src(0))}}}")


def _not_in_text(w: _Writer) -> None:
    rng, out = w.rng, w.out
    if rng.random() < 0.6:
        out("")
        out("not_in_text:")
        for what, section, reason in rng.sample(MISSING, rng.randint(1, 3)):
            out(f"  - what: {_q(what)}")
            out(f"    section: {_q(section)}")
            out(f"    reason: {reason}")
            if rng.random() < 0.5:
                w.block("    ", "note", _sentence(rng, 2))
            out(f"    source: {w.src(3)}")


def _town(municipality: int) -> str:
    r = random.Random(municipality)
    return f"{r.choice(PLACE_A)}{r.choice(PLACE_B)}"


def _strategic(w: _Writer, ids: list[str], per: dict[str, int], end: int, indent: str) -> list[str]:
    rng, out = w.rng, w.out
    operational: list[str] = []
    for sd in ids:
        out(f"{indent}- id: {sd}")
        out(f"{indent}  level: strategic")
        label = f"In {end} {rng.choice(PREDICATES).split(' ', 1)[0]} {rng.choice(SUBJECTS)} " \
                f"{rng.choice(PREDICATES).split(' ', 1)[1]}."
        out(f"{indent}  label: {_q(label)}")
        if rng.random() < 0.3:
            out(f"{indent}  note: {_q(f'Strategisch doel {sd[2:]}; herhaald in paragraaf 3.')}")
        out(f"{indent}  source: {w.src()}")
        if per[sd]:
            out(f"{indent}  goals:")
        for k in range(per[sd]):
            gid = f"{sd}.{chr(ord('a') + k % 26)}{k // 26 or ''}"
            operational.append(gid)
            out(f"{indent}    - id: {gid}")
            out(f"{indent}      level: operational")
            if rng.random() < 0.5:
                label = f"{rng.choice(('Afname', 'Toename'))} van {rng.choice(QUANTITIES)} met " \
                        f"{rng.randint(2, 40) * 10} in {end}."
            else:
                label = f"In {end} maakt {rng.choice(('maximaal', 'minimaal'))} {rng.randint(1, 95)}% " \
                        f"van de {rng.choice(GROUPS)} gebruik van {rng.choice(SERVICES)} t.o.v. " \
                        f"{rng.randint(1, 95)}% in {end - 4}."
            out(f"{indent}      label: {_q(label)}")
            if rng.random() < 0.05:
                out(f"{indent}      open: true")
            out(f"{indent}      source: {w.src()}")
    return operational


def _indicator(w: _Writer, iid: str, goal: str, start: int, end: int) -> None:
    rng, out = w.rng, w.out
    out(f"  - id: {iid}")
    what = rng.choice(QUANTITIES).split(" ", 2)[-1]
    out(f"    label: {_q(rng.choice(('Aantal ', 'Percentage ', 'Ontwikkeling van ')) + what)}")
    out(f"    measures: [{goal}]")
    unit = rng.choice(UNITS)
    out(f"    unit: {_q(unit)}")
    base = rng.randint(1, 5000)
    if rng.random() < 0.6:
        out(f"    baseline: {{value: {base}, year: {start - rng.randint(1, 3)}}}")
    elif rng.random() < 0.3:
        out(f"    baseline: {{value: {_qf('niet bekend')}, year: {start - 1}}}")
    if rng.random() < 0.85:
        years = sorted(rng.sample(range(start, end + 1), rng.randint(1, 4)))
        step = rng.choice((-1, 1)) * rng.randint(1, 50)
        targets = ", ".join(f"{y}: {base + step * (i + 1)}" for i, y in enumerate(years))
        if rng.random() < 0.1:
            targets = f"{end}: pm"
        out(f"    targets: {{{targets}}}")
    if rng.random() < 0.6:
        out(f"    data_source: {_q(rng.choice(DATA_SOURCES))}")
    if rng.random() < 0.7:
        out(f"    direction: {rng.choice(('increase', 'decrease', 'maintain'))}")
    if rng.random() < 0.2:
        out(f"    note: {_q('Peilwaarde niet genoemd; de streefwaarde is een afname.')}")
    out(f"    source: {w.src()}")


def _stakeholder_ids(rng: random.Random, count: int) -> dict[str, str]:
    labels = rng.sample(ORG_FIXED, min(count, len(ORG_FIXED) // 2))
    while len(labels) < count:
        labels.append(f"{rng.choice(ORG_TYPES)} {rng.choice(PLACE_A)}{rng.choice(PLACE_B)} {len(labels)}")
    return {_slug(label): label for label in labels}


def _effort(w: _Writer, eid: str, track: str | None, goals: list[str],
            stakeholders: dict[str, str], siblings: list[str], anchors: dict[str, str],
            indent: str) -> None:
    rng, out = w.rng, w.out
    out(f"{indent}- id: {eid}")
    label = _effort_label(rng)
    if rng.random() < 0.1:
        label += ". " + rng.choice(FILLER)
    out(f"{indent}  label: {_q(label)}")
    if rng.random() < 0.25:
        w.block(indent + "  ", "text", label + ": " + _sentence(rng, rng.randint(1, 3)))
    if track:
        out(f"{indent}  track: {track}")
    roll = rng.random()
    if track and track in anchors and roll < 0.5:
        out(f"{indent}  contributes_to: *{anchors[track]}")
    elif track and track not in anchors:
        anchors[track] = f"c{track.lower()}"
        out(f"{indent}  contributes_to: &{anchors[track]}")
        for g in sorted(rng.sample(goals, min(len(goals), rng.randint(1, 4)))):
            out(f"{indent}    - {{goal: {g}, source: {_qf(w.src(0))}}}")
    elif roll < 0.9:
        refs = sorted(rng.sample(goals, min(len(goals), rng.randint(1, 3))))
        if siblings and rng.random() < 0.05:
            refs.append(f"{rng.choice(siblings)}:SD1")
        if rng.random() < 0.15:
            out(f"{indent}  contributes_to:")
            for g in refs:
                out(f"{indent}    - goal: {g}")
                out(f"{indent}      strength: {rng.choice(('weak', 'medium', 'strong'))}")
        else:
            out(f"{indent}  contributes_to: [{', '.join(refs)}]")
    if stakeholders and rng.random() < 0.4:
        picks = rng.sample(list(stakeholders), min(len(stakeholders), rng.randint(1, 3)))
        out(f"{indent}  stakeholders: [{', '.join(picks)}]")
    if rng.random() < 0.15:
        amount = rng.randint(1, 60) * 10000
        out(f"{indent}  budget: {{amounts: {{{rng.randint(2019, 2022)}: {amount}}}}}")
    if rng.random() < 0.15:
        out(f"{indent}  planning: {_q(f'Q{rng.randint(1, 4)} {rng.randint(2019, 2022)}')}")
    out(f"{indent}  source: {w.src()}")


def _tables(w: _Writer, start: int, end: int, refs: list[str], projects: list[str]) -> None:
    rng, out = w.rng, w.out
    years = list(range(start, end + 1))
    out("")
    out("budgets:")
    for b in range(1, rng.choice((1, 1, 2)) + 1):
        out(f"  - id: B{b}")
        title = rng.choice(("Programmabudget", "Verdeling middelen", "Begroting"))
        out(f"    title: {title} {start}-{end}")
        out(f"    unit: {_q('x 1.000 euro')}")
        out("    scale: 1000")
        out("    lines:")
        totals = dict.fromkeys(years, 0)
        for ref in rng.sample(refs + projects, min(len(refs) + len(projects), rng.randint(2, 7))):
            amounts = {y: rng.randint(1, 60) * 10 for y in years if rng.random() < 0.8}
            for y, a in amounts.items():
                totals[y] += a
            text = ", ".join(f"{y}: {a}" for y, a in amounts.items())
            out(f"      - {{label: {_qf(f'Inzet {ref}')}, amounts: {{{text}}}, ref: {ref}, "
                f"source: {_qf(w.src(0))}}}")
        if rng.random() < 0.2:  # Binnenstad: the printed totals disagree with the lines
            totals[years[-1]] += 150
        out(f"    stated_totals: {{{', '.join(f'{y}: {a}' for y, a in totals.items())}}}")
        out(f"    source: {w.src(20)}")
    if rng.random() < 0.6:
        out("capacity:")
        out("  - id: C1")
        out(f"    title: {_q('Benodigde capaciteit programmateam')}")
        out("    unit: uren per week")
        out("    lines:")
        for role in rng.sample(("Programmamanager", "Programma adviseur", "Programma ondersteuner",
                                "Data analist", "Communicatie", "Financiën"), 4):
            hours = rng.randint(1, 9) * 4
            out(f"      - {{label: {_qf(f'{role}: {hours} uur')}, source: {_qf(w.src(0))}}}")
        out(f"    source: {w.src(10)}")


def _relations(w: _Writer, siblings: list[str], efforts: list[str]) -> None:
    rng, out = w.rng, w.out
    if not siblings or rng.random() < 0.2:
        return
    out("")
    out("relations:")
    anchored = False
    for other in rng.sample(siblings, min(len(siblings), rng.randint(1, 6))):
        out(f"  - programme: {other}")
        out(f"    topics: [{', '.join(_qf(t) for t in rng.sample(TOPICS, rng.randint(1, 2)))}]")
        if rng.random() < 0.5:
            nodes = [rng.choice(efforts), f"{other}:{rng.choice(('visie', 'E1', 'E2', 'E3', 'SD1'))}"]
            out(f"    nodes: [{', '.join(nodes)}]")
        if not anchored:
            text = json.dumps(_sentence(rng, 3), ensure_ascii=False)
            out(f"    text: &rel {text}")
            anchored = True
        else:
            out("    text: *rel")
        out(f"    source: {w.src(3)}")


# -- many contracts -----------------------------------------------------------------------


def _plan(count: int, seed: int) -> Iterator[tuple[int, int, int, int]]:
    """(municipality, programme, siblings, nodes) for ``count`` contracts."""
    rng = random.Random(seed)
    municipality = 0
    made = 0
    while made < count:
        municipality += 1
        siblings = min(rng.randint(6, 14), count - made)
        for programme in range(1, siblings + 1):
            yield municipality, programme, siblings, round(rng.triangular(100, 320, 190))
        made += siblings


def generate(folder: str | Path, count: int, *, seed: int = 1) -> list[Path]:
    """Write ``count`` contracts into ``folder``; return their paths in the order made.

    Contracts come in municipalities of 6-14 programmes; each file is
    ``gemeente-M-programma-P.yaml``. The same seed gives the same bytes, and a
    smaller ``count`` gives (nearly) the first files of a larger one: the first
    ``k`` paths are whole municipalities that a benchmark can load on their own.
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for municipality, programme, siblings, nodes in _plan(count, seed):
        rng = random.Random(f"{seed}/{municipality}/{programme}")
        text = generate_contract(rng, municipality, programme, siblings, nodes)
        path = out / f"{programme_id(municipality, programme)}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def generate_large_programme(folder: str | Path, din_nodes: int = 300, *, seed: int = 1) -> Path:
    """Write one large contract whose DIN (vision, goals, efforts, results, projects:
    what a DIN diagram draws) has about ``din_nodes`` nodes; return its path."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"{seed}/large")
    # about 68% of a generated contract's nodes are drawn (not indicators, tracks, stakeholders)
    nodes = round(din_nodes / 0.68)
    text = generate_contract(rng, 0, 1, 1, nodes, municipality_name="Grootstad")
    path = out / f"{programme_id(0, 1)}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=10, help="number of contracts (default 10)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--large", action="store_true", help="write one ~300-node DIN instead")
    args = parser.parse_args(argv)
    if args.large:
        print(generate_large_programme(args.folder, seed=args.seed))
    else:
        paths = generate(args.folder, args.count, seed=args.seed)
        print(f"wrote {len(paths)} contracts to {args.folder}")


if __name__ == "__main__":
    main()
