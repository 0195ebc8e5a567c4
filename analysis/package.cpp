// SPDX-License-Identifier: MIT
// The measure package: order, cumulative application with marginal savings, uptake sensitivity,
// effort and payback, measures left out and breaks without a measure (see package.h).
#include "analysis/package.h"

#include "analysis/data_set.h"

#include "analysis/data_json.h"
#include "analysis/lead_time.h"
#include "analysis/workload.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <set>

namespace lotse::analysis {
namespace {

using engine::NodeIndex;
using nlohmann::json;

struct Totals {
  double hours = 0, eur = 0;
};
Totals totals(const WorkloadResult& w) {
  Totals t;
  for (const auto& p : w.processes) {
    t.hours += p.hours_per_year;
    t.eur += p.cost_per_year_eur;
  }
  return t;
}

/// A model copy with its own context (media breaks, workload and lead time computed on demand).
struct State {
  std::unique_ptr<engine::ProcessModel> model;
  std::unique_ptr<engine::AnalysisContext> ctx;
};

State make_state(engine::ProcessModel model, engine::AnalysisContext& base) {
  State s;
  s.model = std::make_unique<engine::ProcessModel>(std::move(model));
  s.ctx = std::make_unique<engine::AnalysisContext>(*s.model, base.scenario());
  s.ctx->options<DataSetOption>().data = data_set_ptr(base);
  s.ctx->options<LeadTimeOptions>() = base.options<LeadTimeOptions>();
  return s;
}

/// One measure tried on the current state.
struct Trial {
  MeasurePlan plan;
  State after;
  Totals saved;
};

Trial try_measure(const Measure& measure, engine::AnalysisContext& cur, const PackageInput& in, double uptake) {
  Trial t;
  const auto& breaks = cur.get<MediaBreakPass>();
  const auto& work = cur.get<WorkloadPass>();
  t.plan = plan_measure(measure, PlanInput{cur.model(), breaks, work, in.times, in.lex}, uptake);
  if (!t.plan.applies) return t;
  t.after = make_state(shorten_waits(t.plan, cur.model(), apply_measure(measure, t.plan, cur.model(), breaks, work)), cur);
  const Totals before = totals(work), after = totals(t.after.ctx->get<WorkloadPass>());
  t.saved = {before.hours - after.hours, before.eur - after.eur};
  return t;
}

double uptake_for(const Measure& measure, const PackageInput& in) {
  return measure.citizen_facing ? in.uptake.of(measure.id).rate : 1.0;
}

struct Candidate {
  const Measure* measure = nullptr;
  double eur = 0, citizen = 0;
  std::vector<NodeIndex> nodes;    ///< standalone plan: removed and changed
};

/// Standalone savings decide the order; prerequisites come before the measures that need them.
void order(std::vector<Candidate>& cands) {
  std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    if (std::abs(a.eur - b.eur) > 0.005) return a.eur > b.eur;
    return a.citizen > b.citizen + 1e-9;
  });
  std::vector<Candidate> out;
  std::set<std::string> placed;
  std::function<void(const Candidate&, int)> place = [&](const Candidate& c, int depth) {
    if (placed.count(c.measure->id) || depth > 16) return;
    placed.insert(c.measure->id);
    for (const auto& req : c.measure->requires_ids) {
      const auto it = std::find_if(cands.begin(), cands.end(), [&](const Candidate& x) { return x.measure->id == req; });
      if (it != cands.end()) place(*it, depth + 1);
    }
    out.push_back(c);
  };
  for (const auto& c : cands) place(c, 0);
  cands = std::move(out);
}

NotProposed left_out(const Measure& m, std::string reason, std::string by = {}) {
  return NotProposed{m.id, m.title_de, m.title_en, std::move(reason), std::move(by)};
}

