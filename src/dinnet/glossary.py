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

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "PHRASES",
    "TERMS",
    "Message",
    "Term",
    "check_lang",
    "env_lang",
    "format_date",
    "format_number",
    "heading",
    "kind_word",
    "message",
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
    # strengths of a contribution (dinnet.contract.model)
    "strong": _T("sterk", "strong"),
    "medium": _T("middel", "medium"),
    "weak": _T("zwak", "weak"),
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
    "amount": _T("bedrag", "amount", "bedragen", "amounts"),
    "not_in_text": _T("niet in tekst", "not in text", "niet in tekst", "not in text"),
    "year": _T("jaar", "year", "jaren", "years"),
    "change": _T("wijziging", "change", "wijzigingen", "changes"),
    "measurement": _T("meting", "measurement", "metingen", "measurements"),
    "realisation": _T("stand", "state", "standen", "states"),
    "status": _T("status", "status", "statussen", "statuses"),
    "file": _T("bestand", "file", "bestanden", "files"),
    "problem": _T("probleem", "problem", "problemen", "problems"),
    "din": _T("DIN", "DIN", "DIN's", "DINs"),
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
    "din.sheet": ("blad {page}", "page {page}"),
    # the key of a DIN on paper: one entry per convention the page uses
    "din.key": ("Legenda", "Key"),
    "din.key_inferred": ("afgeleid, niet letterlijk in de tekst",
                         "inferred, not stated in the text"),
    "din.key_delivers": ("levert een resultaat", "delivers a result"),
    "din.key_track": ("het hele spoor draagt bij", "the whole track contributes"),
    "din.key_stub": ("X staat op blad N", "X is on page N"),
    "din.key_outside": ("X staat buiten deze DIN", "X is outside this DIN"),
    "din.key_continued": ("meer inspanningen voor het verbonden doel",
                          "more efforts for the linked goal"),
    "din.open": ("open: bewust nog leeg", "open: deliberately empty"),
    "din.no_target": ("geen streefwaarde", "no target"),
    "din.legend": ("Bevindingen audit", "Audit findings"),
    "din.status_legend": ("Voortgang op {date}", "Progress on {date}"),
    "din.din": ("Doelen-Inspanningen-Netwerk", "Goals-efforts network"),
    "din.portfolio": ("Programma's en hun raakvlakken", "Programmes and their dependencies"),
    "din.not_loaded": ("niet geladen", "not loaded"),
    "din.one_sided": ("stippellijn: alleen door één kant genoemd", "dashed: stated by one side only"),
    # the charts (dinnet.render.charts)
    "chart.baseline": ("peilwaarde", "baseline"),
    "chart.target": ("streefwaarde", "target"),
    "chart.realised": ("realisatie", "realised"),
    "chart.expected": ("verwacht", "expected"),
    "chart.status": ("{status} op {date}", "{status} on {date}"),
    "chart.as_of": ("datum van de stand", "date of the status"),
    "chart.text_only": ("alleen in woorden", "in words only"),
    "chart.lines": ("som van de regels", "sum of the lines"),
    "chart.stated": ("totaal zoals gedrukt", "total as printed"),
    "chart.differs": ("wijkt af", "differs"),
    "chart.euro": ("euro", "euro"),
    "chart.budget": ("Budget per jaar", "Budget per year"),
    "chart.indicators": ("Indicatoren", "Indicators"),
    "chart.year": ("jaar", "year"),
    "chart.too_large": ("te groot om te tekenen", "too large to draw"),
    # the diff picture (dinnet.diff.draw)
    "diff.added": ("nieuw", "added"),
    "diff.removed": ("vervallen", "removed"),
    "diff.renamed": ("hernoemd", "renamed"),
    "diff.changed": ("gewijzigd", "changed"),
    "diff.target": ("streefwaarde gewijzigd", "target changed"),
    "diff.indicator": ("indicator gewijzigd", "indicator changed"),
    "diff.legend": ("Wijzigingen", "Changes"),
    "diff.none": ("geen wijzigingen", "no changes"),
    "diff.kind": ("soort", "kind"),
    "diff.id": ("id", "id"),
    "diff.label": ("naam", "label"),
    "diff.what": ("wat", "what"),
    "diff.before": ("was", "before"),
    "diff.after": ("wordt", "after"),
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
    # the Voortgang section (dinnet.report.monitoring)
    "report.progress": ("Voortgang", "Progress"),
    "report.progress_on": ("stand op", "as of"),
    "report.progress_hint": ("Elke indicator tegen de rechte lijn van peilwaarde naar "
                             "streefwaarde; een doel krijgt de slechtste bekende stand van de "
                             "indicatoren eronder.", "Each indicator against the straight line "
                             "from baseline to target; a goal takes the worst known status of "
                             "the indicators beneath it."),
    "report.progress_goals": ("Doelen", "Goals"),
    "report.progress_behind": ("Doelen die achter liggen, en wat er voor gedaan wordt",
                               "Goals behind schedule, and what is done about them"),
    "report.progress_none_behind": ("Geen doel ligt achter.", "No goal is behind schedule."),
    "report.progress_through": ("ligt achter door", "is behind through"),
    "report.progress_means": ("Wat er gedaan wordt", "What is done"),
    "report.progress_indicators": ("Stand van de indicatoren", "Status of the indicators"),
    "report.progress_realisation": ("Realisatie van inspanningen en projecten",
                                    "Realisation of efforts and projects"),
    "report.progress_no_reports": ("Over geen inspanning of project is iets gemeld.",
                                   "Nothing was reported on any effort or project."),
    "report.progress_status": ("Stand", "Status"),
    "report.progress_measured": ("Gemeten", "Measured"),
    "report.progress_date": ("Datum", "Date"),
    "report.progress_why": ("Toelichting", "Why"),
    "report.progress_element": ("Inspanning of project", "Effort or project"),
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
    "report.date": ("Datum", "Date"),
    "report.version": ("Versie", "Version"),
    "report.kenmerk": ("Kenmerk", "Reference"),
    "report.roles_source": ("Rollen: bron", "Roles: source"),
    "report.realised": ("Realisatie", "Realised"),
    "report.expected": ("Verwacht", "Expected"),
    "report.budget_in_words": ("Begroting alleen in woorden", "Budget in words only"),
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
    # the report's overview and the auditor's questions (issue 18)
    "report.skip_links": ('Snel naar', 'Skip to'),
    "report.skip_din": ('Naar het DIN van', 'Skip to the DIN of'),
    "report.skip_dins": ("Naar de lijst van DIN's", 'Skip to the list of DINs'),
    "report.overview_caption": ('Per programma: doelen, doelen zonder inspanning, bevindingen en '
                                'begroting',
                                'Per programme: goals, goals without effort, findings and budget'),
    "report.goals_without_effort": ('Zonder inspanning', 'Without effort'),
    "report.budget_state": ('Begroting', 'Budget'),
    "report.worst_findings": ('Ernstigste bevindingen', 'Most serious findings'),
    "report.din_index": ("DIN's", 'DINs'),
    "report.portfolio_hint": ('Ware grootte; schuif om de hele kaart te zien. Gestreept: een relatie '
                              'die maar één kant noemt.',
                              'Actual size; scroll to see the whole map. Dashed: a relation only one '
                              'side names.'),
    "report.q_gaps": ('Doelen zonder inspanning', 'Goals without effort'),
    "report.q_gaps_hint": ('Doelen waar geen inspanning aan bijdraagt, ook niet via een subdoel. Kies'
                           ' een programma.',
                           'Goals no effort contributes to, not even through a sub-goal. Choose a '
                           'programme.'),
    "report.open_goal": ('bewust open', 'deliberately open'),
    "report.all_goals_covered": ('Elk doel heeft een inspanning.', 'Every goal has an effort.'),
    "report.q_shared": ("Gedeeld tussen programma's", 'Shared across programmes'),
    "report.q_shared_hint": ("Inspanningen en indicatoren die aan doelen van meer programma's worden "
                             'toegerekend (dubbeltellingen), inspanningen met meer doelen, en '
                             "stakeholders die in meer programma's voorkomen.",
                             'Efforts and indicators credited to goals of several programmes (double '
                             'claims), efforts with several goals, and stakeholders named in several '
                             'programmes.'),
    "report.double_claims": ('Dubbeltellingen', 'Double claims'),
    "report.no_double_claims": ("Geen inspanning of indicator telt voor meer programma's.",
                                'No effort or indicator counts for several programmes.'),
    "report.shared_efforts_count": ('%d inspanningen dragen direct bij aan meer dan één doel (meestal'
                                    " binnen hun eigen programma); die over programma's heen staan "
                                    'hierboven.',
                                    '%d efforts contribute directly to more than one goal (mostly '
                                    'within their own programme); those across programmes are listed '
                                    'above.'),
    "report.claimed_by": ('Toegerekend aan', 'Credited to'),
    "report.effort": ('Inspanning', 'Effort'),
    "report.shared_stakeholders": ("Stakeholders in meer programma's", 'Stakeholders in several programmes'),
    "report.stakeholder": ('Stakeholder', 'Stakeholder'),
    "report.no_shared_stakeholders": ("Geen stakeholder komt in meer programma's voor.",
                                      'No stakeholder is named in several programmes.'),
    "report.q_budget": ('Begrotingen', 'Budgets'),
    "report.q_budget_hint": ('Het totaal zoals gedrukt naast de som van de regels, per tabel en jaar.'
                             ' Filter op een regel van de audit of op een programma.',
                             'The total as printed beside the sum of the lines, per table and year. '
                             'Filter by an audit rule or a programme.'),
    "report.all_rows": ('alle regels', 'all rows'),
    "report.rows_without_finding": ('zonder bevinding', 'without a finding'),
    "report.all_rules": ('alle regels', 'all rules'),
    "report.section_loading": ('Wordt uitgepakt…', 'Unpacking…'),
    "report.no_effort_behind": ('geen inspanning', 'no effort'),
    "report.no_indicator": ('geen indicator', 'no indicator'),
    "report.trajectory": ('Verloop', 'Trajectory'),
    "report.difference": ('Verschil', 'Difference'),
    "report.budget_ok": ('klopt', 'matches'),
    "report.budget_mismatch": ('klopt niet', 'does not match'),
    "report.budget_no_total": ('geen totaal gedrukt', 'no total printed'),
    "report.budget_approximate": ('totaal bij benadering', 'approximate total'),
    "report.no_budget_short": ('geen begroting', 'no budget'),
    "report.open_elsewhere": ('staat op een andere pagina', 'is on another page'),
    # the audit's messages (dinnet.audit.rules)
    "audit.goal_open": ("{level_term} '{label}' is bewust opengelaten (lege kolom): nog geen "
                        "inspanning",
                        "{level_term} '{label}' is deliberately left open (lege kolom): no "
                        "effort yet"),
    "audit.goal_without_effort": ("geen inspanning draagt bij aan {level_term} '{label}' of aan "
                                  "een subdoel ervan",
                                  "no effort contributes to {level_term} '{label}' or to any of "
                                  "its sub-goals"),
    "audit.goal_without_indicator": ("operationeel doel '{label}' heeft geen indicator en is dus "
                                     "niet meetbaar",
                                     "operational goal '{label}' has no indicator, so it cannot "
                                     "be measured"),
    "audit.strategic_without_operational": ("strategisch doel '{label}' heeft geen operationeel "
                                            "doel",
                                            "strategic goal '{label}' has no operational goal"),
    "audit.effort_without_goal": ("inspanning '{label}' draagt aan geen enkel doel bij",
                                  "effort '{label}' contributes to no goal"),
    "audit.project_without_effort": ("project '{label}' voert geen inspanning uit",
                                     "project '{label}' implements no effort"),
    "audit.inferred_link": ("het verband '{label}' {kind_term} {target} is afgeleid, niet in de "
                            "tekst genoemd{note}",
                            "the link '{label}' {kind_term} {target} is inferred, not stated in "
                            "the text{note}"),
    "audit.indicator_without_baseline": ("indicator '{label}' heeft geen peilwaarde",
                                         "indicator '{label}' has no baseline"),
    "audit.indicator_without_target": ("indicator '{label}' heeft geen streefwaarde",
                                       "indicator '{label}' has no target"),
    "audit.target_year_outside": ("streefjaar {years} valt buiten de periode {start}-{end}",
                                  "target year {years} outside the period {start}-{end}"),
    "audit.target_years_outside": ("streefjaren {years} vallen buiten de periode {start}-{end}",
                                   "target years {years} outside the period {start}-{end}"),
    "audit.against_direction": ("{said_phrase} vraagt om {direction_phrase}, maar de "
                                "streefwaarde voor {year} ({final_num}) ligt {side_phrase} de "
                                "peilwaarde {baseline_num}",
                                "{said_phrase} asks for {direction_phrase}, but the {year} "
                                "target {final_num} is {side_phrase} the baseline {baseline_num}"),
    "audit.said_direction": ("de opgegeven richting", "its direction"),
    "audit.said_wording": ("de formulering van het doel", "the goal's wording"),
    "audit.ask_decrease": ("een daling", "a decrease"),
    "audit.ask_increase": ("een stijging", "an increase"),
    "audit.above": ("boven", "above"),
    "audit.below": ("onder", "below"),
    "audit.target_not_numeric": ("indicator '{label}' heeft alleen streefwaarden in woorden "
                                 "({targets})",
                                 "indicator '{label}' has only text targets ({targets})"),
    "audit.budget_mismatch": ("{title} ({table}) {year}: gedrukt totaal {stated_num}, maar de "
                              "regels tellen op tot {recomputed_num} ({unit})",
                              "{title} ({table}) {year}: printed total {stated_num} but the "
                              "lines add up to {recomputed_num} ({unit})"),
    "audit.tables_disagree": ("'{a}' ({a_id}) en '{b}' ({b_id}) geven verschillende totalen: "
                              "{detail}",
                              "'{a}' ({a_id}) and '{b}' ({b_id}) give different totals: "
                              "{detail}"),
    "audit.totals_of_year": ("{year}: {a_amount} tegen {b_amount}",
                             "{year}: {a_amount} vs {b_amount}"),
    "audit.one_sided": ("{a} noemt {b} als raakvlak ({topics}), maar {b} noemt {a} niet",
                        "{a} names {b} as related ({topics}), but {b} does not name {a}"),
    "audit.no_topics": ("geen onderwerpen genoemd", "no topics named"),
    "audit.unresolved": ("verwijzing ({kind_term}) naar '{to}', dat niet geladen is",
                         "reference ({kind_term}) to '{to}', which is not loaded"),
    "audit.double_claiming": ("{kind_term} '{label}' wordt toegerekend aan doelen van {programmes}",
                              "{kind_term} '{label}' is credited to goals of {programmes}"),
    "audit.possible_duplicate": ("inspanning '{label}' lijkt op {other} '{other_label}' "
                                 "(gelijkenis {score_num})",
                                 "effort '{label}' looks like {other} '{other_label}' "
                                 "(similarity {score_num})"),
    "audit.missing": ("{what}: {reason_phrase}", "{what}: {reason_phrase}"),
    "audit.missing_in_section": ("{what} (paragraaf '{section}'): {reason_phrase}",
                                 "{what} (section '{section}'): {reason_phrase}"),
    "audit.reason_section_empty": ("de paragraaf is leeg", "the section is empty"),
    "audit.reason_in_image": ("het stond alleen in een figuur", "it was only in a figure"),
    "audit.reason_not_stated": ("de tekst vermeldt het niet", "the text does not state it"),
    "audit.programme_without_goals": ("programma '{label}' heeft geen doelen in de data",
                                      "programme '{label}' has no goals in its data"),
    "audit.and": ("{a}{b}", "{a}{b}"),
    "audit.so_without_goal": ("; daardoor zonder doel: {efforts}",
                              "; so without a goal: {efforts}"),
    "audit.not_measured": ("indicator '{label}': geen meting over {years} (jaren die voorbij "
                           "zijn op {as_of})", "indicator '{label}': no measurement for {years} "
                           "(years that have passed on {as_of})"),
    "audit.goal_behind": ("doel '{label}' loopt achter op {as_of}: {indicators}",
                          "goal '{label}' is behind schedule on {as_of}: {indicators}"),
    "audit.target_tbd": ("indicator '{label}': streefwaarde {years} nog te bepalen ({value})",
                         "indicator '{label}': target {years} to be determined ({value})"),
    "audit.approximate_total": ("{title} ({table}) {year}: het totaal is bij benadering "
                                "({approx} {stated_num}); de regels tellen op tot "
                                "{recomputed_num}, exact controleren kan niet",
                                "{title} ({table}) {year}: the total is approximate ({approx} "
                                "{stated_num}); the lines add up to {recomputed_num}, which "
                                "cannot be checked exactly"),
    # loading contracts (dinnet.io.loading)
    "load.nothing": ("niets (een lege waarde)", "nothing (an empty value)"),
    "load.boolean": ("de waarheidswaarde {value}", "the boolean {value}"),
    "load.number": ("het getal {value}", "the number {value}"),
    "load.mapping": ("een mapping (sleutels met waarden)", "a mapping"),
    "load.list": ("een lijst", "a list"),
    "load.missing": ("verplicht veld '{field}' ontbreekt", "required field '{field}' is missing"),
    "load.unknown_field": ("onbekend veld '{field}'", "unknown field '{field}'"),
    "load.unknown_field_close": ("onbekend veld '{field}'; bedoel je '{close}'?",
                                 "unknown field '{field}'; did you mean '{close}'?"),
    "load.unknown_field_allowed": ("onbekend veld '{field}'; toegestaan: {allowed}",
                                   "unknown field '{field}'; allowed: {allowed}"),
    "load.text": ("tekst verwacht, maar kreeg {got}", "expected text, got {got}"),
    "load.text_not_nothing": ("tekst verwacht, maar kreeg {got}; schrijf de tekst, of laat het "
                              "veld weg als die onbekend is",
                              "expected text, got {got}; write the text, or remove the field if "
                              "it is unknown"),
    "load.text_quote": ("tekst verwacht, maar kreeg {got}; zet de tekst tussen "
                        "aanhalingstekens, bijvoorbeeld \"{value}\"",
                        "expected text, got {got}; put the text in quotes, for example "
                        "\"{value}\""),
    "load.bad_id": ("{value} is geen geldig id: gebruik letters, cijfers, '.', '_' en '-', "
                    "beginnend met een letter of cijfer (geen spaties, geen dubbele punten){hint}",
                    "{value} is not a valid id: use letters, digits, '.', '_' and '-', starting "
                    "with a letter or digit (no spaces, no colons){hint}"),
    "load.bad_programme_id": ("{value} is geen geldig programma-id: gebruik kleine letters en "
                              "cijfers, woorden verbonden door één '-' (geen '--', geen '-' aan "
                              "het begin of eind){hint}",
                              "{value} is not a valid programme id: use lower-case letters and "
                              "digits, words joined by one '-' (no '--', no '-' at the start or "
                              "end){hint}"),
    "load.bad_ref": ("{value} is geen geldige verwijzing: schrijf 'id' of 'programma:id' (geen "
                     "spaties){hint}",
                     "{value} is not a valid reference: write 'id' or 'programme:id' (no "
                     "spaces){hint}"),
    "load.odd_characters": ("; het bevat {chars}: wis of typ het opnieuw",
                            "; it holds {chars}: delete or retype it"),
    "load.did_you_mean": ("; bedoel je '{close}'?", "; did you mean '{close}'?"),
    # numbers (dinnet.contract.numbers)
    "number.too_long": ("een getal van {length_amount} tekens is te lang (hoogstens {most}); "
                        "controleer de waarde, of zet tekst tussen aanhalingstekens",
                        "a number of {length_amount} characters is too long (at most {most}); "
                        "check the value, or put text in quotes"),
    "number.ambiguous": ("{text} is dubbelzinnig (YAML leest {yaml}, Nederlands {whole}): schrijf "
                         "{whole}, of \"{text}\" tussen aanhalingstekens om het op zijn Nederlands "
                         "te laten lezen, of {yaml} als dat bedoeld is",
                         "{text} is ambiguous (YAML reads {yaml}, Dutch {whole}): write {whole}, "
                         "or \"{text}\" in quotes to have it read the Dutch way, or {yaml} if that "
                         "is meant"),
    "number.ambiguous_comma": ("{text} is dubbelzinnig (Nederlands leest {dutch}, Engels {whole}): "
                               "schrijf {whole}, of {dutch}, of \"{text}\" tussen aanhalingstekens "
                               "om het op zijn Nederlands te laten lezen",
                               "{text} is ambiguous (Dutch reads {dutch}, English {whole}): write "
                               "{whole}, or {dutch}, or \"{text}\" in quotes to have it read the "
                               "Dutch way"),
    "number.not_finite": ("{text} is geen eindig getal; schrijf een getal onder 1e308",
                          "{text} is not a finite number; write a number below 1e308"),
    "number.not_finite_text": ("{text} is geen eindig getal; schrijf het getal zoals het gedrukt "
                               "staat, of tekst in een tekstveld",
                               "{text} is not a finite number; write the number as printed, or "
                               "text in a text field"),
    "number.boolean": ("getal verwacht, maar kreeg de waarheidswaarde {value}",
                       "expected a number, got the boolean {value}"),
    "number.not_a_number": ("{value} is geen getal; schrijf een kaal getal met een punt als "
                            "decimaalteken (1250.5), of Nederlandse tekst tussen aanhalingstekens "
                            "(\"1.250,50\", \"€ 200.000\")",
                            "{value} is not a number; write a plain number with a dot as decimal "
                            "sign (1250.5), or Dutch text in quotes (\"1.250,50\", \"€ 200.000\")"),
    "number.percentage": ("{value} is een percentage, geen bedrag; schrijf het bedrag",
                          "{value} is a percentage, not an amount; write the amount"),
    "number.approximate": ("{value} is bij benadering; schrijf {number} (alleen bedragen per jaar, "
                           "totalen en indicatorwaarden kunnen als benadering gemarkeerd worden)",
                           "{value} is approximate; write {number} (only per-year amounts, totals "
                           "and indicator values can be marked approximate)"),
    "number.mark_without_number": ("{years} gemarkeerd als benadering, maar in {what_phrase} "
                                   "staat voor dat jaar geen getal; schrijf het getal, of haal "
                                   "de markering weg",
                                   "{years} marked approximate, but there is no number for that "
                                   "year in {what_phrase}; write the number, or remove the mark"),
    "number.baseline_mark_without_number": ("de nulmeting is gemarkeerd als benadering ({mark}), "
                                            "maar is geen getal; schrijf het getal, of haal de "
                                            "markering weg",
                                            "the baseline is marked approximate ({mark}), but is "
                                            "no number; write the number, or remove the mark"),
    "number.of_targets": ("de streefwaarden", "the targets"),
    "number.of_expected": ("de verwachte waarden", "the expected values"),
    "number.of_realised": ("de gerealiseerde waarden", "the realised values"),
    "number.of_budget": ("de begroting", "the budget"),
    "number.of_line": ("de regel", "the line"),
    "number.of_stated_totals": ("de gedrukte totalen", "the stated totals"),
    "load.expected_mapping": ("een mapping (sleutels met waarden) verwacht, maar kreeg {got}",
                              "expected a mapping (keys with values), got {got}"),
    "load.expected_list": ("een lijst verwacht, maar kreeg {got}", "expected a list, got {got}"),
    "load.expected_boolean": ("true of false verwacht, maar kreeg {got}",
                              "expected true or false, got {got}"),
    "load.bound_le": ("ten hoogste {limit} verwacht, maar kreeg {got}",
                      "expected at most {limit}, got {got}"),
    "load.bound_lt": ("minder dan {limit} verwacht, maar kreeg {got}",
                      "expected less than {limit}, got {got}"),
    "load.bound_ge": ("ten minste {limit} verwacht, maar kreeg {got}",
                      "expected at least {limit}, got {got}"),
    "load.bound_gt": ("meer dan {limit} verwacht, maar kreeg {got}",
                      "expected more than {limit}, got {got}"),
    "load.empty_text": ("lege tekst; schrijf de tekst, of laat het veld weg als het niet "
                        "verplicht is", "empty text; write the text, or leave the field out if "
                        "it is optional"),
    "load.min_length_text": ("tekst van ten minste {length} teken(s) verwacht, maar kreeg {got}",
                             "expected text of at least {length} character(s), got {got}"),
    "load.max_length_text": ("tekst van ten hoogste {length} tekens verwacht, maar kreeg {got}",
                             "expected text of at most {length} characters, got {got}"),
    "load.min_length_items": ("ten minste {length} element(en) verwacht, maar kreeg {got}",
                              "expected at least {length} item(s), got {got}"),
    "load.max_length_items": ("ten hoogste {length} elementen verwacht, maar kreeg {got}",
                              "expected at most {length} items, got {got}"),
    "load.one_of_close": ("{choices} verwacht, maar kreeg {got}; bedoel je {close}?",
                          "expected {choices}, got {got}; did you mean {close}?"),
    "load.one_of": ("{choices} verwacht, maar kreeg {got}", "expected {choices}, got {got}"),
    "load.number_expected": ("getal verwacht, maar kreeg {got}", "expected a number, got {got}"),
    "load.number_comma": ("getal verwacht, maar kreeg {got}; schrijf getallen met een punt als "
                          "decimaalteken en zonder scheidingstekens voor duizendtallen",
                          "expected a number, got {got}; write numbers with a dot as decimal "
                          "sign and no thousands separators"),
    "load.whole_number": ("heel getal (een jaar) verwacht, maar kreeg {got}",
                          "expected a whole number (a year), got {got}"),
    "load.not_a_contract": ("een contract is een mapping die begint met 'programme:', niet {got}",
                            "a contract is a mapping that starts with 'programme:', not {got}"),
    "load.first_defined": ("{said} (eerst gedefinieerd op regel {line})",
                           "{said} (first defined at line {line})"),
    "load.programme_twice": ("programma-id '{pid}' wordt ook gebruikt door {file}:{line}:{column}; "
                             "geef elk programma een eigen id",
                             "programme id '{pid}' is also used by {file}:{line}:{column}; give "
                             "each programme its own id"),
    "load.not_loaded": ("'{prog}:{local}' verwijst naar programma '{prog}', dat niet geladen is; "
                        "bewaard als onopgeloste verwijzing",
                        "'{prog}:{local}' refers to programme '{prog}', which is not loaded; "
                        "kept as an unresolved reference"),
    "load.unknown_in": ("onbekende verwijzing naar {kinds_terms} '{local}' in programma "
                        "'{prog}'{hint}",
                        "unknown {kinds_terms} '{local}' in programme '{prog}'{hint}"),
    # measurements (dinnet.contract.measurements, dinnet.io.measurements)
    "meas.year_and_date": ("schrijf year (een jaar: 31 december) of date (een datum), niet "
                           "allebei", "write year (a year: 31 December) or date (a day), not "
                           "both"),
    "meas.no_when": ("verplicht veld 'year' of 'date' ontbreekt: schrijf year: 2024 of date: "
                     "2024-06-30", "required field 'year' or 'date' is missing: write year: "
                     "2024 or date: 2024-06-30"),
    "meas.not_a_number": ("{value} is geen getal: schrijf een getal (1250.5, of Nederlands "
                          "\"1.250,5\" tussen aanhalingstekens) of n.t.b.; een toelichting "
                          "hoort in note", "{value} is not a number: write a number (1250.5, "
                          "or Dutch \"1.250,5\" in quotes) or n.t.b.; a remark goes in note"),
    "meas.approx_text": ("alleen een getal kan bij benadering zijn; schrijf het getal, of laat "
                         "approximate weg", "only a number can be approximate; write the "
                         "number, or remove approximate"),
    "meas.effort_or_project": ("schrijf effort: (een inspanning) of project: (een project), "
                               "precies één van beide", "write effort: (an effort) or "
                               "project: (a project), exactly one of them"),
    "meas.not_a_set": ("een meetbestand is een mapping met 'measurements:' en/of "
                       "'realisations:', niet {got}", "a measurements file is a mapping with "
                       "'measurements:' and/or 'realisations:', not {got}"),
    "meas.no_programme": ("'{ref}' noemt geen programma: schrijf 'programma:{ref}', of zet "
                          "'programme:' bovenaan het bestand", "'{ref}' names no programme: "
                          "write 'programme:{ref}', or put 'programme:' at the top of the file"),
    "meas.unknown_programme": ("programma '{prog}' is niet geladen (geladen: {known}); laad "
                               "zijn contract mee of corrigeer de verwijzing{hint}",
                               "programme '{prog}' is not loaded (loaded: {known}); load its "
                               "contract too or correct the reference{hint}"),
    "meas.unknown_ref": ("onbekende {kinds_terms} '{local}' in programma '{prog}'{hint}",
                         "unknown {kinds_terms} '{local}' in programme '{prog}'{hint}"),
    "meas.wrong_kind": ("'{ref}' is van de soort {found_term}; verwacht: {kinds_terms}",
                        "'{ref}' is of the kind {found_term}; expected: {kinds_terms}"),
    "meas.bad_date": ("{value} is geen datum: schrijf 2025-06-30 of 30-6-2025",
                      "{value} is not a date: write 2025-06-30 or 30-6-2025"),
    "meas.state": ("stand", "state"),
    "meas.state_realised": ("gerealiseerd", "realised"),
    "meas.state_partly": ("deels gerealiseerd of vertraagd", "partly realised or delayed"),
    "meas.state_not_realised": ("niet gerealiseerd", "not realised"),
    "meas.explanation": ("toelichting", "explanation"),
    "meas.none": ("niets gemeld", "nothing reported"),
    "meas.twice": ("{node} {date} ({kind_phrase}) staat al op {first} als {old}; geef één "
                   "waarde per datum, of vergelijk twee meetmomenten met dinnet diff",
                   "{node} {date} ({kind_phrase}) is already given at {first} as {old}; give "
                   "one value per date, or compare two moments with dinnet diff"),
    # measurements from a table (dinnet.io.measurements_import)
    "imp.unknown_column": ("onbekende kolom '{name}'{hint} (bekend: {known})",
                           "unknown column '{name}'{hint} (known: {known})"),
    "imp.row_what": ("een rij noemt een indicator (een meting) of een inspanning of project "
                     "(een stand), niet geen en niet allebei",
                     "a row names an indicator (a measurement) or an effort or project (a "
                     "state), not none and not both"),
    "imp.state_value": ("een rij van een inspanning of project heeft een stand, geen waarde; "
                        "zet de waarde in een rij van een indicator",
                        "a row of an effort or project has a state, not a value; put the value "
                        "in a row of an indicator"),
    "imp.not_number_nl": ("'{value}' is geen getal zoals een ;-bestand het schrijft: schrijf "
                          "1.250,5 of 12,5 (komma als decimaalteken) of n.t.b.",
                          "'{value}' is not a number as a ;-separated file writes it: write "
                          "1.250,5 or 12,5 (comma as decimal sign) or n.t.b."),
    "imp.not_number_plain": ("'{value}' is geen getal zoals een ,-bestand het schrijft: schrijf "
                             "1250.5 (punt als decimaalteken, geen scheiding van duizendtallen) "
                             "of n.t.b.; Nederlandse getallen horen in een bestand met ;",
                             "'{value}' is not a number as a ,-separated file writes it: write "
                             "1250.5 (dot as decimal sign, no thousands separators) or n.t.b.; "
                             "Dutch numbers belong in a ;-separated file"),
    "imp.not_number_cell": ("'{value}' is geen getal: zet het getal in een getalcel, of "
                            "schrijf het Nederlands (1.250,5) of n.t.b.",
                            "'{value}' is not a number: put the number in a number cell, or "
                            "write it the Dutch way (1.250,5) or n.t.b."),
    "imp.plain_problem": ("{problem}", "{problem}"),
    "imp.bad_word": ("'{value}' is geen geldige {column}; kies uit {allowed}",
                     "'{value}' is not a valid {column}; choose from {allowed}"),
    "imp.bad_year": ("'{value}' is geen jaar; schrijf het jaar in cijfers (2024)",
                     "'{value}' is not a year; write the year in digits (2024)"),
    "imp.encoding": ("geen UTF-8-tekst; sla het bestand op als 'CSV UTF-8'",
                     "not UTF-8 text; save the file as 'CSV UTF-8'"),
    "imp.not_xlsx": ("geen leesbare .xlsx-werkmap ({detail})",
                     "not a readable .xlsx workbook ({detail})"),
    "imp.format": ("{path}: onbekend formaat {suffix}; geef een .csv- of .xlsx-bestand",
                   "{path}: unknown format {suffix}; give a .csv or .xlsx file"),
    "imp.no_rows": ("geen rijen met metingen of standen gevonden",
                    "no rows of measurements or states found"),
    "imp.too_many_rows": ("meer dan {limit} rijen; splits het bestand, of verhoog {setting}",
                          "more than {limit} rows; split the file, or raise {setting}"),
    # reading YAML (dinnet.io.yamlread); PyYAML's own words stay English
    "yaml.syntax": ("YAML-syntaxfout: {detail}", "{detail}"),
    "yaml.too_deep": ("te diep genest ({detail}); een contract heeft hooguit {depth} niveaus "
                      "nodig (controleer het inspringen)",
                      "nested too deeply ({detail}); a contract needs at most {depth} levels "
                      "(check the indentation)"),
    "yaml.too_deep_plain": ("te diep genest (meer dan {depth} niveaus)",
                            "nested too deeply (more than {depth} levels)"),
    "yaml.documents": ("het bestand bevat meer dan één YAML-document ('---'); houd één contract "
                       "per bestand",
                       "the file holds more than one YAML document ('---'); keep one contract "
                       "per file"),
    "yaml.tab_indents": ("een tab springt deze regel in ({detail}); YAML springt alleen in met "
                         "spaties: vervang de tab door spaties",
                         "a tab character indents this line ({detail}); YAML indents with spaces "
                         "only: replace the tab by spaces"),
    "yaml.tab_in_line": ("er staat een tab in deze regel ({detail}); YAML springt alleen in met "
                         "spaties: vervang de tab door spaties",
                         "a tab character stands in this line ({detail}); YAML indents with "
                         "spaces only: replace the tab by spaces"),
    "yaml.empty": ("het bestand is leeg; een contract is een mapping die begint met "
                   "'programme:'",
                   "the file is empty; a contract is a mapping that starts with 'programme:'"),
    "yaml.too_large": ("bestand is {size_amount} bytes, meer dan de grens van {limit_amount}; "
                       "splits het in één bestand per programma",
                       "file is {size_amount} bytes, more than the limit of {limit_amount}; "
                       "split it into one file per programme"),
    "yaml.too_large_stream": ("bestand is meer dan {limit_amount} bytes, de grens; splits het in "
                              "één bestand per programma",
                              "file is more than {limit_amount} bytes, the limit; split it into "
                              "one file per programme"),
    "yaml.unreadable": ("het bestand kan niet gelezen worden ({reason}); controleer de "
                        "rechten",
                        "cannot read the file ({reason}); check its permissions"),
    "yaml.bad_utf16": ("het bestand begint als UTF-16 maar is geen geldige UTF-16; sla het op "
                       "als UTF-8",
                       "the file starts as UTF-16 but is not valid UTF-16; save the file as "
                       "UTF-8"),
    "yaml.nul": ("het bestand bevat NUL-bytes: het lijkt UTF-16 of UTF-32 zonder byte order "
                 "mark, of helemaal geen tekst; sla het op als UTF-8",
                 "the file holds NUL bytes: it looks like UTF-16 or UTF-32 without a byte "
                 "order mark, or not text at all; save the file as UTF-8"),
    "yaml.not_utf8": ("byte {byte} is geen UTF-8; sla het bestand op als UTF-8",
                      "byte {byte} is not UTF-8; save the file as UTF-8"),
    "yaml.not_utf8_cp1252": ("byte {byte} is geen UTF-8 (het lijkt Windows-1252, zoals Word of "
                             "Excel opslaat); sla het bestand op als UTF-8",
                             "byte {byte} is not UTF-8 (it looks like Windows-1252, as saved by "
                             "Word or Excel); save the file as UTF-8"),
    "yaml.control": ("stuurteken {char} (geplakt uit Word of e-mail?); wis het of typ de tekst "
                     "opnieuw",
                     "control character {char} (pasted from Word or e-mail?); delete it or "
                     "retype the text"),
    "yaml.alias_text": ("aliassen vergroten dit document tot meer dan {limit_amount} tekens "
                        "tekst (het bestand bevat er {length_amount}; een aliasbom?); schrijf de "
                        "tekst uit, of verhoog de grens {name} (zet DINNET_{name})",
                        "aliases expand this document to more than {limit_amount} characters "
                        "of text (the file holds {length_amount}; an alias bomb?); write the "
                        "text out instead, or raise the limit {name} (set DINNET_{name} to "
                        "raise it)"),
    "yaml.alias_values": ("aliassen vergroten dit document tot meer dan {limit_amount} waarden "
                          "(een aliasbom?); schrijf de waarden uit",
                          "aliases expand this document to more than {limit_amount} values (an "
                          "alias bomb?); write the values out instead"),
    "yaml.alias_cycle": ("een alias verwijst naar een mapping of lijst die hem zelf bevat; haal "
                         "de kringloop weg",
                         "an alias refers to a mapping or list that contains it; remove the "
                         "cycle"),
    "yaml.tag": ("YAML-tag {tag} is niet toegestaan; contracten bevatten alleen tekst, "
                 "getallen, lijsten en mappings",
                 "YAML tag {tag} is not allowed; contracts hold only text, numbers, lists and "
                 "mappings"),
    "yaml.nested": ("meer dan {depth} niveaus diep genest; een contract heeft er veel minder "
                    "nodig (controleer het inspringen)",
                    "nested more than {depth} levels deep; a contract needs far fewer (check "
                    "the indentation)"),
    "yaml.merge_key": ("samenvoegsleutels ('<<') worden niet ondersteund; schrijf de velden uit",
                       "merge keys ('<<') are not supported; write the fields out"),
    "yaml.complex_key": ("een sleutel moet gewone tekst zijn, geen lijst of mapping",
                         "a key must be plain text, not a list or mapping"),
    "yaml.duplicate_key": ("dubbele sleutel {key} (eerst op regel {line}); houd er één",
                           "duplicate key {key} (first at line {line}); keep one of them"),
    # the model's own checks (dinnet.contract.model)
    "model.source_long": ("bron is {length_amount} tekens lang, meer dan {limit}; schrijf "
                          "'bestand:regel' of 'bestand:begin-eind' (bijvoorbeeld "
                          "'07-zorg.txt:120-134')",
                          "source is {length_amount} characters long, more than {limit}; write "
                          "'file:line' or 'file:start-end' (for example '07-zorg.txt:120-134')"),
    "model.source_form": ("bron {shown} is niet 'bestand:regel' of 'bestand:begin-eind', met "
                          "regels vanaf 1 (bijvoorbeeld '07-zorg.txt:120-134')",
                          "source {shown} is not 'file:line' or 'file:start-end', with lines "
                          "from 1 (for example '07-zorg.txt:120-134')"),
    "model.source_range": ("bronbereik {start}-{end} eindigt voordat het begint",
                           "source range {start}-{end} ends before it starts"),
    "model.period": ("de periode eindigt ({end}) voordat die begint ({start})",
                     "period ends ({end}) before it starts ({start})"),
    # references inside a contract (dinnet.contract.references)
    "ref.none_defined": ("geen gedefinieerd", "none defined"),
    "ref.known_many": ("{shown}, ... ({n} in totaal)", "{shown}, ... ({n} in all)"),
    "ref.or": ("{a} of {b}", "{a} or {b}"),
    "ref.wrong_kind": ("'{local}' is een {kind_term}, geen {wanted_terms}",
                       "'{local}' is {article} {kind_term}, not {other} {wanted_terms}"),
    "ref.unknown": ("onbekende verwijzing naar {wanted_terms} '{local}' (bekend: {known})",
                    "unknown {wanted_terms} '{local}' (known: {known})"),
    "ref.unknown_hint": ("onbekende verwijzing naar {wanted_terms} '{local}' (bekend: {known}); "
                         "{hint}",
                         "unknown {wanted_terms} '{local}' (known: {known}); {hint}"),
    "ref.duplicate": ("dubbel id '{local}'", "duplicate id '{local}'"),
    "ref.level_under": ("een {sub_term} kan niet onder {goal_term} '{id}' staan; zet het hoger "
                        "of verbeter het niveau",
                        "a {sub_term} cannot sit under the {goal_term} '{id}'; move it up or "
                        "correct its level"),
    "ref.level_refines": ("een {goal_term} kan {other_term} '{id}' niet uitwerken; verbeter een "
                          "van de niveaus",
                          "a {goal_term} cannot refine the {other_term} '{id}'; correct one of "
                          "the levels"),
    "ref.refines_self": ("doel '{id}' kan zichzelf niet uitwerken; haal '{id}' uit refines",
                         "goal '{id}' cannot refine itself; remove '{id}' from refines"),
    "ref.refines_cycle": ("refines maakt een kring ({way}): het doel hangt dan nergens aan; "
                          "haal een van deze verwijzingen weg",
                          "refines makes a cycle ({way}): the goal would hang from nothing; "
                          "remove one of these links"),
    "ref.self_dependency": ("een programma kan geen raakvlak met zichzelf hebben",
                            "a programme cannot depend on itself"),
    # errors that are not about one place in a contract (dinnet.errors.DinnetError.of)
    "error.no_path": ("{path}: bestand of map bestaat niet", "{path}: no such file or folder"),
    "error.no_sources": ("{path}: map bestaat niet (--sources wil de map met de brontekst)",
                         "{path}: no such folder (--sources needs the folder of the source "
                         "texts)"),
    "sources.no_file": ("bronbestand '{file}' staat niet in {folder}",
                        "source file '{file}' is not in {folder}"),
    "sources.past_end": ("bron {source} noemt regel {line}, maar '{file}' heeft {count} regels",
                         "source {source} cites line {line}, but '{file}' has {count} lines"),
    "sources.label": ("'{label}' staat niet in {source}; verbeter de bron of het label",
                      "'{label}' does not stand in {source}; correct the source or the label"),
    "error.no_yaml": ("geen .yaml-bestanden gevonden in {paths}", "no .yaml files found in {paths}"),
    "error.no_node": ("element {node} staat niet in de graaf (ids zijn 'programma:id'){hint}",
                      "node {node} is not in the graph (ids are 'programme:id'){hint}"),
    "error.did_you_mean": ("; bedoel je {ids}?", "; did you mean {ids}?"),
    "error.impact_kind": ("impact vraagt een inspanning, project of spoor; {node} is een "
                          "{kind_term}",
                          "impact needs an effort, a project or a track; {node} is a "
                          "{kind_term}"),
    "error.status_kind": ("{node} is een element van de soort {kind_term}; deze vraag wil "
                          "een {wanted_terms}", "{node} is a node of kind {kind_term}; this "
                          "question needs: {wanted_terms}"),
    "error.csv_two_files": ("csv-export schrijft bestanden: geef -o BESTAND.csv, -o MAP of "
                            "-o BESTAND.zip",
                            "csv export writes files: give -o FILE.csv, -o FOLDER or -o FILE.zip"),
    "error.export_suffix": ("{path}: de extensie {suffix} betekent {implied}, niet --format {fmt}; "
                            "laat --format weg of kies een andere extensie",
                            "{path}: the suffix {suffix} means {implied}, not --format {fmt}; "
                            "drop --format or change the suffix"),
    "error.export_unknown_suffix": ("{path}: onbekende extensie {suffix}; gebruik .json, .graphml, "
                                    ".gexf, .csv, .zip (csv-tabellen) of een map, of geef --format",
                                    "{path}: unknown suffix {suffix}; use .json, .graphml, .gexf, "
                                    ".csv, .zip (csv tables) or a folder, or give --format"),
    "error.exists": ("{path}: bestaat al; kies een andere -o",
                     "{path}: already exists; choose another -o"),
    "error.slash": ("{path}: eindigt op '/', dus het is een map; geef een bestandsnaam (zoals "
                    "{example})",
                    "{path}: ends with '/', so it names a folder; give a file name (such as "
                    "{example})"),
    "error.input_file": ("{path}: een invoerbestand wordt niet overschreven; kies een andere -o",
                         "{path}: refusing to overwrite an input file; choose another -o"),
    "error.yaml_file": ("{path}: een YAML-bestand wordt niet overschreven; kies een andere -o",
                        "{path}: refusing to overwrite a YAML file; choose another -o"),
    "error.symlink": ("{path}: is een symbolische koppeling; die wordt niet vervangen, kies een "
                      "andere -o",
                      "{path}: is a symbolic link; refusing to replace it, choose another -o"),
    "error.is_folder": ("{path}: is een map; geef een bestandsnaam",
                        "{path}: is a folder; give a file name"),
    "error.not_regular": ("{path}: is geen gewoon bestand (een apparaat of een pipe); dat wordt "
                          "niet vervangen: kies een andere -o, of -o - voor standaarduitvoer",
                          "{path}: is not a regular file (a device or a pipe); refusing to "
                          "replace it: choose another -o, or -o - for standard output"),
    "error.cannot_write_here": ("{path}: hier kan niet geschreven worden ({reason})",
                                "{path}: cannot write here ({reason})"),
    "error.cannot_write": ("{path}: schrijven mislukt ({reason}); het vorige bestand, als dat "
                           "er was, is ongewijzigd",
                           "{path}: cannot write ({reason}); the previous file, if any, is "
                           "unchanged"),
    "error.stdout_several": ("{n} diagrammen kunnen niet naar standaarduitvoer; geef een map met "
                             "-o",
                             "{n} diagrams cannot go to standard output; give a folder with -o"),
    "error.folder_needed": ("{path}: {n} diagrammen hebben een map nodig, geen bestandsnaam",
                            "{path}: {n} diagrams need a folder, not a file name"),
    "error.nothing_to_draw": ("niets te tekenen", "nothing to draw"),
    "error.nothing_in_new": ("niets te tekenen: de nieuwe versie bevat geen programma",
                             "nothing to draw: the new version holds no programme"),
    "error.unknown_programme": ("onbekend programma '{programme}' (bekend: {known})",
                                "unknown programme '{programme}' (known: {known})"),
    "error.not_a_strategic_goal": ("'{goal}' is geen doel van programma '{programme}' "
                                   "(strategische doelen: {known})",
                                   "'{goal}' is not a goal of programme '{programme}' "
                                   "(strategic goals: {known})"),
    "error.none_known": ("geen", "none"),
    "error.unknown_paper": ("onbekend papierformaat '{size}'; kies uit: {sizes}",
                            "unknown page size '{size}'; use one of: {sizes}"),
    "error.page_does_not_fit": ("{programme}: blad {page} past niet op {where}",
                                "{programme}: page {page} does not fit {where}"),
    "error.fits_paper": ("{size} {orientation_phrase} met tekst van {pt} pt of groter; kies een "
                         "groter blad of liggend",
                         "{size} {orientation_phrase} with text of {pt} pt or more; use a larger "
                         "page or landscape"),
    "error.fits_screen": ("{width} px met tekst van {px} px of groter",
                          "{width} px with text of {px} px or more"),
    "error.portrait": ("staand", "portrait"),
    "error.landscape": ("liggend", "landscape"),
    "error.pdf_needs_pypdf": ("een PDF van meer bladen vraagt het pakket pypdf: {install}",
                              "writing a multi-page PDF needs pypdf: {install}"),
    "error.needs_extra": ("{purpose_phrase} vragen het optionele pakket {package}: {install}",
                          "{purpose_phrase} need the optional package {package}: {install}"),
    "extra.charts": ("grafieken", "charts"),
    "extra.xlsx": ("spreadsheets", "spreadsheets"),
    "extra.pandas": ("DataFrames", "DataFrames"),
    "extra.pdf": ("PDF's van meer bladen", "multi-page PDFs"),
    "error.disk_full": ("de schijf is vol; maak ruimte vrij of kies een andere -o",
                        "the disk is full; free some space or choose another -o"),
    "error.not_allowed": ("{reason}; kies een andere -o", "{reason}; choose another -o"),
    "error.folder_unreadable": ("kan deze map niet lezen ({reason}); controleer de rechten, of "
                                "laat de map weg",
                                "cannot read this folder ({reason}); check its permissions, or "
                                "leave it out"),
    "error.dot_not_started": ("Graphviz 'dot' kon niet starten: {reason}",
                              "Graphviz 'dot' could not be started: {reason}"),
    "error.dot_too_slow": ("Graphviz 'dot' had meer dan {seconds_num} s nodig en is gestopt; "
                           "{hint}",
                           "Graphviz 'dot' took longer than {seconds_num} s and was stopped; "
                           "{hint}"),
    "error.dot_failed": ("Graphviz 'dot' is mislukt (afsluitcode {code}): {detail}",
                         "Graphviz 'dot' failed (exit code {code}): {detail}"),
    "error.too_large": ("de tekening is te groot voor Graphviz; teken minder programma's tegelijk",
                        "the drawing is too large for Graphviz; draw fewer programmes at a time"),
    "error.din_too_large": ("het diagram is te groot voor Graphviz; teken één programma "
                            "(--programme) of één strategisch doel (--by-strategic-goal) tegelijk",
                            "the diagram is too large for Graphviz; draw one programme "
                            "(--programme) or one strategic goal (--by-strategic-goal) at a time"),
    "error.map_too_large": ("de kaart is te groot voor Graphviz; geef minder contracten (de "
                            "programma's waarvan je de relaties wilt zien)",
                            "the map is too large for Graphviz; give fewer contracts (the "
                            "programmes whose relations you want to see)"),
    "cli.one_stdin": ("maar één van OUD en NIEUW kan - (standaardinvoer) zijn",
                      "only one of OLD and NEW can be - (standard input)"),
    "cli.portrait_needs_page": ("--portrait vraagt --page a4 of --page a3",
                                "--portrait needs --page a4 or --page a3"),
    "cli.as_of_needs_status": ("--as-of vraagt --status", "--as-of needs --status"),
    "cli.status_or_gaps": ("teken --status of --highlight-gaps, niet allebei",
                           "draw --status or --highlight-gaps, not both"),
    "cli.page_splits_itself": ("--page splitst zelf per strategisch doel; laat "
                               "--by-strategic-goal weg",
                               "--page splits by strategic goal itself; leave out "
                               "--by-strategic-goal"),
    # click's own words (dinnet.cli.clickwords): the English text is click's message exactly
    "click.usage": ("Gebruik:", "Usage:"),
    "click.try": ("Probeer '{command} {option}' voor hulp.", "Try '{command} {option}' for help."),
    "click.error": ("Fout: {message}", "Error: {message}"),
    "click.invalid_for": ("Ongeldige waarde voor {param_hint}: {message}",
                          "Invalid value for {param_hint}: {message}"),
    "click.invalid": ("Ongeldige waarde: {message}", "Invalid value: {message}"),
    "click.missing_argument": ("Argument ontbreekt", "Missing argument"),
    "click.missing_option": ("Optie ontbreekt", "Missing option"),
    "click.missing_parameter": ("Parameter ontbreekt", "Missing parameter"),
    "click.missing_parameter_named": ("Parameter ontbreekt: {param_name}",
                                      "Missing parameter: {param_name}"),
    "click.missing_type": ("{param_type} ontbreekt", "Missing {param_type}"),
    "click.missing_command": ("Opdracht ontbreekt.", "Missing command."),
    "click.no_command": ("opdracht {name!r} bestaat niet.", "No such command {name!r}."),
    "click.no_option": ("optie {name!r} bestaat niet.", "No such option {name!r}."),
    "click.no_value": ("optie {name!r} neemt geen waarde.", "Option {name!r} does not take a value."),
    "click.needs_argument": ("optie {name!r} vraagt een waarde.",
                             "Option {name!r} requires an argument."),
    "click.needs_arguments": ("optie {name!r} vraagt {nargs} waarden.",
                              "Option {name!r} requires {nargs} arguments."),
    "click.extra_argument": ("onverwacht extra argument ({args})",
                             "Got unexpected extra argument ({args})"),
    "click.extra_arguments": ("onverwachte extra argumenten ({args})",
                              "Got unexpected extra arguments ({args})"),
    "click.did_you_mean": ("Bedoel je {possibility}?", "Did you mean {possibility}?"),
    "click.did_you_mean_one": ("(Bedoel je een van: {possibilities}?)",
                               "(Did you mean one of: {possibilities}?)"),
    "click.not_choice": ("{value!r} is niet {choice}.", "{value!r} is not {choice}."),
    "click.not_one_of": ("{value!r} is niet een van {choices}.",
                         "{value!r} is not one of {choices}."),
    "click.not_number": ("{value!r} is geen geldig getal ({number_type}).",
                         "{value!r} is not a valid {number_type}."),
    "click.not_in_range": ("{value} ligt niet in het bereik {range}.",
                           "{value} is not in the range {range}."),
    "click.path_missing": ("{filename!r} bestaat niet.", "{name} {filename!r} does not exist."),
    "click.path_is_folder": ("{filename!r} is een map.", "{name} {filename!r} is a directory."),
    "click.path_is_file": ("{filename!r} is een bestand.", "{name} {filename!r} is a file."),
    "click.path_unreadable": ("{filename!r} is niet leesbaar.",
                              "{name} {filename!r} is not readable."),
    "click.path_unwritable": ("{filename!r} is niet schrijfbaar.",
                              "{name} {filename!r} is not writable."),
    "click.cannot_open": ("Kan bestand {filename!r} niet openen: {message}",
                          "Could not open file {filename!r}: {message}"),
    "click.aborted": ("Afgebroken!", "Aborted!"),
    "click.options": ("Opties", "Options"),
    "click.commands": ("Opdrachten", "Commands"),
    "progress.loading": ("laden", "loading"),
    "progress.drawing": ("tekenen", "drawing"),
    "progress.writing": ("schrijven", "writing"),
    "error.charts_folder": ("{path}: grafieken zijn meerdere bestanden; geef een map met -o",
                            "{path}: charts are several files; give a folder with -o"),
    "error.no_id_from": ("van {name} is geen programma-id te maken; geef er een met --id "
                         "(kleine letters en cijfers, woorden verbonden door één '-')",
                         "cannot make a programme id from {name}; pass one with --id "
                         "(lower-case letters and digits, words joined by one '-')"),
    "error.empty_name": ("de naam van het programma is leeg", "the programme name is empty"),
    "error.period": ("de periode eindigt ({end}) voordat die begint ({start})",
                     "the period ends ({end}) before it starts ({start})"),
    "error.bad_programme_id": ("{pid} is geen programma-id: gebruik kleine letters en cijfers, "
                               "woorden verbonden door één '-'",
                               "{pid} is not a programme id: use lower-case letters and digits, "
                               "words joined by one '-'"),
    "error.dash_folder": ("-: hier is een map nodig (meerdere bestanden), geen standaarduitvoer; "
                          "geef een map",
                          "-: a folder is needed here (several files), not standard output; "
                          "give a folder"),
    "error.not_a_folder": ("{path}: is een bestand, geen map; geef een map",
                           "{path}: is a file, not a folder; give a folder"),
    "error.folder_is_file": ("{path}: is een bestand; geef een map voor de contracten",
                             "{path}: is a file; give a folder for the contracts"),
    "error.exists_force": ("{paths}: bestaat al; gebruik --force om te vervangen",
                           "{paths}: already exists; use --force to replace"),
    "error.exist_force": ("{paths}: bestaan al; gebruik --force om te vervangen",
                          "{paths}: already exist; use --force to replace"),
    "error.no_bundled_data": ("de meegeleverde data ontbreekt in deze installatie; installeer "
                              "dinnet opnieuw of geef contractbestanden op",
                              "the bundled data set is missing from this installation; "
                              "reinstall dinnet or pass contract files"),
    "error.missing_dot": ("Graphviz 'dot' niet gevonden: installeer het met {how} of zie "
                          "https://graphviz.org/download/",
                          "Graphviz 'dot' not found: install it with {how} or see "
                          "https://graphviz.org/download/"),
    # how to install Graphviz, per system (dinnet.errors.system_kind)
    "graphviz.windows": ("`winget install graphviz` of `choco install graphviz` (Windows) en open "
                         "daarna een nieuw venster, zodat `dot` op het PATH staat,",
                         "`winget install graphviz` or `choco install graphviz` (Windows), then "
                         "open a new terminal so `dot` is on PATH,"),
    "graphviz.macos": ("`brew install graphviz` (macOS)", "`brew install graphviz` (macOS)"),
    "graphviz.debian": ("`sudo apt-get install graphviz` (Debian/Ubuntu)",
                        "`sudo apt-get install graphviz` (Debian/Ubuntu)"),
    "graphviz.conda": ("`conda install -c conda-forge graphviz` (conda)",
                       "`conda install -c conda-forge graphviz` (conda)"),
    "graphviz.linux": ("het graphviz-pakket van uw systeem (`sudo dnf install graphviz`, "
                       "`sudo zypper install graphviz`, ...)",
                       "your system's graphviz package (`sudo dnf install graphviz`, "
                       "`sudo zypper install graphviz`, ...)"),
    # monitoring: the status of indicators and goals (dinnet.queries.status, .monitoring)
    "status.behind": ("achter", "behind"),
    "status.on_track": ("op koers", "on track"),
    "status.ahead": ("voor", "ahead"),
    "status.reached": ("bereikt", "reached"),
    "status.unknown": ("onbekend", "unknown"),
    "status.increase": ("stijgen", "increase"),
    "status.decrease": ("dalen", "decrease"),
    "status.maintain": ("gelijk blijven", "maintain"),
    "status.on_path": ("{value_num} gemeten op {date}, {planned_num} gepland op die datum",
                       "{value_num} measured on {date}, {planned_num} planned on that date"),
    "status.off_level": ("{value_num} gemeten op {date}, buiten de marge om {planned_num}",
                         "{value_num} measured on {date}, outside the band around {planned_num}"),
    "status.reached_target": ("{value_num} gemeten op {date} haalt de streefwaarde van {year} "
                              "({target_num})", "{value_num} measured on {date} meets the "
                              "target of {year} ({target_num})"),
    "status.missed": ("{value_num} gemeten op {date} mist de streefwaarde van {year} "
                      "({target_num})", "{value_num} measured on {date} misses the target "
                      "of {year} ({target_num})"),
    "status.no_target": ("geen streefwaarde in getallen", "no target in numbers"),
    "status.target_tbd": ("streefwaarde nog niet bepaald (n.t.b.)", "target not set yet (n.t.b.)"),
    "status.no_direction": ("richting onbekend: één streefwaarde, geen peilwaarde en geen "
                            "richting", "direction unknown: one target, no baseline and no "
                            "direction"),
    "status.direction_conflict": ("de streefwaarden gaan tegen de richting in ({direction_phrase})",
                                  "the targets go against the direction ({direction_phrase})"),
    "status.mixed_targets": ("richting onbekend: de streefwaarden gaan op en neer",
                             "direction unknown: the targets go up and down"),
    "status.no_measurement": ("geen meting na de peilwaarde", "no measurement after the baseline"),
    "status.no_start": ("geen peilwaarde: te beoordelen vanaf de eerste streefwaarde ({year})",
                        "no baseline: judged from the first target ({year}) on"),
    "status.note_tbd": ("streefwaarde {year} nog niet bepaald ({text})",
                        "target of {year} not set yet ({text})"),
    "status.note_skipped": ("streefwaarde {year} ({text}) ligt niet op het pad",
                            "target of {year} ({text}) is not on the path"),
    "status.note_direction": ("richting afgeleid uit de streefwaarden: {direction_phrase}",
                              "direction read from the targets: {direction_phrase}"),
    "status.note_start": ("geen peilwaarde: het pad begint bij de realisatie van {year} "
                          "({value_num})", "no baseline: the path starts at the realised "
                          "value of {year} ({value_num})"),
    "status.note_expected": ("op basis van een verwachte waarde, niet van een realisatie",
                             "based on an expected value, not a realised one"),
    "status.note_approximate": ("benaderde waarde: dubbele marge", "approximate value: "
                                "twice the band"),
    "status.state_realised": ("gerealiseerd", "realised"),
    "status.state_partly": ("deels gerealiseerd of vertraagd", "partly realised or delayed"),
    "status.state_not_realised": ("niet gerealiseerd", "not realised"),
    "status.no_report": ("niets gemeld", "nothing reported"),
    "status.heading": ("voortgang op {date}", "progress on {date}"),
    "status.column_status": ("Stand", "Status"),
    "status.column_what": ("Element", "Element"),
    "status.column_label": ("Omschrijving", "Label"),
    "status.column_why": ("Toelichting", "Why"),
    "status.remedies": ("wat er gedaan wordt voor de doelen die achter liggen",
                        "what is done for the goals behind"),
    "status.no_remedy": ("geen inspanning of project in de tekst", "no effort or project in the text"),
    "status.goal_worst": ("de slechtste van de indicatoren met een status ({known} van {total})",
                          "the worst of the indicators with a status ({known} of {total})"),
    "status.goal_none": ("geen indicator meet dit doel of een subdoel",
                         "no indicator measures this goal or a sub-goal"),
    "status.goal_unknown": ("geen indicator met een status (0 van {total})",
                            "no indicator with a status (0 of {total})"),
    # the command line (dinnet.cli)
    "cli.validated": ("ok: {programmes}, {nodes}, {edges}, {warnings}",
                      "ok: {programmes}, {nodes}, {edges}, {warnings}"),
    "cli.wrote": ("geschreven: {path}", "wrote {path}"),
    "cli.wrote_pages": ("geschreven: {path} en {count} programmapagina's",
                        "wrote {path} and {count} programme pages"),
    "cli.wrote_new": ("geschreven: {path}; controleer het met: dinnet validate {path}",
                      "wrote {path}; check it with: dinnet validate {path}"),
    "cli.interrupted": ("onderbroken", "interrupted"),
    "cli.cache_info": ("cache: {folder}: {files}, {size_num} MB",
                       "cache: {folder}: {files}, {size_num} MB"),
    "cli.cache_cleared": ("cache geleegd: {files} verwijderd uit {folder}",
                          "cache cleared: removed {files} from {folder}"),
    "cli.schema_online": ("editors lezen het schema online; voor een kopie naast uw contracten: "
                          "dinnet schema -o contract.schema.json",
                          "editors read its schema online; for a copy beside your contracts: "
                          "dinnet schema -o contract.schema.json"),
    "cli.needs_node": ("'dinnet query {question}' heeft een id nodig, zoals zorg:SD3",
                       "'dinnet query {question}' needs a node id such as zorg:SD3"),
    "cli.unknown_rule": ("onbekende regel '{name}'; kies uit: {codes}",
                         "unknown rule '{name}'; choose from: {codes}"),
    "cli.explain_or_paths": ("--explain leest geen contracten; laat de paden weg",
                             "--explain reads no contracts; leave out the paths"),
    "cli.bad_date": ("{value} is geen datum: schrijf 2025-12-31, 31-12-2025 of een jaar (2025)",
                     "{value} is not a date: write 2025-12-31, 31-12-2025 or a year (2025)"),
    # dinnet query (dinnet.cli.answers)
    "query.why": ("waarom", "why"),
    "query.how": ("hoe", "how"),
    "query.nothing": ("(niets)", "(nothing)"),
    "query.none": ("(geen)", "(none)"),
    "query.dropping": ("zonder {node}:", "dropping {node}:"),
    "query.loses_all": ("doelen die hun enige steun verliezen:",
                        "goals that lose their only support:"),
    "query.loses_some": ("doelen die een deel van hun steun verliezen:",
                         "goals that lose some support:"),
    "query.goals_without_effort": ("doelen zonder inspanning", "goals without effort"),
    "query.operational_goals_without_indicator": ("operationele doelen zonder indicator",
                                                  "operational goals without indicator"),
    "query.indicators_without_baseline": ("indicatoren zonder peilwaarde",
                                          "indicators without baseline"),
    "query.indicators_without_target": ("indicatoren zonder streefwaarde",
                                        "indicators without target"),
    "query.efforts_without_goal": ("inspanningen zonder doel", "efforts without goal"),
    "query.projects_without_effort": ("projecten zonder inspanning", "projects without effort"),
    "query.strategic_goals_without_operational_goal": (
        "strategische doelen zonder operationeel doel",
        "strategic goals without operational goal"),
    "query.efforts_serving_several_goals": ("inspanningen voor meer doelen",
                                            "efforts serving several goals"),
    "query.double_claims": ("dubbel toegerekend", "double claims"),
    "query.stakeholders_in_several_programmes": ("stakeholders in meer programma's",
                                                 "stakeholders in several programmes"),
    "query.possible_duplicates": ("mogelijk dubbele inspanningen", "possible duplicates"),
    "query.dependencies": ("raakvlakken", "dependencies"),
    "query.one_sided": ("eenzijdige raakvlakken", "one sided"),
    "query.path": ("pad", "path"),
    "query.checks": ("controles van de begroting", "checks"),
    "query.per_goal": ("middelen per doel", "per goal"),
    "query.roles": ("rollen", "roles"),
    "query.no_topics": ("(geen onderwerpen genoemd)", "(no topics named)"),
    "query.no_path": ("(geen pad)", "(no path)"),
    "query.lines_sum": ("regels samen {total}", "lines add up to {total}"),
    "query.printed": ("gedrukt totaal {total}", "printed {total}"),
    "query.not_printed": ("geen totaal gedrukt", "no total printed"),
    "query.matches": ("klopt", "ok"),
    "query.differs": ("WIJKT AF", "DIFFERS"),
    "query.approximate": ("bij benadering ({word})", "approximate ({word})"),
    # dinnet audit --explain
    "explain.what": ("Wat", "What"),
    "explain.why": ("Waarom dit ertoe doet", "Why it matters"),
    "explain.fix": ("Zo los je het op", "How to fix"),
    # the audit rules (dinnet.audit.rules): title, what, detail (optional), why, fix
    "rule.DIN101.title": ("Doel zonder inspanning", "Goal without effort"),
    "rule.DIN101.summary": ("Geen inspanning draagt bij aan het doel of aan een van zijn subdoelen.",
                            "No effort contributes to the goal or to any of its sub-goals."),
    "rule.DIN101.detail": ("Een doel is gedekt als een inspanning het langs de verbanden van middel "
                           "naar doel bereikt: ze draagt bij aan het doel zelf of aan een subdoel "
                           "op welke diepte ook; deelinspanningen tellen mee via hun "
                           "hoofdinspanning, resultaten via de inspanningen die ze leveren, de "
                           "inspanningen van een spoor via het eigen `contributes_to` van het "
                           "spoor (een spoor zonder inspanningen dekt niets). Een "
                           "inspanning die alleen een bovenliggend doel dient, dekt de subdoelen "
                           "niet. Een doel met `open: true` geeft info in plaats van een fout.",
                           "A goal is covered when some effort reaches it along means-to-ends "
                           "edges: it contributes to the goal itself or to a sub-goal at any "
                           "depth; sub-efforts count through their parent effort, results through "
                           "the efforts that deliver them, the efforts of a track through the "
                           "track's own `contributes_to` (a track with no efforts covers nothing). "
                           "An effort that serves only a *parent* "
                           "goal does not cover the sub-goals. A goal marked `open: true` gives "
                           "info instead of an error."),
    "rule.DIN101.why": ("Een doel waar niemand aan werkt, wordt niet gehaald; de raad "
                        "moet dat weten.",
                        "A goal nobody works on will not be reached; the council should know."),
    "rule.DIN101.fix": ("Verbind een inspanning met `contributes_to`, of markeer het doel met "
                        "`open: true` en een `note` als het bewust open blijft (de \"lege "
                        "kolommen\" van het DIN).",
                        "Link an effort with `contributes_to`, or mark the goal `open: true` with "
                        "a `note` when it is deliberately left open (the DIN's \"lege "
                        "kolommen\")."),
    "rule.DIN102.title": ("Doel zonder indicator", "Goal without indicator"),
    "rule.DIN102.summary": ("Een operationeel doel dat door geen indicator wordt gemeten.",
                            "An operational goal that no indicator measures."),
    "rule.DIN102.why": ("Operationele doelen zijn de meetbare; zonder indicator valt over de "
                        "voortgang niet te rapporteren.",
                        "Operational goals are the measurable ones; without an indicator progress "
                        "cannot be reported."),
    "rule.DIN102.fix": ("Voeg een indicator toe, of noteer onder `not_in_text` dat het contract "
                        "er geen geeft.",
                        "Add an indicator, or record under `not_in_text` that the contract gives "
                        "none."),
    "rule.DIN103.title": ("Strategisch doel zonder operationeel doel",
                          "Strategic goal without operational goal"),
    "rule.DIN103.summary": ("Een strategisch doel zonder operationeel doel eronder.",
                            "A strategic goal with no operational goal beneath it."),
    "rule.DIN103.why": ("De DIN-methode maakt strategische doelen concreet met operationele "
                        "doelen.",
                        "The DIN method makes strategic goals concrete through operational "
                        "goals."),
    "rule.DIN103.fix": ("Voeg operationele subdoelen toe (`goals:` onder het strategische doel).",
                        "Add operational sub-goals (`goals:` under the strategic goal)."),
    "rule.DIN104.title": ("Inspanning zonder doel", "Effort without goal"),
    "rule.DIN104.summary": ("Een inspanning die geen enkel doel dient: niet met eigen verbanden, "
                            "niet via haar spoor, niet via haar hoofdinspanning.",
                            "An effort that serves no goal: not by its own links, not through its "
                            "track's, not through its parent effort's."),
    "rule.DIN104.why": ("Werk zonder doel in het netwerk: een ontbrekend verband of een "
                        "inspanning om kritisch naar te kijken.",
                        "Work without a purpose in the network: either a missing link or an "
                        "effort to question."),
    "rule.DIN104.fix": ("Voeg `contributes_to` toe. Noemt het contract geen verband, laat het "
                        "dan zo: de bevinding is het eerlijke verslag. Stonden de verbanden "
                        "alleen in een figuur die ontbreekt, noteer dat onder `not_in_text` met "
                        "`affects: [links]`: dan staan deze inspanningen één keer onder die "
                        "regel.",
                        "Add `contributes_to`. When the contract states no link, leave it: the "
                        "finding is the honest report. When the links stood only in a figure "
                        "that is missing, record that under `not_in_text` with "
                        "`affects: [links]`: these efforts are then listed once, under that "
                        "entry."),
    "rule.DIN105.title": ("Project zonder inspanning", "Project without effort"),
    "rule.DIN105.summary": ("Een project dat geen inspanning uitvoert (`implements`).",
                            "A project that implements no effort (`implements`)."),
    "rule.DIN105.why": ("Projecten staan in het netwerk via de inspanningen die ze uitvoeren.",
                        "Projects sit in the network through the efforts they carry out."),
    "rule.DIN105.fix": ("Voeg `implements: [E..]` toe waar de tekst zegt welke inspanning het "
                        "project dient.",
                        "Add `implements: [E..]` where the text says which effort the project "
                        "serves."),
    "rule.DIN106.title": ("Afgeleid verband", "Inferred link"),
    "rule.DIN106.summary": ("Een verband met `inferred: true`: de tekst suggereert het (door de "
                            "formulering, een kopje, de opmaak van een tabel) maar noemt het niet.",
                            "A link marked `inferred: true`: the text implies it (by wording, a "
                            "heading, the layout of a table) but does not state it."),
    "rule.DIN106.detail": ("De bevinding geeft de `note` van het verband. Afgeleide verbanden "
                           "tellen in elke vraag mee als genoemde (`docs/format.md`); deze "
                           "bevinding laat zien dat ze op een lezing rusten.",
                           "The finding carries the link's `note`. Inferred links count in every "
                           "query like stated ones (`docs/format.md`); this finding shows that "
                           "they rest on a reading."),
    "rule.DIN106.why": ("De raad moet weten welke verbanden in het contract staan en welke de "
                        "lezing van de overschrijver zijn.",
                        "The council should know which links stand in the contract and which "
                        "are the transcriber's reading."),
    "rule.DIN106.fix": ("Zoek de zin in de tekst die het verband noemt en laat `inferred` weg, "
                        "of verwijder het verband.",
                        "Find the statement in the text and drop `inferred`, or remove the "
                        "link."),
    "rule.DIN201.title": ("Indicator zonder peilwaarde", "Indicator without baseline"),
    "rule.DIN201.summary": ("Een indicator zonder peilwaarde en zonder realisatie.",
                            "An indicator without a baseline (peilwaarde) and without a "
                            "realised value (realisatie)."),
    "rule.DIN201.why": ("Zonder beginpunt zegt een streefwaarde weinig.",
                        "Without a starting point a target says little."),
    "rule.DIN201.fix": ("Voeg `baseline: {value, year}` toe.", "Add `baseline: {value, year}`."),
    "rule.DIN202.title": ("Indicator zonder streefwaarde", "Indicator without target"),
    "rule.DIN202.summary": ("Een indicator zonder streefwaarde voor welk jaar ook.",
                            "An indicator without a target (streefwaarde) for any year."),
    "rule.DIN202.why": ("Er is niets om de voortgang aan af te meten.",
                        "Nothing to measure progress against."),
    "rule.DIN202.fix": ("Voeg `targets: {2022: ...}` toe.", "Add `targets: {2022: ...}`."),
    "rule.DIN203.title": ("Streefwaarde buiten de periode", "Target outside the period"),
    "rule.DIN203.summary": ("Een streefwaarde voor een jaar buiten de `period` van het programma.",
                            "A target for a year outside the programme's `period`."),
    "rule.DIN203.why": ("Meestal een tikfout in het jaar, of een streefwaarde waar het contract "
                        "niet op aangesproken kan worden.",
                        "Usually a typo in the year, or a target the contract cannot be held "
                        "to."),
    "rule.DIN203.fix": ("Verbeter het jaar of de periode.", "Correct the year or the period."),
    "rule.DIN204.title": ("Streefwaarde tegen de richting van het doel",
                          "Target against the goal's direction"),
    "rule.DIN204.summary": ("De laatste streefwaarde ligt boven de peilwaarde terwijl het doel "
                            "een daling vraagt (of eronder terwijl het een stijging vraagt).",
                            "The final numeric target is above the baseline while the goal asks "
                            "for a decrease (or below it while the goal asks for an increase)."),
    "rule.DIN204.detail": ("De richting is de `direction` van de indicator, of anders afgeleid "
                           "uit de woorden van de indicator en zijn doelen (afname, daling, "
                           "minder, verminderen, maximaal... tegenover toename, stijging, meer, "
                           "groei, minimaal...; staan beide of geen van beide er, dan volgt geen "
                           "bevinding).",
                           "The direction is the indicator's `direction`, or else read from the "
                           "wording of the indicator and its goals (afname, daling, minder, "
                           "verminderen, maximaal... against toename, stijging, meer, groei, "
                           "minimaal...; when both or neither occur, no finding)."),
    "rule.DIN204.why": ("Een streefwaarde die haar doel tegenspreekt, is een tikfout of een "
                        "onduidelijk doel.",
                        "A target that contradicts its goal is a typo or a muddled goal."),
    "rule.DIN204.fix": ("Verbeter de streefwaarde, de peilwaarde of `direction`.",
                        "Correct the target, the baseline or `direction`."),
    "rule.DIN205.title": ("Streefwaarde niet in getallen", "Target not numeric"),
    "rule.DIN205.summary": ("Alle streefwaarden van een indicator zijn tekst (`n.t.b.`, `pm`), "
                            "dus de voortgang is niet te meten.",
                            "An indicator whose targets are all text (`n.t.b.`, `pm`), so "
                            "progress cannot be measured."),
    "rule.DIN205.why": ("De voortgang valt niet te berekenen.", "Progress cannot be computed."),
    "rule.DIN205.fix": ("Vul getallen in zodra het contract ze noemt.",
                        "Fill in numbers once the contract states them."),
    "rule.DIN301.title": ("Begroting telt niet op", "Budget does not add up"),
    "rule.DIN301.summary": ("Het gedrukte totaal van een tabel wijkt af van de som van de "
                            "regels.",
                            "A table's total as printed differs from the sum of its lines."),
    "rule.DIN301.detail": ("Per jaar worden de `stated_totals` vergeleken met de som van de "
                           "regels (lege cellen tellen als 0); geldt voor `budgets` en "
                           "`capacity`.",
                           "Per year the `stated_totals` are compared with the sum of the lines "
                           "(blank cells count as 0); applies to `budgets` and `capacity`."),
    "rule.DIN301.why": ("De raad besluit over totalen; die moeten kloppen.",
                        "The council decides on totals; they must add up."),
    "rule.DIN301.fix": ("Verbeter het contract (de data houdt wat gedrukt staat).",
                        "Correct the contract (the data keeps what was printed)."),
    "rule.DIN302.title": ("Begrotingstabellen spreken elkaar tegen", "Budget tables disagree"),
    "rule.DIN302.summary": ("Twee begrotingstabellen van één programma geven voor hetzelfde "
                            "jaar verschillende totalen.",
                            "Two budget tables of one programme give different totals for the "
                            "same year."),
    "rule.DIN302.detail": ("Vergeleken worden de gedrukte totalen, of de som van de regels als "
                           "er geen gedrukt staan, in de basiseenheid na `scale`.",
                           "Compared are the stated totals, or the line sums when none are "
                           "printed, in the unit's base after `scale`."),
    "rule.DIN302.why": ("Twee tabellen in één contract horen geen twee verhalen over het geld "
                        "te vertellen.",
                        "Two tables in one contract should not tell two stories about the "
                        "money."),
    "rule.DIN302.fix": ("Breng de tabellen in het contract in overeenstemming, of leg het "
                        "verschil uit in de `note` van de tabel.",
                        "Reconcile the tables in the contract, or explain the difference in the "
                        "table `note`."),
    "rule.DIN401.title": ("Eenzijdig raakvlak", "One-sided dependency"),
    "rule.DIN401.summary": ("Programma A noemt B als raakvlak, maar het contract van B zwijgt "
                            "over A.",
                            "Programme A names B as related, but B's contract is silent about "
                            "A."),
    "rule.DIN401.why": ("Bij een raakvlak moeten beide kanten het eens zijn over wie wat doet.",
                        "Dependencies need both sides to agree on who does what."),
    "rule.DIN401.fix": ("Voeg het raakvlak toe aan het contract van B als de tekst van B het "
                        "noemt.",
                        "Add the relation to B's contract when B's text states it."),
    "rule.DIN402.title": ("Onopgeloste verwijzing", "Unresolved reference"),
    "rule.DIN402.summary": ("Een verwijzing `programma:id` naar een programma dat niet geladen "
                            "is.",
                            "A reference `programme:id` into a programme that is not loaded."),
    "rule.DIN402.why": ("Het verband kan niet gecontroleerd worden.", "The link cannot be checked."),
    "rule.DIN402.fix": ("Laad het andere contract ook.", "Load the other contract too."),
    "rule.DIN403.title": ("Dubbel toegerekend", "Double claiming"),
    "rule.DIN403.summary": ("Een inspanning of indicator die aan doelen van meer dan één "
                            "programma wordt toegerekend.",
                            "An effort or indicator credited to goals of more than one "
                            "programme."),
    "rule.DIN403.why": ("Hetzelfde werk of resultaat telt misschien twee keer mee in de "
                        "verantwoording aan de raad.",
                        "The same work or result may be counted twice in the reports to the "
                        "council."),
    "rule.DIN403.fix": ("Beslis welk programma de eigenaar is; laat het andere ernaar verwijzen "
                        "in `relations`.",
                        "Decide which programme owns it; let the other refer to it in "
                        "`relations`."),
    "rule.DIN404.title": ("Mogelijk dubbele inspanning", "Possible duplicate effort"),
    "rule.DIN404.summary": ("Inspanningen van verschillende programma's met sterk gelijkende "
                            "namen (een suggestie).",
                            "Efforts of different programmes with very similar labels (a "
                            "suggestion)."),
    "rule.DIN404.detail": ("Gelijkenis >= 85 (van 100): de woorden gesorteerd, dan vergeleken met "
                           "`difflib`, na het gelijktrekken van hoofdletters, accenten en "
                           "leestekens; kandidaten worden gezocht op hun twee zeldzaamste woorden.",
                           "Similarity >= 85 (of 100): the words sorted, then compared by "
                           "`difflib`, after normalising case, accents and punctuation; "
                           "candidates are blocked on their two rarest words."),
    "rule.DIN404.why": ("Mogelijk één inspanning op twee plaatsen: een suggestie, geen oordeel.",
                        "Possibly one effort in two places: a suggestion, not a verdict."),
    "rule.DIN404.fix": ("Voeg ze samen, of laat de namen zeggen wat verschilt.",
                        "Merge, or make the labels say what differs."),
    "rule.DIN501.title": ("Ontbrekende DIN-inhoud", "Missing DIN content"),
    "rule.DIN501.summary": ("Iets waar het contract naar verwijst maar dat de tekst niet bevat.",
                            "Something the contract refers to but its text does not contain."),
    "rule.DIN501.detail": ("Een regel onder `not_in_text`: een lege paragraaf of inhoud die "
                           "alleen in een figuur stond (waarschuwing), of iets wat de tekst "
                           "nergens vermeldt (info).",
                           "An entry under `not_in_text`: a section that is empty or content "
                           "that only lived in a figure (warning), or something the text never "
                           "states (info)."),
    "rule.DIN501.why": ("De audit moet tonen wat de bron niet gaf, in plaats van dat de "
                        "transcriptie het raadt.",
                        "The audit must show what the source did not give instead of the "
                        "transcription guessing it."),
    "rule.DIN501.fix": ("Zoek de ontbrekende inhoud (de DIN-figuur, een bijlage) en voeg die "
                        "toe met haar bron.",
                        "Find the missing content (the DIN figure, an appendix) and add it with "
                        "its source."),
    "rule.DIN502.title": ("Programma zonder doelen", "Programme without goals"),
    "rule.DIN502.summary": ("Een programma waarvan de data helemaal geen doelen bevat.",
                            "A programme whose data holds no goals at all."),
    "rule.DIN502.why": ("Zonder doelen is er geen netwerk om te controleren.",
                        "Without goals there is no network to check."),
    "rule.DIN502.fix": ("Voeg de doelen toe, of leg onder `not_in_text` uit waarom ze ontbreken, "
                        "met `affects: [goals]`: dan meldt de audit het één keer onder die "
                        "regel, met de inspanningen die het raakt.",
                        "Add the goals, or explain their absence under `not_in_text` with "
                        "`affects: [goals]`: the audit then reports it once, under that entry, "
                        "with the efforts it affects."),
    "rule.DIN601.title": ("Indicator niet gemeten", "Indicator not measured"),
    "rule.DIN601.summary": ("Een indicator zonder realisatie in een jaar van de programmaperiode "
                            "dat voorbij is (op de auditdatum, `--as-of`, standaard vandaag).",
                            "An indicator without a realised value in a year of the programme "
                            "period that has passed (on the audit date, `--as-of`, today by "
                            "default)."),
    "rule.DIN601.detail": ("Alleen in programma's die al iets gerealiseerd melden: een plan "
                           "zonder metingen krijgt geen melding per indicator. `n.t.b.` telt "
                           "niet als meting; een verwachte waarde ook niet.",
                           "Only in programmes that report something realised at all: a plan "
                           "without measurements gets no finding per indicator. `n.t.b.` does "
                           "not count as a measurement; an expected value neither."),
    "rule.DIN601.why": ("Zonder meting is niet te zeggen of het doel dichterbij komt; het gat "
                        "valt pas op als iemand ernaar vraagt.",
                        "Without a measurement nobody can tell whether the goal comes closer; "
                        "the gap shows only when someone asks."),
    "rule.DIN601.fix": ("Voeg de realisatie toe aan `measurements.yaml` (met de bron), of leg "
                        "in `note` uit waarom er niet gemeten is.",
                        "Add the realised value to `measurements.yaml` (with its source), or "
                        "explain in `note` why it was not measured."),
    "rule.DIN602.title": ("Doel loopt achter", "Goal behind schedule"),
    "rule.DIN602.summary": ("Een doel waarvan een indicator (of een subdoel) op de auditdatum "
                            "achter ligt op het pad van peilwaarde naar streefwaarde.",
                            "A goal one of whose indicators (or sub-goals) is behind the path "
                            "from baseline to target on the audit date."),
    "rule.DIN602.why": ("Hier moet het programma bijsturen: welke inspanningen dienen dit doel, "
                        "en liggen die op schema?",
                        "This is where the programme has to steer: which efforts serve this "
                        "goal, and are they on schedule?"),
    "rule.DIN602.fix": ("Bekijk de inspanningen achter het doel (`dinnet progress`, "
                        "`dinnet.queries.remedies`) en leg vast wat er wordt gedaan; pas een "
                        "streefwaarde alleen aan in een nieuwe versie van het contract.",
                        "Look at the efforts behind the goal (`dinnet progress`, "
                        "`dinnet.queries.remedies`) and record what is done about it; change a "
                        "target only in a new version of the contract."),
    "rule.DIN206.title": ("Streefwaarde nog te bepalen", "Target to be determined"),
    "rule.DIN206.summary": ("Een streefwaarde die als `n.t.b.` (nog te bepalen) is gedrukt.",
                            "A target printed as `n.t.b.` (to be determined)."),
    "rule.DIN206.why": ("Een open streefwaarde moet later nog worden vastgesteld; zo blijft ze "
                        "in beeld.",
                        "An open target still has to be set; this keeps it in view."),
    "rule.DIN206.fix": ("Vul de streefwaarde in zodra die is vastgesteld.",
                        "Fill in the target once it is set."),
    "rule.DIN303.title": ("Totaal bij benadering", "Approximate total"),
    "rule.DIN303.summary": ("Een begrotingstabel waarvan het gedrukte totaal of een regel bij "
                            "benadering is (`ruim`, `circa`), zodat de optelling niet exact te "
                            "controleren is.",
                            "A budget table whose printed total or one of whose lines is "
                            "approximate (`ruim`, `circa`), so the sum cannot be checked "
                            "exactly."),
    "rule.DIN303.why": ("'Ruim € 200.000' telt niet exact op; de audit meldt geen tekort of "
                        "overschot dat er misschien niet is.",
                        "'Ruim € 200.000' does not add up exactly; the audit reports no "
                        "shortfall or surplus that may not be there."),
    "rule.DIN303.fix": ("Niets, als het contract het zo drukt; anders het exacte bedrag.",
                        "Nothing when the contract prints it so; otherwise the exact amount."),
    # the workbook's drop-down lists (dinnet.io.xlsx)
    "xlsx.invalid": ("Ongeldige waarde", "Invalid value"),
    "xlsx.choose": ("Kies een waarde uit de lijst: {values}", "Choose a value from the list: {values}"),
    # problems of a workbook read back (dinnet.io.xlsx_import)
    "xlsx.zip_bomb": ("de werkmap pakt uit tot {size_amount} bytes, meer dan {limit_amount} (een "
                      "zipbom?); verhoog {setting}",
                      "the workbook unpacks to {size_amount} bytes, more than {limit_amount} (a "
                      "zip bomb?); raise {setting}"),
    "xlsx.unknown_sheet": ("onbekend blad '{name}'{hint} (bladen waarvan de naam met '_' begint "
                           "worden overgeslagen)",
                           "unknown sheet '{name}'{hint} (sheets whose name starts with '_' are "
                           "ignored)"),
    "xlsx.formula": ("een formule zonder opgeslagen uitkomst (de cel zou leeg lijken); open en "
                     "bewaar de werkmap in Excel of LibreOffice, of typ de waarde",
                     "a formula without a saved result (the cell would read as empty); open and "
                     "save the workbook in Excel or LibreOffice, or type the value"),
    "xlsx.rows_declared": ("het blad meldt {rows_amount} rijen", "the sheet declares {rows_amount} rows"),
    "xlsx.more_rows": ("het blad heeft meer rijen", "the sheet has more rows"),
    "xlsx.more_cells": ("de werkmap heeft meer cellen", "the workbook has more cells"),
    "xlsx.too_many": ("{what}, meer dan {limit_amount}; splits de werkmap, of verhoog {setting}",
                      "{what}, more than {limit_amount}; split the workbook, or raise {setting}"),
    "xlsx.known": ("; bekend: {known}", "; known: {known}"),
    "xlsx.unknown_column": ("onbekende kolom '{name}'{hint}", "unknown column '{name}'{hint}"),
    "xlsx.unknown_parent": ("onbekend bovenliggend element '{parent}' (of een kring van "
                            "bovenliggende elementen) in programma '{programme}'",
                            "unknown parent '{parent}' (or a loop of parents) in programme "
                            "'{programme}'"),
    "xlsx.unknown_link_kind": ("onbekende soort verband '{kind}' (leeg, measures, implements of "
                               "refines)",
                               "unknown link kind '{kind}' (blank, measures, implements or "
                               "refines)"),
    "xlsx.unknown_from": ("onbekende {kinds_terms} '{ref}' in programma '{programme}'",
                          "unknown {kinds_terms} '{ref}' in programme '{programme}'"),
    "xlsx.unknown_table": ("onbekende tabel '{table}' in programma '{programme}'",
                           "unknown table '{table}' in programme '{programme}'"),
    "xlsx.at_field": ("{problem} ({field})", "{problem} ({field})"),
    "xlsx.programme_twice": ("programma '{programme}' staat er twee keer (ook rij {row})",
                             "programme '{programme}' appears twice (also row {row})"),
    "xlsx.not_on_programmes": ("programma '{programme}' staat niet op het blad 'programmes'",
                               "programme '{programme}' is not on the programmes sheet"),
    "xlsx.no_programmes": ("geen programma's: het blad 'programmes' ontbreekt of is leeg",
                           "no programmes: the 'programmes' sheet is missing or empty"),
    "xlsx.more_problems": ("... en nog {rest_amount} problemen die niet getoond worden (zie "
                           "{setting}); los eerst deze op",
                           "... and {rest_amount} more problems not shown (see {setting}); fix "
                           "these first"),
    "xlsx.indexes": ("meer dan één index; één map bevat één index.yaml",
                     "more than one index; one folder holds one index.yaml"),
    # the limits against hostile input (dinnet.io.limits)
    "limits.setting": ("de grens {name} (zet DINNET_{name} hoger)",
                       "the limit {name} (set DINNET_{name} to raise it)"),
    # suggestions for an unknown id (dinnet.contract.similar); Unicode names stay English
    "similar.did_you_mean": ("bedoel je '{close}'?", "did you mean '{close}'?"),
    "similar.look_alike": ("bedoel je '{close}'? '{word}' ziet er hetzelfde uit, maar heeft "
                           "{difference}; typ het opnieuw",
                           "did you mean '{close}'? '{word}' looks the same but has "
                           "{difference}; retype it"),
    "similar.where": ("{theirs} waar '{meant}' {ours} heeft", "{theirs} where '{meant}' has {ours}"),
    "similar.nothing": ("niets", "nothing"),
    "load.hint": ("; {hint}", "; {hint}"),
    # the text of dinnet diff (dinnet.diff.wording): an empty value, and the fields in words
    "diff.nothing": ("(geen)", "(none)"),
    "field.affects": ("raakt", "affects"),
    "field.approximate": ("streefwaarden bij benadering", "approximate targets"),
    "field.baseline_approximate": ("peilwaarde bij benadering", "approximate baseline"),
    "field.baseline_note": ("toelichting bij de peilwaarde", "baseline note"),
    "field.baseline_value": ("peilwaarde", "baseline"),
    "field.baseline_year": ("peiljaar", "baseline year"),
    "field.budget": ("begroting", "budget"),
    "field.budget_approximate": ("begroting bij benadering", "approximate budget"),
    "field.budget_text": ("begroting in woorden", "budget in words"),
    "field.data_source": ("bron van de data", "data source"),
    "field.date": ("datum", "date"),
    "field.direction": ("richting", "direction"),
    "field.expected": ("verwachte waarden", "expected values"),
    "field.inferred": ("afgeleid", "inferred"),
    "field.kenmerk": ("kenmerk", "reference"),
    "field.level": ("niveau", "level"),
    "field.lijnproject": ("lijnproject", "line project"),
    "field.municipality": ("gemeente", "municipality"),
    "field.nodes": ("elementen", "nodes"),
    "field.note": ("toelichting", "note"),
    "field.open": ("bewust open", "deliberately open"),
    "field.period": ("periode", "period"),
    "field.planning": ("planning", "planning"),
    "field.realised": ("gerealiseerde waarden", "realised values"),
    "field.reason": ("reden", "reason"),
    "field.role": ("rol", "role"),
    "field.roles": ("rollen", "roles"),
    "field.roles_source": ("bron van de rollen", "source of the roles"),
    "field.scale": ("schaal", "scale"),
    "field.section": ("paragraaf", "section"),
    "field.stated_totals": ("gedrukt totaal", "printed total"),
    "field.strength": ("sterkte", "strength"),
    "field.text": ("tekst", "text"),
    "field.title": ("titel", "title"),
    "field.topics": ("onderwerpen", "topics"),
    "field.track_type": ("soort spoor", "kind of track"),
    "field.unit": ("eenheid", "unit"),
    "field.version": ("versie", "version"),
    # the help of the command line (dinnet.cli.clickwords): the English is the help as
    # the code writes it, shown in the user's language
    "help.main": ("Doelen-Inspanningen-Netwerk: programmacontracten laden, controleren en "
                  "tekenen.\n\n"
                  "Zonder PATHS gebruiken de opdrachten de meegeleverde gegevens van Almelo "
                  "2019; - leest\n"
                  "één contract van de standaardinvoer. De opties hierboven mogen ook na de\n"
                  "opdracht staan (dinnet validate --quiet). NO_COLOR zet kleur uit.\n"
                  "Documentatie: https://github.com/dinnet/dinnet/tree/main/docs",
                  "Doelen-Inspanningen-Netwerk: load, check and draw programme contracts.\n\n"
                  "Without PATHS, commands use the bundled Almelo 2019 data set; - reads\n"
                  "one contract from standard input. The options above may also follow the\n"
                  "command (dinnet validate --quiet). NO_COLOR turns colour off.\n"
                  "Documentation: https://github.com/dinnet/dinnet/tree/main/docs"),
    "help.version": ("Toon de versie en stop.",
                     "Show the version and exit."),
    "help.help": ("Toon deze hulp en stop.",
                  "Show this message and exit."),
    "help.debug": ("Toon de traceback in plaats van fouten van één regel.",
                   "Show tracebacks instead of one-line errors."),
    "help.quiet": ("Geen voortgangsbalken (laden, tekenen, schrijven).",
                   "No progress bars (loading, drawing, writing)."),
    "help.validate": ("Controleer contractbestanden; één regel per probleem.",
                      "Check contract files; print one line per problem."),
    "help.lang": ("Taal van meldingen en vaste woorden (de gegevens blijven zoals ze geschreven "
                  "zijn).",
                  "Language of messages and fixed words (data stays as written)."),
    "help.validate.sources": ("Controleer ook elke source: tegen de teksten in DIR: het bestand "
                              "en de regels bestaan, de naam van het element staat daar.",
                              "Also check every source: against the texts in DIR: the file and "
                              "lines exist, the element's label stands there."),
    "help.jobs": ("Processen die de bestanden lezen en, bij een groot netwerk, de audit doen "
                  "(standaard: één per processor, als er genoeg te doen is; 1: geen).",
                  "Processes that read the files and, for a large graph, run the audit (default: "
                  "one per CPU, when there is enough to do; 1: none)."),
    "help.cache_dir": ("Bewaar gelezen contracten hier (standaard: DINNET_CACHE_DIR, anders de "
                       "cachemap van de gebruiker; zie 'dinnet cache info').",
                       "Keep read contracts here (default: DINNET_CACHE_DIR, else the user's "
                       "cache folder; see 'dinnet cache info')."),
    "help.no_cache": ("Lees elk bestand opnieuw; gebruik en bewaar geen cache.",
                      "Read every file again; use and keep no cache."),
    "help.export": ("Exporteer de graaf voor andere programma's: JSON, GraphML (yEd), GEXF "
                    "(Gephi), CSV (Excel).",
                    "Export the graph for other tools: JSON, GraphML (yEd), GEXF (Gephi), CSV "
                    "(Excel)."),
    "help.export.format": ("Standaard: volgens de extensie van -o (.json, .graphml, .gexf, "
                           ".csv; .zip of een map: csv-tabellen), anders json. json: networkx "
                           "node-link; graphml: yEd, Gephi; gexf: Gephi; csv: voor Excel.",
                           "Default: from the -o suffix (.json, .graphml, .gexf, .csv; .zip or a "
                           "folder: csv tables), else json. json: networkx node-link; graphml: "
                           "yEd, Gephi; gexf: Gephi; csv: for Excel."),
    "help.export.csv_dialect": ("excel-nl: opent goed in Nederlandse Excel (UTF-8 met BOM, ';', "
                                "decimale komma); plain: UTF-8, ',' en '.'.",
                                "excel-nl: opens right in Dutch Excel (UTF-8 with BOM, ';', "
                                "decimal comma); plain: UTF-8, ',' and '.'."),
    "help.export.output": ("Bestand, of - voor de standaarduitvoer. csv: FILE.csv (één tabel), "
                           "een map of FILE.zip (nodes.csv en edges.csv).",
                           "File, or - for stdout. csv: FILE.csv (one table), a folder or "
                           "FILE.zip (nodes.csv and edges.csv)."),
    "help.audit": ("Meld gaten en tegenstrijdigheden.\n\n"
                   "Elke regel, waarom die ertoe doet en hoe je het oplost: "
                   "https://github.com/dinnet/dinnet/blob/main/docs/rules.md",
                   "Report gaps and inconsistencies.\n\n"
                   "Every rule, why it matters and how to fix it: "
                   "https://github.com/dinnet/dinnet/blob/main/docs/rules.md"),
    "help.audit.format": ("text: regels file:line:col; sarif, junit, github, gitlab: voor CI "
                          "(https://github.com/dinnet/dinnet/blob/main/docs/ci.md).",
                          "text: file:line:col lines; sarif, junit, github, gitlab: for CI "
                          "(https://github.com/dinnet/dinnet/blob/main/docs/ci.md)."),
    "help.audit.fail_on": ("Eindig met code 1 bij een bevinding van deze ernst (of erger).",
                           "Exit 1 when a finding this severe (or worse) is found."),
    "help.audit.explain": ("Leg één regel uit (DIN101 of goal-without-effort) in plaats van te "
                           "auditen.",
                           "Explain one rule (DIN101 or goal-without-effort) instead of auditing."),
    "help.audit.as_of": ("De auditdatum van de monitoringsregels: 2025-12-31, 31-12-2025, of "
                         "een jaar voor de laatste dag ervan (standaard: vandaag).",
                         "The audit date of the monitoring rules: 2025-12-31, 31-12-2025, or a "
                         "year for its last day (default: today)."),
    "help.output": ("Bestand, of - voor de standaarduitvoer.",
                    "File, or - for stdout."),
    "help.query": ("Beantwoord één vraag: gaps | shared | deps [FROM TO] | budget | why ID | "
                   "how ID | impact ID.\n\n"
                   "ARGS zijn de id('s) van de elementen die de vraag nodig heeft, dan de PATHS "
                   "van de contracten\n"
                   "(geen: de meegeleverde gegevens). Een id ziet eruit als 'zorg:SD3'.",
                   "Answer one question: gaps | shared | deps [FROM TO] | budget | why ID | how "
                   "ID | impact ID.\n\n"
                   "ARGS are the node id(s) the question needs, then contract PATHS\n"
                   "(none: the bundled data). Node ids look like 'zorg:SD3'."),
    "help.progress": ("De stand van elk doel en elke indicator op een datum, en wat er gedaan "
                      "wordt voor doelen die achter liggen.\n\n"
                      "Een indicator is op koers, achter, voor, bereikt of onbekend tegenover "
                      "de rechte lijn\n"
                      "van de peilwaarde naar de streefwaarden; een doel krijgt de slechtste "
                      "bekende stand eronder.\n"
                      "De regels: https://github.com/dinnet/dinnet/blob/main/docs/monitoring.md",
                      "Status of every goal and indicator on a date, and what is done for goals "
                      "behind.\n\n"
                      "An indicator is on track, behind, ahead, reached or unknown against the "
                      "straight path\n"
                      "from its baseline to its targets; a goal takes the worst known status "
                      "beneath it.\n"
                      "The rules: https://github.com/dinnet/dinnet/blob/main/docs/monitoring.md"),
    "help.progress.as_of": ("De datum om op te beoordelen: 2025-12-31, 31-12-2025, of een jaar "
                            "voor de laatste dag ervan (standaard: vandaag). Latere metingen "
                            "tellen niet mee.",
                            "The date to judge on: 2025-12-31, 31-12-2025, or a year for its last "
                            "day (default: today). Later measurements do not count."),
    "help.schema": ("Schrijf het JSON Schema van het contractformaat, voor editors.\n\n"
                    "Opgeslagen als contract.schema.json naast uw contracten is het waar\n"
                    "'dinnet new' nieuwe bestanden naar laat wijzen "
                    "(https://github.com/dinnet/dinnet/blob/main/docs/editors.md).",
                    "Write the JSON Schema of the contract format, for editors.\n\n"
                    "Saved as contract.schema.json next to your contracts, it is what\n"
                    "'dinnet new' points new files at "
                    "(https://github.com/dinnet/dinnet/blob/main/docs/editors.md)."),
    "help.schema.index": ("In plaats daarvan het schema van index.yaml.",
                          "The schema of index.yaml instead."),
    "help.schema.measurements": ("In plaats daarvan het schema van meetbestanden.",
                                 "The schema of measurements files instead."),
    "help.new": ("Schrijf een skelet van een contract met uitleg voor programma NAME, dat de "
                 "controle doorstaat.",
                 "Write a commented skeleton contract for programme NAME that validates."),
    "help.new.output": ("Het nieuwe contractbestand, of - voor de standaarduitvoer. "
                        "Overschrijft nooit een bestand.",
                        "The new contract file, or - for stdout. Never overwrites a file."),
    "help.new.id": ("Programma-id (standaard: gemaakt van NAME).",
                    "Programme id (default: made from NAME)."),
    "help.new.start": ("Eerste jaar.",
                       "First year."),
    "help.new.end": ("Laatste jaar (standaard: START + 3).",
                     "Last year (default: START + 3)."),
    "help.export_xlsx": ("Schrijf contracten naar een werkmap, één blad per soort element.\n\n"
                         "Het sjabloon, kolom voor kolom: "
                         "https://github.com/dinnet/dinnet/blob/main/docs/xlsx.md",
                         "Write contracts to a workbook, one sheet per element kind.\n\n"
                         "The template, column by column: "
                         "https://github.com/dinnet/dinnet/blob/main/docs/xlsx.md"),
    "help.export_xlsx.output": ("Het .xlsx-bestand om te schrijven.",
                                "The .xlsx file to write."),
    "help.import_xlsx": ("Lees een werkmap in het dinnet-sjabloon terug naar één YAML-bestand "
                         "per programma.",
                         "Read a workbook in the dinnet template back into one YAML file per "
                         "programme."),
    "help.import_xlsx.output": ("Map voor de YAML-bestanden.",
                                "Folder for the YAML files."),
    "help.import_xlsx.force": ("Vervang YAML-bestanden die al bestaan.",
                               "Replace YAML files that already exist."),
    "help.import_measurements": ("Lees metingen uit CSV- of xlsx-tabellen in een "
                                 "meetbestand.\n\n"
                                 "Eén rij per waarde van een indicator of stand van een "
                                 "inspanning of project; CSV\n"
                                 "met ';' leest Nederlandse getallen (1.250,5). Kolommen en "
                                 "regels:\n"
                                 "https://github.com/dinnet/dinnet/blob/main/docs/measurements.md",
                                 "Read measurements from CSV or xlsx tables into a measurements "
                                 "file.\n\n"
                                 "One row per value of an indicator or state of an effort or "
                                 "project; ';'-separated\n"
                                 "CSV reads Dutch numbers (1.250,5). Columns and rules:\n"
                                 "https://github.com/dinnet/dinnet/blob/main/docs/measurements.md"),
    "help.import_measurements.output": ("Het meetbestand om te schrijven "
                                        "(NAME.measurements.yaml naast de contracten, of "
                                        "measurements.yaml), of - voor de standaarduitvoer.",
                                        "The measurements file to write (NAME.measurements.yaml "
                                        "beside the contracts, or measurements.yaml), or - for "
                                        "stdout."),
    "help.import_measurements.programme": ("Het programma van verwijzingen die zonder "
                                           "'programma:' geschreven zijn.",
                                           "The programme of references written without "
                                           "'programme:'."),
    "help.import_measurements.title": ("Het verslag waar de waarden uit komen.",
                                       "The report the values come from."),
    "help.import_measurements.contracts": ("Controleer elke verwijzing tegen deze contracten "
                                           "(bestanden of mappen; herhaal voor meer).",
                                           "Check every reference against these contracts (files "
                                           "or folders; repeat for more)."),
    "help.import_measurements.force": ("Vervang het bestand als het bestaat.",
                                       "Replace the file if it exists."),
    "help.diff": ("Wat er veranderde van versie OLD naar NEW: contractbestanden of mappen, of "
                  "twee\n"
                  "meetbestanden (wat er bewoog tussen twee verslagen: waarden, en de stand "
                  "van\n"
                  "indicatoren, doelen en inspanningen, elk beoordeeld op de datum van zijn "
                  "bestand).",
                  "What changed from version OLD to NEW: contract files or folders, or two\n"
                  "measurements files (what moved between two reports: values, and the status of\n"
                  "indicators, goals and efforts, each judged on the date of its file)."),
    "help.diff.format": ("svg: het nieuwe DIN met de wijzigingen in kleur.",
                         "svg: the new DIN with the changes coloured."),
    "help.diff.contracts": ("OLD en NEW zijn meetbestanden: de contracten waar ze over gaan "
                            "(standaard: de map van NEW).",
                            "OLD and NEW are measurements files: the contracts they are about "
                            "(default: the folder of NEW)."),
    "help.render": ("Teken het DIN (Doelen-Inspanningen-Netwerk) van elk programma met Graphviz.",
                    "Draw the DIN (Doelen-Inspanningen-Netwerk) of each programme with Graphviz."),
    "help.render.programme": ("Alleen dit programma (standaard: alle, elk een eigen bestand).",
                              "Only this programme (default: all, one file each)."),
    "help.render.by_strategic_goal": ("Eén diagram per strategisch doel.",
                                      "One diagram per strategic goal."),
    "help.render.highlight_gaps": ("Markeer de bevindingen van de audit in het DIN.",
                                   "Mark the audit's findings on the DIN."),
    "help.render.status": ("Kleur doelen en indicatoren naar hun stand, inspanningen en "
                           "projecten naar hoe ze gingen (uit de metingen).",
                           "Colour goals and indicators by status, efforts and projects by how "
                           "they went (from the measurements)."),
    "help.render.as_of": ("Met --status: de datum (2025-12-31, 31-12-2025 of een jaar voor de "
                          "laatste dag ervan; standaard: vandaag).",
                          "With --status: the date (2025-12-31, 31-12-2025 or a year for its last "
                          "day; default: today)."),
    "help.drawing_format": ("Standaard: volgens de extensie van -o, anders svg.",
                            "Default: from the -o suffix, else svg."),
    "help.render.page": ("Deel in voor papier, gesplitst in bladen die afdrukken met tekst van "
                         "7 pt of meer (pdf: één bestand per programma; svg/png: één bestand "
                         "per blad).",
                         "Lay out for paper, split into pages that print with text of 7 pt or "
                         "more (pdf: one file per programme; svg/png: one file per page)."),
    "help.render.portrait": ("Met --page: staand in plaats van liggend.",
                             "With --page: portrait instead of landscape."),
    "help.render.output": ("Bestand (één diagram), map (meer), of - voor de standaarduitvoer.",
                           "File (one diagram), folder (several), or - for stdout."),
    "help.portfolio": ("Teken alle programma's en hun onderlinge raakvlakken (eenzijdige "
                       "gestreept).",
                       "Draw all programmes and their mutual relations (one-sided ones dashed)."),
    "help.charts": ("Grafieken van het verloop van indicatoren (met wat er gemeten is) en van "
                    "begrotingen.",
                    "Chart indicator trajectories (with what was measured) and budgets."),
    "help.charts.as_of": ("Teken wat er op deze datum gemeten was (2025-12-31, 31-12-2025 of "
                          "een jaar) en de stand van elke indicator op die datum.",
                          "Draw what was measured by this date (2025-12-31, 31-12-2025 or a year) "
                          "and each indicator's status on it."),
    "help.charts.output": ("Map voor de grafiekbestanden.",
                           "Folder for the chart files."),
    "help.report": ("Schrijf één op zichzelf staand HTML-rapport: DIN's, bevindingen, dekking, "
                    "grafieken, voortgang.",
                    "Write one self-contained HTML report: DINs, findings, coverage, charts, "
                    "progress."),
    "help.report.output": ("HTML-bestand, of - voor de standaarduitvoer.",
                           "HTML file, or - for stdout."),
    "help.report.split": ("Schrijf in plaats daarvan index.html en één pagina per programma in "
                          "FOLDER (voor meer programma's dan één bestand goed bevat).",
                          "Write index.html and one page per programme into FOLDER instead (for "
                          "more programmes than one file holds well)."),
    "help.report.jobs": ("Processen die de bestanden lezen en de DIN's tekenen (standaard: één "
                         "per processor).",
                         "Processes that read the files and draw the DINs (default: one per CPU)."),
    "help.report.as_of": ("De datum van de voortgang (Voortgang) van programma's met metingen "
                          "(2025-12-31, 31-12-2025 of een jaar; standaard: vandaag).",
                          "The date of the progress (Voortgang) of programmes with measurements "
                          "(2025-12-31, 31-12-2025 or a year; default: today)."),
    "help.cache": ("De cache van gelezen contracten, bevindingen en getekende DIN's: waar die staat, hoe "
                   "groot die is, legen.\n\n"
                   "Laden bewaart elk contract dat het gelezen heeft, naar de inhoud van het "
                   "bestand, zodat de\n"
                   "volgende keer alleen leest wat veranderd is "
                   "(https://github.com/dinnet/dinnet/blob/main/docs/performance.md);\n"
                   "'dinnet audit' bewaart zijn bevindingen bij precies dezelfde bestanden, "
                   "datum en dinnet;\n"
                   "het rapport bewaart wat Graphviz tekende, naar de precieze tekst die het "
                   "kreeg.",
                   "The cache of read contracts, findings and drawn DINs: where it is, how big, "
                   "empty it.\n\n"
                   "Loading keeps every contract it has read, by the file's content, so the\n"
                   "next run reads only what changed "
                   "(https://github.com/dinnet/dinnet/blob/main/docs/performance.md);\n"
                   "'dinnet audit' keeps its findings for exactly the same files, date and dinnet;\n"
                   "the report keeps what Graphviz drew, by the exact text it was given."),
    "help.cache.info": ("Toon de cachemap, het aantal bestanden erin en hun grootte.",
                        "Print the cache folder, its entries and their size."),
    "help.cache.folder": ("De cachemap (standaard: DINNET_CACHE_DIR, anders de cachemap van de "
                          "gebruiker).",
                          "The cache folder (default: DINNET_CACHE_DIR, else the user's cache "
                          "folder)."),
    "help.cache.clear": ("Verwijder alles uit de cache (niets anders in de map).",
                         "Remove every entry from the cache (nothing else in the folder)."),
    # the extras click adds to an option's help, and its --version line
    "click.env_var": ("omgevingsvariabele: {var}", "env var: {var}"),
    "click.default": ("standaard: {default}", "default: {default}"),
    "click.required": ("verplicht", "required"),
    "cli.index_or_measurements": ("geef --index of --measurements, niet allebei",
                                  "give --index or --measurements, not both"),
    # the comments of a new contract (dinnet.io.scaffold, dinnet new)
    "new.intro": ('Een nieuw programmacontract. Vervang elke "VUL IN" en de voorbeelden;\n'
                  "schrap wat uw contract niet heeft. Formaat: docs/format.md.\n"
                  "Elk element heeft een `source`: het bestand en de regels van de contracttekst\n"
                  'waar het vandaan komt ("{pid}.txt:12-14"), zodat elk feit te controleren is.\n'
                  "Controleer het bestand met:  dinnet validate {file}",
                  'A new programme contract. Replace every "VUL IN" and the example entries;\n'
                  "delete what your contract does not have. Format: docs/format.md.\n"
                  "Every element has a `source`: the file and lines of the contract text it\n"
                  'comes from ("{pid}.txt:12-14"), so every fact can be checked.\n'
                  "Check the file with:  dinnet validate {file}"),
    "new.id": ("kleine letters, cijfers en '-'", "lower-case letters, digits and '-'"),
    "new.years": ("jaren, beide meegeteld", "years, inclusive"),
    "new.vision": ("visie / ambitie / missie: de wortel van het DIN",
                   "visie / ambitie / missie: the root of the DIN"),
    "new.goals": ("genest: hoofdopgave > strategisch > operationeel",
                  "nested: main > strategic > operational"),
    "new.measurable": ("meetbaar: geef het hieronder een indicator",
                       "measurable: give it an indicator below"),
    "new.serves": ("de doelen die het dient", "the goals it serves"),
    "new.results": ("wat inspanningen opleveren", "what efforts deliver"),
    "new.budgets": ("tabellen met totalen ZOALS GEDRUKT", "tables with totals AS PRINTED"),
    "new.relations": ("raakvlakken met andere programma's", "dependencies on other programmes"),
    # the first comment of a file import-xlsx writes (dinnet.io.xlsx_import)
    "xlsx.imported": ("Geïmporteerd uit {name} door dinnet import-xlsx.",
                      "Imported from {name} by dinnet import-xlsx."),
    "xlsx.imported_index": ("Geïmporteerd uit {name}.", "Imported from {name}."),
    "xlsx.stdin": ("standaardinvoer", "standard input"),
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


