// Table-driven golden cases for the Coder on a small inline dictionary set: each case is a
// sentence and the exact events it must give (source, target, code), so each shallow-parse rule
// of coder.cc is pinned by a sentence that needs it.
#include "dragoman/coder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace dragoman {
namespace {

const char kVerbs[] =
    "####### VERB PATTERNS #######\n"
    "--- ATTACK [190] ---\n"
    "ATTACK\n"
    "SHELL\n"
    "FIGHT {FIGHTS FOUGHT FIGHTING}\n"
    "--- MEET [040] ---\n"
    "MEET {MEETS MET MEETING}\n"
    "- * WITH % [041]\n"
    "--- CRITICIZE [110] ---\n"
    "CRITICIZE\n"
    "- &SOFTLY_THEN * [111]\n"
    "--- REFUSE [120] ---\n"
    "REFUSE\n"
    "- * TO MEET [1246]\n"
    "--- ACCUSE [112] ---\n"
    "ACCUSE\n"
    "- NOTED + * [113]\n"
    "--- DEMAND [100] ---\n"
    "DEMAND\n"
    "--- SAY [---] ---\n"
    "SAY {SAYS SAID SAYING}\n"
    "--- LEAVE [032] ---\n"
    "LEAVE {LEAVES LEFT LEAVING}\n"
    "--- PROTEST [140] ---\n"
    "PROTEST\n"
    "+MARCH_THROUGH {+MARCHES_THROUGH +MARCHED_THROUGH +MARCHING_THROUGH}\n"
    "--- SHOT [---] ---\n"
    "SHOT\n"
    "--- SHOT [183] ---\n"
    "SHOT\n"
    "--- WARN [160] ---\n"
    "WARN\n"
    "- * THEIR ^ ABOUT + [162]\n"
    "--- AGREE [030] ---\n"
    "AGREE {AGREES AGREED AGREEING}\n"
    "- * TO A CEASEFIRE [0871]\n"
    "--- CLOSE [192] ---\n"
    "CLOSE\n"
    "--- ANNOUNCE [010] ---\n"
    "ANNOUNCE\n"
    "--- RELEASE [084] ---\n"
    "RELEASE\n"
    "- * TO + [0841]\n"
    "&SOFTLY\n"
    "+VERY MILDLY\n"
    "+GENTLY\n";

const char kActors[] =
    "RUSSIA [RUS]\n+RUSSIAN\n+MOSCOW\n"
    "UKRAINE [UKR]\n+UKRAINIAN\n"
    "GEORGIA [GEO]\n+TBILISI\n"
    "FRANCE [FRA]\n+FRENCH\n"
    "THE_GAMBIA [GMB]\n"
    "ANTONY_BLINKEN\n+BLINKEN\n\t[USAGOV 20210126-20250120]\n\t[USAELI]\n"
    "UNITED_STATES [USA]\n+U.S.\n"
    "MARIA_ZORN\n\t[RUSGOV 20200101-20250101]\n\t[RUSELI]\n";

const char kAgents[] =
    "TROOPS {} [~MIL]\n"
    "PROTESTER [~OPP]\n"
    "FOREIGN_MINISTER [~GOV]\n"
    "OFFICIAL [~GOV]\n"
    "SPOKESMAN [~GOV]\n"
    "MINISTRY [~GOV]\n"
    "FOREIGN_MINISTRY [~GOV]\n"
    "POLICE {} [~COP]\n";

struct Case {
  const char* text;
  std::vector<std::string> events;  // "SRC TGT CODE", sorted
  int new_actor_length = 0;
};

// A coder on inline dictionaries (and the small ontology below).
std::unique_ptr<Coder> MakeCoderFrom(const char* verbs, const char* actors, const char* agents,
                                     const CoderOptions& options) {
  DictionarySet set;
  EXPECT_TRUE(ParseDictionary(verbs, "verbs.txt", DictionaryKind::kVerbs, &set).ok());
  EXPECT_TRUE(ParseDictionary(actors, "actors.txt", DictionaryKind::kActors, &set).ok());
  EXPECT_TRUE(ParseDictionary(agents, "agents.txt", DictionaryKind::kAgents, &set).ok());
  EXPECT_TRUE(ParseDictionary("110:0x1007f\n050:0x0080\n", "pico.txt", DictionaryKind::kOntology,
                              &set)
                  .ok());
  Result<std::unique_ptr<Coder>> coder = Coder::Create(std::move(set), CameoTable(), options);
  EXPECT_TRUE(coder.ok());
  return std::move(coder).value();
}

std::unique_ptr<Coder> MakeCoder(int new_actor_length, bool article_records = true) {
  CoderOptions options;
  options.new_actor_length = new_actor_length;
  options.article_records = article_records;
  return MakeCoderFrom(kVerbs, kActors, kAgents, options);
}

// Codes `text` as a story of Saturday 2022-03-05.
CodedDocument CodeStory(const Coder& coder, const std::string& text) {
  Document doc;
  doc.text = text;
  doc.date = DayFromCivil(2022, 3, 5);
  return coder.Code(doc);
}

std::vector<std::string> Code(const Coder& coder, const std::string& text) {
  std::vector<std::string> out;
  for (const Event& e : CodeStory(coder, text).events)
    out.push_back(e.source.code + " " + (e.has_target ? e.target.code : "-") + " " + e.cameo);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(CoderGoldenTest, Table) {
  const std::vector<Case> cases = {
      // Subject and object, agents joined to their actor.
      {"Russian troops shelled Ukraine.", {"RUSMIL UKR 190"}},
      // Compound subject expands; the object is shared.
      {"Russia and France criticized Ukraine.", {"FRA UKR 110", "RUS UKR 110"}},
      // Agents after a possessive pronoun belong to what it stands for: the nearest actor, the
      // nearest list for "their", a person's country for "his".
      {"Russia said its troops attacked Ukraine.", {"RUSMIL UKR 190"}},
      {"Georgia and France said their troops attacked Ukraine.", {"FRAMIL UKR 190", "GEOMIL UKR 190"}},
      {"Blinken said his ministry criticized Russia.", {"USAGOV RUS 110"}},
      // "A's border, B said": a comma after words that follow an actor is no list without an
      // "and" (apposition or the speaker's clause).
      {"Russia criticized Ukraine's border guards, the French foreign minister said.",
       {"RUS UKR 110"}},
      // A truce agreed by a compound subject is between its members.
      {"Russia and Ukraine agreed to a ceasefire.", {"RUS UKR 0871", "UKR RUS 0871"}},
      // With no source, the members of a list after "between" act on each other.
      {"Fighting broke out between Russia and Ukraine.", {"RUS UKR 190", "UKR RUS 190"}},
      // A clause of time or cause after the verb holds no object of it ...
      {"Russia criticized the plan after fighting broke out with Ukraine.", {}},
      // ... but a relative clause may ("a role in the attack that killed ...").
      {"Russia criticized the attack that killed Ukrainian troops.", {"RUS UKRMIL 110"}},
      // "A and its/his X": a possessive pronoun opens the next item of a list.
      {"Russia and its foreign minister criticized Ukraine.", {"RUS UKR 110", "RUSGOV UKR 110"}},
      // A participle between a noun phrase and "by" is a passive without "were" ...
      {"Ukrainian troops attacked by Russia withdrew.", {"RUS UKRMIL 190"}},
      // A passive's agent comes after "by" (or "from", "in", "with"); a phrase after "to" is where
      // the act went, a bare noun phrase a second object.
      {"Ukraine was criticized to Russia.", {}},
      // Who reports an act ("according to X") is not its object.
      {"Russia released 39 Georgian prisoners, according to the Ukraine Prison Service.", {}},
      {"Russia released prisoners to Georgia, according to Ukraine.", {"RUS GEO 0841"}},
      {"Ukraine was criticized at length by a group of Russian troops.", {"RUSMIL UKR 110"}},
      // After a plain noun the reduced relative's subject is that noun, which is no actor.
      {"France signed a deal criticized by Russia.", {}},
      // An uncoded noun right before the verb, after an article or a number, is its subject: a
      // phrase before another verb is that verb's.
      {"France said an airstrike attacked Russia.", {}},
      {"France said eight people were attacked by Russia.", {}},
      {"France said its airstrike attacked Russia.", {"FRA RUS 190"}},
      // A subject pronoun after a verb of speech stands for that verb's subject; elsewhere "it"
      // is the first actor of the sentence (TABARI).
      {"After Russia shelled Ukraine, France said it would attack Georgia.",
       {"FRA GEO 190", "RUS UKR 190"}},
      {"After Russia shelled Ukraine, France feared it would attack Georgia.",
       {"RUS GEO 190", "RUS UKR 190"}},
      // A participle between a number and a noun describes the noun; with a determiner after it,
      // it is the verb of a numeric subject.
      {"Russia criticized five attacked Ukrainian troops.", {"RUS UKRMIL 110"}},
      {"Russia criticized 200 attacked Ukrainian troops.", {"RUS UKRMIL 110"}},
      {"Three Russian troops attacked the Ukrainian troops.", {"RUSMIL UKRMIL 190"}},
      // A gerund before "of" after a determiner or possessive (and a few words) names the act.
      {"France criticized the police shelling of Russia.", {"FRA ---COP 110"}},
      {"France criticized Ukraine's shelling of Russia.", {"FRA UKR 110"}},
      // After a nationality adjective alone, a plural-looking form is a noun.
      {"France criticized Russian attacks on Ukraine.", {"FRA RUS 110"}},
      {"Russia attacks Ukraine.", {"RUS UKR 190"}},
      // After "to" an infinitive is the bare verb: an -S form there is a noun.
      {"France objected to attacks on Russia.", {}},
      // "amid", "despite", "beyond", ... are prepositions: a verb form after them is a noun.
      {"France criticized Russia amid loud protests in Ukraine.", {"FRA RUS 110"}},
      // A hyphenated adjective before a verb form belongs to its noun phrase: a noun.
      {"Russia criticized the cross-border attack on Ukraine.", {"RUS UKR 110"}},
      // Ready, willing or prepared to cooperate: CAMEO's intent (03), stated now.
      {"Russia was ready to meet Ukraine.", {"RUS UKR 036"}},
      {"Russia said it is willing to meet Ukraine.", {"RUS UKR 036"}},
      {"Russia was ready to attack Ukraine.", {"RUS UKR 190"}},
      // A bare statement (010) about the speaker's own country is no dyad; a later actor may be.
      {"Russia announced a plan for Russian troops.", {}},
      {"Russia announced a plan for Ukraine.", {"RUS UKR 010"}},
      // A gerund closing a prepositional phrase is its noun.
      {"France criticized Ukraine over Russian shelling in Georgia.", {"FRA UKR 110"}},
      {"France wants to attack Russia.", {"FRA RUS 190"}},
      {"Russian troops were shelling Ukraine.", {"RUSMIL UKR 190"}},
      // ... but "by" and a gerund is a means.
      {"Russia attacked by shelling Ukraine.", {"RUS UKR 190"}},
      // A verb joined after the first verb's object has its own object.
      {"France criticized the plan and attacked Ukraine.", {"FRA UKR 190"}},
      // A spokesman "for" an actor speaks for it.
      {"A spokesman for Ukraine criticized Russia.", {"UKRGOV RUS 110"}},
      // Passive with an agent: the subject is the target.
      {"Ukraine was attacked by Russia.", {"RUS UKR 190"}},
      // Negation without a pattern or ontology entry: no event rather than the opposite.
      {"Russia did not attack Ukraine.", {}},
      // ... and with the ontology's negation of the code (110 "criticize" → 050).
      {"France did not criticize Russia.", {"FRA RUS 050"}},
      // An infinitive belongs to the coded verb before it.
      {"Russia refused to meet Ukraine.", {"RUS UKR 1246"}},
      // A demand's complement is not an event of its own.
      {"Ukraine demanded that Russia attack nobody.", {}},
      // A speech verb with a null code leaves its complement's event.
      {"France said Russia attacked Ukraine.", {"RUS UKR 190"}},
      // Quantity phrases head their noun phrase; the country comes from the place.
      {"Thousands of protesters marched through Tbilisi.", {"GEOOPP GEO 140"}},
      // A one-letter misspelling of a known person.
      {"Blingen met the Russian foreign minister.", {"USAGOV RUSGOV 040"}},
      // Comma clauses are set aside; the subject is found across them.
      {"Russia, which denies it, shelled Ukraine.", {"RUS UKR 190"}},
      // Definite descriptions name an actor met before: "the ministry", "the country".
      {"Russia's foreign ministry criticized France. The ministry accused Ukraine.",
       {"RUSGOV FRA 110", "RUSGOV UKR 112"}},
      {"France criticized Russia. The country accused Ukraine.", {"FRA RUS 110", "FRA UKR 112"}},
      // A named official with no nationality: the country of the office met before.
      {"Russia's foreign ministry criticized France. Foreign Minister Ivan Zorkin accused "
       "Ukraine.",
       {"RUSGOV FRA 110", "RUSGOV UKR 112"}},
      // A surname alone names the person met before under the full name.
      {"Maria Zorn criticized France. Zorn accused Ukraine.",
       {"RUSGOV FRA 110", "RUSGOV UKR 112"}},
      // new_actor_length: an uncoded noun phrase stands for itself.
      {"The Council of Magic left for France.", {"\"THE COUNCIL OF MAGIC\" FRA 032"}, 4},
      {"The Council of Magic left for France.", {}, 0},
      // ... and so can both actors of a sentence that names no dictionary actor.
      {"The Council of Magic criticized the Guild of Wizards.",
       {"\"THE COUNCIL OF MAGIC\" \"THE GUILD OF WIZARDS\" 110"}, 4},
      {"The Council of Magic criticized the Guild of Wizards.", {}, 0},
      // A form in a null block and in a coded one is coded by the latter.
      {"Russia shot Ukraine.", {"RUS UKR 183"}},
      // An irregular past heading its block is a verb even right after an agent.
      {"The Russian official shot Ukraine.", {"RUSGOV UKR 183"}},
      // The bare form after "an anti- X", "a X" is the head noun: X is the object.
      {"France criticized an anti- Russia protest on Saturday.", {"FRA RUS 110"}},
      // "very close" is an adjective; a plural right after a verb is its object.
      {"Russian troops attacked very close to France.", {"RUSMIL FRA 190"}},
      {"Ukraine criticized attacks on Russia.", {"UKR RUS 110"}},
      // -ES is an ending only after a sibilant or O: "attackes" is no form of ATTACK.
      {"Russia attackes Ukraine.", {}},
      // "POLICE {}": no plural, so no regular ending either.
      {"France criticized Russia's polices.", {"FRA RUS 110"}},
      // A synset member of several words joined to the next pattern word before the verb.
      {"Russia very mildly then criticized Ukraine.", {"RUS UKR 111"}},
      // An infinitive through auxiliaries ("to be criticized") still belongs to the verb before.
      {"France refused to be criticized by Russia.", {"FRA RUS 120"}},
      // A pattern that binds the target before the verb, across "that": the subject is before.
      {"France noted that Russia accused Ukraine.", {"FRA RUS 113"}},
      // A name's leading article may be lower-case in mixed-case text.
      {"Russia criticized the Gambia.", {"RUS GMB 110"}},
      // "A and the people of B", "A's farmers and workers of B": a noun of an actor in a list.
      {"Russia and the people of Ukraine criticized France.", {"RUS FRA 110", "UKR FRA 110"}},
      {"France's farmers and workers of Ukraine criticized Russia.",
       {"FRA RUS 110", "UKR RUS 110"}},
      // % after the verb with a subject: the compound is the target.
      {"Russia met with France and Ukraine.", {"RUS FRA 041", "RUS UKR 041"}},
      // ^ skips a noun phrase that codes nothing too.
      {"Russia warned their citizens about Ukraine.", {"RUS UKR 162"}},
      // Bare agents before "in A and B" are placed in each country.
      {"Officials and troops in Russia and Ukraine criticized France.",
       {"RUSGOV FRA 110", "RUSMIL FRA 110", "UKRGOV FRA 110", "UKRMIL FRA 110"}},
  };
  for (const Case& c : cases) {
    std::unique_ptr<Coder> coder = MakeCoder(c.new_actor_length);
    std::vector<std::string> want = c.events;
    std::sort(want.begin(), want.end());
    EXPECT_EQ(Code(*coder, c.text), want) << c.text;
  }
}

// Name variants are remembered per thread for speed: coders with other dictionaries, built one
// after another in the same thread (as `dragoman validate` does), never see each other's answers.
TEST(CoderGoldenTest, NameVariantsDoNotLeakBetweenCoders) {
  const char* text = "Blingen met the Russian foreign minister.";
  std::unique_ptr<Coder> with = MakeCoder(0);
  EXPECT_EQ(Code(*with, text), std::vector<std::string>{"USAGOV RUSGOV 040"});
  for (int i = 0; i < 3; ++i) {
    std::unique_ptr<Coder> without = MakeCoderFrom(kVerbs, "RUSSIA [RUS]\n+RUSSIAN\n", kAgents,
                                                   CoderOptions());
    EXPECT_EQ(Code(*without, text), std::vector<std::string>{}) << i;
    std::unique_ptr<Coder> again = MakeCoder(0);
    EXPECT_EQ(Code(*again, text), std::vector<std::string>{"USAGOV RUSGOV 040"}) << i;
  }
}

// PETRARCH-1 (TABARI) behaviours of the unit-test suite, on a dictionary in its syntax: the
// comma_* and require_dyad options, and the pattern tokens.
const char kP1Verbs[] =
    "--- RESTORE [064] ---\n"
    "RESTORE\n"
    "--- BURN [---] ---\n"
    "BURN\n"
    "- * DOWN [222]\n"
    "--- SAY [023] ---\n"
    "SAY {SAYS SAID SAYING}\n"
    "--- ACCUSE [112] ---\n"
    "ACCUSE\n"
    "--- APPEAL [095] ---\n"
    "APPEAL\n"
    "--- CELEBRATE [040] ---\n"
    "CELEBRATE\n"
    "- * IFTAR AT ^ ^ + [044]\n"
    "- * WITH + [043]\n"
    "--- CRITICIZE [121] ---\n"
    "CRITICIZE\n"
    "- * EFFORT [122]\n"
    "- * TROOPS_ [123]\n";
const char kP1Actors[] =
    "ARNOR [ARN]\nGONDOR [GON]\nCALENARDHON [CAL]\nOSGILIATH [OSG]\nERIADOR [ERI]\n"
    "ITHILEN [ITH]\nITHILEN TELEVISION [ITHTV]\nITHILEN_GOVERNMENT_RADIO [ITHRAD]\n";
const char kP1Agents[] = "OFFICIAL [~GOV]\nPARLIAMENT [~LEG]\n";

struct P1Case {
  const char* text;
  std::vector<std::string> events;  // "SRC TGT CODE"; "-" for no target
};

void ExpectP1(const CoderOptions& options, const std::vector<P1Case>& cases) {
  std::unique_ptr<Coder> coder = MakeCoderFrom(kP1Verbs, kP1Actors, kP1Agents, options);
  for (const P1Case& c : cases) {
    std::vector<std::string> want = c.events;
    std::sort(want.begin(), want.end());
    EXPECT_EQ(Code(*coder, c.text), want) << c.text;
  }
}

TEST(CoderPetrarch1Test, SubordinateClausesAndObjects) {
  CoderOptions options;
  options.require_dyad = false;
  options.comma_max = 0;
  ExpectP1(options, {
      // After a subordinating preposition, the noun phrase before a verb is its subject.
      {"Arnor is about to improve ties with Gondor, five years after Calenardhon crowds burned "
       "down its embassy.",
       {"CAL - 222"}},
      // ... but a clause inside the object of a coded verb adds no event of its own.
      {"Arnor is about to restore ties with Gondor five years after Calenardhon crowds burned "
       "down its embassy.",
       {"ARN GON 064"}},
      // A clause right after a coded verb, without "that", is its complement: no event.
      {"Arnor said Gondor restored Calenardhon.", {"ARN - 023"}},
      // ... but not a compound, which joins two clauses.
      {"Arnor restored Gondor and Osgiliath accused Calenardhon.",
       {"ARN - 064", "GON CAL 112", "OSG CAL 112"}},
      // With require_dyad off a missing target is coded only when the verb has an object noun.
      {"A Gondor official said on Saturday.", {"GONGOV - 023"}},
      {"A Gondor official said today.", {}},
  });
}

// ^ skips an actor; over "the parliament of Gondor" it skips the agent, and the next slot binds
// the actor after "of" alone. Without a ^ the slot binds the whole phrase.
TEST(CoderPetrarch1Test, SkipOverAgentOfActor) {
  ExpectP1(CoderOptions(), {
      {"Arnor celebrated Iftar at Osgiliath with the parliament of Gondor in Eriador.",
       {"ARN GON 044"}},
      {"Arnor celebrated with the parliament of Gondor.", {"ARN GONLEG 043"}},
  });
}

// Words of an actor phrase written apart may have plain words between them; '_' joins them.
TEST(CoderPetrarch1Test, ActorPhraseWithWordsBetween) {
  ExpectP1(CoderOptions(), {
      {"Gondor appealed to Ithilen state-run television.", {"GON ITHTV 095"}},
      {"Gondor appealed to Ithilen television.", {"GON ITHTV 095"}},
      {"Gondor appealed to Ithilen state government radio.", {"GON ITH 095"}},
      // An actor, a function word or a name between ends the phrase.
      {"Gondor appealed to Ithilen and Arnor television.", {"GON ARN 095", "GON ITH 095"}},
      {"Gondor appealed to Ithilen Tolkien Television.", {"GON ITH 095"}},
  });
}

// new_actor_length: an uncoded noun phrase coordinated with a coded one is a member of the
// compound too, before the verb and after it; not a phrase with a verb of its own.
TEST(CoderPetrarch1Test, NewActorInACompound) {
  CoderOptions options;
  options.new_actor_length = 4;
  ExpectP1(options, {
      {"Arnor's death and injury toll has restored Gondor.",
       {"ARN GON 064", "\"INJURY TOLL\" GON 064"}},
      {"Arnor restored Gondor and the council of elders.",
       {"ARN GON 064", "ARN \"THE COUNCIL OF ELDERS\" 064"}},
      {"Arnor restored Gondor and the council said so.", {"ARN GON 064"}},
  });
  ExpectP1(CoderOptions(), {{"Arnor restored Gondor and the council of elders.", {"ARN GON 064"}}});
}

// pattern_stems on (TABARI, the default): a pattern word also matches its regular forms, and a
// trailing '_' asks for the word as written. Off (PETRARCH-1): every pattern word is as written.
TEST(CoderPetrarch1Test, PatternStems) {
  ExpectP1(CoderOptions(), {
      {"Arnor criticized efforts by Gondor.", {"ARN GON 122"}},
      {"Arnor criticized the effort of Gondor.", {"ARN GON 122"}},
      {"Arnor criticized Gondor troops.", {"ARN GON 123"}},
      {"Arnor criticized the Gondor troop.", {"ARN GON 121"}},
  });
  CoderOptions petrarch1;
  petrarch1.pattern_stems = false;
  ExpectP1(petrarch1, {
      {"Arnor criticized efforts by Gondor.", {"ARN GON 121"}},
      {"Arnor criticized the effort of Gondor.", {"ARN GON 122"}},
      {"Arnor criticized Gondor troops.", {"ARN GON 123"}},
  });
}

// passive_needs_by (TABARI): "was criticized" without "by" is active; with "by" it is passive.
// By default a participle after "was" is passive with or without an agent.
TEST(CoderPetrarch1Test, PassiveNeedsBy) {
  CoderOptions tabari;
  tabari.passive_needs_by = true;
  ExpectP1(tabari, {
      {"Arnor was criticized over its dispute with Gondor.", {"ARN GON 121"}},
      {"Arnor was criticized by Gondor.", {"GON ARN 121"}},
  });
  CoderOptions options;
  options.require_dyad = false;
  ExpectP1(options, {
      {"Arnor was criticized over its dispute.", {" ARN 121"}},  // no source
      {"Arnor was criticized by Gondor.", {"GON ARN 121"}},
  });
}

// --set and <Config> names: PETRARCH's options and dragoman's own, case-insensitive; a bad
// value or an unknown name is an error naming it.
TEST(CoderOptionsTest, SetByName) {
  CoderOptions o;
  ASSERT_TRUE(SetCoderOption(&o, "require_dyad", "False").ok());
  ASSERT_TRUE(SetCoderOption(&o, "Comma_Emax", "6").ok());
  ASSERT_TRUE(SetCoderOption(&o, "pattern_stems", "false").ok());
  ASSERT_TRUE(SetCoderOption(&o, "passive_needs_by", "true").ok());
  EXPECT_FALSE(o.require_dyad);
  EXPECT_EQ(o.comma_emax, 6);
  EXPECT_FALSE(o.pattern_stems);
  EXPECT_TRUE(o.passive_needs_by);
  Status bad = SetCoderOption(&o, "passive_needs_by", "maybe");
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.ToString().find("passive_needs_by"), std::string::npos) << bad.ToString();
  EXPECT_FALSE(SetCoderOption(&o, "comma_min", "two").ok());
  EXPECT_FALSE(SetCoderOption(&o, "no_such_option", "1").ok());
}

// A subject noun phrase that codes nothing takes the actor of its prepositional phrase; a list
// with its "and" already met ends at a comma.
TEST(CoderPetrarch1Test, SubjectInPrepositionalPhraseAndListEnds) {
  ExpectP1(CoderOptions(), {
      {"Resumption of ties between Arnor and Gondor may restore Calenardhon.",
       {"ARN CAL 064", "GON CAL 064"}},
      {"In Arnor the talks restored Gondor.", {}},
      {"Arnor restored Calenardhon and Gondor, and Osgiliath and Eriador said so.",
       {"ARN CAL 064", "ARN GON 064"}},
      {"Arnor restored Calenardhon, Gondor, and Osgiliath.",
       {"ARN CAL 064", "ARN GON 064", "ARN OSG 064"}},
  });
}

// Explain() shows each sentence's analysis and names the rule behind each event.
// A verb block with many patterns is searched through an index by one literal word of each
// pattern; the answer must stay what a scan in pattern order gives: the longest pattern whose
// words are all there, a pattern without literal words (only a synset) included.
TEST(CoderGoldenTest, LargeBlocksKeepPatternOrder) {
  std::string verbs =
      "&PROMISE\n+PLEDGE\n+VOW\n\n"
      "--- GRANT [060] ---\n"
      "GRANT\n"
      "- * BIG LOAN WITH HIGH INTEREST [0612]\n"
      "- * LOAN WITH INTEREST [0611]\n"
      "- * &PROMISE OF AID [0711]\n"
      "- * LOAN [061]\n"
      "- * &PROMISE [070]\n";
  for (int k = 0; k < 16; ++k) verbs += "- * FILLERWORD" + std::to_string(k) + " [062]\n";
  DictionarySet set;
  ASSERT_TRUE(ParseDictionary(verbs, "verbs.txt", DictionaryKind::kVerbs, &set).ok());
  ASSERT_TRUE(ParseDictionary(kActors, "actors.txt", DictionaryKind::kActors, &set).ok());
  Result<std::unique_ptr<Coder>> coder = Coder::Create(std::move(set), CameoTable(), {});
  ASSERT_TRUE(coder.ok());
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"Russia granted Ukraine a big loan with high interest.", {"RUS UKR 0612"}},
      {"Russia granted Ukraine a loan with interest.", {"RUS UKR 0611"}},
      {"Russia granted Ukraine a loan.", {"RUS UKR 061"}},
      {"Russia granted Ukraine a pledge of aid.", {"RUS UKR 0711"}},
      {"Russia granted Ukraine a vow.", {"RUS UKR 070"}},
      {"Russia granted Ukraine fillerword7.", {"RUS UKR 062"}},
      {"Russia granted Ukraine nothing.", {"RUS UKR 060"}},
  };
  for (const auto& [text, expected] : cases) EXPECT_EQ(Code(**coder, text), expected) << text;
}

