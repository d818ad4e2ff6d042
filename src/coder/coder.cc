// The Coder: a TABARI-style shallow parse of each sentence, then pattern matching around verbs.
//
// Per sentence:
//   1. tokens and their word ids (exact form + regular-ending stems, vocabulary.h);
//   2. discards: a matching phrase skips the sentence, or with '+' the whole story;
//   3. actor and agent phrases, longest match first, joined into noun phrases:
//      "Russian Foreign Minister Sergei Lavrov", "president of Israel", "Russia's deputy foreign
//      minister", "US Ambassador to Russia John Sullivan", "former president X" (→ ELI);
//      compounds "A and B", "A, B and C"; pronouns resolved to earlier noun phrases;
//   4. comma clauses of comma_min..comma_max words are set aside (TABARI);
//   5. verbs (multi-word forms included) that are not used as nouns;
//   6. for each verb, its block's patterns, longest first, are matched linearly around it:
//      words (with gaps inside the clause unless joined), synsets, and the $ + % ^ actor slots;
//      the default source is the subject (nearest noun phrase before the verb that is not the
//      object of a preposition), the default target the first noun phrase after the verb;
//      passive voice swaps them, negation drops cooperative readings unless a pattern names it;
//      a verb governed by an earlier coded verb ("refused to meet") adds no event of its own;
//   7. events expand compounds, add paired codes, and are kept once per (source, target, code).
// Every event records the pattern, verb and actor entries that produced it.
#include "dragoman/coder.h"

#include <algorithm>
#include <charconv>
#include <array>
#include <atomic>
#include <cstring>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "coder/coder_impl.h"
#include "coder/phrase_trie.h"
#include "coder/sentence.h"
#include "coder/vocabulary.h"
#include "coder/words.h"

namespace dragoman {

using coder::kNoWord;
using coder::PhraseTrie;
using coder::Vocabulary;
using coder::WordIds;
using namespace coder;  // WordFlag constants
using namespace std::string_view_literals;  // "AND"sv: compares lengths first, no strlen

namespace coder {

bool AdjectiveLike(const Sentence& s, size_t t) {
  const Token& tok = s.tokens[t];
  return tok.kind == TokenKind::kWord && !tok.capitalized && s.flags[t] == 0 &&
         s.verb_end[t] == 0 && !s.in_unit[t];
}

std::string CountryOf(const std::string& code) {
  if (code.size() < 3 || code.compare(0, 3, "---") == 0) return "";
  return code.substr(0, 3);
}

bool IsQuantity(const Sentence& s, size_t t) {
  return s.tokens[t].kind == TokenKind::kNumber || (s.flags[t] & kQuantity);
}

namespace {

// MatchPattern binds kOfActor + i for the actor of "agent of actor" phrase i alone; CodeVerbs
// then holds that actor as a phrase of its own, index kOfActorAlone.
constexpr int kOfActor = 1 << 24;
constexpr int kOfActorAlone = -3;

// The most words of a synset member matched before the verb and joined to what follows it.
constexpr size_t kLongestJoinedSynset = 4;

// True when every token of [a, b) was set aside with a comma clause (none at all if a == b).
bool OnlyDeletedBetween(const Sentence& s, size_t a, size_t b) {
  for (size_t t = a; t < b; ++t)
    if (!s.deleted[t]) return false;
  return true;
}

// TABARI's ^ skips a noun phrase, coded or not: "warned their populations about X". An uncoded
// one is a run of plain words (no function word, verb or actor), after optional determiners.
bool PlainNounWord(const Sentence& s, size_t t) {
  return !s.deleted[t] && s.tokens[t].kind == TokenKind::kWord && s.flags[t] == 0 &&
         s.verb_end[t] == 0 && s.np_of[t] == kNone;
}
// The end of such a phrase starting at q, or q when none starts there.
size_t PlainNounAt(const Sentence& s, size_t q) {
  const size_t n = s.tokens.size();
  size_t t = q;
  while (t < n && (s.flags[t] & kDeterminer)) ++t;
  size_t e = t;
  while (e < n && PlainNounWord(s, e)) ++e;
  return e > t ? e : q;
}
// The start of such a phrase ending at q (inclusive), or q + 1 when none ends there.
size_t PlainNounEndingAt(const Sentence& s, size_t q) {
  if (!PlainNounWord(s, q)) return q + 1;
  size_t b = q;
  while (b > 0 && PlainNounWord(s, b - 1)) --b;
  while (b > 0 && (s.flags[b - 1] & kDeterminer)) --b;
  return b;
}

// "after Calenardhon crowds burned": a noun phrase after a subordinating preposition (AFTER,
// BEFORE, SINCE) with only its head noun, auxiliaries, negation or adverbs between it and the
// verb is the subject of that verb, not a prepositional object.
bool SubjectOfSubordinateClause(const Sentence& s, const NounPhrase& np, size_t verb_start) {
  if (!np.after_preposition || !(s.flags[np.preposition] & kComplementizer)) return false;
  for (size_t t = np.end; t < verb_start; ++t) {
    const std::string& w = s.tokens[t].norm;
    const bool head_noun = s.tokens[t].kind == TokenKind::kWord && s.verb_end[t] == 0 &&
                           s.np_of[t] == kNone && !(s.flags[t] & ~(kQuantity | kModifier));
    if (!(s.flags[t] & (kAuxiliary | kNegation | kBe)) && !(w.size() > 3 && EndsWith(w, "LY")) &&
        !head_noun)
      return false;
  }
  return true;
}

// "Resumption of ties between Arnor and Gondor may spur": a subject noun phrase that codes
// nothing itself has the meaning of the actor in its prepositional phrases (PETRARCH's noun
// phrases: words, then child phrases, then prepositional ones). The clause [start, verb_start)
// must be that noun phrase alone: a plain head noun first, then nouns, determiners, prepositions
// and conjunctions up to an actor that ends right before the verb (auxiliaries between).
int SubjectInPrepositionalPhrase(const Sentence& s, size_t start, size_t verb_start) {
  size_t b = verb_start;
  while (b > start && (s.flags[b - 1] & (kAuxiliary | kNegation | kModal | kBe))) --b;
  if (b == start || s.np_of[b - 1] == kNone) return kNone;
  const int np = s.np_of[b - 1];
  if (!s.nps[np].after_preposition || s.nps[np].start <= start) return kNone;
  size_t t = start;
  while (t < s.nps[np].start && (s.deleted[t] || (s.flags[t] & kDeterminer))) ++t;
  if (!PlainNounWord(s, t)) return kNone;
  for (; t < s.nps[np].start; ++t) {
    if (s.deleted[t]) continue;
    if (s.tokens[t].kind != TokenKind::kWord || s.verb_end[t] != 0 || s.np_of[t] != kNone ||
        (s.flags[t] & ~(kDeterminer | kPreposition | kConjunction | kModifier | kQuantity)))
      return kNone;
  }
  return np;
}

// PETRARCH-1 codes an event only when the verb has a noun phrase after it: "said on Saturday"
// has one ("Saturday", an uncoded target), "said today" has none (a bare time word is no
// object). True when [from, to) holds a noun: an actor, or a plain word that is no verb,
// adverb or function word.
bool HasObjectNoun(const Sentence& s, size_t from, size_t to) {
  for (size_t t = from; t < to; ++t) {
    if (s.deleted[t] || s.tokens[t].kind != TokenKind::kWord) continue;
    if (s.np_of[t] != kNone) return true;
    const uint32_t f = s.flags[t];
    const std::string& w = s.tokens[t].norm;
    if (f & kTimeWord) {
      if (t > from && (s.flags[t - 1] & kPreposition)) return true;
      continue;
    }
    if (f == 0 && s.verb_end[t] == 0 && !(w.size() > 3 && EndsWith(w, "LY"))) return true;
  }
  return false;
}

// A verb form read as a noun or an adjective by the words around it (token i starts the form):
// "very close" (an adjective); "promised raids" (a plural right after a verb is its object);
// "an anti- Gondor parade", "a Gondor visit" (the bare form after an actor that an article or
// anti-/pro- makes a modifier is the head noun of the phrase).
bool NounAfterModifierPhrase(const Sentence& s, size_t i, uint32_t verb_token, const VerbForm& vf) {
  if (i == 0) return false;
  const std::string& prev = s.tokens[i - 1].norm;
  if (Is(prev, "VERY") || Is(prev, "TOO")) return true;
  const std::string& w = s.tokens[verb_token].norm;
  // (Forms of several words, "plans to", and forms before an infinitive keep their reading.)
  const size_t to = s.verb_end[i];
  const bool infinitive = to + 1 < s.tokens.size() && Is(s.tokens[to].norm, "TO") &&
                          s.verb_end[to + 1] != 0;
  if (!s.verbs.empty() && s.verbs.back().end == i && to == i + 1 && w.size() > 3 &&
      EndsWith(w, "S") && !EndsWith(w, "SS") && !infinitive)
    return true;
  // (Only a bare actor: "a Gondor official cut ties" has its verb.)
  int np = s.np_of[i - 1];
  if (np == kNone || s.nps[np].members.size() != 1 || s.nps[np].has_agent || w != vf.lemma ||
      (s.flags[verb_token] & kIrregularParticiple))
    return false;
  size_t p = s.nps[np].start;
  if (p >= 1 && (Is(s.tokens[p - 1].norm, "A") || Is(s.tokens[p - 1].norm, "AN"))) return true;
  return p >= 2 && Is(s.tokens[p - 1].norm, "-") &&
         (Is(s.tokens[p - 2].norm, "ANTI") || Is(s.tokens[p - 2].norm, "PRO"));
}

// "Lawmakers and officials in A and B": the bare agents before the members placed by "in" or
// "of" (from `placed_from` on) are placed in each of their countries too.
void PlaceBareAgents(size_t placed_from, NounPhrase* np) {
  std::vector<Member> out;
  for (size_t k = 0; k < np->members.size(); ++k) {
    const Member& m = np->members[k];
    size_t before = out.size();
    if (k < placed_from && m.code.starts_with("---")) {
      for (size_t j = placed_from; j < np->members.size(); ++j) {
        const std::string& c = np->members[j].code;
        if (c.size() < 3 || c.starts_with("---")) continue;
        out.push_back(m);
        out.back().code = c.substr(0, 3) + m.code.substr(3);
      }
    }
    if (out.size() == before) out.push_back(m);
  }
  np->members = std::move(out);
}

// This thread's spare sentences. A document of many sentences leaves at most kKeep behind, so
// one huge document does not hold its memory for the rest of the run.
constexpr size_t kKeep = 256;
thread_local std::vector<Sentence> spare_sentences;

}  // namespace

SentencePool::SentencePool(size_t n) {
  sentences_.swap(spare_sentences);
  if (sentences_.size() > n) sentences_.resize(n);
  for (Sentence& s : sentences_) s.Clear();
  sentences_.resize(n);
}

SentencePool::~SentencePool() {
  if (sentences_.size() > kKeep) sentences_.resize(kKeep);
  if (spare_sentences.size() < sentences_.size()) spare_sentences.swap(sentences_);
}

}  // namespace coder

namespace {

// Calls f(word without its k-th byte) for each k, in a stack buffer, while f returns true (a
// void f never stops); false when f stopped. Words longer than 63 bytes have no variants.
template <typename F>
bool ForEachDeletion(std::string_view word, F&& f) {
  char buf[64];
  if (word.size() > sizeof buf) return true;
  for (size_t k = 0; k < word.size(); ++k) {
    std::memcpy(buf, word.data(), k);
    std::memcpy(buf + k, word.data() + k + 1, word.size() - k - 1);
    std::string_view variant(buf, word.size() - 1);
    if constexpr (std::is_void_v<decltype(f(variant))>) {
      f(variant);
    } else if (!f(variant)) {
      return false;
    }
  }
  return true;
}


bool IsPersonTitle(std::string_view w) {
  static const char* const kTitles[] = {
      "MINISTER", "PRESIDENT", "SPOKESMAN", "SPOKESWOMAN", "SPOKESPERSON", "AMBASSADOR",
      "SECRETARY", "LEADER", "CHIEF", "OFFICIAL", "ENVOY", "DIPLOMAT", "GENERAL", "COMMANDER",
      "PREMIER", "CHANCELLOR", "KING", "QUEEN", "PRINCE", "EMIR", "SENATOR", "GOVERNOR",
      "MAYOR", "DIRECTOR", "CHAIRMAN", "CHAIRWOMAN", "HEAD", "JUDGE", "PROSECUTOR", "ADVISER",
      "ADVISOR", "DEPUTY", "AIDE", "NEGOTIATOR", "LAWMAKER", "SPEAKER"};
  for (const char* t : kTitles)
    if (w == t) return true;
  return false;
}

// Appends an agent code to an actor code as PETRARCH's mix_codes does: a sector already in the
// code is not repeated; ELI replaces the sector; "IGO~" agents go in front.
std::string CombineCode(const std::string& actor, const Agent& agent) {
  const std::string& a = agent.code;
  if (a.empty()) return actor;
  if (agent.prefix) {
    if (actor.rfind(a, 0) == 0) return actor;
    return a + (Is(actor, "---") ? std::string() : actor);
  }
  std::string base = actor.empty() ? "---" : actor;
  for (size_t i = 3; i + 3 <= base.size(); i += 3)
    if (base.compare(i, 3, a, 0, 3) == 0) return base;
  if (a.size() >= 3 && base.size() >= a.size() &&
      base.compare(base.size() - a.size(), a.size(), a) == 0)
    return base;
  return base + a;
}




}  // namespace


std::string Coder::Impl::Rule(const SourceRef& where, std::string_view what) const {
  if (where.line == 0) return std::string(what);  // a rule of the coder, not of a dictionary
  std::string_view file;
  if (where.file < dict.files.size()) {
    file = dict.files[where.file];
    if (size_t slash = file.find_last_of('/'); slash != std::string_view::npos)
      file.remove_prefix(slash + 1);
  }
  char line[16];
  const char* line_end = std::to_chars(line, line + sizeof line, where.line).ptr;
  // One allocation: "FILE:LINE WHAT".
  std::string r;
  r.reserve(file.size() + 1 + (line_end - line) + 1 + what.size());
  r.append(file);
  r.push_back(':');
  r.append(line, static_cast<size_t>(line_end - line));
  if (!what.empty()) {
    r.push_back(' ');
    r.append(what);
  }
  return r;
}

void Coder::Impl::Compile() {
  for (const auto& [code, negated] : dict.negations) negations.emplace(code, negated);
  id_to = vocab.Add("TO");
  id_by = vocab.Add("BY");
  id_of = vocab.Add("OF");
  for (const ClosedClassWord& w : ClosedClassWords()) vocab.Add(w.word);
  actor_of_phrase.resize(dict.actor_phrases.size());
  for (uint32_t i = 0; i < dict.actor_phrases.size(); ++i) {
    const Phrase& words = dict.actor_phrases[i].words;
    actors.Add(words, &vocab, i);
    actor_of_phrase[i] = dict.actor_phrases[i].actor;
    if (std::none_of(words.begin(), words.end(), [](const PhraseWord& w) { return w.gap_before; }))
      continue;
    GappedPhrase g;
    g.phrase = i;
    for (const PhraseWord& w : words) g.ids.push_back(vocab.Add(w.word));
    g.first = g.ids[0];
    gapped_actors.push_back(std::move(g));
  }
  std::sort(gapped_actors.begin(), gapped_actors.end(),
            [](const GappedPhrase& a, const GappedPhrase& b) { return a.first < b.first; });
  agent_of_phrase.resize(dict.agent_phrases.size());
  agent_head.resize(dict.agent_phrases.size());
  for (uint32_t i = 0; i < dict.agent_phrases.size(); ++i) {
    const AgentPhrase& ph = dict.agent_phrases[i];
    agents.Add(ph.words, &vocab, i);
    agent_of_phrase[i] = ph.agent;
    if (!ph.words.empty()) agent_head[i] = ph.words.back().word;
  }
  for (uint32_t i = 0; i < dict.discards.size(); ++i)
    discards.Add(dict.discards[i].words, &vocab, i);
  for (uint32_t i = 0; i < dict.synsets.size(); ++i)
    for (const Phrase& m : dict.synsets[i].members) synsets.Add(m, &vocab, i);
  form_bits.assign(dict.verb_forms.size(), FormBits{});
  for (uint32_t i = 0; i < dict.verb_forms.size(); ++i) {
    const VerbForm& vf = dict.verb_forms[i];
    Phrase p;
    for (const std::string& w : vf.words) p.push_back(PhraseWord{w, false});
    verbs.Add(p, &vocab, i);
    const EventCode& code = vf.has_own_code ? vf.own_code : dict.verb_blocks[vf.block].code;
    FormBits& bits = form_bits[i];
    bits.codes = code.kind != EventCode::Kind::kNull;
    bits.has_own_code = vf.has_own_code;
    bits.verb_word = static_cast<uint8_t>(std::min<uint32_t>(vf.verb_word, kInRecord8));
    bits.block = static_cast<uint16_t>(std::min<uint32_t>(vf.block, kInRecord16));
  }
  for (uint32_t i = 0; i < dict.actor_phrases.size(); ++i) {
    const ActorPhrase& ap = dict.actor_phrases[i];
    if (ap.words.size() != 1 || ap.words[0].word.size() < 5) continue;
    const Actor& a = dict.actors[ap.actor];
    bool dated = false;
    for (const DatedCode& c : a.codes) dated |= !c.is_default;
    if (!dated) continue;  // people only: countries and organisations are not guessed
    const std::string& w = ap.words[0].word;
    auto add = [&](std::string_view variant) {
      const uint64_t hash = WordHash(variant);
      fuzzy_filter[FuzzyBit(hash) >> 6] |= uint64_t{1} << (FuzzyBit(hash) & 63);
      uint32_t& entry = fuzzy_names[hash];
      if (entry == 0) entry = i + 1;
      else if (entry != i + 1 && entry != kAmbiguousName &&
               dict.actor_phrases[entry - 1].actor != ap.actor)
        entry = kAmbiguousName;
    };
    add(w);
    ForEachDeletion(w, add);
  }
  agent_is_title.assign(dict.agent_phrases.size(), 0);
  for (size_t i = 0; i < dict.agent_phrases.size(); ++i) {
    const Phrase& w = dict.agent_phrases[i].words;
    agent_is_title[i] = !w.empty() && IsPersonTitle(w.back().word);
  }
  actor_is_person.assign(dict.actors.size(), 0);
  for (uint32_t i = 0; i < dict.actors.size(); ++i) {
    // People: an elite (ELI) default, or dated codes that all carry a sector under a name of
    // two words or more. Capitals (MOSCOW: USRGOV before 1991) and states (SOVIET_UNION) are
    // dated too, but have one word or no sector.
    const Actor& a = dict.actors[i];
    bool dated = false, eli = false, all_sectors = !a.codes.empty();
    for (const DatedCode& c : a.codes) {
      dated |= !c.is_default;
      eli |= c.is_default && c.code.size() >= 6 && c.code.compare(c.code.size() - 3, 3, "ELI") == 0;
      all_sectors &= c.code.size() > 3 && c.code.rfind("IGO", 0) != 0 && c.code.rfind("IMG", 0) != 0;
    }
    bool words2 = a.name.find_first_of("_ ") < a.name.find_last_not_of("_ ");
    actor_is_person[i] = eli || (dated && all_sectors && words2);
  }
  // A synset of negated auxiliaries (&NEGATVAUXVRB = DID N'T, WILL NOT, ...), once per synset.
  std::vector<uint8_t> synset_negates(dict.synsets.size(), 0);
  for (size_t i = 0; i < dict.synsets.size(); ++i)
    for (const Phrase& m : dict.synsets[i].members)
      for (const PhraseWord& w : m)
        if (WordFlags(w.word) & kNegation) synset_negates[i] = 1;
  block_patterns.resize(dict.verb_blocks.size());
  block_filters.resize(dict.verb_blocks.size());
  block_index.resize(dict.verb_blocks.size());
  for (uint32_t b = 0; b < dict.verb_blocks.size(); ++b) {
    const VerbBlock& block = dict.verb_blocks[b];
    auto& out = block_patterns[b];
    for (uint32_t p = 0; p < block.patterns.size(); ++p) {
      const Pattern& pattern = block.patterns[p];
      CompiledPattern cp;
      cp.pattern = p;
      cp.verb_joined = pattern.verb_joined;
      auto compile = [&](const std::vector<PatternToken>& in, std::vector<CompiledToken>* o) {
        for (const PatternToken& t : in) {
          CompiledToken c;
          c.kind = t.kind;
          c.joined = t.joined;
          c.synset = t.synset;
          if (t.kind == PatternToken::Kind::kWord) {
            c.word = vocab.Add(t.word.word);
            cp.required.push_back(c.word);
            c.exact = t.word.exact || !options.pattern_stems;
            if (WordFlags(t.word.word) & kNegation) cp.names_negation = true;
          } else if (t.kind == PatternToken::Kind::kSynset && t.synset < dict.synsets.size()) {
            if (synset_negates[t.synset]) cp.names_negation = true;
          }
          o->push_back(c);
        }
      };
      compile(pattern.before, &cp.before);
      compile(pattern.after, &cp.after);
      cp.weight = cp.before.size() + cp.after.size();
      out.push_back(std::move(cp));
    }
    std::stable_sort(out.begin(), out.end(), [](const CompiledPattern& a, const CompiledPattern& b) {
      return a.weight > b.weight;
    });
    for (const CompiledPattern& cp : out) {
      PatternFilter f;
      for (uint32_t w : cp.required) f.signature.Add(w);
      for (const auto* tokens : {&cp.before, &cp.after})
        for (const CompiledToken& t : *tokens)
          if (t.kind == PatternToken::Kind::kSynset && t.synset < dict.synsets.size())
            f.signature.Add(kSynsetSignature + t.synset);
      f.word_count = static_cast<uint8_t>(std::min<size_t>(cp.required.size(), 3));
      for (size_t k = 0; k < cp.required.size() && k < 2; ++k) f.words[k] = cp.required[k];
      const EventCode& code = block.patterns[cp.pattern].code;
      f.passive_only = code.passive_only;
      f.skipped = code.kind == EventCode::Kind::kComplex;
      block_filters[b].push_back(f);
    }
    if (out.size() >= kIndexedBlock) {
      PatternIndex& index = block_index[b];
      std::vector<std::pair<uint32_t, uint32_t>> by_key;  // (key word, pattern number)
      for (uint32_t k = 0; k < out.size(); ++k) {
        if (out[k].required.empty()) index.unkeyed.push_back(k);
        else by_key.push_back({out[k].required.front(), k});
      }
      std::sort(by_key.begin(), by_key.end());
      size_t keys = 0;
      for (size_t i = 0; i < by_key.size(); ++i) keys += i == 0 || by_key[i].first != by_key[i - 1].first;
      uint32_t bits = 1;
      while ((size_t{1} << bits) < 2 * keys) ++bits;
      index.slots.resize(size_t{1} << bits);
      index.shift = 32 - bits;
      const size_t mask = index.slots.size() - 1;
      for (size_t i = 0; i < by_key.size();) {  // one run of patterns a key
        const uint32_t key = by_key[i].first;
        const uint32_t begin = static_cast<uint32_t>(index.keyed.size());
        for (; i < by_key.size() && by_key[i].first == key; ++i) index.keyed.push_back(by_key[i].second);
        size_t slot = (key * PatternIndex::kMix) >> index.shift;
        while (index.slots[slot].key_plus_one != 0) slot = (slot + 1) & mask;
        index.slots[slot] = {key + 1, begin, static_cast<uint32_t>(index.keyed.size())};
        index.key_filter.Add(key);
        if (pattern_key.size() <= key) pattern_key.resize(key + 1, 0);
        pattern_key[key] = 1;
      }
    }
  }
  // Flags by word id (after every dictionary word is in the vocabulary).
  // Per word id: its closed-class flags (WordFlags) and which phrase tries start with it
  // (StartBits); lookups then carry both (WordIds::exact_tags, form_tags).
  std::vector<uint32_t> word_flags(vocab.size(), 0);
  for (const ClosedClassWord& w : ClosedClassWords()) word_flags[vocab.Find(w.word)] |= w.flags;
  std::vector<uint8_t> word_starts(vocab.size(), 0);
  const std::pair<const PhraseTrie*, uint8_t> tries[] = {{&actors, kStartsActor},
                                                         {&agents, kStartsAgent},
                                                         {&verbs, kStartsVerb},
                                                         {&discards, kStartsDiscard},
                                                         {&synsets, kStartsSynset}};
  for (const auto& [trie, bit] : tries)
    for (uint32_t w = 0; w < trie->root_words(); ++w)
      if (trie->Starts(w)) word_starts[w] |= bit;
  for (const GappedPhrase& g : gapped_actors) word_starts[g.first] |= kStartsGappedActor;
  for (uint32_t w = 0; w < pattern_key.size(); ++w)
    if (pattern_key[w]) word_starts[w] |= kStartsPatternKey;
  vocab.SetClassifier(&TextTags);
  for (uint32_t w = 0; w < vocab.size(); ++w) vocab.SetTags(w, word_flags[w], word_starts[w]);
}

namespace {

// True when a and b differ by at most one substitution, insertion, deletion or transposition.
bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // substitution
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);  // transposition
  }
  return a.substr(i) == b.substr(i + 1);  // insertion
}

}  // namespace

