// SPDX-License-Identifier: MIT
// Building-block table: one CSV row per PICTURE block with German columns (docs/formats-picture-table.md).
// Rows are grouped by Teilprozess and Variante; identical rows in several variants are one shared block.
// The model has the PICTURE-Classic shape (importers/picture_graph.h); errors name row and column.
#include "importers/block_table.h"

#include "importers/block_table_csv.h"
#include "importers/picture_attrs.h"
#include "importers/picture_graph.h"
#include "importers/text_decode.h"

#include "engine/utf8.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

namespace lotse::importers::block_table {
namespace {

namespace pa = picture_attrs;
namespace pg = picture_graph;
using engine::DiagId;
using engine::SourceLocation;

enum class Col { teilprozess, variante, share, baustein, bezeichnung, stelle, minutes, probability, inbound, outbound, it, cases, other };

Col classify(const std::string& key) {
  if (key == "teilprozess") return Col::teilprozess;
  if (key == "variante") return Col::variante;
  if (key.rfind("anteildervariante", 0) == 0 || key.rfind("variantenanteil", 0) == 0) return Col::share;
  if (key == "baustein" || key == "bausteintyp") return Col::baustein;
  if (key == "bezeichnung" || key == "name" || key == "taetigkeit") return Col::bezeichnung;
  if (key == "stelle") return Col::stelle;
  if (key.rfind("bearbeitungszeit", 0) == 0) return Col::minutes;
  if (key.rfind("wahrscheinlichkeit", 0) == 0) return Col::probability;
  if (key.rfind("eingangskanal", 0) == 0) return Col::inbound;
  if (key.rfind("ausgangskanal", 0) == 0) return Col::outbound;
  if (key == "itverfahren" || key == "fachverfahren") return Col::it;
  if (key.rfind("fallzahl", 0) == 0) return Col::cases;
  return Col::other;
}

struct Variant {
  std::string name;
  std::optional<double> share;      ///< percent
  std::string share_text;
  SourceLocation at;
  std::vector<std::size_t> blocks;
};
struct Teil {
  std::string name;
  SourceLocation at;
  std::optional<engine::Located<engine::CasesPerYear>> cases;
  std::vector<pg::BlockSpec> blocks;
  std::map<std::string, std::size_t> block_keys;  ///< identity of a row's block -> index
  std::vector<Variant> variants;
};

class TableReader {
public:
  TableReader(const engine::SourceFile& source, engine::Diagnostics& diags) : source_(source), diags_(diags) {}

  std::optional<engine::ProcessModel> read() {
    DecodedText decoded = decode_text(source_);
    if (decoded.encoding == "windows-1252") diags_.add(DiagId::tab_windows1252, file(), {1, 1}, "");
    replace_forbidden(decoded.utf8);
    const CsvTable table = parse_csv(decoded.utf8, detect_delimiter(decoded.utf8));
    if (table.unclosed_quote) {
      diags_.add(DiagId::tab_unclosed_quote, file(), {*table.unclosed_quote, 1}, "", {std::to_string(*table.unclosed_quote)});
    }
    std::size_t header = table.records.size();
    for (std::size_t r = 0; r < table.records.size(); ++r) {
      const auto& f = table.records[r].fields;
      const bool has_block = std::any_of(f.begin(), f.end(), [](const std::string& s) { return classify(pa::fold(s)) == Col::baustein; });
      const bool has_time = std::any_of(f.begin(), f.end(), [](const std::string& s) { return classify(pa::fold(s)) == Col::minutes; });
      if (has_block && has_time) {
        header = r;
        break;
      }
    }
    if (header == table.records.size()) {
      diags_.add(DiagId::tab_no_header, file(), {1, 1}, "");
      return std::nullopt;
    }
    engine::Process process;
    process.id = "process";
    process.origin = {table.records[header].line, 1};
    for (std::size_t r = 0; r < header; ++r) read_preamble(table.records[r], process);
    read_header(table.records[header]);
    for (std::size_t r = header + 1; r < table.records.size(); ++r) read_row(table.records[r]);
    if (teile_.empty()) {
      diags_.add(DiagId::tab_no_rows, file(), {table.records[header].line, 1}, "");
      return std::nullopt;
    }
    return build(std::move(process));
  }

private:
  /// Control characters other than tab and line breaks, and noncharacters, become U+FFFD (IN-009).
  void replace_forbidden(std::string& text) {
    const std::size_t first = engine::find_forbidden_char(text);
    if (first == std::string::npos) return;
    const auto line = static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(first), '\n')) + 1;
    const std::size_t count = engine::replace_forbidden_chars(text);
    diags_.add(DiagId::in_forbidden_chars, file(), {static_cast<std::uint32_t>(line), 1}, "", {std::to_string(count)});
  }

