// Internal: one parser per dictionary kind and family. LoadDictionary/ParseDictionary
// (dictionary.cc) detect the family and call these. Each appends to `set`, records warnings in
// set->warnings and returns an error Status naming "file:line" only for unusable input.
#ifndef DRAGOMAN_DICT_READERS_H_
#define DRAGOMAN_DICT_READERS_H_

#include <string>
#include <string_view>

#include "dragoman/dictionary.h"

namespace dragoman::dict {

// actors.cc: TABARI/PETRARCH-1/PETRARCH-2 actor files (one syntax family with extras).
Status ParseActors(std::string_view content, uint32_t file, DictionarySet* set);
// agents.cc
Status ParseAgents(std::string_view content, uint32_t file, DictionarySet* set);
// discards.cc
Status ParseDiscards(std::string_view content, uint32_t file, DictionarySet* set);
// issues.cc
Status ParseIssues(std::string_view content, uint32_t file, DictionarySet* set);
// ontology.cc: PETRARCH-2 PICO files ("CODE:HEXEXPR#...").
Status ParseOntology(std::string_view content, uint32_t file, DictionarySet* set);
// verbs_petr1.cc: PETRARCH-1 / TABARI verb files ($ + % ^ & patterns, {a | b}, <SYNSETS>, ~~FINISH).
Status ParseVerbsPetrarch1(std::string_view content, uint32_t file, DictionarySet* set);
// verbs_petr2.cc: PETRARCH-2 verb files (CAMEO.2.0.txt).
Status ParseVerbsPetrarch2(std::string_view content, uint32_t file, DictionarySet* set);

}  // namespace dragoman::dict

#endif  // DRAGOMAN_DICT_READERS_H_
