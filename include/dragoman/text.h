// Text: dates, UTF-8, normalisation for matching, sentences, tokens and datelines.
//
// The document text is never modified: every span and token carries byte offsets into the caller's
// original UTF-8 bytes, and invalid bytes are carried through as one-byte "other" characters so
// that they neither crash the tokenizer nor shift any offset. Matching happens on each token's
// normalised form (upper case, curly quotes and apostrophes folded to ', dashes to -, no-break
// spaces treated as spaces), which dictionary readers also use for their phrases (PhraseWords), so
// text and dictionaries always agree on what a word is.
#ifndef DRAGOMAN_TEXT_H_
#define DRAGOMAN_TEXT_H_

#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/status.h"

namespace dragoman {

// ---- Dates ----------------------------------------------------------------------------------
// A calendar day as the number of days since 1970-01-01 (proleptic Gregorian).
using Day = int32_t;
inline constexpr Day kNoDay = INT32_MIN;

Day DayFromCivil(int year, int month, int day);
void CivilFromDay(Day d, int* year, int* month, int* day);
// "YYYY-MM-DD"; "" for kNoDay.
std::string FormatDay(Day d);
// Accepts YYYY-MM-DD and YYYYMMDD; checks the calendar.
Result<Day> ParseIsoDay(std::string_view s);
// 0 = Monday ... 6 = Sunday.
int Weekday(Day d);

// ---- Spans and tokens -----------------------------------------------------------------------
struct Span {
  uint32_t start = 0;  // byte offset, inclusive
  uint32_t end = 0;    // byte offset, exclusive
};

enum class TokenKind : uint8_t {
  kWord,    // letters, digits, inner apostrophes/periods/hyphenless: "Blinken", "U.S.", "1990s"
  kNumber,  // digits with optional , and . inside: "2,500", "3.5"
  kPunct,   // . , ; : ! ? ( ) - and any other symbol
  kQuote,   // " “ ” « » and ' or ‘ ’ when used as a quotation mark
};

struct Token {
  uint32_t start = 0;  // byte offsets into the document text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // the first letter is upper case in the original text
  std::string norm;          // matching form: "RUSSIA", "'S", "N'T", "U.S.", ",", "\""
};

// ---- UTF-8 and normalisation ----------------------------------------------------------------
bool IsValidUtf8(std::string_view bytes);
// Byte offset of the first invalid sequence, or npos.
size_t FirstInvalidUtf8(std::string_view bytes);
// The matching form of a piece of text: upper case (ASCII and Latin letters), ’‘‛′ → ', “”„″ → ",
// en/em dashes and minus → -, no-break and other Unicode spaces → ' '. Invalid bytes are kept.
std::string NormalizeForMatching(std::string_view text);

// ---- Sentences and tokens --------------------------------------------------------------------
// Splits a document into sentences. Survives news abbreviations and initials (U.S., Mr., Jan. 26,
// St. Petersburg, Alexander V. Grushko), decimals, ellipses and quotes closing after the period.
// Blank lines (paragraph breaks) always end a sentence. Spans exclude surrounding white space.
std::vector<Span> SplitSentences(std::string_view text);

// Tokenizes text[span]. Possessive 's and n't become tokens of their own ("Russia's" → RUSSIA 'S,
// "didn't" → DID N'T), hyphens split words ("pro-Western" → PRO - WESTERN), abbreviations with
// inner periods stay whole ("U.S.", "U.N.").
std::vector<Token> Tokenize(std::string_view text, Span span);
// The same into *tokens (cleared first), reusing its storage.
void Tokenize(std::string_view text, Span span, std::vector<Token>* tokens);
inline std::vector<Token> Tokenize(std::string_view text) {
  return Tokenize(text, Span{0, static_cast<uint32_t>(text.size())});
}

// The normalised words of a dictionary phrase, using the same tokenizer as the text: '_' separates
// words like a space does. "SEMI-OFFICIAL_NEWSPAPER" → {"SEMI", "-", "OFFICIAL", "NEWSPAPER"}.
std::vector<std::string> PhraseWords(std::string_view phrase);

// ---- Datelines ---------------------------------------------------------------------------------
// A plain-text article's dateline: "November 26, 2022" alone on the first line, or the wire form
// "MOSCOW, Jan 26 (Reuters) -" (a dateline without a year takes it from `reference`, when known).
struct Dateline {
  Day date = kNoDay;
  std::string place;  // "MOSCOW", or "" when none
  Span span;          // where the dateline is in the text
};
std::optional<Dateline> ReadDateline(std::string_view text, Day reference = kNoDay);

// A calendar date written at text[pos], in the forms a dateline accepts: "March 3",
// "Jan. 26", "3 March 2022", "March 3, 2022", "Saturday, November 26, 2022", "2022-03-03".
// A month and year alone ("May 2019") is not a date. The caller resolves a missing year.
struct WrittenDate {
  int year = 0;      // 0 when the text gives none
  int month = 0;     // 1..12
  int day = 0;       // 1..31, valid for the month
  int weekday = -1;  // the weekday written before it (0 = Monday), or -1
  size_t end = 0;    // the offset after the date
};
std::optional<WrittenDate> ReadWrittenDate(std::string_view text, size_t pos);

}  // namespace dragoman

#endif  // DRAGOMAN_TEXT_H_
