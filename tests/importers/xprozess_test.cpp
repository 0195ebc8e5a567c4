// SPDX-License-Identifier: MIT
// XProzess 2.0 importer: the base64/ZIP layer on its own, small hand-made exports for each failure
// (with file:line and exact texts), and the real FIM export from shared/corpus through the whole chain.
#include "cli/run.h"
#include "importers/importer.h"
#include "importers/xprozess.h"
#include "importers/xprozess_archive.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace lotse;
using importers::xprozess::decode_base64;
using importers::xprozess::extract_model_file;
using importers::xprozess::ZipExtract;

namespace {

// ZIP (deflated) holding "model.bpmn": S -> SP_1 ("Antrag empfangen", a sub-process) -> E, 402 bytes.
constexpr const char* zip_with_model =
    "UEsDBBQAAAAIAGVGd12eq2st7gAAAJIBAAAKAAAAbW9kZWwuYnBtbnWQwU7DMBBE7/kKa+/ESQQSQnEqEOmJlojCGYV4Yyw162A7TT8fy6Vq"
    "OPTo2Xkz3i1Xx2HPDmidNiQgTzNgSJ2RmpSAj/f1zT2sqqSU2GvSPpgcCwQ5Ad/ejw+cz/OcmkGlxiruRuz4U7PZ8iLLs+yuuOWb1+f6BZiW"
    "AiQw31qFftsO6Ma2QwFHqBLGytGaDp2LtiZKQXTB7esDko/6Dhg/T6avZkHsms8cGIVUAY/kbasYDmPfkkK6QEjyElYvwvBnCivjem/mOOtD"
    "mDOT7fAN+9h7+vbpFbuus8V/NroX+Lm35H8rh9vyxXGr5BdQSwECFAMUAAAACABlRnddnqtrLe4AAACSAQAACgAAAAAAAAAAAAAAgAEAAAAA"
    "bW9kZWwuYnBtblBLBQYAAAAAAQABADgAAAAWAQAAAAA=";
// ZIP holding only "readme.txt".
constexpr const char* zip_without_model =
    "UEsDBBQAAAAIAGVGd10nShAKDQAAAAsAAAAKAAAAcmVhZG1lLnR4dMtOzcxT8M1PSc3JAQBQSwECFAMUAAAACABlRnddJ0oQCg0AAAALAAAA"
    "CgAAAAAAAAAAAAAAgAEAAAAAcmVhZG1lLnR4dFBLBQYAAAAAAQABADgAAAA1AAAAAAA=";

/// A minimal export; the `inhalt` text is on line 21.
std::string export_with(const std::string& inhalt, const std::string& sub_process_id = "SP_1", const std::string& rag = "1") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                              // 1
         "<xprozess:alleInhalte.export.0303 xmlns:xprozess=\"http://www.regierung-mv.de/xprozess/2\" produkt=\"ADONIS NP\">\n"
         "  <xprozess:prozessbibliothek>\n"                                                        // 3
         "    <xprozess:prozess>\n"                                                                // 4
         "      <xprozess:id>99123000000000</xprozess:id>\n"                                       // 5
         "      <xprozess:name>Hundesteuer festsetzen</xprozess:name>\n"                           // 6
         "      <xprozess:prozessstrukturbeschreibung>\n"                                          // 7
         "        <xprozess:strukturbeschreibungFIM>\n"                                            // 8
         "          <xprozess:aktivitaetengruppe>\n"                                               // 9
         "            <xprozess:referenzaktivitaetengruppeTyp><code>" + rag + "</code></xprozess:referenzaktivitaetengruppeTyp>\n"
         "            <xprozess:subProzessID>" + sub_process_id + "</xprozess:subProzessID>\n"     // 11
         "            <xprozess:name>Antrag empfangen</xprozess:name>\n"                           // 12
         "            <xprozess:handlungsgrundlage><xprozess:name>§ 8 KAG</xprozess:name></xprozess:handlungsgrundlage>\n"
         "          </xprozess:aktivitaetengruppe>\n"                                              // 14
         "        </xprozess:strukturbeschreibungFIM>\n"                                           // 15
         "      </xprozess:prozessstrukturbeschreibung>\n"                                         // 16
         "      <xprozess:zustandsangaben><xprozess:status><code>6</code></xprozess:status></xprozess:zustandsangaben>\n"
         "      <xprozess:prozessmodell>\n"                                                        // 18
         "        <xprozess:prozessmodelldatei>\n"                                                 // 19
         "          <xprozess:dateiname>BPMN DI-Export</xprozess:dateiname>\n"                     // 20
         "          <xprozess:inhalt>" + inhalt + "</xprozess:inhalt>\n"                           // 21
         "        </xprozess:prozessmodelldatei>\n"
         "      </xprozess:prozessmodell>\n"
         "    </xprozess:prozess>\n"
         "  </xprozess:prozessbibliothek>\n"
         "</xprozess:alleInhalte.export.0303>\n";
}

