#!/usr/bin/env bash
# compare.sh: handbill against Typst 0.14 on the same A4 poster.
#
# The poster (bench/poster) holds the built-in headline, intro and signs in
# English, Spanish, Arabic, Hindi, Simplified Chinese and Thai, at the same
# sizes, set with the same font files from fonts/files (Noto Sans, Noto Sans
# Arabic, Noto Sans Devanagari, Noto Sans Thai and Noto Sans CJK SC, each
# regular and bold). handbill builds it through its library; Typst builds
# the same poster from Typst source that bench/poster writes, in-process
# under node through npm's @myriaddreamin/typst-ts-node-compiler, with the
# fonts given by path. One run prints, side by side: time per document
# in-process (warm, mean of N), time of a fresh process (mean of RUNS), the
# PDF's size, and the ratios handbill/Typst; the start-up figures of issue
# 17 (handbill --help against an empty Go program, a fresh English poster
# and a cold document against Typst); then handbill's own figures for the
# default catalogue and a batch of 100 documents, with peak memory.
# Fresh-process times are medians (the machine is shared: a mean is pulled
# by the runs another process slowed down).
#
#   bench/compare.sh                 # N=50 RUNS=20
#   N=200 RUNS=50 bench/compare.sh
#   KEEP=1 bench/compare.sh          # keep the work folder (PDFs, source)
#   BATCH=1 bench/compare.sh         # also bench/batch.sh: 10 to 3,000 jobs
#
# Needs go, node and npm; uses hyperfine when installed (apt-get install
# hyperfine; HYPERFINE=none to do without), a date +%s%N loop otherwise,
# and /usr/bin/time for memory.
# The npm package is installed into bench/node_modules (not committed).
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
N=${N:-50}
RUNS=${RUNS:-20}
TYPST_PKG=@myriaddreamin/typst-ts-node-compiler
TYPST_PKG_VERSION=0.7.0 # embeds Typst 0.14.2

# Go programs are built as the releases are (.goreleaser.yaml): with
# CGO_ENABLED=0, a static binary. With cgo (go build's default where a C
# compiler is installed) handbill links the C library for package net
# and every start pays the dynamic loader and libc: 14 % of
# `handbill --help`'s instructions.
export CGO_ENABLED=0

work=$(mktemp -d)
if [ -z "${KEEP:-}" ]; then
  trap 'rm -rf "$work"' EXIT
else
  echo "work folder: $work"
fi

# --- tools ---------------------------------------------------------------
if [ ! -d "$bench/node_modules/$TYPST_PKG" ]; then
  echo "installing $TYPST_PKG@$TYPST_PKG_VERSION into bench/node_modules ..." >&2
  (cd "$bench" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "$TYPST_PKG@$TYPST_PKG_VERSION" >&2)
fi
pkg_version=$(node -p "require('$bench/node_modules/$TYPST_PKG/package.json').version")
typst_version=$(node "$bench/typst.js" --version)
case $typst_version in
  0.14.*) ;;
  *) echo "compare.sh: $TYPST_PKG $pkg_version embeds Typst $typst_version, not 0.14" >&2; exit 1 ;;
esac

(cd "$root" && go build -o "$work/poster" ./bench/poster)
cli_ok=1
(cd "$root" && go build -o "$work/handbill" ./cmd/handbill) || cli_ok=0

f=$root/fonts/files
fonts=$f/NotoSans-Regular.ttf,$f/NotoSans-Bold.ttf
fonts+=,$f/NotoSansArabic-Regular.ttf,$f/NotoSansArabic-Bold.ttf
fonts+=,$f/NotoSansDevanagari-Regular.ttf,$f/NotoSansDevanagari-Bold.ttf
fonts+=,$f/NotoSansCJKSC-Regular.ttf,$f/NotoSansCJKSC-Bold.ttf
fonts+=,$f/NotoSansThai-Regular.ttf,$f/NotoSansThai-Bold.ttf

"$work/poster" -typst "$work/poster.typ"

