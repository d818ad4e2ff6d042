// Validation suites: the community's files of sentences with their expected events, read, coded
// and judged the way PETRARCH judges them (rules and examples in docs/validate.md).
//
// Two judging families, detected from the file:
//   kPetrarch1         PETR.UnitTest.records.xml (records carry sentence="true|false"). A record
//                      passes iff the multiset of coded (source, target, code) equals the expected
//                      one (PETRARCH-1 do_validation()).
//   kUniversalPetrarch PETR_Validate_records_2_02.xml and PETR2_GSR_validation.xml (records carry
//                      evaluate="true|false"); UD-PETRARCH validation.py: records with
//                      evaluate="false" or a category missing from <Include> are skipped, events
//                      with a null ("---") source or target are ignored on both sides, and
//                      event-level TP/FN/FP are reported beside record-level passes.
// Neither file family is well-formed XML in every copy, so the reader is a small tolerant
// tag scanner, not an XML parser: it skips comments, <Parse> bodies and unknown tags.
#ifndef DRAGOMAN_VALIDATE_H_
#define DRAGOMAN_VALIDATE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/coder.h"
#include "dragoman/status.h"
#include "dragoman/text.h"

namespace dragoman {

enum class SuiteFormat { kPetrarch1, kUniversalPetrarch };

// An expected or coded event. Codes are compared as exact strings ("ARN", "---GOV",
// "\"INJURY TOLL\"" for new_actor_length actors; "---" is the null actor).
struct SuiteEvent {
  std::string source;
  std::string target;
  std::string code;
  std::string rule;  // coded events: the rule that produced it (for reports); empty when expected
};
// Equality of the (source, target, code) triple; `rule` is not compared.
bool SameEvent(const SuiteEvent& a, const SuiteEvent& b);

// A <Config option=".." value=".."/> element.
struct SuiteOption {
  std::string name;
  std::string value;
  uint32_t line = 0;  // where it is in the suite file
};

struct SuiteRecord {
  std::string id;
  std::string category;
  Day date = kNoDay;                 // from date="YYYYMMDD"
  std::string text;                  // <Text>: lines trimmed and joined with single spaces
  std::vector<SuiteEvent> expected;  // the <EventCoding eventcode=..> elements, in file order
  bool noevents = false;             // <EventCoding noevents="True">
  std::string error;                 // <EventCoding error="dateline|storydiscard|..">, else ""
  bool evaluate = true;              // evaluate="false" (UD files): not judged
  bool sentence = true;              // sentence="false" (PETRARCH-1 files), informational
  // The <Parse> tree's brackets do not balance. PETRARCH reads the tree, raises
  // bad_input_parse and codes nothing; RunValidationSuite does the same.
  bool unbalanced_parse = false;
  // Every <Config> read before this record, in file order; apply them in order to the defaults.
  std::vector<SuiteOption> options;
  uint32_t line = 0;  // the <Sentence> line
};

// The <Environment> header. File names are as written, relative to the suite's folder.
struct SuiteEnvironment {
  std::string verbs;
  std::vector<std::string> actors;  // several <Actorfile> elements and comma lists are joined
  std::string agents;
  std::string discards;
  std::string ontology;  // <PICOfile>: PETRARCH-2 coding ontology (negation of codes)
  std::vector<std::string> include;  // <Include> categories, without the keyword "valid"
  bool include_valid = false;        // <Include> starts with "valid"
};

struct ValidationSuite {
  std::string path;  // as read; empty for ParseValidationSuite without a file
  SuiteFormat format = SuiteFormat::kPetrarch1;
  SuiteEnvironment environment;
  std::vector<SuiteRecord> records;
};

// Reads a suite file. Malformed content is a Corruption naming "file:line".
Result<ValidationSuite> ReadValidationSuite(const std::string& path);
// The same from bytes in memory; `name` is used in messages and as ValidationSuite::path.
Result<ValidationSuite> ParseValidationSuite(std::string_view content, const std::string& name);

// ---- Judging -------------------------------------------------------------------------------
struct RecordVerdict {
  bool judged = false;  // false: skipped (evaluate="false", or category not in <Include>)
  bool passed = false;  // every expected event coded and nothing else coded
  // Event counts, validation.py style: `correct` expected events were coded (a record that
  // expects nothing and codes nothing counts 1), `uncoded` were not, `extra` coded events were
  // not expected.
  int correct = 0;
  int uncoded = 0;
  int extra = 0;
  std::vector<SuiteEvent> missing;     // expected but not coded
  std::vector<SuiteEvent> unexpected;  // coded but not expected
};

// Judges one record's coded events. Does not look at evaluate/<Include> (JudgeSuite does).
RecordVerdict JudgeRecord(SuiteFormat format, const SuiteRecord& record,
                          const std::vector<SuiteEvent>& coded);

struct CategoryStats {
  std::string category;
  int records = 0;  // judged records
  int skipped = 0;
  int passed = 0;
  int correct = 0;  // event-level, as RecordVerdict
  int uncoded = 0;
  int extra = 0;
  // validation.py's percentages: TP = correct/(correct+uncoded), FN = uncoded/(correct+uncoded),
  // FP = extra/records. 0 when the denominator is 0.
  double tp_percent() const;
  double fn_percent() const;
  double fp_percent() const;
};

struct RecordResult {
  std::vector<SuiteEvent> coded;  // as coded, before any null filtering
  RecordVerdict verdict;
};

struct ValidationReport {
  SuiteFormat format = SuiteFormat::kPetrarch1;
  std::vector<RecordResult> results;      // parallel to ValidationSuite::records
  std::vector<CategoryStats> categories;  // in order of first appearance in the suite
  CategoryStats total;                    // category "TOTAL"
  std::vector<std::string> dictionaries;  // files loaded, in order (RunValidationSuite)
  std::vector<std::string> warnings;      // ignored <Config> options, dictionary warnings count
  int passed() const { return total.passed; }
  int failed() const { return total.records - total.passed; }
};

// Codes one record's text under the options in force for it.
using SuiteCodeFunction = std::function<std::vector<SuiteEvent>(const SuiteRecord&)>;

// Codes every record that is judged (with `code`) and judges it. `ignore_include` judges records
// whose category <Include> leaves out (kUniversalPetrarch only; PETRARCH-1 runs every record).
ValidationReport JudgeSuite(const ValidationSuite& suite, const SuiteCodeFunction& code,
                            bool ignore_include = false);

// The coded events of a CodedDocument as suite events: a missing source or target is "---".
std::vector<SuiteEvent> SuiteEventsFromDocument(const CodedDocument& document);

struct ValidationOptions {
  // Folders searched, after the suite's own folder, for dictionary files the suite names.
  // Then "dictionaries" folders beside the suite's folder and its parent are tried (PETRARCH's
  // data/text + data/dictionaries layout).
  std::vector<std::string> dictionary_dirs;
  // Overrides for the <Environment> files (used as given, not searched). Empty: from the suite.
  std::string verbs;
  std::vector<std::string> actors;
  std::string agents;
  std::string discards;
  // The options before any <Config> element applies.
  CoderOptions coder_options;
  // See JudgeSuite.
  bool ignore_include = false;
};

// Loads the suite's dictionaries, builds a Coder (a new one whenever <Config> elements change the
// options, from a copy of the loaded DictionarySet), codes each judged record's text with
// Coder::CodeSentence and judges it. When the suite names no dictionary files, the PETRARCH-2
// production set is looked up (CAMEO.2.0.txt, Phoenix.{Countries,International,MilNonState}.
// actors.txt, Phoenix.agents.txt, Phoenix.discards.txt). Errors: missing or unusable dictionaries.
Result<ValidationReport> RunValidationSuite(const ValidationSuite& suite,
                                            const ValidationOptions& options);

// The human-readable report: a table per category, then (verbose) every failed record with its
// text, expected and coded events and rules, then warnings, and as its last line exactly
// "N passed, M failed\n".
std::string FormatReport(const ValidationSuite& suite, const ValidationReport& report,
                         bool verbose);

}  // namespace dragoman

#endif  // DRAGOMAN_VALIDATE_H_
