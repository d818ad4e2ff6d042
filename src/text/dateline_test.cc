#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

#include "dragoman/text.h"

namespace dragoman {
namespace {

std::string SpanText(std::string_view text, Span s) {
  return std::string(text.substr(s.start, s.end - s.start));
}

TEST(TextDatelineTest, DateAloneOnTheFirstLine) {
  const std::string text = "November 26, 2022\n\nBlingen announced that the United States ...";
  std::optional<Dateline> d = ReadDateline(text);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(FormatDay(d->date), "2022-11-26");
  EXPECT_EQ(d->place, "");
  EXPECT_EQ(SpanText(text, d->span), "November 26, 2022");
}

// Dates in running text: the fields as written (no year resolution) and where the date ends.
TEST(TextDatelineTest, WrittenDatesInRunningText) {
  struct Case {
    const char* text;
    int year, month, day, weekday;
    const char* rest;  // the text after the date
  };
  for (const Case& c : {Case{"March 3 the talks", 0, 3, 3, -1, " the talks"},
                        Case{"Jan. 26, police said", 0, 1, 26, -1, ", police said"},
                        Case{"3 March 2022.", 2022, 3, 3, -1, "."},
                        Case{"March 3, 2022 that", 2022, 3, 3, -1, " that"},
                        Case{"Monday, May 20, 2024 that", 2024, 5, 20, 0, " that"},
                        Case{"Sept. 5th in Kyiv", 0, 9, 5, -1, " in Kyiv"}}) {
    std::optional<WrittenDate> d = ReadWrittenDate(c.text, 0);
    ASSERT_TRUE(d.has_value()) << c.text;
    EXPECT_EQ(d->year, c.year) << c.text;
    EXPECT_EQ(d->month, c.month) << c.text;
    EXPECT_EQ(d->day, c.day) << c.text;
    EXPECT_EQ(d->weekday, c.weekday) << c.text;
    EXPECT_EQ(std::string_view(c.text).substr(d->end), c.rest) << c.text;
  }
  // A month with a year only, a month as a word, a weekday alone, a plain number: no day.
  for (const char* text : {"May 2019", "March through Tbilisi", "Monday night", "25 people",
                           "March 32"})
    EXPECT_FALSE(ReadWrittenDate(text, 0).has_value()) << text;
}

TEST(TextDatelineTest, DateForms) {
  struct Case {
    const char* text;
    const char* date;
  };
  for (const Case& c : {Case{"Nov. 26, 2022\nText.", "2022-11-26"},
                        Case{"  \n26 November 2022\n\nText.", "2022-11-26"},
                        Case{"2022-11-26\nText.", "2022-11-26"},
                        Case{"Saturday, November 26, 2022  \nText.", "2022-11-26"},
                        Case{"Sept 3rd, 2021\n", "2021-09-03"},
                        Case{"NOVEMBER 26, 2022", "2022-11-26"}}) {
    std::optional<Dateline> d = ReadDateline(c.text);
    ASSERT_TRUE(d.has_value()) << c.text;
    EXPECT_EQ(FormatDay(d->date), c.date) << c.text;
    EXPECT_EQ(d->place, "") << c.text;
  }
  const std::string text = "  \n26 November 2022\n\nText.";
  EXPECT_EQ(SpanText(text, ReadDateline(text)->span), "26 November 2022");
}

TEST(TextDatelineTest, WireDatelines) {
  const Day reference = DayFromCivil(2022, 1, 20);
  {
    const std::string text = "MOSCOW, Jan 26 (Reuters) - Russia said on Wednesday.";
    std::optional<Dateline> d = ReadDateline(text, reference);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->place, "MOSCOW");
    EXPECT_EQ(FormatDay(d->date), "2022-01-26");
    EXPECT_EQ(SpanText(text, d->span), "MOSCOW, Jan 26 (Reuters) -");
  }
  {
    const std::string text = "WASHINGTON (AP) — The Supreme Court ruled.";
    std::optional<Dateline> d = ReadDateline(text, reference);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->place, "WASHINGTON");
    EXPECT_EQ(d->date, kNoDay);  // no date in the dateline
    EXPECT_EQ(SpanText(text, d->span), "WASHINGTON (AP) —");
  }
  {
    const std::string text = "KYIV, Ukraine, March 3, 2022 (AFP) -- Fighting went on.";
    std::optional<Dateline> d = ReadDateline(text);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->place, "KYIV");
    EXPECT_EQ(FormatDay(d->date), "2022-03-03");
    EXPECT_EQ(SpanText(text, d->span), "KYIV, Ukraine, March 3, 2022 (AFP) --");
  }
  {
    const std::string text = "GOMA, Democratic Republic of Congo — Rebels said.";
    std::optional<Dateline> d = ReadDateline(text);
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->place, "GOMA");
    EXPECT_EQ(SpanText(text, d->span), "GOMA, Democratic Republic of Congo —");
  }
  struct Case {
    const char* text;
    const char* place;
  };
  for (const Case& c : {Case{"NEW YORK — Stocks fell.", "NEW YORK"},
                        Case{"ST. PETERSBURG, Russia — Talks began.", "ST. PETERSBURG"},
                        Case{"SÃO PAULO — Rain fell.", "SÃO PAULO"},
                        Case{"PASADENA, Calif. — A probe landed.", "PASADENA"}}) {
    std::optional<Dateline> d = ReadDateline(c.text);
    ASSERT_TRUE(d.has_value()) << c.text;
    EXPECT_EQ(d->place, c.place);
    EXPECT_EQ(d->date, kNoDay);
  }
}

TEST(TextDatelineTest, YearlessDatesTakeTheNearestYearOfTheReference) {
  const std::string text = "Moscow, Dec 30 (Reuters) - Talks ended.";
  std::optional<Dateline> d = ReadDateline(text, DayFromCivil(2023, 1, 2));
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(FormatDay(d->date), "2022-12-30");
  EXPECT_EQ(d->place, "Moscow");
  // Without a reference the place is still read, the date is unknown.
  std::optional<Dateline> e = ReadDateline(text);
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->date, kNoDay);
  EXPECT_EQ(e->place, "Moscow");
}

TEST(TextDatelineTest, DateLineThenWireDateline) {
  const std::string text = "November 26, 2022\n\nWASHINGTON (Reuters) - Blinken spoke.";
  std::optional<Dateline> d = ReadDateline(text);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(FormatDay(d->date), "2022-11-26");
  EXPECT_EQ(d->place, "WASHINGTON");
  EXPECT_EQ(d->span.start, 0u);
  EXPECT_EQ(SpanText(text, d->span), "November 26, 2022\n\nWASHINGTON (Reuters) -");
}

TEST(TextDatelineTest, NoDateline) {
  for (const char* text :
       {"", "   \n\n", "Blingen announced that the United States had responded.",
        "NATO said on Monday it would respond.", "CORRECTION: An earlier version misstated it.",
        "US-Russia talks began - slowly.", "Moscow - the capital - was quiet.",
        "November 26, 2022 was a Saturday.", "February 30, 2022\n", "MOSCOW-based firms rose.",
        "\xff\xfe\n\n"}) {
    EXPECT_FALSE(ReadDateline(text).has_value()) << text;
  }
  EXPECT_FALSE(ReadDateline(std::string("\0\0", 2)).has_value());
  EXPECT_FALSE(ReadDateline(std::string("A\0B — x", 9)).has_value());
}

}  // namespace
}  // namespace dragoman
