// SPDX-License-Identifier: MIT
#include "engine/diagnostics.h"
#include "engine/utf8.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <fmt/args.h>
#include <fmt/format.h>

namespace lotse::engine {
namespace {
constexpr Severity note = Severity::note;
constexpr Severity warning = Severity::warning;
constexpr Severity error = Severity::error;

constexpr std::array table{
#define LOTSE_DIAG(id, code, severity, de, en) DiagInfo{code, severity, de, en},
#include "engine/diagnostics.def"
#undef LOTSE_DIAG
};
} // namespace

const DiagInfo& info(DiagId id) { return table.at(static_cast<std::size_t>(id)); }

bool find_by_code(std::string_view code, DiagId& out) {
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (table[i].code == code) {
      out = static_cast<DiagId>(i);
      return true;
    }
  }
  return false;
}

std::string_view severity_word(Severity s, Lang lang) {
  switch (s) {
  case Severity::error: return lang == Lang::de ? "Fehler" : "error";
  case Severity::warning: return lang == Lang::de ? "Warnung" : "warning";
  case Severity::note: return lang == Lang::de ? "Hinweis" : "note";
  }
  return "?";
}

std::string_view severity_name(Severity s) { return severity_word(s, Lang::en); }

namespace {
constexpr char number_tag = '\x1F';        // localised, thousands grouped
constexpr char exact_number_tag = '\x1E';  // localised decimal separator only (values echoed from a file)
} // namespace

std::string number_arg(double v, int decimals) {
  return number_tag + fmt::format("{:.{}f}", v, std::clamp(decimals, 0, 12));
}

std::string number_arg_g(double v, int significant) {
  if (significant <= 0) {  // shortest text that reads back to the same double
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return exact_number_tag + (ec == std::errc{} ? std::string(buf, end) : std::string("?"));
  }
  return number_tag + fmt::format("{:.{}g}", v, std::clamp(significant, 1, 17));
}

std::string number_arg_text(std::string_view arg, Lang lang) {
  if (arg.empty() || (arg.front() != number_tag && arg.front() != exact_number_tag)) return std::string(arg);
  const bool group = arg.front() == number_tag;
  arg.remove_prefix(1);
  const char decimal = lang == Lang::de ? ',' : '.';
  const char thousands = lang == Lang::de ? '.' : ',';
  std::string sign;
  if (!arg.empty() && arg.front() == '-') {
    sign = "-";
    arg.remove_prefix(1);
  }
  const auto dot = arg.find_first_of(".eEn");  // n: nan / inf stay as they are
  const std::string_view int_part = arg.substr(0, dot == std::string_view::npos ? arg.size() : dot);
  std::string out = sign;
  const bool plain = int_part.find_first_not_of("0123456789") == std::string_view::npos;
  for (std::size_t i = 0; i < int_part.size(); ++i) {
    if (group && plain && i > 0 && (int_part.size() - i) % 3 == 0) out += thousands;
    out += int_part[i];
  }
  for (std::size_t i = int_part.size(); i < arg.size(); ++i) out += arg[i] == '.' ? decimal : arg[i];
  return out;
}

std::string Diagnostic::message(Lang lang) const {
  const DiagInfo& i = info(id);
  const std::string_view text = lang == Lang::de ? i.text_de : i.text_en;
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& a : args) store.push_back(number_arg_text(a, lang));
  // Missing arguments are a programming error; render them visibly instead of throwing.
  for (std::size_t k = args.size(); k < 6; ++k) store.push_back(std::string("?"));
  try {
    return fmt::vformat(text, store);
  } catch (const fmt::format_error&) {
    return std::string(text);
  }
}

Diagnostic& Diagnostics::add(DiagId id, std::string file, SourceLocation at, std::string element_id,
                             std::vector<std::string> args) {
  // Arguments quote input text (names, library error messages with raw bytes, file names from the
  // command line); every writer needs valid UTF-8, so it is made valid here, once.
  for (auto& a : args) a = to_valid_utf8(a);
  items_.push_back(Diagnostic{id, info(id).severity, display_name(file), at, to_valid_utf8(element_id),
                              std::move(args)});
  return items_.back();
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const { return count(Severity::error) > 0; }

std::size_t Diagnostics::count(Severity s) const {
  return static_cast<std::size_t>(
      std::count_if(items_.begin(), items_.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

bool Diagnostics::contains(DiagId id) const {
  return std::any_of(items_.begin(), items_.end(), [id](const Diagnostic& d) { return d.id == id; });
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.at.line != b.at.line) return a.at.line < b.at.line;
    return a.at.column < b.at.column;
  });
}

std::string format_diagnostic(const Diagnostic& d, Lang lang, const SourceFile* source) {
  // File names and model text (in the arguments) never reach the terminal raw.
  std::string out = escape_controls(d.file);
  if (d.at.known()) {
    out += fmt::format(":{}:{}", d.at.line, d.at.column);
  }
  out += fmt::format(": {} [{}]: {}", severity_word(d.severity, lang), d.code(), escape_controls(d.message(lang)));
  if (source != nullptr && d.at.known()) {
    const std::string_view line = source->line_text(d.at.line);
    if (!line.empty() && line.size() <= 300) {
      out += '\n';
      out += escape_controls(line, true);
      out += '\n';
      std::string caret;
      for (std::uint32_t c = 1; c < d.at.column && c <= line.size(); ++c) {
        caret += line[c - 1] == '\t' ? '\t' : ' ';
      }
      out += caret + '^';
    }
  }
  return out;
}

} // namespace lotse::engine
