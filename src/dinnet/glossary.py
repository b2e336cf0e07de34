"""The one glossary: every domain word and fixed phrase in Dutch and English.

Users read Dutch first; English is there on request. Domain words
(:data:`TERMS`) carry their plural, so counts read right in both languages;
fixed phrases (:data:`PHRASES`) are grouped by where they appear
(``din.``, ``chart.``, ``diff.``, ``report.``, ...). The keys of the terms
are the kinds, levels, roles and edge kinds of the model
(:mod:`dinnet.graph`, :mod:`dinnet.contract.model`), which a test keeps in
step; this module sits at the bottom of the layers and imports nothing of
dinnet.

>>> term("goal"), term("goal", n=1), term("goal", n=2)
('doel', '1 doel', '2 doelen')
>>> term("programme", n=2), term("programme", "en", n=1), term("goal", "en", n=2)
("2 programma's", '1 programme', '2 goals')
>>> term("strategic", plural=True), heading("effort", "en")
('strategische doelen', 'Efforts')
>>> phrase("din.not_loaded", "en")
'not loaded'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "PHRASES",
    "TERMS",
    "Term",
    "check_lang",
    "env_lang",
    "heading",
    "kind_word",
    "phrase",
    "term",
    "words",
]

#: The languages, Dutch first.
LANGS: tuple[str, ...] = ("nl", "en")
#: The language when none is asked for.
DEFAULT_LANG = "nl"


@dataclass(frozen=True)
class Term:
    """A domain word in Dutch and English, with plurals (``None``: the same as the singular)."""

    nl: str
    en: str
    nl_plural: str | None = None
    en_plural: str | None = None

    def form(self, lang: str, plural: bool = False) -> str:
        """The singular or plural in ``lang``."""
        if lang == "en":
            return (self.en_plural or self.en) if plural else self.en
        return (self.nl_plural or self.nl) if plural else self.nl


_T = Term

#: Domain words: node kinds, goal levels, roles, edge kinds, severities and other nouns.
TERMS: Mapping[str, Term] = MappingProxyType({
    # node kinds (dinnet.graph.NODE_KINDS)
    "programme": _T("programma", "programme", "programma's", "programmes"),
    "vision": _T("visie", "vision", "visies", "visions"),
    "goal": _T("doel", "goal", "doelen", "goals"),
    "indicator": _T("indicator", "indicator", "indicatoren", "indicators"),
    "track": _T("spoor", "track", "sporen", "tracks"),
    "effort": _T("inspanning", "effort", "inspanningen", "efforts"),
    "result": _T("resultaat", "result", "resultaten", "results"),
    "project": _T("project", "project", "projecten", "projects"),
    "stakeholder": _T("stakeholder", "stakeholder", "stakeholders", "stakeholders"),
    # goal levels (dinnet.contract.model.GOAL_LEVELS)
    "main": _T("hoofdopgave", "main goal", "hoofdopgaven", "main goals"),
    "strategic": _T("strategisch doel", "strategic goal", "strategische doelen",
                    "strategic goals"),
    "operational": _T("operationeel doel", "operational goal", "operationele doelen",
                      "operational goals"),
    # roles of the programme in a project
    "regie": _T("regie", "directs"),
    "afstemming": _T("afstemming", "coordinates"),
    "faciliterend": _T("faciliterend", "facilitates"),
    "lijnproject": _T("lijnproject", "line project", "lijnprojecten", "line projects"),
    # edge kinds (dinnet.graph.EDGE_KINDS)
    "implements": _T("voert uit", "implements"),
    "contributes_to": _T("draagt bij aan", "contributes to"),
    "part_of": _T("hoort bij", "part of"),
    "delivers": _T("levert", "delivers"),
    "refines": _T("werkt uit", "refines"),
    "serves": _T("dient", "serves"),
    "belongs_to": _T("hoort bij", "belongs to"),
    "measures": _T("meet", "measures"),
    "involved_in": _T("betrokken bij", "involved in"),
    "depends_on": _T("raakvlak met", "depends on"),
    # severities of findings and problems
    "error": _T("fout", "error", "fouten", "errors"),
    "warning": _T("waarschuwing", "warning", "waarschuwingen", "warnings"),
    "info": _T("info", "info", "info", "info"),
    # other nouns
    "finding": _T("bevinding", "finding", "bevindingen", "findings"),
    "rule": _T("regel", "rule", "regels", "rules"),
    "node": _T("element", "node", "elementen", "nodes"),
    "edge": _T("verband", "edge", "verbanden", "edges"),
    "link": _T("verband", "link", "verbanden", "links"),
    "target": _T("streefwaarde", "target", "streefwaarden", "targets"),
    "baseline": _T("peilwaarde", "baseline", "peilwaarden", "baselines"),
    "budget": _T("begroting", "budget", "begrotingen", "budgets"),
    "table": _T("tabel", "table", "tabellen", "tables"),
    "year": _T("jaar", "year", "jaren", "years"),
    "change": _T("wijziging", "change", "wijzigingen", "changes"),
    "file": _T("bestand", "file", "bestanden", "files"),
    "problem": _T("probleem", "problem", "problemen", "problems"),
})

#: Fixed phrases by place of use: ``"section.key": (Dutch, English)``.
_PHRASES: dict[str, tuple[str, str]] = {
    # the DIN diagrams (dinnet.render)
    "din.empty": ("(geen in de tekst)", "(none in the text)"),
    "din.no_efforts": ("(geen inspanningen in de tekst)", "(no efforts in the text)"),
    "din.not_linked": ("(niets in de tekst gekoppeld aan {goal})",
                       "(nothing linked to {goal} in the text)"),
    "din.loose_count": ("in het programma: {things} van {total} aan geen strategisch doel "
                        "gekoppeld", "in the programme: {things} of {total} linked to no "
                        "strategic goal"),
    "din.whole_track": ("van het hele spoor", "of the whole track"),
    "din.track_link": ("elke inspanning van het spoor", "each effort of the track"),
    "din.continued": ("vervolg op blad {page}", "continued on page {page}"),
    "din.page": ("blad {page} van {pages}", "page {page} of {pages}"),
    "din.open": ("open: bewust nog leeg", "open: deliberately empty"),
    "din.no_target": ("geen streefwaarde", "no target"),
    "din.legend": ("Bevindingen audit", "Audit findings"),
    "din.din": ("Doelen-Inspanningen-Netwerk", "Goals-efforts network"),
    "din.portfolio": ("Programma's en hun raakvlakken", "Programmes and their dependencies"),
    "din.not_loaded": ("niet geladen", "not loaded"),
    "din.one_sided": ("stippellijn: alleen door één kant genoemd", "dashed: stated by one side only"),
    # the charts (dinnet.render.charts)
    "chart.baseline": ("peilwaarde", "baseline"),
    "chart.target": ("streefwaarde", "target"),
    "chart.lines": ("som van de regels", "sum of the lines"),
    "chart.stated": ("totaal zoals gedrukt", "total as printed"),
    "chart.differs": ("wijkt af", "differs"),
    "chart.euro": ("euro", "euro"),
    "chart.budget": ("Budget per jaar", "Budget per year"),
    "chart.indicators": ("Indicatoren", "Indicators"),
    "chart.year": ("jaar", "year"),
    # the diff picture (dinnet.diff.draw)
    "diff.added": ("nieuw", "added"),
    "diff.removed": ("vervallen", "removed"),
    "diff.renamed": ("hernoemd", "renamed"),
    "diff.changed": ("gewijzigd", "changed"),
    "diff.target": ("streefwaarde gewijzigd", "target changed"),
    "diff.indicator": ("indicator gewijzigd", "indicator changed"),
    "diff.legend": ("Wijzigingen", "Changes"),
    # the HTML report (dinnet.report)
    "report.title": ("Programmarapportage", "Programme report"),
    "report.subtitle": ("Doelen-Inspanningen-Netwerken en audit", "Goals-efforts networks and audit"),
    "report.skip": ("Naar de inhoud", "Skip to content"),
    "report.contents": ("Inhoud", "Contents"),
    "report.overview": ("Overzicht", "Overview"),
    "report.portfolio_map": ("Programma's en hun raakvlakken", "Programmes and their dependencies"),
    "report.counts": ("Aantallen per programma", "Counts per programme"),
    "report.all_findings": ("Alle bevindingen", "All findings"),
    "report.findings_per_rule": ("Bevindingen per regel", "Findings per rule"),
    "report.code": ("Code", "Code"),
    "report.severity": ("Ernst", "Severity"),
    "report.count": ("Aantal", "Count"),
    "report.summary": ("Omschrijving", "Summary"),
    "report.node": ("Element", "Element"),
    "report.shown_on": ("In het DIN te zien bij", "Shown in the DIN on"),
    "report.message": ("Melding", "Message"),
    "report.source": ("Bron", "Source"),
    "report.total": ("Totaal", "Total"),
    "report.din": ("Doelen-Inspanningen-Netwerk", "Goals-efforts network"),
    "report.din_hint": ("Klik op een element (of kies het met Tab en druk op Enter) voor de "
                        "details, de keten naar de visie (waarom) en de middelen eronder (hoe).",
                        "Click an element (or Tab to it and press Enter) for its details, its "
                        "chain up to the vision (why) and the means below it (how)."),
    "report.fit": ("Passend", "Fit"),
    "report.actual": ("Ware grootte", "Actual size"),
    "report.no_din": ("Deze programmatekst bevat geen elementen voor een DIN.",
                      "This programme's text holds no elements for a DIN."),
    "report.coverage": ("Dekking: doelen × inspanningen", "Coverage: goals × efforts"),
    "report.coverage_hint": ("● draagt direct bij · ○ draagt bij via een subdoel, "
                             "deelinspanning of resultaat",
                             "● contributes directly · ○ contributes through a sub-goal, "
                             "sub-effort or result"),
    "report.level": ("Niveau", "Level"),
    "report.no_goals": ("Geen doelen in de tekst.", "No goals in the text."),
    "report.no_efforts": ("Geen inspanningen in de tekst.", "No efforts in the text."),
    "report.indicator_chart": ("Indicatoren: peilwaarde en streefwaarden",
                               "Indicators: baseline and targets"),
    "report.budget": ("Middelen", "Budget"),
    "report.budget_chart": ("Begroting: totaal zoals gedrukt en opgeteld",
                            "Budget: totals as printed and as added up"),
    "report.stated": ("Gedrukt totaal", "Printed total"),
    "report.recomputed": ("Som van de regels", "Sum of the lines"),
    "report.matches": ("Klopt", "Matches"),
    "report.yes": ("ja", "yes"),
    "report.no": ("nee", "no"),
    "report.no_budget": ("Geen begrotingstabellen in de tekst.", "No budget tables in the text."),
    "report.no_indicators": ("Geen indicatoren in de tekst.", "No indicators in the text."),
    "report.unit": ("Eenheid", "Unit"),
    "report.data_source": ("Bron (data)", "Data source"),
    "report.not_in_text": ("Wat de tekst niet bevat", "What the text did not contain"),
    "report.not_in_text_none": ("De transcriptie noteert niets dat ontbreekt.",
                                "The transcription notes nothing missing."),
    "report.what": ("Wat", "What"),
    "report.section": ("Paragraaf", "Section"),
    "report.reason": ("Reden", "Reason"),
    "report.note": ("Toelichting", "Note"),
    "report.section_empty": ("kop zonder inhoud", "heading without content"),
    "report.in_image": ("alleen in een figuur", "only in a figure"),
    "report.not_stated": ("niet vermeld", "not stated"),
    "report.no_findings": ("Geen bevindingen.", "No findings."),
    "report.filter": ("Filter", "Filter"),
    "report.all_programmes": ("alle programma's", "all programmes"),
    "report.shown": ("getoond", "shown"),
    "report.search": ("Zoeken", "Search"),
    "report.search_placeholder": ("Zoek een doel, inspanning, project…",
                                  "Find a goal, effort, project…"),
    "report.search_none": ("Niets gevonden.", "Nothing found."),
    "report.details": ("Details", "Details"),
    "report.details_empty": ("Kies een element in een DIN om de details te zien.",
                             "Choose an element in a DIN to see its details."),
    "report.close": ("Sluiten", "Close"),
    "report.why": ("Waarom (keten naar de visie)", "Why (chain up to the vision)"),
    "report.how": ("Hoe (middelen eronder)", "How (means below)"),
    "report.links": ("Verbanden", "Links"),
    "report.period": ("Periode", "Period"),
    "report.roles": ("Rollen", "Roles"),
    "report.bestuurlijk_opdrachtgever": ("Bestuurlijk opdrachtgever", "Political principal"),
    "report.ambtelijk_opdrachtgever": ("Ambtelijk opdrachtgever", "Administrative principal"),
    "report.programmamanager": ("Programmamanager", "Programme manager"),
    "report.planning": ("Planning", "Planning"),
    "report.role": ("Rol", "Role"),
    "report.text": ("Tekst", "Text"),
    "report.charts": ("Grafieken", "Charts"),
    "report.chart_missing": ("Grafiek niet beschikbaar", "Chart not available"),
    "report.generated": ("Gemaakt met dinnet", "Made with dinnet"),
    "report.print": ("Afdrukken", "Print"),
    "report.show_in_din": ("Toon in het DIN", "Show in the DIN"),
}

#: Report headings that are domain words: key -> (term, plural).
_REPORT_TERMS: dict[str, tuple[str, bool]] = {
    "programme": ("programme", False), "programmes": ("programme", True),
    "goal": ("goal", False), "goals": ("goal", True), "indicators": ("indicator", True),
    "efforts": ("effort", True), "results": ("result", True), "projects": ("project", True),
    "stakeholders": ("stakeholder", True), "findings": ("finding", True),
    "rule": ("rule", False), "table": ("table", False), "year": ("year", False),
    "baseline": ("baseline", False), "targets": ("target", True), "track": ("track", False),
}
_REPORT_LOWER: dict[str, tuple[str, bool]] = {
    "error": ("error", False), "warning": ("warning", False), "info": ("info", False),
    "errors": ("error", True), "warnings": ("warning", True), "infos": ("info", True),
}

PHRASES: Mapping[str, tuple[str, str]] = MappingProxyType(_PHRASES)


def check_lang(lang: str) -> str:
    """``lang`` if it is one of :data:`LANGS`, else a :class:`ValueError` naming them.

    >>> check_lang("en")
    'en'
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use one of: {', '.join(LANGS)}")
    return lang