  const std::string& file() const { return source_.path(); }

  /// "Fallzahl pro Jahr;1500", "Prozess;Hundesteuer abmelden", "Gebühr;0", ... above the header.
  void read_preamble(const CsvRecord& rec, engine::Process& process) {
    if (rec.fields.empty() || pa::trim(rec.fields[0]).empty() || pa::trim(rec.fields[0]).front() == '#') return;
    const std::string key(pa::trim(rec.fields[0]));
    const std::string value = rec.fields.size() > 1 ? std::string(pa::trim(rec.fields[1])) : std::string();
    const std::string folded = pa::fold(key);
    if (folded == "prozess" || folded == "prozessname" || folded == "leistung") {
      process.name = value;
      return;
    }
    engine::Diagnostics tmp;
    const pa::Site site{file(), {rec.line, 2}, "", &tmp};
    if (!pa::apply_process_attribute(key, value, "", site, process.facts) && !value.empty()) {
      process.facts.other.emplace_back(key, value);
    }
    translate(tmp, rec.line, 2, key);
  }

  void read_header(const CsvRecord& rec) {
    header_line_ = rec.line;
    for (std::size_t c = 0; c < rec.fields.size(); ++c) {
      const std::string name(pa::trim(rec.fields[c]));
      headers_.push_back(name);
      cols_.push_back(classify(pa::fold(name)));
      if (cols_.back() == Col::other && !name.empty()) {
        diags_.add(DiagId::tab_unknown_column, file(), {rec.line, static_cast<std::uint32_t>(c + 1)}, "",
                   {std::to_string(c + 1), name});
      }
    }
    has_share_ = std::find(cols_.begin(), cols_.end(), Col::share) != cols_.end();
  }

  /// Turns diagnostics of the shared attribute code into TAB diagnostics for row/column.
  void translate(const engine::Diagnostics& tmp, std::uint32_t row, std::uint32_t col, const std::string& header) {
    const std::string r = std::to_string(row), c = std::to_string(col);
    const SourceLocation at{row, col};
    for (const auto& d : tmp) {
      switch (d.id) {
      case DiagId::pic_bad_number: diags_.add(DiagId::tab_not_a_number, file(), at, "", {r, c, header, d.args.at(1)}); break;
      case DiagId::pic_percent_range: diags_.add(DiagId::tab_percent_range, file(), at, "", {r, c, header, d.args.at(1)}); break;
      case DiagId::pic_unknown_channel: diags_.add(DiagId::tab_unknown_channel, file(), at, "", {r, c, header, d.args.at(0)}); break;
      default: {
        engine::Diagnostic copy = d;
        copy.at = at;
        diags_.push_back(std::move(copy));
      }
      }
    }
  }

  void read_row(const CsvRecord& rec) {
    const std::uint32_t row = rec.line;
    if (rec.fields.size() > headers_.size()) {
      bool extra = false;
      for (std::size_t c = headers_.size(); c < rec.fields.size(); ++c) extra = extra || !pa::trim(rec.fields[c]).empty();
      if (extra) {
        diags_.add(DiagId::tab_extra_fields, file(), {row, static_cast<std::uint32_t>(headers_.size() + 1)}, "",
                   {std::to_string(row), std::to_string(rec.fields.size()), std::to_string(headers_.size())});
      }
    }
    auto cell = [&](Col which) -> std::pair<std::string, std::uint32_t> {
      for (std::size_t c = 0; c < cols_.size(); ++c) {
        if (cols_[c] == which) {
          return {c < rec.fields.size() ? std::string(pa::trim(rec.fields[c])) : std::string(), static_cast<std::uint32_t>(c + 1)};
        }
      }
      return {std::string(), 0};
    };
    const auto [type_text, type_col] = cell(Col::baustein);
    const auto [name_text, name_col] = cell(Col::bezeichnung);
    if (type_text.empty() && name_text.empty()) {
      diags_.add(DiagId::tab_empty_name, file(), {row, 1}, "", {std::to_string(row)});
      return;
    }
    const std::string teil_name = cell(Col::teilprozess).first;
    Teil& teil = teil_for(teil_name.empty() ? std::string() : teil_name, row);
    if (const auto [cases, cases_col] = cell(Col::cases); !cases.empty()) {
      engine::Diagnostics tmp;
      engine::FactSheet f;
      (void)pa::apply_process_attribute("Fallzahl", cases, "", pa::Site{file(), {row, cases_col}, "", &tmp}, f);
      translate(tmp, row, cases_col, headers_[cases_col - 1]);
      if (f.cases_per_year && !teil.cases) teil.cases = f.cases_per_year;
    }
    const std::string variant_name = cell(Col::variante).first;
    Variant& variant = variant_for(teil, variant_name.empty() ? std::string("Standard") : variant_name, row);
    if (const auto [share, share_col] = cell(Col::share); !share.empty()) read_share(variant, share, row, share_col);

    // Identity of the block: every cell except Teilprozess/Variante/Anteil/Fallzahl.
    std::string key;
    for (std::size_t c = 0; c < cols_.size(); ++c) {
      if (cols_[c] == Col::teilprozess || cols_[c] == Col::variante || cols_[c] == Col::share || cols_[c] == Col::cases) continue;
      key += c < rec.fields.size() ? std::string(pa::trim(rec.fields[c])) : std::string();
      key += '\x1f';
    }
    if (auto it = teil.block_keys.find(key); it != teil.block_keys.end()) {
      variant.blocks.push_back(it->second);
      return;
    }
    teil.block_keys.emplace(key, teil.blocks.size());
    variant.blocks.push_back(teil.blocks.size());
    teil.blocks.push_back(pg::BlockSpec{read_block(rec, row, type_text, type_col, name_text)});
  }

