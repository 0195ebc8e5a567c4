// SPDX-License-Identifier: MIT
// Bounded by design (#16): deep nesting never crashes (100,000 levels refused with IN-008 on a 1 MB
// stack; the deepest accepted models analysed, simulated and converted on a 1 MB stack), and wide or
// long inputs are read completely. Their time is measured in bench/scaling_bench (growth exponents per
// size doubling), never here: a wall-clock bound fails on a loaded or sanitized build.
#include "tests/support/small_stack.h"
#include "tests/support/cli_run.h"
#include "tests/support/generated_inputs.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <pthread.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

using namespace lotse;
namespace fs = std::filesystem;
using lotse::test::CliResult;
using lotse::test::lotse_run;

namespace {

using lotse::test::run_with_stack;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif
#else
constexpr bool sanitized = false;
#endif

/// `lotse args...` on a 1 MB stack (the bound the release build is tested against). Under
/// AddressSanitizer (unoptimised, redzones around every local) frames are many times larger: Eigen's
/// stack temporaries in the sparse solver alone overflow 1 MB on an ordinary model, and the BPMN
/// writer's one frame pair per sub-process level (docs/limits.md) needs over 4 MB at 497 levels. The
/// sanitizer build gets 16 MB; it checks memory errors on these paths, the release build the bound.
CliResult run_small_stack(const std::vector<std::string>& args) {
  CliResult r;
  REQUIRE(run_with_stack(std::size_t{sanitized ? 16 : 1} << 20, [&] { r = lotse_run(args); }));
  return r;
}

struct TempFolder {
  fs::path path;
  explicit TempFolder(const std::string& name)
      : path(fs::temp_directory_path() / ("lotse-bounds-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  [[nodiscard]] std::string write(const std::string& name, const std::string& content) const {
    std::ofstream(path / name, std::ios::binary) << content;
    return (path / name).string();
  }
};

} // namespace

TEST_CASE("100,000 nested sub-processes and lanes on a 1 MB stack: IN-008, exit 65, no crash", "[bounds][cli]") {
  TempFolder d("deep");
  const std::string sub = d.write("tief.bpmn", test::nested_subprocesses_bpmn(100'000));
  const std::string lanes = d.write("bahnen.bpmn", test::nested_lanes_bpmn(100'000));
  for (const auto& file : {sub, lanes}) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"analyze", file, "-o", "-", "--format", "json"},
             {"simulate", file, "--cases", "10"},
             {"convert", file, "-o", (d.path / "out.bpmn").string()}}) {
      const CliResult r = run_small_stack(args);
      INFO(args.front() << " " << file << ": " << r.err.substr(0, 400));
      CHECK(r.code == 65);
      CHECK(r.err.find("[IN-008]") != std::string::npos);
      CHECK(r.err.find("tiefer als 500 Ebenen") != std::string::npos);
    }
  }
  CHECK_FALSE(fs::exists(d.path / "out.bpmn"));
}

TEST_CASE("the deepest accepted nesting is analysed, simulated and converted on a 1 MB stack", "[bounds][cli]") {
  TempFolder d("limit");
  // definitions > process > 497 sub-processes > task: 500 elements deep, the most IN-008 allows.
  const std::string sub = d.write("tief.bpmn", test::nested_subprocesses_bpmn(497));
  // definitions > process > (laneSet|childLaneSet > lane) x 248 + flowNodeRef = 499 deep.
  const std::string lanes = d.write("bahnen.bpmn", test::nested_lanes_bpmn(248));
  for (const auto& file : {sub, lanes}) {
    const std::string out = (d.path / "out.bpmn").string();
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"analyze", file, "-o", "-", "--format", "json"},
             {"simulate", file, "--cases", "10"},
             {"convert", file, "-o", out, "-q"}}) {
      const CliResult r = run_small_stack(args);
      INFO(args.front() << " " << file << ": " << r.err.substr(0, 400));
      CHECK((r.code == 0 || r.code == 1));
    }
    // The converted model reads back, and stays within a small multiple of the input's size.
    REQUIRE(fs::exists(out));
    CHECK(fs::file_size(out) < 40 * fs::file_size(file));
    // The writer adds incoming/outgoing to the innermost task, one level below the limit; text-only
    // elements may sit there, so what was accepted reads back.
    const CliResult back = run_small_stack({"stats", out, "--format", "json"});
    INFO(back.out.substr(0, 800));
    CHECK(back.code == 0);
    fs::remove(out);
  }
}

