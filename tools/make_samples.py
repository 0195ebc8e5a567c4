#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes the bundled sample models samples/*.bpmn (municipal services of a Saxon town of ~20,000
# inhabitants) from the descriptions below, so that the lotse: attributes and the QBP simulation block
# cannot drift apart. Every figure's source is named next to it and in samples/README.md.
# Also writes the sample towns samples/gemeinden/ (models in several formats and stadt.json each) from
# tools/samples_gemeinden.py.
# usage: python3 tools/make_samples.py [--check]
#   --check: write nothing; fail on layout problems or when a sample file differs from the generated text
#   --figures: print expected visits, minutes per case, hours, VZÄ and cost per Stelle (for samples/README.md)
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from samples_lib import (ROWS2, ROWS3, Assoc, Data, Flow, Lane, MsgFlow, Node, Sample,  # noqa: E402
                         WORKING_HOURS_PER_YEAR, node_attr, write)

# StBA Lohnkostentabelle Verwaltung 2025, Kommunen (domain.md 3.2)
RATE_MITTEL = 25.50   # einfacher + mittlerer Dienst
RATE_GEHOBEN = 42.20  # gehobener Dienst

INHABITANTS = 20000   # the sample town (assumption)


def task(id, name, lane, col, minutes, src, row="M", kind="userTask", **kw):
    """A task with processing_minutes and the Stelle of its lane; `src` names the time's source (comment)."""
    attrs = [("processing_minutes", minutes), ("stelle", STELLE[lane])]
    for k, v in kw.items():
        k = k.replace("__", ".")
        for item in (v if isinstance(v, list) else [v]):
            attrs.append((k, item))
    return Node(id, kind, name, lane, col, row, attrs, doc=f"Bearbeitungszeit {minutes} min: {src}")


STELLE: dict = {}


def lanes3(*specs):
    out = []
    for id, name, rows, rate, staff in specs:
        rowmap = ROWS3 if rows == 3 else ROWS2
        height = 390 if rows == 3 else 260
        out.append(Lane(id, name, rowmap, height, rate, staff))
        STELLE[id] = name
    return out


# ====================================================================== Hundesteuer (Ist)

