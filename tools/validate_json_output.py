#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Validates real JSON output of `lotse analyze`, `lotse stats`, `lotse simulate`, `lotse agenda` and `lotse compare`
for every sample (and sample town) against docs/schema/{analyze,stats,simulate,agenda,compare}.schema.json (JSON Schema draft 2020-12, python3-jsonschema from Debian).

Checks: each sample alone (de and en), all samples together to standard output as ONE JSON document
({schema_version, files}), JSON Lines (one valid object per line), a batch with a broken file (the
others still come out, the document stays valid), and that the validator rejects a document with a
required key removed (so that this test can fail).

Usage: validate_json_output.py LOTSE_BINARY SOURCE_DIR
"""
import copy
import glob
import json
import os
import subprocess
import sys

import jsonschema


def run(lotse, args, ok_codes=(0,)):
    p = subprocess.run([lotse] + args, capture_output=True, text=True, timeout=300)
    if p.returncode not in ok_codes:
        sys.exit(f"FAIL: lotse {' '.join(args)} exited {p.returncode}\n{p.stderr}")
    return p.stdout


def validator(path):
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def check(v, doc, what):
    errors = sorted(v.iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        sys.exit(f"FAIL: {what}: {e.message} at {'/'.join(map(str, e.path))}")


def main():
    lotse, src = sys.argv[1], sys.argv[2]
    samples = sorted(p for p in glob.glob(os.path.join(src, "samples", "*"))
                     if p.endswith((".bpmn", ".xml", ".csv")))
    if len(samples) < 5:
        sys.exit(f"FAIL: expected the samples in {src}/samples, found {len(samples)}")
    analyze = validator(os.path.join(src, "docs/schema/analyze.schema.json"))
    stats = validator(os.path.join(src, "docs/schema/stats.schema.json"))
    simulate = validator(os.path.join(src, "docs/schema/simulate.schema.json"))
    checked = 0

    for s in samples:
        for lang in ("de", "en"):
            doc = json.loads(run(lotse, ["analyze", s, "--format", "json", "-o", "-", "--lang", lang], (0, 1)))
            check(analyze, doc, f"analyze {s} --lang {lang}")
            assert doc["schema_version"].startswith("1."), doc["schema_version"]
            checked += 1

    # Several files: one JSON value with all files.
    doc = json.loads(run(lotse, ["analyze", *samples, "--format", "json", "-o", "-"], (0, 1)))
    check(analyze, doc, "analyze, all samples")
    if sorted(doc) != ["files", "schema_version"] or len(doc["files"]) != len(samples):
        sys.exit(f"FAIL: expected {{schema_version, files}} with {len(samples)} files, got keys {sorted(doc)}")
    checked += 1

    # JSON Lines: one object per line.
    lines = run(lotse, ["analyze", *samples, "--format", "jsonl", "-o", "-"], (0, 1)).splitlines()
    if len(lines) != len(samples):
        sys.exit(f"FAIL: jsonl gave {len(lines)} lines for {len(samples)} files")
    for line in lines:
        check(analyze, json.loads(line), "analyze jsonl line")
        checked += 1

    # A broken file in the batch: the others still come out as one valid document.
    doc = json.loads(run(lotse, ["analyze", samples[0], "/nonexistent/kaputt.bpmn", samples[1], "--format", "json",
                                 "-o", "-", "-q"], (65,)))
    check(analyze, doc, "analyze with a broken file")
    if len(doc["files"]) != 2:
        sys.exit(f"FAIL: a broken file should leave 2 reports, got {len(doc['files'])}")

    # Ist/Soll comparison (--soll): the Hundesteuer pair in both languages, with --lead-time and as JSON
    # Lines, and every sample compared with itself.
    ist, soll = os.path.join(src, "samples", "hundesteuer.bpmn"), os.path.join(src, "samples", "hundesteuer-digital.bpmn")
    for extra in (["--format", "json", "--lang", "de"], ["--format", "json", "--lang", "en"],
                  ["--format", "json", "--lead-time"], ["--format", "jsonl"]):
        args = ["analyze", ist, "--soll", soll, "-o", "-"] + extra
        doc = json.loads(run(lotse, args, (0, 1)))
        check(analyze, doc, f"analyze --soll {' '.join(extra)}")
        if sorted(doc) != ["comparison", "schema_version"]:
            sys.exit(f"FAIL: analyze --soll gave keys {sorted(doc)}")
        if ("--lead-time" in extra) == (doc["comparison"]["lead_time_days"] is None):
            sys.exit("FAIL: analyze --soll: lead_time_days must be set exactly with --lead-time")
        checked += 1
    for s in samples:
        doc = json.loads(run(lotse, ["analyze", s, "--soll", s, "--format", "json", "-o", "-"], (0, 1)))
        check(analyze, doc, f"analyze {s} --soll {s}")
        if doc["comparison"]["hours_per_year"]["delta"] != 0 or doc["comparison"]["media_breaks"]["removed"]:
            sys.exit(f"FAIL: {s} compared with itself shows a difference")
        checked += 1
    broken = copy.deepcopy(doc)
    del broken["comparison"]["by_role"]
    if analyze.is_valid(broken):
        sys.exit("FAIL: the analyze schema accepts a comparison without by_role")

    # simulate: every sample, German and English; a model that cannot be simulated still gives a document.
    for s in samples:
        for lang in ("de", "en"):
            doc = json.loads(run(lotse, ["simulate", s, "--cases", "200", "--seed", "1", "--format", "json",
                                         "--lang", lang], (0, 1)))
            check(simulate, doc, f"simulate {s} --lang {lang}")
            if doc["ok"] and any(r["eur_per_hour"] != r["cost_per_hour"] for r in doc["resources"]):
                sys.exit(f"FAIL: simulate {s}: deprecated cost_per_hour differs from eur_per_hour")
            checked += 1

    # stats: one document, and JSON Lines.
    doc = json.loads(run(lotse, ["stats", *samples, "/nonexistent/kaputt.bpmn", "--format", "json"], (65,)))
    check(stats, doc, "stats, all samples")
    if len(doc["files"]) != len(samples) + 1 or doc["files"][-1]["ok"] is not False:
        sys.exit("FAIL: stats should list every file, the broken one with ok=false")
    for line in run(lotse, ["stats", *samples, "--format", "jsonl"], (0, 1)).splitlines():
        check(stats, json.loads(line), "stats jsonl line")
        checked += 1

    # agenda and compare (issue #11): every sample town, German and English; all towns together.
    agenda = validator(os.path.join(src, "docs/schema/agenda.schema.json"))
    compare = validator(os.path.join(src, "docs/schema/compare.schema.json"))
    towns = sorted(glob.glob(os.path.join(src, "samples", "gemeinden", "*", "")))
    if len(towns) < 3:
        sys.exit(f"FAIL: expected three sample towns in {src}/samples/gemeinden, found {len(towns)}")
    for t in towns:
        for lang in ("de", "en"):
            doc = json.loads(run(lotse, ["agenda", t, "--format", "json", "-o", "-", "-q", "--lang", lang]))
            check(agenda, doc, f"agenda {t} --lang {lang}")
            checked += 1
    broken = copy.deepcopy(doc)
    del broken["measures"][0]["quarter"]
    if agenda.is_valid(broken):
        sys.exit("FAIL: the agenda schema accepts a measure without quarter")
    for extra in ([], ["--anonym"], ["--service", "hundesteuer"]):
        doc = json.loads(run(lotse, ["compare", *towns, "--format", "json", "-o", "-", "-q"] + extra))
        check(compare, doc, f"compare {' '.join(extra)}")
        checked += 1
    broken = copy.deepcopy(doc)
    broken["towns"][0]["media_break_share"] = 1.5
    if compare.is_valid(broken):
        sys.exit("FAIL: the compare schema accepts a share above 1")

    # The schema is not a pass-everything: a missing required key or a wrong type is rejected.
    one = json.loads(run(lotse, ["analyze", samples[0], "--format", "json", "-o", "-"], (0, 1)))
    broken = copy.deepcopy(one)
    del broken["processes"][0]["hours_per_year"]
    wrong = copy.deepcopy(one)
    wrong["schema_version"] = 1
    for bad, what in ((broken, "without processes[0].hours_per_year"), (wrong, "with a numeric schema_version")):
        if analyze.is_valid(bad):
            sys.exit(f"FAIL: the analyze schema accepts a document {what}")
    print(f"ok: {checked} JSON documents of {len(samples)} samples valid against the schemas")


if __name__ == "__main__":
    main()
