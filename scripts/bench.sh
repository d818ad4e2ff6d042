#!/usr/bin/env bash
# Benchmark (not a test): dictionary load time, coding speed and peak memory of `dragoman code`
# with the built-in dictionaries and with the PETRARCH-2 production set. See docs/performance.md.
#
#   scripts/bench.sh                      # uses build/dragoman, 100 cycles, 3 repeats
#   DRAGOMAN=/tmp/dragoman CYCLES=20 REPEATS=5 scripts/bench.sh
#
# Builds nothing. Needs the corpus ../shared/bench/news-articles.jsonl (skips with status 0 when
# ../shared/bench is absent) and GNU time at /usr/bin/time (Debian: apt-get install -y time).
# Runs are sequential and single-threaded; each figure is the median of REPEATS runs.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${DRAGOMAN:-build/dragoman}
CYCLES=${CYCLES:-100}
THREADS=${THREADS:-1}  # coder threads (dragoman code --threads)
REPEATS=${REPEATS:-3}
BENCH_DIR=../shared/bench
CORPUS=$BENCH_DIR/news-articles.jsonl
DICT=../shared/petrarch/dictionaries

if [[ ! -d $BENCH_DIR ]]; then
  echo "bench: $BENCH_DIR is absent; skipping the benchmark"
  exit 0
fi
if [[ ! -f $CORPUS ]]; then
  echo "bench: $CORPUS is absent; skipping the benchmark"
  exit 0
fi
if [[ ! -x $BIN ]]; then
  echo "bench: $BIN not found; build first (cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build)" >&2
  exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "bench: GNU time (/usr/bin/time) is missing; install it with: apt-get install -y time" >&2
  exit 2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/dragoman-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# Inputs: an empty JSON Lines file (0 documents: only the dictionaries load) and the corpus
# cycled CYCLES times, each repeat with its own ids ("B0001" -> "B0001-7").
EMPTY=$TMP/empty.jsonl
BIG=$TMP/news-articles-x$CYCLES.jsonl
: >"$EMPTY"
awk -v n="$CYCLES" '{ a[NR] = $0 }
  END { for (k = 0; k < n; k++) for (i = 1; i <= NR; i++) {
          l = a[i]; sub(/"id": *"[^"]*/, "&-" k, l); print l } }' "$CORPUS" >"$BIG"

# Sentence and document counts: one --emit all run over the original file, summing the
# "sentences" field of document records, times the cycle factor.
read -r DOCS1 SENTS1 < <("$BIN" code --emit all "$CORPUS" | grep '^{"type":"document"' |
  sed -E 's/.*"sentences":([0-9]+).*/\1/' | awk '{ d++; s += $1 } END { print d + 0, s + 0 }')
DOCS=$((DOCS1 * CYCLES))
SENTS=$((SENTS1 * CYCLES))
if ((SENTS1 == 0)); then
  echo "bench: counting sentences with '$BIN code --emit all $CORPUS' found none" >&2
  exit 1
fi

BUILTIN_ARGS=()
PROD_ARGS=(--verbs "$DICT/CAMEO.2.0.txt"
  --actors "$DICT/Phoenix.Countries.actors.txt"
  --actors "$DICT/Phoenix.International.actors.txt"
  --actors "$DICT/Phoenix.MilNonState.actors.txt"
  --agents "$DICT/Phoenix.agents.txt"
  --discards "$DICT/Phoenix.discards.txt")

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# measure NAME INPUT ARGS...: runs `dragoman code ARGS INPUT > /dev/null` REPEATS times and sets
# WALL (s, nanosecond clock), CPU (user+sys s) and RSS (max resident set size, KB), each a median.
measure() {
  local name=$1 input=$2; shift 2
  local walls=() cpus=() rsss=() r t0 t1 rc log=$TMP/time.log
  for ((r = 1; r <= REPEATS; r++)); do
    t0=$(date +%s%N)
    rc=0
    /usr/bin/time -v -o "$log" "$BIN" code --threads "$THREADS" --quiet "$@" "$input" >/dev/null || rc=$?
    t1=$(date +%s%N)
    if ((rc > 1)); then
      echo "bench: $name: dragoman exited with status $rc" >&2
      cat "$log" >&2
      exit 1
    fi
    walls+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')")
    cpus+=("$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$log")")
    rsss+=("$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")")
    printf '  %-30s run %d: %7.3f s wall, %6.2f s cpu, %6d KB max RSS\n' \
      "$name" "$r" "${walls[-1]}" "${cpus[-1]}" "${rsss[-1]}" >&2
  done
  WALL=$(median "${walls[@]}")
  CPU=$(median "${cpus[@]}")
  RSS=$(median "${rsss[@]}")
}

ROWS=()
BUNDLE_ROWS=()
bench_set() {
  local label=$1; shift
  measure "$label load" "$EMPTY" "$@"
  local load=$WALL load_cpu=$CPU load_rss=$RSS
  # The same dictionaries compiled into a bundle (dragoman compile), loaded with --bundle.
  "$BIN" compile "$@" --output "$TMP/bundle.dgb" >/dev/null 2>&1
  measure "$label bundle load" "$EMPTY" --bundle "$TMP/bundle.dgb"
  BUNDLE_ROWS+=("$(awk -v l="$label" -v w="$WALL" -v c="$CPU" -v b="$(stat -c %s "$TMP/bundle.dgb")" \
    'BEGIN { printf "| %s | %.1f | %.0f | %.0f |", l, b / 1048576, w * 1000, c * 1000 }')")
  measure "$label code x$CYCLES" "$BIG" "$@"
  local total=$WALL cpu=$CPU rss=$RSS
  ROWS+=("$(awk -v l="$label" -v ld="$load" -v lr="$load_rss" -v t="$total" -v r="$rss" \
    -v lc="$load_cpu" -v c="$cpu" -v s="$SENTS" -v d="$DOCS" 'BEGIN {
      net = t - ld; netc = c - lc
      printf "| %s | %.3f | %.3f | %.3f | %.0f | %.0f | %.0f | %.1f | %.1f |", l, ld, t, net, s / net, d / net, s / netc, lr / 1024, r / 1024 }')")
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "dragoman benchmark: $BIN, corpus $CORPUS x$CYCLES = $DOCS documents, $SENTS sentences" \
  "($DOCS1 documents, $SENTS1 sentences per cycle); median of $REPEATS runs" >&2
bench_set "built-in" "${BUILTIN_ARGS[@]}"
if [[ -d $DICT ]]; then
  bench_set "PETRARCH-2 production" "${PROD_ARGS[@]}"
else
  echo "bench: $DICT is absent; skipping the production dictionary set" >&2
fi

echo
echo "machine: $(nproc) CPUs, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)," \
  "$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM"
echo "input: $DOCS documents, $SENTS sentences ($CYCLES x $CORPUS); --threads $THREADS; median of $REPEATS runs"
echo
echo "load average before/after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| dictionaries | load (s) | total (s) | coding (s) | sentences/s | documents/s | sentences/CPU-s | load peak RSS (MB) | run peak RSS (MB) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
echo
echo "| bundle of | size (MB) | load, whole process (ms) | CPU (ms) |"
echo "|---|---:|---:|---:|"
printf '%s\n' "${BUNDLE_ROWS[@]}"
