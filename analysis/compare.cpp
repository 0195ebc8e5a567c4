// SPDX-License-Identifier: MIT
// Ist/Soll comparison from the pass results of two contexts (see compare.h).
#include "analysis/compare.h"

#include "analysis/data_set.h"
#include "analysis/measures.h"
#include "analysis/workload.h"
#include "engine/text_fold.h"

#include <algorithm>
#include <array>
#include <map>

namespace lotse::analysis {
namespace {

enum class Side { ist, soll };

double& side_of(IstSoll& v, Side s) { return s == Side::ist ? v.ist : v.soll; }

/// Rows keyed by a folded name, in order of first appearance.
class Rows {
public:
  CompareRow& at(const std::string& key, const std::string& name, Side s) {
    auto [it, fresh] = index_.emplace(key, rows_.size());
    if (fresh) rows_.push_back(CompareRow{name, {}, {}, {}, {}, false, false});
    CompareRow& row = rows_[it->second];
    (s == Side::ist ? row.in_ist : row.in_soll) = true;
    return row;
  }
  std::vector<CompareRow> take() { return std::move(rows_); }

private:
  std::map<std::string, std::size_t> index_;
  std::vector<CompareRow> rows_;
};

void add(CompareRow& row, Side s, double hours, double fte, double eur, double minutes) {
  side_of(row.hours_per_year, s) += hours;
  side_of(row.fte, s) += fte;
  side_of(row.eur_per_year, s) += eur;
  side_of(row.minutes_per_case, s) += minutes;
}

std::string node_name(const engine::ProcessModel& m, engine::NodeIndex n) {
  if (n >= m.node_count()) return {};
  return m.node(n).name.empty() ? m.node(n).id : m.node(n).name;
}

void totals(const WorkloadResult& w, Side s, Comparison& c) {
  for (const auto& p : w.processes) {
    side_of(c.cases_per_year, s) = std::max(side_of(c.cases_per_year, s), p.cases_per_year);
    side_of(c.minutes_per_case, s) += p.minutes_per_case;
    side_of(c.hours_per_year, s) += p.hours_per_year;
    side_of(c.fte, s) += p.fte;
    side_of(c.eur_per_year, s) += p.cost_per_year_eur;
  }
}

void roles(const WorkloadResult& w, Side s, Rows& rows) {
  for (const auto& p : w.processes) {
    for (const auto& st : p.stellen) {
      add(rows.at(engine::fold_key(st.name), st.name, s), s, st.hours_per_year, st.fte, st.cost_per_year_eur,
          p.cases_per_year > 0 ? st.hours_per_year * 60.0 / p.cases_per_year : 0.0);
    }
  }
}

void nodes(const engine::ProcessModel& m, const WorkloadResult& w, Side s, Rows& categories, Rows& tasks) {
  for (const auto& p : w.processes) {
    for (const auto& nw : p.nodes) {
      const double fte = w.hours_per_fte > 0 ? nw.hours_per_year / w.hours_per_fte : 0.0;
      const auto block = nw.node < m.node_count() ? m.node(nw.node).attrs.block : engine::BlockType::none;
      const std::string category(category_id(block));
      add(categories.at(category, category, s), s, nw.hours_per_year, fte, nw.cost_per_year_eur, nw.minutes_per_case);
      const std::string name = node_name(m, nw.node);
      add(tasks.at(engine::fold_key(name), name, s), s, nw.hours_per_year, fte, nw.cost_per_year_eur, nw.minutes_per_case);
    }
  }
}

/// Categories in the order of engine::BlockCategory, tasks without a Baustein type last.
void sort_categories(std::vector<CompareRow>& rows) {
  static constexpr std::array<std::string_view, 7> order{"information_flow", "media_change", "documentation",
                                                         "administrative_work", "coordination", "generic", "none"};
  auto rank = [](const CompareRow& r) { return std::find(order.begin(), order.end(), r.name) - order.begin(); };
  std::stable_sort(rows.begin(), rows.end(), [&](const CompareRow& a, const CompareRow& b) { return rank(a) < rank(b); });
}

std::string break_key(const MediaBreak& b, const engine::ProcessModel& m) {
  return std::string(media_break_id(b.kind)) + "|" + engine::fold_key(node_name(m, b.node));
}

BreakMatch match_of(const MediaBreak& b, const engine::ProcessModel& m, int number, Side s) {
  BreakMatch x;
  x.kind = b.kind;
  x.node_id = b.node < m.node_count() ? m.node(b.node).id : std::string();
  x.node_name = node_name(m, b.node);
  (s == Side::ist ? x.number_ist : x.number_soll) = number;
  (s == Side::ist ? x.minutes_per_year_ist : x.minutes_per_year_soll) = b.minutes_per_year;
  return x;
}

BreakComparison match_breaks(const engine::ProcessModel& mi, const MediaBreakResult& bi, const engine::ProcessModel& ms,
                             const MediaBreakResult& bs) {
  BreakComparison out;
  std::vector<bool> used(bs.breaks.size(), false);
  for (std::size_t i = 0; i < bi.breaks.size(); ++i) {
    BreakMatch x = match_of(bi.breaks[i], mi, static_cast<int>(i + 1), Side::ist);
    const std::string key = break_key(bi.breaks[i], mi);
    std::size_t j = 0;
    while (j < bs.breaks.size() && (used[j] || break_key(bs.breaks[j], ms) != key)) ++j;
    if (j == bs.breaks.size()) {
      out.removed.push_back(std::move(x));
      continue;
    }
    used[j] = true;
    x.number_soll = static_cast<int>(j + 1);
    x.minutes_per_year_soll = bs.breaks[j].minutes_per_year;
    out.kept.push_back(std::move(x));
  }
  for (std::size_t j = 0; j < bs.breaks.size(); ++j) {
    if (!used[j]) out.added.push_back(match_of(bs.breaks[j], ms, static_cast<int>(j + 1), Side::soll));
  }
  return out;
}

std::optional<LeadTime> lead_time(engine::AnalysisContext& ctx) {
  if (!ctx.has<LeadTimePass>()) return std::nullopt;
  return ctx.get<LeadTimePass>().overall;
}

} // namespace

std::string_view category_id(engine::BlockType b) {
  if (b == engine::BlockType::none) return "none";
  switch (engine::block_category(b)) {
  case engine::BlockCategory::information_flow: return "information_flow";
  case engine::BlockCategory::media_change: return "media_change";
  case engine::BlockCategory::documentation: return "documentation";
  case engine::BlockCategory::administrative_work: return "administrative_work";
  case engine::BlockCategory::coordination: return "coordination";
  case engine::BlockCategory::generic: return "generic";
  }
  return "generic";
}

double citizen_minutes_per_case(engine::AnalysisContext& ctx) {
  const DataSet& data = data_set(ctx);
  const PlanInput in{ctx.model(), ctx.get<MediaBreakPass>(), ctx.get<WorkloadPass>(), data.citizen_times, data.lexicon};
  const auto minutes = [&](const char* key) { return data.citizen_times.minutes(key).value_or(0.0); };
  const double paper = std::clamp(citizen_basis_share("paper_inbound_share", in), 0.0, 1.0);
  return minutes("wegezeit:gemeinde") * citizen_basis_share("personal_inbound_share", in) +
         minutes("formulare_ausfuellen:mittel") * paper + minutes("formulare_ausfuellen:einfach") * (1.0 - paper) +
         minutes("wegezeit:gemeinde") * citizen_basis_share("personal_outbound_share", in);
}

Comparison compare_models(engine::AnalysisContext& ist, engine::AnalysisContext& soll) {
  Comparison c;
  const auto& wi = ist.get<WorkloadPass>();
  const auto& ws = soll.get<WorkloadPass>();
  c.hours_per_fte = wi.hours_per_fte;
  totals(wi, Side::ist, c);
  totals(ws, Side::soll, c);
  c.citizen_minutes_per_case = {citizen_minutes_per_case(ist), citizen_minutes_per_case(soll)};
  const auto& bi = ist.get<MediaBreakPass>();
  const auto& bs = soll.get<MediaBreakPass>();
  c.media_breaks = {static_cast<double>(bi.breaks.size()), static_cast<double>(bs.breaks.size())};
  c.media_break_minutes_per_year = {bi.minutes_per_year_total(), bs.minutes_per_year_total()};
  c.breaks = match_breaks(ist.model(), bi, soll.model(), bs);
  c.lead_time_ist = lead_time(ist);
  c.lead_time_soll = lead_time(soll);
  if (!c.lead_time_ist || !c.lead_time_soll) c.lead_time_ist = c.lead_time_soll = std::nullopt;

  Rows role_rows, category_rows, task_rows;
  roles(wi, Side::ist, role_rows);
  roles(ws, Side::soll, role_rows);
  nodes(ist.model(), wi, Side::ist, category_rows, task_rows);
  nodes(soll.model(), ws, Side::soll, category_rows, task_rows);
  c.by_role = role_rows.take();
  c.by_category = category_rows.take();
  sort_categories(c.by_category);
  c.by_task = task_rows.take();
  return c;
}

} // namespace lotse::analysis
