// SPDX-License-Identifier: MIT
// The command line for people (#13.4): every --help and every parser error in German and English,
// case-insensitive values, folders as input, `check` saying "keine Befunde", the default report
// format, --version and unknown file types.
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;
using lotse::test::lotse_run;
using lotse::test::TempDir;

namespace {

const std::vector<std::string> subcommands{"check", "stats", "analyze", "simulate", "convert", "formats", "passes"};

/// Option lines of a help text: first token (e.g. "-o,--output" or "files") -> its description.
std::map<std::string, std::string> option_descriptions(const std::string& help) {
  std::map<std::string, std::string> out;
  std::istringstream in(help);
  std::string line, pending;
  while (std::getline(in, line)) {
    // The footer (examples, exit codes) is not an option list.
    if (line.rfind("Beispiel", 0) == 0 || line.rfind("Example", 0) == 0 || line.rfind("Rückgabewerte", 0) == 0 ||
        line.rfind("Exit codes", 0) == 0) {
      break;
    }
    if (!pending.empty()) {  // a long option name puts its description on the next line
      out[pending] = line.substr(line.find_first_not_of(' ') == std::string::npos ? 0 : line.find_first_not_of(' '));
      pending.clear();
      continue;
    }
    if (line.size() < 3 || line[0] != ' ' || line[1] != ' ' || line[2] == ' ') continue;
    const std::string name = line.substr(2, line.find(' ', 2) - 2);
    const std::size_t gap = line.find("  ", 2 + name.size());
    const std::size_t text = gap == std::string::npos ? gap : line.find_first_not_of(' ', gap);
    if (text == std::string::npos) {
      pending = name;
    } else {
      out[name] = line.substr(text);
    }
  }
  return out;
}

/// Phrases of CLI11 and of our English texts that must never reach a German user.
const std::vector<std::string> english_markers{"Usage", "OPTIONS", "REQUIRED", "Print this help", "Options:",
                                               "Positionals", "Subcommands", "Examples:", "Exit codes",
                                               "is required", "not expected", "Run with", "Could not",
                                               "not in range", "Help:", "Display program"};

void check_german(const std::string& text) {
  for (const auto& marker : english_markers) {
    INFO("English text \"" << marker << "\" in German output:\n" << text);
    CHECK(text.find(marker) == std::string::npos);
  }
}

} // namespace

TEST_CASE("every --help exists in German and English, option by option", "[cli][texts]") {
  for (const auto& sub : subcommands) {
    INFO("lotse " << sub << " --help");
    const auto de = lotse_run({sub, "--help"});
    const auto en = lotse_run({sub, "--help", "--lang", "en"});
    REQUIRE(de.code == 0);
    REQUIRE(en.code == 0);
    CHECK(de.out.find("Aufruf: lotse " + sub) != std::string::npos);
    CHECK(en.out.find("Usage: lotse " + sub) != std::string::npos);
    CHECK(de.out.find("Rückgabewerte") != std::string::npos);
    CHECK(en.out.find("Exit codes:") != std::string::npos);
    check_german(de.out);
    const auto de_options = option_descriptions(de.out);
    const auto en_options = option_descriptions(en.out);
    CHECK(de_options.size() >= 4);  // at least -h, --lang, -q, -v
    for (const auto& [name, text] : de_options) {
      INFO(name << " (a line in cli/cli_texts.cpp is missing when both languages are the same)");
      REQUIRE(en_options.count(name) == 1);
      CHECK_FALSE(text.empty());
      CHECK(text != en_options.at(name));
    }
  }
  const auto top_de = lotse_run({"--help"});
  CHECK(top_de.code == 0);
  check_german(top_de.out);
  for (const auto& sub : subcommands) CHECK(top_de.out.find("  " + sub) != std::string::npos);
}

