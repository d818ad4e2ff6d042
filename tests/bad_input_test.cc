// The bad-input suite: end-to-end runs of `dragoman code` on input that is broken, hostile or
// huge (docs/hardening.md has the table of behaviours). For each case: the documented exit status
// (docs/output.md: 0 all coded, 1 some input reported as error records, 2 usage errors and
// unusable dictionaries), a clear message on standard error, output that is whole JSON lines, and
// every other record still coded and accounted for (document + error records == input records).
//
// Every test writes its own files (named after the test) because ctest runs tests in parallel.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace dragoman {
namespace {

using nlohmann::json;
using namespace std::string_literals;

// A path in TempDir() unique to the running test.
std::string TempPath(const std::string& name) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return ::testing::TempDir() + "/bad_input_" + info->test_suite_name() + "_" + info->name() + "_" +
         std::to_string(getpid()) + "_" + name;
}

std::string WriteFile(const std::string& name, const std::string& content) {
  std::string path = TempPath(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct CliRun {
  int status = -1;  // the exit status, or -1 when killed by a signal
  int signal = 0;   // the signal that killed it
  std::string out, err;
  std::vector<json> records;
  std::vector<std::string> bad_lines;  // output lines that are not JSON
  bool ends_with_newline = true;

  std::vector<json> OfType(const std::string& type) const {
    std::vector<json> r;
    for (const json& j : records)
      if (j.is_object() && j.value("type", "") == type) r.push_back(j);
    return r;
  }
};

void ParseOutput(CliRun* r) {
  r->ends_with_newline = r->out.empty() || r->out.back() == '\n';
  size_t pos = 0;
  while (pos < r->out.size()) {
    size_t nl = r->out.find('\n', pos);
    if (nl == std::string::npos) nl = r->out.size();
    std::string line = r->out.substr(pos, nl - pos);
    json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded())
      r->bad_lines.push_back(line.substr(0, 200));
    else
      r->records.push_back(std::move(j));
    pos = nl + 1;
  }
}

void Decode(int wait_status, CliRun* r) {
  if (WIFEXITED(wait_status)) r->status = WEXITSTATUS(wait_status);
  if (WIFSIGNALED(wait_status)) r->signal = WTERMSIG(wait_status);
}

// Runs `dragoman ARGS` through /bin/sh with standard input from `stdin_path` (or /dev/null).
CliRun RunCli(const std::string& args, const std::string& stdin_path = "/dev/null") {
  static int calls = 0;
  std::string err_path = TempPath("stderr_" + std::to_string(++calls));
  std::string cmd = std::string(DRAGOMAN_CLI) + " " + args + " < " + stdin_path + " 2> " + err_path;
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[1 << 16];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  Decode(pclose(p), &r);
  r.err = ReadFile(err_path);
  std::remove(err_path.c_str());
  ParseOutput(&r);
  return r;
}

// Whole JSON lines, no crash, no sanitizer report.
void ExpectWellFormed(const CliRun& r) {
  EXPECT_EQ(r.signal, 0) << "killed by signal " << r.signal << "\n" << r.err;
  EXPECT_TRUE(r.bad_lines.empty()) << "not JSON: " << r.bad_lines.front();
  EXPECT_TRUE(r.ends_with_newline);
  EXPECT_EQ(r.err.find("Sanitizer"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("runtime error"), std::string::npos) << r.err;
}

std::string Record(const std::string& id, const std::string& text) {
  return json{{"id", id}, {"date", "2022-02-24"}, {"text", text}}.dump() + "\n";
}
const char kSentence[] =
    "Russian troops attacked Ukraine and Ukraine accused Russia of war crimes.";

// Input records (--emit all) must each end up as a document or an error record.
void ExpectAccounted(const CliRun& r, size_t input_records) {
  EXPECT_EQ(r.OfType("document").size() + r.OfType("error").size(), input_records) << r.out;
}

std::vector<std::string> DocIds(const CliRun& r) {
  std::vector<std::string> ids;
  for (const json& d : r.OfType("document")) ids.push_back(d["doc_id"].get<std::string>());
  return ids;
}

// ---- Text that is not what it should be ---------------------------------------------------------

TEST(BadInputTest, InvalidUtf8InTextIsCodedAndOutputStaysValidUtf8) {
  std::string text =
      std::string("Russian troops \xff\xfe\xc3 attacked Ukraine \xe2\x80. ") + kSentence;
  std::string path = WriteFile("article.txt", text);
  CliRun r = RunCli("code --date 2022-02-24 --emit all " + path);
  ExpectWellFormed(r);  // nlohmann rejects invalid UTF-8: every string in the output is valid
  EXPECT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(r.OfType("document").size(), 1u);
  EXPECT_FALSE(r.OfType("event").empty()) << r.out;
}

TEST(BadInputTest, InvalidUtf8InJsonLineIsAnErrorRecordAndTheRestIsCoded) {
  std::string in = Record("a", kSentence) +
                   "{\"id\": \"bad\", \"text\": \"Russia \xff\xfe attacked Ukraine.\"}\n" +
                   Record("c", kSentence);
  CliRun r = RunCli("code --emit all " + WriteFile("in.jsonl", in));
  ExpectWellFormed(r);
  EXPECT_EQ(r.status, 1) << r.err;
  auto errors = r.OfType("error");
  ASSERT_EQ(errors.size(), 1u) << r.out;
  EXPECT_EQ(errors[0]["line"], 2);
  EXPECT_NE(r.err.find("in.jsonl:2"), std::string::npos) << r.err;
  EXPECT_EQ(DocIds(r), (std::vector<std::string>{"a", "c"}));
}

TEST(BadInputTest, NulBytesInTextAndJsonLines) {
  std::string text = "Russian troops attacked\0 Ukraine.\0\0 "s + kSentence;
  CliRun t = RunCli("code --date 2022-02-24 --emit all " + WriteFile("nul.txt", text));
  ExpectWellFormed(t);
  EXPECT_EQ(t.status, 0) << t.err;
  EXPECT_EQ(t.OfType("document").size(), 1u);

  // A raw NUL inside a JSON string is invalid JSON; an escaped one is valid text.
  std::string in = Record("a", kSentence) + "{\"id\":\"raw\",\"text\":\"x\0y\"}\n"s +
                   Record("escaped", "Russia\0 attacked Ukraine."s) + Record("d", kSentence);
  CliRun j = RunCli("code --emit all " + WriteFile("nul.jsonl", in));
  ExpectWellFormed(j);
  EXPECT_EQ(j.status, 1) << j.err;
  ASSERT_EQ(j.OfType("error").size(), 1u) << j.out;
  EXPECT_EQ(j.OfType("error")[0]["line"], 2);
  EXPECT_EQ(DocIds(j), (std::vector<std::string>{"a", "escaped", "d"}));
}

TEST(BadInputTest, EmptyInputs) {
  CliRun txt = RunCli("code --emit all " + WriteFile("empty.txt", ""));
  ExpectWellFormed(txt);
  EXPECT_EQ(txt.status, 0) << txt.err;
  ASSERT_EQ(txt.OfType("document").size(),
            1u);  // an empty article is a document with nothing in it
  EXPECT_EQ(txt.OfType("document")[0]["sentences"], 0);

  CliRun jsonl = RunCli("code --emit all " + WriteFile("empty.jsonl", ""));
  ExpectWellFormed(jsonl);
  EXPECT_EQ(jsonl.status, 0) << jsonl.err;
  EXPECT_TRUE(jsonl.out.empty()) << jsonl.out;

  CliRun blank = RunCli("code --emit all " + WriteFile("blank.jsonl", "\n  \n\r\n\t\n"));
  ExpectWellFormed(blank);
  EXPECT_EQ(blank.status, 0) << blank.err;  // blank lines are not records
  EXPECT_TRUE(blank.out.empty()) << blank.out;

  CliRun in = RunCli("code --emit all -");  // empty standard input
  ExpectWellFormed(in);
  EXPECT_EQ(in.status, 0) << in.err;
  EXPECT_TRUE(in.out.empty()) << in.out;
}

std::string RandomBytes(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rng() & 0xFF);
  return s;
}

TEST(BadInputTest, BinaryFileAsArticleIsCodedWithoutCrashing) {
  CliRun r = RunCli("code --date 2022-02-24 --emit all " +
                    WriteFile("binary.txt", RandomBytes(1 << 20, 1)));
  ExpectWellFormed(r);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.OfType("document").size(), 1u);
}

