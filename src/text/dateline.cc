// Datelines of plain-text articles. Two forms are recognised, both at the very start of the text:
//
//  1. A first non-blank line that is a date and nothing else: "November 26, 2022",
//     "Nov. 26, 2022", "Saturday, November 26, 2022", "26 November 2022", "2022-11-26". When the
//     next paragraph starts with a wire dateline (form 2), its place is taken too and the span
//     reaches to the end of that dateline.
//  2. A wire dateline opening the first paragraph:
//        PLACE [, Region]... [[,] DATE] [(Agency)] DASH
//     e.g. "MOSCOW, Jan 26 (Reuters) -", "WASHINGTON (AP) —",
//     "KYIV, Ukraine, March 3, 2022 (AFP) --".
//     PLACE is one to six capitalised words ("NEW YORK", "ST. PETERSBURG"). DASH is - -- – — or,
//     after a date or agency, ":".
//     To avoid reading an ordinary first sentence as a dateline, the DASH (followed by white
//     space) is required, and a mixed-case PLACE ("Moscow") also needs a date or an agency.
// A date without a year takes the year that puts it closest to `reference` (so "Dec 30" read
// with a reference of 2023-01-02 is 2022-12-30); without a reference its date is kNoDay, but the
// place is still returned. Parsing is by hand on the bytes: no regular expressions, no copies.
#include <cstdlib>
#include <optional>
#include <string_view>

#include "dragoman/text.h"
#include "text/chars.h"

namespace dragoman {

namespace {

using text_internal::Char;
using text_internal::CharClass;
using text_internal::DecodeChar;

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != lower[i]) return false;
  }
  return true;
}

// 1..12 for an English month name or abbreviation, else 0.
int MonthNumber(std::string_view word) {
  static constexpr std::string_view kFull[12] = {"january", "february", "march",     "april",
                                                 "may",     "june",     "july",      "august",
                                                 "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    if (EqualsIgnoreCase(word, kFull[m])) return m + 1;
    if (EqualsIgnoreCase(word, kFull[m].substr(0, 3))) return m + 1;
  }
  if (EqualsIgnoreCase(word, "sept")) return 9;
  return 0;
}

