# SPDX-License-Identifier: MIT
# The sample towns samples/gemeinden/ (issue #11: `lotse agenda DIR`, `lotse compare`): three INVENTED Saxon
# towns with their process models in mixed formats and a town file stadt.json each. Called by
# tools/make_samples.py (which writes and checks the files); every figure of these files lives here once,
# with its source or marked as ASSUMPTION. Description in samples/gemeinden/README.md.
from __future__ import annotations

import json
import os
from xml.sax.saxutils import escape

from samples_lib import WORKING_HOURS_PER_YEAR, Assoc, Data, Flow, MsgFlow, Node, Sample
from make_samples import RATE_GEHOBEN, RATE_MITTEL, gewerbeanmeldung, hundesteuer, lanes3, task

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---------------------------------------------------------------- the towns (all INVENTED)
LANDKREIS = "Landkreis Beispielkreis"
TOWNS = {
    "musterstadt": {"name": "Musterstadt", "inhabitants": 12400, "kind": "Stadt"},
    "beispielhain": {"name": "Beispielhain", "inhabitants": 4800, "kind": "Gemeinde"},
    "talbach": {"name": "Talbach", "inhabitants": 19600, "kind": "Stadt"},
}

# Fallzahl rates (sources as in samples/README.md)
DOGS_PER_INHABITANT = 1900 / 30500      # Taunusstein, kommunal.de (domain.md 3.4); ASSUMPTION: same in Saxony
DOG_NEW_SHARE = 0.15                    # ASSUMPTION (samples/README.md): new registrations per dog and year
DOG_DEREG_SHARE = 0.13                  # ASSUMPTION (samples/README-table.md): de-registrations per dog and year
GEWERBE_AN_PER_INH = 26445 / 4.0e6      # Sachsen 2023 Anmeldungen / ~4.0 M inhabitants (domain.md 3.4)
GEWERBE_AB_PER_INH = 25291 / 4.0e6      # Sachsen 2023 Abmeldungen / ~4.0 M inhabitants (domain.md 3.4)
SONDERNUTZUNG_PER_1000 = 8              # ASSUMPTION: Gerüste, Container, Baustellen, Aufsteller, Außengastronomie
KITA_PER_1000 = 11                      # ASSUMPTION: ~7 births per 1,000 x ~1.5 (Krippe/Kita/Hort, Zuzug)
PARKAUSWEISE_MUSTERSTADT = 350          # ASSUMPTION: one residents' parking zone in the old town


def inh(town):
    return TOWNS[town]["inhabitants"]


def hund_cases(town):
    return round(inh(town) * DOGS_PER_INHABITANT * DOG_NEW_SHARE)


def gewerbe_cases(town):
    return round(inh(town) * GEWERBE_AN_PER_INH)


def pool(town):
    t = TOWNS[town]
    verw = "Stadtverwaltung" if t["kind"] == "Stadt" else "Gemeindeverwaltung"
    number = f"{t['inhabitants']:,}".replace(",", ".")
    return f"{verw} {t['name']} (erfunden, {number} Einwohner)"


def qbp_line(cases):
    return (f"QBP: arrival EXPONENTIAL mean = 1,600 working hours x 3,600 s / {cases} = "
            f"{WORKING_HOURS_PER_YEAR * 3600 / cases:.0f} s;\n"
            "    task durations NORMAL(mean = processing_minutes x 60 s, sd 20 % ASSUMPTION), FIXED 0 for automated"
            " tasks.")


def town_head(town):
    t = TOWNS[town]
    return (f"INVENTED TOWN: {t['name']} ({t['inhabitants']:,} inhabitants, {LANDKREIS}) does not exist; the model\n"
            "and its figures are plausible for a small Saxon town but describe no real administration.")


def set_cases(s: Sample, cases: int):
    s.cases_per_year = cases
    s.process_attrs = [(k, cases if k == "cases_per_year" else v) for k, v in s.process_attrs]


ZW = "StBA Zeitwerttabelle Nr. {} {} ({})"


# ====================================================================== Musterstadt

def ms_hundesteuer() -> Sample:
    s = hundesteuer()
    cases = hund_cases("musterstadt")
    set_cases(s, cases)
    s.town_pool = pool("musterstadt")
    s.documentation = ("Beispielmodell Prozesslotse (erfundene Stadt Musterstadt, 12.400 Einwohner): Anmeldung eines "
                       "Hundes zur Hundesteuer, Ist-Zustand wie samples/hundesteuer.bpmn (Papierformular, Hauspost, "
                       "Abtippen, Unterschrift, Postversand, Stadtkasse, Papierakte), Fallzahl auf die Stadt "
                       "umgerechnet. Quellen und Annahmen: samples/gemeinden/README.md.")
    s.comment = f"""
Prozesslotse sample town: Musterstadt - Hundesteuer-Anmeldung (as-is, paper), written by tools/make_samples.py
(tools/samples_gemeinden.py; do not edit by hand).
{town_head("musterstadt")}
Same process, times and shares as samples/hundesteuer.bpmn (sources there and in samples/README.md).
  cases_per_year {cases} = 12,400 inhabitants x 1,900 dogs / 30,500 inhabitants (Taunusstein, kommunal.de)
    = {inh("musterstadt") * DOGS_PER_INHABITANT:.0f} dogs x 15 % new registrations per year. ASSUMPTIONS: the 15 %, and
    that dog density in Saxony equals Taunusstein's.
  processing_minutes: StBA Zeitwerttabelle Verwaltung 2025 (named in each task's documentation).
  cost_rate_eur_per_hour: StBA Lohnkostentabelle 2025 Kommunen, 25.50 (einfach/mittel), 42.20 (gehoben).
  ASSUMPTIONS: channel shares 60/40, 20 % incomplete, waiting times (Hauspost 1 day, reply 7 days, payment
    14 days), staff numbers in QBP.
  {qbp_line(cases)}
"""
    return s


def ms_gewerbeanmeldung() -> Sample:
    s = gewerbeanmeldung()
    cases = gewerbe_cases("musterstadt")
    set_cases(s, cases)
    s.town_pool = pool("musterstadt")
    s.documentation = ("Beispielmodell Prozesslotse (erfundene Stadt Musterstadt, 12.400 Einwohner): Gewerbeanmeldung "
                       "nach dem PICTURE-Beispiel \"Gewerbe anmelden\" wie samples/gewerbeanmeldung.bpmn, Fallzahl "
                       "auf die Stadt umgerechnet. Quellen: samples/gemeinden/README.md.")
    s.comment = f"""
Prozesslotse sample town: Musterstadt - Gewerbeanmeldung (as-is, after the PICTURE sample), written by
tools/make_samples.py (tools/samples_gemeinden.py; do not edit by hand).
{town_head("musterstadt")}
Same process, times and shares as samples/gewerbeanmeldung.bpmn (sources there and in samples/README.md).
  cases_per_year {cases} = 12,400 inhabitants x 26,445 Anmeldungen (Sachsen 2023, Statistisches Landesamt)
    / ~4.0 M inhabitants ({GEWERBE_AN_PER_INH * 1000:.2f} per 1,000; the rate is inferred, domain.md 3.4).
  processing_minutes: PICTURE sample "Gewerbe anmelden" block times (domain.md 1.4), else StBA Zeitwerttabelle.
  processing_time_minutes/lead_time_minutes 15: PICTURE Steckbrief (disagrees with the block sum on purpose).
  fee 30 EUR: typical Saxon fee (Schkeuditz, Guben; domain.md 3.4).
  ASSUMPTIONS: incomplete 20 %, reply waiting 7 days, staff numbers in QBP.
  {qbp_line(cases)}
"""
    return s


