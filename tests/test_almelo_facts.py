"""Facts of the Almelo 2019 contracts, checked against the loaded graph.

Each test cites the seed line(s) in ../shared/seeds/ it comes from.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest

import dinnet
from dinnet.queries import table_totals


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return dinnet.load()


def node(G: nx.MultiDiGraph, nid: str) -> dict:
    return G.nodes[nid]


def goals_of(G: nx.MultiDiGraph, effort: str) -> set[str]:
    return {v for v, keys in G.succ[effort].items() if "contributes_to" in keys}


def kinds(G: nx.MultiDiGraph, programme: str) -> Counter:
    return Counter(d["kind"] for _, d in G.nodes(data=True)
                   if d["programme"] == programme and d["kind"] != "programme")


def table(G: nx.MultiDiGraph, programme: str, table_id: str, group: str = "budgets") -> dict:
    (t,) = [t for t in node(G, programme)[group] if t["id"] == table_id]
    return t


# --- the data set as a whole ---------------------------------------------------------------

def test_seven_programmes(G: nx.MultiDiGraph) -> None:
    programmes = sorted(n for n, d in G.nodes(data=True) if d["kind"] == "programme")
    assert programmes == ["binnenstad", "duurzaamheid", "economie-en-participatie",
                          "nieuwstraatkwartier", "omgevingswet", "veiligheid", "zorg"]


def test_every_node_and_edge_has_a_source(G: nx.MultiDiGraph) -> None:
    assert all(d["source"] for _, d in G.nodes(data=True))
    assert all(d["source"] for *_, d in G.edges(data=True))


def test_index_kenmerk(G: nx.MultiDiGraph) -> None:
    # 00-aanbiedingsbrief.txt:87 "Zorg, met kenmerk Intern – 67933"
    (index,) = G.graph["index"]
    by_programme = {a["programme"]: a["kenmerk"] for a in index["appendices"]}
    assert by_programme["zorg"] == "Intern – 67933"
    assert by_programme["duurzaamheid"] == "Intern – 67856 & 67857 & 67858"  # :77


# --- Zorg (07-zorg.txt) --------------------------------------------------------------------

def test_zorg_roles(G: nx.MultiDiGraph) -> None:
    roles = node(G, "zorg")["roles"]  # 07-zorg.txt:1-5
    assert roles["bestuurlijk_opdrachtgever"] == "Eugène van Mierlo & Alex Langius"
    assert roles["ambtelijk_opdrachtgever"] == "Ron Frerix"
    assert roles["programmamanager"] == "Hatice Kücükbal"


def test_zorg_date(G: nx.MultiDiGraph) -> None:
    assert node(G, "zorg")["date"] == "21 mei 2019"  # 07-zorg.txt:7


def test_zorg_goal_counts(G: nx.MultiDiGraph) -> None:
    levels = Counter(d["level"] for _, d in G.nodes(data=True)
                     if d["programme"] == "zorg" and d["kind"] == "goal")
    assert levels == {"main": 2, "strategic": 4, "operational": 9}  # 07-zorg.txt:150-217


def test_zorg_sd3_label(G: nx.MultiDiGraph) -> None:
    # 07-zorg.txt:166
    assert "beter uit met de Rijksmiddelen voor Wmo en Jeugd" in node(G, "zorg:SD3")["label"]


def track_goals(G: nx.MultiDiGraph, track: str) -> dict[str, str]:
    """The goals a track serves as a whole, with each link's source."""
    return {v: G.edges[track, v, "contributes_to"]["source"]
            for v, keys in G.succ[track].items() if "contributes_to" in keys}


def effort_links(G: nx.MultiDiGraph, programme: str) -> int:
    return sum(1 for u, _, k in G.edges(keys=True)
               if k == "contributes_to" and G.nodes[u]["programme"] == programme
               and G.nodes[u]["kind"] == "effort")


