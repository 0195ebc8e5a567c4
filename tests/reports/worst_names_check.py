#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The worst names through every writer (issues #16.5 and #13.2): models whose names hold C0 controls
# (raw and as "&#1;"), noncharacters (raw U+FFFE, "&#xFFFF;", U+FDD0), a bidi override (U+202E), "]]>",
# "<script>", a formula start ("=HYPERLINK(...)", "@SUM", "+1", "-1") and, in a UTF-16 file, a lone
# surrogate. Every output is read back by a strict reader:
#  - BPMN (convert) and XES (simulate --log) by expat (xml.dom.minidom), which refuses any character
#    XML 1.0 forbids; so is every .xml/.rels part of the DOCX and XLSX packages;
#  - JSON by json.loads; the names arrive with U+FFFD where the forbidden characters were;
#  - HTML: no raw "<script>" and no forbidden character; Markdown: no raw control character;
#  - CSV (report tables, event log) and XLSX (openpyxl): no text cell starts a formula;
#  - the terminal text of simulate, stats and check: no raw ESC/BEL and no raw U+202E.
# Usage: worst_names_check.py LOTSE WORKDIR.  A missing python module fails when CI=true, else skips (77).
import csv, io, json, os, shutil, subprocess, sys, zipfile
import xml.dom.minidom

try:
    import openpyxl
except ImportError:
    if os.environ.get("CI") == "true":
        sys.exit("FAIL: python3-openpyxl missing in CI")
    print("SKIP: python3-openpyxl missing"); sys.exit(77)

lotse, work = sys.argv[1], sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
failures = []

def check(cond, msg):
    if not cond:
        failures.append(msg)

FORMULA = ("=", "+", "-", "@", "\t", "\r")
BAD = {chr(c) for c in range(0x20) if c not in (9, 10, 13)} | {"\ufffe", "\uffff", "\ufdd0"}

def has_bad(text):
    return any(ch in BAD for ch in text)

BPMN = """<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <process id="p" name="Worst&#1; n\x07ames \ufdd0">
    <startEvent id="s" name="Start&#xFFFE;"/>
    <task id="t1" name="Brief drucken \ufffe und x&#xFFFF;y versenden"/>
    <task id="t2" name="=HYPERLINK(&quot;http://x&quot;) ]]&gt; &lt;script&gt;alert(1)&lt;/script&gt; \u202eevil"/>
    <task id="t3" name="@SUM(A1) \x1b[31mrot"/>
    <task id="t4" name="+1 -1 Antrag"/>
    <endEvent id="e" name="Ende"/>
    <sequenceFlow id="f1" sourceRef="s" targetRef="t1"/>
    <sequenceFlow id="f2" sourceRef="t1" targetRef="t2"/>
    <sequenceFlow id="f3" sourceRef="t2" targetRef="t3"/>
    <sequenceFlow id="f4" sourceRef="t3" targetRef="t4"/>
    <sequenceFlow id="f5" sourceRef="t4" targetRef="e"/>
  </process>
</definitions>
"""
# A lone high surrogate (D800) inside a name of a UTF-16LE file.
UTF16 = BPMN.replace("Worst&#1; n\x07ames \ufdd0", "Surrogat X").encode("utf-16-le")
UTF16 = b"\xff\xfe" + UTF16.replace("X".encode("utf-16-le"), b"\x00\xd8", 1)
CSV = ("Prozess;Abmeldung \x01 \ufffe\n"
       "Fallzahl pro Jahr;250\n"
       "Teilprozess;Variante;Anteil der Variante in %;Baustein;Bezeichnung;Stelle;Bearbeitungszeit (min);"
       "Wahrscheinlichkeit in %;Eingangskanal;Ausgangskanal;IT-Verfahren\n"
       "Bearbeiten;Post;100;Dokument/Information entgegennehmen;=cmd|' /C calc'!A0 \x02;Poststelle;2;100;Post;;\n"
       "Bearbeiten;Post;100;Formelle Prüfung;Prüfen \u202e\x1b[2J;Sachbearbeitung;5;100;;;\n")

inputs = {"worst.bpmn": BPMN.encode("utf-8"), "utf16.bpmn": UTF16, "tabelle.csv": CSV.encode("utf-8")}
for name, data in inputs.items():
    with open(os.path.join(work, name), "wb") as f:
        f.write(data)

