// SPDX-License-Identifier: MIT
// Names are normalised to Unicode NFC on import (#15.6): a model exported on macOS (NFD: "u" followed
// by a combining diaeresis) gives the same names, lexicon matches and figures as the same model with
// precomposed umlauts.
#include "importers/text_decode.h"
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

using namespace lotse;
namespace fs = std::filesystem;

namespace {

/// German text in NFD: every umlaut as its base letter plus U+0308 COMBINING DIAERESIS (ß has none).
std::string to_nfd_german(std::string s) {
  const std::pair<const char*, const char*> map[] = {{"ä", "a\xCC\x88"}, {"ö", "o\xCC\x88"}, {"ü", "u\xCC\x88"},
                                                     {"Ä", "A\xCC\x88"}, {"Ö", "O\xCC\x88"}, {"Ü", "U\xCC\x88"}};
  for (const auto& [from, to] : map) {
    for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += std::string(to).size()) {
      s.replace(pos, std::string(from).size(), to);
    }
  }
  return s;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

} // namespace

TEST_CASE("to_nfc composes combining marks and singletons, and leaves NFC text alone", "[importer][unicode]") {
  CHECK(importers::to_nfc("Gebu\xCC\x88hr") == "Gebühr");
  CHECK(importers::to_nfc("Stra\xC3\x9F" "e") == "Straße");
  CHECK(importers::to_nfc("\xE2\x84\xAB") == "\xC3\x85");  // U+212B ANGSTROM SIGN -> U+00C5
  CHECK_FALSE(importers::may_change_under_nfc("Gebühr für Hunde, Straße, Größe"));
  CHECK_FALSE(importers::may_change_under_nfc("plain ASCII"));
  CHECK(importers::may_change_under_nfc("Gebu\xCC\x88hr"));
  const engine::SourceFile csv("x.csv", "Prozess;Anmeldung\nSchlu\xCC\x88ssel;O\xCC\x88" "ffnung\n");
  CHECK(importers::decode_text(csv).utf8 == "Prozess;Anmeldung\nSchlüssel;Öffnung\n");
}

TEST_CASE("an NFD copy of a model gives the same names and media breaks as the original", "[importer][unicode][cli]") {
  const fs::path dir = fs::temp_directory_path() / ("lotse-nfd-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const std::string name : {"bausteintabelle-hundesteuer-abmeldung.csv", "hundesteuer.bpmn"}) {
    INFO(name);
    const std::string original = slurp(test::sample(name));
    const std::string nfd = to_nfd_german(original);
    REQUIRE(nfd != original);
    const std::string copy = (dir / name).string();
    std::ofstream(copy, std::ios::binary) << nfd;
    const auto a = test::lotse_run({"analyze", test::sample(name), "-o", "-", "-q", "--format", "json"});
    const auto b = test::lotse_run({"analyze", copy, "-o", "-", "-q", "--format", "json"});
    REQUIRE(a.code == 0);
    REQUIRE(b.code == 0);
    auto ja = nlohmann::json::parse(a.out), jb = nlohmann::json::parse(b.out);
    CHECK(jb["processes"][0]["media_breaks"].size() == ja["processes"][0]["media_breaks"].size());
    CHECK(jb["processes"][0]["media_breaks"].size() >= 8);
    // Everything but the file name is identical, names included (NFC: no combining mark left).
    ja.erase("file");
    jb.erase("file");
    CHECK(jb.dump() == ja.dump());
    CHECK(b.out.find("\xCC\x88") == std::string::npos);
  }
  fs::remove_all(dir);
}
