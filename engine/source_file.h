// SPDX-License-Identifier: MIT
// SourceFile: a file's path and (immutable, shared) bytes plus a lazily built line index, so that importers record
// cheap byte offsets and diagnostics resolve them to line:column only when printed (LLVM SourceMgr).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::engine {

/// A position in a source file; line and column are 1-based, 0 means unknown.
struct SourceLocation {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  [[nodiscard]] bool known() const { return line != 0; }
  friend bool operator==(SourceLocation, SourceLocation) = default;
};

/// The bytes of one input (a file on disk or an embedded document) and where they came from.
class SourceFile {
public:
  /// Wraps bytes already in memory; `path` is what diagnostics print (e.g. "a.xml!model.bpmn").
  SourceFile(std::string path, std::string bytes);
  /// The same file from byte `offset` on (e.g. after a byte-order mark); shares the bytes, no copy.
  [[nodiscard]] SourceFile from_offset(std::size_t offset) const;
  /// Reads a whole file; throws std::system_error when it cannot be read (I/O failure, not bad input).
  [[nodiscard]] static SourceFile read(const std::string& path);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string_view bytes() const { return bytes_; }
  /// Line and column (1-based, column counted in bytes) of a byte offset; past the end clamps.
  [[nodiscard]] SourceLocation locate(std::size_t offset) const;
  /// The text of a 1-based line without its line break (for caret display).
  [[nodiscard]] std::string_view line_text(std::uint32_t line) const;

private:
  void build_index() const;
  std::string path_;
  std::shared_ptr<const std::string> storage_;  // immutable, shared by copies
  std::string_view bytes_;                      // into *storage_
  mutable std::vector<std::size_t> line_starts_;
};

} // namespace lotse::engine