def hundesteuer() -> Sample:
    dogs = INHABITANTS * 1900 / 30500          # Taunusstein: 1,900 dogs per 30,500 inhabitants
    turnover = 0.15                             # assumption: new dogs + move-ins per year
    cases = round(dogs * turnover)              # 1,246 dogs x 15 % = 187
    lanes = lanes3(
        ("Lane_bb", "Bürgerbüro", 2, RATE_MITTEL, 3),
        ("Lane_sa", "Steueramt – Steuersachbearbeitung", 3, RATE_MITTEL, 1),
        ("Lane_sgl", "Sachgebietsleitung Steuern", 2, RATE_GEHOBEN, 1),
        ("Lane_kasse", "Stadtkasse", 2, RATE_MITTEL, 2),
    )
    n = [
        Node("Start_anmeldung", "startEvent", "Anmeldeformular eingegangen", "Lane_bb", 0,
             message="Anmeldung zur Hundesteuer (Papierformular)"),
        task("Task_entgegennehmen", "Anmeldung entgegennehmen & Eingang stempeln", "Lane_bb", 1, 5,
             "StBA Zeitwerttabelle Nr. 4 einfach (Eingang bestätigen)",
             inbound__personal_documents=60, inbound__post=40, formalization="form_bound",
             data_source="paper", document="Anmeldeformular Hundesteuer (Papier)"),
        task("Task_hauspost", "Formular per Hauspost an Steueramt weiterleiten", "Lane_bb", 2, 2,
             "StBA Zeitwerttabelle Nr. 14 einfach (verteilen)", outbound__internal_mail=100,
             document="Anmeldeformular Hundesteuer (Papier)"),
        Node("Timer_hauspost", "intermediateCatchEvent", "Liegezeit Hauspost (1 Tag)", "Lane_sa", 3,
             timer="P1D", attrs=[("waiting_minutes", 1440)]),
        Node("Gw_merge", "exclusiveGateway", "", "Lane_sa", 4),
        task("Task_formell", "Formelle Prüfung", "Lane_sa", 5, 5,
             "StBA Zeitwerttabelle Nr. 3 einfach (Formelle Prüfung)", inbound__internal_mail=100,
             data_source="paper"),
        Node("Gw_vollstaendig", "exclusiveGateway", "Unterlagen vollständig?", "Lane_sa", 6),
        task("Task_nachfordern", "Fehlende Angaben schriftlich nachfordern", "Lane_sa", 7, 5,
             "StBA Zeitwerttabelle Nr. 4 einfach (Einholen fehlender Daten)", row="U",
             outbound__post=100, it_system="MS Word"),
        Node("Catch_nachgereicht", "intermediateCatchEvent", "Unterlagen nachgereicht", "Lane_sa", 8, row="U",
             message="Nachgereichte Unterlagen (Papier)",
             attrs=[("waiting_minutes", 10080), ("inbound.post", 70), ("inbound.personal_documents", 30)]),
        task("Task_melderegister", "Abgleich <Melderegister>", "Lane_sa", 7, 5,
             "StBA Zeitwerttabelle Nr. 3 einfach (Daten sichten)", it_system="Melderegister (VOIS|MESO)"),
        task("Task_erfassen", "Daten in OK.FIS erfassen", "Lane_sa", 8, 8,
             "StBA Zeitwerttabelle Nr. 5 einfach (Daten erfassen)", it_system="OK.FIS", data_source="paper",
             formalization="form_bound"),
        task("Task_bescheid", "Steuer berechnen & Bescheid erstellen", "Lane_sa", 9, 5,
             "StBA Zeitwerttabelle Nr. 11 einfach (Bescheid erstellen)", it_system="OK.FIS",
             legal_basis="Hundesteuersatzung der Stadt"),
        task("Task_drucken", "Bescheid drucken", "Lane_sa", 10, 1,
             "PICTURE-Beispiel Gewerbe: Gewerbeschein drucken 1 min (domain.md 1.4)", it_system="OK.FIS",
             pages=2, copies=2, document="Steuerbescheid (Papier)"),
        task("Task_unterschreiben", "Bescheid prüfen & unterschreiben", "Lane_sgl", 11, 4,
             "StBA Zeitwerttabelle Nr. 7 einfach (Ergebnisse überprüfen)",
             formalization="legally_binding_signature", document="Steuerbescheid (Papier)"),
        task("Task_versenden", "Bescheid & Hundesteuermarke kuvertieren und per Post versenden", "Lane_sa", 12, 2,
             "StBA Zeitwerttabelle Nr. 14 einfach (verteilen)", outbound__post=100,
             document=["Steuerbescheid (Papier)", "Hundesteuermarke"]),
        task("Task_ablegen", "Vorgang in Papierakte ablegen", "Lane_sa", 13, 2,
             "StBA Zeitwerttabelle Nr. 14 einfach (archivieren)", document="Papierakte Hundesteuer"),
        Node("Catch_zahlung", "intermediateCatchEvent", "Zahlung eingegangen", "Lane_kasse", 14,
             message="Zahlung der Hundesteuer (bar oder Überweisung)", attrs=[("waiting_minutes", 20160)]),
        task("Task_kasse", "Zahlung annehmen & buchen (bar/Überweisung)", "Lane_kasse", 15, 5,
             "StBA Zeitwerttabelle Nr. 12 mittel (Zahlungen annehmen)", it_system="OK.FIS",
             document="Kassenbeleg (Papier)"),
        Node("End_angemeldet", "endEvent", "Hund angemeldet", "Lane_kasse", 16),
    ]
    f = [
        Flow("Flow_01", "Start_anmeldung", "Task_entgegennehmen"),
        Flow("Flow_02", "Task_entgegennehmen", "Task_hauspost"),
        Flow("Flow_03", "Task_hauspost", "Timer_hauspost"),
        Flow("Flow_04", "Timer_hauspost", "Gw_merge"),
        Flow("Flow_05", "Gw_merge", "Task_formell"),
        Flow("Flow_06", "Task_formell", "Gw_vollstaendig"),
        Flow("Flow_07", "Gw_vollstaendig", "Task_melderegister", "ja", 0.8),
        Flow("Flow_08", "Gw_vollstaendig", "Task_nachfordern", "nein", 0.2),
        Flow("Flow_09", "Task_nachfordern", "Catch_nachgereicht"),
        Flow("Flow_10", "Catch_nachgereicht", "Gw_merge", sport="r", tport="t",
             via=[("x", "+30"), ("y", ("lane", "Lane_sa", 22))]),
        Flow("Flow_11", "Task_melderegister", "Task_erfassen"),
        Flow("Flow_12", "Task_erfassen", "Task_bescheid"),
        Flow("Flow_13", "Task_bescheid", "Task_drucken"),
        Flow("Flow_14", "Task_drucken", "Task_unterschreiben"),
        Flow("Flow_15", "Task_unterschreiben", "Task_versenden"),
        Flow("Flow_16", "Task_versenden", "Task_ablegen"),
        Flow("Flow_17", "Task_ablegen", "Catch_zahlung", tport="l", via=[("x", ("col", 13.5))]),
        Flow("Flow_18", "Catch_zahlung", "Task_kasse"),
        Flow("Flow_19", "Task_kasse", "End_angemeldet"),
    ]
    d = [
        Data("Data_formular", "object", "Anmeldeformular (Papier)", "Lane_bb", 1),
        Data("Data_melderegister", "store", "Melderegister (VOIS|MESO)", "Lane_sa", 7, store="DataStore_melderegister"),
        Data("Data_okfis", "store", "OK.FIS", "Lane_sa", 8.5, store="DataStore_okfis"),
        Data("Data_bescheid", "object", "Steuerbescheid (Papier)", "Lane_sa", 10),
        Data("Data_akte", "store", "Papierakte Hundesteuer", "Lane_sa", 13, store="DataStore_papierakte"),
        Data("Data_beleg", "object", "Kassenbeleg (Papier)", "Lane_kasse", 15),
    ]
    a = [
        Assoc("Task_entgegennehmen", "Data_formular", False),
        Assoc("Task_melderegister", "Data_melderegister", False),
        Assoc("Task_erfassen", "Data_okfis", True),
        Assoc("Task_bescheid", "Data_okfis", False),
        Assoc("Task_drucken", "Data_bescheid", True),
        Assoc("Task_ablegen", "Data_akte", True),
        Assoc("Task_kasse", "Data_beleg", True),
    ]
    m = [
        MsgFlow("Msg_antrag", "citizen", "Start_anmeldung", "Anmeldeformular (persönlich oder per Post)"),
        MsgFlow("Msg_nachforderung", "Task_nachfordern", "citizen", "Nachforderung (Brief)"),
        MsgFlow("Msg_nachgereicht", "citizen", "Catch_nachgereicht", "Unterlagen (Papier)"),
        MsgFlow("Msg_bescheid", "Task_versenden", "citizen", "Steuerbescheid & Hundesteuermarke (Post)"),
        MsgFlow("Msg_zahlung", "citizen", "Catch_zahlung", "Zahlung (bar/Überweisung)"),
    ]
    s = Sample(
        key="hundesteuer", title="Hundesteuer-Anmeldung (Ist)",
        process_name="Hundesteuer: Anmeldung eines Hundes (Ist-Prozess, Papier)",
        town_pool="Stadtverwaltung (Sachsen, ca. 20.000 Einwohner)", citizen_pool="Hundehalter/-in (Antragsteller)",
        lanes=lanes, nodes=n, flows=f, data=d, assocs=a, msgflows=m,
        process_attrs=[("cases_per_year", cases), ("fee_eur", 0),
                       ("legal_basis", "§ 7 Abs. 2 SächsKAG (örtliche Aufwandsteuern)"),
                       ("legal_basis", "Hundesteuersatzung der Stadt"),
                       ("org_unit", "Kämmerei – Steueramt")],
        datastores={"DataStore_melderegister": "Melderegister (VOIS|MESO)", "DataStore_okfis": "OK.FIS",
                    "DataStore_papierakte": "Papierakte Hundesteuer"},
        cases_per_year=cases,
        documentation="Beispielmodell Prozesslotse: Anmeldung eines Hundes zur Hundesteuer in einer sächsischen "
                      "Stadt mit ca. 20.000 Einwohnern, Ist-Zustand mit Papierformular, Hauspost, Abtippen in das "
                      "Fachverfahren, gedrucktem und unterschriebenem Bescheid, Postversand, Zahlung an der "
                      "Stadtkasse und Papierakte. Quellen und Annahmen: samples/README.md.",
        comment=f"""
Prozesslotse sample: Hundesteuer-Anmeldung (as-is), written by tools/make_samples.py (do not edit by hand).
Figures and sources (details in samples/README.md):
  cases_per_year {cases} = {INHABITANTS} inhabitants x 1,900 dogs / 30,500 inhabitants (Taunusstein, kommunal.de)
    = {dogs:.0f} dogs x 15 % new registrations per year. ASSUMPTION: the 15 % turnover (new dogs, move-ins),
    and that dog density in Saxony equals Taunusstein's.
  processing_minutes: StBA Zeitwerttabelle Verwaltung 2025 (einfach column unless noted), see each task's
    documentation; printing 1 min from the PICTURE Gewerbe sample (domain.md 1.4).
  cost_rate_eur_per_hour: StBA Lohnkostentabelle 2025 Kommunen, 25.50 (einfach/mittel), 42.20 (gehoben).
  ASSUMPTIONS: channel shares (60 % in person, 40 % post), 20 % incomplete forms, waiting times (Hauspost 1 day,
    reply 7 days, payment 14 days, calendar minutes), staff numbers in the QBP resources, fee 0 EUR
    (registration is free; the tax itself is not a fee).
  QBP: arrival EXPONENTIAL mean = 1,600 working hours x 3,600 s / {cases} cases = {WORKING_HOURS_PER_YEAR * 3600 / cases:.0f} s;
    task durations NORMAL(mean = processing_minutes x 60 s, sd = 20 % of mean; the 20 % is an ASSUMPTION).
""")
    return s


