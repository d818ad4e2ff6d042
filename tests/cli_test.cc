// End-to-end tests of `dragoman code`: the output contract (docs/output.md), exit statuses, and
// bad input that must be reported without losing the other records. The CLI's output is parsed
// back into JSON and asserted on.
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace dragoman {
namespace {

struct RunResult {
  int status = -1;
  std::string out;
  std::vector<nlohmann::json> records;
};

// Runs the CLI with `args` (shell words) and `input` on standard input.
RunResult RunCli(const std::string& args, const std::string& input = "") {
  // One file per test: ctest runs tests in parallel processes sharing TempDir().
  static int calls = 0;
  std::string in_path = ::testing::TempDir() + "/cli_stdin_" +
                        ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
                        std::to_string(++calls) + ".txt";
  std::ofstream(in_path, std::ios::binary) << input;
  std::string cmd = std::string(DRAGOMAN_CLI) + " " + args + " < " + in_path + " 2>/dev/null";
  RunResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  size_t pos = 0;
  while (pos < r.out.size()) {
    size_t nl = r.out.find('\n', pos);
    if (nl == std::string::npos) nl = r.out.size();
    std::string line = r.out.substr(pos, nl - pos);
    if (!line.empty()) r.records.push_back(nlohmann::json::parse(line));
    pos = nl + 1;
  }
  return r;
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = ::testing::TempDir() + "/" +
                     ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::vector<nlohmann::json> OfType(const RunResult& r, const std::string& type) {
  std::vector<nlohmann::json> out;
  for (const auto& j : r.records)
    if (j.value("type", "") == type) out.push_back(j);
  return out;
}

const char kArticle[] =
    "MOSCOW, March 3, 2023 (Wire) - Russian Foreign Minister Sergei Lavrov met Chinese Foreign "
    "Minister Wang Yi in Moscow on Friday.\n\nUkrainian troops shelled Russian positions near "
    "Bakhmut.\n";

TEST(CliTest, CodesPlainTextArticleWithDatelineAndOffsets) {
  std::string path = WriteTemp("article.txt", kArticle);
  RunResult r = RunCli("code " + path);
  ASSERT_EQ(r.status, 0) << r.out;
  auto events = OfType(r, "event");
  ASSERT_FALSE(events.empty()) << r.out;
  bool met = false;
  for (const auto& e : events) {
    EXPECT_EQ(e["date"], "2023-03-03");
    EXPECT_TRUE(e["doc_id"].get<std::string>().ends_with("article.txt"));
    // Offsets point back at the text they name.
    const auto& src = e["source"];
    std::string text(kArticle);
    EXPECT_EQ(text.substr(src["start"].get<size_t>(),
                          src["end"].get<size_t>() - src["start"].get<size_t>()),
              src["text"].get<std::string>());
    const auto& s = e["sentence"];
    EXPECT_LE(s["start"].get<size_t>(), src["start"].get<size_t>());
    EXPECT_GE(s["end"].get<size_t>(), src["end"].get<size_t>());
    EXPECT_FALSE(e["rule"].get<std::string>().empty());
    if (e["source"]["code"].get<std::string>().rfind("RUS", 0) == 0 && !e["target"].is_null() &&
        e["target"]["code"].get<std::string>().rfind("CHN", 0) == 0 &&
        e["cameo"].get<std::string>().rfind("04", 0) == 0)
      met = true;
  }
  EXPECT_TRUE(met) << r.out;
}

TEST(CliTest, JsonLinesKeepsMetaAndReportsBadLines) {
  std::string input =
      "{\"id\": \"a\", \"date\": \"2022-02-24\", \"text\": \"Russian troops attacked Ukraine.\", "
      "\"source_url\": \"http://x\"}\n"
      "{not json\n"
      "{\"id\": \"c\", \"text\": 5}\n"
      "{\"id\": \"d\", \"date\": \"2022-13-45\", \"text\": \"x\"}\n"
      "{\"id\": \"e\", \"date\": \"2022-02-24\", \"text\": \"Ukraine accused Russia of war "
      "crimes.\"}\n";
  RunResult r = RunCli("code --emit all -", input);
  EXPECT_EQ(r.status, 1);
  auto errors = OfType(r, "error");
  ASSERT_EQ(errors.size(), 3u) << r.out;
  EXPECT_EQ(errors[0]["line"], 2);
  EXPECT_EQ(errors[1]["line"], 3);
  EXPECT_EQ(errors[2]["line"], 4);
  auto docs = OfType(r, "document");
  ASSERT_EQ(docs.size(), 2u);  // every record is either coded or reported
  EXPECT_EQ(docs[0]["doc_id"], "a");
  EXPECT_EQ(docs[0]["meta"]["source_url"], "http://x");
  EXPECT_EQ(docs[1]["doc_id"], "e");
}

TEST(CliTest, MissingFileIsReportedAndOthersStillCoded) {
  std::string path = WriteTemp("ok.txt", kArticle);
  RunResult r = RunCli("code /nonexistent/file.txt " + path);
  EXPECT_EQ(r.status, 1);
  auto errors = OfType(r, "error");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]["file"], "/nonexistent/file.txt");
  EXPECT_FALSE(OfType(r, "event").empty());
}

TEST(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunCli("code --no-such-flag").status, 2);
  EXPECT_EQ(RunCli("code --date 2022-02-30 x.txt").status, 2);
  EXPECT_EQ(RunCli("code --emit some").status, 2);
  EXPECT_EQ(RunCli("code --verbs /nonexistent/verbs.txt -").status, 2);
  EXPECT_EQ(RunCli("frobnicate").status, 2);
}

TEST(CliTest, InvalidUtf8AndNulBytesAreCodedNotFatal) {
  std::string text = "Russian troops \xff\xfe attacked Ukraine.";
  text += std::string("\0", 1);
  text += " Ukraine accused Russia.";
  std::string path = WriteTemp("bad.txt", text);
  RunResult r = RunCli("code --date 2022-03-01 --emit all " + path);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(OfType(r, "document").size(), 1u);
}

TEST(CliTest, OutputIsDeterministic) {
  std::string path = WriteTemp("det.txt", kArticle);
  RunResult a = RunCli("code --emit all " + path);
  RunResult b = RunCli("code --emit all " + path);
  EXPECT_EQ(a.out, b.out);
  EXPECT_FALSE(a.out.empty());
}

}  // namespace
}  // namespace dragoman