TEST(BadInputTest, BinaryFileAsJsonLinesIsReportedLineByLine) {
  std::string bytes = RandomBytes(1 << 20, 2);
  size_t lines = 0;  // non-blank lines: each must be an error record
  for (size_t pos = 0; pos <= bytes.size();) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string::npos) nl = bytes.size();
    std::string line = bytes.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t\r") != std::string::npos) ++lines;
    pos = nl + 1;
  }
  CliRun r = RunCli("code --emit all " + WriteFile("binary.jsonl", bytes));
  ExpectWellFormed(r);
  EXPECT_EQ(r.status, 1) << r.err.substr(0, 500);
  EXPECT_TRUE(r.OfType("document").empty());
  EXPECT_EQ(r.OfType("error").size(), lines);
}

// ---- Broken JSON -----------------------------------------------------------------------------

TEST(BadInputTest, BrokenJsonLinesAreReportedWithTheirLineNumbers) {
  std::vector<std::string> lines = {
      Record("a", kSentence),
      "{\"id\": \"trunc\", \"text\": \"Russia attacked",  // 2 truncated
      "{\"id\": \"b\", \"text\": \"x\"} trailing",        // 3 garbage after the object
      "\"just a string\"",                                // 4 not an object
      "null",                                             // 5
      "{\"id\": \"dup\", \"text\": 1}",                   // 6 text is not a string
      "{\"id\": \"nodate\", \"date\": \"yesterday\", \"text\": \"x\"}",  // 7 bad date
      "{\"id\": [1], \"text\": \"Ukraine accused Russia.\"}",  // 8 odd id: coded, named FILE:LINE
      Record("z", kSentence),
  };
  std::string in;
  for (const std::string& l : lines) in += l.back() == '\n' ? l : l + "\n";
  std::string path = WriteFile("broken.jsonl", in);
  CliRun r = RunCli("code --emit all " + path);
  ExpectWellFormed(r);
  EXPECT_EQ(r.status, 1);
  std::vector<int> error_lines;
  for (const json& e : r.OfType("error")) {
    error_lines.push_back(e["line"].get<int>());
    EXPECT_EQ(e["file"], path);
    EXPECT_FALSE(e["message"].get<std::string>().empty());
    EXPECT_NE(r.err.find(path + ":" + std::to_string(e["line"].get<int>())), std::string::npos)
        << "stderr names the file and line: " << r.err;
  }
  EXPECT_EQ(error_lines, (std::vector<int>{2, 3, 4, 5, 6, 7}));
  ExpectAccounted(r, lines.size());
  std::vector<std::string> ids = DocIds(r);
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids.front(), "a");
  EXPECT_EQ(ids.back(), "z");
}

