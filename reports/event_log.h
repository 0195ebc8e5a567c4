// SPDX-License-Identifier: MIT
// Event logs of a simulation run, streamed while the kernel runs (memory bounded by the cases in
// flight): XES (IEEE 1849-2016; concept, lifecycle, org, time and cost extensions; one trace per case,
// start/complete events in time order) for ProM, pm4py and Disco, and the BIMP/Prosimos CSV
// `case_id,activity,enable_time,start_time,end_time,resource`. Written to a temporary file in the target
// folder and renamed by commit(), so a reader never sees half a log.
#pragma once

#include "analysis/sim/event_sink.h"
#include "analysis/sim/network.h"
#include "reports/output.h"

#include <cstdio>
#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <unordered_map>
#include <vector>

namespace lotse::reports {

/// The log goes through the one output writer (reports/output.h): temp file + rename, special files
/// written directly, temp file removed on failure and on SIGINT/SIGTERM.
using StreamingFile = OutputFile;

enum class EventLogFormat { xes, csv };

/// Picks the format from the file name (.xes or .csv, any case); nullopt for anything else.
[[nodiscard]] std::optional<EventLogFormat> event_log_format(std::string_view path);

/// An EventSink writing a log; call commit() after the run.
class EventLogWriter : public analysis::sim::EventSink {
public:
  EventLogWriter(const std::string& path, EventLogFormat format, const analysis::sim::SimNetwork& net);
  void case_started(std::uint64_t case_number, std::int64_t time) override;
  void activity(const analysis::sim::ActivityRecord& r) override;
  void case_completed(std::uint64_t case_number, std::int64_t time) override;
  /// Finishes the document and renames the file into place.
  void commit();

private:
  void flush_if_large();
  const analysis::sim::SimNetwork& net_;
  EventLogFormat format_;
  StreamingFile file_;
  std::string buf_;
  std::vector<std::string> activity_names_, pool_names_;  // escaped once
  std::unordered_map<std::uint64_t, std::vector<analysis::sim::ActivityRecord>> open_;  // XES: per case
};

} // namespace lotse::reports
