// SPDX-License-Identifier: MIT
// Names and aliases from shared/docs/domain.md §1.2 (Saxon overview page, the 2010 PICTURE export's
// methodDefinition, the Oryx PICTURE stencil set).
#include "engine/block_types.h"

#include "engine/text_fold.h"

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

namespace lotse::engine {
namespace {

struct BlockInfo {
  BlockType type;
  std::string_view id;
  std::string_view de;
  std::string_view en;
  BlockCategory category;
  std::vector<std::string_view> aliases;
};

const std::vector<BlockInfo>& blocks() {
  using C = BlockCategory;
  static const std::vector<BlockInfo> table{
      {BlockType::incoming_document, "incomingdocument", "Dokument/Information geht ein", "Document/information comes in", C::information_flow,
       {"Dokument/Information entgegennehmen", "Dokument geht ein", "Information geht ein", "Dokument entgegennehmen", "Information entgegennehmen", "Eingang"}},
      {BlockType::outgoing_document, "outgoingdocument", "Dokument/Information geht aus", "Document/information goes out", C::information_flow,
       {"Dokument/Information versenden", "Dokument geht aus", "Information geht aus", "Dokument versenden", "Information versenden", "Ausgang"}},
      {BlockType::pause_editing, "pauseediting", "Bearbeitungsunterbrechung", "Processing interruption", C::information_flow,
       {"Unterbrechung"}},
      {BlockType::edv_input, "edvinput", "Daten in EDV übernehmen", "Enter data into IT system", C::media_change,
       {"Dateneingabe in die EDV", "Daten in die EDV übernehmen", "Dateneingabe in EDV", "EDV-Eingabe"}},
      {BlockType::print, "print", "Drucken", "Print", C::media_change, {"Dokument drucken"}},
      {BlockType::scan, "scan", "Scannen", "Scan", C::media_change, {"Dokument scannen"}},
      {BlockType::copy, "copy", "Kopieren", "Copy", C::media_change, {"Dokument vervielfältigen", "Dokument kopieren"}},
      {BlockType::save_to_volume, "savetovolume", "Datenträger bespielen", "Write to data carrier", C::media_change, {}},
      {BlockType::create_document, "createnewdocument", "Dokument/Information erstellen", "Create document/information", C::documentation,
       {"Neues Dokument erstellen", "Dokument erstellen", "Information erstellen", "Neues Dokument/Information erstellen"}},
      {BlockType::capture_data, "capturedata", "Erfassen/Registrieren", "Capture/register", C::documentation, {"Erfassen", "Registrieren"}},
      {BlockType::edit_document, "editdocument", "Dokument/Information bearbeiten", "Edit document/information", C::documentation,
       {"Dokument bearbeiten", "Information bearbeiten"}},
      {BlockType::archive_document, "archivedocument", "Dokument archivieren", "Archive document", C::documentation,
       {"Dokument ablegen", "Dokument archivieren/ablegen", "Archivieren", "Ablegen", "Dokument archivieren / ablegen"}},
      {BlockType::file_out_document, "fileoutdocument", "Dokument aussondern", "Discard document", C::documentation, {"Aussondern"}},
      {BlockType::sign_document, "signdocument", "Dokument unterschreiben", "Sign document", C::documentation, {"Unterschreiben"}},
      {BlockType::review_document, "reviewdocument", "Dokument sichten", "Review document", C::administrative_work, {"Sichten"}},
      {BlockType::check_formally, "checkdocumentformally", "Formelle Prüfung", "Formal check", C::administrative_work,
       {"Formell prüfen", "Formelle Pruefung", "Dokument formell prüfen"}},
      {BlockType::check_content, "checkdocumentcontent", "Inhaltliche Prüfung", "Content check", C::administrative_work,
       {"Inhaltlich prüfen", "Dokument inhaltlich prüfen"}},
      {BlockType::calculate, "docalculation", "Berechnung durchführen", "Calculate", C::administrative_work, {"Berechnen", "Berechnung"}},
      {BlockType::collect_money, "collectmoney", "Kassieren", "Collect payment", C::administrative_work,
       {"Einzahlung entgegennehmen", "Kassieren / Einzahlung entgegennehmen", "Kassieren/Einzahlung entgegennehmen"}},
      {BlockType::pay_money, "paymoney", "Auszahlung durchführen", "Pay out", C::administrative_work, {"Auszahlen", "Auszahlung"}},
      {BlockType::relocate, "relocate", "Bearbeitungsort wechseln", "Change place of work", C::administrative_work, {}},
      {BlockType::research, "doresearch", "Recherche durchführen", "Research", C::coordination, {"Recherchieren", "Recherche"}},
      {BlockType::request, "dorequest", "Rückfrage durchführen", "Query", C::coordination, {"Rückfrage"}},
      {BlockType::settle_agreement, "settleagreement", "Absprache/Vereinbarung treffen", "Agree/arrange", C::coordination,
       {"Absprache treffen", "Vereinbarung treffen"}},
      {BlockType::consulting, "doconsulting", "Beratung durchführen", "Consult", C::coordination, {"Beraten", "Beratung"}},
      {BlockType::forward, "forward", "Vorgang weiterleiten", "Forward case", C::information_flow, {"Weiterleiten"}},
      {BlockType::special_task, "specialtask", "Spezialtätigkeit", "Special activity", C::generic, {}},
  };
  return table;
}

/// fold_german() with '-' and '_' as blanks (lower-case ASCII, umlauts folded to ae/oe/ue/ss, blank runs
/// collapsed, outer blanks trimmed), then no blank next to '/': "Dokument / Information" = "dokument/information".
std::string normalise(std::string_view s) {
  const std::string folded = fold_german(s, {.other = FoldOther::keep, .blanks = FoldBlanks::collapse, .extra_blanks = "-_"});
  std::string compact;
  compact.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] == ' ' && ((i + 1 < folded.size() && folded[i + 1] == '/') || (!compact.empty() && compact.back() == '/'))) continue;
    compact += folded[i];
  }
  return compact;
}

const BlockInfo* find_info(BlockType t) {
  for (const auto& b : blocks()) if (b.type == t) return &b;
  return nullptr;
}

} // namespace

std::string_view block_id(BlockType t) { const auto* b = find_info(t); return b ? b->id : ""; }
std::string_view block_name_de(BlockType t) { const auto* b = find_info(t); return b ? b->de : ""; }
std::string_view block_name_en(BlockType t) { const auto* b = find_info(t); return b ? b->en : ""; }
BlockCategory block_category(BlockType t) {
  const auto* b = find_info(t);
  return b ? b->category : BlockCategory::generic;
}

std::optional<BlockType> find_block_type(std::string_view name_or_id) {
  // Normalised id, German name and aliases -> type, built once (the first block that has a key wins,
  // as in the table's order); importers look up every block of every table row.
  static const std::unordered_map<std::string, BlockType> by_key = [] {
    std::unordered_map<std::string, BlockType> keys;
    for (const auto& b : blocks()) {
      keys.emplace(normalise(b.id), b.type);
      keys.emplace(normalise(b.de), b.type);
      for (auto alias : b.aliases) keys.emplace(normalise(alias), b.type);
    }
    return keys;
  }();
  const std::string key = normalise(name_or_id);
  if (key.empty()) return std::nullopt;
  const auto it = by_key.find(key);
  if (it == by_key.end()) return std::nullopt;
  return it->second;
}

} // namespace lotse::engine
