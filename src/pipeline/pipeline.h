// The parallel coding pipeline: one reader thread, N coder threads, and the calling thread as
// the single writer, which receives results strictly in input order.
//
//   reader ──raw records──▶ work queue ──▶ coder × N ──▶ reorder slots ──▶ writer (caller)
//
// Every record read gets a sequence number. Coders decode (JSON parsing) and code records in any
// order and drop each result into the slot of its sequence number; the writer takes slot after
// slot in sequence order, so what the sink sees, and therefore the output, is the same at any
// thread count. Memory is bounded whatever the corpus size: the reader must acquire a ticket
// before it hands a record on, and a ticket is released only when the writer has consumed the
// record, so at most max_in_flight_documents records (and, past the first, at most
// max_in_flight_bytes of input text) exist at once between reader and writer; a slow writer
// therefore slows the reader down (back-pressure) instead of letting queues grow.
//
// Stopping: when `stop` becomes true (e.g. from a SIGINT handler) the reader reads no further
// record; records already read are coded and written, so the output ends with whole records and
// the last written record is exactly the last one read.
#ifndef DRAGOMAN_PIPELINE_PIPELINE_H_
#define DRAGOMAN_PIPELINE_PIPELINE_H_

#include <atomic>
#include <cstdint>

#include "dragoman/coder.h"
#include "dragoman/status.h"
#include "io/corpus.h"

namespace dragoman::pipeline {

// A record coded and ready to write.
struct CodedRecord {
  uint64_t sequence = 0;  // 0-based position of the input record in the run
  bool replay = false;    // a skipped record coded only to rebuild sink state (see PipelineOptions)
  io::InputRecord input;  // the document, or an error
  CodedDocument coded;    // empty for errors
};

// Receives records on the calling thread of RunPipeline, in sequence order.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // A non-ok status stops the run: nothing more is read or written.
  virtual Status Write(const CodedRecord& record) = 0;
  // Called when no record has been ready for a while (about 200 ms), e.g. to flush output of a
  // slow stream.
  virtual Status Idle() { return Status::Ok(); }
};

struct PipelineOptions {
  // Coder threads; 0: std::thread::hardware_concurrency().
  int threads = 0;
  // Records between reader and writer at most; 0: 256 per coder thread.
  size_t max_in_flight_documents = 0;
  // Raw input bytes between reader and writer at most (one record is always let through).
  size_t max_in_flight_bytes = 32u << 20;
  // Input records to skip before coding (a resumed run); they do not reach the sink unless
  // replay_skipped, when they are coded and handed over with CodedRecord::replay set.
  uint64_t skip_records = 0;
  bool replay_skipped = false;
  // The date of documents that carry none (--date).
  Day default_date = kNoDay;
  // Read, not owned: when it becomes true, reading stops (see the file comment).
  const std::atomic<bool>* stop = nullptr;
};

// Live counts, readable from another thread (progress reports) while the pipeline runs.
struct PipelineCounters {
  std::atomic<uint64_t> records_read{0};     // including skipped ones
  std::atomic<uint64_t> records_written{0};  // handed to the sink (not counting replays)
};

struct PipelineResult {
  Status status;          // the sink's failure, if any
  bool stopped = false;   // `stop` ended reading before the end of the input
  uint64_t records = 0;   // records read, including skipped ones
};

// Runs the pipeline to the end of the input, a stop, or a sink failure. `reader`, `coder` and
// `sink` must outlive the call; Coder::Code is called concurrently.
PipelineResult RunPipeline(io::CorpusReader* reader, const Coder& coder, RecordSink* sink,
                           const PipelineOptions& options, PipelineCounters* counters = nullptr);

// The default thread count: hardware_concurrency(), at least 1.
int DefaultThreads();

}  // namespace dragoman::pipeline

#endif  // DRAGOMAN_PIPELINE_PIPELINE_H_
