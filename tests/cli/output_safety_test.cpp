// SPDX-License-Identifier: MIT
// Outputs that cannot hurt (#16.4, #13.3): an output that is an input is refused with exit 2 before
// anything is written (also through a symlink or a derived report name); FIFOs and devices are written
// to, not replaced; modes follow the umask or the overwritten file; write errors give exit 74 (also a
// full standard output); symlinks leaving their folder are refused; temporary files vanish on SIGTERM.
#include "reports/output.h"
#include "tests/support/cli_run.h"
#include "tests/support/paths.h"

#include <catch2/catch.hpp>

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace lotse;
namespace fs = std::filesystem;
using lotse::test::lotse_run;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A fresh folder under the temp dir, removed at the end of the test.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) {
    path = fs::temp_directory_path() / ("lotse-out-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

fs::path copy_sample(const TempDir& d, const std::string& sample, const std::string& as) {
  const fs::path to = d.path / as;
  fs::copy_file(lotse::test::sample(sample), to);
  return to;
}

std::string lotse_bin() { return lotse::test::binary_dir() + "/bin/lotse"; }

/// Exit status of a shell command line (-1 when it did not exit normally).
int shell(const std::string& cmd) {
  const int st = std::system(cmd.c_str());
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

} // namespace

TEST_CASE("analyze x.bpmn -o x.bpmn exits 2 and leaves the input byte-identical", "[output][cli]") {
  TempDir d("self");
  const fs::path x = copy_sample(d, "hundesteuer.bpmn", "x.bpmn");
  const std::string before = slurp(x);
  const auto r = lotse_run({"analyze", x.string(), "-o", x.string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("[CLI-002]") != std::string::npos);
  CHECK(r.err.find("dieselbe Datei wie die Eingabe") != std::string::npos);
  CHECK(slurp(x) == before);
  CHECK(fs::is_regular_file(x));
}

TEST_CASE("analyze refuses a derived report name that is the input (-o . --format html)", "[output][cli]") {
  TempDir d("derived");
  // A BPMN file named like its report: "x.html" analysed to HTML in its own folder would replace it.
  const fs::path x = copy_sample(d, "hundesteuer.bpmn", "x.html");
  const std::string before = slurp(x);
  const auto r = lotse_run({"analyze", x.string(), "-o", d.path.string(), "--format", "md,html", "--lang", "en"});
  CHECK(r.code == 2);
  CHECK(r.err.find("is the same file as the input") != std::string::npos);
  CHECK(slurp(x) == before);
  CHECK_FALSE(fs::exists(d.path / "x.md"));  // refused before anything was written
}

TEST_CASE("convert and simulate --log refuse their own input, also through a symlink", "[output][cli]") {
  TempDir d("convert-self");
  const fs::path in = copy_sample(d, "hundesteuer.bpmn", "in.bpmn");
  const std::string before = slurp(in);
  CHECK(lotse_run({"convert", in.string(), "-o", in.string()}).code == 2);
  fs::create_symlink(in, d.path / "link.bpmn");
  CHECK(lotse_run({"convert", in.string(), "-o", (d.path / "link.bpmn").string()}).code == 2);
  CHECK(slurp(in) == before);

  const fs::path t = copy_sample(d, "bausteintabelle-hundesteuer-abmeldung.csv", "t.csv");
  const std::string table = slurp(t);
  const auto r = lotse_run({"simulate", t.string(), "--cases", "10", "--log", t.string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("[CLI-002]") != std::string::npos);
  CHECK(slurp(t) == table);
}

TEST_CASE("a FIFO and a character device are written to, not replaced", "[output][cli]") {
  TempDir d("fifo");
  const fs::path in = copy_sample(d, "hundesteuer.bpmn", "in.bpmn");
  const fs::path fifo = d.path / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string received;
  std::thread reader([&] { received = slurp(fifo); });
  const auto r = lotse_run({"convert", in.string(), "-o", fifo.string(), "-q"});
  // Should convert not have opened the FIFO, release the reader instead of hanging.
  if (const int w = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK); w >= 0) ::close(w);
  reader.join();
  CHECK(r.code == 0);
  CHECK(fs::is_fifo(fifo));
  CHECK(received.rfind("<?xml", 0) == 0);
  CHECK(received.find("</bpmn:definitions>") != std::string::npos);

  CHECK(lotse_run({"convert", in.string(), "-o", "/dev/null", "-q"}).code == 0);
  CHECK(fs::is_character_file("/dev/null"));
}

TEST_CASE("write errors give exit 74: /dev/full as output and as standard output", "[output][cli]") {
  TempDir d("full");
  const fs::path in = copy_sample(d, "hundesteuer.bpmn", "in.bpmn");
  const auto r = lotse_run({"convert", in.string(), "-o", "/dev/full"});
  CHECK(r.code == 74);
  CHECK(r.err.find("kein Platz mehr auf dem Datenträger") != std::string::npos);
  CHECK(fs::is_character_file("/dev/full"));

  REQUIRE(fs::exists(lotse_bin()));
  CHECK(shell(lotse_bin() + " stats '" + in.string() + "' > /dev/full 2>/dev/null") == 74);
  CHECK(shell(lotse_bin() + " stats '" + in.string() + "' --format json > /dev/full 2>/dev/null") == 74);
  CHECK(shell(lotse_bin() + " stats '" + in.string() + "' > /dev/null") == 0);
}

TEST_CASE("new outputs honour the umask, an overwritten file keeps its mode", "[output]") {
  TempDir d("mode");
  const mode_t old = ::umask(027);
  reports::write_file_atomic((d.path / "new.txt").string(), "neu\n");
  ::umask(old);
  CHECK(mode_of(d.path / "new.txt") == 0640);

  const fs::path kept = d.path / "kept.txt";
  reports::write_file_atomic(kept.string(), "alt\n");
  REQUIRE(::chmod(kept.c_str(), 0600) == 0);
  reports::write_file_atomic(kept.string(), "neu\n");
  CHECK(mode_of(kept) == 0600);
  CHECK(slurp(kept) == "neu\n");
}

TEST_CASE("a symlink is followed only inside its folder", "[output][cli]") {
  TempDir d("symlink");
  fs::create_directories(d.path / "out");
  fs::create_directories(d.path / "elsewhere");
  const fs::path victim = d.path / "elsewhere" / "victim.bpmn";
  { std::ofstream(victim) << "unberuehrt"; }
  fs::create_symlink(victim, d.path / "out" / "a.bpmn");
  const fs::path in = copy_sample(d, "hundesteuer.bpmn", "in.bpmn");
  const auto r = lotse_run({"convert", in.string(), "-o", (d.path / "out" / "a.bpmn").string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("[CLI-003]") != std::string::npos);
  CHECK(slurp(victim) == "unberuehrt");

  // Inside the folder: the link stays a link and its target gets the content.
  { std::ofstream(d.path / "out" / "real.bpmn") << "alt"; }
  fs::create_symlink("real.bpmn", d.path / "out" / "b.bpmn");
  CHECK(lotse_run({"convert", in.string(), "-o", (d.path / "out" / "b.bpmn").string(), "-q"}).code == 0);
  CHECK(fs::is_symlink(d.path / "out" / "b.bpmn"));
  CHECK(slurp(d.path / "out" / "real.bpmn").rfind("<?xml", 0) == 0);
}

TEST_CASE("temporary output files are removed on SIGTERM and SIGINT", "[output]") {
  for (const int sig : {SIGTERM, SIGINT}) {
    TempDir d("signal" + std::to_string(sig));
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::close(fds[0]);
      reports::install_temp_file_cleanup();
      reports::OutputFile f((d.path / "log.csv").string());
      f.write(std::string(1 << 20, 'x'));
      const std::string tmp = f.temp_path() + "\n";
      (void)!::write(fds[1], tmp.data(), tmp.size());
      ::raise(sig);
      ::_exit(0);  // not reached
    }
    ::close(fds[1]);
    std::string tmp;
    char c = 0;
    while (::read(fds[0], &c, 1) == 1 && c != '\n') tmp += c;
    ::close(fds[0]);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == sig);
    REQUIRE(!tmp.empty());
    CHECK_FALSE(fs::exists(tmp));
    CHECK(fs::is_empty(d.path));
  }
  CHECK(reports::live_temp_files() == 0);
}