def env_lang(environ: Mapping[str, str] | None = None) -> str:
    """The language ``DINNET_LANG`` asks for (``nl`` when unset or empty).

    >>> env_lang({"DINNET_LANG": "en"}), env_lang({})
    ('en', 'nl')
    """
    value = (os.environ if environ is None else environ).get("DINNET_LANG", "").strip().lower()
    return check_lang(value) if value else DEFAULT_LANG


def term(key: str, lang: str = DEFAULT_LANG, n: int | None = None, *,
         plural: bool = False) -> str:
    """A domain word in ``lang``; with ``n``, the count and the word in the right number.

    >>> term("effort"), term("effort", "en", plural=True)
    ('inspanning', 'efforts')
    >>> term("programme", n=1), term("programme", n=0), term("indicator", "en", n=3)
    ('1 programma', "0 programma's", '3 indicators')
    """
    check_lang(lang)
    word = TERMS[key]
    if n is None:
        return word.form(lang, plural)
    return f"{n} {word.form(lang, n != 1)}"


def heading(key: str, lang: str = DEFAULT_LANG, *, plural: bool = True) -> str:
    """A domain word as a heading: the plural (by default) with a capital.

    >>> heading("strategic"), heading("vision", plural=False)
    ('Strategische doelen', 'Visie')
    """
    return _capital(term(key, lang, plural=plural))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def phrase(key: str, lang: str = DEFAULT_LANG, **fields: object) -> str:
    """A fixed phrase in ``lang``, its ``{fields}`` filled in.

    >>> phrase("diff.legend"), phrase("diff.legend", "en")
    ('Wijzigingen', 'Changes')
    """
    text = PHRASES[key][LANGS.index(check_lang(lang))]
    return text.format(**fields) if fields else text