// 0 (Monday) .. 6 (Sunday) for an English weekday name or abbreviation, else -1.
int WeekdayNumber(std::string_view word) {
  static constexpr std::string_view kFull[7] = {"monday", "tuesday", "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};
  static constexpr std::string_view kShort[] = {"tues", "thur", "thurs"};
  for (int d = 0; d < 7; ++d) {
    if (EqualsIgnoreCase(word, kFull[d]) || EqualsIgnoreCase(word, kFull[d].substr(0, 3)))
      return d;
  }
  for (int k = 0; k < 3; ++k) {
    if (EqualsIgnoreCase(word, kShort[k])) return k == 0 ? 1 : 3;
  }
  return -1;
}

bool ValidCivil(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  int yy = 0, mm = 0, dd = 0;
  CivilFromDay(DayFromCivil(y, m, d), &yy, &mm, &dd);
  return yy == y && mm == m && dd == d;
}

// The day for month/day (and year, when nonzero), resolving a missing year from `reference`.
Day ResolveDay(int year, int month, int day, Day reference) {
  if (year != 0) return ValidCivil(year, month, day) ? DayFromCivil(year, month, day) : kNoDay;
  if (reference == kNoDay) return kNoDay;
  int ry = 0, rm = 0, rd = 0;
  CivilFromDay(reference, &ry, &rm, &rd);
  Day best = kNoDay;
  long long best_distance = 0;
  for (int y = ry - 1; y <= ry + 1; ++y) {
    if (!ValidCivil(y, month, day)) continue;
    Day d = DayFromCivil(y, month, day);
    long long distance = std::llabs(static_cast<long long>(d) - reference);
    if (best == kNoDay || distance < best_distance) {
      best = d;
      best_distance = distance;
    }
  }
  return best;
}

// A cursor over the text with the small lexical helpers the grammar needs.
class Cursor {
 public:
  Cursor(std::string_view s, size_t i) : s_(s), i_(i) {}
  size_t pos() const { return i_; }
  void set_pos(size_t i) { i_ = i; }
  bool AtEnd() const { return i_ >= s_.size(); }
  char Peek(size_t ahead = 0) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }

  bool Consume(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  // Spaces and tabs (and Unicode spaces), not newlines; returns how many bytes were skipped.
  size_t SkipSpaces() {
    size_t start = i_;
    while (i_ < s_.size()) {
      Char ch = DecodeChar(s_, i_);
      if (ch.cls != CharClass::kSpace || s_[i_] == '\r') break;
      i_ += ch.len;
    }
    return i_ - start;
  }
  std::string_view AsciiLetters() {
    size_t start = i_;
    while (i_ < s_.size() && IsAsciiLetter(s_[i_])) ++i_;
    return s_.substr(start, i_ - start);
  }
  // 1..max_digits digits not followed by another digit; -1 when none.
  int Number(size_t min_digits, size_t max_digits) {
    size_t start = i_;
    int v = 0;
    while (i_ < s_.size() && IsDigit(s_[i_]) && i_ - start < max_digits) {
      v = v * 10 + (s_[i_++] - '0');
    }
    if (i_ - start < min_digits || (i_ < s_.size() && IsDigit(s_[i_]))) {
      i_ = start;
      return -1;
    }
    return v;
  }

 private:
  std::string_view s_;
  size_t i_;
};

using ParsedDate = WrittenDate;

// Optional ordinal suffix after a day number: 1st 2nd 3rd 26th.
void SkipOrdinal(Cursor* c) {
  size_t save = c->pos();
  std::string_view w = c->AsciiLetters();
  if (!(EqualsIgnoreCase(w, "st") || EqualsIgnoreCase(w, "nd") || EqualsIgnoreCase(w, "rd") ||
        EqualsIgnoreCase(w, "th"))) {
    c->set_pos(save);
  }
}

// [","] spaces YYYY, when present.
void OptionalYear(Cursor* c, ParsedDate* date) {
  size_t save = c->pos();
  c->Consume(',');
  if (c->SkipSpaces() == 0 && c->pos() == save) return;
  int y = c->Number(4, 4);
  if (y < 0 || IsAsciiLetter(c->Peek())) {
    c->set_pos(save);
    return;
  }
  date->year = y;
}

// A date at the cursor; on success the cursor is after it.
bool ParseDate(Cursor* c, ParsedDate* date) {
  const size_t start = c->pos();
  // ISO 8601.
  if (IsDigit(c->Peek()) && c->Peek(4) == '-') {
    int y = c->Number(4, 4);
    if (y >= 0 && c->Consume('-')) {
      int m = c->Number(2, 2);
      if (m >= 0 && c->Consume('-')) {
        int d = c->Number(2, 2);
        if (d >= 0 && !IsAsciiLetter(c->Peek()) && ValidCivil(y, m, d)) {
          *date = ParsedDate{y, m, d, -1};
          return true;
        }
      }
    }
    c->set_pos(start);
    return false;
  }
  // Optional weekday: "Saturday, " / "Sat. ".
  int weekday = -1;
  {
    size_t save = c->pos();
    std::string_view w = c->AsciiLetters();
    weekday = w.empty() ? -1 : WeekdayNumber(w);
    if (weekday >= 0) {
      c->Consume('.');
      c->Consume(',');
      if (c->SkipSpaces() == 0) {
        c->set_pos(save);
        weekday = -1;
      }
    } else {
      c->set_pos(save);
    }
  }
  ParsedDate d;
  if (IsDigit(c->Peek())) {  // 26 November [2022]
    d.day = c->Number(1, 2);
    if (d.day < 0) return c->set_pos(start), false;
    SkipOrdinal(c);
    if (c->SkipSpaces() == 0) return c->set_pos(start), false;
    d.month = MonthNumber(c->AsciiLetters());
    if (d.month == 0) return c->set_pos(start), false;
    c->Consume('.');
  } else {  // November 26[, 2022]
    d.month = MonthNumber(c->AsciiLetters());
    if (d.month == 0) return c->set_pos(start), false;
    c->Consume('.');
    if (c->SkipSpaces() == 0) return c->set_pos(start), false;
    d.day = c->Number(1, 2);
    if (d.day < 0) return c->set_pos(start), false;
    SkipOrdinal(c);
    if (IsAsciiLetter(c->Peek())) return c->set_pos(start), false;
  }
  OptionalYear(c, &d);
  if (!ValidCivil(d.year != 0 ? d.year : 2000, d.month, d.day)) return c->set_pos(start), false;
  d.weekday = weekday;
  *date = d;
  return true;
}

// One word of a place name at the cursor: starts with an upper-case letter and goes on with
// letters, periods, apostrophes and hyphens. Sets *all_caps false when it has a lower-case letter.
bool PlaceWord(std::string_view s, Cursor* c, bool* all_caps, size_t* letters) {
  size_t i = c->pos();
  if (i >= s.size()) return false;
  Char first = DecodeChar(s, i);
  if (first.cls != CharClass::kLetter || !text_internal::IsUpper(first.cp)) return false;
  while (i < s.size()) {
    Char ch = DecodeChar(s, i);
    if (ch.cls == CharClass::kLetter) {
      ++*letters;
      if (text_internal::IsLower(ch.cp)) *all_caps = false;
    } else if (!(s[i] == '.' || s[i] == '-' || ch.cls == CharClass::kApostrophe)) {
      break;
    }
    i += ch.len;
  }
  c->set_pos(i);
  return true;
}

// Lower-case connectors allowed inside a place name ("Dar es Salaam", "Rio de Janeiro").
bool IsPlaceConnector(std::string_view w) {
  return w == "de" || w == "da" || w == "do" || w == "del" || w == "es" || w == "al" ||
         w == "el" || w == "of" || w == "la" || w == "le";
}

// A dash ending a wire dateline: - -- – — ― or ':'. Returns the offset after it, or npos.
size_t Dash(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == ':') return i + 1;
  size_t j = i;
  while (j < s.size()) {
    Char ch = DecodeChar(s, j);
    if (ch.cls != CharClass::kDash) break;
    j += ch.len;
  }
  return j > i ? j : std::string_view::npos;
}

