// SPDX-License-Identifier: MIT
// Variant sequences are merged by their common prefix and suffix: the split sits where the variants
// diverge, the join where they converge. A block that would need two places in the graph (it appears in
// the diverging parts of several variants, or twice) gets one node per place, ids suffixed "-v<n>",
// and a note (PIC-009); visit counts stay exact because every variant still visits its own copy.
#include "importers/picture_graph.h"

#include "engine/diagnostics.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <set>

namespace lotse::importers::picture_graph {
namespace {

using engine::NodeIndex;
using engine::NodeKind;
using engine::SourceLocation;

class GraphWriter {
public:
  GraphWriter(engine::ModelBuilder& b, engine::ProcessIndex p) : b_(b), p_(p) {}

  NodeIndex add_plain(std::string id, NodeKind kind, NodeIndex parent, SourceLocation at) {
    engine::Node n;
    n.id = unique(std::move(id));
    n.kind = kind;
    n.parent = parent;
    n.process = p_;
    n.origin = at;
    return b_.add_node(std::move(n));
  }

  NodeIndex add_node(engine::Node n, NodeIndex parent) {
    n.id = unique(std::move(n.id));
    n.parent = parent;
    n.process = p_;
    return b_.add_node(std::move(n));
  }

  void connect(NodeIndex from, NodeIndex to, const std::string& id_base, SourceLocation at,
               std::optional<double> probability = std::nullopt) {
    engine::Flow f;
    f.id = unique(fmt::format("{}-f{}", id_base, ++flow_counter_[id_base]));
    f.origin = at;
    if (probability) f.probability = engine::Located<engine::Probability>{{*probability}, at};
    b_.add_flow_between(std::move(f), from, to);
  }

private:
  std::string unique(std::string id) {
    if (used_.insert(id).second) return id;
    for (int k = 2;; ++k) {
      std::string candidate = fmt::format("{}-{}", id, k);
      if (used_.insert(candidate).second) return candidate;
    }
  }

