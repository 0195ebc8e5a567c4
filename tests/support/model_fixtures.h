// SPDX-License-Identifier: MIT
// Tiny process models built in code with ModelBuilder, shared by the analysis tests (and free for any
// other test). Every element gets its own line number (1, 2, 3, ... in order of creation) so that
// diagnostics carry a location. Keep the signatures stable: other tests depend on them.
#pragma once

#include "engine/model_builder.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lotse::test {

/// Builds a model element by element; nodes go into the process added last.
class Fixture {
public:
  explicit Fixture(std::string path = "fixture.bpmn", std::string format = "bpmn") : b_(std::move(path), std::move(format)) {}

  /// Adds a process (pool); later nodes belong to it. `cases`: Fallzahl pro Jahr on its fact sheet.
  engine::ProcessIndex process(std::string id, std::string name = "", std::optional<double> cases = std::nullopt) {
    engine::Process p;
    p.id = std::move(id);
    p.name = std::move(name);
    p.origin = next();
    if (cases) p.facts.cases_per_year = engine::Located<engine::CasesPerYear>{{*cases}, p.origin};
    process_ = b_.add_process(std::move(p));
    return process_;
  }

  /// Adds a flow node of any kind inside `parent` (npos = process level).
  engine::NodeIndex node(std::string id, engine::NodeKind kind, std::string name = "",
                         engine::NodeIndex parent = engine::npos) {
    engine::Node n;
    n.id = std::move(id);
    n.name = std::move(name);
    n.kind = kind;
    n.parent = parent;
    n.process = process_;
    n.origin = next();
    return b_.add_node(std::move(n));
  }

  /// Adds a task; `minutes` sets attrs.processing (Bearbeitungszeit per execution).
  engine::NodeIndex task(std::string id, std::string name = "", std::optional<double> minutes = std::nullopt,
                         engine::NodeIndex parent = engine::npos) {
    const auto v = node(std::move(id), engine::NodeKind::task, std::move(name), parent);
    if (minutes) set_minutes(v, *minutes);
    return v;
  }

  void set_minutes(engine::NodeIndex v, double minutes) {
    b_.node(v).attrs.processing = engine::Located<engine::Duration>{engine::from_minutes(minutes), b_.node(v).origin};
  }
  /// P(Baustein): expected executions per arrival (0..1 or more).
  void set_occurrence(engine::NodeIndex v, double p) {
    b_.node(v).attrs.occurrence = engine::Located<double>{p, b_.node(v).origin};
  }
  /// Attaches a boundary event to `activity` (resolved in finish()).
  void attach(engine::NodeIndex boundary, engine::NodeIndex activity) {
    b_.attach_boundary(boundary, b_.node(activity).id, b_.node(boundary).origin);
  }

  /// Adds a sequence flow; `probability` is a fraction (0..1).
  engine::FlowIndex flow(engine::NodeIndex from, engine::NodeIndex to, std::optional<double> probability = std::nullopt) {
    engine::Flow f;
    f.id = "f" + std::to_string(++flows_);
    f.origin = next();
    if (probability) f.probability = engine::Located<engine::Probability>{{*probability}, f.origin};
    return b_.add_flow_between(std::move(f), from, to);
  }
  /// Adds the flows of a linear chain a -> b -> c ...
  void chain(std::initializer_list<engine::NodeIndex> nodes) {
    engine::NodeIndex prev = engine::npos;
    for (const auto v : nodes) {
      if (prev != engine::npos) flow(prev, v);
      prev = v;
    }
  }
  /// Adds a lane listing `nodes`; `eur_per_hour` sets its Kostensatz.
  engine::LaneIndex lane(std::string name, const std::vector<engine::NodeIndex>& nodes,
                         std::optional<double> eur_per_hour = std::nullopt) {
    engine::Lane l;
    l.id = "lane" + std::to_string(++lanes_);
    l.name = std::move(name);
    l.process = process_;
    l.origin = next();
    if (eur_per_hour) l.cost_rate = engine::Located<engine::HourlyRate>{engine::HourlyRate::from_euros(*eur_per_hour), l.origin};
    std::vector<std::pair<std::string, engine::SourceLocation>> refs;
    for (const auto v : nodes) refs.emplace_back(b_.node(v).id, l.origin);
    return b_.add_lane(std::move(l), std::move(refs));
  }

