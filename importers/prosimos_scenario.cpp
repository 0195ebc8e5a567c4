// SPDX-License-Identifier: MIT
// Prosimos scenario JSON -> the model's simulation parameters. Parameter order as Prosimos 2.x reads it
// (pix_framework.statistics.distribution.DurationDistribution.from_dict): fix [value], expon [mean, min,
// max] (scale = mean - min, loc = min), norm [mean, std, min, max], uniform [min, max], lognorm [mean,
// variance, min, max], gamma [mean, variance, min, max]; draws outside [min, max] are redrawn there.
// Positions: the JSON is read a second time through a SAX handler that records the byte offset of every
// value by its JSON pointer, so every diagnostic names the scenario's line.
#include "importers/prosimos_scenario.h"

#include "engine/model_builder.h"
#include "engine/utf8.h"

#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
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
using engine::Distribution;
using engine::DistKind;
using json = nlohmann::json;

namespace {

// ---------------------------------------------------------------------------------------------------
// Positions: a char iterator that publishes how far the JSON lexer has read, and a SAX handler that
// records that offset for every value (and member key) under its JSON pointer.

struct TrackingIterator {
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;
  const char* p = nullptr;
  const char** cursor = nullptr;
  reference operator*() const { return *p; }
  TrackingIterator& operator++() {
    ++p;
    *cursor = p;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator old = *this;
    ++*this;
    return old;
  }
  friend bool operator==(const TrackingIterator& a, const TrackingIterator& b) { return a.p == b.p; }
  friend bool operator!=(const TrackingIterator& a, const TrackingIterator& b) { return a.p != b.p; }
};

class PositionSax : public nlohmann::json_sax<json> {
public:
  PositionSax(const char* const* cursor, const char* begin, std::map<std::string, std::size_t>& out)
      : cursor_(cursor), begin_(begin), out_(out) {}
  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { return open(false); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    if (frames_.empty()) return true;
    frames_.back().key = escape(k);
    record(child());
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
  struct Frame {
    std::string path;
    bool array = false;
    std::size_t index = 0;
    std::string key;
  };
  static std::string escape(const std::string& k) {
    std::string e;
    for (const char c : k) {
      if (c == '~') e += "~0";
      else if (c == '/') e += "~1";
      else e += c;
    }
    return e;
  }
  [[nodiscard]] std::string child() const {
    if (frames_.empty()) return "";
    const Frame& f = frames_.back();
    return f.path + "/" + (f.array ? std::to_string(f.index) : f.key);
  }
  void record(const std::string& path) {
    const auto at = static_cast<std::size_t>(*cursor_ - begin_);
    out_.emplace(path, at == 0 ? 0 : at - 1);
  }
  void advance() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
  }
  bool value() {
    record(child());
    advance();
    return true;
  }
  bool open(bool array) {
    std::string path = child();
    record(path);
    frames_.push_back({std::move(path), array, 0, {}});
    return true;
  }
  bool close() {
    if (!frames_.empty()) frames_.pop_back();
    advance();
    return true;
  }
  const char* const* cursor_;
  const char* begin_;
  std::map<std::string, std::size_t>& out_;
  std::vector<Frame> frames_;
};

// ---------------------------------------------------------------------------------------------------

constexpr std::string_view weekday_names[7] = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};

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
struct Resource {
  std::size_t pool = 0;  ///< index into the new pools
  int amount = 1;
  std::string calendar;
};

class Applier {
public:
  Applier(const engine::SourceFile& src, const engine::ProcessModel& m, ImportResult& out)
      : src_(src), edit_(m), out_(out) {}

  void run();
  [[nodiscard]] engine::ProcessModel take() && { return std::move(edit_).finish(); }

private:
  // --- locations and diagnostics
  [[nodiscard]] engine::SourceLocation at(const std::string& path) const {
    auto it = pos_.find(path);
    return it == pos_.end() ? engine::SourceLocation{} : src_.locate(it->second);
  }
  engine::Diagnostic& report(DiagId id, const std::string& path, std::string element, std::vector<std::string> args) {
    return out_.diagnostics.add(id, src_.path(), at(path), std::move(element), std::move(args));
  }
  void shape(const std::string& path, const std::string& key, const std::string& expected) {
    report(DiagId::sim_scenario_shape, path, "", {key, expected});
  }

