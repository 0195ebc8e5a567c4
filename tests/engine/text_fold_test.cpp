// SPDX-License-Identifier: MIT
// engine/text_fold.h and the callers that use it (block types, PICTURE attributes, lexicon, time tables).
#include "engine/text_fold.h"

#include "analysis/lexicon.h"
#include "analysis/tables.h"
#include "engine/block_types.h"
#include "importers/picture_attrs.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using lotse::engine::FoldBlanks;
using lotse::engine::FoldOptions;
using lotse::engine::FoldOther;
using lotse::engine::fold_german;
using lotse::engine::fold_key;
using lotse::engine::fold_words;

TEST_CASE("fold_german folds German letters in UTF-8 and lower-cases ASCII", "[engine][fold]") {
  CHECK(fold_german("äöü") == "aeoeue");
  CHECK(fold_german("ÄÖÜ") == "aeoeue");
  CHECK(fold_german("ß") == "ss");
  CHECK(fold_german("Maße") == "masse");
  CHECK(fold_german("ZAHLUNG ÜBERWACHEN") == "zahlung ueberwachen");
  CHECK(fold_german("GeBüHrEnBeScHeId") == "gebuehrenbescheid");
  CHECK(fold_german("Straße 12b") == "strasse 12b");
  CHECK(fold_german("") == "");
  // Already folded text is a fixed point.
  CHECK(fold_german("pruefung der masse") == "pruefung der masse");
}

TEST_CASE("fold_german collapses and trims blanks by default", "[engine][fold]") {
  CHECK(fold_german("  Prüfung\n der Maße ") == "pruefung der masse");
  CHECK(fold_german("a\t\t\r\nb") == "a b");
  CHECK(fold_german("a\v\fb") == "a b");
  CHECK(fold_german("a\xC2\xA0\xC2\xA0" "b") == "a b");  // no-break spaces
  CHECK(fold_german("\xC2\xA0" "Antrag\xC2\xA0") == "antrag");
  CHECK(fold_german("   ") == "");
  CHECK(fold_german(" \t\n") == "");
  // Punctuation is kept by default, blanks next to it too.
  CHECK(fold_german("Dokument / Information") == "dokument / information");
  CHECK(fold_german("E-Akte (neu)") == "e-akte (neu)");
}

TEST_CASE("fold_german passes other UTF-8 and invalid bytes through unchanged by default", "[engine][fold]") {
  CHECK(fold_german("Café") == "café");
  CHECK(fold_german("CAFÉ") == "caf\xC3\x89");  // only ASCII and German letters change case
  CHECK(fold_german("30 €") == "30 €");
  CHECK(fold_german("\xE1\xBA\x9E") == "\xE1\xBA\x9E");  // capital sharp s U+1E9E is not folded
  CHECK(fold_german("\xD0\x82") == "\xD0\x82");          // Cyrillic
  // Invalid UTF-8: every byte stays as it is, a following ASCII letter is still lower-cased.
  CHECK(fold_german("a\xFF" "b") == "a\xFF" "b");
  CHECK(fold_german("x\xC3") == "x\xC3");                 // lone lead byte at the end
  CHECK(fold_german("\xC3" "A") == "\xC3" "a");           // lead byte before ASCII
  CHECK(fold_german("\xC2" "A") == "\xC2" "a");
  CHECK(fold_german("M\xE4rz") == "m\xE4rz");             // Latin-1 "ä" is not folded
  CHECK(fold_german("\xDF") == "\xDF");                   // Latin-1 "ß" is not folded
  CHECK(fold_german("\xA4\xC3") == "\xA4\xC3");           // German-letter bytes in the wrong order
}

