// A whole corpus run: see corpus_run.h. The sink below is the writer thread's half: it keeps the
// checkpoint counters, applies de-duplication in input order, and commits about once a second.
#include "pipeline/corpus_run.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include "io/corpus.h"
#include "pipeline/pipeline.h"
#include "pipeline/progress.h"

namespace dragoman::pipeline {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kCommitInterval = std::chrono::seconds(1);

// FNV-1a, 64 bits, as 16 hex digits.
std::string Hash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string Identity(const CorpusRunOptions& o) {
  static const char* const kFormats[] = {"jsonl", "plover", "gdelt", "phoenix", "csv", "sqlite"};
  static const char* const kDedup[] = {"none", "story", "day"};
  std::string s = "dragoman-code 1\nformat=" +
                  std::string(kFormats[static_cast<int>(o.output.format)]) +
                  "\nemit=" + (o.output.emit_all ? "all" : "events") +
                  "\ndedup=" + kDedup[static_cast<int>(o.dedup)] + "\ndate=" + FormatDay(o.date) +
                  "\ndictionaries=" + o.output.dictionaries + "\n" + o.identity + "\n";
  for (const std::string& input : o.inputs) s += "input=" + input + "\n";
  return Hash(s);
}

class OutputSink : public RecordSink {
 public:
  OutputSink(Writer* writer, Dedup dedup, Checkpoint checkpoint, bool progress_line)
      : writer_(writer), dedup_(dedup), checkpoint_(std::move(checkpoint)),
        progress_line_(progress_line), last_commit_(Clock::now()) {}

  Status Write(const CodedRecord& r) override {
    if (r.replay) {  // already written by the interrupted run: only --dedup day's memory
      if (!r.input.is_error) dedup_.Select(r.coded, &kept_);
      return Status::Ok();
    }
    const io::InputRecord& in = r.input;
    if (in.is_error) {
      if (Status s = writer_->WriteError(r.sequence + 1, in.file, in.line, in.message); !s.ok())
        return s;
      ++checkpoint_.errors;
      std::fprintf(stderr, "%sdragoman: %s:%llu: %s\n", progress_line_ ? "\r\x1b[K" : "",
                   in.file.c_str(), static_cast<unsigned long long>(in.line), in.message.c_str());
    } else {
      dedup_.Select(r.coded, &kept_);
      OutputDocument d;
      d.number = r.sequence + 1;
      d.document = &in.document;
      d.meta_json = in.meta_json;
      d.coded = &r.coded;
      d.events = &kept_;
      d.first_event_number = checkpoint_.events + 1;
      if (Status s = writer_->WriteDocument(d); !s.ok()) return s;
      ++checkpoint_.documents;
      checkpoint_.events += kept_.size();
      documents_.fetch_add(1, std::memory_order_relaxed);
      events_.fetch_add(kept_.size(), std::memory_order_relaxed);
    }
    checkpoint_.records = r.sequence + 1;
    dirty_ = true;
    if (Clock::now() - last_commit_ >= kCommitInterval) return Commit();
    return Status::Ok();
  }

  Status Idle() override { return dirty_ ? Commit() : Status::Ok(); }

  Status Commit() {
    dirty_ = false;
    last_commit_ = Clock::now();
    return writer_->Commit(checkpoint_);
  }

  const Checkpoint& checkpoint() const { return checkpoint_; }
  // Counts of this run only, for the progress line (any thread).
  uint64_t documents() const { return documents_.load(std::memory_order_relaxed); }
  uint64_t events() const { return events_.load(std::memory_order_relaxed); }

 private:
  Writer* writer_;
  Deduplicator dedup_;
  Checkpoint checkpoint_;
  bool progress_line_;
  Clock::time_point last_commit_;
  bool dirty_ = false;
  std::vector<uint32_t> kept_;
  std::atomic<uint64_t> documents_{0}, events_{0};
};

}  // namespace

Result<CorpusRunResult> RunCorpus(const Coder& coder, const CorpusRunOptions& options) {
  CorpusRunResult result;
  Checkpoint checkpoint;
  std::string identity = Identity(options);
  Result<std::unique_ptr<Writer>> writer = OpenWriter(options.output, options.resume, &checkpoint);
  if (!writer.ok()) return writer.status();
  if (options.resume) {
    if (checkpoint.identity != identity)
      return Status::InvalidArgument(
          "--resume: " + options.output.path +
          " was written from other inputs or options; run the same command again with --resume");
    result.resumed_from = checkpoint.records;
  } else {
    checkpoint.identity = identity;
  }

  bool progress_line = options.progress && ::isatty(STDERR_FILENO);
  OutputSink sink(writer.value().get(), options.dedup, checkpoint, progress_line);
  // A new output is resumable from its first moment (header written, nothing else).
  if (!options.resume) {
    if (Status s = sink.Commit(); !s.ok()) {
      if (IsBrokenPipe(s)) {
        result.end = CorpusRunResult::End::kBrokenPipe;
        return result;
      }
      return s;
    }
  }

  io::CorpusReader reader(io::ExpandInputs(options.inputs));
  PipelineOptions po;
  po.threads = options.threads;
  po.skip_records = checkpoint.records;
  po.replay_skipped = options.resume && options.dedup == Dedup::kDay;
  po.default_date = options.date;
  po.stop = options.stop;

  auto start = Clock::now();
  std::unique_ptr<ProgressLine> line;
  if (progress_line) {
    line = std::make_unique<ProgressLine>([&] {
      ProgressSnapshot s;
      s.documents = sink.documents();
      s.events = sink.events();
      s.bytes_read = reader.bytes_read();
      s.bytes_total = reader.total_known() ? reader.total_bytes() : 0;
      return s;
    });
  }
  PipelineResult run = RunPipeline(&reader, coder, &sink, po);
  if (line) line->Stop();
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();

  if (!run.status.ok()) {
    if (!IsBrokenPipe(run.status)) return run.status;
    result.end = CorpusRunResult::End::kBrokenPipe;
    result.totals = sink.checkpoint();
    return result;
  }
  Status s = run.stopped ? sink.Commit() : writer.value()->Finish(sink.checkpoint());
  if (!s.ok()) {
    if (!IsBrokenPipe(s)) return s;
    result.end = CorpusRunResult::End::kBrokenPipe;
  } else {
    result.end = run.stopped ? CorpusRunResult::End::kInterrupted : CorpusRunResult::End::kComplete;
  }
  result.totals = sink.checkpoint();

  if (options.summary && result.end != CorpusRunResult::End::kBrokenPipe) {
    const Checkpoint& t = result.totals;
    std::string resumed;
    if (result.resumed_from)
      resumed = ", resumed after " + std::to_string(result.resumed_from) + " records";
    std::fprintf(stderr,
                 "dragoman: %llu documents read, %llu coded, %llu failed, %llu events written "
                 "(%.1f s, %.0f docs/s%s)%s\n",
                 static_cast<unsigned long long>(t.records),
                 static_cast<unsigned long long>(t.documents),
                 static_cast<unsigned long long>(t.errors),
                 static_cast<unsigned long long>(t.events), seconds,
                 seconds > 0 ? sink.documents() / seconds : 0.0, resumed.c_str(),
                 result.end != CorpusRunResult::End::kInterrupted ? ""
                 : options.output.path.empty()                    ? "; interrupted"
                                                                  : "; interrupted: continue with --resume");
  }
  return result;
}

}  // namespace dragoman::pipeline