def test_zorg_line_1_serves_all_strategic_goals(G: nx.MultiDiGraph) -> None:
    # 07-zorg.txt:347 "Deze programmalijn draagt bij aan de strategische doelen 1, 2, 3 en 4."
    goals = track_goals(G, "zorg:PL1")
    assert {g: src for g, src in goals.items() if ":SD" in g} == {
        f"zorg:SD{i}": "07-zorg.txt:347" for i in (1, 2, 3, 4)}


def test_zorg_line_2_serves_2_3_4(G: nx.MultiDiGraph) -> None:
    # 07-zorg.txt:378
    assert {g for g in track_goals(G, "zorg:PL2") if ":SD" in g} == {
        "zorg:SD2", "zorg:SD3", "zorg:SD4"}


def test_zorg_line_3_serves_3_4(G: nx.MultiDiGraph) -> None:
    # 07-zorg.txt:425
    assert {g for g in track_goals(G, "zorg:PL3") if ":SD" in g} == {"zorg:SD3", "zorg:SD4"}


def test_zorg_line_4_serves_3(G: nx.MultiDiGraph) -> None:
    # 07-zorg.txt:474 "Deze programmalijn draagt bij aan het strategische doel 3."
    assert track_goals(G, "zorg:PL4")["zorg:SD3"] == "07-zorg.txt:474"
    assert {g for g in track_goals(G, "zorg:PL4") if ":SD" in g} == {"zorg:SD3"}


def test_zorg_lines_serve_both_hoofdopgaven(G: nx.MultiDiGraph) -> None:
    # 07-zorg.txt:227-228 "De programmalijnen ... een belangrijke bijdrage ... aan beide
    # hoofdopgaven en de strategische doelen."
    for line in ("PL1", "PL2", "PL3", "PL4"):
        goals = track_goals(G, f"zorg:{line}")
        assert goals["zorg:HO1"] == goals["zorg:HO2"] == "07-zorg.txt:227-228"
    from dinnet.queries import goals_without_effort

    assert not {"zorg:HO1", "zorg:HO2"} & set(goals_without_effort(G))


def test_zorg_links_stand_on_the_lines_not_on_each_effort(G: nx.MultiDiGraph) -> None:
    # the text states every effort->goal link once per programme line: 105 per-effort
    # copies became 10 strategic-goal links and 8 hoofdopgave links on the four lines
    assert effort_links(G, "zorg") == 0
    assert sum(len(track_goals(G, f"zorg:PL{i}")) for i in (1, 2, 3, 4)) == 18
    assert goals_of(G, "zorg:E29") == set()
    from dinnet.queries import why

    assert "zorg:SD3" in why(G, "zorg:E29")  # the effort serves SD3 through its line


def test_zorg_maatschappelijke_opvang(G: nx.MultiDiGraph) -> None:
    # 07-zorg.txt:182-184 "maximaal 176 ... t.o.v. 218 in 2017"
    ind = node(G, "zorg:SD1.c.i1")
    assert (ind["baseline_value"], ind["baseline_year"]) == (218, 2017)
    assert ind["targets"][2022] == 176


def test_zorg_early_school_leavers(G: nx.MultiDiGraph) -> None:
    # 07-zorg.txt:195-197 "maximaal 1,5% ... t.o.v. 1,9% in 2017"
    ind = node(G, "zorg:SD2.a.i1")
    assert (ind["baseline_value"], ind["baseline_year"], ind["targets"][2022]) == (1.9, 2017, 1.5)


def test_zorg_rapportcijfer(G: nx.MultiDiGraph) -> None:
    # 07-zorg.txt:188-191 "gemiddeld een 6,5 ... t.o.v. een 6 in 2018"
    ind = node(G, "zorg:SD1.e.i1")
    assert (ind["baseline_value"], ind["baseline_year"], ind["targets"][2022]) == (6, 2018, 6.5)


def test_zorg_jonge_kind_left_open(G: nx.MultiDiGraph) -> None:
    # 07-zorg.txt:198 "Nog te bepalen indicatoren op basis van het project 'Het Jonge Kind'"
    assert node(G, "zorg:SD2.b")["open"] is True


