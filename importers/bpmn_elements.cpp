// SPDX-License-Identifier: MIT
// Readers for single BPMN elements: flow nodes with their event definitions, loops, data associations
// and extension elements; sequence flows; lanes; data; participants; message flows; annotations; DI.
#include "importers/bpmn_reader.h"

#include "importers/bpmn_foreign.h"
#include "importers/bpmn_hooks.h"
#include "importers/bpmn_simulation.h"
#include "importers/bpmn_vendor.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>

namespace lotse::importers::bpmn {

using engine::DiagId;
using engine::npos;

namespace {

bool attr_is(const char* name, const char* expected) { return name[0] == expected[0] && std::strcmp(name, expected) == 0; }

/// A DI coordinate as std::from_chars reads it (the longest number at the start; 0 when there is
/// none). Plain decimals with at most 15 digits, by far the most common, take Clinger's fast path:
/// an exact integer divided by an exact power of ten is correctly rounded, so the result is the same.
double parse_coordinate(const char* v) {
  static constexpr double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  const char* p = v;
  const bool negative = *p == '-';
  if (negative) ++p;
  std::uint64_t mantissa = 0;
  int digits = 0, fraction = 0;
  for (; *p >= '0' && *p <= '9'; ++p, ++digits) mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
  const int int_digits = digits;
  if (*p == '.') {
    for (++p; *p >= '0' && *p <= '9'; ++p, ++digits, ++fraction) mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
  }
  if (*p == '\0' && int_digits > 0 && digits <= 15) {
    const double d = static_cast<double>(mantissa) / pow10[fraction];
    return negative ? -d : d;
  }
  double d = 0;
  std::from_chars(v, v + std::strlen(v), d);
  return d;
}


/// The id named by a (possibly prefixed) QName reference.
std::string_view id_ref(std::string_view raw) {
  std::string_view t = trim(raw);
  if (const auto colon = t.find(':'); colon != std::string_view::npos) t.remove_prefix(colon + 1);
  return t;
}

// A completionCondition of the simple form `${nrOfCompletedInstances/nrOfInstances >= 0.6}` (also `>`,
// spaces anywhere, `#{…}`) as the share 0.6; anything else: nullopt (every instance runs).
std::optional<double> completion_share(std::string_view text) {
  std::string t;
  for (const char ch : text) {
    if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') t += ch;
  }
  if (t.size() >= 3 && (t[0] == '$' || t[0] == '#') && t[1] == '{' && t.back() == '}') t = t.substr(2, t.size() - 3);
  constexpr std::string_view lhs = "nrOfCompletedInstances/nrOfInstances";
  if (!t.starts_with(lhs)) return std::nullopt;
  std::string_view rest = std::string_view(t).substr(lhs.size());
  if (rest.starts_with(">=")) rest.remove_prefix(2);
  else if (rest.starts_with(">")) rest.remove_prefix(1);
  else return std::nullopt;
  const auto v = parse_number(rest);
  if (!v || *v < 0 || *v > 1) return std::nullopt;
  return v;
}

} // namespace

void Reader::read_process(const pugi::xml_node& el) {
  if (!claim_id(el)) return;
  engine::Process p;
  p.id = id_of(el);
  p.name = el.attribute("name").value();
  p.executable = std::strcmp(el.attribute("isExecutable").value(), "true") == 0;
  p.origin = at(el);
  const engine::ProcessIndex index = builder_.add_process(std::move(p));
  push_frame(el, FrameKind::flow_container, false, index, npos, npos);
}

void Reader::read_flow_node(const pugi::xml_node& el, const TagInfo& tag, const Frame& f) {
  if (!claim_id(el)) return;
  engine::Node n;
  n.kind = tag.kind;
  n.process = f.process;
  n.parent = f.parent;
  n.origin = at(el);
  std::string_view default_ref, attached_ref;
  for (pugi::xml_attribute a = el.first_attribute(); a; a = a.next_attribute()) {
    const char* an = a.name();
    if (attr_is(an, "id")) n.id = id_of(el, a.value());
    else if (attr_is(an, "name")) n.name = a.value();
    else if (attr_is(an, "default")) default_ref = a.value();
    else if (attr_is(an, "attachedToRef")) attached_ref = a.value();
    else if (attr_is(an, "cancelActivity") || attr_is(an, "isInterrupting")) n.interrupting = !attr_is(a.value(), "false");
    else if (attr_is(an, "triggeredByEvent")) n.triggered_by_event = attr_is(a.value(), "true");
    else if (attr_is(an, "isForCompensation")) n.for_compensation = attr_is(a.value(), "true");
    else if (attr_is(an, "calledElement")) n.called_element = a.value();
    else if (std::strchr(an, ':') != nullptr) check_attribute_prefix(el, an);
  }
  if (n.id.empty()) diags_.add(DiagId::bpmn_missing_id, ctx_.file(), n.origin, "", {std::string(el.name())});
  const auto index = static_cast<engine::NodeIndex>(builder_.node_count());
  bool has_associations = false;
  pugi::xml_node io_spec;
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const Name name = name_of(c);
    if (name.ns != Ns::bpmn) continue;
    const TagInfo t = tag_of(name, c);
    switch (t.tag) {
    case Tag::event_definition:
      n.triggers.push_back(t.trigger);
      if (t.trigger == engine::EventTrigger::timer) {
        for (pugi::xml_node tc = c.first_child(); tc; tc = tc.next_sibling()) {
          if (tc.type() == pugi::node_element) n.timer = std::string(trim(tc.text().get()));
        }
      } else if (t.trigger == engine::EventTrigger::conditional) {
        for (pugi::xml_node tc = c.first_child(); tc; tc = tc.next_sibling()) {
          if (tc.type() == pugi::node_element && local_name(tc.name()) == "condition") n.condition = std::string(trim(tc.text().get()));
        }
      } else if (t.trigger == engine::EventTrigger::link) {
        n.link_name = c.attribute("name").value();
      }
      break;
    case Tag::event_definition_ref:
      event_definition_refs_.push_back({index, ref_text(c.text().get(), c, n.id), c});
      break;
    case Tag::standard_loop:
      n.loop = engine::LoopKind::standard;
      if (const char* max = c.attribute("loopMaximum").value(); *max != 0) n.loop_maximum = loop_count(c, max, n.id);
      break;
    case Tag::multi_instance_loop:
      n.loop = attr_is(c.attribute("isSequential").value(), "true") ? engine::LoopKind::sequential_multi_instance
                                                                    : engine::LoopKind::parallel_multi_instance;
      for (pugi::xml_node lc = c.first_child(); lc; lc = lc.next_sibling()) {
        if (lc.type() == pugi::node_element && local_name(lc.name()) == "loopCardinality") {
          n.loop_cardinality = loop_count(lc, lc.text().get(), n.id);
        } else if (lc.type() == pugi::node_element && local_name(lc.name()) == "completionCondition" &&
                   !n.attrs.completion_share) {
          if (const auto q = completion_share(lc.text().get())) {
            n.attrs.completion_share = engine::Located<double>{*q, at(lc)};
          }
        }
      }
      break;
    case Tag::extension_elements: read_node_extensions(c, n); break;
    case Tag::data_input_association:
    case Tag::data_output_association: has_associations = true; break;
    case Tag::io_specification: io_spec = c; break;
    case Tag::unknown: unknown(c); break;
    default: break;
    }
  }
  const bool container = engine::is_container(n.kind) || n.kind == engine::NodeKind::sub_choreography;
  const engine::SourceLocation origin = n.origin;
  builder_.add_node(std::move(n));
  if (!attached_ref.empty()) builder_.attach_boundary(index, ref_text(attached_ref, el, builder_.node(index).id), origin);
  if (!default_ref.empty()) builder_.set_default_flow(index, ref_text(default_ref, el, builder_.node(index).id), origin);
  if (io_spec) read_io_specification(io_spec, f.process, index);
  if (has_associations) {
    for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view local = local_name(c.name());
      if (local == "dataInputAssociation" || local == "DataInputAssociation") read_data_association(c, index, false);
      else if (local == "dataOutputAssociation" || local == "DataOutputAssociation") read_data_association(c, index, true);
    }
  }
  if (container) push_frame(el, FrameKind::flow_container, f.choreography, f.process, index, npos);
}