  engine::Node read_block(const CsvRecord& rec, std::uint32_t row, const std::string& type_text, std::uint32_t type_col,
                          const std::string& name_text) {
    engine::Node n;
    n.id = fmt::format("row-{}", row);
    n.origin = {row, 1};
    n.kind = engine::NodeKind::task;
    n.name = name_text;
    if (!type_text.empty()) {
      if (auto t = engine::find_block_type(type_text)) {
        n.attrs.block = *t;
        n.attrs.block_at = {row, type_col};
        if (n.name.empty()) n.name = std::string(engine::block_name_de(*t));
      } else {
        diags_.add(DiagId::tab_unknown_block_type, file(), {row, type_col}, n.id,
                   {std::to_string(row), std::to_string(type_col), headers_[type_col - 1], type_text});
        n.attrs.properties.emplace_back("Bausteintyp", type_text);
        if (n.name.empty()) n.name = type_text;
      }
    }
    for (std::size_t c = 0; c < cols_.size() && c < rec.fields.size(); ++c) {
      const std::string value(pa::trim(rec.fields[c]));
      if (value.empty()) continue;
      const auto col = static_cast<std::uint32_t>(c + 1);
      engine::Diagnostics tmp;
      const pa::Site site{file(), {row, col}, n.id, &tmp};
      switch (cols_[c]) {
      case Col::teilprozess: case Col::variante: case Col::share: case Col::baustein: case Col::bezeichnung: case Col::cases: break;
      case Col::stelle: n.attrs.stelle = value; break;
      case Col::minutes: (void)pa::apply_block_attribute("Bearbeitungszeit", value, "Minute(n)", pa::Direction::none, site, n); break;
      case Col::probability: (void)pa::apply_block_attribute("Wahrscheinlichkeit", value, "", pa::Direction::none, site, n); break;
      case Col::inbound: read_channels(value, n.attrs.inbound, site, row, col); break;
      case Col::outbound: read_channels(value, n.attrs.outbound, site, row, col); break;
      case Col::it: {
        std::string list = value;
        std::replace(list.begin(), list.end(), ',', ';');
        for (const auto& s : pa::split_list(list)) pa::add_unique(n.attrs.it_systems, s);
        break;
      }
      case Col::other: {
        std::string list = value;
        const std::string folded = pa::fold(headers_[c]);
        if (folded.find("dokumente") != std::string::npos || folded.find("rechtsgrundlage") != std::string::npos) {
          std::replace(list.begin(), list.end(), ',', ';');
        }
        if (!pa::apply_block_attribute(headers_[c], list, "", pa::Direction::none, site, n)) {
          n.attrs.properties.emplace_back(headers_[c], value);
        }
        break;
      }
      }
      translate(tmp, row, col, headers_[c]);
    }
    return n;
  }

  void read_channels(const std::string& value, engine::ChannelMix& mix, const pa::Site& site, std::uint32_t row,
                     std::uint32_t col) {
    engine::ChannelMix parsed;
    std::string bad;
    if (!pa::parse_channel_list(value, parsed, bad)) {
      site.diags->add(DiagId::pic_unknown_channel, file(), site.at, site.element_id, {bad});
      return;
    }
    parsed.at = {row, col};
    mix = parsed;
    const double sum = pa::channel_sum_percent(mix);
    if (std::abs(sum - 100.0) > 0.01) {
      diags_.add(DiagId::tab_channel_sum, file(), {row, col}, site.element_id,
                 {std::to_string(row), std::to_string(col), headers_[col - 1], engine::number_arg_g(std::round(sum * 100) / 100)});
    }
  }

