// The tokenizer: one left-to-right pass over the caller's bytes that emits tokens carrying byte
// offsets and a normalised matching form. Dictionary phrases go through the same code
// (PhraseWords), so a phrase and the text it should match always split into the same norms.
//
// Rules, in the order they apply:
//  * White space (ASCII, NBSP, U+2000..U+200B, U+202F, U+3000, BOM, ...) separates tokens.
//  * A word is a run of letters and digits. Inside it stay: an apostrophe between letters
//    (O'Brien), a period followed by a letter or digit (U.S, 3.5, a.m), and a comma between
//    digits when exactly three digits follow (2,500).
//  * Clitics split off Treebank-style: a final 's / ’s becomes the token "'S" (Russia's → RUSSIA
//    'S) and a final n't becomes "N'T" (didn't → DID N'T, can't → CA N'T, won't → WO N'T).
//  * The period after a word is kept in the word (norm "MR.") when the word
//      - contains an inner period (U.S. → "U.S.", a.m. → "A.M."), or
//      - is a single letter (the initial in "Alexander V. Khrushchev"), or
//      - is in the fixed abbreviation list (Mr Mrs Dr Gen Col Lt Gov Sen Rep Prof St Jan Feb ...
//        Inc Corp Co Ltd Jr Sr etc vs ...; "No", "Vol", "Art", "Fig" only before a number).
//    Otherwise the period is its own kPunct token "." (Washington. → WASHINGTON .). Numbers never
//    keep a final period (3.5. → 3.5 .).
//  * A word made only of digits (with its inner , and .) is kNumber, any other word is kWord.
//  * Hyphens and dashes (- ‐ – — ― −) are kPunct "-"; a run of them ("--") is one token.
//  * " “ ” „ ‟ ″ « » are kQuote "\""; ‹ › and an apostrophe that is not inside a word are kQuote
//    "'", except an apostrophe right after a word ending in s (the countries' leaders), which is
//    the kPunct "'" possessive marker.
//  * "..." (two or more periods) and "…" are one kPunct token "...".
//  * Anything else is a one-character kPunct token whose norm is that character. An invalid UTF-8
//    byte, a NUL or a control character is a one-byte kPunct token holding that byte, so it never
//    joins two words, never crashes and never shifts an offset.
// `capitalized` is true when the token's first letter is upper case in the original text.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/text.h"
#include "text/abbreviations.h"
#include "text/chars.h"
#include "text/swar.h"

namespace dragoman {

namespace {

using text_internal::AbbreviationKind;
using text_internal::Char;
using text_internal::CharClass;
using text_internal::DecodeChar;

// 1 for ASCII letters, 2 for ASCII digits, 0 for every other byte.
constexpr auto kAsciiWordByte = [] {
  std::array<uint8_t, 256> t{};
  for (int b = 'a'; b <= 'z'; ++b) t[b] = 1;
  for (int b = 'A'; b <= 'Z'; ++b) t[b] = 1;
  for (int b = '0'; b <= '9'; ++b) t[b] = 2;
  return t;
}();

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// True when s[i] starts a letter or digit.
inline bool WordCharAt(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  return text_internal::IsWordChar(DecodeChar(s, i).cls);
}

inline bool LetterAt(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  return DecodeChar(s, i).cls == CharClass::kLetter;
}

// Sets *out to the matching form of s[begin, end); ASCII takes a fast path.
void SetNorm(std::string_view s, size_t begin, size_t end, bool ascii, std::string* out) {
  if (ascii) {
    const size_t n = end - begin;
    const char* src = s.data() + begin;
    if (n >= 8) {
      out->assign(src, n);  // a copy, then upper case in place, eight bytes at a time
      text_internal::UpperAsciiInPlace(out->data(), n);
      return;
    }
    // Short words (most): upper-cased into a stack buffer, then one assignment; eight bytes at
    // once when eight can be read (the bytes past the word are upper-cased but not kept).
    char buf[8];
    if (begin + 8 <= s.size()) {
      const uint64_t v = text_internal::UpperAscii8(text_internal::Load8(src));
      std::memcpy(buf, &v, 8);
    } else {
      for (size_t i = 0; i < n; ++i) buf[i] = text_internal::UpperAsciiByte(src[i]);
    }
    out->assign(buf, n);
    return;
  }
  out->reserve(end - begin);
  size_t i = begin;
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out->push_back(static_cast<char>((c >= 'a' && c <= 'z') ? c - 32 : c));
      ++i;
      continue;
    }
    Char ch = DecodeChar(s, i);
    text_internal::AppendNormalized(s, i, ch, out);
    i += ch.len;
  }
}

// True when the first letter of s[begin, end) is upper case.
bool FirstLetterIsUpper(std::string_view s, size_t begin, size_t end) {
  for (size_t i = begin; i < end;) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') return true;
      if (c >= 'a' && c <= 'z') return false;
      ++i;
      continue;
    }
    Char ch = DecodeChar(s, i);
    if (ch.cls == CharClass::kLetter) return text_internal::IsUpper(ch.cp);
    i += ch.len;
  }
  return false;
}