def phrase(key: str, lang: str = DEFAULT_LANG, /, **fields: object) -> str:
    """A fixed phrase in ``lang``, its ``{fields}`` filled in.

    >>> phrase("diff.legend"), phrase("diff.legend", "en")
    ('Wijzigingen', 'Changes')
    """
    return _filled(key, lang, fields)


def _filled(key: str, lang: str, fields: Mapping[str, object]) -> str:
    """:func:`phrase` with its fields in a mapping (a message's, made once: no second dict
    for ``**fields``)."""
    text = PHRASES[key][LANGS.index(check_lang(lang))]
    return text.format_map(fields) if fields else text


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


def format_number(value: object, lang: str = DEFAULT_LANG, *, decimals: int | None = None) -> str:
    """A number as printed in ``lang``: thousands grouped, a decimal comma in Dutch.

    Every digit of ``value`` is shown, or at most ``decimals`` after the point;
    anything that is not a number is returned as text.

    >>> format_number(13600.0), format_number(13600.5, "en"), format_number(0.01235)
    ('13.600', '13,600.5', '0,01235')
    >>> format_number(1234.567, decimals=2), format_number(93000.4, "en", decimals=0)
    ('1.234,57', '93,000')
    >>> format_number("n.t.b."), format_number(True)
    ('n.t.b.', 'True')
    """
    check_lang(lang)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if decimals is not None:
        value = round(value, decimals)
    if isinstance(value, int) or value.is_integer():
        text = f"{int(value):,}"
    else:  # every digit of the shortest repr, never an exponent
        text = format(Decimal(repr(float(value))), ",f")
    return text.translate(_DUTCH) if lang == "nl" else text


