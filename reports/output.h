// SPDX-License-Identifier: MIT
// Writing outputs safely, the one writer every output of lotse goes through (docs/limits.md):
// - a regular file is written to a temporary name in the target folder and renamed into place, so a
//   reader never sees half a report and an existing file survives a failed write;
// - a special file (FIFO, character device such as /dev/null, and "-" = standard output) is written to,
//   never replaced;
// - a new file gets 0666 minus the umask, an overwritten file keeps its mode;
// - a symlink is followed only when it points into its own folder, otherwise the output is refused;
// - live temporary files are registered, and SIGINT/SIGTERM remove them before the process dies.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::reports {

/// An output that must not be written (it would replace an input or leave its folder through a
/// symlink). The CLI reports it as a usage error (exit 2) before anything is written.
class OutputRefused : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// True when both paths name the same existing file (device and inode, symlinks followed).
[[nodiscard]] bool same_file(const std::string& a, const std::string& b);

/// The first of `inputs` that `output` resolves to (same device and inode); nullopt when none.
[[nodiscard]] std::optional<std::string> clashing_input(const std::string& output,
                                                        const std::vector<std::string>& inputs);

/// An output file written in pieces: a temporary file renamed into place by commit(), or a special
/// file written directly. Throws std::system_error on I/O failure (ENOSPC, EIO, ...) and OutputRefused
/// for a symlink leaving its folder. An uncommitted temporary file is removed by the destructor.
class OutputFile {
public:
  explicit OutputFile(std::string path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  void write(std::string_view s);
  /// Flushes, syncs and renames into place (or closes the special file).
  void commit();
  /// The temporary file's path ("" for a special file), for tests.
  [[nodiscard]] const std::string& temp_path() const { return tmp_; }

private:
  [[noreturn]] void fail(int err);
  std::string path_, target_, tmp_;
  int fd_ = -1;
  int slot_ = -1;
  bool special_ = false;
  bool owns_fd_ = true;
};

/// Writes `content` to `path` through OutputFile. Throws std::system_error or OutputRefused.
void write_file_atomic(const std::string& path, std::string_view content);

/// Installs SIGINT/SIGTERM/SIGHUP handlers that unlink all live temporary files (async-signal-safe)
/// and then end the process by the same signal. Called once by main(); harmless to call again.
void install_temp_file_cleanup();

/// Number of temporary files currently registered for cleanup (tests).
[[nodiscard]] std::size_t live_temp_files();

} // namespace lotse::reports
