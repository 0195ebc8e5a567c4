// SPDX-License-Identifier: MIT
#include "reports/emit_xlsx.h"
#include "reports/render/render.h"

#include "engine/utf8.h"
#include "reports/emit_doc_common.h"
#include "reports/zip_package.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>
#include <unistd.h>

namespace lotse::reports {
namespace {

using doc::Cell;
using doc::Unit;

using engine::utf8_length;
using engine::utf8_prefix;

/// Locale-neutral number format code: "," groups and "." is the decimal point in the file; the reader's
/// locale shows them (German Excel/LibreOffice: 1.234,5).
std::string number_format(Unit u, int decimals, engine::Lang lang) {
  const std::string places = decimals > 0 ? "." + std::string(static_cast<std::size_t>(decimals), '0') : "";
  if (u == Unit::percent) return "0" + places + "%";
  const std::string base = "#,##0" + places;
  if (u == Unit::eur) return lang == engine::Lang::de ? base + " \"€\"" : "\"€\"" + base;
  const auto suffix = doc::unit_suffix(u, lang);
  return suffix.empty() ? base : base + " \"" + std::string(suffix) + "\"";
}

/// "={saved_full}*{uptake}" with the column keys replaced by the cells of row `r` ("=F2*E2").
std::string row_formula(const doc::Table& t, const std::string& f, lxw_row_t r) {
  std::string out = "=";
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '{') {
      out.push_back(f[i]);
      continue;
    }
    const std::size_t close = f.find('}', i);
    if (close == std::string::npos) throw std::runtime_error("xlsx: unclosed column key in formula " + f);
    const std::string key = f.substr(i + 1, close - i - 1);
    const auto col = std::find_if(t.columns.begin(), t.columns.end(), [&](const doc::Column& c) { return c.key == key; });
    if (col == t.columns.end()) throw std::runtime_error("xlsx: formula names unknown column " + key);
    char ref[16];
    lxw_rowcol_to_cell(ref, r, static_cast<lxw_col_t>(col - t.columns.begin()));
    out += ref;
    i = close;
  }
  return out;
}

class Book {
public:
  Book(const std::string& path, const doc::Meta& meta) : meta_(meta) {
    wb_ = workbook_new(path.c_str());
    if (wb_ == nullptr) throw std::runtime_error("xlsx: cannot create workbook");
    header_ = workbook_add_format(wb_);
    format_set_bold(header_);
    format_set_bottom(header_, LXW_BORDER_THIN);
    format_set_bg_color(header_, 0xE8EEF2);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    guard_ = workbook_add_format(wb_);
    format_set_align(guard_, LXW_ALIGN_LEFT);  // a property of its own, so it gets its own xf
    bold_ = workbook_add_format(wb_);
    format_set_bold(bold_);
    title_ = workbook_add_format(wb_);
    format_set_bold(title_);
    format_set_font_size(title_, 14);
  }
  ~Book() {
    if (wb_ != nullptr) workbook_close(wb_);
  }
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  void summary(const doc::Document& d);
  void table(const doc::Table& t);
  /// Closes the workbook; returns the xf index of the quote-prefix format, or -1 when unused.
  int close();

private:
  lxw_worksheet* sheet(std::string_view wanted);
  lxw_format* number(Unit u, int decimals, bool bold);
  void write_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const Cell& cell, bool bold);
  void write_text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* f);
  void widths(lxw_worksheet* ws, const std::vector<std::size_t>& chars);

  lxw_workbook* wb_ = nullptr;
  const doc::Meta& meta_;
  lxw_format *header_, *guard_, *bold_, *title_;
  bool guard_used_ = false;
  std::map<std::tuple<Unit, int, bool>, lxw_format*> numbers_;
  std::set<std::string> names_;
  std::vector<std::string> keep_;  // strings libxlsxwriter points to until close
};

lxw_format* Book::number(Unit u, int decimals, bool bold) {
  auto& f = numbers_[{u, decimals, bold}];
  if (f == nullptr) {
    f = workbook_add_format(wb_);
    format_set_num_format(f, number_format(u, decimals, meta_.lang).c_str());
    if (bold) format_set_bold(f);
  }
  return f;
}

