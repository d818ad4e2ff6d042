// Dictionaries: one in-memory model for the TABARI, PETRARCH-1 and PETRARCH-2 file families.
//
// Readers detect the family from a file's content and fill a DictionarySet; the Coder compiles a
// DictionarySet into its matching structures. Phrases are stored as normalised words produced by
// PhraseWords() (text.h), the same function the coder applies to text, so the two always agree.
// Every entry remembers the file and line it came from: events name the entry that produced them.
// Oddities in real files (entries without a code, repeated phrases, Latin-1 bytes) become warnings
// in DictionarySet::warnings; only unusable input is an error Status naming the file and line.
#ifndef DRAGOMAN_DICTIONARY_H_
#define DRAGOMAN_DICTIONARY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/status.h"
#include "dragoman/text.h"

namespace dragoman {

// Where an entry came from: an index into DictionarySet::files and a 1-based line.
struct SourceRef {
  uint32_t file = 0;
  uint32_t line = 0;
};

// A message about a dictionary file that did not stop it from loading.
struct DictionaryWarning {
  std::string file;
  uint32_t line = 0;
  std::string message;
};

// A word of a phrase. `exact` is TABARI's trailing '_' on a word ("GROUP A_"): the text word must be
// exactly this word, not this word plus a regular ending (S, ES, ED, ING, ...).
struct PhraseWord {
  std::string word;  // normalised, e.g. "PRESIDENT"
  bool exact = false;
  // Written after a space, not joined by '_': in a TABARI actor phrase ("ITHILEN TELEVISION")
  // other words may come between ("Ithilen state-run television").
  bool gap_before = false;
};
using Phrase = std::vector<PhraseWord>;

// ---- Actors -------------------------------------------------------------------------------------
// One code with the days on which it is valid. Both ends inclusive; an undated code (the default)
// has from = kMinDay, to = kMaxDay and is_default = true.
inline constexpr Day kMinDay = INT32_MIN + 1;
inline constexpr Day kMaxDay = INT32_MAX;
struct DatedCode {
  std::string code;  // "RUSGOV", "USA", "IGOUNO"
  Day from = kMinDay;
  Day to = kMaxDay;
  bool is_default = true;
};

struct Actor {
  std::string name;              // the primary phrase as written ("VLADIMIR_PUTIN_")
  std::vector<DatedCode> codes;  // in file order; restrictions are tried first, the default last
  SourceRef where;
};

struct ActorPhrase {
  Phrase words;     // the primary phrase or one of its '+' synonyms
  uint32_t actor;   // index into DictionarySet::actors
  SourceRef where;
};

// ---- Agents -------------------------------------------------------------------------------------
struct Agent {
  std::string code;     // the sector code without '~': "GOV", "MIL", "ELI"
  bool prefix = false;  // "IGO~": placed before the actor code instead of after it
  SourceRef where;
};
struct AgentPhrase {
  Phrase words;  // singular and generated plural forms are separate phrases
  uint32_t agent;
  SourceRef where;
};

// ---- Verbs --------------------------------------------------------------------------------------
// An event code as a dictionary writes it: "043", "042:043", "---", "###", "+++", ":043".
struct EventCode {
  enum class Kind : uint8_t { kEvent, kNull /* [---] */, kDiscard /* [###] */, kComplex /* [+++] */ };
  Kind kind = Kind::kNull;
  std::string code;          // "042" (empty unless kEvent)
  std::string paired;        // "043" for [042:043]: a reciprocal event with source and target swapped
  bool passive_only = false; // "[:043]"
  bool subordinate = false;  // TABARI '?': used only when no other event is found
};
// Parses the inside of the brackets ("042:043", "---"). Unknown forms are an InvalidArgument.
Result<EventCode> ParseEventCode(std::string_view inside);

struct PatternToken {
  enum class Kind : uint8_t {
    kWord,      // a literal word; `word` holds it
    kSynset,    // &NAME; `synset` indexes DictionarySet::synsets
    kSource,    // $  the first actor here is the source
    kTarget,    // +  the first actor here is the target
    kCompound,  // %  a compound actor is both source and target
    kSkip,      // ^  skip one actor
  };
  Kind kind = Kind::kWord;
  PhraseWord word;
  uint32_t synset = 0;
  // This token must immediately follow the previous one (TABARI '_' join); otherwise words may
  // be skipped between them.
  bool joined = false;
  // PETRARCH-2 structure, kept for explanations: the token starts a (PREP ...) phrase.
  bool preposition = false;
};

// A pattern, linear in text order around the verb ('*'). PETRARCH-2 patterns ({ADJ HEAD},
// (PREP NOUN)) are flattened into the same form, so one matcher serves both families.
struct Pattern {
  std::vector<PatternToken> before;  // tokens before the verb, in text order
  std::vector<PatternToken> after;   // tokens after the verb, in text order
  // TABARI "IN_*": the verb must immediately follow before.back() (the verb has no token of its
  // own to carry `joined`; "*_OUT" is after.front().joined).
  bool verb_joined = false;
  EventCode code;
  std::string text;                  // the pattern line as written, for explanations
  SourceRef where;
};

// A verb form: its words in order and which of them is the verb (multi-word verbs such as
// "+ASK_FOR" or "WIRE_+TAP"). Inflections are separate forms of the same block.
struct VerbForm {
  std::vector<std::string> words;  // normalised
  uint32_t verb_word = 0;          // index into words
  uint32_t block = 0;              // index into DictionarySet::verb_blocks
  bool has_own_code = false;       // "CONSULT [040:040]": the form's code overrides the block's
  EventCode own_code;
  std::string lemma;               // the dictionary's base form ("ASK_FOR"), for explanations
  SourceRef where;
};

struct VerbBlock {
  std::string label;              // "--- CONSULT [040] ---" → "CONSULT"
  EventCode code;                 // the bare verb's code
  std::vector<Pattern> patterns;  // shared by every verb of the block
  SourceRef where;
};

struct Synset {
  std::string name;              // "&CURRENCY" without '&'
  std::vector<Phrase> members;   // plurals already generated unless the member or name ends in '_'
  SourceRef where;
};

// PETRARCH-2 "~" transformations, kept as written (the coder interprets the common forms).
struct Transformation {
  std::string text;  // "a (a b ATTACK) SAY = a b 015"
  SourceRef where;
};

// ---- Discards and issues -------------------------------------------------------------------------
struct Discard {
  Phrase words;
  bool story = false;  // '+': discard the whole story, else the sentence
  SourceRef where;
};

struct IssuePhrase {
  Phrase words;
  std::string code;      // "RENEWABLE_ENERGY"
  std::string category;  // "EDUCATION"
  bool ignore = false;   // '~' lines: a match cancels issue coding for the sentence
  SourceRef where;
};

// ---- The set ----------------------------------------------------------------------------------
struct DictionarySet {
  std::vector<std::string> files;  // SourceRef::file indexes this; paths as given
  std::vector<Actor> actors;
  std::vector<ActorPhrase> actor_phrases;
  std::vector<Agent> agents;
  std::vector<AgentPhrase> agent_phrases;
  std::vector<Synset> synsets;
  std::vector<VerbBlock> verb_blocks;
  std::vector<VerbForm> verb_forms;
  std::vector<Transformation> transformations;
  std::vector<Discard> discards;
  std::vector<IssuePhrase> issues;
  // From an ontology file: a CAMEO code → the code of its negation (absent: negation drops it).
  std::vector<std::pair<std::string, std::string>> negations;
  std::vector<DictionaryWarning> warnings;

