#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The slide deck read back by real readers (issue #11): lotse_tests "[pptx-files]" writes deck.pptx and
# deck.pdf (the deck of tests/reports/pptx_test.cpp: title slide + 4 slides, one with the process
# picture of samples/hundesteuer.bpmn); then
#  - LibreOffice Impress (headless, own profile, 120 s) converts the PPTX to PDF: one page per slide,
#    16:9 pages; the text is there (title, German numbers); no word lies outside the page or below the
#    footer rule except the footer's own, and no two words overlap (text boxes that overflow would);
#  - the deck's own PDF (rendering module): 960 x 540 pt, the same page count, embedded fonts, the text;
#  - every page of both rendered to PNG at 50 dpi into OUTDIR/png for a look.
# Usage: pptx_check.py LOTSE_TESTS OUTDIR.  A missing tool fails when CI=true, else skips (77).
import os, re, shutil, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from readback import need

for tool in ("soffice", "pdfinfo", "pdffonts", "pdftotext", "pdftoppm"):
    need(shutil.which(tool) is not None, tool)
# Impress is a package of its own (libreoffice-impress-nogui); without it soffice cannot load a .pptx.
need(any(os.path.exists(os.path.join(d, "libsdlo.so")) for d in ("/usr/lib/libreoffice/program", "/opt/libreoffice/program")),
     "LibreOffice Impress (libreoffice-impress-nogui)")

tests, out = sys.argv[1], os.path.abspath(sys.argv[2])
shutil.rmtree(out, ignore_errors=True); os.makedirs(out)
failures = []
def check(cond, msg):
    if not cond:
        failures.append(msg)

r = subprocess.run([tests, "[pptx-files]"], env=dict(os.environ, LOTSE_PPTX_OUT=out), capture_output=True, text=True)
if r.returncode != 0:
    sys.exit(f"FAIL: lotse_tests [pptx-files]: {r.stdout}{r.stderr}")
with open(os.path.join(out, "deck.txt"), encoding="utf-8") as f:
    pages = int(f.readline())
    title = f.readline().strip()

def info(pdf):
    text = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    n = int(re.search(r"^Pages:\s+(\d+)", text, re.M).group(1))
    w, h = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", text, re.M).groups())
    return n, w, h

def words(pdf):
    """(page, xmin, ymin, xmax, ymax, word, page_w, page_h) from pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    result, page, pw, ph = [], 0, 0, 0
    for line in html.splitlines():
        m = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line)
        if m:
            page += 1; pw, ph = float(m.group(1)), float(m.group(2))
            continue
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            result.append((page, *map(float, m.groups()[:4]), m.group(5), pw, ph))
    return result

def layout_checks(pdf, what):
    ws = words(pdf)
    check(ws, f"{what}: no text found")
    footer_text = "Musterstadt · " + title + " " + " ".join(f"{k} / {pages}" for k in range(1, pages + 1))
    footer_words = set(footer_text.split())
    for (p, x0, y0, x1, y1, w, pw, ph) in ws:
        check(x0 >= 0 and y0 >= 0 and x1 <= pw + 0.5 and y1 <= ph + 0.5, f"{what}: page {p}: '{w}' outside the page")
        # The footer rule lies at 502/540 of the height (reports/emit_pptx.cpp); below it only the footer.
        if p > 1 and y1 > ph * 502 / 540 + 1:
            plain = w.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("\u202e", "").replace("\u202c", "")
            check(plain in footer_words or plain in footer_text or plain[::-1] in footer_text or re.fullmatch(r"[\d/]+", plain),
                  f"{what}: page {p}: '{w}' below the footer rule")
    for p in range(1, pages + 1):
        on = [w for w in ws if w[0] == p]
        for i in range(len(on)):
            for j in range(i + 1, len(on)):
                a, b = on[i], on[j]
                ix = min(a[3], b[3]) - max(a[1], b[1]); iy = min(a[4], b[4]) - max(a[2], b[2])
                if ix > 1 and iy > 1:
                    small = min((a[3] - a[1]) * (a[4] - a[2]), (b[3] - b[1]) * (b[4] - b[2]))
                    check(ix * iy < 0.2 * small, f"{what}: page {p}: '{a[5]}' overlaps '{b[5]}'")
    return ws

# 1. LibreOffice Impress: PPTX -> PDF.
lo_out = os.path.join(out, "lo")
profile = f"file:///tmp/lotse-pptx-lo-{os.getpid()}"
t0 = time.monotonic()
try:
    r = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
                        "--outdir", lo_out, os.path.join(out, "deck.pptx")], capture_output=True, text=True, timeout=120)
    converted = r.returncode == 0
except subprocess.TimeoutExpired:
    converted = False
seconds = time.monotonic() - t0
shutil.rmtree(f"/tmp/lotse-pptx-lo-{os.getpid()}", ignore_errors=True)
lo_pdf = os.path.join(lo_out, "deck.pdf")
check(converted and os.path.exists(lo_pdf), f"LibreOffice pptx->pdf failed: {r.stderr if 'r' in dir() else 'timeout'}")
if os.path.exists(lo_pdf):
    n, w, h = info(lo_pdf)
    check(n == pages, f"LibreOffice PDF: {n} pages, want {pages}")
    check(abs(w / h - 16 / 9) < 0.01, f"LibreOffice PDF: page {w} x {h} is not 16:9")
    text = subprocess.run(["pdftotext", lo_pdf, "-"], capture_output=True, text=True).stdout
    for want in ("Werkstatt Digitalisierung", "1.234,5", "31.339", "Kennzahlen", "Arbeitsaufwand je Stelle"):
        check(want in text, f"LibreOffice PDF: '{want}' missing")
    check(re.search(rf"{pages}\s*/\s*{pages}", text), "LibreOffice PDF: last slide number missing")
    layout_checks(lo_pdf, "LibreOffice PDF")
    print(f"LibreOffice: {n} pages, {w:.0f} x {h:.0f} pt, conversion {seconds:.1f} s")

# 2. The deck's own PDF.
own = os.path.join(out, "deck.pdf")
n, w, h = info(own)
check(n == pages, f"slides PDF: {n} pages, want {pages}")
check(abs(w - 960) < 0.5 and abs(h - 540) < 0.5, f"slides PDF: page {w} x {h}, want 960 x 540")
fonts = subprocess.run(["pdffonts", own], capture_output=True, text=True).stdout
check("DejaVu" in fonts, f"slides PDF: no DejaVu font: {fonts}")
text = subprocess.run(["pdftotext", own, "-"], capture_output=True, text=True).stdout
for want in ("Werkstatt Digitalisierung", "1.234,5", "31.339", "Kennzahlen", "Arbeitsaufwand je Stelle"):
    check(want in text, f"slides PDF: '{want}' missing")
check(re.search(rf"{pages}\s*/\s*{pages}", text), "slides PDF: last slide number missing")
layout_checks(own, "slides PDF")
print(f"slides PDF: {n} pages, {w:.0f} x {h:.0f} pt, {os.path.getsize(own)} bytes; PPTX {os.path.getsize(os.path.join(out, 'deck.pptx'))} bytes")

# 3. Pictures to look at.
png = os.path.join(out, "png"); os.makedirs(png)
for pdf, stem in ((own, "own"), (lo_pdf, "lo")):
    if os.path.exists(pdf):
        subprocess.run(["pdftoppm", "-r", "50", "-png", pdf, os.path.join(png, stem)], check=False)

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