def ms_sondernutzung() -> Sample:
    town = "musterstadt"
    cases = round(inh(town) * SONDERNUTZUNG_PER_1000 / 1000)
    lanes = lanes3(
        ("Lane_sn", "Ordnungsamt – Sondernutzungen", 3, RATE_MITTEL, 1),
        ("Lane_bauhof", "Bauhof – Straßenunterhaltung", 2, RATE_MITTEL, 1),
        ("Lane_sgl", "Sachgebietsleitung Ordnung", 2, RATE_GEHOBEN, 1),
        ("Lane_kasse", "Stadtkasse", 2, RATE_MITTEL, 2),
    )
    n = [
        Node("Start_antrag", "startEvent", "Antrag auf Sondernutzung eingegangen", "Lane_sn", 0,
             message="Antrag auf Sondernutzungserlaubnis mit Lageplan"),
        Node("Gw_merge", "exclusiveGateway", "", "Lane_sn", 1),
        task("Task_formell", "Antrag & Lageplan formell prüfen", "Lane_sn", 2, 5,
             ZW.format(3, "einfach", "Formelle Prüfung, Daten sichten"), inbound__email=50, inbound__post=30,
             inbound__personal_documents=20, formalization="form_bound", data_source="paper",
             document="Antrag Sondernutzung mit Lageplan (Papier/PDF)"),
        Node("Gw_vollstaendig", "exclusiveGateway", "Unterlagen vollständig?", "Lane_sn", 3),
        task("Task_nachfordern", "Fehlenden Lageplan oder Zeitraum nachfordern", "Lane_sn", 4, 5,
             ZW.format(4, "einfach", "Einholen fehlender Daten"), row="U", outbound__email=60, outbound__post=40,
             it_system="MS Word"),
        Node("Catch_nachgereicht", "intermediateCatchEvent", "Unterlagen nachgereicht", "Lane_sn", 5, row="U",
             message="Nachgereichte Unterlagen",
             attrs=[("waiting_minutes", 7200), ("inbound.email", 60), ("inbound.post", 40)]),
        task("Task_erfassen", "Antragsdaten in Excel-Liste Sondernutzungen erfassen", "Lane_sn", 4, 8,
             ZW.format(5, "einfach", "Daten erfassen"), it_system="MS Excel", data_source="paper"),
        task("Task_anfrage", "Stellungnahme des Bauhofs per Hauspost anfordern", "Lane_sn", 5, 2,
             ZW.format(14, "einfach", "verteilen"), outbound__internal_mail=100,
             document="Antragskopie mit Lageplan (Papier)"),
        task("Task_stellungnahme", "Fläche & Verkehrssicherheit vor Ort prüfen, Stellungnahme schreiben",
             "Lane_bauhof", 6, 8, ZW.format(5, "einfach", "Inhaltliche Prüfung"), outbound__internal_mail=100,
             document="Stellungnahme Bauhof (Papier)"),
        Node("Timer_hauspost", "intermediateCatchEvent", "Liegezeit Hauspost (2 Tage)", "Lane_sn", 7,
             timer="P2D", attrs=[("waiting_minutes", 2880)]),
        task("Task_bescheid", "Erlaubnis mit Auflagen & Gebührenbescheid erstellen (Word)", "Lane_sn", 8, 5,
             ZW.format(11, "einfach", "Bescheid erstellen"), it_system="MS Word",
             legal_basis="§ 18 SächsStrG"),
        task("Task_drucken", "Erlaubnis & Gebührenbescheid drucken", "Lane_sn", 9, 1,
             "PICTURE-Beispiel Gewerbe: Gewerbeschein drucken 1 min (domain.md 1.4)", pages=3, copies=2,
             document="Sondernutzungserlaubnis (Papier)"),
        task("Task_unterschreiben", "Erlaubnis prüfen & unterschreiben", "Lane_sgl", 10, 4,
             ZW.format(7, "einfach", "Ergebnisse überprüfen"), formalization="legally_binding_signature",
             document="Sondernutzungserlaubnis (Papier)"),
        task("Task_versenden", "Erlaubnis & Gebührenbescheid per Post versenden", "Lane_sn", 11, 2,
             ZW.format(14, "einfach", "verteilen"), outbound__post=100,
             document=["Sondernutzungserlaubnis (Papier)", "Gebührenbescheid (Papier)"]),
        task("Task_ablegen", "Vorgang in Papierakte ablegen", "Lane_sn", 12, 2,
             ZW.format(14, "einfach", "archivieren"), document="Papierakte Sondernutzungen"),
        Node("Catch_zahlung", "intermediateCatchEvent", "Zahlung eingegangen", "Lane_kasse", 13,
             message="Gebühr (bar an der Stadtkasse oder Überweisung)", attrs=[("waiting_minutes", 20160)]),
        task("Task_kasse", "Gebühr kassieren oder Überweisung buchen", "Lane_kasse", 14, 5,
             ZW.format(12, "mittel", "Zahlungen annehmen"), it_system="OK.FIS", document="Kassenbeleg (Papier)"),
        Node("End_erteilt", "endEvent", "Sondernutzung erlaubt", "Lane_kasse", 15),
    ]
    f = [
        Flow("Flow_01", "Start_antrag", "Gw_merge"),
        Flow("Flow_02", "Gw_merge", "Task_formell"),
        Flow("Flow_03", "Task_formell", "Gw_vollstaendig"),
        Flow("Flow_04", "Gw_vollstaendig", "Task_erfassen", "ja", 0.75),
        Flow("Flow_05", "Gw_vollstaendig", "Task_nachfordern", "nein", 0.25),
        Flow("Flow_06", "Task_nachfordern", "Catch_nachgereicht"),
        Flow("Flow_07", "Catch_nachgereicht", "Gw_merge", sport="r", tport="t",
             via=[("x", "+30"), ("y", ("lane", "Lane_sn", 22))]),
        Flow("Flow_08", "Task_erfassen", "Task_anfrage"),
        Flow("Flow_09", "Task_anfrage", "Task_stellungnahme"),
        Flow("Flow_10", "Task_stellungnahme", "Timer_hauspost", sport="t", tport="b"),
        Flow("Flow_11", "Timer_hauspost", "Task_bescheid"),
        Flow("Flow_12", "Task_bescheid", "Task_drucken"),
        Flow("Flow_13", "Task_drucken", "Task_unterschreiben"),
        Flow("Flow_14", "Task_unterschreiben", "Task_versenden", sport="t", tport="b"),
        Flow("Flow_15", "Task_versenden", "Task_ablegen"),
        Flow("Flow_16", "Task_ablegen", "Catch_zahlung", tport="l", via=[("x", ("col", 12.5))]),
        Flow("Flow_17", "Catch_zahlung", "Task_kasse"),
        Flow("Flow_18", "Task_kasse", "End_erteilt"),
    ]
    d = [
        Data("Data_antrag", "object", "Antrag mit Lageplan (Papier/PDF)", "Lane_sn", 2),
        Data("Data_excel", "store", "Excel-Liste Sondernutzungen", "Lane_sn", 4, store="DataStore_excel"),
        Data("Data_erlaubnis", "object", "Sondernutzungserlaubnis (Papier)", "Lane_sn", 9),
        Data("Data_akte", "store", "Papierakte Sondernutzungen", "Lane_sn", 12, store="DataStore_papierakte"),
        Data("Data_beleg", "object", "Kassenbeleg (Papier)", "Lane_kasse", 14),
    ]
    a = [
        Assoc("Task_formell", "Data_antrag", False),
        Assoc("Task_erfassen", "Data_excel", True),
        Assoc("Task_drucken", "Data_erlaubnis", True),
        Assoc("Task_ablegen", "Data_akte", True),
        Assoc("Task_kasse", "Data_beleg", True),
    ]
    m = [
        MsgFlow("Msg_antrag", "citizen", "Start_antrag", "Antrag (E-Mail, Post, persönlich)"),
        MsgFlow("Msg_nachforderung", "Task_nachfordern", "citizen", "Nachforderung (E-Mail/Brief)"),
        MsgFlow("Msg_nachgereicht", "citizen", "Catch_nachgereicht", "Lageplan (E-Mail/Post)"),
        MsgFlow("Msg_erlaubnis", "Task_versenden", "citizen", "Erlaubnis & Gebührenbescheid (Post)"),
        MsgFlow("Msg_zahlung", "citizen", "Catch_zahlung", "Gebühr (bar/Überweisung)"),
    ]
    return Sample(
        key="sondernutzungserlaubnis", title="Sondernutzungserlaubnis (Ist)",
        process_name="Sondernutzungserlaubnis für öffentliches Straßenland erteilen (Ist-Prozess)",
        town_pool=pool(town), citizen_pool="Antragsteller/-in (Bauherr, Firma, Gastwirt)",
        lanes=lanes, nodes=n, flows=f, data=d, assocs=a, msgflows=m,
        process_attrs=[("cases_per_year", cases), ("fee_eur", 40),
                       ("legal_basis", "§ 18 SächsStrG (Sondernutzung)"),
                       ("legal_basis", "Sondernutzungssatzung der Stadt"),
                       ("org_unit", "Ordnungsamt – Sondernutzungen")],
        datastores={"DataStore_excel": "Excel-Liste Sondernutzungen",
                    "DataStore_papierakte": "Papierakte Sondernutzungen"},
        cases_per_year=cases,
        documentation="Beispielmodell Prozesslotse (erfundene Stadt Musterstadt, 12.400 Einwohner): Erlaubnis für "
                      "die Sondernutzung öffentlichen Straßenlands (Gerüst, Container, Baustelleneinrichtung, "
                      "Außengastronomie). Antrag per E-Mail, Post oder persönlich, Abtippen in eine Excel-Liste, "
                      "Stellungnahme des Bauhofs per Hauspost, Bescheid in Word, Unterschrift, Postversand, Zahlung "
                      "an der Stadtkasse, Papierakte. Annahmen: samples/gemeinden/README.md.",
        comment=f"""
Prozesslotse sample town: Musterstadt - Sondernutzungserlaubnis fuer Strassenland (as-is), written by
tools/make_samples.py (tools/samples_gemeinden.py; do not edit by hand).
{town_head(town)}
Figures and sources (details in samples/gemeinden/README.md):
  cases_per_year {cases} = 12,400 inhabitants x {SONDERNUTZUNG_PER_1000} per 1,000: ASSUMPTION (no published rate found;
    scaffolds, skips, site equipment, A-boards, outdoor seating).
  fee_eur 40: ASSUMPTION (Verwaltungsgebuehr; the Sondernutzungsgebuehr itself follows the town's statute).
  legal basis: 18 SaechsStrG (Sondernutzung), the town's Sondernutzungssatzung.
  processing_minutes: StBA Zeitwerttabelle Verwaltung 2025, column einfach (Nr. named in each task's
    documentation), except the payment (Nr. 12 mittel); printing 1 min from the PICTURE Gewerbe sample.
  cost_rate_eur_per_hour: StBA Lohnkostentabelle 2025 Kommunen, 25.50 (einfach/mittel), 42.20 (gehoben).
  ASSUMPTIONS: channel shares (50 % e-mail, 30 % post, 20 % in person), 25 % incomplete, waiting times
    (reply 5 days, Hauspost and Bauhof 2 days, payment 14 days, calendar minutes), staff numbers in QBP.
  {qbp_line(cases)}
""")


