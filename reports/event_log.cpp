// SPDX-License-Identifier: MIT
#include "reports/event_log.h"
#include "reports/output_check.h"

#include "analysis/sim/bounds.h"
#include "analysis/sim/calendar.h"
#include "reports/escape.h"

#include <algorithm>
#include <cerrno>
#include <system_error>
#include <cctype>
#include <fmt/format.h>

namespace lotse::reports {

std::optional<EventLogFormat> event_log_format(std::string_view path) {
  std::string lower(path);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.ends_with(".xes")) return EventLogFormat::xes;
  if (lower.ends_with(".csv")) return EventLogFormat::csv;
  return std::nullopt;
}

std::optional<CsvDialect> csv_dialect(std::string_view name) {
  if (name == "standard") return CsvDialect::standard;
  if (name == "excel-de") return CsvDialect::excel_de;
  return std::nullopt;
}

EventLogWriter::EventLogWriter(const std::string& path, EventLogFormat format, const analysis::sim::SimNetwork& net,
                               std::uint64_t max_bytes, CsvDialect dialect)
    : net_(net), format_(format), dialect_(dialect), file_(std::make_unique<StreamingFile>(path)), max_bytes_(max_bytes) {
  begin();
}

EventLogWriter::EventLogWriter(std::ostream& out, EventLogFormat format, const analysis::sim::SimNetwork& net,
                               std::uint64_t max_bytes, CsvDialect dialect)
    : net_(net), format_(format), dialect_(dialect), stream_(&out), max_bytes_(max_bytes) {
  begin();
}

std::string EventLogWriter::time_text(std::int64_t sim_ms) const {
  if (format_ == EventLogFormat::csv && dialect_ == CsvDialect::excel_de) return analysis::sim::format_local_time(net_.start, sim_ms);
  return analysis::sim::format_timestamp(net_.start, sim_ms);
}

void EventLogWriter::begin() {
  const auto& net = net_;
  const auto format = format_;
  const char sep = dialect_ == CsvDialect::excel_de ? ';' : ',';
  const auto& m = *net.model;
  activity_names_.resize(m.node_count());
  for (engine::NodeIndex n = 0; n < m.node_count(); ++n) {
    const auto& node = m.node(n);
    const std::string name = analysis::sim::bounded_text(node.name.empty() ? node.id : node.name);
    activity_names_[n] = format == EventLogFormat::xes ? escape_xml(name) : escape_csv(name, sep);
  }
  for (const auto& p : net.pools) {
    const std::string name = analysis::sim::bounded_text(p.name);
    pool_names_.push_back(format == EventLogFormat::xes ? escape_xml(name) : escape_csv(name, sep));
  }
  if (format == EventLogFormat::csv) {
    buf_ = dialect_ == CsvDialect::excel_de ? "\xEF\xBB\xBF" : "";
    buf_ += fmt::format("case_id{0}activity{0}enable_time{0}start_time{0}end_time{0}resource\n", sep);
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
  buf_ += fmt::format("  <string key=\"concept:name\" value=\"{}\"/>\n", escape_xml(analysis::sim::bounded_text(log_name)));
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
  const char sep = dialect_ == CsvDialect::excel_de ? ';' : ',';
  buf_ += fmt::format("{1}{0}{2}{0}{3}{0}{4}{0}{5}{0}{6}\n", sep, r.case_number, activity_names_[r.node], time_text(r.enabled),
                      time_text(r.start), time_text(r.end),
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
  if (buf_.size() >= (1U << 16)) write_buffer();
}

void EventLogWriter::write_buffer() {
  check_output_text(buf_, format_ == EventLogFormat::xes ? OutputText::markup : OutputText::plain, "event log");
  written_ += buf_.size();
  if (max_bytes_ > 0 && written_ > max_bytes_) throw EventLogTooLarge(std::to_string(max_bytes_));
  if (file_) {
    file_->write(buf_);
  } else if (stream_ && !stream_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()))) {
    throw std::system_error(EIO, std::generic_category(), "-");
  }
  buf_.clear();
}

void EventLogWriter::commit() {
  if (format_ == EventLogFormat::xes) buf_ += "</log>\n";
  write_buffer();
  if (file_) file_->commit();
  if (stream_) stream_->flush();
}

} // namespace lotse::reports
