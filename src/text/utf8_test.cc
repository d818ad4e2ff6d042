#include <gtest/gtest.h>

#include <string>

#include "dragoman/text.h"

namespace dragoman {
namespace {

TEST(TextUtf8Test, ValidText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ASCII text that is longer than eight bytes"));
  EXPECT_TRUE(IsValidUtf8("Erdoğan in São Paulo — “quoted” 😀"));
  EXPECT_TRUE(IsValidUtf8(std::string("a\0b", 3)));
  EXPECT_EQ(FirstInvalidUtf8("Erdoğan"), std::string_view::npos);
}

TEST(TextUtf8Test, FindsFirstInvalidByte) {
  EXPECT_EQ(FirstInvalidUtf8("abc\xff"), 3u);
  EXPECT_EQ(FirstInvalidUtf8("0123456789\xfe"), 10u);
  EXPECT_EQ(FirstInvalidUtf8("caf\xc3"), 3u);           // truncated two-byte sequence
  EXPECT_EQ(FirstInvalidUtf8("\xc0\xaf"), 0u);          // overlong '/'
  EXPECT_EQ(FirstInvalidUtf8("ok \xe0\x80\xaf"), 3u);   // overlong three-byte
  EXPECT_EQ(FirstInvalidUtf8("\xed\xa0\x80"), 0u);      // surrogate U+D800
  EXPECT_EQ(FirstInvalidUtf8("\xf4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FirstInvalidUtf8("\x80"), 0u);              // lone continuation byte
  EXPECT_EQ(FirstInvalidUtf8("é\xe2\x80"), 2u);          // truncated at the end
  EXPECT_FALSE(IsValidUtf8("ab\xff\xfe" "cd"));
}

TEST(TextUtf8Test, NormalizeUpperCasesAsciiAndLatin) {
  EXPECT_EQ(NormalizeForMatching("Blinken said"), "BLINKEN SAID");
  EXPECT_EQ(NormalizeForMatching("café Erdoğan ÿ łódź"), "CAFE ERDOGAN Y LODZ");
  EXPECT_EQ(NormalizeForMatching("Москва ελλάδα"), "МОСКВА ΕΛΛΆΔΑ");
  EXPECT_EQ(NormalizeForMatching("ß"), "SS");  // accents fold to their base letters
}

TEST(TextUtf8Test, NormalizeFoldsQuotesDashesAndSpaces) {
  EXPECT_EQ(NormalizeForMatching("Russia’s ‘x’ ‛y′"), "RUSSIA'S 'X' 'Y'");
  EXPECT_EQ(NormalizeForMatching("“a” „b″"), "\"A\" \"B\"");
  EXPECT_EQ(NormalizeForMatching("a–b—c−d"), "A-B-C-D");
  EXPECT_EQ(NormalizeForMatching("a\u00a0b\u2009c\u202fd\u3000e"), "A B C D E");
  EXPECT_EQ(NormalizeForMatching("wait…"), "WAIT...");
}

TEST(TextUtf8Test, NormalizeKeepsInvalidBytes) {
  const std::string in("ab\xff\xfe" "cd\0e", 8);
  const std::string expected("AB\xff\xfe" "CD\0E", 8);
  EXPECT_EQ(NormalizeForMatching(in), expected);
}

}  // namespace
}  // namespace dragoman