def ms_kita() -> Sample:
    town = "musterstadt"
    cases = round(inh(town) * KITA_PER_1000 / 1000)
    lanes = lanes3(
        ("Lane_bb", "Bürgerbüro", 2, RATE_MITTEL, 3),
        ("Lane_kt", "Sachgebiet Kindertagesbetreuung", 3, RATE_MITTEL, 1),
        ("Lane_kita", "Kita-Leitung (städtische Kita)", 2, RATE_GEHOBEN, 4),
    )
    n = [
        Node("Start_anmeldung", "startEvent", "Anmeldebogen eingegangen", "Lane_bb", 0,
             message="Anmeldung zur Kindertagesbetreuung (Papierformular)"),
        task("Task_entgegennehmen", "Anmeldebogen entgegennehmen & Eingang stempeln", "Lane_bb", 1, 5,
             ZW.format(4, "einfach", "Eingang bestätigen"), inbound__personal_documents=70, inbound__post=20,
             inbound__email=10, formalization="form_bound", data_source="paper",
             document="Anmeldebogen Kindertagesbetreuung (Papier)"),
        task("Task_hauspost", "Anmeldebogen per Hauspost an das Sachgebiet weiterleiten", "Lane_bb", 2, 2,
             ZW.format(14, "einfach", "verteilen"), outbound__internal_mail=100),
        Node("Timer_hauspost", "intermediateCatchEvent", "Liegezeit Hauspost (1 Tag)", "Lane_kt", 3,
             timer="P1D", attrs=[("waiting_minutes", 1440)]),
        Node("Gw_merge", "exclusiveGateway", "", "Lane_kt", 4),
        task("Task_formell", "Formelle Prüfung", "Lane_kt", 5, 5, ZW.format(3, "einfach", "Formelle Prüfung"),
             inbound__internal_mail=100, data_source="paper"),
        Node("Gw_vollstaendig", "exclusiveGateway", "Angaben vollständig?", "Lane_kt", 6),
        task("Task_nachfordern", "Fehlende Angaben (Betreuungsumfang, Nachweise) nachfordern", "Lane_kt", 7, 5,
             ZW.format(4, "einfach", "Einholen fehlender Daten"), row="U", outbound__post=60, outbound__phone=40),
        Node("Catch_nachgereicht", "intermediateCatchEvent", "Angaben nachgereicht", "Lane_kt", 8, row="U",
             message="Nachgereichte Angaben",
             attrs=[("waiting_minutes", 10080), ("inbound.post", 60), ("inbound.phone", 40)]),
        task("Task_melderegister", "Wohnsitz im <Melderegister> prüfen", "Lane_kt", 7, 5,
             ZW.format(3, "einfach", "Daten sichten"), it_system="Melderegister (VOIS|MESO)"),
        task("Task_erfassen", "Anmeldung in Kita-Platzvergabe (Excel) erfassen", "Lane_kt", 8, 8,
             ZW.format(5, "einfach", "Daten erfassen"), it_system="MS Excel", data_source="paper"),
        task("Task_kita", "Freien Platz prüfen & Aufnahmetermin vorschlagen", "Lane_kita", 9, 10,
             "ASSUMPTION: 10 min (StBA Nr. 5 einfach 8 min + Rücksprache); Platzvergabe mit der Kita-Leitung",
             inbound__phone=100),
        task("Task_zusage", "Platzzusage & Betreuungsvertrag erstellen", "Lane_kt", 10, 5,
             ZW.format(11, "einfach", "Bescheid erstellen"), it_system="MS Word", legal_basis="SächsKitaG"),
        task("Task_drucken", "Platzzusage & Betreuungsvertrag drucken", "Lane_kt", 11, 1,
             "PICTURE-Beispiel Gewerbe: Gewerbeschein drucken 1 min (domain.md 1.4)", pages=6, copies=2,
             document="Betreuungsvertrag (Papier)"),
        task("Task_unterschreiben", "Betreuungsvertrag unterschreiben", "Lane_kt", 12, 4,
             ZW.format(7, "einfach", "Ergebnisse überprüfen"), formalization="legally_binding_signature"),
        task("Task_versenden", "Platzzusage & Vertrag per Post an die Eltern versenden", "Lane_kt", 13, 2,
             ZW.format(14, "einfach", "verteilen"), outbound__post=100, document="Betreuungsvertrag (Papier)"),
        task("Task_kopie", "Vertrag kopieren & Kopie per Hauspost an die Kita", "Lane_kt", 14, 3,
             "ASSUMPTION: 3 min (StBA Nr. 14 einfach 2 min + Kopieren)", outbound__internal_mail=100, pages=6,
             copies=1),
        task("Task_ablegen", "Vorgang in Papierakte ablegen", "Lane_kt", 15, 2,
             ZW.format(14, "einfach", "archivieren"), document="Papierakte Kindertagesbetreuung"),
        Node("End_zugesagt", "endEvent", "Betreuungsplatz zugesagt", "Lane_kt", 16),
    ]
    f = [
        Flow("Flow_01", "Start_anmeldung", "Task_entgegennehmen"),
        Flow("Flow_02", "Task_entgegennehmen", "Task_hauspost"),
        Flow("Flow_03", "Task_hauspost", "Timer_hauspost"),
        Flow("Flow_04", "Timer_hauspost", "Gw_merge"),
        Flow("Flow_05", "Gw_merge", "Task_formell"),
        Flow("Flow_06", "Task_formell", "Gw_vollstaendig"),
        Flow("Flow_07", "Gw_vollstaendig", "Task_melderegister", "ja", 0.85),
        Flow("Flow_08", "Gw_vollstaendig", "Task_nachfordern", "nein", 0.15),
        Flow("Flow_09", "Task_nachfordern", "Catch_nachgereicht"),
        Flow("Flow_10", "Catch_nachgereicht", "Gw_merge", sport="r", tport="t",
             via=[("x", "+30"), ("y", ("lane", "Lane_kt", 22))]),
        Flow("Flow_11", "Task_melderegister", "Task_erfassen"),
        Flow("Flow_12", "Task_erfassen", "Task_kita"),
        Flow("Flow_13", "Task_kita", "Task_zusage", sport="t", tport="b"),
        Flow("Flow_14", "Task_zusage", "Task_drucken"),
        Flow("Flow_15", "Task_drucken", "Task_unterschreiben"),
        Flow("Flow_16", "Task_unterschreiben", "Task_versenden"),
        Flow("Flow_17", "Task_versenden", "Task_kopie"),
        Flow("Flow_18", "Task_kopie", "Task_ablegen"),
        Flow("Flow_19", "Task_ablegen", "End_zugesagt"),
    ]
    d = [
        Data("Data_formular", "object", "Anmeldebogen (Papier)", "Lane_bb", 1),
        Data("Data_melderegister", "store", "Melderegister (VOIS|MESO)", "Lane_kt", 7, store="DataStore_melderegister"),
        Data("Data_excel", "store", "Kita-Platzvergabe (Excel)", "Lane_kt", 8.5, store="DataStore_excel"),
        Data("Data_vertrag", "object", "Betreuungsvertrag (Papier)", "Lane_kt", 11),
        Data("Data_akte", "store", "Papierakte Kindertagesbetreuung", "Lane_kt", 15, store="DataStore_papierakte"),
    ]
    a = [
        Assoc("Task_entgegennehmen", "Data_formular", False),
        Assoc("Task_melderegister", "Data_melderegister", False),
        Assoc("Task_erfassen", "Data_excel", True),
        Assoc("Task_drucken", "Data_vertrag", True),
        Assoc("Task_ablegen", "Data_akte", True),
    ]
    m = [
        MsgFlow("Msg_anmeldung", "citizen", "Start_anmeldung", "Anmeldebogen (persönlich, Post, E-Mail)"),
        MsgFlow("Msg_nachforderung", "Task_nachfordern", "citizen", "Nachfrage (Brief/Telefon)"),
        MsgFlow("Msg_nachgereicht", "citizen", "Catch_nachgereicht", "Angaben (Post/Telefon)"),
        MsgFlow("Msg_vertrag", "Task_versenden", "citizen", "Platzzusage & Vertrag (Post)"),
    ]
    return Sample(
        key="kita-anmeldung", title="Anmeldung zur Kindertagesbetreuung (Ist)",
        process_name="Anmeldung zur Kindertagesbetreuung (Krippe, Kindergarten, Hort) – Ist-Prozess",
        town_pool=pool(town), citizen_pool="Eltern (Antragsteller)",
        lanes=lanes, nodes=n, flows=f, data=d, assocs=a, msgflows=m,
        process_attrs=[("cases_per_year", cases), ("fee_eur", 0),
                       ("legal_basis", "SächsKitaG (Gesetz über Kindertageseinrichtungen)"),
                       ("legal_basis", "§ 24 SGB VIII (Anspruch auf Förderung)"),
                       ("org_unit", "Hauptamt – Sachgebiet Kindertagesbetreuung")],
        datastores={"DataStore_melderegister": "Melderegister (VOIS|MESO)",
                    "DataStore_excel": "Kita-Platzvergabe (Excel)",
                    "DataStore_papierakte": "Papierakte Kindertagesbetreuung"},
        cases_per_year=cases,
        documentation="Beispielmodell Prozesslotse (erfundene Stadt Musterstadt, 12.400 Einwohner): Anmeldung "
                      "eines Kindes für einen Platz in einer städtischen Kindertageseinrichtung. Papierformular im "
                      "Bürgerbüro, Hauspost, Abtippen in eine Excel-Liste, Abstimmung mit der Kita-Leitung, "
                      "Betreuungsvertrag gedruckt, unterschrieben und per Post versandt, Kopie per Hauspost an die "
                      "Kita, Papierakte. Annahmen: samples/gemeinden/README.md.",
        comment=f"""
Prozesslotse sample town: Musterstadt - Anmeldung zur Kindertagesbetreuung (as-is), written by
tools/make_samples.py (tools/samples_gemeinden.py; do not edit by hand).
{town_head(town)}
Figures and sources (details in samples/gemeinden/README.md):
  cases_per_year {cases} = 12,400 inhabitants x {KITA_PER_1000} per 1,000: ASSUMPTION (about 7 births per 1,000
    inhabitants as an order of magnitude for Saxony, x ~1.5 for Krippe, Kindergarten and Hort registrations
    and moves into town; not researched).
  fee_eur 0: the registration is free; the Elternbeitrag is set later by the town's statute.
  processing_minutes: StBA Zeitwerttabelle Verwaltung 2025, column einfach (Nr. named in each task's
    documentation); printing 1 min from the PICTURE Gewerbe sample; Kita-Leitung 10 min and copying 3 min
    are ASSUMPTIONS.
  cost_rate_eur_per_hour: StBA Lohnkostentabelle 2025 Kommunen, 25.50 (einfach/mittel), 42.20 (gehoben,
    Kita-Leitung).
  ASSUMPTIONS: channel shares (70 % in person, 20 % post, 10 % e-mail), 15 % incomplete, waiting times
    (Hauspost 1 day, reply 7 days, calendar minutes), staff numbers in QBP.
  {qbp_line(cases)}
""")


# ====================================================================== Beispielhain (4,800)

def bh_hundesteuer() -> Sample:
    town = "beispielhain"
    cases = hund_cases(town)
    lanes = lanes3(
        ("Lane_ha", "Hauptamt – Bürgerservice und Steuern", 3, RATE_MITTEL, 1),
        ("Lane_kasse", "Gemeindekasse", 2, RATE_MITTEL, 1),
    )
    n = [
        Node("Start_anmeldung", "startEvent", "Anmeldung eingegangen", "Lane_ha", 0,
             message="Anmeldung zur Hundesteuer (Amt24-Formular oder Papier)"),
        Node("Gw_merge", "exclusiveGateway", "", "Lane_ha", 1),
        task("Task_formell", "Anmeldung prüfen", "Lane_ha", 2, 5, ZW.format(3, "einfach", "Formelle Prüfung"),
             inbound__email=50, inbound__personal_documents=30, inbound__post=20, formalization="form_bound",
             data_source="paper", document="Anmeldung Hundesteuer (Amt24-PDF im Behördenkonto oder Papier)"),
        Node("Gw_vollstaendig", "exclusiveGateway", "Angaben vollständig?", "Lane_ha", 3),
        task("Task_nachfordern", "Fehlende Angaben per E-Mail oder Brief nachfordern", "Lane_ha", 4, 5,
             ZW.format(4, "einfach", "Einholen fehlender Daten"), row="U", outbound__email=60, outbound__post=40),
        Node("Catch_nachgereicht", "intermediateCatchEvent", "Angaben nachgereicht", "Lane_ha", 5, row="U",
             message="Nachgereichte Angaben", attrs=[("waiting_minutes", 4320), ("inbound.email", 60),
                                                     ("inbound.post", 40)]),
        task("Task_erfassen", "Angaben aus der Anmeldung in OK.FIS abtippen", "Lane_ha", 4, 8,
             ZW.format(5, "einfach", "Daten erfassen"), it_system="OK.FIS", data_source="paper",
             formalization="form_bound"),
        task("Task_bescheid", "Steuer berechnen & Bescheid erstellen", "Lane_ha", 5, 5,
             ZW.format(11, "einfach", "Bescheid erstellen"), it_system="OK.FIS",
             legal_basis="Hundesteuersatzung der Gemeinde"),
        task("Task_drucken", "Bescheid drucken (maschinell erstellt)", "Lane_ha", 6, 1,
             "PICTURE-Beispiel Gewerbe: Gewerbeschein drucken 1 min (domain.md 1.4)", it_system="OK.FIS",
             pages=2, copies=1, document="Steuerbescheid (Papier)"),
        task("Task_versenden", "Bescheid & Hundesteuermarke per Post versenden", "Lane_ha", 7, 2,
             ZW.format(14, "einfach", "verteilen"), outbound__post=100,
             document=["Steuerbescheid (Papier)", "Hundesteuermarke"]),
        task("Task_ablegen", "Anmeldung in Papierakte ablegen", "Lane_ha", 8, 2,
             ZW.format(14, "einfach", "archivieren"), document="Papierakte Hundesteuer"),
        Node("Catch_zahlung", "intermediateCatchEvent", "Zahlung eingegangen", "Lane_kasse", 9,
             message="Hundesteuer (Überweisung oder bar)", attrs=[("waiting_minutes", 20160)]),
        task("Task_kasse", "Zahlung annehmen & buchen (Überweisung oder bar an der Gemeindekasse)", "Lane_kasse", 10,
             5, ZW.format(12, "mittel", "Zahlungen annehmen"), it_system="OK.FIS"),
        Node("End_angemeldet", "endEvent", "Hund angemeldet", "Lane_kasse", 11),
    ]
    f = [
        Flow("Flow_01", "Start_anmeldung", "Gw_merge"),
        Flow("Flow_02", "Gw_merge", "Task_formell"),
        Flow("Flow_03", "Task_formell", "Gw_vollstaendig"),
        Flow("Flow_04", "Gw_vollstaendig", "Task_erfassen", "ja", 0.85),
        Flow("Flow_05", "Gw_vollstaendig", "Task_nachfordern", "nein", 0.15),
        Flow("Flow_06", "Task_nachfordern", "Catch_nachgereicht"),
        Flow("Flow_07", "Catch_nachgereicht", "Gw_merge", sport="r", tport="t",
             via=[("x", "+30"), ("y", ("lane", "Lane_ha", 22))]),
        Flow("Flow_08", "Task_erfassen", "Task_bescheid"),
        Flow("Flow_09", "Task_bescheid", "Task_drucken"),
        Flow("Flow_10", "Task_drucken", "Task_versenden"),
        Flow("Flow_11", "Task_versenden", "Task_ablegen"),
        Flow("Flow_12", "Task_ablegen", "Catch_zahlung", tport="l", via=[("x", ("col", 8.5))]),
        Flow("Flow_13", "Catch_zahlung", "Task_kasse"),
        Flow("Flow_14", "Task_kasse", "End_angemeldet"),
    ]
    d = [
        Data("Data_antrag", "object", "Anmeldung (PDF/Papier)", "Lane_ha", 2),
        Data("Data_okfis", "store", "OK.FIS", "Lane_ha", 4.5, store="DataStore_okfis"),
        Data("Data_bescheid", "object", "Steuerbescheid (Papier)", "Lane_ha", 6),
        Data("Data_akte", "store", "Papierakte Hundesteuer", "Lane_ha", 8, store="DataStore_papierakte"),
    ]
    a = [
        Assoc("Task_formell", "Data_antrag", False),
        Assoc("Task_erfassen", "Data_okfis", True),
        Assoc("Task_bescheid", "Data_okfis", False),
        Assoc("Task_drucken", "Data_bescheid", True),
        Assoc("Task_ablegen", "Data_akte", True),
    ]
    m = [
        MsgFlow("Msg_antrag", "citizen", "Start_anmeldung", "Anmeldung (Amt24, persönlich, Post)"),
        MsgFlow("Msg_nachforderung", "Task_nachfordern", "citizen", "Nachfrage (E-Mail/Brief)"),
        MsgFlow("Msg_nachgereicht", "citizen", "Catch_nachgereicht", "Angaben (E-Mail/Post)"),
        MsgFlow("Msg_bescheid", "Task_versenden", "citizen", "Steuerbescheid & Hundesteuermarke (Post)"),
        MsgFlow("Msg_zahlung", "citizen", "Catch_zahlung", "Zahlung (Überweisung/bar)"),
    ]
    return Sample(
        key="hundesteuer", title="Hundesteuer-Anmeldung (Ist, Beispielhain)",
        process_name="Hundesteuer: Anmeldung eines Hundes (Ist-Prozess, Amt24-Formular als PDF)",
        town_pool=pool(town), citizen_pool="Hundehalter/-in (Antragsteller)",
        lanes=lanes, nodes=n, flows=f, data=d, assocs=a, msgflows=m,
        process_attrs=[("cases_per_year", cases), ("fee_eur", 0),
                       ("legal_basis", "§ 7 Abs. 2 SächsKAG (örtliche Aufwandsteuern)"),
                       ("legal_basis", "Hundesteuersatzung der Gemeinde"),
                       ("org_unit", "Hauptamt – Bürgerservice und Steuern")],
        datastores={"DataStore_okfis": "OK.FIS", "DataStore_papierakte": "Papierakte Hundesteuer"},
        cases_per_year=cases,
        documentation="Beispielmodell Prozesslotse (erfundene Gemeinde Beispielhain, 4.800 Einwohner): Hundesteuer-"
                      "Anmeldung mit schon vorhandenem Amt24-Online-Formular, dessen Antrag aber als PDF im "
                      "Behördenkonto ankommt und abgetippt wird; eine Sachbearbeiterin erledigt alles, der Bescheid "
                      "wird maschinell ohne Unterschrift erstellt und mit der Marke per Post versandt. Annahmen: "
                      "samples/gemeinden/README.md.",
        comment=f"""
Prozesslotse sample town: Beispielhain - Hundesteuer-Anmeldung (as-is, Amt24 form arriving as PDF), written by
tools/make_samples.py (tools/samples_gemeinden.py; do not edit by hand).
{town_head(town)}
Variant of musterstadt/hundesteuer.bpmn (same file name, so `lotse compare` matches the service): the online
form exists (Amt24), but its PDF is re-typed (the media break of domain.md 4.3); one clerk does everything
(no Buergerbuero, no Hauspost); machine-made notice without a signature; fewer incomplete forms.
Figures and sources (details in samples/gemeinden/README.md):
  cases_per_year {cases} = 4,800 inhabitants x 1,900 dogs / 30,500 (Taunusstein) x 15 % new registrations
    (ASSUMPTIONS as in samples/README.md).
  processing_minutes: StBA Zeitwerttabelle Verwaltung 2025 (Nr. named per task); printing 1 min (PICTURE).
  cost_rate_eur_per_hour: StBA Lohnkostentabelle 2025 Kommunen, 25.50 (einfach/mittel).
  ASSUMPTIONS: channel shares (50 % Amt24-PDF = e-mail channel, 30 % in person, 20 % post), 15 % incomplete,
    waiting times (reply 3 days, payment 14 days), staff numbers in QBP.
  {qbp_line(cases)}
""")


