#!/usr/bin/env bash
# Prints how much a browser downloads for the page: the files of dist/, each and in all, gzipped (-9).
#   bash scripts/size.sh [--update-readme] [--budget] [DIST]
# --update-readme also writes the total into README.md between the <!-- size --> markers.
# --budget fails (exit 1) when the page weighs more than the budget below (scripts/build.sh uses it).
set -euo pipefail
# The page weight budget, html + js + wasm + css gzipped: 420 KB (docs/performance.md).
BUDGET=$((420 * 1024))
update=no
budget=no
while [ $# -gt 0 ]; do
  case "$1" in
    --update-readme) update=yes; shift ;;
    --budget) budget=yes; shift ;;
    *) break ;;
  esac
done
dist="${1:-dist}"
[ -d "$dist" ] || { echo "manca $dist/: costruisci prima la pagina: bash scripts/build.sh" >&2; exit 1; }
total=0
while IFS= read -r f; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  printf '%-44s %9d B  %8d B gzip\n' "${f#"$dist"/}" "$raw" "$gz"
done < <(find "$dist" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) | sort)
kb=$(awk -v t="$total" 'BEGIN { printf "%.1f", t / 1024 }')
echo "Pagina (html+js+wasm+css), gzip: $total B ($kb KB)"
if [ "$update" = yes ]; then
  line="<!-- size -->**$kb KB** gzip (html + js + wasm + css), misurati con \`bash scripts/size.sh\` il $(date -u +%Y-%m-%d)<!-- \/size -->"
  sed -i "s|<!-- size -->.*<!-- /size -->|$line|" README.md
fi
if [ "$budget" = yes ] && [ "$total" -gt "$BUDGET" ]; then
  echo "ERRORE: la pagina pesa $kb KB gzip, oltre il limite di 420 KB ($BUDGET B)." \
    "Per vedere quanto pesa ogni parte: python3 scripts/size-parts.py (docs/performance.md)" >&2
  exit 1
fi
