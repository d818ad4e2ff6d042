// The closed-class word table behind WordFlags().
#include "coder/words.h"

#include <cstdlib>
#include <string>
#include <unordered_map>
#include <utility>

#include "coder/dates.h"

namespace dragoman::coder {
namespace {

using Entry = ClosedClassWord;

constexpr Entry kWords[] = {
    {"THE", kDeterminer}, {"A", kDeterminer}, {"AN", kDeterminer}, {"THIS", kDeterminer},
    {"THESE", kDeterminer}, {"THOSE", kDeterminer}, {"SOME", kDeterminer}, {"ANY", kDeterminer},
    {"ALL", kDeterminer}, {"BOTH", kDeterminer}, {"EACH", kDeterminer}, {"SEVERAL", kDeterminer},
    {"MANY", kDeterminer}, {"OTHER", kDeterminer}, {"ANOTHER", kDeterminer},
    {"OF", kPreposition}, {"TO", kPreposition}, {"IN", kPreposition}, {"ON", kPreposition},
    {"AT", kPreposition}, {"BY", kPreposition}, {"FOR", kPreposition}, {"FROM", kPreposition},
    {"WITH", kPreposition}, {"ABOUT", kPreposition}, {"AGAINST", kPreposition},
    {"INTO", kPreposition}, {"ONTO", kPreposition}, {"OVER", kPreposition},
    {"UNDER", kPreposition}, {"DURING", kPreposition}, {"AMONG", kPreposition},
    {"BETWEEN", kPreposition}, {"THROUGH", kPreposition}, {"TOWARD", kPreposition},
    {"TOWARDS", kPreposition}, {"ACROSS", kPreposition}, {"NEAR", kPreposition},
    {"WITHIN", kPreposition}, {"WITHOUT", kPreposition}, {"UPON", kPreposition},
    {"REGARDING", kPreposition}, {"INCLUDING", kPreposition}, {"VIA", kPreposition},
    {"AMID", kPreposition}, {"AMIDST", kPreposition}, {"AMONGST", kPreposition},
    {"DESPITE", kPreposition}, {"ALONG", kPreposition}, {"ALONGSIDE", kPreposition},
    {"BEYOND", kPreposition}, {"BEHIND", kPreposition}, {"ABOVE", kPreposition},
    {"BELOW", kPreposition}, {"BESIDE", kPreposition}, {"UNLIKE", kPreposition},
    {"EXCEPT", kPreposition},
    {"AFTER", kPreposition | kComplementizer}, {"BEFORE", kPreposition | kComplementizer},
    {"SINCE", kPreposition | kComplementizer},
    {"AND", kConjunction}, {"OR", kConjunction}, {"BUT", kConjunction}, {"NOR", kConjunction},
    {"HE", kPronoun | kPersonPronoun}, {"SHE", kPronoun | kPersonPronoun},
    {"HIM", kPronoun | kPersonPronoun}, {"IT", kPronoun},
    {"THEY", kPronoun | kPluralPronoun}, {"THEM", kPronoun | kPluralPronoun},
    {"HIS", kPossessive | kPronoun | kPersonPronoun}, {"HER", kPossessive | kPronoun | kPersonPronoun},
    {"ITS", kPossessive | kPronoun}, {"THEIR", kPossessive | kPronoun | kPluralPronoun},
    {"'S", kPossessive}, {"'", kPossessive},
    {"I", kFirstPerson}, {"WE", kFirstPerson}, {"ME", kFirstPerson}, {"OUR", kFirstPerson | kPossessive},
    {"MY", kFirstPerson | kPossessive},
    // Contractions the tokenizer keeps whole ("we've made progress"); I'll, we'll and we'd are
    // left out, as their modal would be lost.
    {"I'M", kFirstPerson}, {"I'VE", kFirstPerson}, {"WE'RE", kFirstPerson},
    {"WE'VE", kFirstPerson},
    {"NOT", kNegation}, {"N'T", kNegation}, {"NEVER", kNegation},
    {"IS", kAuxiliary | kBe}, {"ARE", kAuxiliary | kBe}, {"WAS", kAuxiliary | kBe},
    {"WERE", kAuxiliary | kBe}, {"BE", kAuxiliary | kBe}, {"BEEN", kAuxiliary | kBe},
    {"BEING", kAuxiliary | kBe}, {"AM", kAuxiliary | kBe},
    {"HAS", kAuxiliary}, {"HAVE", kAuxiliary}, {"HAD", kAuxiliary}, {"DO", kAuxiliary},
    {"DOES", kAuxiliary}, {"DID", kAuxiliary},
    {"WILL", kAuxiliary | kModal}, {"WOULD", kAuxiliary | kModal}, {"SHALL", kAuxiliary | kModal},
    {"SHOULD", kAuxiliary | kModal}, {"CAN", kAuxiliary | kModal}, {"CA", kAuxiliary | kModal},
    {"COULD", kAuxiliary | kModal}, {"MAY", kAuxiliary | kModal}, {"MIGHT", kAuxiliary | kModal},
    {"MUST", kAuxiliary | kModal}, {"WO", kAuxiliary | kModal},
    {"THAT", kComplementizer}, {"WHICH", kComplementizer}, {"WHO", kComplementizer},
    {"WHOM", kComplementizer}, {"WHOSE", kComplementizer}, {"WHETHER", kComplementizer},
    {"BECAUSE", kComplementizer}, {"WHILE", kComplementizer}, {"WHEN", kComplementizer},
    {"IF", kComplementizer}, {"ALTHOUGH", kComplementizer}, {"THOUGH", kComplementizer},
    {"UNLESS", kComplementizer}, {"WHERE", kComplementizer}, {"WHEREAS", kComplementizer},
    {";", kClauseEnd}, {":", kClauseEnd}, {"(", kClauseEnd}, {")", kClauseEnd},
    {"\"", kClauseEnd}, {"--", kClauseEnd}, {",", kComma},
    {"FORMER", kFormer}, {"EX", kFormer},
    {"SENIOR", kModifier}, {"TOP", kModifier}, {"NEW", kModifier}, {"CHIEF", kModifier},
    {"HIGH", kModifier}, {"HIGH-RANKING", kModifier}, {"LOCAL", kModifier},
    {"ACTING", kModifier}, {"INTERIM", kModifier}, {"THEN", kModifier}, {"OWN", kModifier},
    {"MONDAY", kTimeWord}, {"TUESDAY", kTimeWord}, {"WEDNESDAY", kTimeWord},
    {"THURSDAY", kTimeWord}, {"FRIDAY", kTimeWord}, {"SATURDAY", kTimeWord},
    {"SUNDAY", kTimeWord}, {"TODAY", kTimeWord}, {"YESTERDAY", kTimeWord},
    {"TOMORROW", kTimeWord}, {"TONIGHT", kTimeWord},
    {"THOUSANDS", kQuantity}, {"HUNDREDS", kQuantity}, {"DOZENS", kQuantity},
    {"MILLIONS", kQuantity}, {"SCORES", kQuantity}, {"TENS", kQuantity}, {"GROUP", kQuantity},
    {"GROUPS", kQuantity}, {"NUMBER", kQuantity}, {"HANDFUL", kQuantity}, {"CROWD", kQuantity},
    {"CROWDS", kQuantity}, {"BAND", kQuantity}, {"UNIT", kQuantity}, {"TEAM", kQuantity},
    {"DELEGATION", kQuantity}, {"MANY", kQuantity | kDeterminer}, {"MOST", kQuantity},
    {"ONE", kQuantity}, {"TWO", kQuantity}, {"THREE", kQuantity}, {"FOUR", kQuantity},
    {"FIVE", kQuantity}, {"SIX", kQuantity}, {"SEVEN", kQuantity}, {"EIGHT", kQuantity},
    {"NINE", kQuantity}, {"TEN", kQuantity}, {"DOZEN", kQuantity}, {"HUNDRED", kQuantity},
    {"THOUSAND", kQuantity}, {"MILLION", kQuantity}, {"NONE", kQuantity},
    {"SOME", kQuantity}, {"ALL", kQuantity}, {"SEVERAL", kQuantity}, {"BOTH", kQuantity},
    {"EACH", kQuantity},
    {"IF", kCondition}, {"UNLESS", kCondition},
    {"AFTER", kCircumstance}, {"BEFORE", kCircumstance}, {"SINCE", kCircumstance},
    {"BECAUSE", kCircumstance}, {"WHILE", kCircumstance}, {"WHEN", kCircumstance},
    {"ALTHOUGH", kCircumstance}, {"THOUGH", kCircumstance}, {"IF", kCircumstance},
    {"WHEREAS", kCircumstance},
    {"GOING", kIntention}, {"PLAN", kIntention}, {"PLANS", kIntention}, {"PLANNED", kIntention},
    {"PLANNING", kIntention}, {"INTEND", kIntention}, {"INTENDS", kIntention},
    {"INTENDED", kIntention}, {"PROMISED", kIntention}, {"PROMISES", kIntention},
    {"PLEDGED", kIntention}, {"PLEDGES", kIntention}, {"READY", kIntention},
    {"WILLING", kIntention}, {"SET", kIntention}, {"DUE", kIntention},
    {"MET", kIrregularParticiple}, {"HELD", kIrregularParticiple},
    {"SAID", kIrregularParticiple}, {"HIT", kIrregularParticiple}, {"LED", kIrregularParticiple},
    {"SHOT", kIrregularParticiple}, {"FOUGHT", kIrregularParticiple},
    {"SOUGHT", kIrregularParticiple}, {"BROUGHT", kIrregularParticiple},
    {"CAUGHT", kIrregularParticiple}, {"SENT", kIrregularParticiple},
    {"BUILT", kIrregularParticiple}, {"SOLD", kIrregularParticiple},
    {"TOLD", kIrregularParticiple}, {"KEPT", kIrregularParticiple},
    {"COMMITTED", kAdjectivalParticiple}, {"DETERMINED", kAdjectivalParticiple},
    {"PREPARED", kAdjectivalParticiple}, {"CONCERNED", kAdjectivalParticiple},
    {"INTERESTED", kAdjectivalParticiple}, {"OPPOSED", kAdjectivalParticiple},
    {"DEDICATED", kAdjectivalParticiple}, {"INVOLVED", kAdjectivalParticiple},
    {"ENGAGED", kAdjectivalParticiple}, {"ALARMED", kAdjectivalParticiple},
    {"DISAPPOINTED", kAdjectivalParticiple}, {"PLEASED", kAdjectivalParticiple},
    {"SATISFIED", kAdjectivalParticiple}, {"WORRIED", kAdjectivalParticiple},
    {"CONVINCED", kAdjectivalParticiple}, {"UNITED", kAdjectivalParticiple},
    {"RESOLVED", kAdjectivalParticiple}, {"EXPECTED", kAdjectivalParticiple},
    {"SUPPOSED", kAdjectivalParticiple}, {"SCHEDULED", kAdjectivalParticiple},
};

const std::unordered_map<std::string_view, uint32_t>& Table() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, uint32_t>();
    for (const Entry& e : kWords) (*t)[e.word] |= e.flags;
    return t;
  }();
  return *table;
}

}  // namespace

