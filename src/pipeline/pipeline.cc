// The parallel coding pipeline; see pipeline.h for its shape and guarantees.
//
// All coordination goes through one mutex and three condition variables: the reader waits for a
// ticket, coders wait for work, the writer waits for the slot of the next sequence number. The
// critical sections only move records in and out of containers, so with documents of a few
// kilobytes the lock is held for a tiny fraction of the time spent coding.
#include "pipeline/pipeline.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace dragoman::pipeline {
namespace {

// The writer is woken for this many coded records at a time, and the reader, once the pipeline
// is full, when half of it has drained (256 records per coder thread by default): each wake-up
// of a sleeping thread is a futex call and, on a virtual machine, an interrupt between CPUs
// that costs several microseconds, so fewer and larger batches save CPU time (a batch of 16
// and 64 records per thread cost 7-10% more CPU in the production benchmark).
constexpr size_t kWriterBatch = 64;

struct Work {
  uint64_t sequence = 0;
  bool replay = false;
  io::RawRecord raw;
};

struct Slot {
  std::optional<CodedRecord> record;
  size_t bytes = 0;  // raw bytes the record held in flight
};

class Pipeline {
 public:
  Pipeline(io::CorpusReader* reader, const Coder& coder, RecordSink* sink,
           const PipelineOptions& options, PipelineCounters* counters)
      : reader_(reader), coder_(coder), sink_(sink), options_(options), counters_(counters) {
    threads_ = options.threads > 0 ? options.threads : DefaultThreads();
    capacity_ = options.max_in_flight_documents ? options.max_in_flight_documents
                                                : 256 * static_cast<size_t>(threads_);
    slots_.resize(capacity_);
  }

  PipelineResult Run() {
    std::thread reader([this] { ReadAll(); });
    std::vector<std::thread> coders;
    for (int i = 0; i < threads_; ++i) coders.emplace_back([this] { CodeAll(); });
    Status status = WriteAll();
    reader.join();
    for (std::thread& t : coders) t.join();
    PipelineResult result;
    result.status = std::move(status);
    result.stopped = stopped_;
    result.records = records_read_;
    return result;
  }

 private:
  void ReadAll() {
    uint64_t sequence = 0;
    for (;;) {
      if (options_.stop && options_.stop->load()) {
        stopped_ = true;
        break;
      }
      io::RawRecord raw;
      if (!reader_->Next(&raw)) break;
      ++records_read_;
      if (counters_) counters_->records_read.fetch_add(1, std::memory_order_relaxed);
      bool skipped = sequence < options_.skip_records;
      if (skipped && !options_.replay_skipped) {
        ++sequence;
        continue;
      }
      size_t bytes = raw.bytes.size();
      std::unique_lock<std::mutex> lock(mu_);
      // A ticket: room in the count and byte budgets (an empty pipeline always admits one).
      // Once full, the reader waits until the writer has drained half of the pipeline, so that
      // it is woken once per capacity/2 records rather than once per record.
      if (!HasRoom(bytes)) {
        reader_waiting_ = true;
        ticket_cv_.wait(lock, [&] { return abort_ || (HalfEmpty() && HasRoom(bytes)); });
        reader_waiting_ = false;
      }
      if (abort_) break;
      ++in_flight_;
      in_flight_bytes_ += bytes;
      work_.push_back(Work{sequence, skipped, std::move(raw)});
      slots_[sequence % capacity_].bytes = bytes;
      ++sequence;
      lock.unlock();
      work_cv_.notify_one();
    }
    std::lock_guard<std::mutex> lock(mu_);
    reading_done_ = true;
    end_sequence_ = sequence;
    work_cv_.notify_all();
    slot_cv_.notify_all();
  }

  void CodeAll() {
    for (;;) {
      Work work;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_cv_.wait(lock, [&] { return abort_ || !work_.empty() || reading_done_; });
        if (abort_ || work_.empty()) return;
        work = std::move(work_.front());
        work_.pop_front();
      }
      CodedRecord record;
      record.sequence = work.sequence;
      record.replay = work.replay;
      record.input = io::DecodeRecord(std::move(work.raw), options_.default_date);
      if (!record.input.is_error) record.coded = coder_.Code(record.input.document);
      bool wake;
      {
        std::lock_guard<std::mutex> lock(mu_);
        slots_[work.sequence % capacity_].record = std::move(record);
        wake = writer_waiting_ && WriterShouldWake();
      }
      if (wake) slot_cv_.notify_one();
    }
  }

