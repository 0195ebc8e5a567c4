// SPDX-License-Identifier: MIT
// PICTURE building-block types ("Prozessbausteine"), the union of the method versions in
// shared/docs/domain.md §1.2. Canonical ids are the Oryx stencil ids (stable, English); importers map
// German names and their ae/oe/ue spellings to these by name, never by installation-specific ids.
#pragma once

#include <optional>
#include <string_view>

namespace lotse::engine {

/// The five PICTURE categories.
enum class BlockCategory { information_flow, media_change, documentation, administrative_work, coordination, generic };

/// One PICTURE building-block type. `none` = not a PICTURE block (plain BPMN task).
enum class BlockType {
  none,
  incoming_document,   ///< Dokument/Information geht ein (entgegennehmen)
  outgoing_document,   ///< Dokument/Information geht aus (versenden)
  pause_editing,       ///< Bearbeitungsunterbrechung
  edv_input,           ///< Daten in EDV übernehmen (Medienwechsel)
  print,               ///< Drucken (Medienwechsel)
  scan,                ///< Scannen (Medienwechsel)
  copy,                ///< Kopieren (Medienwechsel)
  save_to_volume,      ///< Datenträger bespielen (Medienwechsel)
  create_document,     ///< Dokument/Information erstellen
  capture_data,        ///< Erfassen/Registrieren
  edit_document,       ///< Dokument/Information bearbeiten
  archive_document,    ///< Dokument archivieren/ablegen
  file_out_document,   ///< Dokument aussondern
  sign_document,       ///< Dokument unterschreiben
  review_document,     ///< Dokument sichten
  check_formally,      ///< Formelle Prüfung
  check_content,       ///< Inhaltliche Prüfung
  calculate,           ///< Berechnung durchführen
  collect_money,       ///< Kassieren / Einzahlung entgegennehmen
  pay_money,           ///< Auszahlung durchführen
  relocate,            ///< Bearbeitungsort wechseln
  research,            ///< Recherche durchführen
  request,             ///< Rückfrage durchführen
  settle_agreement,    ///< Absprache/Vereinbarung treffen
  consulting,          ///< Beratung durchführen
  forward,             ///< Vorgang weiterleiten
  special_task,        ///< Spezialtätigkeit
};

/// Canonical id, e.g. "edvinput" (Oryx stencil id).
[[nodiscard]] std::string_view block_id(BlockType t);
/// Canonical German name, e.g. "Daten in EDV übernehmen".
[[nodiscard]] std::string_view block_name_de(BlockType t);
/// English name, e.g. "Enter data into IT system".
[[nodiscard]] std::string_view block_name_en(BlockType t);
[[nodiscard]] BlockCategory block_category(BlockType t);
/// Finds a block type by canonical id, German name or a known alias (umlauts or ae/oe/ue, any case,
/// surrounding blanks ignored). Returns nullopt for unknown names.
[[nodiscard]] std::optional<BlockType> find_block_type(std::string_view name_or_id);

} // namespace lotse::engine
