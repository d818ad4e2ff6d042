// Character tables for the text stage: classes of code points, upper-casing and the matching form
// of one character. Hand-written tables instead of ICU keep the library dependency-free and the
// hot path branch-cheap; they cover the scripts that actually occur in English news text (names
// with Latin-1/Latin Extended-A/B diacritics, Vietnamese, Greek and Cyrillic).
#include "text/chars.h"

namespace dragoman::text_internal {

namespace {

constexpr CharClass O = CharClass::kOther;
constexpr CharClass S = CharClass::kSpace;
constexpr CharClass N = CharClass::kNewline;
constexpr CharClass L = CharClass::kLetter;
constexpr CharClass D = CharClass::kDigit;
constexpr CharClass A = CharClass::kApostrophe;
constexpr CharClass Q = CharClass::kDoubleQuote;
constexpr CharClass H = CharClass::kDash;

}  // namespace

const CharClass kAsciiClass[128] = {
    O, O, O, O, O, O, O, O, O, S, N, S, S, S, O, O,  // 0x00
    O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,  // 0x10
    S, O, Q, O, O, O, O, A, O, O, O, O, O, H, O, O,  // 0x20  !"#$%&'()*+,-./
    D, D, D, D, D, D, D, D, D, D, O, O, O, O, O, O,  // 0x30  0-9 :;<=>?
    O, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,  // 0x40  @A-O
    L, L, L, L, L, L, L, L, L, L, L, O, O, O, O, S,  // 0x50  P-Z [\]^ and _ (a word separator, as in dictionaries)
    O, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,  // 0x60  `a-o
    L, L, L, L, L, L, L, L, L, L, L, O, O, O, O, O,  // 0x70  p-z {|}~ DEL
};

CharClass ClassifyNonAscii(uint32_t cp) {
  if (cp < 0x100) {
    if (cp == 0x85 || cp == 0xA0) return S;
    if (cp == 0xAB || cp == 0xBB) return Q;
    if (cp == 0xAA || cp == 0xB5 || cp == 0xBA) return L;
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return O;
    return L;
  }
  if (cp < 0x2000) {
    if (cp == 0x2BC) return A;
    if (cp == 0x1680) return S;
    if (cp == 0x37E || cp == 0x387 || (cp >= 0x55A && cp <= 0x55F) || cp == 0x589 ||
        cp == 0x5BE || cp == 0x5C0 || cp == 0x5C3 || cp == 0x5C6 || cp == 0x5F3 || cp == 0x5F4 ||
        (cp >= 0x609 && cp <= 0x60D) || cp == 0x61B || cp == 0x61E || cp == 0x61F ||
        (cp >= 0x66A && cp <= 0x66D) || cp == 0x6D4 || cp == 0x964 || cp == 0x965) {
      return O;
    }
    return L;
  }
  if (cp < 0x2070) {  // General Punctuation
    if (cp <= 0x200B) return S;
    if (cp == 0x200C || cp == 0x200D) return L;  // joiners live inside words
    if (cp == 0x200E || cp == 0x200F) return S;
    if (cp <= 0x2015) return H;
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x2032) return A;
    if ((cp >= 0x201C && cp <= 0x201F) || cp == 0x2033) return Q;
    if (cp == 0x2026) return CharClass::kEllipsis;
    if (cp == 0x2028 || cp == 0x2029) return N;
    if (cp == 0x202F || cp == 0x205F || cp == 0x2060) return S;
    if (cp == 0x2039 || cp == 0x203A) return CharClass::kSingleGuillemet;
    return O;
  }
  if (cp == 0x2212) return H;
  if (cp < 0x2C00) return O;  // super/subscripts, currency, letterlike, arrows, math, boxes...
  if (cp >= 0x2E00 && cp < 0x2E80) return O;
  if (cp == 0x3000) return S;
  if (cp > 0x3000 && cp < 0x3040) return O;
  if (cp >= 0xE000 && cp < 0xF900) return O;  // private use
  if ((cp >= 0xFE10 && cp < 0xFE20) || (cp >= 0xFE30 && cp < 0xFE70)) return O;
  if (cp == 0xFEFF) return S;
  if (cp >= 0xFF00 && cp < 0xFF66) {
    if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
        (cp >= 0xFF41 && cp <= 0xFF5A)) {
      return L;
    }
    return O;
  }
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return O;
  if (cp >= 0x1F000 && cp < 0x1FB00) return O;  // emoji and pictographs
  if (cp >= 0xE0000) return O;
  return L;
}

const char* LatinBase(uint32_t cp) {
  // Upper-case Latin-1 letters U+00C0..U+00DE.
  static const char* const kLatin1[] = {
      "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
      "D", "N", "O", "O", "O", "O", "O", nullptr, "O", "U", "U", "U", "U", "Y", "TH"};
  // Latin Extended-A U+0100..U+017F, both cases (upper case is what reaches here).
  static const char kExtendedA[] =
      "AAAAAACCCCCCCCDDDDEEEEEEEEEEGGGGGGGGHHHHIIIIIIIIIIIIJJKKKLLLLLLLLLLNNNNNNNNNOOOOOOOO"
      "RRRRRRSSSSSSSSTTTTTTUUUUUUUUUUUUWWYYYZZZZZZS";
  static_assert(sizeof(kExtendedA) - 1 == 128, "one base letter per code point");
  static const char* const kLetters[] = {
      "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
      "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z"};
  if (cp >= 0xC0 && cp <= 0xDE) return kLatin1[cp - 0xC0];
  if (cp == 0xDF) return "SS";
  if (cp == 0x152) return "OE";
  if (cp == 0x132) return "IJ";
  if (cp >= 0x100 && cp <= 0x17F) return kLetters[kExtendedA[cp - 0x100] - 'A'];
  if (cp == 0x218) return "S";  // Romanian Ș
  if (cp == 0x21A) return "T";  // Romanian Ț
  return nullptr;
}

