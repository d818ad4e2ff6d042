// The sentence splitter: one forward pass that looks only at the candidate ends (. ? ! … and
// blank lines) and decides each from the word before it and the character or word after it.
//
// The rules:
//  * A blank line (a newline, optional spaces, another newline; or U+2029) always ends the
//    sentence, so headlines and title-like lines without end punctuation stand alone. A single
//    newline is wrapped text and ends nothing.
//  * "?" and "!" (a run of them) end a sentence unless a lower-case word follows ("Why?" he asked).
//  * "." ends a sentence when white space (or the end of the text) follows it, possibly after
//    closing quotes and brackets (the sentence then ends after them: said "no.” | The ...), and
//    the word before it and the text after it agree:
//      - a period inside a token (U.S, 3.5, www.un.org) ends nothing;
//      - before a lower-case word or a dash nothing ends ("U.S. officials said" is one sentence,
//        "FERGUSON, Mo. — Police said" too);
//      - after a title abbreviation (Mr. Dr. Gen. St. Sen. ...) nothing ends;
//      - after No./Vol./Art./Fig. before a number, and after a month (Jan. 26), nothing ends;
//      - after a single capital letter (Alexander V. Grushko), an abbreviation with inner periods
//        (U.S., U.N., a.m.), or another listed abbreviation (Inc., Corp., Jr., ...), the sentence
//        ends only when the next word is a capitalised common sentence starter (The, A, He, She,
//        It, They, We, In, But, ...): "... to the U.S. The talks ..." splits, "the U.S. Embassy"
//        does not; after a lower-case one (a.m., p.m.) an opening quote also starts a sentence;
//      - after any other word, the sentence ends unless a lower-case letter follows.
//  * An ellipsis (... or …) ends a sentence only before a capitalised sentence-starter word.
// Spans exclude the white space around a sentence.
#include <array>
#include <bit>
#include <cstdint>
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

inline bool IsCloser(std::string_view s, size_t i, Char ch) {
  if (ch.cls == CharClass::kDoubleQuote || ch.cls == CharClass::kApostrophe ||
      ch.cls == CharClass::kSingleGuillemet) {
    return true;
  }
  return ch.len == 1 && (s[i] == ')' || s[i] == ']');
}

// Bytes the main loop must look at: . ? ! newline and the lead bytes of non-ASCII characters.
constexpr auto kSpecial = [] {
  std::array<bool, 256> t{};
  for (int b = 0; b < 256; ++b) t[b] = b >= 0x80 || b == '.' || b == '?' || b == '!' || b == '\n';
  return t;
}();

enum class Next {
  kEnd,         // end of text
  kLower,       // a lower-case letter
  kDigit,       // a digit
  kStarter,     // a capitalised sentence-starter word
  kQuote,       // an opening double quote
  kDash,        // a dash: "FERGUSON, Mo. — ..." goes on
  kOtherStart,  // anything else (capitalised word, bracket, symbol)
};

class Splitter {
 public:
  explicit Splitter(std::string_view s) : s_(s) {}

  // The next offset at or after i holding a kSpecial byte, or the end: sixteen bytes at a time
  // (SSE2), then eight, while none of them is special.
  size_t SkipPlain(size_t i) const {
    using namespace text_internal;
    const size_t n = s_.size();
#if defined(__SSE2__)
    while (n - i >= 16) {
      const __m128i v = Load16(s_.data() + i);
      const unsigned special = HighMask16(v) | EqualMask16(v, '.') | EqualMask16(v, '?') |
                               EqualMask16(v, '!') | EqualMask16(v, '\n');
      if (special != 0) return i + std::countr_zero(special);
      i += 16;
    }
#endif
    while (n - i >= 8) {
      const uint64_t v = Load8(s_.data() + i);
      if ((v & text_internal::kSwarHigh) || SwarHasByte(v, '.') || SwarHasByte(v, '?') ||
          SwarHasByte(v, '!') || SwarHasByte(v, '\n'))
        break;
      i += 8;
    }
    while (i < n && !kSpecial[static_cast<unsigned char>(s_[i])]) ++i;
    return i;
  }

