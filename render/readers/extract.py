"""extract.py reads PDFs back with pdfminer.six, for handbill's tests
(readers_test.go runs it with Debian's python3, whose python3-pdfminer
package provides pdfminer).

    python3 extract.py < jobs.json

jobs.json is a list of {"pdf": PATH}; the answer, on standard output, is a
list of {"pdf", "pages": [TEXT...], "error"} in the same order, each page's
text as pdfminer.high_level.extract_text gives it with its default layout
analysis. pdfminer takes text only from the fonts' ToUnicode maps (it
ignores /ActualText) and keeps characters in the order they are drawn
within a line, with no bidi reordering: what it reads is the text layer
alone.
"""

import io
import json
import sys

from pdfminer.high_level import extract_text
from pdfminer.pdfpage import PDFPage


def pages(path):
    with open(path, "rb") as f:
        n = sum(1 for _ in PDFPage.get_pages(f))
    return [extract_text(path, page_numbers=[i]) for i in range(n)]


def main():
    out = []
    for job in json.load(sys.stdin):
        try:
            out.append({"pdf": job["pdf"], "pages": pages(job["pdf"]), "error": ""})
        except Exception as e:  # reported per file, like the other readers
            out.append({"pdf": job["pdf"], "pages": [], "error": repr(e)})
    sys.stdout.write(json.dumps(out))


if __name__ == "__main__":
    main()
