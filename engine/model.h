// SPDX-License-Identifier: MIT
// The process model: a Boost.Graph of flow nodes (vertices) and sequence flows (edges) plus the
// things around it (processes, participants, lanes, data, annotations, diagram, simulation setup,
// PICTURE structure, fact sheet). Built once by ModelBuilder and read-only afterwards; what-if copies
// are changed through ModelEditor. Every element keeps its original id and its file:line:column.
#pragma once

#include "engine/block_types.h"
#include "engine/id_index.h"
#include "engine/source_file.h"
#include "engine/units.h"

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lotse::engine {

using NodeIndex = std::uint32_t;
using FlowIndex = std::uint32_t;
using ProcessIndex = std::uint32_t;
using LaneIndex = std::uint32_t;
using ParticipantIndex = std::uint32_t;
using DataIndex = std::uint32_t;
/// "No such element" for every index type above.
inline constexpr std::uint32_t npos = std::numeric_limits<std::uint32_t>::max();

/// Every BPMN 2.0 flow-node type (the concrete subclasses of bpmn:FlowNode).
enum class NodeKind : std::uint8_t {
  task, user_task, service_task, send_task, receive_task, manual_task, script_task, business_rule_task,
  call_activity, sub_process, transaction, ad_hoc_sub_process,
  start_event, end_event, intermediate_catch_event, intermediate_throw_event, boundary_event,
  implicit_throw_event,
  exclusive_gateway, parallel_gateway, inclusive_gateway, event_based_gateway, complex_gateway,
  choreography_task, sub_choreography, call_choreography,
};
inline constexpr std::size_t node_kind_count = 26;

/// "bpmn:UserTask" etc., as bpmn-moddle names the type.
[[nodiscard]] std::string_view bpmn_type_name(NodeKind k);
/// Inverse of bpmn_type_name for the local name ("userTask" or "UserTask", case-insensitive first letter).
[[nodiscard]] std::optional<NodeKind> node_kind_from_local_name(std::string_view local);
[[nodiscard]] bool is_task(NodeKind k);       ///< task kinds only
[[nodiscard]] bool is_activity(NodeKind k);   ///< tasks, call activity, sub-processes
[[nodiscard]] bool is_container(NodeKind k);  ///< sub_process, transaction, ad_hoc_sub_process
[[nodiscard]] bool is_event(NodeKind k);
[[nodiscard]] bool is_gateway(NodeKind k);

/// An event definition ("trigger"); an event without definitions has none.
enum class EventTrigger : std::uint8_t {
  message, timer, error, escalation, compensate, conditional, signal, link, cancel, terminate
};
[[nodiscard]] std::string_view trigger_name(EventTrigger t);  ///< "Message", "Timer", ...

/// Loop characteristics of an activity.
enum class LoopKind : std::uint8_t { none, standard, parallel_multi_instance, sequential_multi_instance };

/// Diagram geometry (BPMN DI), kept for rendering and export.
struct Bounds {
  double x = 0, y = 0, width = 0, height = 0;
};
struct Point {
  double x = 0, y = 0;
};

/// A value with the place it was read from.
template <class T> struct Located {
  T value{};
  SourceLocation at{};
};

/// The eight PICTURE communication channels ("Eingangs-/Ausgangskanal in %").
enum class Channel : std::uint8_t {
  personal_oral,        ///< Persönlich (mündliches Vorsprechen)
  personal_documents,   ///< Persönlich (Übergabe von Schriftstücken)
  phone,                ///< Telefon
  post,                 ///< Post
  internal_mail,        ///< Interne Hauspost
  email,                ///< E-Mail
  fax,                  ///< Fax
  electronic_interface, ///< Elektronische Schnittstelle
};
inline constexpr std::size_t channel_count = 8;
[[nodiscard]] std::string_view channel_name_de(Channel c);
[[nodiscard]] std::string_view channel_name_en(Channel c);
/// Finds a channel by German name (with or without "(ein)"/"(aus)" prefix, umlauts or ae/oe/ue).
[[nodiscard]] std::optional<Channel> find_channel(std::string_view name);

/// Channel shares as fractions (0..1); `present` is false when the model says nothing.
struct ChannelMix {
  std::array<double, channel_count> share{};
  bool present = false;
  SourceLocation at{};
  [[nodiscard]] double operator[](Channel c) const { return share[static_cast<std::size_t>(c)]; }
  [[nodiscard]] double& operator[](Channel c) { return share[static_cast<std::size_t>(c)]; }
};

/// PICTURE "Formalisierungsgrad".
enum class Formalization : std::uint8_t { unknown, informal, form_bound, legally_binding_signature };

/// A probability distribution for simulation; all parameters in seconds.
/// fixed: p1 = value; exponential: p1 = mean; normal: p1 = mean, p2 = standard deviation;
/// lognormal: p1 = mean, p2 = standard deviation (of the variable itself); uniform: p1 = min, p2 = max;
/// triangular: p1 = min, p2 = mode, p3 = max; gamma: p1 = shape k, p2 = scale theta;
/// erlang: p1 = k (phases), p2 = mean of the whole; histogram: bins (probability, min, max).
enum class DistKind : std::uint8_t { fixed, exponential, normal, lognormal, uniform, triangular, gamma, erlang, histogram };
struct HistogramBin {
  double probability = 0, min = 0, max = 0;
};
struct Distribution {
  DistKind kind = DistKind::fixed;
  double p1 = 0, p2 = 0, p3 = 0;
  std::vector<HistogramBin> bins;
  /// Expected value in seconds.
  [[nodiscard]] double mean() const;
  [[nodiscard]] static Distribution fixed_seconds(double s) { return {DistKind::fixed, s, 0, 0, {}}; }
  [[nodiscard]] static Distribution exponential_mean(double s) { return {DistKind::exponential, s, 0, 0, {}}; }
};
[[nodiscard]] std::string_view dist_kind_name(DistKind k);  ///< "FIXED", "EXPONENTIAL", ... (QBP names)

/// A batch activity (Prosimos' batch processing; the Unterschriftenmappe that goes to the head of office
/// once a week): cases wait at the activity until a weekly release time, a batch size or a maximum
/// waiting time is reached, whichever comes first; then one execution handles them all, taking the
/// setup time plus the time per item of each case.
struct BatchRule {
  std::string release;                ///< weekly release "Fr 10:00" (read by the simulation); empty = none
  int size = 0;                       ///< release when this many cases wait; 0 = no size rule
  std::optional<Duration> max_wait;   ///< release when the first waiting case has waited this long
  std::optional<Duration> setup;      ///< once per batch
  std::optional<Duration> per_item;   ///< per case; absent: the activity's own processing time
  SourceLocation at{};
};

/// Typed attributes of a flow node (mostly activities). Everything optional: absent means "the model
/// does not say", and analysis fills defaults with a label saying so.
struct NodeAttributes {
  std::optional<Located<Duration>> processing;      ///< Bearbeitungszeit per execution (work time)
  std::optional<Located<Duration>> waiting;         ///< Wartezeit/Liegezeit: lead time without work
  std::optional<Located<Duration>> transport;       ///< Transportzeit
  std::optional<Located<Distribution>> duration;    ///< simulation duration distribution (QBP/BPSim)
  std::optional<Located<double>> occurrence;        ///< P(Baustein): expected executions per arrival (default 1)
  std::optional<Located<double>> loop_probability;  ///< standard loop: P(one more iteration) after each one
  std::optional<Located<double>> completion_share;  ///< multi-instance: done when this share of instances has completed
  std::optional<BatchRule> batch;                   ///< batch activity (lotse batch_* attributes)
  BlockType block = BlockType::none;                ///< PICTURE building-block type
  SourceLocation block_at{};
  std::string stelle;                               ///< executing Stelle (position)
  double stelle_share = 1.0;                        ///< Anteil der Stelle (0..1)
  std::string org_unit;                             ///< Organisationseinheit
  std::optional<Located<HourlyRate>> cost_rate;     ///< Kostensatz of the Stelle (not maintained = absent)
  std::optional<Located<Money>> fixed_cost;         ///< fixed cost per execution
  ChannelMix inbound;                               ///< Eingangskanal in %
  ChannelMix outbound;                              ///< Ausgangskanal in %
  Formalization formalization = Formalization::unknown;
  std::optional<int> pages;                         ///< Umfang Seiten insgesamt
  std::optional<int> copies;                        ///< Anzahl der Ausfertigungen
  std::vector<std::string> it_systems;              ///< IT-Verfahren
  std::vector<std::string> documents;               ///< documents handled
  std::string data_source;                          ///< Quelle der Daten ("physikalische Dokumente" | "EDV-System")
  int rag_type = 0;                                 ///< FIM Referenzaktivitätengruppe code (0 = none)
  std::string rag_name;                             ///< Aktivitätengruppe name
  std::vector<std::string> legal_basis;             ///< Handlungsgrundlagen / Rechtsgrundlagen
  std::vector<std::string> resources;               ///< simulation resource (pool) ids
  std::vector<std::pair<std::string, std::string>> properties;  ///< other named values (vendor, free text)
};

/// A BPMN flow node (or a PICTURE building block, or a table row).
struct Node {
  std::string id;                       ///< original id
  std::string name;
  NodeKind kind = NodeKind::task;
  std::vector<EventTrigger> triggers;   ///< event definitions; empty = "None"
  bool interrupting = true;             ///< boundary cancelActivity / event sub-process start isInterrupting
  bool triggered_by_event = false;      ///< event sub-process
  bool for_compensation = false;
  LoopKind loop = LoopKind::none;
  std::optional<double> loop_cardinality;  ///< multi-instance loopCardinality (a number; a fraction = expected count)
  std::optional<double> loop_maximum;      ///< standard loop loopMaximum
  std::string timer;                    ///< timer definition text (timeDuration/timeDate/timeCycle)
  std::string condition;                ///< conditional event: the condition expression text
  std::string link_name;                ///< link event: linkEventDefinition name (pairs throw and catch)
  std::vector<std::string> extensions;  ///< extension elements no reader understands, as XML (written back unchanged)
  std::string called_element;           ///< call activity: calledElement
  NodeIndex parent = npos;              ///< enclosing sub-process; npos at process level
  NodeIndex attached_to = npos;         ///< boundary event: the activity it sits on
  ProcessIndex process = npos;          ///< owning process
  LaneIndex lane = npos;                ///< innermost lane that lists this node
  FlowIndex default_flow = npos;        ///< gateway/activity default flow
  bool removed = false;                 ///< what-if: node bypassed (zero time, no media break)
  SourceLocation origin;
  std::optional<Bounds> shape;          ///< DI bounds
  NodeAttributes attrs;
};

/// A sequence flow (an edge of the graph).
struct Flow {
  std::string id;
  std::string name;
  NodeIndex source = npos;              ///< npos when the reference could not be resolved
  NodeIndex target = npos;
  std::string condition;                ///< conditionExpression text
  bool conditional = false;
  bool is_default = false;
  std::optional<Located<Probability>> probability;  ///< branching probability (XOR/OR/variants)
  SourceLocation origin;
  std::vector<Point> waypoints;         ///< DI
};

/// A message flow between pools or their nodes.
struct MessageFlow {
  std::string id;
  std::string name;
  std::string source_ref, target_ref;
  NodeIndex source_node = npos, target_node = npos;              ///< when the end is a flow node
  ParticipantIndex source_participant = npos, target_participant = npos;  ///< when the end is a pool
  SourceLocation origin;
  std::vector<Point> waypoints;
};

struct Participant {
  std::string id;
  std::string name;
  ProcessIndex process = npos;
  SourceLocation origin;
  std::optional<Bounds> shape;
};

/// A lane (Schwimmbahn); in municipal models usually one Stelle or Organisationseinheit.
struct Lane {
  std::string id;
  std::string name;
  LaneIndex parent = npos;              ///< enclosing lane for nested lane sets
  ProcessIndex process = npos;
  std::vector<NodeIndex> nodes;         ///< flowNodeRefs that resolved
  std::optional<Located<HourlyRate>> cost_rate;  ///< Kostensatz when the lane carries one
  SourceLocation origin;
  std::optional<Bounds> shape;
  std::string stelle;                   ///< Stelle the lane stands for (lotse: extension); empty = the lane name
};

enum class DataKind : std::uint8_t { data_object, data_object_reference, data_store, data_store_reference, data_input, data_output };
struct DataElement {
  std::string id;
  std::string name;
  DataKind kind = DataKind::data_object;
  std::string state;                    ///< dataState name (e.g. "Papier", "digital")
  std::string ref;                      ///< dataObjectRef / dataStoreRef id for references
  bool collection = false;
  ProcessIndex process = npos;
  NodeIndex parent = npos;
  SourceLocation origin;
  std::optional<Bounds> shape;
};
struct DataAssociation {
  std::string id;
  NodeIndex node = npos;                ///< the activity/event
  DataIndex data = npos;
  bool output = false;                  ///< node writes data (dataOutputAssociation)
  SourceLocation origin;
};
struct Annotation {
  std::string id;
  std::string text;
  std::vector<std::string> associated;  ///< ids of elements connected by associations
  SourceLocation origin;
  std::optional<Bounds> shape;
};

/// A process (bpmn:process; for PICTURE the process model; for tables the process).
struct FactSheet {
  std::optional<Located<CasesPerYear>> cases_per_year;  ///< Fallzahl pro Jahr
  std::optional<Located<Duration>> processing_time;    ///< Bearbeitungszeit as entered (not computed)
  std::optional<Located<Duration>> lead_time;          ///< Durchlaufzeit as entered
  std::optional<Located<Money>> fee;                   ///< Gebühr
  std::vector<std::string> legal_basis;                ///< Rechtsgrundlagen / Handlungsgrundlagen
  std::string leika_id;                                ///< LeiKa / FIM process id
  std::string classification;                          ///< e.g. FIM Prozesskatalog class
  std::string status;                                  ///< e.g. "fachlich freigegeben (gold)"
  std::string org_unit;                                ///< responsible Organisationseinheit
  std::vector<std::pair<std::string, std::string>> other;  ///< further Steckbrief values (name, value)
};
struct Process {
  std::string id;
  std::string name;
  bool executable = false;
  ParticipantIndex participant = npos;
  FactSheet facts;
  SourceLocation origin;
};

/// Simulation resources and calendars (BIMP/QBP, BPSim, or from PICTURE Stellen).
struct TimetableRule {
  int from_weekday = 0, to_weekday = 6;   ///< 0 = Monday ... 6 = Sunday
  Duration from_time{0}, to_time{0};      ///< time of day
};
struct Timetable {
  std::string id;
  std::string name;
  bool is_default = false;
  std::vector<TimetableRule> rules;
};
/// Persons of a pool with their own working hours or cost: part-time staff, the resources of a
/// Prosimos resource profile.
struct StaffGroup {
  int amount = 1;
  std::string timetable;                  ///< Timetable id; empty = the pool's
  std::optional<HourlyRate> cost;         ///< empty = the pool's
};
struct ResourcePool {
  std::string id;
  std::string name;
  int amount = 1;                         ///< all persons (the groups' sum when there are groups)
  std::optional<HourlyRate> cost;
  std::string timetable;                  ///< Timetable id; empty = default
  std::vector<StaffGroup> groups;         ///< empty: all `amount` persons work `timetable` at `cost`
  SourceLocation origin;
};
struct SimulationSetup {
  bool present = false;
  std::string dialect;                    ///< "qbp-bimp", "qbp-apromore", "bpsim-1.0", "bpsim-2.0", ...
  std::string process_id;                 ///< process the parameters belong to
  std::optional<std::int64_t> instances;  ///< processInstances
  std::optional<Located<Distribution>> arrival;  ///< inter-arrival time
  std::string arrival_timetable;          ///< Timetable id cases arrive in (Prosimos arrival_time_calendar); empty = around the clock
  std::string start;                      ///< startDateTime as written
  std::string currency;
  std::vector<ResourcePool> pools;
  std::vector<Timetable> timetables;
  SourceLocation origin;
};

/// PICTURE-Classic structure: Teilprozess -> Varianten -> building-block sequences.
struct PictureVariant {
  std::string name;
  double probability = 1.0;               ///< P(Variante), 0..1
  std::vector<NodeIndex> blocks;          ///< block nodes in sequence order (shared blocks appear in several)
  SourceLocation origin;
};
struct PictureSubprocess {
  std::string id;
  std::string name;
  std::optional<CasesPerYear> cases_per_year;  ///< Fallzahl of the Teilprozess
  NodeIndex node = npos;                  ///< the sub-process node that holds it
  std::vector<PictureVariant> variants;
  SourceLocation origin;
};

/// The whole imported model. Read-only; build with ModelBuilder, change copies with ModelEditor.
class ProcessModel {
public:
  /// Topology only: vertex i is node i, each edge carries its FlowIndex (resolved flows only). The
  /// model is frozen after building, so the graph is Boost's compressed sparse row graph: one array
  /// per direction instead of a vector per vertex. Out-edges of a vertex come in document order.
  using Graph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, FlowIndex,
                                                   boost::no_property, NodeIndex, FlowIndex>;

  [[nodiscard]] const std::string& source_path() const { return source_path_; }
  [[nodiscard]] const std::string& format() const { return format_; }  ///< "bpmn", "picture", "xprozess", "table"
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] const std::string& exporter() const { return exporter_; }
  [[nodiscard]] const std::string& exporter_version() const { return exporter_version_; }
  [[nodiscard]] bool has_diagram() const { return has_diagram_; }
  [[nodiscard]] const Graph& graph() const { return graph_; }

  [[nodiscard]] std::size_t node_count() const { return nodes_.size(); }
  [[nodiscard]] const Node& node(NodeIndex i) const { return nodes_.at(i); }
  [[nodiscard]] const std::vector<Node>& nodes() const { return nodes_; }
  [[nodiscard]] const Flow& flow(FlowIndex i) const { return flows_.at(i); }
  [[nodiscard]] const std::vector<Flow>& flows() const { return flows_; }
  /// Outgoing/incoming resolved sequence flows of a node, in document order.
  [[nodiscard]] std::span<const FlowIndex> out_flows(NodeIndex n) const { return out_.row(n); }
  [[nodiscard]] std::span<const FlowIndex> in_flows(NodeIndex n) const { return in_.row(n); }
  /// Direct children of a sub-process (npos: nodes at process level of any process), document order.
  [[nodiscard]] std::span<const NodeIndex> children(NodeIndex parent) const;
  /// Boundary events attached to an activity.
  [[nodiscard]] std::span<const NodeIndex> boundary_events(NodeIndex activity) const { return boundary_.row(activity); }
  /// Node by original id (first of duplicates).
  [[nodiscard]] std::optional<NodeIndex> find_node(std::string_view id) const;

  [[nodiscard]] const std::vector<Process>& processes() const { return processes_; }
  [[nodiscard]] const std::vector<Participant>& participants() const { return participants_; }
  [[nodiscard]] const std::vector<Lane>& lanes() const { return lanes_; }
  [[nodiscard]] const std::vector<MessageFlow>& message_flows() const { return message_flows_; }
  [[nodiscard]] const std::vector<DataElement>& data() const { return data_; }
  [[nodiscard]] const std::vector<DataAssociation>& data_associations() const { return data_associations_; }
  [[nodiscard]] const std::vector<Annotation>& annotations() const { return annotations_; }
  [[nodiscard]] const SimulationSetup& simulation() const { return simulation_; }
  [[nodiscard]] const std::vector<PictureSubprocess>& picture_subprocesses() const { return picture_; }
  /// Model-level fact sheet (PICTURE process Steckbrief, XProzess Prozesssteckbrief); per-process
  /// values live in Process::facts.
  [[nodiscard]] const FactSheet& facts() const { return facts_; }
  /// Free model-level values, e.g. ("xprozess.status", "6").
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& metadata() const { return metadata_; }

  /// Cases per year of a process: the process's own, else the model's fact sheet, else none.
  [[nodiscard]] std::optional<double> cases_per_year(ProcessIndex p) const;

private:
  friend class ModelBuilder;
  friend class ModelEditor;
  void index();  // rebuilds graph_, out_, in_, children_, boundary_, by_id_ from the vectors

  std::string source_path_, format_, name_, exporter_, exporter_version_;
  bool has_diagram_ = false;
  std::vector<Node> nodes_;
  std::vector<Flow> flows_;
  std::vector<Process> processes_;
  std::vector<Participant> participants_;
  std::vector<Lane> lanes_;
  std::vector<MessageFlow> message_flows_;
  std::vector<DataElement> data_;
  std::vector<DataAssociation> data_associations_;
  std::vector<Annotation> annotations_;
  SimulationSetup simulation_;
  std::vector<PictureSubprocess> picture_;
  FactSheet facts_;
  std::vector<std::pair<std::string, std::string>> metadata_;

  /// Rows of indices in one array (compressed sparse rows), in document order within a row.
  struct Rows {
    std::vector<std::uint32_t> start;  // size rows + 1
    std::vector<std::uint32_t> items;
    /// Row r; throws std::out_of_range for a row that does not exist.
    [[nodiscard]] std::span<const std::uint32_t> row(std::size_t r) const;
    /// Fills `rows` rows from (row, item) pairs given in item order.
    void build(std::size_t rows, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs);
  };

  Graph graph_;
  Rows out_, in_;
  Rows children_;  // row 0 = top level, row i+1 = children of node i
  Rows boundary_;
  IdIndex by_id_;  // node ids, first of duplicates
};

} // namespace lotse::engine