// Measures that apply to the baseline; the others go to not_proposed, and the breaks they were called
// for keep the reason (a fit rule, or a step the measure cannot take time from: no_saving).
std::vector<Candidate> candidates(engine::AnalysisContext& ctx, const PackageInput& in, SuggestionResult& out,
                                  std::map<NodeIndex, std::string>& skipped) {
  std::vector<Candidate> cands;
  for (const auto& measure : in.catalogue.measures) {
    auto t = try_measure(measure, ctx, in, uptake_for(measure, in));
    if (!t.plan.applies) {
      for (const auto& [b, why] : t.plan.skipped) skipped.emplace(b->node, why);
      if (already_present(measure, ctx.model())) {
        out.not_proposed.push_back(left_out(measure, "already_present"));
      } else if (!t.plan.unfit.empty()) {
        out.not_proposed.push_back(left_out(measure, t.plan.unfit));
      } else if (!t.plan.triggers.empty()) {
        out.not_proposed.push_back(left_out(measure, "no_saving"));
        for (const auto* b : t.plan.triggers) skipped.emplace(b->node, "no_saving");
      }
      continue;
    }
    Candidate c{&measure, t.saved.eur, t.plan.citizen_minutes, t.plan.removed};
    c.nodes.insert(c.nodes.end(), t.plan.changed.begin(), t.plan.changed.end());
    cands.push_back(std::move(c));
  }
  order(cands);
  return cands;
}

std::vector<UptakePoint> sensitivity(const Measure& measure, engine::AnalysisContext& cur, const PackageInput& in) {
  std::vector<UptakePoint> points;
  if (!measure.citizen_facing) return points;
  for (const double u : {0.3, 0.6, 0.9}) {
    const auto t = try_measure(measure, cur, in, u);
    points.push_back({u, t.plan.applies ? t.saved.hours : 0.0, t.plan.applies ? t.saved.eur : 0.0});
  }
  return points;
}

// Effort, net benefit, payback and priority; staff days are valued at the process's mean rate.
void cost_benefit(Suggestion& s, const Measure& measure, const Package& pkg) {
  s.effort = measure.effort;
  const double rate = pkg.hours_before > 0 ? pkg.eur_before / pkg.hours_before : 0.0;
  s.staff_cost_eur = measure.effort.staff_days * pkg.hours_per_staff_day * rate;
  s.net_benefit_eur_per_year = s.saved_eur_per_year - measure.effort.running_eur_per_year;
  const double one_off = measure.effort.one_off_eur + s.staff_cost_eur;
  if (s.net_benefit_eur_per_year > 0.005) s.payback_years = one_off / s.net_benefit_eur_per_year;
  s.priority = priority_from_payback(s.payback_years);
  s.requires_ids = measure.requires_ids;
}

// A prerequisite is at least as urgent as the measures that need it.
void raise_prerequisites(std::vector<Suggestion>& list) {
  for (std::size_t i = list.size(); i-- > 0;) {
    for (const auto& req : list[i].requires_ids) {
      for (auto& other : list) {
        if (other.id == req && static_cast<int>(list[i].priority) < static_cast<int>(other.priority)) other.priority = list[i].priority;
      }
    }
  }
}

void uncovered(const MediaBreakResult& base, const std::set<NodeIndex>& covered,
               const std::map<NodeIndex, std::string>& skipped, SuggestionResult& out) {
  for (std::size_t i = 0; i < base.breaks.size(); ++i) {
    const auto& b = base.breaks[i];
    if (covered.count(b.node)) continue;
    const auto it = skipped.find(b.node);
    out.uncovered_breaks.push_back({static_cast<int>(i + 1), b.kind, b.node, it != skipped.end() ? it->second : "no_measure"});
  }
}

// Hours bound in media breaks (each node once, at its largest finding, as minutes_per_year_total)
// and the part of them at nodes a proposed measure acts on.
void coverage(const engine::ProcessModel& m, const MediaBreakResult& base, const std::set<NodeIndex>& covered,
              const ProcessWorkload& p, ProcessPackage& pp) {
  std::map<NodeIndex, double> per_node;
  for (const auto& b : base.breaks) per_node[b.node] = std::max(per_node[b.node], b.minutes_per_year);
  for (const auto& [n, minutes] : per_node) {
    if (std::find(p.processes.begin(), p.processes.end(), m.node(n).process) == p.processes.end()) continue;
    pp.break_hours += minutes / 60.0;
    if (covered.count(n)) pp.break_hours_covered += minutes / 60.0;
  }
}