  void read_share(Variant& v, const std::string& text, std::uint32_t row, std::uint32_t col) {
    const std::string& header = headers_[col - 1];
    auto n = pa::parse_number(text);
    if (!n) {
      diags_.add(DiagId::tab_not_a_number, file(), {row, col}, "", {std::to_string(row), std::to_string(col), header, text});
      return;
    }
    if (*n < 0 || *n > 100) {
      diags_.add(DiagId::tab_percent_range, file(), {row, col}, "", {std::to_string(row), std::to_string(col), header, text});
      return;
    }
    if (!v.share) {
      v.share = *n;
      v.share_text = text;
      v.at = {row, col};
    } else if (std::abs(*v.share - *n) > 1e-9) {
      diags_.add(DiagId::tab_variant_share_conflict, file(), {row, col}, "",
                 {std::to_string(row), std::to_string(col), header, v.name, v.share_text, text});
    }
  }

  Teil& teil_for(const std::string& name, std::uint32_t row) {
    for (auto& t : teile_) {
      if (t.name == name) return t;
    }
    teile_.push_back(Teil{name, {row, 1}, std::nullopt, {}, {}, {}});
    return teile_.back();
  }

  Variant& variant_for(Teil& t, const std::string& name, std::uint32_t row) {
    for (auto& v : t.variants) {
      if (v.name == name) return v;
    }
    t.variants.push_back(Variant{name, std::nullopt, {}, {row, 1}, {}});
    return t.variants.back();
  }

  engine::ProcessModel build(engine::Process process) {
    engine::ModelBuilder b(file(), "table");
    if (process.name.empty()) {
      process.name = !teile_.front().name.empty() ? teile_.front().name : std::string("Bausteintabelle");
    }
    // Fallzahl: the preamble line sets the process; else the first Teilprozess's column value.
    if (!process.facts.cases_per_year && teile_.front().cases) process.facts.cases_per_year = teile_.front().cases;
    b.set_name(process.name);
    b.facts() = process.facts;
    b.set_exporter("Bausteintabelle (CSV)", "");
    const engine::ProcessIndex p = b.add_process(process);
    std::vector<pg::TeilprozessSpec> specs;
    int n = 0;
    for (auto& t : teile_) {
      pg::TeilprozessSpec s;
      s.id = fmt::format("teilprozess-{}", ++n);
      s.name = t.name.empty() ? process.name : t.name;
      s.at = t.at;
      s.cases = t.cases ? t.cases : process.facts.cases_per_year;
      s.blocks = std::move(t.blocks);
      for (auto& v : t.variants) {
        pg::VariantSpec vs;
        vs.name = v.name;
        vs.at = v.at;
        if (v.share) vs.probability = *v.share / 100.0;
        else if (t.variants.size() == 1) vs.probability = 1.0;
        else if (!has_share_ && !reported_missing_share_) {
          reported_missing_share_ = true;
          diags_.add(DiagId::tab_missing_column, file(), {header_line_, 1}, "",
                     {std::to_string(header_line_), "Anteil der Variante in %"});
        }
        vs.blocks = std::move(v.blocks);
        s.variants.push_back(std::move(vs));
      }
      specs.push_back(std::move(s));
    }
    pg::build(b, p, "process", std::move(specs), pg::DiagKinds{DiagId::tab_variant_sum}, diags_);
    return std::move(b).finish(diags_);
  }

  const engine::SourceFile& source_;
  engine::Diagnostics& diags_;
  std::vector<std::string> headers_;
  std::vector<Col> cols_;
  std::uint32_t header_line_ = 0;
  bool has_share_ = false;
  bool reported_missing_share_ = false;
  std::vector<Teil> teile_;
};

bool has_extension(std::string_view path, std::string_view ext) {
  if (path.size() < ext.size()) return false;
  const std::string_view tail = path.substr(path.size() - ext.size());
  for (std::size_t i = 0; i < ext.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(tail[i])) != ext[i]) return false;
  }
  return true;
}

} // namespace

bool sniff(std::string_view head, std::string_view path) {
  if (!has_extension(path, ".csv") && !has_extension(path, ".txt")) return false;
  return contains(head, "Baustein") && contains(head, "Bearbeitungszeit");
}

ImportResult read(const engine::SourceFile& source) {
  ImportResult r;
  TableReader reader(source, r.diagnostics);
  r.model = reader.read();
  return r;
}

} // namespace lotse::importers::block_table
