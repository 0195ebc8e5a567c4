// SPDX-License-Identifier: MIT
// The BPMN containment walk: an explicit frame stack over definitions, processes, (nested) sub-processes,
// choreographies, collaborations, lane sets and diagram planes, with xmlns scopes pushed per frame.
#include "importers/bpmn_reader.h"

#include "importers/bpmn_simulation.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <unordered_map>

namespace lotse::importers::bpmn {

using engine::DiagId;
using engine::npos;

namespace {

constexpr bool is_name_start(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c >= 0x80; }
constexpr bool is_name_char(unsigned char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

constexpr std::array<bool, 256> name_char_table = [] {
  std::array<bool, 256> t{};
  for (unsigned c = 0; c < 256; ++c) t[c] = is_name_char(static_cast<unsigned char>(c));
  return t;
}();

bool is_ncname(std::string_view s) {
  if (s.empty() || !is_name_start(static_cast<unsigned char>(s.front()))) return false;
  bool ok = true;
  for (const char c : s) ok &= name_char_table[static_cast<unsigned char>(c)];
  return ok;
}

} // namespace

Reader::Reader(const XmlDocument& doc, engine::Diagnostics& diags)
    : doc_(doc), diags_(diags), builder_(doc.text.path(), "bpmn"), ctx_(doc, builder_, diags), text_(doc.text.bytes()) {
  frames_.reserve(64);
  scope_.reserve(32);
}

engine::SourceLocation Reader::at(const pugi::xml_node& n) {
  const std::ptrdiff_t offset = n.offset_debug();
  if (offset < 0) return {};
  std::size_t pos = static_cast<std::size_t>(offset);
  if (pos > 0 && pos <= text_.size() && text_[pos - 1] == '<') --pos;
  if (pos < loc_pos_ || pos > text_.size()) return doc_.text.locate(pos);
  // Elements come in document order: count the line breaks since the previous one.
  const char* base = text_.data();
  const char* p = base + loc_pos_;
  const char* end = base + pos;
  while (p < end) {
    const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (hit == nullptr) break;
    p = static_cast<const char*>(hit) + 1;
    ++loc_line_;
    loc_line_start_ = static_cast<std::size_t>(p - base);
  }
  loc_pos_ = pos;
  return {loc_line_, static_cast<std::uint32_t>(pos - loc_line_start_ + 1)};
}

Ns Reader::resolve_prefix(const pugi::xml_node& el, std::string_view prefix, std::string_view& uri, bool& found) {
  found = true;
  // Declarations on the element itself and on ancestors below the current frame element (skipped when
  // the document declares namespaces on the root only, as nearly every tool writes it).
  for (pugi::xml_node n = el; local_declarations_ && n && n != scope_owner_; n = n.parent()) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      const char* an = a.name();
      if (std::strncmp(an, "xmlns", 5) != 0) continue;
      const std::string_view decl = an[5] == ':' ? std::string_view(an + 6) : std::string_view(an[5] == 0 ? "" : "-");
      if (decl == prefix) {
        uri = a.value();
        return classify_namespace(uri);
      }
    }
  }
  PrefixMemo& memo = prefix_memo_;
  if (memo.generation == scope_generation_ && memo.prefix == prefix) {
    found = memo.found;
    uri = memo.uri;
    return memo.ns;
  }
  memo.generation = scope_generation_;
  memo.prefix = prefix;
  memo.found = true;
  for (auto it = scope_.rbegin(); it != scope_.rend(); ++it) {
    if (it->prefix == prefix) {
      uri = memo.uri = it->uri;
      return memo.ns = it->ns;
    }
  }
  found = memo.found = false;
  uri = {};
  Ns ns = Ns::unbound;
  if (prefix.empty()) {
    ns = Ns::none;
  } else if (const auto implicit = implicit_prefix(prefix)) {
    uri = standard_uri(*implicit);
    ns = *implicit;
  }
  memo.uri = uri;
  return memo.ns = ns;
}

Reader::Name Reader::name_of(const pugi::xml_node& el) {
  const std::string_view qname = el.name();
  const auto colon = qname.find(':');
  const std::string_view prefix = colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
  Name n;
  n.local = colon == std::string_view::npos ? qname : qname.substr(colon + 1);
  bool found = true;
  n.ns = resolve_prefix(el, prefix, n.uri, found);
  if (!found && !prefix.empty()) {
    bool reported = false;
    for (const auto p : reported_prefixes_) reported = reported || p == prefix;
    if (!reported) {
      reported_prefixes_.push_back(prefix);
      if (n.ns == Ns::unbound) {
        diags_.add(DiagId::bpmn_unbound_element_prefix, ctx_.file(), at(el), "", {std::string(prefix), std::string(qname)});
      } else {
        diags_.add(DiagId::bpmn_undeclared_prefix, ctx_.file(), at(el), "", {std::string(prefix), std::string(n.uri)});
      }
    }
  }
  return n;
}