uint64_t Coder::Impl::NextSerial() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1);
}

uint32_t Coder::Impl::FuzzyName(const std::string& word) const {
  if (word.size() < 5 || fuzzy_names.size() == 0) return kNoWord;
  // The same unknown names come back sentence after sentence: the answers for recent words are
  // kept per thread (direct-mapped, keyed by the word and this coder's serial number, unique to
  // every coder ever built), since trying every one-letter deletion costs a dozen probes into
  // tables that are rarely in the cache.
  struct CachedAnswer {
    uint64_t owner = 0;
    uint32_t answer = kNoWord;
    uint8_t size = 0;
    char word[19];
  };
  thread_local std::array<CachedAnswer, 1024> cache;
  CachedAnswer* slot = nullptr;
  if (word.size() <= sizeof(CachedAnswer::word)) {
    slot = &cache[WordHash(word) & (cache.size() - 1)];
    if (slot->owner == serial && slot->size == word.size() &&
        SameBytes(slot->word, word.data(), word.size()))
      return slot->answer;
  }
  const uint32_t answer = FuzzyNameUncached(word);
  if (slot) {
    slot->owner = serial;
    slot->answer = answer;
    slot->size = static_cast<uint8_t>(word.size());
    std::memcpy(slot->word, word.data(), word.size());
  }
  return answer;
}

uint32_t Coder::Impl::FuzzyNameUncached(const std::string& word) const {
  uint32_t found = kNoWord;
  auto consider = [&](std::string_view key) {
    const uint64_t hash = WordHash(key);
    if (!(fuzzy_filter[FuzzyBit(hash) >> 6] >> (FuzzyBit(hash) & 63) & 1)) return true;
    const uint32_t entry = fuzzy_names.Find(hash);
    if (entry == 0) return true;
    if (entry == kAmbiguousName) return false;
    const uint32_t phrase = entry - 1;
    const std::string& name = dict.actor_phrases[phrase].words[0].word;
    if (name[0] != word[0] || !WithinOneEdit(name, word)) return true;
    if (found != kNoWord && dict.actor_phrases[found].actor != dict.actor_phrases[phrase].actor)
      return false;
    found = phrase;
    return true;
  };
  if (!consider(word)) return kNoWord;
  if (!ForEachDeletion(word, consider)) return kNoWord;
  return found;
}

const std::string& Coder::Impl::ResolveActor(uint32_t actor, Day date) const {
  static const std::string kNoCode;
  const Actor& a = dict.actors[actor];
  const DatedCode* fallback = nullptr;
  for (const DatedCode& c : a.codes) {
    if (c.is_default) {
      if (!fallback) fallback = &c;
      continue;
    }
    if (date != kNoDay && c.from <= date && date <= c.to) return c.code;
  }
  if (fallback) return fallback->code;
  return a.codes.empty() ? kNoCode : a.codes.back().code;
}

static void RememberForDescriptions(const NounPhrase& np, Discourse* d);

// ---- Noun phrases ------------------------------------------------------------------------------
// ---- Surnames -----------------------------------------------------------------------------------
// After "Kenyan opposition leader Raila Odinga", a later "Odinga told supporters" is the same man,
// even where the dictionary lists no entry for the surname alone.
void Coder::Impl::RememberPersonWords(const Sentence& s, uint32_t start, uint32_t end,
                                      uint32_t phrase, Discourse* discourse) const {
  const uint32_t actor = actor_of_phrase[phrase];
  if (!actor_is_person[actor] || end - start < 2) return;
  for (uint32_t t = start; t < end; ++t) {
    const Token& tok = s.tokens[t];
    if (!tok.capitalized || tok.kind != TokenKind::kWord || tok.norm.size() < 2) continue;
    auto it = discourse->person_words.find(tok.norm);
    if (it == discourse->person_words.end())
      discourse->person_words.emplace(tok.norm, phrase);
    else if (it->second != kNoWord && actor_of_phrase[it->second] != actor)
      it->second = kNoWord;
  }
}

uint32_t Coder::Impl::SurnameOfSomeoneMet(const Sentence& s, size_t t,
                                          const Discourse& discourse) const {
  const Token& tok = s.tokens[t];
  if (discourse.person_words.empty() || !tok.capitalized || tok.kind != TokenKind::kWord ||
      s.flags[t] != 0 || s.verb_end[t] != 0)
    return kNoWord;
  auto it = discourse.person_words.find(tok.norm);
  return it == discourse.person_words.end() ? kNoWord : it->second;
}

