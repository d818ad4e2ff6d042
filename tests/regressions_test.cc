// Fuzzer findings stay fixed: every input in tests/regressions/TARGET/ (and every hand-written
// seed in tests/fuzz/seeds/TARGET/) is run through the same function as the libFuzzer target
// TARGET (tests/fuzz/fuzz_targets.h), in the ordinary test build and under the sanitizers
// (scripts/sanitize.sh). A regression file is named after what broke; docs/hardening.md lists
// them. A broken invariant aborts, which fails the test.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_targets.h"

namespace dragoman {
namespace {

namespace fs = std::filesystem;

// Every file under tests/regressions/TARGET and tests/fuzz/seeds/TARGET, in name order.
std::vector<fs::path> Inputs(const std::string& target) {
  std::vector<fs::path> files;
  for (const char* dir : {"tests/regressions/", "tests/fuzz/seeds/"}) {
    fs::path d = fs::path(DRAGOMAN_SOURCE_DIR) / (dir + target);
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(d, ec))
      if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void RunAll(const std::string& target, const std::function<void(std::string_view)>& body) {
  for (const fs::path& file : Inputs(target)) {
    SCOPED_TRACE(file.string());
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    body(bytes.str());
  }
}

TEST(FuzzRegressionTest, Text) { RunAll("text", fuzz::FuzzText); }
TEST(FuzzRegressionTest, VerbDictionary) {
  RunAll("dict_verbs", [](std::string_view s) { fuzz::FuzzDictionary(DictionaryKind::kVerbs, s); });
}
TEST(FuzzRegressionTest, ActorDictionary) {
  RunAll("dict_actors",
         [](std::string_view s) { fuzz::FuzzDictionary(DictionaryKind::kActors, s); });
}
TEST(FuzzRegressionTest, AgentDictionary) {
  RunAll("dict_agents",
         [](std::string_view s) { fuzz::FuzzDictionary(DictionaryKind::kAgents, s); });
}
TEST(FuzzRegressionTest, DiscardDictionary) {
  RunAll("dict_discards",
         [](std::string_view s) { fuzz::FuzzDictionary(DictionaryKind::kDiscards, s); });
}
TEST(FuzzRegressionTest, IssueDictionary) {
  RunAll("dict_issues",
         [](std::string_view s) { fuzz::FuzzDictionary(DictionaryKind::kIssues, s); });
}
TEST(FuzzRegressionTest, ValidationSuite) { RunAll("validation_suite", fuzz::FuzzValidationSuite); }
TEST(FuzzRegressionTest, JsonLines) { RunAll("jsonl", fuzz::FuzzJsonLines); }
TEST(FuzzRegressionTest, CompressedInput) { RunAll("compressed", fuzz::FuzzCompressed); }
TEST(FuzzRegressionTest, Bundle) { RunAll("bundle", fuzz::FuzzBundle); }
TEST(FuzzRegressionTest, Code) { RunAll("code", fuzz::FuzzCode); }

}  // namespace
}  // namespace dragoman
