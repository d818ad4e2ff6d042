#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "dict/dict_testing.h"
#include "dragoman/dictionary.h"

namespace dragoman {
namespace {

using dict_testing::HasWarning;
using dict_testing::SharedFile;
using dict_testing::Words;

DictionarySet Parse(std::string_view text, const char* name = "t.actors") {
  DictionarySet set;
  Status s = ParseDictionary(text, name, DictionaryKind::kActors, &set);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return set;
}

// The actor a phrase ("VLADIMIR PUTIN_") belongs to, or nullptr.
const Actor* Find(const DictionarySet& set, std::string_view words) {
  for (const ActorPhrase& p : set.actor_phrases) {
    if (Words(p.words) == words) return &set.actors[p.actor];
  }
  return nullptr;
}

// "CODE", "CODE <from..to>" with ISO days, for compact comparisons.
std::vector<std::string> Codes(const Actor* actor) {
  std::vector<std::string> out;
  if (actor == nullptr) return out;
  for (const DatedCode& c : actor->codes) {
    if (c.is_default) {
      out.push_back(c.code);
    } else {
      out.push_back(c.code + " " + (c.from == kMinDay ? "" : FormatDay(c.from)) + ".." +
                    (c.to == kMaxDay ? "" : FormatDay(c.to)));
    }
  }
  return out;
}

using V = std::vector<std::string>;

TEST(DictActorsTest, PrimarySynonymsAndIndentedDatedCodes) {
  DictionarySet set = Parse(
      "VLADIMIR_PUTIN_  # CountryInfo.txt\n"
      "+PRESIDENT_VLADIMIR_PUTIN_\n"
      "+PUTIN\n"
      "\t[RUSELI 700101-990809]\n"
      "\t[RUSGOV >080508]\n"
      "    [RUSELI]\n"
      "AFGHANISTAN_  [AFG]\n"
      "+AFGHAN_ \n");
  ASSERT_EQ(set.actors.size(), 2u);
  EXPECT_EQ(set.actors[0].name, "VLADIMIR_PUTIN_");
  EXPECT_EQ(set.actors[0].where.line, 1u);
  EXPECT_EQ(Codes(&set.actors[0]),
            (V{"RUSELI 1970-01-01..1999-08-09", "RUSGOV 2008-05-08..", "RUSELI"}));
  ASSERT_EQ(set.actor_phrases.size(), 5u);
  EXPECT_EQ(Find(set, "VLADIMIR PUTIN_"), &set.actors[0]);
  EXPECT_EQ(Find(set, "PRESIDENT VLADIMIR PUTIN_"), &set.actors[0]);
  EXPECT_EQ(Find(set, "PUTIN"), &set.actors[0]);
  EXPECT_EQ(set.actor_phrases[2].where.line, 3u);
  EXPECT_EQ(Codes(Find(set, "AFGHAN_")), V{"AFG"});
  EXPECT_TRUE(set.warnings.empty());
}

TEST(DictActorsTest, SeveralInlineCodesAndSeparators) {
  DictionarySet set = Parse(
      "JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt\n"
      "MICHELE_MONTAS_\t[HTIOPPMED <061231] [IGOUNOMED]\t[---] #MleH\n"
      "B._LYNN_PASCOE_\t[USAGOV 981022-010811] [IGOUNO  >070201]\n"
      "CARLOS SANTOS_CRUZ_\t[IGOUNO]\n"
      "HUSBAND[X]\n"
      "PALESTINIAN [pse]\n"
      "LORIEN  [ELR/GAL]\n");
  EXPECT_EQ(Codes(Find(set, "JAVIER DE CUELLAR_")),
            (V{"IGOUNO 1982-01-01..1991-12-31", "ELI"}));
  EXPECT_EQ(Codes(Find(set, "MICHELE MONTAS_")),
            (V{"HTIOPPMED ..2006-12-30", "IGOUNOMED", "---"}));
  EXPECT_EQ(Codes(Find(set, "B. LYNN PASCOE_")),
            (V{"USAGOV 1998-10-22..2001-08-11", "IGOUNO 2007-02-01.."}));
  EXPECT_EQ(Codes(Find(set, "CARLOS SANTOS CRUZ_")), V{"IGOUNO"});
  EXPECT_EQ(Codes(Find(set, "HUSBAND")), V{"X"});
  EXPECT_EQ(Codes(Find(set, "PALESTINIAN")), V{"PSE"});
  EXPECT_EQ(Codes(Find(set, "LORIEN")), V{"ELR/GAL"});
  EXPECT_TRUE(set.warnings.empty());
}

TEST(DictActorsTest, CommentsCrlfFinishAndSections) {
  DictionarySet set = Parse(
      "<!-- PETRARCH VALIDATION SUITE ACTOR DICTIONARY -->\r\n"
      "<!-- \r\n"
      "#\t\t========== IMPORTANT NOTE! ==========\r\n"
      "NOT_AN_ACTOR [XXX]\r\n"
      "# -->\r\n"
      "; a TABARI comment\r\n"
      "<! -- NEW ACTORS FOR PETRARCH VALIDATION TEST -->\r\n"
      "<NOUN>\r\n"
      "BOOK\r\n"
      "</NOUN>\r\n"
      "GOLLUM  # pas 27 Apr 03\r\n"
      "+SMEAGOL\r\n"
      "\t[HOB < 950601] ;old\r\n"
      "#\t[950601-990815]  incorrect code block check\r\n"
      "\t[HOBGOV 19950601 - 19990815]\r\n"
      "\t\r\n"
      "~~FINISH\r\n"
      "AFTER_THE_END [AAA]\r\n");
  ASSERT_EQ(set.actors.size(), 1u);
  EXPECT_EQ(Codes(&set.actors[0]), (V{"HOB ..1995-05-31", "HOBGOV 1995-06-01..1999-08-15"}));
  EXPECT_EQ(Find(set, "SMEAGOL"), &set.actors[0]);
  EXPECT_EQ(Find(set, "BOOK"), nullptr);
  EXPECT_EQ(Find(set, "NOT AN ACTOR"), nullptr);
  EXPECT_EQ(Find(set, "AFTER THE END"), nullptr);
  EXPECT_TRUE(HasWarning(set, 8, "<NOUN>"));
}

TEST(DictActorsTest, RepeatedPrimaryAppendsCodesToTheFirstActor) {
  // The CROATIA case of Phoenix.Countries.actors.txt, shortened.
  DictionarySet set = Parse(
      "CROATIA_\n"
      "+CROAT_\n"
      "\t[YUGHRV <910625]\n"
      "\t[HRVUNR 911008-920115]\n"
      "\t[HRV >920115]\n"
      "FRANJO_TUDJMAN_  [HRVGOV]\n"
      "CROATIA_ [HRV]\n"
      "+CROAT_\n"
      "+ZAGREB_\n");
  ASSERT_EQ(set.actors.size(), 2u);
  EXPECT_EQ(Codes(Find(set, "CROATIA_")),
            (V{"YUGHRV ..1991-06-24", "HRVUNR 1991-10-08..1992-01-15", "HRV 1992-01-15..", "HRV"}));
  EXPECT_EQ(Find(set, "ZAGREB_"), Find(set, "CROATIA_"));
  EXPECT_EQ(set.actor_phrases.size(), 4u);  // CROAT_ is not stored twice
  EXPECT_TRUE(HasWarning(set, 7, "t.actors:1"));
}

TEST(DictActorsTest, SynonymSharedByTwoActorsTakesBothCodeLists) {
  DictionarySet set = Parse(
      "GEORGE_H._W._BUSH_\n"
      "+US_PRESIDENT_GEORGE_BUSH\n"
      "\t[USAGOV 890120-930120]\n"
      "\t[USAELI]\n"
      "GEORGE_W._BUSH_\n"
      "+US_PRESIDENT_GEORGE_BUSH\n"
      "\t[USAGOV 010120-090120]\n"
      "\t[USAELI]\n");
  EXPECT_EQ(Codes(Find(set, "GEORGE H. W. BUSH_")), (V{"USAGOV 1989-01-20..1993-01-20", "USAELI"}));
  EXPECT_EQ(Codes(Find(set, "GEORGE W. BUSH_")), (V{"USAGOV 2001-01-20..2009-01-20", "USAELI"}));
  EXPECT_EQ(Codes(Find(set, "US PRESIDENT GEORGE BUSH")),
            (V{"USAGOV 1989-01-20..1993-01-20", "USAELI", "USAGOV 2001-01-20..2009-01-20",
               "USAELI"}));
  EXPECT_TRUE(HasWarning(set, 6, "t.actors:2"));
}

TEST(DictActorsTest, ConsecutivePrimariesWithoutCodesShareTheNextCodes) {
  DictionarySet set = Parse(
      "MIKHAIL_GORBACHEV_\n"
      "+GORBACHEV\n"
      "PRESIDENT_MIKHAIL_S._GORBACHEV\n"
      "GENERAL_SECRETARY_GORBACHEV\n"
      "\t[RUSGOV 850311-910824]\n"
      "U.N._\n"
      "\n"
      "UN_SECRETARY_GENERAL [IGOUNO]\n");
  ASSERT_EQ(set.actors.size(), 2u);
  EXPECT_EQ(Find(set, "GENERAL SECRETARY GORBACHEV"), &set.actors[0]);
  EXPECT_EQ(Find(set, "PRESIDENT MIKHAIL S. GORBACHEV"), &set.actors[0]);
  EXPECT_EQ(Codes(&set.actors[0]), V{"RUSGOV 1985-03-11..1991-08-24"});
  // U.N._ is followed by a blank line: an entry of its own, dropped for want of a code.
  EXPECT_EQ(Find(set, "U.N._"), nullptr);
  EXPECT_TRUE(HasWarning(set, 6, "no code"));
  EXPECT_TRUE(HasWarning(set, 3, "synonym"));
}

TEST(DictActorsTest, BrokenEntriesBecomeWarningsNamingTheLine) {
  DictionarySet set = Parse(
      "+ORPHAN\n"
      "\t[ABC]\n"
      "DAVID_CAMERON_\n"
      "\t[GBRGOV >201005011]\n"
      "ALAN_JOHNSON_ [GBRGOV 041001-050531] junk\n"
      "BRIAN [BRI 2004017-20061201] [BRX\n"
      "ENT  \n"
      "\t[ENT]\n"
      "NOCODE\n"
      "\n"
      "X [950601-990815]\n",
      "bad.actors");
  EXPECT_TRUE(HasWarning(set, 1, "no primary"));
  EXPECT_TRUE(HasWarning(set, 2, "without an actor"));
  EXPECT_TRUE(HasWarning(set, 4, "bad date restriction"));
  EXPECT_TRUE(HasWarning(set, 3, "no code"));
  EXPECT_EQ(Find(set, "DAVID CAMERON_"), nullptr);  // its only code is broken
  EXPECT_TRUE(HasWarning(set, 5, "junk"));
  EXPECT_EQ(Codes(Find(set, "ALAN JOHNSON_")), V{"GBRGOV 2004-10-01..2005-05-31"});
  EXPECT_TRUE(HasWarning(set, 6, "bad date"));
  EXPECT_TRUE(HasWarning(set, 6, "missing ']'"));
  EXPECT_EQ(Codes(Find(set, "BRIAN")), V{"BRX"});
  EXPECT_EQ(Codes(Find(set, "ENT")), V{"ENT"});
  EXPECT_TRUE(HasWarning(set, 9, "no code"));
  EXPECT_TRUE(HasWarning(set, 11, "no actor code"));
  for (const DictionaryWarning& w : set.warnings) EXPECT_EQ(w.file, "bad.actors");
}

// Fuzzer finding (tests/regressions/dict_actors/): a codeless entry was dropped after its phrase
// had been looked up, so the repeated phrase took its codes into the dropped actor's slot, past
// the end of `actors` (lost codes and a leak under ASan).
TEST(DictActorsTest, PhraseRepeatedAfterItsCodelessEntryStartsAFreshActor) {
  DictionarySet set = Parse(
      "GONDOR_\n"
      "\t[GON 0301]\n"
      "GONDOR_\n"
      "\t[GON]\n"
      "ARNOR [ARN]\n");
  EXPECT_TRUE(HasWarning(set, 1, "no code"));
  ASSERT_EQ(set.actors.size(), 2u);
  EXPECT_EQ(Codes(Find(set, "GONDOR_")), V{"GON"});
  EXPECT_EQ(Codes(Find(set, "ARNOR")), V{"ARN"});
  for (const ActorPhrase& p : set.actor_phrases) EXPECT_LT(p.actor, set.actors.size());
}

TEST(DictActorsTest, Latin1LineIsConvertedWithAWarning) {
  DictionarySet set = Parse("Z\xDCRICH_ [CHE]\nGEN\xC3\xC8VE [CHE]\n");
  EXPECT_NE(Find(set, "ZURICH_"), nullptr);  // converted, then folded for matching
  EXPECT_TRUE(HasWarning(set, 1, "Latin-1"));
  EXPECT_TRUE(HasWarning(set, 2, "Latin-1"));
}

TEST(DictActorsTest, LaterFilesExtendTheSameSet) {
  DictionarySet set;
  ASSERT_TRUE(ParseDictionary("ARNOR_ [ARN]\n", "a", DictionaryKind::kActors, &set).ok());
  ASSERT_TRUE(ParseDictionary("ARNOR_ [ARX >20000101]\nGONDOR [GON]\n", "b",
                              DictionaryKind::kActors, &set).ok());
  EXPECT_EQ(set.actors.size(), 2u);
  EXPECT_EQ(Codes(Find(set, "ARNOR_")), (V{"ARN", "ARX 2000-01-01.."}));
  EXPECT_TRUE(HasWarning(set, 1, "a:1"));
}

// ---- The real files --------------------------------------------------------------------------

TEST(DictActorsTest, PhoenixFilesLoadWithWarningsOnly) {
  std::string countries = SharedFile("petrarch/dictionaries/Phoenix.Countries.actors.txt");
  std::string international = SharedFile("petrarch/dictionaries/Phoenix.International.actors.txt");
  std::string milnonstate = SharedFile("petrarch/dictionaries/Phoenix.MilNonState.actors.txt");
  if (countries.empty() || international.empty() || milnonstate.empty()) {
    GTEST_SKIP() << "shared fixtures not available";
  }
  DictionarySet set;
  auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(LoadDictionary(countries, DictionaryKind::kActors, &set).ok());
  size_t country_phrases = set.actor_phrases.size();
  size_t country_actors = set.actors.size();
  ASSERT_TRUE(LoadDictionary(international, DictionaryKind::kActors, &set).ok());
  ASSERT_TRUE(LoadDictionary(milnonstate, DictionaryKind::kActors, &set).ok());
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                  .count();
  std::printf("[ info ] 3 Phoenix actor files: %zu actors, %zu phrases, %zu warnings, %.1f ms\n",
              set.actors.size(), set.actor_phrases.size(), set.warnings.size(), ms);
  // 18,390 primaries + 7,527 synonyms in Countries, minus repeats.
  EXPECT_GT(country_phrases, 15000u);
  EXPECT_GT(country_actors, 15000u);
  EXPECT_GT(set.actor_phrases.size(), 30000u);
  EXPECT_LT(set.warnings.size(), set.actor_phrases.size() / 10);
  for (const Actor& a : set.actors) EXPECT_FALSE(a.codes.empty()) << a.name;

  // The PETRARCH-2 pytest expectation for CROATIA: three dated codes, then the default.
  const Actor* croatia = Find(set, "CROATIA_");
  ASSERT_NE(croatia, nullptr);
  EXPECT_EQ(Codes(croatia), (V{"YUGHRV ..1991-06-24", "HRVUNR 1991-10-08..1992-01-15",
                               "HRV 1992-01-15..", "HRV"}));
  EXPECT_EQ(Find(set, "REPUBLIC OF CROATIA_"), croatia);

  const Actor* putin = Find(set, "VLADIMIR PUTIN_");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(Find(set, "PRESIDENT VLADIMIR PUTIN_"), putin);
  EXPECT_EQ(Codes(putin), (V{"RUSELI 1970-01-01..1999-08-09", "RUSGOV 1999-12-31..2008-05-07",
                             "RUSGOV 1999-08-09..2000-05-07", "RUSGOV 2008-05-08..", "RUSELI"}));

  // An International entry with several inline codes.
  EXPECT_EQ(Codes(Find(set, "JAVIER DE CUELLAR_")),
            (V{"IGOUNO 1982-01-01..1991-12-31", "ELI"}));
  // MilNonState: inline code, synonyms.
  EXPECT_EQ(Codes(Find(set, "ARAB REVOLUTIONARY BRIGADES_")), V{"IMGMUSALQ"});
  // Known typos are reported with their line.
  EXPECT_TRUE(HasWarning(set, 18010, "201005011"));
#ifdef NDEBUG
  EXPECT_LT(ms, 500.0);
#endif
}

TEST(DictActorsTest, ValidationActorFilesLoad) {
  struct Case {
    const char* file;
    size_t min_actors;
  };
  const Case cases[] = {
      {"petrarch/validation/petr1-unittest/PETR.Validate.actors.txt", 120},
      {"petrarch/validation/ud-petrarch-2.02/PETR_Validate_actors_2_02.txt", 120},
  };
  int found = 0;
  for (const Case& c : cases) {
    std::string path = SharedFile(c.file);
    if (path.empty()) continue;
    ++found;
    DictionarySet set;
    ASSERT_TRUE(LoadDictionary(path, DictionaryKind::kActors, &set).ok()) << c.file;
    EXPECT_GE(set.actors.size(), c.min_actors) << c.file;
    EXPECT_EQ(Codes(Find(set, "ARNOR_")), V{"ARN"}) << c.file;
    EXPECT_EQ(Codes(Find(set, "SMEAGOL")),
              (V{"HOB ..1995-05-31", "HOBGOV 1995-06-01..1999-08-15", "HOBREB 1999-08-16.."}))
        << c.file;
    EXPECT_EQ(Codes(Find(set, "SAM GAMGEE")),
              (V{"HOB", "HOBCIV ..2008-01-19", "ORCHOB 2010-01-09..2010-01-12",
                 "HOBMIL 2008-01-20..2012-11-09", "HOBGOV 2012-11-09..2013-01-19",
                 "HOBELI 2013-01-19.."}))
        << c.file;
    EXPECT_EQ(Codes(Find(set, "PRINCE OF DOL AMROTH")), (V{"--- ..1995-06-29", "DOL"})) << c.file;
    EXPECT_EQ(Find(set, "THE HERMIT KINGDOM"), Find(set, "NORTH KOREA"));
    EXPECT_EQ(Find(set, "NOT AN ACTOR"), nullptr);
  }
  if (found == 0) GTEST_SKIP() << "shared fixtures not available";
}

}  // namespace
}  // namespace dragoman
