// SPDX-License-Identifier: MIT
#include "engine/model_builder.h"

namespace lotse::engine {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

} // namespace

ModelBuilder::ModelBuilder(std::string source_path, std::string format) {
  model_.source_path_ = std::move(source_path);
  model_.format_ = std::move(format);
}

bool ModelBuilder::register_id(const std::string& id, SourceLocation at) {
  if (id.empty()) return true;
  auto [it, inserted] = ids_.emplace(id, at);
  if (!inserted) {
    pending_diags_.add(DiagId::mod_duplicate_id, model_.source_path_, at, id, {id});
  }
  return inserted;
}

ProcessIndex ModelBuilder::add_process(Process p) {
  register_id(p.id, p.origin);
  model_.processes_.push_back(std::move(p));
  return static_cast<ProcessIndex>(model_.processes_.size() - 1);
}

NodeIndex ModelBuilder::add_node(Node n) {
  const auto index = static_cast<NodeIndex>(model_.nodes_.size());
  if (register_id(n.id, n.origin)) node_ids_.emplace(n.id, index);
  model_.nodes_.push_back(std::move(n));
  return index;
}

std::optional<NodeIndex> ModelBuilder::find_node(std::string_view id) const {
  if (auto it = node_ids_.find(std::string(trim(id))); it != node_ids_.end()) return it->second;
  return std::nullopt;
}

void ModelBuilder::attach_boundary(NodeIndex boundary, std::string activity_ref, SourceLocation at) {
  boundary_refs_.push_back({boundary, std::move(activity_ref), at});
}

FlowIndex ModelBuilder::add_sequence_flow(Flow f, std::string source_ref, std::string target_ref) {
  register_id(f.id, f.origin);
  const auto index = static_cast<FlowIndex>(model_.flows_.size());
  model_.flows_.push_back(std::move(f));
  flow_refs_.push_back({index, std::move(source_ref), std::move(target_ref)});
  return index;
}

FlowIndex ModelBuilder::add_flow_between(Flow f, NodeIndex source, NodeIndex target) {
  register_id(f.id, f.origin);
  f.source = source;
  f.target = target;
  model_.flows_.push_back(std::move(f));
  return static_cast<FlowIndex>(model_.flows_.size() - 1);
}

void ModelBuilder::set_default_flow(NodeIndex node, std::string flow_ref, SourceLocation at) {
  default_refs_.push_back({node, std::move(flow_ref), at});
}

void ModelBuilder::add_message_flow(MessageFlow m) {
  register_id(m.id, m.origin);
  model_.message_flows_.push_back(std::move(m));
}

ParticipantIndex ModelBuilder::add_participant(Participant p, std::string process_ref) {
  register_id(p.id, p.origin);
  const auto index = static_cast<ParticipantIndex>(model_.participants_.size());
  model_.participants_.push_back(std::move(p));
  if (!process_ref.empty()) participant_refs_.push_back({index, std::move(process_ref), model_.participants_.back().origin});
  return index;
}

LaneIndex ModelBuilder::add_lane(Lane l, std::vector<std::pair<std::string, SourceLocation>> flow_node_refs) {
  register_id(l.id, l.origin);
  const auto index = static_cast<LaneIndex>(model_.lanes_.size());
  model_.lanes_.push_back(std::move(l));
  lane_refs_.push_back({index, std::move(flow_node_refs)});
  return index;
}

DataIndex ModelBuilder::add_data(DataElement d) {
  register_id(d.id, d.origin);
  model_.data_.push_back(std::move(d));
  return static_cast<DataIndex>(model_.data_.size() - 1);
}

void ModelBuilder::add_data_association(NodeIndex node, std::string data_ref, bool output, std::string id,
                                        SourceLocation at) {
  data_refs_.push_back({node, std::move(data_ref), output, std::move(id), at});
}

void ModelBuilder::add_annotation(Annotation a) {
  register_id(a.id, a.origin);
  model_.annotations_.push_back(std::move(a));
}

void ModelBuilder::add_shape(std::string element_id, Bounds b) { shapes_.emplace_back(std::move(element_id), b); }

void ModelBuilder::add_edge(std::string element_id, std::vector<Point> waypoints) {
  edges_.emplace_back(std::move(element_id), std::move(waypoints));
}

