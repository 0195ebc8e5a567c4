// SPDX-License-Identifier: MIT
// Catch2 main. The tester's locale must not change what `lotse` prints (LANG=en* selects English,
// cli/cli_texts.h), so the locale variables are cleared before any test runs; tests that need one
// set it themselves. Tests that build an AnalysisContext themselves get the shipped data set of this
// source tree as the process default (analysis::set_default_data_set); the CLI run in-process finds it
// on its own (cli/data_location.h), and tests with their own tables set DataSetOption on the context.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "analysis/data_set.h"

#include <cstdlib>

int main(int argc, char* argv[]) {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) ::unsetenv(var);
  lotse::analysis::set_default_data_set(lotse::analysis::load_data_set(LOTSE_SOURCE_DIR "/data"));
  return Catch::Session().run(argc, argv);
}
