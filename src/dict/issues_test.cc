#include <gtest/gtest.h>

#include <set>
#include <string>

#include "dict/dict_testing.h"
#include "dragoman/dictionary.h"

namespace dragoman {
namespace {

using dict_testing::HasWarning;
using dict_testing::SharedFile;
using dict_testing::Words;

DictionarySet Parse(std::string_view text) {
  DictionarySet set;
  Status s = ParseDictionary(text, "t.issues", DictionaryKind::kIssues, &set);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return set;
}

// "WORDS|CODE|CATEGORY|ignore?" for every phrase.
std::set<std::string> All(const DictionarySet& set) {
  std::set<std::string> out;
  for (const IssuePhrase& p : set.issues) {
    out.insert(Words(p.words) + "|" + p.code + "|" + p.category + (p.ignore ? "|~" : ""));
  }
  return out;
}

TEST(DictIssuesTest, NounVerbAndJoinForms) {
  DictionarySet set = Parse(
      "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"
      "n:preschool [EARLY_CHILDHOOD_EDUCATION]\n"
      "pre+n:school [EARLY_CHILDHOOD_EDUCATION]\n"
      "n:bachelor n:degree [POSTSECONDARY_EDUCATION]\n"
      "n:academy [SCHOOLS]\n"
      "touristry[TOURISM]\n"
      "</ISSUE>\n"
      "<ISSUE CATEGORY=\"ENERGY\" TYPE=\"ALL\">\n"
      "solar+v:power [RENEWABLE_ENERGY]\n"
      "v:smuggle [SMUGGLING]\n"
      "</ISSUE>\n");
  std::set<std::string> all = All(set);
  std::set<std::string> expected = {
      "PRESCHOOL|EARLY_CHILDHOOD_EDUCATION|EDUCATION",
      "PRESCHOOLS|EARLY_CHILDHOOD_EDUCATION|EDUCATION",
      "PRE SCHOOL|EARLY_CHILDHOOD_EDUCATION|EDUCATION",
      "PRE SCHOOLS|EARLY_CHILDHOOD_EDUCATION|EDUCATION",
      "PRE - SCHOOL|EARLY_CHILDHOOD_EDUCATION|EDUCATION",
      "PRE - SCHOOLS|EARLY_CHILDHOOD_EDUCATION|EDUCATION",
      "BACHELOR DEGREE|POSTSECONDARY_EDUCATION|EDUCATION",
      "BACHELOR DEGREES|POSTSECONDARY_EDUCATION|EDUCATION",
      "BACHELORS DEGREE|POSTSECONDARY_EDUCATION|EDUCATION",
      "BACHELORS DEGREES|POSTSECONDARY_EDUCATION|EDUCATION",
      "ACADEMY|SCHOOLS|EDUCATION",
      "ACADEMIES|SCHOOLS|EDUCATION",
      "TOURISTRY|TOURISM|EDUCATION",
      "SOLAR POWER|RENEWABLE_ENERGY|ENERGY",
      "SOLAR POWERS|RENEWABLE_ENERGY|ENERGY",
      "SOLAR POWERED|RENEWABLE_ENERGY|ENERGY",
      "SOLAR POWERING|RENEWABLE_ENERGY|ENERGY",
      "SOLAR - POWER|RENEWABLE_ENERGY|ENERGY",
      "SOLAR - POWERS|RENEWABLE_ENERGY|ENERGY",
      "SOLAR - POWERED|RENEWABLE_ENERGY|ENERGY",
      "SOLAR - POWERING|RENEWABLE_ENERGY|ENERGY",
      "SMUGGLE|SMUGGLING|ENERGY",
      "SMUGGLES|SMUGGLING|ENERGY",
      "SMUGGLED|SMUGGLING|ENERGY",
      "SMUGGLING|SMUGGLING|ENERGY",
  };
  EXPECT_EQ(all, expected);
  EXPECT_TRUE(set.warnings.empty());
}

TEST(DictIssuesTest, VerbDoublingAndIgnoreLines) {
  DictionarySet set = Parse(
      "<ISSUE CATEGORY=\"CRIME\" TYPE=\"ALL\">\n"
      "v:kidnap [KIDNAPPING]\n"
      "~a head start\n"
      "~~gold n:farmer\n"
      "</ISSUE>\n");
  std::set<std::string> all = All(set);
  EXPECT_EQ(all.count("KIDNAPPED|KIDNAPPING|CRIME"), 1u);
  EXPECT_EQ(all.count("KIDNAPPING|KIDNAPPING|CRIME"), 1u);
  EXPECT_EQ(all.count("KIDNAPS|KIDNAPPING|CRIME"), 1u);
  EXPECT_EQ(all.count("KIDNAPED|KIDNAPPING|CRIME"), 1u);  // both spellings: extra forms are free
  EXPECT_EQ(all.count("A HEAD START||CRIME|~"), 1u);
  EXPECT_EQ(all.count("GOLD FARMERS||CRIME|~"), 1u);
  EXPECT_EQ(all.count("GOLD FARMER||CRIME|~"), 1u);
}

TEST(DictIssuesTest, OddLinesWarnWithTheirLine) {
  DictionarySet set = Parse(
      "<ISSUE CATEGORY=\"EUROPEAN_UNION\" TYPE=\"ALL\">\n"
      "eec\n"
      "e.c.b. [EU]\n"
      "e.c.b. [EU]\n"
      "liberation tigers [NAMED_TERROR_GROUP]*******\n"
      "</ISSUE>\n"
      "</ISSUE>\n"
      "outside [X]\n");
  std::set<std::string> all = All(set);
  EXPECT_EQ(all.count("EEC|EUROPEAN_UNION|EUROPEAN_UNION"), 1u);
  EXPECT_TRUE(HasWarning(set, 2, "without a code"));
  EXPECT_TRUE(HasWarning(set, 4, "twice"));
  EXPECT_TRUE(HasWarning(set, 5, "*******"));
  EXPECT_EQ(all.count("LIBERATION TIGERS|NAMED_TERROR_GROUP|EUROPEAN_UNION"), 1u);
  EXPECT_TRUE(HasWarning(set, 7, "</ISSUE>"));
  EXPECT_TRUE(HasWarning(set, 8, "outside"));
}

TEST(DictIssuesTest, RealFileLoads) {
  std::string path = SharedFile("petrarch/dictionaries/Phoenix.IssueCoding.txt");
  if (path.empty()) GTEST_SKIP() << "shared fixtures not available";
  DictionarySet set;
  ASSERT_TRUE(LoadDictionary(path, DictionaryKind::kIssues, &set).ok());
  std::set<std::string> categories;
  size_t ignore = 0;
  for (const IssuePhrase& p : set.issues) {
    categories.insert(p.category);
    ignore += p.ignore;
    EXPECT_FALSE(p.category.empty());
    if (!p.ignore) EXPECT_FALSE(p.code.empty()) << Words(p.words);
  }
  EXPECT_EQ(categories.size(), 51u);  // 52 blocks; ELECTIONS is empty
  EXPECT_GT(set.issues.size(), 3000u);  // about 2,976 lines, many with several forms
  EXPECT_GT(ignore, 181u);
  EXPECT_LT(set.warnings.size(), 100u);
  std::set<std::string> all = All(set);
  EXPECT_EQ(all.count("PRE - SCHOOLS|EARLY_CHILDHOOD_EDUCATION|EDUCATION"), 1u);
  std::printf("[ info ] Phoenix.IssueCoding.txt: %zu phrases, %zu warnings\n", set.issues.size(),
              set.warnings.size());
}

}  // namespace
}  // namespace dragoman