std::optional<double> Reader::loop_count(const pugi::xml_node& at, std::string_view text, const std::string& node_id) {
  std::string_view t = trim(text);
  if (t.size() >= 3 && (t[0] == '$' || t[0] == '#') && t[1] == '{' && t.back() == '}') t = trim(t.substr(2, t.size() - 3));
  const auto v = parse_number(t);
  if (v && *v >= 0 && *v <= 10'000) return v;
  ctx_.report(DiagId::bpmn_bad_loop_count, at, node_id, {node_id, std::string(trim(text))});
  return std::nullopt;
}

void Reader::read_node_extensions(const pugi::xml_node& ext, engine::Node& node) {
  for (pugi::xml_node c = ext.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const Name name = name_of(c);
    if (read_vendor_extension(ctx_, name.ns, name.local, c, node)) continue;
    if (lotse_ext::handles(name.uri, c)) {
      lotse_ext::apply_node(c, doc_, node, diags_);
    } else if (picture_bpmn::handles(name.uri, c)) {
      picture_bpmn::apply_node(c, doc_, node, diags_);
    } else {
      node.extensions.push_back(foreign_xml(c));
    }
  }
}

void Reader::read_sequence_flow(const pugi::xml_node& el, const Frame&) {
  if (!claim_id(el)) return;
  engine::Flow fl;
  fl.origin = at(el);
  std::string_view source, target;
  for (pugi::xml_attribute a = el.first_attribute(); a; a = a.next_attribute()) {
    const char* an = a.name();
    if (attr_is(an, "id")) fl.id = id_of(el, a.value());
    else if (attr_is(an, "name")) fl.name = a.value();
    else if (attr_is(an, "sourceRef")) source = a.value();
    else if (attr_is(an, "targetRef")) target = a.value();
    else if (std::strchr(an, ':') != nullptr) check_attribute_prefix(el, an);
  }
  if (fl.id.empty()) diags_.add(DiagId::bpmn_missing_id, ctx_.file(), fl.origin, "", {std::string(el.name())});
  source = ref_text(source, el, fl.id);
  target = ref_text(target, el, fl.id);
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const Name name = name_of(c);
    if (name.ns != Ns::bpmn) continue;
    const TagInfo t = tag_of(name, c);
    if (t.tag == Tag::condition_expression) {
      fl.conditional = true;
      fl.condition = std::string(trim(c.text().get()));
    } else if (t.tag == Tag::extension_elements) {
      for (pugi::xml_node x = c.first_child(); x; x = x.next_sibling()) {
        if (x.type() != pugi::node_element) continue;
        const Name xn = name_of(x);
        if (lotse_ext::handles(xn.uri, x)) lotse_ext::apply_flow(x, doc_, fl, diags_);
        else if (picture_bpmn::handles(xn.uri, x)) picture_bpmn::apply_flow(x, doc_, fl, diags_);
      }
    } else if (t.tag == Tag::unknown) {
      unknown(c);
    }
  }
  builder_.add_sequence_flow(std::move(fl), source, target);
  ++ctx_.flow_count;
}