def words(section: str, lang: str = DEFAULT_LANG) -> Mapping[str, str]:
    """All phrases of ``section`` in ``lang``, by key without the section.

    The report's words also hold the domain words it shows as headings.

    >>> words("report", "en")["findings"], words("report")["goals"]
    ('Findings', 'Doelen')
    >>> words("chart")["target"]
    'streefwaarde'
    """
    return _words(section, check_lang(lang))


def _section(section: str, lang: str) -> dict[str, str]:
    prefix = section + "."
    table = {k[len(prefix):]: v[LANGS.index(lang)] for k, v in PHRASES.items()
             if k.startswith(prefix)}
    if section == "report":
        table |= {k: heading(t, lang, plural=p) for k, (t, p) in _REPORT_TERMS.items()}
        table |= {k: term(t, lang, plural=p) for k, (t, p) in _REPORT_LOWER.items()}
        table["lang"] = lang
    return table


_CACHE: dict[tuple[str, str], Mapping[str, str]] = {}


def _words(section: str, lang: str) -> Mapping[str, str]:
    found = _CACHE.get((section, lang))
    if found is None:
        found = _CACHE[(section, lang)] = MappingProxyType(_section(section, lang))
    return found


def kind_word(kind: str, level: str | None = None, lang: str = DEFAULT_LANG) -> str:
    """The name of a kind of node (a goal by its level) in ``lang``; unknown kinds as they are.

    >>> kind_word("effort"), kind_word("goal", "strategic"), kind_word("goal", None, "en")
    ('inspanning', 'strategisch doel', 'goal')
    """
    check_lang(lang)
    if kind == "goal" and level in TERMS:
        return term(str(level), lang)
    return term(kind, lang) if kind in TERMS else kind