TagInfo Reader::tag_of(const Name& name, const pugi::xml_node& el) {
  TagInfo info = lookup_bpmn(name.local);
  if (info.tag == Tag::unknown && !name.local.empty() && name.local.front() >= 'A' && name.local.front() <= 'Z') {
    std::string lowered(name.local);
    lowered.front() = static_cast<char>(lowered.front() - 'A' + 'a');
    info = lookup_bpmn(lowered);
    if (info.tag != Tag::unknown) {
      diags_.add(DiagId::bpmn_type_cased_tag, ctx_.file(), at(el), "", {std::string(el.name()), lowered});
    }
  }
  return info;
}

void Reader::push_frame(const pugi::xml_node& el, FrameKind kind, bool choreography, engine::ProcessIndex process,
                        engine::NodeIndex parent, engine::LaneIndex lane) {
  const std::size_t mark = scope_.size();
  for (pugi::xml_attribute a = el.first_attribute(); local_declarations_ && a; a = a.next_attribute()) {
    const char* an = a.name();
    if (std::strncmp(an, "xmlns", 5) != 0 || (an[5] != 0 && an[5] != ':')) continue;
    const std::string_view uri = a.value();
    scope_.push_back({an[5] == ':' ? std::string_view(an + 6) : std::string_view{}, uri, classify_namespace(uri)});
    ++scope_generation_;
  }
  frames_.push_back({el, el.first_child(), kind, choreography, process, parent, lane, mark});
}

std::string_view Reader::ref_text(std::string_view raw, const pugi::xml_node& el, std::string_view owner) {
  std::string_view t = trim(raw);
  if (t.size() != raw.size() && !t.empty()) {
    diags_.add(DiagId::bpmn_whitespace_ref, ctx_.file(), at(el), std::string(owner), {std::string(t)});
  }
  // References are QNames in the schema: "bpmn2:_id" (GenMyModel, Yaoqiang) names the id "_id".
  if (const auto colon = t.find(':'); colon != std::string_view::npos) t.remove_prefix(colon + 1);
  return t;
}

std::string Reader::id_of(const pugi::xml_node& el) { return id_of(el, el.attribute("id").value()); }

std::string Reader::id_of(const pugi::xml_node& el, const char* value) {
  std::string id = value;
  if (!id.empty() && !is_ncname(id)) diags_.add(DiagId::bpmn_illegal_id, ctx_.file(), at(el), id, {id});
  return id;
}

bool Reader::claim_id(const pugi::xml_node& el) {
  const std::string_view id = el.attribute("id").value();
  if (id.empty()) return true;
  const engine::SourceLocation where = at(el);
  const std::uint32_t first_line = ids_.insert(id, where.line);
  if (first_line == 0) return true;
  diags_.add(DiagId::bpmn_duplicate_id, ctx_.file(), where, std::string(id),
             {std::string(id), std::to_string(first_line), std::string(el.name())});
  return false;
}

void Reader::check_attribute_prefix(const pugi::xml_node& el, std::string_view attr_name) {
  const auto colon = attr_name.find(':');
  if (colon == std::string_view::npos) return;
  const std::string_view prefix = attr_name.substr(0, colon);
  if (prefix == "xmlns" || prefix == "xml") return;
  // Fast path: declared in an enclosing frame (elements may carry thousands of prefixed attributes).
  for (auto it = scope_.rbegin(); it != scope_.rend(); ++it) {
    if (it->prefix == prefix) return;
  }
  for (const auto p : checked_attribute_prefixes_) {
    if (p == prefix) return;
  }
  std::string_view uri;
  bool found = true;
  (void)resolve_prefix(el, prefix, uri, found);
  if (found) {
    checked_attribute_prefixes_.push_back(prefix);  // declared locally: do not look again
    return;
  }
  checked_attribute_prefixes_.push_back(prefix);
  diags_.add(DiagId::bpmn_unbound_attribute_prefix, ctx_.file(), at(el), "", {std::string(prefix), std::string(attr_name)});
}

