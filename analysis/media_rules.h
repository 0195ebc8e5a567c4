// SPDX-License-Identifier: MIT
// The evidence collectors behind MediaBreakPass, one per kind of evidence: PICTURE block types and
// attributes, channel shares, BPMN data objects/stores, message flows, lane names and the keyword
// lexicon over node names. Each adds Evidence; media_breaks.cpp merges them into one finding per node
// and kind and adds the print-then-retype round trips. Internal to the analysis layer.
#pragma once

#include "analysis/lexicon.h"
#include "analysis/media_breaks.h"

#include <optional>
#include <string>
#include <vector>

namespace lotse::analysis::media {

/// Strength of evidence; lower wins when several rules name the same node and kind.
enum class Strength { block = 0, attribute = 1, data = 2, message = 3, keyword = 4, lane = 5 };

/// One rule that fired on one node.
struct Evidence {
  MediaBreakKind kind = MediaBreakKind::retyping;
  engine::NodeIndex node = engine::npos;
  Strength strength = Strength::keyword;
  std::string rule;            ///< "block:edvinput", "keyword:abtippen", "channel:post+fax" ...
  std::string reason_de, reason_en;
  double share = 1.0;
  bool whole_node = true;      ///< the step exists only because of the break
};

/// Paper on the way into a node: where it comes from and for which share of the cases.
struct PaperSource {
  double share = 1.0;
  std::string what_de, what_en;  ///< "kommt zu 60 % per Post an" / "arrives by post in 60% of cases"
};

/// What every collector reads: the model, the lexicon and the name tokens of every node.
class Scan {
public:
  /// `visits`: expected executions per node (VisitsPass), may be empty.
  Scan(const engine::ProcessModel& m, const Lexicon& lex, std::vector<double> visits = {});
  /// Expected executions per case of node n; 1 when unknown.
  [[nodiscard]] double visits(engine::NodeIndex n) const { return n < visits_.size() ? visits_[n] : 1.0; }
  [[nodiscard]] const engine::ProcessModel& model() const { return m_; }
  [[nodiscard]] const Lexicon& lexicon() const { return lex_; }
  [[nodiscard]] const std::vector<std::string>& tokens(engine::NodeIndex n) const { return tokens_.at(n); }
  /// Automated task kinds (service, script, business rule, send, receive): no manual work.
  [[nodiscard]] bool automated(engine::NodeIndex n) const;
  /// A text names paper (and no digital cue vetoes it).
  [[nodiscard]] bool paper_text(const std::vector<std::string>& tokens) const;
  /// A data element is a paper document ("Antrag (Papier)", state "Papier").
  [[nodiscard]] bool paper_data(engine::DataIndex d) const;
  /// A data element is an unstructured digital document (PDF, scan) that needs retyping too.
  [[nodiscard]] bool unstructured_data(engine::DataIndex d) const;
  /// A data element is a data store (or its reference) that is not a paper file: an IT system.
  [[nodiscard]] bool system_store(engine::DataIndex d) const;
  /// A data element is a paper file ("Papierakte", "Aktenordner").
  [[nodiscard]] bool paper_store(engine::DataIndex d) const;
  /// The node's data inputs (read == true) or outputs.
  [[nodiscard]] std::vector<engine::DataIndex> data_of(engine::NodeIndex n, bool output) const;
  /// Nodes before `n` (sequence flows backwards, through enclosing sub-processes), nearest first.
  [[nodiscard]] std::vector<engine::NodeIndex> upstream(engine::NodeIndex n) const;
  /// Nodes after `n` (sequence flows forwards, through enclosing sub-processes), nearest first.
  [[nodiscard]] std::vector<engine::NodeIndex> downstream(engine::NodeIndex n) const;
  /// "das Fachverfahren „X“" / "the specialist system “X”" for the node's target system.
  [[nodiscard]] std::pair<std::string, std::string> system_words(engine::NodeIndex n) const;

private:
  const engine::ProcessModel& m_;
  const Lexicon& lex_;
  std::vector<std::vector<std::string>> tokens_;
  std::vector<double> visits_;
};

/// PICTURE block types and attributes (Formalisierungsgrad, Quelle der Daten, Bezahlungsart, IT-Verfahren);
/// reads the channel evidence already in `out` to say where re-typed data come from.
void block_rules(const Scan& s, std::vector<Evidence>& out);
/// Inbound/outbound channel shares (post, fax, paper in person, internal mail).
void channel_rules(const Scan& s, std::vector<Evidence>& out);
/// BPMN data objects and stores: paper read and written into a system, system written onto paper, paper files.
void data_rules(const Scan& s, std::vector<Evidence>& out);
/// Message flows named "per Post", "Brief", "Fax" ...
void message_rules(const Scan& s, std::vector<Evidence>& out);
/// Lexicon keywords over node names; paper_context entries look at the evidence already in `out`.
void keyword_rules(const Scan& s, std::vector<Evidence>& out);
/// Lanes named "Poststelle", "Registratur", "Stadtkasse" ...
void lane_rules(const Scan& s, std::vector<Evidence>& out);

/// The paper that reaches node n: own paper inbound, paper data read (or PDF/scan data when `pdf`), paper
/// named, or (when `upstream`) the upstream paper inbound among `found` on the most frequent path.
/// nullopt when the node handles no paper.
[[nodiscard]] std::optional<PaperSource> paper_source(const Scan& s, engine::NodeIndex n, const std::vector<Evidence>& found,
                                                      bool pdf, bool upstream = true);

/// "60 %" / "60%".
[[nodiscard]] std::string percent(double share, engine::Lang lang);
/// „name“ / “name” with a fallback for unnamed nodes (the id).
[[nodiscard]] std::string quoted(const engine::Node& n, engine::Lang lang);

} // namespace lotse::analysis::media
