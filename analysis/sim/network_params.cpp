// SPDX-License-Identifier: MIT
// Where the simulator's numbers come from, decided once per model:
// - work: attrs.duration (QBP/BPSim distribution) > attrs.processing (PICTURE/lotse Bearbeitungszeit, a
//   mean only: simulated as EXPONENTIAL, the maximum-entropy law for a positive time with a known mean)
//   > analysis defaults (WorkloadPass minutes, also exponential) > 0 with a warning;
// - delays: attrs.waiting (Wartezeit/Liegezeit, fixed) before the work; timer and message catch events
//   take attrs.duration, attrs.waiting, the ISO 8601 timer duration, or the time of the message flow's
//   sending node (the citizen's side is not simulated as a process of its own); PICTURE
//   Bearbeitungsunterbrechung (and any step analysis/time_kind.h classifies as waiting only) is a
//   delay without a resource; a step a measure removed is bypassed;
// - resources: QBP/BPSim pools; without any, one pool with 1 person per Stelle or else per lane.
#include "analysis/sim/network_compiler.h"

#include "analysis/event_rule.h"
#include "analysis/sim/bounds.h"
#include "analysis/sim/random.h"
#include "analysis/time_kind.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace lotse::analysis::sim {

using engine::DiagId;
using engine::Distribution;
using engine::NodeIndex;
using engine::NodeKind;
using engine::npos;

namespace {

bool has_trigger(const engine::Node& n, engine::EventTrigger t) {
  return std::find(n.triggers.begin(), n.triggers.end(), t) != n.triggers.end();
}

} // namespace

std::int32_t Compiler::add_dist(NodeIndex n, const Distribution& d) {
  if (const std::string why = check_distribution(d); !why.empty()) {
    diag(DiagId::sim_bad_distribution, n, {n == npos ? std::string("arrival") : label(n), why});
    return -1;
  }
  if (!time_in_range(n, distribution_scale(d))) return -1;
  net.dists.push_back(d);
  return static_cast<std::int32_t>(net.dists.size() - 1);
}

bool Compiler::time_in_range(NodeIndex n, double seconds) {
  if (seconds <= max_time_value_years * seconds_per_year) return true;
  diag(DiagId::sim_time_out_of_range, n,
       {n == npos ? std::string("arrival") : bounded_text(label(n)), engine::number_arg_g(seconds / seconds_per_year, 3),
        engine::number_arg_g(max_time_value_years)});
  return false;
}

void Compiler::batch(NodeIndex n, const engine::BatchRule& rule) {
  SimBatch b;
  if (!rule.release.empty()) {
    if (const auto at = parse_weekly_instant(rule.release)) {
      b.release_in_week = *at;
    } else {
      diag(DiagId::sim_batch_bad_release, n, {label(n), rule.release});
    }
  }
  b.size = rule.size;
  if (rule.max_wait) b.max_wait_ms = rule.max_wait->count();
  if (b.release_in_week < 0 && b.size <= 0 && b.max_wait_ms < 0) {
    diag(DiagId::sim_batch_no_rule, n, {label(n)});
    return;
  }
  if (rule.setup) b.setup = add_dist(n, Distribution::fixed_seconds(engine::to_seconds(*rule.setup)));
  if (rule.per_item) b.item = add_dist(n, Distribution::fixed_seconds(engine::to_seconds(*rule.per_item)));
  net.nodes[n].batch = static_cast<std::int32_t>(net.batches.size());
  net.batches.push_back(b);
}

