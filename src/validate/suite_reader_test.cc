#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "dragoman/validate.h"

namespace dragoman {
namespace {

std::string SharedPath(const std::string& rel) {
  return std::string(DRAGOMAN_SHARED_DIR) + "/petrarch/validation/" + rel;
}
bool Exists(const std::string& path) { return std::ifstream(path).good(); }

ValidationSuite MustParse(const std::string& text) {
  Result<ValidationSuite> suite = ParseValidationSuite(text, "inline.xml");
  EXPECT_TRUE(suite.ok()) << suite.status().ToString();
  if (!suite.ok()) return ValidationSuite();
  return std::move(suite).value();
}

std::string Triple(const SuiteEvent& e) { return e.source + " " + e.target + " " + e.code; }

// ---- PETRARCH-1 unit-test format --------------------------------------------------------------
constexpr char kPetr1[] = R"(<Validation>
<!-- a comment with a <Sentence id="NOT-A-RECORD"> inside -->
<Environment>
    <Verbfile>PETR.Validate.verbs.txt</Verbfile>
    <Actorfile>PETR.Validate.actors.txt</Actorfile>
    <Actorfile>More.actors.txt, Other.actors.txt</Actorfile>
    <Agentfile>PETR.Validate.agents.txt</Agentfile>
    <Discardfile>PETR.Validate.discards.txt</Discardfile>
    <Include>valid DEMO ACTOR ERROR</Include>
    <Pause>Stop</Pause>
    <Config option="stop_on_error" value="True"></Config>
</Environment>
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<!-- Arnor restores ties -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore full diplomatic ties with Gondor almost
   five years after crowds trashed its embassy &amp; more.
</Text>
<Parse> (ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (X <odd>)))) </Parse>
</Sentence>
<Config option="new_actor_length" value="4"></Config>
<Sentence date = "19950112" id ="DEMO-22"  category="DEMO" sentence="false">
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<Text>The injury toll in Osgiliath rose.</Text>
</Sentence>
<Config option="new_actor_length" value="0"></Config>
<Sentence date="19950112" id="DEMO-24" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>
Nothing happened.
</Text>
</Sentence>
<Sentence date="20080801" id="ERROR-01" category="ERROR" sentence="true">
<EventCoding error="dateline"></EventCoding>
<Text>CEBU CITY: -- a suit was filed.</Text>
</Sentence>
</Sentences>
</Validation>
)";

TEST(ValidationReaderTest, ReadsPetrarch1Records) {
  ValidationSuite suite = MustParse(kPetr1);
  EXPECT_EQ(suite.format, SuiteFormat::kPetrarch1);
  EXPECT_EQ(suite.path, "inline.xml");
  ASSERT_EQ(suite.records.size(), 4u);

  const SuiteRecord& demo = suite.records[0];
  EXPECT_EQ(demo.id, "DEMO-00");
  EXPECT_EQ(demo.category, "DEMO");
  EXPECT_EQ(demo.date, DayFromCivil(1995, 1, 1));
  EXPECT_EQ(demo.line, 14u);
  EXPECT_TRUE(demo.sentence);
  EXPECT_TRUE(demo.evaluate);
  EXPECT_FALSE(demo.noevents);
  EXPECT_EQ(demo.text,
            "Arnor is about to restore full diplomatic ties with Gondor almost five years after "
            "crowds trashed its embassy & more.");
  ASSERT_EQ(demo.expected.size(), 2u);
  EXPECT_EQ(Triple(demo.expected[0]), "ARN GON 064");
  EXPECT_EQ(Triple(demo.expected[1]), "GON ARN 064");
  ASSERT_EQ(demo.options.size(), 1u);  // the <Environment>'s Config
  EXPECT_EQ(demo.options[0].name, "stop_on_error");
  EXPECT_EQ(demo.options[0].value, "True");
  EXPECT_EQ(demo.options[0].line, 11u);
  EXPECT_FALSE(demo.unbalanced_parse);
}

