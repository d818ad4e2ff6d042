// RunValidationSuite and `dragoman validate` on the real suites (skipped without ../shared).
// These check that suites run, find their dictionaries and report consistently; coding accuracy
// is asserted elsewhere.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <regex>
#include <string>

#include "dragoman/validate.h"

namespace dragoman {
namespace {

const std::string kValidation = std::string(DRAGOMAN_SHARED_DIR) + "/petrarch/validation/";
const std::string kDictionaries = std::string(DRAGOMAN_SHARED_DIR) + "/petrarch/dictionaries";
const std::string kPetr1 = kValidation + "petr1-unittest/PETR.UnitTest.records.xml";
const std::string kUd = kValidation + "ud-petrarch-2.02/PETR_Validate_records_2_02.xml";
const std::string kGsr = kValidation + "petr2-gsr/PETR2_GSR_validation.xml";

bool Exists(const std::string& path) { return std::ifstream(path).good(); }

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

// A suite naming the PETRARCH-1 dictionaries, which are not beside it in the temp folder.
constexpr char kSmallSuite[] = R"(<Validation>
<Environment>
<Verbfile>PETR.Validate.verbs.txt</Verbfile>
<Actorfile>PETR.Validate.actors.txt</Actorfile>
<Agentfile>PETR.Validate.agents.txt</Agentfile>
<Discardfile>PETR.Validate.discards.txt</Discardfile>
</Environment>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor is about to restore full diplomatic ties with Gondor.</Text>
</Sentence>
<Config option="no_such_option" value="1"></Config>
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950101" id="DEMO-01" category="DEMO" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Nothing at all.</Text>
</Sentence>
</Validation>
)";

TEST(ValidationRunTest, Petrarch1SuiteRunsEveryRecord) {
  if (!Exists(kPetr1)) GTEST_SKIP() << kPetr1 << " not present";
  Result<ValidationSuite> suite = ReadValidationSuite(kPetr1);
  ASSERT_TRUE(suite.ok()) << suite.status().ToString();
  Result<ValidationReport> report = RunValidationSuite(*suite, ValidationOptions());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->results.size(), 284u);
  EXPECT_EQ(report->passed() + report->failed(), 284);
  EXPECT_EQ(report->total.skipped, 0);
  ASSERT_EQ(report->dictionaries.size(), 4u);
  EXPECT_TRUE(EndsWith(report->dictionaries[0], "petr1-unittest/PETR.Validate.verbs.txt"));
  EXPECT_TRUE(EndsWith(report->dictionaries[1], "petr1-unittest/PETR.Validate.actors.txt"));
  // The <Environment>'s stop_on_error is not a coder option: one warning naming its line.
  int stop_on_error = 0;
  for (const std::string& w : report->warnings) {
    if (w.find("PETR.UnitTest.records.xml:45: <Config option=\"stop_on_error\"") !=
        std::string::npos) {
      ++stop_on_error;
    }
  }
  EXPECT_EQ(stop_on_error, 1);
}

TEST(ValidationRunTest, UdSuiteSkipsExcludedAndUnevaluatedRecords) {
  if (!Exists(kUd)) GTEST_SKIP() << kUd << " not present";
  Result<ValidationSuite> suite = ReadValidationSuite(kUd);
  ASSERT_TRUE(suite.ok()) << suite.status().ToString();
  Result<ValidationReport> report = RunValidationSuite(*suite, ValidationOptions());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  // 274 records: 10 evaluate="false", 19 more in PARSING and ERROR, which <Include> leaves out.
  EXPECT_EQ(report->total.records, 245);
  EXPECT_EQ(report->total.skipped, 29);
  ValidationOptions all;
  all.ignore_include = true;
  Result<ValidationReport> everything = RunValidationSuite(*suite, all);
  ASSERT_TRUE(everything.ok()) << everything.status().ToString();
  EXPECT_EQ(everything->total.records, 264);
}

TEST(ValidationRunTest, GsrFindsProductionDictionariesInPetrarchLayout) {
  if (!Exists(kGsr)) GTEST_SKIP() << kGsr << " not present";
  Result<ValidationSuite> suite = ReadValidationSuite(kGsr);
  ASSERT_TRUE(suite.ok()) << suite.status().ToString();
  Result<ValidationReport> report = RunValidationSuite(*suite, ValidationOptions());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->dictionaries.size(), 7u);  // with PETR.Internal.Coding.Ontology.txt
  EXPECT_TRUE(EndsWith(report->dictionaries[0], "dictionaries/CAMEO.2.0.txt"));
  EXPECT_TRUE(EndsWith(report->dictionaries[3], "dictionaries/Phoenix.MilNonState.actors.txt"));
  EXPECT_EQ(report->total.records, 78);
  EXPECT_EQ(report->passed() + report->failed(), 78);
}

