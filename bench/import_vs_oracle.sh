#!/bin/sh
# Import throughput of Prozesslotse vs. the reference parser bpmn-moddle, in the same run on the same
# machine: bench/import_bench over shared/corpus and the oracle (copied to a temp dir, `npm ci`,
# `node oracle.mjs <corpus> --repeat 3`) in turns, twice each; prints both best figures and their ratio.
# usage: bench/import_vs_oracle.sh [build-dir]    (needs Node 20 + npm; the oracle's packages come
#        from the npm registry via `npm ci`, pinned by its package-lock.json)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build}
shared=${LOTSE_SHARED_DIR:-$root/../shared}
corpus=${LOTSE_CORPUS_DIR:-$shared/corpus}
bench="$build/bin/import_bench"
[ -x "$bench" ] || { echo "missing $bench (build target import_bench)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# The build machine is a shared VM whose speed drifts by up to a third within minutes, so the two
# tools take turns, twice each, and each keeps its best round (every round itself is the sum over
# files of the fastest of 3 runs).
cp "$shared/tools/oracle/package.json" "$shared/tools/oracle/package-lock.json" "$shared/tools/oracle/oracle.mjs" "$tmp/"
(cd "$tmp" && npm ci --silent --no-audit --no-fund >/dev/null)
ours=0
theirs=0
for round in 1 2; do
  echo "== round $round: Prozesslotse ($bench)"
  "$bench" "$corpus" | tee "$tmp/ours.txt"
  o=$(sed -n 's/^mb_per_s=//p' "$tmp/ours.txt")
  echo "== round $round: bpmn-moddle (reference parser, $shared/tools/oracle)"
  (cd "$tmp" && node oracle.mjs "$corpus" --repeat 3 --out "$tmp/x.json")
  t=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).summary.mb_per_s)' "$tmp/x.json")
  ours=$(awk -v a="$ours" -v b="$o" 'BEGIN { print (b > a ? b : a) }')
  theirs=$(awk -v a="$theirs" -v b="$t" 'BEGIN { print (b > a ? b : a) }')
done

echo "== result (best round of each)"
echo "Prozesslotse: $ours MB/s   bpmn-moddle: $theirs MB/s"
awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "ratio: %.1fx\n", a / b }'