// A tree whose brackets do not balance is PETRARCH's bad_input_parse: the record codes nothing.
TEST(ValidationReaderTest, MarksUnbalancedParses) {
  ValidationSuite suite = MustParse(
      "<Sentences><Sentence date=\"19950101\" id=\"E-1\" category=\"ERROR\">\n"
      "<EventCoding error=\"bad_input_parse\"></EventCoding>\n"
      "<Text>Arnor met Gondor.</Text>\n"
      "<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor))) (. .))</Parse>\n"
      "</Sentence></Sentences>\n");
  ASSERT_EQ(suite.records.size(), 1u);
  EXPECT_TRUE(suite.records[0].unbalanced_parse);
}

TEST(ValidationReaderTest, QuotedActorCodesAndSpacesAroundEquals) {
  ValidationSuite suite = MustParse(kPetr1);
  ASSERT_EQ(suite.records.size(), 4u);
  const SuiteRecord& r = suite.records[1];
  EXPECT_EQ(r.id, "DEMO-22");
  EXPECT_EQ(r.date, DayFromCivil(1995, 1, 12));
  EXPECT_FALSE(r.sentence);
  ASSERT_EQ(r.expected.size(), 1u);
  EXPECT_EQ(r.expected[0].source, "\"INJURY TOLL\"");
  EXPECT_EQ(r.expected[0].target, "OSG");
  EXPECT_EQ(r.text, "The injury toll in Osgiliath rose.");
}

TEST(ValidationReaderTest, ConfigMidFileAppliesToLaterRecordsInOrder) {
  ValidationSuite suite = MustParse(kPetr1);
  ASSERT_EQ(suite.records.size(), 4u);
  ASSERT_EQ(suite.records[1].options.size(), 2u);
  EXPECT_EQ(suite.records[1].options[1].name, "new_actor_length");
  EXPECT_EQ(suite.records[1].options[1].value, "4");
  ASSERT_EQ(suite.records[2].options.size(), 3u);
  EXPECT_EQ(suite.records[2].options[2].value, "0");
  EXPECT_EQ(suite.records[3].options.size(), 3u);
}

TEST(ValidationReaderTest, NoeventsAndErrorRecords) {
  ValidationSuite suite = MustParse(kPetr1);
  ASSERT_EQ(suite.records.size(), 4u);
  EXPECT_TRUE(suite.records[2].noevents);
  EXPECT_TRUE(suite.records[2].expected.empty());
  EXPECT_EQ(suite.records[2].text, "Nothing happened.");
  EXPECT_EQ(suite.records[3].error, "dateline");
  EXPECT_TRUE(suite.records[3].expected.empty());
  EXPECT_FALSE(suite.records[3].noevents);
}

TEST(ValidationReaderTest, ReadsEnvironment) {
  ValidationSuite suite = MustParse(kPetr1);
  const SuiteEnvironment& env = suite.environment;
  EXPECT_EQ(env.verbs, "PETR.Validate.verbs.txt");
  ASSERT_EQ(env.actors.size(), 3u);
  EXPECT_EQ(env.actors[0], "PETR.Validate.actors.txt");
  EXPECT_EQ(env.actors[1], "More.actors.txt");
  EXPECT_EQ(env.actors[2], "Other.actors.txt");
  EXPECT_EQ(env.agents, "PETR.Validate.agents.txt");
  EXPECT_EQ(env.discards, "PETR.Validate.discards.txt");
  EXPECT_TRUE(env.include_valid);
  EXPECT_EQ(env.include, (std::vector<std::string>{"DEMO", "ACTOR", "ERROR"}));
}

// ---- UD-PETRARCH 2.02 format ----------------------------------------------------------------
constexpr char kUd[] = R"(<?xml version='1.0' encoding='utf-8'?>
<Validation>
<Environment>
    <Verbfile>PETR_Validate_verbs_2_02.txt</Verbfile>
    <Actorfile>PETR_Validate_actors_2_02.txt</Actorfile>
    <Errorfile>Errors_validation.txt</Errorfile>  <!-- currently not implemented -->
    <Include>DEMO COMPOUND </Include>
