// Internal: the per-sentence analysis the coder builds (tokens, noun phrases, verbs) and the
// discourse state carried between sentences. Shared by coder.cc (the sentence coder) and
// article.cc (what spans sentences: quotes, entities, warnings, dates).
#ifndef DRAGOMAN_CODER_SENTENCE_H_
#define DRAGOMAN_CODER_SENTENCE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "coder/vocabulary.h"
#include "dragoman/dictionary.h"
#include "dragoman/text.h"

namespace dragoman::coder {

constexpr int kNone = -1;

// Which phrase tries may match from a token (Sentence::starts, WordIds::form_tags).
enum StartBits : uint8_t {
  kStartsActor = 1,
  kStartsAgent = 2,
  kStartsVerb = 4,
  kStartsDiscard = 8,
  kStartsSynset = 16,
  kStartsGappedActor = 32,  // an actor phrase written with gaps (Impl::gapped_actors)
  kStartsPatternKey = 64,   // keys verb patterns (Impl::pattern_key)
};

// The dictionary entry behind a decision, formatted only when an event is written:
// "FILE:LINE TEXT" or "FILE:LINE TEXT [CODE]".
struct RuleRef {
  SourceRef where;
  std::string_view text;            // points into the DictionarySet
  const EventCode* code = nullptr;  // the verb's own or block code when no pattern matched
  // Or the actor or agent phrase that is the entry (1 + its index, 0: none): its record is read
  // only when the rule is formatted (Impl::Rule).
  uint32_t actor_phrase = 0;
  uint32_t agent_phrase = 0;
  bool empty() const { return text.empty() && actor_phrase == 0 && agent_phrase == 0; }
};

// A coded actor inside a noun phrase.
struct Member {
  std::string code;
  uint32_t tok_start = 0, tok_end = 0;  // tokens of the mention
  RuleRef rule;
  bool person = false;  // a named person or a person's title
  int32_t actor = -1;   // the dictionary actor that owns the phrase, or -1 (agents only)
  bool has_agent = false;
};

struct NounPhrase {
  uint32_t start = 0, end = 0;   // token range
  std::vector<Member> members;   // more than one for compounds
  bool after_preposition = false;
  uint32_t preposition = 0;      // the preposition's token when after_preposition
  bool pronoun = false;
  bool person = false;
  bool first_person = false;     // I / WE (resolved by the quote reader)
  // Agents that reach over "of"/"in" to every actor of a compound: "the ambassadors of A, B and C".
  std::vector<uint32_t> of_agents;
  std::vector<uint32_t> agents;  // the agents of the phrase (not of a compound's later members)
  std::string_view head;         // the last word of its last agent phrase ("MINISTRY"), or "";
                                 // points into the DictionarySet
  bool has_agent = false;
  bool ends_with_agent = false;  // the last unit is an agent ("Russian officials", not "... Smith")
  // "the parliament of Gondor": where the actor after the agent's "of" starts (0: no such actor)
  // and that actor alone, which a pattern slot after a ^ over the agent binds (TABARI).
  uint32_t of_actor = 0;
  std::vector<Member> of_member;  // that actor alone (one member) when of_actor > 0
};

struct VerbHit {
  uint32_t start = 0, end = 0;   // tokens of the verb form
  uint32_t verb_token = 0;       // the inflected verb word
  uint32_t form = 0;             // index into verb_forms
};

struct Sentence {
  std::string_view text;          // the whole document
  Span span;
  std::vector<Token> tokens;
  std::vector<WordIds> ids;
  std::vector<uint32_t> flags;
  std::vector<uint8_t> starts;    // StartBits of each token (of its exact and stem ids)
  std::vector<uint8_t> deleted;   // comma clauses set aside
  std::vector<int> np_of;         // token → noun phrase index or kNone
  std::vector<NounPhrase> nps;
  std::vector<VerbHit> verbs;
  std::vector<uint32_t> present;  // word ids (exact and stems) of the sentence's tokens
  WordSignature present_signature;  // of `present` and of kSynsetSignature + each synset found
  // Synset matches by start token: synset_matches[synset_begin[t] .. synset_begin[t + 1]) are
  // the synsets with a member starting at t, each with the end of its longest member there.
  struct SynsetMatch {
    uint32_t synset;
    uint32_t end;
  };
  std::vector<uint32_t> synset_begin;
  std::vector<SynsetMatch> synset_matches;
  std::vector<uint32_t> verb_end;   // per token: end of the longest verb form starting here, or 0
  std::vector<uint32_t> verb_form;  // per token: that verb form
  std::vector<uint8_t> in_unit;     // per token: part of an actor or agent phrase
  struct Fuzzy {
    uint32_t token;   // the unknown word
    uint32_t phrase;  // the actor phrase it was taken for
  };
  std::vector<Fuzzy> fuzzy;
  // "spokesman Netflix": a company name where a person's name belongs.
  struct Mismatch {
    uint32_t start, end;  // the name's tokens
  };
  std::vector<Mismatch> mismatches;
  bool mixed_case = true;
  // Emptied member lists of the noun phrases of the sentence this one held before, for its new
  // phrases (TakeMembers): their storage is reused rather than allocated again.
  std::vector<std::vector<Member>> spare_members;

