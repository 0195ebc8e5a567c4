#!/bin/sh
# SPDX-License-Identifier: MIT
# Wall time (including process start) and peak RSS of `lotse simulate` on the shared benchmark models,
# next to the BIMP and Prosimos figures measured on the same kind of 2-core machine and quoted from
# shared/bench-models/README.md (neither peer can be run here). Prints a Markdown table.
# Usage: bench/sim_compare.sh BUILD_DIR [SHARED_DIR]
set -eu
build=${1:?usage: sim_compare.sh BUILD_DIR [SHARED_DIR]}
shared=${2:-$(dirname "$0")/../../shared}
lotse="$build/bin/lotse"
models="$shared/bench-models"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run NAME CASES -> "wall_s rss_mb cycle_s cpu_s"
# Wall time from date +%s%N around the process, the best of RUNS (default 5) runs: the least disturbed by
# other processes of the machine; RSS from /usr/bin/time (GNU time).
runs=${RUNS:-5}
run() {
  best=
  i=0
  while [ "$i" -lt "$runs" ]; do
    t0=$(date +%s%N)
    "$lotse" simulate "$models/$1.bpmn" --cases "$2" --replications 1 --threads 1 --seed 1 --format json \
      --quiet > "$tmp/out.json"
    t1=$(date +%s%N)
    d=$((t1 - t0))
    if [ -z "$best" ] || [ "$d" -lt "$best" ]; then best=$d; fi
    i=$((i + 1))
  done
  t0=0
  t1=$best
  /usr/bin/time -f "%M %U %S" -o "$tmp/rss" "$lotse" simulate "$models/$1.bpmn" --cases "$2" --replications 1 \
    --threads 1 --seed 1 --format json --quiet > /dev/null
  cycle=$(sed -n 's/^ *"mean": \([0-9.]*\),*$/\1/p' "$tmp/out.json" | head -n 1)
  read -r rss user sys < "$tmp/rss"
  echo "$(awk "BEGIN{printf \"%.3f\", ($t1-$t0)/1e9}") $(awk "BEGIN{printf \"%.1f\", $rss/1024}") $cycle $(awk "BEGIN{printf \"%.2f\", $user+$sys}")"
}

bimp_wall() { case $1 in mm1) echo 1.14;; permit) echo 1.84;; chain50) echo 6.54;; *) echo "";; esac; }
bimp_rss() { case $1 in mm1) echo 219;; permit) echo 416;; chain50) echo 1450;; *) echo "";; esac; }

echo "| model, 100,000 cases | lotse wall (incl. start, best of $runs) | lotse CPU (user+sys) | lotse max RSS | lotse cycle time | BIMP wall | BIMP RSS | BIMP wall / lotse wall |"
echo "|---|---|---|---|---|---|---|---|"
for m in mm1 mm3 permit chain50; do
  set -- $(run "$m" 100000)
  bw=$(bimp_wall "$m")
  if [ -n "$bw" ]; then
    speed=$(awk "BEGIN{w=$1; if (w<0.01) w=0.01; printf \"%.0fx\", $bw/w}")
    echo "| $m | $1 s | $4 s | $2 MB | $3 s | $bw s | $(bimp_rss "$m") MB | $speed |"
  else
    echo "| $m | $1 s | $4 s | $2 MB | $3 s | - | - | - |"
  fi
done
echo
echo "| model | cases | lotse wall | lotse CPU | lotse max RSS |"
echo "|---|---|---|---|---|"
for n in 100000 1000000; do
  set -- $(run permit "$n")
  echo "| permit | $n | $1 s | $4 s | $2 MB |"
done
