// SPDX-License-Identifier: MIT
// Traces of `-v` through spdlog: one logger per run writing to the session's stderr stream, off unless
// --verbose is given. Traces say what a run did and how long it took (data set, import, each pass,
// each output); they are for the person who asks why a run is slow or which tables it used, never
// a second channel for findings (those are diagnostics).
#pragma once

#include "cli/commands.h"
#include "engine/utf8.h"

#include <fmt/format.h>
#include <spdlog/logger.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <memory>
#include <ostream>
#include <utility>

namespace lotse::cli {

/// A logger writing "[lotse -v] message" lines to `err`, level off (enable_trace switches it on).
[[nodiscard]] std::shared_ptr<spdlog::logger> make_trace_logger(std::ostream& err);

/// Switches the session's traces on when --verbose was given (called after parsing).
void enable_trace(Session& s);

/// One trace line, formatted with fmt (no-op when traces are off).
/// A file name for a trace or a progress line: display_name, then escape_controls.
[[nodiscard]] inline std::string shown(std::string_view path) { return engine::escape_controls(engine::display_name(path)); }

template <typename... Args>
void trace(Session& s, spdlog::format_string_t<Args...> fmt, Args&&... args) {
  if (s.trace && s.verbose) s.trace->info(fmt, std::forward<Args>(args)...);
}

/// Milliseconds since `t0` as "2,3 ms" (German) or "2.3 ms".
[[nodiscard]] inline std::string ms_since(const Session& s, std::chrono::steady_clock::time_point t0) {
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::string text = fmt::format("{:.1f} ms", ms);
  if (s.lang == engine::Lang::de) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

} // namespace lotse::cli
