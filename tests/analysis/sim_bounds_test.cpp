// SPDX-License-Identifier: MIT
// Bounds of the simulator (issue #16): a cycle without an exit, times of 1e300 s, an arrival mean of
// 1e15 s, cases that never run out and event logs that would grow without limit all end quickly with
// a diagnostic: no negative time, no internal error (exit 70), no run over 5 s, no temporary file left.
#include "analysis/sim/bounds.h"
#include "analysis/sim/run.h"
#include "sim_test_models.h"
#include "support/cli_run.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>

using namespace lotse;
using engine::Distribution;
using engine::NodeKind;
namespace fs = std::filesystem;

namespace {

// A QBP model: start -> tasks (in order; `back` adds a flow from the last task to the first) -> end.
std::string qbp_model(const std::vector<std::string>& names, double task_mean_s, double arrival_mean_s, bool back,
                      bool with_end = true) {
  std::string nodes, flows, elements;
  std::string prev = "S";
  int f = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string id = "T" + std::to_string(i + 1);
    nodes += "<task id=\"" + id + "\" name=\"" + names[i] + "\"/>\n";
    flows += "<sequenceFlow id=\"f" + std::to_string(++f) + "\" sourceRef=\"" + prev + "\" targetRef=\"" + id + "\"/>\n";
    elements += "<qbp:element id=\"e" + id + "\" elementId=\"" + id + "\"><qbp:durationDistribution type=\"FIXED\" mean=\"" +
                std::to_string(task_mean_s) + "\" arg1=\"0\" arg2=\"0\"><qbp:timeUnit>seconds</qbp:timeUnit>"
                "</qbp:durationDistribution><qbp:resourceIds><qbp:resourceId>R1</qbp:resourceId></qbp:resourceIds></qbp:element>\n";
    prev = id;
  }
  if (back) flows += "<sequenceFlow id=\"f" + std::to_string(++f) + "\" sourceRef=\"" + prev + "\" targetRef=\"T1\"/>\n";
  if (with_end) {
    nodes += "<endEvent id=\"E\"/>\n";
    flows += "<sequenceFlow id=\"f" + std::to_string(++f) + "\" sourceRef=\"" + prev + "\" targetRef=\"E\"/>\n";
  }
  char mean[64];
  std::snprintf(mean, sizeof mean, "%.17g", arrival_mean_s);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
         "xmlns:qbp=\"http://www.qbp-simulator.com/Schema201212\" id=\"d\" targetNamespace=\"x\">\n"
         "<process id=\"P\" name=\"Grenzfall\"><startEvent id=\"S\"/>\n" +
         nodes + flows +
         "</process>\n<qbp:processSimulationInfo id=\"sim\" processId=\"P\" processInstances=\"200\" "
         "startDateTime=\"2026-01-05T08:00:00.000Z\" currency=\"EUR\">\n"
         "<qbp:arrivalRateDistribution type=\"EXPONENTIAL\" mean=\"" + std::string(mean) +
         "\" arg1=\"0\" arg2=\"0\"><qbp:timeUnit>seconds</qbp:timeUnit></qbp:arrivalRateDistribution>\n"
         "<qbp:resources><qbp:resource id=\"R1\" name=\"Sachbearbeitung\" totalAmount=\"1\" costPerHour=\"60\"/></qbp:resources>\n"
         "<qbp:elements>\n" + elements + "</qbp:elements>\n</qbp:processSimulationInfo>\n</definitions>\n";
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("lotse-sim-bounds-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
  [[nodiscard]] std::vector<std::string> files() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(path)) out.push_back(e.path().filename().string());
    return out;
  }
};

// No wall-clock limits here (speed is measured in bench/, and sanitizer builds are 5-10x slower):
// each bound is shown by what the run reports and writes; a run that does not stop is caught by the
// CTest timeout.
struct Run {
  test::CliResult r;
};

Run run_cli(const std::vector<std::string>& args) { return Run{test::lotse_run(args)}; }

// No figure in a JSON report is negative (times, costs, counts).
bool has_negative_number(const std::string& json) { return std::regex_search(json, std::regex(R"(:\s*-\d)")); }

} // namespace

TEST_CASE("a cycle without an exit is found before the run and named", "[sim][bounds]") {
  TempDir dir;
  const auto file = dir.write("kreis.bpmn", qbp_model({"Prüfen", "Nachbessern"}, 60, 600, true, false));
  const auto t = run_cli({"simulate", file, "--format", "json"});
  CHECK(t.r.code == 1);
  CHECK(t.r.out.find("SIM-031") != std::string::npos);
  CHECK(t.r.out.find("'Prüfen' → 'Nachbessern' → 'Prüfen'") != std::string::npos);
  CHECK_FALSE(has_negative_number(t.r.out));
  const auto text = run_cli({"simulate", file});
  CHECK(text.r.out.find("Fälle laufen nicht aus: aus dem Kreislauf 'Prüfen' → 'Nachbessern' → 'Prüfen' führt kein Weg "
                        "zu einem Endereignis") != std::string::npos);
}

