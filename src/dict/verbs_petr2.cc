// PETRARCH-2 verb files (CAMEO.2.0.txt, PETR_Validate_verbs_2_02.txt).
//
// PETRARCH-2 stores a pattern as a tree keyed on noun-phrase heads and prepositional phrases;
// dragoman's coder is a linear matcher, so a pattern is flattened in text order instead:
// {ADJ HEAD} gives its words in order, (PREP NOUN ...) gives PREP (preposition = true) and then
// its contents, and groups nest. Legacy $ + % ^ tokens, which PETRARCH-2 itself reads as plain
// words, are kept as actor slots because a linear matcher can use them. A line starting "<!"
// turns pattern recording off until the next verb block, as PETRARCH-2 does; synset members may
// use the same (..) and {..} groups ("+(TO THE END)"). The file shape is read by ReadVerbFile().
#include "dict/readers.h"
#include "dict/verbs_common.h"

namespace dragoman::dict {
namespace {

bool ParsePetrarch2Pattern(std::string_view body, std::vector<Pattern>* out, std::string* error) {
  Pattern p;
  if (!TokenizePatternBody(body, /*structured=*/true, /*require_verb=*/true, &p, error)) {
    return false;
  }
  out->push_back(std::move(p));
  return true;
}

}  // namespace

Status ParseVerbsPetrarch2(std::string_view content, uint32_t file, DictionarySet* set) {
  VerbSyntax syntax;
  syntax.parse_pattern = &ParsePetrarch2Pattern;
  syntax.structured_members = true;
  syntax.bang_stops_patterns = true;
  return ReadVerbFile(content, file, syntax, set);
}

}  // namespace dragoman::dict