# ====================================================================== Gewerbeanmeldung (Ist)

def gewerbeanmeldung() -> Sample:
    per_1000 = 26445 / 4.0e6 * 1000           # Sachsen 2023: 26,445 Anmeldungen, ~4.0 M inhabitants (domain.md 3.4)
    cases = round(INHABITANTS * per_1000 / 1000)   # 132
    pic = "PICTURE-Beispiel \"Gewerbe anmelden\" (domain.md 1.4)"
    lanes = lanes3(
        ("Lane_ga", "Ordnungsamt – Gewerbeangelegenheiten", 3, RATE_MITTEL, 1),
        ("Lane_kasse", "Stadtkasse", 2, RATE_MITTEL, 2),
    )
    n = [
        Node("Start_anzeige", "startEvent", "Gewerbeanzeige geht ein", "Lane_ga", 0,
             message="Gewerbeanzeige (Formular GewA 1)",
             attrs=[("inbound.personal_oral", 72), ("inbound.personal_documents", 8), ("inbound.post", 20),
                    ("formalization", "form_bound"), ("legal_basis", "§ 14 GewO")]),
        Node("Gw_beratung", "exclusiveGateway", "Beratung gewünscht?", "Lane_ga", 1),
        task("Task_beratung", "Beratung durchführen", "Lane_ga", 2, 10, pic, row="U", inbound__personal_oral=100),
        Node("Gw_beratung_join", "exclusiveGateway", "", "Lane_ga", 3),
        Node("Gw_merge", "exclusiveGateway", "", "Lane_ga", 4),
        task("Task_formell", "Formelle Prüfung", "Lane_ga", 5, 2, pic, data_source="paper",
             formalization="form_bound", document="Gewerbeanzeige GewA 1 (Papier)"),
        Node("Gw_vollstaendig", "exclusiveGateway", "Unterlagen vollständig?", "Lane_ga", 6),
        task("Task_nachfordern", "Fehlende Unterlagen nachfordern", "Lane_ga", 7, 5,
             "StBA Zeitwerttabelle Nr. 4 einfach (Einholen fehlender Daten)", row="U", outbound__post=100,
             it_system="MS Word"),
        Node("Catch_nachgereicht", "intermediateCatchEvent", "Unterlagen nachgereicht", "Lane_ga", 8, row="U",
             message="Nachgereichte Unterlagen",
             attrs=[("waiting_minutes", 10080), ("inbound.post", 70), ("inbound.personal_documents", 30)]),
        task("Task_edv", "Daten in Migewa übernehmen", "Lane_ga", 7, 3, pic, it_system="Migewa",
             data_source="paper", block="edvinput"),
        task("Task_laufzettel", "Laufzettel erstellen", "Lane_ga", 8, 2, pic, it_system="Migewa"),
        Node("Gw_pass", "exclusiveGateway", "Staatsangehörigkeit außerhalb der EU?", "Lane_ga", 9),
        task("Task_pass", "Passeintrag kopieren", "Lane_ga", 10, 2, pic, row="U", pages=1, copies=1),
        Node("Gw_pass_join", "exclusiveGateway", "", "Lane_ga", 11),
        task("Task_druck", "Gewerbeschein drucken", "Lane_ga", 12, 1, pic, it_system="Migewa", pages=2, copies=2,
             document="Gewerbeschein (Papier)"),
        Node("Gw_weg", "exclusiveGateway", "Antrag persönlich gestellt?", "Lane_ga", 13, label="belowright"),
        task("Task_kasse", "Gebühr kassieren & Quittung ausstellen (bar/EC)", "Lane_kasse", 14, 5,
             "StBA Zeitwerttabelle Nr. 12 mittel (Zahlungen annehmen)", inbound__personal_oral=100,
             document="Einzahlungsbeleg (Papier)"),
        Node("Timer_einzahlung", "intermediateCatchEvent", "Warten auf Einzahlungsbestätigung", "Lane_ga", 15,
             timer="PT5M", attrs=[("waiting_minutes", 5)]),
        task("Task_beleg", "Einzahlungsbeleg entgegennehmen & sichten", "Lane_ga", 16, 3,
             pic + ": Einzahlungsbeleg geht ein 1 min + sichten 2 min", inbound__personal_documents=100,
             data_source="paper"),
        task("Task_aushaendigen", "Gewerbeschein aushändigen", "Lane_ga", 17, 5, pic + ": Bestätigung geht aus",
             outbound__personal_documents=90, outbound__internal_mail=10, document="Gewerbeschein (Papier)"),
        task("Task_gebuehrenbescheid", "Gebührenbescheid erstellen (Word)", "Lane_ga", 18, 5, pic, row="U",
             it_system="MS Word"),
        task("Task_gebuehr_druck", "Gebührenbescheid drucken", "Lane_ga", 19, 2, pic, row="U", pages=1, copies=2),
        task("Task_post", "Gewerbeschein & Gebührenbescheid per Post versenden", "Lane_ga", 20, 5,
             pic + ": Bestätigung geht aus", row="U", outbound__post=100,
             document=["Gewerbeschein (Papier)", "Gebührenbescheid (Papier)"]),
        Node("Gw_weg_join", "exclusiveGateway", "", "Lane_ga", 21),
        Node("Gw_and", "parallelGateway", "", "Lane_ga", 22),
        task("Task_schreiben_druck", "Schreiben an weitere Stellen drucken", "Lane_ga", 23, 5, pic + " (12 Seiten)",
             row="U", pages=12, copies=1, it_system="Migewa"),
        task("Task_schreiben_versand", "Schreiben an Finanzamt, IHK, HWK u. a. versenden", "Lane_ga", 24, 7,
             pic + " (11 Empfänger, 100 % Hauspost)", row="U", outbound__internal_mail=100),
        task("Task_statistik", "Meldung an Statistisches Landesamt übermitteln", "Lane_ga", 23, 2, pic,
             outbound__electronic_interface=100, it_system="Migewa"),
        Node("Gw_and_join", "parallelGateway", "", "Lane_ga", 25),
        task("Task_akte", "Vorgang in Papierakte ablegen", "Lane_ga", 26, 2,
             "StBA Zeitwerttabelle Nr. 14 einfach (archivieren)", document="Papierakte Gewerbe"),
        Node("End_bearbeitet", "endEvent", "Gewerbeanzeige bearbeitet", "Lane_ga", 27),
    ]
    f = [
        Flow("Flow_01", "Start_anzeige", "Gw_beratung"),
        Flow("Flow_02", "Gw_beratung", "Task_beratung", "ja", 0.264),
        Flow("Flow_03", "Gw_beratung", "Gw_beratung_join", "nein", 0.736),
        Flow("Flow_04", "Task_beratung", "Gw_beratung_join"),
        Flow("Flow_05", "Gw_beratung_join", "Gw_merge"),
        Flow("Flow_06", "Gw_merge", "Task_formell"),
        Flow("Flow_07", "Task_formell", "Gw_vollstaendig"),
        Flow("Flow_08", "Gw_vollstaendig", "Task_edv", "ja", 0.8),
        Flow("Flow_09", "Gw_vollstaendig", "Task_nachfordern", "nein", 0.2),
        Flow("Flow_10", "Task_nachfordern", "Catch_nachgereicht"),
        Flow("Flow_11", "Catch_nachgereicht", "Gw_merge", sport="r", tport="t",
             via=[("x", "+30"), ("y", ("lane", "Lane_ga", 22))]),
        Flow("Flow_12", "Task_edv", "Task_laufzettel"),
        Flow("Flow_13", "Task_laufzettel", "Gw_pass"),
        Flow("Flow_14", "Gw_pass", "Task_pass", "ja", 0.2),
        Flow("Flow_15", "Gw_pass", "Gw_pass_join", "nein", 0.8),
        Flow("Flow_16", "Task_pass", "Gw_pass_join"),
        Flow("Flow_17", "Gw_pass_join", "Task_druck"),
        Flow("Flow_18", "Task_druck", "Gw_weg"),
        Flow("Flow_19", "Gw_weg", "Task_kasse", "ja", 0.8, lside="left"),
        Flow("Flow_20", "Gw_weg", "Task_gebuehrenbescheid", "nein", 0.2),
        Flow("Flow_21", "Task_kasse", "Timer_einzahlung"),
        Flow("Flow_22", "Timer_einzahlung", "Task_beleg"),
        Flow("Flow_23", "Task_beleg", "Task_aushaendigen"),
        Flow("Flow_24", "Task_aushaendigen", "Gw_weg_join"),
        Flow("Flow_25", "Task_gebuehrenbescheid", "Task_gebuehr_druck"),
        Flow("Flow_26", "Task_gebuehr_druck", "Task_post"),
        Flow("Flow_27", "Task_post", "Gw_weg_join"),
        Flow("Flow_28", "Gw_weg_join", "Gw_and"),
        Flow("Flow_29", "Gw_and", "Task_schreiben_druck"),
        Flow("Flow_30", "Gw_and", "Task_statistik"),
        Flow("Flow_31", "Task_schreiben_druck", "Task_schreiben_versand"),
        Flow("Flow_32", "Task_schreiben_versand", "Gw_and_join"),
        Flow("Flow_33", "Task_statistik", "Gw_and_join"),
        Flow("Flow_34", "Gw_and_join", "Task_akte"),
        Flow("Flow_35", "Task_akte", "End_bearbeitet"),
    ]
    d = [
        Data("Data_anzeige", "object", "Gewerbeanzeige GewA 1 (Papier)", "Lane_ga", 5),
        Data("Data_migewa", "store", "Migewa", "Lane_ga", 7.5, store="DataStore_migewa"),
        Data("Data_gewerbeschein", "object", "Gewerbeschein (Papier, 2 Ausfertigungen)", "Lane_ga", 12),
        Data("Data_beleg_kasse", "object", "Einzahlungsbeleg (Papier)", "Lane_kasse", 14),
        Data("Data_beleg", "object", "Einzahlungsbeleg (Papier)", "Lane_ga", 16, obj="Data_beleg_kasse"),
        Data("Data_akte", "store", "Papierakte Gewerbe", "Lane_ga", 26, store="DataStore_papierakte"),
    ]
    a = [
        Assoc("Task_formell", "Data_anzeige", False),
        Assoc("Task_edv", "Data_migewa", True),
        Assoc("Task_laufzettel", "Data_migewa", False),
        Assoc("Task_druck", "Data_gewerbeschein", True),
        Assoc("Task_kasse", "Data_beleg_kasse", True),
        Assoc("Task_beleg", "Data_beleg", False),
        Assoc("Task_akte", "Data_akte", True),
    ]
    m = [
        MsgFlow("Msg_anzeige", "citizen", "Start_anzeige", "Gewerbeanzeige (persönlich oder Post)"),
        MsgFlow("Msg_nachforderung", "Task_nachfordern", "citizen", "Nachforderung (Brief)"),
        MsgFlow("Msg_nachgereicht", "citizen", "Catch_nachgereicht", "Unterlagen (Papier)"),
        MsgFlow("Msg_gebuehr", "citizen", "Task_kasse", "Gebühr 30 € (bar/EC)"),
        MsgFlow("Msg_schein", "Task_aushaendigen", "citizen", "Gewerbeschein (Papier)"),
        MsgFlow("Msg_post", "Task_post", "citizen", "Gewerbeschein & Bescheid (Post)"),
        MsgFlow("Msg_schreiben", "Task_schreiben_versand", "external", "Gewerbemeldungen (Papier, Hauspost)"),
        MsgFlow("Msg_statistik", "Task_statistik", "external", "Meldung Statistik (elektronisch)"),
    ]
    return Sample(
        key="gewerbeanmeldung", title="Gewerbeanmeldung (Ist)",
        process_name="Gewerbe anmelden (Ist-Prozess nach dem PICTURE-Beispiel)",
        town_pool="Stadtverwaltung (Sachsen, ca. 20.000 Einwohner)", citizen_pool="Gewerbetreibende/-r (Anzeigende/-r)",
        external_pool="Empfänger der Gewerbemeldung (Finanzamt, IHK, HWK, Statistisches Landesamt u. a.)",
        lanes=lanes, nodes=n, flows=f, data=d, assocs=a, msgflows=m,
        process_attrs=[("cases_per_year", cases), ("fee_eur", 30), ("legal_basis", "§ 14 GewO"),
                       ("legal_basis", "§ 15 Abs. 1 GewO"), ("org_unit", "32 Ordnungsamt – Gewerbeangelegenheiten"),
                       ("processing_time_minutes", 15), ("lead_time_minutes", 15)],
        datastores={"DataStore_migewa": "Migewa", "DataStore_papierakte": "Papierakte Gewerbe"},
        cases_per_year=cases,
        documentation="Beispielmodell Prozesslotse: Gewerbeanmeldung nach dem veröffentlichten PICTURE-Beispiel "
                      "\"Gewerbe anmelden\" (Bausteine und Zeiten), Fallzahl auf eine sächsische Stadt mit ca. "
                      "20.000 Einwohnern umgerechnet. Steckbriefwerte Bearbeitungs-/Durchlaufzeit 15 min wie im "
                      "PICTURE-Beispiel (weichen von der Bausteinsumme ab). Quellen: samples/README.md.",
        comment=f"""
Prozesslotse sample: Gewerbeanmeldung (as-is), written by tools/make_samples.py (do not edit by hand).
Figures and sources (details in samples/README.md):
  cases_per_year {cases} = {INHABITANTS} inhabitants x 26,445 Anmeldungen (Sachsen 2023, Statistisches Landesamt)
    / ~4.0 M inhabitants = {per_1000:.2f} per 1,000 inhabitants (the per-1,000 rate is inferred, domain.md 3.4).
  processing_minutes: block times of the PICTURE sample "Gewerbe anmelden" (domain.md 1.4) where it has the
    block; otherwise StBA Zeitwerttabelle Verwaltung 2025 (named in each task's documentation).
  probabilities: Beratung 0.264 = 80 % personal variant x 33 % (PICTURE); Pass copy 20 % (PICTURE, applied to
    all cases: ASSUMPTION); personal/written 80/20 (PICTURE variants); incomplete 20 % (ASSUMPTION).
  processing_time_minutes/lead_time_minutes 15: Steckbrief of the PICTURE sample (disagrees with the block sum).
  fee 30 EUR: typical Saxon fee (Schkeuditz 10-50 EUR, typically 30; Guben 30 EUR).
  cost_rate_eur_per_hour: StBA Lohnkostentabelle 2025 Kommunen, 25.50 (einfach/mittel).
  ASSUMPTIONS: incomplete filings 20 %, reply waiting 7 days (calendar minutes), staff numbers in QBP.
  QBP: arrival EXPONENTIAL mean = 1,600 working hours x 3,600 s / {cases} = {WORKING_HOURS_PER_YEAR * 3600 / cases:.0f} s;
    task durations NORMAL(mean = processing_minutes x 60 s, sd 20 % ASSUMPTION).
""")


