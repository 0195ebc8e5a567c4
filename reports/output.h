// SPDX-License-Identifier: MIT
// Writing outputs safely: a file is written to a temporary name in the target directory and renamed
// into place, so a reader never sees half a report and an existing file survives a failed write.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace lotse::reports {

/// Writes `content` to `path` atomically (temp file + rename). Throws std::system_error on failure.
void write_file_atomic(const std::string& path, std::string_view content);

/// A file written piece by piece to "<dir>/.<name>.tmp-XXXXXX" and renamed into place by commit(),
/// for outputs too large to build in memory (event logs). Throws std::system_error on I/O failure; an
/// uncommitted temporary file is removed by the destructor. `tmp_path()` names it while it exists
/// (for a registry that removes it on a signal).
class StreamingFile {
public:
  explicit StreamingFile(std::string path);
  ~StreamingFile();
  StreamingFile(const StreamingFile&) = delete;
  StreamingFile& operator=(const StreamingFile&) = delete;
  void write(std::string_view s);
  void commit();
  [[nodiscard]] const std::string& tmp_path() const { return tmp_; }

private:
  std::string path_, tmp_;
  std::FILE* f_ = nullptr;
};

} // namespace lotse::reports
