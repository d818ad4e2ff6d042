// Test helpers for the dictionary readers' tests (header-only; not part of the library).
#ifndef DRAGOMAN_DICT_DICT_TESTING_H_
#define DRAGOMAN_DICT_DICT_TESTING_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/dictionary.h"

namespace dragoman::dict_testing {

// The path of a file under the shared fixtures folder, or "" when it is not there (the caller
// then GTEST_SKIP()s).
inline std::string SharedFile(const std::string& relative) {
#ifdef DRAGOMAN_SHARED_DIR
  std::string path = std::string(DRAGOMAN_SHARED_DIR) + "/" + relative;
  if (std::filesystem::exists(path)) return path;
#endif
  (void)relative;
  return "";
}

// The words of a phrase joined by spaces, exact words followed by '_': "VLADIMIR PUTIN_".
inline std::string Words(const Phrase& phrase) {
  std::string s;
  for (const PhraseWord& w : phrase) {
    if (!s.empty()) s += ' ';
    s += w.word;
    if (w.exact) s += '_';
  }
  return s;
}

// True when some warning is about `line` and contains `part`.
inline bool HasWarning(const DictionarySet& set, uint32_t line, std::string_view part) {
  for (const DictionaryWarning& w : set.warnings) {
    if (w.line == line && w.message.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace dragoman::dict_testing

#endif  // DRAGOMAN_DICT_DICT_TESTING_H_
