// Tests of the pipeline itself: records reach the sink in input order whatever the thread count
// and however small the in-flight budget, skipping and replaying for --resume, stopping, a
// failing sink, and de-duplication.
#include "pipeline/pipeline.h"

#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dragoman/builtin.h"
#include "pipeline/dedup.h"

namespace dragoman::pipeline {
namespace {

const Coder& BuiltinCoder() {
  static const Coder* coder = [] {
    DictionarySet set;
    EXPECT_TRUE(LoadBuiltinDictionaries(&set).ok());
    Result<CameoTable> cameo = LoadBuiltinCameoTable();
    EXPECT_TRUE(cameo.ok());
    Result<std::unique_ptr<Coder>> c = Coder::Create(std::move(set), std::move(cameo).value());
    EXPECT_TRUE(c.ok());
    return std::move(c).value().release();
  }();
  return *coder;
}

std::string WriteCorpus(const std::string& name, int documents) {
  std::string path = ::testing::TempDir() + "/pipeline_unit_" + name + ".jsonl";
  std::ofstream out(path, std::ios::binary);
  for (int i = 0; i < documents; ++i) {
    if (i % 10 == 9) {
      out << "not json\n";
      continue;
    }
    out << "{\"id\":\"d" << i << "\",\"date\":\"2022-03-0" << 1 + i % 3
        << "\",\"text\":\"Russia attacked Ukraine. " << std::string(i % 50, 'x')
        << " China criticized Japan.\"}\n";
  }
  return path;
}

struct Collect : RecordSink {
  Status Write(const CodedRecord& r) override {
    sequences.push_back(r.sequence);
    replays += r.replay;
    if (!r.input.is_error) ids.push_back(r.input.document.id);
    else ++errors;
    if (fail_at >= 0 && static_cast<int64_t>(sequences.size()) == fail_at)
      return Status::IOError("disk full");
    if (stop_at >= 0 && static_cast<int64_t>(sequences.size()) == stop_at) stop->store(true);
    return Status::Ok();
  }
  std::vector<uint64_t> sequences;
  std::vector<std::string> ids;
  int errors = 0, replays = 0;
  int64_t fail_at = -1, stop_at = -1;
  std::atomic<bool>* stop = nullptr;
};

TEST(PipelineUnitTest, RecordsArriveInInputOrderAtAnyThreadCountAndBudget) {
  std::string path = WriteCorpus("order", 500);
  std::vector<std::string> first;
  for (int threads : {1, 2, 3, 8}) {
    for (size_t budget : {size_t{1}, size_t{2}, size_t{0}}) {
      io::CorpusReader reader(io::ExpandInputs({path}));
      Collect sink;
      PipelineOptions o;
      o.threads = threads;
      o.max_in_flight_documents = budget;
      o.max_in_flight_bytes = budget ? 100 : 32u << 20;
      PipelineCounters counters;
      PipelineResult r = RunPipeline(&reader, BuiltinCoder(), &sink, o, &counters);
      ASSERT_TRUE(r.status.ok());
      EXPECT_FALSE(r.stopped);
      ASSERT_EQ(sink.sequences.size(), 500u);
      for (size_t i = 0; i < sink.sequences.size(); ++i) ASSERT_EQ(sink.sequences[i], i);
      EXPECT_EQ(sink.errors, 50);
      EXPECT_EQ(counters.records_read.load(), 500u);
      EXPECT_EQ(counters.records_written.load(), 500u);
      if (first.empty()) first = sink.ids;
      EXPECT_EQ(sink.ids, first);
    }
  }
}

TEST(PipelineUnitTest, SkippedRecordsAreDroppedOrReplayed) {
  std::string path = WriteCorpus("skip", 100);
  for (bool replay : {false, true}) {
    io::CorpusReader reader(io::ExpandInputs({path}));
    Collect sink;
    PipelineOptions o;
    o.threads = 3;
    o.skip_records = 40;
    o.replay_skipped = replay;
    RunPipeline(&reader, BuiltinCoder(), &sink, o);
    ASSERT_EQ(sink.sequences.size(), replay ? 100u : 60u);
    EXPECT_EQ(sink.sequences.front(), replay ? 0u : 40u);
    EXPECT_EQ(sink.sequences.back(), 99u);
    EXPECT_EQ(sink.replays, replay ? 40 : 0);
  }
}

TEST(PipelineUnitTest, StopEndsAfterWholeRecordsAndSinkFailureEndsTheRun) {
  std::string path = WriteCorpus("stop", 1000);
  {
    io::CorpusReader reader(io::ExpandInputs({path}));
    std::atomic<bool> stop{false};
    Collect sink;
    sink.stop = &stop;
    sink.stop_at = 10;
    PipelineOptions o;
    o.threads = 2;
    o.stop = &stop;
    PipelineResult r = RunPipeline(&reader, BuiltinCoder(), &sink, o);
    EXPECT_TRUE(r.stopped);
    EXPECT_LT(sink.sequences.size(), 1000u);
    // Every record read was written, in order, with no gap.
    EXPECT_EQ(sink.sequences.size(), r.records);
    for (size_t i = 0; i < sink.sequences.size(); ++i) ASSERT_EQ(sink.sequences[i], i);
  }
  {
    io::CorpusReader reader(io::ExpandInputs({path}));
    Collect sink;
    sink.fail_at = 5;
    PipelineOptions o;
    o.threads = 4;
    PipelineResult r = RunPipeline(&reader, BuiltinCoder(), &sink, o);
    EXPECT_FALSE(r.status.ok());
    EXPECT_EQ(sink.sequences.size(), 5u);
  }
}

Event MakeEvent(const std::string& source, const std::string& target, const std::string& code,
                Day date) {
  Event e;
  e.source.code = source;
  e.has_target = !target.empty();
  e.target.code = target;
  e.cameo = code;
  e.date = date;
  return e;
}

TEST(PipelineUnitTest, DedupDayKeepsTheFirstPerDaySourceTargetCode) {
  Deduplicator day(Dedup::kDay), story(Dedup::kStory), none(Dedup::kNone);
  CodedDocument a;
  a.events = {MakeEvent("RUS", "UKR", "190", 1), MakeEvent("RUS", "UKR", "190", 2),
              MakeEvent("RUS", "", "190", 1), MakeEvent("RUS", "UKR", "190", 1)};
  CodedDocument b;
  b.events = {MakeEvent("RUS", "UKR", "190", 1), MakeEvent("UKR", "RUS", "190", 1)};
  std::vector<uint32_t> kept;
  day.Select(a, &kept);
  EXPECT_EQ(kept, (std::vector<uint32_t>{0, 1, 2}));
  day.Select(b, &kept);
  EXPECT_EQ(kept, (std::vector<uint32_t>{1}));
  story.Select(a, &kept);
  EXPECT_EQ(kept, (std::vector<uint32_t>{0, 2}));
  story.Select(b, &kept);
  EXPECT_EQ(kept, (std::vector<uint32_t>{0, 1}));
  none.Select(a, &kept);
  EXPECT_EQ(kept.size(), 4u);
  Dedup mode;
  EXPECT_TRUE(ParseDedup("day", &mode));
  EXPECT_EQ(mode, Dedup::kDay);
  EXPECT_FALSE(ParseDedup("week", &mode));
}

}  // namespace
}  // namespace dragoman::pipeline