std::int32_t Compiler::event_delay(NodeIndex n) {
  const auto& node = m.node(n);
  if (node.kind != NodeKind::receive_task && node.attrs.duration) return add_dist(n, node.attrs.duration->value);
  if (node.attrs.waiting) return add_dist(n, Distribution::fixed_seconds(engine::to_seconds(node.attrs.waiting->value)));
  if (!node.timer.empty()) {
    if (const auto s = parse_iso_duration(node.timer)) return add_dist(n, Distribution::fixed_seconds(*s));
    if (const auto c = parse_iso_cycle(node.timer)) return add_dist(n, Distribution::fixed_seconds(c->interval_s));
  }
  for (const auto& mf : m.message_flows()) {
    if (mf.target_node != n || mf.source_node == npos) continue;
    const auto& src = m.node(mf.source_node);
    if (src.attrs.duration) {
      diag(DiagId::sim_message_delay, n, {label(n), label(mf.source_node)});
      return add_dist(n, src.attrs.duration->value);
    }
    if (src.attrs.waiting) {
      diag(DiagId::sim_message_delay, n, {label(n), label(mf.source_node)});
      return add_dist(n, Distribution::fixed_seconds(engine::to_seconds(src.attrs.waiting->value)));
    }
  }
  if (has_trigger(node, engine::EventTrigger::timer) || has_trigger(node, engine::EventTrigger::message) ||
      node.kind == NodeKind::receive_task) {
    diag(DiagId::sim_event_no_time, n, {label(n)});
  }
  return -1;
}

void Compiler::group_event_subprocesses() {
  const auto add = [&](NodeIndex scope, std::uint32_t& begin, std::uint32_t& end) {
    begin = static_cast<std::uint32_t>(net.event_subs.size());
    for (const auto& [owner, sub] : esubs) {
      if (owner != scope) continue;
      const EventRule r = event_rule(m, sub);
      EventSub es;
      es.node = sub;
      es.p = r.probability;
      es.interrupting = m.node(sub).interrupting;
      for (const NodeIndex c : m.children(sub)) {
        if (m.node(c).kind == NodeKind::start_event) {
          es.interrupting = m.node(c).interrupting;  // isInterrupting sits on the start event
          break;
        }
      }
      if (r.time) {
        es.dist = add_dist(sub, *r.time);
      } else {
        diag(DiagId::sim_event_no_time, sub, {label(sub)});
      }
      if (es.p > 0) net.event_subs.push_back(es);
    }
    end = static_cast<std::uint32_t>(net.event_subs.size());
  };
  add(npos, net.root_esub_begin, net.root_esub_end);
  for (NodeIndex n = 0; n < net.nodes.size(); ++n) {
    if (net.nodes[n].reachable && net.nodes[n].scope) add(n, net.nodes[n].esub_begin, net.nodes[n].esub_end);
  }
}

std::int32_t Compiler::add_calendar(WeeklyCalendar cal) {
  cal.close_on(holidays, net.start.wall_ms);
  net.calendars.push_back(std::move(cal));
  return static_cast<std::int32_t>(net.calendars.size() - 1);
}

std::int32_t Compiler::calendar_of_spec(const std::string& spec) {
  const std::string key = "\x01" + spec;
  if (auto it = calendar_of_timetable.find(key); it != calendar_of_timetable.end()) return it->second;
  const auto rules = parse_timetable_spec(spec);
  std::int32_t idx = 0;
  if (!rules) {
    diag(DiagId::sim_bad_timetable_spec, npos, {spec});
  } else {
    idx = add_calendar(WeeklyCalendar(*rules, net.start.week_offset));
  }
  calendar_of_timetable[key] = idx;
  return idx;
}

std::int32_t Compiler::calendar_for(const std::string& timetable_id, const std::string& pool) {
  if (!o.timetable.empty()) return calendar_of_spec(o.timetable);
  const auto& tts = m.simulation().timetables;
  const engine::Timetable* tt = nullptr;
  for (const auto& t : tts) {
    if (timetable_id.empty() ? t.is_default : t.id == timetable_id) tt = &t;
  }
  if (!tt && timetable_id.empty() && !tts.empty()) tt = &tts.front();
  if (!tt) {
    if (!timetable_id.empty()) diag(DiagId::sim_unknown_timetable, npos, {pool, timetable_id});
    return 0;
  }
  if (auto it = calendar_of_timetable.find(tt->id); it != calendar_of_timetable.end()) return it->second;
  WeeklyCalendar cal(tt->rules, net.start.week_offset);
  std::int32_t idx = 0;
  if (cal.open_ms_per_week() == 0) {
    diag(DiagId::sim_empty_timetable, npos, {tt->name.empty() ? tt->id : tt->name});
  } else if (!cal.always_open()) {
    idx = add_calendar(std::move(cal));
  }
  calendar_of_timetable[tt->id] = idx;
  return idx;
}