namespace {

// A spokesperson's title: "X for Y" is Y's.
bool SpeaksFor(const AgentPhrase& phrase) {
  if (phrase.words.empty()) return false;
  const std::string& w = phrase.words.back().word;
  return w.starts_with("SPOKES") &&
         (Is(w, "SPOKESMAN") || Is(w, "SPOKESWOMAN") || Is(w, "SPOKESPERSON") ||
          Is(w, "SPOKESMEN") || Is(w, "SPOKESWOMEN") || Is(w, "SPOKESPEOPLE"));
}

// What a pronoun with flags `f` stands for: within the sentence first (the noun phrases found so
// far, before compounds are merged), then the discourse. HE/SHE/IT prefer the first actor of the
// sentence (TABARI), possessives the nearest; a plural possessive takes the nearest list ("Russia
// and Ukraine ... their ministers").
struct Antecedent {
  std::vector<Member> members;
  bool person;
};
Antecedent AntecedentOf(const Sentence& s, uint32_t f, const Discourse& discourse, size_t at) {
  size_t found = SIZE_MAX;
  auto fits = [&](const NounPhrase& c) {
    if (c.pronoun || c.members.empty()) return false;
    if ((f & kPersonPronoun) && !c.person) return false;
    return (f & (kPersonPronoun | kPluralPronoun)) || !c.person;
  };
  // "the United Nations said it had received", "X told reporters he would": a subject pronoun
  // after a verb of speech stands for that verb's subject.
  if (!(f & kPossessive) && at < s.tokens.size()) {
    size_t q = at;
    if (q > 0 && Is(s.tokens[q - 1].norm, "THAT")) --q;
    if (q > 0 && (s.ids[q - 1].text_tags & kTextSpeech)) {
      size_t e = q - 1;
      while (e > 0 && (s.flags[e - 1] & (kAuxiliary | kNegation))) --e;
      for (size_t k = s.nps.size(); k-- > 0 && found == SIZE_MAX;)
        if (s.nps[k].end == e && fits(s.nps[k])) found = k;
    }
  }
  for (size_t k = found == SIZE_MAX ? s.nps.size() : 0; k-- > 0;) {
    if (!fits(s.nps[k])) continue;
    found = k;
    if (f & kPossessive) break;
  }
  if (found != SIZE_MAX) {
    size_t first = found;
    // "A and B", "A, B and C": earlier phrases joined to it by conjunctions and commas only.
    auto joined = [&](size_t a, size_t b) {
      if (s.nps[a].pronoun || s.nps[a].members.empty() || s.nps[a].end >= s.nps[b].start) return false;
      for (uint32_t t = s.nps[a].end; t < s.nps[b].start; ++t)
        if (!(s.flags[t] & (kConjunction | kComma))) return false;
      return true;
    };
    if ((f & kPluralPronoun) && (f & kPossessive))
      while (first > 0 && joined(first - 1, first)) --first;
    Antecedent a{{}, s.nps[found].person};
    for (size_t k = first; k <= found; ++k)
      a.members.insert(a.members.end(), s.nps[k].members.begin(), s.nps[k].members.end());
    return a;
  }
  const std::vector<Member>& prior =
      (f & kPersonPronoun) ? discourse.last_person
      : (f & kPluralPronoun) ? (discourse.last_group.empty() ? discourse.last_thing
                                                            : discourse.last_group)
                             : discourse.last_thing;
  return {prior, (f & kPersonPronoun) != 0};
}

}  // namespace

void Coder::Impl::FindNounPhrases(Sentence* s, Day date, Discourse* discourse) const {
  const size_t n = s->tokens.size();
  struct Unit {
    enum Kind { kActor, kAgent, kPronoun } kind;
    uint32_t start, end;
    uint32_t index;  // actor or agent index, or token for pronouns
    uint32_t phrase;
  };
  // (Scratch vectors are per thread, so their storage outlives the call: no allocation a
  // sentence.)
  thread_local std::vector<Unit> units;
  thread_local std::vector<uint32_t> values;
  units.clear();
  std::span<const WordIds> ids(s->ids);
  for (size_t i = 0; i < n;) {
    if (s->deleted[i] || s->tokens[i].kind == TokenKind::kPunct ||
        s->tokens[i].kind == TokenKind::kQuote) {
      ++i;
      continue;
    }
    size_t actor_end = i, agent_end = i;
    uint32_t actor_phrase = 0, agent_phrase = 0;
    bool actor_found = false;
    if (s->starts[i] & kStartsActor) {
      actor_found = actors.LongestAt(ids, i, &actor_end, &values);
      if (actor_found) actor_phrase = values.front();
      if (s->starts[i] & kStartsGappedActor) {
        uint32_t phrase;
        if (size_t e = GappedActorAt(*s, i, actor_end, &phrase); e > actor_end) {
          actor_end = e;
          actor_phrase = phrase;
          actor_found = true;
        }
      }
    }
    if (actor_found) {
      // Proper names start with a capital in mixed-case text ("us" is not the US), after a
      // leading article of the name ("the Shire"); null entries ("official visit [---]") block
      // in any case.
      const std::string& resolved = ResolveActor(actor_of_phrase[actor_phrase], date);
      const size_t cap = (s->flags[i] & kDeterminer) && i + 1 < actor_end ? i + 1 : i;
      if (s->mixed_case && !s->tokens[cap].capitalized && !Is(resolved, "---")) actor_end = i;
      if (actor_end > i && resolved.empty()) actor_end = i;
    }
    if ((s->starts[i] & kStartsAgent) && agents.LongestAt(ids, i, &agent_end, &values))
      agent_phrase = values.front();
    if (actor_end == i && agent_end == i) {
      if (uint32_t phrase = SurnameOfSomeoneMet(*s, i, *discourse); phrase != kNoWord) {
        actor_phrase = phrase;
        actor_end = i + 1;
      }
    }
    if (actor_end == i && agent_end == i && s->tokens[i].capitalized &&
        s->ids[i].exact == kNoWord && s->ids[i].stem_count == 0) {
      // An unknown name one letter away from a known person's name ("Blingen" → BLINKEN).
      if (uint32_t phrase = FuzzyName(s->tokens[i].norm); phrase != kNoWord) {
        actor_phrase = phrase;
        actor_end = i + 1;
        s->fuzzy.push_back({static_cast<uint32_t>(i), phrase});
      }
    }
    if (actor_end > i && actor_end >= agent_end) {
      units.push_back({Unit::kActor, static_cast<uint32_t>(i), static_cast<uint32_t>(actor_end),
                       actor_of_phrase[actor_phrase], actor_phrase});
      RememberPersonWords(*s, units.back().start, units.back().end, actor_phrase, discourse);
      i = actor_end;
    } else if (agent_end > i) {
      units.push_back({Unit::kAgent, static_cast<uint32_t>(i), static_cast<uint32_t>(agent_end),
                       agent_of_phrase[agent_phrase], agent_phrase});
      i = agent_end;
    } else {
      bool first_person = (s->flags[i] & kFirstPerson) ||
                          (Is(s->tokens[i].norm, "US") && !s->tokens[i].capitalized);
      // "their resumption", "its embassy": a possessive before a word is a determiner.
      bool determiner = (s->flags[i] & kPossessive) && i + 1 < n &&
                        s->tokens[i + 1].kind == TokenKind::kWord;
      if (((s->flags[i] & kPronoun) || first_person) && !determiner) {
        units.push_back({Unit::kPronoun, static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1),
                         static_cast<uint32_t>(i), 0});
      }
      ++i;
    }
  }

  for (const Unit& unit : units)
    for (uint32_t t = unit.start; t < unit.end; ++t) s->in_unit[t] = 1;

  // Tokens that may sit between the units of one noun phrase: determiners, possessive 's, and
  // lower-case words that are neither function words nor verbs ("the evil awful Gondor").
  auto joinable = [&](size_t t) {
    uint32_t f = s->flags[t];
    if (f & (kDeterminer | kModifier | kFormer)) return true;
    if (Is(s->tokens[t].norm, "'S") || Is(s->tokens[t].norm, "'")) return true;
    // "awful and evil minister": a conjunction between two adjectives.
    if ((f & kConjunction) && t > 0 && t + 1 < n && AdjectiveLike(*s, t - 1) &&
        AdjectiveLike(*s, t + 1))
      return true;
    // A capitalised word no dictionary knows: a title or name part ("first Deputy Prime
    // Minister", "Islamist").
    const Token& tok = s->tokens[t];
    if (tok.capitalized && tok.kind == TokenKind::kWord && f == 0 && s->verb_end[t] == 0 &&
        s->ids[t].exact == kNoWord && s->ids[t].stem_count == 0)
      return true;
    return AdjectiveLike(*s, t);
  };

  // Group adjacent units into noun phrases.
  s->np_of.assign(n, kNone);
  size_t u = 0;
  while (u < units.size()) {
    if (units[u].kind == Unit::kPronoun) {
      NounPhrase np;
      np.start = units[u].start;
      np.end = units[u].end;
      np.pronoun = true;
      const Token& t = s->tokens[np.start];
      uint32_t f = s->flags[np.start];
      if ((f & kFirstPerson) || Is(t.norm, "US")) {
        np.first_person = true;  // resolved to the quote's speaker by AttributeQuotes()
        s->nps.push_back(std::move(np));
        ++u;
        continue;
      }
      Antecedent a = AntecedentOf(*s, f, *discourse, np.start);
      np.members = std::move(a.members);
      np.person = a.person;
      for (Member& m : np.members) {
        m.tok_start = np.start;
        m.tok_end = np.end;
      }
      if (!np.members.empty()) s->nps.push_back(std::move(np));
      ++u;
      continue;
    }
    // Gather a run of actor/agent units joined by joinable tokens, "of"/"from"/"in" between an
    // agent and its actor ("president of Israel", "lawmakers in Fornost"), or "to"/"at" + actor
    // after an agent that already has its actor ("US Ambassador to Russia": Russia only locates).
    size_t first = u, last = u;
    thread_local std::vector<size_t> absorbed;
    absorbed.clear();
    size_t of_at = SIZE_MAX;  // the unit after an agent-"of" link
    while (last + 1 < units.size() && units[last + 1].kind != Unit::kPronoun) {
      const Unit& a = units[last];
      const Unit& b = units[last + 1];
      bool owned = false;
      for (size_t k = first; k <= last; ++k) owned |= units[k].kind == Unit::kActor;
      bool ok = true, via_of = false, via_to = false;
      for (size_t t = a.end; t < b.start && ok; ++t) {
        if (joinable(t)) continue;
        const std::string& w = s->tokens[t].norm;
        if (t == a.end && a.kind == Unit::kAgent && b.kind == Unit::kActor) {
          // ("a spokesman for the Israeli military" speaks for it; an "envoy for Syria" does not.)
          if (!owned && (Is(w, "OF") || Is(w, "FROM") || Is(w, "IN") ||
                         (Is(w, "FOR") && SpeaksFor(dict.agent_phrases[a.phrase])))) {
            via_of = true;
            continue;
          }
          if (owned && (Is(w, "TO") || Is(w, "IN") || Is(w, "AT") || Is(w, "FOR"))) {
            via_to = true;
            continue;
          }
        }
        ok = false;
      }
      if (!ok) break;
      if (via_to) absorbed.push_back(last + 1);
      if (via_of) of_at = last + 1;
      ++last;
    }
    // A capitalised unknown name right after the run belongs to it ("spokesman Netflix",
    // "Ambassador to Moscow John Sullivan").
    uint32_t end = units[last].end;
    // (Initials such as "V." count; words that start another actor or agent do not; the
    // hyphenated part of a name, "Chang Ho-jin", does.)
    auto glued = [&](size_t a, size_t b) { return s->tokens[a].end == s->tokens[b].start; };
    while (end < n) {
      if (s->tokens[end].capitalized && s->tokens[end].kind == TokenKind::kWord &&
          s->flags[end] == 0 && !s->in_unit[end] && s->verb_end[end] == 0) {
        ++end;
      } else if (end > units[last].end && end + 1 < n && s->tokens[end].norm == "-" &&
                 glued(end - 1, end) && glued(end, end + 1) &&
                 s->tokens[end + 1].kind == TokenKind::kWord && s->flags[end + 1] == 0) {
        end += 2;
      } else {
        break;
      }
    }

    NounPhrase np;
    np.members = s->TakeMembers();
    np.start = units[first].start;
    np.end = end;
    // The owner is the first actor, as in TABARI ("Ithilen's minister Calimehtar" is ITHGOV,
    // "Russian Foreign Minister Sergei Lavrov" RUSGOV either way).
    // A company or outlet right after a person's title stands where a name belongs ("Foreign
    // Ministry spokesman Netflix"): the title codes the phrase, the name is reported.
    for (size_t k = first + 1; k <= last; ++k) {
      if (units[k].kind != Unit::kActor || units[k - 1].kind != Unit::kAgent ||
          units[k - 1].end != units[k].start || !agent_is_title[units[k - 1].phrase] ||
          actor_is_person[units[k].index])
        continue;
      std::string c = ResolveActor(units[k].index, date);
      std::string sector = c.size() > 3 ? c.substr(3, 3) : "";
      if (Is(sector, "BUS") || Is(sector, "MED") || c.rfind("MNC", 0) == 0) {
        absorbed.push_back(k);
        s->mismatches.push_back({units[k].start, units[k].end});
      }
    }
    int owner = kNone;
    for (size_t k = first; k <= last && owner == kNone; ++k) {
      if (units[k].kind != Unit::kActor) continue;
      if (std::find(absorbed.begin(), absorbed.end(), k) != absorbed.end()) continue;
      owner = static_cast<int>(k);
    }
    std::string code = owner == kNone ? "---" : ResolveActor(units[owner].index, date);
    // "its forces", "their troops", "his government": agents after a possessive pronoun belong
    // to what the pronoun stands for (each member of a compound: "A/B" splits below).
    if (owner == kNone && np.start > 0 && (s->flags[np.start - 1] & kPossessive) &&
        (s->flags[np.start - 1] & kPronoun)) {
      const Antecedent a = AntecedentOf(*s, s->flags[np.start - 1], *discourse, np.start - 1);
      std::string countries;
      for (const Member& m : a.members) {
        std::string c = CountryOf(m.code);
        if (c.empty()) {
          countries.clear();
          break;
        }
        countries += (countries.empty() ? "" : "/") + c;
      }
      if (!countries.empty()) code = countries;
    }
    RuleRef rule;
    bool person = false;
    for (size_t k = first; k <= last; ++k)
      if (units[k].kind == Unit::kActor && actor_is_person[units[k].index] &&
          std::find(absorbed.begin(), absorbed.end(), k) == absorbed.end())
        person = true;
    if (owner != kNone) rule.actor_phrase = units[owner].phrase + 1;
    // "former" anywhere in the phrase, or just before it: the agents become ELI (TABARI).
    bool former = np.start > 0 && (s->flags[np.start - 1] & kFormer);
    for (size_t t = np.start; t < np.end; ++t) former |= (s->flags[t] & kFormer) != 0;
    thread_local std::vector<const Agent*> agent_list;
    agent_list.clear();
    for (size_t k = first; k <= last; ++k) {
      if (units[k].kind != Unit::kAgent) continue;
      if (agent_is_title[units[k].phrase]) person = true;
      if (agent_list.size() < 2) {
        agent_list.push_back(&dict.agents[units[k].index]);
        np.agents.push_back(units[k].index);
      }
      if (!agent_head[units[k].phrase].empty()) np.head = agent_head[units[k].phrase];
      if (of_at != SIZE_MAX && k < of_at) np.of_agents.push_back(units[k].index);
      if (rule.empty()) rule.agent_phrase = units[k].phrase + 1;
    }
    np.has_agent = !agent_list.empty();
    np.ends_with_agent = units[last].kind == Unit::kAgent && units[last].end == np.end;
    thread_local std::vector<std::string> codes;
    codes.clear();
    // TABARI compound codes: "[FRO/BIL/SAM]" is three actors.
    for (size_t b = 0;;) {
      size_t slash = code.find('/', b);
      codes.push_back(code.substr(b, slash == std::string::npos ? std::string::npos : slash - b));
      if (slash == std::string::npos) break;
      b = slash + 1;
    }
    static const Agent kElite{"ELI", false, SourceRef{}};
    for (std::string& c : codes) {
      if (former) c = CombineCode(c, kElite);
      else
        for (const Agent* a : agent_list) c = CombineCode(c, *a);
    }
    if (codes.size() == 1 && Is(codes[0], "---")) {  // nothing but absorbed units
      u = last + 1;
      continue;
    }
    np.person = person;
    for (std::string& c : codes) {
      Member m;
      m.code = std::move(c);
      m.tok_start = np.start;
      m.tok_end = np.end;
      m.rule = rule;
      m.person = person;
      m.actor = owner == kNone ? -1 : static_cast<int32_t>(units[owner].index);
      m.has_agent = !agent_list.empty();
      np.members.push_back(std::move(m));
    }
    if (of_at != SIZE_MAX && owner == static_cast<int>(of_at) && codes.size() == 1) {
      np.of_actor = units[of_at].start;
      Member& alone = np.of_member.emplace_back();
      alone.code = code;
      alone.tok_start = np.of_actor;
      alone.tok_end = np.end;
      alone.rule = rule;
      alone.actor = static_cast<int32_t>(units[of_at].index);
    }
    if (np.start > 0) {
      size_t p = np.start - 1;
      while (p > 0 && (s->flags[p] & (kDeterminer | kModifier))) --p;
      // "thousands of protesters", "dozens of Iraqis", "a group of soldiers": the head is the
      // noun after "of", which is then no prepositional object.
      bool quantity = Is(s->tokens[p].norm, "OF") && p > 0 && IsQuantity(*s, p - 1);
      if ((s->flags[p] & kPreposition) && !quantity) {
        np.after_preposition = true;
        np.preposition = p;
      }
    }
    s->nps.push_back(std::move(np));
    u = last + 1;
  }

  // Modifiers, not actors: "rebel-held town", "Iran-backed militia" (a phrase before -held,
  // -backed, ...). Bare agents used as adjectives ("military drills") are null phrases in the
  // dictionaries (data/actors/non-actors.txt): the same word is an actor in "the official said".
  {
    static const char* const kHyphenated[] = {"HELD", "LED", "BACKED", "CONTROLLED", "RUN",
                                               "OWNED", "BASED", "ALLIED", "LINKED", "AFFILIATED",
                                               "ORIENTED", "SPONSORED", "FUNDED", "ARMED", "ALIGNED"};
    // (In place, so the sentence keeps its storage.)
    std::erase_if(s->nps, [&](const NounPhrase& np) {
      bool modifier = false;
      if (np.end + 1 < n && Is(s->tokens[np.end].norm, "-")) {
        for (const char* w : kHyphenated) modifier |= s->tokens[np.end + 1].norm == w;
      }
      return modifier;
    });
  }

  // Compounds: NP (, NP)* and|or NP. Merged in place: phrase k joins into slot `kept`.
  size_t kept = 0;
  for (size_t k = 0; k < s->nps.size(); ++k) {
    NounPhrase np = std::move(s->nps[k]);
    size_t placed_from = 0;  // first member placed by "in"/"of" after bare agents, or 0
    // A list has its "and" before the last item only: after "A and B", a comma ends it ("between
    // A and B, and C and D said").
    bool closed = false;
    while (k + 1 < s->nps.size()) {
      const NounPhrase& next = s->nps[k + 1];
      bool linked = false;
      size_t t = np.end;
      // (A possessive 's too: "Ithilen's sheep and goats of Gondor".)
      auto skip = [&](size_t x) {
        return (s->flags[x] & (kDeterminer | kModifier)) || AdjectiveLike(*s, x) ||
               Is(s->tokens[x].norm, "'S");
      };
      while (t < next.start && skip(t)) ++t;
      if (np.pronoun) break;
      bool by_comma = false;  // the link is a comma ("A, B and C"; "Ukraine's border, the EU")
      bool possessed = false;  // the next item opens with a possessive pronoun ("and its army")
      if (t < next.start && (s->flags[t] & (kConjunction | kComma)) &&
          !Is(s->tokens[t].norm, "BUT")) {
        by_comma = (s->flags[t] & kComma) != 0;
        if (closed && by_comma) break;
        closed = closed || (s->flags[t] & kConjunction) ||
                 (t + 1 < next.start && Is(s->tokens[t + 1].norm, "AND"));
        ++t;
        if (t < next.start && Is(s->tokens[t].norm, "AND")) ++t;  // ", and"
        const size_t after_conjunction = t;
        // "A and his Saudi counterpart B": a possessive pronoun opens the next item.
        if (t < next.start && (s->flags[t] & kPossessive) && (s->flags[t] & kPronoun)) {
          possessed = true;
          ++t;
        }
        while (t < next.start && skip(t)) ++t;
        // "Ithilen's sheep and goats of Gondor", "Russia and the people of Ukraine": a noun
        // of an actor stands for that actor in the list.
        if (t > after_conjunction && next.after_preposition && t == next.preposition &&
            Is(s->tokens[t].norm, "OF")) {
          ++t;
          while (t < next.start && skip(t)) ++t;
        }
        linked = t == next.start && !next.pronoun;
      }
      // "A, B" alone is not a compound (apposition); it needs a closing "and".
      if (!linked) break;
      if (by_comma) {
        // Look ahead for the "and" that closes the list.
        bool closes = false;
        for (size_t j = k; j + 1 < s->nps.size() && !closes; ++j) {
          size_t from = j == k ? np.end : s->nps[j].end;
          for (size_t x = from; x < s->nps[j + 1].start; ++x)
            if (Is(s->tokens[x].norm, "AND") || Is(s->tokens[x].norm, "OR")) closes = true;
        }
        if (!closes) break;
      }
      // "U.S. and South Korean troops", "Ukrainian and Russian delegations": the agent at the
      // end of the list belongs to its bare first items too.
      if (!np.has_agent && next.ends_with_agent && np.members.size() == 1 && !possessed &&
          Is(s->tokens[np.end].norm, "AND")) {
        for (Member& m : np.members)
          for (uint32_t a : next.agents) m.code = CombineCode(m.code, dict.agents[a]);
        np.has_agent = true;
      }
      // "Lawmakers and officials in A and B": the bare agents before are placed there too.
      if (!next.of_agents.empty() && placed_from == 0 && np.members.front().code.starts_with("---"))
        placed_from = np.members.size();
      // "officials of A and B": the agents before "of" go with every actor of the list.
      if (!next.of_agents.empty()) np.of_agents = next.of_agents;
      for (Member m : next.members) {
        if (!next.has_agent)
          for (uint32_t a : np.of_agents) m.code = CombineCode(m.code, dict.agents[a]);
        // "Danish media and government": a lone agent takes the first member's country.
        const std::string& first_code = np.members.front().code;
        if (m.code.rfind("---", 0) == 0 && first_code.size() >= 3 && first_code.rfind("---", 0) != 0)
          m.code = first_code.substr(0, 3) + m.code.substr(3);
        np.members.push_back(std::move(m));
      }
      np.end = next.end;
      np.person = np.person && next.person;
      ++k;
    }
    if (placed_from > 0) PlaceBareAgents(placed_from, &np);
    s->nps[kept++] = std::move(np);
  }
  s->nps.resize(kept);
  for (size_t k = 0; k < s->nps.size(); ++k)
    for (size_t t = s->nps[k].start; t < s->nps[k].end; ++t) s->np_of[t] = static_cast<int>(k);

  ResolveDefiniteDescriptions(s, discourse);
  if (options.infer_country) InferCountries(s);

  // Remember for later sentences; for "the country" and the like, the sentence's first actors
  // (its subject, usually) are the most salient, so they are remembered last.
  for (size_t k = s->nps.size(); k-- > 0;)
    if (!s->nps[k].pronoun) RememberForDescriptions(s->nps[k], discourse);
  for (const NounPhrase& np : s->nps) {
    if (np.pronoun) continue;
    if (np.members.size() > 1) discourse->last_group = np.members;
    else if (np.person) discourse->last_person = np.members;
    else discourse->last_thing = np.members;
  }
}