# --- in-process ----------------------------------------------------------
hb_in=$("$work/poster" -n "$N" -o "$work/handbill.pdf")
hb_cold=$("$work/poster" -n "$((N < 20 ? N : 20))" -cold -o "$work/handbill-cold.pdf")
ty_in=$(node "$bench/typst.js" --typ "$work/poster.typ" --fonts "$fonts" --n "$N" --out "$work/typst.pdf")
ty_evict=$(node "$bench/typst.js" --typ "$work/poster.typ" --fonts "$fonts" --n "$((N < 20 ? N : 20))" --evict)

# --- fresh process -------------------------------------------------------
# fresh NAME CMD... prints the median wall time of CMD in milliseconds.
# (The median is counted from the end of hyperfine's CSV line: CMD holds
# commas.)
fresh() {
  local name=$1
  shift
  if command -v "${HYPERFINE:-hyperfine}" >/dev/null; then
    "${HYPERFINE:-hyperfine}" --warmup 2 --runs "$RUNS" --style none -N --export-csv "$work/$name.csv" -- "$(printf '%q ' "$@")" >/dev/null 2>&1
    awk -F, 'NR == 2 { printf "%.1f\n", $(NF - 4) * 1000 }' "$work/$name.csv"
  else
    "$@" >/dev/null
    local t0 i
    for ((i = 0; i < RUNS; i++)); do
      t0=$(date +%s%N)
      "$@" >/dev/null
      echo $(($(date +%s%N) - t0))
    done | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f\n", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) / 1e6 }'
  fi
}
hb_fresh=$(fresh handbill "$work/poster" -o "$work/handbill-fresh.pdf")
ty_fresh=$(fresh typst node "$bench/typst.js" --typ "$work/poster.typ" --fonts "$fonts" --out "$work/typst-fresh.pdf")
node_fresh=$(fresh node node -e 0)
# Start-up (issue 17): an empty Go program, handbill --help, and a fresh
# English A4 poster written by the command line.
cat >"$work/empty.go" <<'GO'
package main

func main() {}
GO
(cd "$work" && go build -o "$work/empty" empty.go)
empty_fresh=$(fresh empty "$work/empty")
if [ $cli_ok = 1 ]; then
  help_fresh=$(fresh help "$work/handbill" --help)
  en_fresh=$(fresh en "$work/handbill" build --layout poster-a4 --lang en --out "$work/out-en")
fi

hb_size=$(stat -c %s "$work/handbill.pdf")
ty_size=$(stat -c %s "$work/typst.pdf")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "met" : "MISSED") }'; }

echo
echo "A4 poster, headline + intro + signs in en es ar hi zh-Hans th, same Noto font files"
echo "Typst $typst_version via $TYPST_PKG $pkg_version under node $(node --version); $(nproc) CPUs"
echo
printf '%-34s %12s %12s %9s   %s\n' "" handbill Typst ratio "target (issue 6)"
printf '%-34s %12.2f %12.2f %9s   %s\n' "in-process, ms/document (N=$N)" "$hb_in" "$ty_in" "$(ratio "$hb_in" "$ty_in")" \
  "≤ 0.80×: $(verdict "$(awk -v a="$hb_in" -v b="$ty_in" 'BEGIN{print a/b}')" 0.8)"
printf '%-34s %12.1f %12.1f %9s   %s\n' "fresh process, ms (median of $RUNS)" "$hb_fresh" "$ty_fresh" "$(ratio "$hb_fresh" "$ty_fresh")" \
  "handbill ≤ 100 ms: $(verdict "$hb_fresh" 100)"
printf '%-34s %12.1f %12.1f %9s   %s\n' "file size, KB" "$(awk -v s="$hb_size" 'BEGIN{print s/1024}')" \
  "$(awk -v s="$ty_size" 'BEGIN{print s/1024}')" "$(ratio "$hb_size" "$ty_size")" \
  "≤ 0.90×: $(verdict "$(awk -v a="$hb_size" -v b="$ty_size" 'BEGIN{print a/b}')" 0.9)"
echo
echo "for reference: in-process with every cache emptied before each run (fonts stay parsed):"
echo "               handbill $hb_cold ms/document, Typst (memo evicted) $ty_evict ms/document;"
echo "               an empty node process: $node_fresh ms"

