// SPDX-License-Identifier: MIT
// Writing outputs safely: a file is written to a temporary name in the target directory and renamed
// into place, so a reader never sees half a report and an existing file survives a failed write.
#pragma once

#include <string>
#include <string_view>

namespace lotse::reports {

/// Writes `content` to `path` atomically (temp file + rename). Throws std::system_error on failure.
void write_file_atomic(const std::string& path, std::string_view content);

} // namespace lotse::reports