TEST(CoderGoldenTest, ExplainShowsTheAnalysis) {
  std::unique_ptr<Coder> coder = MakeCoder(0);
  std::string text = coder->Explain("Russia, which denies it, shelled Ukraine.", DayFromCivil(2022, 3, 5));
  EXPECT_NE(text.find("RUSSIA#0 ,~ WHICH~"), std::string::npos) << text;  // the clause set aside
  EXPECT_NE(text.find("event RUS UKR 190 <verbs.txt:"), std::string::npos) << text;
}

// Each event's day, from the date expressions of its sentence (src/coder/dates.cc); the story is
// dated Saturday 2022-03-05.
TEST(CoderGoldenTest, EventDates) {
  struct DateCase {
    const char* text;
    std::vector<std::string> dates;  // "CODE DATE" in event order
  };
  const std::vector<DateCase> cases = {
      {"Russia shelled Ukraine.", {"190 2022-03-05"}},
      {"Russia shelled Ukraine on Wednesday.", {"190 2022-03-02"}},
      {"Russia shelled Ukraine on Saturday.", {"190 2022-03-05"}},
      {"Russia shelled Ukraine on Monday night.", {"190 2022-02-28"}},
      {"Russia shelled Ukraine last Saturday.", {"190 2022-02-26"}},
      {"Russia shelled Ukraine yesterday.", {"190 2022-03-04"}},
      {"Russia shelled Ukraine this morning.", {"190 2022-03-05"}},
      {"Russia shelled Ukraine last night.", {"190 2022-03-04"}},
      {"Russia shelled Ukraine two days ago.", {"190 2022-03-03"}},
      {"Russia shelled Ukraine over the weekend.", {"190 2022-03-05"}},
      // "last week": seven days back; vaguer spans keep the story's date.
      {"Russia shelled Ukraine last week.", {"190 2022-02-26"}},
      {"Russia shelled Ukraine last month.", {"190 2022-03-05"}},
      {"Russia shelled Ukraine earlier this week.", {"190 2022-03-05"}},
      // Written dates, with and without the year.
      {"Russia shelled Ukraine on March 1.", {"190 2022-03-01"}},
      {"Russia shelled Ukraine on Jan. 26.", {"190 2022-01-26"}},
      {"Russia shelled Ukraine on 1 March 2021.", {"190 2021-03-01"}},
      {"Russia shelled Ukraine on March 1, 2021.", {"190 2021-03-01"}},
      {"Russia shelled Ukraine on Dec. 30.", {"190 2021-12-30"}},
      {"Russia shelled Ukraine on March 20.", {"190 2021-03-20"}},
      {"Russia shelled Ukraine in 2019.", {"190 2022-03-05"}},
      // What is announced looks ahead.
      {"Russia will attack Ukraine on March 20.", {"190 2022-03-20"}},
      {"Russia will attack Ukraine on Wednesday.", {"190 2022-03-09"}},
      {"Russia will attack Ukraine next Saturday.", {"190 2022-03-12"}},
      // The expression nearest the verb dates it.
      {"France said on Friday that Russia shelled Ukraine on Wednesday.", {"190 2022-03-02"}},
      // "later in the day", "the next day": from the day the story was talking about.
      {"Russia criticized France on Tuesday. Later in the day, Russia shelled Ukraine.",
       {"110 2022-03-01", "190 2022-03-01"}},
      {"Russia criticized France on Tuesday. The next day, Russia shelled Ukraine.",
       {"110 2022-03-01", "190 2022-03-02"}},
      // A stated day does not carry to the next sentence (src/coder/dates.cc says why).
      {"On Tuesday, Russia criticized France. Russia shelled Ukraine.",
       {"110 2022-03-01", "190 2022-03-05"}},
  };
  std::unique_ptr<Coder> coder = MakeCoder(0);
  for (const DateCase& c : cases) {
    std::vector<std::string> got;
    for (const Event& e : CodeStory(*coder, c.text).events)
      got.push_back(e.cameo + " " + FormatDay(e.date));
    EXPECT_EQ(got, c.dates) << c.text;
  }
}

