#!/usr/bin/env bash
# Regenerates tests/fixtures/converted-seeds/{docx,pdf}/: the Markdown documents of knowledge/ as
# Word files (pandoc) and PDF files (pandoc → Word → LibreOffice), without front matter, with a
# running header and "Sida N av M" on every page. Needs pandoc, soffice (LibreOffice) and python3;
# CI does not have them, so the generated files are committed. Run from the repository root:
#   scripts/make-converted-seeds.sh
set -euo pipefail
for tool in pandoc soffice python3; do
  command -v "$tool" >/dev/null || { echo "Saknar $tool: installera pandoc, libreoffice-writer och python3." >&2; exit 2; }
done
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/tests/fixtures/converted-seeds"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out/docx" "$out/pdf"
npx tsx "$root/scripts/converted-seeds-markdown.ts" "$root/knowledge" "$work/md"
pandoc -o "$work/reference.docx" --print-default-data-file reference.docx
for markdown in "$work"/md/*.md; do
  name="$(basename "$markdown" .md)"
  # The running header repeats the start of the title, as municipal templates do.
  header="$(grep -m1 -v '^$' "$markdown" | sed 's/^#* *//' | cut -c1-60)"
  python3 "$root/scripts/reference-docx.py" "$work/reference.docx" "$work/$name-reference.docx" "$header"
  pandoc -f commonmark -t docx --metadata lang=sv-SE --reference-doc "$work/$name-reference.docx" \
    -o "$out/docx/$name.docx" "$markdown"
  # A private profile, so a LibreOffice the user has open does not block the conversion.
  soffice --headless "-env:UserInstallation=file://$work/profile" --convert-to pdf \
    --outdir "$out/pdf" "$out/docx/$name.docx" >/dev/null
done
ls -l "$out/docx" "$out/pdf"
