"""PDF reports (monitors' bulletins, OCHA updates, press releases) through ``pdftotext``.

PDF is read only when Poppler's ``pdftotext`` is installed (Debian: ``poppler-utils``);
without it, a PDF is refused with a line that says how to convert it. Pages become
paragraph breaks, and the text then goes through the plain-text rules (unwrapping of
hard-wrapped lines, title, byline, date lines, chrome). A PDF with no text layer (a
scanned image) is refused: ceasefire does no OCR.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ceasefire.sources.assemble import ReportError

# A long report converts in well under a second; a stuck conversion must not stall a batch.
PDFTOTEXT_TIMEOUT_S = 60


def pdftotext_available() -> bool:
    return shutil.which("pdftotext") is not None


def pdf_text(path: Path) -> str:
    """The text of a PDF file, pages separated by blank lines; raises :class:`ReportError`."""
    exe = shutil.which("pdftotext")
    if exe is None:
        raise ReportError("a PDF document, and pdftotext (poppler-utils) is not installed to read it; convert it to text first")
    try:
        done = subprocess.run(
            [exe, "-enc", "UTF-8", "-nopgbrk", "-q", str(path), "-"],
            capture_output=True,
            timeout=PDFTOTEXT_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ReportError(f"PDF conversion took longer than {PDFTOTEXT_TIMEOUT_S} s") from exc
    if done.returncode != 0:
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ReportError(f"PDF could not be read ({why[-1] if why else f'pdftotext exit code {done.returncode}'})")
    text = done.stdout.decode("utf-8", "replace")
    if not text.strip():
        raise ReportError("PDF has no text layer (a scanned image?); ceasefire does no OCR")
    return text