// ---- Definite descriptions ---------------------------------------------------------------------
// "the ministry", "the country", "the alliance" name an actor met before: the last one with that
// sector, the last country, the last international organisation.
static void RememberForDescriptions(const NounPhrase& np, Discourse* d) {
  if (np.members.size() != 1) return;
  const Member& m = np.members[0];
  std::string country = CountryOf(m.code);
  if (country.empty()) return;
  if (Is(country, "IGO")) {
    d->last_igo = np.members;
    return;
  }
  if (m.code.size() == 3) d->last_country = np.members;
  if (!np.head.empty() && m.code.size() > 3) {
    bool found = false;
    for (auto& [head, mem] : d->last_by_head)
      if (head == np.head) {
        mem = m;
        found = true;
      }
    if (!found) d->last_by_head.emplace_back(np.head, m);
  }
  for (size_t i = 3; i + 3 <= m.code.size(); i += 3) {
    const std::string_view sector = std::string_view(m.code).substr(i, 3);
    bool found = false;
    for (auto& [sec, mem] : d->last_by_sector)
      if (sec == sector) {
        mem = m;
        found = true;
      }
    if (!found) d->last_by_sector.emplace_back(std::string(sector), m);
  }
}

// A title and a name that no dictionary gave a country ("Interior Minister Mari Rantanen").
static bool NamedOfficialWithoutCountry(const Sentence& s, const NounPhrase& np) {
  if (!np.person || np.members.size() != 1 || np.end - np.start < 2) return false;
  const Member& m = np.members[0];
  if (m.code.size() < 6 || m.code.rfind("---", 0) != 0) return false;
  // The name: capitalised words outside any actor or agent phrase.
  for (uint32_t t = np.start; t < np.end; ++t)
    if (s.tokens[t].capitalized && s.tokens[t].kind == TokenKind::kWord && !s.in_unit[t])
      return true;
  return false;
}

// An actor with a sector and no country ("---GOV") takes the country of the last actor with the
// same head word ("the ministry" after "Russia's foreign ministry"), else the same sector.
static void GiveCountryFromDiscourse(const Discourse& d, NounPhrase* np) {
  if (np->members.size() != 1) return;
  Member& m = np->members[0];
  if (m.code.size() < 6 || m.code.rfind("---", 0) != 0) return;
  for (const auto& [head, mem] : d.last_by_head)
    if (head == np->head) {
      m.code = mem.code.substr(0, 3) + m.code.substr(3);
      return;
    }
  std::string sector = m.code.substr(3, 3);
  for (const auto& [sec, mem] : d.last_by_sector)
    if (sec == sector) m.code = mem.code.substr(0, 3) + m.code.substr(3);
}

namespace {

// What "the WORD" (WORD at token t) may refer to: the last country, the last international
// organisation, or the last armed group ("the group" after Hamas; "the group of protesters" is
// no reference back).
enum class Description { kNone, kCountry, kOrganization, kArmedGroup };
Description DescriptionOf(const Sentence& s, size_t t) {
  const std::string& w = s.tokens[t].norm;
  if (Is(w, "COUNTRY") || Is(w, "NATION") || Is(w, "KINGDOM") || Is(w, "REPUBLIC"))
    return Description::kCountry;
  if (Is(w, "ALLIANCE") || Is(w, "BLOC") || Is(w, "ORGANIZATION") || Is(w, "ORGANISATION"))
    return Description::kOrganization;
  if ((Is(w, "GROUP") || Is(w, "MOVEMENT")) &&
      !(t + 1 < s.tokens.size() && Is(s.tokens[t + 1].norm, "OF")))
    return Description::kArmedGroup;
  return Description::kNone;
}

}  // namespace

void Coder::Impl::ResolveDefiniteDescriptions(Sentence* s, Discourse* discourse) const {
  const size_t n = s->tokens.size();
  // Most sentences have nothing to resolve: look before copying the discourse.
  bool any = false;
  for (size_t t = 0; t < n && !any; ++t) {
    if (s->np_of[t] != kNone && s->nps[s->np_of[t]].start == t &&
        NamedOfficialWithoutCountry(*s, s->nps[s->np_of[t]])) {
      any = true;
    } else if (t + 1 < n && Is(s->tokens[t].norm, "THE")) {
      int np_index = s->np_of[t + 1];
      if (np_index == kNone) {
        any = !s->in_unit[t + 1] && DescriptionOf(*s, t + 1) != Description::kNone;
      } else {
        const NounPhrase& np = s->nps[np_index];
        any = np.start == t + 1 && np.members.size() == 1 && np.members[0].code.size() >= 6 &&
              np.members[0].code.rfind("---", 0) == 0;
      }
    }
  }
  if (!any) return;
  // Earlier noun phrases of this sentence count first. (Only what descriptions use is copied:
  // the rest of the discourse, the person words above all, is large. The copy is per thread, so
  // its storage is reused from sentence to sentence; these four fields are all it ever holds.)
  thread_local Discourse local;
  local.last_country = discourse->last_country;
  local.last_igo = discourse->last_igo;
  local.last_by_sector = discourse->last_by_sector;
  local.last_by_head = discourse->last_by_head;
  std::vector<NounPhrase> added;
  size_t k = 0;
  for (size_t t = 0; t + 1 < n; ++t) {
    while (k < s->nps.size() && s->nps[k].end <= t) RememberForDescriptions(s->nps[k++], &local);
    // "Interior Minister Mari Rantanen" with no nationality: a named official of the country
    // whose same office or sector the story met last, like "the ministry" below.
    if (s->np_of[t] != kNone && s->nps[s->np_of[t]].start == t &&
        NamedOfficialWithoutCountry(*s, s->nps[s->np_of[t]])) {
      GiveCountryFromDiscourse(local, &s->nps[s->np_of[t]]);
      continue;
    }
    if (!Is(s->tokens[t].norm, "THE")) continue;
    std::vector<Member> armed_group;
    const std::vector<Member>* antecedent = nullptr;
    int np_index = s->np_of[t + 1];
    if (np_index == kNone && !s->in_unit[t + 1]) {
      switch (DescriptionOf(*s, t + 1)) {
        case Description::kCountry: antecedent = &local.last_country; break;
        case Description::kOrganization: antecedent = &local.last_igo; break;
        case Description::kArmedGroup:
          for (const auto& [sector, m] : local.last_by_sector)
            if (Is(sector, "REB")) armed_group = {m};
          antecedent = &armed_group;
          break;
        case Description::kNone: break;
      }
      if (!antecedent || antecedent->empty()) continue;
      NounPhrase np;
      np.start = static_cast<uint32_t>(t + 1);
      np.end = static_cast<uint32_t>(t + 2);
      np.members = *antecedent;
      for (Member& m : np.members) {
        m.tok_start = np.start;
        m.tok_end = np.end;
      }
      if (np.start > 0 && (s->flags[t] & kPreposition)) {
        np.after_preposition = true;
        np.preposition = static_cast<uint32_t>(t);
      }
      added.push_back(std::move(np));
      continue;
    }
    // "the ministry" (---GOV): the last actor with a country and that sector.
    if (np_index == kNone) continue;
    NounPhrase& np = s->nps[np_index];
    if (np.start != t + 1) continue;
    GiveCountryFromDiscourse(local, &np);
  }
  if (added.empty()) return;
  for (NounPhrase& np : added) s->nps.push_back(std::move(np));
  std::sort(s->nps.begin(), s->nps.end(),
            [](const NounPhrase& a, const NounPhrase& b) { return a.start < b.start; });
  s->np_of.assign(n, kNone);
  for (size_t i = 0; i < s->nps.size(); ++i)
    for (size_t t = s->nps[i].start; t < s->nps[i].end; ++t) s->np_of[t] = static_cast<int>(i);
}

