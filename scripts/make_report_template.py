"""Build src/jixiao/render/templates/report.docx, the docxtpl template of the report.

The package is written part by part, so it holds only what the report uses: 公文 page set-up
(GB/T 9704: A4, margins 37/35/28/26 mm, 22 lines of 28 characters, page number “— 1 —”),
named fonts and no theme fonts or colours, Chinese (zh-CN) as the East Asian language, and
the styles the writer refers to. Fonts are the ones government machines have (方正小标宋简体,
黑体, 楷体_GB2312, 仿宋_GB2312); where they are missing, Word substitutes by the font table
below and jixiao's PDF conversion by its LibreOffice replacement table (render/pdf.py).

A finance bureau may edit the .docx in Word instead — styles 标题/heading 1–4, 附件,
表格标题, 表格文字, 表注, 落款; margins; header and footer; fixed wording — keeping the
Jinja tags: {{ title }}, the {%p for h in headings %} loop, the {%p for line in closing %}
loop and {{p attachments }}.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

OUT = Path(__file__).parents[1] / "src" / "jixiao" / "render" / "templates" / "report.docx"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
LATIN = "Times New Roman"
FONTS = {  # name → (altName Word substitutes with, pitch family, panose)
    "仿宋_GB2312": ("仿宋", "modern", "02010609030101010101"),
    "方正小标宋简体": ("宋体", "script", "02000000000000000000"),
    "黑体": ("SimHei", "modern", "02010609060101010101"),
    "楷体_GB2312": ("楷体", "modern", "02010609030101010101"),
    "宋体": ("SimSun", "auto", "02010600030101010101"),
}


def run_fonts(east_asia: str) -> str:
    return (f'<w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{east_asia}" w:cs="{LATIN}"/>')


def style(style_id: str, name: str, font: str, size: float, *, based: str = "Normal", ppr: str = "",
          bold: bool = False, outline: int | None = None) -> str:
    """A paragraph style; `ppr` holds paragraph properties in the schema's order (spacing
    before ind before jc), which Word insists on."""
    level = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
    keep = "<w:keepNext/><w:keepLines/>" if outline is not None else ""
    weight = "<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/>'
    return (f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/><w:basedOn w:val="{based}"/>'
            f'<w:next w:val="Normal"/><w:qFormat/><w:pPr>{keep}{ppr}{level}</w:pPr>'
            f'<w:rPr>{run_fonts(font)}{weight}'
            f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/></w:rPr></w:style>')


NO_INDENT = '<w:ind w:firstLine="0" w:firstLineChars="0"/>'
SINGLE = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:docDefaults><w:rPrDefault><w:rPr>{run_fonts("仿宋_GB2312")}<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/>
<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:widowControl/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>
<w:spacing w:after="0" w:line="560" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>
<w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing w:after="240" w:line="560" w:lineRule="exact"/>
<w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="left"/></w:pPr>
<w:rPr>{run_fonts("仿宋_GB2312")}<w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>
<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>
<w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
{style("Title", "Title", "方正小标宋简体", 22, ppr='<w:spacing w:before="0" w:after="560" w:line="240" w:lineRule="auto"/>' + NO_INDENT + '<w:jc w:val="center"/>')}
{style("Heading1", "heading 1", "黑体", 16, outline=0)}
{style("Heading2", "heading 2", "楷体_GB2312", 16, outline=1)}
{style("Heading3", "heading 3", "仿宋_GB2312", 16, bold=True, outline=2)}
{style("Heading4", "heading 4", "仿宋_GB2312", 16, outline=3)}
{style("Closing", "落款", "仿宋_GB2312", 16, ppr='<w:ind w:right="1280" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="right"/>')}
{style("AttachmentLabel", "附件", "黑体", 16, ppr='<w:pageBreakBefore/><w:spacing w:after="280"/>' + NO_INDENT + '<w:jc w:val="left"/>')}
{style("FormTitle", "表格标题", "方正小标宋简体", 18, ppr='<w:keepNext/><w:spacing w:before="0" w:after="280" w:line="240" w:lineRule="auto"/>' + NO_INDENT + '<w:jc w:val="center"/>')}
{style("TableText", "表格文字", "仿宋_GB2312", 10.5, ppr=SINGLE + NO_INDENT)}
{style("FormNote", "表注", "仿宋_GB2312", 12, ppr='<w:spacing w:before="240" w:after="0" w:line="240" w:lineRule="auto"/>' + NO_INDENT + '<w:jc w:val="left"/>')}
{style("Footer", "footer", "宋体", 14, ppr=SINGLE + NO_INDENT + '<w:jc w:val="center"/>')}
</w:styles>"""


def paragraph(text: str, style_id: str = "Normal") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


HEADINGS = "".join(paragraph(f"{{%p {'if' if level == 1 else 'elif'} h.level == {level} %}}" if level < 4 else "{%p else %}")
                   + paragraph("{{ h.number }}{{ h.text }}", f"Heading{level}") for level in (1, 2, 3, 4))
BODY = "".join((
    paragraph("{{ title }}", "Title"),
    paragraph("{%p for h in headings %}"),
    paragraph("{%p if h.text %}"), HEADINGS, paragraph("{%p endif %}"), paragraph("{%p endif %}"),
    paragraph("{%p for line in h.paragraphs %}"), paragraph("{{ line }}"), paragraph("{%p endfor %}"),
    paragraph("{%p endfor %}"),
    paragraph("{%p for line in closing %}"), paragraph("{{ line }}", "Closing"), paragraph("{%p endfor %}"),
    paragraph("{{p attachments }}"),
))
SECTION = ('<w:sectPr><w:footerReference w:type="default" r:id="rId4"/><w:pgSz w:w="11906" w:h="16838"/>'
           '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1134" w:gutter="0"/>'
           '<w:cols w:space="425"/></w:sectPr>')
DOCUMENT = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W} {R}><w:body>{BODY}{SECTION}</w:body></w:document>'
FOOTER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W} {R}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
          '<w:r><w:t xml:space="preserve">— </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
          '<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>')
SETTINGS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {W}><w:zoom w:percent="100"/>'
            '<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>'
            '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>')
FONT_TABLE = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts {W}>'
              + "".join(f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:panose1 w:val="{panose}"/><w:charset w:val="86"/>'
                        f'<w:family w:val="{family}"/><w:pitch w:val="fixed"/></w:font>' for name, (alt, family, panose) in FONTS.items())
              + f'<w:font w:name="{LATIN}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/>'
              '<w:pitch w:val="variable"/></w:font></w:fonts>')
TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>"""
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>
</Relationships>"""
DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{REL}/settings" Target="settings.xml"/>
<Relationship Id="rId3" Type="{REL}/fontTable" Target="fontTable.xml"/>
<Relationship Id="rId4" Type="{REL}/footer" Target="footer1.xml"/>
</Relationships>"""
CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>绩效自评报告</dc:title><dc:creator>jixiao</dc:creator></cp:coreProperties>"""
APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>jixiao</Application></Properties>"""


def main() -> None:
    parts = {"[Content_Types].xml": TYPES, "_rels/.rels": PACKAGE_RELS, "word/document.xml": DOCUMENT,
             "word/_rels/document.xml.rels": DOCUMENT_RELS, "word/styles.xml": STYLES, "word/settings.xml": SETTINGS,
             "word/fontTable.xml": FONT_TABLE, "word/footer1.xml": FOOTER, "docProps/core.xml": CORE, "docProps/app.xml": APP}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as package:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))  # same bytes on every run
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, xml)


if __name__ == "__main__":
    main()