_DUTCH = str.maketrans({",": ".", ".": ","})


def format_date(day: dt.date, lang: str = DEFAULT_LANG) -> str:
    """A date as written in ``lang``: ``31-12-2025`` in Dutch, ``2025-12-31`` in English.

    >>> format_date(dt.date(2025, 6, 3)), format_date(dt.date(2025, 6, 3), "en")
    ('03-06-2025', '2025-06-03')
    """
    return day.strftime("%d-%m-%Y") if check_lang(lang) == "nl" else day.isoformat()


@dataclass(frozen=True)
class Message:
    """A message to show in either language: a phrase key and the fields to fill in.

    A field named ``*_term`` holds a key of :data:`TERMS`, ``*_phrase`` a key
    of :data:`PHRASES`, ``*_num`` a number (``13.600,5`` in Dutch) and ``*_amount``
    an amount (``150.000`` in Dutch); a date is written the way of the language
    (:func:`format_date`); a :class:`Message` or a list as a value
    is shown in the same language (a list joined by commas).

    >>> m = message("audit.effort_without_goal", label="Minder auto's")
    >>> print(m.text("nl")); print(m.text("en"))
    inspanning 'Minder auto's' draagt aan geen enkel doel bij
    effort 'Minder auto's' contributes to no goal
    """

    key: str
    fields: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """The message in ``lang``."""
        # a text field that names no term or phrase (a label, an id) stands as it is:
        # what _field gives it, without the call (the audit writes 100k messages)
        return _filled(self.key, lang, {
            name: value if type(value) is str and not name.endswith(_NAMED)
            else _field(name, value, lang) for name, value in self.fields})

    def __str__(self) -> str:
        return self.text("en")