def bh_gewerbeanmeldung() -> Sample:
    town = "beispielhain"
    cases = gewerbe_cases(town)
    pic = "PICTURE-Beispiel \"Gewerbe anmelden\" (domain.md 1.4)"
    lanes = lanes3(
        ("Lane_ha", "Hauptamt – Bürgerservice und Gewerbe", 3, RATE_MITTEL, 1),
        ("Lane_kasse", "Gemeindekasse", 2, RATE_MITTEL, 1),
    )
    n = [
        Node("Start_anzeige", "startEvent", "Gewerbeanzeige geht ein", "Lane_ha", 0,
             message="Gewerbeanzeige (GewA 1)", attrs=[("legal_basis", "§ 14 GewO")]),
        Node("Gw_kanal", "exclusiveGateway", "Online über Amt24 eingegangen?", "Lane_ha", 1),
        task("Task_import", "Antragsdaten per XML in Migewa übernehmen", "Lane_ha", 2, 0,
             "automatisch (Schnittstelle), keine Personalzeit", row="U", kind="serviceTask",
             inbound__electronic_interface=100, it_system=["Amt24", "Migewa"], data_source="it_system"),
        task("Task_edv", "Daten aus dem Papierformular in Migewa übernehmen", "Lane_ha", 2, 3, pic,
             inbound__personal_oral=70, inbound__post=30, formalization="form_bound", it_system="Migewa",
             data_source="paper", block="edvinput"),
        Node("Gw_kanal_join", "exclusiveGateway", "", "Lane_ha", 3),
        task("Task_pruefen", "Angaben prüfen, Unklares telefonisch klären", "Lane_ha", 4, 4,
             pic + ": Formelle Prüfung 2 min + ASSUMPTION 2 min für Rückrufe statt Nachforderung",
             it_system="Migewa"),
        Node("Gw_bezahlt", "exclusiveGateway", "Gebühr online bezahlt (ePayBL)?", "Lane_ha", 5, label="belowright"),
        task("Task_kasse", "Gebühr an der Gemeindekasse kassieren (bar/EC)", "Lane_kasse", 6, 5,
             ZW.format(12, "mittel", "Zahlungen annehmen"), inbound__personal_oral=100,
             document="Quittung (Papier)"),
        Node("Gw_bezahlt_join", "exclusiveGateway", "", "Lane_ha", 7),
        task("Task_druck", "Gewerbeschein drucken", "Lane_ha", 8, 1, pic, it_system="Migewa", pages=2, copies=1,
             document="Gewerbeschein (Papier)"),
        task("Task_aushaendigen", "Gewerbeschein aushändigen oder per Post versenden", "Lane_ha", 9, 3,
             ZW.format(14, "einfach", "verteilen") + " + 1 min Übergabe (ASSUMPTION)",
             outbound__personal_documents=60, outbound__post=40, document="Gewerbeschein (Papier)"),
        task("Task_schreiben", "Meldungen an Finanzamt, IHK, HWK u. a. drucken & per Post versenden", "Lane_ha", 10, 8,
             pic + ": drucken 5 min + versenden 7 min, hier 8 Empfänger (ASSUMPTION)", outbound__post=100,
             pages=8, copies=1, it_system="Migewa"),
        task("Task_statistik", "Meldung an Statistisches Landesamt übermitteln", "Lane_ha", 11, 2, pic,
             outbound__electronic_interface=100, it_system="Migewa"),
        task("Task_akte", "Vorgang in Papierakte ablegen", "Lane_ha", 12, 2,
             ZW.format(14, "einfach", "archivieren"), document="Papierakte Gewerbe"),
        Node("End_bearbeitet", "endEvent", "Gewerbeanzeige bearbeitet", "Lane_ha", 13),
    ]
    f = [
        Flow("Flow_01", "Start_anzeige", "Gw_kanal"),
        Flow("Flow_02", "Gw_kanal", "Task_import", "ja", 0.4),
        Flow("Flow_03", "Gw_kanal", "Task_edv", "nein", 0.6),
        Flow("Flow_04", "Task_import", "Gw_kanal_join"),
        Flow("Flow_05", "Task_edv", "Gw_kanal_join"),
        Flow("Flow_06", "Gw_kanal_join", "Task_pruefen"),
        Flow("Flow_07", "Task_pruefen", "Gw_bezahlt"),
        Flow("Flow_08", "Gw_bezahlt", "Gw_bezahlt_join", "ja", 0.4),
        Flow("Flow_09", "Gw_bezahlt", "Task_kasse", "nein", 0.6, lside="left"),
        Flow("Flow_10", "Task_kasse", "Gw_bezahlt_join"),
        Flow("Flow_11", "Gw_bezahlt_join", "Task_druck"),
        Flow("Flow_12", "Task_druck", "Task_aushaendigen"),
        Flow("Flow_13", "Task_aushaendigen", "Task_schreiben"),
        Flow("Flow_14", "Task_schreiben", "Task_statistik"),
        Flow("Flow_15", "Task_statistik", "Task_akte"),
        Flow("Flow_16", "Task_akte", "End_bearbeitet"),
    ]
    d = [
        Data("Data_migewa", "store", "Migewa", "Lane_ha", 2.5, store="DataStore_migewa"),
        Data("Data_schein", "object", "Gewerbeschein (Papier)", "Lane_ha", 8),
        Data("Data_akte", "store", "Papierakte Gewerbe", "Lane_ha", 12, store="DataStore_papierakte"),
        Data("Data_quittung", "object", "Quittung (Papier)", "Lane_kasse", 7),
    ]
    a = [
        Assoc("Task_edv", "Data_migewa", True),
        Assoc("Task_druck", "Data_schein", True),
        Assoc("Task_akte", "Data_akte", True),
        Assoc("Task_kasse", "Data_quittung", True),
    ]
    m = [
        MsgFlow("Msg_anzeige", "citizen", "Start_anzeige", "Gewerbeanzeige (Amt24, persönlich, Post)"),
        MsgFlow("Msg_gebuehr", "citizen", "Task_kasse", "Gebühr 25 € (bar/EC)", dx=-25),
        MsgFlow("Msg_schein", "Task_aushaendigen", "citizen", "Gewerbeschein (Papier)"),
        MsgFlow("Msg_schreiben", "Task_schreiben", "external", "Gewerbemeldungen (Post)"),
        MsgFlow("Msg_statistik", "Task_statistik", "external", "Meldung Statistik (elektronisch)"),
    ]
    return Sample(
        key="gewerbeanmeldung", title="Gewerbeanmeldung (Ist, Beispielhain)",
        process_name="Gewerbe anmelden (Ist-Prozess, Amt24 mit XML-Übergabe und ePayBL)",
        town_pool=pool(town), citizen_pool="Gewerbetreibende/-r (Anzeigende/-r)",
        external_pool="Empfänger der Gewerbemeldung (Finanzamt, IHK, HWK, Statistisches Landesamt u. a.)",
        lanes=lanes, nodes=n, flows=f, data=d, assocs=a, msgflows=m,
        process_attrs=[("cases_per_year", cases), ("fee_eur", 25), ("legal_basis", "§ 14 GewO"),
                       ("org_unit", "Hauptamt – Bürgerservice und Gewerbe")],
        datastores={"DataStore_migewa": "Migewa", "DataStore_papierakte": "Papierakte Gewerbe"},
        cases_per_year=cases,
        documentation="Beispielmodell Prozesslotse (erfundene Gemeinde Beispielhain, 4.800 Einwohner): Gewerbe"
                      "anmeldung, bei der 40 % schon online über Amt24 mit XML-Übergabe an Migewa und ePayBL-"
                      "Zahlung eingehen; der Rest wird abgetippt und an der Gemeindekasse bezahlt. Rückfragen "
                      "telefonisch, Meldungen an andere Stellen noch per Post. Annahmen: samples/gemeinden/README.md.",
        comment=f"""
Prozesslotse sample town: Beispielhain - Gewerbeanmeldung (as-is, partly online), written by
tools/make_samples.py (tools/samples_gemeinden.py; do not edit by hand).
{town_head(town)}
Variant of musterstadt/gewerbeanmeldung.bpmn (same file name, so `lotse compare` matches the service): 40 %
come through Amt24 with XML hand-over into Migewa and ePayBL payment (online form and e-payment already in
place), fewer steps (no Laufzettel, no written rework loop: queries by phone), Meldungen to other bodies
still printed and posted.
Figures and sources (details in samples/gemeinden/README.md):
  cases_per_year {cases} = 4,800 inhabitants x 26,445 / ~4.0 M (Sachsen 2023, domain.md 3.4; rate inferred).
  processing_minutes: PICTURE sample "Gewerbe anmelden" block times (domain.md 1.4), else StBA Zeitwerttabelle
    Verwaltung 2025 (named per task).
  fee_eur 25: ASSUMPTION (Saxon range 10-50 EUR, Schkeuditz; domain.md 3.4).
  cost_rate_eur_per_hour: StBA Lohnkostentabelle 2025 Kommunen, 25.50 (einfach/mittel).
  ASSUMPTIONS: 40 % online (and those pay with ePayBL), channel shares of the paper cases (70 % in person,
    30 % post), 60/40 handed over/posted, 8 recipients of the Gewerbemeldung, staff numbers in QBP.
  {qbp_line(cases)}
""")


