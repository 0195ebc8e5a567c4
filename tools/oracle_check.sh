#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the reference BPMN parser (bpmn-moddle, the parser of bpmn.io / Camunda Modeler) on BPMN files
# and prints per file: ok, warnings and the first warning texts. Exit 0 when every file parses with
# no error and no warning, 1 otherwise, 2 when node/npm are unavailable.
#
# usage: tools/oracle_check.sh [--build DIR] FILE.bpmn...
#   --build DIR   build tree that keeps the oracle and its node_modules (default: build)
# The oracle is copied from ../shared/tools/oracle (override with LOTSE_SHARED_DIR) into DIR/oracle once,
# `npm ci` runs there when node_modules is missing.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
build="$here/build"
if [[ "${1:-}" == "--build" ]]; then build="$2"; shift 2; fi
if [[ $# -eq 0 ]]; then
  sed -n '3,10p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
shared="${LOTSE_SHARED_DIR:-$here/../shared}"
command -v node > /dev/null || { echo "oracle_check: node not found" >&2; exit 2; }

oracle="$build/oracle"
if [[ ! -f "$oracle/oracle.mjs" ]]; then
  mkdir -p "$oracle"
  cp "$shared/tools/oracle/oracle.mjs" "$shared/tools/oracle/package.json" "$shared/tools/oracle/package-lock.json" "$oracle/"
fi
if [[ ! -d "$oracle/node_modules/bpmn-moddle" ]]; then
  (cd "$oracle" && npm ci --no-audit --no-fund > npm.log 2>&1) || { echo "oracle_check: npm ci failed, see $oracle/npm.log" >&2; exit 2; }
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bpmn"
i=0
for f in "$@"; do
  i=$((i + 1))
  cp "$f" "$work/bpmn/$(printf '%03d' "$i")_$(basename "$f")"
done
node "$oracle/oracle.mjs" "$work" --repeat 1 --out "$work/oracle.json" 2> /dev/null
node -e '
const r = require(process.argv[1]);
let bad = 0;
for (const f of r.files) {
  const clean = f.ok && f.warnings === 0;
  if (!clean) bad++;
  console.log(`${clean ? "ok  " : "FAIL"} ${f.file.replace(/^bpmn\/\d+_/, "")}: ok=${f.ok} warnings=${f.warnings}` +
              (f.error ? ` error=${f.error}` : "") + (f.warning_samples && f.warning_samples.length ? `\n     ${f.warning_samples.join("\n     ")}` : ""));
}
process.exit(bad ? 1 : 0);
' "$work/oracle.json"
