// Closed-class English words the shallow parser needs (determiners, prepositions, auxiliaries...),
// as flags on normalised tokens. The lists are small and fixed; everything else comes from
// dictionaries.
#ifndef DRAGOMAN_CODER_WORDS_H_
#define DRAGOMAN_CODER_WORDS_H_

#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

namespace dragoman::coder {

// Whether `w` is `literal` ("AND"). Inlined with the literal's length known, where `w == "AND"sv`
// in a large function may leave std::string_view::compare out of line and call memcmp each time
// (a measurable share of the coder's instructions).
template <size_t N>
inline bool Is(std::string_view w, const char (&literal)[N]) {
  return w.size() == N - 1 && std::memcmp(w.data(), literal, N - 1) == 0;
}
// Whether `w` ends with `literal` ("ED"), inlined likewise.
template <size_t N>
inline bool EndsWith(std::string_view w, const char (&literal)[N]) {
  return w.size() >= N - 1 && std::memcmp(w.data() + w.size() - (N - 1), literal, N - 1) == 0;
}

enum WordFlag : uint32_t {
  kDeterminer = 1u << 0,    // THE A AN THIS ...
  kPreposition = 1u << 1,   // OF TO IN ON ...
  kConjunction = 1u << 2,   // AND OR BUT NOR
  kPronoun = 1u << 3,       // HE SHE IT THEY HIM THEM
  kPossessive = 1u << 4,    // HIS HER ITS THEIR 'S
  kNegation = 1u << 5,      // NOT N'T NEVER
  kAuxiliary = 1u << 6,     // IS WAS HAS WILL WOULD ...
  kBe = 1u << 7,            // IS ARE WAS WERE BE BEEN BEING
  kComplementizer = 1u << 8,// THAT WHICH WHO WHETHER BECAUSE ...
  kClauseEnd = 1u << 9,     // ; : ( ) and quotes
  kComma = 1u << 10,
  kFormer = 1u << 11,       // FORMER, EX
  kModifier = 1u << 12,     // SENIOR TOP NEW ... words that may sit inside a noun phrase
  kFirstPerson = 1u << 13,  // I WE ME US(lower) OUR MY
  kPersonPronoun = 1u << 14,// HE SHE HIM HIS HER
  kPluralPronoun = 1u << 15,// THEY THEM THEIR
  kModal = 1u << 16,        // WILL WOULD COULD MAY MIGHT SHOULD CAN SHALL MUST
  kTimeWord = 1u << 17,     // weekdays, TODAY, YESTERDAY ...
  kQuantity = 1u << 18,     // THOUSANDS DOZENS GROUP ... heading "X of Y" noun phrases
  kCondition = 1u << 19,    // IF UNLESS: what follows is hypothetical
  kIntention = 1u << 20,    // GOING PLANS READY ... before "to": what follows is future
  kIrregularParticiple = 1u << 21,  // MET HELD SAID HIT LED SHOT FOUGHT ...
  kAdjectivalParticiple = 1u << 22, // COMMITTED PREPARED CONCERNED ...: "is committed to"
  kCircumstance = 1u << 23, // AFTER BECAUSE WHILE IF ...: opens a clause of time, cause or condition
};

// A small fixed set of normalised words that is tested for every token: a bitmask of the first
// letters of its words of each length rules out most tokens before any comparison.
class WordSet {
 public:
  explicit WordSet(std::vector<std::string_view> words);
  bool Contains(std::string_view w) const {
    if (w.empty() || w.size() >= kMaxLength) return false;
    const unsigned c = static_cast<unsigned char>(w[0]) - 'A';
    if (c >= 32 || !((first_letters_[w.size()] >> c) & 1)) return false;
    for (std::string_view x : by_length_[w.size()])
      if (x[0] == w[0] && std::memcmp(x.data(), w.data(), w.size()) == 0) return true;
    return false;
  }

 private:
  static constexpr size_t kMaxLength = 24;
  std::array<uint32_t, kMaxLength> first_letters_{};  // by length: bit (first letter - 'A')
  // The words (which must outlive the set) by length.
  std::array<std::vector<std::string_view>, kMaxLength> by_length_;
};

// Facts about a token's text that the article passes test for every token, worked out once per
// distinct word (Vocabulary::SetClassifier, WordIds::text_tags).
enum TextTag : uint8_t {
  kTextSpeech = 1,      // SAID, TOLD, ADDED, ACCORDING ...: who speaks (article.cc)
  kTextDateStart = 2,   // may start a date expression (dates.cc)
  kTextDatePrefix = 4,  // begins like a month or weekday name: JAN..DEC, MON..SUN (dates.cc)
};
uint8_t TextTags(std::string_view norm);

// The flags of a normalised word (0 for open-class words).
uint32_t WordFlags(std::string_view norm);

// Every closed-class word with its flags, for callers that index them by their own word ids.
struct ClosedClassWord {
  const char* word;
  uint32_t flags;
};
std::span<const ClosedClassWord> ClosedClassWords();

}  // namespace dragoman::coder

#endif  // DRAGOMAN_CODER_WORDS_H_