  // --- typed access (numbers may be written as strings, as Prosimos reads them with float())
  const json* member(const json& obj, const std::string& path, const char* key, const char* expected, bool required) {
    if (!obj.is_object()) return nullptr;
    const auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) shape(path, key, std::string("missing; ") + expected);
      return nullptr;
    }
    return &*it;
  }
  std::optional<double> number(const json& v, const std::string& path, const std::string& key) {
    if (v.is_number()) return v.get<double>();
    if (v.is_string()) {
      const std::string& s = v.get_ref<const std::string&>();
      double d = 0;
      const auto r = std::from_chars(s.data(), s.data() + s.size(), d);
      if (r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(d)) return d;
    }
    shape(path, key, "number");
    return std::nullopt;
  }
  std::optional<std::string> text(const json& v, const std::string& path, const std::string& key) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    shape(path, key, "string");
    return std::nullopt;
  }
  bool array(const json& v, const std::string& path, const std::string& key) {
    if (v.is_array()) return true;
    shape(path, key, "array");
    return false;
  }
  bool object(const json& v, const std::string& path, const std::string& key) {
    if (v.is_object()) return true;
    shape(path, key, "object");
    return false;
  }
  std::optional<std::string> text_member(const json& obj, const std::string& path, const char* key) {
    const json* v = member(obj, path, key, "string", true);
    return v ? text(*v, path + "/" + key, key) : std::nullopt;
  }

  // --- parts
  std::optional<Distribution> distribution(const json& obj, const std::string& path, const std::string& owner);
  std::optional<std::vector<engine::TimetableRule>> periods(const json& arr, const std::string& path);
  void calendars(const json& v);
  void arrival_calendar(const json& v);
  void profiles(const json& v);
  void arrival(const json& v);
  void task_times(const json& v);
  void gateways(const json& v);
  void events(const json& v);
  void batches(const json& v);
  void batch(const json& b, const std::string& path);

  [[nodiscard]] std::optional<engine::NodeIndex> node_of(const std::string& id) const { return edit_.view().find_node(id); }
  [[nodiscard]] std::string node_label(engine::NodeIndex n) const {
    const auto& node = edit_.view().node(n);
    return node.name.empty() ? node.id : node.name;
  }

  const engine::SourceFile& src_;
  engine::ModelEditor edit_;
  ImportResult& out_;
  std::map<std::string, std::size_t> pos_;
  std::vector<engine::Timetable> timetables_;
  std::vector<engine::ResourcePool> pools_;
  std::map<std::string, Resource> resources_;
  bool have_pools_ = false;
  int timed_tasks_ = 0, probabilities_ = 0, batches_ = 0;
};

/// Share of a distribution's draws below `lo` or above `hi` (Prosimos redraws those; we do not).
double outside(const Distribution& d, double lo, double hi) {
  try {
    switch (d.kind) {
    case DistKind::exponential: return (lo > 0 ? 1 - std::exp(-lo / d.p1) : 0.0) + std::exp(-hi / d.p1);
    case DistKind::normal: {
      if (d.p2 <= 0) return d.p1 < lo || d.p1 > hi ? 1.0 : 0.0;
      const boost::math::normal_distribution<double> n(d.p1, d.p2);
      return (lo > 0 ? boost::math::cdf(n, lo) : 0.0) + boost::math::cdf(boost::math::complement(n, hi));
    }
    case DistKind::lognormal: {
      if (d.p1 <= 0 || d.p2 <= 0) return 0.0;
      const double s2 = std::log(1 + d.p2 * d.p2 / (d.p1 * d.p1));
      const boost::math::lognormal_distribution<double> l(std::log(d.p1) - s2 / 2, std::sqrt(s2));
      return (lo > 0 ? boost::math::cdf(l, lo) : 0.0) + boost::math::cdf(boost::math::complement(l, hi));
    }
    case DistKind::gamma: {
      if (d.p1 <= 0 || d.p2 <= 0) return 0.0;
      const boost::math::gamma_distribution<double> g(d.p1, d.p2);
      return (lo > 0 ? boost::math::cdf(g, lo) : 0.0) + boost::math::cdf(boost::math::complement(g, hi));
    }
    default: return 0.0;
    }
  } catch (const std::exception&) {
    return 0.0;
  }
}

