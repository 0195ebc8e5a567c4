// SPDX-License-Identifier: MIT
// Small helpers of the section builders: filling a text template from texts.h with typed numbers and
// raw text into an Inline, the fixed number styles of the report as typed spans and cells (hours,
// minutes, euros, ...), and orderings over the report's rows.
#pragma once

#include "reports/analysis_report.h"
#include "reports/document.h"
#include "reports/texts.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lotse::reports::sections {

/// One argument of a template: raw text, a typed number or a styled inline.
using Arg = std::variant<std::string, doc::Span, doc::Inline>;

/// Fills the positional fields {0}, {1}, ... of `tmpl` (a text from texts.h); literal text becomes
/// plain spans. Text arguments stay raw: the emitter escapes them.
[[nodiscard]] doc::Inline fill(std::string_view tmpl, std::initializer_list<Arg> args);
/// A template without fields as an Inline.
[[nodiscard]] inline doc::Inline words(std::string_view s) { return doc::text(std::string(s)); }

/// Hours: whole hours from 100 on, one decimal below.
[[nodiscard]] doc::Span hours(double h);
/// Minutes per case or per execution: one decimal.
[[nodiscard]] inline doc::Span minutes(double m) { return doc::number(m, doc::Unit::minutes, 1); }
/// Minutes per year: whole minutes.
[[nodiscard]] inline doc::Span minutes_year(double m) { return doc::number(m, doc::Unit::minutes, 0); }
/// Yearly euros: whole euros.
[[nodiscard]] inline doc::Span euros_year(double e) { return doc::number(e, doc::Unit::eur, 0); }
/// Euros per hour: cents.
[[nodiscard]] inline doc::Span euros_hour(double e) { return doc::number(e, doc::Unit::eur, 2); }
/// VZÄ: two decimals.
[[nodiscard]] inline doc::Span fte(double f) { return doc::number(f, doc::Unit::fte, 2); }
/// Days: one decimal.
[[nodiscard]] inline doc::Span days(double d) { return doc::number(d, doc::Unit::days, 1); }
/// Lead times (#9.7): in days from two days on, in hours from two hours on, in minutes below (as
/// `lotse simulate` prints them), never "0,0 Tage" for a lead time of minutes.
enum class TimeScale { minutes, hours, days };
[[nodiscard]] TimeScale time_scale(double days);
/// A lead time given in days as a typed number in `scale` (one decimal; the Span's unit says which).
[[nodiscard]] doc::Span duration(double days, TimeScale scale);
/// The unit word of `scale` ("Tage", "Stunden", "Minuten").
[[nodiscard]] std::string unit_word(TimeScale scale, const Texts& t);
/// One lead time with its own unit: "42,5 Minuten", "30,5 Stunden", "17,8 Tage".
[[nodiscard]] doc::Inline duration_text(double days, const Texts& t);
/// Cases per year and other counts: whole numbers.
[[nodiscard]] inline doc::Span count(double c) { return doc::number(c, doc::Unit::count, 0); }

/// A number cell from a typed span.
[[nodiscard]] doc::Cell cell(const doc::Span& n);
/// A cell with inline text.
[[nodiscard]] doc::Cell cell(doc::Inline text);
/// A text cell, or the dash when `s` is empty.
[[nodiscard]] doc::Cell text_or_dash(const std::string& s, engine::Lang lang);

/// "file:line" (or just the file when the line is unknown).
[[nodiscard]] std::string location(std::string_view file, engine::SourceLocation at);
/// The node name, or its id when it has none.
[[nodiscard]] inline const std::string& display_name(const std::string& name, const std::string& id) {
  return name.empty() ? id : name;
}
/// A node's name with its Baustein type in muted text: "Daten erfassen (Daten in EDV übernehmen)".
[[nodiscard]] doc::Inline node_label(const std::string& name, const std::string& id, engine::BlockType b,
                                     engine::Lang lang);
/// Items joined with `sep` into one Inline.
[[nodiscard]] doc::Inline joined(const std::vector<std::string>& items, std::string_view sep);

/// Indices of the measures of a process (or all measures when the report has at most one process).
[[nodiscard]] std::vector<int> measures_of(const Report& r, std::size_t process);
/// The first `n` measures of a process that save something (hours or citizen minutes).
[[nodiscard]] std::vector<int> top_measures(const Report& r, std::size_t process, std::size_t n);

/// "Nutzen: ..." of a measure: administration hours and euros, citizen minutes when there are any,
/// "Mehraufwand" when the measure costs time, and the cost-rate cases in between.
[[nodiscard]] doc::Inline benefit_text(const MeasureRow& m, engine::Lang lang);

} // namespace lotse::reports::sections