def test_zorg_budget_table(G: nx.MultiDiGraph) -> None:
    # 07-zorg.txt:791 "Dagstructurering 200 150", :802 "Totaal 1.592 150"
    b1 = table(G, "zorg", "B1")
    assert b1["stated_totals"] == {2019: 1592, 2020: 150}
    (line,) = [ln for ln in b1["lines"] if ln["label"] == "Dagstructurering"]
    assert line["amounts"] == {2019: 200, 2020: 150}
    assert table_totals(b1) == {2019: 1592, 2020: 150}


# --- Binnenstad (02-binnenstad.txt) --------------------------------------------------------

def test_binnenstad_counts(G: nx.MultiDiGraph) -> None:
    c = kinds(G, "binnenstad")
    assert (c["goal"], c["track"], c["indicator"]) == (15, 5, 10)  # :205-260, :280-300


def test_binnenstad_sd2(G: nx.MultiDiGraph) -> None:
    # 02-binnenstad.txt:211
    assert node(G, "binnenstad:SD2")["label"] == \
        "In 2022 staan minder winkels en panden leeg in de binnenstad van Almelo"


def test_binnenstad_visitors_baseline(G: nx.MultiDiGraph) -> None:
    # 02-binnenstad.txt:227-228 "met 7.000 ten opzichte van 2016 (93.000)"
    ind = node(G, "binnenstad:1a.i1")
    assert (ind["baseline_value"], ind["baseline_year"]) == (93000, 2016)


def test_binnenstad_companies_target(G: nx.MultiDiGraph) -> None:
    # 02-binnenstad.txt:260 "Het aantal bedrijven in de binnenstad groeit tot 614"
    assert node(G, "binnenstad:5a.i1")["targets"][2022] == 614


def test_binnenstad_programme_budget(G: nx.MultiDiGraph) -> None:
    # 02-binnenstad.txt:722 "Programmabudget 450 450 450 150"
    (line,) = table(G, "binnenstad", "B1")["lines"]
    assert line["amounts"] == {2019: 450, 2020: 450, 2021: 450, 2022: 150}


def test_binnenstad_table_totals_as_printed(G: nx.MultiDiGraph) -> None:
    # 02-binnenstad.txt:742 "Totaal 450 600 600 600" (the lines add up to 300 in 2022)
    b2 = table(G, "binnenstad", "B2")
    assert b2["stated_totals"] == {2019: 450, 2020: 600, 2021: 600, 2022: 600}
    assert table_totals(b2)[2022] == 300


def test_binnenstad_overige_inspanningen(G: nx.MultiDiGraph) -> None:
    # 02-binnenstad.txt:732 "Overige inspanningen 50 60 60 60"
    (line,) = [ln for ln in table(G, "binnenstad", "B2")["lines"]
               if ln["label"].startswith("Overige inspanningen")]
    assert line["amounts"] == {2019: 50, 2020: 60, 2021: 60, 2022: 60}


def test_binnenstad_bestuurlijk_opdrachtgever(G: nx.MultiDiGraph) -> None:
    # 02-binnenstad.txt:441 "Wethouder van Rees is bestuurlijk opdrachtgever."
    assert node(G, "binnenstad")["roles"]["bestuurlijk_opdrachtgever"] == "Wethouder van Rees"


# --- Duurzaamheid (01-duurzaamheid.txt) ----------------------------------------------------

def test_duurzaamheid_green_indicator(G: nx.MultiDiGraph) -> None:
    # 01-duurzaamheid.txt:331-335 "0 (2018) 1.000 2.000 4.500 6.000 Gemeente Almelo"
    ind = node(G, "duurzaamheid:I.a.i1")
    assert (ind["baseline_value"], ind["baseline_year"]) == (0, 2018)
    assert ind["targets"] == {2019: 1000, 2020: 2000, 2021: 4500, 2022: 6000}


