// SPDX-License-Identifier: MIT
#include "engine/source_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

namespace lotse::engine {

SourceFile::SourceFile(std::string path, std::string bytes)
    : path_(std::move(path)), storage_(std::make_shared<const std::string>(std::move(bytes))), bytes_(*storage_) {}

SourceFile SourceFile::from_offset(std::size_t offset) const {
  SourceFile tail(*this);
  tail.bytes_ = bytes_.substr(std::min(offset, bytes_.size()));
  tail.line_starts_.clear();
  return tail;
}

SourceFile SourceFile::read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::system_error(errno ? errno : ENOENT, std::generic_category(), path);
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    throw std::system_error(EIO, std::generic_category(), path);
  }
  return SourceFile(path, std::move(buffer).str());
}

void SourceFile::build_index() const {
  if (!line_starts_.empty()) return;
  line_starts_.push_back(0);
  const char* const base = bytes_.data();
  const char* const end = base + bytes_.size();
  for (const char* p = base; p < end;) {
    const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (hit == nullptr) break;
    p = static_cast<const char*>(hit) + 1;
    line_starts_.push_back(static_cast<std::size_t>(p - base));
  }
}

SourceLocation SourceFile::locate(std::size_t offset) const {
  build_index();
  offset = std::min(offset, bytes_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::size_t>(it - line_starts_.begin());
  const std::size_t start = line_starts_[line - 1];
  return SourceLocation{static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(offset - start + 1)};
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  build_index();
  if (line == 0 || line > line_starts_.size()) return {};
  const std::size_t start = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] : bytes_.size();
  std::string_view text(bytes_.data() + start, end - start);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

} // namespace lotse::engine
