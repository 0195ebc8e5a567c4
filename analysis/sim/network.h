// SPDX-License-Identifier: MIT
// The simulation network: a ProcessModel compiled into flat arrays the kernel walks without looking
// anything up (node behaviour, routing tables, distributions, pools, calendars). Compiling decides every
// modelling question once and says so in diagnostics: which process, where times come from (QBP/BPSim
// distribution, PICTURE Bearbeitungszeit as exponential, analysis defaults), which resources, what
// cannot be simulated (SIM-0xx).
#pragma once

#include "analysis/repetition.h"
#include "analysis/sim/calendar.h"
#include "engine/diagnostics.h"
#include "engine/model.h"
#include "engine/scenario.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lotse::analysis::sim {

/// Persons with a timetable of their own (`parse_timetable_spec`; empty = the pool's).
struct StaffShiftOption {
  int persons = 1;
  std::string timetable;
};

/// Everything that shapes one simulation run besides the model.
struct SimOptions {
  std::int64_t cases = 10'000;       ///< cases per replication
  int replications = 5;
  int threads = 0;                   ///< 0 = all cores; never changes the results
  std::uint64_t seed = 1;
  std::optional<double> cases_per_year;              ///< overrides the model's arrival rate
  std::vector<std::pair<std::string, int>> staff;    ///< pool id or name -> persons
  /// Pool id or name -> its persons in groups with their own working hours (`--staff
  /// "Sachbearbeitung=2, 1 (Mo-Mi 08:00-12:00)"`): replaces the pool's persons; applied after `staff`.
  std::vector<std::pair<std::string, std::vector<StaffShiftOption>>> staff_shifts;
  std::string timetable;             ///< e.g. "Mo-Fr 08:00-16:00": replaces every pool's timetable
  std::string arrival_timetable;     ///< e.g. "Mo-Fr 08:00-16:00": cases arrive only then (default: the
                                     ///< default timetable for Fallzahl arrivals, around the clock otherwise)
  std::string holidays;              ///< closed days of every timetable: "sachsen", dates (parse_holidays)
  bool log_all_replications = false; ///< the event sink sees every replication (in order, case numbers
                                     ///< continuing), not only the first
  double hours_per_fte = 1600.0;     ///< for reports only
  /// Minutes per execution for nodes without any time in the model (from WorkloadPass); indexed by
  /// NodeIndex, negative = none.
  std::vector<double> default_minutes;
  /// Computes default_minutes when it is empty and an activity needs one (called at most once); so the
  /// data set is loaded only for models with activities without any time.
  std::function<std::vector<double>()> default_minutes_source;
  std::int64_t activation_limit = 100'000;  ///< node activations per case before the run stops
  double case_years_limit = 100;     ///< simulated years a case may stay open before the run stops
  double horizon_years_limit = 1000; ///< simulated years per replication before the run stops
  std::string time_zone{"Europe/Berlin"};  ///< the model's clock (IANA name): timetables and log times
  /// Called by replication 1 every 4,096 completed cases (and at its end) with the cases done;
  /// for a progress display. Must not throw.
  std::function<void(std::int64_t)> progress;
};

/// Builds options from a scenario (cases, replications, seed, threads, staff, volume).
[[nodiscard]] SimOptions options_from(const engine::Scenario& s);

/// How a delay runs on the office calendar (docs/simulation.md, "Waiting on the office calendar").
enum class DelayClock : std::uint8_t {
  elapsed,       ///< calendar time: post, replies, payments, timers
  working_days,  ///< only on working days, 24 h each: Liegezeit, Hauspost
  next_open,     ///< calendar time, then the office's next open instant: Wiedervorlage (a date)
};

enum class Route : std::uint8_t { end, single, all, exclusive, inclusive, event_race };
enum class Join : std::uint8_t { none, parallel, inclusive };

/// One outgoing choice: target node and its probability (cumulative for exclusive routes).
struct OutEdge {
  std::uint32_t target = engine::npos;
  double p = 1.0;
};

/// A boundary event on an activity: its delay distribution, and whether it cancels the activity
/// (interrupting) or starts its path beside it (non-interrupting, fires at most once). Any kind (analysis/event_rule.h): it occurs with probability `p` (1 for a timer without
/// one) after `dist`, or at the activity's end (`at_end`: error events, events without a time).
/// Most firings of one bounded timer cycle per pass ("R5000/PT1M" fires 4,095 times).
inline constexpr std::int64_t max_cycle_firings = 4095;

struct BoundaryTimer {
  std::uint32_t event = engine::npos;
  std::int32_t dist = -1;
  bool interrupting = true;
  double p = 1.0;
  bool at_end = false;
  std::uint32_t cycle = 1;  ///< non-interrupting timer cycle: firings per pass, each `dist` after the last (0 = unbounded)
};

/// An event sub-process of a scope (BPMN 2.0 §10.3.5): triggered with probability `p` after `dist`
/// (< 0: at once) from the scope's start, while the scope runs.
struct EventSub {
  std::uint32_t node = engine::npos;  ///< the event sub-process
  std::int32_t dist = -1;
  double p = 1.0;
  bool interrupting = true;
};

