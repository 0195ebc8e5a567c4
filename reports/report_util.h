// SPDX-License-Identifier: MIT
// Small helpers shared by the Markdown and HTML renderers of the analysis report: filling text
// templates, the fixed number styles of the report (hours, minutes, euros), and orderings.
#pragma once

#include "reports/analysis_report.h"
#include "reports/number_format.h"
#include "reports/texts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::reports::detail {

/// Fills a text template from texts.h; arguments must already be escaped for the target format.
template <class... Args> [[nodiscard]] std::string fill(std::string_view tmpl, const Args&... args) {
  return fmt::format(fmt::runtime(tmpl), args...);
}

/// `value` rounded half away from zero to `decimals` places (as people round: 962,5 -> 963), then
/// formatted; fmt alone would round an exact half to even.
[[nodiscard]] inline std::string rounded(double value, int decimals, engine::Lang lang) {
  const double f = std::pow(10.0, decimals);
  return format_number(std::round(value * f) / f, decimals, lang);
}
/// Hours: whole hours from 100 on, one decimal below.
[[nodiscard]] inline std::string hours(double h, engine::Lang lang) {
  return rounded(h, h >= 99.95 || h <= -99.95 ? 0 : 1, lang);
}
/// Minutes per case or per execution: one decimal.
[[nodiscard]] inline std::string minutes(double m, engine::Lang lang) { return rounded(m, 1, lang); }
/// Minutes per year: whole minutes.
[[nodiscard]] inline std::string minutes_year(double m, engine::Lang lang) { return rounded(m, 0, lang); }
/// Yearly euros: whole euros ("31.339 €" / "€31,339").
[[nodiscard]] inline std::string euros_year(double e, engine::Lang lang) {
  const std::string n = rounded(e, 0, lang);
  return lang == engine::Lang::de ? n + " €" : "€" + n;
}
/// VZÄ: two decimals.
[[nodiscard]] inline std::string fte(double f, engine::Lang lang) { return rounded(f, 2, lang); }
/// Days: one decimal.
[[nodiscard]] inline std::string days(double d, engine::Lang lang) { return rounded(d, 1, lang); }
/// Cases per year: whole numbers.
[[nodiscard]] inline std::string cases(double c, engine::Lang lang) { return rounded(c, 0, lang); }

/// "file:line" (or just the file when the line is unknown).
[[nodiscard]] inline std::string location(std::string_view file, engine::SourceLocation at) {
  std::string s(file);
  if (at.known()) s += ":" + std::to_string(at.line);
  return s;
}

/// The node name, or its id when it has none.
[[nodiscard]] inline const std::string& display_name(const std::string& name, const std::string& id) {
  return name.empty() ? id : name;
}

/// Indices of the measures of a process (or all measures when the report has at most one process).
[[nodiscard]] inline std::vector<int> measures_of(const Report& r, std::size_t process) {
  if (r.processes.size() <= 1) {
    std::vector<int> all;
    for (std::size_t i = 0; i < r.measures.size(); ++i) all.push_back(static_cast<int>(i));
    return all;
  }
  return r.processes[process].measures;
}

/// The first `n` measures of a process that save something (hours or citizen minutes).
[[nodiscard]] inline std::vector<int> top_measures(const Report& r, std::size_t process, std::size_t n) {
  std::vector<int> out;
  for (int i : measures_of(r, process)) {
    const auto& m = r.measures[static_cast<std::size_t>(i)];
    if (out.size() < n && (m.saved_hours_per_year > 0 || m.saved_citizen_minutes_per_case > 0)) out.push_back(i);
  }
  return out;
}

/// Whether any measure carries lead times before/after.
[[nodiscard]] inline bool measures_have_lead_time(const Report& r) {
  for (const auto& m : r.measures) {
    if (m.lead_time_days_before > 0 || m.lead_time_days_after > 0) return true;
  }
  return false;
}

/// "Nutzen: ..." of a measure (no model text inside, safe in every format): administration hours and
/// euros, citizen minutes when there are any, "Mehraufwand" when the measure costs time.
[[nodiscard]] inline std::string benefit_text(const MeasureRow& m, engine::Lang lang) {
  const Texts& t = texts(lang);
  // Hours and euros can point in different directions when a measure moves work between Stellen with
  // different cost rates (e.g. scanning in the Poststelle instead of filing by the Sachbearbeitung).
  const double euro_threshold = 0.5;  // below that, euros round to 0 and say nothing
  if (m.saved_hours_per_year < 0) {
    if (m.saved_eur_per_year >= euro_threshold) {
      return fill(t.ms_agenda_extra_cheaper, hours(-m.saved_hours_per_year, lang), euros_year(m.saved_eur_per_year, lang));
    }
    return fill(t.ms_agenda_extra, hours(-m.saved_hours_per_year, lang), euros_year(std::max(0.0, -m.saved_eur_per_year), lang));
  }
  if (m.saved_eur_per_year <= -euro_threshold) {
    return fill(t.ms_agenda_benefit_dearer, hours(m.saved_hours_per_year, lang), euros_year(-m.saved_eur_per_year, lang));
  }
  if (m.saved_citizen_minutes_per_case >= 0.05) {
    return fill(t.ms_agenda_benefit, hours(m.saved_hours_per_year, lang), euros_year(m.saved_eur_per_year, lang),
                minutes(m.saved_citizen_minutes_per_case, lang));
  }
  return fill(t.ms_agenda_benefit_admin, hours(m.saved_hours_per_year, lang), euros_year(m.saved_eur_per_year, lang));
}

/// A source of figures and what it was used for, grouped for the "Woher die Zahlen kommen" table.
struct SourceGroup {
  std::string source;
  std::vector<std::string> uses;
};
/// Groups every figure's provenance by source text, in order of first appearance (raw, unescaped).
[[nodiscard]] std::vector<SourceGroup> source_groups(const Report& r, engine::Lang lang);

/// Assumption sentences (scenario first, then the passes'), raw text.
[[nodiscard]] std::vector<std::string> assumption_lines(const Report& r, engine::Lang lang);

/// "file:line:col: Warnung [CODE]: message", raw text.
[[nodiscard]] std::string note_line(const Report& r, const FindingRow& f, engine::Lang lang);

} // namespace lotse::reports::detail
