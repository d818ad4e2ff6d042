// The built-in dictionaries and reference tables shipped in data/ (see docs/dictionaries.md).
#ifndef DRAGOMAN_BUILTIN_H_
#define DRAGOMAN_BUILTIN_H_

#include <string>

#include "dragoman/cameo.h"
#include "dragoman/dictionary.h"
#include "dragoman/status.h"

namespace dragoman {

// Where data/ is: $DRAGOMAN_DATA_DIR, else <executable>/../share/dragoman, else the source tree
// the library was built from.
std::string DataDirectory();

// Loads every built-in dictionary: data/verbs.txt, data/actors/*.txt (sorted by name),
// data/agents.txt, data/discards.txt and data/issues.txt when present.
Status LoadBuiltinDictionaries(DictionarySet* set);

// data/cameo.tsv.
Result<CameoTable> LoadBuiltinCameoTable();

}  // namespace dragoman

#endif  // DRAGOMAN_BUILTIN_H_
