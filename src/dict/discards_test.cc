#include <gtest/gtest.h>

#include <string>

#include "dict/dict_testing.h"
#include "dragoman/dictionary.h"

namespace dragoman {
namespace {

using dict_testing::HasWarning;
using dict_testing::SharedFile;
using dict_testing::Words;

TEST(DictDiscardsTest, StoryExactAndStem) {
  DictionarySet set;
  ASSERT_TRUE(ParseDictionary(
                  "# Story-level discards are indicated with a '+'.\n"
                  "MONTHS LATER\n"
                  "+Manchester United   # pas 26-Feb-2014\n"
                  "GROUP A_\n"
                  "JUVENTUS   # lrp 29 Nov 2005 ;LRP 29 NOV 2005\n"
                  "+ESPN2 \n"
                  "1914\n"
                  "+EURO  QUALIFIER\n",
                  "t.discards", DictionaryKind::kDiscards, &set)
                  .ok());
  ASSERT_EQ(set.discards.size(), 7u);
  EXPECT_EQ(Words(set.discards[0].words), "MONTHS LATER");
  EXPECT_FALSE(set.discards[0].story);
  EXPECT_EQ(Words(set.discards[1].words), "MANCHESTER UNITED");
  EXPECT_TRUE(set.discards[1].story);
  EXPECT_EQ(set.discards[1].where.line, 3u);
  EXPECT_EQ(Words(set.discards[2].words), "GROUP A_");
  EXPECT_TRUE(set.discards[2].words.back().exact);
  EXPECT_FALSE(set.discards[3].words.back().exact);  // JUVENTUS: a stem
  EXPECT_EQ(Words(set.discards[3].words), "JUVENTUS");
  EXPECT_EQ(Words(set.discards[4].words), "ESPN2");
  EXPECT_TRUE(set.discards[4].story);
  EXPECT_EQ(Words(set.discards[5].words), "1914");
  EXPECT_EQ(Words(set.discards[6].words), "EURO QUALIFIER");
  EXPECT_TRUE(set.warnings.empty());
}

TEST(DictDiscardsTest, DuplicatesAndEmptyEntriesWarn) {
  DictionarySet set;
  ASSERT_TRUE(ParseDictionary("BASEBALL\nbaseball\n+\n+BASEBALL\n", "d", DictionaryKind::kDiscards,
                              &set)
                  .ok());
  EXPECT_EQ(set.discards.size(), 2u);  // sentence-level and story-level are different entries
  EXPECT_TRUE(HasWarning(set, 2, "twice"));
  EXPECT_TRUE(HasWarning(set, 3, "without words"));
}

TEST(DictDiscardsTest, RealFilesLoad) {
  std::string phoenix = SharedFile("petrarch/dictionaries/Phoenix.discards.txt");
  if (phoenix.empty()) GTEST_SKIP() << "shared fixtures not available";
  DictionarySet set;
  ASSERT_TRUE(LoadDictionary(phoenix, DictionaryKind::kDiscards, &set).ok());
  EXPECT_GE(set.discards.size(), 500u);  // 506 entries
  size_t story = 0;
  for (const Discard& d : set.discards) story += d.story;
  EXPECT_EQ(story, 64u);
  EXPECT_TRUE(set.warnings.empty());
  for (const char* file : {"petrarch/validation/petr1-unittest/PETR.Validate.discards.txt",
                           "petrarch/validation/ud-petrarch-2.02/PETR_Validate_discards_2_02.txt"}) {
    std::string path = SharedFile(file);
    if (path.empty()) continue;
    DictionarySet v;
    ASSERT_TRUE(LoadDictionary(path, DictionaryKind::kDiscards, &v).ok());
    EXPECT_GE(v.discards.size(), 8u) << file;
    EXPECT_TRUE(v.warnings.empty()) << file;
  }
}

}  // namespace
}  // namespace dragoman