def test_duurzaamheid_sustainable_energy(G: nx.MultiDiGraph) -> None:
    # 01-duurzaamheid.txt:394-398 "2.1 (2017) 5 9 16 20 Klimaatmonitor"
    ind = node(G, "duurzaamheid:II.d.i1")
    assert (ind["baseline_value"], ind["baseline_year"], ind["targets"][2022]) == (2.1, 2017, 20)
    assert ind["data_source"] == "Klimaatmonitor"


def test_duurzaamheid_electric_cars(G: nx.MultiDiGraph) -> None:
    # 01-duurzaamheid.txt:414-418 "254 (2018) 302 400 600 1.000"
    ind = node(G, "duurzaamheid:II.e.i1")
    assert (ind["baseline_value"], ind["targets"][2022]) == (254, 1000)


def test_duurzaamheid_gas_targets_are_text(G: nx.MultiDiGraph) -> None:
    # 01-duurzaamheid.txt:408 "n.t.b. n.t.b. n.t.b. n.t.b."
    assert set(node(G, "duurzaamheid:IIc.i1")["targets"].values()) == {"n.t.b."}


def test_duurzaamheid_targets_read_from_the_columns(G: nx.MultiDiGraph) -> None:
    # 01-duurzaamheid.txt:386 "   65 WSJG", :442 " 30  33 Kennispunt", :454 " 40  50 Kennispunt":
    # cells are joined by one space (r. 374 "8 12 17 20 Gemeente Almelo"), so blanks mark years
    assert node(G, "duurzaamheid:Ia.i1")["targets"] == {2022: 65}
    assert node(G, "duurzaamheid:IIe.i1")["targets"] == {2020: 30, 2022: 33}
    assert node(G, "duurzaamheid:IIe.i2")["targets"] == {2020: 40, 2022: 50}


def test_duurzaamheid_links_by_wording_are_inferred(G: nx.MultiDiGraph) -> None:
    # 01-duurzaamheid.txt:378-456: the table names no goal; these four rows match no concrete goal
    for ind, goal in (("Ia.i1", "Ia"), ("IIc.i1", "IIc"), ("IIe.i1", "IIe"), ("IIe.i2", "IIe")):
        edge = G.edges[f"duurzaamheid:{ind}", f"duurzaamheid:{goal}", "measures"]
        assert edge["inferred"] is True and edge["note"]
    # rows with the goal's own wording and number are stated (I.a: 6.000 m2 in 2022, r. 189)
    assert G.edges["duurzaamheid:I.a.i1", "duurzaamheid:I.a", "measures"]["inferred"] is False
    # 610-617 (onderzoek naar het elektrificeren van ons wagenpark) vs 290 (E15): wording only
    assert G.edges["duurzaamheid:P7", "duurzaamheid:E15", "implements"]["inferred"] is True


def test_duurzaamheid_fund_share_for_nieuwstraatkwartier(G: nx.MultiDiGraph) -> None:
    # 01-duurzaamheid.txt:919-920 and 04-nieuwstraatkwartier.txt:600-601: EUR 50.000 of the fund
    from dinnet.queries import programme_graph

    P = programme_graph(G)
    for a, b in (("duurzaamheid", "nieuwstraatkwartier"), ("nieuwstraatkwartier", "duurzaamheid")):
        assert any("50.000" in t for t in P.edges[a, b]["topics"]), (a, b)


def test_duurzaamheid_budget_total_as_printed(G: nx.MultiDiGraph) -> None:
    # 01-duurzaamheid.txt:944 "Totaal 200.000 ..." while the 2022 column adds up to 190.000
    b1 = table(G, "duurzaamheid", "B1")
    assert b1["stated_totals"][2022] == 200000
    assert table_totals(b1)[2022] == 190000


def test_duurzaamheid_programmamanager(G: nx.MultiDiGraph) -> None:
    # 01-duurzaamheid.txt:694 "Programmamanager A. Agus is ambtelijk opdrachtnemer."
    assert node(G, "duurzaamheid")["roles"]["programmamanager"] == "A. Agus"


