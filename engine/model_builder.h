// SPDX-License-Identifier: MIT
// ModelBuilder: the only way to create a ProcessModel. Importers add elements with their original ids
// and string references; finish() resolves the references, reports duplicates and dangling ones with
// file:line, and freezes the model. ModelEditor changes a copy for what-if runs.
#pragma once

#include "engine/diagnostics.h"
#include "engine/id_index.h"
#include "engine/model.h"

#include <string>
#include <string_view>
#include <vector>

namespace lotse::engine {

class ModelBuilder {
public:
  /// `source_path` is what diagnostics print; `format` is "bpmn", "picture", "xprozess" or "table".
  ModelBuilder(std::string source_path, std::string format);

  [[nodiscard]] const std::string& source_path() const { return model_.source_path_; }

  // Model-level values.
  void set_name(std::string name) { model_.name_ = std::move(name); }
  void set_exporter(std::string exporter, std::string version) {
    model_.exporter_ = std::move(exporter);
    model_.exporter_version_ = std::move(version);
  }
  void set_has_diagram(bool v) { model_.has_diagram_ = v; }
  [[nodiscard]] FactSheet& facts() { return model_.facts_; }
  [[nodiscard]] SimulationSetup& simulation() { return model_.simulation_; }
  [[nodiscard]] std::vector<PictureSubprocess>& picture_subprocesses() { return model_.picture_; }
  void add_metadata(std::string key, std::string value) { model_.metadata_.emplace_back(std::move(key), std::move(value)); }

  /// Registers the id of an element that is not part of the model (e.g. a lane set) for duplicate
  /// detection; returns false (and reports MOD-001) if it was taken.
  bool register_id(std::string_view id, SourceLocation at);

  ProcessIndex add_process(Process p);
  [[nodiscard]] Process& process(ProcessIndex i) { return model_.processes_.at(i); }
  /// Adds a flow node. Set node.process and node.parent (indices) before; ids are registered here.
  NodeIndex add_node(Node&& n);
  NodeIndex add_node(const Node& n) { return add_node(Node(n)); }
  [[nodiscard]] Node& node(NodeIndex i) { return model_.nodes_.at(i); }
  [[nodiscard]] std::size_t node_count() const { return model_.nodes_.size(); }
  /// First node with this id, if any (nodes added so far).
  [[nodiscard]] std::optional<NodeIndex> find_node(std::string_view id) const;
  // References by id are copied into the builder (views may die after the call) and resolved in
  // finish(); blanks around a reference are ignored.
  /// Boundary event -> activity by id.
  void attach_boundary(NodeIndex boundary, std::string_view activity_ref, SourceLocation at);
  /// Adds a sequence flow whose ends are resolved by id.
  FlowIndex add_sequence_flow(Flow&& f, std::string_view source_ref, std::string_view target_ref);
  FlowIndex add_sequence_flow(const Flow& f, std::string_view source_ref, std::string_view target_ref) {
    return add_sequence_flow(Flow(f), source_ref, target_ref);
  }
  /// Adds a sequence flow between known nodes (importers that build the graph themselves).
  FlowIndex add_flow_between(Flow f, NodeIndex source, NodeIndex target);
  [[nodiscard]] Flow& flow(FlowIndex i) { return model_.flows_.at(i); }
  /// Gateway/activity default flow by id.
  void set_default_flow(NodeIndex node, std::string_view flow_ref, SourceLocation at);
  /// Message flow; source_ref/target_ref inside are resolved to nodes or participants in finish().
  void add_message_flow(MessageFlow m);
  /// Participant whose processRef is resolved in finish().
  ParticipantIndex add_participant(Participant p, std::string_view process_ref);
  /// Lane with its flowNodeRefs, resolved in finish(); sets Node::lane of each (innermost wins).
  LaneIndex add_lane(Lane l, std::vector<std::pair<std::string, SourceLocation>> flow_node_refs);
  [[nodiscard]] Lane& lane(LaneIndex i) { return model_.lanes_.at(i); }
  DataIndex add_data(DataElement d);
  /// Association between a node and a data element by id, resolved in finish().
  void add_data_association(NodeIndex node, std::string_view data_ref, bool output, std::string id, SourceLocation at);
  void add_annotation(Annotation a);
  /// DI: bounds of the element with this id (node, participant, lane, data, annotation; the first
  /// shape of an element counts).
  void add_shape(std::string_view element_id, Bounds b);
  /// DI: waypoints of the flow / message flow with this id.
  void add_edge(std::string_view element_id, std::vector<Point> waypoints);

