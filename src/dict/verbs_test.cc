#include <chrono>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dict/readers.h"
#include "dict/verbs_common.h"
#include "dragoman/dictionary.h"

namespace dragoman {
namespace {

using Kind = PatternToken::Kind;

DictionarySet Load1(std::string_view text) {
  DictionarySet set;
  uint32_t f = set.AddFile("v1.txt");
  Status s = dict::ParseVerbsPetrarch1(text, f, &set);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return set;
}

DictionarySet Load2(std::string_view text) {
  DictionarySet set;
  uint32_t f = set.AddFile("v2.txt");
  Status s = dict::ParseVerbsPetrarch2(text, f, &set);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return set;
}

// A compact rendering of tokens: words (with '_' when exact), $ + % ^, &NAME, '=' before a
// joined token and '(' before a preposition.
std::string Render(const DictionarySet& set, const std::vector<PatternToken>& tokens) {
  std::string out;
  for (const PatternToken& t : tokens) {
    if (!out.empty()) out += ' ';
    if (t.joined) out += '=';
    if (t.preposition) out += '(';
    switch (t.kind) {
      case Kind::kWord: out += t.word.word + (t.word.exact ? "_" : ""); break;
      case Kind::kSynset: out += "&" + set.synsets[t.synset].name; break;
      case Kind::kSource: out += '$'; break;
      case Kind::kTarget: out += '+'; break;
      case Kind::kCompound: out += '%'; break;
      case Kind::kSkip: out += '^'; break;
    }
  }
  return out;
}

std::string Render(const DictionarySet& set, const Pattern& p) {
  return Render(set, p.before) + (p.verb_joined ? " =* " : " * ") + Render(set, p.after);
}

std::string Phr(const Phrase& p) {
  std::string out;
  for (const PhraseWord& w : p) out += (out.empty() ? "" : " ") + w.word + (w.exact ? "_" : "");
  return out;
}

std::vector<std::string> Members(const Synset& s) {
  std::vector<std::string> out;
  for (const Phrase& p : s.members) out.push_back(Phr(p));
  return out;
}

std::vector<std::string> FormsOf(const DictionarySet& set, std::string_view lemma) {
  std::vector<std::string> out;
  for (const VerbForm& f : set.verb_forms) {
    if (f.lemma != lemma) continue;
    std::string s;
    for (size_t i = 0; i < f.words.size(); ++i) {
      s += (i ? " " : "") + std::string(i == f.verb_word ? "+" : "") + f.words[i];
    }
    out.push_back(s);
  }
  return out;
}

bool HasWarning(const DictionarySet& set, uint32_t line, std::string_view fragment) {
  for (const DictionaryWarning& w : set.warnings) {
    if (w.line == line && w.message.find(fragment) != std::string::npos) return true;
  }
  return false;
}

TEST(DictVerbInflection, RegularForms) {
  using dict::RegularVerbForms;
  EXPECT_EQ(RegularVerbForms("ACCUSE"), (std::vector<std::string>{"ACCUSES", "ACCUSED", "ACCUSING"}));
  EXPECT_EQ(RegularVerbForms("CARRY"), (std::vector<std::string>{"CARRIES", "CARRIED", "CARRYING"}));
  EXPECT_EQ(RegularVerbForms("PUSH"), (std::vector<std::string>{"PUSHES", "PUSHED", "PUSHING"}));
  EXPECT_EQ(RegularVerbForms("STOP"), (std::vector<std::string>{"STOPS", "STOPPED", "STOPPING"}));
  EXPECT_EQ(RegularVerbForms("PLAY"), (std::vector<std::string>{"PLAYS", "PLAYED", "PLAYING"}));
  EXPECT_EQ(RegularVerbForms("AGREE"), (std::vector<std::string>{"AGREES", "AGREED", "AGREEING"}));
  EXPECT_EQ(RegularVerbForms("TIE"), (std::vector<std::string>{"TIES", "TIED", "TYING"}));
  EXPECT_EQ(RegularVerbForms("VETO"), (std::vector<std::string>{"VETOES", "VETOED", "VETOING"}));
  EXPECT_EQ(RegularVerbForms("TREAT"), (std::vector<std::string>{"TREATS", "TREATED", "TREATING"}));
  EXPECT_EQ(RegularVerbForms("FIX"), (std::vector<std::string>{"FIXES", "FIXED", "FIXING"}));
  // Two syllables ending consonant-vowel-consonant: both spellings.
  EXPECT_EQ(RegularVerbForms("CANCEL"),
            (std::vector<std::string>{"CANCELS", "CANCELED", "CANCELLED", "CANCELING",
                                      "CANCELLING"}));
}

TEST(DictVerbInflection, NounPlurals) {
  using dict::NounPlural;
  EXPECT_EQ(NounPlural("TREATY"), "TREATIES");
  EXPECT_EQ(NounPlural("CEASEFIRE"), "CEASEFIRES");
  EXPECT_EQ(NounPlural("ADDRESS"), "ADDRESSES");
  EXPECT_EQ(NounPlural("CHURCH"), "CHURCHES");
  EXPECT_EQ(NounPlural("SERVICEMAN"), "SERVICEMEN");
  EXPECT_EQ(NounPlural("DAY"), "DAYS");
  EXPECT_EQ(NounPlural("FORCES"), "");  // already plural
}

TEST(DictVerbSynset, PluralsNestingAndNoPluralMarks) {
  DictionarySet set = Load1(
      "&CURRENCY\n"
      "+DOLLAR\n"
      "+CASH_\n"
      "+SWISS FRANC\n"
      "+URBAN_CENTER\n"
      "&AUX_\n"
      "+WAS\n"
      "+IS_TO\n"
      "&MIX\n"
      "+&CURRENCY\n"
      "+CLOSER\n");
  ASSERT_EQ(set.synsets.size(), 3u);
  EXPECT_EQ(set.synsets[0].name, "CURRENCY");
  EXPECT_EQ(Members(set.synsets[0]),
            (std::vector<std::string>{"DOLLAR", "DOLLARS", "CASH_", "SWISS FRANC", "SWISS FRANCS",
                                      "URBAN CENTER", "URBAN CENTERS"}));
  EXPECT_EQ(set.synsets[1].name, "AUX_");
  EXPECT_EQ(Members(set.synsets[1]), (std::vector<std::string>{"WAS", "IS TO"}));
  // A nested synset brings its (already pluralised) members.
  EXPECT_EQ(Members(set.synsets[2]),
            (std::vector<std::string>{"DOLLAR", "DOLLARS", "CASH_", "SWISS FRANC", "SWISS FRANCS",
                                      "URBAN CENTER", "URBAN CENTERS", "CLOSER", "CLOSERS"}));
  EXPECT_EQ(set.synsets[0].where.line, 1u);
  EXPECT_TRUE(set.warnings.empty());
}

TEST(DictVerbSynset, ReferencesResolveAfterTheFileAndUnknownWarns) {
  DictionarySet set = Load1(
      "--- ABANDON [080] ---\n"
      "ABANDON\n"
      "- * NEW_&TIETYPES_RELATIONS [903]\n"
      "- * &MILITARY_ BASE [904]\n"
      "- * &NOSUCH TIES [905]\n"
      "&TIETYPES\n"
      "+MILITARY\n"
      "&MILITARY_\n"
      "+ARMY\n");
  ASSERT_EQ(set.verb_blocks.size(), 1u);
  const auto& p = set.verb_blocks[0].patterns;
  ASSERT_EQ(p.size(), 3u);
  // Defined after use, and followed by a joined word.
  EXPECT_EQ(Render(set, p[0]), " * NEW =&TIETYPES =RELATIONS");
  EXPECT_EQ(Render(set, p[1]), " * &MILITARY_ BASE");
  EXPECT_EQ(p[1].after[0].synset, 1u);
  EXPECT_EQ(Render(set, p[2]), " * NOSUCH TIES");
  EXPECT_TRUE(HasWarning(set, 5, "unknown synset &NOSUCH")) << set.warnings.size();
  EXPECT_EQ(set.warnings.size(), 1u);
}

TEST(DictVerbSynset, LongestSynsetNameWins) {
  DictionarySet set = Load2(
      "&FIGHT\n+WAR\n&FIGHT_OF_WORDS\n+ARGUMENT\n"
      "--- X [010] ---\nX\n"
      "- * &FIGHT_OF_WORDS [111]\n"
      "- * &FIGHT_GAMES [112]\n");
  const auto& p = set.verb_blocks[0].patterns;
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(Render(set, p[0]), " * &FIGHT_OF_WORDS");
  EXPECT_EQ(Render(set, p[1]), " * &FIGHT =GAMES");
}

TEST(DictVerbBlock, IrregularRegularAndMultiWordForms) {
  DictionarySet set = Load1(
      "--- EXPLAIN_VERBAL [010]  ---\n"
      "SAY  {SAYS SAID SAYING}\n"
      "EXPRESS [0110]\n"
      "+CLEAR_UP\n"
      "KLM_NOP_+RST [002]\n"
      "WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING }\n"
      "+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]\n"
      "SNUB [111] {SNUBS SNUBBING SNUBBED}\n"
      "RE-ADMIT\n");
  ASSERT_EQ(set.verb_blocks.size(), 1u);
  const VerbBlock& b = set.verb_blocks[0];
  EXPECT_EQ(b.label, "EXPLAIN_VERBAL");
  EXPECT_EQ(b.code.kind, EventCode::Kind::kEvent);
  EXPECT_EQ(b.code.code, "010");
  EXPECT_EQ(FormsOf(set, "SAY"), (std::vector<std::string>{"+SAY", "+SAYS", "+SAID", "+SAYING"}));
  EXPECT_EQ(FormsOf(set, "EXPRESS"),
            (std::vector<std::string>{"+EXPRESS", "+EXPRESSES", "+EXPRESSED", "+EXPRESSING"}));
  EXPECT_EQ(FormsOf(set, "CLEAR_UP"), (std::vector<std::string>{"+CLEAR UP", "+CLEARS UP",
                                                                "+CLEARED UP", "+CLEARING UP"}));
  EXPECT_EQ(FormsOf(set, "KLM_NOP_RST"),
            (std::vector<std::string>{"KLM NOP +RST", "KLM NOP +RSTS", "KLM NOP +RSTED",
                                      "KLM NOP +RSTING"}));
  EXPECT_EQ(FormsOf(set, "WIRE_TAP"),
            (std::vector<std::string>{"WIRE +TAP", "WIRE +TAPPED", "WIRE +TAPPING"}));
  EXPECT_EQ(FormsOf(set, "ASK_FOR"), (std::vector<std::string>{"+ASK FOR", "+ASKED FOR",
                                                               "+ASKING FOR", "+ASKS FOR"}));
  EXPECT_EQ(FormsOf(set, "SNUB"),
            (std::vector<std::string>{"+SNUB", "+SNUBS", "+SNUBBING", "+SNUBBED"}));
  // Hyphens split like text; the last piece is the verb and is the one inflected.
  EXPECT_EQ(FormsOf(set, "RE-ADMIT"),
            (std::vector<std::string>{"RE - +ADMIT", "RE - +ADMITS", "RE - +ADMITED",
                                      "RE - +ADMITTED", "RE - +ADMITING", "RE - +ADMITTING"}));
  for (const VerbForm& f : set.verb_forms) {
    EXPECT_EQ(f.block, 0u);
    const bool own = f.lemma == "EXPRESS" || f.lemma == "KLM_NOP_RST" || f.lemma == "ASK_FOR" ||
                     f.lemma == "SNUB";
    EXPECT_EQ(f.has_own_code, own) << f.lemma;
    if (f.lemma == "ASK_FOR") EXPECT_EQ(f.own_code.code, "020");
  }
  EXPECT_TRUE(set.warnings.empty());
}

TEST(DictVerbBlock, RepeatedVerbInABlockIsOneFormAndTheLaterCodeWins) {
  DictionarySet set = Load2(
      "--- GREET [040] ---\n"
      "GREET\n"
      "GREET [050]\n"
      "STUN\n"
      "STUN {STUNS STUNNING STUNNED}\n"
      "--- OTHER [010] ---\n"
      "GREET\n");
  EXPECT_EQ(FormsOf(set, "GREET").size(), 8u);  // 4 in each block
  EXPECT_EQ(FormsOf(set, "STUN").size(), 4u);
  for (const VerbForm& f : set.verb_forms) {
    if (f.lemma != "GREET") continue;
    EXPECT_EQ(f.has_own_code, f.block == 0);
    if (f.block == 0) {
      EXPECT_EQ(f.own_code.code, "050");
      EXPECT_EQ(f.where.line, 3u);
    }
  }
  EXPECT_TRUE(set.warnings.empty());
}

TEST(DictVerbPattern, Petrarch1SlotsJoinsAndExact) {
  DictionarySet set = Load1(
      "--- ATTACK [190] ---\r\n"
      "ATTACK\r\n"
      "- ^ $ * CONCERN OVER CLASHES AT + [012]  # EXPRESS <ELH 05 May 2008>\r\n"
      "- % * RESUMPTION OF DIPLOMATIC RELATIONS [050]\r\n"
      "- + IN_ ^ DRAWING * IN_ $  [112] ;tb 08 Sep 2006\r\n"
      "- SO IN_AND_*_OUT_AGAIN NOW [074]\r\n"
      "- SUGGESTED_+ * MEN_AND WOMEN [042:043]\r\n"
      "- * OFF_  [---]\r\n"
      "-- PEACE-KEEPING * [195]\r\n");
  ASSERT_EQ(set.verb_blocks.size(), 1u);
  const auto& p = set.verb_blocks[0].patterns;
  ASSERT_EQ(p.size(), 7u);
  EXPECT_EQ(Render(set, p[0]), "^ $ * CONCERN OVER CLASHES AT +");
  EXPECT_EQ(p[0].text, "- ^ $ * CONCERN OVER CLASHES AT + [012]");
  EXPECT_EQ(p[0].code.code, "012");
  EXPECT_EQ(p[0].where.line, 3u);
  EXPECT_EQ(p[0].where.file, 0u);
  EXPECT_EQ(Render(set, p[1]), "% * RESUMPTION OF DIPLOMATIC RELATIONS");
  EXPECT_EQ(Render(set, p[2]), "+ IN_ ^ DRAWING * IN_ $");
  EXPECT_EQ(Render(set, p[3]), "SO IN =AND =* =OUT =AGAIN NOW");
  EXPECT_EQ(Render(set, p[4]), "SUGGESTED =+ * MEN =AND WOMEN");
  EXPECT_EQ(p[4].code.code, "042");
  EXPECT_EQ(p[4].code.paired, "043");
  EXPECT_EQ(Render(set, p[5]), " * OFF_");
  EXPECT_EQ(p[5].code.kind, EventCode::Kind::kNull);
  EXPECT_EQ(Render(set, p[6]), "PEACE =- =KEEPING * ");
  EXPECT_TRUE(set.warnings.empty());
}

TEST(DictVerbPattern, TabariAlternativesSectionsAndFinish) {
  DictionarySet set = Load1(
      "; TABARI verbs\n"
      "<NOUN>\nATTACK\n</NOUN>\n"
      "<SYNSETS>\n&ARMY\n+TROOP\n</SYNSETS>\n"
      "--- SEND [070] ---\n"
      "SEND {SENDS SENDING SENT}\n"
      "- * {AID | FOOD_ SUPPLIES} TO + [073]\n"
      "- * &ARMY {TO | INTO} + [150]\n"
      "- $ * WITHDRAW~ FROM + [190]\n"
      "~~FINISH\n"
      "--- NEVER [010] ---\n");
  ASSERT_EQ(set.verb_blocks.size(), 1u);
  ASSERT_EQ(set.synsets.size(), 1u);
  EXPECT_EQ(set.verb_forms.size(), 4u);  // nothing from the <NOUN> section
  const auto& p = set.verb_blocks[0].patterns;
  ASSERT_EQ(p.size(), 5u);
  EXPECT_EQ(Render(set, p[0]), " * AID TO +");
  EXPECT_EQ(Render(set, p[4]), "$ * WITHDRAW =FROM +");  // TABARI "XXX~": next word follows
  EXPECT_EQ(Render(set, p[1]), " * FOOD_ SUPPLIES TO +");
  EXPECT_EQ(Render(set, p[2]), " * &ARMY TO +");
  EXPECT_EQ(Render(set, p[3]), " * &ARMY INTO +");
  EXPECT_EQ(p[3].text, "- * &ARMY {TO | INTO} + [150]");
  EXPECT_TRUE(set.warnings.empty());
}

TEST(DictVerbPattern, Petrarch2GroupsFlattenInOrder) {
  DictionarySet set = Load2(
      "####### SYNONYM SETS #######\n"
      "&WEAPON\n+GUN\n"
      "&TESTSYN3\n+(TO THE END)\n"
      "####### VERB PATTERNS #######\n"
      "---  ASK   [---]  ---\n"
      "+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]\n"
      "QUERY {QUERYING QUERIES QUERIED }\n"
      "- * (FOR {FINANCIAL AID})                             [0231]        # ASK\n"
      "- &WEAPON * (TO +) {ARMS SHIPMENT} (IN $)             [154]         # MOVE\n"
      "- * (TO)                                              [042:043]     # RUSH\n"
      "- (DESPITE $) *  [123]\n"
      "- * &SECURITY (OVER {&WEAPON ATTACK})  [151]\n"
      "- * &TESTSYN3 ({OUT OF} AREA) [113]\n"
      "~ a (a b ATTACK) SAY = a b 015\n");
  ASSERT_EQ(set.verb_blocks.size(), 1u);
  EXPECT_EQ(set.verb_blocks[0].code.kind, EventCode::Kind::kNull);
  const auto& p = set.verb_blocks[0].patterns;
  ASSERT_EQ(p.size(), 6u);
  EXPECT_EQ(Render(set, p[0]), " * (FOR FINANCIAL AID");
  EXPECT_EQ(Render(set, p[1]), "&WEAPON * (TO + ARMS SHIPMENT (IN $");
  EXPECT_EQ(Render(set, p[2]), " * (TO");
  EXPECT_EQ(p[2].code.code, "042");
  EXPECT_EQ(p[2].code.paired, "043");
  EXPECT_EQ(Render(set, p[3]), "(DESPITE $ * ");
  EXPECT_EQ(Render(set, p[4]), " * SECURITY (OVER &WEAPON ATTACK");
  EXPECT_TRUE(HasWarning(set, 14, "unknown synset &SECURITY"));
  EXPECT_EQ(Render(set, p[5]), " * &TESTSYN3 (OUT OF AREA");
  EXPECT_EQ(Members(set.synsets[1]), (std::vector<std::string>{"TO THE END", "TO THE ENDS"}));
  ASSERT_EQ(set.transformations.size(), 1u);
  EXPECT_EQ(set.transformations[0].text, "a (a b ATTACK) SAY = a b 015");
  EXPECT_EQ(set.transformations[0].where.line, 16u);
  EXPECT_EQ(FormsOf(set, "QUERY"),
            (std::vector<std::string>{"+QUERY", "+QUERYING", "+QUERIES", "+QUERIED"}));
}

TEST(DictVerbPattern, Petrarch2BangStopsPatternsUntilNextBlock) {
  DictionarySet set = Load2(
      "--- A [010] ---\nA\n- * X [011]\n<!-- off -->\n- * Y [012]\n"
      "--- B [020] ---\nB\n- * Z [021]\n");
  ASSERT_EQ(set.verb_blocks.size(), 2u);
  EXPECT_EQ(set.verb_blocks[0].patterns.size(), 1u);
  EXPECT_EQ(set.verb_blocks[1].patterns.size(), 1u);
  EXPECT_TRUE(HasWarning(set, 4, "not recorded"));
  // In PETRARCH-1 files the same line is only a comment.
  DictionarySet set1 = Load1(
      "--- A [010] ---\nA\n- * X [011]\n<!-- a comment\n over lines -->\n- * Y [012]\n");
  EXPECT_EQ(set1.verb_blocks[0].patterns.size(), 2u);
  EXPECT_TRUE(set1.warnings.empty());
}

TEST(DictVerbRobustness, MalformedLinesWarnAndReadingGoesOn) {
  DictionarySet set = Load2(
      "- * ORPHAN [010]\n"                 // 1 outside a block
      "---  DISGRACE   [110]---  ---\n"    // 2 fine
      "DISGRACE\n"                         // 3
      "- * (TO BORDER [154]\n"             // 4 unclosed '('
      "- * TALKS\n"                        // 5 no code
      "- * DOWN (FROM)  [08.0]\n"          // 6 bad code
      "- * ONE * TWO [010]\n"              // 7 two verbs
      "SCRAP {SCRAPPING SCRAPS SCRAPPED };shan 8/30/93\n"  // 8 ';' comment
      "RECONVENE[---]\n"                   // 9 no space before the code
      "* (TO QUESTION) [110]\n"            // 10 missing '-'
      "--- DEFEND  ###\n"                  // 11 no code
      "DEFEND\n"                           // 12
      "--- DELAY [120]  [031:031]  ---\n"  // 13 two codes
      "- * FINE [121]\n");                 // 14
  ASSERT_EQ(set.verb_blocks.size(), 3u);
  EXPECT_EQ(set.verb_blocks[0].label, "DISGRACE");
  EXPECT_EQ(set.verb_blocks[0].code.code, "110");
  EXPECT_EQ(set.verb_blocks[0].patterns.size(), 1u);  // only line 10
  EXPECT_EQ(set.verb_blocks[1].label, "DEFEND");
  EXPECT_EQ(set.verb_blocks[1].code.kind, EventCode::Kind::kNull);
  EXPECT_EQ(set.verb_blocks[2].code.code, "120");
  EXPECT_EQ(set.verb_blocks[2].patterns.size(), 1u);
  EXPECT_TRUE(HasWarning(set, 1, "outside a verb block"));
  EXPECT_TRUE(HasWarning(set, 4, "unclosed '('"));
  EXPECT_TRUE(HasWarning(set, 5, "without a [code]"));
  EXPECT_TRUE(HasWarning(set, 6, "bad code"));
  EXPECT_TRUE(HasWarning(set, 7, "more than one '*'"));
  EXPECT_TRUE(HasWarning(set, 10, "without the leading '-'"));
  EXPECT_TRUE(HasWarning(set, 11, "no [code]"));
  EXPECT_TRUE(HasWarning(set, 13, "more than one code"));
  EXPECT_EQ(set.warnings.size(), 8u);
  EXPECT_EQ(FormsOf(set, "SCRAP").size(), 4u);
  EXPECT_EQ(FormsOf(set, "RECONVENE"), (std::vector<std::string>{"+RECONVENE", "+RECONVENES",
                                                                 "+RECONVENED", "+RECONVENING"}));
  for (const VerbForm& f : set.verb_forms) {
    if (f.lemma != "RECONVENE") continue;
    EXPECT_TRUE(f.has_own_code);
    EXPECT_EQ(f.own_code.kind, EventCode::Kind::kNull);
  }
  for (const DictionaryWarning& w : set.warnings) EXPECT_EQ(w.file, "v2.txt");
  // Binary input is the one error.
  DictionarySet bad;
  uint32_t f = bad.AddFile("bin.txt");
  const char kBinary[] = "--- A [010] ---\nA\0B\n";
  Status s = dict::ParseVerbsPetrarch1(std::string_view(kBinary, sizeof(kBinary) - 1), f, &bad);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bin.txt:2"), std::string::npos) << s.message();
}

// ---- The real files ------------------------------------------------------------------------------
#ifdef DRAGOMAN_SHARED_DIR
std::string SharedPath(const std::string& rel) { return std::string(DRAGOMAN_SHARED_DIR) + "/" + rel; }
#endif

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

struct Loaded {
  DictionarySet set;
  size_t patterns = 0;
  double ms = 0;
};

bool LoadReal(const std::string& rel, bool petr2, Loaded* out) {
#ifndef DRAGOMAN_SHARED_DIR
  (void)rel, (void)petr2, (void)out;
  return false;
#else
  std::string content;
  if (!ReadFile(SharedPath(rel), &content)) return false;
  uint32_t f = out->set.AddFile(rel);
  auto t0 = std::chrono::steady_clock::now();
  Status s = petr2 ? dict::ParseVerbsPetrarch2(content, f, &out->set)
                   : dict::ParseVerbsPetrarch1(content, f, &out->set);
  out->ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_TRUE(s.ok()) << s.ToString();
  for (const VerbBlock& b : out->set.verb_blocks) out->patterns += b.patterns.size();
  return true;
#endif
}

// Verb lines that produced at least one form.
size_t VerbLines(const DictionarySet& set) {
  std::set<uint32_t> lines;
  for (const VerbForm& f : set.verb_forms) lines.insert(f.where.line);
  return lines.size();
}

void ExpectAllResolved(const DictionarySet& set) {
  for (const VerbBlock& b : set.verb_blocks) {
    for (const Pattern& p : b.patterns) {
      for (const auto* side : {&p.before, &p.after}) {
        for (const PatternToken& t : *side) {
          if (t.kind == Kind::kSynset) ASSERT_LT(t.synset, set.synsets.size()) << p.text;
          if (t.kind == Kind::kWord) ASSERT_FALSE(t.word.word.empty()) << p.text;
        }
      }
    }
  }
  for (const VerbForm& f : set.verb_forms) {
    ASSERT_LT(f.verb_word, f.words.size());
    ASSERT_LT(f.block, set.verb_blocks.size());
  }
}

TEST(DictVerbRealFiles, Cameo20Petrarch2) {
  Loaded l;
  if (!LoadReal("petrarch/dictionaries/CAMEO.2.0.txt", true, &l)) GTEST_SKIP() << "no fixtures";
  const DictionarySet& set = l.set;
  // Counted with grep: 40 '&' lines, 397 '---' lines, 4668 '- ' lines, 8 '~' lines.
  EXPECT_EQ(set.synsets.size(), 40u);
  EXPECT_EQ(set.verb_blocks.size(), 397u);
  // Three pattern lines are broken in the file ("- *SCEPTICAL", stray "VISIT)" and "^)" before
  // the code) and are skipped with a warning.
  EXPECT_EQ(l.patterns, 4665u);
  EXPECT_EQ(set.transformations.size(), 8u);
  // The 1817 verb lines (counted with awk), with 3-6 forms each. 8 lines repeat a verb of their
  // block (STUN then STUN {STUNS ...}); a repeat that adds no new form and no code leaves no trace.
  EXPECT_GE(VerbLines(set), 1817u - 8);
  EXPECT_LE(VerbLines(set), 1817u);
  EXPECT_GT(set.verb_forms.size(), 1817u * 3);
  EXPECT_LT(set.verb_forms.size(), 1817u * 6);
  size_t members = 0;
  for (const Synset& s : set.synsets) members += s.members.size();
  EXPECT_GT(members, 558u);  // 558 written, plus plurals
  ExpectAllResolved(set);
  // Only those three and two undefined synsets (&WEATHER, &DEMONSTRATION).
  EXPECT_EQ(set.warnings.size(), 5u);
  for (const DictionaryWarning& w : set.warnings) {
    std::cout << "  warning " << w.file << ":" << w.line << ": " << w.message << "\n";
  }
  std::cout << "  CAMEO.2.0.txt: " << set.verb_forms.size() << " forms, " << l.patterns
            << " patterns, " << members << " synset members in " << l.ms << " ms\n";
}

TEST(DictVerbRealFiles, VerbPatterns150430Petrarch1) {
  Loaded l;
  if (!LoadReal("petrarch/dictionaries/CAMEO.verbpatterns.150430.txt", false, &l)) {
    GTEST_SKIP() << "no fixtures";
  }
  const DictionarySet& set = l.set;
  EXPECT_EQ(set.synsets.size(), 38u);
  EXPECT_EQ(set.verb_blocks.size(), 396u);
  // 11011 pattern lines ("- " and one "-- "); skipped with a warning: 2 without a code, 2 with
  // two '*', 1 without '*', 1 with a stray '}'.
  EXPECT_EQ(l.patterns, 11005u);
  EXPECT_GE(VerbLines(set), 1860u - 13);  // 13 repeats within a block, as above
  EXPECT_LE(VerbLines(set), 1860u);
  EXPECT_GT(set.verb_forms.size(), 1860u * 3);
  ExpectAllResolved(set);
  // Those six and four block headers without a code ("--- DEFEND  ###").
  EXPECT_EQ(set.warnings.size(), 10u);
  for (const DictionaryWarning& w : set.warnings) {
    std::cout << "  warning " << w.file << ":" << w.line << ": " << w.message << "\n";
  }
  std::cout << "  CAMEO.verbpatterns.150430.txt: " << set.verb_forms.size() << " forms, "
            << l.patterns << " patterns in " << l.ms << " ms\n";
}

TEST(DictVerbRealFiles, ValidationSuites) {
  Loaded p1;
  if (!LoadReal("petrarch/validation/petr1-unittest/PETR.Validate.verbs.txt", false, &p1)) {
    GTEST_SKIP() << "no fixtures";
  }
  ExpectAllResolved(p1.set);
  EXPECT_EQ(p1.patterns, 474u);   // every "- " line
  EXPECT_EQ(VerbLines(p1.set), 269u);
  // The PETR-1 suite's join tests: "IN_*" and "IN_ *" differ.
  bool saw_verb_joined = false;
  for (const VerbBlock& b : p1.set.verb_blocks) {
    for (const Pattern& p : b.patterns) saw_verb_joined |= p.verb_joined;
  }
  EXPECT_TRUE(saw_verb_joined);
  // &ACCORDSYN nests &TIETYPES and &CURRENCY.
  for (const Synset& s : p1.set.synsets) {
    if (s.name == "ACCORDSYN") EXPECT_GT(s.members.size(), 10u);
  }
  Loaded p2;
  ASSERT_TRUE(LoadReal("petrarch/validation/ud-petrarch-2.02/PETR_Validate_verbs_2_02.txt", true,
                       &p2));
  ExpectAllResolved(p2.set);
  EXPECT_EQ(p2.patterns, 359u);   // 358 "- " lines and one without its '-'
  EXPECT_GE(VerbLines(p2.set), 127u);  // 128 lines, "STUN"-style repeats merged
  EXPECT_LE(VerbLines(p2.set), 128u);
  std::cout << "  PETR.Validate.verbs: " << p1.set.verb_blocks.size() << " blocks, " << p1.patterns
            << " patterns, " << p1.set.warnings.size() << " warnings\n"
            << "  PETR_Validate_verbs_2_02: " << p2.set.verb_blocks.size() << " blocks, "
            << p2.patterns << " patterns, " << p2.set.warnings.size() << " warnings\n";
  for (const DictionaryWarning& w : p1.set.warnings) {
    std::cout << "  warning " << w.file << ":" << w.line << ": " << w.message << "\n";
  }
  for (const DictionaryWarning& w : p2.set.warnings) {
    std::cout << "  warning " << w.file << ":" << w.line << ": " << w.message << "\n";
  }
}

}  // namespace
}  // namespace dragoman