TEST_CASE("times of 1e300 s and an arrival mean of 1e15 s are refused when the model is compiled", "[sim][bounds]") {
  TempDir dir;
  SECTION("task duration 1e300 s") {
    const auto file = dir.write("lang.bpmn", qbp_model({"Prüfen"}, 1e300, 600, false));
    const auto t = run_cli({"simulate", file, "--format", "json"});
    CHECK(t.r.code == 1);
    CHECK(t.r.out.find("SIM-032") != std::string::npos);
    CHECK_FALSE(has_negative_number(t.r.out));
  }
  SECTION("arrival mean 1e15 s") {
    const auto file = dir.write("selten.bpmn", qbp_model({"Prüfen"}, 60, 1e15, false));
    const auto t = run_cli({"simulate", file, "--format", "json"});
    CHECK(t.r.code == 1);
    CHECK(t.r.out.find("SIM-032") != std::string::npos);
    CHECK_FALSE(has_negative_number(t.r.out));
  }
  SECTION("an arrival mean of 95 years is accepted, but 200 cases pass the 1000-year horizon") {
    const auto file = dir.write("fast-nie.bpmn", qbp_model({"Prüfen"}, 60, 95 * analysis::sim::seconds_per_year, false));
    const auto t = run_cli({"simulate", file, "--format", "json", "--lang", "en"});
    INFO(t.r.out);
    CHECK(t.r.code == 1);
    CHECK(t.r.out.find("SIM-033") != std::string::npos);
    CHECK(t.r.out.find("simulated time exceeds 1,000 years") != std::string::npos);
    CHECK_FALSE(has_negative_number(t.r.out));
  }
}

TEST_CASE("a case that stays open for more than 100 simulated years stops the run with its cycle named", "[sim][bounds]") {
  test::SimModel m;
  m.arrival(Distribution::fixed_seconds(86'400));
  const auto s = m.event("S", NodeKind::start_event);
  const auto w = m.task("Wiedervorlage", Distribution::fixed_seconds(30 * 86'400.0));
  const auto x = m.node("Erledigt?", NodeKind::exclusive_gateway);
  m.flow(s, w);
  m.flow(w, x);
  m.flow(x, w, 1.0 - 1e-12);
  m.flow(x, m.event("E", NodeKind::end_event), 1e-12);
  analysis::sim::SimOptions o;
  o.cases = 100;
  o.replications = 1;
  const auto r = analysis::sim::simulate(m.finish(), o);
  CHECK_FALSE(r.ok);
  REQUIRE(r.diagnostics.contains(engine::DiagId::sim_activation_limit));
  // 100 years of 30-day loops are ~1,200 loops: far below the 100,000 steps, so the years stopped it.
  CHECK(r.diagnostics.items().back().message(engine::Lang::en) ==
        "a case does not run out: more than 100000 steps or 100 years in the cycle 'Erledigt?' → 'Wiedervorlage' → "
        "'Erledigt?'; simulation stopped");
}

TEST_CASE("names in event logs are bounded and the log size is limited", "[sim][bounds]") {
  TempDir dir;
  const std::string huge(1 << 20, 'x');  // a 1 MB task name
  const auto file = dir.write("name.bpmn", qbp_model({huge, "Bescheid"}, 60, 600, false));
  SECTION("a 1 MB name writes a log of 200-byte names") {
    const auto log = (dir.path / "log.csv").string();
    const auto t = run_cli({"simulate", file, "--log", log, "--replications", "1", "--cases", "1000"});
    CHECK(t.r.code == 0);
    REQUIRE(fs::exists(log));
    CHECK(fs::file_size(log) < 600'000);  // 2,000 rows of at most 300 bytes (the full name: 2 GB)
    std::ifstream in(log);
    std::string header, row;
    std::getline(in, header);
    std::getline(in, row);
    CHECK(row.rfind("1," + std::string(analysis::sim::max_name_bytes, 'x') + "…,", 0) == 0);
  }
  SECTION("a log over --max-log-mb is not written and leaves no temporary file") {
    const auto log = (dir.path / "log.xes").string();
    const auto t = run_cli({"simulate", file, "--log", log, "--max-log-mb", "1", "--cases", "100000", "--lang", "en"});
    CHECK(t.r.code == 74);
    CHECK(t.r.out.find("SIM-034") != std::string::npos);
    CHECK_FALSE(fs::exists(log));
    CHECK(dir.files() == std::vector<std::string>{"name.bpmn"});
  }
}

TEST_CASE("bounded_text cuts at a character boundary", "[sim][bounds]") {
  CHECK(analysis::sim::bounded_text("Prüfung", 3) == "Pr…");  // 'ü' is two bytes: not split
  CHECK(analysis::sim::bounded_text("Prüfung", 4) == "Prü…");
  CHECK(analysis::sim::bounded_text("kurz", 200) == "kurz");
}
