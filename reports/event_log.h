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

#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string_view>
#include <string>
#include <unordered_map>
#include <vector>

namespace lotse::reports {

/// The log goes through the one output writer (reports/output.h): temp file + rename, special files
/// written directly, temp file removed on failure and on SIGINT/SIGTERM.
using StreamingFile = OutputFile;

enum class EventLogFormat { xes, csv };

/// CSV conventions: `standard` = RFC 4180 with commas and ISO 8601 times, as process-mining tools read
/// it (BIMP, Prosimos, pm4py); `excel_de` = what German Excel and LibreOffice open by double click:
/// UTF-8 byte order mark, `;` between fields, local times "2026-01-05 08:00:00", decimal comma.
enum class CsvDialect { standard, excel_de };

/// "standard" or "excel-de"; nullopt for anything else.
[[nodiscard]] std::optional<CsvDialect> csv_dialect(std::string_view name);

/// Picks the format from the file name (.xes or .csv, any case); nullopt for anything else.
[[nodiscard]] std::optional<EventLogFormat> event_log_format(std::string_view path);

/// Thrown by EventLogWriter when the log would exceed its size limit (the run stops; nothing is written).
struct EventLogTooLarge : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// An EventSink writing a log; call commit() after the run. Names are cut to
/// analysis::sim::max_name_bytes; `max_bytes` (0 = none) bounds the whole log.
class EventLogWriter : public analysis::sim::EventSink {
public:
  EventLogWriter(const std::string& path, EventLogFormat format, const analysis::sim::SimNetwork& net,
                 std::uint64_t max_bytes = 0, CsvDialect dialect = CsvDialect::standard);
  /// Writes to a stream (standard output for `--log -`) instead of a file.
  EventLogWriter(std::ostream& out, EventLogFormat format, const analysis::sim::SimNetwork& net,
                 std::uint64_t max_bytes = 0, CsvDialect dialect = CsvDialect::standard);
  void case_started(std::uint64_t case_number, std::int64_t time) override;
  void activity(const analysis::sim::ActivityRecord& r) override;
  void case_completed(std::uint64_t case_number, std::int64_t time) override;
  /// Finishes the document and renames the file into place.
  void commit();
  /// Bytes produced so far (for a progress display).
  [[nodiscard]] std::uint64_t bytes_written() const { return written_ + buf_.size(); }

private:
  void begin();
  void flush_if_large();
  void write_buffer();
  [[nodiscard]] std::string time_text(std::int64_t sim_ms) const;
  const analysis::sim::SimNetwork& net_;
  EventLogFormat format_;
  CsvDialect dialect_;
  std::unique_ptr<StreamingFile> file_;
  std::ostream* stream_ = nullptr;
  std::string buf_;
  std::uint64_t max_bytes_ = 0, written_ = 0;
  std::vector<std::string> activity_names_, pool_names_;  // escaped once
  std::unordered_map<std::uint64_t, std::vector<analysis::sim::ActivityRecord>> open_;  // XES: per case
};

} // namespace lotse::reports
