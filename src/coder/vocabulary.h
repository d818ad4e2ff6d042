// Word ids and regular-ending stems.
//
// Every word that appears in any dictionary phrase gets a dense id. A text token is looked up once
// per sentence: its exact id, and the ids of the base forms it may be a regular inflection of
// ("TALKS" → TALK, "ATTACKED" → ATTACK, "CRIES" → CRY, "MEETING" → MEET). Dictionary words not
// marked exact ('_') match any of those base forms, as TABARI's stem matching does, so one trie
// lookup per candidate id replaces string comparisons in every matcher.
#ifndef DRAGOMAN_CODER_VOCABULARY_H_
#define DRAGOMAN_CODER_VOCABULARY_H_

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace dragoman::coder {

inline constexpr uint32_t kNoWord = UINT32_MAX;

// The ids a token may match. `exact` is its own id (or kNoWord); `stems` are base-form ids.
// The tags are what the vocabulary's owner attached to the words (Vocabulary::SetTags), carried
// along so that reading them costs no further memory access.
struct WordIds {
  uint32_t exact = kNoWord;
  uint8_t stem_count = 0;
  uint8_t form_tags = 0;    // OR of the form tags of `exact` and of every stem
  uint8_t text_tags = 0;    // what the owner's classifier said of the text (SetClassifier)
  std::array<uint32_t, 3> stems{};
  uint32_t exact_tags = 0;  // the exact tags of `exact` (0 for kNoWord)
};

// A 64-bit hash of a word: eight bytes mixed at a time (one or two rounds for most words).
inline uint64_t WordHash(std::string_view s) {
  auto mix = [](uint64_t h, uint64_t w) {
    h = (h ^ w) * 0xff51afd7ed558ccdULL;
    return h ^ (h >> 32);
  };
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = mix(h, w);
  }
  // The last 1..7 bytes: two overlapping 4-byte loads, or three single bytes.
  if (const size_t rest = s.size() - i; rest > 0) {
    const char* p = s.data() + i;
    uint64_t w;
    if (rest >= 4) {
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + rest - 4, 4);
      w = (uint64_t{b} << 32) | a;
    } else {
      w = (uint64_t{static_cast<unsigned char>(p[0])} << 16) |
          (uint64_t{static_cast<unsigned char>(p[rest / 2])} << 8) |
          static_cast<unsigned char>(p[rest - 1]);
    }
    h = mix(h, w);
  }
  return h ^ (h >> 29);
}

// Whether a[0..n) == b[0..n), for short words: eight bytes at a time, the tail by an overlapping
// load, so no call to memcmp.
inline bool SameBytes(const char* a, const char* b, size_t n) {
  auto load8 = [](const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  };
  auto load4 = [](const char* p) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  };
  if (n >= 8) {
    for (size_t i = 0; i + 8 <= n; i += 8)
      if (load8(a + i) != load8(b + i)) return false;
    return load8(a + n - 8) == load8(b + n - 8);
  }
  if (n >= 4) return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// A 256-bit signature of a set of word ids (one bit per id, by hash). When a pattern's
// signature is not covered by a sentence's, some word of the pattern is missing from the
// sentence; when it is covered, an exact test must still decide.
struct WordSignature {
  std::array<uint64_t, 4> bits{};
  void Add(uint32_t id) {
    const uint32_t h = (id * 0x9E3779B1u) >> 24;
    bits[h >> 6] |= uint64_t{1} << (h & 63);
  }
  bool MayHave(uint32_t id) const {
    const uint32_t h = (id * 0x9E3779B1u) >> 24;
    return (bits[h >> 6] >> (h & 63)) & 1;
  }
  bool Covers(const WordSignature& o) const {
    return ((o.bits[0] & ~bits[0]) | (o.bits[1] & ~bits[1]) | (o.bits[2] & ~bits[2]) |
            (o.bits[3] & ~bits[3])) == 0;
  }
};

class Vocabulary {
 public:
  Vocabulary();
  Vocabulary(const Vocabulary&) = delete;
  Vocabulary& operator=(const Vocabulary&) = delete;

  // Adds a word (normalised) and returns its id.
  uint32_t Add(std::string_view word);
  // The id of a word, or kNoWord.
  uint32_t Find(std::string_view word) const { return Find(word, WordHash(word)); }
  uint32_t Find(std::string_view word, uint64_t hash) const;  // hash == WordHash(word)
  // Attaches tags to a word: `exact_tags` reach a token that is the word itself, `form_tags`
  // also a token that is a regular inflection of it (WordIds).
  void SetTags(uint32_t id, uint32_t exact_tags, uint8_t form_tags);
  // A function of a token's text, in the vocabulary or not, whose answer Lookup() returns in
  // WordIds::text_tags: computed once per distinct word and cached with the ids.
  using Classifier = uint8_t (*)(std::string_view norm);
  void SetClassifier(Classifier classifier);
  // The exact and stem ids of a text token's normalised form. News repeats its words, so the
  // answers for recent words are kept in a small per-thread cache (keyed by this vocabulary's
  // serial number, which changes on every Add, so a cached answer is never stale).
  WordIds Lookup(std::string_view norm) const { return Lookup(norm, WordHash(norm)); }
  // The same when the caller has hashed the word already (hash == WordHash(norm)).
  WordIds Lookup(std::string_view norm, uint64_t hash) const;
  // A memory hint (it changes nothing else): the cached answer for the word of this WordHash is
  // about to be read. Hinting a sentence's words before looking them up lets their cache
  // misses overlap.
  void PrefetchLookup(uint64_t hash) const;
  const std::string& word(uint32_t id) const { return words_[id]; }
  size_t size() const { return words_.size(); }

 private:
  // Open addressing over word ids: a slot holds id + 1 (0 = empty), the word's hash and, for a
  // word of up to kInline bytes (nearly all), the word itself, so that a probe reads one cache
  // line and compares bytes only on a full hash match (WordHash).
  static constexpr size_t kInline = 18;
  struct Slot {
    uint64_t hash = 0;
    uint32_t id_plus_one = 0;
    uint8_t size = 0;
    char text[kInline + 1] = {};
  };
  static_assert(sizeof(Slot) == 32);
  void Grow();
  WordIds LookupUncached(std::string_view norm, uint64_t hash) const;
  void AddTags(WordIds* ids) const;
  // One bit per word (the top 20 bits of its hash): most base forms tried for a token are no
  // word at all, and this filter (128 KB) says so without touching slots_.
  static size_t FilterBit(uint64_t hash) { return hash >> 44; }
  bool MayHave(uint64_t hash) const {
    return (filter_[FilterBit(hash) >> 6] >> (FilterBit(hash) & 63)) & 1;
  }
  std::vector<uint64_t> filter_ = std::vector<uint64_t>(uint64_t{1} << 14);
  uint64_t serial_;  // unique among all vocabularies and all their states
  std::vector<Slot> slots_;
  std::vector<std::string> words_;
  Classifier classifier_ = nullptr;
  std::vector<uint32_t> exact_tags_;  // by id
  std::vector<uint8_t> form_tags_;    // by id
};

}  // namespace dragoman::coder

#endif  // DRAGOMAN_CODER_VOCABULARY_H_