TEST(BadInputTest, DeeplyNestedJsonDoesNotOverflowTheStack) {
  const size_t kDepth = 100000;
  std::string open(kDepth, '['), close(kDepth, ']');
  std::string in = Record("a", kSentence);
  in += open + "\n";          // 2 unclosed
  in += open + close + "\n";  // 3 valid, not an object
  in += "{\"id\":\"deep\",\"text\":\"" + std::string(kSentence) + "\",\"meta\":" + open + close +
        "}\n";
  in += std::string(kDepth, '{') + "\n";  // 5
  in += Record("z", kSentence);
  CliRun r = RunCli("code --emit all " + WriteFile("nested.jsonl", in));
  ExpectWellFormed(r);
  EXPECT_EQ(r.status, 1) << r.err.substr(0, 2000);
  // Line 4 is a valid object with a text: coded (its meta kept) or reported as too deep, but
  // accounted for either way.
  ExpectAccounted(r, 6);
  std::vector<std::string> ids = DocIds(r);
  ASSERT_GE(ids.size(), 2u);
  EXPECT_EQ(ids.front(), "a");
  EXPECT_EQ(ids.back(), "z");
  for (const json& e : r.OfType("error")) EXPECT_NE(e["line"], 1);
}

// ---- Size ----------------------------------------------------------------------------------

