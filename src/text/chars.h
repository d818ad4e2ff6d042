// Character classes shared by the UTF-8 helpers, the tokenizer and the sentence splitter.
//
// Everything works on the caller's bytes without copying them. DecodeChar() reads one character
// and never fails: an invalid or truncated sequence (and a NUL byte) comes back as a one-byte
// character of class kOther, so offsets computed from it always point at real bytes. The classes
// are what the tokenizer needs to know and nothing more; the tables cover ASCII, Latin-1,
// Latin Extended-A, Greek and Cyrillic letters, and the Unicode spaces, quotes and dashes found
// in news text. Other non-ASCII code points outside the punctuation/symbol blocks count as letters
// (so names in other scripts stay whole words).
#ifndef DRAGOMAN_TEXT_CHARS_H_
#define DRAGOMAN_TEXT_CHARS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dragoman::text_internal {

enum class CharClass : uint8_t {
  kSpace,        // ASCII white space, NBSP, U+2000..U+200B, U+202F, U+205F, U+3000, U+FEFF, ...
  kNewline,      // '\n' (and U+2028/U+2029 which count as line/paragraph separators)
  kLetter,       // letters (any script), including ª º µ
  kDigit,        // ASCII 0-9
  kApostrophe,   // ' ‘ ’ ‛ ′ ʼ
  kDoubleQuote,  // " “ ” „ ‟ ″ « »
  kSingleGuillemet,  // ‹ ›
  kDash,         // - ‐ ‑ ‒ – — ― −
  kEllipsis,     // …
  kOther,        // every other symbol, control characters, NUL and invalid bytes
};

struct Char {
  uint32_t cp;     // code point; for an invalid byte, the byte value | 0x80000000
  uint8_t len;     // bytes consumed (1..4)
  CharClass cls;
};

inline constexpr uint32_t kInvalidMark = 0x80000000u;

// Decodes the well-formed UTF-8 sequence at s[i] (no overlongs, no surrogates, <= U+10FFFF);
// returns len 0 when it is not one. REQUIRES: i < s.size().
inline int Utf8SequenceLength(std::string_view s, size_t i, uint32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  unsigned c = p[i];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c < 0xC2) return 0;
  if (c < 0xE0) {
    if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80) return 0;
    *cp = ((c & 0x1F) << 6) | (p[i + 1] & 0x3F);
    return 2;
  }
  if (c < 0xF0) {
    if (i + 2 >= n) return 0;
    unsigned c1 = p[i + 1], c2 = p[i + 2];
    if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
    *cp = ((c & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F);
    return 3;
  }
  if (c < 0xF5) {
    if (i + 3 >= n) return 0;
    unsigned c1 = p[i + 1], c2 = p[i + 2], c3 = p[i + 3];
    if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80 || (c3 & 0xC0) != 0x80) return 0;
    if (c == 0xF0 && c1 < 0x90) return 0;   // overlong
    if (c == 0xF4 && c1 >= 0x90) return 0;  // > U+10FFFF
    *cp = ((c & 0x07) << 18) | ((c1 & 0x3F) << 12) | ((c2 & 0x3F) << 6) | (c3 & 0x3F);
    return 4;
  }
  return 0;
}

CharClass ClassifyNonAscii(uint32_t cp);

// Class of each ASCII byte.
extern const CharClass kAsciiClass[128];

// REQUIRES: i < s.size().
inline Char DecodeChar(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return Char{c, 1, kAsciiClass[c]};
  uint32_t cp = 0;
  int len = Utf8SequenceLength(s, i, &cp);
  if (len == 0) return Char{c | kInvalidMark, 1, CharClass::kOther};
  return Char{cp, static_cast<uint8_t>(len), ClassifyNonAscii(cp)};
}

// Start of the character that ends just before offset j: the start of a valid sequence ending
// exactly at j, else j - 1 (an invalid byte is a character of its own). REQUIRES: 0 < j <= size.
inline size_t PrevCharStart(std::string_view s, size_t j) {
  size_t k = j - 1;
  const size_t limit = j >= 4 ? j - 4 : 0;
  while (k > limit && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  if (k < j - 1) {
    uint32_t cp;
    int len = Utf8SequenceLength(s, k, &cp);
    if (len > 0 && k + static_cast<size_t>(len) == j) return k;
    return j - 1;
  }
  return k;
}

// The ASCII base of an upper-case Latin letter with a diacritic ("É" → "E", "Ğ" → "G", "ß" → "SS",
// "Œ" → "OE"), or nullptr. Matching folds accents, so "Erdoğan" and "ERDOGAN" are one word.
const char* LatinBase(uint32_t cp);
// Upper case of a letter (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic); others unchanged.
uint32_t ToUpper(uint32_t cp);
// True when cp is an upper-case or title-case letter in the covered ranges.
bool IsUpper(uint32_t cp);
// True when cp is a lower-case letter in the covered ranges.
bool IsLower(uint32_t cp);

// Appends the UTF-8 encoding of cp (a valid code point) to out.
inline void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Appends the matching form of the character ch found at s[i]: upper case, quotes and dashes
// folded, spaces as ' ', invalid bytes copied as they are.
void AppendNormalized(std::string_view s, size_t i, const Char& ch, std::string* out);

inline bool IsWordChar(CharClass c) { return c == CharClass::kLetter || c == CharClass::kDigit; }
inline bool IsSpaceOrNewline(CharClass c) {
  return c == CharClass::kSpace || c == CharClass::kNewline;
}

}  // namespace dragoman::text_internal

#endif  // DRAGOMAN_TEXT_CHARS_H_
