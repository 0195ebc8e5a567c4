#!/usr/bin/env bash
# Long fuzz run of every libFuzzer harness in fuzz/ (docs/fuzzing.md).
#   tools/fuzz.sh [SECONDS_PER_HARNESS] [HARNESS...]     default: 300 s, all harnesses
# Builds build-fuzz/ with clang, ASan+UBSan and -fsanitize=fuzzer (-O1 -gline-tables-only as OSS-Fuzz: faster than the
# Debug sanitizer tree of CI), runs two harnesses at a time on their seeds plus all earlier finds
# (build-fuzz/fuzz/finds/<harness>, kept between runs), with a 2 s limit per input, and prints one line
# per harness: executions, exec/s, coverage, corpus growth, crashes, leaks, slow inputs (> 2 s), peak RSS.
# Crash files land in build-fuzz/fuzz/artifacts/<harness>/: copy each to tests/fuzz/regressions/<harness>/.
# Environment: JOBS (parallel harnesses, default 2), BUILD (build folder, default build-fuzz), RUNS (stop a harness
# after this many executions, default: only the time limit), MAX_LEN (largest mutated input, default 65536 bytes),
# CCACHE=1 (compile through ccache), TIMEOUT (libFuzzer's -timeout in wall-clock seconds, default 2: raise it on a
# loaded machine, where a starved process looks slow; every input over 2 s, slow or timed out, is timed again alone
# afterwards, and only those still over 2 s then count as slow).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift || true
build=${BUILD:-build-fuzz}
jobs=${JOBS:-2}
all=(bpmn picture_bpmn picture xprozess xprozess_zip block_table tables_override prosimos analyze)
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=("${all[@]}")

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ missing: apt-get install clang libclang-rt-14-dev" >&2; exit 2; }
cmake -S . -B "$build" ${CCACHE:+-DCMAKE_CXX_COMPILER_LAUNCHER=ccache} -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" -DCMAKE_CXX_COMPILER=clang++ \
  -DLOTSE_SANITIZE=address,undefined -DLOTSE_FUZZ=ON -DLOTSE_BUILD_BENCH=OFF -DLOTSE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$jobs" --target "${harnesses[@]/#/fuzz_}"

logs="$build/fuzz/logs"
mkdir -p "$logs"
run_one() {
  local name=$1 dirs=("$build/fuzz/finds/$name" "$build/fuzz/seeds/$name")
  [ -d "tests/fuzz/regressions/$name" ] && dirs+=("tests/fuzz/regressions/$name")
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/bin/fuzz_$name" -max_total_time="$seconds" -timeout="${TIMEOUT:-2}" -rss_limit_mb=2048 -max_len="${MAX_LEN:-65536}" ${RUNS:+-runs=$RUNS} \
    -dict="$build/fuzz/$name.dict" -print_final_stats=1 -report_slow_units=2 \
    -artifact_prefix="$build/fuzz/artifacts/$name/" "${dirs[@]}" >"$logs/$name.log" 2>&1 || true
}
running=0
for name in "${harnesses[@]}"; do
  run_one "$name" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
done
wait

# Inputs reported over 2 s (slow-unit-*, timeout-*) are timed again, alone, after the runs.
retime() {
  local name=$1 n=0 f t
  for f in "$build/fuzz/artifacts/$name"/slow-unit-* "$build/fuzz/artifacts/$name"/timeout-*; do
    [ -e "$f" ] || continue
    t=$( { /usr/bin/time -f %e env ASAN_OPTIONS=detect_leaks=1 "$build/bin/fuzz_$name" -timeout=30 "$f" >/dev/null 2>/dev/null; } 2>&1 | tail -1)
    awk -v t="$t" 'BEGIN { exit !(t > 2.0) }' && n=$((n + 1))
  done
  echo "$n"
}
stat() { grep -o "^stat::$2: *[0-9.]*" "$1" | awk '{print $2}' | tail -1; }
printf '%-16s %12s %8s %8s %10s %8s %6s %6s %8s\n' harness executions exec/s cov "corpus+" crashes leaks slow rss_mb
status=0
for name in "${harnesses[@]}"; do
  log="$logs/$name.log"
  cov=$(grep -o "cov: [0-9]*" "$log" | tail -1 | awk '{print $2}')
  crashes=$(find "$build/fuzz/artifacts/$name" -name 'crash-*' -o -name 'oom-*' | wc -l)
  leaks=$(find "$build/fuzz/artifacts/$name" -name 'leak-*' | wc -l)
  slow=$(retime "$name")
  printf '%-16s %12s %8s %8s %10s %8s %6s %6s %8s\n' "$name" "$(stat "$log" number_of_executed_units)" \
    "$(stat "$log" average_exec_per_sec)" "${cov:-?}" "$(stat "$log" new_units_added)" "$crashes" "$leaks" "$slow" \
    "$(stat "$log" peak_rss_mb)"
  [ "$crashes" -eq 0 ] && [ "$leaks" -eq 0 ] && [ "$slow" -eq 0 ] || status=1
done
echo "logs: $logs/, crash files: $build/fuzz/artifacts/" >&2
exit $status
