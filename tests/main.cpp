// SPDX-License-Identifier: MIT
// Catch2 main. The tester's locale must not change what `lotse` prints (LANG=en* selects English,
// cli/cli_texts.h), so the locale variables are cleared before any test runs; tests that need one
// set it themselves.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char* argv[]) {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) ::unsetenv(var);
  return Catch::Session().run(argc, argv);
}
