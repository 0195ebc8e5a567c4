// SPDX-License-Identifier: MIT
// ZIP packages in memory (OOXML: DOCX, XLSX) through libzip: write a package entry by entry into a
// byte string (fixed timestamps, so the same document gives the same bytes), and read one back.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lotse::reports {

/// Collects entries and packs them; the first entry is stored first (OOXML's [Content_Types].xml).
class ZipWriter {
public:
  void add(std::string name, std::string data) { entries_.emplace_back(std::move(name), std::move(data)); }
  [[nodiscard]] bool contains(std::string_view name) const;
  /// The ZIP archive. Throws std::runtime_error when libzip fails.
  [[nodiscard]] std::string finish() const;

private:
  std::deque<std::pair<std::string, std::string>> entries_;
};

/// Every entry (name, bytes) of a ZIP archive in storage order; throws std::runtime_error when it is
/// not a readable ZIP.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> read_zip(std::string_view bytes);

} // namespace lotse::reports
