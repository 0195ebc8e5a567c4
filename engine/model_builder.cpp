// SPDX-License-Identifier: MIT
#include "engine/model_builder.h"

#include "engine/text_fold.h"

#include "engine/utf8.h"

#include <array>

namespace lotse::engine {
namespace {

} // namespace

ModelBuilder::ModelBuilder(std::string source_path, std::string format) {
  model_.source_path_ = std::move(source_path);
  model_.format_ = std::move(format);
}

std::string_view ModelBuilder::id_at(std::uint8_t kind, std::uint32_t i) const {
  switch (static_cast<IdKind>(kind)) {
  case IdKind::node: return model_.nodes_[i].id;
  case IdKind::flow: return model_.flows_[i].id;
  case IdKind::process: return model_.processes_[i].id;
  case IdKind::participant: return model_.participants_[i].id;
  case IdKind::lane: return model_.lanes_[i].id;
  case IdKind::data: return model_.data_[i].id;
  case IdKind::annotation: return model_.annotations_[i].id;
  case IdKind::message_flow: return model_.message_flows_[i].id;
  case IdKind::other: return other_ids_[i];
  }
  return {};
}

bool ModelBuilder::claim(std::string_view id, SourceLocation at, IdKind kind, std::uint32_t index) {
  if (id.empty()) return true;
  const auto id_of = [this](std::uint8_t k, std::uint32_t i) { return id_at(k, i); };
  if (!ids_.insert(id, static_cast<std::uint8_t>(kind), index, id_of)) return true;
  pending_diags_.add(DiagId::mod_duplicate_id, model_.source_path_, at, std::string(id), {std::string(id)});
  duplicates_.push_back({kind, index});
  return false;
}

std::uint32_t ModelBuilder::lookup(std::string_view ref, IdKind kind) const {
  const std::string_view id = trim(ref);
  if (id.empty()) return npos;
  const auto id_of = [this](std::uint8_t k, std::uint32_t i) { return id_at(k, i); };
  if (const auto e = ids_.find(id, id_of); e && e->kind == static_cast<std::uint8_t>(kind)) return e->index;
  for (const Duplicate& d : duplicates_) {  // rare: the id was taken by an element of another kind first
    if (d.kind == kind && id_at(static_cast<std::uint8_t>(d.kind), d.index) == id) return d.index;
  }
  return npos;
}

bool ModelBuilder::register_id(std::string_view id, SourceLocation at) {
  if (id.empty()) return true;
  other_ids_.push_back(arena_.keep(id));
  return claim(id, at, IdKind::other, static_cast<std::uint32_t>(other_ids_.size() - 1));
}

ProcessIndex ModelBuilder::add_process(Process p) {
  const auto index = static_cast<ProcessIndex>(model_.processes_.size());
  model_.processes_.push_back(std::move(p));
  claim(model_.processes_.back().id, model_.processes_.back().origin, IdKind::process, index);
  return index;
}

NodeIndex ModelBuilder::add_node(Node&& n) {
  if (model_.nodes_.capacity() == 0) model_.nodes_.reserve(16);  // skip the 1-2-4-8 growth of small models
  const auto index = static_cast<NodeIndex>(model_.nodes_.size());
  model_.nodes_.push_back(std::move(n));
  claim(model_.nodes_.back().id, model_.nodes_.back().origin, IdKind::node, index);
  return index;
}

std::optional<NodeIndex> ModelBuilder::find_node(std::string_view id) const {
  if (const NodeIndex n = lookup(id, IdKind::node); n != npos) return n;
  return std::nullopt;
}

void ModelBuilder::attach_boundary(NodeIndex boundary, std::string_view activity_ref, SourceLocation at) {
  boundary_refs_.push_back({boundary, arena_.keep(activity_ref), at});
}

FlowIndex ModelBuilder::add_sequence_flow(Flow&& f, std::string_view source_ref, std::string_view target_ref) {
  if (model_.flows_.capacity() == 0) {
    model_.flows_.reserve(16);
    flow_refs_.reserve(16);
  }
  const auto index = static_cast<FlowIndex>(model_.flows_.size());
  model_.flows_.push_back(std::move(f));
  claim(model_.flows_.back().id, model_.flows_.back().origin, IdKind::flow, index);
  flow_refs_.push_back({index, arena_.keep(source_ref), arena_.keep(target_ref)});
  return index;
}

FlowIndex ModelBuilder::add_flow_between(Flow f, NodeIndex source, NodeIndex target) {
  const auto index = static_cast<FlowIndex>(model_.flows_.size());
  f.source = source;
  f.target = target;
  model_.flows_.push_back(std::move(f));
  claim(model_.flows_.back().id, model_.flows_.back().origin, IdKind::flow, index);
  return index;
}

void ModelBuilder::set_default_flow(NodeIndex node, std::string_view flow_ref, SourceLocation at) {
  default_refs_.push_back({node, arena_.keep(flow_ref), at});
}

void ModelBuilder::add_message_flow(MessageFlow m) {
  const auto index = static_cast<std::uint32_t>(model_.message_flows_.size());
  model_.message_flows_.push_back(std::move(m));
  claim(model_.message_flows_.back().id, model_.message_flows_.back().origin, IdKind::message_flow, index);
}

ParticipantIndex ModelBuilder::add_participant(Participant p, std::string_view process_ref) {
  const auto index = static_cast<ParticipantIndex>(model_.participants_.size());
  model_.participants_.push_back(std::move(p));
  const Participant& added = model_.participants_.back();
  claim(added.id, added.origin, IdKind::participant, index);
  if (!process_ref.empty()) participant_refs_.push_back({index, arena_.keep(process_ref), added.origin});
  return index;
}

LaneIndex ModelBuilder::add_lane(Lane l, std::vector<std::pair<std::string, SourceLocation>> flow_node_refs) {
  const auto index = static_cast<LaneIndex>(model_.lanes_.size());
  model_.lanes_.push_back(std::move(l));
  claim(model_.lanes_.back().id, model_.lanes_.back().origin, IdKind::lane, index);
  lane_refs_.push_back({index, std::move(flow_node_refs)});
  return index;
}

DataIndex ModelBuilder::add_data(DataElement d) {
  const auto index = static_cast<DataIndex>(model_.data_.size());
  model_.data_.push_back(std::move(d));
  claim(model_.data_.back().id, model_.data_.back().origin, IdKind::data, index);
  return index;
}

void ModelBuilder::add_data_association(NodeIndex node, std::string_view data_ref, bool output, std::string id,
                                        SourceLocation at) {
  data_refs_.push_back({node, arena_.keep(data_ref), output, std::move(id), at});
}

void ModelBuilder::add_annotation(Annotation a) {
  const auto index = static_cast<std::uint32_t>(model_.annotations_.size());
  model_.annotations_.push_back(std::move(a));
  claim(model_.annotations_.back().id, model_.annotations_.back().origin, IdKind::annotation, index);
}

void ModelBuilder::add_shape(std::string_view element_id, Bounds b) { shapes_.emplace_back(arena_.keep(element_id), b); }

void ModelBuilder::add_edge(std::string_view element_id, std::vector<Point> waypoints) {
  edges_.emplace_back(arena_.keep(element_id), std::move(waypoints));
}

ProcessModel ModelBuilder::finish(Diagnostics& diags) && {
  ProcessModel& m = model_;
  const std::string& file = m.source_path_;

  for (const auto& p : flow_refs_) {
    Flow& f = m.flows_[p.flow];
    f.source = lookup(p.source, IdKind::node);
    f.target = lookup(p.target, IdKind::node);
    if (f.source == npos) diags.add(DiagId::mod_dangling_flow_source, file, f.origin, f.id, {f.id, std::string(p.source)});
    if (f.target == npos) diags.add(DiagId::mod_dangling_flow_target, file, f.origin, f.id, {f.id, std::string(p.target)});
    if (f.source != npos && f.target != npos && m.nodes_[f.source].parent != m.nodes_[f.target].parent) {
      diags.add(DiagId::mod_flow_crosses_scope, file, f.origin, f.id, {f.id});
    }
  }
  for (const auto& p : boundary_refs_) {
    const NodeIndex target = lookup(p.ref, IdKind::node);
    if (target == npos) {
      diags.add(DiagId::mod_dangling_attached, file, p.at, m.nodes_[p.index].id, {m.nodes_[p.index].id, std::string(p.ref)});
    } else {
      m.nodes_[p.index].attached_to = target;
    }
  }
  for (const auto& p : default_refs_) {
    const FlowIndex f = lookup(p.ref, IdKind::flow);
    if (f == npos) {
      diags.add(DiagId::mod_dangling_ref, file, p.at, m.nodes_[p.index].id, {m.nodes_[p.index].id, std::string(p.ref)});
    } else {
      m.nodes_[p.index].default_flow = f;
      m.flows_[f].is_default = true;
    }
  }
  for (const auto& p : participant_refs_) {
    const ProcessIndex proc = lookup(p.ref, IdKind::process);
    Participant& part = m.participants_[p.index];
    if (proc == npos) {
      diags.add(DiagId::mod_dangling_ref, file, p.at, part.id, {part.id, std::string(p.ref)});
    } else {
      part.process = proc;
      if (m.processes_[proc].participant == npos) m.processes_[proc].participant = p.index;
    }
  }
  for (auto& mf : m.message_flows_) {
    auto resolve = [&](const std::string& ref, NodeIndex& node, ParticipantIndex& part) {
      node = lookup(ref, IdKind::node);
      if (node != npos) return;
      part = lookup(ref, IdKind::participant);
      if (part != npos) return;
      diags.add(DiagId::mod_dangling_message_ref, file, mf.origin, mf.id, {mf.id, ref});
    };
    resolve(mf.source_ref, mf.source_node, mf.source_participant);
    resolve(mf.target_ref, mf.target_node, mf.target_participant);
  }
  // Lanes: process in order; nested lanes come after their parents, so the innermost wins.
  for (const auto& p : lane_refs_) {
    Lane& lane = m.lanes_[p.lane];
    lane.nodes.reserve(p.refs.size());
    for (const auto& [ref, at] : p.refs) {
      const NodeIndex n = lookup(ref, IdKind::node);
      if (n == npos) {
        diags.add(DiagId::mod_dangling_lane_ref, file, at, lane.id, {lane.id, ref});
        continue;
      }
      lane.nodes.push_back(n);
      m.nodes_[n].lane = p.lane;
    }
  }
  m.data_associations_.reserve(data_refs_.size());
  for (auto& p : data_refs_) {
    const DataIndex d = lookup(p.ref, IdKind::data);
    if (d == npos) {
      diags.add(DiagId::mod_dangling_data_ref, file, p.at, m.nodes_[p.node].id, {m.nodes_[p.node].id, std::string(p.ref)});
      continue;
    }
    m.data_associations_.push_back({std::move(p.id), p.node, d, p.output, p.at});
  }

  // DI: the first shape of an element counts. An id names one element; only when ids are duplicated
  // across kinds, nodes win over participants, lanes, data and annotations (flows over message flows).
  const auto id_of = [this](std::uint8_t k, std::uint32_t i) { return id_at(k, i); };
  auto slot_of_shape = [&](IdKind kind, std::uint32_t i) -> std::optional<Bounds>* {
    switch (kind) {
    case IdKind::node: return &m.nodes_[i].shape;
    case IdKind::participant: return &m.participants_[i].shape;
    case IdKind::lane: return &m.lanes_[i].shape;
    case IdKind::data: return &m.data_[i].shape;
    case IdKind::annotation: return &m.annotations_[i].shape;
    default: return nullptr;
    }
  };
  static constexpr std::array shape_kinds{IdKind::node, IdKind::participant, IdKind::lane, IdKind::data, IdKind::annotation};
  for (const auto& [id, b] : shapes_) {
    std::optional<Bounds>* slot = nullptr;
    if (duplicates_.empty()) {
      if (const auto e = ids_.find(id, id_of)) slot = slot_of_shape(static_cast<IdKind>(e->kind), e->index);
    } else {
      for (const IdKind k : shape_kinds) {
        if (const std::uint32_t i = lookup(id, k); i != npos) {
          slot = slot_of_shape(k, i);
          break;
        }
      }
    }
    if (slot != nullptr && !*slot) *slot = b;
  }
  for (auto& [id, w] : edges_) {
    std::vector<Point>* slot = nullptr;
    if (const FlowIndex f = lookup(id, IdKind::flow); f != npos) {
      slot = &m.flows_[f].waypoints;
    } else if (const std::uint32_t mf = lookup(id, IdKind::message_flow); mf != npos) {
      slot = &m.message_flows_[mf].waypoints;
    }
    if (slot != nullptr && slot->empty()) *slot = std::move(w);
  }

  cut_long_names(diags);
  diags.append(pending_diags_);
  m.index();
  return std::move(m);
}

void ModelBuilder::cut_long_names(Diagnostics& diags) {
  ProcessModel& m = model_;
  std::size_t count = 0;
  const std::string* first_id = nullptr;
  SourceLocation first_at;
  const auto cut = [&](std::string& name, const std::string& id, SourceLocation at) {
    if (name.size() <= max_name_bytes) return;
    name = cut_utf8(name, max_name_bytes);
    if (count++ == 0) {
      first_id = &id;
      first_at = at;
    }
  };
  for (auto& x : m.nodes_) cut(x.name, x.id, x.origin);
  for (auto& x : m.flows_) cut(x.name, x.id, x.origin);
  for (auto& x : m.processes_) cut(x.name, x.id, x.origin);
  for (auto& x : m.participants_) cut(x.name, x.id, x.origin);
  for (auto& x : m.lanes_) cut(x.name, x.id, x.origin);
  for (auto& x : m.message_flows_) cut(x.name, x.id, x.origin);
  for (auto& x : m.data_) cut(x.name, x.id, x.origin);
  for (auto& sp : m.picture_) {
    cut(sp.name, sp.id, sp.origin);
    for (auto& v : sp.variants) cut(v.name, sp.id, v.origin);
  }
  if (count == 0) return;
  diags.add(DiagId::mod_name_too_long, m.source_path_, first_at, first_id ? *first_id : std::string(),
            {std::to_string(count), std::to_string(max_name_bytes), first_id ? *first_id : std::string()});
}

} // namespace lotse::engine