TEST(BadInputTest, FiftyMegabyteSingleLine) {
  const size_t kSize = 50u << 20;
  std::string big;
  big.reserve(kSize + 64);
  while (big.size() < kSize)
    big += "Russian troops near the border and Ukrainian officials ";  // no sentence end
  std::string in = Record("a", kSentence) + Record("big", big) + Record("z", kSentence);
  big.clear();
  big.shrink_to_fit();
  std::string jsonl = WriteFile("big.jsonl", in);
  in.clear();
  in.shrink_to_fit();
  auto start = std::chrono::steady_clock::now();
  CliRun r = RunCli("code --emit all " + jsonl);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::remove(jsonl.c_str());
  ExpectWellFormed(r);
  // The 50 MB record is over max_document_bytes (16 MiB): reported by a long-document warning,
  // not coded (with a larger limit, its one sentence gets a long-sentence warning instead). The
  // records around it are coded either way.
  EXPECT_LE(r.status, 1) << r.err.substr(0, 500);
  ExpectAccounted(r, 3);
  std::vector<std::string> ids = DocIds(r);
  ASSERT_GE(ids.size(), 2u);
  EXPECT_EQ(ids.front(), "a");
  EXPECT_EQ(ids.back(), "z");
  if (ids.size() == 3) {
    bool reported = false;
    for (const json& w : r.OfType("warning"))
      reported |=
          w["doc_id"] == "big" && (w["kind"] == "long-document" || w["kind"] == "long-sentence");
    EXPECT_TRUE(reported) << "a 50 MB record is reported, not coded";
    for (const json& e : r.OfType("event")) EXPECT_NE(e["doc_id"], "big");
  }
  EXPECT_LT(seconds, 120) << "a huge record must not slow everything down";
}

TEST(BadInputTest, FiftyMegabytePlainTextArticle) {
  const size_t kSize = 50u << 20;
  std::string path = TempPath("big.txt");
  {
    std::ofstream out(path, std::ios::binary);
    std::string chunk;
    while (chunk.size() < (1u << 20))
      chunk += "Russian troops near the border and Ukrainian officials ";
    for (size_t written = 0; written < kSize; written += chunk.size()) out << chunk;
  }
  std::string ok = WriteFile("ok.txt", kSentence);
  CliRun r = RunCli("code --date 2022-02-24 --emit all " + path + " " + ok);
  std::remove(path.c_str());
  ExpectWellFormed(r);
  EXPECT_LE(r.status, 1) << r.err.substr(0, 500);
  ExpectAccounted(r, 2);
  ASSERT_FALSE(DocIds(r).empty());
  EXPECT_EQ(DocIds(r).back(), "bad_input_BadInputTest_FiftyMegabytePlainTextArticle_" +
                                  std::to_string(getpid()) + "_ok.txt");
}

TEST(BadInputTest, SentenceLengthLimitIsConfigurable) {
  std::string long_sentence = "Russian troops attacked Ukraine";
  while (long_sentence.size() < 300) long_sentence += " and Ukrainian officials said nothing";
  std::string in = Record("long", long_sentence + ".") + Record("short", kSentence);
  CliRun r = RunCli("code --emit all --set max_sentence_bytes=200 " + WriteFile("in.jsonl", in));
  ExpectWellFormed(r);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(DocIds(r), (std::vector<std::string>{"long", "short"}));
  bool warned = false;
  for (const json& w : r.OfType("warning"))
    warned |= w["doc_id"] == "long" && w["kind"] == "long-sentence";
  EXPECT_TRUE(warned) << r.out;
  for (const json& e : r.OfType("event")) EXPECT_EQ(e["doc_id"], "short");
}

