// Internal: the Coder's compiled state (Coder::Impl), shared by coder.cc and article.cc.
#ifndef DRAGOMAN_CODER_CODER_IMPL_H_
#define DRAGOMAN_CODER_CODER_IMPL_H_

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "coder/flat_map.h"
#include "coder/phrase_trie.h"
#include "coder/sentence.h"
#include "coder/vocabulary.h"
#include "dragoman/coder.h"

namespace dragoman {

using coder::Discourse;
using coder::Member;
using coder::NounPhrase;
using coder::RuleRef;
using coder::Sentence;
using coder::VerbHit;
using coder::kNoWord;
using coder::PhraseTrie;
using coder::Vocabulary;
using coder::WordIds;

// ---------------------------------------------------------------------------------------------
struct Coder::Impl {
  DictionarySet dict;
  CameoTable cameo;
  CoderOptions options;

  Vocabulary vocab;
  PhraseTrie actors;    // → actor_phrases index
  PhraseTrie agents;    // → agent_phrases index
  PhraseTrie verbs;     // → verb_forms index
  PhraseTrie discards;  // → discards index
  PhraseTrie synsets;   // → synsets index
  // Per pattern token, the word id (resolved once at compile time).
  struct CompiledToken {
    PatternToken::Kind kind;
    uint32_t word = kNoWord;
    bool exact = false;
    bool joined = false;
    uint32_t synset = 0;
  };
  struct CompiledPattern {
    std::vector<CompiledToken> before, after;
    bool verb_joined = false;
    uint32_t pattern = 0;  // index into the block's patterns
    size_t weight = 0;
    bool names_negation = false;
    std::vector<uint32_t> required;  // literal word ids that must occur in the sentence
  };
  std::vector<std::vector<CompiledPattern>> block_patterns;  // sorted longest first
  // What decides whether a pattern can apply at all, side by side in the same order as
  // block_patterns: the loop that rejects most patterns reads one small array instead of every
  // large CompiledPattern and its dictionary Pattern.
  struct PatternFilter {
    coder::WordSignature signature;  // of the pattern's literal words and synsets (built once)
    std::array<uint32_t, 2> words{};  // its literal words, when it has at most two
    uint8_t word_count = 0;          // 3: more than two (CompiledPattern::required has them)
    bool passive_only = false;       // the code applies to the passive voice only
    bool skipped = false;            // a TABARI "complex" [+++] code: never applied
  };
  std::vector<std::vector<PatternFilter>> block_filters;
  // For a block with many patterns, which of them can apply in a sentence, by one literal word
  // each (its key): the patterns of the key words present in the sentence, and the patterns
  // without a literal word, in block_patterns order. (Smaller blocks are scanned whole.)
  static constexpr size_t kIndexedBlock = 12;  // patterns
  struct PatternIndex {
    struct Slot {
      uint32_t key_plus_one = 0;  // 0: empty
      uint32_t begin = 0, end = 0;  // its patterns: keyed[begin, end)
    };
    std::vector<Slot> slots;       // open addressing by key word id; empty: not indexed
    uint32_t shift = 32;           // slot of a key: (key * kMix) >> shift
    coder::WordSignature key_filter;  // of its keys: most words of a sentence key other blocks
    std::vector<uint32_t> keyed;    // pattern numbers by key, each run ascending
    std::vector<uint32_t> unkeyed;  // ascending
    static constexpr uint32_t kMix = 0x9E3779B1u;
    const Slot* Find(uint32_t key) const {
      if (!key_filter.MayHave(key)) return nullptr;
      const size_t mask = slots.size() - 1;
      for (size_t i = (key * kMix) >> shift;; i = (i + 1) & mask) {
        if (slots[i].key_plus_one == key + 1) return &slots[i];
        if (slots[i].key_plus_one == 0) return nullptr;
      }
    }
  };
  std::vector<PatternIndex> block_index;
  // The owner of each actor and agent phrase (ActorPhrase::actor, AgentPhrase::agent), packed:
  // the phrase records are large and read only when a match is explained.
  std::vector<uint32_t> actor_of_phrase, agent_of_phrase;
  std::vector<std::string_view> agent_head;  // per agent phrase: its last word (NounPhrase::head)
  // Per verb form, what the verb passes read of it, packed in four bytes so that the table
  // stays in cache (a VerbForm is large): whether its code is not null (FormThatCodes), whether
  // it has a code of its own, its verb word's index and its block; an index too large for its
  // field is read from the form's record instead (kInRecord).
  struct FormBits {
    bool codes = false;
    bool has_own_code = false;
    uint8_t verb_word = 0;  // or kInRecord8
    uint16_t block = 0;     // or kInRecord16
  };
  static constexpr uint8_t kInRecord8 = UINT8_MAX;
  static constexpr uint16_t kInRecord16 = UINT16_MAX;
  std::vector<FormBits> form_bits;
  uint32_t VerbWord(uint32_t form) const {
    const uint8_t w = form_bits[form].verb_word;
    return w == kInRecord8 ? dict.verb_forms[form].verb_word : w;
  }
  uint32_t BlockOf(uint32_t form) const {
    const uint16_t b = form_bits[form].block;
    return b == kInRecord16 ? dict.verb_forms[form].block : b;
  }
  std::vector<uint8_t> pattern_key;  // per word id: 1 when it keys patterns of some PatternIndex
  std::vector<uint8_t> actor_is_person;                      // per actor
  std::vector<uint8_t> agent_is_title;                       // per agent phrase: a person's title
  // One-letter-away lookup for people's single-word names: the WordHash of each name and of
  // each of its one-deletion variants → actor phrase + 1 (kAmbiguousName when two people share
  // a variant). A candidate is always checked against the name itself (WithinOneEdit).
  static constexpr uint32_t kAmbiguousName = UINT32_MAX;
  coder::FlatMap<uint32_t> fuzzy_names;
  // One bit per hash (its top 20 bits) of every fuzzy_names key: most words of a text are no
  // variant of any name, and this small filter says so without probing the table.
  std::vector<uint64_t> fuzzy_filter = std::vector<uint64_t>(uint64_t{1} << 14);
  static size_t FuzzyBit(uint64_t hash) { return hash >> 44; }
  // Unique among all coders built in this process (never 0): keys per-thread caches.
  const uint64_t serial = NextSerial();
  static uint64_t NextSerial();
  uint32_t FuzzyName(const std::string& word) const;
  uint32_t FuzzyNameUncached(const std::string& word) const;
  uint32_t FormThatCodes(const std::vector<uint32_t>& forms) const;
  // The words of a dictionary person's name just matched at tokens [start, end), for later
  // mentions by surname; and the phrase of the person a lone capitalised word at t names.
  void RememberPersonWords(const Sentence& s, uint32_t start, uint32_t end, uint32_t phrase,
                           Discourse* discourse) const;
  uint32_t SurnameOfSomeoneMet(const Sentence& s, size_t t, const Discourse& discourse) const;
  // TABARI actor phrases with words written apart ("ITHILEN TELEVISION"): other words may come
  // between them ("Ithilen state-run television"). Sorted by the id of the first word.
  struct GappedPhrase {
    uint32_t first = 0;        // word id of the first word
    uint32_t phrase = 0;       // actor phrase
    std::vector<uint32_t> ids; // word ids of all words
  };
  std::vector<GappedPhrase> gapped_actors;
  // The end of the longest such phrase at token i that ends after `end` (else `end`), and its
  // actor phrase.
  size_t GappedActorAt(const Sentence& s, size_t i, size_t end, uint32_t* phrase) const;
  std::unordered_map<std::string, std::string> negations;  // from DictionarySet::negations
  uint32_t id_to = kNoWord;
  uint32_t id_by = kNoWord;
  uint32_t id_of = kNoWord;

