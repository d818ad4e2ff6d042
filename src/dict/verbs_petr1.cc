// PETRARCH-1 and TABARI verb files (CAMEO.verbpatterns.150430.txt, CAMEO.091003.master.verbs).
//
// Patterns are linear: words, $ + % ^ slots and &SYNSET references around the verb '*', '_'
// joining neighbours ("IN_*", "*_OUT", "MEN_AND WOMEN") and a trailing '_' asking for the exact
// word. TABARI's {a | b} alternatives are expanded here into one pattern per alternative (a
// pattern with several groups gives their cross product, capped at kMaxAlternatives); the rest
// of the file shape (synsets, blocks, verb lines, <NOUN> sections, ';' comments, ~~FINISH, CRLF)
// is read by ReadVerbFile() in verbs_common.cc.
#include "dict/readers.h"
#include "dict/verbs_common.h"

namespace dragoman::dict {
namespace {

constexpr size_t kMaxAlternatives = 256;

std::string_view TrimBlank(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Expands the first {a | b | ...} group of `body` and recurses on each result.
bool ExpandAlternatives(const std::string& body, std::vector<std::string>* out,
                        std::string* error) {
  size_t open = body.find('{');
  if (open == std::string::npos) {
    if (body.find('}') != std::string::npos) {
      *error = "unbalanced '}'";
      return false;
    }
    if (out->size() >= kMaxAlternatives) {
      *error = "more than " + std::to_string(kMaxAlternatives) + " alternatives";
      return false;
    }
    out->push_back(body);
    return true;
  }
  size_t close = body.find('}', open + 1);
  if (close == std::string::npos) {
    *error = "unclosed '{'";
    return false;
  }
  std::string_view inside = std::string_view(body).substr(open + 1, close - open - 1);
  if (inside.find('{') != std::string_view::npos) {
    *error = "nested '{' in alternatives";
    return false;
  }
  const std::string prefix = body.substr(0, open);
  const std::string suffix = body.substr(close + 1);
  size_t start = 0;
  for (size_t i = 0; i <= inside.size(); ++i) {
    if (i < inside.size() && inside[i] != '|') continue;
    std::string_view alternative = TrimBlank(inside.substr(start, i - start));
    start = i + 1;
    if (!ExpandAlternatives(prefix + std::string(alternative) + suffix, out, error)) return false;
  }
  return true;
}

bool ParsePetrarch1Pattern(std::string_view body, std::vector<Pattern>* out, std::string* error) {
  std::vector<std::string> bodies;
  if (!ExpandAlternatives(std::string(body), &bodies, error)) return false;
  for (const std::string& one : bodies) {
    Pattern p;
    if (!TokenizePatternBody(one, /*structured=*/false, /*require_verb=*/true, &p, error)) {
      return false;
    }
    out->push_back(std::move(p));
  }
  return true;
}

}  // namespace

Status ParseVerbsPetrarch1(std::string_view content, uint32_t file, DictionarySet* set) {
  VerbSyntax syntax;
  syntax.parse_pattern = &ParsePetrarch1Pattern;
  syntax.structured_members = false;
  syntax.bang_stops_patterns = false;
  return ReadVerbFile(content, file, syntax, set);
}

}  // namespace dragoman::dict