/// A batch activity compiled (engine::BatchRule): cases wait until one of the rules releases them, then
/// one execution takes setup + the item time of every case.
struct SimBatch {
  std::int64_t release_in_week = -1;  ///< weekly release, ms from Monday 00:00 wall clock; < 0: none
  std::int64_t size = 0;              ///< release at this many waiting cases; 0: no size rule
  std::int64_t max_wait_ms = -1;      ///< release when the first case has waited this long; < 0: none
  std::int32_t setup = -1;            ///< distribution index of the setup time; < 0: none
  std::int32_t item = -1;             ///< distribution index of the time per case; < 0: the node's work
};

/// A model node as the kernel sees it (index = engine::NodeIndex).
struct SimNode {
  bool reachable = false;
  Join join = Join::none;
  Route route = Route::end;
  bool terminate = false;            ///< terminate end event
  bool scope = false;                ///< embedded sub-process or resolved call activity
  std::uint32_t in_count = 0;        ///< incoming flows (parallel join)
  std::uint32_t paired_join = engine::npos;  ///< inclusive split: its join
  double occurrence = 1.0;           ///< attrs.occurrence (expected executions per arrival)
  std::int32_t delay = -1;           ///< distribution index: Liegezeit/timer/message before work
  std::uint8_t wait_kind = 0;        ///< analysis::WaitKind of the delay (analysis/time_kind.h)
  DelayClock delay_clock = DelayClock::elapsed;
  std::int32_t delay_calendar = 0;   ///< the office calendar the delay follows (not for `elapsed`)
  std::int32_t work = -1;            ///< distribution index: processing time
  std::int32_t pool = -1;
  std::int32_t activity = -1;        ///< index into SimNetwork::activities, -1 = not reported
  std::int32_t repetition = -1;      ///< index into SimNetwork::repetitions: loop or multi-instance
  std::int32_t batch = -1;           ///< index into SimNetwork::batches: batch activity
  double fixed_cost_eur = 0;
  std::uint32_t out_begin = 0, out_end = 0;          ///< into SimNetwork::outs
  std::uint32_t start_begin = 0, start_end = 0;      ///< scope: into SimNetwork::starts
  std::uint32_t boundary_begin = 0, boundary_end = 0;  ///< into SimNetwork::boundaries
  bool end_boundary = false;         ///< has boundary events that occur at its end
  std::uint32_t esub_begin = 0, esub_end = 0;  ///< scope: into SimNetwork::event_subs
};

/// Persons of a pool with their own working hours and cost (part-time staff).
struct SimShift {
  int capacity = 1;
  double eur_per_hour = 0;
  std::int32_t calendar = 0;         ///< index into SimNetwork::calendars
};

/// A resource pool ("Ressource", a Stelle or a lane with its staff).
struct SimPool {
  std::string id, name;
  int capacity = 1;                  ///< all persons
  double eur_per_hour = 0;
  std::int32_t calendar = 0;         ///< index into SimNetwork::calendars (0 = around the clock)
  /// Empty: all persons work `calendar` at `eur_per_hour`. Else the persons in groups with their own
  /// calendar and cost (capacity = their sum); a task goes to the first group, in this order, with a
  /// person free in open hours, and that person finishes it in the group's hours.
  std::vector<SimShift> shifts;
};

/// Sums the shifts' persons into `capacity`, takes the first shift's calendar and cost as the pool's, and
/// drops the shifts when they are all alike (one group: the simulator's fast path).
void settle_shifts(SimPool& p, const std::vector<WeeklyCalendar>& calendars);

struct SimNetwork {
  const engine::ProcessModel* model = nullptr;
  engine::ProcessIndex process = engine::npos;
  std::vector<SimNode> nodes;
  std::vector<OutEdge> outs;
  std::vector<std::uint32_t> starts;             ///< start nodes of scopes (process level first)
  std::uint32_t root_start_begin = 0, root_start_end = 0;
  std::vector<BoundaryTimer> boundaries;
  std::vector<EventSub> event_subs;              ///< event sub-processes, grouped by scope
  std::uint32_t root_esub_begin = 0, root_esub_end = 0;
  std::vector<Repetition> repetitions;
  std::vector<SimBatch> batches;
  std::vector<engine::Distribution> dists;
  std::vector<SimPool> pools;
  std::vector<WeeklyCalendar> calendars;         ///< [0] is always open
  std::vector<engine::NodeIndex> activities;     ///< reported activities, model order
  std::uint32_t join_count = 0;                  ///< nodes with a parallel or inclusive join
  engine::Distribution arrival;                  ///< inter-arrival time (seconds of open time)
  std::int32_t arrival_calendar = 0;
  StartInstant start;
  bool ok = false;                               ///< false: an error diagnostic says why
};

/// Compiles a model for simulation; problems go to `diags` (errors make `ok` false).
[[nodiscard]] SimNetwork compile_network(const engine::ProcessModel& m, const SimOptions& o,
                                         engine::Diagnostics& diags);

/// A repeating ISO 8601 interval, the timeCycle of a timer ("R3/PT1H", "R/P7D").
struct IsoCycle {
  std::int64_t repetitions = 0;  ///< 0 = unbounded ("R/...")
  double interval_s = 0;
};
/// Parses "R3/PT1H", "R/P7D" or "R3/2026-01-05T08:00:00Z/PT1H" (the start date is ignored); nullopt otherwise.
[[nodiscard]] std::optional<IsoCycle> parse_iso_cycle(std::string_view text);

/// Parses an ISO 8601 duration ("PT15M", "P3DT4H", "PT1.5H") into seconds; nullopt otherwise.
[[nodiscard]] std::optional<double> parse_iso_duration(std::string_view text);

} // namespace lotse::analysis::sim