std::string percent(double share) { return engine::number_arg_g(share * 100.0, 3) + " %"; }

} // namespace

// Reads {distribution_name, distribution_params: [{value}...]} in Prosimos 2.x order (see the header).
std::optional<Distribution> Applier::distribution(const json& obj, const std::string& path, const std::string& owner) {
  const auto name = text_member(obj, path, "distribution_name");
  const json* params = member(obj, path, "distribution_params", "array", true);
  if (!name || !params || !array(*params, path + "/distribution_params", "distribution_params")) return std::nullopt;
  std::vector<double> p;
  for (std::size_t i = 0; i < params->size(); ++i) {
    const std::string pp = path + "/distribution_params/" + std::to_string(i);
    const json& e = (*params)[i];
    const json* v = e.is_object() ? member(e, pp, "value", "number", true) : &e;
    if (!v) return std::nullopt;
    const auto x = number(*v, e.is_object() ? pp + "/value" : pp, "distribution_params");
    if (!x) return std::nullopt;
    p.push_back(*x);
  }
  const std::string n = [&] {
    std::string l = *name;
    for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return l;
  }();
  const auto need = [&](std::size_t lo, std::size_t hi, const char* form) {
    if (p.size() >= lo && p.size() <= hi) return true;
    shape(path + "/distribution_params", "distribution_params", std::string(*name) + " " + form);
    return false;
  };
  const auto cut = [&](double share, double lo, double hi) {
    if (share > 0.001) {
      report(DiagId::sim_scenario_bounds, path, "", {owner, percent(share), engine::number_arg_g(lo, 0), engine::number_arg_g(hi, 0)});
    }
  };
  const auto bounds = [&](const Distribution& d, std::size_t first) {
    if (p.size() >= first + 2) cut(outside(d, p[first], p[first + 1]), p[first], p[first + 1]);
  };
  Distribution d;
  if (n == "fix" || n == "fixed") {
    if (!need(1, 3, "[value]")) return std::nullopt;
    d = Distribution::fixed_seconds(p[0]);
  } else if (n == "expon" || n == "exponential") {
    if (!need(1, 4, "[mean, min, max]")) return std::nullopt;
    double mean = p[0], min = p.size() >= 2 ? p[1] : 0.0;
    std::size_t bound_at = 1;
    if (p.size() == 2 || p.size() == 4) {
      // Prosimos 1.x / scipy order [loc, scale(, min, max)]: pix-framework 0.14 would fail on these lengths.
      min = p[0];
      mean = p[0] + p[1];
      bound_at = 2;
      report(DiagId::sim_scenario_legacy_params, path, "", {owner, engine::number_arg_g(mean, 6)});
    }
    double scale = mean - min;
    if (scale < 0) {
      scale = mean;  // as pix-framework does
      min = 0;
    }
    if (min > 0 && scale > 0) {
      // Shifted exponential min + Exp(scale): the gamma law with the same mean and variance.
      d = {DistKind::gamma, mean * mean / (scale * scale), scale * scale / mean, 0, {}};
      report(DiagId::sim_scenario_approximated, path, "", {owner, engine::number_arg_g(min, 0)});
    } else {
      d = Distribution::exponential_mean(scale);
    }
    if (d.kind == DistKind::exponential && p.size() >= bound_at + 2) {
      cut(std::exp(-p[bound_at + 1] / std::max(scale, 1e-300)), 0.0, p[bound_at + 1]);
    }
  } else if (n == "norm" || n == "normal") {
    if (!need(2, 4, "[mean, std, min, max]")) return std::nullopt;
    d = {DistKind::normal, p[0], p[1], 0, {}};
    bounds(d, 2);
  } else if (n == "uniform") {
    if (!need(2, 2, "[min, max]")) return std::nullopt;
    d = {DistKind::uniform, p[0], p[1], 0, {}};
  } else if (n == "lognorm" || n == "lognormal" || n == "log_normal" || n == "gamma") {
    if (!need(2, 4, "[mean, variance, min, max]")) return std::nullopt;
    const double mean = p[0], var = p[1];
    if (var <= 0) {
      d = Distribution::fixed_seconds(mean);
    } else if (n == "gamma") {
      d = {DistKind::gamma, mean * mean / var, var / mean, 0, {}};
    } else {
      d = {DistKind::lognormal, mean, std::sqrt(var), 0, {}};
    }
    bounds(d, 2);
  } else if (n == "triang" || n == "triangular") {
    // Not in pix-framework's from_dict; scipy order [c, loc, scale] as Prosimos' QBP converter writes it.
    if (!need(3, 3, "[c, loc, scale]")) return std::nullopt;
    d = {DistKind::triangular, p[1], p[1] + p[0] * p[2], p[1] + p[2], {}};
  } else {
    shape(path + "/distribution_name", "distribution_name", "fix|expon|norm|uniform|lognorm|gamma");
    return std::nullopt;
  }
  return d;
}

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

