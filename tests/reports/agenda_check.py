#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Reads what `lotse agenda` writes for a sample town with real readers (issue #11):
#  - agenda.docx: python3-docx finds the six chapter headings and one Steckbrief table per measure of
#    the JSON; LibreOffice headless converts it and the Ratsvorlage to PDF; the Ratsvorlage stays within
#    two pages in LibreOffice's rendering and in our PDF.
#  - portfolio.xlsx: sheets Leistungen, Maßnahmen, Fahrplan, Annahmen; totals are SUM formulas, savings
#    and net benefit are row formulas; LibreOffice recalculates them to the JSON's figures; after the
#    uptake of a citizen-facing measure is edited (openpyxl) the recalculated saving follows it.
#  - agenda.pdf: A4 portrait, no character below 7 pt.
#  - `lotse workshop`: 8-12 slides as 16:9 PDF, the PPTX opens in LibreOffice Impress with as many 16:9
#    pages, one A3 poster per model, the Steckbrief handout converts.
# Usage: agenda_check.py LOTSE OUTDIR TOWN_DIR...   A missing tool fails when CI=true, else skips (77).
import json, math, os, shutil, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from readback import Failures, chars, need_office_readers, pages, soffice as office

need_office_readers()
import docx, openpyxl
from pdfminer.high_level import extract_pages

lotse, out = sys.argv[1], sys.argv[2]
failures = Failures()
check = failures.check


def soffice(args):
    return office(out, args)