def test_duurzaamheid_two_strategic_goals(G: nx.MultiDiGraph) -> None:
    # 01-duurzaamheid.txt:164-181: Doel I and Doel II
    top = sorted(u for u, v, k in G.edges(keys=True) if k == "serves"
                 and G.nodes[u]["programme"] == "duurzaamheid")
    assert top == ["duurzaamheid:I", "duurzaamheid:II"]


# --- Economie en participatie (03-economie-en-participatie.txt) ----------------------------

def test_economie_main_goals(G: nx.MultiDiGraph) -> None:
    # 03-...:186 and :228
    assert node(G, "economie-en-participatie:I")["label"] == "Almelo, hier wordt gewerkt"
    assert node(G, "economie-en-participatie:II")["level"] == "main"


def test_economie_fifteen_numbered_efforts(G: nx.MultiDiGraph) -> None:
    # 03-...:318-1190: efforts 1-10 under goal I, 1-5 under goal II
    top = [n for n, d in G.nodes(data=True) if d["programme"] == "economie-en-participatie"
           and d["kind"] == "effort"
           and not any("part_of" in k and G.nodes[v]["kind"] == "effort"
                       for v, k in G.succ[n].items())]
    assert len(top) == 15


def test_economie_efforts_link_only_to_their_main_goal(G: nx.MultiDiGraph) -> None:
    # 03-...:304-309: the links to sub-goals lived only in the DIN image
    assert goals_of(G, "economie-en-participatie:E1") == {"economie-en-participatie:I"}
    assert goals_of(G, "economie-en-participatie:EII.1") == {"economie-en-participatie:II"}


def test_economie_bijstand_target(G: nx.MultiDiGraph) -> None:
    # 03-...:200
    assert node(G, "economie-en-participatie:I.1.b.i1")["targets"][2022] == 2200


def test_economie_sub_effort_budget(G: nx.MultiDiGraph) -> None:
    # 03-...:1402
    assert node(G, "economie-en-participatie:EII.2.1")["budget"][2019] == 200000


def test_economie_schulden_sub_efforts(G: nx.MultiDiGraph) -> None:
    # 03-...:1148 "project SUS"
    subs = [u for u, v, k in G.edges(keys=True)
            if k == "part_of" and v == "economie-en-participatie:E10"]
    assert len(subs) == 4
    assert "SUS" in node(G, "economie-en-participatie:E10.4")["label"]


def test_economie_programmamanager(G: nx.MultiDiGraph) -> None:
    # 03-...:2093
    assert node(G, "economie-en-participatie")["roles"]["programmamanager"] == \
        "Ellis van Immerzeel"


# --- Nieuwstraatkwartier (04-nieuwstraatkwartier.txt) --------------------------------------

def test_nsk_strategic_goals(G: nx.MultiDiGraph) -> None:
    # 04-...:168-176
    assert node(G, "nieuwstraatkwartier:SD1")["label"] == "De basis op orde (schoon, heel, veilig)"
    assert kinds(G, "nieuwstraatkwartier")["goal"] == 5


def test_nsk_operational_goals_only_in_image(G: nx.MultiDiGraph) -> None:
    # 04-...:180-187 "operationele doelen ... DIN"
    reasons = [m["reason"] for m in node(G, "nieuwstraatkwartier")["not_in_text"]]
    assert "in_image" in reasons


def test_nsk_wijkkompas_measures_two_goals(G: nx.MultiDiGraph) -> None:
    # 04-...:380-381
    measured = {v for v, k in G.succ["nieuwstraatkwartier:SD1.i1"].items() if "measures" in k}
    assert measured == {"nieuwstraatkwartier:SD1", "nieuwstraatkwartier:SD3"}