  // Adds `path` to `files` (once) and returns its index.
  uint32_t AddFile(const std::string& path);
};

// kOntology: PETRARCH-2's internal coding ontology (PETR.Internal.Coding.Ontology.txt, "PICO"),
// read for what it says about negation: "did not X" is coded as the code whose PICO value is X's
// minus 0xFFFF ("did not criticize" 110 → 050), or not at all when no code has that value.
enum class DictionaryKind { kVerbs, kActors, kAgents, kDiscards, kIssues, kOntology };
enum class DictionaryFamily { kPetrarch1, kPetrarch2 };  // PETRARCH-1 includes TABARI

// Reads a dictionary file into `set`. Actor files add to what is there (several actor files are
// usual); the family is detected from the content. Errors name the file and line.
Status LoadDictionary(const std::string& path, DictionaryKind kind, DictionarySet* set);
// The same from bytes already in memory; `name` is used in messages and SourceRefs.
Status ParseDictionary(std::string_view content, const std::string& name, DictionaryKind kind,
                       DictionarySet* set);

// Family detection for verb files: PETRARCH-2 files have "####### VERB PATTERNS" / "SYNONYM SETS"
// headers or (PREP ...) / {..} pattern syntax; PETRARCH-1/TABARI files use $ + % ^ in patterns.
DictionaryFamily DetectVerbFamily(std::string_view content);

// TABARI/PETRARCH date restriction parsing: "<YYMMDD", ">YYYYMMDD", "d1-d2", "" (default).
// Two-digit years 00-30 are 20xx, others 19xx.
Result<DatedCode> ParseDatedCode(std::string_view code, std::string_view restriction);

}  // namespace dragoman

#endif  // DRAGOMAN_DICTIONARY_H_