for town in sys.argv[3:]:
    name = os.path.basename(os.path.normpath(town))
    dest = os.path.join(out, name)
    shutil.rmtree(dest, ignore_errors=True); os.makedirs(dest)
    r = subprocess.run([lotse, "agenda", town, "-o", dest, "-q"], capture_output=True, text=True)
    check(r.returncode == 0, f"{name}: agenda exit {r.returncode}: {r.stderr}")
    r = subprocess.run([lotse, "agenda", town, "--format", "json", "-o", "-", "-q"], capture_output=True, text=True)
    agenda = json.loads(r.stdout)
    measures = agenda["measures"]
    # DOCX chapter.
    d = docx.Document(os.path.join(dest, "agenda.docx"))
    heads = [p.text for p in d.paragraphs if p.style.name == "Heading 2"]
    for h in ("1 Ausgangslage", "2 Ziele", "3 Handlungsfeld Verwaltung: Maßnahmen", "4 Fahrplan", "5 Maßnahmensteckbriefe",
              "6 Annahmen und Quellen"):
        check(h in heads, f"{name}: heading {h!r} missing in {heads}")
    profiles = [t for t in d.tables if t.rows and [c.text for c in t.rows[0].cells] == ["Feld", "Inhalt"]]
    check(len(profiles) == len(measures), f"{name}: {len(profiles)} Steckbriefe for {len(measures)} measures")
    check(all(any(row.cells[0].text == "Federführung" for row in t.rows) for t in profiles), f"{name}: Steckbrief without Federführung")
    # LibreOffice: both DOCX to PDF; the Ratsvorlage in at most two pages.
    for doc_name in ("agenda", "ratsvorlage"):
        r = soffice(["--convert-to", "pdf", "--outdir", os.path.join(dest, "lo"), os.path.join(dest, doc_name + ".docx")])
        pdf = os.path.join(dest, "lo", doc_name + ".pdf")
        check(r.returncode == 0 and os.path.exists(pdf), f"{name}: LibreOffice {doc_name}.docx -> pdf failed: {r.stderr}")
    lo_pages, own_pages = pages(os.path.join(dest, "lo", "ratsvorlage.pdf")), pages(os.path.join(dest, "ratsvorlage.pdf"))
    check(1 <= lo_pages <= 2, f"{name}: Ratsvorlage has {lo_pages} pages in LibreOffice")
    check(1 <= own_pages <= 2, f"{name}: Ratsvorlage PDF has {own_pages} pages")
    # XLSX workbook.
    book = os.path.join(dest, "portfolio.xlsx")
    wb = openpyxl.load_workbook(book)
    for sheet in ("Leistungen", "Maßnahmen", "Fahrplan", "Annahmen"):
        check(sheet in wb.sheetnames, f"{name}: sheet {sheet} missing in {wb.sheetnames}")
    ws = wb["Maßnahmen"]
    header = [c.value for c in ws[1]]
    col = {h: i + 1 for i, h in enumerate(header)}
    saved_col, uptake_col = col.get("Ersparnis €/Jahr"), col.get("Nutzungsquote")
    check(saved_col and uptake_col, f"{name}: Maßnahmen columns {header}")
    last = ws.max_row
    body = range(2, last)
    check(all(str(ws.cell(row=r_, column=saved_col).value).startswith("=") for r_ in body), f"{name}: savings are not formulas")
    sums = [c.coordinate for c in ws[last] if isinstance(c.value, str) and c.value.startswith("=SUM(")]
    check(len(sums) >= 5, f"{name}: Maßnahmen total row has {len(sums)} SUM formulas")
    # Recalculate with LibreOffice: the formulas give the JSON's figures.
    r = soffice(["--convert-to", "xlsx", "--outdir", os.path.join(dest, "recalc"), book])
    check(r.returncode == 0, f"{name}: LibreOffice xlsx recalculation failed: {r.stderr}")
    wv = openpyxl.load_workbook(os.path.join(dest, "recalc", "portfolio.xlsx"), data_only=True)["Maßnahmen"]
    total = wv.cell(row=last, column=saved_col).value
    check(isinstance(total, (int, float)) and abs(total - agenda["totals"]["saved_eur_per_year"]) < 1.0,
          f"{name}: recalculated saving total {total}, JSON {agenda['totals']['saved_eur_per_year']}")
    for i, m in enumerate(measures):
        got = wv.cell(row=2 + i, column=saved_col).value
        check(isinstance(got, (int, float)) and abs(got - m["saved_eur_per_year"]) < 0.5,
              f"{name}: row {2 + i} saving {got}, JSON {m['saved_eur_per_year']}")
    # Edit the uptake of the first citizen-facing measure to half and recalculate: its saving halves.
    row = next((2 + i for i, m in enumerate(measures) if wv.cell(row=2 + i, column=uptake_col).value not in (None, 1, 1.0)), None)
    check(row is not None, f"{name}: no citizen-facing measure in the workbook")
    if row is not None:
        before_u, before_s = wv.cell(row=row, column=uptake_col).value, wv.cell(row=row, column=saved_col).value
        ws.cell(row=row, column=uptake_col).value = before_u / 2
        edited = os.path.join(dest, "edited", "portfolio.xlsx")
        os.makedirs(os.path.dirname(edited), exist_ok=True)
        wb.save(edited)
        r = soffice(["--convert-to", "xlsx", "--outdir", os.path.join(dest, "recalc2"), edited])
        we = openpyxl.load_workbook(os.path.join(dest, "recalc2", "portfolio.xlsx"), data_only=True)["Maßnahmen"]
        after_s, after_total = we.cell(row=row, column=saved_col).value, we.cell(row=last, column=saved_col).value
        check(abs(after_s - before_s / 2) < 0.5, f"{name}: saving after halving the uptake {after_s}, expected {before_s / 2}")
        check(abs((total - after_total) - before_s / 2) < 1.0, f"{name}: total did not follow the edit: {total} -> {after_total}")
    # A4 chapter PDF: portrait, no character below 7 pt.
    pdf = os.path.join(dest, "agenda.pdf")
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    check("595.276 x 841.89 pts" in info or "595.28 x 841.89 pts" in info, f"{name}: agenda not A4 portrait: {info}")
    sizes = [math.hypot(c.matrix[2], c.matrix[3]) for page in extract_pages(pdf) for c in chars(page)]
    check(sizes and min(sizes) >= 7 - 0.01, f"{name}: smallest agenda font {min(sizes) if sizes else None} pt")
    # Workshop material: the deck opens in LibreOffice Impress with one page per slide, 16:9 like our PDF;
    # one A3 poster per model; the handout converts.
    ws = os.path.join(dest, "workshop")
    r = subprocess.run([lotse, "workshop", town, "-o", ws, "-q"], capture_output=True, text=True)
    check(r.returncode == 0, f"{name}: workshop exit {r.returncode}: {r.stderr}")
    deck_pages = pages(os.path.join(ws, "workshop.pdf"))
    check(8 <= deck_pages <= 12, f"{name}: the deck has {deck_pages} slides")
    info = subprocess.run(["pdfinfo", os.path.join(ws, "workshop.pdf")], capture_output=True, text=True).stdout
    check("960 x 540 pts" in info, f"{name}: workshop.pdf not 16:9: {info}")
    r = soffice(["--convert-to", "pdf", "--outdir", os.path.join(ws, "lo"), os.path.join(ws, "workshop.pptx")])
    lo_deck = os.path.join(ws, "lo", "workshop.pdf")
    check(r.returncode == 0 and os.path.exists(lo_deck), f"{name}: LibreOffice pptx -> pdf failed: {r.stderr}")
    if os.path.exists(lo_deck):
        check(pages(lo_deck) == deck_pages, f"{name}: Impress shows {pages(lo_deck)} slides, our PDF {deck_pages}")
        size = subprocess.run(["pdfinfo", lo_deck], capture_output=True, text=True).stdout.split("Page size:")[1].split()
        check(abs(float(size[0]) / float(size[2]) - 16 / 9) < 0.01, f"{name}: Impress page is not 16:9: {size[:3]}")
    models = len({s["file"] for s in agenda["services"]})
    posters = [f for f in os.listdir(ws) if f.endswith(".poster.pdf")]
    check(len(posters) == models, f"{name}: {len(posters)} posters for {models} models")
    r = soffice(["--convert-to", "pdf", "--outdir", os.path.join(ws, "lo"), os.path.join(ws, "steckbriefe.docx")])
    check(r.returncode == 0, f"{name}: LibreOffice steckbriefe.docx -> pdf failed: {r.stderr}")
    print(f"{name}: workshop deck {deck_pages} slides (Impress {pages(lo_deck)}), {len(posters)} posters")
    print(f"{name}: {len(agenda['services'])} services, {len(measures)} measures "
          f"({sum(1 for m in measures if m['quarter'] is None)} after the horizon), agenda {pages(pdf)} pages, "
          f"Ratsvorlage {own_pages} pages (LibreOffice {lo_pages}), {len(sums)} SUM totals, smallest font {min(sizes):.2f} pt")

failures.finish()