  std::vector<Span> Run() {
    spans_.reserve(s_.size() / 120 + 2);
    const size_t n = s_.size();
    size_t i = 0;
    while (i < n) {
      i = SkipPlain(i);
      if (i >= n) break;
      switch (s_[i]) {
        case '\n':
          i = Newline(i, 1, false);
          continue;
        case '.':
          i = Period(i);
          continue;
        case '?': case '!':
          i = QuestionOrExclamation(i);
          continue;
        default:
          break;
      }
      Char ch = DecodeChar(s_, i);
      if (ch.cls == CharClass::kNewline) {
        i = Newline(i, ch.len, ch.cp == 0x2029);
      } else if (ch.cls == CharClass::kEllipsis) {
        i = Ellipsis(i, i + ch.len);
      } else {
        i += ch.len;
      }
    }
    Close(n, n);
    return std::move(spans_);
  }

 private:
  // Ends the sentence that started at start_ at `end` (trimming white space on both sides) and
  // starts the next one at `next`.
  void Close(size_t end, size_t next) {
    size_t b = start_;
    while (b < end) {
      Char ch = DecodeChar(s_, b);
      if (!text_internal::IsSpaceOrNewline(ch.cls)) break;
      b += ch.len;
    }
    while (end > b) {
      size_t k = text_internal::PrevCharStart(s_, end);
      if (!text_internal::IsSpaceOrNewline(DecodeChar(s_, k).cls)) break;
      end = k;
    }
    if (end > b) spans_.push_back(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(end)});
    start_ = next;
  }

  // At a newline of `len` bytes: closes the sentence when a blank line follows.
  size_t Newline(size_t i, size_t len, bool paragraph) {
    size_t j = i + len;
    if (!paragraph) {
      while (j < s_.size()) {
        Char ch = DecodeChar(s_, j);
        if (ch.cls == CharClass::kNewline) {
          paragraph = true;
          j += ch.len;
          break;
        }
        if (ch.cls != CharClass::kSpace) break;
        j += ch.len;
      }
    }
    if (paragraph) Close(i, j);
    return paragraph ? j : i + len;
  }

  // Skips closing quotes and brackets from i; returns the offset after them.
  size_t SkipClosers(size_t i) const {
    while (i < s_.size()) {
      Char ch = DecodeChar(s_, i);
      if (!IsCloser(s_, i, ch)) break;
      i += ch.len;
    }
    return i;
  }

  // True when white space or the end of the text is at i.
  bool SpaceOrEndAt(size_t i) const {
    return i >= s_.size() || text_internal::IsSpaceOrNewline(DecodeChar(s_, i).cls);
  }

  // Classifies what follows the white space at i.
  Next Classify(size_t i) const {
    const size_t n = s_.size();
    while (i < n) {
      Char ch = DecodeChar(s_, i);
      if (!text_internal::IsSpaceOrNewline(ch.cls)) break;
      i += ch.len;
    }
    if (i >= n) return Next::kEnd;
    Char ch = DecodeChar(s_, i);
    if (ch.cls == CharClass::kDigit) return Next::kDigit;
    if (ch.cls == CharClass::kDoubleQuote) return Next::kQuote;
    if (ch.cls == CharClass::kDash) return Next::kDash;
    if (ch.cls != CharClass::kLetter) return Next::kOtherStart;
    if (text_internal::IsLower(ch.cp)) return Next::kLower;
    size_t j = i;
    while (j < n && ((s_[j] >= 'A' && s_[j] <= 'Z') || (s_[j] >= 'a' && s_[j] <= 'z'))) ++j;
    if (j > i && !WordContinuesAt(j) && text_internal::IsSentenceStarterWord(s_.substr(i, j - i))) {
      return Next::kStarter;
    }
    return Next::kOtherStart;
  }

  // True when a letter or digit (or an apostrophe/period inside a word) continues at j.
  bool WordContinuesAt(size_t j) const {
    if (j >= s_.size()) return false;
    Char ch = DecodeChar(s_, j);
    if (text_internal::IsWordChar(ch.cls)) return true;
    if (ch.cls == CharClass::kApostrophe) {
      // "It's" still starts with a starter word; "O'Neill" does not exist as a starter anyway.
      return false;
    }
    return s_[j] == '.' && j + 1 < s_.size() &&
           text_internal::IsWordChar(DecodeChar(s_, j + 1).cls);
  }

  size_t QuestionOrExclamation(size_t i) {
    size_t j = i;
    while (j < s_.size() && (s_[j] == '?' || s_[j] == '!')) ++j;
    j = SkipClosers(j);
    if (!SpaceOrEndAt(j)) return j;
    if (Classify(j) != Next::kLower) Close(j, j);
    return j;
  }

  size_t Ellipsis(size_t i, size_t j) {
    (void)i;
    j = SkipClosers(j);
    if (!SpaceOrEndAt(j)) return j;
    Next next = Classify(j);
    if (next == Next::kStarter || next == Next::kEnd) Close(j, j);
    return j;
  }

  size_t Period(size_t i) {
    const size_t n = s_.size();
    if (i + 1 < n && s_[i + 1] == '.') {
      size_t j = i;
      while (j < n && s_[j] == '.') ++j;
      return Ellipsis(i, j);
    }
    // A period inside a token.
    if (i + 1 < n && text_internal::IsWordChar(DecodeChar(s_, i + 1).cls)) {
      return i + 1;
    }
    const size_t end = SkipClosers(i + 1);
    if (!SpaceOrEndAt(end)) return end;
    const Next next = Classify(end);
    if (next == Next::kEnd || EndsSentence(i, next)) Close(end, end);
    return end;
  }

  // Decides a period at i followed by white space and then `next`.
  bool EndsSentence(size_t i, Next next) const {
    if (next == Next::kLower || next == Next::kDash) return false;
    // The word before the period: letters, digits, inner periods and apostrophes.
    size_t w = i;
    bool inner_period = false;
    size_t letters = 0;
    bool first_upper = false;
    bool digits_only = true;
    while (w > start_) {
      size_t k = text_internal::PrevCharStart(s_, w);
      Char ch = DecodeChar(s_, k);
      if (ch.cls == CharClass::kLetter) {
        ++letters;
        first_upper = text_internal::IsUpper(ch.cp);
        digits_only = false;
      } else if (ch.cls == CharClass::kDigit) {
      } else if (s_[k] == '.' && k + 1 < i) {
        inner_period = true;
        digits_only = false;
      } else if (ch.cls == CharClass::kApostrophe && k + 1 < i && w != i) {
        digits_only = false;
        letters += 2;  // "Russia's": an ordinary word, never an initial
      } else {
        break;
      }
      w = k;
    }
    if (w == i || digits_only) return true;  // after punctuation or a number
    const std::string_view word = s_.substr(w, i - w);
    if (inner_period) {
      // "6:31 a.m. \"I feel ..." splits, "the U.S. \"open door\" policy" does not.
      return next == Next::kStarter || (!first_upper && next == Next::kQuote);
    }
    if (letters == 1 && first_upper && word.size() <= 4) return next == Next::kStarter;
    switch (text_internal::LookupAbbreviation(word)) {
      case AbbreviationKind::kNone: return true;
      case AbbreviationKind::kTitle: return false;
      case AbbreviationKind::kMonth:
        return next == Next::kStarter;
      case AbbreviationKind::kBeforeNumber: return next != Next::kDigit;
      case AbbreviationKind::kOther: return next == Next::kStarter;
    }
    return true;
  }

  std::string_view s_;
  std::vector<Span> spans_;
  size_t start_ = 0;  // where the current sentence starts, white space not yet skipped
};

}  // namespace

std::vector<Span> SplitSentences(std::string_view text) { return Splitter(text).Run(); }

}  // namespace dragoman