void per_process(engine::AnalysisContext& ctx, const WorkloadResult& before, const WorkloadResult& after,
                 const std::set<NodeIndex>& covered, Package& pkg) {
  const auto& base = ctx.get<MediaBreakPass>();
  for (const auto& p : before.processes) {
    ProcessPackage pp{p.id, p.hours_per_year, p.hours_per_year, p.cost_per_year_eur, p.cost_per_year_eur, p.fte};
    coverage(ctx.model(), base, covered, p, pp);
    for (const auto& q : after.processes) {
      if (q.id != p.id) continue;
      pp.hours_after = q.hours_per_year;
      pp.eur_after = q.cost_per_year_eur;
      pp.fte_after = q.fte;
    }
    pkg.processes.push_back(pp);
  }
}

} // namespace

std::string_view priority_id(Priority p) {
  switch (p) {
  case Priority::hoch: return "hoch";
  case Priority::mittel: return "mittel";
  case Priority::niedrig: return "niedrig";
  }
  return "niedrig";
}

Priority priority_from_payback(const std::optional<double>& payback_years) {
  if (!payback_years) return Priority::niedrig;
  if (*payback_years <= 2.0) return Priority::hoch;
  if (*payback_years <= 4.0) return Priority::mittel;
  return Priority::niedrig;
}

void build_package(engine::AnalysisContext& ctx, const PackageInput& in, SuggestionResult& out) {
  const auto& work = ctx.get<WorkloadPass>();
  const Totals base = totals(work);
  Package& pkg = out.package;
  pkg.hours_before = pkg.hours_after = base.hours;
  pkg.eur_before = pkg.eur_after = base.eur;
  pkg.hours_per_staff_day = work.hours_per_fte / 200.0;
  double cases = 0;
  for (const auto& p : work.processes) cases = std::max(cases, p.cases_per_year);
  if (in.lead_time) pkg.lead_before = pkg.lead_after = ctx.get<LeadTimePass>().overall;

  std::vector<State> states;                 // every edited copy stays alive (plans point into them)
  engine::AnalysisContext* cur = &ctx;
  std::set<NodeIndex> covered;
  std::map<NodeIndex, std::string> skipped;
  for (const auto& c : candidates(ctx, in, out, skipped)) {
    const Measure& measure = *c.measure;
    auto t = try_measure(measure, *cur, in, uptake_for(measure, in));
    for (const auto& [b, why] : t.plan.skipped) skipped.emplace(b->node, why);
    if (!t.plan.applies) {
      std::string by;
      for (const auto& s : out.suggestions) {
        if (std::any_of(s.nodes.begin(), s.nodes.end(), [&](NodeIndex n) { return std::count(c.nodes.begin(), c.nodes.end(), n) > 0; })) {
          by = s.id;
          break;
        }
      }
      out.not_proposed.push_back(left_out(measure, t.plan.unfit.empty() ? "covered" : t.plan.unfit, by));
      continue;
    }
    // A measure the model shows no benefit for is not a recommendation (scanning that only adds time).
    if (!work.processes.empty() && t.saved.eur < -0.005 && t.plan.citizen_minutes <= 1e-9) {
      out.not_proposed.push_back(left_out(measure, "no_benefit"));
      continue;
    }
    // Nor is one that saves no staff time (0,0 h) and no citizen time in the model: its breaks stay,
    // with that reason. (A channel moved online that only spares the citizens' trip stays a proposal.)
    if (!work.processes.empty() && std::abs(t.saved.hours) < 0.05 && t.plan.citizen_minutes < 0.05) {
      out.not_proposed.push_back(left_out(measure, "no_saving"));
      for (const auto n : t.plan.removed) skipped.emplace(n, "no_saving");
      for (const auto n : t.plan.changed) skipped.emplace(n, "no_saving");
      continue;
    }
    Suggestion s;
    describe_suggestion(s, measure, t.plan, cur->model());
    s.saved_hours_per_year = t.saved.hours;
    s.saved_eur_per_year = t.saved.eur;
    s.saved_citizen_minutes_per_case = t.plan.citizen_minutes;
    s.saved_citizen_hours_per_year = t.plan.citizen_minutes * cases / 60.0;
    s.citizen_facing = measure.citizen_facing;
    s.uptake = measure.citizen_facing ? in.uptake.of(measure.id) : UptakeRate{1.0, {}, 0, false, UptakeRate::From::table};
    s.sensitivity = sensitivity(measure, *cur, in);
    if (in.lead_time) {
      const auto before = cur->get<LeadTimePass>().overall, after = t.after.ctx->get<LeadTimePass>().overall;
      if (before.simulated && after.simulated) {
        s.lead_time_days_before = before.mean_days;
        s.lead_time_days_after = after.mean_days;
        s.lead_time_ci95_days = after.ci95_days;
        s.lead_time_ci95_days_before = before.ci95_days;
      }
    }
    for (const auto n : s.nodes) covered.insert(n);
    pkg.citizen_minutes_per_case += t.plan.citizen_minutes;
    pkg.order.push_back(measure.id);
    out.suggestions.push_back(std::move(s));
    states.push_back(std::move(t.after));
    cur = states.back().ctx.get();
  }
  const Totals after = totals(cur->get<WorkloadPass>());
  pkg.hours_after = after.hours;
  pkg.eur_after = after.eur;
  per_process(ctx, work, cur->get<WorkloadPass>(), covered, pkg);
  if (in.lead_time) pkg.lead_after = cur->get<LeadTimePass>().overall;
  for (std::size_t i = 0; i < out.suggestions.size(); ++i) {
    auto& s = out.suggestions[i];
    s.rank = static_cast<int>(i + 1);
    for (const auto& m : in.catalogue.measures) {
      if (m.id == s.id) cost_benefit(s, m, pkg);
    }
  }
  raise_prerequisites(out.suggestions);
  uncovered(ctx.get<MediaBreakPass>(), covered, skipped, out);
}