// True when the next non-space character at or after i is an ASCII digit.
bool DigitFollows(std::string_view s, size_t i) {
  while (i < s.size()) {
    Char ch = DecodeChar(s, i);
    if (!text_internal::IsSpaceOrNewline(ch.cls)) return IsAsciiDigit(s[i]);
    i += ch.len;
  }
  return false;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view s, std::vector<Token>* out) : s_(s), out_(out) {}

  void Run(size_t i) {
    const size_t end = s_.size();
    while (i < end) {
      unsigned char b = static_cast<unsigned char>(s_[i]);
      // ASCII fast paths for the common characters.
      if (b == ' ' || b == '\n' || b == '\t' || b == '\r') {
        ++i;
        continue;
      }
      if (kAsciiWordByte[b] != 0) {
        i = Word(i);
        continue;
      }
      Char ch = DecodeChar(s_, i);
      switch (ch.cls) {
        case CharClass::kSpace:
        case CharClass::kNewline:
          i += ch.len;
          break;
        case CharClass::kLetter:
        case CharClass::kDigit:
          i = Word(i);
          break;
        case CharClass::kDoubleQuote:
          Emit(i, i + ch.len, TokenKind::kQuote, "\"");
          i += ch.len;
          break;
        case CharClass::kSingleGuillemet:
          Emit(i, i + ch.len, TokenKind::kQuote, "'");
          i += ch.len;
          break;
        case CharClass::kApostrophe:
          i = Apostrophe(i, ch);
          break;
        case CharClass::kDash: {
          size_t j = i + ch.len;
          while (j < end) {
            Char next = DecodeChar(s_, j);
            if (next.cls != CharClass::kDash) break;
            j += next.len;
          }
          Emit(i, j, TokenKind::kPunct, "-");
          i = j;
          break;
        }
        case CharClass::kEllipsis:
          Emit(i, i + ch.len, TokenKind::kPunct, "...");
          i += ch.len;
          break;
        case CharClass::kOther:
          if (b == '.') {
            size_t j = i + 1;
            while (j < end && s_[j] == '.') ++j;
            Emit(i, j, TokenKind::kPunct, j - i == 1 ? "." : "...");
            i = j;
          } else {
            Token& t = Emit(i, i + ch.len, TokenKind::kPunct, {});
            text_internal::AppendNormalized(s_, i, ch, &t.norm);
            i += ch.len;
          }
          break;
      }
    }
  }

 private:
  Token& Emit(size_t start, size_t end, TokenKind kind, std::string_view norm) {
    Token& t = out_->emplace_back();
    t.start = static_cast<uint32_t>(start);
    t.end = static_cast<uint32_t>(end);
    t.kind = kind;
    if (!norm.empty()) t.norm.assign(norm);  // words set theirs afterwards (SetNorm)
    return t;
  }

  // An apostrophe not inside a word: the possessive marker after "...s", else a quotation mark.
  size_t Apostrophe(size_t i, const Char& ch) {
    bool possessive = false;
    if (!out_->empty()) {
      const Token& prev = out_->back();
      if (prev.end == i && prev.kind == TokenKind::kWord && !prev.norm.empty() &&
          prev.norm.back() == 'S' && !WordCharAt(s_, i + ch.len)) {
        possessive = true;
      }
    }
    Emit(i, i + ch.len, possessive ? TokenKind::kPunct : TokenKind::kQuote, "'");
    return i + ch.len;
  }

  // The end of the run of ASCII letters and digits at j; sets *has_letter when it holds a
  // letter. Eight bytes at a time while eight can be read (little-endian: the first byte is the
  // lowest), so a short word costs one step and no branch per byte; the rest byte by byte.
  size_t AsciiRun(size_t j, bool* has_letter) const {
    using namespace text_internal;
    const size_t end = s_.size();
    if constexpr (std::endian::native == std::endian::little) {
      while (j + 8 <= end) {
        const uint64_t v = Load8(s_.data() + j);
        const uint64_t letters = SwarInRange(v, 'a', 'z') | SwarInRange(v, 'A', 'Z');
        const uint64_t stop = ~(letters | SwarInRange(v, '0', '9')) & kSwarHigh;
        if (stop == 0) {
          *has_letter |= letters != 0;
          j += 8;
          continue;
        }
        const int bytes = std::countr_zero(stop) / 8;  // word bytes before the first other one
        *has_letter |= (letters & ((uint64_t{1} << (8 * bytes)) - 1)) != 0;
        return j + bytes;
      }
    }
    uint8_t kind;
    while (j < end && (kind = kAsciiWordByte[static_cast<unsigned char>(s_[j])]) != 0) {
      *has_letter |= kind == 1;
      ++j;
    }
    return j;
  }

  // Scans the word starting at i, emits it (and a split-off 's or n't), returns the next offset.
  size_t Word(size_t i) {
    const size_t end = s_.size();
    const size_t start = i;
    bool has_letter = false;
    bool inner_period = false;
    bool ascii = true;
    size_t code_points = 0;
    size_t clitic_start = 0, clitic_end = 0;  // a split-off 's or n't, when clitic_end > 0
    const char* clitic_norm = nullptr;
    size_t j = i;
    while (j < end) {
      // The common case first: a run of ASCII letters and digits.
      const size_t run = j;
      j = AsciiRun(j, &has_letter);
      code_points += j - run;
      if (j >= end) break;
      unsigned char b = static_cast<unsigned char>(s_[j]);
      if (b < 0x80) {
        if (b == '.') {
          if (WordCharAt(s_, j + 1)) {
            inner_period = true;
            ++code_points;
            ++j;
            continue;
          }
          break;
        }
        if (b == ',') {
          // 2,500: a comma after a digit, before exactly three digits, in a number.
          if (!has_letter && IsAsciiDigit(s_[j - 1]) && j + 3 < end &&
              IsAsciiDigit(s_[j + 1]) && IsAsciiDigit(s_[j + 2]) && IsAsciiDigit(s_[j + 3]) &&
              (j + 4 >= end || !IsAsciiDigit(s_[j + 4]))) {
            ++code_points;
            ++j;
            continue;
          }
          break;
        }
        if (b != '\'') break;
      }
      Char ch = DecodeChar(s_, j);
      if (ch.cls == CharClass::kLetter || ch.cls == CharClass::kDigit) {
        ascii &= ch.cp < 0x80;
        has_letter |= ch.cls == CharClass::kLetter;
        ++code_points;
        j += ch.len;
        continue;
      }
      if (ch.cls != CharClass::kApostrophe) break;
      // An apostrophe: inside the word when a letter follows (the character before it is always
      // a letter or digit of this word).
      const size_t after = j + ch.len;
      if (!LetterAt(s_, after)) break;
      // The letters after the apostrophe.
      size_t k = after;
      while (k < end && LetterAt(s_, k)) k += DecodeChar(s_, k).len;
      const bool boundary = !WordCharAt(s_, k);
      if (boundary && k == after + 1 && (s_[after] == 's' || s_[after] == 'S')) {
        clitic_start = j;
        clitic_end = k;
        clitic_norm = "'S";
        break;
      }
      if (boundary && k == after + 1 && (s_[after] == 't' || s_[after] == 'T') &&
          (s_[j - 1] == 'n' || s_[j - 1] == 'N')) {
        clitic_start = j - 1;
        clitic_end = k;
        clitic_norm = "N'T";
        j = j - 1;
        break;
      }
      ascii &= ch.cp < 0x80;
      ++code_points;
      j = after;
    }

    if (j > start) {
      // The period after the word: kept for abbreviations (see the file comment).
      bool numeric = !has_letter;
      if (clitic_end == 0 && !numeric && j < end && s_[j] == '.' &&
          (j + 1 >= end || s_[j + 1] != '.')) {
        bool keep = inner_period || code_points == 1;
        if (!keep) {
          switch (text_internal::LookupAbbreviation(s_.substr(start, j - start))) {
            case AbbreviationKind::kNone: break;
            case AbbreviationKind::kBeforeNumber: keep = DigitFollows(s_, j + 1); break;
            default: keep = true; break;
          }
        }
        if (keep) ++j;
      }
      Token& t = Emit(start, j, numeric ? TokenKind::kNumber : TokenKind::kWord, {});
      SetNorm(s_, start, j, ascii, &t.norm);
      const uint8_t first = kAsciiWordByte[static_cast<unsigned char>(s_[start])];
      t.capitalized = first == 1 ? (s_[start] >= 'A' && s_[start] <= 'Z')
                                 : has_letter && FirstLetterIsUpper(s_, start, j);
    }
    if (clitic_end > 0) {
      Token& t = Emit(clitic_start, clitic_end, TokenKind::kWord, clitic_norm);
      t.capitalized = FirstLetterIsUpper(s_, clitic_start, clitic_end);
      return clitic_end;
    }
    return j;
  }

  std::string_view s_;
  std::vector<Token>* out_;
};

}  // namespace

void Tokenize(std::string_view text, Span span, std::vector<Token>* tokens) {
  tokens->clear();
  size_t end = std::min<size_t>(span.end, text.size());
  size_t start = std::min<size_t>(span.start, end);
  tokens->reserve((end - start) / 5 + 4);
  // Characters are never decoded past the span's end.
  Tokenizer(text.substr(0, end), tokens).Run(start);
}

std::vector<Token> Tokenize(std::string_view text, Span span) {
  std::vector<Token> tokens;
  Tokenize(text, span, &tokens);
  return tokens;
}

std::vector<std::string> PhraseWords(std::string_view phrase) {
  std::string spaced(phrase);
  std::replace(spaced.begin(), spaced.end(), '_', ' ');
  std::vector<Token> tokens = Tokenize(spaced);
  std::vector<std::string> words;
  words.reserve(tokens.size());
  for (Token& t : tokens) words.push_back(std::move(t.norm));
  return words;
}

}  // namespace dragoman
