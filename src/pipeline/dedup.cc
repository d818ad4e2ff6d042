// De-duplication of events: see dedup.h.
#include "pipeline/dedup.h"

#include <string_view>

namespace dragoman::pipeline {

bool ParseDedup(std::string_view name, Dedup* mode) {
  if (name == "none") *mode = Dedup::kNone;
  else if (name == "story") *mode = Dedup::kStory;
  else if (name == "day") *mode = Dedup::kDay;
  else return false;
  return true;
}

void Deduplicator::Select(const CodedDocument& coded, std::vector<uint32_t>* kept) {
  kept->clear();
  // Same source, target and code (an absent target counts as the code "").
  auto same = [](const Event& a, const Event& b) {
    return a.source.code == b.source.code && a.cameo == b.cameo &&
           (a.has_target ? a.target.code : std::string_view()) ==
               (b.has_target ? b.target.code : std::string_view());
  };
  if (mode_ == Dedup::kStory && coded.events.size() <= 64) {
    // A story has few events: compared pairwise, no keys built.
    for (uint32_t i = 0; i < coded.events.size(); ++i) {
      bool repeat = false;
      for (uint32_t k : *kept) repeat = repeat || same(coded.events[k], coded.events[i]);
      if (!repeat) kept->push_back(i);
    }
    return;
  }
  std::unordered_set<std::string> story;
  for (uint32_t i = 0; i < coded.events.size(); ++i) {
    const Event& e = coded.events[i];
    if (mode_ == Dedup::kNone) {
      kept->push_back(i);
      continue;
    }
    std::string key = e.source.code + '\t' + (e.has_target ? e.target.code : std::string()) +
                      '\t' + e.cameo;
    if (mode_ == Dedup::kStory) {
      if (story.insert(std::move(key)).second) kept->push_back(i);
      continue;
    }
    key += '\t' + std::to_string(e.date == kNoDay ? coded.date : e.date);
    if (seen_.insert(std::move(key)).second) kept->push_back(i);
  }
}

}  // namespace dragoman::pipeline
