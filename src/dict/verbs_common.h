// Internal: what the PETRARCH-1/TABARI and PETRARCH-2 verb readers share.
//
// Both families write the same file shape: synsets (`&NAME` then `+member` lines), verb blocks
// (`--- LABEL [CODE] ---`, verb lines, `- ... * ... [CODE]` patterns) and, in PETRARCH-2,
// `~` transformations. ReadVerbFile() reads that shape once; the family readers (verbs_petr1.cc,
// verbs_petr2.cc) only supply how a pattern body turns into tokens. Synset references are
// resolved after the whole file is read, because files use a synset before defining it.
//
// Regular verb forms and synset plurals are generated here, with simple English rules:
//   third person  S / ES (after S X Z CH SH O) / IES (consonant + Y)
//   past          D (after E) / IED (consonant + Y) / ED
//   gerund        ING, with the E dropped (MAKE → MAKING, but SEE → SEEING) and IE → YING
//   doubling      a one-syllable consonant-vowel-consonant verb doubles its final consonant
//                 (STOP → STOPPED, STOPPING); a longer one gets both spellings (VISITED and
//                 VISITTED, CANCELED and CANCELLED), since stress cannot be read from spelling
//                 and a spurious form never matches real text.
//   noun plural   S / ES (after SS X Z CH SH) / IES (consonant + Y) / MAN → MEN; a word already
//                 ending in a single S (FORCES, HEADQUARTERS, ANALYSIS) gets no plural.
#ifndef DRAGOMAN_DICT_VERBS_COMMON_H_
#define DRAGOMAN_DICT_VERBS_COMMON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/dictionary.h"

namespace dragoman::dict {

// ---- Inflection (upper-case ASCII words) ------------------------------------------------------
std::string ThirdPersonForm(std::string_view verb);          // SAY → SAYS, PUSH → PUSHES
std::vector<std::string> PastForms(std::string_view verb);   // AGREE → AGREED, STOP → STOPPED
std::vector<std::string> GerundForms(std::string_view verb); // MAKE → MAKING, DIE → DYING
// All regular forms except the base, without duplicates: S, past, gerund.
std::vector<std::string> RegularVerbForms(std::string_view verb);
// The plural of a synset member's last word, or "" when none is generated.
std::string NounPlural(std::string_view noun);

// ---- Pattern bodies -----------------------------------------------------------------------------
// PatternToken::synset of a reference not yet resolved; its `word.word` holds the raw name with
// any '_'-joined words that followed it ("TIETYPES_RELATIONS"), resolved after the file is read.
inline constexpr uint32_t kUnresolvedSynset = UINT32_MAX;

// Tokenizes a pattern body (the text between the leading '-' and the code) into
// pattern->before/after/verb_joined. `structured`: PETRARCH-2 {NOUN PHRASE} and (PREP ...)
// groups are flattened in order, the first token inside (..) gets preposition = true; otherwise
// brackets are an error. `require_verb`: exactly one '*' (false for synset members, whose tokens
// all go to `before`). Returns false with `error` set for a malformed body.
bool TokenizePatternBody(std::string_view body, bool structured, bool require_verb,
                         Pattern* pattern, std::string* error);

// ---- Whole files --------------------------------------------------------------------------------
// Turns one pattern body into one or more patterns (TABARI {a | b} alternatives give several).
// Fills before/after/verb_joined only; returns false with `error` set when malformed.
using PatternBodyParser = bool (*)(std::string_view body, std::vector<Pattern>* out,
                                   std::string* error);

struct VerbSyntax {
  PatternBodyParser parse_pattern = nullptr;
  // PETRARCH-2: (PREP ..) and {..} are allowed in synset members.
  bool structured_members = false;
  // PETRARCH-2: a line starting "<!" turns pattern recording off until the next block header.
  // Otherwise (PETRARCH-1/TABARI) "<!-- ... -->" is a comment, possibly over several lines.
  bool bang_stops_patterns = false;
};

// Reads a verb file of either family into `set`; see readers.h for the contract.
Status ReadVerbFile(std::string_view content, uint32_t file, const VerbSyntax& syntax,
                    DictionarySet* set);

}  // namespace dragoman::dict

#endif  // DRAGOMAN_DICT_VERBS_COMMON_H_
