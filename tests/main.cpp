// SPDX-License-Identifier: MIT
// Catch2 runner. Tests that build an AnalysisContext themselves get the shipped data set of this source
// tree as the process default (analysis::set_default_data_set); the CLI run in-process finds it on its
// own (cli/data_location.h), and tests with their own tables set DataSetOption on the context.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "analysis/data_set.h"

int main(int argc, char* argv[]) {
  lotse::analysis::set_default_data_set(lotse::analysis::load_data_set(LOTSE_SOURCE_DIR "/data"));
  return Catch::Session().run(argc, argv);
}
