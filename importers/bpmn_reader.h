// SPDX-License-Identifier: MIT
// The BPMN 2.0 tree walk: resolves prefixes through xmlns declarations, walks the containment tree
// with an explicit stack (no recursion, any nesting depth), and feeds the ModelBuilder. Tolerates what
// bpmn-moddle tolerates, and reports each tolerated defect as a diagnostic with its line.
#pragma once

#include "engine/model.h"
#include "engine/model_builder.h"
#include "importers/bpmn_context.h"
#include "importers/bpmn_id_table.h"
#include "importers/bpmn_names.h"
#include "importers/xml.h"

#include <optional>
#include <unordered_map>
#include <string_view>
#include <vector>

namespace lotse::importers::bpmn {

class Reader {
public:
  Reader(const XmlDocument& doc, engine::Diagnostics& diags);
  /// Reads the whole document; nullopt (with an error diagnostic) when it is not BPMN.
  [[nodiscard]] std::optional<engine::ProcessModel> run();

private:
  struct Name {
    Ns ns = Ns::none;
    std::string_view local;
    std::string_view uri;
  };
  struct Binding {
    std::string_view prefix;
    std::string_view uri;
    Ns ns;
  };
  enum class FrameKind : std::uint8_t { definitions, flow_container, collaboration, lane_set, diagram, plane };
  struct Frame {
    pugi::xml_node element;
    pugi::xml_node next;
    FrameKind kind;
    bool choreography;
    engine::ProcessIndex process;
    engine::NodeIndex parent;
    engine::LaneIndex lane;
    std::size_t scope_mark;
  };
  struct PendingRef {
    std::uint32_t index;
    std::string_view ref;
    pugi::xml_node at;
  };
  struct PendingAssociation {
    std::string_view source, target;
  };

  // Names and locations.
  [[nodiscard]] engine::SourceLocation at(const pugi::xml_node& n);
  [[nodiscard]] Name name_of(const pugi::xml_node& el);
  [[nodiscard]] TagInfo tag_of(const Name& name, const pugi::xml_node& el);
  [[nodiscard]] Ns resolve_prefix(const pugi::xml_node& el, std::string_view prefix, std::string_view& uri, bool& found);
  void push_frame(const pugi::xml_node& el, FrameKind kind, bool choreography, engine::ProcessIndex process,
                  engine::NodeIndex parent, engine::LaneIndex lane);
  [[nodiscard]] std::string_view ref_text(std::string_view raw, const pugi::xml_node& at, std::string_view owner);
  [[nodiscard]] std::string id_of(const pugi::xml_node& el);
  /// The same with the value of its id attribute already at hand.
  [[nodiscard]] std::string id_of(const pugi::xml_node& el, const char* value);
  /// Registers the element's id; false (and BPMN-014) when an earlier element has it: the element and
  /// its content are then dropped, as bpmn-moddle drops them.
  [[nodiscard]] bool claim_id(const pugi::xml_node& el);
  void check_attribute_prefix(const pugi::xml_node& el, std::string_view attr_name);

  // Containment handlers (bpmn_reader.cpp).
  void walk();
  void definitions_child(const pugi::xml_node& el, const Frame& f);
  void flow_child(const pugi::xml_node& el, const Frame& f);
  void collaboration_child(const pugi::xml_node& el, const Frame& f);
  void lane_set_child(const pugi::xml_node& el, const Frame& f);
  void diagram_child(const pugi::xml_node& el, const Frame& f);
  void misplaced(const pugi::xml_node& el, const Frame& f);
  void unknown(const pugi::xml_node& el);

  // Element readers (bpmn_elements.cpp).
  void read_process(const pugi::xml_node& el);
  void read_flow_node(const pugi::xml_node& el, const TagInfo& tag, const Frame& f);
  void read_node_extensions(const pugi::xml_node& ext, engine::Node& node);
  /// A loopCardinality or loopMaximum: a number (also written as an expression "${3}"), 0 to 10,000;
  /// anything else is reported (BPMN-032) and gives nullopt.
  std::optional<double> loop_count(const pugi::xml_node& at, std::string_view text, const std::string& node_id);
  void read_sequence_flow(const pugi::xml_node& el, const Frame& f);
  void read_lane(const pugi::xml_node& el, const Frame& f);
  void read_data(const pugi::xml_node& el, engine::DataKind kind, engine::ProcessIndex process, engine::NodeIndex parent);
  void read_io_specification(const pugi::xml_node& el, engine::ProcessIndex process, engine::NodeIndex parent);
  void read_data_association(const pugi::xml_node& el, engine::NodeIndex node, bool output);
  void read_participant(const pugi::xml_node& el);
  void read_message_flow(const pugi::xml_node& el);
  void read_annotation(const pugi::xml_node& el);
  void read_association(const pugi::xml_node& el);
  void read_process_extensions(const pugi::xml_node& ext, engine::ProcessIndex process);
  void read_root_extensions(const pugi::xml_node& ext);
  void read_relationship(const pugi::xml_node& el);
  void read_shape(const pugi::xml_node& el);
  void read_edge(const pugi::xml_node& el);
  void resolve_pending();

  const XmlDocument& doc_;
  engine::Diagnostics& diags_;
  engine::ModelBuilder builder_;
  Context ctx_;
  std::string_view text_;

  std::vector<Frame> frames_;
  std::vector<Binding> scope_;
  std::uint64_t scope_generation_ = 0;  // changes whenever scope_ does
  struct PrefixMemo {                    // the last prefix resolved through scope_ (nearly always "bpmn")
    std::uint64_t generation = ~std::uint64_t{0};
    std::string_view prefix, uri;
    Ns ns{};
    bool found = false;
  } prefix_memo_;
  pugi::xml_node scope_owner_;
  std::vector<std::string_view> reported_prefixes_;
  std::vector<std::string_view> checked_attribute_prefixes_;
  IdTable ids_;

  std::size_t loc_pos_ = 0, loc_line_start_ = 0;
  std::uint32_t loc_line_ = 1;

  bool has_di_ = false;
  bool local_declarations_ = true;  ///< xmlns declarations below the root exist
  std::vector<std::pair<std::string_view, engine::EventTrigger>> root_event_definitions_;
  std::vector<PendingRef> event_definition_refs_;
  std::vector<engine::Annotation> annotations_;
  std::vector<PendingAssociation> associations_;
  std::vector<std::pair<pugi::xml_node, bool>> qbp_blocks_;  ///< block, placed directly under definitions
  std::vector<pugi::xml_node> bpsim_blocks_;
  std::vector<std::string_view> properties_;  ///< ids of bpmn:property (process variables)
};

} // namespace lotse::importers::bpmn