  std::vector<Member> TakeMembers() {
    if (spare_members.empty()) return {};
    std::vector<Member> members = std::move(spare_members.back());
    spare_members.pop_back();
    return members;
  }

  // Empties every field but keeps the storage, for the next sentence.
  void Clear() {
    for (NounPhrase& np : nps) {
      if (np.members.capacity() == 0) continue;
      np.members.clear();
      spare_members.push_back(std::move(np.members));
    }
    span = {};
    tokens.clear();
    ids.clear();
    flags.clear();
    starts.clear();
    deleted.clear();
    np_of.clear();
    nps.clear();
    verbs.clear();
    present.clear();
    present_signature = {};
    synset_begin.clear();
    synset_matches.clear();
    verb_end.clear();
    verb_form.clear();
    in_unit.clear();
    fuzzy.clear();
    mismatches.clear();
    mixed_case = true;
  }
};

// Sentences for one document, reused from document to document on each thread so their
// storage is allocated once rather than per sentence. Take() hands out `n` cleared sentences;
// the destructor gives them back.
class SentencePool {
 public:
  explicit SentencePool(size_t n);
  ~SentencePool();
  SentencePool(const SentencePool&) = delete;
  SentencePool& operator=(const SentencePool&) = delete;
  std::vector<Sentence>& sentences() { return sentences_; }

 private:
  std::vector<Sentence> sentences_;
};

// Synset s counts as word id kSynsetSignature + s in signatures (word ids stay far below it).
inline constexpr uint32_t kSynsetSignature = 0x80000000u;

// What the previous sentences said, for pronouns that reach back.
struct Discourse {
  std::vector<Member> last_person;
  std::vector<Member> last_thing;
  std::vector<Member> last_group;
  std::vector<Member> last_subject;
  // For definite descriptions: the last country ("the country"), international organisation
  // ("the alliance") and, by sector, the last actor with a country ("the ministry" → RUSGOV).
  std::vector<Member> last_country;
  std::vector<Member> last_igo;
  std::vector<std::pair<std::string, Member>> last_by_sector;
  std::vector<std::pair<std::string_view, Member>> last_by_head;  // "MINISTRY" → RUSGOV
  // Each word of the names of the dictionary people met so far ("BIDEN" → the JOE_BIDEN phrase),
  // so that "Biden said" later names him; kNoWord for a word two people share.
  std::unordered_map<std::string, uint32_t> person_words;
};


// A lower-case open-class word that no dictionary knows as a verb, actor or agent: most likely
// an adjective or a noun modifier inside a noun phrase.
bool AdjectiveLike(const Sentence& s, size_t t);
// A number or a quantity word ("thousands", "a group") that heads "X of Y".
bool IsQuantity(const Sentence& s, size_t t);
// The country part of an actor code ("RUS" of "RUSGOV"), "" for "---" codes.
std::string CountryOf(const std::string& code);

}  // namespace dragoman::coder

#endif  // DRAGOMAN_CODER_SENTENCE_H_
