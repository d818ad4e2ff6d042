#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dragoman/validate.h"

namespace dragoman {
namespace {

SuiteEvent E(const std::string& source, const std::string& target, const std::string& code,
             const std::string& rule = "") {
  return SuiteEvent{source, target, code, rule};
}

SuiteRecord Expecting(std::vector<SuiteEvent> expected) {
  SuiteRecord r;
  r.id = "R";
  r.category = "DEMO";
  r.text = "text";
  r.expected = std::move(expected);
  return r;
}

SuiteRecord NoEvents() {
  SuiteRecord r = Expecting({});
  r.noevents = true;
  return r;
}

constexpr SuiteFormat kP1 = SuiteFormat::kPetrarch1;
constexpr SuiteFormat kUd = SuiteFormat::kUniversalPetrarch;

// ---- PETRARCH-1: exact multisets --------------------------------------------------------------
TEST(ValidationJudgeTest, Petrarch1PassesOnEqualMultisetsInAnyOrder) {
  SuiteRecord r = Expecting({E("ARN", "GON", "064"), E("GON", "ARN", "064")});
  RecordVerdict v = JudgeRecord(kP1, r, {E("GON", "ARN", "064", "rule 2"), E("ARN", "GON", "064")});
  EXPECT_TRUE(v.judged);
  EXPECT_TRUE(v.passed);
  EXPECT_EQ(v.correct, 2);
  EXPECT_EQ(v.uncoded, 0);
  EXPECT_EQ(v.extra, 0);
}

TEST(ValidationJudgeTest, Petrarch1CountsDuplicates) {
  SuiteRecord r = Expecting({E("ARN", "GON", "064"), E("ARN", "GON", "064")});
  RecordVerdict once = JudgeRecord(kP1, r, {E("ARN", "GON", "064")});
  EXPECT_FALSE(once.passed);
  EXPECT_EQ(once.correct, 1);
  EXPECT_EQ(once.uncoded, 1);
  ASSERT_EQ(once.missing.size(), 1u);
  EXPECT_TRUE(SameEvent(once.missing[0], E("ARN", "GON", "064")));

  SuiteRecord single = Expecting({E("ARN", "GON", "064")});
  RecordVerdict twice = JudgeRecord(kP1, single, {E("ARN", "GON", "064"), E("ARN", "GON", "064")});
  EXPECT_FALSE(twice.passed);
  EXPECT_EQ(twice.correct, 1);
  EXPECT_EQ(twice.extra, 1);
}

TEST(ValidationJudgeTest, Petrarch1ComparesAllThreeFieldsExactly) {
  SuiteRecord r = Expecting({E("ARN", "GON", "064")});
  for (const SuiteEvent& wrong : {E("ARN", "GON", "0641"), E("ARNGOV", "GON", "064"),
                                  E("ARN", "---", "064"), E("GON", "ARN", "064")}) {
    RecordVerdict v = JudgeRecord(kP1, r, {wrong});
    EXPECT_FALSE(v.passed) << wrong.source << " " << wrong.target << " " << wrong.code;
    EXPECT_EQ(v.correct, 0);
    EXPECT_EQ(v.uncoded, 1);
    EXPECT_EQ(v.extra, 1);
  }
}

TEST(ValidationJudgeTest, Petrarch1KeepsNullActors) {
  SuiteRecord r = Expecting({E("---GOV", "---", "023"), E("\"INJURY TOLL\"", "OSG", "223")});
  EXPECT_TRUE(
      JudgeRecord(kP1, r, {E("\"INJURY TOLL\"", "OSG", "223"), E("---GOV", "---", "023")}).passed);
  RecordVerdict v = JudgeRecord(kP1, r, {E("\"INJURY TOLL\"", "OSG", "223")});
  EXPECT_FALSE(v.passed);
  EXPECT_EQ(v.uncoded, 1);
}

TEST(ValidationJudgeTest, NoEventsPassesOnlyWhenNothingIsCoded) {
  RecordVerdict quiet = JudgeRecord(kP1, NoEvents(), {});
  EXPECT_TRUE(quiet.passed);
  EXPECT_EQ(quiet.correct, 1);  // validation.py counts a correct "no events" as one
  RecordVerdict noisy = JudgeRecord(kP1, NoEvents(), {E("ARN", "GON", "010")});
  EXPECT_FALSE(noisy.passed);
  EXPECT_EQ(noisy.correct, 0);
  EXPECT_EQ(noisy.extra, 1);
}

TEST(ValidationJudgeTest, ErrorRecordsExpectNoEvents) {
  SuiteRecord r = Expecting({});
  r.error = "storydiscard";
  EXPECT_TRUE(JudgeRecord(kP1, r, {}).passed);
  EXPECT_FALSE(JudgeRecord(kP1, r, {E("ARN", "GON", "010")}).passed);
  EXPECT_TRUE(JudgeRecord(kUd, r, {}).passed);
}

// ---- UD-PETRARCH validation.py ----------------------------------------------------------------
TEST(ValidationJudgeTest, UdIgnoresNullActorsOnBothSides) {
  SuiteRecord r = Expecting({E("USA", "CHN", "042"), E("IGOCOPITP", "---", "036")});
  RecordVerdict v =
      JudgeRecord(kUd, r, {E("USA", "CHN", "042"), E("---", "CHN", "190"), E("USA", "---", "010")});
  EXPECT_TRUE(v.passed);
  EXPECT_EQ(v.correct, 1);
  EXPECT_EQ(v.uncoded, 0);
  EXPECT_EQ(v.extra, 0);
  // "---GOV" is an agent without a country, not the null actor: it counts.
  RecordVerdict agent = JudgeRecord(kUd, r, {E("USA", "CHN", "042"), E("---GOV", "CHN", "013")});
  EXPECT_FALSE(agent.passed);
  EXPECT_EQ(agent.extra, 1);
}

TEST(ValidationJudgeTest, UdCountsCorrectUncodedExtra) {
  SuiteRecord r = Expecting({E("A", "B", "010"), E("B", "A", "010"), E("C", "D", "190")});
  RecordVerdict v = JudgeRecord(
      kUd, r,
      {E("A", "B", "010"), E("C", "D", "190"), E("C", "D", "190"),  // a duplicate coded triple
       E("D", "C", "190")});
  EXPECT_FALSE(v.passed);
  EXPECT_EQ(v.correct, 2);
  EXPECT_EQ(v.uncoded, 1);
  EXPECT_EQ(v.extra, 1);
  ASSERT_EQ(v.unexpected.size(), 1u);
  EXPECT_TRUE(SameEvent(v.unexpected[0], E("D", "C", "190")));
}

TEST(ValidationJudgeTest, UdRecordExpectingOnlyNullEventsIsANoEventsRecord) {
  SuiteRecord r = Expecting({E("RWALEG", "---", "140")});
  RecordVerdict v = JudgeRecord(kUd, r, {E("RWALEG", "---", "140")});
  EXPECT_TRUE(v.passed);
  EXPECT_EQ(v.correct, 1);
}

TEST(ValidationJudgeTest, PercentagesFollowValidationPy) {
  CategoryStats c;
  c.records = 4;
  c.correct = 3;
  c.uncoded = 1;
  c.extra = 2;
  EXPECT_DOUBLE_EQ(c.tp_percent(), 75.0);
  EXPECT_DOUBLE_EQ(c.fn_percent(), 25.0);
  EXPECT_DOUBLE_EQ(c.fp_percent(), 50.0);
  CategoryStats empty;
  EXPECT_DOUBLE_EQ(empty.tp_percent(), 0.0);
  EXPECT_DOUBLE_EQ(empty.fp_percent(), 0.0);
}

// ---- Whole suites with a stand-in coder -------------------------------------------------------
ValidationSuite UdSuite() {
  ValidationSuite suite;
  suite.path = "suite.xml";
  suite.format = kUd;
  suite.environment.include = {"DEMO", "VERB"};
  auto add = [&](const std::string& id, const std::string& category, std::vector<SuiteEvent> ev,
                 bool evaluate = true) {
    SuiteRecord r = Expecting(std::move(ev));
    r.id = id;
    r.category = category;
    r.text = "text of " + id;
    r.evaluate = evaluate;
    suite.records.push_back(r);
  };
  add("D1", "DEMO", {E("A", "B", "010")});
  add("D2", "DEMO", {E("A", "B", "020")});
  add("V1", "VERB", {E("C", "D", "190")});
  add("V2", "VERB", {E("C", "D", "190")}, /*evaluate=*/false);
  add("P1", "PARSING", {E("E", "F", "042")});  // not in <Include>
  return suite;
}

// Codes "text of D1" and "text of V1" correctly, D2 wrongly, everything else not at all.
std::vector<SuiteEvent> FakeCoder(const SuiteRecord& r, std::vector<std::string>* seen) {
  seen->push_back(r.id);
  if (r.id == "D1") return {E("A", "B", "010", "verbs.txt:1 SAY")};
  if (r.id == "D2") return {E("A", "B", "021", "verbs.txt:2 APPEAL")};
  if (r.id == "V1") return {E("C", "D", "190"), E("C", "---", "193")};
  return {};
}

TEST(ValidationSuiteTest, JudgesIncludedEvaluatedRecordsOnly) {
  ValidationSuite suite = UdSuite();
  std::vector<std::string> seen;
  ValidationReport report =
      JudgeSuite(suite, [&](const SuiteRecord& r) { return FakeCoder(r, &seen); });
  EXPECT_EQ(seen, (std::vector<std::string>{"D1", "D2", "V1"}));
  ASSERT_EQ(report.results.size(), 5u);
  EXPECT_TRUE(report.results[0].verdict.passed);
  EXPECT_FALSE(report.results[1].verdict.passed);
  EXPECT_TRUE(report.results[2].verdict.passed);
  EXPECT_FALSE(report.results[3].verdict.judged);
  EXPECT_FALSE(report.results[4].verdict.judged);
  ASSERT_EQ(report.results[2].coded.size(), 2u);  // kept as coded, null event included
  EXPECT_EQ(report.passed(), 2);
  EXPECT_EQ(report.failed(), 1);
  ASSERT_EQ(report.categories.size(), 3u);
  EXPECT_EQ(report.categories[0].category, "DEMO");
  EXPECT_EQ(report.categories[0].records, 2);
  EXPECT_EQ(report.categories[0].passed, 1);
  EXPECT_EQ(report.categories[0].correct, 1);
  EXPECT_EQ(report.categories[0].uncoded, 1);
  EXPECT_EQ(report.categories[0].extra, 1);
  EXPECT_EQ(report.categories[1].category, "VERB");
  EXPECT_EQ(report.categories[1].records, 1);
  EXPECT_EQ(report.categories[1].skipped, 1);
  EXPECT_EQ(report.categories[2].category, "PARSING");
  EXPECT_EQ(report.categories[2].skipped, 1);
  EXPECT_EQ(report.total.records, 3);
  EXPECT_EQ(report.total.skipped, 2);
}

TEST(ValidationSuiteTest, IgnoreIncludeJudgesEveryEvaluatedRecord) {
  ValidationSuite suite = UdSuite();
  std::vector<std::string> seen;
  ValidationReport report = JudgeSuite(
      suite, [&](const SuiteRecord& r) { return FakeCoder(r, &seen); }, /*ignore_include=*/true);
  EXPECT_EQ(seen, (std::vector<std::string>{"D1", "D2", "V1", "P1"}));
  EXPECT_EQ(report.passed(), 2);
  EXPECT_EQ(report.failed(), 2);
}

TEST(ValidationSuiteTest, Petrarch1RunsEveryCategory) {
  ValidationSuite suite = UdSuite();
  suite.format = kP1;
  for (SuiteRecord& r : suite.records) r.evaluate = true;
  std::vector<std::string> seen;
  ValidationReport report =
      JudgeSuite(suite, [&](const SuiteRecord& r) { return FakeCoder(r, &seen); });
  EXPECT_EQ(seen.size(), 5u);
  // V1 codes an extra "C --- 193": PETRARCH-1 counts it.
  EXPECT_FALSE(report.results[2].verdict.passed);
  EXPECT_EQ(report.passed(), 1);
  EXPECT_EQ(report.failed(), 4);
}

TEST(ValidationSuiteTest, FormatReportEndsWithTheCounts) {
  ValidationSuite suite = UdSuite();
  std::vector<std::string> seen;
  ValidationReport report =
      JudgeSuite(suite, [&](const SuiteRecord& r) { return FakeCoder(r, &seen); });
  report.warnings.push_back("something odd");
  std::string brief = FormatReport(suite, report, /*verbose=*/false);
  ASSERT_GE(brief.size(), 20u);
  EXPECT_EQ(brief.substr(brief.rfind('\n', brief.size() - 2) + 1), "2 passed, 1 failed\n");
  EXPECT_NE(brief.find("DEMO"), std::string::npos);
  EXPECT_NE(brief.find("TOTAL"), std::string::npos);
  EXPECT_NE(brief.find("warning: something odd"), std::string::npos);
  EXPECT_EQ(brief.find("FAILED"), std::string::npos);

  std::string verbose = FormatReport(suite, report, /*verbose=*/true);
  EXPECT_EQ(verbose.substr(verbose.rfind('\n', verbose.size() - 2) + 1), "2 passed, 1 failed\n");
  EXPECT_NE(verbose.find("FAILED D2 [DEMO]"), std::string::npos);
  EXPECT_NE(verbose.find("text: text of D2"), std::string::npos);
  EXPECT_NE(verbose.find("expected: A B 020  MISSING"), std::string::npos);
  EXPECT_NE(verbose.find("coded:    A B 021  EXTRA  rule: verbs.txt:2 APPEAL"), std::string::npos);
  EXPECT_EQ(verbose.find("FAILED D1"), std::string::npos);
}

// ---- Coder output to suite events -------------------------------------------------------------
TEST(ValidationSuiteTest, SuiteEventsFromDocumentUsesNullForMissingActors) {
  CodedDocument doc;
  Event full;
  full.source.code = "USAGOV";
  full.has_target = true;
  full.target.code = "CHN";
  full.cameo = "042";
  full.rule = "verbs.txt:9 VISIT";
  Event no_target;
  no_target.source.code = "---GOV";
  no_target.cameo = "023";
  Event no_source;
  no_source.has_target = true;
  no_source.target.code = "OSG";
  no_source.cameo = "190";
  doc.events = {full, no_target, no_source};
  std::vector<SuiteEvent> events = SuiteEventsFromDocument(doc);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_TRUE(SameEvent(events[0], E("USAGOV", "CHN", "042")));
  EXPECT_EQ(events[0].rule, "verbs.txt:9 VISIT");
  EXPECT_TRUE(SameEvent(events[1], E("---GOV", "---", "023")));
  EXPECT_TRUE(SameEvent(events[2], E("---", "OSG", "190")));
  doc.discarded = true;
  EXPECT_TRUE(SuiteEventsFromDocument(doc).empty());
}

}  // namespace
}  // namespace dragoman
