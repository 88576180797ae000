#!/usr/bin/env bash
# Pictures of what users get, for the README: one PNG per output type, from sample 004.
# Needs LibreOffice, poppler-utils and chromium (scripts/system-deps.sh installs them).
# The workbook goes to PDF through jixiao's own LibreOffice profile (the 公文 fonts it
# names are replaced by Noto CJK SC), as the report does.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jx=.venv/bin/jixiao
sample=examples/reports/004_66e78293cd0851a8.txt
$jx render "$sample" --to xlsx -o "$work/tables.xlsx"
$jx render "$sample" --to html -o "$work/page.html"
$jx render "$sample" --to pdf -o "$work/report.pdf"
.venv/bin/python -c 'import sys; from pathlib import Path; from jixiao.render.pdf import to_pdf
to_pdf([Path(sys.argv[1])], Path(sys.argv[2]))' "$work/tables.xlsx" "$work"
picture() {  # picture PDF PAGE NAME
  pdftoppm -r 60 -f "$2" -l "$2" -singlefile -png "$1" "docs/$3"
}
page_with() {  # page_with PDF TEXT: the first page holding TEXT
  local pages
  pages=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
  for p in $(seq 1 "$pages"); do pdftotext -f "$p" -l "$p" "$1" - | grep -q "$2" && echo "$p" && return; done
}
picture "$work/report.pdf" 1 output-docx-text
picture "$work/report.pdf" "$(page_with "$work/report.pdf" 年度资金总额)" output-pdf-table
picture "$work/tables.pdf" "$(page_with "$work/tables.pdf" 年度资金总额)" output-xlsx
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,1400 --force-device-scale-factor=0.5 \
  --screenshot="$PWD/docs/output-html.png" "file://$work/page.html" >/dev/null 2>&1
ls -la docs/*.png
