// SPDX-License-Identifier: MIT
// Prosimos scenario JSON -> the model's simulation parameters: the document's structure, calendars,
// resource pools and the run (distributions, task times, branching, events and batches are in
// prosimos_times.cpp). Positions: the JSON is read a second time (importers/json_positions.h), so every
// diagnostic names the scenario's line.
#include "importers/prosimos_scenario.h"

#include "engine/utf8.h"
#include "importers/json_positions.h"
#include "importers/prosimos_applier.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace lotse::importers {

using engine::DiagId;
using prosimos::Applier;

namespace prosimos {
namespace {

std::string upper(std::string_view s) {
  std::string u(s);
  for (char& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}

std::optional<int> weekday_of(std::string_view name) {
  const std::string u = upper(name);
  for (int i = 0; i < 7; ++i) {
    if (weekday_names[i] == u) return i;
  }
  return std::nullopt;
}

/// "09:00:00", "09:00:00.000", "9:00" -> seconds after midnight.
std::optional<double> time_of_day(std::string_view s) {
  int h = 0, m = 0;
  double sec = 0;
  const char* p = s.data();
  const char* end = s.data() + s.size();
  auto r = std::from_chars(p, end, h);
  if (r.ec != std::errc() || r.ptr == end || *r.ptr != ':') return std::nullopt;
  r = std::from_chars(r.ptr + 1, end, m);
  if (r.ec != std::errc()) return std::nullopt;
  if (r.ptr != end) {
    if (*r.ptr != ':') return std::nullopt;
    r = std::from_chars(r.ptr + 1, end, sec);
    if (r.ec != std::errc() || r.ptr != end) return std::nullopt;
  }
  if (h < 0 || h > 24 || m < 0 || m > 59 || sec < 0 || sec >= 61) return std::nullopt;
  return h * 3600.0 + m * 60.0 + sec;
}

/// One Prosimos resource (an entry of a profile's resource_list) as our pools see it.

} // namespace

std::optional<std::vector<engine::TimetableRule>> Applier::periods(const json& arr, const std::string& path) {
  if (!array(arr, path, "time_periods")) return std::nullopt;
  std::vector<engine::TimetableRule> rules;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const std::string pp = path + "/" + std::to_string(i);
    const json& e = arr[i];
    if (!object(e, pp, "time_periods")) return std::nullopt;
    const auto from = text_member(e, pp, "from"), to = text_member(e, pp, "to");
    const auto begin = text_member(e, pp, "beginTime"), end = text_member(e, pp, "endTime");
    if (!from || !to || !begin || !end) return std::nullopt;
    const auto d0 = weekday_of(*from), d1 = weekday_of(*to);
    const auto t0 = time_of_day(*begin);
    auto t1 = time_of_day(*end);
    if (!d0) shape(pp + "/from", "from", "MONDAY..SUNDAY");
    if (!d1) shape(pp + "/to", "to", "MONDAY..SUNDAY");
    if (!t0) shape(pp + "/beginTime", "beginTime", "HH:MM:SS");
    if (!t1) shape(pp + "/endTime", "endTime", "HH:MM:SS");
    if (!d0 || !d1 || !t0 || !t1) return std::nullopt;
    if (*t1 == 0 || *t1 >= 86399) t1 = 86399.999;  // 00:00:00 / 23:59:59(.999): until midnight
    const auto add = [&](int a, int b) {
      engine::TimetableRule r;
      r.from_weekday = a;
      r.to_weekday = b;
      r.from_time = engine::from_seconds(*t0);
      r.to_time = engine::from_seconds(*t1);
      rules.push_back(r);
    };
    if (*d0 <= *d1) {
      add(*d0, *d1);
    } else {  // FRIDAY..MONDAY wraps over the weekend
      add(*d0, 6);
      add(0, *d1);
    }
  }
  return rules;
}

void Applier::calendars(const json& v) {
  if (!array(v, "/resource_calendars", "resource_calendars")) return;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string pp = "/resource_calendars/" + std::to_string(i);
    const json& c = v[i];
    if (!object(c, pp, "resource_calendars")) continue;
    const auto id = text_member(c, pp, "id");
    const json* tp = member(c, pp, "time_periods", "array", true);
    if (!id || !tp) continue;
    auto rules = periods(*tp, pp + "/time_periods");
    if (!rules) continue;
    engine::Timetable tt;
    tt.id = *id;
    if (const json* nm = member(c, pp, "name", "string", false); nm && nm->is_string()) tt.name = nm->get<std::string>();
    tt.rules = std::move(*rules);
    if (c.contains("workload_ratio")) {
      report(DiagId::sim_scenario_unsupported, pp + "/workload_ratio", *id, {"workload_ratio", "fuzzy calendar: read as crisp"});
    }
    timetables_.push_back(std::move(tt));
  }
}

