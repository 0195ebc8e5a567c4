// SPDX-License-Identifier: MIT
#include "analysis/sim/random.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace lotse::analysis::sim;
using lotse::engine::DistKind;
using lotse::engine::Distribution;

TEST_CASE("xoshiro256** reproduces the reference output for state {1,2,3,4}", "[sim][random]") {
  // Reference values of the authors' C implementation (also used by rand_xoshiro's tests).
  RandomStream r(1, 2, 3, 4);
  const std::vector<std::uint64_t> expected{11520ULL, 0ULL, 1509978240ULL, 1215971899390074240ULL,
                                            1216172134540287360ULL, 607988272756665600ULL,
                                            16172922978634559625ULL, 8476171486693032832ULL,
                                            10595114339597558777ULL, 2904607092377533576ULL};
  for (const auto e : expected) CHECK(r.next() == e);
}

TEST_CASE("splitmix64 reproduces the reference output for seed 0", "[sim][random]") {
  std::uint64_t state = 0;
  CHECK(splitmix64(state) == 0xe220a8397b1dcdafULL);
  CHECK(splitmix64(state) == 0x6e789e6aa1b965f4ULL);
}

TEST_CASE("streams differ by seed, replication and purpose and repeat for the same triple", "[sim][random]") {
  auto a = RandomStream::for_stream(7, 0, Purpose::durations);
  auto b = RandomStream::for_stream(7, 0, Purpose::durations);
  auto c = RandomStream::for_stream(7, 1, Purpose::durations);
  auto d = RandomStream::for_stream(7, 0, Purpose::routing);
  auto e = RandomStream::for_stream(8, 0, Purpose::durations);
  const auto x = a.next();
  CHECK(x == b.next());
  CHECK(x != c.next());
  CHECK(x != d.next());
  CHECK(x != e.next());
}

TEST_CASE("a seeded stream gives a fixed sequence of draws on every platform", "[sim][random]") {
  // Golden values: if these change, every simulated figure of every user changes.
  auto r = RandomStream::for_stream(42, 0, Purpose::durations);
  CHECK(r.next() == 11664185179152072184ULL);
  CHECK(r.exponential(600.0) == Approx(1119.9282508863207).epsilon(1e-12));
  CHECK(r.standard_normal() == Approx(1.3621548022513463).epsilon(1e-12));
}

namespace {

struct Moments {
  double mean = 0, var = 0, min = 1e300;
};

Moments moments(const Distribution& d, int n = 200'000) {
  auto r = RandomStream::for_stream(2026, 3, Purpose::durations);
  double s = 0, ss = 0, mn = 1e300;
  for (int i = 0; i < n; ++i) {
    const double x = r.sample(d);
    s += x;
    ss += x * x;
    mn = std::min(mn, x);
  }
  const double mean = s / n;
  return {mean, ss / n - mean * mean, mn};
}

} // namespace

TEST_CASE("every distribution has the mean and variance of its parameters", "[sim][random]") {
  struct Case {
    Distribution d;
    double mean, var;
  };
  const std::vector<Case> cases{
      {{DistKind::fixed, 90, 0, 0, {}}, 90, 0},
      {{DistKind::exponential, 600, 0, 0, {}}, 600, 360000},
      {{DistKind::normal, 600, 120, 0, {}}, 600, 14400},
      {{DistKind::lognormal, 600, 300, 0, {}}, 600, 90000},
      {{DistKind::uniform, 100, 500, 0, {}}, 300, 400.0 * 400 / 12},
      {{DistKind::triangular, 60, 120, 300, {}}, 160, (60.0 * 60 + 120 * 120 + 300 * 300 - 60 * 120 - 60 * 300 - 120 * 300) / 18},
      {{DistKind::gamma, 2.5, 200, 0, {}}, 500, 2.5 * 200 * 200},
      {{DistKind::gamma, 0.5, 400, 0, {}}, 200, 0.5 * 400 * 400},
      {{DistKind::erlang, 3, 900, 0, {}}, 900, 900.0 * 900 / 3},
      {{DistKind::histogram, 0, 0, 0, {{0.25, 0, 100}, {0.75, 100, 200}}}, 125, 0.25 * 10000.0 / 3 + 0.75 * 70000.0 / 3 - 125.0 * 125},
  };
  for (const auto& c : cases) {
    INFO("distribution " << std::string(lotse::engine::dist_kind_name(c.d.kind)) << " p1=" << c.d.p1);
    const Moments m = moments(c.d);
    CHECK(m.mean == Approx(c.mean).epsilon(0.01));
    if (c.var == 0) {
      CHECK(m.var == Approx(0).margin(1e-6));
    } else {
      CHECK(m.var == Approx(c.var).epsilon(0.03));
    }
    CHECK(m.min >= 0);
  }
}

TEST_CASE("a normal time with a large spread is redrawn, never negative", "[sim][random]") {
  const Moments m = moments({DistKind::normal, 100, 100, 0, {}}, 50'000);
  CHECK(m.min >= 0);
  CHECK(m.mean > 100);  // truncation at 0 shifts the mean up (documented)
}

TEST_CASE("invalid distribution parameters are named", "[sim][random]") {
  CHECK(check_distribution({DistKind::uniform, 5, 1, 0, {}}) == "max below min");
  CHECK(check_distribution({DistKind::gamma, 0, 1, 0, {}}) == "shape and scale must be positive");
  CHECK(check_distribution({DistKind::exponential, std::nan(""), 0, 0, {}}) == "parameter is not a number");
  CHECK(check_distribution({DistKind::triangular, 1, 2, 3, {}}).empty());
}
