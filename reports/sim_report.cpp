// SPDX-License-Identifier: MIT
#include "reports/sim_report.h"

#include "reports/number_format.h"
#include "analysis/time_kind.h"
#include "engine/utf8.h"

#include <cmath>
#include <ostream>

namespace lotse::reports {
namespace {

using json = nlohmann::ordered_json;
using analysis::sim::Estimate;

// Rounded so that the last digits of a double never differ in print: times to the ms, fractions and
// money to 1e-6.
double r3(double x) { return std::round(x * 1e3) / 1e3; }
double r6(double x) { return std::round(x * 1e6) / 1e6; }

json est(const Estimate& e, double (*round)(double)) {
  json j;
  j["mean"] = round(e.mean);
  j["ci95"] = e.ci95 ? json(round(*e.ci95)) : json(nullptr);
  return j;
}

std::string pm(const Estimate& e, engine::Lang lang, bool euros) {
  std::string s = euros ? format_euros(e.mean, lang) : format_seconds(e.mean, lang);
  if (e.ci95) s += " (± " + (euros ? format_euros(*e.ci95, lang) : format_seconds(*e.ci95, lang)) + ")";
  return s;
}

} // namespace

std::string format_seconds(double s, engine::Lang lang) {
  const bool de = lang == engine::Lang::de;
  const double a = std::fabs(s);
  if (a < 120) return format_number(s, 1, lang) + " s";
  if (a < 7200) return format_number(s / 60.0, 1, lang) + " min";
  if (a < 172800) return format_number(s / 3600.0, 1, lang) + " h";
  return format_number(s / 86400.0, 1, lang) + (de ? " Tage" : " days");
}

json simulation_json(const analysis::sim::SimulationResult& r, const std::string& file, engine::Lang lang) {
  json j;
  j["schema_version"] = "1.2";  // docs/schema/simulate.schema.json; 1.1 added eur_per_hour, 1.2 working days
  j["file"] = engine::display_name(file);
  j["ok"] = r.ok;
  j["process"] = {{"id", r.process_id}, {"name", r.process_name}};
  j["method"] = lang == engine::Lang::de
                    ? "Ereignisdiskrete Simulation; Mittelwerte mit 95-%-Konfidenzintervall aus unabhängigen "
                      "Replikationen; Quantile aus einem log-linearen Histogramm (±0,4 %)"
                    : "discrete-event simulation; means with 95 % confidence intervals from independent "
                      "replications; quantiles from a log-linear histogram (±0.4 %)";
  j["units"] = {{"time", "s"}, {"cost", "EUR"}, {"utilization", "fraction"}};
  j["seed"] = r.seed;
  j["replications"] = r.replications;
  j["cases_per_replication"] = r.cases_per_replication;
  j["cases_completed"] = r.cases_completed;
  if (r.ok) {
    json ct = est(r.cycle_s, r3);
    ct["p50"] = r3(r.p50_s);
    ct["p90"] = r3(r.p90_s);
    ct["p95"] = r3(r.p95_s);
    ct["max"] = r3(r.max_s);
    j["cycle_time"] = ct;
    j["cycle_time_working_days"] = est(r.cycle_working_days, r6);
    j["working_day_hours"] = r6(r.working_day_s / 3600.0);
    j["waiting_time"] = est(r.waiting_s, r3);
    j["processing_time"] = est(r.processing_s, r3);
    j["delay_time"] = est(r.delay_s, r3);
    // Delay by waiting kind, named as in analyze (analysis/time_kind.h); kinds without any delay left out.
    json by_kind = json::object();
    for (std::size_t k = 1; k < r.delay_by_kind_s.size(); ++k) {
      if (r.delay_by_kind_s[k].mean > 0) by_kind[std::string(analysis::wait_kind_id(static_cast<analysis::WaitKind>(k)))] = est(r.delay_by_kind_s[k], r3);
    }
    j["delay_by_kind"] = by_kind;
    j["cost_per_case"] = est(r.cost_eur, r6);
    j["simulated_days"] = r6(r.simulated_days);
    json res = json::array();
    for (const auto& p : r.pools) {
      res.push_back({{"id", p.id},
                     {"name", p.name},
                     {"capacity", p.capacity},
                     {"eur_per_hour", r6(p.eur_per_hour)},
                     {"cost_per_hour", r6(p.eur_per_hour)},  // deprecated name, kept until schema 2.0
                     {"utilization", r6(p.utilization.mean)},
                     {"utilization_ci95", p.utilization.ci95 ? json(r6(*p.utilization.ci95)) : json(nullptr)},
                     {"tasks", p.tasks}});
    }
    j["resources"] = res;
    json acts = json::array();
    for (const auto& a : r.activities) {
      acts.push_back({{"id", a.id},
                      {"name", a.name},
                      {"resource", a.pool.empty() ? json(nullptr) : json(a.pool)},
                      {"count", a.count},
                      {"mean_duration", r3(a.duration_s.mean)},
                      {"mean_duration_ci95", a.duration_s.ci95 ? json(r3(*a.duration_s.ci95)) : json(nullptr)},
                      {"mean_waiting", r3(a.waiting_s.mean)},
                      {"mean_waiting_ci95", a.waiting_s.ci95 ? json(r3(*a.waiting_s.ci95)) : json(nullptr)}});
    }
    j["activities"] = acts;
  }
  json diags = json::array();
  for (const auto& d : r.diagnostics) {
    diags.push_back({{"code", std::string(d.code())},
                     {"severity", std::string(engine::severity_name(d.severity))},
                     {"line", d.at.line},
                     {"column", d.at.column},
                     {"element", d.element_id},
                     {"message", d.message(lang)}});
  }
  j["diagnostics"] = diags;
  return j;
}

void write_simulation_text(std::ostream& out, const analysis::sim::SimulationResult& r, const std::string& file,
                           engine::Lang lang) {
  const bool de = lang == engine::Lang::de;
  // Text for a terminal: every name from the model or its file has its control characters escaped.
  const auto shown = [](std::string_view s) { return engine::escape_controls(engine::display_name(s)); };
  out << (de ? "Simulation: " : "Simulation: ") << shown(file);
  if (!r.process_name.empty() || !r.process_id.empty()) {
    out << (de ? " – Prozess \"" : " - process \"") << shown(r.process_name.empty() ? r.process_id : r.process_name) << "\"";
  }
  out << "\n";
  if (r.ok) {
    out << "  " << r.replications << (de ? " Replikationen × " : " replications × ")
        << format_number(static_cast<double>(r.cases_per_replication), 0, lang) << (de ? " Fälle, Startwert " : " cases, seed ")
        << r.seed << "; " << format_number(static_cast<double>(r.cases_completed), 0, lang)
        << (de ? " Fälle abgeschlossen\n" : " cases completed\n");
    out << (de ? "  Durchlaufzeit:       " : "  cycle time:          ") << pm(r.cycle_s, lang, false)
        << (de ? "; Median " : "; median ") << format_seconds(r.p50_s, lang) << ", p90 " << format_seconds(r.p90_s, lang)
        << ", p95 " << format_seconds(r.p95_s, lang) << ", max " << format_seconds(r.max_s, lang) << "\n";
    out << (de ? "                       " : "                       ") << format_number(r.cycle_s.mean / 86400.0, 1, lang)
        << (de ? " Kalendertage, " : " calendar days, ") << format_number(r.cycle_working_days.mean, 1, lang)
        << (de ? " Arbeitstage zu " : " working days of ") << format_number(r.working_day_s / 3600.0, 1, lang)
        << (de ? " h (Ankunftszeiten)\n" : " h (arrival hours)\n");
    out << (de ? "  Wartezeit (Schlange): " : "  waiting (queues):    ") << pm(r.waiting_s, lang, false) << "\n";
    out << (de ? "  Bearbeitungszeit:    " : "  processing time:     ") << pm(r.processing_s, lang, false) << "\n";
    out << (de ? "  Liegezeit/Ereignisse: " : "  delays/events:       ") << pm(r.delay_s, lang, false) << "\n";
    out << (de ? "  Kosten je Fall:      " : "  cost per case:       ") << pm(r.cost_eur, lang, true) << "\n";
    if (!r.pools.empty()) out << (de ? "Ressourcen (Auslastung = belegte / verfügbare Zeit):\n" : "Resources (utilisation = busy / available time):\n");
    for (const auto& p : r.pools) {
      out << "  " << shown(p.name) << " (" << shown(p.id) << "), " << p.capacity << (de ? (p.capacity == 1 ? " Person" : " Personen") : (p.capacity == 1 ? " person" : " persons"))
          << ": " << format_percent(p.utilization.mean, 1, lang);
      if (p.utilization.ci95) out << " (± " << format_percent(*p.utilization.ci95, 1, lang) << ")";
      out << "\n";
    }
    if (!r.activities.empty()) out << (de ? "Aktivitäten (Anzahl, mittlere Dauer, mittlere Wartezeit):\n" : "Activities (count, mean duration, mean waiting):\n");
    for (const auto& a : r.activities) {
      out << "  " << shown(a.name.empty() ? a.id : a.name) << " (" << shown(a.id) << "): " << format_number(static_cast<double>(a.count), 0, lang)
          << "×, " << format_seconds(a.duration_s.mean, lang) << ", " << format_seconds(a.waiting_s.mean, lang) << "\n";
    }
  }
  if (!r.diagnostics.empty()) out << (de ? "Hinweise:\n" : "Notes:\n");
  for (const auto& d : r.diagnostics) out << "  " << engine::format_diagnostic(d, lang) << "\n";
}

} // namespace lotse::reports