void Compiler::pools_from_setup() {
  for (const auto& p : m.simulation().pools) {
    SimPool sp;
    sp.id = p.id;
    sp.name = p.name.empty() ? p.id : p.name;
    sp.capacity = std::max(1, p.amount);
    sp.eur_per_hour = p.cost ? p.cost->euros_per_hour() : 0.0;
    sp.calendar = calendar_for(p.timetable, sp.name);
    for (const auto& g : p.groups) {
      SimShift sh;
      sh.capacity = std::max(1, g.amount);
      sh.eur_per_hour = g.cost ? g.cost->euros_per_hour() : sp.eur_per_hour;
      sh.calendar = g.timetable.empty() ? sp.calendar : calendar_for(g.timetable, sp.name);
      sp.shifts.push_back(sh);
    }
    settle_shifts(sp, net.calendars);
    net.pools.push_back(std::move(sp));
  }
  for (NodeIndex n = 0; n < net.nodes.size(); ++n) {
    SimNode& sn = net.nodes[n];
    const auto& res = m.node(n).attrs.resources;
    if (!sn.reachable || sn.scope || res.empty()) continue;
    if (res.size() > 1) diag(DiagId::sim_first_resource_only, n, {label(n), std::to_string(res.size()), res.front()});
    for (std::size_t i = 0; i < net.pools.size(); ++i) {
      if (net.pools[i].id == res.front()) sn.pool = static_cast<std::int32_t>(i);
    }
    for (std::size_t i = 0; i < net.pools.size() && sn.pool < 0; ++i) {
      if (net.pools[i].name == res.front()) sn.pool = static_cast<std::int32_t>(i);
    }
    if (sn.pool < 0) diag(DiagId::sim_unknown_resource, n, {label(n), res.front()});
  }
}

void Compiler::pools_from_org() {
  std::string names;
  for (NodeIndex n = 0; n < net.nodes.size(); ++n) {
    SimNode& sn = net.nodes[n];
    if (!sn.reachable || sn.work < 0) continue;
    const auto& node = m.node(n);
    std::string name = node.attrs.stelle;
    std::optional<engine::HourlyRate> rate;
    if (node.attrs.cost_rate) rate = node.attrs.cost_rate->value;
    if (name.empty() && node.lane != npos && node.lane < m.lanes().size()) {
      const auto& lane = m.lanes()[node.lane];
      name = lane.name.empty() ? lane.id : lane.name;
      if (!rate && lane.cost_rate) rate = lane.cost_rate->value;
    }
    if (name.empty()) continue;
    auto it = std::find_if(net.pools.begin(), net.pools.end(), [&](const SimPool& p) { return p.id == name; });
    if (it == net.pools.end()) {
      SimPool sp;
      sp.id = name;
      sp.name = name;
      sp.eur_per_hour = rate ? rate->euros_per_hour() : 0.0;
      sp.calendar = calendar_for("", name);
      net.pools.push_back(std::move(sp));
      names += (names.empty() ? "" : ", ") + name;
      it = net.pools.end() - 1;
    } else if (it->eur_per_hour == 0 && rate) {
      it->eur_per_hour = rate->euros_per_hour();
    }
    sn.pool = static_cast<std::int32_t>(it - net.pools.begin());
  }
  if (!names.empty()) diag(DiagId::sim_pools_from_org, npos, {names});
}

