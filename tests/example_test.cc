// The shared example article scored by ../shared/tools/score_example.py, and the PETRARCH
// validation suites run through `dragoman validate`. Both skip when ../shared is absent. The
// thresholds are floors measured at the time of writing (README "Measured"): they catch
// regressions; the issue targets are higher and tracked in the README.
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>

#include <gtest/gtest.h>

namespace dragoman {
namespace {

std::string Capture(const std::string& cmd, int* status) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int st = pclose(p);
  *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

const std::string kShared = DRAGOMAN_SHARED_DIR;

TEST(ExampleArticleTest, RequiredEventsAndNoForbiddenOnes) {
  std::string article = kShared + "/examples/blinken-written-response.txt";
  if (!std::filesystem::exists(article) || !std::filesystem::exists("/usr/bin/python3"))
    GTEST_SKIP() << "no ../shared example or /usr/bin/python3";
  std::string out = ::testing::TempDir() + "/example.jsonl";
  int status = -1;
  Capture(std::string(DRAGOMAN_CLI) + " code --emit all " + article + " > " + out, &status);
  ASSERT_EQ(status, 0);
  // --require: every required event, quote, date and warning, and no forbidden event.
  std::string score = Capture("/usr/bin/python3 " + kShared + "/tools/score_example.py " + kShared +
                                  "/examples/blinken-written-response.gold.json " + article + " " +
                                  out + " --require",
                              &status);
  ASSERT_EQ(status, 0) << score;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(score, m, std::regex(R"(required events (\d+)/(\d+), forbidden events (\d+))")))
      << score;
  EXPECT_EQ(m[1], m[2]) << score;
  EXPECT_EQ(std::stoi(m[3]), 0) << score;
  ASSERT_TRUE(std::regex_search(score, m, std::regex(R"(entities (\d+)/(\d+))"))) << score;
  EXPECT_GE(std::stoi(m[1]), 9) << score;  // issue 4: at least 9 of the 11 entities
}

// Runs a suite and returns the number of passed records from its last line.
int SuitePassed(const std::string& suite, int* failed) {
  int status = -1;
  std::string out = Capture(std::string(DRAGOMAN_CLI) + " validate " + suite + " 2>/dev/null", &status);
  std::smatch m;
  if (status != 0 || !std::regex_search(out, m, std::regex(R"((\d+) passed, (\d+) failed\s*$)")))
    return -1;
  *failed = std::stoi(m[2]);
  return std::stoi(m[1]);
}

TEST(ValidationSuiteTest, Petrarch1UnitTestsFloor) {
  std::string suite = kShared + "/petrarch/validation/petr1-unittest/PETR.UnitTest.records.xml";
  if (!std::filesystem::exists(suite)) GTEST_SKIP() << "no ../shared PETRARCH suites";
  int failed = 0;
  int passed = SuitePassed(suite, &failed);
  EXPECT_EQ(passed + failed, 284);
  EXPECT_GE(passed, 270);  // measured 270 = 95.1%; issue 2 asks at least 95% (270) of 284
}

TEST(ValidationSuiteTest, UdPetrarchFloor) {
  std::string suite = kShared + "/petrarch/validation/ud-petrarch-2.02/PETR_Validate_records_2_02.xml";
  if (!std::filesystem::exists(suite)) GTEST_SKIP() << "no ../shared PETRARCH suites";
  int failed = 0;
  int passed = SuitePassed(suite, &failed);
  EXPECT_EQ(passed + failed, 245);
  EXPECT_GE(passed, 215);  // measured 217; issue 2 asks at least 85% (209) of 245
}

// Runs one of our scoring scripts (tools/) with the built CLI on one of our evaluation sets
// (tests/eval/); returns its output.
std::string ScoreOwnSet(const std::string& script, const std::string& set, int* status) {
  const std::string src = DRAGOMAN_SOURCE_DIR;
  return Capture("/usr/bin/python3 " + src + "/tools/" + script + " --dragoman " +
                     std::string(DRAGOMAN_CLI) + " " + src + "/tests/eval/" + set,
                 status);
}

// Our own hand-coded evaluation set (tests/eval/, in the repo): root-level precision and recall
// with correct source and target countries, scored by tools/score_eval.py.
TEST(EvaluationSetTest, RootLevelFloor) {
  if (!std::filesystem::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
  int status = -1;
  std::string out = ScoreOwnSet("score_eval.py", "sentences.jsonl", &status);
  ASSERT_EQ(status, 0) << out;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(out, m, std::regex(R"(eval: root P=([\d.]+)% R=([\d.]+)%)"))) << out;
  EXPECT_GE(std::stod(m[1]), 82.5) << out;  // measured 84.1%
  EXPECT_GE(std::stod(m[2]), 80.0) << out;  // measured 81.9%
}

// The multi-sentence articles (tests/eval/articles.jsonl): quote attribution and event dates,
// scored by tools/score_articles.py. Floors a little under the figures of tests/eval/README.md.
TEST(EvaluationSetTest, ArticlesQuotesAndDatesFloor) {
  if (!std::filesystem::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
  int status = -1;
  std::string out = ScoreOwnSet("score_articles.py", "articles.jsonl", &status);
  ASSERT_EQ(status, 0) << out;
  std::smatch m;
  const std::regex figures(
      R"(quotes attributed=([\d.]+)% .* dates=([\d.]+)% .* over matched=([\d.]+)%)");
  ASSERT_TRUE(std::regex_search(out, m, figures)) << out;
  EXPECT_GE(std::stod(m[1]), 95.0) << out;  // measured 100% (70/70)
  EXPECT_GE(std::stod(m[2]), 42.0) << out;  // measured 46.5%: most misses are uncoded events
  EXPECT_GE(std::stod(m[3]), 90.0) << out;  // measured 97.1%
}

}  // namespace
}  // namespace dragoman
