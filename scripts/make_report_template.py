"""Build src/jixiao/render/templates/report.docx, the docxtpl template of the report.

Run once when the default look changes; a finance bureau may instead edit the .docx in
Word (styles 标题/Heading 1–3, fonts, margins, header and footer, fixed wording) and keep
the Jinja tags: {{ title }}, the {%p for h in headings %} loop and {{p attachments }}.
"""

from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

OUT = Path(__file__).parents[1] / "src" / "jixiao" / "render" / "templates" / "report.docx"


def font(style, name: str, size: float, bold: bool = False) -> None:
    style.font.name, style.font.size, style.font.bold = "Times New Roman", Pt(size), bold
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def page_number(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = text
        run._r.append(element)


def main() -> None:
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)  # GB/T 9704 党政机关公文格式
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    styles = document.styles
    font(styles["Normal"], "仿宋_GB2312", 16)
    styles["Normal"].paragraph_format.first_line_indent = Pt(32)
    styles["Normal"].paragraph_format.line_spacing = Pt(28)
    font(styles["Title"], "方正小标宋简体", 22)
    font(styles["Heading 1"], "黑体", 16)
    font(styles["Heading 2"], "楷体_GB2312", 16)
    font(styles["Heading 3"], "仿宋_GB2312", 16, bold=True)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        styles[name].font.color.rgb = None
        styles[name].paragraph_format.first_line_indent = Pt(0) if name == "Title" else Pt(32)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_number(footer)

    title = document.add_paragraph("{{ title }}", style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("{%p for h in headings %}")
    document.add_paragraph("{%p if h.level == 1 %}")
    document.add_paragraph("{{ h.number }}{{ h.text }}", style="Heading 1")
    document.add_paragraph("{%p elif h.level == 2 %}")
    document.add_paragraph("{{ h.number }}{{ h.text }}", style="Heading 2")
    document.add_paragraph("{%p else %}")
    document.add_paragraph("{{ h.number }}{{ h.text }}", style="Heading 3")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p for line in h.paragraphs %}")
    document.add_paragraph("{{ line }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{{p attachments }}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(OUT))


if __name__ == "__main__":
    main()