</Environment>
<Sentences>
<Sentence category="DEMO" date="19950101" id="DEMO-01" evaluate="true">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<PLEvent {"event": "012", "source": [{"code": "ARN"}], "target": [{"code": "DAG"}, {"code": "OSG"}]}>
<Text>
Arnor is about to restore full diplomatic ties with Gondor.
</Text>
<Parse>
1	Arnor	Arnor	PROPN	NNP	Number=Sing	3	nsubj	_	_
2	<	<	SYM	SYM	_	1	punct	_	_
</Parse></Sentence>

<Sentence category="COMPOUND" date="20000423" id="COMPOUND-25" evaluate="false">
<EventCoding eventcode="040" sourcecode="&quot;THE MINISTRY OF MAGIC&quot;" targetcode="GON" />
<Text>
Frodo expressed deep satisfaction.
</Text>
</Sentence>
<Config option="require_dyad" value="false" />
<Sentence category="DEMO" date="19950101" id="DEMO-02" evaluate="true">
<EventCoding noevents="True"> </EventCoding>
<Text>Quiet day.</Text>
</Sentence>
</Sentences>
</Validation>
)";

TEST(ValidationReaderTest, ReadsUdPetrarchRecords) {
  ValidationSuite suite = MustParse(kUd);
  EXPECT_EQ(suite.format, SuiteFormat::kUniversalPetrarch);
  ASSERT_EQ(suite.records.size(), 3u);
  EXPECT_EQ(suite.records[0].id, "DEMO-01");
  ASSERT_EQ(suite.records[0].expected.size(), 1u);
  EXPECT_EQ(Triple(suite.records[0].expected[0]), "ARN GON 050");
  EXPECT_EQ(suite.records[0].text, "Arnor is about to restore full diplomatic ties with Gondor.");
  EXPECT_TRUE(suite.records[0].options.empty());
  EXPECT_FALSE(suite.records[1].evaluate);
  EXPECT_EQ(suite.records[1].expected[0].source, "\"THE MINISTRY OF MAGIC\"");
  EXPECT_TRUE(suite.records[2].noevents);
  ASSERT_EQ(suite.records[2].options.size(), 1u);
  EXPECT_EQ(suite.records[2].options[0].name, "require_dyad");
  EXPECT_EQ(suite.environment.include, (std::vector<std::string>{"DEMO", "COMPOUND"}));
  EXPECT_FALSE(suite.environment.include_valid);
}

// ---- GSR format: self-closed <Sentence .../> followed by its children ------------------------
constexpr char kGsr[] = R"(<?xml version='1.0' encoding='utf-8'?>
<Validation>

##########################################################################################
#   Bare prose outside any comment, mentioning <EventCoding...> records.
##########################################################################################

<Environment>
    <Verbfile>CAMEO.2.0.txt</Verbfile>
    <Actorfile>Phoenix.Countries.actors.txt,Phoenix.International.actors.txt,Phoenix.MilNonState.actors.txt</Actorfile>
    <Include>valid AFP TEST </Include>
</Environment>
<Sentences>
<Sentence category="AFP" date="20080804" id="AFP0808020625_4" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<EventCoding eventcode="036" sourcecode="IGOCOPITP" targetcode="---" />
<Text>
The stopover came as the US leader prepared to attend the Beijing Olympics.
</Text>
<Parse>
1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
</Parse></Sentence>
<!---
<Parse>
1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
</Parse>-->
<Sentence category="TEST" date="121108" id="TEST_1" evaluate="true"/>
<EventCoding noevents="True" />
<Text>
Nothing to code here.
</Text>
<Parse>
1	Nothing	nothing	PRON	NN	_	0	root	_	_
</Parse>
</Sentences>
</Validation>
)";