std::optional<engine::ProcessModel> Reader::run() {
  const pugi::xml_node root = doc_.doc.document_element();
  scope_owner_ = pugi::xml_node();
  const Name name = name_of(root);
  const std::string_view local = name.local;
  if (local != "definitions" && local != "Definitions") {
    diags_.add(DiagId::bpmn_not_definitions, ctx_.file(), at(root), "", {std::string(root.name())});
    return std::nullopt;
  }
  if (name.ns != Ns::bpmn) {
    diags_.add(DiagId::bpmn_wrong_namespace, ctx_.file(), at(root), "", {std::string(root.name()), std::string(name.uri)});
    return std::nullopt;
  }
  builder_.set_name(root.attribute("name").value());
  builder_.set_exporter(root.attribute("exporter").value(), root.attribute("exporterVersion").value());
  (void)claim_id(root);
  push_frame(root, FrameKind::definitions, false, npos, npos, npos);
  if (const pugi::xml_node first = root.first_child(); first && first.offset_debug() >= 0) {
    const std::string_view rest = text_.substr(std::min(text_.size(), static_cast<std::size_t>(first.offset_debug())));
    local_declarations_ = ::memmem(rest.data(), rest.size(), "xmlns", 5) != nullptr;
  } else {
    local_declarations_ = static_cast<bool>(root.first_child());
  }
  walk();
  resolve_pending();
  read_simulation(ctx_, qbp_blocks_, bpsim_blocks_);
  builder_.set_has_diagram(has_di_);
  return std::move(builder_).finish(diags_);
}

void Reader::walk() {
  while (!frames_.empty()) {
    Frame& top = frames_.back();
    const pugi::xml_node child = top.next;
    if (!child) {
      if (scope_.size() != top.scope_mark) {
        scope_.resize(top.scope_mark);
        ++scope_generation_;
      }
      frames_.pop_back();
      continue;
    }
    top.next = child.next_sibling();
    if (child.type() != pugi::node_element) continue;
    const Frame f = top;  // handlers may push frames
    scope_owner_ = f.element;
    switch (f.kind) {
    case FrameKind::definitions: definitions_child(child, f); break;
    case FrameKind::flow_container: flow_child(child, f); break;
    case FrameKind::collaboration: collaboration_child(child, f); break;
    case FrameKind::lane_set: lane_set_child(child, f); break;
    case FrameKind::diagram:
    case FrameKind::plane: diagram_child(child, f); break;
    }
  }
}

void Reader::misplaced(const pugi::xml_node& el, const Frame& f) {
  diags_.add(DiagId::bpmn_misplaced_element, ctx_.file(), at(el), el.attribute("id").value(),
             {std::string(el.name()), std::string(f.element.name())});
}

void Reader::unknown(const pugi::xml_node& el) {
  diags_.add(DiagId::bpmn_unknown_element, ctx_.file(), at(el), el.attribute("id").value(), {std::string(el.name())});
}

void Reader::definitions_child(const pugi::xml_node& el, const Frame& f) {
  const Name name = name_of(el);
  if (name.ns == Ns::bpmndi) {
    if (name.local == "BPMNDiagram") push_frame(el, FrameKind::diagram, false, npos, npos, npos);
    return;
  }
  if (name.ns == Ns::qbp) {
    if (name.local == "processSimulationInfo") qbp_blocks_.emplace_back(el, true);
    return;
  }
  if (name.ns != Ns::bpmn) return;
  const TagInfo tag = tag_of(name, el);
  if ((tag.tag == Tag::collaboration || tag.tag == Tag::choreography) && !claim_id(el)) return;
  switch (tag.tag) {
  case Tag::process: read_process(el); break;
  case Tag::collaboration: push_frame(el, FrameKind::collaboration, false, npos, npos, npos); break;
  case Tag::choreography: push_frame(el, FrameKind::flow_container, true, npos, npos, npos); break;
  case Tag::data_store: read_data(el, engine::DataKind::data_store, npos, npos); break;
  case Tag::event_definition:
    if (const char* id = el.attribute("id").value(); *id) root_event_definitions_.emplace_back(id, tag.trigger);
    break;
  case Tag::relationship: read_relationship(el); break;
  case Tag::extension_elements: read_root_extensions(el); break;
  case Tag::flow_node: case Tag::sequence_flow: case Tag::lane: case Tag::lane_set: case Tag::participant:
  case Tag::message_flow: case Tag::data_object: case Tag::data_object_reference: case Tag::data_store_reference:
  case Tag::text_annotation: case Tag::association: case Tag::definitions:
    misplaced(el, f);
    break;
  case Tag::unknown: unknown(el); break;
  default: break;
  }
}