TEST_CASE("a gateway with 16,000 branches is analysed completely", "[bounds][cli]") {
  TempFolder d("wide");
  const std::string file = d.write("breit.bpmn", test::wide_gateway_bpmn(16'000));
  const CliResult r = lotse_run({"analyze", file, "-o", "-", "--format", "json"});
  INFO(r.err.substr(0, 400));
  REQUIRE((r.code == 0 || r.code == 1));
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["processes"].size() == 1);
  // Every branch is taken with probability 1/16,000 = 0.0000625, which the JSON rounds to 4 places.
  int branches = 0, visited = 0;
  for (const auto& n : j["processes"][0]["nodes"]) {
    if (n["name"].get<std::string>().rfind("Fall ", 0) != 0) continue;
    ++branches;
    if (n["visits"].get<double>() == Approx(0.0001)) ++visited;
  }
  CHECK(branches == 16'000);
  CHECK(visited == 16'000);
}

TEST_CASE("a 0.9 MB building-block table with 20,000 rows is converted completely", "[bounds][cli]") {
  TempFolder d("long");
  const std::string csv = test::long_block_table_csv(20'000);
  REQUIRE(csv.size() > 800'000);
  REQUIRE(csv.size() < 1'100'000);
  const std::string file = d.write("lang.csv", csv);
  const std::string out = (d.path / "lang.bpmn").string();
  const CliResult r = lotse_run({"convert", file, "-o", out, "-q"});
  INFO(r.err.substr(0, 400));
  REQUIRE((r.code == 0 || r.code == 1));
  // The BPMN holds every row as a task, in the table's order (P0 ... P19999).
  std::ifstream in(out, std::ios::binary);
  const std::string bpmn((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t tasks = 0, pos = 0, last = 0;
  bool ordered = true;
  while ((pos = bpmn.find("name=\"P", pos)) != std::string::npos) {
    pos += 7;
    const std::size_t k = std::stoul(bpmn.substr(pos, bpmn.find('"', pos) - pos));
    if (tasks > 0 && k != last + 1) ordered = false;
    last = k;
    ++tasks;
  }
  CHECK(tasks == 20'000);
  CHECK(ordered);
}

TEST_CASE("inputs over --max-input-mb and endless devices are refused with IN-001", "[bounds][cli]") {
  // /dev/zero never ends: read up to the limit, then refused (exit 65).
  const CliResult analyze = lotse_run({"analyze", "/dev/zero", "--max-input-mb", "2", "-o", "-"});
  CHECK(analyze.code == 65);
  CHECK(analyze.err.find("[IN-001]") != std::string::npos);
  CHECK(analyze.err.find("> 2 MB (--max-input-mb)") != std::string::npos);
  const CliResult stats = lotse_run({"stats", "/dev/zero", "--max-input-mb", "2"});
  CHECK(stats.code == 65);
  CHECK((stats.out + stats.err).find("> 2 MB (--max-input-mb)") != std::string::npos);

  // A regular file over the limit is refused before it is read; under the limit it is read.
  TempFolder d("maxinput");
  const std::string big = d.write("gross.bpmn", test::wide_gateway_bpmn(20'000));
  REQUIRE(fs::file_size(big) > (std::size_t{1} << 20));
  const CliResult refused = lotse_run({"check", big, "--max-input-mb", "1"});
  CHECK(refused.code == 65);
  CHECK(refused.out.find("> 1 MB (--max-input-mb)") != std::string::npos);
  const CliResult read = lotse_run({"check", big, "--max-input-mb", "8"});
  CHECK(read.code != 65);
}

TEST_CASE("a 1 MB task name is cut to 1,000 bytes with MOD-010, so no output repeats it", "[bounds][cli]") {
  TempFolder d("longname");
  // "Antrag " + "Prüfung " repeated: byte 1,000 is the second byte of a 'ü', which the cut must not split.
  std::string name = "Antrag ";
  while (name.size() < (std::size_t{1} << 20)) name += "Prüfung ";
  const std::string file = d.write("lang.bpmn",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\" targetNamespace=\"x\">\n"
      " <process id=\"p\"><startEvent id=\"s\"/><task id=\"t\" name=\"" + name + "\"/><endEvent id=\"e\"/>\n"
      "  <sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"t\"/><sequenceFlow id=\"f2\" sourceRef=\"t\" targetRef=\"e\"/>\n"
      " </process>\n</definitions>\n");
  const auto out = d.path / "out";
  const CliResult r = lotse_run({"analyze", file, "--format", "md,html,json,csv", "-o", out.string(), "--lang", "en"});
  INFO(r.err.substr(0, 600));
  REQUIRE((r.code == 0 || r.code == 1));
  CHECK(r.err.find("MOD-010") != std::string::npos);
  CHECK(r.err.size() < 4000);  // the diagnostic names the element, not the megabyte
  for (const char* ext : {".md", ".html", ".json", ".csv"}) {
    INFO(ext);
    CHECK(fs::file_size(out / (std::string("lang") + ext)) < 200'000);
  }
  std::ifstream in(out / "lang.json");
  const auto j = nlohmann::json::parse(in);
  const std::string dumped = j.dump();
  CHECK(dumped.find(name.substr(0, 999) + "…") != std::string::npos);
}