UptakeRate UptakeTable::of(const std::string& id) const {
  const auto it = rates.find(id);
  return it != rates.end() ? it->second : fallback;
}

UptakeTable load_uptake(const std::string& path, engine::Diagnostics& notes) {
  UptakeTable t;
  const auto j = read_data_json(path, notes);
  if (!j) return t;
  t.loaded = true;
  t.source = j->value("source", std::string{});
  const auto def = j->value("default", json::object());
  t.fallback = UptakeRate{def.value("rate", 0.6), def.value("source", std::string{}), def.value("year", 0),
                          def.value("assumption", true), UptakeRate::From::fallback};
  const json measures = j->value("measures", json::object());
  for (const auto& [id, e] : measures.items()) {
    if (!e.is_object() || !e.contains("rate") || !e["rate"].is_number()) {
      notes.add(engine::DiagId::med_data_entry_invalid, path, {}, id, {id, "rate"});
      continue;
    }
    t.rates[id] = UptakeRate{std::clamp(e["rate"].get<double>(), 0.0, 1.0), e.value("source", std::string{}), e.value("year", 0),
                             e.value("assumption", true), UptakeRate::From::table};
  }
  return t;
}

void apply_town_overrides(const std::string& override_file, Catalogue& catalogue, UptakeTable& uptake) {
  if (override_file.empty()) return;
  engine::Diagnostics quiet;                 // the workload pass reports problems with this file
  const auto j = read_data_json(override_file, quiet);
  if (!j) return;
  const std::string source = j->value("source", override_file);
  auto set_uptake = [&](const std::string& id, const json& v) {
    if (v.is_number()) uptake.rates[id] = UptakeRate{std::clamp(v.get<double>(), 0.0, 1.0), source, 0, false, UptakeRate::From::town};
  };
  const json rates = j->value("uptake", json::object()), measures = j->value("massnahmen", json::object());
  for (const auto& [id, v] : rates.items()) set_uptake(id, v);
  for (const auto& [id, v] : measures.items()) {
    if (!v.is_object()) continue;
    if (v.contains("uptake")) set_uptake(id, v["uptake"]);
    for (auto& m : catalogue.measures) {
      if (m.id != id) continue;
      auto& e = m.effort;
      bool any = false;
      for (auto [key, field] : {std::pair{"one_off_eur", &e.one_off_eur}, std::pair{"running_eur_per_year", &e.running_eur_per_year},
                                std::pair{"staff_days", &e.staff_days}}) {
        if (v.contains(key) && v[key].is_number()) {
          *field = v[key].get<double>();
          any = true;
        }
      }
      if (any) {
        e.source = v.value("source", source);
        e.assumption = false;
        e.town = true;
      }
    }
  }
}

} // namespace lotse::analysis
