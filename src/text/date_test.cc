#include <gtest/gtest.h>

#include "dragoman/dictionary.h"
#include "dragoman/text.h"

namespace dragoman {
namespace {

TEST(TextDateTest, EpochAndKnownDays) {
  EXPECT_EQ(DayFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DayFromCivil(1970, 1, 2), 1);
  EXPECT_EQ(DayFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DayFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DayFromCivil(2022, 11, 26), 19322);
}

TEST(TextDateTest, RoundTripsEveryDayOverFourCenturies) {
  Day d = DayFromCivil(1800, 1, 1);
  const Day last = DayFromCivil(2200, 12, 31);
  int y = 0, m = 0, dd = 0;
  for (; d <= last; ++d) {
    CivilFromDay(d, &y, &m, &dd);
    ASSERT_EQ(DayFromCivil(y, m, dd), d);
  }
  EXPECT_EQ(y, 2200);
  EXPECT_EQ(m, 12);
  EXPECT_EQ(dd, 31);
}

TEST(TextDateTest, FormatDay) {
  EXPECT_EQ(FormatDay(0), "1970-01-01");
  EXPECT_EQ(FormatDay(DayFromCivil(2022, 11, 26)), "2022-11-26");
  EXPECT_EQ(FormatDay(DayFromCivil(2024, 2, 29)), "2024-02-29");
  EXPECT_EQ(FormatDay(kNoDay), "");
  // The dictionary range sentinels format without overflow.
  EXPECT_FALSE(FormatDay(kMinDay).empty());
  EXPECT_FALSE(FormatDay(kMaxDay).empty());
}

TEST(TextDateTest, ParseIsoDayAcceptsBothForms) {
  Result<Day> a = ParseIsoDay("2022-11-26");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.value(), DayFromCivil(2022, 11, 26));
  Result<Day> b = ParseIsoDay("20221126");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b.value(), a.value());
  Result<Day> leap = ParseIsoDay("2000-02-29");
  ASSERT_TRUE(leap.ok());
  EXPECT_EQ(FormatDay(leap.value()), "2000-02-29");
}

TEST(TextDateTest, ParseIsoDayRejectsBadDays) {
  for (const char* bad : {"2022-02-29", "1900-02-29", "2022-13-01", "2022-00-10", "2022-04-31",
                          "2022-01-00", "2022-1-5", "2022/01/05", "", "abcd-ef-gh", "2022011",
                          "20220132", "2022-01-05x"}) {
    Result<Day> r = ParseIsoDay(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
    }
  }
}

TEST(TextDateTest, Weekday) {
  EXPECT_EQ(Weekday(0), 3);                              // 1970-01-01, Thursday
  EXPECT_EQ(Weekday(DayFromCivil(2022, 11, 26)), 5);     // Saturday
  EXPECT_EQ(Weekday(DayFromCivil(2024, 1, 1)), 0);       // Monday
  EXPECT_EQ(Weekday(DayFromCivil(1969, 12, 28)), 6);     // Sunday, before the epoch
}

}  // namespace
}  // namespace dragoman
