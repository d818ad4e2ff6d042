#include "coder/phrase_trie.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace dragoman::coder {
namespace {

// The phrase words as the tokens' normalised text: a plain word matches its exact id and the
// stems of its regular forms (Vocabulary::Lookup).
std::vector<WordIds> Tokens(const Vocabulary& v, const std::vector<std::string>& words) {
  std::vector<WordIds> ids;
  for (const std::string& w : words) ids.push_back(v.Lookup(w));
  return ids;
}

// What LongestAt must find, by brute force: every phrase compared word by word at `start`.
struct Entry {
  Phrase phrase;
  uint32_t value;
};
size_t ReferenceLongest(const std::vector<Entry>& entries, const std::vector<WordIds>& tokens,
                        const Vocabulary& v, size_t start, std::vector<uint32_t>* values) {
  size_t best = start;
  values->clear();
  for (const Entry& e : entries) {
    if (start + e.phrase.size() > tokens.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < e.phrase.size() && ok; ++k) {
      const uint32_t id = v.Find(e.phrase[k].word);
      const WordIds& t = tokens[start + k];
      ok = t.exact == id ||
           (!e.phrase[k].exact && std::find(t.stems.begin(), t.stems.begin() + t.stem_count, id) !=
                                      t.stems.begin() + t.stem_count);
    }
    if (!ok) continue;
    const size_t end = start + e.phrase.size();
    if (end > best) {
      best = end;
      values->clear();
    }
    if (end == best && std::find(values->begin(), values->end(), e.value) == values->end())
      values->push_back(e.value);
  }
  std::sort(values->begin(), values->end());
  return best;
}

TEST(PhraseTrieTest, LongestMatchEqualsBruteForce) {
  // Many phrases after one first word ("THE ..."), so that node has hundreds of children and
  // the edge filters grow several times; exact and plain words; repeated phrases with new values.
  std::mt19937 rng(7);
  const std::vector<std::string> lexicon = {"THE",   "UNITED", "STATE",  "STATES", "TALK",
                                            "TALKS", "MEET",   "MEETING", "OF",     "NORTH"};
  std::vector<std::string> names;
  for (int i = 0; i < 400; ++i) names.push_back("N" + std::to_string(i));
  Vocabulary v;
  PhraseTrie trie;
  std::vector<Entry> entries;
  auto word = [&](bool from_names) {
    return from_names ? names[rng() % names.size()] : lexicon[rng() % lexicon.size()];
  };
  for (uint32_t value = 0; value < 1500; ++value) {
    Phrase p;
    const size_t len = 1 + rng() % 4;
    for (size_t k = 0; k < len; ++k) {
      PhraseWord w;
      w.word = k == 0 && rng() % 2 ? "THE" : word(rng() % 3 == 0);
      w.exact = rng() % 4 == 0;
      p.push_back(w);
    }
    // Every tenth phrase again, under another value.
    if (value % 10 == 9) p = entries[rng() % entries.size()].phrase;
    trie.Add(p, &v, value);
    entries.push_back({p, value});
  }
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> text;
    for (int k = 0; k < 12; ++k) text.push_back(rng() % 4 == 0 ? "THE" : word(rng() % 3 == 0));
    const std::vector<WordIds> tokens = Tokens(v, text);
    for (size_t start = 0; start < tokens.size(); ++start) {
      std::vector<uint32_t> want, got;
      const size_t want_end = ReferenceLongest(entries, tokens, v, start, &want);
      size_t got_end = 0;
      const bool found = trie.LongestAt(tokens, start, &got_end, &got);
      std::sort(got.begin(), got.end());
      EXPECT_EQ(found, want_end > start);
      EXPECT_EQ(got_end, want_end);
      EXPECT_EQ(got, want);
    }
  }
}

TEST(PhraseTrieTest, ExactWordsMatchOnlyThemselves) {
  Vocabulary v;
  PhraseTrie trie;
  trie.Add({{"TALK", true}, {"OF", false}}, &v, 1);  // TALK_ OF: "talks of" is no match
  trie.Add({{"MEET", false}}, &v, 2);                 // MEET: "meeting" matches
  std::vector<uint32_t> values;
  size_t end;
  EXPECT_TRUE(trie.LongestAt(Tokens(v, {"TALK", "OF"}), 0, &end, &values));
  EXPECT_EQ(end, 2u);
  EXPECT_FALSE(trie.LongestAt(Tokens(v, {"TALKS", "OF"}), 0, &end, &values));
  EXPECT_EQ(end, 0u);
  EXPECT_TRUE(trie.LongestAt(Tokens(v, {"MEETING"}), 0, &end, &values));
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(values[0], 2u);
}

}  // namespace
}  // namespace dragoman::coder
