// SPDX-License-Identifier: MIT
// Running a program as a child process (the real `lotse` binary, as a user runs it) and collecting its
// exit code and peak memory: for tests that measure a whole process and for bench/.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <string>
#include <vector>

extern char** environ;

namespace lotse::test {

struct SpawnResult {
  int code = -1;        ///< exit code, 128 + signal when killed, -1 when it could not start
  long max_rss_kb = 0;  ///< peak resident memory of the child (getrusage's ru_maxrss)
};

/// Runs `exe args...` with standard output to `out_path` and standard error to /dev/null, and waits.
inline SpawnResult spawn_and_wait(const std::string& exe, const std::vector<std::string>& args,
                                  const std::string& out_path = "/dev/null") {
  std::vector<std::string> all{exe};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, exe.c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  SpawnResult r;
  if (rc != 0) return r;
  int status = 0;
  rusage ru{};
  ::wait4(pid, &status, 0, &ru);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.max_rss_kb = ru.ru_maxrss;
  return r;
}

} // namespace lotse::test
