#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Reads what `lotse analyze --format docx,xlsx,pdf,poster` wrote with real readers (issue #10):
#  - DOCX: python3-docx finds Heading 1/2 paragraphs and the measures table; LibreOffice headless
#    converts it to PDF without error.
#  - XLSX: openpyxl sees SUM formulas in the total rows; LibreOffice recalculates (xlsx -> xlsx) and the
#    recalculated totals (openpyxl data_only=True) equal the sum of the body rows the report shows.
#  - DOCX picture: every image part fits the text area (a wide picture is split into parts, not shrunk).
#  - A4 report PDF: pdfinfo says A4 portrait; no character below 7 pt, picture labels included.
#  - Poster: pdfinfo says A3 landscape; the smallest font size of any character >= 9 pt, measured as the
#    length of the glyph's vertical unit vector hypot(c, d) of pdfminer's LTChar.matrix (font size x text
#    matrix x CTM, so the printed size in points also for rotated lane labels, where LTChar.size would be
#    the glyph's width).
# Usage: formats_check.py LOTSE OUTDIR SAMPLE...   A missing tool fails when CI=true, else skips (77).
import math, os, shutil, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from readback import Failures, chars, need_office_readers, soffice as office

need_office_readers()
import docx, openpyxl
from pdfminer.high_level import extract_pages

lotse, out = sys.argv[1], sys.argv[2]
failures = Failures()
check = failures.check


def soffice(args):
    return office(out, args, timeout=180)


for sample in sys.argv[3:]:
    shutil.rmtree(out, ignore_errors=True); os.makedirs(out)
    fmts = "docx,xlsx,pdf,poster"
    r = subprocess.run([lotse, "analyze", sample, "--format", fmts, "--town", "Musterstadt", "-o", out],
                       capture_output=True, text=True)
    check(r.returncode in (0, 1), f"{sample}: exit {r.returncode}: {r.stderr}")
    stem = os.path.splitext(os.path.basename(sample))[0]
    if stem.endswith(".picture"):
        stem = stem[: -len(".picture")] if not os.path.exists(os.path.join(out, stem + ".docx")) else stem
    base = os.path.join(out, stem)
    for ext in ("docx", "xlsx", "pdf", "poster.pdf"):
        check(os.path.exists(f"{base}.{ext}"), f"{sample}: {base}.{ext} not written")
    if failures:
        break
    # DOCX with python-docx.
    d = docx.Document(f"{base}.docx")
    heads = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]
    check(any(s == "Heading 1" for s, _ in heads), f"{sample}: no Heading 1 in {heads}")
    check(any("Maßnahmen" in t and s == "Heading 2" for s, t in heads), f"{sample}: no measures heading")
    measure_tables = [t for t in d.tables if t.rows and "Maßnahme" in [c.text for c in t.rows[0].cells]]
    check(len(measure_tables) == 1, f"{sample}: measures table not found")
    # DOCX -> PDF with LibreOffice.
    r = soffice(["--convert-to", "pdf", "--outdir", os.path.join(out, "lo"), f"{base}.docx"])
    check(r.returncode == 0 and os.path.exists(os.path.join(out, "lo", stem + ".pdf")),
          f"{sample}: LibreOffice docx->pdf failed: {r.stderr}")
    # XLSX: formulas, then LibreOffice's recalculated values.
    wb = openpyxl.load_workbook(f"{base}.xlsx")
    totals = {}
    for ws in wb.worksheets[1:]:
        last = ws.max_row
        for cell in ws[last]:
            if isinstance(cell.value, str) and cell.value.startswith("=SUM("):
                body = [ws.cell(row=r_, column=cell.column).value for r_ in range(2, last)]
                totals[(ws.title, cell.coordinate)] = sum(v for v in body if isinstance(v, (int, float)))
    check(len(totals) >= 3, f"{sample}: too few SUM totals: {totals}")
    r = soffice(["--convert-to", "xlsx", "--outdir", os.path.join(out, "recalc"), f"{base}.xlsx"])
    check(r.returncode == 0, f"{sample}: LibreOffice xlsx recalculation failed: {r.stderr}")
    wv = openpyxl.load_workbook(os.path.join(out, "recalc", stem + ".xlsx"), data_only=True)
    for (sheet, coord), expected in totals.items():
        got = wv[sheet][coord].value
        check(isinstance(got, (int, float)) and abs(got - expected) <= 1e-6 * max(1, abs(expected)),
              f"{sample}: {sheet}!{coord} recalculated {got}, expected {expected}")
    # DOCX picture: at least one image, none wider or taller than the text area of the widest section (a
    # wide picture is split into parts at 7 pt labels on landscape pages, never scaled beyond the page).
    areas = [(s.page_width - s.left_margin - s.right_margin, s.page_height - s.top_margin - s.bottom_margin) for s in d.sections]
    text_w, text_h = max(w for w, _ in areas), max(h for _, h in areas)
    shapes = list(d.inline_shapes)
    check(len(shapes) >= 1, f"{sample}: no picture in the DOCX")
    check(all(s.width <= text_w + 1 and s.height <= text_h + 1 for s in shapes),
          f"{sample}: DOCX picture larger than the text area {text_w}x{text_h}: {[(s.width, s.height) for s in shapes]}")
    # A4 report: portrait A4, no character below 7 pt (picture labels included: split, not shrunk).
    info = subprocess.run(["pdfinfo", f"{base}.pdf"], capture_output=True, text=True).stdout
    check("595.276 x 841.89 pts" in info or "595.28 x 841.89 pts" in info, f"{sample}: report not A4 portrait: {info}")
    a4 = [math.hypot(c.matrix[2], c.matrix[3]) for page in extract_pages(f"{base}.pdf") for c in chars(page)]
    check(a4 and min(a4) >= 7 - 0.01, f"{sample}: smallest A4 report font {min(a4) if a4 else None} pt")
    # Poster: A3 landscape, no character below 9 pt.
    info = subprocess.run(["pdfinfo", f"{base}.poster.pdf"], capture_output=True, text=True).stdout
    check("1190.55 x 841.89 pts" in info, f"{sample}: poster not A3 landscape: {info}")
    sizes = [math.hypot(c.matrix[2], c.matrix[3]) for page in extract_pages(f"{base}.poster.pdf") for c in chars(page)]
    check(sizes and min(sizes) >= 9 - 0.01, f"{sample}: smallest poster font {min(sizes) if sizes else None} pt")
    landscape = sum(1 for s in d.sections if s.page_width > s.page_height)
    print(f"{sample}: {len(heads)} headings, {len(totals)} formula totals, {len(shapes)} DOCX picture part(s), "
          f"{landscape} landscape section(s), "
          f"A4 smallest font {min(a4):.2f} pt, poster smallest font "
          f"{min(sizes):.2f} pt, poster pages: {info.split('Pages:')[1].split()[0]}")

failures.finish()
