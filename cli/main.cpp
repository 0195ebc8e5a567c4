// SPDX-License-Identifier: MIT
// Entry point of `lotse`: everything testable lives in cli::run.
#include "cli/run.h"

#include <iostream>

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return lotse::cli::run(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
