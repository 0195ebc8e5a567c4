// SPDX-License-Identifier: MIT
// The ZIP bomb of issue #16 through the real `lotse` process: an XProzess export of 0.8 MB whose
// embedded ZIP expands to 600 MB of zeros. Before the limits it took 1 GB of memory; now the entry is
// refused at 200-fold expansion (XPR-014, exit 65) and the whole process stays under 300 MB.
#include "tests/support/paths.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern char** environ;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr long max_rss_kb = 1024L * 1024;  // ASan's shadow memory and quarantine
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr long max_rss_kb = 1024L * 1024;
#else
constexpr long max_rss_kb = 300L * 1024;
#endif
#else
constexpr long max_rss_kb = 300L * 1024;
#endif

struct Child {
  int code = -1;
  long max_rss_kb = 0;
  double seconds = 0;
};

/// Runs `lotse args...` with stdout to `out_file`, returning exit code, peak RSS and wall time.
Child run_lotse(const std::vector<std::string>& args, const std::string& out_file) {
  const std::string exe = lotse::test::binary_dir() + "/bin/lotse";
  std::vector<std::string> all{exe};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const auto t0 = std::chrono::steady_clock::now();
  const int rc = posix_spawn(&pid, exe.c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  Child c;
  if (rc != 0) return c;
  int status = 0;
  rusage ru{};
  ::wait4(pid, &status, 0, &ru);
  c.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  c.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  c.max_rss_kb = ru.ru_maxrss;
  return c;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_CASE("an XProzess ZIP bomb (600 MB of zeros) is refused with XPR-014 in under 300 MB", "[bounds][cli][xprozess]") {
  lotse::test::TempDir dir("zip-bomb");
  const std::string xml = dir.str() + "/bombe.xml";
  // Python's zipfile writes the bomb in 1 MB steps and wraps its base64 into a minimal XProzess export.
  const std::string py =
      "import base64, io, sys, zipfile\n"
      "buf = io.BytesIO()\n"
      "with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:\n"
      "    with z.open('modell.bpmn', 'w') as f:\n"
      "        for _ in range(600): f.write(bytes(1 << 20))\n"
      "b64 = base64.b64encode(buf.getvalue()).decode()\n"
      "ns = 'http://www.regierung-mv.de/xprozess/2'\n"
      "open(sys.argv[1], 'w').write('<?xml version=\"1.0\" encoding=\"UTF-8\"?>\\n'\n"
      "  f'<xprozess:alleInhalte.export.0303 xmlns:xprozess=\"{ns}\"><xprozess:prozessbibliothek><xprozess:prozess>'\n"
      "  '<xprozess:id>99123000000000</xprozess:id><xprozess:name>Bombe</xprozess:name>'\n"
      "  '<xprozess:prozessmodell><xprozess:prozessmodelldatei><xprozess:dateiname>BPMN</xprozess:dateiname>'\n"
      "  f'<xprozess:inhalt>{b64}</xprozess:inhalt></xprozess:prozessmodelldatei></xprozess:prozessmodell>'\n"
      "  '</xprozess:prozess></xprozess:prozessbibliothek></xprozess:alleInhalte.export.0303>\\n')\n";
  std::ofstream(dir.str() + "/make.py") << py;
  REQUIRE(std::system(("python3 " + dir.str() + "/make.py " + xml).c_str()) == 0);
  const auto size = std::filesystem::file_size(xml);
  INFO("export size " << size);
  REQUIRE(size < (std::size_t{2} << 20));

  const std::string out = dir.str() + "/out.txt";
  const Child c = run_lotse({"check", xml, "--lang", "en"}, out);
  const std::string text = slurp(out);
  INFO(text);
  CHECK(c.code == 65);
  CHECK(text.find("XPR-014") != std::string::npos);
  CHECK(text.find("200-fold") != std::string::npos);
  INFO("peak RSS " << c.max_rss_kb / 1024 << " MB, " << c.seconds << " s");
  CHECK(c.max_rss_kb > 0);
  CHECK(c.max_rss_kb < max_rss_kb);
}