// ---- Countries for generic actors --------------------------------------------------------------
// "Thousands of protesters rallied in Tbilisi": protesters are Georgian. The country comes from the
// first place the sentence puts things in (a noun phrase after in/across/near/outside/through),
// else from the one country all the sentence's coded actors share.
void Coder::Impl::InferCountries(Sentence* s) const {
  bool any_generic = false;
  for (const NounPhrase& np : s->nps)
    for (const Member& m : np.members) any_generic |= m.code.size() > 3 && m.code.rfind("---", 0) == 0;
  if (!any_generic) return;
  std::string country;
  for (const NounPhrase& np : s->nps) {
    if (!np.after_preposition || np.members.size() != 1) continue;
    const std::string& prep = s->tokens[np.preposition].norm;
    if (!Is(prep, "IN") && !Is(prep, "ACROSS") && !Is(prep, "NEAR") && !Is(prep, "OUTSIDE") &&
        !Is(prep, "THROUGH") && !Is(prep, "INSIDE") && !Is(prep, "AROUND") && !Is(prep, "THROUGHOUT"))
      continue;
    std::string c = CountryOf(np.members[0].code);
    if (c.size() == 3 && !Is(c, "IGO") && !Is(c, "NGO") && !Is(c, "MNC") && !Is(c, "IMG")) {
      country = c;
      break;
    }
  }
  if (country.empty()) {
    for (const NounPhrase& np : s->nps) {
      for (const Member& m : np.members) {
        std::string c = CountryOf(m.code);
        if (c.size() != 3 || Is(c, "IGO") || Is(c, "NGO") || Is(c, "MNC") || Is(c, "IMG")) continue;
        if (country.empty()) {
          country = c;
        } else if (country != c) {
          return;  // two countries: no guess
        }
      }
    }
  }
  if (country.empty()) return;
  for (NounPhrase& np : s->nps)
    for (Member& m : np.members)
      if (m.code.size() > 3 && m.code.rfind("---", 0) == 0) m.code = country + m.code.substr(3);
}

size_t Coder::Impl::GappedActorAt(const Sentence& s, size_t i, size_t end, uint32_t* phrase) const {
  const size_t n = s.tokens.size();
  auto matches = [&](size_t t, uint32_t id, bool exact) {
    const WordIds& w = s.ids[t];
    if (w.exact == id) return true;
    for (uint8_t k = 0; !exact && k < w.stem_count; ++k)
      if (w.stems[k] == id) return true;
    return false;
  };
  // What may come between: a plain lower-case word of the noun phrase ("state-run"), no actor
  // or agent.
  std::vector<uint32_t> values;
  auto between = [&](size_t t) {
    const Token& tok = s.tokens[t];
    if (s.deleted[t]) return false;
    if (Is(tok.norm, "-")) return t > 0 && t + 1 < n && s.tokens[t - 1].end == tok.start &&
                                   tok.end == s.tokens[t + 1].start;
    size_t e;
    return tok.kind == TokenKind::kWord && s.flags[t] == 0 && !(s.mixed_case && tok.capitalized) &&
           (s.verb_end[t] == 0 || (t > 0 && Is(s.tokens[t - 1].norm, "-"))) &&
           !actors.LongestAt(std::span<const WordIds>(s.ids), t, &e, &values) &&
           !agents.LongestAt(std::span<const WordIds>(s.ids), t, &e, &values);
  };
  constexpr size_t kMostBetween = 3;  // tokens: "state - run"
  size_t best = end;
  auto try_first = [&](uint32_t first) {
    auto lo = std::lower_bound(gapped_actors.begin(), gapped_actors.end(), first,
                               [](const GappedPhrase& g, uint32_t id) { return g.first < id; });
    for (auto g = lo; g != gapped_actors.end() && g->first == first; ++g) {
      const Phrase& words = dict.actor_phrases[g->phrase].words;
      if (!matches(i, g->ids[0], words[0].exact)) continue;
      size_t pos = i + 1;
      bool ok = true;
      for (size_t k = 1; k < words.size() && ok; ++k) {
        size_t q = pos;
        while (q < n && !matches(q, g->ids[k], words[k].exact) && words[k].gap_before &&
               q - pos < kMostBetween && between(q))
          ++q;
        ok = q < n && matches(q, g->ids[k], words[k].exact);
        pos = q + 1;
      }
      if (ok && pos > best) {
        best = pos;
        *phrase = g->phrase;
      }
    }
  };
  const WordIds& w = s.ids[i];
  if (w.exact != kNoWord) try_first(w.exact);
  for (uint8_t k = 0; k < w.stem_count; ++k) try_first(w.stems[k]);
  return best;
}

// ---- Comma clauses -----------------------------------------------------------------------------
void Coder::Impl::DeleteCommaClauses(Sentence* s) const {
  const size_t n = s->tokens.size();
  // A short parenthesis is an aside too: "the European Union (EU) agree", "Hamas (the
  // Palestinian group) said".
  for (size_t i = 0; i < n; ++i) {
    if (!Is(s->tokens[i].norm, "(")) continue;
    size_t j = i + 1;
    while (j < n && j <= i + 6 && !Is(s->tokens[j].norm, ")") && !Is(s->tokens[j].norm, "(")) ++j;
    if (j < n && j <= i + 6 && Is(s->tokens[j].norm, ")")) {
      for (size_t k = i; k <= j; ++k) s->deleted[k] = 1;
      i = j;
    }
  }
  thread_local std::vector<size_t> commas;
  commas.clear();
  for (size_t i = 0; i < n; ++i)
    if (s->flags[i] & kComma) commas.push_back(i);
  auto words_between = [&](size_t a, size_t b) {
    int w = 0;
    for (size_t i = a; i < b; ++i) w += s->tokens[i].kind == TokenKind::kWord;
    return w;
  };
  auto has_quote = [&](size_t a, size_t b) {
    for (size_t i = a; i < b; ++i)
      if (s->tokens[i].kind == TokenKind::kQuote) return true;
    return false;
  };
  // Clauses between two commas.
  if (options.comma_max > 0) {
    for (size_t k = 0; k + 1 < commas.size(); ++k) {
      size_t a = commas[k], b = commas[k + 1];
      int w = words_between(a + 1, b);
      if (w < options.comma_min || w > options.comma_max || has_quote(a, b)) continue;
      // An item of a list of actors ("A, B and C") or an apposition made of a noun phrase only
      // is not a clause to set aside.
      bool only_np = true;
      size_t from = a + 1;
      // ", including Ukraine," extends a list of partners.
      if (from < b && (Is(s->tokens[from].norm, "INCLUDING") || Is(s->tokens[from].norm, "ESPECIALLY") ||
                       Is(s->tokens[from].norm, "NOTABLY") || Is(s->tokens[from].norm, "PARTICULARLY")))
        ++from;
      for (size_t i = from; i < b && only_np; ++i)
        only_np = s->np_of[i] != kNone || (s->flags[i] & (kDeterminer | kConjunction | kModifier)) ||
                  s->tokens[i].kind != TokenKind::kWord;
      if (only_np) continue;
      for (size_t i = a; i <= b; ++i) s->deleted[i] = 1;  // both commas go with the clause
      ++k;
    }
  }
  if (!commas.empty() && options.comma_bmax > 0) {
    size_t b = commas.front();
    int w = words_between(0, b);
    if (w >= options.comma_bmin && w <= options.comma_bmax && !has_quote(0, b))
      for (size_t i = 0; i <= b; ++i) s->deleted[i] = 1;
  }
  if (!commas.empty() && options.comma_emax > 0) {
    size_t a = commas.back();
    int w = words_between(a + 1, n);
    if (w >= options.comma_emin && w <= options.comma_emax && !has_quote(a, n))
      for (size_t i = a; i < n; ++i) s->deleted[i] = 1;
  }
}

// ---- Verbs -------------------------------------------------------------------------------------
void Coder::Impl::FindVerbs(Sentence* s) const {
  const size_t n = s->tokens.size();
  for (size_t i = 0; i < n;) {
    size_t end = s->verb_end[i];
    if (s->deleted[i] || s->np_of[i] != kNone || end == 0) {
      ++i;
      continue;
    }
    uint32_t form = s->verb_form[i];
    if (s->flags[i] & kAuxiliary) {
      // "should have acted", "will not meet": the auxiliary is not the verb.
      size_t p = end;
      while (p < n && (s->flags[p] & (kAuxiliary | kNegation))) ++p;
      while (p < n && AdjectiveLike(*s, p) && EndsWith(s->tokens[p].norm, "LY")) ++p;
      if (p < n && s->verb_end[p] != 0) {
        i = end;
        continue;
      }
    }
    const VerbForm& vf = dict.verb_forms[form];  // (its lemma is read below only in some cases)
    uint32_t verb_token =
        static_cast<uint32_t>(i + std::min<size_t>(VerbWord(form), end - i - 1));
    // A noun reading: after a determiner, a possessive or an adjective-like capitalised word, or a
    // capitalised word inside the sentence (a name).
    bool noun = false;
    if (i > 0) {
      // Walk back over adjectives: "a brief private visit", "for meetings", "its attack".
      size_t b = i - 1;
      // ("brief" may be a verb elsewhere: here any plain lower-case word counts.)
      auto modifier = [&](size_t t) {
        const Token& tok = s->tokens[t];
        return tok.kind == TokenKind::kWord && !tok.capitalized && s->flags[t] == 0 &&
               !s->in_unit[t];
      };
      // (A hyphen joining two words inside a compound adjective is walked over too: "an
      // exchange-traded fund", "a Russian-made drone".)
      auto hyphen = [&](size_t t) {
        return t > 0 && t + 1 < n && Is(s->tokens[t].norm, "-") &&
               s->tokens[t].kind == TokenKind::kPunct && s->tokens[t - 1].end == s->tokens[t].start &&
               s->tokens[t].end == s->tokens[t + 1].start;
      };
      for (int words = 0, hyphens = 0; b > 0;) {
        if (hyphen(b) && hyphens < 3) {
          ++hyphens;
        } else if (modifier(b) && words < 3) {
          ++words;
        } else {
          break;
        }
        --b;
      }
      uint32_t pf = s->flags[b];
      // "the police killing of a teenager", "Israel's bombing of": a gerund before "of", after
      // a determiner or possessive and up to three words, names the act.
      const bool gerund_of = end == verb_token + 1 && end < n &&
                             EndsWith(s->tokens[verb_token].norm, "ING") &&
                             s->ids[end].exact == id_of;
      if (gerund_of) {
        size_t d = i - 1;
        for (int k = 0; k < 3 && d > 0 && s->tokens[d].kind == TokenKind::kWord &&
                        s->flags[d] == 0;
             ++k)
          --d;
        if (s->flags[d] & (kDeterminer | kPossessive)) noun = true;
      }
      // "the fighting continued": a past form after a noun is that noun's verb.
      const bool walked = b + 1 < i;
      const bool past = EndsWith(s->tokens[verb_token].norm, "ED");
      if (!(walked && past)) {
        if (pf & (kDeterminer | kPossessive)) noun = true;
        if ((pf & kPreposition) && s->ids[b].exact != id_to) noun = true;
        // After "to", an infinitive is the bare verb: "responding to attacks", "return to talks".
        if (s->ids[b].exact == id_to && b + 1 == i && end == verb_token + 1 &&
            EndsWith(s->tokens[verb_token].norm, "S") &&
            s->tokens[verb_token].norm != std::string_view(vf.lemma))
          noun = true;
      }
      // "Russian attack", "government talks": the bare lemma right after a noun phrase is a noun;
      // an inflected form ("Russia attacked", "Russia warns") is a verb.
      if (s->np_of[i - 1] != kNone) {
        // Only after a single adjective-like or agent-headed phrase: "Russian attack",
        // "government talks"; "Russia and France agree", "officials say" are verbs.
        const NounPhrase& before = s->nps[s->np_of[i - 1]];
        const std::string& last = s->tokens[before.end - 1].norm;
        bool adjectival = before.members.size() == 1 && !EndsWith(last, "S") &&
                          (before.ends_with_agent || EndsWith(last, "AN") || EndsWith(last, "ESE") ||
                           EndsWith(last, "ISH") || EndsWith(last, "I") || EndsWith(last, "CH"));
        // (An irregular past form may head its block, "SAID": it is no bare lemma.)
        if (adjectival) {
          const std::string_view lemma = vf.lemma;  // (the form's record: read only here)
          if (s->tokens[verb_token].norm == lemma && !EndsWith(lemma, "ED") &&
              !(s->flags[verb_token] & kIrregularParticiple))
            noun = true;
        }
        // "Russian shelling of Kyiv": a gerund after such a phrase and before "of" names the act.
        if (adjectival && gerund_of) noun = true;
        // "killed in Israeli tank shelling on Friday": a gerund closing a prepositional phrase
        // (a preposition, punctuation or the end follows) is that phrase's noun. ("by Russian
        // forces shelling the city" goes on to an object: a verb.)
        if (before.after_preposition && end == verb_token + 1 &&
            EndsWith(s->tokens[verb_token].norm, "ING") &&
            (end == n || (s->flags[end] & (kPreposition | kComma | kClauseEnd)) ||
             s->tokens[end].kind == TokenKind::kPunct))
          noun = true;
        // "British ships", "Chinese attacks": after a nationality adjective alone (-IAN, -EAN,
        // -ESE, -ISH), a plural-looking form is a noun; no such word is a subject ("Iran warns").
        const bool demonym = before.members.size() == 1 && before.end - before.start == 1 &&
                             s->tokens[before.start].capitalized &&
                             (EndsWith(last, "IAN") || EndsWith(last, "EAN") ||
                              EndsWith(last, "ESE") || EndsWith(last, "ISH"));
        if (demonym && end == verb_token + 1 && EndsWith(s->tokens[verb_token].norm, "S") &&
            s->tokens[verb_token].norm != std::string_view(vf.lemma))
          noun = true;
      }
      if (s->tokens[i].capitalized && s->mixed_case) noun = true;
      if (NounAfterModifierPhrase(*s, i, verb_token, vf)) noun = true;
      // "five detained Americans", "200 wounded soldiers": a participle between a number and a
      // noun describes the noun. ("Three attacked the convoy": a determiner follows; a verb.)
      if (end == i + 1 && end < n && (past || (s->flags[i] & kIrregularParticiple)) &&
          (s->tokens[i - 1].kind == TokenKind::kNumber ||
           ((s->flags[i - 1] & kQuantity) && !EndsWith(s->tokens[i - 1].norm, "S") &&
            s->np_of[i - 1] == kNone)) &&
          s->tokens[end].kind == TokenKind::kWord &&
          (s->np_of[end] != kNone || s->flags[end] == 0))
        noun = true;
    }
    if (!noun) s->verbs.push_back(VerbHit{static_cast<uint32_t>(i), static_cast<uint32_t>(end),
                                          verb_token, form});
    i = end;
  }
}

