// Vocabulary: dense word ids and the regular-ending stems of text tokens (see vocabulary.h).
#include "coder/vocabulary.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>

#if defined(__unix__)
#include <sys/mman.h>
#endif

namespace dragoman::coder {

namespace {

std::atomic<uint64_t> next_serial{1};

// A cache of Lookup() answers, one per thread: a slot holds a word of up to kMaxWord bytes, the
// serial of the vocabulary that answered and the answer. Two ways a set (a new answer goes to
// way 0 and pushes the older one to way 1), so two frequent words that share a set both stay.
// 32,768 slots of 64 bytes (2 MB a thread): an answer missing here costs several cache misses
// in the vocabulary's tables, one found here at most one, so the cache is sized to hold the
// words of many days of news rather than to fit a core's L2 cache (with 4,096 sets, the
// benchmark corpus's 6,000 words already collided often enough to cost 4 % of the run time).
struct LookupCache {
  static constexpr size_t kSets = 16384;
  static constexpr size_t kMaxWord = 30;
  struct Slot {
    uint64_t serial = 0;  // 0: empty
    WordIds ids;
    uint8_t size = 0;
    char word[kMaxWord];
  };
  Slot slots[kSets][2];
};

// All-zero bytes are an empty cache (serial 0 in every slot), so the cache is mapped from the
// system as zero pages, each touched only when a word first lands in it, rather than 2 MB
// written (and faulted in) at a thread's first lookup. (calloc where mmap is not available.)
static_assert(std::is_trivially_copyable_v<LookupCache>);
struct CacheMemory {
  LookupCache* cache = nullptr;
  bool mapped = false;
  CacheMemory() {
#if defined(__unix__)
    void* p = mmap(nullptr, sizeof(LookupCache), PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p != MAP_FAILED) {
      cache = static_cast<LookupCache*>(p);
      mapped = true;
      return;
    }
#endif
    cache = static_cast<LookupCache*>(std::calloc(1, sizeof(LookupCache)));
    if (!cache) throw std::bad_alloc();
  }
  ~CacheMemory();
  CacheMemory(const CacheMemory&) = delete;
  CacheMemory& operator=(const CacheMemory&) = delete;
};

// This thread's cache: a plain pointer, read with one load per lookup (a thread_local object
// with a destructor is reached through a guard check on every access), set by its first use.
thread_local LookupCache* thread_cache = nullptr;

LookupCache* MakeThreadCache() {
  thread_local CacheMemory memory;  // owns the cache; frees it when the thread ends
  thread_cache = memory.cache;
  return thread_cache;
}

inline LookupCache* ThreadCache() {
  if (LookupCache* cache = thread_cache) return cache;
  return MakeThreadCache();
}

CacheMemory::~CacheMemory() {
  thread_cache = nullptr;
#if defined(__unix__)
  if (mapped) {
    munmap(cache, sizeof(LookupCache));
    return;
  }
#endif
  std::free(cache);
}

}  // namespace

Vocabulary::Vocabulary() : serial_(next_serial.fetch_add(1)) {}

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
  const uint64_t h = WordHash(word);
  if (uint32_t id = Find(word, h); id != kNoWord) return id;
  if ((words_.size() + 1) * 2 > slots_.size()) Grow();
  const size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  while (slots_[i].id_plus_one != 0) i = (i + 1) & mask;
  uint32_t id = static_cast<uint32_t>(words_.size());
  words_.emplace_back(word);
  exact_tags_.push_back(0);
  form_tags_.push_back(0);
  filter_[FilterBit(h) >> 6] |= uint64_t{1} << (FilterBit(h) & 63);
  serial_ = next_serial.fetch_add(1);  // earlier Lookup() answers may be wrong now
  Slot& slot = slots_[i];
  slot.hash = h;
  slot.id_plus_one = id + 1;
  slot.size = static_cast<uint8_t>(std::min<size_t>(word.size(), 255));
  if (word.size() <= kInline) std::memcpy(slot.text, word.data(), word.size());
  return id;
}

void Vocabulary::SetTags(uint32_t id, uint32_t exact_tags, uint8_t form_tags) {
  exact_tags_[id] = exact_tags;
  form_tags_[id] = form_tags;
  serial_ = next_serial.fetch_add(1);  // cached Lookup() answers carry the old tags
}

void Vocabulary::SetClassifier(Classifier classifier) {
  classifier_ = classifier;
  serial_ = next_serial.fetch_add(1);  // cached Lookup() answers carry the old text tags
}