TEST(CoderGoldenTest, QuotesGiveFirstPersonToTheSpeaker) {
  std::unique_ptr<Coder> coder = MakeCoder(0);
  Document doc;
  doc.text = "\"We will meet Russia,\" Blinken said.";
  doc.date = DayFromCivil(2022, 3, 5);
  CodedDocument coded = coder->Code(doc);
  ASSERT_EQ(coded.quotes.size(), 1u);
  EXPECT_EQ(coded.quotes[0].speaker_name, "Antony Blinken");
  ASSERT_EQ(coded.events.size(), 1u);
  EXPECT_EQ(coded.events[0].source.code, "USAGOV");
  EXPECT_EQ(coded.events[0].target.code, "RUS");
  EXPECT_EQ(coded.events[0].modality, "future");
}

// Speakers: by surname, continued into the next quote, and the subject of a partial quote.
TEST(CoderGoldenTest, QuoteSpeakers) {
  std::unique_ptr<Coder> coder = MakeCoder(0);
  CodedDocument coded = CodeStory(*coder,
                                  "Maria Zorn criticized France. \"We are tired,\" Zorn said. "
                                  "\"They lie.\" Russia called the move \"absurd\".");
  std::vector<std::string> speakers;
  for (const Quote& q : coded.quotes) speakers.push_back(q.speaker_code + " " + q.speaker_name);
  EXPECT_EQ(speakers,
            (std::vector<std::string>{"RUSGOV Maria Zorn", "RUSGOV Maria Zorn", "RUS Russia"}));
  // A hyphenated name is one name.
  coded = CodeStory(*coder, "Russia's foreign ministry criticized France. \"We are tired,\" "
                            "Foreign Minister Chang Ho-jin said.");
  ASSERT_EQ(coded.quotes.size(), 1u);
  EXPECT_EQ(coded.quotes[0].speaker_code + " " + coded.quotes[0].speaker_name,
            "RUSGOV Foreign Minister Chang Ho-jin");
}

