// SPDX-License-Identifier: MIT
// `lotse analyze IST --soll SOLL`: the comparison in JSON (figures equal the two single reports'),
// German and English Markdown, the file name <ist>-vergleich.<ext>, every document format written, and
// exit 2 with a German message for two Ist inputs.
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

using lotse::test::lotse_run;
using lotse::test::sample;

namespace {

double total_hours(const nlohmann::json& file) {
  double h = 0;
  for (const auto& p : file["processes"]) h += p["hours_per_year"].get<double>();
  return h;
}

} // namespace

TEST_CASE("analyze --soll gives the comparison JSON with the single reports' figures", "[cli][compare]") {
  const auto r = lotse_run({"analyze", sample("hundesteuer.bpmn"), "--soll", sample("hundesteuer-digital.bpmn"), "--format",
                            "json", "-o", "-", "-q"});
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.contains("comparison"));
  const auto& c = j["comparison"];
  CHECK(c["ist_file"] == "hundesteuer.bpmn");
  CHECK(c["soll_file"] == "hundesteuer-digital.bpmn");
  CHECK(c["lead_time_days"].is_null());
  const auto ist = nlohmann::json::parse(lotse_run({"analyze", sample("hundesteuer.bpmn"), "--format", "json", "-o", "-"}).out);
  const auto soll =
      nlohmann::json::parse(lotse_run({"analyze", sample("hundesteuer-digital.bpmn"), "--format", "json", "-o", "-"}).out);
  CHECK(c["hours_per_year"]["ist"].get<double>() == Approx(total_hours(ist)).margin(0.01));
  CHECK(c["hours_per_year"]["soll"].get<double>() == Approx(total_hours(soll)).margin(0.01));
  CHECK(c["hours_per_year"]["delta"].get<double>() == Approx(total_hours(soll) - total_hours(ist)).margin(0.01));
  CHECK(c["media_breaks"]["removed"].size() == ist["processes"][0]["media_breaks"].size());
  CHECK(c["media_breaks"]["kept"].empty());
  CHECK(c["media_breaks"]["added"].empty());
  CHECK(c["by_role"].size() >= 4);
}

TEST_CASE("analyze --soll writes <ist>-vergleich in every format", "[cli][compare]") {
  lotse::test::TempDir dir("compare");
  const auto out = (dir.path / "berichte").string();
  const auto r = lotse_run({"analyze", sample("hundesteuer.bpmn"), "--soll", sample("hundesteuer-digital.bpmn"), "--format",
                            "md,html,json,csv,docx,xlsx,pdf,poster", "-o", out, "-q"});
  REQUIRE(r.code == 0);
  for (const char* ext : {"md", "html", "json", "csv", "docx", "xlsx", "pdf", "poster.pdf"}) {
    const auto file = std::filesystem::path(out) / (std::string("hundesteuer-vergleich.") + ext);
    INFO(file);
    CHECK(std::filesystem::file_size(file) > 500);
  }
}

TEST_CASE("analyze --soll in German and English Markdown", "[cli][compare]") {
  const auto de = lotse_run({"analyze", sample("hundesteuer.bpmn"), "--soll", sample("hundesteuer-digital.bpmn"), "-o", "-"});
  REQUIRE(de.code == 0);
  CHECK(de.out.find("# Ist/Soll-Vergleich: ") == 0);
  CHECK(de.out.find("entfällt") != std::string::npos);
  CHECK(de.out.find("Steueramt") != std::string::npos);
  const auto en = lotse_run(
      {"analyze", sample("hundesteuer.bpmn"), "--soll", sample("hundesteuer-digital.bpmn"), "-o", "-", "--lang", "en"});
  REQUIRE(en.code == 0);
  CHECK(en.out.find("# As-is/to-be comparison: ") == 0);
  CHECK(en.out.find("removed") != std::string::npos);
}

TEST_CASE("analyze --soll with two Ist inputs is a usage error", "[cli][compare]") {
  const auto r = lotse_run({"analyze", sample("hundesteuer.bpmn"), sample("gewerbeanmeldung.bpmn"), "--soll",
                            sample("hundesteuer-digital.bpmn"), "-o", "-"});
  CHECK(r.code == 2);
  CHECK(r.err.find("genau ein Ist-Modell") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("analyze --soll with an unreadable Soll model exits 65", "[cli][compare]") {
  const auto r = lotse_run({"analyze", sample("hundesteuer.bpmn"), "--soll", "/nonexistent/soll.bpmn", "-o", "-", "-q"});
  CHECK(r.code == 65);
  CHECK(r.out.empty());
}