def run(args):
    r = subprocess.run([lotse] + args, capture_output=True, timeout=300)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")

def strict_xml(data, what):
    try:
        xml.dom.minidom.parseString(data)
    except Exception as e:  # expat: "not well-formed (invalid token)" for a forbidden character
        failures.append(f"{what}: not well-formed XML: {e}")

def terminal_clean(text, what):
    check("\x1b" not in text and "\x07" not in text and "\u202e" not in text, f"{what}: raw control in terminal text")

def formula_free_csv(path, sep, what):
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.reader(f, delimiter=sep):
            for cell in row:
                if cell[:1] in FORMULA:
                    # numbers (a negative figure) are the only cells allowed to start with '-'
                    try:
                        float(cell.replace(".", "").replace(",", "."))
                    except ValueError:
                        failures.append(f"{what}: cell starts a formula: {cell[:40]!r}")

def check_input(name):
    stem = os.path.splitext(name)[0]
    path = os.path.join(work, name)
    out = os.path.join(work, "out-" + stem)
    code, so, se = run(["analyze", path, "--format", "md,html,json,csv,docx,xlsx", "-o", out])
    check(code in (0, 1), f"{name}: analyze exit {code}: {se}")
    terminal_clean(so + se, f"{name}: analyze")
    if name != "utf16.bpmn":
        check("IN-009" in so + se, f"{name}: no IN-009 diagnostic: {se}")
    with open(os.path.join(out, stem + ".json"), encoding="utf-8") as f:
        doc = json.load(f)
    text = json.dumps(doc, ensure_ascii=False)
    check(not has_bad(text), f"{name}: JSON holds a forbidden character")
    check("\ufffd" in text, f"{name}: JSON lacks the U+FFFD replacement")
    with open(os.path.join(out, stem + ".html"), encoding="utf-8") as f:
        html = f.read()
    check("<script>alert" not in html, f"{name}: raw <script> in HTML")
    check(not has_bad(html), f"{name}: HTML holds a forbidden character")
    with open(os.path.join(out, stem + ".md"), encoding="utf-8") as f:
        check(not has_bad(f.read()), f"{name}: Markdown holds a forbidden character")
    formula_free_csv(os.path.join(out, stem + ".csv"), ",", f"{name}: report CSV")
    for pkg in ("docx", "xlsx"):
        with zipfile.ZipFile(os.path.join(out, f"{stem}.{pkg}")) as z:
            for part in z.namelist():
                if part.endswith(".xml") or part.endswith(".rels"):
                    strict_xml(z.read(part), f"{name}: {pkg}:{part}")
    wb = openpyxl.load_workbook(os.path.join(out, stem + ".xlsx"))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    check(str(c.value).startswith("=SUM("), f"{name}: xlsx {ws.title}!{c.coordinate} is a formula {c.value!r}")
    bpmn_out = os.path.join(work, stem + "-convert.bpmn")
    code, so, se = run(["convert", path, "-o", bpmn_out])
    check(code == 0, f"{name}: convert exit {code}: {se}")
    with open(bpmn_out, "rb") as f:
        strict_xml(f.read(), f"{name}: convert")
    for ext in ("xes", "csv"):
        log = os.path.join(work, f"{stem}-log.{ext}")
        code, so, se = run(["simulate", path, "--cases", "20", "--cases-per-year", "1000", "--log", log])
        check(code == 0, f"{name}: simulate --log {ext} exit {code}: {se}")
        terminal_clean(so + se, f"{name}: simulate")
        if ext == "xes":
            with open(log, "rb") as f:
                strict_xml(f.read(), f"{name}: XES")
        else:
            formula_free_csv(log, ",", f"{name}: event log CSV")
    for cmd in (["stats", path], ["check", path]):
        code, so, se = run(cmd)
        terminal_clean(so + se, f"{name}: {cmd[0]}")

for name in inputs:
    try:
        check_input(name)
    except Exception as e:  # a missing or unreadable output
        failures.append(f"{name}: {type(e).__name__}: {e}")

for f in failures:
    print("FAIL:", f)
print(f"{len(inputs)} inputs, {len(failures)} failures")
sys.exit(1 if failures else 0)