importers::ImportResult import_text(const std::string& text) {
  return importers::import_source(engine::SourceFile("fim.xml", text));
}

std::string xprozess_path(const std::string& shared) {
  return shared + "/corpus/xprozess/GerPS-onto/Anzeige zur Beschäftigung einer schwangeren oder stillenden Frau bearbeiten.xml";
}

} // namespace

TEST_CASE("base64 decodes RFC 4648 test vectors and skips line breaks", "[xprozess][unit]") {
  CHECK(decode_base64("").bytes.empty());
  CHECK(decode_base64("Zg==").bytes == "f");
  CHECK(decode_base64("Zm8=").bytes == "fo");
  CHECK(decode_base64("Zm9vYmFy").bytes == "foobar");
  CHECK(decode_base64("Zm9v\r\n  YmE=\n").bytes == "fooba");
  CHECK_FALSE(decode_base64("Zm9vYmFy").error_at.has_value());
}

TEST_CASE("base64 reports the first invalid character", "[xprozess][unit]") {
  const auto bad = decode_base64("Zm9v*mFy");
  REQUIRE(bad.error_at.has_value());
  CHECK(*bad.error_at == 4);
  CHECK(decode_base64("Zg==Zg==").error_at == std::optional<std::size_t>{4});  // data after padding
  CHECK(decode_base64("Zm9vY").error_at == std::optional<std::size_t>{5});     // lone trailing character
  CHECK(decode_base64("=Zg").error_at == std::optional<std::size_t>{0});
}

TEST_CASE("the model file is taken out of an in-memory ZIP with libzip", "[xprozess][unit]") {
  const auto zip = decode_base64(zip_with_model);
  REQUIRE_FALSE(zip.error_at);
  const ZipExtract e = extract_model_file(zip.bytes);
  REQUIRE(e.status == ZipExtract::Status::ok);
  CHECK(e.name == "model.bpmn");
  CHECK(e.bytes.size() == 402);
  CHECK(e.bytes.find("<subProcess id=\"SP_1\"") != std::string::npos);

  CHECK(extract_model_file(decode_base64(zip_without_model).bytes).status == ZipExtract::Status::no_entry);
  const ZipExtract junk = extract_model_file("this is not a zip archive");
  CHECK(junk.status == ZipExtract::Status::not_zip);
  CHECK_FALSE(junk.error.empty());
  const ZipExtract big = extract_model_file(zip.bytes, 100);
  CHECK(big.status == ZipExtract::Status::too_large);
}

TEST_CASE("a ZIP cut in the middle is a readable-archive error, not a crash", "[xprozess][unit]") {
  const std::string zip = decode_base64(zip_with_model).bytes;
  for (std::size_t cut : {std::size_t{10}, zip.size() / 2, zip.size() - 10}) {
    const ZipExtract e = extract_model_file(std::string_view(zip).substr(0, cut));
    CHECK(e.status != ZipExtract::Status::ok);
  }
}

TEST_CASE("xprozess sniff claims XProzess exports only", "[xprozess][unit]") {
  CHECK(importers::xprozess::sniff(export_with("").substr(0, 300), "a.xml"));
  CHECK_FALSE(importers::xprozess::sniff("<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>", "a.xml"));
}

