// Word lists for abbreviations and sentence starters. Both are small sorted tables searched by
// binary search on an upper-cased copy of the word in a stack buffer (no allocation).
#include "text/abbreviations.h"

#include <algorithm>
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
  auto it = std::lower_bound(std::begin(kAbbreviations), std::end(kAbbreviations), upper,
                             [](const Entry& e, std::string_view w) { return e.word < w; });
  if (it != std::end(kAbbreviations) && it->word == upper) return it->kind;
  return AbbreviationKind::kNone;
}

bool IsSentenceStarterWord(std::string_view word) {
  char buf[12];
  std::string_view upper;
  if (!UpperAscii(word, buf, sizeof(buf), &upper)) return false;
  return std::binary_search(std::begin(kStarters), std::end(kStarters), upper);
}

}  // namespace dragoman::text_internal
