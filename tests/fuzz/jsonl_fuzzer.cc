// libFuzzer entry point for the JSON Lines input reader (io::LineReader + io::DecodeRecord); the
// body is in fuzz_targets.h (docs/hardening.md).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dragoman::fuzz::FuzzJsonLines(dragoman::fuzz::Bytes(data, size));
  return 0;
}