void Compiler::arrivals(engine::ProcessIndex process) {
  const auto& setup = m.simulation();
  std::optional<double> cases = o.cases_per_year;
  if (!cases && !setup.arrival) cases = m.cases_per_year(process);
  if (cases && *cases > 0) {
    net.arrival_calendar = o.arrival_timetable.empty() ? calendar_for("", "") : calendar_of_spec(o.arrival_timetable);
    const WeeklyCalendar& cal = net.calendars[static_cast<std::size_t>(net.arrival_calendar)];
    // Open time per year; with holidays the first simulated year's, else the weekly pattern's.
    const double open_s_per_year =
        holidays.any() ? static_cast<double>(cal.working_between(0, static_cast<std::int64_t>(365.25 * ms_per_day))) / 1000.0
                       : static_cast<double>(cal.open_ms_per_week()) / 1000.0 * 365.25 / 7.0;
    net.arrival = Distribution::exponential_mean(open_s_per_year / *cases);
    if (!time_in_range(npos, net.arrival.p1)) return;
    diag(DiagId::sim_arrivals_from_cases, npos, {engine::number_arg_g(*cases), engine::number_arg(net.arrival.p1 / 60.0, 1)});
    return;
  }
  if (setup.arrival) {
    if (add_dist(npos, setup.arrival->value) >= 0) net.arrival = setup.arrival->value;
    if (!o.arrival_timetable.empty()) {
      net.arrival_calendar = calendar_of_spec(o.arrival_timetable);
    } else if (!setup.arrival_timetable.empty()) {
      // The model's own arrival hours (Prosimos arrival_time_calendar); --timetable does not replace them.
      const auto tt = std::find_if(setup.timetables.begin(), setup.timetables.end(),
                                   [&](const engine::Timetable& t) { return t.id == setup.arrival_timetable; });
      if (tt == setup.timetables.end()) {
        diag(DiagId::sim_unknown_timetable, npos, {"arrival", setup.arrival_timetable});
      } else if (WeeklyCalendar cal(tt->rules, net.start.week_offset); cal.open_ms_per_week() == 0) {
        diag(DiagId::sim_empty_timetable, npos, {tt->name.empty() ? tt->id : tt->name});
      } else if (!cal.always_open()) {
        net.arrival_calendar = add_calendar(std::move(cal));
      }
    }
    return;
  }
  diag(DiagId::sim_no_arrivals, npos, {});
}

