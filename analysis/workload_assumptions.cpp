// SPDX-License-Identifier: MIT
// The "Annahmen" of the workload figures in plain words, German and English: hours per VZÄ, the
// Verteilzeitzuschlag, which default tables filled which gaps, and where the case volume came from.
#include "analysis/workload_detail.h"

#include <fmt/format.h>

namespace lotse::analysis::detail {

std::vector<Assumption> assumptions(const engine::Scenario& s, const DataTables& t, const FallbackCounts& c) {
  std::vector<Assumption> a;
  if (s.hours_per_fte == 1600.0) {
    a.push_back({"1 VZÄ = 1.600 Arbeitsstunden im Jahr (200 Arbeitstage × 8 Stunden, Mitarbeiterkapazität nach StBA).",
                 "1 FTE = 1,600 working hours per year (200 working days × 8 hours, staff capacity as defined by StBA)."});
  } else {
    a.push_back({fmt::format("1 VZÄ = {} Arbeitsstunden im Jahr (Vorgabe).", de_number(s.hours_per_fte, 0)),
                 fmt::format("1 FTE = {} working hours per year (given).", en_number(s.hours_per_fte, 0))});
  }
  if (s.distribution_time_factor == 1.0) {
    a.push_back({"Kein Verteilzeitzuschlag: Personalkosten = Stunden × Kostensatz.",
                 "No surcharge for allowance time: personnel cost = hours × cost rate."});
  } else {
    a.push_back({fmt::format("Verteilzeitzuschlag: Personalkosten = Stunden × {} × Kostensatz; Stunden und VZÄ sind die "
                             "modellierten Zeiten ohne Zuschlag (wie die Personalkapazitätsanalyse in PICTURE).",
                             de_number(s.distribution_time_factor, 2)),
                 fmt::format("Allowance-time surcharge: personnel cost = hours × {} × cost rate; hours and FTE are the "
                             "modelled times without it (as PICTURE's staff capacity analysis).",
                             en_number(s.distribution_time_factor, 2))});
  }
  if (c.picture) {
    a.push_back({"Lastfaktor wie in PICTURE: Fallzahl des Teilprozesses × P(Variante) × P(Baustein); "
                 "Minuten je Fall = Minuten aller Teilprozesse im Jahr ÷ Fallzahl des Prozesses.",
                 "Load factor as in PICTURE: cases of the sub-process × P(variant) × P(block); "
                 "minutes per case = yearly minutes of all sub-processes ÷ cases of the process."});
  } else {
    a.push_back({"Häufigkeit je Schritt exakt aus den Verzweigungswahrscheinlichkeiten berechnet (Markov-Kette), "
                 "auch für Schleifen.",
                 "Frequency of each step computed exactly from the branch probabilities (Markov chain), loops included."});
  }
  if (c.equal_split) {
    a.push_back({"Verzweigungen ohne Wahrscheinlichkeiten: alle Zweige gleich häufig angenommen.",
                 "Splits without probabilities: all branches assumed equally likely."});
  }
  if (c.simulation_time > 0) {
    a.push_back({fmt::format("{} Bearbeitungszeiten sind Mittelwerte der Simulationsverteilungen im Modell.", c.simulation_time),
                 fmt::format("{} processing times are means of the model's simulation distributions.", c.simulation_time)});
  }
  if (c.default_time > 0) {
    a.push_back({fmt::format("{} Schritte ohne Bearbeitungszeit: Standardwerte der Zeitwerttabelle Verwaltung ({}), "
                             "Spalte „mittel“, zugeordnet nach Bausteintyp oder Stichwort im Namen.",
                             c.default_time, t.time_info.short_name()),
                 fmt::format("{} steps without processing time: defaults from the administration time table ({}), "
                             "column 'medium', mapped by block type or keyword in the name.",
                             c.default_time, t.time_info.short_name())});
  }
  if (c.local_time > 0 || c.local_rate > 0) {
    const std::string src = t.override_source.empty() ? t.override_file : t.override_source;
    a.push_back({fmt::format("Ortswerte aus {} für {} Zeiten und {} Kostensätze.", src, c.local_time, c.local_rate),
                 fmt::format("Local values from {} for {} times and {} cost rates.", src, c.local_time, c.local_rate)});
  }
  if (c.automated > 0) {
    a.push_back({fmt::format("{} automatisierte Aufgaben (Service-, Skript-, Regelaufgaben) ohne Personalzeit.", c.automated),
                 fmt::format("{} automated tasks (service, script, business rule tasks) without staff time.", c.automated)});
  }
  if (c.missing_time > 0) {
    a.push_back({fmt::format("{} Schritte ohne Bearbeitungszeit und ohne passenden Standardwert: mit 0 Minuten gerechnet.", c.missing_time),
                 fmt::format("{} steps without processing time and without a matching default: counted as 0 minutes.", c.missing_time)});
  }
  if (c.default_rate > 0) {
    const WageLevel* row = t.default_level_row();
    const double rate = t.default_rate().value_or(0.0);
    a.push_back({fmt::format("Fehlende Kostensätze: Lohnkostentabelle Verwaltung ({}), {}, {}: {} €/h.",
                             t.wage_info.short_name(), row && !row->name_de.empty() ? row->name_de : t.default_level,
                             t.column_name(t.default_column, engine::Lang::de), de_number(rate, 2)),
                 fmt::format("Missing cost rates: administration wage cost table ({}), {}, {}: {} EUR/h.",
                             t.wage_info.short_name(), row && !row->name_en.empty() ? row->name_en : t.default_level,
                             t.column_name(t.default_column, engine::Lang::en), en_number(rate, 2))});
  }
  if (c.missing_rate > 0) {
    a.push_back({fmt::format("{} Schritte ohne Kostensatz: mit 0 € gerechnet.", c.missing_rate),
                 fmt::format("{} steps without cost rate: counted as 0 EUR.", c.missing_rate)});
  }
  if (c.cases_from_scenario) {
    a.push_back({fmt::format("Fallzahl pro Jahr aus der Vorgabe (--cases-per-year): {}.", de_number(s.cases_per_year.value_or(0), 0)),
                 fmt::format("Cases per year as given (--cases-per-year): {}.", en_number(s.cases_per_year.value_or(0), 0))});
  }
  if (c.no_cases) {
    a.push_back({"Ohne Fallzahl sind Stunden, VZÄ und Kosten pro Jahr 0; die Minuten je Fall gelten trotzdem.",
                 "Without a case volume, hours, FTE and cost per year are 0; minutes per case still hold."});
  }
  return a;
}

} // namespace lotse::analysis::detail
