// SPDX-License-Identifier: MIT
// A fresh folder under the system temp directory for one test, removed afterwards.
#pragma once

#include <filesystem>
#include <string>
#include <system_error>
#include <unistd.h>

namespace lotse::test {

struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name)
      : path(std::filesystem::temp_directory_path() / ("lotse-test-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] std::string str() const { return path.string(); }
};

} // namespace lotse::test