# ====================================================================== Talbach (19,600)

def tb_hundesteuer() -> Sample:
    town = "talbach"
    cases = hund_cases(town)
    lanes = lanes3(
        ("Lane_post", "Poststelle", 2, RATE_MITTEL, 1),
        ("Lane_sa", "Steueramt – Steuersachbearbeitung", 3, RATE_MITTEL, 1),
        ("Lane_sgl", "Sachgebietsleitung Steuern", 2, RATE_GEHOBEN, 1),
        ("Lane_kasse", "Stadtkasse", 2, RATE_MITTEL, 2),
    )
    n = [
        Node("Start_anmeldung", "startEvent", "Anmeldeformular eingegangen", "Lane_post", 0,
             message="Anmeldung zur Hundesteuer (Papierformular)"),
        task("Task_post", "Post öffnen, Eingangsstempel & verteilen", "Lane_post", 1, 2,
             ZW.format(14, "einfach", "verteilen"), inbound__post=55, inbound__personal_documents=45,
             formalization="form_bound", data_source="paper", document="Anmeldeformular Hundesteuer (Papier)"),
        task("Task_hauspost", "Formular per Hauspost an das Steueramt", "Lane_post", 2, 1,
             "ASSUMPTION: 1 min (Mappe für die Hauspost)", outbound__internal_mail=100),
        Node("Timer_hauspost", "intermediateCatchEvent", "Liegezeit Hauspost (1 Tag)", "Lane_sa", 3,
             timer="P1D", attrs=[("waiting_minutes", 1440)]),
        Node("Gw_merge", "exclusiveGateway", "", "Lane_sa", 4),
        task("Task_formell", "Formelle Prüfung", "Lane_sa", 5, 5, ZW.format(3, "einfach", "Formelle Prüfung"),
             inbound__internal_mail=100, data_source="paper"),
        Node("Gw_vollstaendig", "exclusiveGateway", "Unterlagen vollständig?", "Lane_sa", 6),
        task("Task_nachfordern", "Fehlende Angaben schriftlich nachfordern", "Lane_sa", 7, 5,
             ZW.format(4, "einfach", "Einholen fehlender Daten"), row="U", outbound__post=100, it_system="MS Word"),
        Node("Catch_nachgereicht", "intermediateCatchEvent", "Unterlagen nachgereicht", "Lane_sa", 8, row="U",
             message="Nachgereichte Unterlagen (Papier)",
             attrs=[("waiting_minutes", 10080), ("inbound.post", 80), ("inbound.personal_documents", 20)]),
        task("Task_melderegister", "Abgleich <Melderegister>", "Lane_sa", 7, 5,
             ZW.format(3, "einfach", "Daten sichten"), it_system="Melderegister (VOIS|MESO)"),
        task("Task_erfassen", "Daten in OK.FIS erfassen", "Lane_sa", 8, 8, ZW.format(5, "einfach", "Daten erfassen"),
             it_system="OK.FIS", data_source="paper", formalization="form_bound"),
        task("Task_entwurf", "Steuer berechnen & Bescheidentwurf drucken", "Lane_sa", 9, 6,
             ZW.format(11, "einfach", "Bescheid erstellen") + " + 1 min drucken (PICTURE)", it_system="OK.FIS",
             pages=2, copies=1, document="Bescheidentwurf (Papier)"),
        task("Task_abzeichnen", "Festsetzung prüfen & abzeichnen", "Lane_sgl", 10, 4,
             ZW.format(7, "einfach", "Ergebnisse überprüfen"), formalization="legally_binding_signature",
             document="Bescheidentwurf (Papier)"),
        Node("Timer_mappe", "intermediateCatchEvent", "Liegezeit Unterschriftenmappe (2 Tage)", "Lane_sa", 11,
             timer="P2D", attrs=[("waiting_minutes", 2880)]),
        task("Task_drucken", "Bescheid & Kassenanordnung drucken", "Lane_sa", 12, 2,
             "PICTURE-Beispiel Gewerbe: Gebührenbescheid drucken 2 min (domain.md 1.4)", it_system="OK.FIS",
             pages=3, copies=2, document=["Steuerbescheid (Papier)", "Kassenanordnung (Papier)"]),
        task("Task_unterschreiben", "Bescheid unterschreiben", "Lane_sgl", 13, 2,
             "ASSUMPTION: 2 min (StBA Nr. 7 einfach 4 min, die Prüfung ist schon erfolgt)",
             formalization="legally_binding_signature", document="Steuerbescheid (Papier)"),
        task("Task_versenden", "Bescheid & Hundesteuermarke kuvertieren und per Post versenden", "Lane_sa", 14, 2,
             ZW.format(14, "einfach", "verteilen"), outbound__post=100,
             document=["Steuerbescheid (Papier)", "Hundesteuermarke"]),
        task("Task_anordnung", "Kassenanordnung per Hauspost an die Stadtkasse", "Lane_sa", 15, 1,
             "ASSUMPTION: 1 min", outbound__internal_mail=100, document="Kassenanordnung (Papier)"),
        task("Task_ablegen", "Vorgang in Papierakte ablegen", "Lane_sa", 16, 2,
             ZW.format(14, "einfach", "archivieren"), document="Papierakte Hundesteuer"),
        task("Task_soll", "Sollstellung aus Kassenanordnung im HKR erfassen", "Lane_kasse", 17, 3,
             "ASSUMPTION: 3 min (StBA Nr. 5 einfach 8 min für eine ganze Erfassung, hier nur Betrag und Fälligkeit)",
             it_system="HKR", data_source="paper"),
        Node("Catch_zahlung", "intermediateCatchEvent", "Zahlung eingegangen", "Lane_kasse", 18,
             message="Hundesteuer (bar oder Überweisung)", attrs=[("waiting_minutes", 20160)]),
        task("Task_kasse", "Zahlung annehmen & buchen (bar/Überweisung)", "Lane_kasse", 19, 5,
             ZW.format(12, "mittel", "Zahlungen annehmen"), it_system="HKR", document="Kassenbeleg (Papier)"),
        Node("End_angemeldet", "endEvent", "Hund angemeldet", "Lane_kasse", 20),
    ]
    f = [
        Flow("Flow_01", "Start_anmeldung", "Task_post"),
        Flow("Flow_02", "Task_post", "Task_hauspost"),
        Flow("Flow_03", "Task_hauspost", "Timer_hauspost"),
        Flow("Flow_04", "Timer_hauspost", "Gw_merge"),
        Flow("Flow_05", "Gw_merge", "Task_formell"),
        Flow("Flow_06", "Task_formell", "Gw_vollstaendig"),
        Flow("Flow_07", "Gw_vollstaendig", "Task_melderegister", "ja", 0.75),
        Flow("Flow_08", "Gw_vollstaendig", "Task_nachfordern", "nein", 0.25),
        Flow("Flow_09", "Task_nachfordern", "Catch_nachgereicht"),
        Flow("Flow_10", "Catch_nachgereicht", "Gw_merge", sport="r", tport="t",
             via=[("x", "+30"), ("y", ("lane", "Lane_sa", 22))]),
        Flow("Flow_11", "Task_melderegister", "Task_erfassen"),
        Flow("Flow_12", "Task_erfassen", "Task_entwurf"),
        Flow("Flow_13", "Task_entwurf", "Task_abzeichnen"),
        Flow("Flow_14", "Task_abzeichnen", "Timer_mappe", sport="t", tport="b"),
        Flow("Flow_15", "Timer_mappe", "Task_drucken"),
        Flow("Flow_16", "Task_drucken", "Task_unterschreiben"),
        Flow("Flow_17", "Task_unterschreiben", "Task_versenden", sport="t", tport="b"),
        Flow("Flow_18", "Task_versenden", "Task_anordnung"),
        Flow("Flow_19", "Task_anordnung", "Task_ablegen"),
        Flow("Flow_20", "Task_ablegen", "Task_soll", tport="l", via=[("x", ("col", 16.5))]),
        Flow("Flow_21", "Task_soll", "Catch_zahlung"),
        Flow("Flow_22", "Catch_zahlung", "Task_kasse"),
        Flow("Flow_23", "Task_kasse", "End_angemeldet"),
    ]
    d = [
        Data("Data_formular", "object", "Anmeldeformular (Papier)", "Lane_post", 1),
        Data("Data_melderegister", "store", "Melderegister (VOIS|MESO)", "Lane_sa", 7, store="DataStore_melderegister"),
        Data("Data_okfis", "store", "OK.FIS", "Lane_sa", 8.5, store="DataStore_okfis"),
        Data("Data_bescheid", "object", "Steuerbescheid (Papier)", "Lane_sa", 12),
        Data("Data_akte", "store", "Papierakte Hundesteuer", "Lane_sa", 16, store="DataStore_papierakte"),
        Data("Data_hkr", "store", "HKR", "Lane_kasse", 18.5, store="DataStore_hkr"),
    ]
    a = [
        Assoc("Task_post", "Data_formular", False),
        Assoc("Task_melderegister", "Data_melderegister", False),
        Assoc("Task_erfassen", "Data_okfis", True),
        Assoc("Task_drucken", "Data_bescheid", True),
        Assoc("Task_ablegen", "Data_akte", True),
        Assoc("Task_kasse", "Data_hkr", True),
    ]
    m = [
        MsgFlow("Msg_antrag", "citizen", "Start_anmeldung", "Anmeldeformular (Post oder Empfang)"),
        MsgFlow("Msg_nachforderung", "Task_nachfordern", "citizen", "Nachforderung (Brief)"),
        MsgFlow("Msg_nachgereicht", "citizen", "Catch_nachgereicht", "Unterlagen (Papier)"),
        MsgFlow("Msg_bescheid", "Task_versenden", "citizen", "Steuerbescheid & Hundesteuermarke (Post)"),
        MsgFlow("Msg_zahlung", "citizen", "Catch_zahlung", "Zahlung (bar/Überweisung)"),
    ]
    return Sample(
        key="hundesteuer", title="Hundesteuer-Anmeldung (Ist, Talbach)",
        process_name="Hundesteuer: Anmeldung eines Hundes (Ist-Prozess, Papier mit Abzeichnung und Kassenanordnung)",
        town_pool=pool(town), citizen_pool="Hundehalter/-in (Antragsteller)",
        lanes=lanes, nodes=n, flows=f, data=d, assocs=a, msgflows=m,
        process_attrs=[("cases_per_year", cases), ("fee_eur", 0),
                       ("legal_basis", "§ 7 Abs. 2 SächsKAG (örtliche Aufwandsteuern)"),
                       ("legal_basis", "Hundesteuersatzung der Stadt"),
                       ("org_unit", "Kämmerei – Steueramt")],
        datastores={"DataStore_melderegister": "Melderegister (VOIS|MESO)", "DataStore_okfis": "OK.FIS",
                    "DataStore_papierakte": "Papierakte Hundesteuer", "DataStore_hkr": "HKR"},
        cases_per_year=cases,
        documentation="Beispielmodell Prozesslotse (erfundene Stadt Talbach, 19.600 Einwohner): Hundesteuer-"
                      "Anmeldung mit noch mehr Papier als in Musterstadt: Poststelle und Hauspost, Abtippen in "
                      "OK.FIS, Bescheidentwurf zur Abzeichnung durch die Sachgebietsleitung (Unterschriftenmappe), "
                      "Unterschrift, Postversand, Kassenanordnung auf Papier per Hauspost an die Stadtkasse und dort "
                      "erneut erfasst, Papierakte. Annahmen: samples/gemeinden/README.md.",
        comment=f"""
Prozesslotse sample town: Talbach - Hundesteuer-Anmeldung (as-is, more paper), written by tools/make_samples.py
(tools/samples_gemeinden.py; do not edit by hand).
{town_head(town)}
Variant of musterstadt/hundesteuer.bpmn (same file name, so `lotse compare` matches the service): everything
comes through the Poststelle, an extra approval (Abzeichnung) of the assessment by the Sachgebietsleitung
with a signature folder, and a paper Kassenanordnung sent by Hauspost and re-typed into the HKR.
Figures and sources (details in samples/gemeinden/README.md):
  cases_per_year {cases} = 19,600 inhabitants x 1,900 dogs / 30,500 (Taunusstein) x 15 % new registrations
    (ASSUMPTIONS as in samples/README.md).
  processing_minutes: StBA Zeitwerttabelle Verwaltung 2025 (Nr. named per task); printing 1-2 min (PICTURE);
    Hauspost 1 min, signature 2 min and HKR entry 3 min are ASSUMPTIONS.
  cost_rate_eur_per_hour: StBA Lohnkostentabelle 2025 Kommunen, 25.50 (einfach/mittel), 42.20 (gehoben).
  ASSUMPTIONS: channel shares (55 % post, 45 % handed in), 25 % incomplete, waiting times (Hauspost 1 day,
    signature folder 2 days, reply 7 days, payment 14 days), staff numbers in QBP.
  {qbp_line(cases)}
""")


