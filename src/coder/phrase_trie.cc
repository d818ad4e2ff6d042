// PhraseTrie: see phrase_trie.h.
#include "coder/phrase_trie.h"

namespace dragoman::coder {

void PhraseTrie::Add(const Phrase& phrase, Vocabulary* vocabulary, uint32_t value) {
  if (phrase.empty()) return;
  uint32_t node = 0;
  for (const PhraseWord& w : phrase) {
    uint32_t id = vocabulary->Add(w.word);
    uint32_t next = static_cast<uint32_t>(nodes_.size());
    Children* children;
    if (node == 0) {
      if (roots_.size() <= id) roots_.resize(id + 1);
      children = &roots_[id];
    } else {
      nodes_[node].child_words |= ChildBit(id);
      children = &edges_[Key(node, id)];
      AddToEdgeFilter(Key(node, id));
    }
    uint32_t& child = w.exact ? children->exact : children->stem;
    if (child == 0) child = next;
    if (node != 0 && edges_.size() * 8 > edge_filter_mask_ + 1) GrowEdgeFilter();
    node = child;
    if (node == next) nodes_.emplace_back();
  }
  Node& n = nodes_[node];
  if (n.first_value == kNoValue) {
    n.first_value = value;
    return;
  }
  if (n.first_value == value) return;
  if (n.extra == 0) {
    extra_values_.emplace_back();
    n.extra = static_cast<uint32_t>(extra_values_.size());
  }
  std::vector<uint32_t>& more = extra_values_[n.extra - 1];
  for (uint32_t v : more)
    if (v == value) return;
  more.push_back(value);
}

void PhraseTrie::GrowEdgeFilter() {
  edge_filter_.assign(edge_filter_.size() * 4, 0);
  edge_filter_mask_ = edge_filter_.size() * 64 - 1;
  edges_.ForEach([&](uint64_t key, const Children&) { AddToEdgeFilter(key); });
}

bool PhraseTrie::LongestMatch(std::span<const WordIds> tokens, size_t start, size_t* end,
                              std::vector<uint32_t>* values) const {
  size_t best = start;
  values->clear();
  // (LongestAt has checked that a phrase may start here.)
  auto found = [&](size_t e, uint32_t v) {
    if (e > best) {
      best = e;
      values->clear();
    }
    if (e == best) {
      for (uint32_t x : *values)
        if (x == v) return;
      values->push_back(v);
    }
  };
  Walk(tokens, start, 0, found);
  *end = best;
  return best > start;
}

}  // namespace dragoman::coder
