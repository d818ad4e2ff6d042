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
  Status s = ParseDictionary(text, "t.agents", DictionaryKind::kAgents, &set);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return set;
}

// The agent of a phrase, written without the '_' that marks an exact last word.
const Agent* Find(const DictionarySet& set, std::string_view words) {
  for (const AgentPhrase& p : set.agent_phrases) {
    std::string w = Words(p.words);
    if (w == words || w == std::string(words) + "_") return &set.agents[p.agent];
  }
  return nullptr;
}

std::set<std::string> AllPhrases(const DictionarySet& set) {
  std::set<std::string> out;
  for (const AgentPhrase& p : set.agent_phrases) out.insert(Words(p.words));
  return out;
}

TEST(DictAgentsTest, CodesSuffixAndPrefix) {
  DictionarySet set = Parse(
      "FARMER [~AGR]\n"
      "HUMAN_RIGHTS_BODY  [NGO~] # BNL 07 Dec 2001\n"
      "POLICE {} [ ~COP] # JON 2/8/95\n"
      "HUMAN_RIGHTS_ORGANIZATION  [  NGO~]\n"
      "ISLAMIC_MILITANT  [~MUSUAF]\n");
  ASSERT_EQ(set.agents.size(), 5u);
  EXPECT_EQ(set.agents[0].code, "AGR");
  EXPECT_FALSE(set.agents[0].prefix);
  EXPECT_EQ(set.agents[1].code, "NGO");
  EXPECT_TRUE(set.agents[1].prefix);
  EXPECT_EQ(set.agents[2].code, "COP");
  EXPECT_TRUE(set.agents[3].prefix);
  EXPECT_EQ(set.agents[4].code, "MUSUAF");
  EXPECT_EQ(set.agents[1].where.line, 2u);
  EXPECT_TRUE(set.warnings.empty());
}

TEST(DictAgentsTest, RegularIrregularAndNoPlurals) {
  DictionarySet set = Parse(
      "FARMER [~AGR]\n"
      "CONGRESS [~LEG]\n"
      "AUTHORITY [~GOV]\n"
      "ATTORNEY [~JUD]\n"
      "CHURCH [~REL]\n"
      "BOX_OFFICE_TAX [~BUS]\n"
      "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"
      "GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n"
      "POLICE {} [~COP]\n"
      "ARNOR_OFFICIAL_ [~GOV]\n");
  std::set<std::string> phrases = AllPhrases(set);
  for (const char* p : {"FARMER", "FARMERS", "CONGRESS", "CONGRESSES", "AUTHORITY", "AUTHORITIES",
                        "ATTORNEY", "ATTORNEYS", "CHURCH", "CHURCHES", "BOX OFFICE TAX",
                        "BOX OFFICE TAXES", "ATTORNEY GENERAL_", "ATTORNEYS GENERAL",
                        "GOLDEN GOOSE_", "GOLDEN GEESE", "POLICE_", "ARNOR OFFICIAL_"}) {
    EXPECT_EQ(phrases.count(p), 1u) << p;
  }
  EXPECT_EQ(phrases.count("ATTORNEY GENERALS"), 0u);
  EXPECT_EQ(phrases.count("POLICES"), 0u);
  EXPECT_EQ(phrases.count("ARNOR OFFICIALS"), 0u);  // exact: no plural
  EXPECT_EQ(phrases.size(), 18u);
  EXPECT_EQ(Find(set, "GOLDEN GEESE")->code, "GGS");
}

TEST(DictAgentsTest, SubstitutionMarkersGluedOrSeparate) {
  DictionarySet set = Parse(
      "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"
      "!MINST! = MINISTER, MINISTERS\n"
      "CONGRESS!PERSON! [~LEG] # check for substitution marker\n"
      "!MINST!_OF_SILLY_WALKS [~GOV]\n"
      "FOREIGN_!MINST! [~GOV]\n"
      "HUSBAND!PERSON![~AGR]\n");
  std::set<std::string> phrases = AllPhrases(set);
  for (const char* p : {"CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN", "CONGRESSWOMEN",
                        "CONGRESSPERSON", "MINISTER OF SILLY WALKS", "MINISTERS OF SILLY WALKS",
                        "FOREIGN MINISTER", "FOREIGN MINISTERS", "HUSBANDMAN", "HUSBANDMEN"}) {
    EXPECT_EQ(phrases.count(p), 1u) << p;
  }
  // The sets carry their own plurals; none is generated ("CONGRESSMANS").
  EXPECT_EQ(phrases.count("CONGRESSMANS"), 0u);
  EXPECT_EQ(phrases.count("MINISTER OF SILLY WALKSES"), 0u);
  EXPECT_EQ(Find(set, "CONGRESSWOMEN")->code, "LEG");
  EXPECT_EQ(Find(set, "FOREIGN MINISTERS")->code, "GOV");
  EXPECT_EQ(set.agents.size(), 4u);
}

