// End-to-end tests of corpus runs (`dragoman code` over many documents): byte-identical output at
// any thread count, every input record accounted for, compressed and directory input, each
// --format parsed back, --dedup, and interruption: SIGINT mid-run leaves whole records only, and
// --resume after it (or after a simulated kill that left a partial record) gives exactly the
// output of an uninterrupted run.
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace dragoman {
namespace {

// A unique scratch path for this test (ctest runs tests as parallel processes).
std::string Scratch(const std::string& name) {
  std::string dir = ::testing::TempDir() + "/pipeline_" +
                    ::testing::UnitTest::GetInstance()->current_test_info()->name();
  ::mkdir(dir.c_str(), 0777);
  return dir + "/" + name;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// "" when equal, else the first line where `got` differs from `want`, for the failure message.
std::string FirstDifference(const std::string& got, const std::string& want) {
  if (got == want) return "";
  size_t i = 0;
  while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
  size_t line_start = want.rfind('\n', i == 0 ? 0 : i - 1);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  auto line_at = [&](const std::string& s) {
    size_t end = s.find('\n', line_start);
    return line_start >= s.size() ? std::string("<end>") : s.substr(line_start, end - line_start);
  };
  return "at byte " + std::to_string(i) + "\n got: " + line_at(got) + "\nwant: " + line_at(want);
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

bool Exists(const std::string& path) { return ::access(path.c_str(), F_OK) == 0; }

struct CliRun {
  int status = -1;
  std::string out;
};

// Runs the CLI with `args` (shell words); standard error is discarded.
CliRun Cli(const std::string& args) {
  std::string cmd = std::string(DRAGOMAN_CLI) + " " + args + " 2>/dev/null";
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

std::vector<nlohmann::json> Records(const std::string& out) {
  std::vector<nlohmann::json> records;
  for (const std::string& line : Lines(out)) records.push_back(nlohmann::json::parse(line));
  return records;
}

size_t CountType(const std::vector<nlohmann::json>& records, const std::string& type) {
  size_t n = 0;
  for (const auto& r : records) n += r.value("type", "") == type;
  return n;
}

// A generated corpus: `documents` JSON Lines news items built from templates the built-in
// dictionaries code, on a handful of dates (so that --dedup day has work), with a bad record
// every 41 lines (3 kinds) and a blank line every 97.
struct Corpus {
  std::string text;
  size_t documents = 0;
  size_t bad = 0;
  size_t lines = 0;  // non-blank lines
};

Corpus MakeCorpus(size_t documents) {
  static const char* const kActors[] = {"Russia", "Ukraine", "China", "The United States",
                                        "France", "Germany", "Iran", "Israel", "Japan", "India",
                                        "Turkey", "Egypt"};
  static const char* const kVerbs[] = {"accused %s of war crimes", "met officials from %s",
                                       "attacked %s", "praised %s", "threatened %s",
                                       "signed an agreement with %s", "criticized %s",
                                       "expelled diplomats from %s", "condemned %s",
                                       "sent aid to %s"};
  Corpus c;
  uint64_t state = 12345;
  auto next = [&](uint64_t n) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (state >> 33) % n;
  };
  size_t line = 0;
  while (c.documents < documents) {
    ++line;
    if (line % 97 == 0) {
      c.text += "\n";
      continue;
    }
    ++c.lines;
    if (line % 41 == 0) {
      ++c.bad;
      switch (line / 41 % 3) {
        case 0: c.text += "{not json\n"; break;
        case 1: c.text += "{\"id\": \"x" + std::to_string(line) + "\", \"text\": 7}\n"; break;
        default:
          c.text += "{\"id\": \"y" + std::to_string(line) +
                    "\", \"date\": \"2020-02-31\", \"text\": \"Russia attacked Ukraine.\"}\n";
      }
      continue;
    }
    std::string text;
    size_t sentences = 1 + next(4);
    for (size_t s = 0; s < sentences; ++s) {
      char verb[128];
      std::snprintf(verb, sizeof verb, kVerbs[next(10)], kActors[next(12)]);
      text += std::string(s ? " " : "") + kActors[next(12)] + " " + verb + " on Monday.";
    }
    char date[16];
    std::snprintf(date, sizeof date, "2022-03-%02d", static_cast<int>(1 + next(3)));
    nlohmann::json j = {{"id", "G" + std::to_string(c.documents + 1)},
                        {"date", date},
                        {"text", text},
                        {"url", "https://example.org/" + std::to_string(line)}};
    c.text += j.dump() + "\n";
    ++c.documents;
  }
  return c;
}

TEST(PipelineTest, SameBytesAtAnyThreadCountAndEveryRecordAccountedFor) {
  Corpus corpus = MakeCorpus(900);
  std::string input = Scratch("corpus.jsonl");
  WriteFile(input, corpus.text);
  CliRun one = Cli("code --quiet --emit all --threads 1 " + input);
  EXPECT_EQ(one.status, 1);  // the bad records
  for (int threads : {2, 4, 7}) {
    CliRun r = Cli("code --quiet --emit all --threads " + std::to_string(threads) + " " + input);
    EXPECT_EQ(r.status, 1);
    EXPECT_TRUE(r.out == one.out) << "output differs at --threads " << threads;
  }
  auto records = Records(one.out);
  EXPECT_EQ(CountType(records, "document"), corpus.documents);
  EXPECT_EQ(CountType(records, "error"), corpus.bad);
  EXPECT_EQ(CountType(records, "document") + CountType(records, "error"), corpus.lines);
  EXPECT_GT(CountType(records, "event"), corpus.documents / 2);
  // Records come in input order.
  std::vector<std::string> ids;
  for (const auto& r : records)
    if (r["type"] == "document") ids.push_back(r["doc_id"]);
  for (size_t i = 0; i < ids.size(); ++i) ASSERT_EQ(ids[i], "G" + std::to_string(i + 1));
  // Other formats are deterministic too.
  for (const char* format : {"csv", "gdelt"}) {
    CliRun a = Cli(std::string("code --quiet --threads 1 --format ") + format + " " + input);
    CliRun b = Cli(std::string("code --quiet --threads 3 --format ") + format + " " + input);
    EXPECT_TRUE(a.out == b.out) << format;
  }
}

void Gzip(const std::string& path, const std::string& content, size_t members) {
  gzFile f = gzopen(path.c_str(), "wb");
  size_t part = content.size() / members + 1;
  gzwrite(f, content.data(), static_cast<unsigned>(std::min(part, content.size())));
  gzclose(f);
  // Further members appended, as `cat a.gz b.gz` would.
  for (size_t offset = part; offset < content.size(); offset += part) {
    gzFile g = gzopen(path.c_str(), "ab");
    gzwrite(g, content.data() + offset, static_cast<unsigned>(std::min(part, content.size() - offset)));
    gzclose(g);
  }
}

std::string Zstd(const std::string& content) {
  std::string out(ZSTD_compressBound(content.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), content.data(), content.size(), 3);
  out.resize(n);
  return out;
}

TEST(PipelineTest, GzipZstdDirectoriesAndStandardInputGiveTheSameRecords) {
  Corpus corpus = MakeCorpus(300);
  std::string plain = Scratch("plain.jsonl");
  WriteFile(plain, corpus.text);
  CliRun reference = Cli("code --quiet --emit all " + plain);
  ASSERT_FALSE(reference.out.empty());

  std::string gz = Scratch("corpus.jsonl.gz");
  Gzip(gz, corpus.text, 3);
  std::string zst = Scratch("corpus.jsonl.zst");
  WriteFile(zst, Zstd(corpus.text));
  // Error records name the file, so compare everything else.
  auto without_errors = [](const std::string& out) {
    std::string kept;
    for (const std::string& line : Lines(out))
      if (line.find("\"type\":\"error\"") == std::string::npos) kept += line + "\n";
    return kept;
  };
  EXPECT_EQ(without_errors(Cli("code --quiet --emit all " + gz).out), without_errors(reference.out));
  EXPECT_EQ(without_errors(Cli("code --quiet --emit all " + zst).out), without_errors(reference.out));
  // Standard input, compression recognised by its magic bytes.
  EXPECT_EQ(without_errors(Cli("code --quiet --emit all - < " + zst).out),
            without_errors(reference.out));
  EXPECT_EQ(without_errors(Cli("code --quiet --emit all < " + gz).out),
            without_errors(reference.out));

  // A directory: recursive, sorted, .txt and .jsonl (compressed or not), hidden names skipped.
  std::string dir = Scratch("dir");
  ::mkdir(dir.c_str(), 0777);
  ::mkdir((dir + "/b").c_str(), 0777);
  ::mkdir((dir + "/.git").c_str(), 0777);
  WriteFile(dir + "/b/2.jsonl", "{\"id\": \"two\", \"text\": \"Russia attacked Ukraine.\"}\n");
  WriteFile(dir + "/.git/x.jsonl", "{\"id\": \"hidden\", \"text\": \"Russia attacked Ukraine.\"}\n");
  WriteFile(dir + "/notes.md", "Russia attacked Ukraine.");
  Gzip(dir + "/a.txt.gz", "March 3, 2023\n\nRussian troops attacked Ukraine.\n", 1);
  WriteFile(dir + "/c.jsonl.zst",
            Zstd("{\"id\": \"three\", \"text\": \"China criticized Japan.\"}\n"));
  CliRun r = Cli("code --quiet --emit all " + dir);
  EXPECT_EQ(r.status, 0) << r.out;
  std::vector<std::string> ids;
  for (const auto& j : Records(r.out))
    if (j["type"] == "document") ids.push_back(j["doc_id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"a.txt", "two", "three"}));
}

TEST(PipelineTest, UnreadableInputIsAnErrorRecordNamingFileAndLine) {
  Corpus corpus = MakeCorpus(2000);  // more than one zstd block (128 KiB)
  std::string good = Scratch("good.jsonl");
  WriteFile(good, corpus.text);
  // A gzip file cut in the middle: the lines before the cut are coded, then one error record.
  std::string gz = Scratch("cut.jsonl.gz");
  Gzip(gz, corpus.text, 1);
  std::string bytes = ReadFile(gz);
  WriteFile(gz, bytes.substr(0, bytes.size() / 2));
  std::string zst = Scratch("cut.jsonl.zst");
  std::string z = Zstd(corpus.text);
  WriteFile(zst, z.substr(0, z.size() - 10));
  CliRun r = Cli("code --quiet --emit all " + gz + " " + zst + " /nonexistent.jsonl " + good);
  EXPECT_EQ(r.status, 1);
  auto records = Records(r.out);
  std::vector<nlohmann::json> errors;
  for (const auto& j : records)
    if (j["type"] == "error" && j["message"].get<std::string>().find("JSON") == std::string::npos &&
        j["message"].get<std::string>().find("text") == std::string::npos &&
        j["message"].get<std::string>().find("date") == std::string::npos)
      errors.push_back(j);
  ASSERT_EQ(errors.size(), 3u) << r.out.substr(0, 2000);
  EXPECT_EQ(errors[0]["file"], gz);
  EXPECT_GT(errors[0]["line"].get<int>(), 1);
  EXPECT_EQ(errors[1]["file"], zst);
  EXPECT_GT(errors[1]["line"].get<int>(), 1);
  EXPECT_EQ(errors[2]["file"], "/nonexistent.jsonl");
  EXPECT_EQ(errors[2]["line"], 0);
  // The good file after them is read whole.
  EXPECT_NE(r.out.find("\"doc_id\":\"G2000\""), std::string::npos);
}

// A minimal RFC 4180 reader: rows of fields.
std::vector<std::vector<std::string>> ParseCsv(const std::string& s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, in_row = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field), field.clear();
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      rows.back().push_back(field), field.clear();
      rows.emplace_back();
      ++i;
      in_row = false;
      continue;
    } else {
      field += c;
    }
    in_row = true;
  }
  if (in_row) rows.back().push_back(field);
  else rows.pop_back();
  return rows;
}

TEST(PipelineTest, EveryFormatParsesBackWithOneRowPerEvent) {
  Corpus corpus = MakeCorpus(200);
  std::string input = Scratch("in.jsonl");
  // One record whose fields need CSV quoting and TSV cleaning.
  WriteFile(input, corpus.text +
                       "{\"id\": \"q,\\\"x\\\"\\tz\", \"date\": \"2022-03-01\", \"text\": \"Russia "
                       "attacked Ukraine, \\\"again\\\".\"}\n");
  auto events = Records(Cli("code --quiet " + input).out);
  size_t n = CountType(events, "event");
  ASSERT_GT(n, 100u);
  size_t plover = 0;
  for (const auto& e : events)
    if (e["type"] == "event" && !e["plover"].is_null() && e["plover"]["event"] != "") ++plover;

  // CSV: a header and one row per event, all of the same width.
  auto rows = ParseCsv(Cli("code --quiet --format csv " + input).out);
  ASSERT_EQ(rows.size(), n + 1);
  for (const auto& row : rows) ASSERT_EQ(row.size(), rows[0].size());
  EXPECT_EQ(rows[0][0], "event_id");
  EXPECT_EQ(rows.back()[1], "q,\"x\"\tz");

  // GDELT and Phoenix TSV: a header and one row per event, no stray tabs or line breaks.
  for (const char* format : {"gdelt", "phoenix"}) {
    auto lines = Lines(Cli(std::string("code --quiet --format ") + format + " " + input).out);
    ASSERT_EQ(lines.size(), n + 1) << format;
    size_t width = std::count(lines[0].begin(), lines[0].end(), '\t');
    for (const std::string& l : lines) ASSERT_EQ(std::count(l.begin(), l.end(), '\t'), width) << l;
  }
  // PLOVER: one JSON record per event with a PLOVER category, with the manual's fields.
  auto plover_records = Records(Cli("code --quiet --format plover " + input).out);
  EXPECT_EQ(plover_records.size(), plover);
  for (const auto& p : plover_records) {
    for (const char* key : {"id", "date", "actor", "recipient", "event", "quad_code"})
      ASSERT_TRUE(p.contains(key)) << key;
    EXPECT_EQ(p["event"].size(), 1u);
    EXPECT_GE(p["quad_code"].get<int>(), 1);
  }

  // SQLite: the four tables, queryable, consistent with the JSON Lines output.
  std::string db_path = Scratch("out.sqlite");
  CliRun r = Cli("code --quiet --format sqlite --output " + db_path + " " + input);
  EXPECT_EQ(r.status, 1);  // the corpus's bad records
  EXPECT_TRUE(r.out.empty());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  auto count = [&](const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), SQLITE_OK) << sql;
    int64_t v = -1;
    if (stmt && sqlite3_step(stmt) == SQLITE_ROW) v = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return v;
  };
  EXPECT_EQ(count("SELECT count(*) FROM events"), static_cast<int64_t>(n));
  EXPECT_EQ(count("SELECT count(*) FROM documents"), static_cast<int64_t>(corpus.documents + 1));
  EXPECT_EQ(count("SELECT count(*) FROM errors"), static_cast<int64_t>(corpus.bad));
  EXPECT_EQ(count("SELECT count(*) FROM entities WHERE role = 'source'"), static_cast<int64_t>(n));
  EXPECT_EQ(count("SELECT count(*) FROM events e JOIN documents d ON e.document = d.id "
                  "JOIN entities s ON s.event = e.id AND s.role = 'source'"),
            static_cast<int64_t>(n));
  EXPECT_GE(count("SELECT count(*) FROM quotes"), 0);
  EXPECT_EQ(count("SELECT sum(events) FROM documents"), static_cast<int64_t>(n));
  EXPECT_EQ(count("SELECT value FROM run WHERE key = 'complete'"), 1);
  EXPECT_GE(count("SELECT count(*) FROM sqlite_master WHERE type = 'index'"), 8);
  sqlite3_close(db);
  EXPECT_EQ(Cli("code --quiet --format sqlite " + input).status, 2);  // needs --output
}

TEST(PipelineTest, DedupDayKeepsOneEventPerDaySourceTargetCode) {
  Corpus corpus = MakeCorpus(400);
  std::string input = Scratch("in.jsonl");
  WriteFile(input, corpus.text);
  auto all = Records(Cli("code --quiet " + input).out);
  auto story = Records(Cli("code --quiet --dedup story " + input).out);
  auto day = Records(Cli("code --quiet --dedup day --threads 3 " + input).out);
  EXPECT_EQ(Cli("code --quiet --dedup day --threads 1 " + input).out,
            Cli("code --quiet --dedup day --threads 4 " + input).out);
  EXPECT_EQ(all.size(), story.size());  // the coder already keeps one per story
  std::set<std::string> keys, seen;
  for (const auto& e : all) {
    if (e["type"] != "event") continue;
    keys.insert(e["date"].get<std::string>() + "|" + e["source"]["code"].get<std::string>() + "|" +
                (e["target"].is_null() ? "" : e["target"]["code"].get<std::string>()) + "|" +
                e["cameo"].get<std::string>());
  }
  for (const auto& e : day) {
    if (e["type"] != "event") continue;
    std::string key = e["date"].get<std::string>() + "|" + e["source"]["code"].get<std::string>() +
                      "|" + (e["target"].is_null() ? "" : e["target"]["code"].get<std::string>()) +
                      "|" + e["cameo"].get<std::string>();
    EXPECT_TRUE(seen.insert(key).second) << key;
  }
  EXPECT_EQ(seen, keys);
  EXPECT_LT(CountType(day, "event"), CountType(all, "event"));
}

// Starts the CLI reading `fifo`, feeds it `head` lines, interrupts it with SIGINT, then offers the
// rest. Returns the exit status.
int RunInterrupted(const std::string& args, const std::string& fifo,
                   const std::vector<std::string>& lines, size_t head) {
  ::signal(SIGPIPE, SIG_IGN);
  ::unlink(fifo.c_str());
  if (::mkfifo(fifo.c_str(), 0666) != 0) return -1;
  pid_t pid = ::fork();
  if (pid == 0) {
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    std::string cmd = std::string("exec ") + DRAGOMAN_CLI + " " + args;
    ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Blocks until the run opens its input, after it has installed its SIGINT handler.
  int fd = ::open(fifo.c_str(), O_WRONLY);
  auto feed = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      std::string l = lines[i] + "\n";
      if (::write(fd, l.data(), l.size()) < 0) return;
    }
  };
  feed(0, head);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ::kill(pid, SIGINT);
  // The handler runs when the kernel next schedules a thread of the run, which on a busy machine
  // can come after the rest of the input was fed and read (the run then ends normally); a pause
  // lets it run first.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  feed(head, lines.size());
  ::close(fd);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::unlink(fifo.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(PipelineTest, SigintLeavesWholeRecordsAndResumeCompletesTheSameOutput) {
  Corpus corpus = MakeCorpus(3000);
  std::vector<std::string> lines = Lines(corpus.text);
  std::string input = Scratch("in.jsonl");
  for (const char* format : {"jsonl", "csv"}) {
    SCOPED_TRACE(format);
    std::string ext = std::string(".") + format;
    std::string common = std::string("code --quiet --emit all --threads 2 --format ") + format + " ";
    // The uninterrupted run, from a regular file at the path the interrupted run reads.
    WriteFile(input, corpus.text);
    std::string reference = Scratch(std::string("reference") + ext);
    ASSERT_EQ(Cli(common + "--output " + reference + " " + input).status, 1);
    EXPECT_FALSE(Exists(reference + ".progress"));  // removed when complete

    std::string output = Scratch(std::string("interrupted") + ext);
    ::unlink(input.c_str());
    int status = RunInterrupted(common + "--output " + output + " " + input, input, lines,
                                lines.size() / 3);
    EXPECT_EQ(status, 130);
    ASSERT_TRUE(Exists(output + ".progress"));
    if (std::string(format) == "jsonl") {
      // Whole records only, and as many document/error records as the progress file counts.
      std::string partial = ReadFile(output);
      ASSERT_FALSE(partial.empty());
      EXPECT_EQ(partial.back(), '\n');
      auto records = Records(partial);
      size_t counted = CountType(records, "document") + CountType(records, "error");
      EXPECT_LT(counted, corpus.lines);
      EXPECT_NE(ReadFile(output + ".progress").find("\nrecords " + std::to_string(counted) + "\n"),
                std::string::npos);
    }
    // Resume from the same (now regular) input file.
    WriteFile(input, corpus.text);
    EXPECT_EQ(Cli(common + "--output " + output + " --resume " + input).status, 1);
    EXPECT_TRUE(ReadFile(output) == ReadFile(reference));
    EXPECT_FALSE(Exists(output + ".progress"));
  }
}

TEST(PipelineTest, SqliteResumeGivesTheSameRows) {
  Corpus corpus = MakeCorpus(2000);
  std::vector<std::string> lines = Lines(corpus.text);
  std::string input = Scratch("in.jsonl");
  std::string common = "code --quiet --threads 2 --dedup day --format sqlite ";
  WriteFile(input, corpus.text);
  std::string reference = Scratch("reference.sqlite");
  ASSERT_EQ(Cli(common + "--output " + reference + " " + input).status, 1);
  std::string output = Scratch("resumed.sqlite");
  ::unlink(input.c_str());
  EXPECT_EQ(RunInterrupted(common + "--output " + output + " " + input, input, lines,
                           lines.size() / 2),
            130);
  WriteFile(input, corpus.text);
  // Other options: refused.
  EXPECT_EQ(Cli("code --quiet --format sqlite --output " + output + " --resume " + input).status, 2);
  EXPECT_EQ(Cli(common + "--output " + output + " --resume " + input).status, 1);

  auto dump = [](const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::string out;
    for (const char* table : {"documents", "events", "entities", "quotes", "errors"}) {
      sqlite3_stmt* stmt = nullptr;
      std::string sql = std::string("SELECT * FROM ") + table + " ORDER BY id";
      if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return out;
      while (sqlite3_step(stmt) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
          const unsigned char* v = sqlite3_column_text(stmt, c);
          out += v ? reinterpret_cast<const char*>(v) : "NULL";
          out += '\t';
        }
        out += '\n';
      }
      sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return out;
  };
  std::string a = dump(reference), b = dump(output);
  EXPECT_GT(a.size(), 1000u);
  EXPECT_TRUE(a == b);
}

// A kill in the middle of a write leaves a partial record after the last checkpoint; --resume
// cuts it and continues. Simulated by cutting a finished output back to a checkpoint by hand.
TEST(PipelineTest, ResumeCutsAPartialRecordAfterTheCheckpoint) {
  Corpus corpus = MakeCorpus(500);
  std::string input = Scratch("in.jsonl");
  WriteFile(input, corpus.text);
  std::string args = "code --quiet --emit all --dedup day ";
  std::string reference = Scratch("reference.jsonl");
  ASSERT_EQ(Cli(args + "--output " + reference + " " + input).status, 1);
  std::string full = ReadFile(reference);
  // The identity of this command, from a run interrupted before it read anything.
  std::string output = Scratch("out.jsonl");
  std::vector<std::string> lines = Lines(corpus.text);
  ::unlink(input.c_str());
  EXPECT_EQ(RunInterrupted(args + "--output " + output + " " + input, input, lines, 0), 130);
  std::string progress = ReadFile(output + ".progress");
  size_t at = progress.find("identity ");
  ASSERT_NE(at, std::string::npos);
  std::string identity = progress.substr(at + 9, progress.find('\n', at) - at - 9);
  WriteFile(input, corpus.text);

  for (size_t cut : {size_t{0}, size_t{1}, size_t{137}, size_t{250}, corpus.lines - 1}) {
    SCOPED_TRACE(cut);
    // The output up to the end of input record `cut`, counting what a checkpoint counts.
    size_t records = 0, documents = 0, errors = 0, events = 0, bytes = 0;
    for (const std::string& line : Lines(full)) {
      auto j = nlohmann::json::parse(line);
      bool starts_record = j["type"] == "document" || j["type"] == "error";
      if (starts_record && records == cut) break;
      if (starts_record) ++records;
      documents += j["type"] == "document";
      errors += j["type"] == "error";
      events += j["type"] == "event";
      bytes += line.size() + 1;
    }
    WriteFile(output, full.substr(0, bytes) + "{\"type\":\"event\",\"doc_id\":\"G");
    WriteFile(output + ".progress",
              "dragoman-progress 1\nidentity " + identity + "\nrecords " + std::to_string(records) +
                  "\ndocuments " + std::to_string(documents) + "\nerrors " +
                  std::to_string(errors) + "\nevents " + std::to_string(events) + "\nbytes " +
                  std::to_string(bytes) + "\n");
    EXPECT_EQ(Cli(args + "--threads 3 --output " + output + " --resume " + input).status, 1);
    EXPECT_EQ(FirstDifference(ReadFile(output), full), "");
  }
  // Nothing to resume, or another command: refused with status 2.
  EXPECT_EQ(Cli(args + "--output " + output + " --resume " + input).status, 2);
  WriteFile(output + ".progress", "dragoman-progress 1\nidentity 0\nrecords 0\ndocuments 0\n"
                                  "errors 0\nevents 0\nbytes 0\n");
  EXPECT_EQ(Cli(args + "--output " + output + " --resume " + input).status, 2);
  EXPECT_EQ(Cli("code --resume " + input).status, 2);  // needs --output
}

}  // namespace
}  // namespace dragoman
