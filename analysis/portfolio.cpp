// SPDX-License-Identifier: MIT
#include "analysis/portfolio.h"

#include "analysis/package.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace lotse::analysis {
namespace {

constexpr double eps = 1e-9;

const Measure* find_measure(const Catalogue& c, const std::string& id) {
  for (const auto& m : c.measures) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

/// The portfolio id of measure `id` when service `service` needs it.
std::string town_id(const Catalogue& c, const std::string& id, const std::string& service) {
  const Measure* m = find_measure(c, id);
  return m != nullptr && m->town_wide ? id : id + "@" + service;
}

/// A prerequisite is at least as urgent as the measures that need it (as in one service's package).
void raise_prerequisites(std::vector<TownMeasure>& list) {
  for (std::size_t round = 0; round < list.size(); ++round) {
    bool changed = false;
    for (const auto& m : list) {
      for (const auto& req : m.requires_ids) {
        for (auto& other : list) {
          if (other.id == req && static_cast<int>(m.priority) < static_cast<int>(other.priority)) {
            other.priority = m.priority;
            changed = true;
          }
        }
      }
    }
    if (!changed) break;
  }
}

/// Quarters of calendar year `y` inside the horizon.
int quarters_in_year(const PlanFrame& f, int y) {
  int n = 0;
  for (int q = 0; q < f.quarters; ++q) n += f.year_of(q) == y ? 1 : 0;
  return n;
}

/// Staff days of a measure consumed from quarter `first` on: per quarter, or empty when they do not fit.
std::vector<double> allocate_days(const std::vector<double>& left, int first, double days) {
  std::vector<double> take(left.size(), 0.0);
  if (days <= eps) return take;
  if (left[static_cast<std::size_t>(first)] <= eps) return {};
  double need = days;
  for (std::size_t q = static_cast<std::size_t>(first); q < left.size() && need > eps; ++q) {
    take[q] = std::min(left[q], need);
    need -= take[q];
  }
  if (need > eps) return {};
  return take;
}

} // namespace

std::string PlanFrame::label(int index) const {
  const int q0 = start_quarter - 1 + index;
  return std::to_string(start_year + q0 / 4) + "-Q" + std::to_string(q0 % 4 + 1);
}

int PlanFrame::year_of(int index) const { return start_year + (start_quarter - 1 + index) / 4; }

std::optional<std::pair<int, int>> parse_quarter(const std::string& s) {
  std::string t;
  for (const char ch : s) {
    if (ch != ' ') t.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
  }
  int year = 0, q = 0;
  const auto digits = [](const std::string& x) {
    return !x.empty() && std::all_of(x.begin(), x.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (t.size() == 7 && t[4] == '-' && t[5] == 'Q' && digits(t.substr(0, 4)) && digits(t.substr(6))) {
    year = std::stoi(t.substr(0, 4));
    q = t[6] - '0';
  } else if (t.size() == 7 && t[0] == 'Q' && t[2] == '/' && digits(t.substr(1, 1)) && digits(t.substr(3))) {
    year = std::stoi(t.substr(3));
    q = t[1] - '0';
  } else {
    return std::nullopt;
  }
  if (q < 1 || q > 4 || year < 2000 || year > 2100) return std::nullopt;
  return std::make_pair(year, q);
}

Portfolio build_portfolio(const std::vector<ServiceInput>& services, const PortfolioInput& in) {
  Portfolio p;
  p.frame = in.frame;
  p.hours_per_staff_day = in.hours_per_staff_day;
  std::map<std::string, std::size_t> index;
  std::map<std::string, std::pair<double, double>> served;  // id -> (hours, €) of the services it serves
  for (const auto& s : services) {
    for (const auto& sm : s.measures) {
      const Measure* cat = find_measure(in.catalogue, sm.id);
      const std::string id = town_id(in.catalogue, sm.id, s.key);
      auto [it, fresh] = index.try_emplace(id, p.measures.size());
      if (fresh) {
        TownMeasure t;
        t.id = id;
        t.measure_id = sm.id;
        t.town_wide = cat != nullptr && cat->town_wide;
        t.title_de = sm.title_de;
        t.title_en = sm.title_en;
        t.component = sm.component;
        t.ozg_level = sm.ozg_level;
        if (cat != nullptr) {
          t.one_off_eur = cat->effort.one_off_eur;
          t.running_eur_per_year = cat->effort.running_eur_per_year;
          t.staff_days = cat->effort.staff_days;
          t.effort_source = cat->effort.source;
          t.effort_assumption = cat->effort.assumption;
          t.effort_from_town = cat->effort.town;
        }
        p.measures.push_back(std::move(t));
      } else if (cat != nullptr) {
        TownMeasure& t = p.measures[it->second];
        t.one_off_eur += cat->further_service.one_off_eur;
        t.running_eur_per_year += cat->further_service.running_eur_per_year;
        t.staff_days += cat->further_service.staff_days;
      }
      TownMeasure& t = p.measures[it->second];
      if (std::find(t.services.begin(), t.services.end(), s.key) == t.services.end()) {
        t.services.push_back(s.key);
        served[id].first += s.hours_per_year;
        served[id].second += s.cost_per_year_eur;
      }
      t.saved_hours_per_year += sm.saved_hours_per_year;
      t.saved_eur_per_year += sm.saved_eur_per_year;
      t.saved_citizen_hours_per_year += sm.saved_citizen_hours_per_year;
      for (const auto& r : sm.requires_ids) {
        const std::string rid = town_id(in.catalogue, r, s.key);
        if (std::find(t.requires_ids.begin(), t.requires_ids.end(), rid) == t.requires_ids.end()) t.requires_ids.push_back(rid);
      }
    }
  }
  for (auto& t : p.measures) {
    // Only prerequisites that are part of this portfolio constrain it (others are in place already).
    std::erase_if(t.requires_ids, [&](const std::string& r) { return index.count(r) == 0 || r == t.id; });
    const auto [hours, eur] = served[t.id];
    const double rate = hours > 0 ? eur / hours : 0.0;
    t.staff_cost_eur = t.staff_days * in.hours_per_staff_day * rate;
    t.net_benefit_eur_per_year = t.saved_eur_per_year - t.running_eur_per_year;
    if (t.net_benefit_eur_per_year > 0.005) t.payback_years = (t.one_off_eur + t.staff_cost_eur) / t.net_benefit_eur_per_year;
    t.priority = priority_from_payback(t.payback_years);
    p.saved_hours_per_year += t.saved_hours_per_year;
    p.saved_eur_per_year += t.saved_eur_per_year;
    p.one_off_eur += t.one_off_eur;
    p.running_eur_per_year += t.running_eur_per_year;
    p.staff_days += t.staff_days;
  }
  raise_prerequisites(p.measures);
  schedule(p);
  return p;
}

void schedule(Portfolio& p) {
  const PlanFrame& f = p.frame;
  const int n = std::max(0, f.quarters);
  std::vector<double> days_left(static_cast<std::size_t>(n), f.staff_days_per_quarter);
  std::map<int, double> budget_left;
  for (int q = 0; q < n; ++q) budget_left[f.year_of(q)] = f.budget_eur_per_year * quarters_in_year(f, f.year_of(q)) / 4.0;
  p.quarters.assign(static_cast<std::size_t>(n), QuarterLoad{});
  for (int q = 0; q < n; ++q) p.quarters[static_cast<std::size_t>(q)].label = f.label(q);
  p.budget_used_by_year.clear();
  for (const auto& [y, b] : budget_left) p.budget_used_by_year[y] = 0;

  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < p.measures.size(); ++i) {
    p.measures[i].first_quarter.reset();
    p.measures[i].last_quarter.reset();
    index[p.measures[i].id] = i;
  }
  std::vector<bool> decided(p.measures.size(), false);
  int order = 0;
  for (;;) {
    // Ready: every prerequisite decided. Best: largest net benefit, then larger saving, then id.
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < p.measures.size(); ++i) {
      if (decided[i]) continue;
      const auto& m = p.measures[i];
      const bool ready = std::all_of(m.requires_ids.begin(), m.requires_ids.end(), [&](const std::string& r) { return decided[index.at(r)]; });
      if (!ready) continue;
      if (!best) {
        best = i;
        continue;
      }
      const auto& b = p.measures[*best];
      const auto key = [](const TownMeasure& t) { return std::make_tuple(-t.net_benefit_eur_per_year, -t.saved_hours_per_year); };
      if (key(m) < key(b) || (key(m) == key(b) && m.id < b.id)) best = i;
    }
    if (!best) break;  // done, or a cycle of prerequisites: the rest stays after the horizon
    const std::size_t i = *best;
    decided[i] = true;
    TownMeasure& m = p.measures[i];
    m.order = ++order;
    int earliest = 0;
    bool blocked = false;
    for (const auto& r : m.requires_ids) {
      const auto& req = p.measures[index.at(r)];
      if (!req.last_quarter) blocked = true;
      else earliest = std::max(earliest, *req.last_quarter + 1);
    }
    if (blocked) continue;
    for (int q = earliest; q < n; ++q) {
      const int year = f.year_of(q);
      if (m.one_off_eur > budget_left[year] + eps) continue;
      const auto take = allocate_days(days_left, q, m.staff_days);
      if (take.empty()) continue;
      int last = q;
      for (int k = q; k < n; ++k) {
        if (take[static_cast<std::size_t>(k)] > eps) last = k;
      }
      // Running costs from the quarter after the last one of the introduction, a quarter of a year's each.
      std::map<int, double> charge;  // € charged to each year: one-off now, running later
      for (int k = last + 1; k < n; ++k) charge[f.year_of(k)] += m.running_eur_per_year / 4.0;
      charge[year] += m.one_off_eur;
      const bool fits = std::all_of(charge.begin(), charge.end(), [&](const auto& yr) { return yr.second <= budget_left[yr.first] + eps; });
      if (!fits) continue;
      for (const auto& [y, eur] : charge) {
        budget_left[y] -= eur;
        p.budget_used_by_year[y] += eur;
      }
      for (int k = q; k < n; ++k) {
        days_left[static_cast<std::size_t>(k)] -= take[static_cast<std::size_t>(k)];
        p.quarters[static_cast<std::size_t>(k)].staff_days += take[static_cast<std::size_t>(k)];
        if (k > last) p.quarters[static_cast<std::size_t>(k)].running_eur += m.running_eur_per_year / 4.0;
      }
      p.quarters[static_cast<std::size_t>(q)].one_off_eur += m.one_off_eur;
      p.quarters[static_cast<std::size_t>(q)].starting.push_back(m.id);
      m.first_quarter = q;
      m.last_quarter = last;
      break;
    }
  }
  std::stable_sort(p.measures.begin(), p.measures.end(), [](const TownMeasure& a, const TownMeasure& b) {
    const int qa = a.first_quarter.value_or(1 << 20), qb = b.first_quarter.value_or(1 << 20);
    if (qa != qb) return qa < qb;
    if (a.order == 0 || b.order == 0) return a.order != 0 && b.order == 0;
    return a.order < b.order;
  });
  p.planned_saved_hours_per_year = p.planned_saved_eur_per_year = 0;
  for (const auto& m : p.measures) {
    if (!m.first_quarter) continue;
    p.planned_saved_hours_per_year += m.saved_hours_per_year;
    p.planned_saved_eur_per_year += m.saved_eur_per_year;
  }
}

} // namespace lotse::analysis
