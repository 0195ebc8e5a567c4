// SPDX-License-Identifier: MIT
// docs/analyze.md's example block is the beginning of what `lotse analyze samples/hundesteuer.bpmn -o -`
// prints today (issue #9: the docs show figures the tool prints).
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

TEST_CASE("the example block of docs/analyze.md is the real report output", "[cli][docs]") {
  std::ifstream in(lotse::test::source_dir() + "/docs/analyze.md");
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  const auto example = doc.find("## Example");
  REQUIRE(example != std::string::npos);
  const auto start = doc.find("```markdown\n", example);
  REQUIRE(start != std::string::npos);
  const auto body = start + std::string("```markdown\n").size();
  const auto end = doc.find("```\n", body);
  REQUIRE(end != std::string::npos);
  const std::string block = doc.substr(body, end - body);
  const auto run = lotse::test::lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "-o", "-"});
  REQUIRE(run.code == 0);
  REQUIRE(block.size() > 500);
  CHECK(run.out.substr(0, block.size()) == block);
}

TEST_CASE("the Ist/Soll example block of docs/analyze.md is the real comparison output", "[cli][docs][compare]") {
  std::ifstream in(lotse::test::source_dir() + "/docs/analyze.md");
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  const auto section = doc.find("## Ist/Soll comparison");
  REQUIRE(section != std::string::npos);
  const auto start = doc.find("```markdown\n", section);
  REQUIRE(start != std::string::npos);
  REQUIRE(start < doc.find("## Example", section));
  const auto body = start + std::string("```markdown\n").size();
  const auto end = doc.find("```\n", body);
  REQUIRE(end != std::string::npos);
  const std::string block = doc.substr(body, end - body);
  const auto run = lotse::test::lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "--soll",
                                           lotse::test::sample("hundesteuer-digital.bpmn"), "-o", "-"});
  REQUIRE(run.code == 0);
  REQUIRE(block.size() > 500);
  CHECK(block.find("| Arbeitsstunden pro Jahr |") != std::string::npos);
  CHECK(run.out.substr(0, block.size()) == block);
}

namespace {

std::string read_doc(const std::string& rel) {
  std::ifstream in(lotse::test::source_dir() + "/" + rel);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Fills the "{}" fields of `tmpl` one after another with `figures`.
std::string with(std::string tmpl, const std::vector<std::string>& figures) {
  for (const auto& f : figures) {
    const auto at = tmpl.find("{}");
    REQUIRE(at != std::string::npos);
    tmpl.replace(at, 2, f);
  }
  REQUIRE(tmpl.find("{}") == std::string::npos);
  return tmpl;
}

/// One figure of the docs' prose: the same figure appears in the doc's sentence and in the tool's output.
struct ProseFigure {
  std::string doc, doc_text;
  std::vector<std::string> args;
  std::string out_text, figure;
};

/// Rows of the Markdown table that follows `heading`, split into trimmed cells.
std::vector<std::vector<std::string>> table_after(const std::string& text, const std::string& heading) {
  const auto at = text.find(heading);
  REQUIRE(at != std::string::npos);
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(text.substr(at));
  std::string line;
  bool in_table = false;
  while (std::getline(lines, line)) {
    if (line.rfind("|", 0) != 0) {
      if (in_table) break;
      continue;
    }
    in_table = true;
    if (line.find("---") != std::string::npos) continue;
    std::vector<std::string> cells;
    std::stringstream cs(line.substr(1));
    std::string c;
    while (std::getline(cs, c, '|')) {
      const auto b = c.find_first_not_of(' '), e = c.find_last_not_of(' ');
      cells.push_back(b == std::string::npos ? "" : c.substr(b, e - b + 1));
    }
    rows.push_back(cells);
  }
  REQUIRE(rows.size() > 1);
  return rows;
}

/// "3,904" or "46.50" (samples/README.md writes English numbers) as a double and its last digit's unit.
std::pair<double, double> english(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ','), s.end());
  const auto dot = s.find('.');
  const double step = dot == std::string::npos ? 1.0 : std::pow(10.0, -static_cast<double>(s.size() - dot - 1));
  return {std::stod(s), step};
}

} // namespace