lxw_worksheet* Book::sheet(std::string_view wanted) {
  const std::string base = sheet_name(wanted);
  std::string name = base;
  for (int k = 2; !names_.insert(name).second; ++k) {
    const std::string suffix = " (" + std::to_string(k) + ")";
    name = utf8_prefix(base, 31 - suffix.size()) + suffix;
  }
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
  if (ws == nullptr) throw std::runtime_error("xlsx: cannot add sheet " + name);
  return ws;
}

void Book::write_text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* f) {
  // worksheet_write_string always stores a string cell (never a formula); the quote prefix keeps it
  // a string when a person edits the cell.
  const std::string text = utf8_length(s) > 32767 ? utf8_prefix(s, 32767) : s;
  if (looks_like_formula(text)) {
    guard_used_ = true;
    f = guard_;
  }
  worksheet_write_string(ws, r, c, text.c_str(), f);
}

void Book::write_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const Cell& cell, bool bold) {
  switch (cell.kind) {
  case Cell::Kind::empty: break;
  case Cell::Kind::text: write_text(ws, r, c, doc::plain_text(cell.text, meta_.lang), bold ? bold_ : nullptr); break;
  case Cell::Kind::number:
    worksheet_write_number(ws, r, c, cell.value, number(cell.unit, cell.decimals, bold));
    if (!cell.source.empty()) worksheet_write_comment(ws, r, c, cell.source.c_str());
    break;
  }
}

void Book::widths(lxw_worksheet* ws, const std::vector<std::size_t>& chars) {
  for (std::size_t c = 0; c < chars.size(); ++c) {
    const double w = std::clamp(static_cast<double>(chars[c]) + 2.0, 8.0, 60.0);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w, nullptr);
  }
}

void Book::summary(const doc::Document& d) {
  const auto& w = doc::emit_words(meta_.lang);
  lxw_worksheet* ws = sheet(w.summary_sheet);
  lxw_row_t r = 0;
  write_text(ws, r++, 0, meta_.title.empty() ? std::string(w.summary_sheet) : meta_.title, title_);
  const std::pair<std::string_view, const std::string*> meta[] = {
      {w.town, &meta_.town}, {w.author, &meta_.author}, {w.date, &meta_.date}, {w.source_file, &meta_.source_file}};
  for (const auto& [label, value] : meta) {
    if (value->empty()) continue;
    write_text(ws, r, 0, std::string(label), bold_);
    write_text(ws, r++, 1, *value, nullptr);
  }
  ++r;
  std::vector<std::size_t> chars{20, 14, 20};
  for (const auto* k : doc::blocks_of<doc::KeyFigures>(d)) {
    write_text(ws, r, 0, std::string(w.figure_label), header_);
    write_text(ws, r, 1, std::string(w.value_label), header_);
    write_text(ws, r++, 2, std::string(w.note_label), header_);
    for (const auto& f : k->figures) {
      write_text(ws, r, 0, f.label, nullptr);
      write_cell(ws, r, 1, f.value, false);
      write_text(ws, r++, 2, f.note, nullptr);
      chars[0] = std::max(chars[0], utf8_length(f.label));
      chars[2] = std::max(chars[2], utf8_length(f.note));
    }
    ++r;
  }
  for (const auto* p : doc::blocks_of<doc::Paragraph>(d)) write_text(ws, r++, 0, doc::plain_text(p->text, meta_.lang), nullptr);
  widths(ws, chars);
}

