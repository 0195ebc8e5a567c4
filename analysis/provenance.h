// SPDX-License-Identifier: MIT
// Provenance: every figure says where it comes from — the model (with file:line), a default table
// (name, year), the scenario (command line), or a computation.
#pragma once

#include "engine/source_file.h"

#include <string>

namespace lotse::analysis {

enum class Origin { model, default_table, scenario, computed, missing };

struct Provenance {
  Origin origin = Origin::missing;
  std::string label_de;      ///< e.g. "Standardwert (StBA 2025), Zeitwerttabelle Verwaltung Nr. 5, mittel"
  std::string label_en;      ///< e.g. "default (StBA 2025), administration time table no. 5, medium"
  engine::SourceLocation at; ///< where in the model, for Origin::model
};

/// A statement about how figures were obtained, listed under "Annahmen" in reports.
struct Assumption {
  std::string text_de;
  std::string text_en;
};

} // namespace lotse::analysis