void Applier::arrival_calendar(const json& v) {
  auto rules = periods(v, "/arrival_time_calendar");
  if (!rules) return;
  engine::Timetable tt;
  tt.id = "prosimos:arrival_time_calendar";
  tt.name = "arrival_time_calendar";
  tt.rules = std::move(*rules);
  timetables_.push_back(std::move(tt));
  edit_.simulation().arrival_timetable = "prosimos:arrival_time_calendar";
}

// One pool per resource profile: a profile with one resource keeps that resource's id and name (the id
// tasks name). Several resources are one pool of all their persons; when their calendars or costs
// differ, each resource stays a staff group with its own calendar and cost (SIM-057, a note).
void Applier::profiles(const json& v) {
  if (!array(v, "/resource_profiles", "resource_profiles")) return;
  have_pools_ = true;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string pp = "/resource_profiles/" + std::to_string(i);
    const json& prof = v[i];
    if (!object(prof, pp, "resource_profiles")) continue;
    const json* list = member(prof, pp, "resource_list", "array", true);
    if (!list || !array(*list, pp + "/resource_list", "resource_list")) continue;
    engine::ResourcePool pool;
    pool.id = prof.contains("id") ? text(prof["id"], pp + "/id", "id").value_or("") : "";
    if (prof.contains("name")) pool.name = text(prof["name"], pp + "/name", "name").value_or("");
    pool.amount = 0;
    bool cost_differs = false, calendar_differs = false;
    const std::size_t index = pools_.size();
    for (std::size_t k = 0; k < list->size(); ++k) {
      const std::string rp = pp + "/resource_list/" + std::to_string(k);
      const json& r = (*list)[k];
      if (!object(r, rp, "resource_list")) continue;
      const auto rid = text_member(r, rp, "id");
      if (!rid) continue;
      Resource res;
      res.pool = index;
      if (const json* a = member(r, rp, "amount", "number", false)) {
        if (const auto n = number(*a, rp + "/amount", "amount")) {
          if (*n < 1 || *n != std::floor(*n) || *n > 1e6) shape(rp + "/amount", "amount", "integer >= 1");
          else res.amount = static_cast<int>(*n);
        }
      }
      engine::StaffGroup group;
      group.amount = res.amount;
      if (const json* c = member(r, rp, "cost_per_hour", "number", false)) {
        if (const auto e = number(*c, rp + "/cost_per_hour", "cost_per_hour")) group.cost = engine::HourlyRate::from_euros(*e);
      }
      if (const json* c = member(r, rp, "calendar", "string", false)) res.calendar = text(*c, rp + "/calendar", "calendar").value_or("");
      group.timetable = res.calendar;
      // Prosimos takes the task -> resource relation from task_resource_distribution only (assignedTasks unread).
      if (pool.groups.empty()) {
        pool.cost = group.cost;
        pool.timetable = res.calendar;
        if (list->size() == 1) {
          pool.id = *rid;
          if (r.contains("name")) pool.name = text(r["name"], rp + "/name", "name").value_or(pool.name);
        }
        pool.origin = at(rp);
      } else {
        const auto euros = [](const std::optional<engine::HourlyRate>& c) { return c ? c->euros_per_hour() : 0.0; };
        cost_differs = cost_differs || euros(group.cost) != euros(pool.cost);
        calendar_differs = calendar_differs || res.calendar != pool.timetable;
      }
      pool.amount += res.amount;
      pool.groups.push_back(std::move(group));
      resources_.emplace(*rid, res);
    }
    if (pool.id.empty()) pool.id = "pool_" + std::to_string(i + 1);
    if (pool.amount == 0) pool.amount = 1;
    if (cost_differs || calendar_differs) {
      const std::string differs = cost_differs && calendar_differs ? "cost_per_hour, calendar" : cost_differs ? "cost_per_hour" : "calendar";
      report(DiagId::sim_scenario_pool_merged, pp, pool.id,
             {pool.name.empty() ? pool.id : pool.name, std::to_string(pool.groups.size()), std::to_string(pool.amount), differs});
    } else {
      pool.groups.clear();  // all persons alike: one group
    }
    pools_.push_back(std::move(pool));
  }
}

void Applier::arrival(const json& v) {
  if (!object(v, "/arrival_time_distribution", "arrival_time_distribution")) return;
  if (v.value("distribution_name", "") == "histogram_sampling") {
    report(DiagId::sim_scenario_unsupported, "/arrival_time_distribution/distribution_name", "",
           {"histogram_sampling", "arrival gaps from the model"});
    return;
  }
  if (auto d = distribution(v, "/arrival_time_distribution", "arrival")) {
    edit_.simulation().arrival = engine::Located<Distribution>{std::move(*d), at("/arrival_time_distribution")};
  }
}