void Reader::read_lane(const pugi::xml_node& el, const Frame& f) {
  if (!claim_id(el)) return;
  engine::Lane lane;
  lane.id = id_of(el);
  lane.name = el.attribute("name").value();
  lane.parent = f.lane;
  lane.process = f.process;
  lane.origin = at(el);
  std::vector<std::pair<std::string, engine::SourceLocation>> refs;
  pugi::xml_node child_set, ext;
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const Name name = name_of(c);
    if (name.ns != Ns::bpmn) continue;
    const TagInfo t = tag_of(name, c);
    if (t.tag == Tag::flow_node_ref) {
      const std::string_view ref = ref_text(c.text().get(), c, lane.id);
      if (!ref.empty()) refs.emplace_back(std::string(ref), at(c));
    } else if (t.tag == Tag::child_lane_set) {
      child_set = c;
    } else if (t.tag == Tag::extension_elements) {
      ext = c;
    } else if (t.tag == Tag::unknown) {
      unknown(c);
    }
  }
  const engine::LaneIndex index = builder_.add_lane(std::move(lane), std::move(refs));
  ctx_.lanes.push_back(index);
  if (ext) {
    for (pugi::xml_node x = ext.first_child(); x; x = x.next_sibling()) {
      if (x.type() != pugi::node_element) continue;
      const Name xn = name_of(x);
      if (lotse_ext::handles(xn.uri, x)) lotse_ext::apply_lane(x, doc_, builder_.lane(index), diags_);
    }
  }
  if (child_set) push_frame(child_set, FrameKind::lane_set, false, f.process, f.parent, index);
}

void Reader::read_data(const pugi::xml_node& el, engine::DataKind kind, engine::ProcessIndex process,
                       engine::NodeIndex parent) {
  if (!claim_id(el)) return;
  engine::DataElement d;
  d.id = id_of(el);
  d.name = el.attribute("name").value();
  d.kind = kind;
  d.process = process;
  d.parent = parent;
  d.origin = at(el);
  d.collection = attr_is(el.attribute("isCollection").value(), "true");
  if (kind == engine::DataKind::data_object_reference) d.ref = trim(el.attribute("dataObjectRef").value());
  if (kind == engine::DataKind::data_store_reference) d.ref = trim(el.attribute("dataStoreRef").value());
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c.name()) == "dataState") d.state = c.attribute("name").value();
  }
  builder_.add_data(std::move(d));
}

void Reader::read_io_specification(const pugi::xml_node& el, engine::ProcessIndex process, engine::NodeIndex parent) {
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const Name name = name_of(c);
    if (name.ns != Ns::bpmn) continue;
    const TagInfo t = tag_of(name, c);
    if (t.tag == Tag::data_input) read_data(c, engine::DataKind::data_input, process, parent);
    else if (t.tag == Tag::data_output) read_data(c, engine::DataKind::data_output, process, parent);
  }
}