# ====================================================================== Bewohnerparkausweis (Ist)

def bewohnerparkausweis() -> Sample:
    cases = 600     # ASSUMPTION: 2 Bewohnerparkzonen in the old town, ~600 valid permits, each renewed yearly
    zw = "StBA Zeitwerttabelle Nr. {} {} ({})"
    lanes = lanes3(
        ("Lane_sb", "Straßenverkehrsbehörde – Sachbearbeitung", 3, RATE_MITTEL, 2),
        ("Lane_sgl", "Sachgebietsleitung Verkehr", 2, RATE_GEHOBEN, 1),
        ("Lane_kasse", "Stadtkasse", 2, RATE_MITTEL, 2),
    )
    n = [
        Node("Start_antrag", "startEvent", "Antrag eingegangen", "Lane_sb", 0,
             message="Antrag auf Bewohnerparkausweis"),
        Node("Gw_merge", "exclusiveGateway", "", "Lane_sb", 1),
        task("Task_formell", "Formelle Prüfung", "Lane_sb", 2, 5, zw.format(3, "einfach", "Formelle Prüfung"),
             inbound__email=50, inbound__personal_documents=30, inbound__post=20, data_source="paper",
             document="Antrag und Zulassungsbescheinigung Teil I (Kopie)"),
        Node("Gw_vollstaendig", "exclusiveGateway", "Unterlagen vollständig?", "Lane_sb", 3),
        task("Task_nachfordern", "Zulassungsbescheinigung nachfordern", "Lane_sb", 4, 5,
             zw.format(4, "einfach", "Einholen fehlender Daten"), row="U", outbound__email=50, outbound__post=50),
        Node("Catch_nachgereicht", "intermediateCatchEvent", "Unterlagen nachgereicht", "Lane_sb", 5, row="U",
             message="Nachgereichte Unterlagen",
             attrs=[("waiting_minutes", 7200), ("inbound.email", 50), ("inbound.post", 30),
                    ("inbound.personal_documents", 20)]),
        task("Task_melderegister", "Abgleich <Melderegister> & Halterdaten", "Lane_sb", 4, 5,
             zw.format(3, "einfach", "Daten sichten"), it_system="Melderegister (VOIS|MESO)"),
        Node("Gw_sonderfall", "exclusiveGateway", "Firmen- oder Leasingfahrzeug?", "Lane_sb", 5, label="belowright"),
        task("Task_sonderfall", "Sonderfall prüfen & freigeben", "Lane_sgl", 6, 8,
             zw.format(5, "einfach", "Inhaltliche Prüfung"), formalization="legally_binding_signature",
             document="Arbeitgeberbescheinigung (Papier)"),
        Node("Gw_sonderfall_join", "exclusiveGateway", "", "Lane_sb", 7),
        task("Task_alva", "Antragsdaten in ALVA erfassen", "Lane_sb", 8, 8, zw.format(5, "einfach", "Daten erfassen"),
             it_system="ALVA", data_source="paper", block="edvinput"),
        Node("Gw_bezahlt", "exclusiveGateway", "Gebühr online bezahlt (ePayBL)?", "Lane_sb", 9, label="belowright"),
        task("Task_kasse", "Gebühr an der Stadtkasse kassieren (bar/EC)", "Lane_kasse", 10, 5,
             zw.format(12, "mittel", "Zahlungen annehmen"), inbound__personal_oral=100, it_system="OK.FIS",
             document="Quittung (Papier)"),
        Node("Gw_bezahlt_join", "exclusiveGateway", "", "Lane_sb", 11),
        task("Task_erstellen", "Parkausweis & Gebührenbescheid in ALVA erstellen", "Lane_sb", 12, 5,
             zw.format(11, "einfach", "Bescheid erstellen"), it_system="ALVA",
             legal_basis="§ 45 Abs. 1b Satz 1 Nr. 2a StVO"),
        task("Task_drucken", "Parkausweis drucken", "Lane_sb", 13, 1,
             "PICTURE-Beispiel Gewerbe: Gewerbeschein drucken 1 min (domain.md 1.4)", it_system="ALVA", pages=2,
             copies=1, document="Bewohnerparkausweis (Papier)"),
        task("Task_unterschreiben", "Parkausweis prüfen & unterschreiben", "Lane_sb", 14, 4,
             zw.format(7, "einfach", "Ergebnisse überprüfen"), formalization="legally_binding_signature"),
        task("Task_versenden", "Parkausweis versenden oder aushändigen", "Lane_sb", 15, 2,
             zw.format(14, "einfach", "verteilen"), outbound__post=70, outbound__personal_documents=30,
             document="Bewohnerparkausweis (Papier)"),
        task("Task_akte", "Antrag in Papierakte ablegen", "Lane_sb", 16, 2, zw.format(14, "einfach", "archivieren"),
             document="Papierakte Bewohnerparken"),
        Node("End_erteilt", "endEvent", "Bewohnerparkausweis erteilt", "Lane_sb", 17),
    ]
    f = [
        Flow("Flow_01", "Start_antrag", "Gw_merge"),
        Flow("Flow_02", "Gw_merge", "Task_formell"),
        Flow("Flow_03", "Task_formell", "Gw_vollstaendig"),
        Flow("Flow_04", "Gw_vollstaendig", "Task_melderegister", "ja", 0.8),
        Flow("Flow_05", "Gw_vollstaendig", "Task_nachfordern", "nein", 0.2),
        Flow("Flow_06", "Task_nachfordern", "Catch_nachgereicht"),
        Flow("Flow_07", "Catch_nachgereicht", "Gw_merge", sport="r", tport="t",
             via=[("x", "+30"), ("y", ("lane", "Lane_sb", 22))]),
        Flow("Flow_08", "Task_melderegister", "Gw_sonderfall"),
        Flow("Flow_09", "Gw_sonderfall", "Task_sonderfall", "ja", 0.15, lside="left"),
        Flow("Flow_10", "Gw_sonderfall", "Gw_sonderfall_join", "nein", 0.85),
        Flow("Flow_11", "Task_sonderfall", "Gw_sonderfall_join"),
        Flow("Flow_12", "Gw_sonderfall_join", "Task_alva"),
        Flow("Flow_13", "Task_alva", "Gw_bezahlt"),
        Flow("Flow_14", "Gw_bezahlt", "Gw_bezahlt_join", "ja", 0.5),
        Flow("Flow_15", "Gw_bezahlt", "Task_kasse", "nein", 0.5, lside="left"),
        Flow("Flow_16", "Task_kasse", "Gw_bezahlt_join"),
        Flow("Flow_17", "Gw_bezahlt_join", "Task_erstellen"),
        Flow("Flow_18", "Task_erstellen", "Task_drucken"),
        Flow("Flow_19", "Task_drucken", "Task_unterschreiben"),
        Flow("Flow_20", "Task_unterschreiben", "Task_versenden"),
        Flow("Flow_21", "Task_versenden", "Task_akte"),
        Flow("Flow_22", "Task_akte", "End_erteilt"),
    ]
    d = [
        Data("Data_antrag", "object", "Antrag & Fahrzeugschein (Ausdruck/Papier)", "Lane_sb", 2),
        Data("Data_melderegister", "store", "Melderegister (VOIS|MESO)", "Lane_sb", 4, store="DataStore_melderegister"),
        Data("Data_alva", "store", "ALVA", "Lane_sb", 8, store="DataStore_alva"),
        Data("Data_alva2", "store", "ALVA", "Lane_sb", 12, store="DataStore_alva"),
        Data("Data_ausweis", "object", "Bewohnerparkausweis (Papier)", "Lane_sb", 13),
        Data("Data_akte", "store", "Papierakte Bewohnerparken", "Lane_sb", 16, store="DataStore_papierakte"),
        Data("Data_quittung", "object", "Quittung (Papier)", "Lane_kasse", 10),
    ]
    a = [
        Assoc("Task_formell", "Data_antrag", False),
        Assoc("Task_melderegister", "Data_melderegister", False),
        Assoc("Task_alva", "Data_alva", True),
        Assoc("Task_erstellen", "Data_alva2", False),
        Assoc("Task_drucken", "Data_ausweis", True),
        Assoc("Task_akte", "Data_akte", True),
        Assoc("Task_kasse", "Data_quittung", True),
    ]
    m = [
        MsgFlow("Msg_antrag", "citizen", "Start_antrag", "Antrag (Amt24-PDF, persönlich, Post)"),
        MsgFlow("Msg_nachforderung", "Task_nachfordern", "citizen", "Nachforderung (E-Mail/Brief)"),
        MsgFlow("Msg_nachgereicht", "citizen", "Catch_nachgereicht", "Fahrzeugschein-Kopie"),
        MsgFlow("Msg_gebuehr", "citizen", "Task_kasse", "Gebühr (bar/EC)"),
        MsgFlow("Msg_ausweis", "Task_versenden", "citizen", "Parkausweis & Gebührenbescheid"),
    ]
    return Sample(
        key="bewohnerparkausweis", title="Bewohnerparkausweis (Ist)",
        process_name="Bewohnerparkausweis ausstellen (Ist-Prozess, teilweise online)",
        town_pool="Stadtverwaltung (Sachsen, ca. 20.000 Einwohner)", citizen_pool="Bewohner/-in (Antragsteller)",
        lanes=lanes, nodes=n, flows=f, data=d, assocs=a, msgflows=m,
        process_attrs=[("cases_per_year", cases), ("fee_eur", 30.70),
                       ("legal_basis", "§ 45 Abs. 1b Satz 1 Nr. 2a StVO"), ("legal_basis", "§ 6a Abs. 5a StVG"),
                       ("org_unit", "Ordnungsamt – Straßenverkehrsbehörde")],
        datastores={"DataStore_melderegister": "Melderegister (VOIS|MESO)", "DataStore_alva": "ALVA",
                    "DataStore_papierakte": "Papierakte Bewohnerparken"},
        cases_per_year=cases,
        documentation="Beispielmodell Prozesslotse (illustrativ): Bewohnerparkausweis in einer sächsischen Stadt mit "
                      "ca. 20.000 Einwohnern. Online-Antrag über Amt24 kommt als PDF im Behördenkonto an und wird in "
                      "das Fachverfahren ALVA abgetippt; Zahlung teils per ePayBL, teils bar an der Stadtkasse; "
                      "Ausweis wird gedruckt, unterschrieben und versandt. Annahmen: samples/README.md.",
        comment=f"""
Prozesslotse sample: Bewohnerparkausweis (as-is, partly online), written by tools/make_samples.py.
ILLUSTRATIVE: the structure follows the Leipzig description (Amt24 application, ePayBL, Fachverfahren ALVA;
treffpunkt-kommune.de, domain.md 4.3), but in this town the PDF from Amt24 is re-typed into ALVA.
Figures and sources (details in samples/README.md):
  cases_per_year {cases}: ASSUMPTION (two residents' parking zones, ~600 permits valid for one year).
  fee_eur 30.70: ASSUMPTION, the former federal maximum (GebOSt Gebuehren-Nr. 265); the town's own fee
    schedule under 6a Abs. 5a StVG may differ.
  processing_minutes: StBA Zeitwerttabelle Verwaltung 2025 (named in each task's documentation); printing
    1 min from the PICTURE Gewerbe sample (domain.md 1.4).
  cost_rate_eur_per_hour: StBA Lohnkostentabelle 2025 Kommunen, 25.50 (einfach/mittel), 42.20 (gehoben).
  ASSUMPTIONS: channel shares (50 % Amt24-PDF, 30 % in person, 20 % post), 20 % incomplete, 15 % company or
    leasing cars, 50 % paid online, reply waiting 5 days (calendar minutes), staff numbers in QBP.
  QBP: arrival EXPONENTIAL mean = 1,600 working hours x 3,600 s / {cases} = {WORKING_HOURS_PER_YEAR * 3600 / cases:.0f} s;
    task durations NORMAL(mean = processing_minutes x 60 s, sd 20 % ASSUMPTION).
""")