// CoderOptions::max_document_bytes, set with --set max_document_bytes=N: a longer document is
// reported (a long-document warning; an error record would do too), never coded.
TEST(BadInputTest, DocumentSizeLimitIsConfigurable) {
  std::string big(3000, ' ');
  for (size_t i = 0; i + 40 < big.size(); i += 80)
    big.replace(i, 32, "Russian troops attacked Ukraine.");
  std::string in = Record("big", big) + Record("small", kSentence);
  CliRun r = RunCli("code --emit all --set max_document_bytes=1000 " + WriteFile("in.jsonl", in));
  ExpectWellFormed(r);
  EXPECT_LE(r.status, 1) << r.err;
  ExpectAccounted(r, 2);
  bool reported = !r.OfType("error").empty();
  for (const json& w : r.OfType("warning"))
    reported |= w["doc_id"] == "big" && w["kind"] == "long-document";
  EXPECT_TRUE(reported) << r.out;
  for (const json& e : r.OfType("event")) EXPECT_EQ(e["doc_id"], "small");
  EXPECT_FALSE(r.OfType("event").empty());
}

// ---- Dictionaries ------------------------------------------------------------------------------

const char kVerbs[] =
    "--- CONSULT [040] ---\n"
    "MEET\n"
    "- $ * + IN_PRIVATE [04\n"  // line 3: unclosed '['
    "--- ATTACK [190] ---\n"
    "ATTACK\n"
    "--- ACCUSE [112] ---\n"
    "ACCUSE\n";
const char kActors[] =
    "RUSSIA [RUS]\n"
    "+RUSSIAN\n"
    "GONDOR [GON\n"  // line 3: missing ']'
    "UKRAINE [UKR]\n";

TEST(BadInputTest, DictionaryWithABrokenEntryWarnsWithFileAndLineAndStillCodes) {
  std::string verbs = WriteFile("verbs.txt", kVerbs);
  std::string actors = WriteFile("actors.txt", kActors);
  std::string in = WriteFile("in.txt", kSentence);
  CliRun r = RunCli("code --date 2022-02-24 --verbs " + verbs + " --actors " + actors + " " + in);
  ExpectWellFormed(r);
  EXPECT_EQ(r.status, 0) << r.err;  // a broken entry does not make a dictionary unusable
  EXPECT_FALSE(r.OfType("event").empty()) << r.out;
  EXPECT_NE(r.err.find(verbs + ":3"), std::string::npos) << "warning names file:line: " << r.err;
  EXPECT_NE(r.err.find(actors + ":3"), std::string::npos) << "warning names file:line: " << r.err;
}

TEST(BadInputTest, UnusableDictionaryExitsTwoNamingTheFile) {
  std::string verbs = WriteFile("binary-verbs.txt", RandomBytes(4096, 3) + std::string(1, '\0'));
  std::string in = WriteFile("in.txt", kSentence);
  CliRun r = RunCli("code --verbs " + verbs + " " + in);
  ExpectWellFormed(r);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find(verbs + ":"), std::string::npos) << r.err;

  CliRun missing = RunCli("code --actors " + TempPath("no-such-actors.txt") + " " + in);
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("no-such-actors.txt"), std::string::npos) << missing.err;
}

// ---- Files and output ------------------------------------------------------------------------

TEST(BadInputTest, MissingFilesAreReportedAndTheOthersCoded) {
  std::string ok = WriteFile("ok.txt", kSentence);
  std::string ok_jsonl = WriteFile("ok.jsonl", Record("j", kSentence));
  std::string gone_txt = TempPath("gone.txt"), gone_jsonl = TempPath("gone.jsonl");
  CliRun r = RunCli("code --date 2022-02-24 --emit all " + gone_txt + " " + ok + " " + gone_jsonl +
                    " " + ok_jsonl);
  ExpectWellFormed(r);
  EXPECT_EQ(r.status, 1);
  auto errors = r.OfType("error");
  ASSERT_EQ(errors.size(), 2u) << r.out;
  EXPECT_EQ(errors[0]["file"], gone_txt);
  EXPECT_EQ(errors[0]["line"], 0);
  EXPECT_EQ(errors[1]["file"], gone_jsonl);
  EXPECT_NE(r.err.find(gone_txt), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(gone_jsonl), std::string::npos) << r.err;
  EXPECT_EQ(r.OfType("document").size(), 2u);
}

