// SPDX-License-Identifier: MIT
// The town portfolio's data: town file, services from the analyze reports, the merged and planned
// measures (analysis/portfolio.h), the JSON interface, and the comparison of one service across towns.
#include "reports/agenda_report.h"

#include "analysis/compare.h"
#include "engine/text_fold.h"
#include "reports/report_json.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <stdexcept>

namespace lotse::reports {
namespace {

using json = nlohmann::ordered_json;

/// A non-negative number of the town file, or the default (recorded in `defaulted`).
double town_number(const json& j, const char* key, double fallback, Town& t, double max) {
  if (!j.contains(key) || j[key].is_null()) {
    t.defaulted.emplace_back(key);
    return fallback;
  }
  if (!j[key].is_number()) throw std::runtime_error(std::string("\"") + key + "\" muss eine Zahl sein (must be a number)");
  const double v = j[key].get<double>();
  if (!std::isfinite(v) || v < 0 || v > max) {
    throw std::runtime_error(std::string("\"") + key + "\" liegt außerhalb von 0 bis " + std::to_string(static_cast<long long>(max)) +
                             " (out of range)");
  }
  return v;
}

std::string town_text(const json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_string()) return {};
  return j[key].get<std::string>();
}

const analysis::Measure* find_measure(const analysis::Catalogue& c, const std::string& id) {
  for (const auto& m : c.measures) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

/// The measures of process `p` of `r` (every measure when the report has one process).
std::vector<const MeasureRow*> measures_of(const Report& r, std::size_t p) {
  std::vector<const MeasureRow*> out;
  if (r.processes.size() <= 1) {
    for (const auto& m : r.measures) out.push_back(&m);
    return out;
  }
  for (const int i : r.processes[p].measures) out.push_back(&r.measures[static_cast<std::size_t>(i)]);
  return out;
}

std::string stem_of(const std::string& file) { return std::filesystem::path(file).stem().string(); }

json fixed(double v) { return json_number(v, 2); }

} // namespace

Town parse_town(const std::string& json_text, const std::string& file) {
  Town t;
  t.file = file;
  json j;
  try {
    j = json::parse(json_text);
  } catch (const json::parse_error& e) {
    const std::size_t upto = std::min<std::size_t>(e.byte, json_text.size());
    const auto line = 1 + std::count(json_text.begin(), json_text.begin() + static_cast<std::ptrdiff_t>(upto), '\n');
    throw std::runtime_error("Zeile " + std::to_string(line) + ": kein gültiges JSON (invalid JSON)");
  }
  if (!j.is_object()) throw std::runtime_error("die Stadtdatei muss ein JSON-Objekt sein (must be a JSON object)");
  if (const auto n = town_text(j, "name"); !n.empty()) t.name = n;
  else t.defaulted.emplace_back("name");
  t.landkreis = town_text(j, "landkreis");
  t.contact = town_text(j, "contact");
  t.note = town_text(j, "hinweis");
  t.inhabitants = town_number(j, "inhabitants", 0, t, 1e7);
  t.frame.budget_eur_per_year = town_number(j, "budget_eur_per_year", t.frame.budget_eur_per_year, t, 1e9);
  t.frame.staff_days_per_quarter = town_number(j, "staff_days_per_quarter", t.frame.staff_days_per_quarter, t, 1e5);
  t.frame.quarters = static_cast<int>(town_number(j, "quarters", t.frame.quarters, t, 40));
  if (t.frame.quarters < 1) throw std::runtime_error("\"quarters\" muss mindestens 1 sein (must be at least 1)");
  if (j.contains("start_quarter")) {
    const auto q = j["start_quarter"].is_string() ? analysis::parse_quarter(j["start_quarter"].get<std::string>()) : std::nullopt;
    if (!q) throw std::runtime_error("\"start_quarter\" erwartet z. B. \"2027-Q1\" (expected e.g. \"2027-Q1\")");
    t.frame.start_year = q->first;
    t.frame.start_quarter = q->second;
  } else {
    t.defaulted.emplace_back("start_quarter");
  }
  return t;
}

Agenda build_agenda(const std::vector<const Report*>& reports, const Town& town, const analysis::Catalogue& catalogue) {
  Agenda a;
  a.town = town;
  std::vector<analysis::ServiceInput> inputs;
  std::set<std::string> keys;
  for (std::size_t ri = 0; ri < reports.size(); ++ri) {
    const Report& r = *reports[ri];
    a.files.push_back(r.file);
    a.hours_per_fte = r.hours_per_fte;
    for (std::size_t pi = 0; pi < r.processes.size(); ++pi) {
      const ProcessSection& p = r.processes[pi];
      if (!p.has_workload) continue;
      AgendaService s;
      s.key = r.processes.size() == 1 ? r.file : r.file + "#" + p.id;
      for (int k = 2; !keys.insert(s.key).second; ++k) s.key = r.file + "-" + std::to_string(k);
      s.file = r.file;
      s.process_id = p.id;
      s.name = p.name.empty() ? r.title() : p.name;
      s.cases_per_year = p.cases_per_year;
      s.minutes_per_case = p.minutes_per_case;
      s.hours_per_year = p.hours_per_year;
      s.fte = p.fte;
      s.cost_per_year_eur = p.cost_per_year_eur;
      s.media_breaks = static_cast<int>(p.media_breaks.size());
      s.media_break_hours_per_year = p.media_break_minutes_per_year / 60.0;
      s.media_change_share = p.media_change_share;
      for (const auto& n : p.nodes) s.hours_by_category[std::string(analysis::category_id(n.block))] += n.hours_per_year;
      for (const auto& st : p.stellen) s.hours_by_stelle[st.name] += st.hours_per_year;
      for (const auto& n : p.nodes) {
        if (n.minutes_per_case > 0) s.minutes_by_task.emplace_back(n.name.empty() ? n.id : n.name, n.minutes_per_case);
      }
      for (const auto& np : r.not_proposed) {
        if (np.reason != "already_present") continue;
        s.in_place.push_back(np.id);
        if (const auto* m = find_measure(catalogue, np.id)) s.ozg_level_today = std::max(s.ozg_level_today, m->ozg_level);
      }
      if (s.ozg_level_today == 0) s.ozg_level_today = 1;  // assumption: described on Amt24 (stated in Annahmen)
      if (p.package) {
        s.saved_hours_per_year = p.package->saved_hours_per_year;
        s.saved_eur_per_year = p.package->saved_eur_per_year;
      }
      analysis::ServiceInput in;
      in.key = s.key;
      in.hours_per_year = s.hours_per_year;
      in.cost_per_year_eur = s.cost_per_year_eur;
      for (const MeasureRow* m : measures_of(r, pi)) {
        analysis::ServiceMeasure sm;
        sm.id = m->id;
        sm.title_de = m->title_de;
        sm.title_en = m->title_en;
        sm.component = m->component;
        sm.ozg_level = m->ozg_level;
        sm.saved_hours_per_year = m->saved_hours_per_year;
        sm.saved_eur_per_year = m->saved_eur_per_year;
        sm.saved_citizen_hours_per_year = m->saved_citizen_minutes_per_case * p.cases_per_year / 60.0;
        sm.uptake = m->uptake;
        sm.citizen_facing = m->citizen_facing;
        sm.requires_ids = m->requires_ids;
        if (m->citizen_facing) {
          a.uptake_of[m->id] = m->uptake;
          if (a.uptake_source.empty()) a.uptake_source = m->uptake_source;
        }
        s.measure_ids.push_back(m->id);
        s.measure_titles_de.push_back(m->title_de);
        s.measure_titles_en.push_back(m->title_en);
        in.measures.push_back(std::move(sm));
      }
      s.report = static_cast<int>(ri);
      s.process = static_cast<int>(pi);
      a.services.push_back(std::move(s));
      inputs.push_back(std::move(in));
    }
  }
  for (const auto& m : catalogue.measures) {
    a.description[m.id] = {m.description_de, m.description_en};
    a.effort_source[m.id] = m.effort.source;
  }
  analysis::PortfolioInput pin{catalogue, town.frame, a.hours_per_fte / 200.0};
  a.portfolio = analysis::build_portfolio(inputs, pin);
  return a;
}

nlohmann::ordered_json agenda_json(const Agenda& a, engine::Lang lang) {
  const bool de = lang == engine::Lang::de;
  json j;
  j["schema_version"] = agenda_schema_version;
  json town;
  town["name"] = a.town.name;
  town["inhabitants"] = a.town.inhabitants > 0 ? json_number(a.town.inhabitants, 0) : json(nullptr);
  town["landkreis"] = a.town.landkreis;
  town["contact"] = a.town.contact;
  town["budget_eur_per_year"] = json_number(a.town.frame.budget_eur_per_year, 2);
  town["staff_days_per_quarter"] = json_number(a.town.frame.staff_days_per_quarter, 2);
  town["start_quarter"] = a.town.frame.label(0);
  town["quarters"] = a.town.frame.quarters;
  town["town_file"] = a.town.file.empty() ? json(nullptr) : json(std::filesystem::path(a.town.file).filename().string());
  town["defaults_used"] = a.town.defaulted;
  j["town"] = town;
  j["services"] = json::array();
  for (const auto& s : a.services) {
    json x;
    x["key"] = s.key;
    x["file"] = s.file;
    x["process_id"] = s.process_id;
    x["name"] = s.name;
    x["cases_per_year"] = json_number(s.cases_per_year, 2);
    x["minutes_per_case"] = fixed(s.minutes_per_case);
    x["hours_per_year"] = fixed(s.hours_per_year);
    x["fte"] = json_number(s.fte, 3);
    x["cost_per_year_eur"] = fixed(s.cost_per_year_eur);
    x["media_breaks"] = s.media_breaks;
    x["media_break_hours_per_year"] = fixed(s.media_break_hours_per_year);
    x["ozg_level_today"] = s.ozg_level_today;
    x["measures"] = s.measure_ids;
    j["services"].push_back(x);
  }
  j["measures"] = json::array();
  const auto& p = a.portfolio;
  for (const auto& m : p.measures) {
    json x;
    x["id"] = m.id;
    x["measure"] = m.measure_id;
    x["title"] = de ? m.title_de : m.title_en;
    x["town_wide"] = m.town_wide;
    x["services"] = m.services;
    x["one_off_eur"] = fixed(m.one_off_eur);
    x["running_eur_per_year"] = fixed(m.running_eur_per_year);
    x["staff_days"] = fixed(m.staff_days);
    x["staff_cost_eur"] = fixed(m.staff_cost_eur);
    x["saved_hours_per_year"] = fixed(m.saved_hours_per_year);
    x["saved_eur_per_year"] = fixed(m.saved_eur_per_year);
    x["net_benefit_eur_per_year"] = fixed(m.net_benefit_eur_per_year);
    x["payback_years"] = m.payback_years ? fixed(*m.payback_years) : json(nullptr);
    x["requires"] = m.requires_ids;
    x["priority"] = std::string(analysis::priority_id(m.priority));
    x["quarter"] = m.first_quarter ? json(p.frame.label(*m.first_quarter)) : json(nullptr);
    x["last_quarter"] = m.last_quarter ? json(p.frame.label(*m.last_quarter)) : json(nullptr);
    x["effort_assumption"] = m.effort_assumption;
    j["measures"].push_back(x);
  }
  json totals;
  double hours = 0, eur = 0, fte = 0, breaks = 0, break_hours = 0, cases = 0;
  for (const auto& s : a.services) {
    hours += s.hours_per_year;
    eur += s.cost_per_year_eur;
    fte += s.fte;
    breaks += s.media_breaks;
    break_hours += s.media_break_hours_per_year;
    cases += s.cases_per_year;
  }
  totals["services"] = a.services.size();
  totals["cases_per_year"] = json_number(cases, 2);
  totals["hours_per_year"] = fixed(hours);
  totals["fte"] = json_number(fte, 3);
  totals["cost_per_year_eur"] = fixed(eur);
  totals["media_breaks"] = json_number(breaks, 0);
  totals["media_break_hours_per_year"] = fixed(break_hours);
  totals["saved_hours_per_year"] = fixed(p.saved_hours_per_year);
  totals["saved_eur_per_year"] = fixed(p.saved_eur_per_year);
  totals["planned_saved_hours_per_year"] = fixed(p.planned_saved_hours_per_year);
  totals["planned_saved_eur_per_year"] = fixed(p.planned_saved_eur_per_year);
  totals["one_off_eur"] = fixed(p.one_off_eur);
  totals["running_eur_per_year"] = fixed(p.running_eur_per_year);
  totals["staff_days"] = fixed(p.staff_days);
  json years = json::object();
  for (const auto& [y, used] : p.budget_used_by_year) years[std::to_string(y)] = fixed(used);
  totals["budget_used_by_year"] = years;
  j["totals"] = totals;
  json quarters = json::array();
  for (const auto& q : p.quarters) {
    quarters.push_back({{"quarter", q.label}, {"one_off_eur", fixed(q.one_off_eur)}, {"running_eur", fixed(q.running_eur)},
                        {"staff_days", fixed(q.staff_days)}, {"starting", q.starting}});
  }
  j["fahrplan"] = quarters;
  j["files_not_read"] = a.failed;
  return j;
}

std::string anonymous_town(std::size_t index) {
  std::string letters;
  for (std::size_t i = index + 1; i > 0; i = (i - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (i - 1) % 26));
  return "Gemeinde " + letters;
}

std::vector<ServiceComparison> compare_towns(const std::vector<const Agenda*>& agendas, bool anonymise) {
  std::map<std::string, std::vector<std::pair<std::size_t, const AgendaService*>>> by_stem;
  std::vector<std::string> stems;  // first-seen order
  for (std::size_t t = 0; t < agendas.size(); ++t) {
    std::set<std::string> seen;
    for (const auto& s : agendas[t]->services) {
      const std::string stem = stem_of(s.file);
      if (!seen.insert(stem).second) continue;  // a file with several processes: its first process
      if (by_stem.find(stem) == by_stem.end()) stems.push_back(stem);
      by_stem[stem].emplace_back(t, &s);
    }
  }
  std::sort(stems.begin(), stems.end());
  std::vector<ServiceComparison> out;
  for (const auto& stem : stems) {
    const auto& list = by_stem[stem];
    if (list.size() < 2) continue;
    ServiceComparison c;
    c.service = stem;
    c.name = list.front().second->name.substr(0, list.front().second->name.find(" ("));  // "Gewerbe anmelden (Ist-Prozess ...)" -> "Gewerbe anmelden
    for (const auto& [t, s] : list) {
      const Agenda& a = *agendas[t];
      TownServiceRow row;
      row.town = anonymise ? anonymous_town(t) : a.town.name;
      row.inhabitants = a.town.inhabitants;
      row.file = s->file;
      // The file as a whole: all its processes (as `lotse analyze --soll` compares files).
      for (const auto& other : a.services) {
        if (other.file != s->file) continue;
        row.cases_per_year = std::max(row.cases_per_year, other.cases_per_year);
        row.minutes_per_case += other.minutes_per_case;
        row.hours_per_year += other.hours_per_year;
        row.cost_per_year_eur += other.cost_per_year_eur;
        row.media_breaks += other.media_breaks;
        row.media_break_share += other.media_break_hours_per_year;
        row.media_change_share += other.media_change_share * other.minutes_per_case;
        for (const auto& [cat, h] : other.hours_by_category) {
          if (other.cases_per_year > 0) row.minutes_by_category[cat] += h * 60.0 / other.cases_per_year;
        }
        for (const auto& [task, m] : other.minutes_by_task) {
          const std::string key = engine::fold_key(task);
          row.minutes_by_task[key] += m;
          if (std::find_if(c.differing_tasks.begin(), c.differing_tasks.end(), [&](const auto& x) { return x.second == key; }) ==
              c.differing_tasks.end()) {
            c.differing_tasks.emplace_back(task, key);  // every task for now; the equal ones are removed below
          }
        }
      }
      row.media_break_share = row.hours_per_year > 0 ? row.media_break_share / row.hours_per_year : 0.0;
      row.media_change_share = row.minutes_per_case > 0 ? row.media_change_share / row.minutes_per_case : 0.0;
      if (a.town.inhabitants > 0) {
        row.hours_per_1000_inhabitants = row.hours_per_year / a.town.inhabitants * 1000.0;
        row.cases_per_1000_inhabitants = row.cases_per_year / a.town.inhabitants * 1000.0;
      }
      c.towns.push_back(std::move(row));
    }
    auto lean = std::min_element(c.towns.begin(), c.towns.end(),
                                 [](const TownServiceRow& x, const TownServiceRow& y) { return x.minutes_per_case < y.minutes_per_case; });
    lean->leanest = true;
    std::set<std::string> cats;
    for (const auto& row : c.towns) {
      for (const auto& [cat, m] : row.minutes_by_category) cats.insert(cat);
    }
    for (const auto& cat : cats) {
      double lo = 1e300, hi = 0;
      for (const auto& row : c.towns) {
        const auto it = row.minutes_by_category.find(cat);
        const double m = it == row.minutes_by_category.end() ? 0.0 : it->second;
        lo = std::min(lo, m);
        hi = std::max(hi, m);
      }
      if (hi - lo > 1.0 && hi - lo > 0.1 * hi) c.differing_categories.push_back(cat);
    }
    std::erase_if(c.differing_tasks, [&](const auto& task) {
      double lo = 1e300, hi = 0;
      for (const auto& row : c.towns) {
        const auto it = row.minutes_by_task.find(task.second);
        const double m = it == row.minutes_by_task.end() ? 0.0 : it->second;
        lo = std::min(lo, m);
        hi = std::max(hi, m);
      }
      return !(lo == 0.0 || (hi - lo > 1.0 && hi - lo > 0.1 * hi));
    });
    out.push_back(std::move(c));
  }
  return out;
}

nlohmann::ordered_json comparison_json(const ServiceComparison& c) {
  json j;
  j["schema_version"] = compare_schema_version;
  j["service"] = c.service;
  j["name"] = c.name;
  j["towns"] = json::array();
  for (const auto& t : c.towns) {
    json x;
    x["town"] = t.town;
    x["inhabitants"] = t.inhabitants > 0 ? json_number(t.inhabitants, 0) : json(nullptr);
    x["file"] = t.file;
    x["cases_per_year"] = json_number(t.cases_per_year, 2);
    x["minutes_per_case"] = fixed(t.minutes_per_case);
    x["hours_per_year"] = fixed(t.hours_per_year);
    x["cost_per_year_eur"] = fixed(t.cost_per_year_eur);
    x["hours_per_1000_inhabitants"] = t.hours_per_1000_inhabitants ? json_number(*t.hours_per_1000_inhabitants, 3) : json(nullptr);
    x["cases_per_1000_inhabitants"] = t.cases_per_1000_inhabitants ? json_number(*t.cases_per_1000_inhabitants, 3) : json(nullptr);
    x["media_breaks"] = t.media_breaks;
    x["media_break_share"] = json_number(t.media_break_share, 4);
    x["media_change_share"] = json_number(t.media_change_share, 4);
    json cats = json::object();
    for (const auto& [cat, m] : t.minutes_by_category) cats[cat] = fixed(m);
    x["minutes_per_case_by_category"] = cats;
    x["leanest"] = t.leanest;
    j["towns"].push_back(x);
  }
  j["differing_categories"] = c.differing_categories;
  j["differing_tasks"] = json::array();
  for (const auto& [name, key] : c.differing_tasks) {
    json x;
    x["task"] = name;
    x["minutes_per_case"] = json::array();
    for (const auto& t : c.towns) {
      const auto it = t.minutes_by_task.find(key);
      x["minutes_per_case"].push_back(fixed(it == t.minutes_by_task.end() ? 0.0 : it->second));
    }
    j["differing_tasks"].push_back(x);
  }
  return j;
}

} // namespace lotse::reports