# ====================================================================== Hundesteuer (digital, Soll)

def hundesteuer_digital() -> Sample:
    cases = hundesteuer().cases_per_year          # same town, same Fallzahl
    zw = "StBA Zeitwerttabelle Nr. {} {} ({})"
    lanes = lanes3(
        ("Lane_sa", "Steueramt – Steuersachbearbeitung", 3, RATE_MITTEL, 1),
        ("Lane_sgl", "Sachgebietsleitung Steuern", 2, RATE_GEHOBEN, 1),
        ("Lane_kasse", "Stadtkasse", 2, RATE_MITTEL, 2),
    )
    n = [
        Node("Start_online", "startEvent", "Online-Antrag eingegangen", "Lane_sa", 0,
             message="Online-Antrag Hundesteuer (Amt24, XML)",
             attrs=[("inbound.electronic_interface", 100), ("formalization", "form_bound")]),
        task("Task_import", "Antragsdaten per XML-Schnittstelle in OK.FIS übernehmen", "Lane_sa", 1, 0,
             "automatisch (Schnittstelle), keine Personalzeit", kind="serviceTask",
             inbound__electronic_interface=100, it_system=["Amt24", "OK.FIS"], data_source="it_system"),
        Node("Gw_merge", "exclusiveGateway", "", "Lane_sa", 2),
        task("Task_pruefen", "Übernommene Antragsdaten prüfen", "Lane_sa", 3, 5,
             zw.format(3, "einfach", "Daten sichten"), it_system="OK.FIS", data_source="it_system"),
        Node("Gw_vollstaendig", "exclusiveGateway", "Angaben vollständig?", "Lane_sa", 4),
        task("Task_rueckfrage", "Rückfrage über das Servicekonto senden", "Lane_sa", 5, 5,
             zw.format(4, "einfach", "Einholen fehlender Daten"), row="U", outbound__electronic_interface=100,
             it_system="Amt24 Servicekonto"),
        Node("Catch_antwort", "intermediateCatchEvent", "Antwort im Servicekonto eingegangen", "Lane_sa", 6, row="U",
             message="Antwort über das Servicekonto",
             attrs=[("waiting_minutes", 4320), ("inbound.electronic_interface", 100)]),
        task("Task_melderegister", "Abgleich <Melderegister>", "Lane_sa", 5, 5,
             zw.format(3, "einfach", "Daten sichten"), it_system="Melderegister (VOIS|MESO)",
             data_source="it_system"),
        task("Task_bescheid", "Steuer berechnen & Bescheid erzeugen", "Lane_sa", 6, 5,
             zw.format(11, "einfach", "Bescheid erstellen"), it_system="OK.FIS", data_source="it_system",
             legal_basis="Hundesteuersatzung der Stadt"),
        task("Task_freigabe", "Bescheid prüfen & elektronisch freigeben", "Lane_sgl", 7, 4,
             zw.format(7, "einfach", "Ergebnisse überprüfen"), it_system="OK.FIS", formalization="form_bound",
             data_source="it_system"),
        task("Task_zustellen", "Bescheid elektronisch in das Servicekonto zustellen", "Lane_sa", 8, 1,
             zw.format(10, "einfach", "Daten übermitteln"), outbound__electronic_interface=100,
             it_system=["OK.FIS", "Amt24 Servicekonto"], data_source="it_system"),
        task("Task_eakte", "Vorgang automatisch in der E-Akte speichern", "Lane_sa", 9, 0,
             "automatisch (Schnittstelle), keine Personalzeit", kind="serviceTask", it_system="E-Akte (DiVA)",
             data_source="it_system"),
        task("Task_lastschrift", "SEPA-Lastschrift zur Fälligkeit einziehen (ePayBL/HKR)", "Lane_kasse", 10, 0,
             "automatisch (Schnittstelle), keine Personalzeit", kind="serviceTask", it_system=["ePayBL", "HKR"],
             data_source="it_system"),
        task("Task_kontrolle", "Zahlungseingang im HKR kontrollieren", "Lane_kasse", 11, 1,
             zw.format(12, "einfach", "Zahlungen überwachen"), it_system="HKR", data_source="it_system"),
        Node("End_angemeldet", "endEvent", "Hund angemeldet", "Lane_kasse", 12),
    ]
    f = [
        Flow("Flow_01", "Start_online", "Task_import"),
        Flow("Flow_02", "Task_import", "Gw_merge"),
        Flow("Flow_03", "Gw_merge", "Task_pruefen"),
        Flow("Flow_04", "Task_pruefen", "Gw_vollstaendig"),
        Flow("Flow_05", "Gw_vollstaendig", "Task_melderegister", "ja", 0.95),
        Flow("Flow_06", "Gw_vollstaendig", "Task_rueckfrage", "nein", 0.05),
        Flow("Flow_07", "Task_rueckfrage", "Catch_antwort"),
        Flow("Flow_08", "Catch_antwort", "Gw_merge", sport="r", tport="t",
             via=[("x", "+30"), ("y", ("lane", "Lane_sa", 22))]),
        Flow("Flow_09", "Task_melderegister", "Task_bescheid"),
        Flow("Flow_10", "Task_bescheid", "Task_freigabe"),
        Flow("Flow_11", "Task_freigabe", "Task_zustellen"),
        Flow("Flow_12", "Task_zustellen", "Task_eakte"),
        Flow("Flow_13", "Task_eakte", "Task_lastschrift", tport="l", via=[("x", ("col", 9.5))]),
        Flow("Flow_14", "Task_lastschrift", "Task_kontrolle"),
        Flow("Flow_15", "Task_kontrolle", "End_angemeldet"),
    ]
    d = [
        Data("Data_antrag", "object", "Online-Antrag (XML)", "Lane_sa", 1),
        Data("Data_okfis", "store", "OK.FIS", "Lane_sa", 2, store="DataStore_okfis"),
        Data("Data_melderegister", "store", "Melderegister (VOIS|MESO)", "Lane_sa", 5, store="DataStore_melderegister"),
        Data("Data_bescheid", "object", "Steuerbescheid (elektronisch)", "Lane_sa", 6),
        Data("Data_eakte", "store", "E-Akte (DiVA)", "Lane_sa", 9, store="DataStore_eakte"),
        Data("Data_hkr", "store", "ePayBL / HKR", "Lane_kasse", 10.5, store="DataStore_hkr"),
    ]
    a = [
        Assoc("Task_import", "Data_antrag", False),
        Assoc("Task_import", "Data_okfis", True),
        Assoc("Task_pruefen", "Data_okfis", False),
        Assoc("Task_melderegister", "Data_melderegister", False),
        Assoc("Task_bescheid", "Data_bescheid", True),
        Assoc("Task_eakte", "Data_eakte", True),
        Assoc("Task_lastschrift", "Data_hkr", True),
        Assoc("Task_kontrolle", "Data_hkr", False),
    ]
    m = [
        MsgFlow("Msg_antrag", "citizen", "Start_online", "Online-Antrag mit SEPA-Mandat (Amt24)"),
        MsgFlow("Msg_rueckfrage", "Task_rueckfrage", "citizen", "Rückfrage (Servicekonto)"),
        MsgFlow("Msg_antwort", "citizen", "Catch_antwort", "Antwort (Servicekonto)"),
        MsgFlow("Msg_bescheid", "Task_zustellen", "citizen", "Steuerbescheid (elektronisch)"),
    ]
    return Sample(
        key="hundesteuer-digital", title="Hundesteuer-Anmeldung (digital, Soll)",
        process_name="Hundesteuer: Anmeldung eines Hundes (Soll-Prozess, durchgängig digital)",
        town_pool="Stadtverwaltung (Sachsen, ca. 20.000 Einwohner)", citizen_pool="Hundehalter/-in (Antragsteller)",
        lanes=lanes, nodes=n, flows=f, data=d, assocs=a, msgflows=m,
        process_attrs=[("cases_per_year", cases), ("fee_eur", 0),
                       ("legal_basis", "§ 7 Abs. 2 SächsKAG (örtliche Aufwandsteuern)"),
                       ("legal_basis", "Hundesteuersatzung der Stadt"),
                       ("legal_basis", "§ 15a SächsEGovG (Angebot über Amt24)"),
                       ("org_unit", "Kämmerei – Steueramt")],
        datastores={"DataStore_okfis": "OK.FIS", "DataStore_melderegister": "Melderegister (VOIS|MESO)",
                    "DataStore_eakte": "E-Akte (DiVA)", "DataStore_hkr": "ePayBL / HKR"},
        cases_per_year=cases,
        documentation="Beispielmodell Prozesslotse: dieselbe Hundesteuer-Anmeldung nach der Digitalisierung. "
                      "Online-Antrag über Amt24 mit XML-Übergabe an OK.FIS, SEPA-Mandat über ePayBL, "
                      "elektronische Freigabe, Bescheid elektronisch in das Servicekonto, E-Akte (DiVA); die "
                      "Hundesteuermarke entfällt (wie in Bad Dürkheim seit 2023). Ohne Medienbrüche. "
                      "Quellen und Annahmen: samples/README.md.",
        comment=f"""
Prozesslotse sample: Hundesteuer-Anmeldung after digitisation (to-be), written by tools/make_samples.py.
Same town and Fallzahl as samples/hundesteuer.bpmn; every measure is one of domain.md 4.4:
  Amt24 online form with XML hand-over (SaechsEGovG 15a, Amt24 Blaupause), ePayBL SEPA mandate (BaK
  Zahlungsverkehr), electronic release instead of wet signature, notice to the Servicekonto mailbox,
  E-Akte (DiVA/eVA.SAX), no dog tag (Bad Duerkheim).
Figures and sources (details in samples/README.md):
  cases_per_year {cases}: as in hundesteuer.bpmn (ASSUMPTION there: 15 % turnover of {INHABITANTS * 1900 / 30500:.0f} dogs).
  processing_minutes: StBA Zeitwerttabelle Verwaltung 2025 (einfach column, named per task); automated
    service tasks 0 min.
  ASSUMPTIONS: 100 % online (a to-be picture; in reality a paper channel stays), 5 % queries left after the
    form's plausibility checks, reply waiting 3 days (calendar minutes), staff numbers in QBP.
  QBP: arrival EXPONENTIAL mean = 1,600 working hours x 3,600 s / {cases} = {WORKING_HOURS_PER_YEAR * 3600 / cases:.0f} s;
    task durations NORMAL(mean = processing_minutes x 60 s, sd 20 % ASSUMPTION), FIXED 0 for automated tasks.
""")


