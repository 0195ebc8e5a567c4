// SPDX-License-Identifier: MIT
// Issue #9.7: lead times under one day print in hours or minutes, not as "0,0 Tage"; one formatting
// function (reports/sections/section_util.h) used by every report sentence and table cell.
#include "reports/sections/section_util.h"
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using namespace lotse::reports;

TEST_CASE("a lead time picks days from two days, hours from two hours, minutes below, as simulate does",
          "[reports][lead-time]") {
  using sections::TimeScale;
  CHECK(sections::time_scale(17.8) == TimeScale::days);
  CHECK(sections::time_scale(2.0) == TimeScale::days);
  CHECK(sections::time_scale(1.27) == TimeScale::hours);
  CHECK(sections::time_scale(2.0 / 24.0) == TimeScale::hours);
  CHECK(sections::time_scale(42.5 / 1440.0) == TimeScale::minutes);
  const auto h = sections::duration(1.27, TimeScale::hours);
  CHECK(h.unit == doc::Unit::hours);
  CHECK(h.value == Approx(30.48));
  const auto m = sections::duration(42.5 / 1440.0, TimeScale::minutes);
  CHECK(m.unit == doc::Unit::minutes);
  CHECK(m.value == Approx(42.5));
  const auto& de = texts(lotse::engine::Lang::de);
  CHECK(sections::unit_word(TimeScale::minutes, de) == "Minuten");
  const auto text = sections::duration_text(0.01, de);
  REQUIRE(text.size() == 2);
  CHECK(text[0].value == Approx(14.4));
  CHECK(text[1].text == " Minuten");
}

TEST_CASE("the PICTURE sample's lead time prints in hours and minutes, never as 0,0 Tage", "[reports][lead-time][cli]") {
  const auto sample = lotse::test::sample("bewohnerparkausweis.picture-bpmn.bpmn");
  const auto md = lotse::test::lotse_run({"analyze", sample, "--lead-time", "-o", "-", "-q"});
  REQUIRE(md.code == 0);
  CHECK(md.out.find("0,0 Tage") == std::string::npos);
  const auto json = lotse::test::lotse_run({"analyze", sample, "--lead-time", "--format", "json", "-o", "-", "-q"});
  REQUIRE(json.code == 0);
  const auto lt = nlohmann::json::parse(json.out)["lead_time"];
  REQUIRE(lt["p50_days"].get<double>() < 2.0 / 24.0);  // the median case takes minutes
  REQUIRE(lt["mean_days"].get<double>() < 2.0);       // the mean (Liegezeit of some cases) hours
  const auto at = md.out.find("Durchlaufzeit (Simulation): im Mittel ");
  REQUIRE(at != std::string::npos);
  const auto sentence = md.out.substr(at, md.out.find('\n', at) - at);
  INFO(sentence);
  CHECK(sentence.find(" Stunden, Median ") != std::string::npos);
  CHECK(sentence.find(" Minuten, 90 % der Fälle") != std::string::npos);
  CHECK(md.out.find("(95-%-Konfidenzintervall des Mittelwerts ± ") != std::string::npos);
}

TEST_CASE("the Ist/Soll comparison prints its lead times with the same function: one unit per row, the card in its own",
          "[reports][lead-time][compare]") {
  const std::vector<std::string> args = {"analyze", lotse::test::sample("hundesteuer.bpmn"), "--soll",
                                         lotse::test::sample("hundesteuer-digital.bpmn"), "--lead-time", "-o", "-", "-q"};
  const auto md = lotse::test::lotse_run(args);
  REQUIRE(md.code == 0);
  CHECK(md.out.find("| Durchlaufzeit (Tage, Mittel der Simulation) | 17,8 | 0,9 | -16,9 |") != std::string::npos);
  auto html_args = args;
  html_args.insert(html_args.end(), {"--format", "html"});
  const auto html = lotse::test::lotse_run(html_args);
  REQUIRE(html.code == 0);
  // The Soll's 0,9 days on its own card: under two days, so in hours.
  CHECK(html.out.find("Stunden</div><div class=\"l\">Durchlaufzeit im Soll") != std::string::npos);
}
