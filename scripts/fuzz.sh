#!/usr/bin/env bash
# Builds dragoman's libFuzzer targets (tests/fuzz, clang) in build-fuzz and runs each of them.
# See docs/hardening.md.
#
#   scripts/fuzz.sh                        # every target, 600 s each, one after another
#   JOBS=2 scripts/fuzz.sh                 # build with two compile jobs (default one)
#   scripts/fuzz.sh --time 60 text code    # chosen targets, 60 s each
#   scripts/fuzz.sh --no-build text        # run what build-fuzz already holds
#   scripts/fuzz.sh --ci                   # CI: every target for 30 s, two at a time
#                                          # (FUZZ_TIME and FUZZ_PARALLEL override)
#
# Corpora live in build-fuzz/corpus/TARGET and grow from run to run. Each run also seeds them
# from tests/fuzz/seeds/TARGET, tests/regressions/TARGET, the repository's own data/, examples/
# and tests/eval/, and, when present, the fixtures in ../shared (copied into build-fuzz, never into
# the repository). Crashes, leaks and hangs are saved as build-fuzz/findings/TARGET/*; add each
# to tests/regressions/TARGET/ once fixed. Exit status: 0 no finding (or clang with libFuzzer is
# unavailable: skipped with a message), 1 a target found something, 2 a build or usage error.
set -euo pipefail
cd "$(dirname "$0")/.."

ALL_TARGETS="text dict_verbs dict_actors dict_agents dict_discards dict_issues validation_suite jsonl
  compressed bundle code"
TIME=${FUZZ_TIME:-600}
jobs=${JOBS:-1}
parallel=${FUZZ_PARALLEL:-1}
no_build=0
BUILD=${FUZZ_BUILD_DIR:-build-fuzz}
targets=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --ci) TIME=${FUZZ_TIME:-30}; jobs=${JOBS:-2}; parallel=${FUZZ_PARALLEL:-2}; shift ;;
    --time) TIME=$2; shift 2 ;;
    --no-build) no_build=1; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fuzz: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