def test_nsk_communicatie_link_is_inferred(G: nx.MultiDiGraph) -> None:
    # 04-nieuwstraatkwartier.txt:572-592 (7.4 Communicatie) names no goal; 183-185 names
    # "heldere communicatie" under SD5. E1 (samenwerkingsvormen, 183-185) is stated.
    assert G.edges["nieuwstraatkwartier:E2", "nieuwstraatkwartier:SD5", "contributes_to"][
        "inferred"] is True
    assert G.edges["nieuwstraatkwartier:E1", "nieuwstraatkwartier:SD5", "contributes_to"][
        "inferred"] is False


def test_nsk_capacity_hours_as_printed(G: nx.MultiDiGraph) -> None:
    # 04-nieuwstraatkwartier.txt:796-1013: hours per week, no year; "KCC" (r. 935) is a heading
    c1 = table(G, "nieuwstraatkwartier", "C1", "capacity")
    assert all(not line["amounts"] for line in c1["lines"])
    lines = {line["label"]: line["text"] for line in c1["lines"]}
    assert lines["Adviespool / Programma-adviseur"] == "36/week; In reguliere lijn-uren"
    assert not any("KCC" in label for label in lines)


def test_nsk_budget_ritselbudget(G: nx.MultiDiGraph) -> None:
    # 04-...:1029 and :1033
    b2 = table(G, "nieuwstraatkwartier", "B2")
    assert b2["stated_totals"][2019] == 180000
    assert any(ln["label"].startswith("Ritselbudget") and ln["amounts"][2019] == 50000
               for ln in b2["lines"])


def test_nsk_pilot_sociaal_domein_is_lijnproject(G: nx.MultiDiGraph) -> None:
    # 04-...:931-934
    p3 = node(G, "nieuwstraatkwartier:P3")
    assert (p3["lijnproject"], p3["role"]) == (True, "afstemming")


# --- Omgevingswet (05-omgevingswet.txt) ----------------------------------------------------

def test_omgevingswet_programmamanager(G: nx.MultiDiGraph) -> None:
    # 05-omgevingswet.txt:1635
    assert node(G, "omgevingswet")["roles"]["programmamanager"] == "Janke Krommendijk"


def test_omgevingswet_period_until_2024(G: nx.MultiDiGraph) -> None:
    # 05-omgevingswet.txt:195
    assert node(G, "omgevingswet")["period"][1] == 2024


def test_omgevingswet_sd3(G: nx.MultiDiGraph) -> None:
    # 05-omgevingswet.txt:1935-1939
    assert node(G, "omgevingswet:SD3")["label"] == \
        "Grotere bestuurlijke afwegingsruimte, lokaal maatwerk"


def test_omgevingswet_has_no_indicators(G: nx.MultiDiGraph) -> None:
    # 05-omgevingswet.txt:1856-1866 indicators "worden ontwikkeld"
    assert kinds(G, "omgevingswet")["indicator"] == 0


def test_omgevingswet_result_delivered(G: nx.MultiDiGraph) -> None:
    # 05-omgevingswet.txt:1570
    assert G.has_edge("omgevingswet:E24", "omgevingswet:R14", "delivers")


def test_omgevingswet_budget_line(G: nx.MultiDiGraph) -> None:
    # 05-omgevingswet.txt:1827-1831
    amounts = [ln["amounts"] for ln in table(G, "omgevingswet", "B1")["lines"]]
    assert any(a.get(2019) == 696000 for a in amounts)
    assert any(a.get(2021) == 405000 for a in amounts)


def test_omgevingswet_every_topic_with_efforts_serves_ho3(G: nx.MultiDiGraph) -> None:
    # 05-omgevingswet.txt:920-924 "Om het wensbeeld te realiseren en het beoogde doel te behalen,
    # moeten we verschillende soorten inspanningen leveren." Stated for all efforts: one link per
    # topic (track) that has efforts, none on the efforts themselves (28 before).
    serving = {t for t in ("T1", "T2", "T3", "T4", "T5", "T6", "T7")
               if track_goals(G, f"omgevingswet:{t}").get("omgevingswet:HO3")
               == "05-omgevingswet.txt:920-924"}
    assert serving == {"T1", "T2", "T3", "T5", "T6", "T7"}  # T4 has no efforts (r. 1193-1195)
    assert effort_links(G, "omgevingswet") == 0
    from dinnet.queries import efforts_without_goal

    assert not [e for e in efforts_without_goal(G) if e.startswith("omgevingswet:")]