// Whether every member of both phrases has one and the same country.
static bool SameCountry(const NounPhrase& a, const NounPhrase& b) {
  std::string country;
  for (const NounPhrase* np : {&a, &b}) {
    for (const Member& m : np->members) {
      std::string c = CountryOf(m.code);
      if (c.empty() || (!country.empty() && c != country)) return false;
      country = std::move(c);
    }
  }
  return !country.empty();
}

// The token right before `p` when it is a noun no dictionary codes: a lower-case word of no
// closed class (or a quantity: "dozens", "eight"), not a verb or an -LY adverb, right after an
// article, a number or a quantity ("an airstrike", "eight people", "at least 20 people"); else
// SIZE_MAX. Not after a possessive ("its aircraft were striking" is the antecedent's act), nor
// after other words ("has again appealed", "carried out air strikes").
static size_t UncodedNounBefore(const Sentence& s, size_t p) {
  if (p < 2) return SIZE_MAX;
  const Token& noun = s.tokens[p - 1];
  if (noun.kind != TokenKind::kWord || noun.capitalized || s.np_of[p - 1] != kNone ||
      s.verb_end[p - 1] != 0 || EndsWith(noun.norm, "LY") ||
      (s.flags[p - 1] != 0 && !(s.flags[p - 1] & kQuantity)))
    return SIZE_MAX;
  const size_t b = p - 2;
  const bool article = (s.flags[b] & kDeterminer) && !(s.flags[b] & kPossessive);
  if (article || (s.flags[b] & kQuantity) || s.tokens[b].kind == TokenKind::kNumber) return p - 1;
  return SIZE_MAX;
}

bool Coder::Impl::TokenMatches(const Sentence& s, size_t pos, const CompiledToken& t,
                               size_t* end) const {
  if (pos >= s.tokens.size()) return false;
  if (t.kind == PatternToken::Kind::kWord) {
    const WordIds& w = s.ids[pos];
    bool ok = w.exact == t.word;
    if (!ok && !t.exact)
      for (uint8_t i = 0; i < w.stem_count; ++i) ok |= w.stems[i] == t.word;
    if (ok) *end = pos + 1;
    return ok;
  }
  if (t.kind == PatternToken::Kind::kSynset) {
    for (uint32_t k = s.synset_begin[pos]; k < s.synset_begin[pos + 1]; ++k) {
      if (s.synset_matches[k].synset != t.synset) continue;
      *end = s.synset_matches[k].end;
      return true;
    }
    return false;
  }
  return false;
}

// Matches a pattern around verb v within [clause_start, clause_end). Fills the noun phrase
// indexes bound by $ and + (or % for both).
bool Coder::Impl::MatchPattern(const Sentence& s, const VerbHit& v, const CompiledPattern& p,
                               size_t clause_start, size_t clause_end, int* source,
                               int* target) const {
  using K = PatternToken::Kind;
  *source = kNone;
  *target = kNone;
  // After the verb, left to right.
  size_t pos = v.end;
  for (size_t k = 0; k < p.after.size(); ++k) {
    const CompiledToken& t = p.after[k];
    bool may_skip = !t.joined;
    bool found = false;
    for (size_t q = pos; q < clause_end; ++q) {
      if (s.deleted[q]) continue;
      if (t.kind == K::kSource || t.kind == K::kTarget || t.kind == K::kCompound ||
          t.kind == K::kSkip) {
        int np = s.np_of[q];
        if (np != kNone && s.nps[np].start == q) {
          if (t.kind == K::kSource) *source = np;
          else if (t.kind == K::kTarget) *target = np;
          else if (t.kind == K::kCompound) *source = *target = np;
          // A ^ over "the parliament of Gondor" skips the agent only: the actor is next.
          pos = t.kind == K::kSkip && s.nps[np].of_actor > q ? s.nps[np].of_actor : s.nps[np].end;
          found = true;
          break;
        }
        // ... where a $ or + binds that actor alone.
        if (np != kNone && s.nps[np].of_actor == q && q > s.nps[np].start &&
            (t.kind == K::kSource || t.kind == K::kTarget)) {
          (t.kind == K::kSource ? *source : *target) = kOfActor + np;
          pos = s.nps[np].end;
          found = true;
          break;
        }
        if (t.kind == K::kSkip) {
          if (size_t end = PlainNounAt(s, q); end > q) {
            pos = end;
            found = true;
            break;
          }
        }
      } else {
        size_t end;
        if (TokenMatches(s, q, t, &end)) {
          pos = end;
          found = true;
          break;
        }
      }
      if (!may_skip) break;
    }
    if (!found) return false;
  }
  // Before the verb, right to left.
  size_t limit = v.start;  // tokens [.., limit) are available
  for (size_t k = p.before.size(); k-- > 0;) {
    const CompiledToken& t = p.before[k];
    bool must_touch = (k + 1 == p.before.size()) ? p.verb_joined : p.before[k + 1].joined;
    bool found = false;
    for (size_t q = limit; q-- > clause_start;) {
      if (s.deleted[q]) continue;
      if (t.kind == K::kSource || t.kind == K::kTarget || t.kind == K::kCompound ||
          t.kind == K::kSkip) {
        int np = s.np_of[q];
        if (np != kNone && s.nps[np].end <= limit && s.nps[np].end == q + 1) {
          if (t.kind == K::kSource) *source = np;
          else if (t.kind == K::kTarget) *target = np;
          else if (t.kind == K::kCompound) *source = *target = np;
          limit = s.nps[np].start;
          found = true;
          break;
        }
        if (t.kind == K::kSkip) {
          if (size_t start = PlainNounEndingAt(s, q); start <= q) {
            limit = start;
            found = true;
            break;
          }
        }
      } else {
        size_t end;
        if (TokenMatches(s, q, t, &end) && end <= limit &&
            (!must_touch || OnlyDeletedBetween(s, end, limit))) {
          limit = q;
          found = true;
          break;
        }
      }
      // A joined synset member of several words ("did not", "wo n't") starts further back than
      // the token before; it must still end there.
      if (must_touch && !(t.kind == K::kSynset && limit - q < kLongestJoinedSynset)) break;
    }
    if (!found) return false;
  }
  return true;
}

// The patterns of a block that may apply to a sentence, in their order: all of a small block;
// of an indexed one, the unkeyed patterns and those whose key is among `keys` (the sentence's
// words that key some block, each once).
static void CandidatePatterns(const Coder::Impl::PatternIndex& index,
                              const std::vector<uint32_t>& keys, size_t patterns,
                              std::vector<uint32_t>* out) {
  out->clear();
  if (index.slots.empty()) {
    for (uint32_t k = 0; k < patterns; ++k) out->push_back(k);
    return;
  }
  // Each run is ascending: merged in, not sorted (a block has a few keyed runs at most).
  thread_local std::vector<uint32_t> merged;
  out->assign(index.unkeyed.begin(), index.unkeyed.end());
  for (uint32_t key : keys) {
    const auto* slot = index.Find(key);
    if (!slot) continue;
    const auto begin = index.keyed.begin() + slot->begin, end = index.keyed.begin() + slot->end;
    merged.resize(out->size() + (end - begin));
    std::merge(out->begin(), out->end(), begin, end, merged.begin());
    out->swap(merged);
  }
}