if [[ ${#targets[@]} -eq 0 ]]; then
  for t in $ALL_TARGETS; do
    [[ -f tests/fuzz/${t}_fuzzer.cc ]] && targets+=("$t")
  done
fi

# clang with libFuzzer: the first clang++ that links a trivial fuzz target.
CXX_FUZZ=""
probe=$(mktemp -d "${TMPDIR:-/tmp}/dragoman-fuzz-probe.XXXXXX")
trap 'rm -rf "$probe"' EXIT
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' \
  >"$probe/p.cc"
for c in ${FUZZ_CXX:-} clang++ clang++-19 clang++-18 clang++-17 clang++-16 clang++-15 clang++-14; do
  if command -v "$c" >/dev/null &&
     "$c" -fsanitize=fuzzer,address,undefined "$probe/p.cc" -o "$probe/p" >/dev/null 2>&1; then
    CXX_FUZZ=$(command -v "$c")
    break
  fi
done
if [[ -z $CXX_FUZZ ]]; then
  echo "fuzz: skipped: no clang++ with libFuzzer found (Debian: apt-get install clang-14 libclang-rt-14-dev)"
  exit 0
fi

build_targets=()
for t in "${targets[@]}"; do
  [[ -f tests/fuzz/${t}_fuzzer.cc ]] || { echo "fuzz: no target '$t' (tests/fuzz/${t}_fuzzer.cc)" >&2; exit 2; }
  build_targets+=("${t}_fuzzer")
  [[ $t != bundle ]] || build_targets+=(dragoman_cli)  # compiles the bundle seeds
done
if [[ $no_build = 0 ]]; then
  echo "fuzz: building in $BUILD with $CXX_FUZZ"
  cmake -S . -B "$BUILD" -DDRAGOMAN_FUZZ=ON -DDRAGOMAN_BUILD_TESTS=OFF -DCMAKE_CXX_COMPILER="$CXX_FUZZ" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g" >/dev/null
  cmake --build "$BUILD" -j"$jobs" --target "${build_targets[@]}" >"$BUILD/fuzz-build.log" 2>&1 || {
    tail -40 "$BUILD/fuzz-build.log"
    echo "fuzz: build failed ($BUILD/fuzz-build.log)" >&2
    exit 2
  }
fi
for t in "${targets[@]}"; do
  [[ -x $BUILD/tests/fuzz/${t}_fuzzer ]] || { echo "fuzz: $BUILD/tests/fuzz/${t}_fuzzer is not built" >&2; exit 2; }
done

SHARED=../shared
seeds=$BUILD/seeds
# Splits FILE at line boundaries into pieces of at most 4 KB under DIR (first 400 pieces).
chunk() {
  local file=$1 dir=$2 base
  [[ -f $file ]] || return 0
  base=$(basename "$file")
  split -C 4096 -d -a 4 "$file" "$dir/$base." 2>/dev/null || true
  find "$dir" -name "$base.*" | sort | tail -n +401 | xargs -r rm -f
}
# One seed per JSON Lines record's "text" (needs python3; skipped without it).
texts() {
  local file=$1 dir=$2
  [[ -f $file ]] && command -v python3 >/dev/null || return 0
  python3 - "$file" "$dir" <<'EOF'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
for i, line in enumerate(open(src, encoding="utf-8", errors="replace")):
    try:
        text = json.loads(line).get("text")
    except ValueError:
        continue
    if isinstance(text, str) and i < 400:
        open(os.path.join(out, "%s.%04d" % (os.path.basename(src), i)), "w").write(text)
EOF
}
make_seeds() {
  local t=$1 dir=$seeds/$1 f
  rm -rf "$dir"
  mkdir -p "$dir"
  for f in tests/fuzz/seeds/"$t"/* tests/regressions/"$t"/*; do
    [[ -f $f ]] && cp "$f" "$dir/"
  done
  case $t in
    text|code)
      for f in examples/*.txt "$SHARED"/examples/*.txt; do chunk "$f" "$dir"; done
      texts tests/eval/sentences.jsonl "$dir" ;;
    jsonl)
      chunk tests/eval/sentences.jsonl "$dir" ;;
    compressed)  # 'g' + gzip data, 'z' + zstd data
      for f in examples/*.txt tests/fuzz/seeds/jsonl/*; do
        [[ -f $f ]] || continue
        { printf g; gzip -c "$f"; } >"$dir/$(basename "$f").gz" 2>/dev/null || true
        if command -v zstd >/dev/null; then
          { printf z; zstd -q -c "$f"; } >"$dir/$(basename "$f").zst" 2>/dev/null || true
        fi
      done ;;
    dict_verbs)
      chunk data/verbs.txt "$dir"
      for f in "$SHARED"/petrarch/dictionaries/CAMEO.* "$SHARED"/petrarch/validation/*/*verbs*; do
        chunk "$f" "$dir"
      done ;;
    dict_actors)
      for f in data/actors/*.txt "$SHARED"/petrarch/dictionaries/*.actors.txt \
               "$SHARED"/petrarch/validation/*/*actors*; do
        chunk "$f" "$dir"
      done ;;
    dict_agents)
      for f in data/agents.txt "$SHARED"/petrarch/dictionaries/Phoenix.agents.txt \
               "$SHARED"/petrarch/validation/*/*agents*; do
        chunk "$f" "$dir"
      done ;;
    dict_discards)
      for f in data/discards.txt "$SHARED"/petrarch/dictionaries/Phoenix.discards.txt \
               "$SHARED"/petrarch/validation/*/*discards*; do
        chunk "$f" "$dir"
      done ;;
    dict_issues)
      chunk "$SHARED"/petrarch/dictionaries/Phoenix.IssueCoding.txt "$dir" ;;
    bundle)  # small bundles compiled from the hand-written seeds, without their CRC-32 trailer
      local s=tests/fuzz/seeds
      if [[ -x $BUILD/dragoman ]]; then
        # A small CAMEO table (the roots and codes the seed samples use) keeps them small.
        grep -E '^(code|0[0-9]?|04[0-9]*|1[0-9]|19[0-9]*|20)\b' data/cameo.tsv >"$dir/cameo.tsv"
        "$BUILD/dragoman" compile --quiet --cameo "$dir/cameo.tsv" --verbs $s/dict_verbs/petr2.txt \
          --actors $s/dict_actors/actors.txt --agents $s/dict_agents/agents.txt \
          --discards $s/dict_discards/discards.txt -o "$dir/petr2.bundle" >/dev/null 2>&1 || true
        "$BUILD/dragoman" compile --quiet --cameo "$dir/cameo.tsv" --verbs $s/dict_verbs/petr1-tabari.txt \
          --actors $s/dict_actors/actors.txt --sample 'Arnor met Russia.|2022-01-01' \
          -o "$dir/petr1.bundle" >/dev/null 2>&1 || true
        for f in "$dir"/*.bundle; do
          [[ -f $f ]] && head -c -4 "$f" >"$f.seed" && rm -f "$f"
        done
        rm -f "$dir/cameo.tsv"
      fi ;;
    validation_suite)
      for f in "$SHARED"/petrarch/validation/*/*.xml; do chunk "$f" "$dir"; done ;;
  esac
}

# Runs target $1 to its time limit; writes a one-line verdict to $BUILD/logs/$1.result and
# returns libFuzzer's status.
run_one() {
  local t=$1 log=$BUILD/logs/$1.log start took rc runs cov
  start=$(date +%s)
  rc=0
  "$BUILD/tests/fuzz/${t}_fuzzer" -max_total_time="$TIME" -timeout=25 -rss_limit_mb=2560 \
    -max_len=8192 -print_final_stats=1 -artifact_prefix="$BUILD/findings/$t/" \
    "$BUILD/corpus/$t" "$seeds/$t" >"$log" 2>&1 || rc=$?
  took=$(($(date +%s) - start))
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  if [[ $rc -eq 0 ]]; then
    echo "fuzz: $t: ok, ${runs:-?} runs in ${took}s, $cov" >"$BUILD/logs/$t.result"
  else
    { echo "fuzz: $t: FOUND A PROBLEM after ${took}s (log $log):"
      grep -E 'ERROR|SUMMARY|FUZZ_CHECK|Test unit written' "$log" | head -8 | sed 's/^/  /' || true
    } >"$BUILD/logs/$t.result"
  fi
  return $rc
}

# At most $parallel targets at once (--ci: one per core of a CI machine, 2).
status=0
running=0
for t in "${targets[@]}"; do
  make_seeds "$t"
  mkdir -p "$BUILD/corpus/$t" "$BUILD/findings/$t" "$BUILD/logs"
  rm -f "$BUILD/logs/$t.result"
  run_one "$t" &
  running=$((running + 1))
  if [[ $running -ge $parallel ]]; then
    wait -n || status=1
    running=$((running - 1))
  fi
done
while [[ $running -gt 0 ]]; do
  wait -n || status=1
  running=$((running - 1))
done
for t in "${targets[@]}"; do cat "$BUILD/logs/$t.result"; done
exit $status