  /// Resolves all references, reports problems into `diags`, and returns the frozen model.
  [[nodiscard]] ProcessModel finish(Diagnostics& diags) &&;

  /// Longest name kept (bytes of UTF-8); longer names are cut with "…" and MOD-010 in finish(), so no
  /// output repeats a megabyte-long name (docs/limits.md). Documentation and annotation texts are not cut.
  static constexpr std::size_t max_name_bytes = 1000;

private:
  void cut_long_names(Diagnostics& diags);
  /// What an id names; one index over all kinds finds duplicates across kinds (ids are unique per
  /// document in BPMN) and resolves every reference with one probe.
  enum class IdKind : std::uint8_t { node, flow, process, participant, lane, data, annotation, message_flow, other };
  struct PendingRef {
    std::uint32_t index;
    std::string_view ref;  // in arena_
    SourceLocation at;
  };
  struct PendingFlow {
    FlowIndex flow;
    std::string_view source, target;  // in arena_
  };
  struct PendingLaneRefs {
    LaneIndex lane;
    std::vector<std::pair<std::string, SourceLocation>> refs;
  };
  struct PendingData {
    NodeIndex node;
    std::string_view ref;  // in arena_
    bool output;
    std::string id;
    SourceLocation at;
  };
  struct Duplicate {
    IdKind kind;
    std::uint32_t index;
  };

  [[nodiscard]] std::string_view id_at(std::uint8_t kind, std::uint32_t index) const;
  bool claim(std::string_view id, SourceLocation at, IdKind kind, std::uint32_t index);
  /// The first element of `kind` with this id (also when a duplicate of another kind took the id first).
  [[nodiscard]] std::uint32_t lookup(std::string_view ref, IdKind kind) const;

  ProcessModel model_;
  Diagnostics pending_diags_;
  StringArena arena_;
  IdIndex ids_;
  std::vector<Duplicate> duplicates_;
  std::vector<std::string_view> other_ids_;  // in arena_
  std::vector<PendingRef> boundary_refs_, default_refs_, participant_refs_;
  std::vector<PendingFlow> flow_refs_;
  std::vector<PendingLaneRefs> lane_refs_;
  std::vector<PendingData> data_refs_;
  std::vector<std::pair<std::string_view, Bounds>> shapes_;  // ids in arena_
  std::vector<std::pair<std::string_view, std::vector<Point>>> edges_;
};

/// Changes a copy of a model for what-if runs (digitisation measures, scenarios).
class ModelEditor {
public:
  explicit ModelEditor(ProcessModel copy) : model_(std::move(copy)) {}
  [[nodiscard]] Node& node(NodeIndex i) { return model_.nodes_.at(i); }
  [[nodiscard]] Flow& flow(FlowIndex i) { return model_.flows_.at(i); }
  [[nodiscard]] Process& process(ProcessIndex i) { return model_.processes_.at(i); }
  [[nodiscard]] FactSheet& facts() { return model_.facts_; }
  [[nodiscard]] SimulationSetup& simulation() { return model_.simulation_; }
  [[nodiscard]] const ProcessModel& view() const { return model_; }
  /// Model-level values for importers that wrap another importer's model (XProzess around BPMN).
  void set_source_path(std::string path) { model_.source_path_ = std::move(path); }
  void set_format(std::string format) { model_.format_ = std::move(format); }
  void set_name(std::string name) { model_.name_ = std::move(name); }
  void add_metadata(std::string key, std::string value) { model_.metadata_.emplace_back(std::move(key), std::move(value)); }
  /// Marks a node as bypassed: it keeps its flows but takes no time and breaks no media.
  void remove_node(NodeIndex i) { model_.nodes_.at(i).removed = true; }
  [[nodiscard]] ProcessModel finish() && {
    model_.index();
    return std::move(model_);
  }

private:
  ProcessModel model_;
};

} // namespace lotse::engine
