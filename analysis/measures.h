// SPDX-License-Identifier: MIT
// The digitisation-measure catalogue (data/massnahmen.json) and the citizen time values
// (data/buerger_zeitwerte_2025.json, StBA): which findings trigger a measure, how it changes the
// model (nodes removed, channels set to the electronic interface, processing time scaled), the Saxon
// component and the OZG level it reaches. plan_measure() decides whether a measure applies to a model
// and what it touches; apply_measure() makes the changed copy that the workload is run on again.
#pragma once

#include "analysis/lexicon.h"
#include "analysis/media_breaks.h"
#include "analysis/workload.h"
#include "engine/model_builder.h"

#include <map>
#include <utility>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

namespace lotse::analysis {

/// StBA citizen time values: trips (Wegezeiten) and activities (einfach/mittel/hoch), in minutes.
struct CitizenTimes {
  bool loaded = false;
  std::string source;
  std::map<std::string, double> trips;                     ///< "gemeinde" -> 15
  std::map<std::string, std::map<std::string, double>> activities;  ///< "formulare_ausfuellen" -> {"mittel": 6}
  /// "wegezeit:gemeinde" or "formulare_ausfuellen:mittel"; nullopt when unknown.
  [[nodiscard]] std::optional<double> minutes(const std::string& key) const;
};

/// Which findings a measure applies to: the recipient of paper output, when it matters (internal =
/// Hauspost to another office of the same administration; business = a company or trader).
enum class Recipient { any, citizen, authority, internal, business };
/// "citizen", "authority", "internal", "business" (catalogue and tests); Recipient::any for others.
[[nodiscard]] Recipient recipient_from_id(std::string_view id);

/// One change a measure makes to the model copy.
struct ModelChange {
  enum class Op { remove, channels_to_electronic, scale_processing, add_processing };
  Op op = Op::remove;
  std::vector<MediaBreakKind> kinds;       ///< findings whose nodes are touched
  std::vector<std::string> skip_rules;     ///< findings with these rules are left alone
  std::vector<std::string> evidence_contains;  ///< only findings with an evidence rule containing one of these
  std::vector<engine::BlockType> blocks;   ///< nodes of these block types are touched too
  TermList names;                          ///< nodes whose names match are touched too (manual tasks only)
  TermList unless_names;                   ///< nodes whose names match are never touched (e.g. payment checks)
  bool inbound = true;                     ///< channels_to_electronic: inbound or outbound mix
  bool whole_steps_only = true;            ///< remove: only steps that exist because of the break
  std::vector<engine::Channel> channels;   ///< channels_to_electronic: shares moved to electronic_interface
  double factor = 1.0;                     ///< scale_processing
  double minutes = 0;                      ///< add_processing, times the finding's share
  std::string note_de, note_en;            ///< where a factor or time comes from ("Annahme: halbiert")
};

/// A citizen benefit: (from - to) minutes times a share taken from the model.
struct CitizenEffect {
  std::string from, to;                    ///< CitizenTimes keys; empty `to` = 0 minutes
  std::string basis;                       ///< personal_inbound_share, paper_inbound_share, non_personal_share,
                                           ///< personal_outbound_share, request_visits, one
  double times = 1.0;                      ///< extra factor (e.g. 0.5 "half of the queries disappear")
  std::string note_de, note_en;
};

/// A fit rule (data in the catalogue): a measure does not fit a break whose node names a physical
/// item that must stay physical (a parking permit behind the windscreen, a dog tag), or a service
/// whose name says the measure has nothing to act on (no fee to pay at application).
struct FitRule {
  std::string reason;                      ///< code: physical_item, no_fee, written_form, ...
  TermList names;                          ///< node name/documents (node scope) or model/process names (service scope)
  bool service = false;                    ///< scope: the whole service instead of the break's node
  bool only = false;                       ///< service scope: the measure fits ONLY services matching `names`
};

/// Effort of introducing a measure (one-off and running cost, the town's own staff days); each
/// figure carries a source or is marked as an assumption. Overridable per town.
struct Effort {
  double one_off_eur = 0;
  double running_eur_per_year = 0;
  double staff_days = 0;
  std::string source;                      ///< where the figures come from
  bool assumption = true;                  ///< true: an estimate of Prozesslotse, replace with an offer
  bool town = false;                       ///< true: taken from the town override file
};

/// One catalogue entry.
struct Measure {
  std::string id;
  std::string title_de, title_en, description_de, description_en;
  std::string component;
  int ozg_level = 0, ozg2_level = 0, bw_level = 0;
  std::vector<MediaBreakKind> trigger_kinds;
  std::vector<engine::BlockType> trigger_blocks;
  TermList trigger_names;
  TermList already_names;                  ///< a node named like this means the process already has it
  Recipient recipient = Recipient::any;
  bool unless_inbound_electronic = false;  ///< not when every inbound channel mix is 100 % electronic
  std::vector<MediaBreakKind> unless_kinds;  ///< not when findings of these kinds exist (e.g. scan)
  std::vector<MediaBreakKind> requires_kinds;  ///< only when findings of one of these kinds exist too
  std::vector<ModelChange> changes;
  std::vector<CitizenEffect> citizen;
  std::vector<std::string> sources;
  std::vector<FitRule> fit;                ///< when the measure does not fit
  Effort effort;
  std::vector<std::string> requires_ids;   ///< measures that must come first (prerequisites)
  bool citizen_facing = false;             ///< acts only on the share of citizens who change channel (uptake)
  /// Introduced once for the whole town (a basis component such as ePayBL, the e-file, the Servicekonto
  /// postbox): a town portfolio counts `effort` once and adds `further_service` for every further service
  /// it serves (analysis/portfolio.h). false: introduced per service, effort per service.
  bool town_wide = false;
  Effort further_service;                  ///< town_wide: extra effort for each service after the first
};

struct Catalogue {
  bool loaded = false;
  std::string path;
  std::vector<Measure> measures;
};

[[nodiscard]] Catalogue load_catalogue(const std::string& path, engine::Diagnostics& notes);
[[nodiscard]] CitizenTimes load_citizen_times(const std::string& path, engine::Diagnostics& notes);

/// What a measure would do to one model.
struct MeasurePlan {
  bool applies = false;
  std::vector<const MediaBreak*> triggers;   ///< findings that call for it
  std::vector<engine::NodeIndex> removed;
  std::vector<engine::NodeIndex> changed;
  std::vector<MediaBreakKind> resolves;
  std::vector<std::vector<std::pair<engine::NodeIndex, double>>> per_change;  ///< per change: (node, share)
  double citizen_minutes = 0;                ///< per case
  std::string citizen_note_de, citizen_note_en;
  double uptake = 1.0;                       ///< share of the changing channel that actually changes
  std::string unfit;                         ///< reason code when the measure does not fit the service at all
  std::vector<std::pair<const MediaBreak*, std::string>> skipped;  ///< trigger breaks left alone by a fit rule, with reason
};

/// Everything plan_measure reads besides the measure.
struct PlanInput {
  const engine::ProcessModel& model;
  const MediaBreakResult& breaks;
  const WorkloadResult& work;
  const CitizenTimes& times;
  const Lexicon& lex;
};

/// True when a node of the model shows the measure is in place already (already_names).
[[nodiscard]] bool already_present(const Measure& measure, const engine::ProcessModel& m);
/// The fit-rule reason when the measure does not fit the service as a whole, else empty.
[[nodiscard]] std::string service_unfit(const Measure& measure, const engine::ProcessModel& m);
/// The fit-rule reason when the measure must leave the break's node alone, else empty.
[[nodiscard]] std::string node_unfit(const Measure& measure, const engine::ProcessModel& m, engine::NodeIndex n);

/// Decides whether the measure applies (triggers present, nothing of it in place yet, fit rules
/// allow it) and what it touches. `uptake` (0..1) scales citizen-facing measures: only that share of
/// the channel that changes is moved, removed steps keep (1 - uptake x share) of their time.
[[nodiscard]] MeasurePlan plan_measure(const Measure& measure, const PlanInput& in, double uptake = 1.0);
/// The changed copy: planned nodes removed, channels moved, processing times scaled (from the
/// baseline workload's minutes when the model has none).
[[nodiscard]] engine::ProcessModel apply_measure(const Measure& measure, const MeasurePlan& plan, const engine::ProcessModel& m,
                                                 const MediaBreakResult& breaks, const WorkloadResult& work);
/// The share of cases a citizen-effect basis applies to ("personal_inbound_share", "paper_inbound_share",
/// "personal_outbound_share", ...), read from the model as plan_measure() does ("request_visits": 0).
[[nodiscard]] double citizen_basis_share(const std::string& basis, const PlanInput& in);
/// Who receives the paper a print or outbound node produces: another public body or the citizen.
[[nodiscard]] Recipient recipient_of(const engine::ProcessModel& m, engine::NodeIndex n, const MediaBreakResult& breaks,
                                     const Lexicon& lex);

} // namespace lotse::analysis