void Applier::run() {
  const std::string_view bytes = src_.bytes();
  // Syntax first; the message of nlohmann::json names the offending token, its byte gives the line.
  json doc;
  try {
    doc = json::parse(bytes.begin(), bytes.end());
  } catch (const json::parse_error& e) {
    std::string why = e.what();
    if (const auto p = why.find(": ", why.find("parse error")); p != std::string::npos) why = why.substr(p + 2);
    const std::size_t byte = e.byte == 0 ? 0 : e.byte - 1;
    out_.diagnostics.add(DiagId::in_json_syntax, src_.path(), src_.locate(byte), "", {engine::to_valid_utf8(why)});
    return;
  }
  pos_ = json_value_offsets(bytes);
  if (!doc.is_object()) {
    shape("", "/", "object");
    return;
  }
  auto& sim = edit_.simulation();
  sim.present = true;
  sim.dialect = "prosimos";
  sim.origin = at("");
  static const std::set<std::string> unsupported = {"case_attributes", "event_attributes", "global_attributes",
                                                    "prioritisation_rules", "branch_rules", "multitask", "granule_size",
                                                    "gateway_execution_limit"};
  static const std::set<std::string> known = {"resource_profiles", "arrival_time_distribution", "arrival_time_calendar",
                                              "gateway_branching_probabilities", "task_resource_distribution",
                                              "resource_calendars", "event_distribution", "batch_processing", "model_type"};
  for (const auto& [key, value] : doc.items()) {
    const std::string path = "/" + key;
    if (unsupported.count(key)) {
      report(DiagId::sim_scenario_unsupported, path, "", {key, "no equivalent in the simulator"});
    } else if (key == "model_type") {
      if (value != "CRISP") report(DiagId::sim_scenario_unsupported, path, "", {"model_type " + value.dump(), "calendars read as crisp"});
    } else if (!known.count(key)) {
      report(DiagId::sim_scenario_unknown_key, path, "", {key});
    }
  }
  // Order matters: calendars and pools before the tasks that name them.
  if (doc.contains("resource_calendars")) calendars(doc["resource_calendars"]);
  if (doc.contains("resource_profiles")) profiles(doc["resource_profiles"]);
  if (doc.contains("arrival_time_calendar")) arrival_calendar(doc["arrival_time_calendar"]);
  if (doc.contains("arrival_time_distribution")) arrival(doc["arrival_time_distribution"]);
  if (doc.contains("task_resource_distribution")) task_times(doc["task_resource_distribution"]);
  if (doc.contains("gateway_branching_probabilities")) gateways(doc["gateway_branching_probabilities"]);
  if (doc.contains("event_distribution")) events(doc["event_distribution"]);
  if (doc.contains("batch_processing")) batches(doc["batch_processing"]);
  // Calendars named by resources must exist (in the scenario or the model).
  std::set<std::string> ids;
  for (const auto& t : timetables_) ids.insert(t.id);
  for (const auto& t : sim.timetables) ids.insert(t.id);
  for (const auto& p : pools_) {
    std::set<std::string> named{p.timetable};
    for (const auto& g : p.groups) named.insert(g.timetable);
    for (const auto& id : named) {
      if (!id.empty() && !ids.count(id)) {
        out_.diagnostics.add(DiagId::sim_scenario_unknown_ref, src_.path(), p.origin, p.id, {"calendar", id});
      }
    }
  }
  // Scenario timetables replace the model's of the same id; scenario pools replace the model's.
  for (auto& t : timetables_) {
    auto it = std::find_if(sim.timetables.begin(), sim.timetables.end(), [&](const engine::Timetable& x) { return x.id == t.id; });
    if (it != sim.timetables.end()) *it = std::move(t);
    else sim.timetables.push_back(std::move(t));
  }
  if (have_pools_) sim.pools = std::move(pools_);
  report(DiagId::sim_scenario_applied, "", "",
         {std::to_string(sim.pools.size()), std::to_string(timed_tasks_), std::to_string(probabilities_), std::to_string(batches_)});
}

} // namespace prosimos

bool looks_like_prosimos_scenario(std::string_view head) {
  std::size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  if (i >= head.size() || head[i] != '{') return false;
  return contains(head, "\"resource_profiles\"") || contains(head, "\"task_resource_distribution\"") ||
         contains(head, "\"arrival_time_distribution\"");
}

ImportResult apply_prosimos_scenario(const engine::SourceFile& scenario, const engine::ProcessModel& model) {
  ImportResult out;
  Applier a(scenario, model, out);
  try {
    a.run();
  } catch (const std::exception& e) {  // nlohmann type errors the checks above missed: bad input, not a crash
    out.diagnostics.add(DiagId::sim_scenario_shape, scenario.path(), {}, "", {"/", engine::to_valid_utf8(e.what())});
  }
  if (out.diagnostics.has_errors()) return out;
  out.model = std::move(a).take();
  return out;
}

} // namespace lotse::importers
