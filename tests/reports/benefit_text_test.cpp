// SPDX-License-Identifier: MIT
// The "Nutzen" line of a measure in the Digitale-Agenda list: hours and euros can point in different
// directions when a measure moves work between Stellen with different cost rates.
#include "reports/emit_common.h"
#include "reports/sections/section_util.h"

#include <catch2/catch.hpp>

using lotse::engine::Lang;
using lotse::reports::MeasureRow;

namespace {
std::string benefit_text(const MeasureRow& m, Lang lang) {
  return lotse::reports::detail::plain_text(lotse::reports::sections::benefit_text(m, lang), lang);
}

MeasureRow row(double hours, double euros, double citizen_minutes = 0) {
  MeasureRow m;
  m.saved_hours_per_year = hours;
  m.saved_eur_per_year = euros;
  m.saved_citizen_minutes_per_case = citizen_minutes;
  return m;
}
} // namespace

TEST_CASE("benefit text of a measure in German and English", "[reports][measures]") {
  CHECK(benefit_text(row(125.4, 5432.1, 12.25), Lang::de) ==
        "Nutzen: 125 Stunden und 5.432 € pro Jahr in der Verwaltung; 12,3 Minuten je Fall für Bürgerinnen und Bürger.");
  CHECK(benefit_text(row(12.5, 510.0), Lang::en) == "Benefit: 12.5 hours and €510 per year in the administration.");
  CHECK(benefit_text(row(-3.0, -120.0), Lang::de) == "Mehraufwand in der Verwaltung: 3,0 Stunden und 120 € pro Jahr.");
}

TEST_CASE("more hours at a lower cost rate is extra work that costs less, not a negative Mehraufwand",
          "[reports][measures]") {
  // Ersetzendes Scannen with a town's Poststelle rate of 31,20 €/h: 1,2 h more, 11 € less.
  CHECK(benefit_text(row(-1.2, 11.0), Lang::de) ==
        "Mehraufwand in der Verwaltung: 1,2 Stunden pro Jahr, aber 11 € pro Jahr weniger Personalkosten "
        "(die Arbeit geht an eine Stelle mit niedrigerem Kostensatz).");
  CHECK(benefit_text(row(4.0, -35.0), Lang::en) ==
        "Benefit: 4.0 hours per year less in the administration, but €35 per year more staff cost "
        "(the work moves to a position with a higher cost rate).");
  // Euro amounts that round to 0 say nothing about the direction.
  CHECK(benefit_text(row(-1.0, 0.3), Lang::de) == "Mehraufwand in der Verwaltung: 1,0 Stunden und 0 € pro Jahr.");
  const std::string tiny = benefit_text(row(2.0, -0.2), Lang::de);
  CHECK(tiny.find("Nutzen: 2,0 Stunden") == 0);
  CHECK(tiny.find("mehr Personalkosten") == std::string::npos);
  CHECK(tiny.find("-") == std::string::npos);
}
