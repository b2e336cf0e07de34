"""The fixed words of the HTML report in Dutch (default) and English.

Data (labels, messages, notes) stays as written; only headings, column names
and buttons are translated.

>>> words("en")["findings"], words()["findings"]
('Findings', 'Bevindingen')
>>> kind_word("goal", "operational", "en")
'operational goal'
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["LANGS", "kind_word", "words"]

LANGS = ("nl", "en")

_NL: dict[str, str] = {
    "title": "Programmarapportage",
    "subtitle": "Doelen-Inspanningen-Netwerken en audit",
    "skip": "Naar de inhoud",
    "contents": "Inhoud",
    "overview": "Overzicht",
    "portfolio_map": "Programma's en hun raakvlakken",
    "counts": "Aantallen per programma",
    "programme": "Programma",
    "programmes": "Programma's",
    "goals": "Doelen",
    "indicators": "Indicatoren",
    "efforts": "Inspanningen",
    "results": "Resultaten",
    "projects": "Projecten",
    "stakeholders": "Stakeholders",
    "findings": "Bevindingen",
    "all_findings": "Alle bevindingen",
    "findings_per_rule": "Bevindingen per regel",
    "rule": "Regel",
    "code": "Code",
    "severity": "Ernst",
    "error": "fout",
    "warning": "waarschuwing",
    "info": "info",
    "errors": "fouten",
    "warnings": "waarschuwingen",
    "infos": "info",
    "count": "Aantal",
    "summary": "Omschrijving",
    "node": "Element",
    "shown_on": "In het DIN te zien bij",
    "message": "Melding",
    "source": "Bron",
    "total": "Totaal",
    "din": "Doelen-Inspanningen-Netwerk",
    "din_hint": "Klik op een element (of kies het met Tab en druk op Enter) voor de details, "
                "de keten naar de visie (waarom) en de middelen eronder (hoe).",
    "fit": "Passend",
    "actual": "Ware grootte",
    "no_din": "Deze programmatekst bevat geen elementen voor een DIN.",
    "coverage": "Dekking: doelen × inspanningen",
    "coverage_hint": "● draagt direct bij · ○ draagt bij via een subdoel, deelinspanning of resultaat",
    "goal": "Doel",
    "level": "Niveau",
    "no_goals": "Geen doelen in de tekst.",
    "no_efforts": "Geen inspanningen in de tekst.",
    "indicator_chart": "Indicatoren: peilwaarde en streefwaarden",
    "budget": "Middelen",
    "budget_chart": "Begroting: totaal zoals gedrukt en opgeteld",
    "table": "Tabel",
    "year": "Jaar",
    "stated": "Gedrukt totaal",
    "recomputed": "Som van de regels",
    "matches": "Klopt",
    "yes": "ja",
    "no": "nee",
    "no_budget": "Geen begrotingstabellen in de tekst.",
    "no_indicators": "Geen indicatoren in de tekst.",
    "baseline": "Peilwaarde",
    "targets": "Streefwaarden",
    "unit": "Eenheid",
    "data_source": "Bron (data)",
    "not_in_text": "Wat de tekst niet bevat",
    "not_in_text_none": "De transcriptie noteert niets dat ontbreekt.",
    "what": "Wat",
    "section": "Paragraaf",
    "reason": "Reden",
    "note": "Toelichting",
    "section_empty": "kop zonder inhoud",
    "in_image": "alleen in een figuur",
    "not_stated": "niet vermeld",
    "no_findings": "Geen bevindingen.",
    "filter": "Filter",
    "all_programmes": "alle programma's",
    "shown": "getoond",
    "search": "Zoeken",
    "search_placeholder": "Zoek een doel, inspanning, project…",
    "search_none": "Niets gevonden.",
    "details": "Details",
    "details_empty": "Kies een element in een DIN om de details te zien.",
    "close": "Sluiten",
    "why": "Waarom (keten naar de visie)",
    "how": "Hoe (middelen eronder)",
    "links": "Verbanden",
    "period": "Periode",
    "roles": "Rollen",
    "bestuurlijk_opdrachtgever": "Bestuurlijk opdrachtgever",
    "ambtelijk_opdrachtgever": "Ambtelijk opdrachtgever",
    "programmamanager": "Programmamanager",
    "planning": "Planning",
    "role": "Rol",
    "track": "Spoor",
    "text": "Tekst",
    "charts": "Grafieken",
    "chart_missing": "Grafiek niet beschikbaar",
    "generated": "Gemaakt met dinnet",
    "print": "Afdrukken",
    "show_in_din": "Toon in het DIN",
    "lang": "nl",
}

_EN: dict[str, str] = {
    "title": "Programme report",
    "subtitle": "Goals-efforts networks and audit",
    "skip": "Skip to content",
    "contents": "Contents",
    "overview": "Overview",
    "portfolio_map": "Programmes and their dependencies",
    "counts": "Counts per programme",
    "programme": "Programme",
    "programmes": "Programmes",
    "goals": "Goals",
    "indicators": "Indicators",
    "efforts": "Efforts",
    "results": "Results",
    "projects": "Projects",
    "stakeholders": "Stakeholders",
    "findings": "Findings",
    "all_findings": "All findings",
    "findings_per_rule": "Findings per rule",
    "rule": "Rule",
    "code": "Code",
    "severity": "Severity",
    "error": "error",
    "warning": "warning",
    "info": "info",
    "errors": "errors",
    "warnings": "warnings",
    "infos": "info",
    "count": "Count",
    "summary": "Summary",
    "node": "Element",
    "shown_on": "Shown in the DIN on",
    "message": "Message",
    "source": "Source",
    "total": "Total",
    "din": "Goals-efforts network",
    "din_hint": "Click an element (or Tab to it and press Enter) for its details, its chain "
                "up to the vision (why) and the means below it (how).",
    "fit": "Fit",
    "actual": "Actual size",
    "no_din": "This programme's text holds no elements for a DIN.",
    "coverage": "Coverage: goals × efforts",
    "coverage_hint": "● contributes directly · ○ contributes through a sub-goal, sub-effort or result",
    "goal": "Goal",
    "level": "Level",
    "no_goals": "No goals in the text.",
    "no_efforts": "No efforts in the text.",
    "indicator_chart": "Indicators: baseline and targets",
    "budget": "Budget",
    "budget_chart": "Budget: totals as printed and as added up",
    "table": "Table",
    "year": "Year",
    "stated": "Printed total",
    "recomputed": "Sum of the lines",
    "matches": "Matches",
    "yes": "yes",
    "no": "no",
    "no_budget": "No budget tables in the text.",
    "no_indicators": "No indicators in the text.",
    "baseline": "Baseline",
    "targets": "Targets",
    "unit": "Unit",
    "data_source": "Data source",
    "not_in_text": "What the text did not contain",
    "not_in_text_none": "The transcription notes nothing missing.",
    "what": "What",
    "section": "Section",
    "reason": "Reason",
    "note": "Note",
    "section_empty": "heading without content",
    "in_image": "only in a figure",
    "not_stated": "not stated",
    "no_findings": "No findings.",
    "filter": "Filter",
    "all_programmes": "all programmes",
    "shown": "shown",
    "search": "Search",
    "search_placeholder": "Find a goal, effort, project…",
    "search_none": "Nothing found.",
    "details": "Details",
    "details_empty": "Choose an element in a DIN to see its details.",
    "close": "Close",
    "why": "Why (chain up to the vision)",
    "how": "How (means below)",
    "links": "Links",
    "period": "Period",
    "roles": "Roles",
    "bestuurlijk_opdrachtgever": "Political principal",
    "ambtelijk_opdrachtgever": "Administrative principal",
    "programmamanager": "Programme manager",
    "planning": "Planning",
    "role": "Role",
    "track": "Track",
    "text": "Text",
    "charts": "Charts",
    "chart_missing": "Chart not available",
    "generated": "Made with dinnet",
    "print": "Print",
    "show_in_din": "Show in the DIN",
    "lang": "en",
}

_KINDS: dict[str, dict[str, str]] = {
    "nl": {"programme": "programma", "vision": "visie", "goal": "doel", "main": "hoofdopgave",
           "strategic": "strategisch doel", "operational": "operationeel doel",
           "indicator": "indicator", "track": "spoor", "effort": "inspanning",
           "result": "resultaat", "project": "project", "stakeholder": "stakeholder"},
    "en": {"programme": "programme", "vision": "vision", "goal": "goal", "main": "main goal",
           "strategic": "strategic goal", "operational": "operational goal",
           "indicator": "indicator", "track": "track", "effort": "effort", "result": "result",
           "project": "project", "stakeholder": "stakeholder"},
}


def _check(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use one of: {', '.join(LANGS)}")


def words(lang: str = "nl") -> Mapping[str, str]:
    """The report's fixed words in ``lang`` (``nl`` or ``en``)."""
    _check(lang)
    return _NL if lang == "nl" else _EN


def kind_word(kind: str, level: str | None = None, lang: str = "nl") -> str:
    """The name of a kind of node (a goal by its level) in ``lang``.

    >>> kind_word("effort"), kind_word("goal", "strategic")
    ('inspanning', 'strategisch doel')
    """
    _check(lang)
    table = _KINDS[lang]
    if kind == "goal" and level in table:
        return table[level]
    return table.get(kind, kind)
