"""Minimal WordprocessingML packages for test fixtures, with the standard library only.

Used by notices/make_docx.py and diff/make_docx.py: they describe their document's content; this
module writes paragraphs, table cells (vertical merges, several paragraphs per cell) and the
package ([Content_Types].xml, _rels/.rels, word/document.xml) with fixed timestamps, so the output
is byte-for-byte reproducible.
"""
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>
"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>
"""

SECTION = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
           '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')


def para(text, align=None, bold=False, indent=False):
    ppr = ""
    if align or indent:
        ppr = "<w:pPr>"  # schema order: w:ind before w:jc
        if indent:
            ppr += '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
        if align:
            ppr += f'<w:jc w:val="{align}"/>'
        ppr += "</w:pPr>"
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    if not text:
        return f"<w:p>{ppr}</w:p>"
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def cell(content, width, vmerge=None):
    """content: a string or a list of strings (one paragraph each); vmerge: None, 'restart' or 'continue'."""
    tcpr = f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
    if vmerge == "restart":
        tcpr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        tcpr += "<w:vMerge/>"
    tcpr += '<w:vAlign w:val="center"/></w:tcPr>'
    paras = content if isinstance(content, list) else [content]
    body = "".join(para(p) for p in paras) or "<w:p/>"
    return f"<w:tc>{tcpr}{body}</w:tc>"


def table(header, rows, widths):
    """rows: tuples of cell contents; a cell given as (text, 'restart'|'continue') is vertically merged."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    borders = "".join(f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="9600" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders></w:tblPr>'
           f"<w:tblGrid>{grid}</w:tblGrid>"]
    out.append("<w:tr>" + "".join(cell(h, w) for h, w in zip(header, widths)) + "</w:tr>")
    for row in rows:
        cells = []
        for content, width in zip(row, widths):
            text, merge = content if isinstance(content, tuple) else (content, None)
            cells.append(cell(text, width, merge))
        out.append("<w:tr>" + "".join(cells) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def write(path, body_xml, timestamp):
    """Writes the package; `timestamp` is a (Y, M, D, h, m, s) tuple for every member."""
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{W_NS}"><w:body>{body_xml}{SECTION}</w:body></w:document>\n')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/document.xml", document)):
            info = zipfile.ZipInfo(name, date_time=timestamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8"))
