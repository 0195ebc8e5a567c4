#!/usr/bin/env bash
# Prozesslotse set-up in one command (README "Quick start").
#   scripts/quickstart.sh          install what is missing, build, analyse a bundled sample
#   scripts/quickstart.sh --test   the same, then run every test (also under ASan+UBSan, built with clang
#                                  together with the libFuzzer harnesses, each fuzzed for 20 s: docs/fuzzing.md)
# Needs Debian 12; installs packages with apt-get when run as root (or via sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
mode=${1:-demo}

packages=(g++ cmake make libboost-graph-dev libpugixml-dev libeigen3-dev libspdlog-dev catch2 libfmt-dev
          nlohmann-json3-dev libcli11-dev libzip-dev zlib1g-dev pkg-config libboost1.74-dev
          libhowardhinnant-date-dev tzdata libutf8proc-dev libxlsxwriter-dev librsvg2-dev libcairo2-dev libpango1.0-dev)
[ "$mode" = "--test" ] && packages+=(nodejs npm clang libclang-rt-14-dev python3-jsonschema chromium
                                     poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui
                                     python3-docx python3-openpyxl python3-pdfminer
                                     libxml2-utils dpkg-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs may come from elsewhere (e.g. a newer install): accept a working node/npm on PATH.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<< "${missing[*]:-}"
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing: ${missing[*]}" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

jobs=$(nproc 2>/dev/null || echo 2)
echo "== building build/ (bin/lotse)" >&2
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DLOTSE_WERROR=ON >/dev/null
cmake --build build -j"$jobs"

echo "== lotse analyze samples/gewerbeanmeldung.bpmn" >&2
if build/bin/lotse analyze --help >/dev/null 2>&1; then
  build/bin/lotse analyze samples/gewerbeanmeldung.bpmn -o - --format md
else
  build/bin/lotse stats samples/*.bpmn
fi

[ "$mode" = "--test" ] || exit 0

echo "== tests (build/)" >&2
(cd build && ctest --output-on-failure -j"$jobs")

# One sanitizer tree serves two purposes: every test under ASan+UBSan, and the libFuzzer harnesses
# (fuzz/, LOTSE_FUZZ=ON: libraries instrumented with -fsanitize=fuzzer-no-link), each run for
# LOTSE_FUZZ_SECONDS (20) on its seeds as a CTest test labelled `fuzz`. clang is needed for libFuzzer.
echo "== tests under AddressSanitizer + UBSan, clang, with the fuzz harnesses (build-asan/)" >&2
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ -DLOTSE_SANITIZE=address,undefined \
  -DLOTSE_FUZZ=ON -DLOTSE_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$root/tools/lsan.supp:print_suppressions=0" UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j"$jobs")