TEST(ValidationReaderTest, ReadsSelfClosedGsrRecords) {
  ValidationSuite suite = MustParse(kGsr);
  EXPECT_EQ(suite.format, SuiteFormat::kUniversalPetrarch);
  ASSERT_EQ(suite.records.size(), 2u);
  const SuiteRecord& first = suite.records[0];
  EXPECT_EQ(first.id, "AFP0808020625_4");
  ASSERT_EQ(first.expected.size(), 2u);
  EXPECT_EQ(Triple(first.expected[0]), "USA CHN 042");
  EXPECT_EQ(Triple(first.expected[1]), "IGOCOPITP --- 036");
  EXPECT_EQ(first.text,
            "The stopover came as the US leader prepared to attend the Beijing Olympics.");
  const SuiteRecord& second = suite.records[1];
  EXPECT_EQ(second.id, "TEST_1");
  EXPECT_TRUE(second.noevents);
  EXPECT_EQ(second.date, DayFromCivil(2012, 11, 8));  // YYMMDD, as TABARI reads it
  EXPECT_EQ(second.text, "Nothing to code here.");
  ASSERT_EQ(suite.environment.actors.size(), 3u);
  EXPECT_EQ(suite.environment.actors[2], "Phoenix.MilNonState.actors.txt");
  EXPECT_TRUE(suite.environment.include_valid);
}

TEST(ValidationReaderTest, MalformedInputNamesFileAndLine) {
  struct Case {
    std::string text;
    std::string message;
  } cases[] = {
      {"<Sentence id=\"A\" date=\"19950101\">\n<Text>no end\n",
       "inline.xml:2: <Text> is never closed"},
      {"<Sentence id=\"A\" date=\"19951301\">\n<Text>x</Text></Sentence>\n",
       "inline.xml:1: record 'A': date \"19951301\" is not a calendar day"},
      {"\n<Sentence id=\"A\">\n<EventCoding sourcecode=\"X\"/>\n<Text>x</Text></Sentence>\n",
       "inline.xml:3: <EventCoding> needs eventcode="},
      {"<Sentence id=\"A\">\n</Sentence>\n", "inline.xml:1: record 'A' has no <Text>"},
      {"<EventCoding eventcode=\"010\" sourcecode=\"A\" targetcode=\"B\"/>\n",
       "inline.xml:1: <EventCoding> outside a <Sentence>"},
      {"<Sentence id=\"A\" category=\"X>\n", "inline.xml:1: <Sentence is never closed"},
      {"<Sentence id=\"A\" category/>\n<Text>x</Text>\n",
       "inline.xml:1: attribute 'category' has no value"},
      {"<Config option=\"a\"/>\n<Sentence id=\"A\"/><Text>x</Text>\n",
       "inline.xml:1: <Config> needs option= and value="},
      {"<!-- open\n<Sentence id=\"A\"/><Text>x</Text>\n", "inline.xml:1: comment is never closed"},
      {"<Validation></Validation>\n", "inline.xml: no <Sentence> records"},
  };
  for (const Case& c : cases) {
    Result<ValidationSuite> suite = ParseValidationSuite(c.text, "inline.xml");
    ASSERT_FALSE(suite.ok()) << c.text;
    EXPECT_EQ(suite.status().code(), Status::Code::kCorruption);
    EXPECT_EQ(suite.status().message().rfind(c.message, 0), 0u) << suite.status().message();
  }
}

TEST(ValidationReaderTest, MissingFileIsIOError) {
  Result<ValidationSuite> suite = ReadValidationSuite("/nonexistent/suite.xml");
  ASSERT_FALSE(suite.ok());
  EXPECT_EQ(suite.status().code(), Status::Code::kIOError);
}

// ---- The real files, when ../shared is present ------------------------------------------------
struct Counts {
  size_t records = 0, events = 0, noevents = 0, errors = 0, not_evaluated = 0, configs = 0;
};
Counts Count(const ValidationSuite& suite) {
  Counts c;
  c.records = suite.records.size();
  for (const SuiteRecord& r : suite.records) {
    c.events += r.expected.size();
    c.noevents += r.noevents;
    c.errors += !r.error.empty();
    c.not_evaluated += !r.evaluate;
  }
  if (!suite.records.empty()) c.configs = suite.records.back().options.size();
  return c;
}

