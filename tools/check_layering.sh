#!/usr/bin/env bash
# Fails when an include points up the layers: cli -> reports -> analysis -> engine <- importers.
set -euo pipefail
root=${1:-$(dirname "$0")/..}
cd "$root"
status=0
check() { # layer forbidden...
  local layer=$1; shift
  for forbidden in "$@"; do
    if hits=$(grep -rnE "#include \"${forbidden}/" "$layer" --include='*.h' --include='*.cpp' --include='*.def' 2>/dev/null); then
      echo "layering violation: $layer includes $forbidden:"; echo "$hits"; status=1
    fi
  done
}
check engine importers analysis reports cli
check importers analysis reports cli
check analysis importers reports cli
check reports importers cli
exit $status
