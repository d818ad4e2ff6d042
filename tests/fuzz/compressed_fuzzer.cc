// libFuzzer entry point for the gzip and zstd input decoders (io::Decompress); the body is in
// fuzz_targets.h (docs/hardening.md).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dragoman::fuzz::FuzzCompressed(dragoman::fuzz::Bytes(data, size));
  return 0;
}
