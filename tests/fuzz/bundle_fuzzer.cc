// libFuzzer entry point for the dictionary bundle reader and its self-check (ParseBundle,
// CreateBundleCoder); the body is in fuzz_targets.h (docs/hardening.md).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dragoman::fuzz::FuzzBundle(dragoman::fuzz::Bytes(data, size));
  return 0;
}