std::optional<Dateline> ParseWire(std::string_view s, size_t p, Day reference) {
  Cursor c(s, p);
  bool all_caps = true;
  size_t letters = 0;
  if (!PlaceWord(s, &c, &all_caps, &letters)) return std::nullopt;
  size_t place_end = c.pos();
  for (int words = 1; words < 6; ++words) {  // further words of the place
    size_t save = c.pos();
    if (c.Consume(' ')) {
      size_t before_connector = c.pos();
      std::string_view w = c.AsciiLetters();
      if (IsPlaceConnector(w) && c.Consume(' ')) {
        all_caps = false;
      } else {
        c.set_pos(before_connector);
      }
      bool word_caps = all_caps;
      size_t word_letters = letters;
      const size_t word = c.pos();
      if (PlaceWord(s, &c, &word_caps, &word_letters) &&
          MonthNumber(s.substr(word, c.pos() - word)) == 0) {
        all_caps = word_caps;
        letters = word_letters;
        place_end = c.pos();
        continue;
      }
    }
    c.set_pos(save);
    break;
  }
  if (letters < 2) return std::nullopt;

  Dateline result;
  result.place.assign(s.substr(p, place_end - p));
  bool has_date = false;
  bool has_agency = false;
  // Regions and the date.
  for (int parts = 0; parts < 4; ++parts) {
    size_t save = c.pos();
    bool comma = c.Consume(',');
    if (c.SkipSpaces() == 0) {
      c.set_pos(save);
      break;
    }
    ParsedDate date;
    if (!has_date && ParseDate(&c, &date)) {
      has_date = true;
      result.date = ResolveDay(date.year, date.month, date.day, reference);
      continue;
    }
    if (!comma || has_date) {
      c.set_pos(save);
      break;
    }
    // A region: capitalised words ("Ukraine", "Calif.", "N.Y.", "South Korea").
    bool region_caps = true;
    size_t region_letters = 0;
    if (!PlaceWord(s, &c, &region_caps, &region_letters)) {
      c.set_pos(save);
      break;
    }
    while (true) {
      size_t w = c.pos();
      if (!c.Consume(' ')) break;
      size_t before_connector = c.pos();
      if (!(IsPlaceConnector(c.AsciiLetters()) && c.Consume(' '))) c.set_pos(before_connector);
      size_t word = c.pos();
      if (!PlaceWord(s, &c, &region_caps, &region_letters) ||
          MonthNumber(s.substr(word, c.pos() - word)) != 0) {
        c.set_pos(w);
        break;
      }
    }
  }
  // The agency: "(Reuters)", "(AP)", "(AFP)".
  {
    size_t save = c.pos();
    c.SkipSpaces();
    if (c.Consume('(')) {
      size_t open = c.pos();
      Char first = c.AtEnd() ? Char{0, 1, CharClass::kOther} : DecodeChar(s, open);
      size_t close = s.find(')', open);
      if (first.cls == CharClass::kLetter &&
          close != std::string_view::npos && close - open <= 40 &&
          s.substr(open, close - open).find('\n') == std::string_view::npos) {
        c.set_pos(close + 1);
        has_agency = true;
      } else {
        c.set_pos(save);
      }
    } else {
      c.set_pos(save);
    }
  }
  size_t before_dash = c.pos();
  c.SkipSpaces();
  size_t dash_end = Dash(s, c.pos());
  bool has_dash = dash_end != std::string_view::npos;
  // The dash must be followed by white space (or end), so "MOSCOW-based" is no dateline.
  if (has_dash && dash_end < s.size()) {
    Char after = DecodeChar(s, dash_end);
    if (!text_internal::IsSpaceOrNewline(after.cls)) has_dash = false;
  }
  // A colon ends a dateline only after a date or an agency ("CORRECTION:" is no place).
  const bool colon = has_dash && s[dash_end - 1] == ':';
  bool ok = has_dash && ((all_caps && !colon) || has_agency || has_date);
  if (!ok) return std::nullopt;
  size_t end = has_dash ? dash_end : before_dash;
  result.span = Span{static_cast<uint32_t>(p), static_cast<uint32_t>(end)};
  return result;
}

}  // namespace

