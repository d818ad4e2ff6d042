// libFuzzer entry point for Coder::Code() and the output records on arbitrary bytes;
// the body is in fuzz_targets.h (docs/hardening.md).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dragoman::fuzz::FuzzCode(dragoman::fuzz::Bytes(data, size));
  return 0;
}