  [[nodiscard]] engine::ModelBuilder& builder() { return b_; }
  [[nodiscard]] engine::Node& at(engine::NodeIndex v) { return b_.node(v); }
  [[nodiscard]] engine::Flow& flow_at(engine::FlowIndex f) { return b_.flow(f); }
  /// Freezes the model; builder diagnostics go to diagnostics().
  [[nodiscard]] engine::ProcessModel finish() { return std::move(b_).finish(diags_); }
  [[nodiscard]] const engine::Diagnostics& diagnostics() const { return diags_; }

private:
  engine::SourceLocation next() { return engine::SourceLocation{++line_, 3}; }
  engine::ModelBuilder b_;
  engine::Diagnostics diags_;
  engine::ProcessIndex process_ = engine::npos;
  std::uint32_t line_ = 0;
  int flows_ = 0, lanes_ = 0;
};

/// "Gewerbe anmelden" as in the real PICTURE export (domain.md §1.4, corpus/picture/oryx-editor/process1.xml):
/// 1,500 cases, one Teilprozess (1,500 cases) with variants 80 % "bei persönlicher Antragstellung" and 20 %
/// "bei schriftlicher Antragstellung", shared prefix (blocks 1-7) and suffix (11-14), Stelle
/// "Gewerbeangelegenheiten", Steckbrief Bearbeitungszeit 15 min. Expected: 38.5 min per case, 962.5 h per
/// year, 0.6016 VZÄ. The graph has the shape the PICTURE importer draws (split after the prefix).
inline engine::ProcessModel gewerbe_anmelden() {
  using engine::BlockType;
  using engine::NodeKind;
  Fixture fx("process1.xml", "picture");
  const auto p = fx.process("gewerbe", "Gewerbe anmelden", 1500);
  fx.builder().process(p).facts.processing_time = engine::Located<engine::Duration>{engine::from_minutes(15), {2, 3}};
  fx.builder().set_name("Gewerbe anmelden");
  const auto start = fx.node("start", NodeKind::start_event);
  const auto tp = fx.node("tp", NodeKind::sub_process, "Gewerbe anmelden");
  const auto end = fx.node("end", NodeKind::end_event);
  fx.chain({start, tp, end});
  auto block = [&](const std::string& id, const std::string& name, BlockType type, double minutes,
                   std::optional<double> occurrence = std::nullopt) {
    const auto v = fx.task(id, name, minutes, tp);
    fx.at(v).attrs.block = type;
    fx.at(v).attrs.stelle = "Gewerbeangelegenheiten";
    if (occurrence) fx.set_occurrence(v, *occurrence);
    return v;
  };
  const auto s = fx.node("tp-start", NodeKind::start_event, "", tp);
  const std::vector<engine::NodeIndex> prefix{
      block("b1", "Beratung durchfuehren", BlockType::consulting, 10, 0.33),
      block("b2", "Antrag geht ein", BlockType::incoming_document, 0),
      block("b3", "Formelle Pruefung", BlockType::check_formally, 2),
      block("b4", "Passeintrag kopieren (bei Nicht-EU-Auslaendern)", BlockType::copy, 2, 0.20),
      block("b5", "Daten in EDV uebernehmen", BlockType::edv_input, 3),
      block("b6", "Laufzettel erstellen", BlockType::create_document, 2),
      block("b7", "Gewerbeschein drucken", BlockType::print, 1)};
  const auto split = fx.node("tp-split", NodeKind::exclusive_gateway, "", tp);
  const std::vector<engine::NodeIndex> personal{
      block("b8", "Warten auf Einzahlungsbestaetigung", BlockType::pause_editing, 5),
      block("b9", "Einzahlungsbeleg geht ein", BlockType::incoming_document, 1),
      block("b10", "Einzahlungsbeleg sichten", BlockType::review_document, 2)};
  const std::vector<engine::NodeIndex> written{
      block("b17", "Gebuehrenbescheid erstellen", BlockType::create_document, 5),
      block("b18", "Gebuehrenbescheid drucken", BlockType::print, 2)};
  const auto join = fx.node("tp-join", NodeKind::exclusive_gateway, "", tp);
  const std::vector<engine::NodeIndex> suffix{
      block("b11", "Bestaetigung der Gewerbemeldung geht aus", BlockType::outgoing_document, 5),
      block("b12", "Schreiben zur Kenntnisnahme fuer weitere Stellen drucken", BlockType::print, 5),
      block("b13", "Schreiben versenden", BlockType::outgoing_document, 7),
      block("b14", "Meldung an Landesbetrieb fuer Statistik versenden", BlockType::outgoing_document, 2)};
  const auto e = fx.node("tp-end", NodeKind::end_event, "", tp);
  engine::NodeIndex prev = s;
  for (const auto v : prefix) {
    fx.flow(prev, v);
    prev = v;
  }
  fx.flow(prev, split);
  fx.flow(split, personal.front(), 0.8);
  fx.chain({personal[0], personal[1], personal[2], join});
  fx.flow(split, written.front(), 0.2);
  fx.chain({written[0], written[1], join});
  prev = join;
  for (const auto v : suffix) {
    fx.flow(prev, v);
    prev = v;
  }
  fx.flow(prev, e);

  engine::PictureSubprocess sub;
  sub.id = "2";
  sub.name = "Gewerbe anmelden";
  sub.cases_per_year = engine::CasesPerYear{1500};
  sub.node = tp;
  auto variant = [&](std::string name, double share, const std::vector<engine::NodeIndex>& middle) {
    engine::PictureVariant v;
    v.name = std::move(name);
    v.probability = share;
    v.blocks = prefix;
    v.blocks.insert(v.blocks.end(), middle.begin(), middle.end());
    v.blocks.insert(v.blocks.end(), suffix.begin(), suffix.end());
    return v;
  };
  sub.variants.push_back(variant("bei persoenlicher Antragstellung", 0.8, personal));
  sub.variants.push_back(variant("bei schriftlicher Antragstellung", 0.2, written));
  fx.builder().picture_subprocesses().push_back(std::move(sub));
  return fx.finish();
}