// A marker whose value holds a marker, its own here, would expand without end: the entry is
// reported and dropped, the others kept (found by the dict_agents fuzzer).
TEST(DictAgentsTest, SelfReferentialMarkersStopWithAWarning) {
  DictionarySet set = Parse(
      "!LOOP! = MAN, !LOOP!X, !LOOP!Y\n"
      "CHAIR!LOOP! [~GOV]\n"
      "FARMER [~AGR]\n");
  EXPECT_TRUE(HasWarning(set, 2, "nest too deeply"));
  ASSERT_NE(Find(set, "FARMER"), nullptr);
  EXPECT_EQ(Find(set, "FARMER")->code, "AGR");
}

TEST(DictAgentsTest, BrokenEntriesWarnWithTheirLine) {
  DictionarySet set = Parse(
      "DEPARMENT_OF_ENVIRONMENT [~ENV}\n"
      "ISLAMIC_EXTREMIST\n"
      "!UNDEFINED!_GROUP [~XXX]\n"
      "FARMER [~AGR]\n"
      "FARMER [~BUS]\n"
      "TROOPS {}  [~MIL] extra\n");
  EXPECT_TRUE(HasWarning(set, 1, "missing ']'"));
  ASSERT_NE(Find(set, "DEPARMENT OF ENVIRONMENT"), nullptr);
  EXPECT_EQ(Find(set, "DEPARMENT OF ENVIRONMENT")->code, "ENV");
  EXPECT_TRUE(HasWarning(set, 2, "no [code]"));
  EXPECT_EQ(Find(set, "ISLAMIC EXTREMIST"), nullptr);
  EXPECT_TRUE(HasWarning(set, 3, "!UNDEFINED!"));
  EXPECT_TRUE(HasWarning(set, 5, "t.agents:4"));
  EXPECT_EQ(Find(set, "FARMER")->code, "AGR");
  EXPECT_TRUE(HasWarning(set, 6, "extra"));
  EXPECT_EQ(Find(set, "TROOPS")->code, "MIL");
}

TEST(DictAgentsTest, RealFilesLoad) {
  std::string phoenix = SharedFile("petrarch/dictionaries/Phoenix.agents.txt");
  if (phoenix.empty()) GTEST_SKIP() << "shared fixtures not available";
  DictionarySet set;
  ASSERT_TRUE(LoadDictionary(phoenix, DictionaryKind::kAgents, &set).ok());
  EXPECT_GT(set.agents.size(), 2000u);  // about 2,250 entries
  EXPECT_GT(set.agent_phrases.size(), 4000u);
  EXPECT_LT(set.warnings.size(), 50u);
  EXPECT_EQ(Find(set, "CHAMBERS OF COMMERCE")->code, "BUS");
  EXPECT_EQ(Find(set, "CATTLEMEN")->code, "AGR");
  EXPECT_EQ(Find(set, "FARMERS")->code, "AGR");
  EXPECT_EQ(Find(set, "INTERIOR MINISTRY")->code, "GOV");
  EXPECT_EQ(Find(set, "ANTI RIOT POLICE")->code, "COP");
  EXPECT_EQ(Find(set, "ANTI RIOT POLICES"), nullptr);
  const Agent* troops = Find(set, "PEACEKEEPING TROOPS");
  ASSERT_NE(troops, nullptr);
  EXPECT_TRUE(troops->prefix);
  EXPECT_EQ(troops->code, "IGO");
  std::printf("[ info ] Phoenix.agents.txt: %zu agents, %zu phrases, %zu warnings\n",
              set.agents.size(), set.agent_phrases.size(), set.warnings.size());

  for (const char* file : {"petrarch/validation/petr1-unittest/PETR.Validate.agents.txt",
                           "petrarch/validation/ud-petrarch-2.02/PETR_Validate_agents_2_02.txt"}) {
    std::string path = SharedFile(file);
    if (path.empty()) continue;
    DictionarySet v;
    ASSERT_TRUE(LoadDictionary(path, DictionaryKind::kAgents, &v).ok()) << file;
    EXPECT_GT(v.agents.size(), 80u) << file;
    EXPECT_TRUE(v.warnings.empty()) << file;
    EXPECT_EQ(Find(v, "CONGRESSES")->code, "LEG") << file;
    EXPECT_EQ(Find(v, "CONGRESSWOMAN")->code, "LEG") << file;
    EXPECT_EQ(Find(v, "MINISTRIES OF SILLY WALKS")->code, "GOV") << file;
    EXPECT_EQ(Find(v, "GOLDEN GEESE")->code, "GGS") << file;
    EXPECT_TRUE(Find(v, "MSF")->prefix) << file;
  }
}

}  // namespace
}  // namespace dragoman
