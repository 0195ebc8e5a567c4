// SPDX-License-Identifier: MIT
// The media-break keyword lexicon (data/medienbruch_lexikon.json): German and English terms per
// media-break kind, negative cues ("Online-Antrag", "E-Akte", "ePayBL" ...) and cue lists for data
// objects, lanes, IT systems and participants. Matching works on folded tokens (lower case, ä -> ae,
// ß -> ss, every other non-alphanumeric is a boundary), so "Antrag abtippen" matches "abtippen" while
// "Signal" never matches "sign". A '*' at either end of a token pattern allows compounds.
#pragma once

#include "analysis/media_breaks.h"
#include "engine/diagnostics.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::analysis {

/// Folds text for matching: lower case, umlauts as ae/oe/ue, ß as ss, other non-alphanumerics blank.
[[nodiscard]] std::string fold_text(std::string_view s);
/// Folded tokens of a text ("Online-Antrag (Papier)" -> online, antrag, papier).
[[nodiscard]] std::vector<std::string> tokenize(std::string_view s);

/// One pattern of one or more tokens; "*akte" matches "papierakte", "scan*" matches "scannen".
class Term {
public:
  explicit Term(std::string_view written);
  [[nodiscard]] const std::string& written() const { return written_; }
  [[nodiscard]] bool matches(const std::vector<std::string>& tokens) const { return !match(tokens).empty(); }
  /// The matched words joined by blanks ("ausdrucken" for "*drucken"), empty when there is no match.
  [[nodiscard]] std::string match(const std::vector<std::string>& tokens) const;
  [[nodiscard]] bool empty() const { return pieces_.empty(); }

private:
  struct Piece {
    std::string text;
    bool any_before = false;  ///< leading '*': the token may have a prefix
    bool any_after = false;   ///< trailing '*': the token may have a suffix
  };
  std::string written_;
  std::vector<Piece> pieces_;
};

/// A list of terms; the first that matches wins.
class TermList {
public:
  void add(std::string_view written);
  [[nodiscard]] const Term* find(const std::vector<std::string>& tokens) const;
  /// The words matched by the first matching term, empty when none matches.
  [[nodiscard]] std::string match(const std::vector<std::string>& tokens) const;
  [[nodiscard]] bool matches(const std::vector<std::string>& tokens) const { return find(tokens) != nullptr; }
  [[nodiscard]] bool empty() const { return terms_.empty(); }

private:
  std::vector<Term> terms_;
};

/// A lexicon entry: terms that indicate one media-break kind, with the conditions under which they fire.
struct LexiconEntry {
  std::string id;
  MediaBreakKind kind = MediaBreakKind::retyping;
  TermList terms;
  TermList requires_any;       ///< one of these must also occur in the same text (e.g. "Kasse" + "bezahlen")
  TermList unless_any;         ///< any of these vetoes the entry ("Daten kopieren" is no paper copy)
  bool paper_context = false;  ///< fires only when the node handles paper (weak verbs: "erfassen", "eingeben")
  bool negatable = true;       ///< the global negative cues ("online", "elektronisch" ...) veto it
  bool automated = false;      ///< may fire on service, script, business-rule, send and receive tasks
  bool events = false;         ///< may fire on event names ("Antrag per Post eingegangen")
  bool whole_node = true;      ///< the step exists only because of the break (a measure removes it)
  std::string reason_de, reason_en;
  std::string source;
};

/// A lane whose name marks paper handling ("Poststelle", "Registratur", "Stadtkasse"): tasks in it
/// whose names carry one of the task terms are breaks of the given kind.
struct LaneRule {
  std::string id;
  TermList lane_terms;
  MediaBreakKind kind = MediaBreakKind::paper_inbound;
  TermList task_terms;
  std::string reason_de, reason_en;
};

/// The whole lexicon; an empty one (loaded == false) when the file could not be read.
struct Lexicon {
  bool loaded = false;
  std::string path;
  std::string version;
  std::vector<LexiconEntry> entries;
  std::vector<LaneRule> lanes;
  TermList negative;         ///< digital cues that veto negatable entries
  TermList paper;            ///< paper documents: data object names/states, message names
  TermList unstructured;     ///< digital but unstructured documents (PDF, image): retyping source too
  TermList paper_store;      ///< paper files as data stores ("Papierakte", "Aktenordner")
  TermList efile;            ///< e-file / DMS systems ("eVA.SAX", "DiVA", "E-Akte")
  TermList external_party;   ///< participants outside the administration ("Bürger", "Antragsteller")
  TermList authority;        ///< other public bodies as recipients ("IHK", "Finanzamt")
  TermList business;         ///< companies and traders as recipients ("Unternehmen", "Gewerbetreibende")
  TermList internal_office;  ///< offices of the town itself ("Steueramt", "Kämmerei"): paper to them is Hauspost
  TermList cash;             ///< payment methods that are media breaks ("bar", "Überweisung")
  TermList epayment;         ///< electronic payment ("ePayBL", "Kreditkarte", "SEPA-Lastschrift")
};

/// Reads the lexicon file; problems become MED-00x notes and give an empty or partial lexicon.
[[nodiscard]] Lexicon load_lexicon(const std::string& path, engine::Diagnostics& notes);
/// Kind by stable id ("retyping"), nullopt for unknown ids.
[[nodiscard]] std::optional<MediaBreakKind> media_break_from_id(std::string_view id);

/// An entry that fired on a text and the words of the text that made it fire.
struct KeywordHit {
  const LexiconEntry* entry = nullptr;
  std::string term;  ///< the matched words, folded ("ausdrucken")
};
/// Entries whose terms occur in `tokens`, after requires/unless/negative cues; paper_context,
/// automated and events are left to the caller.
[[nodiscard]] std::vector<KeywordHit> match_keywords(const Lexicon& lex, const std::vector<std::string>& tokens);

} // namespace lotse::analysis
