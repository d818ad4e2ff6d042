// Calendar days as a count of days since 1970-01-01 in the proleptic Gregorian calendar.
//
// The conversions are Howard Hinnant's days_from_civil / civil_from_days
// (http://howardhinnant.github.io/date_algorithms.html), computed in 64 bits so that every Day,
// including the kMinDay/kMaxDay sentinels of dictionary date ranges, converts without overflow.
#include <cstdio>
#include <string>
#include <string_view>

#include "dragoman/text.h"

namespace dragoman {

namespace {

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int64_t y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

void CivilFromDay64(int64_t z, int64_t* year, int* month, int* day) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;                                    // [0, 146096]
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);             // [0, 365]
  const int64_t mp = (5 * doy + 2) / 153;                                  // [0, 11]
  *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = y + (*month <= 2);
}

}  // namespace

Day DayFromCivil(int year, int month, int day) {
  int64_t y = static_cast<int64_t>(year) - (month <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;                                       // [0, 399]
  const int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;  // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;              // [0, 146096]
  return static_cast<Day>(era * 146097 + doe - 719468);
}

void CivilFromDay(Day d, int* year, int* month, int* day) {
  int64_t y = 0;
  CivilFromDay64(d, &y, month, day);
  *year = static_cast<int>(y);
}

std::string FormatDay(Day d) {
  if (d == kNoDay) return "";
  int64_t y = 0;
  int m = 0, day = 0;
  CivilFromDay64(d, &y, &m, &day);
  char buf[32];
  if (y >= 0 && y <= 9999) {
    // The common case without printf: YYYY-MM-DD digit by digit.
    const int yy = static_cast<int>(y);
    const char out[10] = {static_cast<char>('0' + yy / 1000), static_cast<char>('0' + yy / 100 % 10),
                          static_cast<char>('0' + yy / 10 % 10), static_cast<char>('0' + yy % 10),
                          '-', static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10),
                          '-', static_cast<char>('0' + day / 10), static_cast<char>('0' + day % 10)};
    return std::string(out, 10);
  } else {
    std::snprintf(buf, sizeof(buf), "%lld-%02d-%02d", static_cast<long long>(y), m, day);
  }
  return buf;
}

Result<Day> ParseIsoDay(std::string_view s) {
  auto digits = [&](size_t pos, size_t n, int* out) {
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  int y = 0, m = 0, d = 0;
  bool ok = false;
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    ok = digits(0, 4, &y) && digits(5, 2, &m) && digits(8, 2, &d);
  } else if (s.size() == 8) {
    ok = digits(0, 4, &y) && digits(4, 2, &m) && digits(6, 2, &d);
  }
  if (!ok) {
    return Status::InvalidArgument("date \"" + std::string(s) +
                                   "\" is not in the form YYYY-MM-DD or YYYYMMDD");
  }
  if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) {
    return Status::InvalidArgument("date \"" + std::string(s) + "\" is not a calendar day");
  }
  return DayFromCivil(y, m, d);
}

int Weekday(Day d) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  int64_t w = (static_cast<int64_t>(d) + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

}  // namespace dragoman
