// The JSON pieces every output record is made of: numbers as %g writes them, strings escaped.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "dragoman/output.h"
#include "dragoman/text.h"

namespace dragoman {
namespace {

std::string Printf(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

TEST(RecordsTest, NumbersAreWrittenAsPrintfWritesThem) {
  for (int tenths = -1000; tenths <= 1000; ++tenths) {
    const double v = tenths / 10.0;
    std::string out;
    AppendJsonNumber(v, &out);
    EXPECT_EQ(out, Printf(v)) << tenths;
  }
  for (double v : {-0.0, 0.05, -0.05, 1e-7, 123456.7, 99999.9, 1e6, 3.14159, -2.25}) {
    std::string out;
    AppendJsonNumber(v, &out);
    EXPECT_EQ(out, Printf(v)) << v;
  }
}

TEST(RecordsTest, StringsAreEscapedAndInvalidBytesReplaced) {
  std::string out;
  AppendJsonString("plain \"quoted\" back\\slash\nnew\ttab\x01 caf\xC3\xA9 bad\xFF end", &out);
  EXPECT_EQ(out,
            "\"plain \\\"quoted\\\" back\\\\slash\\nnew\\ttab\\u0001 caf\xC3\xA9 bad\xEF\xBF\xBD end\"");
  out.clear();
  AppendJsonString("", &out);
  EXPECT_EQ(out, "\"\"");
}

TEST(RecordsTest, DaysAreWrittenAsIsoDates) {
  for (Day d = DayFromCivil(1899, 12, 25); d < DayFromCivil(2101, 1, 5); d += 37) {
    int y, m, dd;
    CivilFromDay(d, &y, &m, &dd);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd);
    EXPECT_EQ(FormatDay(d), buf);
  }
  EXPECT_EQ(FormatDay(DayFromCivil(5, 1, 2)), "0005-01-02");
  EXPECT_EQ(FormatDay(kNoDay), "");
}

}  // namespace
}  // namespace dragoman
