#!/usr/bin/env bash
# Pictures of what users get, for the README: one PNG per output type, from sample 004.
# Needs LibreOffice and poppler-utils (scripts/system-deps.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jx=.venv/bin/jixiao
sample=examples/reports/004_66e78293cd0851a8.txt
$jx render "$sample" --to docx -o "$work/report.docx"
$jx render "$sample" --to xlsx -o "$work/tables.xlsx"
$jx render "$sample" --to html -o "$work/page.html"
$jx render "$sample" --to pdf -o "$work/report.pdf"
profile="file://$work/profile"
soffice "-env:UserInstallation=$profile" --headless --convert-to pdf --outdir "$work/x" "$work/tables.xlsx" >/dev/null
soffice "-env:UserInstallation=$profile" --headless --convert-to pdf:writer_web_pdf_Export --outdir "$work/h" "$work/page.html" >/dev/null
picture() {  # picture PDF PAGE NAME
  pdftoppm -r 60 -f "$2" -l "$2" -singlefile -png "$1" "docs/$3"
}
page_with() {  # page_with PDF TEXT: the first page holding a table row with TEXT
  local pages
  pages=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
  for p in $(seq 1 "$pages"); do pdftotext -f "$p" -l "$p" "$1" - | grep -q "$2" && echo "$p" && return; done
}
picture "$work/report.pdf" 1 output-docx-text
picture "$work/report.pdf" "$(page_with "$work/report.pdf" 年度资金总额)" output-pdf-table
picture "$work/x/tables.pdf" "$(page_with "$work/x/tables.pdf" 年度资金总额)" output-xlsx
picture "$work/h/page.pdf" 1 output-html
ls -la docs/*.png