void Reader::flow_child(const pugi::xml_node& el, const Frame& f) {
  const Name name = name_of(el);
  if (name.ns != Ns::bpmn) return;
  const TagInfo tag = tag_of(name, el);
  const bool process_level = f.parent == npos && !f.choreography;
  switch (tag.tag) {
  case Tag::flow_node: read_flow_node(el, tag, f); break;
  case Tag::sequence_flow: read_sequence_flow(el, f); break;
  case Tag::lane_set:
    if (claim_id(el)) push_frame(el, FrameKind::lane_set, false, f.process, f.parent, npos);
    break;
  case Tag::data_object: read_data(el, engine::DataKind::data_object, f.process, f.parent); break;
  case Tag::data_object_reference: read_data(el, engine::DataKind::data_object_reference, f.process, f.parent); break;
  case Tag::data_store_reference: read_data(el, engine::DataKind::data_store_reference, f.process, f.parent); break;
  case Tag::io_specification:
    if (process_level) read_io_specification(el, f.process, npos);
    break;
  case Tag::text_annotation: read_annotation(el); break;
  case Tag::association: read_association(el); break;
  case Tag::extension_elements:
    if (process_level && f.process != npos) read_process_extensions(el, f.process);
    break;
  case Tag::participant:
    if (f.choreography) read_participant(el); else misplaced(el, f);
    break;
  case Tag::message_flow:
    if (f.choreography) read_message_flow(el); else misplaced(el, f);
    break;
  case Tag::process: case Tag::collaboration: case Tag::choreography: case Tag::definitions: case Tag::lane:
  case Tag::data_store:
    misplaced(el, f);
    break;
  case Tag::unknown: unknown(el); break;
  case Tag::known:
    // Process variables: data associations may point at them; they are no data objects.
    if (name.local == "property") {
      if (const char* id = el.attribute("id").value(); *id) properties_.emplace_back(id);
    }
    break;
  default: break;
  }
}

void Reader::collaboration_child(const pugi::xml_node& el, const Frame& f) {
  const Name name = name_of(el);
  if (name.ns != Ns::bpmn) return;
  const TagInfo tag = tag_of(name, el);
  switch (tag.tag) {
  case Tag::participant: read_participant(el); break;
  case Tag::message_flow: read_message_flow(el); break;
  case Tag::text_annotation: read_annotation(el); break;
  case Tag::association: read_association(el); break;
  case Tag::flow_node: case Tag::sequence_flow: case Tag::process: case Tag::lane_set: case Tag::lane:
  case Tag::collaboration: case Tag::definitions:
    misplaced(el, f);
    break;
  case Tag::unknown: unknown(el); break;
  default: break;
  }
}

void Reader::lane_set_child(const pugi::xml_node& el, const Frame& f) {
  const Name name = name_of(el);
  if (name.ns != Ns::bpmn) return;
  const TagInfo tag = tag_of(name, el);
  switch (tag.tag) {
  case Tag::lane: read_lane(el, f); break;
  case Tag::flow_node: case Tag::sequence_flow: case Tag::process: case Tag::lane_set: case Tag::participant:
    misplaced(el, f);
    break;
  case Tag::unknown: unknown(el); break;
  default: break;
  }
}

void Reader::diagram_child(const pugi::xml_node& el, const Frame& f) {
  const Name name = name_of(el);
  if (name.ns != Ns::bpmndi) return;
  if (f.kind == FrameKind::diagram) {
    if (name.local == "BPMNPlane") push_frame(el, FrameKind::plane, false, npos, npos, npos);
  } else if (name.local == "BPMNShape") {
    read_shape(el);
  } else if (name.local == "BPMNEdge") {
    read_edge(el);
  }
}

void Reader::resolve_pending() {
  if (!event_definition_refs_.empty()) {
    std::unordered_map<std::string_view, engine::EventTrigger> defs(root_event_definitions_.begin(),
                                                                     root_event_definitions_.end());
    for (const auto& p : event_definition_refs_) {
      engine::Node& node = builder_.node(p.index);
      if (auto it = defs.find(p.ref); it != defs.end()) {
        node.triggers.push_back(it->second);
      } else {
        diags_.add(DiagId::bpmn_unknown_event_definition, ctx_.file(), at(p.at), node.id, {node.id, std::string(p.ref)});
      }
    }
  }
  if (!associations_.empty()) {
    std::unordered_map<std::string_view, std::size_t> by_id;
    for (std::size_t i = 0; i < annotations_.size(); ++i) by_id.emplace(annotations_[i].id, i);
    for (const auto& a : associations_) {
      if (auto it = by_id.find(a.source); it != by_id.end() && !a.target.empty()) {
        annotations_[it->second].associated.emplace_back(a.target);
      } else if (auto jt = by_id.find(a.target); jt != by_id.end() && !a.source.empty()) {
        annotations_[jt->second].associated.emplace_back(a.source);
      }
    }
  }
  for (auto& a : annotations_) builder_.add_annotation(std::move(a));
  annotations_.clear();
}

} // namespace lotse::importers::bpmn