TEST_CASE("the figures in the prose of docs/analyze.md are what the tool prints", "[cli][docs]") {
  const std::string hund = lotse::test::sample("hundesteuer.bpmn");
  const std::vector<std::string> package = {"analyze", hund, "-o", "-"};
  const std::vector<std::string> ist_soll = {"analyze", hund, "--soll", lotse::test::sample("hundesteuer-digital.bpmn"), "-o", "-"};
  const std::vector<std::string> gewerbe = {"analyze", lotse::test::sample("gewerbe-anmelden.picture.xml"), "-o", "-"};
  const std::vector<std::string> lead = {"analyze", hund, "--lead-time", "-o", "-"};
  const std::vector<std::string> lead_picture = {"analyze", lotse::test::sample("bewohnerparkausweis.picture-bpmn.bpmn"),
                                                 "--lead-time", "-o", "-"};
  const std::string total_row = "| | **Paket gesamt (alle Maßnahmen nacheinander)** | | ";
  const std::vector<ProseFigure> figures = {
      {"docs/analyze.md", "the package saves {} h and", package, total_row + "**{}** |", "57,3"},
      {"docs/analyze.md", "h and {} € a year, below the", package, total_row + "**57,3** | **{} €** |", "1.566"},
      {"docs/analyze.md", "below the {} h of the modelled", ist_soll, "Das Soll spart {} Stunden", "77,8"},
      {"docs/analyze.md", "PICTURE's Gewerbe sample: {} min entered", gewerbe, "Im Steckbrief eingetragen: {},0 Minuten", "15"},
      {"docs/analyze.md", "min entered, {} computed", gewerbe, "aus den Bausteinen berechnet: {} Minuten je Fall", "34,5"},
      {"docs/analyze.md", "\"Gewerbe anmelden\" that is all {} h", gewerbe,
       "davon an Schritten, an denen eine Maßnahme des Pakets ansetzt: {} Stunden", "433"},
  };
  const std::vector<ProseFigure> lead_figures = {
      {"docs/analyze.md", "and for the package, \"{}\": mean", lead, "| {} |", "17,8 ± 0,2 → 16,5 ± 0,2 Tage"},
      {"docs/analyze.md", "e.g. \"{}\" for `samples/bewohnerparkausweis.picture-bpmn.bpmn`", lead_picture,
       "Durchlaufzeit (Simulation): {}, 90 %", "im Mittel 30,4 Stunden, Median 15,0 Minuten"},
  };
  auto all = figures;
  all.insert(all.end(), lead_figures.begin(), lead_figures.end());
  for (const auto& f : all) {
    INFO(f.doc << ": " << f.doc_text << " with " << f.figure);
    CHECK(read_doc(f.doc).find(with(f.doc_text, {f.figure})) != std::string::npos);
    const auto run = lotse::test::lotse_run(f.args);
    REQUIRE(run.code == 0);
    CHECK(run.out.find(with(f.out_text, {f.figure})) != std::string::npos);
  }
}

TEST_CASE("the expected figures and media breaks in samples/README.md are what the tool prints", "[cli][docs]") {
  const std::string readme = read_doc("samples/README.md");
  std::map<std::string, nlohmann::json> report;
  for (const char* s : {"hundesteuer", "gewerbeanmeldung", "bewohnerparkausweis", "hundesteuer-digital"}) {
    const auto run = lotse::test::lotse_run({"analyze", lotse::test::sample(std::string(s) + ".bpmn"), "--format", "json", "-o", "-", "-q"});
    REQUIRE(run.code == 0);
    report[s] = nlohmann::json::parse(run.out);
    REQUIRE(report[s]["processes"].size() == 1);
  }
  const auto near = [](const std::string& cell, double actual) {
    const auto [v, step] = english(cell);
    INFO(cell << " vs " << actual);
    CHECK(std::abs(v - actual) <= step / 2 + 1e-9);
  };
  const auto expected = table_after(readme, "## Expected figures");
  REQUIRE(expected.size() == 5);
  for (std::size_t i = 1; i < expected.size(); ++i) {
    const auto& row = expected[i];
    INFO(row[0]);
    REQUIRE(report.count(row[0]) == 1);
    const auto& p = report[row[0]]["processes"][0];
    near(row[1], p["minutes_per_case"].get<double>());
    near(row[2], p["hours_per_year"].get<double>());
    near(row[3], p["fte"].get<double>());
    near(row[4], p["cost_per_year_eur"].get<double>());
  }
  const auto found = table_after(readme, "## What Prozesslotse finds in them");
  REQUIRE(found.size() == 5);
  for (std::size_t i = 1; i < found.size(); ++i) {
    const auto& row = found[i];
    INFO(row[0]);
    REQUIRE(report.count(row[0]) == 1);
    CHECK(std::to_string(report[row[0]]["processes"][0]["media_breaks"].size()) == row[1]);
    near(row[2], report[row[0]]["processes"][0]["media_break_minutes_per_year"].get<double>());
  }
  const auto cases = table_after(readme, "| file | service |");
  for (std::size_t i = 1; i < cases.size(); ++i) {
    const std::string stem = cases[i][0].substr(1, cases[i][0].find(".bpmn") - 1);
    INFO(stem);
    near(cases[i][3], report[stem]["processes"][0]["cases_per_year"].get<double>());
  }
  // "Hundesteuer Ist → digital saves 24.97 min per case, 77.8 h and about 1,985 € per year".
  const auto& ist = report["hundesteuer"]["processes"][0];
  const auto& soll = report["hundesteuer-digital"]["processes"][0];
  CHECK(readme.find("saves 24.97 min per case, 77.8 h and about 1,985 €") != std::string::npos);
  near("24.97", ist["minutes_per_case"].get<double>() - soll["minutes_per_case"].get<double>());
  near("77.8", ist["hours_per_year"].get<double>() - soll["hours_per_year"].get<double>());
  near("1,985", ist["cost_per_year_eur"].get<double>() - soll["cost_per_year_eur"].get<double>());
}
