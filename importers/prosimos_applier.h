// SPDX-License-Identifier: MIT
// Internal to the Prosimos scenario reader (prosimos_scenario.cpp: structure, calendars, pools, run;
// prosimos_times.cpp: distributions, task times, branching, events, batches): the applier that turns
// one scenario JSON into the model's simulation parameters, each finding with the scenario's line.
#pragma once

#include "engine/model_builder.h"
#include "importers/importer.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::importers::prosimos {

using engine::DiagId;
using engine::Distribution;
using engine::DistKind;
using json = nlohmann::json;

inline constexpr std::string_view weekday_names[7] = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};

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

} // namespace lotse::importers::prosimos
