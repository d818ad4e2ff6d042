#include "dragoman/cameo.h"

#include <gtest/gtest.h>

#include <string>

namespace dragoman {
namespace {

const char* const kTablePath = DRAGOMAN_SOURCE_DIR "/data/cameo.tsv";

class CameoTableTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<CameoTable> loaded = CameoTable::Load(kTablePath);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    table_ = new CameoTable(std::move(loaded).value());
  }
  static void TearDownTestSuite() {
    delete table_;
    table_ = nullptr;
  }
  static const CameoTable& table() { return *table_; }
  static CameoTable* table_;
};
CameoTable* CameoTableTest::table_ = nullptr;

constexpr char kHeader[] =
    "code\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\tplover_context\n";

TEST_F(CameoTableTest, HasAllCodes) { EXPECT_EQ(table().size(), 318u); }

TEST_F(CameoTableTest, HostAVisit) {
  const CameoInfo* info = table().Find("043");
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->code, "043");
  EXPECT_EQ(info->name, "Host a visit");
  EXPECT_DOUBLE_EQ(info->goldstein, 2.8);
  EXPECT_EQ(info->quad_class, 1);
  EXPECT_EQ(info->plover_event, "CONSULT");
  EXPECT_EQ(info->plover_mode, "visit");
  EXPECT_EQ(info->plover_context, "");
}

TEST_F(CameoTableTest, ConventionalForceIsMaterialConflict) {
  const CameoInfo* info = table().Find("190");
  ASSERT_NE(info, nullptr);
  EXPECT_DOUBLE_EQ(info->goldstein, -10.0);
  EXPECT_EQ(info->quad_class, 4);
  EXPECT_EQ(info->plover_event, "ASSAULT");
  EXPECT_EQ(info->plover_mode, "");
  EXPECT_EQ(info->plover_context, "military");
}

TEST_F(CameoTableTest, RootRejectIsVerbalConflict) {
  const CameoInfo* info = table().Find("12");
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->name, "REJECT");
  EXPECT_DOUBLE_EQ(info->goldstein, -4.0);
  EXPECT_EQ(info->quad_class, 3);
  EXPECT_EQ(info->plover_event, "REJECT");
}

TEST_F(CameoTableTest, GoldsteinFallsBackToPhoenixWhereGdeltLacksTheCode) {
  const CameoInfo* reject_judicial = table().Find("1213");  // not in GDELT's table
  ASSERT_NE(reject_judicial, nullptr);
  EXPECT_EQ(reject_judicial->code, "1213");
  EXPECT_DOUBLE_EQ(reject_judicial->goldstein, -4.0);
  EXPECT_EQ(reject_judicial->plover_mode, "assist");
  EXPECT_EQ(reject_judicial->plover_context, "legal");
  const CameoInfo* phoenix_only = table().Find("0110");
  ASSERT_NE(phoenix_only, nullptr);
  EXPECT_EQ(phoenix_only->code, "0110");
  EXPECT_DOUBLE_EQ(phoenix_only->goldstein, -0.1);
  EXPECT_EQ(phoenix_only->name, "");  // no source names it
}

TEST_F(CameoTableTest, RootsOneAndTwoHaveNoPloverEvent) {
  EXPECT_EQ(table().Find("010")->plover_event, "");
  EXPECT_EQ(table().Find("020")->plover_event, "");
  EXPECT_EQ(table().Find("0871")->plover_event, "RETREAT");
}

TEST_F(CameoTableTest, QuadClassFollowsTheRootForEveryCode) {
  for (int root = 1; root <= 20; ++root) {
    std::string code = (root < 10 ? "0" : "") + std::to_string(root);
    const CameoInfo* info = table().Find(code);
    ASSERT_NE(info, nullptr) << code;
    int expected = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
    EXPECT_EQ(info->quad_class, expected) << code;
  }
}

TEST_F(CameoTableTest, FindFallsBackToParents) {
  const CameoInfo* info = table().Find("0431");  // not a CAMEO code
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->code, "043");
  info = table().Find("0499");
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->code, "04");
  info = table().Find("075A");  // TABARI lettered variant
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->code, "075");
  info = table().Find("1641");  // present itself: no fallback
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->code, "1641");
}

TEST_F(CameoTableTest, FindRejectsNonCodes) {
  EXPECT_EQ(table().Find(""), nullptr);
  EXPECT_EQ(table().Find("---"), nullptr);
  EXPECT_EQ(table().Find("21"), nullptr);
  EXPECT_EQ(table().Find("9"), nullptr);
  EXPECT_EQ(table().Find("ABC"), nullptr);
}

TEST(CameoTableParseTest, ParsesCommentsHeaderAndCrLf) {
  std::string text = std::string("# comment\r\n\r\n") + kHeader +
                     "04\tCONSULT\t1.0\t1\tCONSULT\t\t\r\n"
                     "# another\n"
                     "042\tMake a visit\t+1.9\t1\tCONSULT\tvisit\t\n";
  Result<CameoTable> t = CameoTable::Parse(text, "mini.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->size(), 2u);
  ASSERT_NE(t->Find("042"), nullptr);
  EXPECT_DOUBLE_EQ(t->Find("042")->goldstein, 1.9);
  EXPECT_EQ(t->Find("042")->plover_mode, "visit");
  EXPECT_EQ(t->Find("045")->code, "04");
}

TEST(CameoTableParseTest, MalformedLinesNameFileAndLine) {
  struct Case {
    std::string body;
    std::string message;
  } cases[] = {
      {std::string(kHeader) + "04\tCONSULT\t1.0\n", "t.tsv:2: expected 7 tab-separated fields"},
      {std::string(kHeader) + "04\tCONSULT\tx\t1\t\t\t\n", "t.tsv:2: bad Goldstein score 'x'"},
      {std::string(kHeader) + "04\tCONSULT\t11\t1\t\t\t\n", "t.tsv:2: bad Goldstein score '11'"},
      {std::string(kHeader) + "04\tCONSULT\t1\t5\t\t\t\n", "t.tsv:2: bad quad class '5'"},
      {std::string(kHeader) + "4A\tCONSULT\t1\t1\t\t\t\n", "t.tsv:2: bad CAMEO code '4A'"},
      {std::string(kHeader) + "04\ta\t1\t1\t\t\t\n04\tb\t1\t1\t\t\t\n",
       "t.tsv:3: code 04 listed twice"},
      {"# only a comment\ncode\tname\n", "t.tsv:2: header must have the 7 columns"},
      {"", "t.tsv: no header line"},
  };
  for (const Case& c : cases) {
    Result<CameoTable> t = CameoTable::Parse(c.body, "t.tsv");
    ASSERT_FALSE(t.ok()) << c.body;
    EXPECT_EQ(t.status().code(), Status::Code::kCorruption);
    EXPECT_EQ(t.status().message().rfind(c.message, 0), 0u) << t.status().message();
  }
}

TEST(CameoTableParseTest, LoadReportsMissingFile) {
  Result<CameoTable> t = CameoTable::Load("/nonexistent/cameo.tsv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Status::Code::kIOError);
}

TEST(CameoTableParseTest, EmptyTableFindsNothing) {
  CameoTable empty;
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_EQ(empty.Find("043"), nullptr);
}

}  // namespace
}  // namespace dragoman
