#include "dict/dict_util.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dict/dict_testing.h"

namespace dragoman::dict {
namespace {

using dict_testing::HasWarning;
using dict_testing::Words;

TEST(DictUtilTest, SplitLinesHandlesCrlfAndMissingFinalNewline) {
  std::vector<Line> lines = SplitLines("A\r\nB\n\r\nC");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].text, "A");
  EXPECT_EQ(lines[1].text, "B");
  EXPECT_EQ(lines[2].text, "");
  EXPECT_EQ(lines[3].text, "C");
  EXPECT_EQ(lines[3].number, 4u);
  EXPECT_TRUE(SplitLines("").empty());
}

TEST(DictUtilTest, CommentStripperHashSemicolonAndXml) {
  CommentStripper s;
  std::string scratch;
  EXPECT_EQ(s.Strip("ARNOR_  [ARN] # comment", &scratch), "ARNOR_  [ARN] ");
  EXPECT_EQ(s.Strip("SCRAP {SCRAPPING SCRAPS SCRAPPED };shan   8/30/93", &scratch),
            "SCRAP {SCRAPPING SCRAPS SCRAPPED }");
  EXPECT_EQ(s.Strip("JUVENTUS   # lrp ;LRP", &scratch), "JUVENTUS   ");
  EXPECT_EQ(s.Strip("<!-- VERSION: 0.9 -->", &scratch), "");
  EXPECT_EQ(s.Strip("A <!-- x --> B", &scratch), "A  B");
  EXPECT_EQ(s.Strip("<! -- NEW ACTORS FOR PETRARCH VALIDATION TEST -->", &scratch), "");
  EXPECT_EQ(s.Strip("a<b!c", &scratch), "a<b!c");
  // A block over several lines, closed inside a '#' comment line.
  EXPECT_EQ(s.Strip("ISRAEL [ISR] <!-- ", &scratch), "ISRAEL [ISR] ");
  EXPECT_TRUE(s.in_block());
  EXPECT_EQ(s.Strip("GONDOR [GON]", &scratch), "");
  EXPECT_EQ(s.Strip("# --> JORDAN [JOR]", &scratch), " JORDAN [JOR]");
  EXPECT_FALSE(s.in_block());

  CommentStripper plain(CommentOptions{true, false, false});
  EXPECT_EQ(plain.Strip("A;B <!-- C --> # D", &scratch), "A;B <!-- C --> ");
}

TEST(DictUtilTest, Latin1BytesBecomeUtf8AndValidUtf8IsKept) {
  std::string out;
  EXPECT_TRUE(IsUtf8("Z\xC3\xBCrich"));
  EXPECT_FALSE(IsUtf8("Z\xFCrich"));
  EXPECT_FALSE(IsUtf8("\xED\xA0\x80"));  // a surrogate
  EXPECT_EQ(Latin1ToUtf8("Z\xFCrich", &out), 1u);
  EXPECT_EQ(out, "Z\xC3\xBCrich");
  // Mixed: a valid UTF-8 "é" and a Latin-1 "é" on one line.
  EXPECT_EQ(Latin1ToUtf8("CAF\xC3\xA9 CAF\xE9", &out), 1u);
  EXPECT_EQ(out, "CAF\xC3\xA9 CAF\xC3\xA9");
  EXPECT_EQ(Latin1ToUtf8("plain", &out), 0u);
  EXPECT_EQ(out, "plain");
}

TEST(DictUtilTest, MakePhraseMarksTrailingUnderscoreExact) {
  EXPECT_EQ(Words(MakePhrase("VLADIMIR_PUTIN_")), "VLADIMIR PUTIN_");
  EXPECT_EQ(Words(MakePhrase("GROUP A_")), "GROUP A_");
  EXPECT_EQ(Words(MakePhrase("Manchester United")), "MANCHESTER UNITED");
  EXPECT_EQ(Words(MakePhrase("ARNOR_ GONDOR")), "ARNOR_ GONDOR");
  EXPECT_EQ(Words(MakePhrase("SEMI-OFFICIAL_NEWSPAPER")), "SEMI - OFFICIAL NEWSPAPER");
  EXPECT_EQ(Words(MakePhrase("U.S._PRESIDENT_")), "U.S. PRESIDENT_");
  EXPECT_TRUE(MakePhrase("  ").empty());
  EXPECT_NE(PhraseKey(MakePhrase("A_")), PhraseKey(MakePhrase("A")));
  EXPECT_EQ(PhraseKey(MakePhrase("A_B")), PhraseKey(MakePhrase("A  B")));
}

// A space between words, unlike '_', lets other words come between them (TABARI actor phrases):
// gap_before marks the first word of each space-separated part after the first.
TEST(DictUtilTest, MakePhraseMarksSpaceSeparatedParts) {
  auto gaps = [](const Phrase& p) {
    std::string out;
    for (const PhraseWord& w : p) out += w.gap_before ? '+' : '.';
    return out;
  };
  EXPECT_EQ(gaps(MakePhrase("ITHILEN TELEVISION")), ".+");
  EXPECT_EQ(gaps(MakePhrase("ITHILEN_GOVERNMENT_RADIO_")), "...");
  EXPECT_EQ(gaps(MakePhrase("UN  DEPARTMENT_OF_PEACEKEEPING")), ".+..");
  EXPECT_EQ(gaps(MakePhrase("SEMI-OFFICIAL NEWSPAPER")), "...+");
}

TEST(DictUtilTest, LineReaderSkipsCommentsStopsAtFinishAndWarnsWithLine) {
  DictionarySet set;
  uint32_t file = set.AddFile("t.txt");
  std::string content =
      "\xEF\xBB\xBF# header\r\n"
      "\r\n"
      "ONE  # c\r\n"
      "<!-- a\r\n"
      "TWO -->\r\n"
      "\tTHR\xC9\x45\r\n"
      "~~FINISH\r\n"
      "FOUR\r\n";
  LineReader in(content, file, &set);
  std::vector<std::pair<uint32_t, std::string>> got;
  while (in.Next()) got.emplace_back(in.line(), std::string(in.text()));
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], (std::pair<uint32_t, std::string>{3, "ONE"}));
  EXPECT_EQ(got[1], (std::pair<uint32_t, std::string>{6, "THR\xC3\x89" "E"}));
  ASSERT_EQ(set.warnings.size(), 1u);
  EXPECT_EQ(set.warnings[0].file, "t.txt");
  EXPECT_TRUE(HasWarning(set, 6, "Latin-1"));
}

TEST(DictUtilTest, LineReaderWarnsAboutUnclosedComment) {
  DictionarySet set;
  uint32_t file = set.AddFile("u.txt");
  LineReader in("A\n<!-- open\nB\n", file, &set);
  int n = 0;
  while (in.Next()) ++n;
  EXPECT_EQ(n, 1);
  EXPECT_TRUE(HasWarning(set, 2, "never closed"));
  Status s = LineReader("X\n", file, &set).Error("bad");
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
}

TEST(DictUtilTest, ReadFileBytesMissingFileIsNotFound) {
  std::string out;
  Status s = ReadFileBytes("/nonexistent/dir/actors.txt", &out);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find("/nonexistent/dir/actors.txt"), std::string::npos);
}

}  // namespace
}  // namespace dragoman::dict