TEST(CoderGoldenTest, WarningsOnGarbledText) {
  std::unique_ptr<Coder> coder = MakeCoder(0);
  CodedDocument coded = CodeStory(
      *coder,
      "Officials said on Monday, March 3, 2022 that Zorblat shelled Ukraine. Retrieved in Moscow. "
      "Later Zorblat shelled and shelled Russia.");
  std::vector<std::string> kinds;
  for (const CoderWarning& w : coded.warnings) kinds.push_back(w.kind);
  std::sort(kinds.begin(), kinds.end());
  // March 3, 2022 was a Thursday; "Zorblat" twice in an actor's place; no verb in the second
  // "sentence"; "shelled and shelled".
  EXPECT_EQ(kinds, (std::vector<std::string>{"date-inconsistency", "fragment", "repeated-words",
                                             "unknown-actor"}));
}

// Without article records (--emit events) the events and quotes are the same; entities and text
// warnings are not computed.
TEST(CoderGoldenTest, ArticleRecordsOffKeepsEventsAndQuotes) {
  Document doc;
  doc.text =
      "\"We will meet Russia,\" Blinken said. Officials said on Monday, March 3, 2022 that Zorblat "
      "shelled Ukraine. Later Zorblat shelled and shelled Russia.";
  doc.date = DayFromCivil(2022, 3, 5);
  CodedDocument all = MakeCoder(0, true)->Code(doc);
  CodedDocument plain = MakeCoder(0, false)->Code(doc);
  EXPECT_FALSE(all.entities.empty());
  EXPECT_FALSE(all.warnings.empty());
  EXPECT_TRUE(plain.entities.empty());
  EXPECT_TRUE(plain.warnings.empty());
  ASSERT_EQ(plain.events.size(), all.events.size());
  for (size_t i = 0; i < all.events.size(); ++i) {
    EXPECT_EQ(plain.events[i].source.code, all.events[i].source.code);
    EXPECT_EQ(plain.events[i].target.code, all.events[i].target.code);
    EXPECT_EQ(plain.events[i].cameo, all.events[i].cameo);
    EXPECT_EQ(plain.events[i].date, all.events[i].date);
  }
  ASSERT_EQ(plain.quotes.size(), all.quotes.size());
  EXPECT_EQ(plain.quotes[0].speaker_code, all.quotes[0].speaker_code);
}

}  // namespace
}  // namespace dragoman
