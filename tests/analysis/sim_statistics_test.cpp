// SPDX-License-Identifier: MIT
// Student-t quantiles for the confidence intervals against published table values (four decimals,
// e.g. NIST/SEMATECH e-Handbook table 1.3.6.7.2): the old hand-made table gave 2.021 for 31..40
// degrees of freedom, where t(0.975, 31) = 2.0395.
#include "analysis/sim/statistics.h"

#include <catch2/catch.hpp>

using lotse::analysis::sim::student_t975;

TEST_CASE("Student-t 97.5 % quantiles match the table", "[sim][statistics]") {
  const std::pair<int, double> known[] = {{1, 12.7062}, {2, 4.3027},  {3, 3.1824},  {4, 2.7764},  {9, 2.2622},
                                          {10, 2.2281}, {20, 2.0860}, {30, 2.0423}, {31, 2.0395}, {32, 2.0369},
                                          {35, 2.0301}, {38, 2.0244}, {40, 2.0211}, {60, 2.0003}, {100, 1.9840},
                                          {120, 1.9799}};
  for (const auto& [df, t] : known) {
    INFO("df = " << df);
    CHECK(student_t975(df) == Approx(t).margin(0.00006));
  }
  CHECK(student_t975(100'000) == Approx(1.95998).margin(0.0001));
  CHECK(student_t975(0) == 0);
}