def tb_gewerbeanmeldung() -> Sample:
    town = "talbach"
    cases = gewerbe_cases(town)
    pic = "PICTURE-Beispiel \"Gewerbe anmelden\" (domain.md 1.4)"
    lanes = lanes3(
        ("Lane_ga", "Ordnungsamt – Gewerbeangelegenheiten", 3, RATE_MITTEL, 1),
        ("Lane_sgl", "Sachgebietsleitung Ordnung", 2, RATE_GEHOBEN, 1),
        ("Lane_kasse", "Stadtkasse", 2, RATE_MITTEL, 2),
    )
    n = [
        Node("Start_anzeige", "startEvent", "Gewerbeanzeige geht ein", "Lane_ga", 0,
             message="Gewerbeanzeige (Formular GewA 1)",
             attrs=[("inbound.personal_oral", 60), ("inbound.personal_documents", 10), ("inbound.post", 30),
                    ("formalization", "form_bound"), ("legal_basis", "§ 14 GewO")]),
        Node("Gw_merge", "exclusiveGateway", "", "Lane_ga", 1),
        task("Task_formell", "Formelle Prüfung", "Lane_ga", 2, 2, pic, data_source="paper",
             formalization="form_bound", document="Gewerbeanzeige GewA 1 (Papier)"),
        Node("Gw_vollstaendig", "exclusiveGateway", "Unterlagen vollständig?", "Lane_ga", 3),
        task("Task_nachfordern", "Fehlende Unterlagen schriftlich nachfordern", "Lane_ga", 4, 5,
             ZW.format(4, "einfach", "Einholen fehlender Daten"), row="U", outbound__post=100, it_system="MS Word"),
        Node("Catch_nachgereicht", "intermediateCatchEvent", "Unterlagen nachgereicht", "Lane_ga", 5, row="U",
             message="Nachgereichte Unterlagen",
             attrs=[("waiting_minutes", 10080), ("inbound.post", 70), ("inbound.personal_documents", 30)]),
        task("Task_kopie", "Personalausweis & Anzeige kopieren", "Lane_ga", 4, 2, pic + ": Passeintrag kopieren",
             pages=2, copies=1),
        task("Task_edv", "Daten in Migewa übernehmen", "Lane_ga", 5, 3, pic, it_system="Migewa",
             data_source="paper", block="edvinput"),
        task("Task_druck", "Gewerbeschein drucken", "Lane_ga", 6, 1, pic, it_system="Migewa", pages=2, copies=2,
             document="Gewerbeschein (Papier)"),
        task("Task_abzeichnen", "Gewerbeschein prüfen & abzeichnen", "Lane_sgl", 7, 4,
             ZW.format(7, "einfach", "Ergebnisse überprüfen"), formalization="legally_binding_signature",
             document="Gewerbeschein (Papier)"),
        task("Task_gebuehr", "Gebührenbescheid mit Kassenanordnung erstellen (Word) & drucken", "Lane_ga", 8, 7,
             pic + ": Gebührenbescheid erstellen 5 + drucken 2", it_system="MS Word", pages=2, copies=2,
             document="Gebührenbescheid (Papier)"),
        task("Task_anordnung", "Kassenanordnung per Hauspost an die Stadtkasse", "Lane_ga", 9, 1,
             "ASSUMPTION: 1 min", outbound__internal_mail=100, document="Kassenanordnung (Papier)"),
        task("Task_kasse", "Gebühr kassieren oder Überweisung buchen", "Lane_kasse", 10, 5,
             ZW.format(12, "mittel", "Zahlungen annehmen"), it_system="HKR", data_source="paper",
             document="Einzahlungsbeleg (Papier)"),
        Node("Timer_beleg", "intermediateCatchEvent", "Liegezeit Hauspost Einzahlungsbeleg (1 Tag)", "Lane_ga", 11,
             timer="P1D", attrs=[("waiting_minutes", 1440)]),
        task("Task_aushaendigen", "Gewerbeschein aushändigen oder per Post versenden", "Lane_ga", 12, 5,
             pic + ": Bestätigung geht aus", outbound__personal_documents=60, outbound__post=40,
             document="Gewerbeschein (Papier)"),
        task("Task_schreiben_druck", "Schreiben an weitere Stellen drucken", "Lane_ga", 13, 5, pic + " (12 Seiten)",
             pages=12, copies=1, it_system="Migewa"),
        task("Task_schreiben_versand", "Schreiben an Finanzamt, IHK, HWK u. a. per Hauspost versenden", "Lane_ga", 14,
             7, pic + " (11 Empfänger, 100 % Hauspost)", outbound__internal_mail=100),
        task("Task_statistik", "Meldung an Statistisches Landesamt übermitteln", "Lane_ga", 15, 2, pic,
             outbound__electronic_interface=100, it_system="Migewa"),
        task("Task_akte", "Vorgang in Papierakte ablegen", "Lane_ga", 16, 2,
             ZW.format(14, "einfach", "archivieren"), document="Papierakte Gewerbe"),
        Node("End_bearbeitet", "endEvent", "Gewerbeanzeige bearbeitet", "Lane_ga", 17),
    ]
    f = [
        Flow("Flow_01", "Start_anzeige", "Gw_merge"),
        Flow("Flow_02", "Gw_merge", "Task_formell"),
        Flow("Flow_03", "Task_formell", "Gw_vollstaendig"),
        Flow("Flow_04", "Gw_vollstaendig", "Task_kopie", "ja", 0.75),
        Flow("Flow_05", "Gw_vollstaendig", "Task_nachfordern", "nein", 0.25),
        Flow("Flow_06", "Task_nachfordern", "Catch_nachgereicht"),
        Flow("Flow_07", "Catch_nachgereicht", "Gw_merge", sport="r", tport="t",
             via=[("x", "+30"), ("y", ("lane", "Lane_ga", 22))]),
        Flow("Flow_08", "Task_kopie", "Task_edv"),
        Flow("Flow_09", "Task_edv", "Task_druck"),
        Flow("Flow_10", "Task_druck", "Task_abzeichnen"),
        Flow("Flow_11", "Task_abzeichnen", "Task_gebuehr", sport="t", tport="b"),
        Flow("Flow_12", "Task_gebuehr", "Task_anordnung"),
        Flow("Flow_13", "Task_anordnung", "Task_kasse"),
        Flow("Flow_14", "Task_kasse", "Timer_beleg", sport="t", tport="b"),
        Flow("Flow_15", "Timer_beleg", "Task_aushaendigen"),
        Flow("Flow_16", "Task_aushaendigen", "Task_schreiben_druck"),
        Flow("Flow_17", "Task_schreiben_druck", "Task_schreiben_versand"),
        Flow("Flow_18", "Task_schreiben_versand", "Task_statistik"),
        Flow("Flow_19", "Task_statistik", "Task_akte"),
        Flow("Flow_20", "Task_akte", "End_bearbeitet"),
    ]
    d = [
        Data("Data_anzeige", "object", "Gewerbeanzeige GewA 1 (Papier)", "Lane_ga", 2),
        Data("Data_migewa", "store", "Migewa", "Lane_ga", 5, store="DataStore_migewa"),
        Data("Data_gebuehr", "object", "Gebührenbescheid & Kassenanordnung (Papier)", "Lane_ga", 8.5),
        Data("Data_akte", "store", "Papierakte Gewerbe", "Lane_ga", 16, store="DataStore_papierakte"),
        Data("Data_beleg", "object", "Einzahlungsbeleg (Papier)", "Lane_kasse", 9),
    ]
    a = [
        Assoc("Task_formell", "Data_anzeige", False),
        Assoc("Task_edv", "Data_migewa", True),
        Assoc("Task_gebuehr", "Data_gebuehr", True),
        Assoc("Task_akte", "Data_akte", True),
        Assoc("Task_kasse", "Data_beleg", True),
    ]
    m = [
        MsgFlow("Msg_anzeige", "citizen", "Start_anzeige", "Gewerbeanzeige (persönlich oder Post)"),
        MsgFlow("Msg_nachforderung", "Task_nachfordern", "citizen", "Nachforderung (Brief)"),
        MsgFlow("Msg_nachgereicht", "citizen", "Catch_nachgereicht", "Unterlagen (Papier)"),
        MsgFlow("Msg_gebuehr", "citizen", "Task_kasse", "Gebühr 35 € (bar/EC/Überweisung)", dx=-25),
        MsgFlow("Msg_schein", "Task_aushaendigen", "citizen", "Gewerbeschein (Papier/Post)"),
        MsgFlow("Msg_schreiben", "Task_schreiben_versand", "external", "Gewerbemeldungen (Papier)"),
        MsgFlow("Msg_statistik", "Task_statistik", "external", "Meldung Statistik (elektronisch)"),
    ]
    return Sample(
        key="gewerbeanmeldung", title="Gewerbeanmeldung (Ist, Talbach)",
        process_name="Gewerbe anmelden (Ist-Prozess mit Abzeichnung und Kassenanordnung)",
        town_pool=pool(town), citizen_pool="Gewerbetreibende/-r (Anzeigende/-r)",
        external_pool="Empfänger der Gewerbemeldung (Finanzamt, IHK, HWK, Statistisches Landesamt u. a.)",
        lanes=lanes, nodes=n, flows=f, data=d, assocs=a, msgflows=m,
        process_attrs=[("cases_per_year", cases), ("fee_eur", 35), ("legal_basis", "§ 14 GewO"),
                       ("legal_basis", "§ 15 Abs. 1 GewO"), ("org_unit", "32 Ordnungsamt – Gewerbeangelegenheiten")],
        datastores={"DataStore_migewa": "Migewa", "DataStore_papierakte": "Papierakte Gewerbe"},
        cases_per_year=cases,
        documentation="Beispielmodell Prozesslotse (erfundene Stadt Talbach, 19.600 Einwohner): Gewerbeanmeldung "
                      "mit mehr Papier als in Musterstadt: Kopien, Abzeichnung des Gewerbescheins durch die "
                      "Sachgebietsleitung, Gebührenbescheid mit Kassenanordnung in Word, Hauspost zur Stadtkasse, "
                      "Schreiben an andere Stellen per Hauspost, Papierakte. Annahmen: samples/gemeinden/README.md.",
        comment=f"""
Prozesslotse sample town: Talbach - Gewerbeanmeldung (as-is, more paper), written by tools/make_samples.py
(tools/samples_gemeinden.py; do not edit by hand).
{town_head(town)}
Variant of musterstadt/gewerbeanmeldung.bpmn (same file name, so `lotse compare` matches the service): ID card
and form copied for every case, the Gewerbeschein is approved (abgezeichnet) by the Sachgebietsleitung, the
fee goes through a paper Kassenanordnung sent by Hauspost, the receipt comes back by Hauspost.
Figures and sources (details in samples/gemeinden/README.md):
  cases_per_year {cases} = 19,600 inhabitants x 26,445 / ~4.0 M (Sachsen 2023, domain.md 3.4; rate inferred).
  processing_minutes: PICTURE sample "Gewerbe anmelden" block times (domain.md 1.4), else StBA Zeitwerttabelle
    Verwaltung 2025 (named per task); Hauspost 1 min is an ASSUMPTION.
  fee_eur 35: ASSUMPTION (Saxon range 10-50 EUR, Schkeuditz; domain.md 3.4).
  cost_rate_eur_per_hour: StBA Lohnkostentabelle 2025 Kommunen, 25.50 (einfach/mittel), 42.20 (gehoben).
  ASSUMPTIONS: channel shares (60 % in person orally, 10 % handed in, 30 % post), 25 % incomplete, copies for
    every case, waiting times (reply 7 days, Hauspost 1 day), staff numbers in QBP.
  {qbp_line(cases)}
""")


