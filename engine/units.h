// SPDX-License-Identifier: MIT
// Units in types: durations are integer milliseconds, money is integer cents, probabilities and
// case volumes are strong types. No double time anywhere in the model (house style 3.2.4).
#pragma once

#include <chrono>
#include <cmath>
#include <cstdint>

namespace lotse::engine {

/// A duration in integer milliseconds (the model's and the simulator's time unit).
using Duration = std::chrono::duration<std::int64_t, std::milli>;

/// Converts minutes (possibly fractional) to a Duration, rounded to the nearest millisecond.
[[nodiscard]] inline Duration from_minutes(double minutes) {
  return Duration{static_cast<std::int64_t>(std::llround(minutes * 60000.0))};
}
/// Converts seconds (possibly fractional) to a Duration, rounded to the nearest millisecond.
[[nodiscard]] inline Duration from_seconds(double seconds) {
  return Duration{static_cast<std::int64_t>(std::llround(seconds * 1000.0))};
}
/// Minutes as a double, for figures (never for time arithmetic inside the simulator).
[[nodiscard]] inline double to_minutes(Duration d) { return static_cast<double>(d.count()) / 60000.0; }
/// Seconds as a double.
[[nodiscard]] inline double to_seconds(Duration d) { return static_cast<double>(d.count()) / 1000.0; }

/// Money in integer euro cents.
struct Money {
  std::int64_t cents = 0;
  [[nodiscard]] static Money from_euros(double euros) {
    return Money{static_cast<std::int64_t>(std::llround(euros * 100.0))};
  }
  [[nodiscard]] double euros() const { return static_cast<double>(cents) / 100.0; }
  friend bool operator==(Money, Money) = default;
};

/// A wage or cost rate in euro cents per hour ("Kostensatz").
struct HourlyRate {
  std::int64_t cents_per_hour = 0;
  [[nodiscard]] static HourlyRate from_euros(double euros_per_hour) {
    return HourlyRate{static_cast<std::int64_t>(std::llround(euros_per_hour * 100.0))};
  }
  [[nodiscard]] double euros_per_hour() const { return static_cast<double>(cents_per_hour) / 100.0; }
  friend bool operator==(HourlyRate, HourlyRate) = default;
};

/// A probability in [0, 1] (importers convert percentages).
struct Probability {
  double value = 1.0;
  friend bool operator==(Probability, Probability) = default;
};

/// Cases per year ("Fallzahl").
struct CasesPerYear {
  double value = 0.0;
  friend bool operator==(CasesPerYear, CasesPerYear) = default;
};

} // namespace lotse::engine