// Per task: the resources that may do it, each with its own duration. We seize the pool of the first
// resource and draw from one distribution: the first resource's when all are equal, else the first
// one's shape scaled to the persons-weighted mean of all (SIM-054), so the work per case stays right.
void Applier::task_times(const json& v) {
  if (!array(v, "/task_resource_distribution", "task_resource_distribution")) return;
  struct Entry {
    std::string resource;
    Distribution d;
    std::string path;
  };
  std::map<engine::NodeIndex, std::vector<Entry>> by_task;
  std::map<engine::NodeIndex, std::string> task_path;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string pp = "/task_resource_distribution/" + std::to_string(i);
    const json& t = v[i];
    if (!object(t, pp, "task_resource_distribution")) continue;
    const auto tid = text_member(t, pp, "task_id");
    const json* rs = member(t, pp, "resources", "array", true);
    if (!tid || !rs || !array(*rs, pp + "/resources", "resources")) continue;
    const auto n = node_of(*tid);
    if (!n || !engine::is_activity(edit_.view().node(*n).kind)) {
      report(DiagId::sim_scenario_unknown_ref, pp + "/task_id", *tid, {"task_id", *tid});
      continue;
    }
    task_path.emplace(*n, pp);
    for (std::size_t k = 0; k < rs->size(); ++k) {
      const std::string rp = pp + "/resources/" + std::to_string(k);
      const json& r = (*rs)[k];
      if (!object(r, rp, "resources")) continue;
      const auto rid = text_member(r, rp, "resource_id");
      auto d = distribution(r, rp, node_label(*n));
      if (!rid || !d) continue;
      if (have_pools_ && !resources_.count(*rid)) {
        report(DiagId::sim_scenario_unknown_ref, rp + "/resource_id", *tid, {"resource_id", *rid});
      }
      by_task[*n].push_back({*rid, std::move(*d), rp});
    }
  }
  for (auto& [n, entries] : by_task) {
    if (entries.empty()) continue;
    auto& node = edit_.node(n);
    const std::string& path = task_path[n];
    Distribution d = entries.front().d;
    const bool same = std::all_of(entries.begin(), entries.end(), [&](const Entry& e) {
      return e.d.kind == d.kind && e.d.p1 == d.p1 && e.d.p2 == d.p2 && e.d.p3 == d.p3;
    });
    if (!same) {
      double sum = 0, weight = 0;
      for (const auto& e : entries) {
        const auto it = resources_.find(e.resource);
        const double w = it == resources_.end() ? 1.0 : it->second.amount;
        sum += w * e.d.mean();
        weight += w;
      }
      const double target = sum / weight, first = d.mean();
      if (first > 0) {
        const double a = target / first;
        switch (d.kind) {
        case DistKind::gamma: d.p2 *= a; break;
        case DistKind::erlang: d.p2 *= a; break;
        default:
          d.p1 *= a;
          d.p2 *= a;
          d.p3 *= a;
        }
        for (auto& b : d.bins) {
          b.min *= a;
          b.max *= a;
        }
      }
      report(DiagId::sim_scenario_resource_times, path, node.id,
             {node_label(n), std::to_string(entries.size()), entries.front().resource, engine::number_arg_g(target, 6)});
    }
    node.attrs.duration = engine::Located<Distribution>{std::move(d), at(path)};
    ++timed_tasks_;
    if (!have_pools_) continue;
    node.attrs.resources.clear();
    std::map<std::size_t, int> persons;  // pool -> persons the task may use
    for (const auto& e : entries) {
      const auto it = resources_.find(e.resource);
      if (it == resources_.end()) continue;
      const std::string& pid = pools_[it->second.pool].id;
      if (std::find(node.attrs.resources.begin(), node.attrs.resources.end(), pid) == node.attrs.resources.end()) {
        node.attrs.resources.push_back(pid);
      }
      persons[it->second.pool] += it->second.amount;
    }
    if (!node.attrs.resources.empty()) {
      const auto first = resources_.find(entries.front().resource);
      if (first != resources_.end()) {
        const auto& pool = pools_[first->second.pool];
        if (persons[first->second.pool] < pool.amount) {
          report(DiagId::sim_scenario_pool_subset, path, node.id,
                 {node_label(n), std::to_string(persons[first->second.pool]), std::to_string(pool.amount),
                  pool.name.empty() ? pool.id : pool.name});
        }
      }
    }
  }
  // Tasks the scenario does not time keep the model's time; their model resources are gone.
  const auto& m = edit_.view();
  for (engine::NodeIndex n = 0; n < m.node_count(); ++n) {
    const auto& node = m.node(n);
    if (!engine::is_task(node.kind) || by_task.count(n)) continue;
    if (have_pools_) edit_.node(n).attrs.resources.clear();
    report(DiagId::sim_scenario_no_times, "/task_resource_distribution", node.id, {node_label(n)});
  }
}

