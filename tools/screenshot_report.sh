#!/bin/sh
# SPDX-License-Identifier: MIT
# Renders the HTML report of samples in headless Chromium at 1280 px width: a PNG screenshot per
# sample to look at, and a check that neither the page nor a picture or table box inside it scrolls
# horizontally (scrollWidth <= 1280;
# measured in a temporary copy of the report with a one-line script added, the report itself has none).
# Usage: tools/screenshot_report.sh LOTSE_BINARY SOURCE_DIR OUT_DIR [--check]
# Exit 1 when a page is wider than the window, 2 when Chromium is missing (CI installs it).
set -eu
lotse=$1 src=$2 out=$3 check=${4:-}
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then echo "chromium not found (apt-get install chromium)" >&2; exit 2; fi
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --user-data-dir=$profile --hide-scrollbars"
status=0
for sample in hundesteuer.bpmn gewerbe-anmelden.picture.xml bausteintabelle-hundesteuer-abmeldung.csv; do
  stem=${sample%.*}
  "$lotse" analyze "$src/samples/$sample" --format html -o "$out" -q
  html="$out/$stem.html"
  if [ -z "$check" ]; then
    timeout 120 "$chromium" $flags --window-size=1280,2600 --screenshot="$out/$stem.png" "file://$html" 2>/dev/null
    echo "screenshot: $out/$stem.png"
  fi
  probe="$out/$stem.probe.html"
  # The page width, or 9999 when a picture or table box scrolls inside itself (a hidden right half).
  sed 's|</body>|<script>var w=document.documentElement.scrollWidth;document.querySelectorAll(".diagram-box,.table-box").forEach(function(b){if(b.scrollWidth>b.clientWidth+1)w=9999});document.body.setAttribute("data-scroll-width",String(w))</script></body>|' "$html" > "$probe"
  width=$(timeout 120 "$chromium" $flags --window-size=1280,900 --dump-dom "file://$probe" 2>/dev/null |
          sed -n 's/.*data-scroll-width="\([0-9]*\)".*/\1/p' | head -n 1)
  rm -f "$probe"
  if [ -z "$width" ]; then echo "FAIL: $sample: no measurement" >&2; status=1; continue; fi
  if [ "$width" -gt 1280 ]; then echo "FAIL: $sample: page is $width px wide at a 1280 px window" >&2; status=1
  else echo "ok: $sample: page width $width px at a 1280 px window"; fi
done
exit $status
