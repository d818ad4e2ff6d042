// Output writers for corpus runs: dragoman JSON Lines, PLOVER JSON Lines, GDELT-style TSV,
// Phoenix TSV, CSV and SQLite (docs/formats.md describes each), behind one interface that also
// makes output resumable.
//
// A writer receives input records in input order and keeps, beside the output, a Checkpoint: how
// many input records are fully written plus the run's counters. Commit() makes the output and
// the checkpoint agree: text formats write every buffered byte and then replace FILE.progress
// (written to FILE.progress.tmp and renamed, so it is always whole), recording the output's size;
// SQLite stores the checkpoint in its `run` table inside the same transaction as the rows. A run
// that stops at any point (Ctrl-C, a kill, a crash) therefore leaves a checkpoint that matches a
// prefix of the output, and OpenWriter(resume) cuts the output back to exactly that prefix.
#ifndef DRAGOMAN_OUTPUT_WRITER_H_
#define DRAGOMAN_OUTPUT_WRITER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dragoman/coder.h"
#include "dragoman/status.h"

namespace dragoman {

enum class OutputFormat { kJsonLines, kPlover, kGdelt, kPhoenix, kCsv, kSqlite };

// "jsonl", "plover", "gdelt", "phoenix", "csv", "sqlite".
bool ParseOutputFormat(std::string_view name, OutputFormat* format);

struct OutputOptions {
  OutputFormat format = OutputFormat::kJsonLines;
  // The output file; "" writes to standard output (not allowed for kSqlite).
  std::string path;
  // kJsonLines: also document, quote and warning records (--emit all).
  bool emit_all = false;
  // The dictionaries that coded the run, for document records and the SQLite run table.
  std::string dictionaries;
};

// Where a run stands: saved with the output so that a resumed run continues exactly after it.
struct Checkpoint {
  std::string identity;    // what produced the output (a hash of inputs and options)
  uint64_t records = 0;    // input records (documents and errors) whose output is fully written
  uint64_t documents = 0;  // of which documents coded
  uint64_t errors = 0;     // of which error records
  uint64_t events = 0;     // events written
};

// One coded document to write.
struct OutputDocument {
  uint64_t number = 0;                          // 1-based position of the input record in the run
  const Document* document = nullptr;
  std::string_view meta_json;                   // the input's other fields (JSON object), or ""
  const CodedDocument* coded = nullptr;
  const std::vector<uint32_t>* events = nullptr;  // indices into coded->events to write, in order
  uint64_t first_event_number = 1;              // run-wide 1-based number of the first event here
};

// Not thread-safe: one writer thread.
class Writer {
 public:
  virtual ~Writer() = default;
  virtual Status WriteDocument(const OutputDocument& document) = 0;
  // An input record that could not be read (`number` as in OutputDocument).
  virtual Status WriteError(uint64_t number, std::string_view file, uint64_t line,
                            std::string_view message) = 0;
  // Makes everything written so far and `checkpoint` durable together (see the file comment).
  virtual Status Commit(const Checkpoint& checkpoint) = 0;
  // The run is complete: commits and closes; text formats remove FILE.progress.
  virtual Status Finish(const Checkpoint& checkpoint) = 0;
};

// Opens the output. A new run truncates an existing FILE (and removes a stale FILE.progress).
// With `resume`, *checkpoint receives the saved state (its identity is checked by the caller) and
// the output is cut back to it; NotFound when there is no saved state to continue from.
Result<std::unique_ptr<Writer>> OpenWriter(const OutputOptions& options, bool resume,
                                           Checkpoint* checkpoint);

// True when a write failed because the reader of standard output went away (EPIPE).
bool IsBrokenPipe(const Status& status);

}  // namespace dragoman

#endif  // DRAGOMAN_OUTPUT_WRITER_H_