TEST_CASE("a small export gives the embedded model with its Aktivitaetengruppe and fact sheet", "[xprozess][unit]") {
  const auto r = import_text(export_with(zip_with_model));
  REQUIRE(r.model);
  const engine::ProcessModel& m = *r.model;
  CHECK(m.format() == "xprozess");
  CHECK(m.source_path() == "fim.xml");
  CHECK(m.name() == "Hundesteuer festsetzen");
  CHECK(m.node_count() == 3);
  CHECK(m.facts().leika_id == "99123000000000");
  CHECK(m.facts().status == "fachlich freigegeben (gold)");
  const auto sp = m.find_node("SP_1");
  REQUIRE(sp);
  CHECK(m.node(*sp).attrs.rag_type == 1);
  CHECK(m.node(*sp).attrs.rag_name == "Antrag empfangen");
  CHECK(m.node(*sp).attrs.legal_basis == std::vector<std::string>{"§ 8 KAG"});
  for (const auto& d : r.diagnostics) CHECK(d.severity != engine::Severity::error);
}

TEST_CASE("broken base64 is reported at its line", "[xprozess][unit]") {
  const auto r = import_text(export_with("UEsDBBQA*AAIAGVG"));
  CHECK_FALSE(r.model);
  REQUIRE(r.diagnostics.size() == 1);
  const auto& d = r.diagnostics.items()[0];
  CHECK(d.code() == "XPR-004");
  CHECK(d.file == "fim.xml");
  CHECK(d.at.line == 21);
  CHECK(d.message(engine::Lang::de) == "Prozessmodelldatei: ungültiges Base64 an Zeichen 9");
}

TEST_CASE("a broken ZIP, a ZIP without model and a missing file each give their diagnostic", "[xprozess][unit]") {
  const auto not_zip = import_text(export_with("SGFsbG8gV2VsdA=="));  // "Hallo Welt"
  REQUIRE(not_zip.diagnostics.size() == 1);
  CHECK(not_zip.diagnostics.items()[0].code() == "XPR-005");
  CHECK(not_zip.diagnostics.items()[0].at.line == 21);

  const auto no_model = import_text(export_with(zip_without_model));
  REQUIRE(no_model.diagnostics.size() == 1);
  CHECK(no_model.diagnostics.items()[0].code() == "XPR-006");
  CHECK(no_model.diagnostics.items()[0].message(engine::Lang::en) ==
        "the ZIP archive of the process model file contains no BPMN file");

  std::string text = export_with("");
  const auto empty = import_text(text);
  REQUIRE(empty.diagnostics.size() == 1);
  CHECK(empty.diagnostics.items()[0].code() == "XPR-003");
  CHECK(empty.diagnostics.items()[0].message(engine::Lang::de) ==
        "Der Prozess 'Hundesteuer festsetzen' enthält keine Prozessmodelldatei (prozessmodell/prozessmodelldatei/inhalt)");
}

TEST_CASE("truncated XML gives a syntax error with line and no model", "[xprozess][unit]") {
  const std::string text = export_with(zip_with_model);
  const auto r = import_text(text.substr(0, text.find("</xprozess:prozess>")));
  CHECK_FALSE(r.model);
  REQUIRE_FALSE(r.diagnostics.empty());
  CHECK(r.diagnostics.items()[0].code() == "IN-004");
  CHECK(r.diagnostics.items()[0].at.line > 20);
}

TEST_CASE("an Aktivitaetengruppe without its sub-process and an unknown RAG code are warnings", "[xprozess][unit]") {
  const auto missing = import_text(export_with(zip_with_model, "SP_404"));
  REQUIRE(missing.model);
  REQUIRE(missing.diagnostics.contains(engine::DiagId::xpr_group_unmatched));
  for (const auto& d : missing.diagnostics) {
    if (d.id == engine::DiagId::xpr_group_unmatched) {
      CHECK(d.at.line == 9);
      CHECK(d.message(engine::Lang::de) ==
            "Aktivitätengruppe 'Antrag empfangen' verweist auf Teilprozess 'SP_404', der im BPMN-Modell fehlt");
    }
  }
  const auto bad_rag = import_text(export_with(zip_with_model, "SP_1", "12"));
  REQUIRE(bad_rag.model);
  CHECK(bad_rag.diagnostics.contains(engine::DiagId::xpr_bad_rag));
  CHECK(bad_rag.model->node(*bad_rag.model->find_node("SP_1")).attrs.rag_type == 0);
}

