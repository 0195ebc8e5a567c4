#!/usr/bin/env bash
# Installs the build to a temporary prefix and runs the installed `lotse` with the source and build
# trees out of reach (cd to a temp folder, LOTSE_DATA_DIR unset, the prefix moved once to prove it is
# relocatable): its JSON for the sample must be byte-identical to the build tree's; with LOTSE_DATA_DIR
# pointing to an empty folder it must exit 2 and name the missing table.
# usage: tools/test_install.sh BUILD_DIR SAMPLE.bpmn
set -euo pipefail
build=$(cd "$1" && pwd)
sample=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/lotse-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
unset LOTSE_DATA_DIR
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" >/dev/null
expected_files=$(printf '%s\n' bin/lotse lib/lotse/liblotse_render.so share/lotse/README.md share/lotse/VERSION \
  share/lotse/buerger_zeitwerte_2025.json share/lotse/massnahmen.json share/lotse/medienbruch_lexikon.json \
  share/lotse/nutzungsquoten.json \
  share/lotse/stba_lohnkosten_2025.json share/lotse/stba_zeitwerte_verwaltung_2025.json \
  share/lotse/zeitwert_zuordnung.json)
actual_files=$(cd "$work/prefix" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
[ "$actual_files" = "$(echo "$expected_files" | LC_ALL=C sort)" ] || fail "installed files differ:
$actual_files"

cp "$sample" "$work/model.bpmn"
cd "$work"
"$build/bin/lotse" analyze model.bpmn --format json -o - -q > build.json
mv "$work/prefix" "$work/moved"
"$work/moved/bin/lotse" analyze model.bpmn --format json -o - -q > installed.json
cmp build.json installed.json || fail "installed JSON differs from the build tree's"
[ -s installed.json ] || fail "no JSON"
"$work/moved/bin/lotse" --version > version.txt
grep -q "($work/moved/share/lotse, next to the program)" version.txt || fail "data not found next to the program: $(cat version.txt)"

# The rendering module is found relative to the moved binary: PDF and XLSX work without the build tree.
LOTSE_RENDER_MODULE= "$work/moved/bin/lotse" analyze model.bpmn --format pdf,xlsx -o "$work/printed" -q \
  || fail "PDF/XLSX from the installed binary failed"
[ "$(head -c 5 "$work/printed/model.pdf")" = "%PDF-" ] || fail "installed binary wrote no PDF"
[ -s "$work/printed/model.xlsx" ] || fail "installed binary wrote no XLSX"

mkdir empty
set +e
LOTSE_DATA_DIR="$work/empty" "$work/moved/bin/lotse" analyze model.bpmn --format json -o - > empty.out 2> empty.err
rc=$?
set -e
[ "$rc" = 2 ] || fail "exit code $rc with an empty LOTSE_DATA_DIR (expected 2)"
[ ! -s empty.out ] || fail "output written without a data set"
grep -q "Datensatz unvollständig: 'stba_zeitwerte_verwaltung_2025.json" empty.err || fail "missing table not named: $(cat empty.err)"
echo "install tree ok: $(wc -c < installed.json) bytes of JSON identical, empty data folder -> exit 2"
