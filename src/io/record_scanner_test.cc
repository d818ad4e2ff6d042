// The fast record scanner against the full JSON parser: whatever it accepts, nlohmann reads the
// same way; whatever is unusual, it leaves to nlohmann.
#include "io/record_scanner.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace dragoman::io {
namespace {

// Accepted: the same three members as the full parser, and nothing else.
void ExpectAgrees(const std::string& line) {
  SimpleRecord r;
  ASSERT_TRUE(ScanSimpleRecord(line, &r)) << line;
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  ASSERT_TRUE(j.is_object()) << line;
  EXPECT_EQ(j.size(), size_t{r.has_id} + r.has_date + r.has_text) << line;
  if (r.has_text) EXPECT_EQ(j["text"].get<std::string>(), r.text) << line;
  if (r.has_id) EXPECT_EQ(j["id"].get<std::string>(), r.id) << line;
  if (r.has_date) EXPECT_EQ(j["date"].get<std::string>(), r.date) << line;
}

TEST(RecordScannerTest, PlainRecordsAgreeWithTheFullParser) {
  for (const std::string line : std::vector<std::string>{
           R"({"id": "A1", "date": "2022-02-24", "text": "Russia attacked Ukraine."})",
           R"(  {"text":"x","id":"B","date":"2020-01-01"}  )",
           "{\"text\": \"tab\\there \\\"quoted\\\" back\\\\slash \\/ \\b\\f\\n\\r\"}",
           R"({"text": "caf\u00e9 \u20ac \ud83d\ude00 \u0041"})",
           "{\"text\": \"UTF-8 as is: café — “quotes” 😀\"}",
           R"({"text": ""})",
           R"({})",
       })
    ExpectAgrees(line);
}

TEST(RecordScannerTest, AnythingUnusualIsLeftToTheFullParser) {
  for (const std::string line : std::vector<std::string>{
           R"({"id": 7, "text": "a number id"})",
           R"({"text": "x", "source": "meta goes to the full parser"})",
           R"({"text": "x", "text": "repeated"})",
           R"({"text": "lone \udc00 low surrogate"})",
           R"({"text": "high \ud83d alone"})",
           R"({"text": "bad \x escape"})",
           "{\"text\": \"control \x01 character\"}",
           "{\"text\": \"invalid \xff UTF-8\"}",
           "\xEF\xBB\xBF{\"text\": \"byte order mark\"}",
           R"({"text": "x"} trailing)",
           R"({"text": "x",})",
           R"({"text" "x"})",
           R"([{"text": "x"}])",
           R"({"text": "unterminated)",
           "",
       }) {
    SimpleRecord r;
    EXPECT_FALSE(ScanSimpleRecord(line, &r)) << line;
  }
}

// The plain runs are scanned sixteen and eight bytes at a time: every byte that stops a run (a
// quote, a backslash, a control character) and every high byte, at every position of a word and
// near its edges, must be seen exactly as the full parser sees it.
TEST(RecordScannerTest, StopBytesAtEveryOffsetOfAWord) {
  const std::vector<std::string> stops = {"\\\"", "\\\\", "\\n", "\\u00e9", "é", "€",
                                          "\x7f", " ", "!", "#", "[", "]"};
  for (const std::string& stop : stops) {
    for (size_t before = 0; before < 40; ++before) {
      for (size_t after : {size_t{0}, size_t{1}, size_t{7}, size_t{8}, size_t{9}, size_t{17}}) {
        std::string text = std::string(before, 'a') + stop + std::string(after, 'b');
        ExpectAgrees("{\"text\": \"" + text + "\", \"id\": \"" + text + "\"}");
      }
    }
  }
  // Refused wherever they sit: a raw control character, an invalid byte.
  for (const std::string bad : {std::string("\x01"), std::string("\x1f"), std::string("\t"),
                                std::string("\xff"), std::string("\xc3")}) {
    for (size_t before = 0; before < 40; ++before) {
      std::string line = "{\"text\": \"" + std::string(before, 'a') + bad + "zzzzzzzzz\"}";
      SimpleRecord r;
      EXPECT_FALSE(ScanSimpleRecord(line, &r)) << before;
    }
  }
}

}  // namespace
}  // namespace dragoman::io
