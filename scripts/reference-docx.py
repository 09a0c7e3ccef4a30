"""Writes a pandoc reference .docx whose pages carry a running header and a "Sida N av M" footer.

Municipal Word and PDF files repeat the document name at the top of every page and a page number
at the bottom; the converted test documents should too, so that removing them is measured.
Usage: python3 scripts/reference-docx.py PANDOC_REFERENCE.docx OUT.docx "Header text"
"""
import re
import sys
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def field(code):
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def text(value):
    return f'<w:r><w:t xml:space="preserve">{escape(value)}</w:t></w:r>'


def main(source, target, header):
    header_xml = f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {W} {R}><w:p><w:pPr><w:jc w:val="right"/></w:pPr>{text(header)}</w:p></w:hdr>'
    footer_xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:ftr {W} {R}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
        f'{text("Sida ")}{field("PAGE")}{text(" av ")}{field("NUMPAGES")}</w:p></w:ftr>'
    )
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                section = (
                    '<w:sectPr><w:headerReference w:type="default" r:id="rIdSamsynHeader"/>'
                    '<w:footerReference w:type="default" r:id="rIdSamsynFooter"/></w:sectPr>'
                )
                data = re.sub(rb"<w:sectPr\s*/>", section.encode(), data)
            elif item.filename == "word/_rels/document.xml.rels":
                relations = (
                    f'<Relationship Type="{REL}/header" Id="rIdSamsynHeader" Target="header1.xml"/>'
                    f'<Relationship Type="{REL}/footer" Id="rIdSamsynFooter" Target="footer1.xml"/>'
                )
                data = data.replace(b"</Relationships>", relations.encode() + b"</Relationships>")
            elif item.filename == "[Content_Types].xml":
                overrides = (
                    f'<Override PartName="/word/header1.xml" ContentType="{CT}.header+xml"/>'
                    f'<Override PartName="/word/footer1.xml" ContentType="{CT}.footer+xml"/>'
                )
                data = data.replace(b"</Types>", overrides.encode() + b"</Types>")
            zout.writestr(item, data)
        zout.writestr("word/header1.xml", header_xml)
        zout.writestr("word/footer1.xml", footer_xml)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("Användning: python3 scripts/reference-docx.py PANDOC_REFERENS.docx UT.docx RUBRIKTEXT")
    main(*sys.argv[1:])