  void Compile();
  std::string Rule(const SourceRef& where, std::string_view what) const;
  std::string Rule(const RuleRef& r) const {
    if (r.actor_phrase) {
      const ActorPhrase& ap = dict.actor_phrases[r.actor_phrase - 1];
      return Rule(ap.where, dict.actors[ap.actor].name);
    }
    if (r.agent_phrase) return Rule(dict.agent_phrases[r.agent_phrase - 1].where, "agent");
    if (!r.code) return Rule(r.where, r.text);
    std::string what(r.text);
    what += " [";
    what += r.code->kind == EventCode::Kind::kEvent ? r.code->code : std::string("---");
    what += "]";
    return Rule(r.where, what);
  }
  // The actor's code at `date` ("" when it has none); refers into `dict`.
  const std::string& ResolveActor(uint32_t actor, Day date) const;

  // A sentence's analysis, in two stages: its words (tokens, word ids, synsets, verb forms),
  // which depends on the sentence alone, then its phrases (noun phrases, comma clauses, verbs),
  // which reads and updates the discourse. Analyze() does both; a document runs each stage over
  // all its sentences in turn, so that each stage's code stays in the instruction cache.
  void Analyze(Sentence* s, Day date, Discourse* discourse) const {
    AnalyzeWords(s);
    PrefetchPhrases(*s);
    AnalyzePhrases(s, date, discourse);
  }
  // The word stage itself runs in two steps, so that a document can hint the tries' roots of
  // all its sentences to memory before any is matched: the tokens and their word ids (and the
  // hints), then the synsets and verb forms.
  void AnalyzeWords(Sentence* s) const {
    AnalyzeTokens(s);
    AnalyzeWordPhrases(s);
  }
  void AnalyzeTokens(Sentence* s) const;
  void AnalyzeWordPhrases(Sentence* s) const;
  void AnalyzePhrases(Sentence* s, Day date, Discourse* discourse) const;
  // A memory hint (it changes nothing else): the trie roots AnalyzePhrases will read for this
  // sentence. Given for the next sentence while one is analysed, so the misses overlap.
  void PrefetchPhrases(const Sentence& s) const;
  // The same for CodeVerbs: the records its verbs' blocks are read from (codes, pattern
  // filters and indexes) and the pattern-key bytes of its words.
  void PrefetchVerbs(const Sentence& s) const;
  // True when CodeVerbs can code no event in the sentence: it has no verb, or no actor while
  // both actors are required and no new actors are made.
  bool CodesNothing(const Sentence& s) const;
  void FindNounPhrases(Sentence* s, Day date, Discourse* discourse) const;
  void DeleteCommaClauses(Sentence* s) const;
  void InferCountries(Sentence* s) const;
  void ResolveDefiniteDescriptions(Sentence* s, Discourse* discourse) const;
  void FindVerbs(Sentence* s) const;
  void CodeVerbs(const Sentence& s, uint32_t sentence_index, Day date,
                 std::vector<Event>* events) const;

  // Pattern matching helpers.
  bool TokenMatches(const Sentence& s, size_t pos, const CompiledToken& t, size_t* end) const;
  bool MatchPattern(const Sentence& s, const VerbHit& v, const CompiledPattern& p,
                    size_t clause_start, size_t clause_end, int* source, int* target) const;
};

}  // namespace dragoman

#endif  // DRAGOMAN_CODER_CODER_IMPL_H_
