#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Validates the bundled samples (samples/*.bpmn and the sample towns' samples/gemeinden/*/*.bpmn) with the
# reference parser bpmn-moddle 10.3.1 (the parser behind bpmn-js / Camunda Modeler, via
# /work/shared/tools/oracle): every file must parse in lax and strict mode with 0 warnings and carry a diagram. Also checks that the files match tools/make_samples.py and that
# its layout check passes. usage: tools/validate_samples.sh [sample.bpmn ...]
# Environment: ORACLE_DIR (default /tmp/oracle-samples; set up from SHARED_ORACLE with npm ci if missing).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
oracle="${ORACLE_DIR:-/tmp/oracle-samples}"
shared="${SHARED_ORACLE:-/work/shared/tools/oracle}"

if [[ ! -f "$oracle/node_modules/bpmn-moddle/package.json" ]]; then
  [[ -f "$shared/oracle.mjs" ]] || { echo "validate_samples: reference parser not found at $shared" >&2; exit 2; }
  mkdir -p "$oracle"
  cp "$shared/oracle.mjs" "$shared/package.json" "$shared/package-lock.json" "$oracle/"
  (cd "$oracle" && npm ci --no-audit --no-fund >/dev/null)
fi

files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then files=("$repo"/samples/*.bpmn "$repo"/samples/gemeinden/*/*.bpmn); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in/bpmn"
# the sample towns share file names (hundesteuer.bpmn in every town): each town gets its own sub-folder
for f in "${files[@]}"; do
  sub=""
  if [[ "$(basename "$(dirname "$(dirname "$f")")")" == gemeinden ]]; then sub="$(basename "$(dirname "$f")")/"; fi
  mkdir -p "$work/in/bpmn/$sub"
  cp "$f" "$work/in/bpmn/$sub"
done

node "$oracle/oracle.mjs" "$work/in" --repeat 1 --out "$work/ref.json" 2>/dev/null
node - "$work/ref.json" <<'JS'
const ref = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
let bad = 0;
for (const f of ref.files) {
  const problems = [];
  if (!f.ok) problems.push(`error: ${f.error}`);
  if (!f.strict_ok) problems.push(`strict mode: ${f.strict_error}`);
  if (f.warnings) problems.push(`${f.warnings} warning(s): ${f.warning_samples.join(' / ')}`);
  if (f.ok && !(f.di && f.di.present)) problems.push('no diagram (DI)');
  if (problems.length) { bad++; console.log(`FAIL ${f.file}: ${problems.join('; ')}`); }
  else console.log(`ok   ${f.file}: ${f.flow_nodes_total} flow nodes, ${f.sequence_flows} sequence flows, ` +
    `${f.message_flows} message flows, ${f.lanes} lanes, ${f.di.shapes} shapes, ${f.di.edges} edges, ` +
    `simulation ${f.simulation.join(',') || '-'}`);
}
process.exit(bad ? 1 : 0);
JS

if [[ $# -eq 0 ]]; then
  python3 "$repo/tools/make_samples.py" --check
  echo "ok   samples match tools/make_samples.py; layout check passed"
fi
