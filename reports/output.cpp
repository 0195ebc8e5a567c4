// SPDX-License-Identifier: MIT
#include "reports/output.h"

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace lotse::reports {
namespace {

namespace fs = std::filesystem;

// ---- registry of live temporary files (read by the signal handler) ----

constexpr std::size_t max_slots = 64;
constexpr std::size_t max_path = 4096;
enum SlotState : int { slot_free = 0, slot_filling = 1, slot_live = 2 };
struct Slot {
  std::atomic<int> state{slot_free};
  std::array<char, max_path> path{};
};
std::array<Slot, max_slots> g_slots;
static_assert(std::atomic<int>::is_always_lock_free);

int register_temp(const std::string& path) {
  if (path.size() >= max_path) return -1;
  for (std::size_t i = 0; i < max_slots; ++i) {
    int expected = slot_free;
    if (g_slots[i].state.compare_exchange_strong(expected, slot_filling)) {
      std::memcpy(g_slots[i].path.data(), path.c_str(), path.size() + 1);
      g_slots[i].state.store(slot_live);
      return static_cast<int>(i);
    }
  }
  return -1;  // more than 64 outputs at once: still written, just not cleaned up on a signal
}

void unregister_temp(int slot) {
  if (slot >= 0) g_slots[static_cast<std::size_t>(slot)].state.store(slot_free);
}

void remove_temps_and_die(int sig) {
  for (auto& s : g_slots) {
    if (s.state.load() == slot_live) ::unlink(s.path.data());
  }
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

/// The current umask, read without changing it (Linux: /proc/self/status; umask() would race with
/// other threads creating files).
mode_t process_umask() {
  if (std::FILE* f = std::fopen("/proc/self/status", "r")) {
    char line[256];
    unsigned mask = 0;
    bool found = false;
    while (!found && std::fgets(line, sizeof line, f)) found = std::sscanf(line, "Umask: %o", &mask) == 1;
    std::fclose(f);
    if (found) return static_cast<mode_t>(mask);
  }
  const mode_t m = ::umask(022);
  ::umask(m);
  return m;
}

/// Where an output really goes: "path" itself, or the file a symlink in the same folder points to.
std::string resolve_target(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
  std::error_code ec;
  const fs::path p(path);
  const fs::path dir = fs::canonical(p.has_parent_path() ? p.parent_path() : fs::path("."), ec);
  const fs::path resolved = fs::weakly_canonical(p, ec);
  if (ec || dir.empty()) throw OutputRefused(path + ": symbolic link cannot be resolved");
  const fs::path rel = resolved.lexically_relative(dir);
  if (rel.empty() || rel.begin()->string() == ".." || rel.has_parent_path()) {
    throw OutputRefused(path + ": symbolic link points outside its folder (" + resolved.string() + ")");
  }
  return resolved.string();
}

} // namespace

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

std::optional<std::string> clashing_input(const std::string& output, const std::vector<std::string>& inputs) {
  if (output == "-") return std::nullopt;
  for (const auto& in : inputs) {
    if (in != "-" && same_file(output, in)) return in;
  }
  return std::nullopt;
}

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
  if (path_ == "-") {
    fd_ = STDOUT_FILENO;
    special_ = true;
    owns_fd_ = false;
    return;
  }
  target_ = resolve_target(path_);
  struct stat st {};
  const bool exists = ::stat(target_.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) throw std::system_error(EISDIR, std::generic_category(), path_);
  if (exists && !S_ISREG(st.st_mode)) {  // FIFO, character device, socket: write to it, never replace it
    fd_ = ::open(target_.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd_ < 0) throw std::system_error(errno, std::generic_category(), path_);
    special_ = true;
    return;
  }
  const mode_t mode = exists ? (st.st_mode & 07777) : (0666 & ~process_umask());
  const fs::path t(target_);
  const fs::path dir = t.has_parent_path() ? t.parent_path() : fs::path(".");
  tmp_ = (dir / ("." + t.filename().string() + ".tmp-XXXXXX")).string();
  fd_ = ::mkostemp(tmp_.data(), O_CLOEXEC);
  if (fd_ < 0) {
    const int err = errno;
    tmp_.clear();
    throw std::system_error(err, std::generic_category(), path_);
  }
  slot_ = register_temp(tmp_);
  if (::fchmod(fd_, mode) != 0) fail(errno);
}

OutputFile::~OutputFile() {
  if (fd_ >= 0 && owns_fd_) ::close(fd_);
  if (!tmp_.empty()) ::unlink(tmp_.c_str());
  unregister_temp(slot_);
}

void OutputFile::fail(int err) {
  if (fd_ >= 0 && owns_fd_) ::close(fd_);
  fd_ = -1;
  if (!tmp_.empty()) ::unlink(tmp_.c_str());
  tmp_.clear();
  unregister_temp(slot_);
  slot_ = -1;
  throw std::system_error(err, std::generic_category(), path_);
}

void OutputFile::write(std::string_view s) {
  if (fd_ < 0) throw std::system_error(EBADF, std::generic_category(), path_);
  while (!s.empty()) {
    const ssize_t n = ::write(fd_, s.data(), s.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(errno);
    }
    if (n == 0) fail(EIO);
    s.remove_prefix(static_cast<std::size_t>(n));
  }
}

void OutputFile::commit() {
  if (fd_ < 0) throw std::system_error(EBADF, std::generic_category(), path_);
  if (special_) {
    const int fd = fd_;
    fd_ = -1;
    if (owns_fd_ && ::close(fd) != 0) throw std::system_error(errno, std::generic_category(), path_);
    return;
  }
  if (::fsync(fd_) != 0) fail(errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail(errno);
  if (std::rename(tmp_.c_str(), target_.c_str()) != 0) fail(errno);
  tmp_.clear();
  unregister_temp(slot_);
  slot_ = -1;
}

void write_file_atomic(const std::string& path, std::string_view content) {
  OutputFile f(path);
  f.write(content);
  f.commit();
}

void install_temp_file_cleanup() {
  static const bool installed = [] {
    struct sigaction sa {};
    sa.sa_handler = remove_temps_and_die;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    for (const int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(sig, &sa, nullptr);
    return true;
  }();
  (void)installed;
}

std::size_t live_temp_files() {
  std::size_t n = 0;
  for (const auto& s : g_slots) n += s.state.load() == slot_live ? 1 : 0;
  return n;
}

} // namespace lotse::reports