def test_omgevingswet_verbeterdoelen_serve_both_law_goals(G: nx.MultiDiGraph) -> None:
    # 05-omgevingswet.txt:76 "Om deze maatschappelijke doelen te halen zijn vier verbeterdoelen
    # geformuleerd."
    for sd in ("SD1", "SD2", "SD3", "SD4"):
        for ho in ("HO1", "HO2"):
            edge = G.edges[f"omgevingswet:{sd}", f"omgevingswet:{ho}", "refines"]
            assert edge["source"] == "05-omgevingswet.txt:76"
        assert not G.has_edge(f"omgevingswet:{sd}", "omgevingswet:visie")
    under_vision = [u for u, _, k in G.in_edges("omgevingswet:visie", keys=True) if k == "serves"]
    assert len(under_vision) == 11  # HO1-HO3 and OD1-OD8 (their parents stood in the image)


def test_omgevingswet_sub_effort(G: nx.MultiDiGraph) -> None:
    # 05-omgevingswet.txt:2071 (DIN text) E21.4 under E21
    assert G.has_edge("omgevingswet:E21.4", "omgevingswet:E21", "part_of")


# --- Veiligheid (06-veiligheid.txt) --------------------------------------------------------

def test_veiligheid_has_no_goals(G: nx.MultiDiGraph) -> None:
    # 06-veiligheid.txt:366-374: section 3 is empty and points to the DIN image
    c = kinds(G, "veiligheid")
    assert (c["goal"], c["effort"], c["track"]) == (0, 0, 4)
    sections = [m for m in node(G, "veiligheid")["not_in_text"] if m["reason"] == "section_empty"]
    assert len(sections) == 3


def test_veiligheid_coalition_commitments_recorded_missing(G: nx.MultiDiGraph) -> None:
    # 06-veiligheid.txt:170-208: twelve commitments quoted from the coalition agreement; the
    # text does not say which the programme takes up, so they are no efforts
    (item,) = [m for m in node(G, "veiligheid")["not_in_text"]
               if m["source"] == "06-veiligheid.txt:170-208"]
    assert item["reason"] == "not_stated"
    assert "0,8 miljoen euro" in item["what"] and "twaalf afspraken" in item["what"]


def test_veiligheid_vision(G: nx.MultiDiGraph) -> None:
    # 06-veiligheid.txt:59
    assert node(G, "veiligheid:visie")["label"] == "Samen maken we Almelo veiliger!"


def test_veiligheid_burgemeester(G: nx.MultiDiGraph) -> None:
    # 06-veiligheid.txt:446 "De burgemeester is exclusief bestuurlijk opdrachtgever"
    assert node(G, "veiligheid")["roles"]["bestuurlijk_opdrachtgever"] == "De burgemeester"


def test_veiligheid_theme_3(G: nx.MultiDiGraph) -> None:
    # 06-veiligheid.txt:273
    assert node(G, "veiligheid:T3")["label"] == "Vertrouwen in Handhaving"


def test_veiligheid_ave_is_afstemming(G: nx.MultiDiGraph) -> None:
    # 06-veiligheid.txt:857-863 "afstemming" / "Lijnproject"
    ave = node(G, "veiligheid:P1.AVE")
    assert (ave["role"], ave["lijnproject"]) == ("afstemming", True)


def test_veiligheid_names_zorg(G: nx.MultiDiGraph) -> None:
    # 06-veiligheid.txt:243-245 (verward gedrag) and :351-353
    assert G.has_edge("veiligheid", "zorg", "depends_on")
