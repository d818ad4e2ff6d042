#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/text.h"

namespace dragoman {
namespace {

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  for (Span s : SplitSentences(text)) {
    EXPECT_LT(s.start, s.end);
    EXPECT_LE(s.end, text.size());
    out.emplace_back(text.substr(s.start, s.end - s.start));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(TextSentencesTest, EmptyAndBlank) {
  EXPECT_TRUE(SplitSentences("").empty());
  EXPECT_TRUE(SplitSentences(" \n\n \t\u00a0\n").empty());
}

TEST(TextSentencesTest, SimpleSplitsExcludeWhiteSpace) {
  const std::string text = "  Russia said no.  Ukraine agreed!\tWhy? ";
  std::vector<Span> spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].start, 2u);
  EXPECT_EQ(text.substr(spans[0].start, spans[0].end - spans[0].start), "Russia said no.");
  EXPECT_EQ(text.substr(spans[1].start, spans[1].end - spans[1].start), "Ukraine agreed!");
  EXPECT_EQ(text.substr(spans[2].start, spans[2].end - spans[2].start), "Why?");
  EXPECT_EQ(Split("No final period"), (V{"No final period"}));
}

TEST(TextSentencesTest, SurvivesAbbreviationsAndInitials) {
  EXPECT_EQ(Split("Mr. Smith met Dr. Jones on Jan. 26 in St. Petersburg. They talked."),
            (V{"Mr. Smith met Dr. Jones on Jan. 26 in St. Petersburg.", "They talked."}));
  EXPECT_EQ(Split("Deputy Foreign Minister Alexander V. Grushko met him. It went well."),
            (V{"Deputy Foreign Minister Alexander V. Grushko met him.", "It went well."}));
  EXPECT_EQ(Split("U.S. officials said the U.N. Security Council met."),
            (V{"U.S. officials said the U.N. Security Council met."}));
  EXPECT_EQ(Split("Resolution No. 3 passed. Growth was 3.5 percent. Visit www.un.org now."),
            (V{"Resolution No. 3 passed.", "Growth was 3.5 percent.", "Visit www.un.org now."}));
  EXPECT_EQ(Split("The ruling in Dobbs v. Jackson stood."), (V{"The ruling in Dobbs v. Jackson stood."}));
  EXPECT_EQ(Split("FERGUSON, Mo. — Police said so."), (V{"FERGUSON, Mo. — Police said so."}));
}

TEST(TextSentencesTest, CountryAbbreviationBeforeSentenceStarter) {
  EXPECT_EQ(Split("He flew to the U.S. The talks began."),
            (V{"He flew to the U.S.", "The talks began."}));
  EXPECT_EQ(Split("He flew to the U.S. Embassy in Kyiv."), (V{"He flew to the U.S. Embassy in Kyiv."}));
  EXPECT_EQ(Split("Shares of Acme Inc. rose. Acme Inc. It fell."),
            (V{"Shares of Acme Inc. rose.", "Acme Inc.", "It fell."}));
  EXPECT_EQ(Split("It began at 6:31 a.m. \"I feel fine,\" she said."),
            (V{"It began at 6:31 a.m.", "\"I feel fine,\" she said."}));
}

TEST(TextSentencesTest, QuotesAfterThePeriod) {
  EXPECT_EQ(Split("He said “no surprises.” No surprise for NATO."),
            (V{"He said “no surprises.”", "No surprise for NATO."}));
  EXPECT_EQ(Split("\"Why?\" he asked. \"Because.\" Then he left."),
            (V{"\"Why?\" he asked.", "\"Because.\"", "Then he left."}));
  EXPECT_EQ(Split("It ended (finally.) Next came."), (V{"It ended (finally.)", "Next came."}));
}

TEST(TextSentencesTest, EllipsesAndLowerCaseContinuations) {
  EXPECT_EQ(Split("He paused... and went on. Wait… The end."),
            (V{"He paused... and went on.", "Wait…", "The end."}));
  EXPECT_EQ(Split("Really?! yes, really."), (V{"Really?! yes, really."}));
}

TEST(TextSentencesTest, ParagraphsAndLines) {
  EXPECT_EQ(Split("Headline Without Punctuation\n\nBody text starts\nhere and wraps. Next one."),
            (V{"Headline Without Punctuation", "Body text starts\nhere and wraps.", "Next one."}));
  EXPECT_EQ(Split("One\r\n  \r\nTwo"), (V{"One", "Two"}));
  EXPECT_EQ(Split("One\u2029Two"), (V{"One", "Two"}));
  EXPECT_EQ(Split("wrapped\nline"), (V{"wrapped\nline"}));
}

TEST(TextSentencesTest, InvalidBytesAndNul) {
  const std::string text("Bad \xff\xfe bytes. Nul\0here. End", 27);
  std::vector<std::string> s = Split(text);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "Bad \xff\xfe bytes.");
  EXPECT_EQ(s[1], std::string("Nul\0here.", 9));
  EXPECT_EQ(s[2], "End");
  EXPECT_EQ(Split("\xff"), (V{"\xff"}));
  EXPECT_EQ(Split("end.\xe2"), (V{"end.\xe2"}));
}

// The splitter skips plain text sixteen and eight bytes at a time: a sentence end (and a
// multi-byte character before it) at every offset of a long first sentence must split the same.
TEST(TextSentencesTest, SentenceEndsAtEveryOffset) {
  for (size_t words = 1; words <= 12; ++words) {
    for (const std::string& mark : {std::string("."), std::string("?"), std::string("!")}) {
      for (const std::string& before : {std::string(""), std::string("\xE2\x80\x99s")}) {
        std::string first = "Alpha";
        for (size_t k = 1; k < words; ++k) first += " beta";
        first += before + mark;
        const std::string text = first + " Gamma said it.";
        std::vector<Span> spans = SplitSentences(text);
        ASSERT_EQ(spans.size(), 2u) << text;
        EXPECT_EQ(spans[0].end, first.size()) << text;
        EXPECT_EQ(spans[1].start, first.size() + 1) << text;
      }
    }
  }
  std::string line(37, 'a');
  for (size_t at = 1; at < 36; ++at) {
    std::string text = line.substr(0, at) + "\n\n" + "Bb cc.";
    std::vector<Span> spans = SplitSentences(text);
    ASSERT_EQ(spans.size(), 2u) << at;
    EXPECT_EQ(spans[0].end, at);
  }
}

TEST(TextSentencesTest, ExampleArticle) {
#ifdef DRAGOMAN_SHARED_DIR
  std::ifstream in(std::string(DRAGOMAN_SHARED_DIR) + "/examples/blinken-written-response.txt");
  if (!in) GTEST_SKIP() << "shared examples absent";
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  std::vector<std::string> s = Split(text);
  ASSERT_EQ(s.size(), 22u);
  EXPECT_EQ(s[0], "November 26, 2022");
  EXPECT_EQ(s[1].substr(0, 17), "Blingen announced");
  EXPECT_EQ(s[12], "No surprise for NATO.");
  EXPECT_EQ(s[16], "Blingen said the U.S. document was shared with Congress and would be explained "
                   "to congressional leaders later in the day.");
  EXPECT_EQ(s[20], "“Russia’s Deputy Foreign Minister Alexander V. Khrushchev welcomed US "
                   "Ambassador to Moscow John Sullivan at his request,” the Russian Foreign "
                   "Ministry said in a statement.");
#else
  GTEST_SKIP() << "DRAGOMAN_SHARED_DIR not defined";
#endif
}

}  // namespace
}  // namespace dragoman
