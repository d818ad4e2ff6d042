// The fixed list of news abbreviations shared by the tokenizer (which keeps their period) and the
// sentence splitter (which does not end a sentence after most of them).
#ifndef DRAGOMAN_TEXT_ABBREVIATIONS_H_
#define DRAGOMAN_TEXT_ABBREVIATIONS_H_

#include <string_view>

namespace dragoman::text_internal {

enum class AbbreviationKind {
  kNone,
  kTitle,         // Mr Dr Gen St Sen ...: always followed by a name, never ends a sentence
  kMonth,         // Jan Feb ... Dec: ends a sentence only before a sentence-starter word
  kBeforeNumber,  // No Nos Vol Art Fig: an abbreviation only when a number follows ("No. 3")
  kOther,         // Inc Corp Ltd Jr etc vs ...: ends a sentence only before a sentence-starter word
};

// Looks `word` (without its period) up, ignoring ASCII case.
AbbreviationKind LookupAbbreviation(std::string_view word);

// True for capitalised words that commonly start a sentence ("The", "He", "But", ...), ignoring
// case; used to decide "... to the U.S. The talks ..." style ambiguities.
bool IsSentenceStarterWord(std::string_view word);

}  // namespace dragoman::text_internal

#endif  // DRAGOMAN_TEXT_ABBREVIATIONS_H_
