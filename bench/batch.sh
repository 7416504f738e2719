#!/usr/bin/env bash
# batch.sh: handbill build --batch at growing batch sizes, one process per
# size: milliseconds per PDF (wall clock, and CPU: user + system, which a
# loaded machine inflates less), peak resident memory, and when the first
# PDF appeared. Each job is a clinic with its own content file (its name and
# contact), the US letter poster, in LANGS.
#
#   bench/batch.sh                          # 10 100 1000 3000 jobs, en
#   LANGS=en,es,vi,zh-Hans,ar bench/batch.sh 3000
#   HANDBILL=/path/to/handbill bench/batch.sh 100   # another binary
#
# Needs go and /usr/bin/time (apt-get install time).
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
LANGS=${LANGS:-en}
LAYOUT=${LAYOUT:-poster-letter}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100 1000 3000)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
hb=${HANDBILL:-}
if [ -z "$hb" ]; then
  (cd "$root" && go build -o "$work/handbill" ./cmd/handbill)
  hb=$work/handbill
fi

printf '%-7s %-22s %7s %9s %10s %10s %8s %10s\n' jobs langs PDFs "time s" "ms/PDF" "CPU ms/PDF" "peak MB" "first PDF"
base=""
for n in "${sizes[@]}"; do
  dir=$work/b$n
  mkdir -p "$dir/clinics"
  {
    echo "defaults:"
    echo "  layouts: [$LAYOUT]"
    echo "  langs: [$LANGS]"
    echo "  region: US"
    echo "jobs:"
    for ((i = 1; i <= n; i++)); do
      printf '  - name: clinic%05d\n    content: clinics/c%05d.yaml\n' "$i" "$i"
      printf 'organization:\n  name: Clinic %d\n  contact: Front desk, room %d\n' "$i" "$i" >"$dir/clinics/c$(printf %05d "$i").yaml"
    done
  } >"$dir/programme.yaml"
  # The first PDF's time: the build's stdout, line by line, stamped.
  start=$(date +%s%N)
  /usr/bin/time -f '%e %M %U %S' -o "$dir/time" "$hb" build --batch "$dir/programme.yaml" --out "$dir/out" 2>"$dir/err" |
    { first=""; while IFS= read -r line; do
      if [ -z "$first" ] && [[ $line == wrote* ]]; then first=$(( ($(date +%s%N) - start) / 1000000 )); fi
    done; echo "${first:-none}" >"$dir/first"; }
  read -r e m u s <"$dir/time"
  pdfs=$(find "$dir/out" -name '*.pdf' | wc -l)
  ms=$(awk -v e="$e" -v p="$pdfs" 'BEGIN { printf "%.2f", e * 1000 / p }')
  cpu=$(awk -v u="$u" -v s="$s" -v p="$pdfs" 'BEGIN { printf "%.2f", (u + s) * 1000 / p }')
  printf '%-7s %-22s %7d %9.2f %10s %10s %8d %8s ms\n' "$n" "$LANGS" "$pdfs" "$e" "$ms" "$cpu" "$((m / 1024))" "$(cat "$dir/first")"
  [ -n "$base" ] || { base=$ms; basecpu=$cpu; }
  rm -rf "$dir"
done
echo "ms/PDF at the largest size ÷ at the smallest: $(awk -v a="$ms" -v b="$base" 'BEGIN { printf "%.2f×", a / b }'), CPU $(awk -v a="$cpu" -v b="$basecpu" 'BEGIN { printf "%.2f×", a / b }') (target ≤ 1.2×)"
