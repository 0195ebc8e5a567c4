# SPDX-License-Identifier: MIT
# What the readback scripts (formats_check.py, agenda_check.py, pptx_check.py, worst_names_check.py)
# share: a missing tool fails in CI and skips (exit 77) elsewhere, a failure list, LibreOffice headless
# with a private profile, PDF page counts and the characters of a pdfminer page.
import os, shutil, subprocess, sys


def need(ok, what):
    """A missing tool or module: FAIL when CI=true, else SKIP with exit code 77."""
    if ok:
        return
    if os.environ.get("CI") == "true":
        sys.exit(f"FAIL: {what} missing in CI")
    print(f"SKIP: {what} missing")
    sys.exit(77)


def need_office_readers():
    """python3-docx, python3-openpyxl, python3-pdfminer, LibreOffice and poppler's pdfinfo."""
    try:
        import docx, openpyxl, pdfminer.high_level  # noqa: F401
        ok = True
    except ImportError:
        ok = False
    need(ok, "python3-docx / python3-openpyxl / python3-pdfminer")
    need(shutil.which("soffice") is not None, "LibreOffice (soffice)")
    need(shutil.which("pdfinfo") is not None, "poppler-utils (pdfinfo)")


class Failures(list):
    def check(self, cond, msg):
        if not cond:
            self.append(msg)

    def finish(self):
        if self:
            print("\n".join(self))
            sys.exit(1)
        print("ok")


def soffice(out, args, timeout=240):
    """LibreOffice headless with its profile under OUT (never the user's)."""
    env = dict(os.environ, HOME=os.path.join(out, "lo-home"))
    return subprocess.run(["soffice", "--headless", "--norestore"] + args, capture_output=True, text=True,
                          timeout=timeout, env=env)


def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return int(info.split("Pages:")[1].split()[0]) if "Pages:" in info else -1


def chars(obj):
    """Every pdfminer LTChar below a layout object."""
    from pdfminer.layout import LTChar
    if isinstance(obj, LTChar):
        yield obj
    elif hasattr(obj, "__iter__"):
        for o in obj:
            yield from chars(o)