void Applier::gateways(const json& v) {
  if (!array(v, "/gateway_branching_probabilities", "gateway_branching_probabilities")) return;
  const auto& m = edit_.view();
  std::map<std::string, engine::FlowIndex> flows;
  for (engine::FlowIndex f = 0; f < m.flows().size(); ++f) flows.emplace(m.flow(f).id, f);
  bool conditions = false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string pp = "/gateway_branching_probabilities/" + std::to_string(i);
    const json& g = v[i];
    if (!object(g, pp, "gateway_branching_probabilities")) continue;
    const auto gid = text_member(g, pp, "gateway_id");
    const json* ps = member(g, pp, "probabilities", "array", true);
    if (!gid || !ps || !array(*ps, pp + "/probabilities", "probabilities")) continue;
    const auto gn = node_of(*gid);
    if (!gn) {
      report(DiagId::sim_scenario_unknown_ref, pp + "/gateway_id", *gid, {"gateway_id", *gid});
      continue;
    }
    for (std::size_t k = 0; k < ps->size(); ++k) {
      const std::string fp = pp + "/probabilities/" + std::to_string(k);
      const json& e = (*ps)[k];
      if (!object(e, fp, "probabilities")) continue;
      const auto path_id = text_member(e, fp, "path_id");
      if (!path_id) continue;
      const auto it = flows.find(*path_id);
      if (it == flows.end() || m.flow(it->second).source != *gn) {
        report(DiagId::sim_scenario_unknown_ref, fp + "/path_id", *gid, {"path_id", *path_id});
        continue;
      }
      if (e.contains("condition_id")) conditions = true;
      auto& flow = edit_.flow(it->second);
      if (!e.contains("value")) {
        flow.probability.reset();  // Prosimos and the simulator share the rest equally (SIM-007)
        continue;
      }
      const auto p = number(e["value"], fp + "/value", "value");
      if (!p) continue;
      if (*p < 0 || *p > 1) {
        shape(fp + "/value", "value", "0..1");
        continue;
      }
      flow.probability = engine::Located<engine::Probability>{{*p}, at(fp + "/value")};
      ++probabilities_;
    }
  }
  if (conditions) {
    report(DiagId::sim_scenario_unsupported, "/gateway_branching_probabilities", "", {"condition_id", "probabilities used instead"});
  }
}

void Applier::events(const json& v) {
  if (!array(v, "/event_distribution", "event_distribution")) return;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string pp = "/event_distribution/" + std::to_string(i);
    const json& e = v[i];
    if (!object(e, pp, "event_distribution")) continue;
    const auto eid = text_member(e, pp, "event_id");
    if (!eid) continue;
    const auto n = node_of(*eid);
    if (!n || !engine::is_event(edit_.view().node(*n).kind)) {
      report(DiagId::sim_scenario_unknown_ref, pp + "/event_id", *eid, {"event_id", *eid});
      continue;
    }
    if (auto d = distribution(e, pp, node_label(*n))) edit_.node(*n).attrs.duration = engine::Located<Distribution>{std::move(*d), at(pp)};
  }
}

