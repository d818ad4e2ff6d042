// PhraseTrie: see phrase_trie.h.
#include "coder/phrase_trie.h"

namespace dragoman::coder {

void PhraseTrie::Add(const Phrase& phrase, Vocabulary* vocabulary, uint32_t value) {
  if (phrase.empty()) return;
  uint32_t node = 0;
  for (const PhraseWord& w : phrase) {
    uint32_t id = vocabulary->Add(w.word);
    auto [it, inserted] = edges_.try_emplace(Key(node, id, w.exact), 0);
    if (inserted) {
      it->second = static_cast<uint32_t>(nodes_.size());
      nodes_.emplace_back();
    }
    node = it->second;
  }
  auto& values = nodes_[node].values;
  for (uint32_t v : values)
    if (v == value) return;
  values.push_back(value);
}

bool PhraseTrie::LongestAt(std::span<const WordIds> tokens, size_t start, size_t* end,
                           std::vector<uint32_t>* values) const {
  size_t best = start;
  values->clear();
  MatchAt(tokens, start, [&](size_t e, uint32_t v) {
    if (e > best) {
      best = e;
      values->clear();
    }
    if (e == best) {
      for (uint32_t x : *values)
        if (x == v) return;
      values->push_back(v);
    }
  });
  *end = best;
  return best > start;
}

}  // namespace dragoman::coder