std::span<const ClosedClassWord> ClosedClassWords() { return kWords; }

uint8_t TextTags(std::string_view norm) {
  static const WordSet kSpeech({"SAID", "SAYS", "SAY", "SAYING", "TOLD", "TELLS", "TELLING",
                                "ADDED", "ADDS", "ADDING", "STATED", "NOTED", "DECLARED", "WROTE",
                                "WRITES", "ANNOUNCED", "EXPLAINED", "INSISTED", "STRESSED",
                                "WARNED", "ASKED", "REPLIED", "ACCORDING", "CONTINUED",
                                "CONCLUDED"});
  return (kSpeech.Contains(norm) ? kTextSpeech : 0) | DateTextTags(norm);
}

WordSet::WordSet(std::vector<std::string_view> words) {
  for (std::string_view w : words) {
    const unsigned c = w.empty() ? 32 : static_cast<unsigned char>(w[0]) - 'A';
    // A word the mask cannot hold would be missed: such words do not belong in a WordSet.
    if (w.size() >= kMaxLength || c >= 32) std::abort();
    first_letters_[w.size()] |= 1u << c;
    by_length_[w.size()].push_back(w);
  }
}

uint32_t WordFlags(std::string_view norm) {
  const auto& table = Table();
  auto it = table.find(norm);
  return it == table.end() ? 0 : it->second;
}

}  // namespace dragoman::coder