void Book::table(const doc::Table& t) {
  lxw_worksheet* ws = sheet(t.caption.empty() ? t.id : t.caption);
  const auto ncols = t.columns.size();
  std::vector<std::size_t> chars(ncols, 0);
  for (std::size_t c = 0; c < ncols; ++c) {
    write_text(ws, 0, static_cast<lxw_col_t>(c), t.columns[c].header, header_);
    chars[c] = std::min<std::size_t>(utf8_length(t.columns[c].header), 24);
  }
  lxw_row_t r = 1;
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < std::min(ncols, row.size()); ++c) {
      if (!row[c].formula.empty() && row[c].kind == Cell::Kind::number) {
        const std::string formula = row_formula(t, row[c].formula, r);
        worksheet_write_formula_num(ws, r, static_cast<lxw_col_t>(c), formula.c_str(), number(row[c].unit, row[c].decimals, false),
                                    row[c].value);
      } else {
        write_cell(ws, r, static_cast<lxw_col_t>(c), row[c], false);
      }
      chars[c] = std::max(chars[c], utf8_length(doc::format_cell(row[c], meta_.lang)));
    }
    ++r;
  }
  const lxw_row_t last_body = r - 1;
  if (t.total) {
    for (std::size_t c = 0; c < std::min(ncols, t.total->size()); ++c) {
      const Cell& cell = (*t.total)[c];
      const auto col = static_cast<lxw_col_t>(c);
      if (cell.formula_key.empty() || cell.kind != Cell::Kind::number || t.rows.empty()) {
        write_cell(ws, r, col, cell, true);
        continue;
      }
      char from[16], to[16];
      lxw_rowcol_to_cell(from, 1, col);
      lxw_rowcol_to_cell(to, last_body, col);
      const std::string formula = std::string("=SUM(") + from + ":" + to + ")";
      worksheet_write_formula_num(ws, r, col, formula.c_str(), number(cell.unit, cell.decimals, true), cell.value);
      chars[c] = std::max(chars[c], utf8_length(doc::format_cell(cell, meta_.lang)));
    }
  }
  worksheet_freeze_panes(ws, 1, 0);
  if (ncols > 0) worksheet_autofilter(ws, 0, 0, std::max<lxw_row_t>(last_body, 1), static_cast<lxw_col_t>(ncols - 1));
  widths(ws, chars);
}

int Book::close() {
  keep_ = {meta_.title, meta_.author, meta_.town};
  lxw_doc_properties props{};
  props.title = keep_[0].data();
  props.author = keep_[1].data();
  props.company = keep_[2].data();
  workbook_set_properties(wb_, &props);
  const int guard = guard_used_ ? lxw_format_get_xf_index(guard_) : -1;
  const lxw_error e = workbook_close(wb_);
  wb_ = nullptr;
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx: ") + lxw_strerror(e));
  return guard;
}

/// libxlsxwriter 1.1.4 has no quote-prefix property: set quotePrefix="1" on the guard's cell format.
std::string add_quote_prefix(const std::string& xlsx, int xf_index) {
  ZipWriter out;
  for (auto& [name, data] : read_zip(xlsx)) {
    if (name == "xl/styles.xml") {
      std::size_t at = data.find("<cellXfs");
      for (int k = 0; k <= xf_index && at != std::string::npos; ++k) at = data.find("<xf ", at + 1);
      if (at == std::string::npos) throw std::runtime_error("xlsx: quote prefix format not found");
      data.insert(at + 4, "quotePrefix=\"1\" ");
    }
    out.add(name, std::move(data));
  }
  return out.finish();
}

std::string read_and_remove(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::remove(path.c_str());
  if (!in) throw std::runtime_error("xlsx: cannot read back " + path);
  return ss.str();
}

} // namespace

std::string render_xlsx(const doc::Document& d) {
  namespace fs = std::filesystem;
  std::string path = (fs::temp_directory_path() / "lotse-xlsx-XXXXXX").string();
  const int fd = ::mkstemp(path.data());
  if (fd < 0) throw std::runtime_error("xlsx: no temporary file");
  ::close(fd);
  int guard = -1;
  try {
    Book book(path, d.meta);
    book.summary(d);
    for (const auto* t : doc::blocks_of<doc::Table>(d)) book.table(*t);
    guard = book.close();
  } catch (...) {
    std::remove(path.c_str());
    throw;
  }
  std::string bytes = read_and_remove(path);
  return guard < 0 ? bytes : add_quote_prefix(bytes, guard);
}

} // namespace lotse::reports