# ====================================================================== other formats (Musterstadt)

def _read(rel):
    with open(os.path.join(ROOT, rel), "rb") as fh:
        return fh.read()


def _replace_once(data: bytes, old: bytes, new: bytes, what: str) -> bytes:
    if data.count(old) != 1:
        raise ValueError(f"{what}: expected exactly one {old!r}")
    return data.replace(old, new)


def ms_hundesteuer_abmeldung_csv() -> bytes:
    """samples/bausteintabelle-hundesteuer-abmeldung.csv with Musterstadt's Fallzahl (bytes: BOM, CRLF kept)."""
    cases = round(inh("musterstadt") * DOGS_PER_INHABITANT * DOG_DEREG_SHARE)
    data = _read("samples/bausteintabelle-hundesteuer-abmeldung.csv")
    first_end = data.index(b"\r\n")
    head = ("\ufeff# Bausteintabelle Hundesteuer-Abmeldung - BEISPIEL erfundene Stadt Musterstadt (12.400 Einwohner); "
            f"Fallzahl {cases} = 12.400 x 1.900/30.500 Hunde x 13 % Abmeldungen (Annahme); sonst wie "
            "samples/bausteintabelle-hundesteuer-abmeldung.csv (Quellen: samples/README-table.md); "
            "erzeugt von tools/make_samples.py").encode("utf-8")
    data = head + data[first_end:]
    return _replace_once(data, b"Fallzahl pro Jahr;250\r\n", f"Fallzahl pro Jahr;{cases}\r\n".encode(), "csv")


def ms_bewohnerparkausweis_picture_bpmn() -> bytes:
    """samples/bewohnerparkausweis.picture-bpmn.bpmn with Musterstadt's Fallzahl."""
    cases = PARKAUSWEISE_MUSTERSTADT
    data = _read("samples/bewohnerparkausweis.picture-bpmn.bpmn")
    note = (f"  BEISPIEL erfundene Stadt Musterstadt (12.400 Einwohner, {LANDKREIS}): copy of\n"
            "  samples/bewohnerparkausweis.picture-bpmn.bpmn written by tools/make_samples.py, only the Fallzahl\n"
            f"  changed: {cases} permits a year = ASSUMPTION (one residents' parking zone in the old town).\n\n")
    data = _replace_once(data, b"<!--\n", b"<!--\n" + note.encode("utf-8"), "picture-bpmn comment")
    data = _replace_once(data, b"Fallzahl (9000/yr)", f"Fallzahl (9000/yr; here {cases}/yr)".encode(), "picture-bpmn")
    return _replace_once(data, b"<picture:value>9000</picture:value>",
                         f"<picture:value>{cases}</picture:value>".encode(), "picture-bpmn Fallzahl")


# PICTURE-XML 2009 export schema (as samples/gewerbe-anmelden.picture.xml): attribute types by name
PIC_ATTR = {
    "Wartezeit": (914, 3, "TIME"),
    "Formalisierungsgrad": (920, 9, "SELECTION"),
    "(ein) Persönlich (mündliches Vorsprechen)": (925, 5, "PERCENT"),
    "(ein) Persönlich (Übergabe von Schriftstücken)": (926, 5, "PERCENT"),
    "(ein) Post": (928, 5, "PERCENT"),
    "(ein) E-Mail": (930, 5, "PERCENT"),
    "(aus) Persönlich (Übergabe von Schriftstücken)": (945, 10, "PERCENT"),
    "(aus) Post": (946, 10, "PERCENT"),
    "(aus) Interne Hauspost": (947, 10, "PERCENT"),
    "(aus) Elektronische Schnittstelle": (950, 10, "PERCENT"),
    "Umfang Seiten insgesamt": (936, 9, "NUMBER"),
    "Anzahl der Ausfertigungen": (937, 9, "NUMBER"),
    "Zugrundeliegende IT-Verfahren": (912, 6, "SOFTWARE"),
    "Empfänger der Dokumente": (958, 6, "EXTERNALPARTICIPANT"),
    "Quelle der Daten": (904, 2, "SELECTION"),
    "Gesetzesgrundlage": (905, 1, "INFORMATION"),
    "Gebühr": (906, 1, "CURRENCY"),
    "Fachverfahren (strukturiert)": (995, 1, "SOFTWARE"),
}
PIC_RESOURCE = {"Zugrundeliegende IT-Verfahren", "Empfänger der Dokumente"}
PIC_TYPES = {
    "Dokument/Information entgegennehmen": 103, "Dokument/Information versenden": 105, "Formelle Prüfung": 108,
    "Dokument/Information erstellen": 118, "Daten in EDV übernehmen": 122, "Drucken": 124,
    "Kassieren": 127, "Dokument archivieren": 131,
}


