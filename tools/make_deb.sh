#!/usr/bin/env bash
# Builds the .deb with CPack in BUILD_DIR and checks it: files under /usr/bin and /usr/share/lotse,
# Depends filled from the Debian packages of the linked libraries (dpkg-shlibdeps), and the unpacked
# binary finds its data next to itself and gives the build tree's JSON for the sample.
# usage: tools/make_deb.sh BUILD_DIR [SAMPLE.bpmn]
set -euo pipefail
build=$(cd "$1" && pwd)
sample=${2:-}
fail() { echo "FAIL: $*" >&2; exit 1; }
out=$(mktemp -d "${TMPDIR:-/tmp}/lotse-deb.XXXXXX")
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
deb=$(ls "$out"/*.deb)
echo "package: $(basename "$deb")"
contents=$(dpkg-deb --contents "$deb")
for f in ./usr/bin/lotse ./usr/lib/lotse/liblotse_render.so ./usr/share/lotse/VERSION ./usr/share/lotse/massnahmen.json ./usr/share/lotse/README.md; do
  grep -q " $f\$" <<<"$contents" || fail "$f not in the package"
done
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libc6 libfmt libpugixml libzip librsvg2 libcairo2 libxlsxwriter; do grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib"; done
dpkg-deb -x "$deb" "$out/root"
unset LOTSE_DATA_DIR
"$out/root/usr/bin/lotse" --version | grep -q "($out/root/usr/share/lotse, next to the program)" || fail "unpacked binary does not find its data"
if [ -n "$sample" ]; then
  cp "$sample" "$out/model.bpmn"
  cd "$out"
  "$build/bin/lotse" analyze model.bpmn --format json -o - -q > build.json
  "$out/root/usr/bin/lotse" analyze model.bpmn --format json -o - -q > deb.json
  cmp build.json deb.json || fail "packaged binary gives other JSON"
fi
if [ -n "${LOTSE_DEB_KEEP:-}" ]; then cp "$deb" "$LOTSE_DEB_KEEP/"; fi
echo "deb ok"
