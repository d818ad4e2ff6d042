#!/usr/bin/env bash
# Builds the whole test suite with AddressSanitizer and UndefinedBehaviorSanitizer
# (-DDRAGOMAN_SANITIZE=ON) in build-asan and runs it with ctest. Any sanitizer report fails the
# run: UBSan does not recover, ASan aborts, and LeakSanitizer checks every process at exit.
# See docs/hardening.md.
#
#   scripts/sanitize.sh                  # clang++ when installed (builds 3x faster than g++), two jobs
#   CXX=g++ JOBS=1 scripts/sanitize.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${SANITIZE_BUILD_DIR:-build-asan}
JOBS=${JOBS:-2}
if [[ -z ${CXX:-} ]]; then
  for c in clang++ clang++-14; do
    if command -v "$c" >/dev/null; then CXX=$c; break; fi
  done
fi

# -O1 keeps the run fast enough; no NDEBUG, so assert()s are checked too.
cmake -S . -B "$BUILD" -DDRAGOMAN_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g" ${CXX:+-DCMAKE_CXX_COMPILER="$CXX"} >/dev/null
cmake --build "$BUILD" -j"$JOBS"

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
ctest --test-dir "$BUILD" --output-on-failure -j"$JOBS" --timeout 900