SAMPLES = [hundesteuer, gewerbeanmeldung, bewohnerparkausweis, hundesteuer_digital]


def expected_visits(s: Sample) -> dict:
    """Expected executions per case of every node (linear flow equations, XOR by probability, AND: all)."""
    ids = [n.id for n in s.nodes]
    idx = {i: k for k, i in enumerate(ids)}
    kind = {n.id: n.kind for n in s.nodes}
    out = {i: [f for f in s.flows if f.src == i] for i in ids}
    size = len(ids)
    a = [[0.0] * (size + 1) for _ in range(size)]
    for i in ids:
        r = idx[i]
        a[r][r] = 1.0
        if kind[i] == "startEvent":
            a[r][size] = 1.0
    for f in s.flows:
        share = f.prob if f.prob is not None else 1.0
        if kind[f.tgt] == "parallelGateway" and len([g for g in s.flows if g.tgt == f.tgt]) > 1:
            share /= len([g for g in s.flows if g.tgt == f.tgt])   # AND join fires once per set of tokens
        a[idx[f.tgt]][idx[f.src]] -= share
    for c in range(size):                     # Gauss-Jordan with partial pivoting
        p = max(range(c, size), key=lambda r: abs(a[r][c]))
        a[c], a[p] = a[p], a[c]
        for r in range(size):
            if r != c and a[r][c]:
                fac = a[r][c] / a[c][c]
                a[r] = [x - fac * y for x, y in zip(a[r], a[c])]
    return {i: a[idx[i]][size] / a[idx[i]][idx[i]] for i in ids}


