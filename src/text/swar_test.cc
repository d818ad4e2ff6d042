// The eight-bytes-at-a-time upper-casing and byte tests, and the sixteen-byte masks, against the
// byte-by-byte rules they stand for, on every byte value at every offset of a word and on random
// strings.
#include "text/swar.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace dragoman::text_internal {
namespace {

std::string SlowUpper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return s;
}

void ExpectSame(const std::string& s) {
  std::string upper = s;
  UpperAsciiInPlace(upper.data(), upper.size());
  EXPECT_EQ(upper, SlowUpper(s)) << s;
}

TEST(SwarTest, EveryByteAtEveryOffset) {
  for (int b = 0; b < 256; ++b) {
    for (size_t before = 0; before < 18; ++before) {
      for (const char* fill : {"a", "7", "Z"}) {
        std::string s;
        for (size_t k = 0; k < before; ++k) s += fill;
        s += static_cast<char>(b);
        ExpectSame(s);
        ExpectSame(s + "xyz0123456789");
      }
    }
  }
}

TEST(SwarTest, HasByteAtEveryOffset) {
  for (int c : {int{'.'}, int{'?'}, int{'!'}, int{'\n'}, 0, 0x7f, 0xff}) {
    for (int other : {int{' '}, int{'a'}, '.' + 1, 0x80, 0xfe, 0x01}) {
      if (other == c) continue;
      char word[8];
      for (char& b : word) b = static_cast<char>(other);
      EXPECT_FALSE(SwarHasByte(Load8(word), static_cast<char>(c))) << c << " " << other;
      for (int at = 0; at < 8; ++at) {
        for (char& b : word) b = static_cast<char>(other);
        word[at] = static_cast<char>(c);
        EXPECT_TRUE(SwarHasByte(Load8(word), static_cast<char>(c))) << c << " at " << at;
      }
    }
  }
}

TEST(SwarTest, HasByteBelowAtEveryOffset) {
  for (int b = 0; b < 256; ++b) {
    for (int at = 0; at < 8; ++at) {
      char word[8];
      for (char& c : word) c = 'a';
      word[at] = static_cast<char>(b);
      EXPECT_EQ(SwarHasByteBelow(Load8(word), 0x20), b < 0x20) << b << " at " << at;
    }
  }
}

#if defined(__SSE2__)
// The sixteen-byte masks: every byte value at every position of a block.
TEST(SwarTest, SixteenByteMasksAtEveryOffset) {
  for (int b = 0; b < 256; ++b) {
    for (int at = 0; at < 16; ++at) {
      char block[16];
      for (char& c : block) c = 'a';
      block[at] = static_cast<char>(b);
      const __m128i v = Load16(block);
      const unsigned bit = 1u << at;
      EXPECT_EQ(EqualMask16(v, '.'), b == '.' ? bit : 0u) << b << " at " << at;
      EXPECT_EQ(EqualMask16(v, '\xE2'), b == 0xE2 ? bit : 0u) << b << " at " << at;
      EXPECT_EQ(HighMask16(v), b >= 0x80 ? bit : 0u) << b << " at " << at;
      EXPECT_EQ(ControlMask16(v), b < 0x20 ? bit : 0u) << b << " at " << at;
    }
  }
}
#endif

TEST(SwarTest, RandomStrings) {
  std::mt19937 rng(7);
  const std::string alphabet = "abcxyzABCXYZ0189@[`{/: .,'\x7f\x80\xc3\xa9\xe2\xff";
  for (int k = 0; k < 20000; ++k) {
    std::string s(rng() % 40, ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    ExpectSame(s);
  }
}

}  // namespace
}  // namespace dragoman::text_internal
