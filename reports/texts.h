// SPDX-License-Identifier: MIT
// Every word a report shows, in German (default) and English, in PICTURE vocabulary (Baustein,
// Teilprozess, Variante, Fallzahl, Bearbeitungszeit, Durchlaufzeit, Liegezeit, Stelle, VZÄ,
// Medienbruch). Texts with figures are fmt format strings with positional arguments {0}, {1}, ...;
// the caller formats numbers with reports/number_format.h and escapes model names before passing them.
#pragma once

#include "analysis/provenance.h"
#include "engine/block_types.h"
#include "engine/diagnostics.h"
#include "engine/model.h"

#include <string>
#include <string_view>

namespace lotse::reports {

/// The report vocabulary of one language.
struct Texts {
  // Title and header.
  std::string_view title;               ///< "Prozessanalyse: {0}"
  std::string_view source_line;         ///< "Quelle: {0} ({1})"
  std::string_view generated_by;
  // Section headings.
  std::string_view h_summary, h_media_breaks, h_diagram, h_workload, h_per_stelle, h_per_node, h_fact_sheet,
      h_measures, h_agenda, h_structure, h_assumptions, h_sources, h_notes;
  // Summary.
  std::string_view s_cases;             ///< "{0} Fälle pro Jahr ({1})"
  std::string_view s_no_cases;
  std::string_view s_work;              ///< "Arbeitsaufwand: {0} Minuten je Fall, {1} Stunden pro Jahr, das sind {2} VZÄ (bei {3} Stunden je VZÄ)."
  std::string_view s_work_no_cases;     ///< "Arbeitsaufwand: {0} Minuten je Fall (ohne Fallzahl keine Jahreswerte)."
  std::string_view s_cost;              ///< "Personalkosten: {0} pro Jahr."
  std::string_view s_no_workload;
  std::string_view s_media;             ///< "Medienbrüche: {0}; sie binden {1} Minuten pro Jahr ({2} Stunden)."
  std::string_view s_media_none;
  std::string_view s_default_alert;        ///< "Achtung:" before s_default_times (#9.7)
  std::string_view s_default_times;        ///< {0} steps, {1} their list, {2} share of minutes per case
  std::string_view s_default_time_step;    ///< {0} step name, {1} minutes per execution
  std::string_view s_default_time_one;     ///< s_default_times for a single step ({0} unused)
  std::string_view s_medienwechsel_share;  ///< {0} share in Medienwechsel blocks, {1} share bound in media breaks (#9.7)
  std::string_view s_lead_time;         ///< "Durchlaufzeit (Simulation): ..."
  std::string_view s_lead_time_failed;  ///< "Durchlaufzeit: nicht berechnet ({0})"
  std::string_view s_top_measures;
  std::string_view s_top_measure;       ///< "{0} – spart {1} Stunden und {2} pro Jahr"
  std::string_view s_no_measures;
  std::string_view s_findings;          ///< "Strukturprüfung: {0} Fehler, {1} Warnungen."
  std::string_view s_no_processes;
  // Key-figure cards (HTML).
  std::string_view card_cases, card_minutes, card_hours, card_fte, card_cost, card_media, card_media_minutes,
      card_lead_time;
  // Media breaks.
  std::string_view mb_intro;
  std::string_view mb_none;
  std::string_view col_nr, col_node, col_kind, col_reason, col_share, col_minutes_year, col_location;
  std::string_view mb_diagram_note_md;
  std::string_view mb_diagram_caption;  ///< under the SVG
  std::string_view mb_diagram_generated;  ///< "Ohne Diagramminformation im Modell automatisch angeordnet."
  std::string_view mb_total;            ///< "Zusammen: {0} Minuten pro Jahr ({1} Stunden)."
  std::string_view mb_same_step;        ///< {0}: numbers of breaks at a step already counted above
  // Workload.
  std::string_view wl_intro;            ///< "{0}: {1} Fälle pro Jahr, ..."
  std::string_view col_stelle, col_hours_year, col_fte, col_cost_year, col_rate, col_rate_source;
  std::string_view col_visits, col_minutes_exec, col_time_source, col_minutes_case;
  std::string_view wl_no_stelle;        ///< "(keine Stelle angegeben)"
  std::string_view wl_none;
  std::string_view wl_sum;
  std::string_view fs_compare;          ///< "Bearbeitungszeit im Steckbrief: {0} Minuten ({1}); aus den Bausteinen berechnet: {2} Minuten je Fall."
  std::string_view fs_disagree;         ///< remark when they differ
  std::string_view fs_agree;
  std::string_view fs_missing;
  // Measures.
  std::string_view ms_intro;
  std::string_view ms_none;
  std::string_view col_rank, col_measure, col_nodes, col_saved_hours, col_saved_eur, col_citizen, col_lead_time,
      col_component, col_ozg;
  std::string_view ms_agenda_intro;
  std::string_view ms_agenda_item;      ///< "Maßnahme {0}: {1}"
  std::string_view ms_agenda_benefit;   ///< "Nutzen: {0} Stunden und {1} pro Jahr in der Verwaltung, {2} Minuten je Fall für Bürgerinnen und Bürger."
  std::string_view ms_agenda_benefit_admin;  ///< without citizen minutes
  std::string_view ms_agenda_extra;     ///< negative savings: "Mehraufwand in der Verwaltung: {0} Stunden und {1} pro Jahr."
  std::string_view ms_agenda_extra_cheaper;  ///< more hours, lower cost: the work moves to a Stelle with a lower rate
  std::string_view ms_agenda_benefit_dearer; ///< fewer hours, higher cost: the work moves to a Stelle with a higher rate
  std::string_view ms_agenda_lead_time; ///< "Durchlaufzeit: {0} ± {1} statt {2} ± {3} Tage ..."
  std::string_view ms_agenda_effort;    ///< "Aufwand: Einführung bzw. Anbindung von {0}; erreicht OZG-Reifegrad {1}."
  std::string_view ms_agenda_effort_none;
  std::string_view ms_agenda_nodes;     ///< "Betrifft: {0}."
  std::string_view ms_resolves;         ///< "Behebt: {0}."
  std::string_view ms_days;             ///< "{0} ± {1} → {2} ± {3} Tage" (mean ± 95 % half-width)
  std::string_view ms_package_total;    ///< label of the package row
  std::string_view ms_not_additive;     ///< single figures are marginal in package order
  std::string_view ms_agenda_cost;      ///< one-off {0}, running {1}/year, {2} staff days, {3} source; payback {4}; priority {5}
  std::string_view ms_agenda_no_payback;
  std::string_view ms_uptake;           ///< uptake {0} % ({1}); at 30/60/90 %: {2} / {3} / {4} hours
  std::string_view ms_assumption;       ///< "Annahme"
  std::string_view priority_high, priority_medium, priority_low;  ///< priority classes of the package
  std::string_view ms_not_proposed;     ///< "Nicht vorgeschlagen: {0}: {1}."
  std::string_view ms_uncovered;        ///< "Ohne Maßnahme: Medienbruch {0}: {1}."
  std::string_view reason_already_present, reason_covered, reason_no_benefit, reason_physical_item, reason_no_fee,
      reason_no_recurring_levy, reason_no_measure, reason_other, reason_no_saving, reason_written_form, ms_coverage;
  // Structure.
  std::string_view st_none;
  std::string_view col_severity, col_code, col_finding;
  // Assumptions and sources.
  std::string_view as_intro;
  std::string_view as_hours_per_fte_default;  ///< "1 VZÄ = {0} Arbeitsstunden pro Jahr (Standardwert: ...)"
  std::string_view as_hours_per_fte_cli;
  std::string_view as_verteilzeit_none;
  std::string_view as_verteilzeit;      ///< "Verteilzeitzuschlag: Faktor {0} (Kommandozeile --verteilzeit)."
  std::string_view as_cases_cli;        ///< "Fallzahl vorgegeben: {0} pro Jahr (Kommandozeile --cases-per-year)."
  std::string_view as_lead_time;        ///< "Durchlaufzeit simuliert: {0} Fälle ..."
  std::string_view as_no_lead_time;
  std::string_view col_figure, col_source;
  std::string_view src_cases, src_time, src_rate;
  std::string_view src_line;            ///< " (Zeile {0})"
  std::string_view notes_none;
  // Provenance words.
  std::string_view prov_model;          ///< "Modell, {0}"
  std::string_view prov_scenario;
  std::string_view prov_computed;
  std::string_view prov_default;
  std::string_view prov_missing;
  // Document header and footer (emitters; issue #10).
  std::string_view meta_town;           ///< "Kommune: {0}"
  std::string_view meta_author;         ///< "Bearbeitung: {0}"
  std::string_view meta_date;           ///< "Stand: {0}"
  std::string_view meta_page;           ///< "Seite" (print footer)
  std::string_view fig_zoom;            ///< switch between "fit to width" and full size of a picture
  // Units and small words.
  std::string_view unit_minutes, unit_hours, unit_days, per_year, yes, no, none_dash;
};

/// The texts of a language.
[[nodiscard]] const Texts& texts(engine::Lang lang);

/// The words of the Ist/Soll comparison (`lotse analyze IST --soll SOLL`, reports/sections/compare.cpp).
struct CompareTexts {
  std::string_view title;               ///< "Ist/Soll-Vergleich: {0}"
  std::string_view source_line;         ///< "Ist: {0} ({1}). Soll: {2} ({3})."
  std::string_view delta_note;          ///< what "Differenz" means
  std::string_view h_summary, h_figures, h_roles, h_blocks, h_by_category, h_by_task, h_breaks, h_assumptions;
  std::string_view work_line;           ///< "Arbeitsaufwand: {0} → {1} Stunden pro Jahr, {2} → {3} VZÄ, {4} → {5} pro Jahr."
  std::string_view saved_line;          ///< "Das Soll spart {0} Stunden, {1} VZÄ und {2} pro Jahr."
  std::string_view more_line;           ///< the Soll needs more: "Das Soll braucht {0} Stunden, ... mehr."
  std::string_view card_hours, card_saved_hours, card_saved_eur, card_saved_fte, card_breaks, card_citizen, card_lead_time;
  std::string_view card_ist;            ///< "Ist: {0}"
  std::string_view card_breaks_note;    ///< "von {0} im Ist"
  std::string_view col_figure, col_ist, col_soll, col_delta, col_name, col_category, col_status, col_kind, col_node,
      col_minutes_ist, col_minutes_soll, col_hours_ist, col_hours_soll, col_fte_ist, col_fte_soll, col_eur_ist,
      col_eur_soll, col_min_case_ist, col_min_case_soll;
  std::string_view row_cases, row_minutes, row_hours, row_fte, row_eur, row_citizen, row_breaks, row_break_minutes,
      row_lead_time, row_lead_ci;
  std::string_view cat_information_flow, cat_media_change, cat_documentation, cat_administrative_work, cat_coordination,
      cat_generic, cat_none;
  std::string_view breaks_line;         ///< "{0} von {1} Medienbrüchen des Ist entfallen, {2} bleiben, {3} kommen hinzu."
  std::string_view breaks_none;
  std::string_view status_removed, status_kept, status_added;
  std::string_view citizen_method;      ///< how citizen minutes are estimated ({0} = source)
  std::string_view lead_time_off;       ///< without --lead-time
  std::string_view lead_time_on;        ///< "{0} Fälle je Modell simuliert ..."
  std::string_view cases_differ;        ///< "{0} Fälle im Ist, {1} im Soll"
  std::string_view hours_per_fte;       ///< "1 VZÄ = {0} Arbeitsstunden pro Jahr."
  std::string_view matching;            ///< how rows are matched
  std::string_view sum;
  std::string_view fig_ist, fig_soll;   ///< captions of the two process pictures
};

/// The comparison texts of a language.
[[nodiscard]] const CompareTexts& compare_texts(engine::Lang lang);

/// Where a figure comes from, in words: "hundesteuer.bpmn:42" for model values, the default table's
/// label, "Kommandozeile", "berechnet". `file` is the model file name shown for model values.
[[nodiscard]] std::string provenance_text(const analysis::Provenance& p, std::string_view file, engine::Lang lang);

/// The input format for people: "BPMN 2.0", "PICTURE", "XProzess", "Bausteintabelle".
[[nodiscard]] std::string format_name(std::string_view format, engine::Lang lang);

/// The German or English name of a PICTURE Baustein type ("" for plain BPMN tasks).
[[nodiscard]] std::string_view block_name(engine::BlockType t, engine::Lang lang);

/// The language-dependent text of a pair.
[[nodiscard]] inline const std::string& pick(engine::Lang lang, const std::string& de, const std::string& en) {
  return lang == engine::Lang::de || en.empty() ? de : en;
}

} // namespace lotse::reports
