// Byte tests eight at a time in a 64-bit word ("SIMD within a register"): ASCII upper-casing
// for the tokenizer's word norms, and whether a word holds a given byte (the sentence
// splitter's skip over plain text). Plain C++ (no intrinsics); results equal the byte-by-byte
// loops they replace, which the tests check at every offset of a word. Where SSE2 is available
// (every x86-64 CPU), masks of sixteen bytes at once for the longer scans (the splitter, the
// JSON Lines reader), tested the same way.
#ifndef DRAGOMAN_TEXT_SWAR_H_
#define DRAGOMAN_TEXT_SWAR_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dragoman::text_internal {

inline constexpr uint64_t kSwarOnes = 0x0101010101010101ull;
inline constexpr uint64_t kSwarHigh = 0x8080808080808080ull;

inline uint64_t Load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// The high bit of each byte of v that is an ASCII byte in [lo, hi] (lo <= hi < 0x80). No carry
// crosses bytes: each byte sum stays below 0x100.
inline uint64_t SwarInRange(uint64_t v, uint8_t lo, uint8_t hi) {
  const uint64_t x = v & ~kSwarHigh;
  const uint64_t at_least_lo = x + kSwarOnes * (0x80 - lo);
  const uint64_t above_hi = x + kSwarOnes * (0x7F - hi);
  return at_least_lo & ~above_hi & ~v & kSwarHigh;
}

// Whether some byte of v equals c (exact as a whole: a borrow starts only at an equal byte).
inline bool SwarHasByte(uint64_t v, char c) {
  const uint64_t x = v ^ (kSwarOnes * static_cast<unsigned char>(c));
  return ((x - kSwarOnes) & ~x & kSwarHigh) != 0;
}

// Whether some byte of v is below n (n <= 0x80; exact as a whole, as above).
inline bool SwarHasByteBelow(uint64_t v, uint8_t n) {
  return ((v - kSwarOnes * n) & ~v & kSwarHigh) != 0;
}

// One byte upper-cased if it is an ASCII letter, without a branch.
inline char UpperAsciiByte(char byte) {
  const auto c = static_cast<unsigned char>(byte);
  return static_cast<char>(c - ((static_cast<unsigned>(c - 'a') < 26u) << 5));
}

// The eight bytes of v with their ASCII letters upper-cased (0x80 >> 2 = 'a' - 'A').
inline uint64_t UpperAscii8(uint64_t v) { return v ^ (SwarInRange(v, 'a', 'z') >> 2); }

// Upper-cases the ASCII letters of p[0, n) in place; other bytes stay as they are.
inline void UpperAsciiInPlace(char* p, size_t n) {
  auto upper = UpperAscii8;
  if (n >= 8) {
    for (size_t i = 0; i + 8 <= n; i += 8) {
      const uint64_t v = upper(Load8(p + i));
      std::memcpy(p + i, &v, 8);
    }
    // The tail by an overlapping word: upper-casing twice changes nothing.
    const uint64_t v = upper(Load8(p + n - 8));
    std::memcpy(p + n - 8, &v, 8);
    return;
  }
  // Short words byte by byte.
  for (size_t i = 0; i < n; ++i) p[i] = UpperAsciiByte(p[i]);
}

#if defined(__SSE2__)
// Sixteen bytes at once with SSE2 (every x86-64 CPU has it): bit i of a mask is byte i of the
// block.
inline __m128i Load16(const char* p) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}
// The bytes equal to c.
inline unsigned EqualMask16(__m128i v, char c) {
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c))));
}
// The bytes >= 0x80.
inline unsigned HighMask16(__m128i v) { return static_cast<unsigned>(_mm_movemask_epi8(v)); }
// The bytes below 0x20 (max(v, 0x1F) == 0x1F, unsigned).
inline unsigned ControlMask16(__m128i v) {
  const __m128i x1f = _mm_set1_epi8(0x1F);
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, x1f), x1f)));
}
#endif

}  // namespace dragoman::text_internal

#endif  // DRAGOMAN_TEXT_SWAR_H_
