// SPDX-License-Identifier: MIT
// JSON loading of the default tables (nlohmann-json). Each file carries table, version, year, publisher
// and source; entries that do not parse are skipped with a warning that names file and line, and a file
// that does not parse at all gives one error and an empty table: figures then fall back to "missing".
#include "analysis/tables.h"

#include "engine/source_file.h"
#include "engine/text_fold.h"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cctype>
#include <system_error>

namespace lotse::analysis {
namespace {

using nlohmann::json;
using engine::DiagId;

constexpr const char* time_file = "stba_zeitwerte_verwaltung_2025.json";
constexpr const char* wage_file = "stba_lohnkosten_2025.json";
constexpr const char* mapping_file = "zeitwert_zuordnung.json";

/// A parsed file with its text, so entries can be located by line.
struct Loaded {
  std::optional<engine::SourceFile> source;
  json root;
  bool ok = false;
};

Loaded load_json(const std::string& path, engine::Diagnostics& diags) {
  Loaded l;
  try {
    l.source.emplace(engine::SourceFile::read(path));
  } catch (const std::system_error& e) {
    diags.add(DiagId::ana_table_unreadable, path, {}, "", {path, e.code().message()});
    return l;
  }
  try {
    l.root = json::parse(l.source->bytes());
  } catch (const json::parse_error& e) {
    const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
    std::string what = e.what();
    if (const auto pos = what.find("parse error"); pos != std::string::npos) what = what.substr(pos);
    diags.add(DiagId::ana_table_unreadable, path, l.source->locate(at), "", {path, what});
    return l;
  }
  if (!l.root.is_object()) {
    diags.add(DiagId::ana_table_unreadable, path, {1, 1}, "", {path, "top level is not a JSON object"});
    return l;
  }
  l.ok = true;
  return l;
}

/// Byte offsets of the objects in the array under the first key `key` (for line numbers).
std::vector<std::size_t> item_offsets(std::string_view text, std::string_view key) {
  std::vector<std::size_t> out;
  const std::string quoted = fmt::format("\"{}\"", key);
  std::size_t pos = text.find(quoted);
  if (pos == std::string_view::npos) return out;
  pos = text.find_first_of("[{", pos + quoted.size());
  if (pos == std::string_view::npos || text[pos] != '[') return out;
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = pos; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (depth == 1) out.push_back(i);
      ++depth;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) break;
    }
  }
  return out;
}

engine::SourceLocation item_at(const Loaded& l, std::string_view key, std::size_t index) {
  const auto offsets = item_offsets(l.source->bytes(), key);
  return index < offsets.size() ? l.source->locate(offsets[index]) : engine::SourceLocation{};
}

