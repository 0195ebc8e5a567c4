// SPDX-License-Identifier: MIT
// Reading a versioned data file (lexicon, measures catalogue) as one JSON object: an unreadable file
// is MED-… "unreadable", broken JSON a note with the line:column where it broke; never throws.
#pragma once

#include "engine/diagnostics.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace lotse::analysis {

/// The JSON object in `path`, or none with a diagnostic in `notes` (file unreadable, not JSON, not an object).
[[nodiscard]] std::optional<nlohmann::json> read_data_json(const std::string& path, engine::Diagnostics& notes);

} // namespace lotse::analysis
