// SPDX-License-Identifier: MIT
#include "reports/emit_doc_common.h"

#include "reports/emit_common.h"

#include "reports/number_format.h"

#include <algorithm>

namespace lotse::reports::doc {

const EmitWords& emit_words(engine::Lang lang) {
  static const EmitWords de{"Seite {0} von {1}", "Übersicht", "Medienbrüche", "Teil {0} von {1}", "Kennzahlen",
                            "Kennzahl", "Wert", "Hinweis", "Quelle", "Kommune", "Verfasst von", "Stand",
                            "Modelldatei"};
  static const EmitWords en{"Page {0} of {1}", "Summary", "Media breaks", "Part {0} of {1}", "Key figures",
                            "Figure", "Value", "Note", "Source", "Town", "Author", "Date", "Model file"};
  return lang == engine::Lang::de ? de : en;
}

std::string plain_text(const Inline& in, engine::Lang lang) { return detail::plain_text(in, lang); }

std::string_view unit_suffix(Unit u, engine::Lang lang) {
  const bool de = lang == engine::Lang::de;
  switch (u) {
  case Unit::none:
  case Unit::count: return "";
  case Unit::minutes: return "min";
  case Unit::hours: return "h";
  case Unit::days: return de ? "Tage" : "days";
  case Unit::fte: return de ? "VZÄ" : "FTE";
  case Unit::eur: return "€";
  case Unit::percent: return "%";
  case Unit::years: return de ? "Jahre" : "years";
  }
  return "";
}

std::string format_cell(const Cell& c, engine::Lang lang) {
  switch (c.kind) {
  case Cell::Kind::empty: return {};
  case Cell::Kind::text: return plain_text(c.text, lang);
  case Cell::Kind::number: break;
  }
  if (c.unit == Unit::percent) return format_percent(c.value, c.decimals, lang);
  const std::string n = format_number(c.value, c.decimals, lang);
  if (c.unit == Unit::eur && lang == engine::Lang::en) return "€" + n;
  const auto suffix = unit_suffix(c.unit, lang);
  return suffix.empty() ? n : n + "\u00a0" + std::string(suffix);
}

std::string meta_line(const Meta& m) {
  std::string out;
  for (const std::string* part : {&m.town, &m.author, &m.date}) {
    if (part->empty()) continue;
    if (!out.empty()) out += " · ";
    out += *part;
  }
  return out;
}

std::string header_with_unit(const Table& t, std::size_t column, engine::Lang lang) {
  std::string head = column < t.columns.size() ? t.columns[column].header : std::string();
  std::string_view unit;
  bool first = true;
  for (const auto& row : t.rows) {
    if (column >= row.size() || row[column].kind != Cell::Kind::number) continue;
    const auto u = unit_suffix(row[column].unit, lang);
    if (first) unit = u;
    else if (u != unit) return head;
    first = false;
  }
  if (unit.empty() || head.find(std::string(unit)) != std::string::npos) return head;
  return head + " (" + std::string(unit) + ")";
}

std::vector<double> column_weights(const Table& t, engine::Lang lang, double available_chars) {
  // Characters, not bytes: "ä" and "€" count once. Numbers and the longest header word never wrap.
  const auto length = [](std::string_view s) {
    double n = 0;
    for (unsigned char ch : s) n += (ch & 0xC0) != 0x80 ? 1 : 0;
    return n;
  };
  std::vector<double> chars(t.columns.size(), 4);
  std::vector<double> floor(t.columns.size(), 4);  // what a column keeps when the table must shrink
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    const std::string& head = t.columns[c].header;
    double word = 0, longest_word = 0;
    for (char ch : head + " ") {
      if (ch == ' ' || ch == '-' || ch == '/') {
        longest_word = std::max(longest_word, word + (ch == ' ' ? 0 : 1));
        word = 0;
      } else if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) {
        ++word;
      }
    }
    chars[c] = std::max({chars[c], std::min(14.0, length(head)), longest_word + 1});
    floor[c] = std::max(floor[c], longest_word + 2);  // bold header glyphs are wider
    for (const auto& r : t.rows) {
      if (c >= r.size()) continue;
      const double n = length(format_cell(r[c], lang));
      chars[c] = std::max(chars[c], r[c].kind == Cell::Kind::number ? n + 2 : std::min(40.0, n));
      if (r[c].kind == Cell::Kind::number) floor[c] = std::max(floor[c], n + 2);
    }
  }
  // Too wide for the line: number columns and header words keep their width, text columns shrink.
  double total = 0, kept = 0;
  for (std::size_t c = 0; c < chars.size(); ++c) {
    total += chars[c];
    kept += floor[c];
  }
  if (available_chars > 0 && total > available_chars && total > kept) {
    const double k = std::max(0.0, (available_chars - kept) / (total - kept));
    for (std::size_t c = 0; c < chars.size(); ++c) chars[c] = floor[c] + (chars[c] - floor[c]) * k;
  }
  double sum = 0;
  for (double v : chars) sum += v;
  for (double& v : chars) v /= sum;
  return chars;
}

Table key_figure_table(const KeyFigures& k, engine::Lang lang) {
  Table t;
  const auto& w = emit_words(lang);
  t.id = "key_figures";
  t.columns = {{std::string(w.figure_label), "label", false}, {std::string(w.value_label), "value", true},
               {std::string(w.note_label), "note", false}};
  for (const auto& f : k.figures) {
    std::string note = f.note;
    const std::string detail = plain_text(f.detail, lang);
    if (!detail.empty()) note += note.empty() ? detail : " " + detail;
    t.rows.push_back({text_cell(f.label), f.value, text_cell(note)});
  }
  return t;
}

std::vector<std::pair<std::string, std::string>> legend_of(const Document& d, std::string_view id, engine::Lang lang) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto* t : blocks_of<Table>(d)) {
    if (t->id != id) continue;
    for (const auto& r : t->rows) {
      if (r.empty()) continue;
      std::string text;
      for (std::size_t c = 1; c < r.size() && c < 3; ++c) {
        if (r[c].kind != Cell::Kind::text) continue;
        if (!text.empty()) text += " – ";
        text += format_cell(r[c], lang);
      }
      out.emplace_back(format_cell(r[0], lang), text);
    }
  }
  return out;
}

std::string fill(std::string_view pattern, const std::vector<std::string>& args) {
  std::string out(pattern);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string key = "{" + std::to_string(i) + "}";
    if (const auto at = out.find(key); at != std::string::npos) out.replace(at, key.size(), args[i]);
  }
  return out;
}

} // namespace lotse::reports::doc