TEST(ValidationRunTest, DictionaryDirsAndOverrides) {
  if (!Exists(kPetr1)) GTEST_SKIP() << kPetr1 << " not present";
  std::string path = WriteTemp("small_suite.xml", kSmallSuite);
  Result<ValidationSuite> suite = ReadValidationSuite(path);
  ASSERT_TRUE(suite.ok()) << suite.status().ToString();

  Result<ValidationReport> missing = RunValidationSuite(*suite, ValidationOptions());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_NE(missing.status().message().find("PETR.Validate.verbs.txt"), std::string::npos);
  EXPECT_NE(missing.status().message().find("--dictionaries"), std::string::npos);

  ValidationOptions options;
  options.dictionary_dirs.push_back(kValidation + "petr1-unittest");
  Result<ValidationReport> report = RunValidationSuite(*suite, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->results.size(), 2u);
  EXPECT_EQ(report->passed() + report->failed(), 2);
  bool warned = false;
  for (const std::string& w : report->warnings) {
    warned |= w.find("small_suite.xml:12: <Config option=\"no_such_option\"") != std::string::npos;
  }
  EXPECT_TRUE(warned);

  // An explicit file wins over the suite's and is used as given.
  options.verbs = "/nonexistent/verbs.txt";
  Result<ValidationReport> bad = RunValidationSuite(*suite, options);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("/nonexistent/verbs.txt"), std::string::npos);
}

TEST(ValidationRunTest, SuiteWithoutEnvironmentUsesProductionSet) {
  if (!Exists(kDictionaries + "/CAMEO.2.0.txt")) GTEST_SKIP() << "no production dictionaries";
  std::string path =
      WriteTemp("bare_suite.xml",
                "<Sentence date=\"20150609\" id=\"T1\" category=\"TEST\" evaluate=\"true\"/>\n"
                "<EventCoding eventcode=\"192\" sourcecode=\"DEU\" targetcode=\"FRA\" />\n"
                "<Text>Germany invaded France.</Text>\n");
  Result<ValidationSuite> suite = ReadValidationSuite(path);
  ASSERT_TRUE(suite.ok()) << suite.status().ToString();
  ValidationOptions options;
  options.dictionary_dirs.push_back(kDictionaries);
  Result<ValidationReport> report = RunValidationSuite(*suite, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  // Verbs, three actor files, agents, discards and the coding ontology.
  ASSERT_EQ(report->dictionaries.size(), 7u);
  EXPECT_TRUE(EndsWith(report->dictionaries[5], "Phoenix.discards.txt"));
  EXPECT_TRUE(EndsWith(report->dictionaries[6], "PETR.Internal.Coding.Ontology.txt"));
  EXPECT_EQ(report->total.records, 1);
}

// ---- The CLI ---------------------------------------------------------------------------------
struct CliResult {
  int status = -1;
  std::string out;
};

CliResult RunCli(const std::string& args) {
  std::string cmd = std::string(DRAGOMAN_CLI) + " " + args + " 2>/dev/null";
  CliResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

TEST(ValidationCliTest, LastLineCarriesTheCounts) {
  if (!Exists(DRAGOMAN_CLI)) GTEST_SKIP() << "CLI not built";
  if (!Exists(kPetr1)) GTEST_SKIP() << kPetr1 << " not present";
  CliResult r = RunCli("validate " + kPetr1);
  EXPECT_EQ(r.status, 0);
  ASSERT_FALSE(r.out.empty());
  size_t start = r.out.rfind('\n', r.out.size() - 2);
  std::string last = r.out.substr(start == std::string::npos ? 0 : start + 1);
  std::smatch m;
  ASSERT_TRUE(std::regex_match(last, m, std::regex("([0-9]+) passed, ([0-9]+) failed\n"))) << last;
  EXPECT_EQ(std::stoi(m[1]) + std::stoi(m[2]), 284);

  CliResult verbose = RunCli("validate --verbose " + kPetr1);
  EXPECT_EQ(verbose.status, 0);
  EXPECT_TRUE(EndsWith(verbose.out, last));
  if (std::stoi(m[2]) > 0) {
    EXPECT_NE(verbose.out.find("\nFAILED "), std::string::npos);
  }
}

TEST(ValidationCliTest, UnusableInputExitsTwo) {
  if (!Exists(DRAGOMAN_CLI)) GTEST_SKIP() << "CLI not built";
  EXPECT_EQ(RunCli("validate").status, 2);
  EXPECT_EQ(RunCli("validate /nonexistent/suite.xml").status, 2);
  EXPECT_EQ(RunCli("validate --no-such-flag x.xml").status, 2);
  EXPECT_EQ(RunCli("validate --help").status, 0);
  if (!Exists(kPetr1)) return;
  std::string path = WriteTemp("cli_small_suite.xml", kSmallSuite);
  EXPECT_EQ(RunCli("validate " + path).status, 2);  // dictionaries not found
  CliResult ok = RunCli("validate --dictionaries " + kValidation + "petr1-unittest " + path);
  EXPECT_EQ(ok.status, 0);
  EXPECT_NE(ok.out.find("passed, "), std::string::npos);
}

}  // namespace
}  // namespace dragoman