void Coder::Impl::CodeVerbs(const Sentence& s, uint32_t sentence_index, Day date,
                            std::vector<Event>* events) const {
  if (CodesNothing(s)) return;  // (most of what follows is per verb)
  const size_t n = s.tokens.size();
  // Clause limits: ; : and sentence edges; commas end a clause for pattern matching.
  // (A comma clause that was set aside is transparent: "extradited X, the leader of ..., to
  // the United States".)
  auto clause_bounds = [&](size_t from, size_t* start, size_t* end) {
    size_t a = from;
    while (a > 0 && (s.deleted[a - 1] || !(s.flags[a - 1] & (kClauseEnd | kComma)))) --a;
    size_t b = from;
    while (b < n && (s.deleted[b] || !(s.flags[b] & (kClauseEnd | kComma)))) ++b;
    *start = a;
    *end = b;
  };
  // Per verb; scratch vectors are per thread, so their storage outlives the call.
  thread_local std::vector<int> verb_subject;
  thread_local std::vector<uint8_t> verb_coded, verb_negated;
  thread_local std::vector<std::string> verb_root;  // the coded event's CAMEO root
  verb_subject.assign(s.verbs.size(), kNone);
  verb_coded.assign(s.verbs.size(), 0);
  verb_negated.assign(s.verbs.size(), 0);
  verb_root.assign(s.verbs.size(), {});
  bool have_primary = false;
  std::vector<Event> subordinate;
  thread_local std::vector<uint32_t> candidates;
  thread_local std::vector<uint32_t> keys;  // the sentence's words that key indexed patterns
  keys.clear();
  // Each key once (a sentence has a few; their order does not matter: CandidatePatterns merges
  // their runs in pattern order).
  auto add = [&](uint32_t id) {
    if (std::find(keys.begin(), keys.end(), id) == keys.end()) keys.push_back(id);
  };
  auto keys_some = [&](uint32_t id) { return id < pattern_key.size() && pattern_key[id]; };
  for (size_t t = 0; t < n; ++t) {
    if (!(s.starts[t] & kStartsPatternKey)) continue;  // (most words key no pattern)
    const WordIds& w = s.ids[t];
    // The start bit says some id of the token keys a block: when it has one id, that one.
    if (w.stem_count == 0) {
      add(w.exact);
      continue;
    }
    if (w.exact != kNoWord && keys_some(w.exact)) add(w.exact);
    for (uint8_t k = 0; k < w.stem_count; ++k)
      if (keys_some(w.stems[k])) add(w.stems[k]);
  }

  // Phrases a verb may make up for its slots (an actor alone of "agent of actor", a new actor):
  // set, when used, by the verb that uses them.
  NounPhrase of_source, of_target, new_source, new_target;
  for (size_t vi = 0; vi < s.verbs.size(); ++vi) {
    const VerbHit& v = s.verbs[vi];
    // (The form's record is large and read only when its own code or its rule is needed.)
    const FormBits& bits = form_bits[v.form];
    const uint32_t block_id = BlockOf(v.form);
    const VerbForm& form = dict.verb_forms[v.form];
    const VerbBlock& block = dict.verb_blocks[block_id];
    size_t cs, ce;
    clause_bounds(v.start, &cs, &ce);
    // "released 39 prisoners, according to the Israel Prison Service": who reports the act is
    // neither its object nor a pattern's slot.
    for (size_t t = v.end; t + 1 < ce; ++t) {
      if (Is(s.tokens[t].norm, "ACCORDING") && s.ids[t + 1].exact == id_to) {
        ce = t;
        break;
      }
    }
    size_t subject_start = cs;
    // The subject may sit before a comma clause that was set aside.
    while (subject_start > 0 && s.deleted[subject_start - 1]) {
      size_t a = subject_start - 1;
      while (a > 0 && s.deleted[a - 1]) --a;
      size_t c2, e2;
      if (a == 0) break;
      clause_bounds(a - 1, &c2, &e2);
      subject_start = c2;
    }

    // Auxiliaries, negation and passive voice before the verb.
    bool negated = false, passive = false, reduced_after_noun = false;
    const char* modality = "asserted";
    size_t q = v.start;
    int steps = 0;
    while (q > 0 && steps < 4) {
      uint32_t f = s.flags[q - 1];
      const std::string& w = s.tokens[q - 1].norm;
      if (f & kModal) modality = (Is(w, "WILL") || Is(w, "SHALL") || Is(w, "WO")) ? "future" : "hypothetical";
      if (f & kNegation) negated = true;
      else if (f & kBe) passive = passive || (steps <= 2);
      // Adverbs sit in the chain too: "will not ever clash", "did not even meet".
      else if (!(f & kAuxiliary) && !(w.size() > 3 && EndsWith(w, "LY")) && !AdjectiveLike(s, q - 1))
        break;
      --q;
      ++steps;
    }
    // "if the EU imposed sanctions": a condition; "plans to", "is going to": the future.
    for (size_t t = subject_start; t < v.start; ++t)
      if (s.flags[t] & kCondition) modality = "hypothetical";
    if (v.start >= 2 && s.ids[v.start - 1].exact == id_to && (s.flags[v.start - 2] & kIntention))
      modality = "future";
    // "was ready to meet Zelenskiy", "would be willing to recognise Israel": an offer.
    const bool offer = v.start >= 2 && s.ids[v.start - 1].exact == id_to &&
                       (Is(s.tokens[v.start - 2].norm, "READY") ||
                        Is(s.tokens[v.start - 2].norm, "WILLING") ||
                        Is(s.tokens[v.start - 2].norm, "PREPARED"));
    // Passive needs a participle; "we are committed to", "Russia is prepared to" are adjectives
    // unless an agent follows ("opposed by Osgiliath"), and so is every participle under the
    // TABARI convention (options.passive_needs_by).
    const std::string& vw = s.tokens[v.verb_token].norm;
    bool participle = (s.flags[v.verb_token] & kIrregularParticiple) || EndsWith(vw, "ED") ||
                      EndsWith(vw, "EN") || EndsWith(vw, "WN") || EndsWith(vw, "NT");
    if (passive && (options.passive_needs_by || (s.flags[v.verb_token] & kAdjectivalParticiple))) {
      bool by_follows = false;
      for (size_t t = v.end; t < std::min<size_t>(v.end + 3, n); ++t)
        by_follows |= s.ids[t].exact == id_by;
      if (!by_follows) participle = false;
    }
    passive = passive && participle;
    // "Ukrainian civilians killed by Russian troops", "war crimes committed by Russian troops":
    // a participle right after a noun phrase or a plain noun and right before "by" is a passive
    // without its "were" (a reduced relative clause).
    // ("responded by breaking off relations": "by" and a gerund is a means, not an agent.)
    if (!passive && participle && v.verb_token == v.start && v.start > 0 && v.end + 1 < n &&
        s.ids[v.end].exact == id_by &&
        (s.np_of[v.start - 1] != kNone ||
         (s.tokens[v.start - 1].kind == TokenKind::kWord && s.flags[v.start - 1] == 0 &&
          !s.tokens[v.start - 1].capitalized)) &&
        !s.deleted[v.start - 1] &&
        s.verb_end[v.end + 1] == 0 && !EndsWith(s.tokens[v.end + 1].norm, "ING")) {
      passive = true;
      // After a plain noun ("a deal brokered by Russia") the subject is that noun: no actor.
      reduced_after_noun = s.np_of[v.start - 1] == kNone;
    }

    // Governing verb: an infinitive ("refused to meet", "urged Bree on Monday to help win",
    // "agreed to hold") belongs to the nearest earlier verb of its clause.
    int governor = kNone;
    int complement_of = kNone;
    {
      size_t p = v.start;
      // Skip over a chain of verbs, adverbs and auxiliaries ("to help win", "to immediately
      // stop", "to be allowed to leave").
      while (p > 0 &&
             (s.verb_end[p - 1] != 0 || AdjectiveLike(s, p - 1) ||
              (s.flags[p - 1] & (kBe | kAuxiliary))) &&
             s.ids[p - 1].exact != id_to)
        --p;
      if (p > 0 && s.ids[p - 1].exact == id_to && vi > 0) {
        const VerbHit& prev = s.verbs[vi - 1];
        bool same_clause = prev.end <= p - 1;
        for (size_t t = prev.end; t + 1 < p && same_clause; ++t)
          if (s.flags[t] & (kClauseEnd | kComplementizer)) same_clause = false;
        if (same_clause) governor = static_cast<int>(vi - 1);
      }
      // A complement of a demand, accusation or appeal is what was demanded, not an event:
      // "demanded that the United States halt arms sales", "accused Russia of shelling".
      if (governor == kNone && vi > 0) {
        const VerbHit& prev = s.verbs[vi - 1];
        bool linked = false, broken = false;
        for (size_t t = prev.end; t < v.start && !broken; ++t) {
          const std::string& w = s.tokens[t].norm;
          if (s.flags[t] & (kClauseEnd | kComma)) broken = true;
          else if (Is(w, "THAT") || Is(w, "WHETHER")) linked = true;
          else if (t + 1 == v.start && (Is(w, "OF") || Is(w, "FOR") || Is(w, "ABOUT"))) linked = true;
        }
        if (linked && !broken) complement_of = static_cast<int>(vi - 1);
      }
    }

    // Patterns, longest first.
    const CompiledPattern* matched = nullptr;
    int psource = kNone, ptarget = kNone;
    const std::vector<CompiledPattern>& patterns = block_patterns[block_id];
    const std::vector<PatternFilter>& filters = block_filters[block_id];
    // (A linear search: a sentence has a few dozen ids, and sorting them cost more than it saved.)
    auto present = [&](uint32_t w) {
      return std::find(s.present.begin(), s.present.end(), w) != s.present.end();
    };
    CandidatePatterns(block_index[block_id], keys, patterns.size(), &candidates);
    for (uint32_t k : candidates) {
      const PatternFilter& f = filters[k];
      // TABARI's "complex" [+++] marks are not used by PETRARCH either: such a pattern is
      // passed over and shorter ones are tried.
      if (f.skipped || (f.passive_only && !passive)) continue;
      // Every literal word of the pattern must be in the sentence: the signature first.
      if (!s.present_signature.Covers(f.signature)) continue;
      if (f.word_count >= 1 && !present(f.words[0])) continue;
      if (f.word_count >= 2 && !present(f.words[1])) continue;
      const CompiledPattern& p = patterns[k];
      if (f.word_count > 2 && !std::all_of(p.required.begin(), p.required.end(), present))
        continue;
      int a, b;
      if (MatchPattern(s, v, p, subject_start, ce, &a, &b)) {
        matched = &p;
        psource = a;
        ptarget = b;
        break;
      }
    }
    // A slot bound to the actor of "agent of actor" alone: a phrase of its own (index -3).
    auto of_actor_alone = [&](int* index, NounPhrase* out) {
      if (*index < kOfActor) return;
      const NounPhrase& whole = s.nps[*index - kOfActor];
      *out = NounPhrase{};
      out->start = whole.of_actor;
      out->end = whole.end;
      out->members = whole.of_member;
      *index = kOfActorAlone;
    };
    of_actor_alone(&psource, &of_source);
    of_actor_alone(&ptarget, &of_target);
    // The code that applies (copied below only for a verb that codes an event, as negation and
    // offers may change it).
    const EventCode* applied = bits.has_own_code ? &form.own_code : &block.code;
    const Pattern* pattern = matched ? &block.patterns[matched->pattern] : nullptr;
    if (pattern) applied = &pattern->code;
    // The entry behind the code, for the events' rule (most verbs code none).
    auto rule = [&] {
      return pattern ? RuleRef{pattern->where, pattern->text}
                     : RuleRef{form.where, form.lemma, applied};
    };

    // Subject: nearest noun phrase before the verb not governed by a preposition.
    int subject = kNone;
    const bool target_before_verb = ptarget >= 0 && s.nps[ptarget].start < v.start;
    {
      // "... and signed": a coordinated verb shares the previous verb's subject.
      size_t p = v.start;
      while (p > 0 && (s.flags[p - 1] & (kAuxiliary | kNegation))) --p;
      if (p > 0 && Is(s.tokens[p - 1].norm, "AND") && vi > 0 && verb_subject[vi - 1] != kNone &&
          (p < 2 || s.np_of[p - 2] == kNone || s.verbs[vi - 1].end + 6 >= v.start)) {
        subject = verb_subject[vi - 1];
      }
      // "Rights groups said at least eight people had been killed", "the ministry said an
      // airstrike killed": the verb's subject is a noun no dictionary codes, right before it (and
      // its auxiliaries) after an article, number or quantity (UncodedNounBefore); a phrase found
      // past another verb (not the one governing this infinitive) is that verb's.
      const size_t noun = UncodedNounBefore(s, p);
      for (size_t t = v.start; subject == kNone && t-- > subject_start;) {
        if (s.deleted[t]) continue;
        int np = s.np_of[t];
        if (np == kNone && noun != SIZE_MAX && t < noun && s.verb_end[t] != 0) {
          bool other_verb = false;
          for (uint32_t w = 0; w < vi; ++w)
            other_verb |= s.verbs[w].start == t && static_cast<int>(w) != governor;
          if (other_verb) break;
        }
        if (np == kNone) {
          if (s.flags[t] & kComplementizer) {
            // "officials who met": a relative pronoun; keep looking past it. A pattern that
            // bound the target before the verb spans the "that" too.
            const std::string& w = s.tokens[t].norm;
            if (!Is(w, "WHO") && !Is(w, "WHICH") && !target_before_verb) break;
          }
          continue;
        }
        const NounPhrase& cand = s.nps[np];
        t = cand.start;
        // "X noted that Y regretted" with a pattern "NOTED + *": Y is the target, X the subject.
        if ((cand.after_preposition && !SubjectOfSubordinateClause(s, cand, v.start)) ||
            (target_before_verb && np == ptarget))
          continue;
        subject = np;
      }
    }
    if (subject == kNone && !target_before_verb)
      subject = SubjectInPrepositionalPhrase(s, subject_start, v.start);
    verb_subject[vi] = subject;
    verb_negated[vi] = negated;
    // "restore ties with Gondor almost five years after Calenardhon crowds burned down its
    // embassy": a clause opened by a subordinating preposition inside the object of the previous
    // verb belongs to that verb's phrase, which PETRARCH-1 codes once.
    if (complement_of == kNone && governor == kNone && vi > 0 && subject != kNone &&
        SubjectOfSubordinateClause(s, s.nps[subject], v.start)) {
      const size_t opener = s.nps[subject].preposition;
      bool same_clause = s.verbs[vi - 1].end <= opener;
      for (size_t t = s.verbs[vi - 1].end; same_clause && t < opener; ++t)
        if (s.flags[t] & kClauseEnd) same_clause = false;
      if (same_clause) complement_of = static_cast<int>(vi - 1);
    }
    // "he said government proposed to ...": a clause right after the previous verb, with no
    // "that", is its complement too. (That verb has a subject before it: "Jailed Kremlin critic
    // Alexei Navalny declared" is no complement; "attacked Ukraine and Georgia accused" joins
    // two clauses.)
    if (complement_of == kNone && governor == kNone && vi > 0 && subject != kNone &&
        !s.nps[subject].after_preposition && s.nps[subject].start >= s.verbs[vi - 1].end &&
        s.nps[subject].members.size() == 1 && s.verbs[vi - 1].start > 0 &&
        !(s.flags[s.verbs[vi - 1].start - 1] & (kComma | kClauseEnd))) {
      bool adjacent = true;
      for (size_t t = s.nps[subject].start; adjacent && t < s.nps[subject].end; ++t)
        adjacent = !(s.flags[t] & kConjunction);
      for (size_t t = s.verbs[vi - 1].end; adjacent && t < s.nps[subject].start; ++t)
        adjacent = s.deleted[t] || (s.flags[t] & kDeterminer);
      for (size_t t = s.nps[subject].end; adjacent && t < v.start; ++t)
        adjacent = (s.flags[t] & (kAuxiliary | kNegation | kModal | kBe)) != 0;
      if (adjacent) complement_of = static_cast<int>(vi - 1);
    }

    if (applied->kind == EventCode::Kind::kDiscard || applied->kind == EventCode::Kind::kComplex) {
      events->clear();
      return;
    }
    bool governed = governor != kNone && verb_coded[governor];
    // Statements (01) report their complements, which keep their own events.
    if (complement_of != kNone && verb_coded[complement_of] &&
        !Is(verb_root[complement_of], "01"))
      governed = true;
    if (governor != kNone && verb_negated[governor]) negated = true;
    if (applied->kind != EventCode::Kind::kEvent) {
      // A null code still governs what follows ("plans to" codes nothing, "said" neither).
      continue;
    }
    EventCode code = *applied;
    verb_coded[vi] = true;
    verb_root[vi] = code.code.substr(0, 2);
    if (governed) continue;
    if (negated && !(matched && matched->names_negation)) {
      // "did not criticize": the ontology's negation of the code, when the dictionaries have one
      // (PETRARCH-2); otherwise no event, rather than the opposite of what the text says.
      auto it = negations.find(code.code);
      if (it == negations.end()) continue;
      code.code = it->second;
      code.paired.clear();
    }
    // An offer to act is CAMEO's intent to act (03), which happened when it was stated: to meet
    // or negotiate 036, to cooperate 030, materially 031, to give aid 033, to yield 035.
    if (offer && !negated) {
      const char* intent = Is(verb_root[vi], "04")   ? "036"
                           : Is(verb_root[vi], "05") ? "030"
                           : Is(verb_root[vi], "06") ? "031"
                           : Is(verb_root[vi], "07") ? "033"
                           : Is(verb_root[vi], "08") ? "035"
                                                     : nullptr;
      if (intent) {
        code.code = intent;
        code.paired.clear();
        modality = "asserted";
      }
    }

    // TABARI's % after the verb with a subject before it: the compound is the target ("Eriador
    // agrees with Bree and Fornost"); without one, its members act on each other.
    if (psource >= 0 && psource == ptarget && s.nps[psource].start >= v.end &&
        subject != kNone && subject != psource)
      psource = kNone;
    int source = psource != kNone ? psource : reduced_after_noun ? kNone : subject;
    int target = ptarget;
    if (target == kNone) {
      // A noun phrase followed by its own verb starts a new clause ("X said Y attacked Z"):
      // it is not the object.
      auto starts_clause = [&](int np) {
        size_t p = s.nps[np].end;
        while (p < n && (s.flags[p] & (kAuxiliary | kNegation))) ++p;
        for (const VerbHit& w : s.verbs)
          if (w.start == p) return true;
        return false;
      };
      // Meetings, talks and cooperation happen "in Riyadh", "at the border": a place is no
      // partner for them.
      const std::string root = code.code.substr(0, 2);
      const bool place_is_venue = (Is(root, "03") || Is(root, "04") || Is(root, "05") || Is(root, "06")) &&
                                  !Is(code.code, "042") && !Is(code.code, "043");
      int venue = kNone;
      size_t object_end = ce;
      // "... with allies and partners, including Ukraine": the list goes on past the comma.
      if (object_end + 1 < n && (s.flags[object_end] & kComma)) {
        const std::string& w = s.tokens[object_end + 1].norm;
        if (Is(w, "INCLUDING") || Is(w, "ESPECIALLY") || Is(w, "NOTABLY") || Is(w, "PARTICULARLY")) {
          size_t e = object_end + 2;
          while (e < n && !(s.flags[e] & (kClauseEnd | kComma))) ++e;
          object_end = e;
        }
      }
      // "declared martial law after fighting broke out with Azerbaijan": a conjunction of time,
      // cause or condition that opens a clause (its first noun phrase or verb is a verb, or a
      // subject) ends the object. (A relative "that" or a "whether" clause may hold the object:
      // "denied any role in the bombing that killed Indian policemen".)
      auto opens_clause = [&](size_t t) {
        if (!(s.flags[t] & kCircumstance)) return false;
        for (size_t p = t + 1; p < object_end; ++p) {
          if (s.np_of[p] != kNone) return starts_clause(s.np_of[p]);
          if (s.verb_end[p] != 0) return true;
        }
        return false;
      };
      // "condemned the attack and pledged support for Ukraine": a second verb joined after the
      // first one's object (a phrase with a determiner) has its own object ("met and talked with
      // X", "committed to maintaining and protecting X": verbs joined to verbs share one).
      auto opens_verb_phrase = [&](size_t t) {
        if (!(s.flags[t] & kConjunction)) return false;
        bool object = false;
        for (size_t q = v.end; q < t && !object; ++q) object = (s.flags[q] & kDeterminer) != 0;
        if (!object) return false;
        size_t p = t + 1;
        while (p < object_end && (s.flags[p] & (kAuxiliary | kNegation))) ++p;
        for (const VerbHit& w : s.verbs)  // a verb the sentence uses as one, not "tax increases"
          if (w.start == p) return true;
        return false;
      };
      for (size_t t = v.end; t < object_end; ++t) {
        if (s.deleted[t] || (s.flags[t] & kComma)) continue;
        int np = s.np_of[t];
        if (np == kNone) {
          if (opens_clause(t) || opens_verb_phrase(t)) break;
          continue;
        }
        if (np != source && starts_clause(np)) break;
        if (np == source) {
          t = s.nps[np].end - 1;
          continue;
        }
        if (place_is_venue && s.nps[np].after_preposition) {
          const std::string& prep = s.tokens[s.nps[np].preposition].norm;
          if (Is(prep, "IN") || Is(prep, "AT") || Is(prep, "NEAR") || Is(prep, "ON")) {
            if (venue == kNone) venue = np;
            t = s.nps[np].end - 1;
            continue;
          }
        }
        // Past a venue, only an actor with a country beats it ("arrived in Gondor on his
        // first official visit": not "official").
        if (venue != kNone) {
          bool countryless = true;
          for (const Member& m : s.nps[np].members) countryless &= m.code.rfind("---", 0) == 0;
          if (countryless) {
            t = s.nps[np].end - 1;
            continue;
          }
        }
        // "Kishida said Japan's relationship with China was at a juncture", "Lavrov told
        // reporters": a bare statement (010) about, or to, the speaker's own country is no
        // dyad; a later actor may be. (Sympathy, denial or praise at home are: 018, 016, ...)
        if (Is(code.code, "010") && source >= 0 && SameCountry(s.nps[source], s.nps[np])) {
          t = s.nps[np].end - 1;
          continue;
        }
        target = np;
        break;
      }
      // A venue is the partner only when nothing else is and the subject is a single actor.
      if (target == kNone && venue != kNone &&
          !(source >= 0 && s.nps[source].members.size() > 1))
        target = venue;
    }
    // Passive voice ("X was criticized by Y", "X was attacked in Y"): the subject is the target
    // and the noun phrase after the verb the source, unless the pattern bound them itself.
    if (passive && psource == kNone && ptarget == kNone) {
      int after = target;
      // A phrase after "to", "at", "against", "into" or "towards" is where the act went, and a
      // bare noun phrase is a second object: neither is the agent ("would be explained to
      // congressional leaders", "was flown to Miami", "was elected Japan's prime minister").
      // (The preposition is the nearest before the phrase other than "of": "by a group of
      // gunmen"; a verb, comma or clause word in between leaves none.)
      if (after != kNone) {
        size_t q = s.nps[after].start;
        bool agent = false;
        while (q > v.end) {
          --q;
          if (s.verb_end[q] != 0 || (s.flags[q] & (kComma | kClauseEnd | kComplementizer))) break;
          if (!(s.flags[q] & kPreposition) || s.ids[q].exact == id_of) continue;
          const std::string& prep = s.tokens[q].norm;
          agent = !Is(prep, "TO") && !Is(prep, "AT") && !Is(prep, "AGAINST") && !Is(prep, "INTO") &&
                  !Is(prep, "TOWARDS") && !Is(prep, "TOWARD") && !Is(prep, "ONTO");
          break;
        }
        if (!agent) after = kNone;
      }
      target = source;
      source = after;
    }
    // PETRARCH's new_actor_length: an uncoded noun phrase of at most that many words stands for
    // itself, its words in quotes ("\"THE MINISTRY OF MAGIC\"").
    if (options.new_actor_length > 0 && !passive) {
      auto make = [&](size_t a, size_t b, NounPhrase* np) {
        std::string code;
        int words = 0;
        for (size_t t = a; t < b; ++t) {
          if (s.tokens[t].kind != TokenKind::kWord || Is(s.tokens[t].norm, "'S")) continue;
          if (!code.empty()) code += ' ';
          code += s.tokens[t].norm;
          ++words;
        }
        if (words == 0 || words > options.new_actor_length) return false;
        Member m;
        m.code = "\"" + code + "\"";
        m.rule.text = "new actor (new_actor_length)";
        m.tok_start = static_cast<uint32_t>(a);
        m.tok_end = static_cast<uint32_t>(b);
        *np = NounPhrase{};
        np->start = m.tok_start;
        np->end = m.tok_end;
        np->members.push_back(std::move(m));
        return true;
      };
      auto nominal = [&](size_t t) {
        return !s.deleted[t] && s.verb_end[t] == 0 && s.np_of[t] == kNone &&
               (s.tokens[t].kind == TokenKind::kWord) &&
               (!(s.flags[t] & ~(kDeterminer | kPossessive)) || Is(s.tokens[t].norm, "OF"));
      };
      if (source == kNone) {
        size_t a = v.start;
        while (a > subject_start && nominal(a - 1)) --a;
        if (a < v.start && make(a, v.start, &new_source)) source = -2;
      }
      if (target == kNone) {
        size_t a = v.end;
        if (a < ce && (s.flags[a] & kPreposition) && !Is(s.tokens[a].norm, "OF")) ++a;
        size_t b = a;
        while (b < ce && nominal(b) && !(s.flags[b] & kTimeWord)) ++b;
        if (b > a && make(a, b, &new_target)) target = -2;
      }
      // "Eriador's death and injury toll has risen", "met Gondor and the council of elders": an
      // uncoded noun phrase coordinated with a coded one is a member of the compound too.
      auto add_member = [&](int index, size_t a, size_t b, NounPhrase* out) {
        NounPhrase extra;
        if (a >= b || !make(a, b, &extra)) return false;
        *out = s.nps[index];
        out->members.push_back(std::move(extra.members[0]));
        return true;
      };
      if (source >= 0) {
        const size_t end = s.nps[source].end;
        size_t b = v.start;
        while (b > end && (s.flags[b - 1] & (kAuxiliary | kNegation | kModal))) --b;
        size_t a = b;
        while (a > end && nominal(a - 1)) --a;
        bool joined = a > end && Is(s.tokens[a - 1].norm, "AND");
        for (size_t t = end; joined && t + 1 < a; ++t) joined = nominal(t);
        if (joined && add_member(source, a, b, &new_source)) source = -2;
      }
      if (target >= 0 && s.nps[target].end + 1 < ce && s.tokens[s.nps[target].end].norm == "AND"sv) {
        const size_t a = s.nps[target].end + 1;
        size_t b = a;
        while (b < ce && nominal(b) && !(s.flags[b] & kTimeWord)) ++b;
        // (Not the subject of a verb of its own: "... and the army said".)
        const bool own_verb = b < ce && (s.verb_end[b] != 0 || (s.flags[b] & (kAuxiliary | kModal)));
        if (!own_verb && add_member(target, a, b, &new_target)) target = -2;
      }
    }
    if (source == kNone && target == kNone) continue;
    if (!options.require_dyad && target == kNone && !HasObjectNoun(s, v.end, ce)) continue;

    auto push = [&](const NounPhrase* src, const NounPhrase* tgt, const std::string& cameo_code,
                    bool is_paired) {
      static const std::vector<Member> none(1);  // no actor: an empty code
      const std::vector<Member>& ss = src ? src->members : none;
      const std::vector<Member>& ts = tgt ? tgt->members : none;
      for (const Member& a : ss) {
        for (const Member& b : ts) {
          if (options.require_dyad && (a.code.empty() || b.code.empty())) continue;
          if (!a.code.empty() && a.code == b.code) continue;
          Event e;
          e.sentence_index = sentence_index;
          e.sentence = s.span;
          auto fill = [&](const Member& m, ActorMention* out) {
            out->code = m.code;
            out->country = CountryOf(m.code);
            out->sector = m.code.size() > 3 ? m.code.substr(3) : "";
            if (m.code.size() > 3 && m.code.compare(0, 3, "---") == 0) out->sector = m.code.substr(3);
            out->span = Span{s.tokens[m.tok_start].start, s.tokens[m.tok_end - 1].end};
            out->rule = Rule(m.rule);
          };
          if (!a.code.empty()) fill(a, &e.source);
          if (!b.code.empty()) {
            fill(b, &e.target);
            e.has_target = true;
          }
          e.cameo = cameo_code;
          e.verb = Span{s.tokens[v.start].start, s.tokens[v.end - 1].end};
          e.rule = Rule(rule());
          if (is_paired) e.rule += " (paired)";
          e.date = date;
          e.negated = negated;
          e.modality = modality;
          e.info = cameo.Find(cameo_code);
          (code.subordinate ? subordinate : *events).push_back(std::move(e));
        }
      }
    };
    auto phrase = [&](int index, const NounPhrase& made, const NounPhrase& of_actor) {
      return index == kNone           ? nullptr
             : index == -2            ? &made
             : index == kOfActorAlone ? &of_actor
                                      : &s.nps[index];
    };
    const NounPhrase* src = phrase(source, new_source, of_source);
    const NounPhrase* tgt = phrase(target, new_target, of_target);
    const std::string root = code.code.substr(0, 2);
    // "Fighting broke out between A and B", "talks between A and B": with no source, the
    // members of a list after "between" act on each other.
    const bool between = !src && tgt && tgt->members.size() > 1 && tgt->after_preposition &&
                         Is(s.tokens[tgt->preposition].norm, "BETWEEN");
    if (between) {
      src = tgt;
      tgt = nullptr;
    }
    if (!tgt && src && src->members.size() > 1 &&
        (between || Is(root, "03") || Is(root, "04") || Is(root, "05") || Is(root, "06") ||
         code.code.starts_with("087"sv))) {
      // "U.S. and Russian officials met": the members of a compound subject met each other
      // (PETRARCH-2 does the same for cooperative cue codes); "the army and the RSF agreed to a
      // ceasefire": a truce (087x, de-escalation) is between them too.
      for (size_t a = 0; a < src->members.size(); ++a) {
        for (size_t b = 0; b < src->members.size(); ++b) {
          if (a == b) continue;
          NounPhrase one = *src, other = *src;
          one.members = {src->members[a]};
          other.members = {src->members[b]};
          push(&one, &other, code.code, false);
        }
      }
      have_primary = true;
      continue;
    }
    if (!code.code.empty()) push(src, tgt, code.code, false);
    if (!code.paired.empty()) push(tgt, src, code.paired, true);
    if (!code.subordinate) have_primary = true;
  }
  if (!have_primary)
    for (Event& e : subordinate) events->push_back(std::move(e));
}

