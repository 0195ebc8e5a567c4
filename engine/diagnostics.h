// SPDX-License-Identifier: MIT
// Diagnostics: bad input becomes values with a stable code, severity, file:line:column, element id
// and German and English text from engine/diagnostics.def. Importers and passes never throw for bad
// input; they add diagnostics and go on (house style 3.3).
#pragma once

#include "engine/source_file.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::engine {

/// Report language; German is the default everywhere.
enum class Lang { de, en };

/// How bad a finding is. Errors make `lotse check` exit with code 1.
enum class Severity { note, warning, error };

/// One identifier per line of diagnostics.def.
enum class DiagId : std::uint16_t {
#define LOTSE_DIAG(id, code, severity, de, en) id,
#include "engine/diagnostics.def"
#undef LOTSE_DIAG
};

/// The static description of a diagnostic kind.
struct DiagInfo {
  std::string_view code;
  Severity severity;
  std::string_view text_de;
  std::string_view text_en;
};

/// Looks up the static description of a diagnostic kind.
[[nodiscard]] const DiagInfo& info(DiagId id);
/// Finds a diagnostic kind by its code ("BPMN-012"); returns false if unknown.
[[nodiscard]] bool find_by_code(std::string_view code, DiagId& out);
/// "Fehler"/"Warnung"/"Hinweis" or "error"/"warning"/"note".
[[nodiscard]] std::string_view severity_word(Severity s, Lang lang);
/// Severity name for machine output: "error", "warning", "note".
[[nodiscard]] std::string_view severity_name(Severity s);

/// One finding about one input.
struct Diagnostic {
  DiagId id{};
  Severity severity = Severity::error;  ///< defaults to info(id).severity, may be raised/lowered
  std::string file;                     ///< path as given by the user (or "a.xml!inner.bpmn")
  SourceLocation at;                    ///< 0:0 when unknown
  std::string element_id;               ///< original id of the element concerned, may be empty
  std::vector<std::string> args;        ///< positional arguments for the text

  [[nodiscard]] std::string_view code() const { return info(id).code; }
  /// The message text in the given language, arguments substituted.
  [[nodiscard]] std::string message(Lang lang) const;
};

/// A number as a diagnostic argument: rendered with the message language's separators ("1.234,5" in
/// German, "1,234.5" in English). `decimals` fixed places; number_arg_g gives the shortest form with
/// up to `significant` digits (like printf's %g; 0: the shortest text that reads back exactly, for
/// echoing values from a file, without thousands separators). The argument string carries a leading
/// marker byte (0x1F, 0x1E) that message() consumes; read it back with number_arg_text().
[[nodiscard]] std::string number_arg(double v, int decimals);
[[nodiscard]] std::string number_arg_g(double v, int significant = 6);
/// A diagnostic argument as it prints in `lang` (plain arguments unchanged).
[[nodiscard]] std::string number_arg_text(std::string_view arg, Lang lang);

/// An ordered collection of diagnostics.
class Diagnostics {
public:
  /// Adds a diagnostic with the kind's default severity; returns it for adjustments.
  Diagnostic& add(DiagId id, std::string file, SourceLocation at, std::string element_id,
                  std::vector<std::string> args = {});
  void push_back(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const Diagnostics& other);

  [[nodiscard]] bool has_errors() const;
  [[nodiscard]] std::size_t count(Severity s) const;
  [[nodiscard]] bool contains(DiagId id) const;
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
  [[nodiscard]] std::vector<Diagnostic>& items() { return items_; }
  [[nodiscard]] bool empty() const { return items_.empty(); }
  [[nodiscard]] std::size_t size() const { return items_.size(); }
  [[nodiscard]] auto begin() const { return items_.begin(); }
  [[nodiscard]] auto end() const { return items_.end(); }
  /// Stable order for output: by file, line, column, then insertion order.
  void sort();

private:
  std::vector<Diagnostic> items_;
};

/// Compiler-style line: "file:line:col: Fehler [CODE]: text". With a source, the offending line
/// and a caret follow on two more lines (Ninja's Lexer::Error).
[[nodiscard]] std::string format_diagnostic(const Diagnostic& d, Lang lang,
                                            const SourceFile* source = nullptr);

} // namespace lotse::engine
