// De-duplication of events across a run (--dedup).
//
//   kNone, kStory  every event the coder emits. The coder already keeps one event per (source,
//                  target, code) per story, so the two are the same today; kStory names that
//                  guarantee explicitly and re-checks it.
//   kDay           "one-a-day", as the Phoenix pipeline did: one event per (date, source, target,
//                  code) across the whole run; the first in input order is kept.
//
// Select() is called by the single writer thread in input order, so what is kept is the same at
// any thread count. kDay remembers every key it has seen: memory grows with the number of
// distinct (date, source, target, code) combinations, not with the number of documents.
#ifndef DRAGOMAN_PIPELINE_DEDUP_H_
#define DRAGOMAN_PIPELINE_DEDUP_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "dragoman/coder.h"

namespace dragoman::pipeline {

enum class Dedup { kNone, kStory, kDay };

// "none", "story", "day".
bool ParseDedup(std::string_view name, Dedup* mode);

// Not thread-safe.
class Deduplicator {
 public:
  explicit Deduplicator(Dedup mode) : mode_(mode) {}
  // The indices of coded.events to keep, in order.
  void Select(const CodedDocument& coded, std::vector<uint32_t>* kept);

 private:
  Dedup mode_;
  std::unordered_set<std::string> seen_;  // kDay keys
};

}  // namespace dragoman::pipeline

#endif  // DRAGOMAN_PIPELINE_DEDUP_H_