// A form listed in several blocks ("--- SHOT [---] ---" and "--- SHOT [223] ---") belongs to the
// first block that gives it a code: a null block gives way to one that codes the verb.
uint32_t Coder::Impl::FormThatCodes(const std::vector<uint32_t>& forms) const {
  if (forms.size() == 1) return forms.front();
  for (uint32_t f : forms)
    if (form_bits[f].codes) return f;
  return forms.front();
}

void Coder::Impl::AnalyzeTokens(Sentence* s) const {
  Tokenize(s->text, s->span, &s->tokens);
  const size_t n = s->tokens.size();
  s->ids.resize(n);
  s->flags.resize(n);
  s->starts.resize(n);
  s->deleted.assign(n, 0);
  bool lower = false, upper = false;
  // Each word hashed once: the hash hints its cached lookup to memory, then finds it.
  thread_local std::vector<uint64_t> hashes;
  hashes.resize(n);
  for (size_t i = 0; i < n; ++i) {
    hashes[i] = coder::WordHash(s->tokens[i].norm);
    vocab.PrefetchLookup(hashes[i]);
  }
  for (size_t i = 0; i < n; ++i) {
    const Token& t = s->tokens[i];
    s->ids[i] = vocab.Lookup(t.norm, hashes[i]);
    const WordIds& w = s->ids[i];
    s->flags[i] = w.exact_tags;  // the word's flags, carried by the lookup (Compile)
    s->starts[i] = w.form_tags;  // tries the word or one of its base forms starts
    if (t.kind == TokenKind::kQuote) s->flags[i] |= kClauseEnd;
    if (t.kind == TokenKind::kWord) (t.capitalized ? upper : lower) = true;
  }
  s->mixed_case = lower && upper;
  for (size_t i = 0; i < n; ++i) {
    if (s->starts[i] & kStartsVerb) verbs.PrefetchRoots(s->ids[i]);
    if (s->starts[i] & kStartsSynset) synsets.PrefetchRoots(s->ids[i]);
    if (s->starts[i] & kStartsDiscard) discards.PrefetchRoots(s->ids[i]);
  }
}

void Coder::Impl::AnalyzeWordPhrases(Sentence* s) const {
  const size_t n = s->tokens.size();
  size_t present = 0;
  for (const WordIds& w : s->ids) present += (w.exact != kNoWord) + w.stem_count;
  s->present.resize(present);
  present = 0;
  for (const WordIds& w : s->ids) {
    if (w.exact != kNoWord) s->present[present++] = w.exact;
    for (uint8_t k = 0; k < w.stem_count; ++k) s->present[present++] = w.stems[k];
  }
  s->present_signature = {};
  for (uint32_t w : s->present) s->present_signature.Add(w);
  // Every synset match, once per sentence: patterns test them again and again.
  s->synset_begin.assign(n + 1, 0);
  s->synset_matches.clear();
  for (size_t i = 0; i < n; ++i) {
    s->synset_begin[i] = static_cast<uint32_t>(s->synset_matches.size());
    if (!(s->starts[i] & kStartsSynset)) continue;
    synsets.MatchAt(std::span<const WordIds>(s->ids), i, [&](size_t e, uint32_t v) {
      for (uint32_t k = s->synset_begin[i]; k < s->synset_matches.size(); ++k) {
        if (s->synset_matches[k].synset != v) continue;
        s->synset_matches[k].end = std::max<uint32_t>(s->synset_matches[k].end, e);
        return;
      }
      s->synset_matches.push_back({v, static_cast<uint32_t>(e)});
      s->present_signature.Add(kSynsetSignature + v);
    });
  }
  s->synset_begin[n] = static_cast<uint32_t>(s->synset_matches.size());
  s->verb_end.assign(n, 0);
  s->in_unit.assign(n, 0);
  s->verb_form.assign(n, 0);
  for (size_t i = 0; i < n; ++i)
    if (s->starts[i] & kStartsVerb) verbs.PrefetchNodes(s->ids[i]);
  thread_local std::vector<uint32_t> values;
  for (size_t i = 0; i < n; ++i) {
    size_t end;
    if (s->tokens[i].kind == TokenKind::kWord && (s->starts[i] & kStartsVerb) &&
        verbs.LongestAt(std::span<const WordIds>(s->ids), i, &end, &values)) {
      s->verb_end[i] = static_cast<uint32_t>(end);
      s->verb_form[i] = FormThatCodes(values);
    }
  }
}

void Coder::Impl::PrefetchPhrases(const Sentence& s) const {
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    if (s.starts[i] & kStartsActor) actors.PrefetchRoots(s.ids[i]);
    if (s.starts[i] & kStartsAgent) agents.PrefetchRoots(s.ids[i]);
  }
}

bool Coder::Impl::CodesNothing(const Sentence& s) const {
  if (s.verbs.empty()) return true;
  // Every event needs a source and a target (require_dyad), and both are members of the
  // sentence's noun phrases unless new actors are made (new_actor_length): a sentence whose noun
  // phrases name no actor codes nothing, whatever its verbs.
  return options.require_dyad && options.new_actor_length <= 0 &&
         std::none_of(s.nps.begin(), s.nps.end(), [](const NounPhrase& np) {
           return !np.members.empty() || !np.of_member.empty();
         });
}

void Coder::Impl::PrefetchVerbs(const Sentence& s) const {
  if (CodesNothing(s)) return;  // CodeVerbs reads nothing of the verbs' records then
  for (size_t t = 0; t < s.tokens.size(); ++t) {
    if (!(s.starts[t] & kStartsPatternKey)) continue;
    const WordIds& w = s.ids[t];
    if (w.exact < pattern_key.size()) __builtin_prefetch(&pattern_key[w.exact]);
    for (uint8_t k = 0; k < w.stem_count; ++k)
      if (w.stems[k] < pattern_key.size()) __builtin_prefetch(&pattern_key[w.stems[k]]);
  }
  for (const VerbHit& v : s.verbs) {
    const uint32_t block = BlockOf(v.form);
    __builtin_prefetch(&dict.verb_blocks[block].code);
    if (form_bits[v.form].has_own_code) __builtin_prefetch(&dict.verb_forms[v.form].own_code);
    if (const auto& filters = block_filters[block]; !filters.empty())
      __builtin_prefetch(filters.data());
    const PatternIndex& index = block_index[block];
    if (!index.slots.empty()) __builtin_prefetch(index.slots.data());
    if (!index.unkeyed.empty()) __builtin_prefetch(index.unkeyed.data());
  }
}

void Coder::Impl::AnalyzePhrases(Sentence* s, Day date, Discourse* discourse) const {
  const size_t n = s->tokens.size();
  for (size_t i = 0; i < n; ++i) {
    if (s->starts[i] & kStartsActor) actors.PrefetchNodes(s->ids[i]);
    if (s->starts[i] & kStartsAgent) agents.PrefetchNodes(s->ids[i]);
  }
  FindNounPhrases(s, date, discourse);
  // "complete, full diplomatic ties": a comma between two adjectives ends nothing.
  for (size_t i = 1; i + 1 < n; ++i)
    if ((s->flags[i] & kComma) && AdjectiveLike(*s, i - 1) && AdjectiveLike(*s, i + 1))
      s->flags[i] &= ~kComma;
  DeleteCommaClauses(s);
  for (size_t i = 0; i < n; ++i)
    if (s->deleted[i]) s->np_of[i] = kNone;
  FindVerbs(s);
}

// ---------------------------------------------------------------------------------------------
Result<std::unique_ptr<Coder>> Coder::Create(DictionarySet dictionaries, CameoTable cameo,
                                             CoderOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->dict = std::move(dictionaries);
  impl->cameo = std::move(cameo);
  impl->options = options;
  impl->Compile();
  return std::unique_ptr<Coder>(new Coder(std::move(impl)));
}

Coder::Coder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Coder::~Coder() = default;
const DictionarySet& Coder::dictionaries() const { return impl_->dict; }
const CoderOptions& Coder::options() const { return impl_->options; }


}  // namespace dragoman
