// Vocabulary: dense word ids and the regular-ending stems of text tokens (see vocabulary.h).
#include "coder/vocabulary.h"

#include <cstring>

namespace dragoman::coder {

uint32_t Vocabulary::Add(std::string_view word) {
  auto it = ids_.find(word);
  if (it != ids_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(words_.size());
  words_.emplace_back(word);
  ids_.emplace(std::string(word), id);
  return id;
}

uint32_t Vocabulary::Find(std::string_view word) const {
  auto it = ids_.find(word);
  return it == ids_.end() ? kNoWord : it->second;
}

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

WordIds Vocabulary::Lookup(std::string_view norm) const {
  WordIds ids;
  ids.exact = Find(norm);
  // Base forms are only tried for words of at least 4 letters, so that "USED" never becomes "US"
  // and "ITS" never "IT"; the base itself must keep 3 letters.
  if (norm.size() < 4) return ids;
  auto try_stem = [&](std::string_view base, std::string_view add = {}) {
    if (ids.stem_count == ids.stems.size() || base.size() < 3) return;
    uint32_t id;
    if (add.empty()) {
      id = Find(base);
    } else {
      // base + add in a stack buffer: no allocation per token.
      char buf[64];
      if (base.size() + add.size() > sizeof buf) return;
      std::memcpy(buf, base.data(), base.size());
      std::memcpy(buf + base.size(), add.data(), add.size());
      id = Find(std::string_view(buf, base.size() + add.size()));
    }
    if (id == kNoWord || id == ids.exact) return;
    for (uint8_t i = 0; i < ids.stem_count; ++i)
      if (ids.stems[i] == id) return;
    ids.stems[ids.stem_count++] = id;
  };
  const size_t n = norm.size();
  if (EndsWith(norm, "IES")) try_stem(norm.substr(0, n - 3), "Y");
  if (EndsWith(norm, "IED")) try_stem(norm.substr(0, n - 3), "Y");
  if (EndsWith(norm, "ES")) try_stem(norm.substr(0, n - 2));
  if (EndsWith(norm, "S") && !EndsWith(norm, "SS")) try_stem(norm.substr(0, n - 1));
  if (EndsWith(norm, "ED")) {
    try_stem(norm.substr(0, n - 2));
    try_stem(norm.substr(0, n - 1));  // "FREED"? no: "SHARED" → SHARE
    if (n >= 5 && norm[n - 3] == norm[n - 4]) try_stem(norm.substr(0, n - 3));  // STOPPED → STOP
  }
  if (EndsWith(norm, "ING")) {
    try_stem(norm.substr(0, n - 3));
    try_stem(norm.substr(0, n - 3), "E");  // SHARING → SHARE
    if (n >= 6 && norm[n - 4] == norm[n - 5]) try_stem(norm.substr(0, n - 4));
  }
  if (EndsWith(norm, "EN")) try_stem(norm.substr(0, n - 2));
  return ids;
}

}  // namespace dragoman::coder