def figures(s: Sample) -> str:
    v = expected_visits(s)
    rate = {l.id: l.rate for l in s.lanes}
    lines = [f"{s.key}: {s.cases_per_year} cases/year"]
    per_lane: dict = {}
    total = 0.0
    for n in s.nodes:
        m = node_attr(n, "processing_minutes")
        if m is None:
            continue
        mpc = v[n.id] * float(m)
        total += mpc
        per_lane[n.lane] = per_lane.get(n.lane, 0.0) + mpc
        lines.append(f"  {n.name:<62} visits {v[n.id]:.3f} x {float(m):>4g} min = {mpc:6.2f} min/case")
    wait = sum(v[n.id] * float(node_attr(n, "waiting_minutes") or 0) for n in s.nodes)
    lines.append(f"  total {total:.2f} min/case; expected waiting {wait:.0f} min/case")
    cost = 0.0
    for l in s.lanes:
        h = per_lane.get(l.id, 0.0) * s.cases_per_year / 60
        cost += h * rate[l.id]
        lines.append(f"  {l.name:<45} {per_lane.get(l.id, 0.0):6.2f} min/case {h:7.1f} h/yr "
                     f"{h / WORKING_HOURS_PER_YEAR:.3f} VZÄ {h * rate[l.id]:8.0f} EUR/yr")
    hours = total * s.cases_per_year / 60
    lines.append(f"  process: {hours:.1f} h/yr = {hours / WORKING_HOURS_PER_YEAR:.3f} VZÄ, {cost:.0f} EUR/yr")
    return "\n".join(lines)