echo
printf '%-34s %12s %12s %9s   %s\n' "start-up and cold (issue 17)" handbill against ratio target
if [ $cli_ok = 1 ]; then
  printf '%-34s %12.1f %12.1f %9s   %s\n' "handbill --help / empty Go, ms" "$help_fresh" "$empty_fresh" "$(ratio "$help_fresh" "$empty_fresh")" \
    "< 3×: $(verdict "$(awk -v a="$help_fresh" -v b="$empty_fresh" 'BEGIN{print a/b}')" 2.9999)"
  printf '%-34s %12.1f %12.1f %9s   %s\n' "fresh English poster / Typst, ms" "$en_fresh" "$ty_fresh" "$(ratio "$en_fresh" "$ty_fresh")" \
    "≤ 0.25×: $(verdict "$(awk -v a="$en_fresh" -v b="$ty_fresh" 'BEGIN{print a/b}')" 0.25)"
fi
printf '%-34s %12.2f %12.2f %9s   %s\n' "cold document / Typst evicted, ms" "$hb_cold" "$ty_evict" "$(ratio "$hb_cold" "$ty_evict")" \
  "≤ 0.30×: $(verdict "$(awk -v a="$hb_cold" -v b="$ty_evict" 'BEGIN{print a/b}')" 0.3)"

# --- handbill alone: catalogue and batch -----------------------------------
# timed NAME CMD... runs CMD --out DIR three times; prints the best wall
# time in seconds, the largest peak resident memory in MB and the number
# of PDFs written, or "failed".
timed() {
  local name=$1 best="" peak=0 i e m
  shift
  for i in 1 2 3; do
    rm -rf "$work/out-$name"
    if ! /usr/bin/time -f '%e %M' -o "$work/time-$name" "$@" --out "$work/out-$name" >/dev/null 2>"$work/err-$name"; then
      echo failed
      return
    fi
    read -r e m <"$work/time-$name"
    best=$(awk -v a="$best" -v b="$e" 'BEGIN { print (a == "" || b < a) ? b : a }')
    peak=$((m > peak ? m : peak))
  done
  echo "$best $((peak / 1024)) $(find "$work/out-$name" -name '*.pdf' | wc -l)"
}
# row LABEL NAME TARGET_S TARGET_MB CMD... prints one line of figures.
row() {
  local label=$1 name=$2 ts=$3 tm=$4 r
  shift 4
  r=$(timed "$name" "$@")
  if [ "$r" = failed ]; then
    printf '%-44s failed: %s\n' "$label" "$(tail -1 "$work/err-$name")"
    return
  fi
  read -r t mb n <<<"$r"
  printf '%-44s %6.2f s %5d MB %4d PDFs   %s\n' "$label" "$t" "$mb" "$n" \
    "${ts:+< $ts s: $(awk -v v="$t" -v l="$ts" 'BEGIN { print (v < l ? "met" : "MISSED") }')}${tm:+, < $tm MB: $(awk -v v="$mb" -v l="$tm" 'BEGIN { print (v < l ? "met" : "MISSED") }')}"
}
echo
if [ ! -x /usr/bin/time ]; then
  echo "no /usr/bin/time (apt-get install time): catalogue and batch figures skipped"
elif [ $cli_ok = 0 ]; then
  echo "cmd/handbill does not build: catalogue and batch figures skipped"
else
  printf '%-44s %8s %8s %9s   %s\n' "handbill build (best of 3)" time "peak" files "target (issue 6)"
  row "default catalogue" catalogue 3 300 "$work/handbill" build
  row "batch: poster + flyer in 20 languages" batch 3 300 "$work/handbill" build --layout poster --layout flyer \
    --lang en,am,ar,es,fa,fil,fr,hi,hmn,ht,hy,ja,km,ko,pa,pl,pt,ru,so,th
  row "one poster (poster-a4, en)" one "" "" "$work/handbill" build --layout poster-a4 --lang en
fi
if [ -n "${BATCH:-}" ] && [ $cli_ok = 1 ]; then
  echo
  echo "batches (bench/batch.sh; target: ms/PDF at 3,000 jobs ≤ 1.2× at 10):"
  HANDBILL="$work/handbill" "$bench/batch.sh" 10 100 1000 3000
fi
