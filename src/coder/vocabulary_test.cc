#include "coder/vocabulary.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dragoman::coder {
namespace {

// Words short enough to be kept inside a hash slot and longer ones, words that share a long
// prefix and differ only at the end, and one-letter words.
std::vector<std::string> TestWords() {
  std::vector<std::string> words = {"A", "B", "US", "TALK", "TALKS", "CRY", "MEET", "SHARE",
                                    "STOP", "ATTACK"};
  for (size_t n = 1; n <= 40; ++n) {
    words.push_back(std::string(n, 'X'));
    words.push_back(std::string(n - 1, 'Y') + "Z");
  }
  return words;
}

TEST(VocabularyTest, FindsEveryWordOfEveryLengthAndNoOther) {
  Vocabulary v;
  std::vector<std::string> words = TestWords();
  std::vector<uint32_t> ids;
  for (const std::string& w : words) ids.push_back(v.Add(w));
  for (size_t i = 0; i < words.size(); ++i) {
    SCOPED_TRACE(words[i]);
    EXPECT_EQ(v.Find(words[i]), ids[i]);
    EXPECT_EQ(v.word(ids[i]), words[i]);
    EXPECT_EQ(v.Add(words[i]), ids[i]);  // adding again gives the same id
    // One byte more, one byte less, the last byte changed: no word.
    EXPECT_EQ(v.Find(words[i] + "Q"), kNoWord);
    if (words[i].size() > 1) EXPECT_EQ(v.Find(words[i].substr(0, words[i].size() - 1) + "Q"), kNoWord);
  }
  EXPECT_EQ(v.Find(""), kNoWord);
  EXPECT_EQ(v.Find("NOWHERE"), kNoWord);
  EXPECT_EQ(v.size(), words.size());
}

TEST(VocabularyTest, LookupGivesExactIdAndRegularStems) {
  Vocabulary v;
  const uint32_t talk = v.Add("TALK"), cry = v.Add("CRY"), share = v.Add("SHARE"),
                 stop = v.Add("STOP"), meet = v.Add("MEET");
  WordIds ids = v.Lookup("TALKS");
  EXPECT_EQ(ids.exact, kNoWord);
  ASSERT_EQ(ids.stem_count, 1);
  EXPECT_EQ(ids.stems[0], talk);
  EXPECT_EQ(v.Lookup("TALK").exact, talk);
  EXPECT_EQ(v.Lookup("TALK").stem_count, 0);
  EXPECT_EQ(v.Lookup("CRIES").stems[0], cry);
  EXPECT_EQ(v.Lookup("SHARED").stems[0], share);
  EXPECT_EQ(v.Lookup("SHARING").stems[0], share);
  EXPECT_EQ(v.Lookup("STOPPED").stems[0], stop);
  EXPECT_EQ(v.Lookup("MEETING").stems[0], meet);
  // Base forms keep three letters: "USED" is no form of "US".
  v.Add("US");
  EXPECT_EQ(v.Lookup("USED").stem_count, 0);
}

// Lookup answers come from a per-thread cache: they must equal fresh answers, for words of any
// length, and an Add or new tags must never leave a stale answer behind.
TEST(VocabularyTest, CachedAnswersStayCurrent) {
  Vocabulary v;
  const std::string long_word(35, 'L');
  EXPECT_EQ(v.Lookup("TALKS").stem_count, 0);
  EXPECT_EQ(v.Lookup(long_word).exact, kNoWord);
  const uint32_t talk = v.Add("TALK");
  const uint32_t longer = v.Add(long_word);
  for (int pass = 0; pass < 2; ++pass) {  // the second pass reads the cache
    EXPECT_EQ(v.Lookup("TALKS").stem_count, 1);
    EXPECT_EQ(v.Lookup("TALKS").stems[0], talk);
    EXPECT_EQ(v.Lookup(long_word).exact, longer);
  }
  v.SetTags(talk, 0x40, 0x2);
  EXPECT_EQ(v.Lookup("TALK").exact_tags, 0x40u);
  EXPECT_EQ(v.Lookup("TALKS").form_tags, 0x2);
  EXPECT_EQ(v.Lookup("TALKS").exact_tags, 0u);
  // Two vocabularies on one thread never answer for each other.
  Vocabulary other;
  EXPECT_EQ(other.Lookup("TALK").exact, kNoWord);
  EXPECT_EQ(v.Lookup("TALK").exact, talk);
}

// Many words force the table to grow several times; every id must survive.
TEST(VocabularyTest, GrowsWithoutLosingWords) {
  Vocabulary v;
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) words.push_back("W" + std::to_string(i * 7919) + (i % 3 ? "" : "-LONGER-THAN-EIGHTEEN"));
  for (size_t i = 0; i < words.size(); ++i) EXPECT_EQ(v.Add(words[i]), i);
  for (size_t i = 0; i < words.size(); ++i) EXPECT_EQ(v.Find(words[i]), i);
  EXPECT_EQ(v.Find("W1"), kNoWord);
}

}  // namespace
}  // namespace dragoman::coder
