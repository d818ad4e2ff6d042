// Word lists for abbreviations and sentence starters. Both are small sorted tables. A word is
// upper-cased and packed into a 64-bit key (its first eight letters, high byte first, so keys
// sort as the words do), and the key is found by binary search over the tables' keys, made at
// compile time: integer compares, no allocation and no memcmp.
#include "text/abbreviations.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

namespace dragoman::text_internal {

namespace {

struct Entry {
  std::string_view word;  // upper case
  AbbreviationKind kind;
};

constexpr AbbreviationKind T = AbbreviationKind::kTitle;
constexpr AbbreviationKind M = AbbreviationKind::kMonth;
constexpr AbbreviationKind B = AbbreviationKind::kBeforeNumber;
constexpr AbbreviationKind X = AbbreviationKind::kOther;

// Sorted by word.
constexpr Entry kAbbreviations[] = {
    {"ADM", T}, {"AL", X}, {"ALA", X}, {"APPROX", X}, {"APR", M}, {"ARIZ", X}, {"ART", B},
    {"ASSN", X}, {"AUG", M}, {"AVE", X}, {"BLVD", X}, {"BRIG", T}, {"BROS", X}, {"CALIF", X},
    {"CAPT", T}, {"CMDR", T}, {"CO", X}, {"COL", T}, {"COLO", X}, {"CONN", X}, {"CORP", X},
    {"CPL", T}, {"DEC", M}, {"DEPT", X}, {"DR", T}, {"EST", X}, {"ETC", X}, {"FEB", M}, {"FIG", B},
    {"FLA", X}, {"FT", T}, {"GA", X}, {"GEN", T}, {"GENS", T}, {"GOV", T}, {"GOVS", T}, {"HON", T},
    {"INC", X}, {"JAN", M}, {"JR", X}, {"JUL", M}, {"JUN", M}, {"KAN", X}, {"KY", X}, {"LT", T},
    {"LTD", X}, {"MAJ", T}, {"MAR", M}, {"MD", X}, {"MESSRS", T}, {"MICH", X}, {"MINN", X},
    {"MO", X}, {"MONT", X}, {"MR", T}, {"MRS", T}, {"MS", T}, {"MT", T}, {"NEB", X}, {"NEV", X},
    {"NO", B}, {"NOS", B}, {"NOV", M}, {"OCT", M}, {"OKLA", X}, {"ORE", X}, {"PA", X}, {"PP", B},
    {"PRES", T}, {"PROF", T}, {"PVT", T}, {"REP", T}, {"REPS", T}, {"REV", T}, {"SEN", T},
    {"SENS", T}, {"SEP", M}, {"SEPT", M}, {"SGT", T}, {"SR", X}, {"ST", T}, {"STE", T}, {"SUPT", T},
    {"TENN", X}, {"UNIV", X}, {"V", T}, {"VA", X}, {"VOL", B}, {"VS", T}, {"VT", X}, {"WIS", X},
    {"WYO", X},
};

// Sorted. Capitalised words that often start an English news sentence.
constexpr std::string_view kStarters[] = {
    "A",        "AFTER",   "ALL",     "ALSO",   "ALTHOUGH", "AN",      "AND",     "ANOTHER",
    "ANY",      "AS",      "AT",      "BECAUSE", "BEFORE",  "BOTH",    "BUT",     "BY",
    "DESPITE",  "DURING",  "EACH",    "EARLIER", "EVEN",    "FOR",     "FROM",    "HE",
    "HER",      "HERE",    "HIS",     "HOW",    "HOWEVER",  "I",       "IF",      "IN",
    "IT",       "ITS",     "LAST",    "LATER",  "MANY",     "MEANWHILE", "MORE",  "MOST",
    "MY",       "NEITHER", "NO",      "NOR",    "NOT",      "NOW",     "OFFICIALS", "ON",
    "ONE",      "OR",      "OTHER",   "OUR",    "SHE",      "SINCE",   "SO",      "SOME",
    "STILL",    "SUCH",    "THAT",    "THE",    "THEIR",    "THEN",    "THERE",   "THESE",
    "THEY",     "THIS",    "THOSE",   "THOUGH", "THUS",     "TO",      "TODAY",   "TWO",
    "UNDER",    "UNTIL",   "WE",      "WHAT",   "WHEN",     "WHERE",   "WHETHER", "WHICH",
    "WHILE",    "WHO",     "WHY",     "WITH",   "WITHOUT",  "YET",     "YOU",
};

static_assert(std::is_sorted(std::begin(kAbbreviations), std::end(kAbbreviations),
                             [](const Entry& a, const Entry& b) { return a.word < b.word; }));
static_assert(std::is_sorted(std::begin(kStarters), std::end(kStarters)));

// Up to eight letters, the first in the high byte, zero-padded.
constexpr uint64_t Pack(std::string_view w) {
  uint64_t k = 0;
  for (size_t i = 0; i < 8; ++i) k = (k << 8) | (i < w.size() ? static_cast<uint8_t>(w[i]) : 0u);
  return k;
}

constexpr auto kAbbreviationKeys = [] {
  std::array<uint64_t, std::size(kAbbreviations)> keys{};
  for (size_t i = 0; i < keys.size(); ++i) keys[i] = Pack(kAbbreviations[i].word);
  return keys;
}();

// Starters of up to eight letters by key; the longer ones ("MEANWHILE") are compared as words.
constexpr size_t kShortStarters = [] {
  size_t n = 0;
  for (std::string_view w : kStarters) n += w.size() <= 8;
  return n;
}();
constexpr auto kStarterKeys = [] {
  std::array<uint64_t, kShortStarters> keys{};
  size_t n = 0;
  for (std::string_view w : kStarters)
    if (w.size() <= 8) keys[n++] = Pack(w);
  return keys;
}();

static_assert(std::is_sorted(kAbbreviationKeys.begin(), kAbbreviationKeys.end()));
static_assert(std::is_sorted(kStarterKeys.begin(), kStarterKeys.end()));
static_assert(std::all_of(std::begin(kAbbreviations), std::end(kAbbreviations),
                          [](const Entry& e) { return e.word.size() <= 8; }));

// Upper-cases ASCII `word` into buf; false when it is too long or not ASCII letters.
bool UpperAscii(std::string_view word, char* buf, size_t cap, std::string_view* out) {
  if (word.empty() || word.size() > cap) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 32);
    } else if (c < 'A' || c > 'Z') {
      return false;
    }
    buf[i] = c;
  }
  *out = std::string_view(buf, word.size());
  return true;
}

}  // namespace

AbbreviationKind LookupAbbreviation(std::string_view word) {
  char buf[8];
  std::string_view upper;
  if (!UpperAscii(word, buf, sizeof(buf), &upper)) return AbbreviationKind::kNone;
  const uint64_t key = Pack(upper);
  auto it = std::lower_bound(kAbbreviationKeys.begin(), kAbbreviationKeys.end(), key);
  if (it == kAbbreviationKeys.end() || *it != key) return AbbreviationKind::kNone;
  return kAbbreviations[it - kAbbreviationKeys.begin()].kind;
}

bool IsSentenceStarterWord(std::string_view word) {
  char buf[12];
  std::string_view upper;
  if (!UpperAscii(word, buf, sizeof(buf), &upper)) return false;
  if (upper.size() > 8) return std::binary_search(std::begin(kStarters), std::end(kStarters), upper);
  return std::binary_search(kStarterKeys.begin(), kStarterKeys.end(), Pack(upper));
}

}  // namespace dragoman::text_internal
