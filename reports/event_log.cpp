// SPDX-License-Identifier: MIT
#include "reports/event_log.h"

#include "analysis/sim/calendar.h"
#include "reports/escape.h"

#include <algorithm>
#include <cerrno>
#include <cctype>
#include <filesystem>
#include <fmt/format.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace lotse::reports {

std::optional<EventLogFormat> event_log_format(std::string_view path) {
  std::string lower(path);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.ends_with(".xes")) return EventLogFormat::xes;
  if (lower.ends_with(".csv")) return EventLogFormat::csv;
  return std::nullopt;
}

EventLogWriter::EventLogWriter(const std::string& path, EventLogFormat format, const analysis::sim::SimNetwork& net)
    : net_(net), format_(format), file_(path) {
  const auto& m = *net.model;
  activity_names_.resize(m.node_count());
  for (engine::NodeIndex n = 0; n < m.node_count(); ++n) {
    const auto& node = m.node(n);
    const std::string& name = node.name.empty() ? node.id : node.name;
    activity_names_[n] = format == EventLogFormat::xes ? escape_xml(name) : escape_csv(name);
  }
  for (const auto& p : net.pools) pool_names_.push_back(format == EventLogFormat::xes ? escape_xml(p.name) : escape_csv(p.name));
  if (format == EventLogFormat::csv) {
    buf_ = "case_id,activity,enable_time,start_time,end_time,resource\n";
    return;
  }
  buf_ =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
      "<log xes.version=\"1849-2016\" xes.features=\"nested-attributes\" xmlns=\"http://www.xes-standard.org/\">\n"
      "  <extension name=\"Concept\" prefix=\"concept\" uri=\"http://www.xes-standard.org/concept.xesext\"/>\n"
      "  <extension name=\"Lifecycle\" prefix=\"lifecycle\" uri=\"http://www.xes-standard.org/lifecycle.xesext\"/>\n"
      "  <extension name=\"Organizational\" prefix=\"org\" uri=\"http://www.xes-standard.org/org.xesext\"/>\n"
      "  <extension name=\"Time\" prefix=\"time\" uri=\"http://www.xes-standard.org/time.xesext\"/>\n"
      "  <extension name=\"Cost\" prefix=\"cost\" uri=\"http://www.xes-standard.org/cost.xesext\"/>\n"
      "  <global scope=\"trace\">\n"
      "    <string key=\"concept:name\" value=\"__INVALID__\"/>\n"
      "  </global>\n"
      "  <global scope=\"event\">\n"
      "    <string key=\"concept:name\" value=\"__INVALID__\"/>\n"
      "    <string key=\"lifecycle:transition\" value=\"complete\"/>\n"
      "    <date key=\"time:timestamp\" value=\"1970-01-01T00:00:00.000Z\"/>\n"
      "  </global>\n"
      "  <classifier name=\"Activity\" keys=\"concept:name\"/>\n"
      "  <classifier name=\"Activity and lifecycle\" keys=\"concept:name lifecycle:transition\"/>\n";
  std::string log_name = m.name().empty() ? m.source_path() : m.name();
  if (net.process < m.processes().size() && !m.processes()[net.process].name.empty()) {
    log_name = m.processes()[net.process].name;
  }
  buf_ += fmt::format("  <string key=\"concept:name\" value=\"{}\"/>\n", escape_xml(log_name));
  buf_ += "  <string key=\"lifecycle:model\" value=\"standard\"/>\n";
}

void EventLogWriter::case_started(std::uint64_t case_number, std::int64_t) {
  if (format_ == EventLogFormat::xes) open_[case_number];
}

void EventLogWriter::activity(const analysis::sim::ActivityRecord& r) {
  if (format_ == EventLogFormat::xes) {
    open_[r.case_number].push_back(r);
    return;
  }
  const auto& st = net_.start;
  buf_ += fmt::format("{},{},{},{},{},{}\n", r.case_number, activity_names_[r.node],
                      analysis::sim::format_timestamp(st, r.enabled), analysis::sim::format_timestamp(st, r.start),
                      analysis::sim::format_timestamp(st, r.end),
                      r.pool >= 0 ? pool_names_[static_cast<std::size_t>(r.pool)] : std::string());
  flush_if_large();
}

void EventLogWriter::case_completed(std::uint64_t case_number, std::int64_t) {
  if (format_ != EventLogFormat::xes) return;
  auto it = open_.find(case_number);
  if (it == open_.end()) return;
  // Events of a trace in time order: each activity's start and complete, ties in recording order.
  struct Item {
    std::int64_t time;
    std::size_t order;
    bool complete;
  };
  const auto& recs = it->second;
  std::vector<Item> items;
  items.reserve(recs.size() * 2);
  for (std::size_t i = 0; i < recs.size(); ++i) {
    items.push_back({recs[i].start, 2 * i, false});
    items.push_back({recs[i].end, 2 * i + 1, true});
  }
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return a.time != b.time ? a.time < b.time : a.order < b.order;
  });
  buf_ += fmt::format("  <trace>\n    <string key=\"concept:name\" value=\"{}\"/>\n", case_number);
  for (const Item& item : items) {
    const auto& r = recs[item.order / 2];
    buf_ += "    <event>\n";
    buf_ += fmt::format("      <string key=\"concept:name\" value=\"{}\"/>\n", activity_names_[r.node]);
    buf_ += fmt::format("      <string key=\"lifecycle:transition\" value=\"{}\"/>\n", item.complete ? "complete" : "start");
    if (r.pool >= 0) {
      buf_ += fmt::format("      <string key=\"org:resource\" value=\"{}\"/>\n", pool_names_[static_cast<std::size_t>(r.pool)]);
    }
    buf_ += fmt::format("      <date key=\"time:timestamp\" value=\"{}\"/>\n",
                        analysis::sim::format_timestamp(net_.start, item.time));
    if (item.complete) buf_ += fmt::format("      <float key=\"cost:total\" value=\"{:.4f}\"/>\n", r.cost_eur);
    buf_ += "    </event>\n";
  }
  buf_ += "  </trace>\n";
  open_.erase(it);
  flush_if_large();
}

void EventLogWriter::flush_if_large() {
  if (buf_.size() >= (1U << 16)) {
    file_.write(buf_);
    buf_.clear();
  }
}

void EventLogWriter::commit() {
  if (format_ == EventLogFormat::xes) buf_ += "</log>\n";
  file_.write(buf_);
  buf_.clear();
  file_.commit();
}

} // namespace lotse::reports
