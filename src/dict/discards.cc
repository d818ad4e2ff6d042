// Discard dictionaries: one phrase a line.
//
//   MONTHS LATER                 a sentence containing the phrase is not coded
//   +Manchester United           '+': the whole story is not coded
//   GROUP A_                     a trailing '_' requires the word to end there; otherwise the last
//                                word is a stem ("BASEBALL" also matches "BASEBALLS")
//
// Matching ignores case, so the phrase goes through the same PhraseWords() as text. A phrase that
// appears twice with the same scope is kept once.
#include <string>
#include <unordered_set>

#include "dict/dict_util.h"
#include "dict/readers.h"

namespace dragoman::dict {

Status ParseDiscards(std::string_view content, uint32_t file, DictionarySet* set) {
  LineReader in(content, file, set);
  auto key = [](const Discard& d) {
    std::string k(1, d.story ? '+' : '-');
    k += PhraseKey(d.words);
    return k;
  };
  std::unordered_set<std::string> seen;
  for (const Discard& d : set->discards) seen.insert(key(d));
  while (in.Next()) {
    std::string_view text = in.text();
    Discard d;
    d.where = in.where();
    if (text[0] == '+') {
      d.story = true;
      text = Trim(text.substr(1));
    }
    d.words = MakePhrase(text);
    if (d.words.empty()) {
      in.Warn("discard entry without words");
      continue;
    }
    if (!seen.insert(key(d)).second) {
      in.Warn("discard phrase '" + PhraseText(d.words) + "' is listed twice");
      continue;
    }
    set->discards.push_back(std::move(d));
  }
  return Status::Ok();
}

}  // namespace dragoman::dict
