#!/usr/bin/env python3
"""Write edits_2024_pdf.txt: edits_2024.txt laid out as `pdftotext -layout` prints a PDF.

usage: python3 make_pdf_layout.py

Hard wraps every 28 characters (mid-word, mid-label), a blank line after every line, a leading
space on the first line of each "page" (every 40 lines), and spaced numbers ("2024 年", "2 次").
"""
import os
import re

here = os.path.dirname(os.path.abspath(__file__))
text = open(os.path.join(here, "edits_2024.txt"), encoding="utf-8").read()
out = []
for para in text.split("\n"):
    if not para.strip():
        continue
    para = re.sub(r"(\d+)([年月日次号%])", r"\1 \2", para)
    while para:
        out.append(para[:28])
        para = para[28:]
lines = []
for i, line in enumerate(out):
    lines.append((" " if i % 40 == 0 and i else "") + line)
    lines.append("")
open(os.path.join(here, "edits_2024_pdf.txt"), "w", encoding="utf-8").write("\n".join(lines) + "\n")
