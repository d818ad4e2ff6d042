// De-duplication of events: see dedup.h.
#include "pipeline/dedup.h"

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
