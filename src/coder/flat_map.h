// A small open-addressing hash map from 64-bit keys to small values, for the phrase tries' edges
// and the fuzzy-name table. Linear probing over one array, power-of-two capacity, no deletion:
// built once, probed millions of times. Faster than std::unordered_map here because a probe
// touches one cache line and never follows a node pointer.
#ifndef DRAGOMAN_CODER_FLAT_MAP_H_
#define DRAGOMAN_CODER_FLAT_MAP_H_

#include <cstdint>
#include <vector>

namespace dragoman::coder {

// Value must be trivially copyable and comparable, and Value{} means "absent": it is never
// stored.
template <typename Value>
class FlatMap {
 public:
  // The value for `key`, or Value{} when absent.
  Value Find(uint64_t key) const {
    if (slots_.empty()) return Value{};
    for (size_t i = Hash(key) & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.value == Value{}) return Value{};
      if (s.key == key) return s.value;
    }
  }

  // The stored value for `key`, inserted as Value{} first when absent: the caller must store a
  // non-empty value in it before the next insertion (an empty slot counts as free).
  Value& operator[](uint64_t key) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    for (size_t i = Hash(key) & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.value == Value{}) {
        s.key = key;
        ++size_;
        return s.value;
      }
      if (s.key == key) return s.value;
    }
  }

  size_t size() const { return size_; }
  // Calls f(key, value) for every entry, in no particular order.
  template <typename F>
  void ForEach(F&& f) const {
    for (const Slot& s : slots_)
      if (!(s.value == Value{})) f(s.key, s.value);
  }

 private:
  struct Slot {
    uint64_t key = 0;
    Value value{};
  };
  static size_t Hash(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return static_cast<size_t>(k);
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (!(s.value == Value{})) (*this)[s.key] = s.value;
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace dragoman::coder

#endif  // DRAGOMAN_CODER_FLAT_MAP_H_
