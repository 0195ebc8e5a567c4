// SPDX-License-Identifier: MIT
// The ZIP bomb of issue #16 through the real `lotse` process: an XProzess export of 0.8 MB whose
// embedded ZIP expands to 600 MB of zeros. Before the limits it took 1 GB of memory; now the entry is
// refused at 200-fold expansion (XPR-014, exit 65) and the whole process stays under 300 MB.
#include "tests/support/paths.h"
#include "tests/support/spawn_run.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>


#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

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
  const auto c = lotse::test::spawn_and_wait(lotse::test::binary_dir() + "/bin/lotse", {"check", xml, "--lang", "en"}, out);
  const std::string text = slurp(out);
  INFO(text);
  CHECK(c.code == 65);
  CHECK(text.find("XPR-014") != std::string::npos);
  CHECK(text.find("200-fold") != std::string::npos);
  INFO("peak RSS " << c.max_rss_kb / 1024 << " MB");
  CHECK(c.max_rss_kb > 0);
  CHECK(c.max_rss_kb < max_rss_kb);
}