TEST_CASE("the FIM export from GerPS-onto reads with 12 Aktivitaetengruppen on their sub-processes", "[xprozess][corpus][shared]") {
  const std::string shared = test::require_shared();
  if (shared.empty()) return;
  const auto r = importers::import_file(xprozess_path(shared));
  REQUIRE(r.model);
  CHECK_FALSE(r.diagnostics.has_errors());
  const engine::ProcessModel& m = *r.model;
  CHECK(m.format() == "xprozess");
  CHECK(m.name() == "Anzeige zur Beschäftigung einer schwangeren oder stillenden Frau bearbeiten");
  CHECK(m.node_count() == 33);
  CHECK(m.flows().size() == 33);
  CHECK(m.message_flows().size() == 9);
  CHECK(m.has_diagram());
  CHECK(m.facts().leika_id == "99006028261000");
  CHECK(m.facts().status == "in Bearbeitung");
  CHECK(m.facts().classification == "611.07.01 Gesundheitliche Aufklärung");
  CHECK(m.facts().legal_basis == std::vector<std::string>{"§ 27 MuSchG", "§ 29 MuSchG", "§ 5 ArbSchG"});
  std::map<int, int> by_rag;
  for (const auto& n : m.nodes()) {
    if (n.attrs.rag_type > 0) {
      CHECK(n.kind == engine::NodeKind::sub_process);
      ++by_rag[n.attrs.rag_type];
    }
  }
  CHECK(by_rag == std::map<int, int>{{1, 1}, {2, 4}, {3, 2}, {4, 2}, {5, 1}, {7, 2}});
  const auto formal = m.find_node("_f8b43c65-cc8a-4064-ab39-b77e8db5cd4b");
  REQUIRE(formal);
  CHECK(m.node(*formal).attrs.rag_name == "Anzeige formell prüfen");
  CHECK(m.node(*formal).attrs.legal_basis == std::vector<std::string>{"§ 27 (1) MuSchG"});
}

TEST_CASE("lotse stats lists the Aktivitaetengruppen; a damaged export exits with 65", "[xprozess][cli][shared]") {
  const std::string shared = test::require_shared();
  if (shared.empty()) return;
  std::ostringstream out, err;
  CHECK(cli::run({"stats", xprozess_path(shared)}, out, err) == 0);
  CHECK(out.str().find("Aktivitätengruppe RAG 5: Über Erhebung einer Geldbuße entscheiden") != std::string::npos);
  CHECK(out.str().find("SubProcess 12") != std::string::npos);

  std::ifstream in(xprozess_path(shared), std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto pos = text.find("UEsDBBQACAgIADZ9hFQ");  // the BPMN ZIP
  REQUIRE(pos != std::string::npos);
  text[pos + 40] = '#';
  const std::string broken = test::binary_dir() + "/xprozess_broken_base64.xml";
  std::ofstream(broken, std::ios::binary) << text;
  std::ostringstream out2, err2;
  CHECK(cli::run({"stats", broken}, out2, err2) == 65);
  CHECK(out2.str().find(":659:") != std::string::npos);
  CHECK(out2.str().find("XPR-004") != std::string::npos);
  std::filesystem::remove(broken);
}

TEST_CASE("a ZIP bomb in XProzess stops at 200-fold expansion, before 64 MB", "[importer][xprozess][bounds]") {
  // 200 MB of zeros deflate to about 0.2 MB (a ratio of 1,000, like the 600 MB probe of #16); written by
  // Python's zipfile.
  const std::filesystem::path zip = std::filesystem::temp_directory_path() / ("lotse-zip-bomb-" + std::to_string(::getpid()) + ".zip");
  const std::string cmd = "python3 -c \"import zipfile; z = zipfile.ZipFile('" + zip.string() +
                          "', 'w', zipfile.ZIP_DEFLATED); z.writestr('modell.bpmn', bytes(200 << 20)); z.close()\"";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(zip, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(bytes.size() < (std::size_t{2} << 20));
  const auto r = importers::xprozess::extract_model_file(bytes);
  CHECK(r.status == importers::xprozess::ZipExtract::Status::too_large);
  CHECK(r.error == "entry expands more than 200-fold");  // stopped at about 40 MB, before the 64 MB cap
  CHECK(r.bytes.empty());
  std::filesystem::remove(zip);
}