def ms_gewerbeabmeldung_picture_xml() -> str:
    """Gewerbe abmelden in the PICTURE-XML 2009 export schema (same structure as the Gewerbe anmelden sample)."""
    cases = round(inh("musterstadt") * GEWERBE_AB_PER_INH)
    pic = "PICTURE-Beispiel Gewerbe anmelden"
    pos_ga, pos_kasse = "Gewerbeangelegenheiten", "Stadtkasse"
    # (id, type, name, P %, minutes, position, [(attribute, value)]); source of each time in the comment
    blocks = [
        (1, "Dokument/Information entgegennehmen", "Gewerbeabmeldung geht ein", 100, 0.0, pos_ga,
         [("Formalisierungsgrad", "formulargebunden"), ("(ein) Persönlich (mündliches Vorsprechen)", "63"),
          ("(ein) Persönlich (Übergabe von Schriftstücken)", "7"), ("(ein) Post", "21"), ("(ein) E-Mail", "9")]),
        (2, "Formelle Prüfung", "Formelle Prüfung", 100, 2.0, pos_ga, []),
        (3, "Daten in EDV übernehmen", "Daten in EDV übernehmen", 100, 3.0, pos_ga,
         [("Quelle der Daten", "physikalische Dokumente"), ("Zugrundeliegende IT-Verfahren", "Migewa")]),
        (4, "Drucken", "Abmeldebestätigung drucken", 100, 1.0, pos_ga,
         [("Umfang Seiten insgesamt", "1"), ("Anzahl der Ausfertigungen", "2"),
          ("Zugrundeliegende IT-Verfahren", "Migewa")]),
        (5, "Kassieren", "Gebühr an der Stadtkasse kassieren", 100, 5.0, pos_kasse,
         [("(ein) Persönlich (mündliches Vorsprechen)", "100")]),
        (6, "Dokument/Information versenden", "Abmeldebestätigung aushändigen", 100, 2.0, pos_ga,
         [("(aus) Persönlich (Übergabe von Schriftstücken)", "100")]),
        (7, "Dokument/Information erstellen", "Gebührenbescheid erstellen", 100, 5.0, pos_ga,
         [("Zugrundeliegende IT-Verfahren", "MS Word")]),
        (8, "Drucken", "Gebührenbescheid drucken", 100, 2.0, pos_ga,
         [("Umfang Seiten insgesamt", "1"), ("Anzahl der Ausfertigungen", "2")]),
        (9, "Dokument/Information versenden", "Abmeldebestätigung & Gebührenbescheid per Post versenden", 100, 5.0,
         pos_ga, [("(aus) Post", "100")]),
        (10, "Drucken", "Schreiben zur Kenntnisnahme für weitere Stellen drucken", 100, 5.0, pos_ga,
         [("Umfang Seiten insgesamt", "12"), ("Zugrundeliegende IT-Verfahren", "Migewa")]),
        (11, "Dokument/Information versenden", "Schreiben versenden", 100, 7.0, pos_ga,
         [("(aus) Interne Hauspost", "100")] + [("Empfänger der Dokumente", r) for r in (
             "Bundesagentur für Arbeit", "Deutsche Gesetzliche Unfallversicherung", "IHK", "HWK",
             "Lebensmittelüberwachung", "Staatliches Gewerbeaufsichtsamt", "Finanzamt", "Eichamt", "Polizei",
             "Rathaus")]),
        (12, "Dokument/Information versenden", "Meldung an das Statistische Landesamt versenden", 100, 2.0, pos_ga,
         [("(aus) Elektronische Schnittstelle", "100"), ("Zugrundeliegende IT-Verfahren", "Migewa")]),
        (13, "Dokument archivieren", "Vorgang in Papierakte ablegen", 100, 2.0, pos_ga, []),
    ]
    variants = [("Gewerbeabmeldung (bei persönlicher Abmeldung)", 80, [1, 2, 3, 4, 5, 6, 10, 11, 12, 13]),
                ("Gewerbeabmeldung (bei schriftlicher Abmeldung)", 20, [1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 13])]
    in_all = set.intersection(*[set(v[2]) for v in variants])
    minutes = sum(b[4] for b in blocks if b[0] in in_all) + sum(
        p / 100 * sum(b[4] for b in blocks if b[0] in ids and b[0] not in in_all) for _, p, ids in variants)
    used_types = sorted({b[1] for b in blocks}, key=lambda t: PIC_TYPES[t])
    used_attrs = sorted({a for b in blocks for a, _ in b[6]} | {"Gesetzesgrundlage", "Gebühr",
                                                                 "Fachverfahren (strukturiert)"},
                        key=lambda a: PIC_ATTR[a][0])
    ind = "    "
    L = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', "<!--"]
    L += ["  " + x if x else "" for x in f"""
Prozesslotse sample town: Musterstadt - Gewerbe abmelden in the PICTURE-XML 2009 export schema, written by
tools/make_samples.py (tools/samples_gemeinden.py; do not edit by hand). NOT a real export: built in the
structure of samples/gewerbe-anmelden.picture.xml (itself the published PICTURE example "Gewerbe anmelden"
rebuilt, domain.md 1.4) for the sibling service Gewerbeabmeldung.
{town_head("musterstadt")}
Figures and sources (details in samples/gemeinden/README.md):
  numberOfCases {cases} = 12,400 inhabitants x 25,291 Abmeldungen (Sachsen 2023, Statistisches Landesamt)
    / ~4.0 M inhabitants (rate inferred, domain.md 3.4).
  Block times as the matching blocks of the PICTURE example (Formelle Pruefung 2, Daten in EDV 3, drucken 1,
    Gebuehrenbescheid erstellen 5 + drucken 2, Bestaetigung geht aus 5, Schreiben drucken 5 + versenden 7,
    Meldung Statistik 2); from the StBA Zeitwerttabelle Verwaltung 2025: kassieren 5 (Nr. 12 mittel),
    aushaendigen 2 and ablegen 2 (Nr. 14 einfach). Expected {minutes:.1f} min per case.
  Gebuehr 15 EUR: ASSUMPTION. Variants 80/20 and channel shares (63/7 in person, 21 post, 9 e-mail): ASSUMPTION
    after the PICTURE example's 80/20 personal/written split.
  payment 0.0 (not maintained, as in the original 2010 export): the Kostensatz comes from the town file
    samples/gemeinden/musterstadt/stadt.json ("stellen") or the default table.
""".strip("\n").split("\n")]
    L.append("-->")
    L.append('<ns2:pictureExport xmlns:ns2="http://www.picture-gmbh.de/prozessplattform/2009">')
    L += [f"{ind}<metaData>", f"{ind * 2}<xmlSchemaVersion>1.0</xmlSchemaVersion>",
          f"{ind * 2}<client>Musterstadt (erfunden)</client>", f"{ind * 2}<project>Kommune</project>",
          f"{ind * 2}<exportType>PROCESSMODEL</exportType>", f"{ind}</metaData>"]
    L += [f"{ind}<processes>", f'{ind * 2}<process id="51">', f"{ind * 3}<name>Gewerbe abmelden</name>",
          f"{ind * 3}<processModels>", f'{ind * 4}<processModel id="52">', f"{ind * 5}<name>Gewerbe abmelden</name>",
          f"{ind * 5}<modelType>PRIMARY</modelType>", f"{ind * 5}<editingStatus>freigegeben</editingStatus>",
          f"{ind * 5}<organisationUnitID>63</organisationUnitID>", f"{ind * 5}<numberOfCases>{cases}</numberOfCases>",
          f"{ind * 5}<processAttributes>"]
    pid = 700
    for name, value in (("Gesetzesgrundlage", "§ 14 Abs. 1 GewO"), ("Gebühr", "15,00")):
        L += [f'{ind * 6}<processAttribute attributeId="{PIC_ATTR[name][0]}" id="{pid}">',
              f"{ind * 7}<value>{escape(value)}</value>", f"{ind * 6}</processAttribute>"]
        pid += 1
    L += [f"{ind * 5}</processAttributes>", f"{ind * 5}<processFlow>", f'{ind * 6}<subprocess id="53">',
          f"{ind * 7}<name>Gewerbe abmelden</name>",
          f"{ind * 7}<executingOrganisationUnit>63</executingOrganisationUnit>",
          f"{ind * 7}<numberOfCases>{cases}</numberOfCases>", f"{ind * 7}<subProcessAttributes>",
          f'{ind * 8}<subProcessAttribute attributeId="995" id="801">', f"{ind * 9}<value>Migewa</value>",
          f"{ind * 8}</subProcessAttribute>", f"{ind * 7}</subProcessAttributes>", f"{ind * 7}<variants>"]
    for k, (vname, prob, ids) in enumerate(variants):
        L += [f'{ind * 8}<variant probability="{prob}" id="{54 + k}">', f"{ind * 9}<name>{escape(vname)}</name>",
              f"{ind * 9}<buildingBlockSequence>"]
        for i in ids:
            twin = "true" if i in in_all else "false"
            L.append(f'{ind * 10}<buildingBlockOccurrence twin="{twin}" buildingBlock="{i}"/>')
        L += [f"{ind * 9}</buildingBlockSequence>", f"{ind * 8}</variant>"]
    L += [f"{ind * 7}</variants>", f"{ind * 6}</subprocess>", f"{ind * 5}</processFlow>",
          f"{ind * 5}<buildingBlockRepository>"]
    aid = 1001
    for bid, btype, name, prob, mins, pos, attrs in blocks:
        L += [f'{ind * 6}<buildingBlock type="{PIC_TYPES[btype]}" id="{bid}">', f"{ind * 7}<name>{escape(name)}</name>",
              f"{ind * 7}<propability>{prob}</propability>", f"{ind * 7}<processingTime>{mins:.1f}</processingTime>",
              f"{ind * 7}<positionType>{escape(pos)}</positionType>", f"{ind * 7}<buildingBlockAttributes>"]
        for group, tag in (("standardAttributes", "standardAttribute"), ("resourceAttributes", "resourceAttribute")):
            L.append(f"{ind * 8}<{group}>")
            for a, v in attrs:
                if (a in PIC_RESOURCE) == (tag == "resourceAttribute"):
                    L += [f'{ind * 9}<{tag} attributeId="{PIC_ATTR[a][0]}" id="{aid}">',
                          f"{ind * 10}<value>{escape(v)}</value>", f"{ind * 9}</{tag}>"]
                    aid += 1
            L.append(f"{ind * 8}</{group}>")
        L += [f"{ind * 7}</buildingBlockAttributes>", f"{ind * 6}</buildingBlock>"]
    L += [f"{ind * 5}</buildingBlockRepository>", f"{ind * 4}</processModel>", f"{ind * 3}</processModels>",
          f"{ind * 2}</process>", f"{ind}</processes>", f"{ind}<organisationUnits>"]
    for ouid, code, ouname, posid, posname in ((63, "32OA", "32 Ordnungsamt", 4, pos_ga),
                                               (64, "20KA", "20 Kämmerei", 5, pos_kasse)):
        L += [f'{ind * 2}<organisationUnit id="{ouid}">', f"{ind * 3}<code>{code}</code>",
              f"{ind * 3}<name>{escape(ouname)}</name>", f"{ind * 3}<positions>",
              f'{ind * 4}<position type="Sachbearbeiter" id="{posid}">', f"{ind * 5}<name>{escape(posname)}</name>",
              f"{ind * 5}<payment>0.0</payment>", f"{ind * 4}</position>", f"{ind * 3}</positions>",
              f"{ind * 2}</organisationUnit>"]
    L += [f"{ind}</organisationUnits>", f"{ind}<methodDefinition>", f"{ind * 2}<buildingBlockTypes>"]
    for t in used_types:
        L += [f'{ind * 3}<buildingBlockType id="{PIC_TYPES[t]}">', f"{ind * 4}<type>ProcessBuidlingBlock</type>",
              f"{ind * 4}<name>{escape(t)}</name>", f"{ind * 3}</buildingBlockType>"]
    L += [f"{ind * 2}</buildingBlockTypes>", f"{ind * 2}<attributeTypes>"]
    for a in used_attrs:
        i, g, dt = PIC_ATTR[a]
        L += [f'{ind * 3}<attributeType attributeGroupId="{g}" id="{i}">', f"{ind * 4}<name>{escape(a)}</name>",
              f"{ind * 4}<datatype>{dt}</datatype>", f"{ind * 3}</attributeType>"]
    L += [f"{ind * 2}</attributeTypes>", f"{ind}</methodDefinition>", "</ns2:pictureExport>"]
    return "\n".join(L) + "\n"


# ====================================================================== town files

HINWEIS = ("BEISPIEL: {name} gibt es nicht; die {kind}, ihre Einwohnerzahl, die Ansprechperson, Budget, "
           "Personentage und alle Stundensätze sind erfunden (plausibel für eine sächsische {klein}, grob nach "
           "TVöD-VKA 2025 mit Arbeitsplatzkosten) und zeigen nur den Aufbau der Datei. Eigene Werte z. B. vom "
           "Personalamt und aus dem Haushalt eintragen. Aufbau: data/README.md und samples/gemeinden/README.md.")


def town_file(town) -> dict:
    t = TOWNS[town]
    base = {"name": t["name"], "inhabitants": t["inhabitants"], "landkreis": LANDKREIS}
    if town == "musterstadt":
        extra = {
            "contact": "Digital-Navigatorin Anna Beispiel, Hauptamt (erfunden)",
            "budget_eur_per_year": 25000, "staff_days_per_quarter": 20, "start_quarter": "2027-Q1", "quarters": 8,
            "stellen": {"Bürgerbüro": 36.80, "Poststelle": 31.20, "Steuersachbearbeitung": 38.90,
                        "Stadtkasse": 35.40, "Gewerbeangelegenheiten": 38.90,
                        "Sachbearbeitung Bewohnerparken": 38.90},
            "zeitwerte": [{"nr": 3, "mittel": 12}, {"nr": 12, "mittel": 4}],
            "lohnkosten": [{"level": "kommunen", "durchschnitt": 42.30}],
        }
    elif town == "beispielhain":
        extra = {
            "contact": "Digital-Navigator Ben Muster, Hauptamt (erfunden)",
            "budget_eur_per_year": 10000, "staff_days_per_quarter": 10, "start_quarter": "2027-Q1", "quarters": 8,
            "stellen": {"Hauptamt – Bürgerservice und Steuern": 37.10,
                        "Hauptamt – Bürgerservice und Gewerbe": 37.10,
                        "Gemeindekasse": 35.40},
            "lohnkosten": [{"level": "kommunen", "durchschnitt": 41.80}],
        }
    else:
        extra = {
            "contact": "Digital-Navigatorin Clara Probe, Hauptamt (erfunden)",
            "budget_eur_per_year": 6000, "staff_days_per_quarter": 8, "start_quarter": "2027-Q1", "quarters": 8,
            "stellen": {"Poststelle": 31.20, "Steueramt – Steuersachbearbeitung": 39.20,
                        "Sachgebietsleitung Steuern": 48.10, "Stadtkasse": 35.90,
                        "Ordnungsamt – Gewerbeangelegenheiten": 39.20, "Sachgebietsleitung Ordnung": 48.10},
            "lohnkosten": [{"level": "kommunen", "durchschnitt": 42.90}],
        }
    out = dict(base)
    out["source"] = f"{t['name']}, Beispielwerte 2025 (erfunden)"
    out["hinweis"] = HINWEIS.format(name=t["name"], kind=t["kind"],
                                    klein="Kleinstadt" if t["kind"] == "Stadt" else "Gemeinde")
    out.update(extra)
    return out


# ====================================================================== what make_samples.py writes

BPMN = [
    ("musterstadt", ms_hundesteuer), ("musterstadt", ms_gewerbeanmeldung),
    ("musterstadt", ms_sondernutzung), ("musterstadt", ms_kita),
    ("beispielhain", bh_hundesteuer), ("beispielhain", bh_gewerbeanmeldung),
    ("talbach", tb_hundesteuer), ("talbach", tb_gewerbeanmeldung),
]


def other_files() -> list:
    """(relative path, bytes) of the non-generated-BPMN files: copies, PICTURE-XML, town files."""
    out = [
        ("musterstadt/hundesteuer-abmeldung.csv", ms_hundesteuer_abmeldung_csv()),
        ("musterstadt/bewohnerparkausweis.picture-bpmn.bpmn", ms_bewohnerparkausweis_picture_bpmn()),
        ("musterstadt/gewerbeabmeldung.picture.xml", ms_gewerbeabmeldung_picture_xml().encode("utf-8")),
    ]
    for town in TOWNS:
        out.append((f"{town}/stadt.json",
                    (json.dumps(town_file(town), ensure_ascii=False, indent=2) + "\n").encode("utf-8")))
    return out
