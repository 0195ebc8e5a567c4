// SPDX-License-Identifier: MIT
#include "analysis/data_json.h"

#include "engine/source_file.h"

#include <fstream>
#include <sstream>

namespace lotse::analysis {

std::optional<nlohmann::json> read_data_json(const std::string& path, engine::Diagnostics& notes) {
  using nlohmann::json;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    notes.add(engine::DiagId::med_data_unreadable, path, {}, "", {path});
    return std::nullopt;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  const std::string bytes = buf.str();
  json j = json::parse(bytes, nullptr, false);
  if (!j.is_discarded() && j.is_object()) return j;
  // Parse again with exceptions only to learn where it broke (the byte offset gives line:column).
  std::string what = "no JSON object";
  engine::SourceLocation at{};
  try {
    const json again = json::parse(bytes);
    what = again.is_object() ? what : "no JSON object";
  } catch (const json::parse_error& e) {
    what = e.what();
    at = engine::SourceFile(path, bytes).locate(e.byte > 0 ? e.byte - 1 : 0);
  }
  notes.add(engine::DiagId::med_data_invalid, path, at, "", {what});
  return std::nullopt;
}

} // namespace lotse::analysis
