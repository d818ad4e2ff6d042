// The Coder: compiled dictionaries that turn documents into events.
//
// Compile once, code many times: a Coder is immutable after Create(), and Code() is const and safe
// to call from many threads at once. Every offset in a result is a byte offset into the
// Document::text the caller passed in.
#ifndef DRAGOMAN_CODER_H_
#define DRAGOMAN_CODER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/cameo.h"
#include "dragoman/dictionary.h"
#include "dragoman/status.h"
#include "dragoman/text.h"

namespace dragoman {

// Load-time options. Names follow PETRARCH's config file where one exists.
struct CoderOptions {
  // Keep only events with both a source and a target (PETRARCH require_dyad).
  bool require_dyad = true;
  // When > 0, an uncoded noun phrase of at most this many words in an actor slot becomes an actor
  // whose code is the quoted phrase ("\"INJURY TOLL\""), as PETRARCH's new_actor_length.
  int new_actor_length = 0;
  // TABARI comma-clause deletion: a comma-delimited clause of comma_min..comma_max words is dropped;
  // b* applies to clauses at the start of the sentence, e* at the end. 0 disables a bound.
  int comma_min = 2;
  int comma_max = 8;
  int comma_bmin = 0;
  int comma_bmax = 0;
  int comma_emin = 0;
  int comma_emax = 0;
  // Give an actor with no country of its own ("---OPP": "protesters", "civilians") the country
  // its sentence places it in ("in Tbilisi", "across France"), or the one country the sentence
  // is about. PETRARCH does not do this; `dragoman validate` turns it off to judge as it does.
  bool infer_country = true;
  // PETRARCH-1 and TABARI conventions, off by default; `dragoman validate` turns them on for a
  // PETRARCH-1 unit-test suite (docs/validate.md).
  // pattern_stems: a pattern word without a trailing '_' also matches its regular forms (EFFORT
  // matches "efforts"), as TABARI does. PETRARCH-1 compares pattern words as written and reaches
  // plurals through synsets, whose members have their plurals generated either way.
  bool pattern_stems = true;
  // passive_needs_by: a "was/were/been + participle" verb is read as passive (source and target
  // swapped) only when BY follows it, as TABARI does ("The Philippines was criticized over its
  // dispute with Eriador" is then coded with the Philippines as the source).
  bool passive_needs_by = false;
  // Longest document coded, in bytes; a longer one gets a "long-document" warning and no events.
  size_t max_document_bytes = 16u << 20;
  // Longest sentence coded, in bytes; longer ones are reported as warnings and skipped.
  size_t max_sentence_bytes = 4096;
  // Whether Code() fills CodedDocument::entities and the text warnings (name-variant,
  // entity-type-mismatch, repeated-words, fragment, date-inconsistency, unknown-actor). Events,
  // quotes and the no-date/long-* warnings do not depend on it; `dragoman code --emit events`,
  // which writes none of these records, turns it off and codes faster.
  bool article_records = true;
};

// Sets one option from a PETRARCH-style name and value ("require_dyad", "True").
Status SetCoderOption(CoderOptions* options, std::string_view name, std::string_view value);
// Reads a PETR_config.ini's options into `options` (unknown keys are ignored).
Status LoadPetrarchConfig(const std::string& path, CoderOptions* options);

struct Document {
  std::string id;
  std::string text;      // UTF-8 (invalid bytes tolerated)
  Day date = kNoDay;     // the story's date; kNoDay: taken from a dateline, else undated
};

struct ActorMention {
  std::string code;     // full actor code: "USAGOV", "---GOV", "IGOWSTNAT"
  std::string country;  // the first three letters when they name a country or IGO/NGO/MNC, else ""
  std::string sector;   // the agent part ("GOV"), "" when none
  Span span;            // the mention in the text
  std::string rule;     // the dictionary entry that coded it ("actors.txt:12 VLADIMIR_PUTIN_")
};

// Where an event happened: a gazetteer place named in its sentence ("in Kyiv", "near Kharkiv"),
// else the dateline's city (docs/output.md, "Locations").
struct Location {
  std::string name;      // the gazetteer's name ("Kyiv", "Donetsk Oblast")
  std::string country;   // ISO alpha-3 as actor codes use it ("UKR")
  std::string country_name;  // "Ukraine", "" when the gazetteer has none
  std::string admin1;    // first-level division, "" when unknown
  double lat = 0, lon = 0;
  bool has_coordinates = false;  // false for a country (the data has no centroids)
  std::string kind;      // "city", "capital", "admin" or "country"
  bool from_dateline = false;
  Span span;             // the mention; for a dateline place, the dateline
};

struct Event {
  uint32_t sentence_index = 0;
  Span sentence;
  ActorMention source;
  bool has_target = false;
  ActorMention target;
  std::string cameo;    // as the dictionary gives it ("042")
  Span verb;
  std::string rule;     // the pattern or rule that produced the code ("verbs.txt:4366 - * (ON DRAFT)")
  Day date = kNoDay;
  bool negated = false;
  // "asserted" (reported as happening or having happened), "future" (will, plans to) or
  // "hypothetical" (if, would, could)
  std::string modality = "asserted";
  const CameoInfo* info = nullptr;  // reference facts for `cameo`, or nullptr (points into the Coder)
  bool has_location = false;
  Location location;
};

struct CoderWarning {
  // "no-date", "long-sentence", "name-variant", "entity-type-mismatch", "repeated-words",
  // "fragment" (docs/output.md describes each)
  std::string kind;
  std::string message;
  Span span;
};

// A direct quotation and who said it.
struct Quote {
  Span span;                 // the quoted words, without the quote marks
  Span speaker;              // the speaker's mention, {0, 0} when none was found
  std::string speaker_code;  // the speaker's actor code, "" when none
  std::string speaker_name;  // the dictionary name of a known person, else the mention's text
};

// One real-world actor of a document and every place it is named.
struct Entity {
  std::string name;           // canonical name: the dictionary's, else the fullest mention
  std::string code;           // actor code at the document's date
  std::vector<Span> mentions; // in text order; pronouns and "I"/"we" resolved to it included
  bool variant_spelling = false;  // some mention was matched as a misspelling of the name
};

struct CodedDocument {
  Day date = kNoDay;                 // the date used to resolve actor codes
  std::vector<Span> sentences;
  std::vector<Event> events;
  std::vector<CoderWarning> warnings;
  std::vector<Quote> quotes;
  std::vector<Entity> entities;
  bool discarded = false;            // a story-level discard matched
};

class Coder {
 public:
  // Compiles `dictionaries` (consumed). `cameo` may be empty (events then carry no reference facts).
  static Result<std::unique_ptr<Coder>> Create(DictionarySet dictionaries, CameoTable cameo,
                                               CoderOptions options = {});
  ~Coder();
  Coder(const Coder&) = delete;
  Coder& operator=(const Coder&) = delete;

  CodedDocument Code(const Document& document) const;
  // Codes a single sentence (the whole text is one sentence), as validation suites need.
  CodedDocument CodeSentence(std::string_view text, Day date) const;
  // A human-readable account of how each sentence of `text` was analysed: tokens, noun phrases
  // with their codes, verbs with their dictionary blocks. For dictionary writers and debugging.
  std::string Explain(std::string_view text, Day date) const;

  const DictionarySet& dictionaries() const;
  const CoderOptions& options() const;

  struct Impl;

 private:
  explicit Coder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_CODER_H_
