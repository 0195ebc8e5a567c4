// SPDX-License-Identifier: MIT
// `lotse agenda` and `lotse compare` on the sample towns (samples/gemeinden): the portfolio's service
// figures equal `lotse analyze --format json` for the same files and town file; a town-wide measure's
// effort counts once plus the catalogue's per-further-service effort; savings add up; the Fahrplan
// never starts a measure before its prerequisite ends and never exceeds a year's budget or a quarter's
// staff days (Talbach's small budget leaves measures after the horizon); compare's per-1,000 figures.
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

using lotse::test::lotse_run;
using lotse::test::sample;
using json = nlohmann::json;

namespace {

json agenda_of(const std::string& town) {
  const auto r = lotse_run({"agenda", sample("gemeinden/" + town), "--format", "json", "-o", "-", "-q"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  return json::parse(r.out);
}

json read_json(const std::string& path) {
  std::ifstream in(path);
  return json::parse(in);
}

const json& catalogue_entry(const json& catalogue, const std::string& id) {
  for (const auto& m : catalogue["measures"]) {
    if (m["id"] == id) return m;
  }
  FAIL("no catalogue entry " << id);
  return catalogue;
}

/// Quarter label "2027-Q3" -> an index that orders quarters.
int quarter_index(const json& label) {
  const std::string s = label.get<std::string>();
  return std::stoi(s.substr(0, 4)) * 4 + (s[6] - '1');
}

} // namespace

TEST_CASE("agenda: the service figures are those of lotse analyze with the town file", "[cli][agenda]") {
  const std::string town = sample("gemeinden/musterstadt");
  const json a = agenda_of("musterstadt");
  REQUIRE(a["services"].size() == 7);
  double saved = 0;
  for (const auto& s : a["services"]) {
    const auto r = lotse_run({"analyze", town + "/" + s["file"].get<std::string>(), "--tables-override", town + "/stadt.json",
                              "--format", "json", "-o", "-", "-q"});
    REQUIRE(r.code == 0);
    const json one = json::parse(r.out);
    REQUIRE(one["processes"].size() == 1);
    const auto& p = one["processes"][0];
    INFO(s["file"]);
    CHECK(s["cases_per_year"] == p["cases_per_year"]);
    CHECK(s["hours_per_year"] == p["hours_per_year"]);
    CHECK(s["cost_per_year_eur"] == p["cost_per_year_eur"]);
    CHECK(s["media_breaks"] == p["media_breaks"].size());
    CHECK(s["media_break_hours_per_year"].get<double>() == Approx(p["media_break_minutes_per_year"].get<double>() / 60).margin(0.006));
    saved += p["package"]["saved_eur_per_year"].get<double>();
  }
  // Savings add up: the measures' sum is the sum of the services' packages.
  double by_measure = 0;
  for (const auto& m : a["measures"]) by_measure += m["saved_eur_per_year"].get<double>();
  CHECK(by_measure == Approx(saved).margin(0.05));
  CHECK(a["totals"]["saved_eur_per_year"].get<double>() == Approx(saved).margin(0.05));
}

TEST_CASE("agenda: a town-wide measure appears once with its effort counted once", "[cli][agenda]") {
  const json a = agenda_of("musterstadt");
  const json catalogue = read_json(lotse::test::source_dir() + "/data/massnahmen.json");
  std::map<std::string, int> seen;
  for (const auto& m : a["measures"]) {
    ++seen[m["measure"].get<std::string>()];
    const auto& c = catalogue_entry(catalogue, m["measure"].get<std::string>());
    const auto n = static_cast<double>(m["services"].size());
    if (c["scope"] == "town") {
      CHECK(m["town_wide"] == true);
      CHECK(m["id"] == m["measure"]);
      const auto& e = c["effort"];
      const auto& more = e["per_further_service"];
      CHECK(m["one_off_eur"].get<double>() == Approx(e["one_off_eur"].get<double>() + (n - 1) * more["one_off_eur"].get<double>()));
      CHECK(m["staff_days"].get<double>() == Approx(e["staff_days"].get<double>() + (n - 1) * more["staff_days"].get<double>()));
    } else {
      CHECK(m["town_wide"] == false);
      CHECK(n == 1);
      CHECK(m["one_off_eur"].get<double>() == Approx(c["effort"]["one_off_eur"].get<double>()));
    }
  }
  // The Amt24 online form serves every service of Musterstadt and is one measure.
  CHECK(seen["online_application"] == 1);
  for (const auto& m : a["measures"]) {
    if (m["id"] == "online_application") CHECK(m["services"].size() == 7);
  }
  // One-off total = sum of the measures (a shared measure's cost is in it once).
  double one_off = 0;
  for (const auto& m : a["measures"]) one_off += m["one_off_eur"].get<double>();
  CHECK(a["totals"]["one_off_eur"].get<double>() == Approx(one_off));
}

TEST_CASE("agenda: the Fahrplan keeps prerequisites, budgets and staff days", "[cli][agenda]") {
  for (const std::string town : {"musterstadt", "beispielhain", "talbach"}) {
    INFO(town);
    const json a = agenda_of(town);
    const json stadt = read_json(sample("gemeinden/" + town + "/stadt.json"));
    std::map<std::string, json> by_id;
    for (const auto& m : a["measures"]) by_id[m["id"]] = m;
    std::map<int, double> one_off_by_year;
    for (const auto& m : a["measures"]) {
      for (const auto& r : m["requires"]) {
        const auto& req = by_id.at(r.get<std::string>());
        if (m["quarter"].is_null()) continue;
        REQUIRE_FALSE(req["quarter"].is_null());  // a measure after the horizon takes its dependants with it
        CHECK(quarter_index(m["quarter"]) > quarter_index(req["last_quarter"]));
      }
      if (!m["quarter"].is_null()) one_off_by_year[std::stoi(m["quarter"].get<std::string>().substr(0, 4))] += m["one_off_eur"].get<double>();
    }
    const double budget = stadt["budget_eur_per_year"].get<double>();
    for (const auto& [year, used] : a["totals"]["budget_used_by_year"].items()) {
      CHECK(used.get<double>() <= budget + 1e-6);
      CHECK(used.get<double>() >= one_off_by_year[std::stoi(year)] - 1e-6);  // running costs come on top
    }
    const double days = stadt["staff_days_per_quarter"].get<double>();
    double planned_days = 0;
    for (const auto& q : a["fahrplan"]) {
      CHECK(q["staff_days"].get<double>() <= days + 1e-6);
      planned_days += q["staff_days"].get<double>();
    }
    double measure_days = 0;
    for (const auto& m : a["measures"]) {
      if (!m["quarter"].is_null()) measure_days += m["staff_days"].get<double>();
    }
    CHECK(planned_days == Approx(measure_days));
  }
  // Talbach's budget (6,000 EUR a year, 8 staff days a quarter) is too small for everything.
  const json t = agenda_of("talbach");
  int later = 0;
  for (const auto& m : t["measures"]) later += m["quarter"].is_null() ? 1 : 0;
  CHECK(later >= 1);
  CHECK(t["totals"]["planned_saved_eur_per_year"].get<double>() < t["totals"]["saved_eur_per_year"].get<double>());
}

TEST_CASE("agenda writes the chapter, the workbook and the Ratsvorlage", "[cli][agenda]") {
  lotse::test::TempDir dir("agenda");
  const auto out = (dir.path / "agenda").string();
  const auto r = lotse_run({"agenda", sample("gemeinden/musterstadt"), "-o", out, "-q"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  for (const char* f : {"agenda.html", "agenda.docx", "agenda.pdf", "portfolio.xlsx", "ratsvorlage.docx", "ratsvorlage.pdf"}) {
    INFO(f);
    CHECK(std::filesystem::file_size(std::filesystem::path(out) / f) > 2000);
  }
  const auto md = lotse_run({"agenda", sample("gemeinden/musterstadt"), "--format", "md", "-o", "-", "-q"});
  REQUIRE(md.code == 0);
  for (const char* heading : {"## 1 Ausgangslage", "## 2 Ziele", "## 3 Handlungsfeld Verwaltung", "## 4 Fahrplan", "## 5 Maßnahmensteckbriefe",
                              "## 6 Annahmen und Quellen", "Federführung"}) {
    CHECK(md.out.find(heading) != std::string::npos);
  }
  const auto en = lotse_run({"agenda", sample("gemeinden/musterstadt"), "--format", "md", "-o", "-", "-q", "--lang", "en"});
  REQUIRE(en.code == 0);
  CHECK(en.out.find("## 4 Roadmap") != std::string::npos);
}

TEST_CASE("agenda: a broken town file is a German error with the line, exit 65", "[cli][agenda]") {
  lotse::test::TempDir dir("agenda-bad");
  const auto town = dir.path / "ort";
  std::filesystem::create_directories(town);
  std::filesystem::copy_file(sample("hundesteuer.bpmn"), town / "hundesteuer.bpmn");
  {
    std::ofstream f(town / "stadt.json");
    f << "{\n  \"name\": \"Ort\",\n  \"inhabitants\": 12.000,5\n}\n";
  }
  const auto bad = lotse_run({"agenda", town.string(), "--format", "json", "-o", "-"});
  CHECK(bad.code == 65);
  CHECK(bad.err.find("stadt.json") != std::string::npos);
  CHECK(bad.err.find("Zeile 3") != std::string::npos);
  {
    std::ofstream f(town / "stadt.json");
    f << "{\"budget_eur_per_year\": -5}";
  }
  const auto negative = lotse_run({"agenda", town.string(), "--format", "json", "-o", "-"});
  CHECK(negative.code == 65);
  CHECK(negative.err.find("budget_eur_per_year") != std::string::npos);
  // Without a town file: the folder's name and the stated defaults.
  std::filesystem::remove(town / "stadt.json");
  const auto plain = lotse_run({"agenda", town.string(), "--format", "json", "-o", "-", "-q"});
  REQUIRE(plain.code == 0);
  const json j = json::parse(plain.out);
  CHECK(j["town"]["name"] == "ort");
  CHECK(j["town"]["inhabitants"].is_null());
  CHECK(j["town"]["defaults_used"].size() >= 5);
}

TEST_CASE("compare: per 1,000 inhabitants from the town files, leanest variant, anonymised", "[cli][agenda][compare]") {
  const auto r = lotse_run({"compare", sample("gemeinden/beispielhain"), sample("gemeinden/musterstadt"), sample("gemeinden/talbach"),
                            "--service", "hundesteuer", "--format", "json", "-o", "-", "-q"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const json c = json::parse(r.out);
  CHECK(c["service"] == "hundesteuer");
  REQUIRE(c["towns"].size() == 3);
  // By hand: Fallzahlen 45, 116, 183 (the models) over 4,800, 12,400, 19,600 inhabitants (stadt.json).
  CHECK(c["towns"][0]["town"] == "Beispielhain");
  CHECK(c["towns"][0]["cases_per_1000_inhabitants"].get<double>() == Approx(9.375).margin(0.0005));
  CHECK(c["towns"][1]["cases_per_1000_inhabitants"].get<double>() == Approx(9.355).margin(0.0005));
  CHECK(c["towns"][2]["cases_per_1000_inhabitants"].get<double>() == Approx(9.337).margin(0.0005));
  double least = 1e9;
  for (const auto& t : c["towns"]) {
    const double hours = t["hours_per_year"].get<double>();
    CHECK(t["hours_per_1000_inhabitants"].get<double>() == Approx(hours / t["inhabitants"].get<double>() * 1000).margin(0.001));
    CHECK(t["minutes_per_case"].get<double>() == Approx(hours * 60 / t["cases_per_year"].get<double>()).margin(0.05));
    least = std::min(least, t["minutes_per_case"].get<double>());
  }
  for (const auto& t : c["towns"]) CHECK(t["leanest"] == (t["minutes_per_case"].get<double>() == least));
  CHECK_FALSE(c["differing_tasks"].empty());

  const auto anon = lotse_run({"compare", sample("gemeinden/beispielhain"), sample("gemeinden/musterstadt"), sample("gemeinden/talbach"),
                               "--format", "json", "-o", "-", "-q", "--anonym"});
  REQUIRE(anon.code == 0);
  CHECK(anon.out.find("Musterstadt") == std::string::npos);
  CHECK(anon.out.find("Talbach") == std::string::npos);
  const json all = json::parse(anon.out);
  CHECK(all["towns"] == json::array({"Gemeinde A", "Gemeinde B", "Gemeinde C"}));
  std::set<std::string> services;
  for (const auto& s : all["services"]) services.insert(s["service"].get<std::string>());
  CHECK(services == std::set<std::string>{"gewerbeanmeldung", "hundesteuer"});

  // One town: the (empty) comparison is written, with a warning that it compares nothing.
  const auto single = lotse_run({"compare", sample("gemeinden/talbach"), "--format", "json", "-o", "-"});
  CHECK(single.code == 0);
  CHECK(json::parse(single.out)["services"].empty());
  CHECK(single.err.find("lotse compare: Warnung: nur eine lesbare Gemeinde; ein Vergleich braucht mindestens zwei") != std::string::npos);
  CHECK(lotse_run({"compare", sample("gemeinden/talbach"), "--format", "json", "-o", "-", "-q"}).err.empty());
}

TEST_CASE("agenda workbook premise: a measure's saving is linear in its uptake", "[cli][agenda]") {
  // The workbook's formula "saving at 100 % x uptake" holds when the marginal saving is linear in the
  // measure's own uptake: the 30/60/90 % sensitivity points of every citizen-facing measure lie on a line
  // through zero.
  int checked = 0;
  for (const char* file : {"hundesteuer.bpmn", "gewerbeanmeldung.bpmn", "kita-anmeldung.bpmn"}) {
    const auto r = lotse_run({"analyze", sample(std::string("gemeinden/musterstadt/") + file), "--format", "json", "-o", "-", "-q"});
    REQUIRE(r.code == 0);
    const json report = json::parse(r.out);
    for (const auto& m : report["processes"][0]["suggestions"]) {
      const auto& points = m["uptake_sensitivity"];
      if (points.empty()) continue;
      const double per_unit = points[0]["saved_eur_per_year"].get<double>() / points[0]["uptake"].get<double>();
      for (const auto& p : points) {
        INFO(file << " " << m["id"]);
        CHECK(p["saved_eur_per_year"].get<double>() == Approx(per_unit * p["uptake"].get<double>()).margin(0.05));
      }
      ++checked;
    }
  }
  CHECK(checked >= 3);
}

TEST_CASE("the agenda and compare excerpts in README.md are what the tool prints", "[cli][agenda][docs]") {
  std::ifstream in(lotse::test::source_dir() + "/README.md");
  const std::string readme((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto block_after = [&](const std::string& marker) {
    const auto at = readme.find(marker);
    REQUIRE(at != std::string::npos);
    const auto open = readme.find("```\n", at);
    const auto close = readme.find("```", open + 4);
    return readme.substr(open + 4, close - open - 4);
  };
  const auto lines_in = [](const std::string& block, const std::string& output) {
    std::size_t start = 0, n = 0;
    while (start < block.size()) {
      const auto end = block.find('\n', start);
      std::string line = block.substr(start, end - start);
      start = end == std::string::npos ? block.size() : end + 1;
      if (line.empty()) continue;
      // A README table may leave out trailing columns: compare the line's cells as a prefix.
      if (line.rfind("| ", 0) == 0 && line.back() == '|') line.pop_back();
      INFO(line);
      CHECK(output.find(line) != std::string::npos);
      ++n;
    }
    CHECK(n >= 4);
  };
  const auto agenda = lotse_run({"agenda", sample("gemeinden/talbach/"), "--format", "md", "-o", "-", "-q"});
  lines_in(block_after("lotse agenda samples/gemeinden/talbach/ --format md -o -"), agenda.out);
  const auto cmp = lotse_run({"compare", sample("gemeinden/beispielhain/"), sample("gemeinden/musterstadt/"), sample("gemeinden/talbach/"),
                              "--service", "hundesteuer", "--format", "md", "-o", "-", "-q"});
  lines_in(block_after("lotse compare samples/gemeinden/*/ --service hundesteuer --format md -o -"), cmp.out);
}