uint32_t Vocabulary::Find(std::string_view word, uint64_t h) const {
  if (slots_.empty()) return kNoWord;
  if (!MayHave(h)) return kNoWord;
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.id_plus_one == 0) return kNoWord;
    if (s.hash != h) continue;
    if (word.size() <= kInline) {
      if (s.size == word.size() && SameBytes(s.text, word.data(), word.size()))
        return s.id_plus_one - 1;
      continue;
    }
    const std::string& w = words_[s.id_plus_one - 1];
    if (w.size() == word.size() && SameBytes(w.data(), word.data(), word.size()))
      return s.id_plus_one - 1;
  }
}

void Vocabulary::PrefetchLookup(uint64_t hash) const {
  const LookupCache::Slot* set = ThreadCache()->slots[hash & (LookupCache::kSets - 1)];
  __builtin_prefetch(&set[0]);
  __builtin_prefetch(&set[1]);
}

WordIds Vocabulary::Lookup(std::string_view norm, uint64_t hash) const {
  if (norm.size() > LookupCache::kMaxWord) return LookupUncached(norm, hash);
  LookupCache::Slot* set = ThreadCache()->slots[hash & (LookupCache::kSets - 1)];
  for (int way = 0; way < 2; ++way) {
    const LookupCache::Slot& slot = set[way];
    if (slot.serial == serial_ && slot.size == norm.size() &&
        SameBytes(slot.word, norm.data(), norm.size()))
      return slot.ids;
  }
  set[1] = set[0];
  LookupCache::Slot& slot = set[0];
  slot.ids = LookupUncached(norm, hash);
  slot.serial = serial_;
  slot.size = static_cast<uint8_t>(norm.size());
  std::memcpy(slot.word, norm.data(), norm.size());
  return slot.ids;
}

void Vocabulary::AddTags(WordIds* ids) const {
  if (ids->exact != kNoWord) {
    ids->exact_tags = exact_tags_[ids->exact];
    ids->form_tags = form_tags_[ids->exact];
  }
  for (uint8_t i = 0; i < ids->stem_count; ++i) ids->form_tags |= form_tags_[ids->stems[i]];
}

WordIds Vocabulary::LookupUncached(std::string_view norm, uint64_t hash) const {
  WordIds ids;
  if (classifier_) ids.text_tags = classifier_(norm);
  ids.exact = Find(norm, hash);
  // Base forms are only tried for words of at least 4 letters, so that "USED" never becomes "US"
  // and "ITS" never "IT"; the base itself must have 3 letters ("CRIES" → CRY, "USES" → no "US").
  if (norm.size() < 4) {
    AddTags(&ids);
    return ids;
  }
  auto try_stem = [&](size_t keep, std::string_view add = {}) {
    if (ids.stem_count == ids.stems.size() || keep + add.size() < 3) return;
    uint32_t id;
    if (add.empty()) {
      id = Find(norm.substr(0, keep));
    } else {
      // base + add in a stack buffer: no allocation per token.
      char buf[64];
      if (keep + add.size() > sizeof buf) return;
      std::memcpy(buf, norm.data(), keep);
      std::memcpy(buf + keep, add.data(), add.size());
      id = Find(std::string_view(buf, keep + add.size()));
    }
    if (id == kNoWord || id == ids.exact) return;
    for (uint8_t i = 0; i < ids.stem_count; ++i)
      if (ids.stems[i] == id) return;
    ids.stems[ids.stem_count++] = id;
  };
  const size_t n = norm.size();
  const char c1 = norm[n - 1], c2 = norm[n - 2], c3 = norm[n - 3];
  // The suffix tests of the rules below, in their order: -IES, -IED, -ES, -S, -ED, -ING, -EN.
  if (c3 == 'I' && c2 == 'E' && (c1 == 'S' || c1 == 'D')) try_stem(n - 3, "Y");
  // -ES only after a sibilant or O ("MARCHES", "VETOES"): "DEPARTES" is no form of DEPART.
  if (c2 == 'E' && c1 == 'S' &&
      (c3 == 'S' || c3 == 'X' || c3 == 'Z' || c3 == 'H' || c3 == 'O'))
    try_stem(n - 2);
  if (c1 == 'S' && c2 != 'S') try_stem(n - 1);
  if (c2 == 'E' && c1 == 'D') {
    try_stem(n - 2);
    try_stem(n - 1);  // SHARED → SHARE
    if (n >= 5 && norm[n - 3] == norm[n - 4]) try_stem(n - 3);  // STOPPED → STOP
  }
  if (c3 == 'I' && c2 == 'N' && c1 == 'G') {
    try_stem(n - 3);
    try_stem(n - 3, "E");  // SHARING → SHARE
    if (n >= 6 && norm[n - 4] == norm[n - 5]) try_stem(n - 4);
  }
  if (c2 == 'E' && c1 == 'N') try_stem(n - 2);
  AddTags(&ids);
  return ids;
}

}  // namespace dragoman::coder