def message(key: str, /, **fields: object) -> Message:
    """A :class:`Message` for phrase ``key`` (it must exist) with ``fields``."""
    if key not in PHRASES:
        raise KeyError(f"no phrase {key!r} in the glossary")
    return Message(key, tuple(fields.items()))


#: The endings of a field's name that make its text a key of :data:`TERMS` or :data:`PHRASES`.
_NAMED = ("_term", "_phrase")


def _field(name: str, value: object, lang: str) -> str:
    if type(value) is str:  # the usual field (a label, an id): what the tests below give it
        if name.endswith("_term"):
            return term(value, lang)
        return phrase(value, lang) if name.endswith("_phrase") else value
    if isinstance(value, Message):
        return value.text(lang)
    if name.endswith("_terms") and isinstance(value, list | tuple):
        shown = [term(str(v), lang) for v in value]
        if len(shown) < 2:
            return "".join(shown)
        return phrase("ref.or", lang, a=", ".join(shown[:-1]), b=shown[-1])
    if isinstance(value, list | tuple):
        return ", ".join(_field(name, v, lang) for v in value)
    if name.endswith("_term"):
        return term(str(value), lang)
    if name.endswith("_phrase"):
        return phrase(str(value), lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if name.endswith("_num") and isinstance(value, int | float):
        return format_number(value, lang)
    if name.endswith("_amount") and isinstance(value, int | float):
        return format_number(value, lang, decimals=0)
    return str(value)


def kind_word(kind: str, level: str | None = None, lang: str = DEFAULT_LANG) -> str:
    """The name of a kind of node (a goal by its level) in ``lang``; unknown kinds as they are.

    >>> kind_word("effort"), kind_word("goal", "strategic"), kind_word("goal", None, "en")
    ('inspanning', 'strategisch doel', 'goal')
    """
    check_lang(lang)
    if kind == "goal" and level in TERMS:
        return term(str(level), lang)
    return term(kind, lang) if kind in TERMS else kind
