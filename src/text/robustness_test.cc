// Generated input, good and bad: the text functions never crash, never read or point outside the
// text, and keep their structural promises (ordered tokens and sentences, tokens inside spans).
#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/text.h"

namespace dragoman {
namespace {

// Random text built from pieces that stress the tokenizer and splitter, plus random bytes.
std::string RandomText(std::mt19937* rng) {
  static const char* const kPieces[] = {
      "U.S.", "Mr.", "No.", " ", "  ", "\n", "\n\n", ".", "...", "…", "?", "!", "’s", "'s", "n't",
      "“", "”", "\"", "'", "-", "—", "2,500", "3.5", "Jan.", "V.", "The", "the", "Erdoğan", "é",
      "\u00a0", "\u2029", "\xff", "\xfe", "\xc3", "\xe2\x80", "" /* a NUL byte */, "(",
      ")", "MOSCOW, Jan 26 (Reuters) - ", "November 26, 2022\n\n", "a", "Z", "0", ",", "_"};
  std::uniform_int_distribution<int> len(0, 40);
  std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> coin(0, 9);
  std::string s;
  int n = len(*rng);
  for (int i = 0; i < n; ++i) {
    if (coin(*rng) == 0) {
      s.push_back(static_cast<char>(byte(*rng)));
    } else {
      size_t k = pick(*rng);
      if (kPieces[k][0] == '\0') {
        s.push_back('\0');
      } else {
        s += kPieces[k];
      }
    }
  }
  return s;
}

TEST(TextRobustnessTest, GeneratedInputKeepsInvariants) {
  std::mt19937 rng(20240601);
  for (int iteration = 0; iteration < 3000; ++iteration) {
    const std::string text = RandomText(&rng);
    SCOPED_TRACE(testing::Message() << "iteration " << iteration);

    std::vector<Span> sentences = SplitSentences(text);
    uint32_t last = 0;
    for (Span s : sentences) {
      ASSERT_LT(s.start, s.end);
      ASSERT_LE(s.end, text.size());
      ASSERT_GE(s.start, last);
      last = s.end;
      std::vector<Token> tokens = Tokenize(text, s);
      uint32_t prev = s.start;
      for (const Token& t : tokens) {
        ASSERT_GE(t.start, prev);
        ASSERT_LT(t.start, t.end);
        ASSERT_LE(t.end, s.end);
        ASSERT_FALSE(t.norm.empty());
        prev = t.end;
      }
    }
    // Every non-space byte of the text lies in some sentence: nothing is dropped.
    std::vector<Token> all = Tokenize(text);
    size_t si = 0;
    for (const Token& t : all) {
      while (si < sentences.size() && sentences[si].end <= t.start) ++si;
      ASSERT_LT(si, sentences.size());
      ASSERT_GE(t.start, sentences[si].start);
    }

    std::optional<Dateline> d = ReadDateline(text, DayFromCivil(2022, 1, 1));
    if (d) {
      ASSERT_LE(d->span.start, d->span.end);
      ASSERT_LE(d->span.end, text.size());
    }
    const std::string norm = NormalizeForMatching(text);
    ASSERT_EQ(IsValidUtf8(text), FirstInvalidUtf8(text) == std::string_view::npos);
    if (IsValidUtf8(text)) {
      ASSERT_TRUE(IsValidUtf8(norm));
    }
  }
}

TEST(TextRobustnessTest, PhraseWordsAgreeWithTextTokens) {
  // A phrase written with underscores tokenizes like the same words written with spaces.
  std::mt19937 rng(7);
  for (int iteration = 0; iteration < 1000; ++iteration) {
    std::string text = RandomText(&rng);
    std::string phrase = text;
    for (char& c : text) {
      if (c == '_') c = ' ';
    }
    std::vector<std::string> norms;
    for (const Token& t : Tokenize(text)) norms.push_back(t.norm);
    ASSERT_EQ(PhraseWords(phrase), norms) << iteration;
  }
}

}  // namespace
}  // namespace dragoman