  engine::ModelBuilder& b_;
  engine::ProcessIndex p_;
  std::set<std::string> used_;
  std::map<std::string, int> flow_counter_;
};

/// Length of the common prefix of all sequences.
std::size_t common_prefix(const std::vector<VariantSpec>& vs) {
  std::size_t n = 0;
  for (;; ++n) {
    for (const auto& v : vs) {
      if (n >= v.blocks.size() || v.blocks[n] != vs.front().blocks[n]) return n;
    }
  }
}

/// Length of the common suffix of all sequences that does not overlap the first `prefix` entries.
std::size_t common_suffix(const std::vector<VariantSpec>& vs, std::size_t prefix) {
  std::size_t n = 0;
  for (;; ++n) {
    for (const auto& v : vs) {
      const auto& f = vs.front().blocks;
      if (n + prefix >= v.blocks.size() || n + prefix >= f.size() ||
          v.blocks[v.blocks.size() - 1 - n] != f[f.size() - 1 - n])
        return n;
    }
  }
}

void build_teilprozess(GraphWriter& w, engine::ModelBuilder& b, TeilprozessSpec& tp, NodeIndex sp,
                       const DiagKinds& kinds, engine::Diagnostics& diags) {
  const std::string& file = b.source_path();
  engine::PictureSubprocess out;
  out.id = tp.id;
  out.name = tp.name;
  if (tp.cases) out.cases_per_year = tp.cases->value;
  out.node = sp;
  out.origin = tp.at;

  const NodeIndex start = w.add_plain(tp.id + "-start", NodeKind::start_event, sp, tp.at);
  if (tp.variants.empty()) {
    diags.add(engine::DiagId::pic_no_variants, file, tp.at, tp.id, {tp.name});
    w.connect(start, w.add_plain(tp.id + "-end", NodeKind::end_event, sp, tp.at), tp.id, tp.at);
    b.picture_subprocesses().push_back(std::move(out));
    return;
  }
  double sum = 0;
  for (const auto& v : tp.variants) sum += v.probability.value_or(0.0);
  if (std::abs(sum - 1.0) > 1e-4) {
    diags.add(kinds.variant_sum, file, tp.at, tp.id, {tp.name, engine::number_arg_g(std::round(sum * 1e4) / 100.0)});
  }

  const bool single = tp.variants.size() == 1;
  const std::size_t pre = single ? tp.variants.front().blocks.size() : common_prefix(tp.variants);
  const std::size_t suf = single ? 0 : common_suffix(tp.variants, pre);

  // Places each block occupies: once in the prefix/suffix, once per variant middle occurrence.
  std::map<std::size_t, int> places;
  const auto& first = tp.variants.front().blocks;
  for (std::size_t i = 0; i < pre; ++i) ++places[first[i]];
  for (std::size_t i = first.size() - suf; i < first.size(); ++i) ++places[first[i]];
  for (const auto& v : tp.variants) {
    for (std::size_t i = pre; i < v.blocks.size() - suf; ++i) ++places[v.blocks[i]];
  }
  for (const auto& [block, count] : places) {
    if (count > 1) {
      diags.add(engine::DiagId::pic_order_conflict, file, tp.blocks[block].node.origin, tp.blocks[block].node.id,
                {tp.name, tp.blocks[block].node.name});
    }
  }
  auto make_block = [&](std::size_t block, const std::string& suffix) {
    engine::Node n = tp.blocks[block].node;
    if (places[block] > 1) n.id += suffix;
    return w.add_node(std::move(n), sp);
  };

  std::vector<NodeIndex> prefix_nodes, suffix_nodes;
  NodeIndex prev = start;
  for (std::size_t i = 0; i < pre; ++i) {
    const NodeIndex n = make_block(first[i], "");
    w.connect(prev, n, tp.id, tp.blocks[first[i]].node.origin);
    prefix_nodes.push_back(n);
    prev = n;
  }
  std::vector<std::vector<NodeIndex>> middles(tp.variants.size());
  if (!single) {
    const NodeIndex split = w.add_plain(tp.id + "-split", NodeKind::exclusive_gateway, sp, tp.at);
    w.connect(prev, split, tp.id, tp.at);
    std::vector<NodeIndex> ends;
    for (std::size_t vi = 0; vi < tp.variants.size(); ++vi) {
      const VariantSpec& v = tp.variants[vi];
      NodeIndex last = split;
      std::optional<double> prob = v.probability.value_or(0.0);
      for (std::size_t i = pre; i < v.blocks.size() - suf; ++i) {
        const NodeIndex n = make_block(v.blocks[i], fmt::format("-v{}", vi + 1));
        w.connect(last, n, tp.id, last == split ? v.at : tp.blocks[v.blocks[i]].node.origin, prob);
        prob.reset();
        middles[vi].push_back(n);
        last = n;
      }
      ends.push_back(last);
      if (last == split) middles[vi].clear();
    }
    const NodeIndex join = w.add_plain(tp.id + "-join", NodeKind::exclusive_gateway, sp, tp.at);
    for (std::size_t vi = 0; vi < ends.size(); ++vi) {
      if (ends[vi] == split) w.connect(split, join, tp.id, tp.variants[vi].at, tp.variants[vi].probability.value_or(0.0));
      else w.connect(ends[vi], join, tp.id, tp.at);
    }
    prev = join;
    for (std::size_t i = first.size() - suf; i < first.size(); ++i) {
      const NodeIndex n = make_block(first[i], "");
      w.connect(prev, n, tp.id, tp.blocks[first[i]].node.origin);
      suffix_nodes.push_back(n);
      prev = n;
    }
  }
  w.connect(prev, w.add_plain(tp.id + "-end", NodeKind::end_event, sp, tp.at), tp.id, tp.at);

  for (std::size_t vi = 0; vi < tp.variants.size(); ++vi) {
    engine::PictureVariant pv;
    pv.name = tp.variants[vi].name;
    pv.probability = tp.variants[vi].probability.value_or(0.0);
    pv.origin = tp.variants[vi].at;
    pv.blocks = prefix_nodes;
    pv.blocks.insert(pv.blocks.end(), middles[vi].begin(), middles[vi].end());
    pv.blocks.insert(pv.blocks.end(), suffix_nodes.begin(), suffix_nodes.end());
    out.variants.push_back(std::move(pv));
  }
  b.picture_subprocesses().push_back(std::move(out));
}

} // namespace

void build(engine::ModelBuilder& builder, engine::ProcessIndex p, const std::string& id_prefix,
           std::vector<TeilprozessSpec> teilprozesse, const DiagKinds& kinds, engine::Diagnostics& diags) {
  GraphWriter w(builder, p);
  const SourceLocation at = builder.process(p).origin;
  NodeIndex prev = w.add_plain(id_prefix + "-start", NodeKind::start_event, engine::npos, at);
  for (auto& tp : teilprozesse) {
    engine::Node sp;
    sp.id = tp.id;
    sp.name = tp.name;
    sp.kind = NodeKind::sub_process;
    sp.origin = tp.at;
    sp.attrs = tp.attrs;
    const NodeIndex spn = w.add_node(std::move(sp), engine::npos);
    w.connect(prev, spn, id_prefix, tp.at);
    build_teilprozess(w, builder, tp, spn, kinds, diags);
    prev = spn;
  }
  w.connect(prev, w.add_plain(id_prefix + "-end", NodeKind::end_event, engine::npos, at), id_prefix, at);
}

double expected_minutes(const engine::ProcessModel& m, const engine::PictureSubprocess& tp) {
  double minutes = 0;
  for (const auto& v : tp.variants) {
    for (const NodeIndex n : v.blocks) {
      const auto& a = m.node(n).attrs;
      const double occurrence = a.occurrence ? a.occurrence->value : 1.0;
      const double per_execution = a.processing ? engine::to_minutes(a.processing->value) : 0.0;
      minutes += v.probability * occurrence * per_execution;
    }
  }
  return minutes;
}

} // namespace lotse::importers::picture_graph