ProcessModel ModelBuilder::finish(Diagnostics& diags) && {
  ProcessModel& m = model_;
  const std::string& file = m.source_path_;
  auto node_of = [&](std::string_view ref) -> NodeIndex {
    auto found = find_node(ref);
    return found ? *found : npos;
  };

  for (const auto& p : flow_refs_) {
    Flow& f = m.flows_[p.flow];
    f.source = node_of(p.source);
    f.target = node_of(p.target);
    if (f.source == npos) diags.add(DiagId::mod_dangling_flow_source, file, f.origin, f.id, {f.id, p.source});
    if (f.target == npos) diags.add(DiagId::mod_dangling_flow_target, file, f.origin, f.id, {f.id, p.target});
    if (f.source != npos && f.target != npos && m.nodes_[f.source].parent != m.nodes_[f.target].parent) {
      diags.add(DiagId::mod_flow_crosses_scope, file, f.origin, f.id, {f.id});
    }
  }
  for (const auto& p : boundary_refs_) {
    const NodeIndex target = node_of(p.ref);
    if (target == npos) {
      diags.add(DiagId::mod_dangling_attached, file, p.at, m.nodes_[p.index].id, {m.nodes_[p.index].id, p.ref});
    } else {
      m.nodes_[p.index].attached_to = target;
    }
  }
  std::unordered_map<std::string, FlowIndex> flow_ids;
  for (FlowIndex f = 0; f < m.flows_.size(); ++f) flow_ids.emplace(m.flows_[f].id, f);
  for (const auto& p : default_refs_) {
    auto it = flow_ids.find(std::string(trim(p.ref)));
    if (it == flow_ids.end()) {
      diags.add(DiagId::mod_dangling_ref, file, p.at, m.nodes_[p.index].id, {m.nodes_[p.index].id, p.ref});
    } else {
      m.nodes_[p.index].default_flow = it->second;
      m.flows_[it->second].is_default = true;
    }
  }
  std::unordered_map<std::string, ProcessIndex> process_ids;
  for (ProcessIndex i = 0; i < m.processes_.size(); ++i) process_ids.emplace(m.processes_[i].id, i);
  for (const auto& p : participant_refs_) {
    auto it = process_ids.find(std::string(trim(p.ref)));
    Participant& part = m.participants_[p.index];
    if (it == process_ids.end()) {
      diags.add(DiagId::mod_dangling_ref, file, p.at, part.id, {part.id, p.ref});
    } else {
      part.process = it->second;
      if (m.processes_[it->second].participant == npos) m.processes_[it->second].participant = p.index;
    }
  }
  std::unordered_map<std::string, ParticipantIndex> participant_ids;
  for (ParticipantIndex i = 0; i < m.participants_.size(); ++i) participant_ids.emplace(m.participants_[i].id, i);
  for (auto& mf : m.message_flows_) {
    auto resolve = [&](const std::string& ref, NodeIndex& node, ParticipantIndex& part) {
      node = node_of(ref);
      if (node != npos) return;
      if (auto it = participant_ids.find(std::string(trim(ref))); it != participant_ids.end()) {
        part = it->second;
        return;
      }
      diags.add(DiagId::mod_dangling_message_ref, file, mf.origin, mf.id, {mf.id, ref});
    };
    resolve(mf.source_ref, mf.source_node, mf.source_participant);
    resolve(mf.target_ref, mf.target_node, mf.target_participant);
  }
  // Lanes: process in order; nested lanes come after their parents, so the innermost wins.
  for (const auto& p : lane_refs_) {
    Lane& lane = m.lanes_[p.lane];
    for (const auto& [ref, at] : p.refs) {
      const NodeIndex n = node_of(ref);
      if (n == npos) {
        diags.add(DiagId::mod_dangling_lane_ref, file, at, lane.id, {lane.id, ref});
        continue;
      }
      lane.nodes.push_back(n);
      m.nodes_[n].lane = p.lane;
    }
  }
  std::unordered_map<std::string, DataIndex> data_ids;
  for (DataIndex i = 0; i < m.data_.size(); ++i) data_ids.emplace(m.data_[i].id, i);
  for (const auto& p : data_refs_) {
    auto it = data_ids.find(std::string(trim(p.ref)));
    if (it == data_ids.end()) {
      diags.add(DiagId::mod_dangling_data_ref, file, p.at, m.nodes_[p.node].id, {m.nodes_[p.node].id, p.ref});
      continue;
    }
    m.data_associations_.push_back({p.id, p.node, it->second, p.output, p.at});
  }
  // DI.
  std::unordered_map<std::string, std::optional<Bounds>*> shape_slots;
  for (auto& n : m.nodes_) shape_slots.emplace(n.id, &n.shape);
  for (auto& p : m.participants_) shape_slots.emplace(p.id, &p.shape);
  for (auto& l : m.lanes_) shape_slots.emplace(l.id, &l.shape);
  for (auto& d : m.data_) shape_slots.emplace(d.id, &d.shape);
  for (auto& a : m.annotations_) shape_slots.emplace(a.id, &a.shape);
  for (auto& [id, b] : shapes_) {
    if (auto it = shape_slots.find(id); it != shape_slots.end() && !*it->second) *it->second = b;
  }
  std::unordered_map<std::string, std::vector<Point>*> edge_slots;
  for (auto& f : m.flows_) edge_slots.emplace(f.id, &f.waypoints);
  for (auto& mf : m.message_flows_) edge_slots.emplace(mf.id, &mf.waypoints);
  for (auto& [id, w] : edges_) {
    if (auto it = edge_slots.find(id); it != edge_slots.end() && it->second->empty()) *it->second = std::move(w);
  }

  diags.append(pending_diags_);
  m.index();
  return std::move(m);
}

} // namespace lotse::engine
