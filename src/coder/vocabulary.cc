// Vocabulary: dense word ids and the regular-ending stems of text tokens (see vocabulary.h).
#include "coder/vocabulary.h"

#include <cstring>

namespace dragoman::coder {

void Vocabulary::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id_plus_one == 0) continue;
    size_t i = s.hash & mask;
    while (slots_[i].id_plus_one != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

uint32_t Vocabulary::Add(std::string_view word) {
  if (uint32_t id = Find(word); id != kNoWord) return id;
  if ((words_.size() + 1) * 2 > slots_.size()) Grow();
  const uint64_t h = HashOf(word);
  const size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  while (slots_[i].id_plus_one != 0) i = (i + 1) & mask;
  uint32_t id = static_cast<uint32_t>(words_.size());
  words_.emplace_back(word);
  slots_[i] = Slot{h, id + 1};
  return id;
}

uint32_t Vocabulary::Find(std::string_view word) const {
  if (slots_.empty()) return kNoWord;
  const uint64_t h = HashOf(word);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.id_plus_one == 0) return kNoWord;
    if (s.hash == h && words_[s.id_plus_one - 1] == word) return s.id_plus_one - 1;
  }
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
