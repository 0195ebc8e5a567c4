// SPDX-License-Identifier: MIT
// The analysis report as JSON, the machine interface: plain numbers (decimal point, rounded to fixed
// places so that output is identical across builds), fixed key order, no timestamps. Texts that have a
// language (reasons, titles, messages) are given in the report language.
#include "reports/report_json.h"
#include "reports/texts.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <ostream>

namespace lotse::reports {
namespace {

using json = nlohmann::ordered_json;

json number(double v, int places = 4) { return json_number(v, places); }

std::string_view origin_name(analysis::Origin o) {
  switch (o) {
  case analysis::Origin::model: return "model";
  case analysis::Origin::default_table: return "default_table";
  case analysis::Origin::scenario: return "scenario";
  case analysis::Origin::computed: return "computed";
  case analysis::Origin::missing: return "missing";
  }
  return "missing";
}

json provenance(const analysis::Provenance& p, const Report& r, engine::Lang lang) {
  json j;
  j["origin"] = std::string(origin_name(p.origin));
  j["text"] = provenance_text(p, r.file, lang);
  j["line"] = p.origin == analysis::Origin::model && p.at.known() ? json(p.at.line) : json(nullptr);
  return j;
}

json media_break(const MediaBreakRow& b, engine::Lang lang) {
  json j;
  j["number"] = b.number;
  j["node_id"] = b.node_id;
  j["node_name"] = b.node_name;
  j["kind"] = b.kind_id;
  j["kind_label"] = pick(lang, b.kind_de, b.kind_en);
  j["reason"] = pick(lang, b.reason_de, b.reason_en);
  j["rule"] = b.rule;
  j["share"] = number(b.share);
  j["minutes_per_year"] = number(b.minutes_per_year, 2);
  j["line"] = b.at.line;
  j["column"] = b.at.column;
  if (!b.related_id.empty()) j["related_node_id"] = b.related_id;
  return j;
}

json suggestion(const MeasureRow& m, engine::Lang lang) {
  json j;
  j["rank"] = m.rank;
  j["id"] = m.id;
  j["title"] = pick(lang, m.title_de, m.title_en);
  j["rationale"] = pick(lang, m.rationale_de, m.rationale_en);
  j["nodes"] = m.node_ids;
  j["resolves"] = lang == engine::Lang::de ? m.resolves_de : m.resolves_en;
  j["saved_hours_per_year"] = number(m.saved_hours_per_year, 2);
  j["saved_eur_per_year"] = number(m.saved_eur_per_year, 2);
  j["saved_citizen_minutes_per_case"] = number(m.saved_citizen_minutes_per_case, 2);
  const bool lt = m.lead_time_days_before > 0 || m.lead_time_days_after > 0;
  j["lead_time_days_before"] = lt ? number(m.lead_time_days_before, 2) : json(nullptr);
  j["lead_time_days_after"] = lt ? number(m.lead_time_days_after, 2) : json(nullptr);
  j["component"] = m.component;
  j["ozg_level"] = m.ozg_level;
  j["uptake"] = number(m.uptake);
  j["uptake_source"] = m.citizen_facing ? json(m.uptake_source) : json(nullptr);
  json sens = json::array();
  for (const auto& p : m.sensitivity) {
    sens.push_back({{"uptake", number(p.uptake)},
                    {"saved_hours_per_year", number(p.saved_hours_per_year, 2)},
                    {"saved_eur_per_year", number(p.saved_eur_per_year, 2)}});
  }
  j["uptake_sensitivity"] = sens;
  j["lead_time_ci95_days"] = lt ? number(m.lead_time_ci95_days, 2) : json(nullptr);
  j["one_off_eur"] = number(m.one_off_eur, 2);
  j["running_eur_per_year"] = number(m.running_eur_per_year, 2);
  j["staff_days"] = number(m.staff_days, 2);
  j["staff_cost_eur"] = number(m.staff_cost_eur, 2);
  j["effort_source"] = m.effort_source;
  j["effort_assumption"] = m.effort_assumption;
  j["net_benefit_eur_per_year"] = number(m.net_benefit_eur_per_year, 2);
  j["payback_years"] = m.payback_years ? number(*m.payback_years, 2) : json(nullptr);
  j["priority"] = m.priority;
  j["requires"] = m.requires_ids;
  return j;
}

json package(const PackageRow& p) {
  return {{"measures", p.measures},
          {"hours_per_year_after", number(p.hours_per_year_after, 2)},
          {"saved_hours_per_year", number(p.saved_hours_per_year, 2)},
          {"saved_eur_per_year", number(p.saved_eur_per_year, 2)},
          {"saved_citizen_minutes_per_case", number(p.saved_citizen_minutes_per_case, 2)},
          {"lead_time_days_after", p.lead_time_days_after ? number(*p.lead_time_days_after, 2) : json(nullptr)},
          {"media_break_hours_per_year", number(p.media_break_hours_per_year, 2)},
          {"media_break_hours_covered", number(p.media_break_hours_covered, 2)}};
}

json finding(const FindingRow& f, engine::Lang lang) {
  return {{"code", f.code},
          {"severity", std::string(engine::severity_name(f.severity))},
          {"line", f.at.line},
          {"column", f.at.column},
          {"element", f.element},
          {"message", pick(lang, f.message_de, f.message_en)}};
}

json process(const Report& r, std::size_t index, engine::Lang lang) {
  const ProcessSection& p = r.processes[index];
  const bool w = p.has_workload;
  json j;
  j["id"] = p.id;
  j["name"] = p.name;
  j["cases_per_year"] = w ? number(p.cases_per_year, 2) : json(nullptr);
  j["cases_source"] = w ? provenance(p.cases, r, lang) : json(nullptr);
  j["minutes_per_case"] = w ? number(p.minutes_per_case) : json(nullptr);
  j["hours_per_year"] = w ? number(p.hours_per_year, 2) : json(nullptr);
  j["fte"] = w ? number(p.fte) : json(nullptr);
  j["cost_per_year_eur"] = w ? number(p.cost_per_year_eur, 2) : json(nullptr);
  j["fact_sheet_minutes"] = p.fact_sheet_minutes ? number(*p.fact_sheet_minutes) : json(nullptr);
  j["fact_sheet_line"] = p.fact_sheet_minutes && p.fact_sheet_at.known() ? json(p.fact_sheet_at.line) : json(nullptr);
  j["fact_sheet_disagrees"] = fact_sheet_disagrees(p);
  j["media_change_share"] = w ? number(p.media_change_share) : json(nullptr);
  j["media_break_minutes_per_year"] = number(p.media_break_minutes_per_year, 2);
  if (r.lead_time && r.lead_time->simulated && r.processes.size() == 1) {
    j["lead_time_days"] = number(r.lead_time->mean_days, 2);
  }
  json stellen = json::array();
  for (const auto& s : p.stellen) {
    stellen.push_back({{"name", s.name},
                       {"hours_per_year", number(s.hours_per_year, 2)},
                       {"fte", number(s.fte)},
                       {"cost_per_year_eur", number(s.cost_per_year_eur, 2)},
                       {"eur_per_hour", number(s.eur_per_hour, 2)},
                       {"rate_source", provenance(s.rate, r, lang)}});
  }
  j["stellen"] = stellen;
  json nodes = json::array();
  for (const auto& n : p.nodes) {
    json x;
    x["id"] = n.id;
    x["name"] = n.name;
    x["block"] = n.block == engine::BlockType::none ? json(nullptr) : json(std::string(engine::block_id(n.block)));
    x["line"] = n.line;
    x["visits"] = number(n.visits);
    x["minutes_per_execution"] = number(n.minutes_per_execution);
    x["time_source"] = provenance(n.time, r, lang);
    x["minutes_per_case"] = number(n.minutes_per_case);
    x["hours_per_year"] = number(n.hours_per_year, 2);
    x["cost_per_year_eur"] = number(n.cost_per_year_eur, 2);
    x["stelle"] = n.stelle;
    x["eur_per_hour"] = number(n.eur_per_hour, 2);
    x["rate_source"] = provenance(n.rate, r, lang);
    nodes.push_back(std::move(x));
  }
  j["nodes"] = nodes;
  json breaks = json::array();
  for (int b : p.media_breaks) breaks.push_back(media_break(r.media_breaks[static_cast<std::size_t>(b)], lang));
  j["media_breaks"] = breaks;
  json measures = json::array();
  for (int m : p.measures) measures.push_back(suggestion(r.measures[static_cast<std::size_t>(m)], lang));
  j["suggestions"] = measures;
  j["package"] = p.package ? package(*p.package) : json(nullptr);
  json left_out = json::array();
  for (const auto& n : r.not_proposed) left_out.push_back({{"id", n.id}, {"reason", n.reason}});
  j["not_proposed"] = left_out;
  json uncovered = json::array();
  for (const auto& u : r.uncovered_breaks) {
    const auto& b = r.media_breaks[static_cast<std::size_t>(u.number - 1)];
    if (b.process == static_cast<int>(index) || (b.process < 0 && index == 0)) uncovered.push_back({{"number", u.number}, {"reason", u.reason}});
  }
  j["uncovered_breaks"] = uncovered;
  return j;
}

} // namespace

json json_number(double v, int places) {
  if (!std::isfinite(v)) return nullptr;
  const double f = std::pow(10.0, places);
  const double r = std::round(v * f) / f;
  if (r == std::floor(r) && std::fabs(r) < 9e15) return static_cast<std::int64_t>(r);
  return r;
}

json report_json(const Report& r, engine::Lang lang) {
  json j;
  j["schema_version"] = analyze_schema_version;
  j["file"] = r.file;
  j["format"] = r.format;
  j["name"] = r.title();
  j["language"] = lang == engine::Lang::de ? "de" : "en";
  j["scenario"] = {{"hours_per_fte", number(r.hours_per_fte, 2)},
                   {"distribution_time_factor", number(r.distribution_time_factor)},
                   {"cases_per_year", r.cases_override ? number(*r.cases_override, 2) : json(nullptr)}};
  json processes = json::array();
  for (std::size_t i = 0; i < r.processes.size(); ++i) processes.push_back(process(r, i, lang));
  j["processes"] = processes;
  json other_breaks = json::array(), other_measures = json::array();
  for (const auto& b : r.media_breaks) {
    if (b.process < 0) other_breaks.push_back(media_break(b, lang));
  }
  for (const auto& m : r.measures) {
    if (m.process < 0) other_measures.push_back(suggestion(m, lang));
  }
  if (!other_breaks.empty()) j["media_breaks_without_process"] = other_breaks;
  if (!other_measures.empty()) j["suggestions_without_process"] = other_measures;
  if (r.lead_time) {
    const auto& lt = *r.lead_time;
    j["lead_time"] = {{"simulated", lt.simulated},
                      {"mean_days", number(lt.mean_days, 2)},
                      {"p50_days", number(lt.p50_days, 2)},
                      {"p90_days", number(lt.p90_days, 2)},
                      {"ci95_days", number(lt.ci95_days, 2)},
                      {"cases", lt.cases},
                      {"note", pick(lang, lt.note_de, lt.note_en)}};
  } else {
    j["lead_time"] = nullptr;
  }
  json findings = json::array();
  for (const auto& f : r.findings) findings.push_back(finding(f, lang));
  j["structure_findings"] = findings;
  json assumptions = json::array();
  for (const auto& a : r.assumptions) assumptions.push_back(pick(lang, a.text_de, a.text_en));
  j["assumptions"] = assumptions;
  json notes = json::array();
  for (const auto& n : r.notes) notes.push_back(finding(n, lang));
  j["notes"] = notes;
  return j;
}

namespace {

json ist_soll(const analysis::IstSoll& v, int places) {
  return {{"ist", number(v.ist, places)}, {"soll", number(v.soll, places)}, {"delta", number(v.delta(), places)}};
}

json compare_rows(const std::vector<analysis::CompareRow>& rows, bool categories, engine::Lang lang) {
  json out = json::array();
  for (const auto& row : rows) {
    json x;
    if (categories) {
      x["category"] = row.name;
      x["label"] = std::string(category_name(row.name, lang));
    } else {
      x["name"] = row.name;
    }
    x["in_ist"] = row.in_ist;
    x["in_soll"] = row.in_soll;
    x["minutes_per_case"] = ist_soll(row.minutes_per_case, 4);
    x["hours_per_year"] = ist_soll(row.hours_per_year, 2);
    x["fte"] = ist_soll(row.fte, 4);
    x["eur_per_year"] = ist_soll(row.eur_per_year, 2);
    out.push_back(std::move(x));
  }
  return out;
}

json break_matches(const std::vector<analysis::BreakMatch>& list) {
  json out = json::array();
  for (const auto& b : list) {
    out.push_back({{"kind", std::string(analysis::media_break_id(b.kind))},
                   {"node_id", b.node_id},
                   {"node_name", b.node_name},
                   {"number_ist", b.number_ist > 0 ? json(b.number_ist) : json(nullptr)},
                   {"number_soll", b.number_soll > 0 ? json(b.number_soll) : json(nullptr)},
                   {"minutes_per_year_ist", number(b.minutes_per_year_ist, 2)},
                   {"minutes_per_year_soll", number(b.minutes_per_year_soll, 2)}});
  }
  return out;
}

json lead_time_days(const analysis::Comparison& c) {
  if (!c.lead_time_ist || !c.lead_time_soll || !c.lead_time_ist->simulated || !c.lead_time_soll->simulated) return nullptr;
  json j = ist_soll({c.lead_time_ist->mean_days, c.lead_time_soll->mean_days}, 2);
  j["ci95_ist"] = number(c.lead_time_ist->ci95_days, 2);
  j["ci95_soll"] = number(c.lead_time_soll->ci95_days, 2);
  return j;
}

} // namespace

json comparison_json(const ComparisonReport& r, engine::Lang lang) {
  const auto& c = r.c;
  json x;
  x["ist_file"] = r.ist_file;
  x["soll_file"] = r.soll_file;
  x["ist_name"] = r.ist_title;
  x["soll_name"] = r.soll_title;
  x["language"] = lang == engine::Lang::de ? "de" : "en";
  x["hours_per_fte"] = number(c.hours_per_fte, 2);
  x["cases_per_year"] = ist_soll(c.cases_per_year, 2);
  x["minutes_per_case"] = ist_soll(c.minutes_per_case, 4);
  x["hours_per_year"] = ist_soll(c.hours_per_year, 2);
  x["fte"] = ist_soll(c.fte, 4);
  x["eur_per_year"] = ist_soll(c.eur_per_year, 2);
  x["citizen_minutes_per_case"] = ist_soll(c.citizen_minutes_per_case, 2);
  x["citizen_minutes_source"] = r.citizen_source;
  x["media_break_count"] = ist_soll(c.media_breaks, 0);
  x["media_break_minutes_per_year"] = ist_soll(c.media_break_minutes_per_year, 2);
  x["lead_time_days"] = lead_time_days(c);
  x["by_role"] = compare_rows(c.by_role, false, lang);
  x["by_category"] = compare_rows(c.by_category, true, lang);
  x["by_task"] = compare_rows(c.by_task, false, lang);
  x["media_breaks"] = {{"removed", break_matches(c.breaks.removed)},
                       {"kept", break_matches(c.breaks.kept)},
                       {"added", break_matches(c.breaks.added)}};
  json j;
  j["schema_version"] = analyze_schema_version;
  j["comparison"] = std::move(x);
  return j;
}

void write_json(const Report& r, engine::Lang lang, std::ostream& out) { out << report_json(r, lang).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n"; }

} // namespace lotse::reports
