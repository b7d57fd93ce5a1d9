#!/usr/bin/env python3
"""Builds the .docx fixtures of DecodeTests (run from anywhere; writes next to this script).

sample.docx       a notice: title, numbered headings (automatic chineseCounting numbering),
                  a task table 序号/工作任务/牵头单位/配合单位/完成时限 with a vertically merged
                  cell (w:vMerge), a cell of two paragraphs and a w:gridSpan cell, then a
                  paragraph with a w:tab and one with a w:br.
no-document.docx  a zip with [Content_Types].xml and _rels/.rels but no word/document.xml.
damaged-deflate.docx  word/document.xml's compressed data opens a stored block longer than the rest
                  of the file, so inflating it runs into the end of the file (ZIPFoundation's
                  inflate loop would never return on it).
"""
import os
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def run(text):
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*runs, numbered=None):
    ppr = ""
    if numbered is not None:
        ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{numbered}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def cell(*paragraphs, vmerge=None, span=None):
    props = ""
    if span:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    body = "".join(paragraphs) or "<w:p/>"
    return f'<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>{props}</w:tcPr>{body}</w:tc>'


def row(*cells):
    return f"<w:tr>{''.join(cells)}</w:tr>"


def simple(text):
    return para(run(text))


TABLE = (
    '<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr>'
    "<w:tblGrid>" + '<w:gridCol w:w="1000"/>' * 5 + "</w:tblGrid>"
    + row(*(cell(simple(t)) for t in ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]))
    + row(cell(simple("1")), cell(simple("完善分级诊疗制度")), cell(simple("医政科"), vmerge="restart"),
          cell(simple("办公室")), cell(simple("2023年6月底前")))
    + row(cell(simple("2")), cell(simple("推进家庭医生签约服务"), simple("重点人群签约率达到75%")),
          cell(vmerge="continue"), cell(simple("财务科、办公室")), cell(simple("2023年12月底前")))
    + row(cell(simple("3")), cell(simple("其他日常工作"), span=3), cell(simple("长期")))
    + "</w:tbl>"
)

DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>
<w:p><w:pPr><w:jc w:val="center"/><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>{run("关于印发2023年")}{run("卫生健康工作要点的通知")}</w:p>
{simple("各科室：")}
{para(run("工作任务"), numbered=0)}
{para(run("医疗服务"), numbered=1)}
{TABLE}
{para(run("保障措施"), numbered=0)}
<w:p><w:r><w:t>联系人：张三</w:t></w:r><w:r><w:tab/><w:t>电话：12345678</w:t></w:r></w:p>
<w:p><w:r><w:t>抄送：市卫生健康委</w:t><w:br/><w:t>2023年3月1日印发</w:t></w:r></w:p>
<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>
</w:body></w:document>"""


def write(name, parts):
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in parts:
            info = zipfile.ZipInfo(part, date_time=(2023, 3, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


write("sample.docx", [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                      ("word/document.xml", DOCUMENT), ("word/numbering.xml", NUMBERING)])
write("no-document.docx", [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/styles.xml", f"<w:styles {W}/>")])


def write_damaged(name):
    """Writes document.xml stored, then patches its method to deflate (8) in both headers."""
    raw = b"\x00\xff\xff\x00\x00" + b"<w:document/>"  # non-final stored block, LEN 65535
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr(zipfile.ZipInfo("[Content_Types].xml", date_time=(2023, 3, 1, 0, 0, 0)), CONTENT_TYPES)
        z.writestr(zipfile.ZipInfo("word/document.xml", date_time=(2023, 3, 1, 0, 0, 0)), raw)
    data = bytearray(open(path, "rb").read())
    for signature, method_at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            name_len = struct.unpack_from("<H", data, start + (26 if signature == b"PK\x03\x04" else 28))[0]
            if bytes(data[name_at:name_at + name_len]) == b"word/document.xml":
                struct.pack_into("<H", data, start + method_at, 8)
            start += 4
    open(path, "wb").write(bytes(data))


write_damaged("damaged-deflate.docx")