void Compiler::parameters(engine::ProcessIndex process) {
  const auto& setup = m.simulation();
  net.start = default_start(o.time_zone);
  if (!setup.start.empty()) {
    if (auto st = parse_start(setup.start, o.time_zone)) net.start = *st;
  }
  net.calendars.assign(1, WeeklyCalendar{});
  if (auto h = parse_holidays(o.holidays)) {
    holidays = std::move(*h);
  } else {
    diag(DiagId::sim_bad_holidays, npos, {o.holidays});
  }
  int exponential = 0, defaults = 0;
  // The defaults are computed (and the data set loaded) only when a model has an activity without any time.
  std::vector<double> fallback = o.default_minutes;
  bool fallback_asked = !fallback.empty();
  const auto default_for = [&](NodeIndex n) {
    if (!fallback_asked && o.default_minutes_source) fallback = o.default_minutes_source();
    fallback_asked = true;
    return n < fallback.size() ? fallback[n] : -1.0;
  };
  const TimeClassification times = classify_times(m);
  for (NodeIndex n = 0; n < net.nodes.size(); ++n) {
    SimNode& sn = net.nodes[n];
    if (!sn.reachable) continue;
    const auto& node = m.node(n);
    const auto& a = node.attrs;
    // A step a measure removed (ModelEditor::remove_node) is bypassed: no work, no delay, no cost.
    if (node.removed) continue;
    // On a boundary event or an event sub-process (and its start event) the occurrence is the
    // probability of the event (analysis/event_rule.h), not a repetition of the node.
    const bool event_probability = node.kind == NodeKind::boundary_event || node.triggered_by_event ||
                                   (node.kind == NodeKind::start_event && node.parent != npos &&
                                    m.node(node.parent).triggered_by_event);
    if (a.occurrence && !event_probability) sn.occurrence = std::max(0.0, a.occurrence->value);
    if (a.fixed_cost) sn.fixed_cost_eur = a.fixed_cost->value.euros();
    if (const auto r = repetition_of(node)) {
      sn.repetition = static_cast<std::int32_t>(net.repetitions.size());
      net.repetitions.push_back(*r);
    } else if (node.loop != engine::LoopKind::none) {
      diag(DiagId::sim_loop_once, n, {label(n)});
    }
    if (engine::is_activity(node.kind)) {
      sn.activity = static_cast<std::int32_t>(net.activities.size());
      net.activities.push_back(n);
      sn.boundary_begin = static_cast<std::uint32_t>(net.boundaries.size());
      for (const NodeIndex b : m.boundary_events(n)) {
        if (!net.nodes[b].reachable) continue;
        const EventRule r = event_rule(m, b);  // the rule the visits use too
        if (r.probability <= 0) continue;
        BoundaryTimer bt{b, -1, m.node(b).interrupting || has_trigger(m.node(b), engine::EventTrigger::error), r.probability,
                         r.at_end};
        if (!r.at_end) {
          bt.dist = event_delay(b);
          if (bt.dist < 0) continue;
        }
        // The firing count travels in the event's aux beside the boundary's index (simulator_events.cpp).
        bt.cycle = static_cast<std::uint32_t>(std::clamp<std::int64_t>(r.cycle, 0, max_cycle_firings));
        sn.end_boundary = sn.end_boundary || r.at_end;
        net.boundaries.push_back(bt);
      }
      sn.boundary_end = static_cast<std::uint32_t>(net.boundaries.size());
      // The kernel keeps a boundary's index in 20 bits of an event (beside a timer cycle's count).
      if (net.boundaries.size() > (std::size_t{1} << 20) - 1) {
        diag(DiagId::sim_too_many_boundaries, npos, {std::to_string(net.boundaries.size()), std::to_string((1 << 20) - 1)});
        return;
      }
    }
    sn.wait_kind = static_cast<std::uint8_t>(times.wait(n));
    if (waiting_only(m, n)) {
      // Bearbeitungsunterbrechung, "Warten auf ...", "Wiedervorlage": the case waits; nobody works
      // (analysis/time_kind.h, the same rule the workload uses).
      if (a.duration) {
        sn.delay = add_dist(n, a.duration->value);
      } else if (a.waiting || a.processing) {
        sn.delay = add_dist(n, Distribution::fixed_seconds(engine::to_seconds(a.waiting ? a.waiting->value : a.processing->value)));
      }
      continue;
    }
    if (node.kind == NodeKind::intermediate_catch_event || node.kind == NodeKind::receive_task) {
      sn.delay = event_delay(n);
    } else if (a.waiting && node.kind != NodeKind::start_event && node.kind != NodeKind::boundary_event) {
      sn.delay = add_dist(n, Distribution::fixed_seconds(engine::to_seconds(a.waiting->value)));
    }
    if (!engine::is_activity(node.kind) || sn.scope) continue;
    if (a.batch) batch(n, *a.batch);
    if (a.duration) {
      sn.work = add_dist(n, a.duration->value);
    } else if (a.processing) {
      sn.work = add_dist(n, Distribution::exponential_mean(engine::to_seconds(a.processing->value)));
      ++exponential;
    } else if (const double minutes = default_for(n); minutes >= 0) {
      sn.work = add_dist(n, Distribution::exponential_mean(minutes * 60.0));
      ++defaults;
    } else {
      diag(DiagId::sim_no_duration, n, {label(n)});
    }
  }
  if (exponential > 0) diag(DiagId::sim_processing_exponential, npos, {std::to_string(exponential)});
  if (defaults > 0) diag(DiagId::sim_default_minutes, npos, {std::to_string(defaults)});
  if (!setup.pools.empty()) {
    pools_from_setup();
  } else {
    pools_from_org();
  }
  apply_staff_options();
  delay_clocks();
  arrivals(process);
}

