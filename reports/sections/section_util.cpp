// SPDX-License-Identifier: MIT
#include "reports/sections/section_util.h"

#include <algorithm>

namespace lotse::reports::sections {

doc::Inline fill(std::string_view tmpl, std::initializer_list<Arg> args) {
  doc::Inline out;
  auto literal = [&](std::string_view s) {
    if (s.empty()) return;
    if (!out.empty() && !out.back().is_number && out.back().style == doc::Span::Style::plain && !out.back().muted &&
        out.back().anchor.empty()) {
      out.back().text += s;
    } else {
      out.push_back(doc::text(std::string(s)).front());
    }
  };
  std::size_t pos = 0;
  while (pos < tmpl.size()) {
    const std::size_t open = tmpl.find('{', pos);
    const std::size_t close = open == std::string_view::npos ? open : tmpl.find('}', open);
    if (close == std::string_view::npos) break;
    literal(tmpl.substr(pos, open - pos));
    const std::string_view field = tmpl.substr(open + 1, close - open - 1);
    std::size_t index = 0;
    for (char c : field) index = index * 10 + static_cast<std::size_t>(c - '0');
    if (index < args.size()) {
      const Arg& a = *(args.begin() + index);
      if (const auto* s = std::get_if<std::string>(&a)) literal(*s);
      else if (const auto* n = std::get_if<doc::Span>(&a)) out.push_back(*n);
      else for (const auto& span : std::get<doc::Inline>(a)) out.push_back(span);
    }
    pos = close + 1;
  }
  literal(tmpl.substr(std::min(pos, tmpl.size())));
  return out;
}

doc::Span hours(double h) { return doc::number(h, doc::Unit::hours, h >= 99.95 || h <= -99.95 ? 0 : 1); }

doc::Cell cell(const doc::Span& n) { return doc::number_cell(n.value, n.unit, n.decimals); }

doc::Cell cell(doc::Inline text) {
  doc::Cell c;
  c.kind = doc::Cell::Kind::text;
  c.text = std::move(text);
  return c;
}

doc::Cell text_or_dash(const std::string& s, engine::Lang lang) {
  return doc::text_cell(s.empty() ? std::string(texts(lang).none_dash) : s);
}

std::string location(std::string_view file, engine::SourceLocation at) {
  std::string s(file);
  if (at.known()) s += ":" + std::to_string(at.line);
  return s;
}

doc::Inline node_label(const std::string& name, const std::string& id, engine::BlockType b, engine::Lang lang) {
  doc::Inline out = doc::text(display_name(name, id));
  const std::string_view block = block_name(b, lang);
  if (!block.empty() && block != name) {
    doc::Span s;
    s.text = " (" + std::string(block) + ")";
    s.muted = true;
    out.push_back(std::move(s));
  }
  return out;
}

doc::Inline joined(const std::vector<std::string>& items, std::string_view sep) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : std::string(sep)) + i;
  return doc::text(std::move(s));
}

std::vector<int> measures_of(const Report& r, std::size_t process) {
  if (r.processes.size() <= 1) {
    std::vector<int> all;
    for (std::size_t i = 0; i < r.measures.size(); ++i) all.push_back(static_cast<int>(i));
    return all;
  }
  return r.processes[process].measures;
}

std::vector<int> top_measures(const Report& r, std::size_t process, std::size_t n) {
  std::vector<int> out;
  for (int i : measures_of(r, process)) {
    const auto& m = r.measures[static_cast<std::size_t>(i)];
    if (out.size() < n && (m.saved_hours_per_year > 0 || m.saved_citizen_minutes_per_case > 0)) out.push_back(i);
  }
  return out;
}

doc::Inline benefit_text(const MeasureRow& m, engine::Lang lang) {
  const Texts& t = texts(lang);
  // Hours and euros can point in different directions when a measure moves work between Stellen with
  // different cost rates (e.g. scanning in the Poststelle instead of filing by the Sachbearbeitung).
  const double euro_threshold = 0.5;  // below that, euros round to 0 and say nothing
  if (m.saved_hours_per_year < 0) {
    if (m.saved_eur_per_year >= euro_threshold) {
      return fill(t.ms_agenda_extra_cheaper, {hours(-m.saved_hours_per_year), euros_year(m.saved_eur_per_year)});
    }
    return fill(t.ms_agenda_extra, {hours(-m.saved_hours_per_year), euros_year(std::max(0.0, -m.saved_eur_per_year))});
  }
  if (m.saved_eur_per_year <= -euro_threshold) {
    return fill(t.ms_agenda_benefit_dearer, {hours(m.saved_hours_per_year), euros_year(-m.saved_eur_per_year)});
  }
  if (m.saved_citizen_minutes_per_case >= 0.05) {
    return fill(t.ms_agenda_benefit, {hours(m.saved_hours_per_year), euros_year(m.saved_eur_per_year),
                                      minutes(m.saved_citizen_minutes_per_case)});
  }
  return fill(t.ms_agenda_benefit_admin, {hours(m.saved_hours_per_year), euros_year(m.saved_eur_per_year)});
}

TimeScale time_scale(double days) {
  // The thresholds of `lotse simulate` (format_seconds in reports/sim_report.cpp): minutes below 2 h,
  // hours below 2 days, so both commands print a lead time in the same unit.
  if (days >= 2.0) return TimeScale::days;
  return days * 24.0 >= 2.0 ? TimeScale::hours : TimeScale::minutes;
}

doc::Span duration(double days, TimeScale scale) {
  switch (scale) {
    case TimeScale::days: return doc::number(days, doc::Unit::days, 1);
    case TimeScale::hours: return doc::number(days * 24.0, doc::Unit::hours, 1);
    case TimeScale::minutes: break;
  }
  return doc::number(days * 24.0 * 60.0, doc::Unit::minutes, 1);
}

doc::Inline duration_text(double days, const Texts& t) {
  const auto s = time_scale(days);
  return {duration(days, s), doc::Span{" " + unit_word(s, t), doc::Span::Style::plain, {}}};
}

std::string unit_word(TimeScale scale, const Texts& t) {
  switch (scale) {
    case TimeScale::days: return std::string(t.unit_days);
    case TimeScale::hours: return std::string(t.unit_hours);
    case TimeScale::minutes: break;
  }
  return std::string(t.unit_minutes);
}

} // namespace lotse::reports::sections
