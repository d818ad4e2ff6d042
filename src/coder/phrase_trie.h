// A trie of dictionary phrases keyed by word ids, for longest-match lookup over tokens.
//
// Each edge is (node, word id, exact): an exact edge matches only a token whose own form is that
// word; a non-exact edge also matches a token whose regular-ending stem is that word. All edges of
// the trie live in one hash map, so a phrase set of any size costs one probe per candidate id.
#ifndef DRAGOMAN_CODER_PHRASE_TRIE_H_
#define DRAGOMAN_CODER_PHRASE_TRIE_H_

#include <cstdint>
#include <span>
#include <vector>

#include "coder/flat_map.h"
#include "coder/vocabulary.h"
#include "dragoman/dictionary.h"

namespace dragoman::coder {

class PhraseTrie {
 public:
  PhraseTrie() : nodes_(1) {}

  // Adds a phrase (words already in `vocabulary`) with a payload value.
  void Add(const Phrase& phrase, Vocabulary* vocabulary, uint32_t value);

  // Calls found(end, value) for every phrase that matches tokens[start..end). Longer matches are
  // reported after shorter ones only by accident of traversal: callers compare `end` themselves.
  template <typename Found>
  void MatchAt(std::span<const WordIds> tokens, size_t start, Found&& found) const {
    if (start < tokens.size() && MayStart(tokens[start])) Walk(tokens, start, 0, found);
  }

  // The longest match at `start`: fills *end and the values there; false when none.
  bool LongestAt(std::span<const WordIds> tokens, size_t start, size_t* end,
                 std::vector<uint32_t>* values) const {
    // Most tokens start no phrase: answered here, inline, from the root array.
    if (start >= tokens.size() || !MayStart(tokens[start])) {
      *end = start;
      values->clear();
      return false;
    }
    return LongestMatch(tokens, start, end, values);
  }

  // Memory hints for a token about to be matched (they change nothing else): the root entries
  // of its words, then, once those are in cache, the nodes they lead to. A sentence's tokens are
  // hinted together so that their cache misses overlap instead of coming one after another.
  void PrefetchRoots(const WordIds& t) const {
    auto hint = [&](uint32_t w) {
      if (w < roots_.size()) __builtin_prefetch(&roots_[w]);
    };
    if (t.exact != kNoWord) hint(t.exact);
    for (uint8_t i = 0; i < t.stem_count; ++i) hint(t.stems[i]);
  }
  void PrefetchNodes(const WordIds& t) const {
    auto hint = [&](uint32_t w) {
      if (w >= roots_.size()) return;
      if (roots_[w].exact) __builtin_prefetch(&nodes_[roots_[w].exact]);
      if (roots_[w].stem) __builtin_prefetch(&nodes_[roots_[w].stem]);
    };
    if (t.exact != kNoWord) hint(t.exact);
    for (uint8_t i = 0; i < t.stem_count; ++i) hint(t.stems[i]);
  }

  bool empty() const { return nodes_.size() == 1; }
  // Whether some phrase starts with `word` (by either kind of edge).
  bool Starts(uint32_t word) const {
    return word < roots_.size() && (roots_[word].exact | roots_[word].stem);
  }
  size_t root_words() const { return roots_.size(); }

 private:
  // A node fits in 16 bytes, so a walk reads one cache line per node: its first value inline
  // (most nodes have at most one), more values in extra_values_, and a 64-bit filter of the
  // words its children are reached by, which answers most failed continuations without
  // probing edges_.
  static constexpr uint32_t kNoValue = UINT32_MAX;
  struct Node {
    uint32_t first_value = kNoValue;
    uint32_t extra = 0;         // 1 + index into extra_values_, or 0
    uint64_t child_words = 0;   // bit ChildBit(word) for each word with an edge from here
  };
  static uint64_t ChildBit(uint32_t word) { return uint64_t{1} << ((word * 0x9E3779B1u) >> 26); }
  // The children of a node by one word: through an exact edge and through a non-exact one.
  struct Children {
    uint32_t exact = 0;  // child by an exact edge, or 0
    uint32_t stem = 0;   // child by a non-exact edge, or 0
    bool operator==(const Children&) const = default;
  };
  static uint64_t Key(uint32_t node, uint32_t word) {
    return (static_cast<uint64_t>(node) << 32) | word;
  }
  // One probe answers both edges.
  Children ChildrenOf(uint32_t node, uint32_t word) const {
    if (node == 0) return word < roots_.size() ? roots_[word] : Children{};
    return edges_.Find(Key(node, word));
  }
  // A second filter over all edges below the root, one bit per (node, word) by hash, about
  // eight bits an edge: a node's own 64 bits say little once it has dozens of children ("THE"
  // starts hundreds of names), and a failed probe of edges_ costs a cache miss in a table many
  // times this size.
  static uint64_t EdgeHash(uint64_t key) { return (key * 0x9E3779B97F4A7C15ULL) >> 20; }
  bool MayHaveEdge(uint64_t key) const {
    const uint64_t bit = EdgeHash(key) & edge_filter_mask_;
    return (edge_filter_[bit >> 6] >> (bit & 63)) & 1;
  }
  void AddToEdgeFilter(uint64_t key) {
    const uint64_t bit = EdgeHash(key) & edge_filter_mask_;
    edge_filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  void GrowEdgeFilter();
  bool MayStart(const WordIds& t) const {
    if (t.exact != kNoWord && Starts(t.exact)) return true;
    for (uint8_t i = 0; i < t.stem_count; ++i)
      if (Starts(t.stems[i])) return true;
    return false;
  }
  bool LongestMatch(std::span<const WordIds> tokens, size_t start, size_t* end,
                    std::vector<uint32_t>* values) const;
  template <typename Found>
  void Walk(std::span<const WordIds> tokens, size_t pos, uint32_t node, Found& found) const {
    const Node& here = nodes_[node];
    if (node != 0 && here.first_value != kNoValue) {
      found(pos, here.first_value);
      if (here.extra)
        for (uint32_t v : extra_values_[here.extra - 1]) found(pos, v);
    }
    if (pos >= tokens.size()) return;
    const WordIds& t = tokens[pos];
    // At the root the array answers; below it the filter first, then edges_.
    auto children = [&](uint32_t word) {
      if (node != 0 && (!(here.child_words & ChildBit(word)) || !MayHaveEdge(Key(node, word))))
        return Children{};
      return ChildrenOf(node, word);
    };
    if (t.exact != kNoWord) {
      const Children c = children(t.exact);
      if (c.exact) Walk(tokens, pos + 1, c.exact, found);
      if (c.stem) Walk(tokens, pos + 1, c.stem, found);
    }
    for (uint8_t i = 0; i < t.stem_count; ++i)
      if (uint32_t c = children(t.stems[i]).stem) Walk(tokens, pos + 1, c, found);
  }

  std::vector<Node> nodes_;
  // Edges from the root, by word id: most tokens start no phrase, and an array answers that
  // without a hash probe. Deeper edges are in edges_, by Key(node, word).
  std::vector<Children> roots_;
  FlatMap<Children> edges_;
  std::vector<uint64_t> edge_filter_ = std::vector<uint64_t>(1);  // (see MayHaveEdge)
  uint64_t edge_filter_mask_ = 63;                                // its size in bits - 1
  std::vector<std::vector<uint32_t>> extra_values_;  // values after a node's first
};

}  // namespace dragoman::coder

#endif  // DRAGOMAN_CODER_PHRASE_TRIE_H_
