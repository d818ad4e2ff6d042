#include "dragoman/dictionary.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "dict/dict_testing.h"
#include "dict/dict_util.h"

namespace dragoman {
namespace {

using dict_testing::SharedFile;

EventCode Code(std::string_view s) {
  Result<EventCode> r = ParseEventCode(s);
  EXPECT_TRUE(r.ok()) << s << ": " << r.status().ToString();
  return r.ok() ? r.value() : EventCode{};
}

TEST(DictEventCodeTest, PlainPairedPassiveAndSpecial) {
  EventCode c = Code("042");
  EXPECT_EQ(c.kind, EventCode::Kind::kEvent);
  EXPECT_EQ(c.code, "042");
  EXPECT_TRUE(c.paired.empty());
  EXPECT_FALSE(c.passive_only);

  c = Code("042:043");
  EXPECT_EQ(c.code, "042");
  EXPECT_EQ(c.paired, "043");

  c = Code(" :043 ");
  EXPECT_EQ(c.kind, EventCode::Kind::kEvent);
  EXPECT_EQ(c.code, "043");
  EXPECT_TRUE(c.passive_only);

  EXPECT_EQ(Code("---").kind, EventCode::Kind::kNull);
  EXPECT_EQ(Code("###").kind, EventCode::Kind::kDiscard);
  EXPECT_EQ(Code("+++").kind, EventCode::Kind::kComplex);
  EXPECT_TRUE(Code("---").code.empty());
}

TEST(DictEventCodeTest, LettersSubordinateAndBang) {
  EXPECT_EQ(Code("075A").code, "075A");
  EXPECT_EQ(Code("174K").code, "174K");
  EventCode c = Code("025?");  // TABARI subordinate, as in PETR.Validate.verbs.txt
  EXPECT_EQ(c.code, "025");
  EXPECT_TRUE(c.subordinate);
  c = Code("?010");
  EXPECT_EQ(c.code, "010");
  EXPECT_TRUE(c.subordinate);
  EXPECT_FALSE(Code("010").subordinate);
  EXPECT_EQ(Code("080!").code, "080");  // "[080!]" in CAMEO.2.0.txt
  c = Code("1123:1124");
  EXPECT_EQ(c.code, "1123");
  EXPECT_EQ(c.paired, "1124");
}

TEST(DictEventCodeTest, RejectsMalformedCodes) {
  for (std::string_view bad : {"", "  ", ":", "04 2", "042::043", "042:", "a-b", "--", "?"}) {
    Result<EventCode> r = ParseEventCode(bad);
    EXPECT_FALSE(r.ok()) << "'" << bad << "'";
    if (!r.ok()) EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  }
}

DatedCode Dated(std::string_view code, std::string_view restriction) {
  Result<DatedCode> r = ParseDatedCode(code, restriction);
  EXPECT_TRUE(r.ok()) << restriction << ": " << r.status().ToString();
  return r.ok() ? r.value() : DatedCode{};
}

TEST(DictDatedCodeTest, DefaultBeforeAfterAndRange) {
  DatedCode d = Dated("rusgov", "");
  EXPECT_EQ(d.code, "RUSGOV");
  EXPECT_TRUE(d.is_default);
  EXPECT_EQ(d.from, kMinDay);
  EXPECT_EQ(d.to, kMaxDay);

  d = Dated("YUGHRV", "<910625");  // before, exclusive
  EXPECT_FALSE(d.is_default);
  EXPECT_EQ(d.from, kMinDay);
  EXPECT_EQ(d.to, DayFromCivil(1991, 6, 24));

  d = Dated("HRV", ">920115");  // on or after
  EXPECT_EQ(d.from, DayFromCivil(1992, 1, 15));
  EXPECT_EQ(d.to, kMaxDay);

  d = Dated("HRVUNR", "911008-920115");  // both ends inclusive
  EXPECT_EQ(d.from, DayFromCivil(1991, 10, 8));
  EXPECT_EQ(d.to, DayFromCivil(1992, 1, 15));
}

TEST(DictDatedCodeTest, CenturiesEightDigitsAndSpaces) {
  EXPECT_EQ(Dated("A", ">300101").from, DayFromCivil(2030, 1, 1));
  EXPECT_EQ(Dated("A", ">310101").from, DayFromCivil(1931, 1, 1));
  EXPECT_EQ(Dated("A", ">000229").from, DayFromCivil(2000, 2, 29));
  EXPECT_EQ(Dated("AFGELI", "19270101-730717").from, DayFromCivil(1927, 1, 1));
  EXPECT_EQ(Dated("AFGELI", "19270101-730717").to, DayFromCivil(1973, 7, 17));
  EXPECT_EQ(Dated("EGYGOV", "> 140608").from, DayFromCivil(2014, 6, 8));
  EXPECT_EQ(Dated("HOB", "< 950601").to, DayFromCivil(1995, 5, 31));
  DatedCode d = Dated("HOBGOV", "19950601 - 19990815");
  EXPECT_EQ(d.from, DayFromCivil(1995, 6, 1));
  EXPECT_EQ(d.to, DayFromCivil(1999, 8, 15));
}

TEST(DictDatedCodeTest, RejectsBadRestrictions) {
  // The first five are typos found in Phoenix.Countries.actors.txt.
  for (std::string_view bad : {"9008223-911221", "20121207-20120802", ">201005011", "20121204",
                               "1920030320-20060520", ">991332", ">010229", "<", "abc"}) {
    Result<DatedCode> r = ParseDatedCode("X", bad);
    EXPECT_FALSE(r.ok()) << bad;
  }
  EXPECT_FALSE(ParseDatedCode("", "").ok());
}

TEST(DictVerbFamilyTest, DetectsFromPatternSyntax) {
  EXPECT_EQ(DetectVerbFamily("--- CONSULT [040] ---\nCONSULT\n- * (WITH +) [040]\n"),
            DictionaryFamily::kPetrarch2);
  EXPECT_EQ(DetectVerbFamily("--- A [040] ---\nA\n- * {FINANCIAL AID} [040]\n"),
            DictionaryFamily::kPetrarch2);
  EXPECT_EQ(DetectVerbFamily("--- SAY [010] ---\nSAY\n- $ * + [010]  # (a comment)\n"),
            DictionaryFamily::kPetrarch1);
  EXPECT_EQ(DetectVerbFamily("--- A [010] ---\n- * {TO | WITH} + [010]\n"),
            DictionaryFamily::kPetrarch1);
  // PETR-1 production files carry the PETR-2 headers too; the patterns decide.
  EXPECT_EQ(DetectVerbFamily("####### VERB PATTERNS #######\n--- A [010] ---\n- ^ $ * + [010]\n"),
            DictionaryFamily::kPetrarch1);
  EXPECT_EQ(DetectVerbFamily("####### VERB PATTERNS #######\n--- A [010] ---\nA\n"),
            DictionaryFamily::kPetrarch2);
  EXPECT_EQ(DetectVerbFamily("--- A [010] ---\nA\n"), DictionaryFamily::kPetrarch1);
}

TEST(DictVerbFamilyTest, RealFiles) {
  struct Case {
    const char* file;
    DictionaryFamily family;
  };
  const Case cases[] = {
      {"petrarch/dictionaries/CAMEO.2.0.txt", DictionaryFamily::kPetrarch2},
      {"petrarch/dictionaries/CAMEO.verbpatterns.150430.txt", DictionaryFamily::kPetrarch1},
      {"petrarch/validation/petr1-unittest/PETR.Validate.verbs.txt", DictionaryFamily::kPetrarch1},
      {"petrarch/validation/ud-petrarch-2.02/PETR_Validate_verbs_2_02.txt",
       DictionaryFamily::kPetrarch2},
  };
  int found = 0;
  for (const Case& c : cases) {
    std::string path = SharedFile(c.file);
    if (path.empty()) continue;
    ++found;
    std::string bytes;
    ASSERT_TRUE(dict::ReadFileBytes(path, &bytes).ok());
    EXPECT_EQ(DetectVerbFamily(bytes), c.family) << c.file;
  }
  if (found == 0) GTEST_SKIP() << "shared fixtures not available";
}

TEST(DictLoadTest, MissingFileIsNotFoundNamingThePath) {
  DictionarySet set;
  for (DictionaryKind kind : {DictionaryKind::kActors, DictionaryKind::kAgents,
                              DictionaryKind::kDiscards, DictionaryKind::kIssues,
                              DictionaryKind::kVerbs}) {
    Status s = LoadDictionary("/no/such/dir/file.actors.txt", kind, &set);
    EXPECT_EQ(s.code(), Status::Code::kNotFound);
    EXPECT_NE(s.message().find("/no/such/dir/file.actors.txt"), std::string::npos) << s.message();
  }
}

TEST(DictLoadTest, AddFileIsIdempotentAndEntriesRememberTheirFile) {
  DictionarySet set;
  EXPECT_EQ(set.AddFile("a.txt"), 0u);
  EXPECT_EQ(set.AddFile("b.txt"), 1u);
  EXPECT_EQ(set.AddFile("a.txt"), 0u);
  ASSERT_TRUE(ParseDictionary("GONDOR [GON]\n", "c.actors", DictionaryKind::kActors, &set).ok());
  ASSERT_TRUE(ParseDictionary("ARNOR [ARN]\n", "b.txt", DictionaryKind::kActors, &set).ok());
  ASSERT_EQ(set.files.size(), 3u);
  ASSERT_EQ(set.actors.size(), 2u);
  EXPECT_EQ(set.files[set.actors[0].where.file], "c.actors");
  EXPECT_EQ(set.actors[1].where.file, 1u);
  EXPECT_EQ(set.actors[1].where.line, 1u);
}

TEST(DictLoadTest, AllProductionDictionariesLoadQuickly) {
  struct Item {
    const char* file;
    DictionaryKind kind;
  };
  const Item items[] = {
      {"petrarch/dictionaries/CAMEO.2.0.txt", DictionaryKind::kVerbs},
      {"petrarch/dictionaries/Phoenix.Countries.actors.txt", DictionaryKind::kActors},
      {"petrarch/dictionaries/Phoenix.International.actors.txt", DictionaryKind::kActors},
      {"petrarch/dictionaries/Phoenix.MilNonState.actors.txt", DictionaryKind::kActors},
      {"petrarch/dictionaries/Phoenix.agents.txt", DictionaryKind::kAgents},
      {"petrarch/dictionaries/Phoenix.discards.txt", DictionaryKind::kDiscards},
      {"petrarch/dictionaries/Phoenix.IssueCoding.txt", DictionaryKind::kIssues},
  };
  DictionarySet set;
  double total = 0;
  for (const Item& item : items) {
    std::string path = SharedFile(item.file);
    if (path.empty()) GTEST_SKIP() << "shared fixtures not available";
    auto start = std::chrono::steady_clock::now();
    Status s = LoadDictionary(path, item.kind, &set);
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    total += ms;
    ASSERT_TRUE(s.ok()) << s.ToString();
    std::printf("[ info ] %-55s %7.1f ms\n", item.file, ms);
  }
  std::printf("[ info ] all production dictionaries: %.1f ms, %zu warnings\n", total,
              set.warnings.size());
  EXPECT_EQ(set.files.size(), 7u);
  EXPECT_GT(set.actor_phrases.size(), 30000u);
  EXPECT_GT(set.verb_forms.size(), 1000u);
#ifdef NDEBUG
  EXPECT_LT(total, 1000.0);
#endif
}

}  // namespace
}  // namespace dragoman
