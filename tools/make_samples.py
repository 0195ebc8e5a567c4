#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes the bundled sample models samples/*.bpmn (municipal services of a Saxon town of ~20,000
# inhabitants) from the descriptions below, so that the lotse: attributes and the QBP simulation block
# cannot drift apart. Every figure's source is named next to it and in samples/README.md.
# usage: python3 tools/make_samples.py [--check]
#   --check: write nothing; fail on layout problems or when a sample file differs from the generated text
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from samples_lib import (ROWS2, ROWS3, Assoc, Data, Flow, Lane, MsgFlow, Node, Sample,  # noqa: E402
                         WORKING_HOURS_PER_YEAR, write)

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
             message="Anmeldung zur Hundesteuer (Papierformular)",
             attrs=[("inbound.personal_documents", 60), ("inbound.post", 40), ("formalization", "form_bound")]),
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


SAMPLES = [hundesteuer]


def main() -> int:
    check_only = "--check" in sys.argv
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bad = 0
    for make in SAMPLES:
        s = make()
        xml, problems = write(s)
        for p in problems:
            print(f"{s.key}: layout: {p}", file=sys.stderr)
        bad += len(problems)
        path = os.path.join(root, "samples", s.key + ".bpmn")
        if check_only:
            old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
            if old != xml:
                print(f"{path}: differs from what tools/make_samples.py writes (run it)", file=sys.stderr)
                bad += 1
        else:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(xml)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
