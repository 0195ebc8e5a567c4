// SPDX-License-Identifier: MIT
// `lotse analyze --format csv` (#15.4): every table of the report as CSV, numbers plain so a spreadsheet
// reads them as numbers, the measure package's total equal to the JSON's, excel-de with BOM, ";" and
// decimal comma, and no cell that starts a formula from model text.
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using lotse::test::lotse_run;

namespace {

/// The line of `csv` that starts with `prefix` (without the line end), empty when none.
std::string line_starting(const std::string& csv, const std::string& prefix) {
  std::istringstream in(csv);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind(prefix, 0) == 0) return line;
  }
  return {};
}

} // namespace

TEST_CASE("analyze --format csv writes every table with plain numbers and the package total of the JSON", "[reports][csv]") {
  const std::string sample = lotse::test::sample("hundesteuer.bpmn");
  const auto csv = lotse_run({"analyze", sample, "--format", "csv", "-o", "-"});
  const auto json = lotse_run({"analyze", sample, "--format", "json", "-o", "-"});
  REQUIRE(csv.code == 0);
  REQUIRE(json.code == 0);
  const auto j = nlohmann::json::parse(json.out);
  const auto& p = j["processes"][0];
  // Tables named by their headings, each with header and unit rows.
  CHECK(csv.out.rfind("\xEF\xBB\xBF", 0) != 0);
  CHECK(csv.out.find("Nr.,Baustein/Aufgabe,Art,Grund,Anteil,Minuten pro Jahr,Fundstelle\r\n,,,,%,min,\r\n") != std::string::npos);
  // One row per media break, numbered 1..n.
  for (std::size_t k = 1; k <= p["media_breaks"].size(); ++k) CHECK_FALSE(line_starting(csv.out, std::to_string(k) + ",").empty());
  // The package total row: hours and euros as in the JSON, as plain numbers.
  const std::string total = line_starting(csv.out, ",Paket gesamt");
  REQUIRE_FALSE(total.empty());
  // Hours (one decimal) and euros (whole) as in the report, within their rounding of the JSON figures.
  const auto fields = [](std::string line, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t pos; (pos = line.find(sep, start)) != std::string::npos; start = pos + 1) out.push_back(line.substr(start, pos - start));
    out.push_back(line.substr(start));
    return out;
  };
  const auto f = fields(total, ',');
  REQUIRE(f.size() == 8);
  CHECK(std::stod(f[3]) == Approx(p["package"]["saved_hours_per_year"].get<double>()).margin(0.051));
  CHECK(std::stod(f[4]) == Approx(p["package"]["saved_eur_per_year"].get<double>()).margin(0.51));
  CHECK(std::stod(f[5]) == Approx(p["package"]["saved_citizen_minutes_per_case"].get<double>()).margin(0.051));

  const auto de = lotse_run({"analyze", sample, "--format", "csv", "--csv-dialect", "excel-de", "-o", "-"});
  REQUIRE(de.code == 0);
  CHECK(de.out.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(de.out.find("Nr.;Baustein/Aufgabe;Art;Grund;Anteil;Minuten pro Jahr;Fundstelle\r\n") != std::string::npos);
  const std::string total_de = line_starting(de.out, ";Paket gesamt");
  auto g = fields(total_de, ';');
  REQUIRE(g.size() == 8);
  CHECK(g[3].find(',') != std::string::npos);  // decimal comma
  std::replace(g[3].begin(), g[3].end(), ',', '.');
  CHECK(g[3] == f[3]);
  CHECK(g[4] == f[4]);
}

TEST_CASE("CSV cells from model text never start a formula", "[reports][csv]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("lotse-csv-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ifstream in(lotse::test::sample("hundesteuer.bpmn"), std::ios::binary);
  std::string model((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string from = "name=\"Bescheid drucken\"";
  REQUIRE(model.find(from) != std::string::npos);
  model.replace(model.find(from), from.size(), "name=\"=HYPERLINK(&quot;http://x&quot;) drucken\"");
  const std::string file = (dir / "formel.bpmn").string();
  std::ofstream(file, std::ios::binary) << model;
  const auto csv = lotse_run({"analyze", file, "--format", "csv", "-o", "-", "-q"});
  REQUIRE(csv.code == 0);
  CHECK(csv.out.find("'=HYPERLINK") != std::string::npos);
  CHECK(csv.out.find(",=HYPERLINK") == std::string::npos);
  CHECK(csv.out.find("\"=HYPERLINK") == std::string::npos);
  fs::remove_all(dir);
}