void Applier::batches(const json& v) {
  if (!array(v, "/batch_processing", "batch_processing")) return;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string pp = "/batch_processing/" + std::to_string(i);
    if (object(v[i], pp, "batch_processing")) batch(v[i], pp);
  }
}

// Firing rules (OR of AND groups) that have an equivalent: size (=, >=, >), large_wt / ready_wt (>, >=:
// the longest wait in the batch, i.e. the first case's), and week_day together with daily_hour (a weekly
// release). Batches are processed one case after another (Sequential); Parallel's duration scaling and
// the size/duration distributions are not simulated (SIM-052).
void Applier::batch(const json& b, const std::string& pp) {
  const auto tid = text_member(b, pp, "task_id");
  if (!tid) return;
  const auto n = node_of(*tid);
  if (!n || !engine::is_activity(edit_.view().node(*n).kind)) {
    report(DiagId::sim_scenario_unknown_ref, pp + "/task_id", *tid, {"task_id", *tid});
    return;
  }
  engine::BatchRule rule;
  rule.at = at(pp);
  const std::string type = b.value("type", "Sequential");
  if (type != "Sequential") report(DiagId::sim_scenario_unsupported, pp + "/type", *tid, {"type " + type, "processed one case after another"});
  for (const char* k : {"size_distrib", "duration_distrib", "batch_frequency"}) {
    if (b.contains(k)) report(DiagId::sim_scenario_unsupported, pp + "/" + k, *tid, {k, "batch_processing"});
  }
  const json* fr = member(b, pp, "firing_rules", "array", true);
  if (!fr || !array(*fr, pp + "/firing_rules", "firing_rules")) return;
  static constexpr std::string_view days[7] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (std::size_t g = 0; g < fr->size(); ++g) {
    const std::string gp = pp + "/firing_rules/" + std::to_string(g);
    const json& group = (*fr)[g];
    if (!array(group, gp, "firing_rules")) return;
    std::optional<int> day;
    std::optional<double> hour;
    bool used = true;
    for (std::size_t c = 0; c < group.size(); ++c) {
      const std::string cp = gp + "/" + std::to_string(c);
      const json& cond = group[c];
      if (!object(cond, cp, "firing_rules")) return;
      const std::string attr = cond.value("attribute", "");
      const std::string cmp = cond.value("comparison", "");
      const json val = cond.contains("value") ? cond["value"] : json();
      if (attr == "week_day" && val.is_string()) {
        std::string l = val.get<std::string>();
        for (char& ch : l) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        for (int k = 0; k < 7; ++k) {
          if (days[k] == l) day = k;
        }
        if (!day) used = false;
      } else if (attr == "daily_hour" && (val.is_number() || val.is_string()) && (cmp == "=" || cmp == ">=")) {
        hour = number(val, cp + "/value", "value");
      } else if (attr == "size" && val.is_number() && group.size() == 1 && (cmp == "=" || cmp == ">=" || cmp == ">")) {
        rule.size = static_cast<int>(val.get<double>()) + (cmp == ">" ? 1 : 0);
      } else if ((attr == "large_wt" || attr == "ready_wt") && val.is_number() && group.size() == 1 && (cmp == ">" || cmp == ">=")) {
        rule.max_wait = engine::from_seconds(val.get<double>());
      } else {
        used = false;
      }
    }
    if (day && used) {
      const int h = static_cast<int>(hour.value_or(0));
      rule.release = std::string(weekday_names[*day].substr(0, 3)) + " " + (h < 10 ? "0" : "") + std::to_string(h) + ":00";
    } else if (hour && used) {
      used = false;  // a daily hour alone: no daily release in the simulator
    }
    if (!used) report(DiagId::sim_scenario_unsupported, gp, *tid, {"firing_rules/" + std::to_string(g), "rule without an equivalent"});
  }
  if (rule.release.empty() && rule.size == 0 && !rule.max_wait) return;
  edit_.node(*n).attrs.batch = std::move(rule);
  ++batches_;
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
  {
    const char* cursor = bytes.data();
    PositionSax sax(&cursor, bytes.data(), pos_);
    json::sax_parse(TrackingIterator{bytes.data(), &cursor}, TrackingIterator{bytes.data() + bytes.size(), &cursor}, &sax);
  }
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