std::optional<double> number(const json& obj, const char* key) {
  if (!obj.is_object()) return std::nullopt;
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

/// A table number ("nr", "year"): a whole number from 1 to 1,000,000; anything else (fractions, NaN,
/// 1e300, negatives) is none, so that no out-of-range value is ever converted to int.
std::optional<int> whole_number(const json& obj, const char* key) {
  const auto v = number(obj, key);
  if (!v || !(*v >= 1 && *v <= 1e6) || *v != std::floor(*v)) return std::nullopt;
  return static_cast<int>(*v);
}

std::string text(const json& obj, const char* key) {
  if (!obj.is_object()) return {};
  const auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// True when `key` is present but neither a number nor null.
bool bad_number(const json& obj, const char* key) {
  const auto it = obj.find(key);
  return it != obj.end() && !it->is_number() && !it->is_null();
}

void read_info(const Loaded& l, const std::string& path, TableInfo& info) {
  info.file = path;
  info.publisher = text(l.root, "publisher");
  info.version = text(l.root, "version");
  info.source = text(l.root, "source");
  if (const auto y = whole_number(l.root, "year")) info.year = *y;
  info.loaded = true;
}

void invalid(engine::Diagnostics& diags, const Loaded& l, const std::string& path, const char* array, std::size_t index,
             const std::string& entry, const std::string& why) {
  diags.add(DiagId::ana_table_entry_invalid, path, item_at(l, array, index), "", {path, entry, why});
}

/// Zeitwert rows: merged by number (an override replaces only the columns it gives).
int read_times(const Loaded& l, const std::string& path, const char* array, bool local, DataTables& t,
               engine::Diagnostics& diags) {
  const auto it = l.root.find(array);
  if (it == l.root.end()) return 0;
  if (!it->is_array()) {
    diags.add(DiagId::ana_table_unreadable, path, {}, "", {path, fmt::format("'{}' is not a list", array)});
    return 0;
  }
  int count = 0;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& e = (*it)[i];
    const auto nr = whole_number(e, "nr");
    const std::string name = nr ? fmt::format("Nr. {}", *nr) : fmt::format("#{}", i + 1);
    if (!nr) {
      invalid(diags, l, path, array, i, name, "'nr' must be a whole number from 1");
      continue;
    }
    if (bad_number(e, "einfach") || bad_number(e, "mittel") || bad_number(e, "hoch")) {
      invalid(diags, l, path, array, i, name, "minutes must be numbers");
      continue;
    }
    const auto simple = number(e, "einfach"), medium = number(e, "mittel"), high = number(e, "hoch");
    if ((simple && *simple < 0) || (medium && *medium < 0) || (high && *high < 0)) {
      invalid(diags, l, path, array, i, name, "minutes must not be negative");
      continue;
    }
    const int n = *nr;
    auto row = std::find_if(t.times.begin(), t.times.end(), [n](const TimeValue& v) { return v.nr == n; });
    if (row == t.times.end()) {
      if (!medium) {
        invalid(diags, l, path, array, i, name, "'mittel' is missing");
        continue;
      }
      t.times.push_back(TimeValue{n, {}, {}, std::nullopt, std::nullopt, std::nullopt, local});
      row = std::prev(t.times.end());
    }
    if (simple) row->simple = simple;
    if (medium) row->medium = medium;
    if (high || !local) row->high = high;
    if (const auto de = text(e, "activity_de"); !de.empty()) row->activity_de = de;
    if (const auto en = text(e, "activity_en"); !en.empty()) row->activity_en = en;
    row->local = row->local || local;
    ++count;
  }
  return count;
}

int read_wages(const Loaded& l, const std::string& path, const char* array, bool local, DataTables& t,
               engine::Diagnostics& diags) {
  const auto it = l.root.find(array);
  if (it == l.root.end() || !it->is_array()) return 0;
  int count = 0;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& e = (*it)[i];
    const std::string level = text(e, "level");
    if (level.empty()) {
      invalid(diags, l, path, array, i, fmt::format("#{}", i + 1), "'level' is missing");
      continue;
    }
    WageLevel parsed;
    bool ok = true;
    for (const auto& [key, value] : e.items()) {
      if (key == "level" || key.rfind("name_", 0) == 0) continue;
      if (!value.is_number() || value.get<double>() < 0) {
        ok = false;
        break;
      }
      parsed.columns[key] = value.get<double>();
    }
    if (!ok) {
      invalid(diags, l, path, array, i, level, "rates must be non-negative numbers");
      continue;
    }
    auto row = std::find_if(t.wages.begin(), t.wages.end(), [&](const WageLevel& w) { return w.level == level; });
    if (row == t.wages.end()) {
      t.wages.push_back(WageLevel{level, text(e, "name_de"), text(e, "name_en"), {}, local});
      row = std::prev(t.wages.end());
    }
    for (const auto& [k, v] : parsed.columns) row->columns[k] = v;
    row->local = row->local || local;
    ++count;
  }
  return count;
}

