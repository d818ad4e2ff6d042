#!/usr/bin/env bash
# Builds dragoman and runs its test suite (unit, golden and end-to-end tests) with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2
ctest --test-dir build --output-on-failure -j2