def outputs():
    """(relative path under samples/, Sample or None, bytes) of every file this script writes."""
    import samples_gemeinden as g          # imports this module; only needed here
    out = [(s.key + ".bpmn", s) for s in (make() for make in SAMPLES)]
    out += [(f"gemeinden/{town}/{s.key}.bpmn", s) for town, s in ((t, make()) for t, make in g.BPMN)]
    files = []
    for rel, s in out:
        xml, problems = write(s)
        files.append((rel, s, xml.encode("utf-8"), problems))
    files += [("gemeinden/" + rel, None, data, []) for rel, data in g.other_files()]
    return files


def main() -> int:
    if "--figures" in sys.argv:
        import samples_gemeinden as g
        for make in SAMPLES:
            print(figures(make()))
        for town, make in g.BPMN:
            print(f"[{town}] " + figures(make()))
        return 0
    check_only = "--check" in sys.argv
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bad = 0
    for rel, s, data, problems in outputs():
        for p in problems:
            print(f"{rel}: layout: {p}", file=sys.stderr)
        bad += len(problems)
        path = os.path.join(root, "samples", rel)
        if check_only:
            old = open(path, "rb").read() if os.path.exists(path) else b""
            if old != data:
                print(f"{path}: differs from what tools/make_samples.py writes (run it)", file=sys.stderr)
                bad += 1
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(data)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
