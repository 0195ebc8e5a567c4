// SPDX-License-Identifier: MIT
// Event logs written while the simulator runs: XES structure (extensions, one trace per case, start and
// complete in time order), the BIMP/Prosimos CSV columns, escaping of awkward names, atomic writing.
#include "analysis/sim/run.h"
#include "reports/event_log.h"

#include "../analysis/sim_test_models.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace lotse;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

engine::ProcessModel awkward_model() {
  test::SimModel m;
  m.arrival(engine::Distribution::fixed_seconds(600));
  m.pool("R", 1, 36);
  m.builder().simulation().pools[0].name = "Kasse & \"Zahlstelle\"";
  const auto s = m.event("S", engine::NodeKind::start_event);
  const auto t = m.task("T1", engine::Distribution::fixed_seconds(60), "R");
  m.builder().node(t).name = "Gebühr <berechnen>, prüfen";
  const auto u = m.task("T2", engine::Distribution::fixed_seconds(30));
  m.builder().node(u).name = "=SUMME(A1)";
  m.flow(s, t);
  m.flow(t, u);
  m.flow(u, m.event("E", engine::NodeKind::end_event));
  return m.finish();
}

} // namespace

TEST_CASE("XES log: declared extensions, one trace per case, escaped names, ISO timestamps", "[sim][eventlog]") {
  const auto model = awkward_model();
  analysis::sim::SimOptions o;
  o.cases = 3;
  o.replications = 2;
  engine::Diagnostics d;
  const auto net = analysis::sim::compile_network(model, o, d);
  REQUIRE(net.ok);
  const auto dir = std::filesystem::temp_directory_path() / "lotse-eventlog-test";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "log.xes").string();
  {
    reports::EventLogWriter w(path, reports::EventLogFormat::xes, net);
    const auto r = analysis::sim::simulate(net, o, &w);
    REQUIRE(r.cases_completed == 6);
    CHECK_FALSE(std::filesystem::exists(path));  // nothing visible before commit
    w.commit();
  }
  const std::string xes = slurp(path);
  for (const char* ext : {"concept", "lifecycle", "org", "time", "cost"}) {
    CHECK(xes.find(std::string("prefix=\"") + ext + "\"") != std::string::npos);
  }
  CHECK(count(xes, "<trace>") == 3);  // replication 1 only
  CHECK(count(xes, "value=\"start\"") == 6);
  CHECK(count(xes, "value=\"complete\"") == 6 + 1);  // + the global default
  CHECK(xes.find("value=\"Gebühr &lt;berechnen&gt;, prüfen\"") != std::string::npos);
  CHECK(xes.find("<string key=\"org:resource\" value=\"Kasse &amp; &quot;Zahlstelle&quot;\"/>") != std::string::npos);
  // Case 1 starts at the fixed epoch; its first task runs 08:00:00-08:01:00 and costs 36 EUR/h x 1 min.
  CHECK(xes.find("<date key=\"time:timestamp\" value=\"2026-01-05T08:01:00.000+01:00\"/>\n      <float key=\"cost:total\" value=\"0.6000\"/>") !=
        std::string::npos);
  CHECK(xes.substr(xes.size() - 7) == "</log>\n");
  std::size_t leftovers = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) leftovers += e.path().filename().string().find(".tmp-") != std::string::npos;
  CHECK(leftovers == 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("CSV log: BIMP/Prosimos columns, spreadsheet-safe escaping", "[sim][eventlog]") {
  const auto model = awkward_model();
  analysis::sim::SimOptions o;
  o.cases = 2;
  o.replications = 1;
  engine::Diagnostics d;
  const auto net = analysis::sim::compile_network(model, o, d);
  const auto dir = std::filesystem::temp_directory_path() / "lotse-eventlog-csv";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "log.csv").string();
  {
    reports::EventLogWriter w(path, *reports::event_log_format("LOG.CSV"), net);
    (void)analysis::sim::simulate(net, o, &w);
    w.commit();
  }
  CHECK(slurp(path) ==
        "case_id,activity,enable_time,start_time,end_time,resource\n"
        "1,\"Gebühr <berechnen>, prüfen\",2026-01-05T08:00:00.000+01:00,2026-01-05T08:00:00.000+01:00,2026-01-05T08:01:00.000+01:00,\"Kasse & \"\"Zahlstelle\"\"\"\n"
        "1,'=SUMME(A1),2026-01-05T08:01:00.000+01:00,2026-01-05T08:01:00.000+01:00,2026-01-05T08:01:30.000+01:00,\n"
        "2,\"Gebühr <berechnen>, prüfen\",2026-01-05T08:10:00.000+01:00,2026-01-05T08:10:00.000+01:00,2026-01-05T08:11:00.000+01:00,\"Kasse & \"\"Zahlstelle\"\"\"\n"
        "2,'=SUMME(A1),2026-01-05T08:11:00.000+01:00,2026-01-05T08:11:00.000+01:00,2026-01-05T08:11:30.000+01:00,\n");
  CHECK_FALSE(reports::event_log_format("log.txt"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("an abandoned log leaves no file behind", "[sim][eventlog]") {
  const auto model = awkward_model();
  analysis::sim::SimOptions o;
  engine::Diagnostics d;
  const auto net = analysis::sim::compile_network(model, o, d);
  const auto dir = std::filesystem::temp_directory_path() / "lotse-eventlog-abandon";
  std::filesystem::create_directories(dir);
  { reports::EventLogWriter w((dir / "x.xes").string(), reports::EventLogFormat::xes, net); }
  CHECK(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
  CHECK_THROWS_AS(reports::EventLogWriter("/nonexistent-dir/x.csv", reports::EventLogFormat::csv, net), std::system_error);
}

TEST_CASE("CSV log in the excel-de dialect: BOM, semicolons, local times, no formula from model text", "[sim][eventlog]") {
  test::SimModel m;
  m.arrival(engine::Distribution::fixed_seconds(600));
  const auto s = m.event("S", engine::NodeKind::start_event);
  const auto t = m.task("T1", engine::Distribution::fixed_seconds(60));
  m.builder().node(t).name = "=HYPERLINK(\"http://x\"); Gebühr";
  m.flow(s, t);
  m.flow(t, m.event("E", engine::NodeKind::end_event));
  const auto model = m.finish();
  analysis::sim::SimOptions o;
  o.cases = 1;
  o.replications = 1;
  engine::Diagnostics d;
  const auto net = analysis::sim::compile_network(model, o, d);
  std::ostringstream out;
  {
    reports::EventLogWriter w(out, reports::EventLogFormat::csv, net, 0, reports::CsvDialect::excel_de);
    (void)analysis::sim::simulate(net, o, &w);
    w.commit();
  }
  CHECK(out.str() == "\xEF\xBB\xBF" "case_id;activity;enable_time;start_time;end_time;resource\n"
                     "1;\"'=HYPERLINK(\"\"http://x\"\"); Gebühr\";2026-01-05 08:00:00;2026-01-05 08:00:00;2026-01-05 08:01:00;\n");
}

TEST_CASE("XES times carry the time zone's offset: +01:00 in winter, +02:00 in summer", "[sim][eventlog]") {
  using analysis::sim::format_timestamp;
  const auto winter = analysis::sim::parse_start("2026-01-05T08:00:00");
  const auto summer = analysis::sim::parse_start("2026-07-06T08:00:00");
  REQUIRE(winter);
  REQUIRE(summer);
  CHECK(format_timestamp(*winter, 0) == "2026-01-05T08:00:00.000+01:00");
  CHECK(format_timestamp(*summer, 0) == "2026-07-06T08:00:00.000+02:00");
  // Office hours stay at 08:00 local across the change on 29 March 2026.
  const auto march = analysis::sim::parse_start("2026-03-27T08:00:00");
  REQUIRE(march);
  CHECK(format_timestamp(*march, 3LL * 86'400'000) == "2026-03-30T08:00:00.000+02:00");
  // An instant written in UTC becomes local time.
  const auto utc = analysis::sim::parse_start("2026-01-05T08:00:00.000Z");
  REQUIRE(utc);
  CHECK(format_timestamp(*utc, 0) == "2026-01-05T09:00:00.000+01:00");
}

TEST_CASE("log of all replications (--log-replications all): every replication in one log, case ids unique, same figures", "[sim][eventlog]") {
  const auto model = awkward_model();
  analysis::sim::SimOptions o;
  o.cases = 4;
  o.replications = 3;
  o.threads = 2;
  engine::Diagnostics d;
  const auto net = analysis::sim::compile_network(model, o, d);
  const auto dir = std::filesystem::temp_directory_path() / "lotse-eventlog-all";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "log.csv").string();
  const auto first_only = analysis::sim::simulate(net, o);
  o.log_all_replications = true;
  analysis::sim::SimulationResult all;
  {
    reports::EventLogWriter w(path, *reports::event_log_format(path), net);
    all = analysis::sim::simulate(net, o, &w);
    w.commit();
  }
  // The log does not change the figures (each replication has its own random streams).
  CHECK(all.cycle_s.mean == first_only.cycle_s.mean);
  CHECK(all.cases_completed == 12);
  const std::string csv = slurp(path);
  CHECK(count(csv, "\n") == 1 + 12 * 2);  // header, two activities per case
  for (int c = 1; c <= 12; ++c) CHECK(count(csv, "\n" + std::to_string(c) + ",") == 2);
  CHECK(count(csv, "\n13,") == 0);
  std::filesystem::remove_all(dir);
}