/// start -> "Antrag erfassen" (a_minutes) -> merge -> "Unterlagen prüfen" (b_minutes) -> split; the
/// split returns to the merge with probability `p` ("Rückfrage") and ends otherwise. Closed form:
/// visits of "Unterlagen prüfen" = 1 / (1 - p). Node ids: start, a, merge, b, split, end.
inline engine::ProcessModel loop_with_return(double p, double a_minutes = 5, double b_minutes = 10,
                                             std::optional<double> cases = 1000.0) {
  using engine::NodeKind;
  Fixture fx("loop.bpmn");
  fx.process("loop", "Antrag mit Rückfragen", cases);
  const auto start = fx.node("start", NodeKind::start_event);
  const auto a = fx.task("a", "Antrag erfassen", a_minutes);
  const auto merge = fx.node("merge", NodeKind::exclusive_gateway);
  const auto b = fx.task("b", "Unterlagen prüfen", b_minutes);
  const auto split = fx.node("split", NodeKind::exclusive_gateway, "vollständig?");
  const auto end = fx.node("end", NodeKind::end_event);
  fx.chain({start, a, merge, b, split});
  fx.flow(split, merge, p);
  fx.flow(split, end, 1.0 - p);
  return fx.finish();
}

/// "amt.bpmn": start "Antrag geht ein" (line 3) -> task T named `task_name` (line 4) -> end E named
/// `end_name` (line 5) in process P named `process_name` (line 2), model named `model_name`; for the
/// tests that push awkward names (markup, separators) through every report. Builder diagnostics go to
/// `diags`.
inline engine::ProcessModel named_chain(const std::string& model_name, const std::string& process_name,
                                        const std::string& task_name, const std::string& end_name,
                                        engine::Diagnostics& diags) {
  engine::ModelBuilder b("amt.bpmn", "bpmn");
  b.set_name(model_name);
  b.add_process(engine::Process{"P", process_name, false, engine::npos, {}, {2, 1}});
  auto node = [&](std::string id, std::string name, engine::NodeKind kind, std::uint32_t line) {
    engine::Node n;
    n.id = std::move(id);
    n.name = std::move(name);
    n.kind = kind;
    n.process = 0;
    n.origin = {line, 5};
    return b.add_node(std::move(n));
  };
  node("S", "Antrag geht ein", engine::NodeKind::start_event, 3);
  node("T", task_name, engine::NodeKind::user_task, 4);
  node("E", end_name, engine::NodeKind::end_event, 5);
  b.add_sequence_flow(engine::Flow{"f1", "", engine::npos, engine::npos, "", false, false, {}, {6, 5}, {}}, "S", "T");
  b.add_sequence_flow(engine::Flow{"f2", "", engine::npos, engine::npos, "", false, false, {}, {7, 5}, {}}, "T", "E");
  return std::move(b).finish(diags);
}

} // namespace lotse::test
