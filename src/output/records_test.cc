// The JSON pieces every output record is made of: numbers as %g writes them, strings escaped.
#include <gtest/gtest.h>

#include <cstdio>
#include <iterator>
#include <string>
#include <vector>

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

// Every special byte at every offset of a longer string: the eight-byte scan over plain runs
// must stop exactly where the byte-by-byte rules apply.
TEST(RecordsTest, StringsEscapeEverySpecialByteAtEveryOffset) {
  const std::string specials[] = {"\"", "\\", "\n", "\x01", "\x1F", "\xC3\xA9", "\xFF", "\x7F"};
  const std::string expected[] = {"\\\"", "\\\\", "\\n", "\\u0001", "\\u001f", "\xC3\xA9",
                                  "\xEF\xBF\xBD", "\x7F"};
  for (size_t k = 0; k < std::size(specials); ++k) {
    for (size_t at = 0; at <= 20; ++at) {
      const std::string plain = "abcdefghijklmnopqrstuvwxyz";
      std::string in = plain.substr(0, at) + specials[k] + plain.substr(at);
      std::string out;
      AppendJsonString(in, &out);
      EXPECT_EQ(out, "\"" + plain.substr(0, at) + expected[k] + plain.substr(at) + "\"")
          << k << " at " << at;
    }
  }
}

// Coordinates with four decimals, exactly as printf's "%.4f" (ties and negative zero included).
TEST(RecordsTest, CoordinatesAreWrittenAsPrintfWritesThem) {
  std::vector<double> values = {-0.0, 0.0, 0.03125, -0.03125, 1.00005, -0.00004, -0.00005,
                                179.99995, -180.0, 90.0, 51.5072, -33.8688, 1e-300, 12345678.9};
  for (int i = -2000; i <= 2000; ++i) values.push_back(i / 32.0 + i * 1e-5);
  for (double v : values) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    EXPECT_EQ(FormatCoordinate(v), buf) << v;
    Location l;
    l.has_coordinates = true;
    l.lat = v;
    l.lon = -v;
    std::string out;
    AppendJsonCoordinates(l, &out);
    EXPECT_EQ(out, ",\"lat\":" + std::string(buf) + ",\"lon\":" + FormatCoordinate(-v));
  }
  Location none;
  std::string out;
  AppendJsonCoordinates(none, &out);
  EXPECT_EQ(out, ",\"lat\":null,\"lon\":null");
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
