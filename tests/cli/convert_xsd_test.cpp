// SPDX-License-Identifier: MIT
// `lotse convert` writes BPMN without loss (issue #15.2): every corpus file that validates against the
// OMG BPMN 2.0 XSD (shipped in bpmn-moddle's npm package) gives converted output that validates too.
// xmllint validates many files per call, so the whole corpus takes two runs of it. Needs ../shared,
// node/npm and xmllint (libxml2-utils): without them the test fails, it never skips.
#include "cli/run.h"
#include "tests/support/oracle.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace lotse;

namespace {

/// Validates `files` with one xmllint run (batched by xargs); the set of files that validate. Lines of
/// the failures (file:line: element ...: Schemas validity error ...) go to `errors` by file.
std::set<std::string> validating(const std::vector<std::string>& files, const std::string& xsd, const fs::path& work,
                                 const std::string& tag, std::map<std::string, std::string>* errors = nullptr) {
  const fs::path list = work / (tag + ".list"), log = work / (tag + ".log");
  {
    std::ofstream out(list, std::ios::binary);
    for (const auto& f : files) out << f << '\0';
  }
  const std::string cmd = "xargs -0 xmllint --noout --nonet --schema '" + xsd + "' < '" + list.string() + "' > '" +
                          log.string() + "' 2>&1";
  (void)std::system(cmd.c_str());  // exit code 3 when any file fails; the log says which
  std::set<std::string> ok;
  std::ifstream in(log);
  for (std::string line; std::getline(in, line);) {
    const std::string suffix = " validates";
    if (line.size() > suffix.size() && line.compare(line.size() - suffix.size(), suffix.size(), suffix) == 0) {
      ok.insert(line.substr(0, line.size() - suffix.size()));
    } else if (errors != nullptr) {
      const auto colon = line.find(':');
      if (colon != std::string::npos && (*errors)[line.substr(0, colon)].size() < 600) (*errors)[line.substr(0, colon)] += line + "\n";
    }
  }
  return ok;
}

std::vector<std::string> corpus_files(const std::string& shared) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(shared + "/corpus/bpmn")) {
    const auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".bpmn" || ext == ".xml")) out.push_back(e.path().string());
  }
  for (const auto& e : fs::directory_iterator(test::source_dir() + "/samples")) {
    if (e.path().extension() == ".bpmn") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

TEST_CASE("convert: every corpus file valid against the BPMN 2.0 XSD stays valid after conversion", "[convert][xsd][shared]") {
  const std::string shared = test::require_shared("corpus/bpmn");  // fails in CI when ../shared is missing
  if (shared.empty()) return;
  REQUIRE(std::system("xmllint --version > /dev/null 2>&1") == 0);  // Debian libxml2-utils
  const std::string oracle = test::oracle_dir(shared, "oracle-xsd");
  REQUIRE_FALSE(oracle.empty());
  const std::string xsd = oracle + "/node_modules/bpmn-moddle/resources/bpmn/xsd/BPMN20.xsd";
  REQUIRE(fs::exists(xsd));

  const fs::path work = test::binary_dir() + "/convert_xsd";
  fs::remove_all(work);
  fs::create_directories(work / "out");
  const auto inputs = corpus_files(shared);
  const auto valid_in = validating(inputs, xsd, work, "inputs");
  // The corpus holds 1,691 BPMN files of which 1,482 validate (docs/bpmn-importer.md); samples add theirs.
  CHECK(valid_in.size() >= 1480);
  CHECK(valid_in.count(test::sample("hundesteuer.bpmn")) == 1);
  CHECK(valid_in.count(test::sample("gewerbeanmeldung.bpmn")) == 1);

  std::vector<std::string> outputs;
  std::map<std::string, std::string> source_of;
  std::size_t i = 0;
  for (const auto& in : inputs) {
    if (valid_in.count(in) == 0) continue;
    const std::string out = (work / "out" / (std::to_string(i++) + ".bpmn")).string();
    std::ostringstream o, e;
    const int code = cli::run({"convert", in, "-o", out, "-q"}, o, e);
    INFO(in << "\n" << e.str());
    CHECK((code == 0 || code == 1));
    outputs.push_back(out);
    source_of[out] = in;
  }
  std::map<std::string, std::string> errors;
  const auto valid_out = validating(outputs, xsd, work, "outputs", &errors);
  std::size_t invalid = 0;
  for (const auto& out : outputs) {
    if (valid_out.count(out) != 0) continue;
    if (++invalid <= 15) {
      INFO(source_of[out] << " -> " << out << "\n" << errors[out]);
      CHECK(valid_out.count(out) == 1);
    }
  }
  INFO(invalid << " of " << outputs.size() << " converted files do not validate");
  CHECK(invalid == 0);
  CHECK(valid_out.size() == valid_in.size());
}
