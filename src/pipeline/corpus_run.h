// A whole corpus run, as `dragoman code` does it: expand the inputs, open (or resume) the output,
// run the parallel pipeline into it with de-duplication, checkpoint about once a second, report
// progress and a closing summary on standard error.
//
// Resuming: the output carries a Checkpoint (output/writer.h) naming how many input records are
// fully written and an identity, a hash of the inputs' names and every option that shapes the
// output (format, --emit, --dedup, --date, dictionaries, coder options). A resumed run checks the
// identity, skips that many input records (re-coding them without writing when --dedup day must
// rebuild what it has seen), and appends the rest, so that an interrupted run plus its resumption
// writes exactly the bytes (or rows) of one uninterrupted run.
#ifndef DRAGOMAN_PIPELINE_CORPUS_RUN_H_
#define DRAGOMAN_PIPELINE_CORPUS_RUN_H_

#include <atomic>
#include <string>
#include <vector>

#include "dragoman/coder.h"
#include "dragoman/status.h"
#include "output/writer.h"
#include "pipeline/dedup.h"

namespace dragoman::pipeline {

struct CorpusRunOptions {
  // Files, directories and "-" (see io/corpus.h).
  std::vector<std::string> inputs;
  // The date of documents that carry none.
  Day date = kNoDay;
  OutputOptions output;
  Dedup dedup = Dedup::kStory;
  // Continue the interrupted run whose output is output.path.
  bool resume = false;
  // Anything else the output depends on (coder options), folded into the checkpoint identity.
  std::string identity;
  // Coder threads; 0: all cores.
  int threads = 0;
  // Draw a progress line on standard error (only when it is a terminal).
  bool progress = false;
  // Print the closing summary line on standard error.
  bool summary = true;
  // When it becomes true the run stops after whole records (see pipeline.h). Not owned.
  const std::atomic<bool>* stop = nullptr;
};

struct CorpusRunResult {
  enum class End {
    kComplete,     // every input record is written
    kInterrupted,  // `stop` ended the run; the output can be resumed
    kBrokenPipe,   // the reader of standard output went away
  };
  End end = End::kComplete;
  Checkpoint totals;          // the whole output's counts, a resumed run's earlier part included
  uint64_t resumed_from = 0;  // input records that were already written (skipped)
};

// Errors (an output that cannot be opened or written, nothing to resume, a resume whose identity
// differs) are returned as a Status; unreadable input records are not errors here: they are
// written as error records and counted in totals.errors.
Result<CorpusRunResult> RunCorpus(const Coder& coder, const CorpusRunOptions& options);

}  // namespace dragoman::pipeline

#endif  // DRAGOMAN_PIPELINE_CORPUS_RUN_H_
