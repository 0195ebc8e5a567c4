// SPDX-License-Identifier: MIT
// The PICTURE-Classic model shape, shared by the PICTURE-XML importer and the building-block table:
// process start -> one sub-process per Teilprozess (in sequence) -> end; inside each sub-process
// start -> common prefix -> XOR split (one flow per Variante, probability = P(Variante)) -> variant
// chains -> XOR join -> common suffix -> end. Blocks shared by all variants become single nodes.
#pragma once

#include "engine/diagnostics.h"
#include "engine/model_builder.h"

#include <optional>
#include <string>
#include <vector>

namespace lotse::importers::picture_graph {

/// One building block before it becomes a node.
struct BlockSpec {
  engine::Node node;  ///< id, name, origin and attrs filled in by the importer; kind/parent/process set here
};

/// One Variante: a share and a sequence of blocks (indices into TeilprozessSpec::blocks).
struct VariantSpec {
  std::string name;
  std::optional<double> probability;  ///< 0..1; nullopt = not given (treated as 0 and reported)
  engine::SourceLocation at;
  std::vector<std::size_t> blocks;
};

/// One Teilprozess with its blocks and variants.
struct TeilprozessSpec {
  std::string id;                     ///< id of the sub-process node; gateway/event ids derive from it
  std::string name;
  std::optional<engine::Located<engine::CasesPerYear>> cases;
  engine::SourceLocation at;
  engine::NodeAttributes attrs;       ///< attributes of the sub-process node (documents, IT systems)
  std::vector<BlockSpec> blocks;      ///< distinct blocks; the same index in two variants = one block
  std::vector<VariantSpec> variants;
};

/// Diagnostic kinds that differ between the callers.
struct DiagKinds {
  engine::DiagId variant_sum;         ///< shares of a Teilprozess do not add up to 100 %
};

/// Adds start event, the Teilprozess sub-processes (chained in order) and end event to process `p`,
/// and fills builder.picture_subprocesses(). `id_prefix` names the process-level events.
void build(engine::ModelBuilder& builder, engine::ProcessIndex p, const std::string& id_prefix,
           std::vector<TeilprozessSpec> teilprozesse, const DiagKinds& kinds, engine::Diagnostics& diags);

/// Σ over variants v and blocks b in v of P(v) · P(b) · minutes(b): expected minutes per case of one
/// Teilprozess, straight from a built model (used by tests and as a cross-check of the workload pass).
[[nodiscard]] double expected_minutes(const engine::ProcessModel& m, const engine::PictureSubprocess& tp);

} // namespace lotse::importers::picture_graph