int read_mapping(const Loaded& l, const std::string& path, DataTables& t, bool prepend_keywords,
                 engine::Diagnostics& diags) {
  int count = 0;
  if (const auto it = l.root.find("blocks"); it != l.root.end() && it->is_array()) {
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& e = (*it)[i];
      const std::string id = text(e, "block");
      const auto type = engine::find_block_type(id);
      const auto nr = whole_number(e, "nr");
      if (!type || !nr) {
        invalid(diags, l, path, "blocks", i, id.empty() ? fmt::format("#{}", i + 1) : id, "unknown block type or no 'nr'");
        continue;
      }
      t.block_nr[*type] = *nr;
      ++count;
    }
  }
  if (const auto it = l.root.find("task_kinds"); it != l.root.end() && it->is_array()) {
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& e = (*it)[i];
      const std::string kind = text(e, "kind");
      const auto nr = whole_number(e, "nr");
      std::string local_name = kind;
      if (const auto us = local_name.find('_'); us != std::string::npos && us + 1 < local_name.size()) {
        local_name.erase(us, 1);
        local_name[us] = static_cast<char>(std::toupper(static_cast<unsigned char>(local_name[us])));
      }
      const auto k = engine::node_kind_from_local_name(local_name);
      if (!k || !nr) {
        invalid(diags, l, path, "task_kinds", i, kind, "unknown task kind or no 'nr'");
        continue;
      }
      t.kind_nr[*k] = *nr;
      ++count;
    }
  }
  if (const auto it = l.root.find("automated_task_kinds"); it != l.root.end() && it->is_array()) {
    for (const auto& e : *it) {
      if (!e.is_string()) continue;
      std::string local_name = e.get<std::string>();
      if (const auto us = local_name.find('_'); us != std::string::npos && us + 1 < local_name.size()) {
        local_name.erase(us, 1);
        local_name[us] = static_cast<char>(std::toupper(static_cast<unsigned char>(local_name[us])));
      }
      if (const auto k = engine::node_kind_from_local_name(local_name)) t.automated.push_back(*k);
    }
  }
  if (const auto it = l.root.find("keywords"); it != l.root.end() && it->is_array()) {
    std::vector<KeywordRule> rules;
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& e = (*it)[i];
      const std::string kw = fold_name(text(e, "keyword"));
      const auto nr = whole_number(e, "nr");
      if (kw.empty() || !nr) {
        invalid(diags, l, path, "keywords", i, fmt::format("#{}", i + 1), "no 'keyword' or no 'nr'");
        continue;
      }
      const auto word = e.find("word");
      rules.push_back(KeywordRule{kw, *nr, word != e.end() && word->is_boolean() && word->get<bool>()});
      ++count;
    }
    t.keywords.insert(prepend_keywords ? t.keywords.begin() : t.keywords.end(), rules.begin(), rules.end());
  }
  return count;
}

void read_override(const std::string& path, DataTables& t, engine::Diagnostics& diags) {
  const Loaded l = load_json(path, diags);
  if (!l.ok) return;
  t.override_file = path;
  t.override_source = text(l.root, "source");
  int count = read_times(l, path, "zeitwerte", true, t, diags);
  count += read_wages(l, path, "lohnkosten", true, t, diags);
  count += read_mapping(l, path, t, true, diags);
  if (const auto rate = number(l.root, "default_eur_per_hour")) {
    t.default_rate_local = rate;
    ++count;
  }
  if (const auto it = l.root.find("default_rate"); it != l.root.end() && it->is_object()) {
    if (const auto level = text(*it, "level"); !level.empty()) t.default_level = level;
    if (const auto column = text(*it, "column"); !column.empty()) t.default_column = column;
    ++count;
  }
  if (const auto it = l.root.find("stellen"); it != l.root.end() && it->is_object()) {
    for (const auto& [name, value] : it->items()) {
      if (!value.is_number() || value.get<double>() < 0) {
        diags.add(DiagId::ana_table_entry_invalid, path, {}, "", {path, name, "rate must be a non-negative number"});
        continue;
      }
      t.stelle_rates[name] = value.get<double>();
      ++count;
    }
  }
  t.overridden = count;
  diags.add(DiagId::ana_override_used, path, {}, "", {path, std::to_string(count)});
}

bool word_boundary_before(const std::string& s, std::size_t pos) {
  return pos == 0 || std::isalnum(static_cast<unsigned char>(s[pos - 1])) == 0;
}

} // namespace

std::string TableInfo::short_name() const {
  if (publisher.empty() && year == 0) return "Standardtabelle";
  if (year == 0) return publisher;
  return fmt::format("{} {}", publisher, year);
}

const TimeValue* DataTables::time(int nr) const {
  const auto it = std::find_if(times.begin(), times.end(), [nr](const TimeValue& v) { return v.nr == nr; });
  return it == times.end() ? nullptr : &*it;
}