TEST(BadInputTest, UnwritableOutputIsAnErrorWithAMessage) {
  std::string in = WriteFile("in.txt", kSentence);
  std::string out = TempPath("no-such-dir") + "/out.jsonl";
  CliRun r = RunCli("code --date 2022-02-24 --output " + out + " " + in);
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find(out), std::string::npos) << r.err;
}

TEST(BadInputTest, FullDiskIsAnErrorNotAQuietExit) {
  // /dev/full fails every write with ENOSPC: unlike a closed pipe, output was lost.
  std::string in = WriteFile("in.txt", kSentence);
  CliRun r = RunCli("code --date 2022-02-24 " + in + " > /dev/full");
  EXPECT_EQ(r.signal, 0);
  EXPECT_NE(r.status, 0) << "a failed write must not exit 0";
  EXPECT_NE(r.err.find("No space left"), std::string::npos) << r.err;
}

std::string ManyRecords(size_t n) {
  std::string in;
  for (size_t i = 0; i < n; ++i) in += Record("r" + std::to_string(i), kSentence);
  return in;
}

TEST(BadInputTest, ClosedStdoutPipeEndsQuietlyWithStatusZero) {
  std::string jsonl = WriteFile("many.jsonl", ManyRecords(5000));  // megabytes of output
  std::string txt = WriteFile("article.txt", std::string(kSentence) + " " + kSentence);
  const std::string quiet = " --quiet";  // no closing summary
  for (const std::string& input : {jsonl, std::string("- < " + jsonl), txt + " " + jsonl}) {
    std::string err = TempPath("pipe.err");
    std::string cmd = "bash -c 'set -o pipefail; " + std::string(DRAGOMAN_CLI) + " code" + quiet +
                      " --date 2022-02-24 " + input + " 2>" + err +
                      " | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}'";
    FILE* p = popen(cmd.c_str(), "r");
    ASSERT_NE(p, nullptr);
    char buf[64] = {0};
    size_t n = fread(buf, 1, sizeof buf - 1, p);
    pclose(p);
    EXPECT_EQ(std::string(buf, n), "0\n") << input << ": " << ReadFile(err);
    EXPECT_EQ(ReadFile(err), "") << input;
  }
}

// Writes `data` to `fd`, ignoring a reader that went away.
void WriteAll(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

TEST(BadInputTest, SigintMidRunEndsWithWholeRecords) {
  // Standard input is a pipe we control: half the records, then SIGINT once output has started,
  // then the writer goes away (as `cat` does on Ctrl-C).
  std::string out_path = TempPath("out.jsonl"), err_path = TempPath("err.txt");
  int in[2];
  ASSERT_EQ(pipe(in), 0);
  struct sigaction ignore = {}, old = {};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &old);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    dup2(in[0], 0);
    close(in[0]);
    close(in[1]);
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, 1);
    dup2(err, 2);
    signal(SIGPIPE, SIG_DFL);
    execl(DRAGOMAN_CLI, DRAGOMAN_CLI, "code", "--emit", "all", "--threads", "2", "-",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(in[0]);
  WriteAll(in[1], ManyRecords(2000));
  struct stat st = {};
  for (int i = 0; i < 600 && (stat(out_path.c_str(), &st) != 0 || st.st_size == 0); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_GT(st.st_size, 0) << "no output before the interruption";
  kill(pid, SIGINT);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  WriteAll(in[1], ManyRecords(100));
  close(in[1]);
  int wait_status = 0;
  waitpid(pid, &wait_status, 0);
  sigaction(SIGPIPE, &old, nullptr);

  CliRun r;
  Decode(wait_status, &r);
  r.out = ReadFile(out_path);
  r.err = ReadFile(err_path);
  ParseOutput(&r);
  ExpectWellFormed(r);                // no half-written record
  EXPECT_EQ(r.status, 130) << r.err;  // 128 + SIGINT, as shells report an interrupted command
  EXPECT_FALSE(r.err.empty()) << "an interrupted run says so";
  // The documents written are exactly the first N records, in order.
  std::vector<std::string> ids = DocIds(r);
  ASSERT_FALSE(ids.empty());
  for (size_t i = 0; i < ids.size(); ++i) ASSERT_EQ(ids[i], "r" + std::to_string(i));
}

}  // namespace
}  // namespace dragoman
