// libFuzzer entry point for text.h normalisation, sentences, tokens, datelines;
// the body is in fuzz_targets.h (docs/hardening.md).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dragoman::fuzz::FuzzText(dragoman::fuzz::Bytes(data, size));
  return 0;
}