TEST_CASE("parser errors are German by default and English with --lang en", "[cli][texts]") {
  const std::string model = lotse::test::sample("hundesteuer.bpmn");
  struct Case {
    std::vector<std::string> args;
    std::string de, en;
  };
  const std::vector<Case> cases{
      {{}, "lotse braucht einen Unterbefehl", "lotse needs a subcommand"},
      {{"analyze"}, "bitte mindestens eine Datei oder einen Ordner angeben", "files is required"},
      {{"check", model, "--no-such-option"}, "Nicht erwartete Angabe(n): --no-such-option", "not expected"},
      {{"analyze", model, "--hours-per-fte", "9000"}, "liegt nicht zwischen 1 und 8760", "not in range"},
      {{"analyze", model, "--format", "odt"}, "erwartet md, html, json", "expected md, html, json"},
      {{"stats", model, "--format", "xml"}, "„xml“ ist nicht möglich; erlaubt sind", "not in {"},
      {{"convert", model}, "Die Angabe --output fehlt", "--output is required"},
      {{"simulate", model, "--replications", "0"}, "liegt nicht zwischen 1 und 10000", "not in range"},
      {{"analyze", model, "--lang", "fr"}, "„fr“ ist nicht möglich", "not in {"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> en_args = c.args;
    en_args.insert(en_args.end(), {"--lang", "en"});
    if (c.args.empty() || c.args.back() == "fr") en_args = c.args;
    const auto de = lotse_run(c.args);
    INFO("lotse " << (c.args.empty() ? std::string() : c.args.front()) << " ...\n" << de.err);
    CHECK(de.code == 2);
    CHECK(de.err.find(c.de) != std::string::npos);
    check_german(de.err);
    if (en_args == c.args) continue;  // --lang en cannot be added to these
    const auto en = lotse_run(en_args);
    INFO(en.err);
    CHECK(en.code == 2);
    CHECK(en.err.find(c.en) != std::string::npos);
    CHECK(en.err.find("Help: lotse") != std::string::npos);
  }
  // No subcommand: the hint lists every subcommand (what a clerk who double-clicks sees).
  const auto none = lotse_run({});
  for (const auto& sub : subcommands) CHECK(none.err.find("  " + sub) != std::string::npos);
}

TEST_CASE("LANG=en selects English when --lang is not given", "[cli][texts]") {
  const char* old = std::getenv("LANG");
  const std::string saved = old ? old : "";
  ::setenv("LANG", "en_GB.UTF-8", 1);
  const auto en = lotse_run({"check", "--help"});
  const auto forced = lotse_run({"check", "--help", "--lang", "DE"});
  if (old) ::setenv("LANG", saved.c_str(), 1); else ::unsetenv("LANG");
  CHECK(en.out.find("Usage: lotse check") != std::string::npos);
  CHECK(forced.out.find("Aufruf: lotse check") != std::string::npos);
}

TEST_CASE("enum options accept any case", "[cli][texts]") {
  const std::string model = lotse::test::sample("hundesteuer.bpmn");
  const auto html = lotse_run({"analyze", model, "--format", "HTML", "-o", "-", "-q", "--lang", "DE"});
  CHECK(html.code == 0);
  CHECK(html.out.find("<html") != std::string::npos);
  CHECK(html.out.find("Medienbr") != std::string::npos);
  const auto en = lotse_run({"analyze", model, "--format", "Json", "-o", "-", "-q", "--lang", "EN"});
  CHECK(en.code == 0);
  CHECK(en.out.find("\"language\": \"en\"") != std::string::npos);
  CHECK(lotse_run({"stats", model, "--format", "JSON"}).code == 0);
}

TEST_CASE("analyze writes HTML into files and Markdown to standard output by default", "[cli][texts]") {
  TempDir dir("default-format");
  const auto files = lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "-o", dir.str(), "-q"});
  CHECK(files.code == 0);
  CHECK(fs::is_regular_file(dir.path / "hundesteuer.html"));
  CHECK_FALSE(fs::exists(dir.path / "hundesteuer.md"));
  const auto stdout_report = lotse_run({"analyze", lotse::test::sample("hundesteuer.bpmn"), "-o", "-", "-q"});
  CHECK(stdout_report.out.rfind("# ", 0) == 0);  // a Markdown heading, not "<!DOCTYPE"
}

