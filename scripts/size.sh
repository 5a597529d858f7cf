#!/usr/bin/env bash
# Prints how much a browser downloads for the page: the files of dist/, each and in all, gzipped (-9).
#   bash scripts/size.sh [--update-readme] [DIST]
# --update-readme also writes the total into README.md between the <!-- size --> markers.
set -euo pipefail
update=no
if [ "${1:-}" = "--update-readme" ]; then update=yes; shift; fi
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