void Reader::read_data_association(const pugi::xml_node& el, engine::NodeIndex node, bool output) {
  // Input: the data is the sourceRef; output: the targetRef.
  const char* wanted = output ? "targetRef" : "sourceRef";
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element || local_name(c.name()) != wanted) continue;
    const std::string_view ref = ref_text(c.text().get(), c, builder_.node(node).id);
    if (std::find(properties_.begin(), properties_.end(), ref) != properties_.end()) continue;  // a variable
    if (!ref.empty()) builder_.add_data_association(node, ref, output, el.attribute("id").value(), at(el));
  }
}

void Reader::read_participant(const pugi::xml_node& el) {
  if (!claim_id(el)) return;
  engine::Participant p;
  p.id = id_of(el);
  p.name = el.attribute("name").value();
  p.origin = at(el);
  const std::string_view ref = ref_text(el.attribute("processRef").value(), el, p.id);
  builder_.add_participant(std::move(p), ref);
}

void Reader::read_message_flow(const pugi::xml_node& el) {
  if (!claim_id(el)) return;
  engine::MessageFlow m;
  m.id = id_of(el);
  m.name = el.attribute("name").value();
  m.origin = at(el);
  m.source_ref = ref_text(el.attribute("sourceRef").value(), el, m.id);
  m.target_ref = ref_text(el.attribute("targetRef").value(), el, m.id);
  builder_.add_message_flow(std::move(m));
}

void Reader::read_annotation(const pugi::xml_node& el) {
  if (!claim_id(el)) return;
  engine::Annotation a;
  a.id = id_of(el);
  a.origin = at(el);
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c.name()) == "text") a.text = trim(c.text().get());
  }
  annotations_.push_back(std::move(a));
}

void Reader::read_association(const pugi::xml_node& el) {
  associations_.push_back({id_ref(el.attribute("sourceRef").value()), id_ref(el.attribute("targetRef").value())});
}

void Reader::read_process_extensions(const pugi::xml_node& ext, engine::ProcessIndex process) {
  for (pugi::xml_node c = ext.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const Name name = name_of(c);
    if (name.ns == Ns::qbp && name.local == "processSimulationInfo") {
      qbp_blocks_.emplace_back(c, false);
    } else if (lotse_ext::handles(name.uri, c)) {
      lotse_ext::apply_process(c, doc_, builder_.process(process), diags_);
    } else if (picture_bpmn::handles(name.uri, c)) {
      picture_bpmn::apply_process(c, doc_, builder_.process(process), diags_);
    }
  }
}

void Reader::read_root_extensions(const pugi::xml_node& ext) {
  for (pugi::xml_node c = ext.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const Name name = name_of(c);
    if (name.ns == Ns::qbp && name.local == "processSimulationInfo") qbp_blocks_.emplace_back(c, false);
  }
}

void Reader::read_relationship(const pugi::xml_node& el) {
  if (std::strcmp(el.attribute("type").value(), "BPSimData") != 0) return;
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element || local_name(c.name()) != "extensionElements") continue;
    for (pugi::xml_node x = c.first_child(); x; x = x.next_sibling()) {
      if (x.type() == pugi::node_element && local_name(x.name()) == "BPSimData") bpsim_blocks_.push_back(x);
    }
  }
}

void Reader::read_shape(const pugi::xml_node& el) {
  has_di_ = true;
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element || local_name(c.name()) != "Bounds") continue;
    engine::Bounds b;
    for (pugi::xml_attribute a = c.first_attribute(); a; a = a.next_attribute()) {
      const char* an = a.name();
      if (attr_is(an, "x")) b.x = parse_coordinate(a.value());
      else if (attr_is(an, "y")) b.y = parse_coordinate(a.value());
      else if (attr_is(an, "width")) b.width = parse_coordinate(a.value());
      else if (attr_is(an, "height")) b.height = parse_coordinate(a.value());
    }
    builder_.add_shape(id_ref(el.attribute("bpmnElement").value()), b);
    return;
  }
}

void Reader::read_edge(const pugi::xml_node& el) {
  has_di_ = true;
  std::vector<engine::Point> points;
  points.reserve(4);
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c.name()) == "waypoint") {
      engine::Point p;
      for (pugi::xml_attribute a = c.first_attribute(); a; a = a.next_attribute()) {
        const char* an = a.name();
        if (attr_is(an, "x")) p.x = parse_coordinate(a.value());
        else if (attr_is(an, "y")) p.y = parse_coordinate(a.value());
      }
      points.push_back(p);
    }
  }
  builder_.add_edge(id_ref(el.attribute("bpmnElement").value()), std::move(points));
}

} // namespace lotse::importers::bpmn
