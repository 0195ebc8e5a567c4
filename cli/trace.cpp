// SPDX-License-Identifier: MIT
#include "cli/trace.h"

#include <spdlog/sinks/ostream_sink.h>

namespace lotse::cli {

std::shared_ptr<spdlog::logger> make_trace_logger(std::ostream& err) {
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(err, true);
  auto logger = std::make_shared<spdlog::logger>("lotse", std::move(sink));
  logger->set_pattern("[lotse -v] %v");
  logger->set_level(spdlog::level::off);
  return logger;
}

void enable_trace(Session& s) {
  if (s.trace && s.verbose) s.trace->set_level(spdlog::level::info);
}

} // namespace lotse::cli