uint32_t ToUpper(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
  if (cp < 0x100) {
    if (cp >= 0xE0 && cp != 0xF7 && cp != 0xFF) return cp - 0x20;
    if (cp == 0xFF) return 0x178;
    return cp;
  }
  if (cp < 0x180) {  // Latin Extended-A
    if (cp == 0x131) return 'I';
    if (cp == 0x17F) return 'S';
    if (cp < 0x138) return (cp & 1) ? cp - 1 : cp;
    if (cp >= 0x139 && cp <= 0x148) return (cp & 1) ? cp : cp - 1;
    if (cp >= 0x14A && cp <= 0x177) return (cp & 1) ? cp - 1 : cp;
    if (cp >= 0x179 && cp <= 0x17E) return (cp & 1) ? cp : cp - 1;
    return cp;
  }
  if (cp >= 0x1CD && cp <= 0x1DC) return (cp & 1) ? cp : cp - 1;  // Ǎǎ ... Ǜǜ
  if (cp >= 0x200 && cp <= 0x21F) return (cp & 1) ? cp - 1 : cp;  // incl. Romanian Șș Țț
  if (cp >= 0x370 && cp < 0x400) {  // Greek
    if (cp == 0x3AC) return 0x386;
    if (cp >= 0x3AD && cp <= 0x3AF) return cp - 0x25;
    if (cp == 0x3C2) return 0x3A3;
    if (cp >= 0x3B1 && cp <= 0x3CB) return cp - 0x20;
    if (cp == 0x3CC) return 0x38C;
    if (cp == 0x3CD || cp == 0x3CE) return cp - 0x3F;
    return cp;
  }
  if (cp >= 0x400 && cp < 0x530) {  // Cyrillic
    if (cp >= 0x430 && cp <= 0x44F) return cp - 0x20;
    if (cp >= 0x450 && cp <= 0x45F) return cp - 0x50;
    if ((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF) ||
        (cp >= 0x4D0 && cp <= 0x52F)) {
      return (cp & 1) ? cp - 1 : cp;
    }
    if (cp >= 0x4C1 && cp <= 0x4CE) return (cp & 1) ? cp : cp - 1;
    if (cp == 0x4CF) return 0x4C0;
    return cp;
  }
  if (cp >= 0x1E00 && cp <= 0x1EFF) {  // Latin Extended Additional (Vietnamese)
    if (cp <= 0x1E95 || cp >= 0x1EA0) return (cp & 1) ? cp - 1 : cp;
    return cp;
  }
  return cp;
}

bool IsLower(uint32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return cp == 0xDF || cp == 0xB5 || cp == 0x138 || cp == 0x149 || ToUpper(cp) != cp;
}

bool IsUpper(uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp < 0x100) return cp >= 0xC0 && cp <= 0xDE && cp != 0xD7;
  // An upper-case letter is one some lower-case letter of the tables maps to.
  if (cp < 0x180) {
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return false;
    return ToUpper(cp) == cp;
  }
  if (cp >= 0x1CD && cp <= 0x1DC) return ToUpper(cp) == cp;
  if (cp >= 0x200 && cp <= 0x21F) return ToUpper(cp) == cp;
  if (cp >= 0x386 && cp <= 0x3AB) return cp != 0x387 && cp != 0x38B && cp != 0x38D && cp != 0x390;
  if (cp >= 0x400 && cp <= 0x42F) return true;
  if ((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF) ||
      (cp >= 0x4D0 && cp <= 0x52F)) {
    return (cp & 1) == 0;
  }
  if (cp == 0x4C0 || (cp >= 0x4C1 && cp <= 0x4CE && (cp & 1))) return true;
  if ((cp >= 0x1E00 && cp <= 0x1E95) || (cp >= 0x1EA0 && cp <= 0x1EFF)) return (cp & 1) == 0;
  return false;
}

void AppendNormalized(std::string_view s, size_t i, const Char& ch, std::string* out) {
  if (ch.cp < 0x80) {
    char c = static_cast<char>(ch.cp);
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    out->push_back(c);
    return;
  }
  if (ch.cp & kInvalidMark) {
    out->push_back(s[i]);
    return;
  }
  switch (ch.cls) {
    case CharClass::kApostrophe: out->push_back('\''); return;
    case CharClass::kDoubleQuote: out->push_back('"'); return;
    case CharClass::kSingleGuillemet: out->push_back('\''); return;
    case CharClass::kDash: out->push_back('-'); return;
    case CharClass::kEllipsis: out->append("..."); return;
    case CharClass::kSpace: out->push_back(' '); return;
    case CharClass::kNewline: out->push_back('\n'); return;
    case CharClass::kLetter: {
      uint32_t up = ToUpper(ch.cp);
      if (const char* base = LatinBase(up)) {
        out->append(base);  // "ERDOĞAN" and "ERDOGAN" match alike
      } else {
        AppendUtf8(up, out);
      }
      return;
    }
    default: out->append(s.substr(i, ch.len)); return;
  }
}

}  // namespace dragoman::text_internal