// Liegezeit and Hauspost run on the office's working days, a Wiedervorlage ends at the office's next open
// instant: on the calendar of the step's pool, else the default timetable (--timetable, the model's).
void Compiler::delay_clocks() {
  std::int32_t office = -1;
  for (SimNode& sn : net.nodes) {
    if (sn.delay < 0) continue;
    const auto kind = static_cast<WaitKind>(sn.wait_kind);
    if (kind == WaitKind::liegezeit || kind == WaitKind::internal_mail) {
      sn.delay_clock = DelayClock::working_days;
    } else if (kind == WaitKind::resubmission) {
      sn.delay_clock = DelayClock::next_open;
    } else {
      continue;
    }
    if (sn.pool >= 0) {
      sn.delay_calendar = net.pools[static_cast<std::size_t>(sn.pool)].calendar;
    } else {
      if (office < 0) office = calendar_for("", "");
      sn.delay_calendar = office;
    }
    if (sn.delay_calendar == 0) sn.delay_clock = DelayClock::elapsed;  // around the clock: the same
  }
}

// --staff POOL=N and --staff "POOL=N, M (Mo-Mi 08:00-12:00)": the persons replace the pool's.
void Compiler::apply_staff_options() {
  const auto find = [&](const std::string& name) -> SimPool* {
    auto it = std::find_if(net.pools.begin(), net.pools.end(), [&](const SimPool& p) { return p.id == name || p.name == name; });
    if (it != net.pools.end()) return &*it;
    std::string known;
    for (const auto& p : net.pools) known += (known.empty() ? "" : ", ") + p.id;
    diag(DiagId::sim_unknown_pool, npos, {name, known.empty() ? "-" : known});
    return nullptr;
  };
  for (const auto& [name, persons] : o.staff) {
    SimPool* p = find(name);
    if (!p) continue;
    if (persons < 1) {
      diag(DiagId::sim_bad_staff, npos, {name, std::to_string(persons)});
      continue;
    }
    p->capacity = persons;
    p->shifts.clear();
  }
  for (const auto& [name, groups] : o.staff_shifts) {
    SimPool* p = find(name);
    if (!p) continue;
    std::vector<SimShift> shifts;
    for (const auto& g : groups) {
      if (g.persons < 1) {
        diag(DiagId::sim_bad_staff, npos, {name, std::to_string(g.persons)});
        continue;
      }
      SimShift sh;
      sh.capacity = g.persons;
      sh.eur_per_hour = p->eur_per_hour;
      sh.calendar = g.timetable.empty() ? p->calendar : calendar_of_spec(g.timetable);
      shifts.push_back(sh);
    }
    if (shifts.empty()) continue;
    p->shifts = std::move(shifts);
    settle_shifts(*p, net.calendars);
  }
}

void settle_shifts(SimPool& p, const std::vector<WeeklyCalendar>& calendars) {
  if (p.shifts.empty()) return;
  p.capacity = 0;
  for (const auto& s : p.shifts) p.capacity += s.capacity;
  p.calendar = p.shifts.front().calendar;
  p.eur_per_hour = p.shifts.front().eur_per_hour;
  const bool alike = std::all_of(p.shifts.begin(), p.shifts.end(), [&](const SimShift& s) {
    const auto& a = calendars.at(static_cast<std::size_t>(s.calendar));
    const auto& b = calendars.at(static_cast<std::size_t>(p.calendar));
    return (s.calendar == p.calendar || a.same_hours(b)) && s.eur_per_hour == p.eur_per_hour;
  });
  if (alike) p.shifts.clear();
}

} // namespace lotse::analysis::sim