std::string DataTables::column_name(const std::string& column, engine::Lang lang) const {
  const auto it = column_names.find(column);
  if (it == column_names.end()) return column;
  const std::string& name = lang == engine::Lang::de ? it->second.first : it->second.second;
  return name.empty() ? column : name;
}

const WageLevel* DataTables::default_level_row() const {
  const auto it = std::find_if(wages.begin(), wages.end(), [this](const WageLevel& w) { return w.level == default_level; });
  return it == wages.end() ? nullptr : &*it;
}

std::optional<double> DataTables::default_rate() const {
  if (default_rate_local) return default_rate_local;
  const WageLevel* row = default_level_row();
  if (!row) return std::nullopt;
  const auto it = row->columns.find(default_column);
  if (it == row->columns.end()) return std::nullopt;
  return it->second;
}

std::optional<TimeMatch> DataTables::match(const engine::Node& n) const {
  if (n.attrs.block != engine::BlockType::none) {
    const auto it = block_nr.find(n.attrs.block);
    if (it == block_nr.end()) return std::nullopt;  // e.g. Bearbeitungsunterbrechung: a pause, no work
    return TimeMatch{it->second, fmt::format("Bausteintyp „{}“", engine::block_name_de(n.attrs.block)),
                     fmt::format("block type '{}'", engine::block_name_en(n.attrs.block))};
  }
  if (std::find(automated.begin(), automated.end(), n.kind) != automated.end()) {
    return TimeMatch{0, fmt::format("automatisierte Aufgabe ({})", engine::bpmn_type_name(n.kind)),
                     fmt::format("automated task ({})", engine::bpmn_type_name(n.kind))};
  }
  const std::string name = fold_name(n.name);
  for (const auto& k : keywords) {
    for (std::size_t pos = name.find(k.keyword); pos != std::string::npos; pos = name.find(k.keyword, pos + 1)) {
      if (k.word_start && !word_boundary_before(name, pos)) continue;
      return TimeMatch{k.nr, fmt::format("Stichwort „{}“ im Namen", k.keyword),
                       fmt::format("keyword '{}' in the name", k.keyword)};
    }
  }
  if (const auto it = kind_nr.find(n.kind); it != kind_nr.end()) {
    return TimeMatch{it->second, fmt::format("Aufgabentyp {}", engine::bpmn_type_name(n.kind)),
                     fmt::format("task type {}", engine::bpmn_type_name(n.kind))};
  }
  return std::nullopt;
}

std::string fold_name(std::string_view in) { return engine::fold_german(in); }

DataTables load_tables(const std::string& data_dir, const std::string& override_file, engine::Diagnostics& diags) {
  DataTables t;
  const std::string& dir = data_dir;
  const std::string times_path = dir + "/" + time_file;
  if (const Loaded l = load_json(times_path, diags); l.ok) {
    read_info(l, times_path, t.time_info);
    (void)read_times(l, times_path, "entries", false, t, diags);
  }
  const std::string wages_path = dir + "/" + wage_file;
  if (const Loaded l = load_json(wages_path, diags); l.ok) {
    read_info(l, wages_path, t.wage_info);
    (void)read_wages(l, wages_path, "entries", false, t, diags);
    if (const auto it = l.root.find("columns"); it != l.root.end() && it->is_object()) {
      for (const auto& [key, names] : it->items()) t.column_names[key] = {text(names, "de"), text(names, "en")};
    }
    if (const auto it = l.root.find("default"); it != l.root.end() && it->is_object()) {
      if (const auto level = text(*it, "level"); !level.empty()) t.default_level = level;
      if (const auto column = text(*it, "column"); !column.empty()) t.default_column = column;
    }
  }
  const std::string mapping_path = dir + "/" + mapping_file;
  if (const Loaded l = load_json(mapping_path, diags); l.ok) {
    read_info(l, mapping_path, t.mapping_info);
    (void)read_mapping(l, mapping_path, t, false, diags);
  }
  if (!override_file.empty()) read_override(override_file, t, diags);
  return t;
}

} // namespace lotse::analysis
