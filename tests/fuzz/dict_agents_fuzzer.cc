// libFuzzer entry point for the agent dictionary reader;
// the body is in fuzz_targets.h (docs/hardening.md).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dragoman::fuzz::FuzzDictionary(dragoman::DictionaryKind::kAgents,
                                 dragoman::fuzz::Bytes(data, size));
  return 0;
}