TEST_CASE("a folder as input means its model files, sorted; --recursive adds sub-folders", "[cli][texts]") {
  TempDir dir("folder");
  fs::create_directories(dir.path / "unter");
  fs::copy_file(lotse::test::sample("hundesteuer.bpmn"), dir.path / "b.bpmn");
  fs::copy_file(lotse::test::sample("bausteintabelle-hundesteuer-abmeldung.csv"), dir.path / "a.csv");
  fs::copy_file(lotse::test::sample("gewerbeanmeldung.bpmn"), dir.path / "unter" / "c.bpmn");
  std::ofstream(dir.path / "notiz.docx") << "kein Modell";
  const auto flat = lotse_run({"stats", dir.str()});
  CHECK(flat.code == 0);
  const auto a = flat.out.find("a.csv"), b = flat.out.find("b.bpmn");
  CHECK(a != std::string::npos);
  CHECK(b != std::string::npos);
  CHECK(a < b);
  CHECK(flat.out.find("c.bpmn") == std::string::npos);
  CHECK(flat.out.find("notiz") == std::string::npos);
  CHECK(flat.err.find("leer") == std::string::npos);
  const auto deep = lotse_run({"stats", dir.str(), "--recursive"});
  CHECK(deep.out.find("c.bpmn") != std::string::npos);
  TempDir empty("empty-folder");
  const auto none = lotse_run({"analyze", empty.str(), "-o", "-"});
  CHECK(none.code == 65);
  CHECK(none.err.find("enthält keine Modelldateien (.xml .bpmn") != std::string::npos);
}

TEST_CASE("check says \"keine Befunde\" for a clean model; unknown file types list the formats", "[cli][texts]") {
  TempDir dir("check");
  const fs::path clean = dir.path / "sauber.bpmn";
  std::ofstream(clean)
      << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"D\" targetNamespace=\"x\">\n"
         "  <process id=\"P\" isExecutable=\"false\">\n"
         "    <startEvent id=\"S\" name=\"Antrag da\"><outgoing>f1</outgoing></startEvent>\n"
         "    <userTask id=\"T\" name=\"Antrag prüfen\"><incoming>f1</incoming><outgoing>f2</outgoing></userTask>\n"
         "    <endEvent id=\"E\" name=\"Erledigt\"><incoming>f2</incoming></endEvent>\n"
         "    <sequenceFlow id=\"f1\" sourceRef=\"S\" targetRef=\"T\"/>\n"
         "    <sequenceFlow id=\"f2\" sourceRef=\"T\" targetRef=\"E\"/>\n"
         "  </process>\n"
         "</definitions>\n";
  const auto de = lotse_run({"check", clean.string()});
  INFO(de.out << de.err);
  CHECK(de.code == 0);
  CHECK(de.out == clean.string() + ": keine Befunde\n");
  CHECK(lotse_run({"check", clean.string(), "--lang", "en"}).out == clean.string() + ": no findings\n");
  const fs::path doc = dir.path / "brief.docx";
  std::ofstream(doc) << "PK\x03\x04 kein Modell";
  const auto unknown = lotse_run({"check", doc.string()});
  CHECK(unknown.code == 65);
  CHECK(unknown.out.find("BPMN 2.0, PICTURE-XML, XProzess 2.0 oder Bausteintabelle CSV") != std::string::npos);
}

TEST_CASE("lotse --version prints the version", "[cli][texts]") {
  const auto v = lotse_run({"--version"});
  CHECK(v.code == 0);
  CHECK(v.out.rfind("lotse 0.", 0) == 0);
}