std::optional<WrittenDate> ReadWrittenDate(std::string_view text, size_t pos) {
  Cursor c(text, pos);
  WrittenDate date;
  if (!ParseDate(&c, &date)) return std::nullopt;
  date.end = c.pos();
  return date;
}

std::optional<Dateline> ReadDateline(std::string_view text, Day reference) {
  const size_t n = text.size();
  // The first non-blank line.
  size_t p = 0;
  while (p < n) {
    Char ch = DecodeChar(text, p);
    if (!text_internal::IsSpaceOrNewline(ch.cls)) break;
    p += ch.len;
  }
  if (p >= n) return std::nullopt;
  size_t eol = text.find('\n', p);
  if (eol == std::string_view::npos) eol = n;
  size_t line_end = eol;
  while (line_end > p) {
    size_t k = text_internal::PrevCharStart(text, line_end);
    if (!text_internal::IsSpaceOrNewline(DecodeChar(text, k).cls)) break;
    line_end = k;
  }

  // Form 1: a date alone on the line (a final period is tolerated).
  Cursor c(text.substr(0, line_end), p);
  ParsedDate date;
  if (ParseDate(&c, &date)) {
    c.Consume('.');
    if (c.pos() == line_end) {
      Dateline result;
      result.date = ResolveDay(date.year, date.month, date.day, reference);
      result.span = Span{static_cast<uint32_t>(p), static_cast<uint32_t>(line_end)};
      // A wire dateline opening the next paragraph gives the place.
      size_t q = eol;
      while (q < n) {
        Char ch = DecodeChar(text, q);
        if (!text_internal::IsSpaceOrNewline(ch.cls)) break;
        q += ch.len;
      }
      if (q < n) {
        Day wire_reference = result.date != kNoDay ? result.date : reference;
        if (std::optional<Dateline> wire = ParseWire(text, q, wire_reference)) {
          result.place = std::move(wire->place);
          result.span.end = wire->span.end;
        }
      }
      return result;
    }
  }
  // Form 2: a wire dateline at the start of the first paragraph.
  return ParseWire(text, p, reference);
}

}  // namespace dragoman