  Status WriteAll() {
    uint64_t next = options_.replay_skipped ? 0 : options_.skip_records;
    {
      std::lock_guard<std::mutex> lock(mu_);
      writer_next_ = next;
    }
    Status status;
    for (;;) {
      std::unique_lock<std::mutex> lock(mu_);
      Slot& slot = slots_[next % capacity_];
      if (!slot.record && !Finished()) {
        writer_waiting_ = true;
        bool woken = slot_cv_.wait_for(lock, std::chrono::milliseconds(200),
                                       [&] { return WriterShouldWake(); });
        writer_waiting_ = false;
        if (!woken) {
          lock.unlock();
          status = sink_->Idle();
          if (!status.ok()) break;
          continue;
        }
      }
      if (!slot.record) break;  // every record read has been written
      CodedRecord record = std::move(*slot.record);
      slot.record.reset();
      size_t bytes = slot.bytes;
      lock.unlock();
      status = sink_->Write(record);
      if (!status.ok()) break;
      if (!record.replay && counters_)
        counters_->records_written.fetch_add(1, std::memory_order_relaxed);
      lock.lock();
      --in_flight_;
      in_flight_bytes_ -= bytes;
      writer_next_ = ++next;
      bool wake = reader_waiting_ && HalfEmpty();
      lock.unlock();
      if (wake) ticket_cv_.notify_one();
    }
    if (!status.ok()) {
      std::lock_guard<std::mutex> lock(mu_);
      abort_ = true;
      ticket_cv_.notify_all();
      work_cv_.notify_all();
    }
    return status;
  }

  // REQUIRES: mu_ held (for all four).
  bool Finished() const { return reading_done_ && writer_next_ >= end_sequence_; }
  // A sleeping writer is woken for a batch of records, not for each: when kWriterBatch
  // consecutive records from its next one are coded, or every record in flight is (a slow input
  // stream), or reading is over. This saves a futex wake-up per record.
  bool WriterShouldWake() const {
    if (Finished()) return true;
    size_t ready = 0;
    while (ready < kWriterBatch && ready < in_flight_ &&
           slots_[(writer_next_ + ready) % capacity_].record)
      ++ready;
    return ready > 0 && (ready == kWriterBatch || ready == in_flight_ || reading_done_);
  }
  bool HasRoom(size_t bytes) const {
    return in_flight_ == 0 ||
           (in_flight_ < capacity_ && in_flight_bytes_ + bytes <= options_.max_in_flight_bytes);
  }
  bool HalfEmpty() const {
    return in_flight_ <= capacity_ / 2 && in_flight_bytes_ <= options_.max_in_flight_bytes / 2;
  }

  io::CorpusReader* reader_;
  const Coder& coder_;
  RecordSink* sink_;
  const PipelineOptions& options_;
  PipelineCounters* counters_;
  int threads_ = 1;
  size_t capacity_ = 1;

  std::mutex mu_;
  std::condition_variable ticket_cv_;  // the reader waits for a ticket
  std::condition_variable work_cv_;    // coders wait for work
  std::condition_variable slot_cv_;    // the writer waits for the next slot
  std::deque<Work> work_;
  std::vector<Slot> slots_;  // indexed by sequence % capacity_
  size_t in_flight_ = 0;
  size_t in_flight_bytes_ = 0;
  bool reading_done_ = false;
  uint64_t end_sequence_ = 0;
  bool abort_ = false;
  bool reader_waiting_ = false;
  bool writer_waiting_ = false;
  uint64_t writer_next_ = 0;  // the sequence number the writer waits for
  // Written by the reader thread only, read after it is joined.
  bool stopped_ = false;
  uint64_t records_read_ = 0;
};

}  // namespace

int DefaultThreads() {
  unsigned n = std::thread::hardware_concurrency();
  return n ? static_cast<int>(n) : 1;
}

PipelineResult RunPipeline(io::CorpusReader* reader, const Coder& coder, RecordSink* sink,
                           const PipelineOptions& options, PipelineCounters* counters) {
  return Pipeline(reader, coder, sink, options, counters).Run();
}

}  // namespace dragoman::pipeline
