// SPDX-License-Identifier: MIT
// `lotse formats` and `lotse passes`: what the registries hold.
#include "cli/commands.h"

#include "analysis/registry.h"
#include "importers/importer.h"

#include <ostream>

namespace lotse::cli {

Action add_formats(CLI::App& app, Session& s) {
  auto* sub = app.add_subcommand("formats", "Unterstützte Eingabeformate auflisten (list input formats)");
  add_common_options(*sub, s);
  return [&s]() {
    for (const auto& i : importers::all_importers()) {
      s.out << i.id << "\t" << i.name << "\t" << i.extensions << "\n";
    }
    return ExitCode::ok;
  };
}

Action add_passes(CLI::App& app, Session& s) {
  auto* sub = app.add_subcommand("passes", "Analyseschritte auflisten (list analysis passes)");
  add_common_options(*sub, s);
  return [&s]() {
    for (const auto& p : analysis::all_passes()) {
      s.out << p.id << "\t" << (s.lang == engine::Lang::de ? p.title_de : p.title_en) << "\n";
    }
    return ExitCode::ok;
  };
}

} // namespace lotse::cli