TEST(ValidationReaderTest, RealPetrarch1UnitTests) {
  std::string path = SharedPath("petr1-unittest/PETR.UnitTest.records.xml");
  if (!Exists(path)) GTEST_SKIP() << path << " not present";
  Result<ValidationSuite> suite = ReadValidationSuite(path);
  ASSERT_TRUE(suite.ok()) << suite.status().ToString();
  EXPECT_EQ(suite->format, SuiteFormat::kPetrarch1);
  Counts c = Count(*suite);
  EXPECT_EQ(c.records, 284u);
  // 385 <EventCoding> elements: 359 events, 19 noevents, 7 error=.
  EXPECT_EQ(c.events, 359u);
  EXPECT_EQ(c.noevents, 19u);
  EXPECT_EQ(c.errors, 7u);
  EXPECT_EQ(c.events + c.noevents + c.errors, 385u);
  EXPECT_EQ(c.configs, 28u + 1u);  // 28 between records, 1 in <Environment>
  EXPECT_EQ(suite->records.front().id, "DEMO-00");
  EXPECT_EQ(suite->records.back().id, "FINAL-RECORD");
  EXPECT_EQ(suite->records.back().text, "ALL OF THE UNIT TESTS WERE CODED CORRECTLY.");
  EXPECT_EQ(suite->environment.verbs, "PETR.Validate.verbs.txt");
  for (const SuiteRecord& r : suite->records) {
    if (r.id != "DEMO-22") continue;
    ASSERT_EQ(r.expected.size(), 2u);
    EXPECT_EQ(r.expected[1].source, "\"INJURY TOLL\"");
    ASSERT_FALSE(r.options.empty());
    EXPECT_EQ(r.options.back().name, "new_actor_length");
    EXPECT_EQ(r.options.back().value, "4");
  }
}

TEST(ValidationReaderTest, RealUdPetrarch202) {
  std::string path = SharedPath("ud-petrarch-2.02/PETR_Validate_records_2_02.xml");
  if (!Exists(path)) GTEST_SKIP() << path << " not present";
  Result<ValidationSuite> suite = ReadValidationSuite(path);
  ASSERT_TRUE(suite.ok()) << suite.status().ToString();
  EXPECT_EQ(suite->format, SuiteFormat::kUniversalPetrarch);
  Counts c = Count(*suite);
  // grep counts 275 "<Sentence" and 11 evaluate="false", but one of each is inside the header
  // comment: 274 records, 10 of them not evaluated.
  EXPECT_EQ(c.records, 274u);
  EXPECT_EQ(c.not_evaluated, 10u);
  EXPECT_EQ(c.events + c.noevents + c.errors, 349u);
  EXPECT_EQ(c.events, 322u);
  EXPECT_EQ(c.noevents, 20u);
  EXPECT_EQ(c.errors, 7u);
  EXPECT_EQ(suite->environment.include.size(), 9u);
  for (const SuiteRecord& r : suite->records) EXPECT_FALSE(r.text.empty()) << r.id;
}

TEST(ValidationReaderTest, RealGsr) {
  std::string path = SharedPath("petr2-gsr/PETR2_GSR_validation.xml");
  if (!Exists(path)) GTEST_SKIP() << path << " not present";
  Result<ValidationSuite> suite = ReadValidationSuite(path);
  ASSERT_TRUE(suite.ok()) << suite.status().ToString();
  EXPECT_EQ(suite->format, SuiteFormat::kUniversalPetrarch);
  Counts c = Count(*suite);
  EXPECT_EQ(c.records, 78u);
  // grep counts 93 "<EventCoding", one of them in the header prose: 80 events + 12 noevents.
  EXPECT_EQ(c.events, 80u);
  EXPECT_EQ(c.noevents, 12u);
  EXPECT_EQ(c.configs, 0u);
  ASSERT_EQ(suite->environment.actors.size(), 3u);
  EXPECT_EQ(suite->environment.verbs, "CAMEO.2.0.txt");
  for (const SuiteRecord& r : suite->records) {
    // abc12_3 has an empty <Text> in the file (PETRARCH-2 coded its parse).
    EXPECT_EQ(r.text.empty(), r.id == "abc12_3") << r.id;
    EXPECT_NE(r.date, kNoDay) << r.id;
    if (r.id == "github_issue27_3") {
      EXPECT_EQ(r.text, "Georgian demonstrators received weapons\tfrom the Georgian government.");
    }
  }
}

}  // namespace
}  // namespace dragoman