TEST_CASE("fold_german options", "[engine][fold]") {
  const FoldOptions hyphen{.other = FoldOther::keep, .blanks = FoldBlanks::collapse, .extra_blanks = "-_"};
  CHECK(fold_german("EDV-Eingabe_neu", hyphen) == "edv eingabe neu");
  CHECK(fold_german("--Ä--", hyphen) == "ae");
  CHECK(fold_german("a/b", hyphen) == "a/b");

  const FoldOptions drop_other{.other = FoldOther::drop, .blanks = FoldBlanks::collapse};
  CHECK(fold_german("E-Mail (neu) ", drop_other) == "email neu");
  CHECK(fold_german("a - b", drop_other) == "a b");
  CHECK(fold_german("Café au lait", drop_other) == "caf au lait");

  const FoldOptions drop_blanks{.other = FoldOther::keep, .blanks = FoldBlanks::drop};
  CHECK(fold_german("Dokument / Info", drop_blanks) == "dokument/info");
  CHECK(fold_german(" Café ", drop_blanks) == "café");

  const FoldOptions blank_then_drop{.other = FoldOther::blank, .blanks = FoldBlanks::drop};
  CHECK(fold_german("a-b c", blank_then_drop) == "abc");
}

TEST_CASE("fold_key keeps only ASCII letters and digits", "[engine][fold]") {
  CHECK(fold_key("Persönlich (Übergabe von Schriftstücken)") == "persoenlichuebergabevonschriftstuecken");
  CHECK(fold_key("Eingangskanal in %:") == "eingangskanalin");
  CHECK(fold_key("ÄÖÜ äöü ß") == "aeoeueaeoeuess");
  CHECK(fold_key("E-Mail") == "email");
  CHECK(fold_key("E\xC2\xA0Mail") == "email");
  CHECK(fold_key("k.A.") == "ka");
  CHECK(fold_key("Café") == "caf");
  CHECK(fold_key("30 €") == "30");
  CHECK(fold_key("") == "");
  CHECK(fold_key(" - ") == "");
  CHECK(fold_key("\xC3") == "");
  CHECK(fold_key("\xC3" "A") == "a");  // the old loops swallowed the 'A' after a lone lead byte
  CHECK(fold_key("M\xE4rz") == "mrz");
}

TEST_CASE("fold_words separates words by single blanks", "[engine][fold]") {
  CHECK(fold_words("Gebühr an der Straßen-Kasse") == "gebuehr an der strassen kasse");
  CHECK(fold_words("  Online-Antrag (Papier)  ") == "online antrag papier");
  CHECK(fold_words("ÜBERWEISUNG") == "ueberweisung");
  CHECK(fold_words("Café au lait") == "caf au lait");
  CHECK(fold_words("€ 12,50") == "12 50");
  CHECK(fold_words("IT-System") == "it system");
  CHECK(fold_words("IT  /  System") == "it system");
  CHECK(fold_words("") == "");
  CHECK(fold_words("---") == "");
  CHECK(fold_words("ab\xFF" "cd") == "ab cd");
  CHECK(fold_words("M\xE4rz") == "m rz");
}

TEST_CASE("callers of the fold keep their matching", "[engine][fold]") {
  using lotse::engine::BlockType;
  using lotse::engine::find_block_type;
  CHECK(find_block_type("Dokument / Information erstellen") == BlockType::create_document);
  CHECK(find_block_type("Dokument/ Information geht ein") == BlockType::incoming_document);
  CHECK(find_block_type("EDV-Eingabe") == BlockType::edv_input);
  CHECK(find_block_type("edv_eingabe") == BlockType::edv_input);
  CHECK(find_block_type("edv  eingabe") == BlockType::edv_input);
  CHECK(find_block_type("DATEN IN EDV ÜBERNEHMEN") == BlockType::edv_input);
  CHECK(find_block_type("Formelle\xC2\xA0Prüfung") == BlockType::check_formally);
  CHECK(find_block_type("Spezialtätigkeit") == BlockType::special_task);
  CHECK(find_block_type("specialtask") == BlockType::special_task);
  CHECK_FALSE(find_block_type("special task"));
  CHECK_FALSE(find_block_type(" - "));

  CHECK(lotse::importers::picture_attrs::fold("(ein) Persoenlich (mündliches Vorsprechen)") ==
        "einpersoenlichmuendlichesvorsprechen");
  CHECK(lotse::importers::picture_attrs::is_blank_value(" k. A. "));

  CHECK(lotse::analysis::fold_text("Online-Antrag (Papier)") == "online antrag papier");
  CHECK(lotse::analysis::tokenize("Gebühr, Straßen-Kasse!") == std::vector<std::string>{"gebuehr", "strassen", "kasse"});

  CHECK(lotse::analysis::fold_name(" Antrag  prüfen / Café ") == "antrag pruefen / café");
}
